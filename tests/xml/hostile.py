"""Hostile and invalid XML inputs, generated (never committed), shared by the tests and the bench."""

from __future__ import annotations

from pathlib import Path

GOOD = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0">\n'
        b"  <Title>\xe7\xa4\xba\xe4\xbe\x8b\xe9\x95\x87\xe5\x85\x9a\xe5\xa7\x94\xe5\x85\xb3\xe4\xba\x8e"
        b"\xe5\xb7\xa1\xe5\xaf\x9f\xe6\x95\xb4\xe6\x94\xb9\xe8\xbf\x9b\xe5\xb1\x95\xe6\x83\x85\xe5\x86\xb5"
        b"\xe7\x9a\x84\xe9\x80\x9a\xe6\x8a\xa5</Title>\n"
        b"</Tongbao>\n")


def billion_laughs(levels: int = 10) -> bytes:
    lines = [b'<?xml version="1.0"?>', b"<!DOCTYPE Tongbao [", b' <!ENTITY lol0 "lol">']
    for i in range(1, levels):
        lines.append(f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">'.encode())
    lines += [b"]>", f'<Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0"><Title>&lol{levels - 1};</Title>'
              "</Tongbao>".encode()]
    return b"\n".join(lines)


def xxe(path: str = "/etc/passwd") -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE Tongbao [ <!ENTITY xxe SYSTEM "file://{path}"> ]>\n'
            f'<Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0"><Title>&xxe;</Title></Tongbao>\n').encode()


def xxe_parameter_entity(path: str = "/etc/passwd") -> bytes:
    return (f'<?xml version="1.0"?>\n<!-- looks harmless -->\n<?pi x?>\n<!DOCTYPE Tongbao [ '
            f'<!ENTITY % p SYSTEM "file://{path}"> %p; ]>\n'
            f'<Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0"/>\n').encode()


def dtd_fetch(url: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE Tongbao SYSTEM "{url}">\n'
            f'<Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0"><Title>&ent;</Title></Tongbao>\n').encode()


def xinclude(path: str = "/etc/passwd") -> bytes:
    return (f'<?xml version="1.0"?>\n<Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0" '
            f'xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{path}" parse="text"/></Tongbao>\n'
            ).encode()


def invalid_utf8() -> tuple[bytes, int]:
    """A good file with one stray byte; returns the bytes and the byte offset of the bad byte."""
    at = GOOD.index(b"<Title>") + len(b"<Title>") + 3
    return GOOD[:at] + b"\xff" + GOOD[at:], at


def deep_nesting(depth: int = 100_000) -> bytes:
    return (b'<Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0"><Body>' + b"<Section>" * depth
            + b"</Section>" * depth + b"</Body></Tongbao>")


def big_file(path: Path, size: int = 200 * 2**20) -> Path:
    """A ``size``-byte file that starts like a tongbao document (sparse: instant to make)."""
    with open(path, "wb") as fh:
        fh.write(GOOD[: GOOD.index(b"<Title>")] + b"<Title>")
        fh.truncate(size)
    return path
