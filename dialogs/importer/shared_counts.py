"""Counts that share the thing counted, named once: 'số người chết, mất tích, bị thương' → 'Số người chết', 'Số người
mất tích', 'Số người bị thương'; 'số hộ nghèo, hộ cận nghèo' → 'Số hộ nghèo', 'Số hộ cận nghèo'. And a bare 'số lượng'
in guidance ('(nêu rõ số lượng, chế độ phụ cấp)'), which names nothing counted: what to write about, no figure."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, ask_of
from dialogs.importer.inline_counts import NOUN_AFTER

COUNT = re.compile(r"(?i)^(?P<s>(?:tổng\s+)?số)\s+(?P<t>.+)$")
# people counted, named as a noun of their own ('học viên', 'giáo viên', 'công chức'): no predicate of the first count
PEOPLE = re.compile(r"(?i)(?:\bviên|\b(?:công chức|học sinh|trẻ em|nhân dân|cá nhân|tập thể))$")
NEW_FIGURE = re.compile(r"(?i)^(?:(?:tổng\s+)?số|t[ỷỉ] lệ|kinh phí|diện tích|giá trị|tình hình|kết quả|việc|công tác)\b")


def distributed_counts(text: str) -> list[str]:
    """'số người chết, mất tích, bị thương' → one count per piece, the noun of the first carried to the others;
    [] unless the first piece counts a known noun with words after it and each piece after it is short (three words
    at most), begins no figure of its own and has no verb of saying ('nêu', 'ghi')."""
    pieces = [p.strip(" .;") for p in re.split(r",\s+|\s+và\s+", text.strip(" .;…")) if p.strip(" .;")]
    m = COUNT.match(pieces[0]) if len(pieces) >= 2 else None
    noun = NOUN_AFTER.match(m.group("t")) if m else None
    if not noun or not noun.group("r") or noun.group("n") == "%" or len(pieces[0].split()) > 8:
        return []
    out = [f"Số {noun.group('n')} {noun.group('r')}"]
    for p in pieces[1:]:
        if len(p.split()) > 3 or NEW_FIGURE.match(p) or re.search(r"(?i)\b(?:nêu|ghi|liệt kê)\b|[():]", p):
            return []
        own = NOUN_AFTER.match(p)
        if own and not own.group("r") or PEOPLE.search(p):  # 'số lớp mở, học viên': a second thing counted
            return []
        out.append(f"Số {p}" if own and own.group("r") else f"Số {noun.group('n')} {p}")
    return out


def bare_amount(piece: str) -> bool:
    """'số lượng' alone (or 'số'): a figure that names nothing counted."""
    return bool(re.fullmatch(r"(?i)(?:tổng\s+)?số(?:\s+lượng)?", piece.strip(" .,;")))


def names_its_papers(prompt: str, fields: list[str]) -> bool:
    """'Việc ban hành văn bản chỉ đạo (liệt kê tên văn bản, số, ngày ban hành)': the written ask and the list of the
    papers ask the same thing (the papers issued), so the list alone asks it."""
    named = {re.sub(r"\s+", " ", f.strip().lower()) for f in fields}
    paper = any(re.match(r"^(?:tên|số|số hiệu|ký hiệu|ngày|ngày ban hành|ngày ký|trích yếu)\b", f) for f in named)
    return (paper and len(named) >= 2 and bool(re.search(r"(?i)\bvăn bản\b", prompt))
            and bool(re.match(r"(?i)^(?:việc\s+)?ban hành\b", prompt.strip())))


LABELLED_COUNT = re.compile(r"^[-+•–*\s]*(?P<l>[^:()]{2,40}?)\s*:\s*(?P<d>[^:()]{5,200}?)\s*"
                            r"\((?P<c>(?:tổng\s+)?số\s+[^()]{2,80})\)\s*[.;]?$", re.I)


def labelled_count(text: str) -> list[Ask]:
    """'+ Dự án 4: Đầu tư cơ sở hạ tầng (số công trình hoàn thành)': a short label, what it is, then in brackets the
    one count asked of it → the count named by the label ('Dự án 4: Số công trình hoàn thành'), the description its
    help. [] unless the bracket holds one count of a thing (no list of figures, no guidance verb)."""
    m = LABELLED_COUNT.match(text.strip())
    if not m or len(m.group("l").split()) > 6 or re.search(r"(?i)\b(?:nêu|ghi|liệt kê|tỷ lệ|tỉ lệ)\b|;", m.group("c")):
        return []
    count = m.group("c").strip(" .")
    noun = NOUN_AFTER.match(COUNT.match(count).group("t"))
    if re.search(r",\s*(?:tổng\s+)?số\b", count, re.I) or not noun or noun.group("n") == "%":
        return []
    ask = ask_of(count[:1].upper() + count[1:])
    if ask.type != "integer":
        return []
    ask.unit = ask.unit or noun.group("n")
    desc = m.group("d").strip(" ,.")
    ask.prompt = f"{m.group('l').strip()}: {ask.prompt[:1].lower()}{ask.prompt[1:]}"
    ask.help = [desc[:1].upper() + desc[1:]]
    return [ask]
