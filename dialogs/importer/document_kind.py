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


# --- pages with no form body at all (issue 21): a news item, a list of forms to download, a legal text's preamble.
# Said in an unsure point, and the page's prose is asked nothing (its sentences are the site's, not an outline's).

# a news item's lead: its dateline ('(Báo X) - Sáng 8/7, …', 'CTTĐT - Ngày 2-4, …') opening a long sentence
_DATELINE = re.compile(r"^(?:\([^()]{2,40}\)\s*[-–]\s*|[a-z][\w.]{1,15}\s*[-–]\s*)?(?:sang|chieu|toi|trua|dem|ngay)\s+"
                       r"(?:hom nay\s*)?\(?\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?\)?\s*,\s*\S")
# or a lead saying what a body has just done ('Sở Nội vụ vừa tổ chức hội nghị …', '… vừa ký ban hành …')
_JUST_DONE = re.compile(r"\bvua\s+(?:to chuc|ban hanh|dien ra|khai mac|be mac|cong bo|co|ky|gui)\b")
_BYLINE = re.compile(r"^(?:tin|anh|bai|tin,? anh|tin va anh|bai,? anh|bai va anh|nhom pv|pv)\s*:\s*\S.{0,40}$")
# the sentences a news item relays a request by: an act issued that asks, a deadline, where to send, what to state
_RELAYS = re.compile(r"\bban hanh\s+(?:chi thi|nghi quyet|ket luan|quy dinh|thong tu|ke hoach|cong van|huong dan|"
                     r"quyet dinh|van ban|thong tri)\b|\btruoc ngay\s+\d|\bneu ro\b|\bde cuong\b"
                     r"|\bnoi dung\s+(?:bao cao|so ket|tong ket|danh gia|kiem tra|ra soat)\b"
                     r"|\b(?:de nghi|yeu cau)\b[^.;]{0,60}?\bbao cao\b(?!\s+(?:tai|cho thay))"
                     r"|\bgui\b[^.]{0,60}\bve\s+(?:so|bo|ban|phong|van phong|ubnd|uy ban)\b|\bmau so\b|\bbieu so\b")
# a preamble: the act's kind on a line of its own, then its grounds ('Căn cứ …', 'Theo đề nghị …')
_ACT = re.compile(r"^(?:thong tu|nghi dinh|quyet dinh|luat|nghi quyet|phap lenh|thong tu lien tich|chi thi)\s*:?$")
_GROUNDS = re.compile(r"^(?:can cu|xet de nghi|theo de nghi)\b")
# an entry of a list of forms: a template's name ('Mẫu báo cáo …', 'Mẫu số 02: …') or a file's name ('… .docx')
_ENTRY = re.compile(r"^(?:mau|bieu mau|tai mau)\b(?!\s*(?:so\s*)?[\w./-]*\s*:?\s*$)|\.(?:docx?|pdf|xlsx?|rar|zip)\)?$"
                    r"|\b(?:tai ve|file (?:word|pdf|excel)|\((?:word|pdf|excel|docx?)\))\s*\)?$")
_REQUEST = re.compile(r"\b(?:de nghi|yeu cau|kinh gui|v/v|ve viec)\b")
_MARK = re.compile(r"^(?:\d{1,3}[.)]|[-+•*–])\s*")


def _lines_of(texts: list[str]) -> list[str]:
    return [fold(s.strip()) for s in texts if s.strip() and not s.lstrip().startswith("#")]


def _news(lines: list[str]) -> bool:
    """A news item: a lead right under its headline (a dateline, or what a body has just done) or a byline ('Tin, ảnh:
    …'), no numbered heading and few bullets, no line ending in a question or a blank, and no sentence relaying a request
    (an act issued, a deadline, where to send the report, what to state)."""
    lead = any((_DATELINE.match(s) or _JUST_DONE.search(s)) and len(s.split()) >= 12 and not _MARK.match(s)
               for s in lines[:4])
    byline = any(_BYLINE.match(s) for s in lines)
    numbered = any(re.match(r"^(?:\d{1,2}|[ivx]{1,4}|[a-dđ])[.)]\s", s) for s in lines)
    bullets = sum(bool(re.match(r"^[-+•*–]\s", s)) for s in lines)
    asks = any(s.rstrip().endswith(("?", "…", "%")) for s in lines)  # a question, a blank: an outline's marks
    return (lead or byline) and not numbered and bullets < 3 and not asks and not _RELAYS.search("\n".join(lines))


def _forms_list(lines: list[str]) -> bool:
    """A page listing forms (their names, maybe their files) with none of their text: three entries or more, most of
    the lines after its title are entries, and no line asks anyone for anything (a letter listing the forms to fill)."""
    body = [_MARK.sub("", s) for s in lines[1:]]
    entries = [bool(_ENTRY.search(s)) and len(s.split()) <= 30 for s in body]
    if any(_REQUEST.search(s) for s, e in zip(body, entries, strict=True) if not e):
        return False  # ('Đề nghị các đơn vị báo cáo theo các mẫu sau:' — a letter's forms to fill)
    return sum(entries) >= 3 and sum(entries) >= 0.6 * len(body)


def _preamble(lines: list[str]) -> bool:
    """A legal text cut after its preamble: the act's kind, two grounds or more, no article, and after its last ground
    at most four lines or only short ones (the enacting words, the site's links)."""
    if not any(_ACT.match(s) for s in lines[:15]) or any(re.match(r"^dieu\s+\d", s) for s in lines):
        return False
    grounds = [k for k, s in enumerate(lines) if _GROUNDS.match(s)]
    after = lines[grounds[-1] + 1:] if grounds else []
    return len(grounds) >= 2 and (len(after) <= 4 or not any(len(s.split()) >= 20 for s in after))


PAGE_KINDS = {
    "news": "trang có vẻ là một bài tin (tin về hội nghị, về một báo cáo…), không phải đề cương hay biểu mẫu: câu "
            "trong bài không được hỏi. Hãy dán chính văn bản đề cương (các mục, câu cần báo cáo) hoặc nhập tệp đề "
            "cương gửi kèm (.docx, .pdf)",
    "list": "trang có vẻ chỉ liệt kê tên các mẫu, biểu (và đường dẫn tải về), không có nội dung của mẫu nào: tên mẫu "
            "không được hỏi. Hãy tải tệp của mẫu cần dùng (.docx, .pdf) rồi nhập tệp đó, hoặc dán chính văn bản của mẫu",
    "preamble": "trang chỉ có phần mở đầu của văn bản (tên, các căn cứ ban hành), không có đề cương hay biểu mẫu: "
                "hãy dán phần mẫu, phụ lục ở cuối văn bản («Mẫu số …», «Phụ lục …») hoặc nhập tệp đính kèm "
                "(.docx, .pdf)",
}


def page_kind(texts: list[str], tables: int) -> str | None:
    """'news', 'list' or 'preamble' for a page with no form body at all (see PAGE_KINDS); None when the page shows
    any mark of an outline: a blank, a box, a table."""
    if tables or any(_BLANK.search(s) for s in texts):
        return None
    lines = _lines_of(texts)
    if _preamble(lines):
        return "preamble"
    if _forms_list(lines):
        return "list"
    return "news" if _news(lines) else None
