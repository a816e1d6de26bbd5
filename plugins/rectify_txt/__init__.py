"""rectify's txt format: read plain text through the recognizer, write the canonical plain text."""
