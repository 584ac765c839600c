"""Static briefing-site generator: news articles in, a searchable MkDocs site out."""
