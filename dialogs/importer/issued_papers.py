"""A paper's number and its issue on one line of a form: 'Giấy CMND số …… Cấp ngày …/…/…', 'Giấy phép kinh
doanh số: …… do …… cấp ngày … tháng … năm …', 'Hộ chiếu số …… cấp ngày …… tại ……', 'Số CMND (1) …… do CA …… cấp ngày …' → the number (a line of text:
a paper's number may start with 0 or hold letters), the issuer ('Do CA' when the line prints the issuer's kind, its place the blank), the date ('Cấp ngày' or 'Ngày cấp', as the line words it) and the place of issue, each an ask. The
paper's name is the help of the asks after the number. A line whose 'số' is not followed by 'cấp ngày' / 'ngày
cấp' is none of these (left to the other field readers)."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.lexicon import IDENTIFIER

GAP = r"(?:…|\.{2,}|_{2,})"
BLANKS = rf"(?>(?:\s*{GAP})+[\s.…_]*)"  # atomic: a long run of dots is one blank, never re-split
DATE_BLANKS = r"(?:[….\s_/\-]|tháng|năm|\d)+"
ISSUED = re.compile(
    rf"^[-+•–*\s]*(?P<l>[A-ZĐÀ-Ỹ][^:…]{{2,80}}?\bsố|Số\s[^:….()_]{{2,60}}?)\s*(?:\(\d{{1,2}}\))?\s*:?{BLANKS}"
    rf"(?:(?P<by>(?i:do|bởi))(?P<who>\s+[A-ZĐÀ-Ỹ][^\s….,:;_]*(?:\s+[^\s….,:;_]+){{0,6}})?{BLANKS})?"
    rf",?\s*(?P<on>(?i:cấp\s+ngày|ngày\s+cấp))\s*:?\s*(?P<d>{DATE_BLANKS})"
    rf"(?P<at>,?\s*(?i:tại|nơi\s+cấp)\s*:?{BLANKS})?[\s.;]*$"
)


def issued_paper(text: str) -> list[Ask]:
    """The asks of a paper's number with its issue on one line (see the module's notes); [] when the line is not
    one. The date's blanks must be blanks ('…/…/…', '… tháng … năm …'), not a filled date."""
    m = ISSUED.match(text.strip())
    if not m or not re.search(rf"{GAP}|/", m.group("d")):
        return []
    label = re.sub(r"\s+", " ", m.group("l")).strip()
    if not label.lower().endswith("số") and not IDENTIFIER.match(label):  # 'Số lượng: …': a count, not a paper
        return []
    paper = re.sub(r"^Số\s+|\s+số$", "", label)
    asks = [Ask(label, "text")]
    who = (m.group("who") or "").strip()
    if who:  # 'do CA ……': the issuer's kind printed, its place to write
        asks.append(Ask(f"Do {who}", "text", help=["Nơi cấp."]))
    elif m.group("by"):
        asks.append(Ask("Cơ quan cấp", "text", help=[f"{paper}."]))
    on = re.sub(r"\s+", " ", m.group("on")).lower()  # the line's own words: 'cấp ngày' or 'ngày cấp'
    asks.append(Ask(on[0].upper() + on[1:], "date", help=[f"{paper}."]))
    if m.group("at"):
        asks.append(Ask("Nơi cấp", "text", help=[f"{paper}."]))
    return asks
