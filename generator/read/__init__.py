"""Reading input: seed articles with their front matter, and the curator's overrides."""
