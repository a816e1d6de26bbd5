"""Contacts in the closing 监督 block: 联系电话, 邮政信箱, 电子邮箱 — read one per line or several on
one, printed one per line with the standard label of their kind (``contact_line``).

A value runs from its label's colon to the next label (or the end of the paragraph), without the
separators between them, so ``联系方式:0632-8451103;邮政信箱:徐庄镇人民政府,电子邮箱:x@y.com`` gives three
contacts; separators may be ；，、 or spaces.  联系方式 is classified by its value (an e-mail address
or a phone number); 联系人 and 邮编 are ``other``.  A phone label may stand without its colon when
the number follows directly (联系电话0123-4567890).  A label inside brackets belongs to the value
it stands in (邮政信箱：县政府办公室（邮编：123400） is one mailbox).
"""

from __future__ import annotations

from ..model import Contact, ContactKind
from ..patterns import compiled

CONTACT_LABEL = compiled(
    r"(?P<label>(?:监督举报|纪检监察|信访举报|监督|举报|投诉|信访|咨询|值班|办公|联系)(?:电话|邮箱|信箱)|联系方式|邮政信箱|"
    r"通信地址|通讯地址|来信地址|邮寄地址|信访地址|"
    r"电子邮箱|电子信箱|电子邮件|[Ee]-?mail|邮箱|地址|电话|传真|联系人|邮政编码|邮编)"
    r"(?:[ \t]*[：:][ \t]*|(?<=电话)[ \t]*(?=[0-9（(]))"
)
CONTACT_LABELS = {"phone": "联系电话", "mailbox": "邮政信箱", "email": "电子邮箱", "other": "联系方式"}
"""The label a writer prints for a contact given without one."""
_EMAIL = compiled(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = compiled(r"[0-9０-９（）()\-－—+ 、，,转]{7,}")
_TRAILING = "；;，,。、 \t"


def _kind(label: str, value: str) -> ContactKind:
    if "电话" in label or label == "传真":
        return "phone"
    if label in ("邮编", "邮政编码"):
        return "other"
    if label in ("邮政信箱",) or "地址" in label or ("信箱" in label and not _EMAIL.fullmatch(value)):
        return "mailbox"  # 举报信箱：县纪委 is a postal box, 举报信箱：jb@x.cn an e-mail address
    if "邮箱" in label or "信箱" in label or "邮件" in label or label.lower().replace("-", "") == "email":
        return "email"
    if label == "联系方式":
        if _EMAIL.fullmatch(value):
            return "email"
        if _PHONE.fullmatch(value):
            return "phone"
    return "other"


def parse_contacts(paragraphs: tuple[str, ...] | list[str]) -> tuple[Contact, ...]:
    """Every labelled contact in the closing paragraphs, in order."""
    out: list[Contact] = []
    for text in paragraphs:
        matches = [m for m in CONTACT_LABEL.finditer(text) if not _bracketed(text, m.start())]
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            value = text[m.end():end].rstrip(_TRAILING).strip()
            if not value:
                continue
            label = m.group("label")
            out.append(Contact(kind=_kind(label, value), value=value, label=label))
    return tuple(out)


def _bracketed(text: str, at: int) -> bool:
    before = text[max(0, at - 60):at]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def starts_with_contact(text: str) -> bool:
    return CONTACT_LABEL.match(text) is not None


def contact_line(c: Contact) -> str:
    """A contact as a closing line prints it: 联系电话：0123-4567890."""
    return f"{c.label or CONTACT_LABELS[c.kind]}：{c.value}"


__all__ = ["CONTACT_LABEL", "CONTACT_LABELS", "contact_line", "parse_contacts", "starts_with_contact"]
