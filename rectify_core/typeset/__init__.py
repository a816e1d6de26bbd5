"""The one typesetting core of the fixed-layout writers (PDF, OFD): the GB/T 9704 page in points
(``page``), the faces of each role and the subset fonts they embed (``fonts``), and line breaking
and pagination (``layout``).  The back ends only draw the ``Line``s it gives."""
