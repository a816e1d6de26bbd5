"""The genre's vocabularies, one place each: words and names the readers and writers share."""
