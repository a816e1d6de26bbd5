"""rectify_core.zip_write: the same bytes zipfile writes for the same entries, without importing it."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectify_core.zip_write import zip_bytes

EPOCH = (1980, 1, 1, 0, 0, 0)


def _by_zipfile(parts: list[tuple[str, bytes]]) -> bytes:
    """The reference: zipfile writing each part as the docx writer used to."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16  # what zipfile 3.11.7 gives an entry without attributes
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buf.getvalue()


names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=30)
contents = st.one_of(st.binary(max_size=3000), st.text(max_size=2000).map(lambda t: t.encode("utf-8")),
                     st.sampled_from([b"", b"<w:t>" * 5000]))


@given(st.lists(st.tuples(names, contents), max_size=8, unique_by=lambda p: p[0]))
def test_the_bytes_are_zipfiles_bytes(parts):
    assert zip_bytes(parts) == _by_zipfile(parts)


def test_a_package_reads_back_with_zipfile_and_text_is_utf8():
    data = zip_bytes([("[Content_Types].xml", "<Types/>"), ("word/文档.xml", "示例镇" * 1000)])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == ["[Content_Types].xml", "word/文档.xml"]
        assert zf.read("word/文档.xml").decode("utf-8") == "示例镇" * 1000
        assert zf.getinfo("word/文档.xml").flag_bits & 0x800  # a UTF-8 name says so
        assert zf.getinfo("[Content_Types].xml").date_time == EPOCH


def test_a_name_given_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        zip_bytes([("a.xml", b"1"), ("a.xml", b"2")])


def test_writing_a_package_imports_no_zipfile():
    code = ("import sys\nfrom rectify_core.zip_write import zip_bytes\nzip_bytes([('a', b'b')])\n"
            "print(sorted(m for m in ('zipfile', 'shutil', 'lzma', 'bz2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
