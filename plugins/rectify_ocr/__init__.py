"""rectify's OCR: RapidOCR on ONNX Runtime as an engine, and a reader for page images.

Needs the ``ocr`` extra (``pip install 'rectify[ocr]'``): rapidocr's wheel carries the Chinese
detection and recognition models, so no model is fetched at run time.  Without it the engine and
the image reader still register (listing formats never imports them) and a scan is an input error
that names the extra.
"""
