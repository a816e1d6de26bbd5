"""Caps and a pre-flight check that refuse hostile PDFs before pdfium spends time or memory on them.

pdfium cannot be interrupted inside a call, so what would make a call expensive is measured
first, by decoding every stream the way pdfium would, counting and throwing the output away:

* every filter chain (``/Filter [/FlateDecode /FlateDecode]``, LZW, RunLength, ASCIIHex, ASCII85;
  names with ``#xx`` escapes and the inline abbreviations; a ``/Filter`` held in another object)
  is decoded stage by stage, each stage's output counted against ``max_inflated`` — whatever the
  dictionary says about itself (``/Image`` in it is no reason to skip it) and whatever the end of
  line after ``stream`` is;
* a stream is decoded until its codec ends, not until the first ``endstream``: the bytes
  ``endstream`` inside compressed data, or a lying ``/Length``, hide nothing;
* form XObjects are expanded on paper: a form drawing another ten times, ten levels deep
  ("XObject laughs"), is counted as the draws and content bytes pdfium would parse
  (``max_elements``, and the content cap below);
* content streams (page contents and forms) are what pdfium turns into objects, at about ten times
  their size in memory: more than :data:`CONTENT_PER_STREAM` in one, or :data:`CONTENT_TOTAL` in all
  (with forms counted as often as they are drawn), is refused — 120 MiB of path operators would
  otherwise take 17 s and 2.7 GB.

What remains (an encrypted file whose streams cannot be decoded here, a bug in pdfium) is bounded
by the worker process the API runs the PDF reader in (``rectify_core.workers``).  A real 通报 has
5–30 pages, a few MB of fonts and well under 1 MB of page content; every cap is far above that.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import field
from typing import Any

from rectify_core.plugin_api import (
    Budget,
    InputError,
    SecurityError,
    compiled,
    current_budget,
    dataclass,
    parse_pairs,
    size_text,
)

CONTENT_PER_STREAM = 4 * 2**20
CONTENT_TOTAL = 24 * 2**20
OBJSTM_KEEP = 16 * 2**20   # decoded object streams kept to index the objects inside
IMAGE_FACTOR = 4          # decoded image data may reach this many times max_inflated (scans are big, not parsed)
_CHUNK = 4 * 2**20


@dataclass(frozen=True)
class Limits:
    bytes: int = 64 * 2**20
    pages: int = 500
    chars_per_page: int = 50_000
    chars: int = 500_000
    seconds: float = 20.0
    inflated: int = 128 * 2**20  # all streams together, decoded
    draws: int = 200_000         # form XObjects drawn, counted through every level
    content: int = CONTENT_TOTAL

    @classmethod
    def from_options(cls, options: dict[str, Any], budget: Budget | None = None) -> Limits:
        """From the read's budget; the reader options ``max_pages`` and ``max_seconds`` still override it.

        An option that is not a positive number is a usage error naming it (never exit 70).
        """
        lim = (budget or current_budget()).limits
        pages, seconds = lim.max_pages, lim.timeout
        asked = {k: options[k] for k in ("max_pages", "max_seconds") if k in options}
        if asked:
            try:
                parsed = parse_pairs(",".join(f"{k.replace('max_seconds', 'timeout')}={v}" for k, v in asked.items()))
            except Exception as exc:
                raise type(exc)(str(exc).replace("limit timeout", "option max_seconds")
                                .replace("limit max_pages", "option max_pages")) from None
            pages = int(parsed.get("max_pages", pages))
            seconds = float(parsed.get("timeout", seconds))
        return cls(bytes=lim.max_bytes, pages=pages, seconds=seconds, inflated=lim.max_inflated,
                   draws=lim.max_elements)


def preflight(data: bytes, name: str, limits: Limits) -> None:
    """Refuse what is not a PDF, is cut short, or hides a decompression or expansion bomb."""
    if len(data) > limits.bytes:
        raise SecurityError(f"the PDF is {size_text(len(data))}; limit max_bytes={limits.bytes}", file=name)
    if b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF (no %PDF- header)", file=name)
    if b"%%EOF" not in data[-2048:]:
        raise InputError("the PDF is truncated (it does not end with %%EOF): the download or copy was cut short",
                         file=name)
    Scan(data, name, limits).run()


# ------------------------------------------------------------------------------------ PDF syntax

_OBJ = compiled(rb"(\d{1,10})\s+(\d{1,5})\s+obj\b")
_STREAM = compiled(rb"\bstream(?:\r\n|\r|\n)?")
_REF = compiled(rb"(\d{1,10})\s+\d{1,5}\s+R\b")
_NAME_ESC = compiled(rb"#([0-9A-Fa-f]{2})")
_NAME = compiled(rb"/([^\s/\[\]<>(){}%]*)")
_DO = compiled(rb"(?:^|[\s/\]>)])Do(?=[\s/\[<(%]|$)")
_ABBREV = {b"Fl": b"FlateDecode", b"LZW": b"LZWDecode", b"RL": b"RunLengthDecode", b"AHx": b"ASCIIHexDecode",
           b"A85": b"ASCII85Decode", b"DCT": b"DCTDecode", b"CCF": b"CCITTFaxDecode"}


def name_of(raw: bytes) -> bytes:
    """A PDF name with its ``#xx`` escapes decoded and an abbreviation expanded."""
    plain = _NAME_ESC.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
    return _ABBREV.get(plain, plain)


def _value_after(text: bytes, key: bytes) -> bytes | None:
    """The raw text of ``/key``'s value in a dictionary (a name, array, number, reference …), or None."""
    for m in re.finditer(rb"/" + key + rb"(?=[\s/\[<(])", text):
        rest = text[m.end():].lstrip()
        if rest.startswith(b"["):
            end = rest.find(b"]")
            return rest[:end + 1] if end != -1 else rest[:4096]
        ref = re.match(rb"\d+\s+\d+\s+R\b", rest)
        if ref:
            return ref.group(0)
        token = re.match(rb"/?[^\s/\[\]<>()]*", rest)
        return token.group(0) if token else None
    return None


def _keys(text: bytes) -> set[bytes]:
    return {name_of(m.group(1)) for m in _NAME.finditer(text)}


@dataclass
class Obj:
    number: int
    start: int            # after "N G obj"
    end: int              # "endobj" (or the next object)
    dict_text: bytes = b""
    stream_at: int = -1   # first byte of stream data, -1 when not a stream
    kind: str = "other"   # content, form, image, font, objstm, xref, other
    do_count: int = 0
    content_bytes: int = 0
    refs: list[int] = field(default_factory=list)
    packed: bytes | None = None   # the text of an object that lives inside an object stream


# -------------------------------------------------------------------------------------- decoders

Decoder = Callable[[Iterator[bytes]], Iterator[bytes]]


def _flate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    first = next(chunks, b"")
    wbits = 15 if first[:1] and (first[0] & 0x0F) == 8 and len(first) > 1 and \
        ((first[0] << 8) | first[1]) % 31 == 0 else -15  # pdfium also inflates a missing zlib header
    inflater = zlib.decompressobj(wbits)

    def feed(data: bytes) -> Iterator[bytes]:
        pending = data
        while pending and not inflater.eof:
            out = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            if out:
                yield out
            elif not pending:
                break

    try:
        yield from feed(first)
        for chunk in chunks:
            if inflater.eof:
                break
            yield from feed(chunk)
        if not inflater.eof:
            tail = inflater.flush()
            if tail:
                yield tail
    except zlib.error:
        return  # damaged data: pdfium stops there too


def _lzw(chunks: Iterator[bytes], early_change: int = 1) -> Iterator[bytes]:
    table: list[bytes] = [bytes([i]) for i in range(256)] + [b"", b""]
    width, acc, nbits = 9, 0, 0
    prev: bytes | None = None
    out = bytearray()
    for chunk in chunks:
        for byte in chunk:
            acc = (acc << 8) | byte
            nbits += 8
            while nbits >= width:
                nbits -= width
                code = (acc >> nbits) & ((1 << width) - 1)
                acc &= (1 << nbits) - 1
                if code == 256:
                    del table[258:]
                    width, prev = 9, None
                    continue
                if code == 257:
                    if out:
                        yield bytes(out)
                    return
                if code < len(table):
                    entry = table[code]
                elif prev is not None and code == len(table):
                    entry = prev + prev[:1]
                else:
                    if out:
                        yield bytes(out)
                    return  # damaged
                out += entry
                if prev is not None and len(table) < 4096:
                    table.append(prev + entry[:1])
                    if len(table) + early_change >= (1 << width) and width < 12:
                        width += 1
                prev = entry
                if len(out) >= _CHUNK:
                    yield bytes(out)
                    out.clear()
    if out:
        yield bytes(out)


def _run_length(chunks: Iterator[bytes]) -> Iterator[bytes]:
    out = bytearray()
    data = b"".join(chunks)  # RunLength input is never large for a PDF: bounded by the file size
    i = 0
    while i < len(data):
        n = data[i]
        if n == 128:
            break
        if n < 128:
            out += data[i + 1:i + 2 + n]
            i += n + 2
        else:
            out += data[i + 1:i + 2] * (257 - n)
            i += 2
        if len(out) >= _CHUNK:
            yield bytes(out)
            out.clear()
    if out:
        yield bytes(out)


def _ascii_hex(chunks: Iterator[bytes]) -> Iterator[bytes]:
    data = b"".join(chunks)
    end = data.find(b">")
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", data[:end if end != -1 else len(data)])
    yield bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())


def _ascii85(chunks: Iterator[bytes]) -> Iterator[bytes]:
    data = b"".join(chunks)
    end = data.find(b"~>")
    try:
        yield base64.a85decode(re.sub(rb"\s", b"", data[:end if end != -1 else len(data)]))
    except ValueError:
        return


DECODERS: dict[bytes, Decoder] = {b"FlateDecode": _flate, b"LZWDecode": _lzw, b"RunLengthDecode": _run_length,
                                  b"ASCIIHexDecode": _ascii_hex, b"ASCII85Decode": _ascii85}
IMAGE_CODECS = {b"DCTDecode", b"JPXDecode", b"JBIG2Decode", b"CCITTFaxDecode", b"Crypt"}


# -------------------------------------------------------------------------------------------- scan

class Scan:
    """One pass over the file: objects, their streams decoded and counted, then forms expanded."""

    def __init__(self, data: bytes, name: str, limits: Limits) -> None:
        self.data = data
        self.name = name
        self.limits = limits
        self.objects: dict[int, Obj] = {}
        self.inflated = 0
        self.image_bytes = 0
        self.content = 0

    def run(self) -> None:
        self._index()
        for obj in list(self.objects.values()):
            if obj.stream_at >= 0:
                self._decode(obj)
        self._expand_forms()

    # -- objects
    def _index(self) -> None:
        data = self.data
        starts = []
        for m in _OBJ.finditer(data):
            starts.append((int(m.group(1)), m.end()))
            if len(starts) > self.limits.draws:  # a notice has hundreds of objects; each costs us ~300 bytes
                raise SecurityError(f"the PDF holds more than {self.limits.draws:,} objects; "
                                    f"limit max_elements={self.limits.draws}", file=self.name)
        for i, (number, start) in enumerate(starts):
            limit = starts[i + 1][1] if i + 1 < len(starts) else len(data)
            end = data.find(b"endobj", start, limit)
            end = limit if end == -1 else end
            obj = Obj(number, start, end)
            kw = _STREAM.search(data, start, min(end, start + 2**20)) if b"stream" in data[start:end] else None
            head_end = kw.start() if kw else min(end, start + 2**16)
            obj.dict_text = data[start:head_end]
            if kw and b"endstream" not in data[start:kw.start()]:
                obj.stream_at = kw.end()
                obj.kind = self._kind(obj.dict_text)
            obj.refs = [int(r) for r in _REF.findall(obj.dict_text)]
            self.objects[number] = obj  # a later definition of the same number wins, as in an update

    @staticmethod
    def _kind(text: bytes) -> str:
        keys = _keys(text)
        if b"ObjStm" in keys:
            return "objstm"
        if b"XRef" in keys:
            return "xref"
        if b"Form" in keys and b"Subtype" in keys:
            return "form"
        if b"Image" in keys and b"Subtype" in keys and b"Width" in keys:
            return "image"
        if keys & {b"Length1", b"Length2", b"Type1C", b"CIDFontType0C", b"OpenType", b"Metadata", b"ICCBased",
                   b"N", b"CMap", b"EmbeddedFile"} and b"Form" not in keys:
            return "data"
        return "content"

    def _resolve(self, raw: bytes | None) -> bytes | None:
        """An indirect value (``N G R``) replaced by the object's text, once."""
        if raw is None:
            return None
        m = re.fullmatch(rb"(\d+)\s+\d+\s+R", raw.strip())
        if m:
            obj = self.objects.get(int(m.group(1)))
            if obj is None:
                return None
            return (obj.packed if obj.packed is not None else self.data[obj.start:obj.end]).strip()[:4096]
        return raw

    def _filters(self, obj: Obj) -> list[bytes]:
        raw = self._resolve(_value_after(obj.dict_text, b"Filter"))
        if raw is None:
            return []
        return [name_of(m.group(1)) for m in _NAME.finditer(raw)]

    # -- streams
    def _decode(self, obj: Obj) -> None:
        filters = self._filters(obj)
        if not filters:
            length = self._length(obj)
            if obj.kind in ("content", "form"):
                obj.content_bytes = length
                obj.do_count = self._count_do(iter([self.data[obj.stream_at:obj.stream_at + length]]))
                self._charge_content(obj, length)
            return
        chunks: Iterator[bytes] = self._raw_chunks(obj)
        for stage, f in enumerate(filters):
            decoder = DECODERS.get(f)
            if decoder is None:
                break  # image codecs are not run to read text; an unknown filter fails in pdfium
            chunks = self._counted(decoder(chunks), obj, last=stage == len(filters) - 1)
        tally = 0
        kept = bytearray()
        for piece in chunks:
            tally += len(piece)
            if obj.kind == "objstm" and len(kept) < OBJSTM_KEEP:
                kept += piece
        if obj.kind == "objstm":
            self._index_objstm(obj, bytes(kept))
        if obj.kind in ("content", "form"):
            obj.content_bytes = tally
            self._charge_content(obj, tally)

    def _index_objstm(self, obj: Obj, data: bytes) -> None:
        """Objects packed in an object stream join the table (their resources can point at forms)."""
        try:
            count = int(self._resolve(_value_after(obj.dict_text, b"N")) or b"0")
            first = int(self._resolve(_value_after(obj.dict_text, b"First")) or b"0")
        except ValueError:
            return
        numbers = [int(x) for x in data[:first].split()[:2 * min(count, 100_000)]]
        pairs = list(zip(numbers[::2], numbers[1::2], strict=False))
        for i, (number, offset) in enumerate(pairs):
            start = first + offset
            end = first + pairs[i + 1][1] if i + 1 < len(pairs) else len(data)
            if number in self.objects or not 0 <= start <= end <= len(data):
                continue
            text = data[start:min(end, start + 2**16)]
            self.objects[number] = Obj(number, 0, 0, dict_text=text, refs=[int(r) for r in _REF.findall(text)],
                                       packed=text)

    def _length(self, obj: Obj) -> int:
        raw = self._resolve(_value_after(obj.dict_text, b"Length"))
        try:
            length = int(raw.split()[0]) if raw else -1
        except (ValueError, IndexError):
            length = -1
        if length < 0 or obj.stream_at + length > len(self.data):
            end = self.data.find(b"endstream", obj.stream_at)
            length = (end if end != -1 else len(self.data)) - obj.stream_at
        return length

    def _raw_chunks(self, obj: Obj) -> Iterator[bytes]:
        """The bytes after ``stream`` to the end of the file: the codec decides where the data ends."""
        pos = obj.stream_at
        while pos < len(self.data):
            yield self.data[pos:pos + _CHUNK]
            pos += _CHUNK

    def _counted(self, chunks: Iterator[bytes], obj: Obj, last: bool) -> Iterator[bytes]:
        tail = b""
        for piece in chunks:
            if obj.kind == "image":
                self.image_bytes += len(piece)
                if self.image_bytes > self.limits.inflated * IMAGE_FACTOR:
                    raise self._bomb(obj, "image data", self.limits.inflated * IMAGE_FACTOR)
            else:
                self.inflated += len(piece)
                if self.inflated > self.limits.inflated:
                    raise self._bomb(obj, "decoded streams", self.limits.inflated)
            if last and obj.kind in ("content", "form"):
                obj.do_count += len(_DO.findall(tail + piece))
                tail = piece[-8:]
                obj.content_bytes += len(piece)
                if obj.content_bytes > CONTENT_PER_STREAM:
                    raise SecurityError(
                        f"content stream of object {obj.number} decodes to more than {size_text(CONTENT_PER_STREAM)} "
                        "of drawing operators (a decompression bomb or a drawing flood; a page of a notice has tens "
                        "of KB): refused before pdfium parses it",
                        file=self.name)
            yield piece
        if last and obj.kind in ("content", "form"):
            obj.content_bytes = 0  # recounted by the caller as the total

    def _count_do(self, chunks: Iterator[bytes]) -> int:
        return sum(len(_DO.findall(c)) for c in chunks)

    def _charge_content(self, obj: Obj, size: int) -> None:
        if size > CONTENT_PER_STREAM:
            raise SecurityError(f"content stream of object {obj.number} is {size_text(size)} of drawing operators "
                                f"(limit {size_text(CONTENT_PER_STREAM)} a stream)", file=self.name)
        self.content += size
        if self.content > self.limits.content:
            raise SecurityError(f"the pages' content streams hold more than {size_text(self.limits.content)} of "
                                "drawing operators: refused before pdfium parses them", file=self.name)

    def _bomb(self, obj: Obj, what: str, limit: int) -> SecurityError:
        return SecurityError(f"the stream of object {obj.number} (at byte {obj.stream_at:,}) takes the {what} past "
                             f"{size_text(limit)}: a decompression bomb; limit max_inflated={self.limits.inflated}",
                             file=self.name)

    # -- form XObjects
    def _children(self, obj: Obj, depth: int = 0) -> set[int]:
        """Form XObjects reachable from ``obj``'s dictionary through non-stream objects (resources)."""
        found: set[int] = set()
        seen: set[int] = {obj.number}
        todo = [(r, 0) for r in obj.refs]
        while todo:
            number, level = todo.pop()
            if number in seen or level > 4:
                continue
            seen.add(number)
            target = self.objects.get(number)
            if target is None:
                continue
            if target.kind == "form":
                found.add(number)
            elif target.stream_at < 0 and not re.search(rb"/Type\s*/Page\b", target.dict_text):
                todo.extend((r, level + 1) for r in target.refs)
        return found

    def _expand_forms(self) -> None:
        forms = {n: o for n, o in self.objects.items() if o.kind == "form"}
        if not forms:
            return
        memo: dict[int, tuple[int, int]] = {}
        busy: set[int] = set()

        def cost(number: int, depth: int) -> tuple[int, int]:
            """(draws, content bytes) of drawing form ``number`` once, every nested form included."""
            if number in memo:
                return memo[number]
            if number in busy or depth > 64:
                return 1, 0  # a cycle: pdfium refuses to recurse into it
            busy.add(number)
            obj = forms[number]
            kids = [cost(k, depth + 1) for k in self._children(obj)]
            worst = max(kids, default=(0, 0))
            draws = 1 + obj.do_count * worst[0]
            size = obj.content_bytes + obj.do_count * worst[1]
            busy.discard(number)
            memo[number] = (draws, size)
            return draws, size

        worst_form = max((cost(n, 0) for n in forms), default=(0, 0))
        calls = max((o.do_count for o in self.objects.values() if o.kind == "content"), default=0)
        draws = max(worst_form[0], calls * worst_form[0])
        size = max(worst_form[1], calls * worst_form[1])
        if draws > self.limits.draws:
            raise SecurityError(f"form XObjects draw one another {draws:,} times (nested forms multiplying, "
                                f"an 'XObject laughs' bomb); limit max_elements={self.limits.draws}", file=self.name)
        if self.content + size > self.limits.content:
            raise SecurityError(f"form XObjects drawn through their nesting make {size_text(self.content + size)} of "
                                f"content for pdfium to parse (limit {size_text(self.limits.content)})",
                                file=self.name)


__all__ = ["CONTENT_PER_STREAM", "CONTENT_TOTAL", "Limits", "Scan", "name_of", "preflight"]
