"""The genre's knowledge, once: each word list or rule with its parsing beside it (issue 10).

``tables``  the columns of a 整改台账 table or ledger spreadsheet, by their header names.
"""
