"""rectify's HTML format: an accessible disclosure page, and a reader for it and for government web pages."""
