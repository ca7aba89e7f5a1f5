"""Forms asking the same fields of several persons: each repeated label gets the person of its block.

Shape: a line naming a person or party («Họ, chữ đệm, tên người mẹ: ……», «Người cha:», «Bên A:», «Chủ hộ:»)
heads a block of labelled blanks; a label found in two or more blocks («Dân tộc: …… Quốc tịch: ……» under each
person) is asked of each person apart: «Dân tộc (người mẹ)». A lead sentence ending in ':' opens an unnamed
block (its labels stay as they are) — unless it points at the person below («Đề nghị … cho người dưới đây:»): that
block is the person the form names elsewhere as «người được …» («Quan hệ với người được khai sinh»). A head's own
label («Họ, chữ đệm, tên người mẹ») counts its words before the person («Họ, chữ đệm, tên») as a label of its
block. A numbered heading giving a person's particulars («1.2. Thông tin người khai:») heads a block too, and every
label under it is that person's («Điện thoại (người báo cáo)»: the heading says the whole block is about them). A form
with no repeated label is left untouched.
"""
from __future__ import annotations

import re

from dialogs.importer.document import Grid

_BLANK = r"\s*(?:\(\d{1,2}\)\s*)?(?:…|[….]{2,}|_{2,}|[^\W\d_]+(?:\s[^\W\d_]+)?\s*[□☐])"  # dots, or boxes: 'Nam □ Nữ □'
_LABEL = re.compile(r"(?P<label>[^\W\d_][^:…;()]{0,50}?)\s*:(?=" + _BLANK + ")")
_PERSON = re.compile(r"(?:^|\s)(?P<who>(?:[Nn]gười|[Bb]ên)\s+[^\W\d_][^\s:]*(?:\s+[^\W\d_][^\s:]*){0,3}|[Cc]hủ hộ)$")
_BARE_HEAD = re.compile(r"^\s*(?:[-–•]\s*)?(?P<who>(?:Người|Bên)\s+[^\W\d_][^:]{0,30}?|Chủ hộ)\s*:?\s*$")
# a numbered heading giving a person's particulars: '1.2. Thông tin người khai:', 'II. THÔNG TIN NGƯỜI GIỚI THIỆU'
_INFO_HEAD = re.compile(r"(?i)^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\.?\s+thông tin(?: về| của)?\s+"
                        r"(?P<who>(?:người|bên)\s+[^\W\d_][^:]{0,30}?|chủ hộ)\s*:?\s*$")
_LEAD = re.compile(r"^[^….]{12,}:\s*$")
_POINTED = re.compile(r"(?i)\bngười\s+(?:có tên\s+)?(?:dưới đây|sau đây|sau)\s*:\s*$")  # '… cho người dưới đây:'
_NAMED = re.compile(r"\b(?P<who>người được(?:\s+[^\W\d_]+){1,3}?)(?=\s*(?:[:(,;…]|$))")  # 'người được khai sinh'


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[a-zđ])[.)]\s+")


def _group_split(line: str) -> tuple[str, str] | None:
    """'3. Địa chỉ nơi sinh sống Số: ……' → ('Địa chỉ nơi sinh sống', 'Số'): a line's first label that is a group's
    name (two words or more, the last in lower case) and then a field's label starting with a capital."""
    body = line[m.end():] if (m := _NUMBERED.match(line)) else line.lstrip(" -–•")
    lab = _LABEL.match(body)
    if not lab:
        return None
    words = lab.group("label").split()
    for k in range(len(words) - 1, 1, -1):
        if words[k][0].isupper() and words[k - 1][0].islower() and len(words) - k <= 3:
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def _group_heads(lines: list[tuple[int, str]]) -> dict[int, tuple[str, str]]:
    """The lines heading the blocks of a form's repeated groups of fields: 'Địa chỉ nơi sinh sống Số: ……' and
    'Địa chỉ nơi làm việc Số: ……' (the same kind of group, its first word the same, then the same first field)."""
    split = {i: g for i, s in lines if (g := _group_split(s))}
    heads: dict[int, tuple[str, str]] = {}
    for i, (group, field) in split.items():
        alike = [j for j, (g, f) in split.items() if j != i and f == field and g != group
                 and g.split()[0].lower() == group.split()[0].lower()]
        if alike:
            heads[i] = (group, field)
    return heads


def _head(line: str) -> tuple[str, str] | None:
    """(the person a line heads a block for, the words of its label before the person — '' when none)."""
    if m := _BARE_HEAD.match(line):
        return m.group("who"), ""
    if m := _INFO_HEAD.match(line):  # a heading's 'Người Báo Cáo', 'NGƯỜI KHAI': 'người báo cáo', 'người khai'
        return m.group("who").lower(), ""
    labels = list(_LABEL.finditer(line))
    if labels and labels[0].start() < 3 and (m := _PERSON.search(labels[0].group("label"))):
        return m.group("who"), labels[0].group("label")[:m.start()].strip(" ,")
    return None


def _named_person(lines: list[tuple[int, str]]) -> str | None:
    """The person a form is about, as its labels name them: «Quan hệ với người được khai sinh: ……»."""
    for _, s in lines:
        for m in _LABEL.finditer(s):
            if n := _NAMED.search(m.group("label")):
                return n.group("who")
    return None


def _person(who: str) -> str:
    return who[0].lower() + who[1:] if who.split()[0] in ("Người", "Chủ") else who


def _blocks(lines: list[tuple[int, str]]) -> tuple[list[tuple[str | None, list[int]]], dict[int, str], set[int]]:
    """The blocks (their person or None, their lines), the label each head line holds before its person, and the
    blocks a numbered heading opens ('1.2. Thông tin người báo cáo:')."""
    blocks: list[tuple[str | None, list[int]]] = [(None, [])]
    bases: dict[int, str] = {}
    headed: set[int] = set()
    groups = _group_heads(lines)
    for i, s in lines:
        if i in groups:  # 'Địa chỉ nơi sinh sống Số: ……': its first field is a label of its block
            blocks.append((groups[i][0], [i]))
            bases[len(blocks) - 1] = groups[i][1]
            continue
        if (head := _head(s)) is not None:
            blocks.append((_person(head[0]), []))
            if _INFO_HEAD.match(s):
                headed.add(len(blocks) - 1)
            if head[1]:
                bases[len(blocks) - 1] = head[1]
        elif _LEAD.match(s) and not _LABEL.search(s):
            blocks.append((_named_person(lines) if _POINTED.search(s) else None, []))
        else:
            blocks[-1][1].append(i)
    return blocks, bases, headed


def _key(label: str) -> str:
    return " ".join(label.lower().split())


def person_blocks(seq: list[str | Grid]) -> list[str | Grid]:
    lines = [(i, s) for i, s in enumerate(seq) if isinstance(s, str)]
    blocks, bases, headed = _blocks(lines)
    if sum(who is not None for who, _ in blocks) < 2:
        return seq
    seen: dict[str, set[int]] = {}
    for b, label in bases.items():
        seen.setdefault(_key(label), set()).add(b)
    for b, (_, idx) in enumerate(blocks):
        for i in idx:
            for m in _LABEL.finditer(seq[i]):
                seen.setdefault(_key(m.group("label")), set()).add(b)
    repeated = {k for k, bs in seen.items() if len(bs) > 1}
    if not repeated:
        return seq
    out = list(seq)
    for i, (group, field) in _group_heads(lines).items():  # 'Số (Địa chỉ nơi sinh sống): ……'
        out[i] = out[i].replace(f"{group} {field}", field, 1)
    for b, (who, idx) in enumerate(blocks):
        for i in idx if who else ():
            out[i] = _LABEL.sub(lambda m, who=who, b=b: (f"{m.group('label')} ({who}):"
                                                         if b in headed or _key(m.group("label")) in repeated
                                                         else m.group(0)), out[i])
    return out
