"""Rules on heading numbers: sequences, levels (GB/T 9704 7.3.3), styles and brackets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..model import Document, Node
from ..patterns import compiled
from ..vocab.markers import RANK, STYLE_SHOWN
from . import Hit, rule


def _sibling_groups(doc: Document) -> Iterator[tuple[str, tuple[Node, ...]]]:
    for base, siblings, _ in _ranked_groups(doc):
        yield base, siblings


def _ranked_groups(doc: Document) -> Iterator[tuple[str, tuple[Node, ...], int]]:
    """(pointer, siblings, rank of the nearest numbered ancestor, -1 at the top) of every group."""
    def visit(nodes: tuple[Node, ...], base: str, rank: int) -> Iterator[tuple[str, tuple[Node, ...], int]]:
        yield base, nodes, rank
        for i, node in enumerate(nodes):
            if node.children:
                own = RANK.get(node.marker.style, rank) if node.marker is not None else rank
                yield from visit(node.children, f"{base}/{i}/children", own)
    if doc.body:
        yield from visit(doc.body, "/body", -1)


def _numbered(siblings: tuple[Node, ...]) -> Iterator[tuple[int, Node]]:
    """Siblings that carry a heading number (labels such as 问题1： count separately)."""
    for i, node in enumerate(siblings):
        if node.marker is not None and node.marker.style != "label":
            yield i, node


# A skipped or repeated number is a warning: real notices have them (a part published from 三、, a
# section renumbered by hand) and are still read and converted; --fail-on warning makes them fail.
@rule("numbering.gap", "warning", "sibling numbers run 1, 2, 3 … without gaps")
def _gap(doc: Document) -> Iterator[Hit]:
    # Values are compared across styles: "1." typed where "（1）" was meant is one anomaly
    # (numbering.mixed-style), not also a gap.
    for base, siblings in _sibling_groups(doc):
        want = 1
        for i, node in _numbered(siblings):
            assert node.marker is not None
            if node.marker.value > want:
                yield (f"{base}/{i}/marker",
                       f"编号不连续：应为第 {want} 项，实为第 {node.marker.value} 项",
                       f"numbering gap: expected item {want}, found {node.marker.value}")
            want = max(want, node.marker.value + 1)


@rule("numbering.repeat", "warning", "no sibling number is used twice or goes backwards")
def _repeat(doc: Document) -> Iterator[Hit]:
    for base, siblings in _sibling_groups(doc):
        seen = 0
        for i, node in _numbered(siblings):
            assert node.marker is not None
            if node.marker.value <= seen:
                yield (f"{base}/{i}/marker", f"编号重复或倒退：{node.marker.value}",
                       f"numbering repeats or goes back: {node.marker.value} after {seen}")
            seen = max(seen, node.marker.value)


@rule("numbering.level-order", "warning", "levels nest 一、→（一）→1.→（1）→① (GB/T 9704 7.3.3)")
def _level_order(doc: Document) -> Iterator[Hit]:
    for base, siblings, parent_rank in _ranked_groups(doc):
        main = _main_style(siblings, parent_rank)
        for i, node in enumerate(siblings):
            rank = RANK.get(node.marker.style) if node.marker is not None else None
            # a sibling out of step with the others is numbering.mixed-style's to report
            if node.marker is not None and rank is not None and rank <= parent_rank and node.marker.style == main:
                yield (f"{base}/{i}/marker",
                       f"层次序数不当：{STYLE_SHOWN[node.marker.style]} 不应出现在此层级",
                       f"heading level out of order: {STYLE_SHOWN[node.marker.style]} cannot nest here")


def _main_style(siblings: tuple[Node, ...], parent_rank: int) -> str | None:
    """The style most siblings use; on a tie one that may stand at this level (below the parent's
    rank), then the first one's — so in 2.关于… › 1.针对… (2)针对… the 1. is the odd one out."""
    styles = [n.marker.style for n in siblings if n.marker is not None]
    counts = Counter(styles)  # one count per style: counting per sibling made a long list quadratic
    first = {s: i for i, s in reversed(list(enumerate(styles)))}

    def fits(style: str) -> bool:
        return RANK.get(style, parent_rank + 1) > parent_rank
    return max(counts, key=lambda s: (counts[s], fits(s), -first[s])) if styles else None


@rule("numbering.mixed-style", "warning", "siblings share one numbering style")
def _mixed(doc: Document) -> Iterator[Hit]:
    for base, siblings, parent_rank in _ranked_groups(doc):
        main = _main_style(siblings, parent_rank)
        if main is None:
            continue
        for i, node in enumerate(siblings):
            m = node.marker
            if m is None or m.style == main:
                continue
            shown = m.text or STYLE_SHOWN[m.style]
            after = siblings[i + 1].marker if i + 1 < len(siblings) else None
            if m.value == 1 and after is not None and after.style == main and after.value == 2:
                yield (f"{base}/{i}/marker",  # a mistyped first number: 1. where (1) was meant
                       f"编号“{shown}”应为“{STYLE_SHOWN[main]}”一级：其后是同级的第 2 项",
                       f"marker {shown!r} stands where a {STYLE_SHOWN[main]} item was meant "
                       "(the next item at this level is number 2 in that style)")
            else:
                yield (f"{base}/{i}/marker", f"同级编号样式不一致：{shown} 与 {STYLE_SHOWN[main]}",
                       f"sibling uses {m.style} numbering among {main}")


@rule("numbering.level-skip", "info", "no level is skipped (一、 → （一） → 1., a body starting at 一、)")
def _level_skip(doc: Document) -> Iterator[Hit]:
    # Once per pair of levels: a notice that goes from 一、 straight to 1. does so everywhere.
    seen: set[tuple[str | None, str]] = set()

    def visit(nodes: tuple[Node, ...], base: str, parent: str | None) -> Iterator[Hit]:
        """``parent``: the parent's style, "" for an unnumbered parent (nothing to skip from)."""
        parent_rank = RANK.get(parent, -1) if parent else -1
        for i, node in enumerate(nodes):
            style = node.marker.style if node.marker is not None else ""
            rank = RANK.get(style)
            checked = parent_rank >= 0 or (parent is None and i == 0)  # at the top: the first heading
            if rank is not None and checked and rank > parent_rank + 1 and (parent, style) not in seen:
                seen.add((parent, style))
                above = STYLE_SHOWN[parent] if parent else "顶层"
                yield (f"{base}/{i}/marker", f"层级跳过：{above} 之下直接是 {STYLE_SHOWN[style]}",
                       f"numbering skips a level: {STYLE_SHOWN[style]} directly under "
                       f"{STYLE_SHOWN[parent] if parent else 'the top'}")
            yield from visit(node.children, f"{base}/{i}/children", style if rank is not None else "")
    yield from visit(doc.body, "/body", None)


_HALFWIDTH = compiled(r"^\(.*\)$")


@rule("numbering.halfwidth", "warning", "bracketed numbers use full-width （） as GB/T 15834 requires")
def _halfwidth(doc: Document) -> Iterator[Hit]:
    # One finding for the document: a notice typed with half-width brackets has them everywhere.
    hits = [(p, n.marker.text) for p, n in doc.walk()
            if n.marker is not None and n.marker.text and _HALFWIDTH.match(n.marker.text)]
    if hits:
        pointer, text = hits[0]
        yield (f"{pointer}/marker/text", f"{len(hits)} 处编号使用半角括号，首处为 {text}，应为全角（）",
               f"{len(hits)} marker(s) use half-width brackets, the first {text}; use （）")


@rule("marker.text-mismatch", "error", "a marker's text says the same number and style as its value")
def _marker_text(doc: Document) -> Iterator[Hit]:
    from ..vocab.markers import parse_marker_text

    for pointer, node in doc.walk():
        m = node.marker
        if m is None or m.text is None:
            continue
        parsed = parse_marker_text(m.text)
        if parsed != (m.style, m.value):
            yield (f"{pointer}/marker/text", f"编号文字“{m.text}”与样式 {m.style}、序号 {m.value} 不符",
                   f"marker text {m.text!r} does not match style {m.style} value {m.value}")


