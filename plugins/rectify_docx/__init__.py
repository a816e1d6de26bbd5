"""rectify's docx format: a GB/T 9704 writer and a reader for our own and any other Word file.

Only the small reader/writer classes are imported here; python-docx is not used at all, and lxml
is imported inside ``read`` (and by the writer only for a reference docx), so listing formats
stays fast.
"""
