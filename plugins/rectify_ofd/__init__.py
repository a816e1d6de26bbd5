"""rectify's OFD format (GB/T 33190-2016): a reader of real OFD files and a GB/T 9704 writer.

``ofd`` holds what both share (namespace, part names, value syntax).  Heavy work (lxml parsing,
typesetting) is imported inside read/write only.
"""
