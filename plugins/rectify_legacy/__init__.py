"""rectify's legacy word-processing formats: Word 97–2003 .doc and WPS/Works .wps (read), .doc (write).

Both go through LibreOffice to docx and the docx plugin; nothing heavy is imported here.
"""
