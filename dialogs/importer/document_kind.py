"""Is the document an outline at all? A letter (công văn), a decision, a legal text or a guidance sent in place of
the outline it carries still gives a draft — its numbered points become questions — but the administrator is told
what the document looks like and where the outline usually is (an appendix sent with it), so that a confident draft
of a letter's points is never taken for the outline.

Only an unsure point is added: nothing is dropped. It is said only when the document shows none of an outline's
marks — no blank, box or table to fill, no request to report («đề nghị … báo cáo», «nêu rõ», «số liệu»).
"""

from __future__ import annotations

import re

from dialogs.text import fold

_LETTER = re.compile(r"^(?:v/v|ve viec)\b|^kinh gui\b")
_DECISION = re.compile(r"^quyet dinh\s*:?$")
_LEGAL = re.compile(r"^(?:thong tu|nghi dinh|luat|phap lenh|thong tu lien tich)\b(?!.*\bmau\b)")
_GUIDE = re.compile(r"^huong dan\b(?!.*\b(?:de cuong|bao cao|ghi|dien|lap|mau|bieu)\b)")
_ARTICLE = re.compile(r"^dieu \d+\s*[.:]")
_BLANK = re.compile(r"[.…_]{4,}|[□☐☑■◻]|…\s*…|\(\s*\)")
_ASKING = re.compile(  # (per line: the subject line «V/v báo cáo …» asks for a report)
    r"(?<!xet )(?<!theo )\b(?:de nghi|yeu cau|dang ky|de xuat)\b[\s\S]{0,120}?\b(?:bao cao|cung cap|tong hop|thong ke|danh gia|ke khai|gui)\b"
    r"|^(?:v/v|ve viec)\b.*\b(?:bao cao|so ket|tong ket|thong ke|danh gia|ra soat|khao sat|dieu tra|kiem tra)\b"
    r"|\b(?:cu the nhu sau|(?:cac|theo) noi dung sau)\b|\bnoi dung bao cao\b|\bneu ro\b|\bso lieu\b|\bde cuong\b|\bbieu mau\b|\bphieu\b|\bmau so\b|\bbieu so\b", re.M)
_ATTACHED = re.compile(r"(?:gui kem|kem theo|dinh kem)[^.;]{0,80}?\b(de cuong|bieu mau|bieu|phu luc|mau)\b"
                       r"|\b(de cuong|bieu mau|phu luc)\b[^.;]{0,60}?(?:gui kem|kem theo|dinh kem)")


_NAMES = {"de cuong": "đề cương", "bieu mau": "biểu mẫu", "bieu": "biểu", "phu luc": "phụ lục", "mau": "mẫu"}


def _kind(folded: list[str]) -> str | None:
    if any(_DECISION.match(s) for s in folded[:40]) and any(s.startswith("dieu 1") for s in folded):
        return "quyết định"
    if any(_LEGAL.match(s) for s in folded[:15]) and sum(bool(_ARTICLE.match(s)) for s in folded) >= 3:
        return "văn bản quy phạm pháp luật"
    if sum(bool(_LETTER.match(s)) for s in folded[:40]) >= 1:
        return "công văn"
    if any(_GUIDE.match(s) for s in folded[:15]):
        return "văn bản hướng dẫn"
    return None


def kind_notes(texts: list[str], tables: int) -> list[dict]:
    """The unsure points about the kind of document (see the module's doc); ``tables``: Biểu in the draft."""
    folded = [fold(s) for s in texts if s.strip()]
    if tables or any(_BLANK.search(s) for s in texts):
        return []
    kind = _kind(folded)
    whole = "\n".join(folded)
    notes = []
    if (m := _ATTACHED.search(whole)) and kind:
        what = _NAMES[m.group(1) or m.group(2)]
        notes.append({"message": f"văn bản nhắc đến {what} gửi kèm mà tệp không có chỗ trống hay bảng nào: nếu {what} "
                                 "là tệp riêng, hãy nhập cả tệp đó (ví dụ: phu-luc-de-cuong.docx)"})
    if kind and not _ASKING.search(whole):
        notes.append({"message": f"văn bản có vẻ là {kind}, không phải đề cương hay biểu mẫu: không có chỗ trống, ô "
                                 "đánh dấu hay bảng để điền, cũng không đề nghị báo cáo nội dung nào. Nếu đề cương, "
                                 "biểu mẫu nằm ở phụ lục gửi kèm, hãy gửi riêng phụ lục đó; nếu không, hãy xem lại "
                                 "từng câu hỏi của bản nháp"})
    return notes
