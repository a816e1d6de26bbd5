"""rectify's JSON format: the canonical, lossless serialisation of a Document."""
