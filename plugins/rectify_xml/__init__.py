"""rectify's XML format: tongbao.xsd-valid, lossless, read with a hardened parser.

The reader and writer modules import lxml only inside their functions, so registering this plugin
costs nothing when ``rectify --help`` runs.
"""
