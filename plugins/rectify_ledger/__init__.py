"""rectify's ledger formats: the rectification ledger (整改台账) as xlsx, xls, ods and csv.

Read: one row per problem under merged heading rows, plus front matter (``--front FILE`` or a
基本信息 sheet), into a Document that every other format writes.  Write: any Document as a ledger
(xlsx, csv).  ``rectify export`` (``rectify_ledger.export``) tabulates many notices in one.
See docs/ledger.md.
"""
