"""The lines that close a document without asking: its signer's block with no '(Ký …)' under it ('T/M CHI BỘ' /
'BÍ THƯ', 'CHỦ TỊCH' / 'Trần Văn B'), an e-mail's sign-off after its courtesy line ('Trân trọng cảm ơn.' / 'Văn phòng
UBND xã'), and the bare date of the signing above them ('Ngày … tháng … năm …')."""

from __future__ import annotations

import re

from dialogs.importer.forms import BLANK
from dialogs.importer.structure import parse_marker
from dialogs.text import fold

# who signs: a post's title (folded), after 'TM.', 'KT.', 'T/M' … when the signer signs for a body
ROLE = re.compile(r"^(?:(?:tm|t/m|kt|tl|tuq|q)\.?\s+)?(?:pho\s+)?(?:chu tich|bi thu|giam doc|truong\s\w+|thu truong|"
                  r"hieu truong|nguoi lap|nguoi ky|thu ky|chu tri|to truong|chanh van phong|chu nhiem|"
                  r"dieu tra vien|chu ho)\b")
ON_BEHALF = re.compile(r"^(?:TM|KT|T/M|TL|TUQ|Q)\.?\s+[A-ZĐÀ-Ỹ]")
COURTESY = re.compile(r"^(?:xin\s+)?(?:tran trong|chan thanh|tran trong va chan thanh)?\s*(?:cam on)?\s*[.!/]*$")
BARE_DATE = re.compile(r"(?i)^(?:[^,…\d:]{2,40},\s*)?ngày\W*(?:\w{0,3}\W*)?tháng\W*(?:\w{0,3}\W*)?năm\b[\s\d….…_]*$")


def _words(s: str) -> list[str]:
    return s.split()


def person_name(s: str) -> bool:
    """'Trần Văn B', 'Nguyễn Thị Hoa': two to five words, each capitalised, nothing else."""
    words = _words(s)
    return 2 <= len(words) <= 5 and all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) and w.isalpha()
                                        for w in words)


def _short(s: str, most: int = 8) -> bool:
    """A line that may belong to a signature: a few words, no blank, no number, no colon, no question."""
    return (0 < len(_words(s)) <= most and not BLANK.search(s) and parse_marker(s) is None and ":" not in s
            and not s.endswith("?"))


def _signature_start(tail: list[str]) -> int | None:
    """Where the signature begins among the last short lines, or None: a line signing for a body ('T/M CHI BỘ',
    'KT. CHỦ TỊCH'), one post's title in capitals with a person's name under it ('CHỦ TỊCH' / 'Trần Văn B'), or the
    lines after a courtesy closing ('Trân trọng cảm ơn.'). Posts in capitals with no such sign ('BÍ THƯ CHI BỘ' /
    'TRƯỞNG THÔN', or two posts over a name) are a question's options."""
    for k, s in enumerate(tail):
        rest = tail[k + 1:]
        if k and tail[k - 1].isupper():  # within a run of lines in capitals: the run decides, from its first line
            continue
        named = bool(rest) and person_name(rest[-1])
        posts = sum(1 for r in [s, *rest] if r.isupper() and ROLE.match(fold(r)))
        if (ON_BEHALF.match(s) or s.isupper() and ROLE.match(fold(s)) and named and posts == 1) and all(
                r.isupper() or person_name(r) for r in rest):  # (two posts or more and no 'T/M', 'KT.': options)
            return k
        if s.isupper() and named and posts == 0 and all(r.isupper() for r in rest[:-1]):
            return k  # 'ĐẠI DIỆN ĐƠN VỊ' / 'Nguyễn Văn A'
        if COURTESY.match(fold(s)) and fold(s).strip(" .!/") and rest and all(_short(r, 6) for r in rest):
            return k
        if not rest and s.isupper() and ROLE.match(fold(s)) and 3 <= len(s.split()) <= 8:
            return k  # 'TRƯỞNG PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH' closing a card: the signer's post and office
    return None


def drop_sign_off(main: list) -> list:
    """The document's last lines when they are a signature block with no '(Ký …)' under it — with the bare date of
    the signing above it — go; anything else stays."""
    end = len(main)
    while end and isinstance(main[end - 1], str) and not main[end - 1].strip():
        end -= 1
    first = end
    while first and isinstance(main[first - 1], str) and end - first < 4 and _short(main[first - 1].strip().strip("|")):
        first -= 1
    tail = [s.strip().strip("|").strip() for s in main[first:end]]
    k = _signature_start(tail)
    at = first + (k or 0)
    above = main[at - 1].strip() if at and isinstance(main[at - 1], str) else ""
    if k is None or above.endswith(("?", ":")) and not ON_BEHALF.match(tail[k]):
        return main  # (posts in capitals under a question or a label: its options)
    cut = first + k
    while cut and isinstance(main[cut - 1], str) and not main[cut - 1].strip():
        cut -= 1
    if cut and isinstance(main[cut - 1], str) and BARE_DATE.match(main[cut - 1].strip()):
        cut -= 1
    return main[:cut]


def drop_signing_date(out: list) -> None:
    """The bare date right above a signers' row just dropped ('Ngày … tháng … năm 2025' over 'ĐIỀU TRA VIÊN   CHỦ
    HỘ'): the signing's date, no ask (in place)."""
    k = len(out)
    while k and isinstance(out[k - 1], str) and not out[k - 1].strip():
        k -= 1
    if k and isinstance(out[k - 1], str) and BARE_DATE.match(out[k - 1].strip()):
        del out[k - 1:]
