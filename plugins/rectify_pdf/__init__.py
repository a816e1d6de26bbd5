"""rectify's PDF format: a GB/T 9704 writer (reportlab) and a reader for real Chinese PDFs (pdfium).

Both classes are cheap to import; reportlab and pypdfium2 are imported inside read/write only.
"""
