"""One Rule object per kind of temporal expression, grouped by what they name; `registry` orders them."""
