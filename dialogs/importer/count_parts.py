"""A count (or a measure) and its parts on one line, each figure written after its words: 'Tổng số hội viên ……
người. Trong đó, hội viên nữ …… người, hội viên trẻ …… người.' (a form), 'Lúa giống đã cấp: 12,5 tấn, trong đó
lúa thuần 4,2 tấn.' (the same line one unit filled in), and a web copy that lost the blanks' dots ('Tổng số xã
viên..người. Trong đó, xã viên nữ.người').

The total is asked by its words in its unit; each part after 'trong đó' is asked as a part of that total
('Trong đó hội viên nữ', its help 'Trong tổng số hội viên.'): the answer is a figure of the same unit (an amount of
money in its currency unit). [] unless the line is exactly that: a total whose value is a blank, a figure or a colon,
then two parts or one, each its words and its value.
"""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.inline_counts import COUNT_NOUNS
from dialogs.importer.lexicon import UNIT_WORDS
from dialogs.text import fold

_UNITS = "|".join(re.escape(n) for n in COUNT_NOUNS if n not in ("m", "con", "em", "điểm"))
_VALUE = r"(?:\d[\d.,]*|[….…_]+)"
# '<words> <value> <unit>', the value a figure, a blank, a colon, or nothing (a blank the copy lost)
PIECE = re.compile(
    rf"(?i)^(?P<l>[^\W\d_][^:;…_\d]{{1,70}}?)(?:\s*(?P<c>:)\s*(?P<v1>{_VALUE})?|\s*(?P<v2>{_VALUE})|\s)"
    rf"\s*(?P<u>(?:{_UNITS})(?:/(?:{_UNITS}))?)\s*$"
)
SPLIT = re.compile(r"(?i)\s*[.,;:]?\s+trong\s+đó\s*[,:]?\s+")
PARTS_SEP = re.compile(r"\s*(?:;|,(?!\d))\s*")  # (a decimal comma: "38,1 tấn")
COUNT_HEAD = re.compile(r"(?i)^(?:tổng\s+)?số(?:\s+lượng)?\s+\S")


def _piece(text: str) -> tuple[str, str, str] | None:
    """'Tổng số hội viên …… người' → ('Tổng số hội viên', '……', 'người'); a colon stands for the value (':'), and
    a piece whose blank the copy lost entirely ('Số hội viên người') has the value ''. None without a unit."""
    m = PIECE.match(text.strip(" .;,-–+•*"))
    if not m or len(m.group("l").split()) > 14:
        return None
    return m.group("l").strip(" :"), m.group("v1") or m.group("v2") or m.group("c") or "", m.group("u")


def _type(value: str, unit: str) -> str:
    if re.fullmatch(r"(?i)(?:nghìn |triệu |tỷ )?đồng", unit):
        return "money"
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d+", value) or (
        UNIT_WORDS.match(unit) and unit.lower() not in ("con", "người", "hộ", "lượt", "chiếc", "cái")
    ):
        return "decimal"
    return "integer"


def total_and_parts(text: str) -> list[Ask]:
    """The asks of a line 'total …; trong đó part …, part …' (see the module's notes); [] for any other line."""
    s = text.strip().lstrip("-–+•* ").rstrip(" .;")
    pieces = SPLIT.split(s)
    if len(pieces) != 2:
        return []
    head = _piece(pieces[0])
    parts = [_piece(p) for p in PARTS_SEP.split(pieces[1].strip(" .;"))]
    if head is None or not parts or len(parts) > 6 or any(p is None for p in parts):
        return []
    label, value, unit = head
    pieces_ = [head, *(p for p in parts if p is not None)]
    # a piece whose blank the copy lost entirely is read only in the unit of a piece that kept its value
    valued = {fold(u) for _, v, u in pieces_ if v}
    if not valued or any(not v and fold(u) not in valued for _, v, u in pieces_):
        return []
    if not (value or COUNT_HEAD.match(label)) or any(len(p[0].split()) > 8 for p in pieces_[1:]):
        return []
    value = "" if value == ":" else value
    kind = _type(value, unit)
    whole = label[:1].lower() + label[1:]
    asks = [Ask(label, kind, unit)]
    for p in parts:
        if p is not None:  # (named as parts_after_blanks names them; the help says of which total)
            typ = _type(p[1].strip(":"), p[2]) if kind == "integer" else kind
            asks.append(Ask(f"Trong đó {p[0]}", typ, p[2], help=[f"Trong {whole}."]))
    return asks
