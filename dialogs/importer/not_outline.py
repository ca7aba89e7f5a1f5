"""A draft that shows no outline (issue 29): whatever the page is — an article, a blog post, a list of forms, a legal
text, a site's menus, raw HTML — the verdict is taken from what the importer found, not from the page's words: when
no ask of the draft shows an outline's mark, the page is said not to look like an outline (what was seen, and what
to paste or import instead) and its prose is asked nothing beyond the one written answer a draft keeps.

An outline's marks: a table, a blank, a box; an ask that asks («Nêu …», «Cho biết …», «… ?»); a typed ask (a count,
a rate, a date, yes/no, a choice on a shared scale); a numbered outline of two headings or more; a report already
written under its headings (convert.py says so); or a sentence of the page asking for a report («đề nghị … báo
cáo …», «cần đánh giá …», «nêu rõ …»). A draft with nothing found (the placeholder «Nội dung báo cáo») always
gets the point.
"""

from __future__ import annotations

import re

from dialogs.text import fold

PLACEHOLDER = "Nội dung báo cáo"
_BLANK = re.compile(r"[.…_]{4,}|[□☐☑■◻]|…\s*…|\(\s*\)|(?:…|\.{2,})\s*/\s*(?:…|\.{2,})")
_ASKS = re.compile(r"^(?:[\w.)/-]{1,8}\s+)?(?:hay\s+)?(?:neu|bao cao|cho biet|trinh bay|liet ke|ke khai|ghi ro|"
                   r"dien|thong ke|tong hop|phan tich|danh gia|tu danh gia|kien nghi|de xuat|mo ta|khai quat|tom tat|"
                   r"lam ro|chi ro|cung cap|so sanh|du kien|xac nhan|co hay khong)\b|\bneu ro\b")
_DEFINITION = re.compile(r"\bla gi\s*\?$")  # an article's 'X là gì?' heading: no question put to a unit
_TYPED = {"integer", "decimal", "percent", "money", "date", "yesno", "documents", "list", "multichoice", "table",
          "person", "persons", "phone", "email", "rating"}
# a sentence asking for a report: who is asked and what ('đề nghị các đơn vị báo cáo …', 'cần đánh giá …')
_VERBS = r"(?:bao cao|danh gia|lam ro|neu|tong hop|cung cap|ke khai|trinh bay|phan tich|thong ke|ra soat)"
_REQUEST = re.compile(rf"\b(?:de nghi|yeu cau)\s+(?:[^.;]{{0,150}}?\s)?{_VERBS}\b|\b(?:can|phai)\s+(?:tap trung\s+)?{_VERBS}\b"
                      r"|^(?:v/v|ve viec)\b.*\b(?:bao cao|so ket|tong ket|thong ke|danh gia|ra soat|khao sat|dieu tra|"
                      r"kiem tra|cung cap)\b|\bbao cao\s+(?:[^.;,]{0,30}\s)?ve\s+(?:ket qua|tinh hinh|tien do|so lieu|viec)\b"
                      r"|\b(?:bieu|mau|phieu)\s+so\s*:?\s*\d|\bneu ro\b|\bcu the nhu sau\b|\b(?:cac|theo) noi dung sau\b")
_FRAME = re.compile(r"^(?:phieu|bang hoi|bieu|mau|de cuong|bao cao|to khai|don|bien ban|so theo doi|"
                    r"bang (?:theo doi|ke|tong hop|cham diem|danh gia|thong tin))\b")
_EMPTY_LABEL = re.compile(r"^[-–+•*]?\s*[^\W\d][^:.;?!]{1,50}:\s*$")
_CODED = re.compile(r"^cau\s+[a-z]{0,2}\d[\w.]*\s*[:.)(]")
_WRITTEN = ("là nội dung đã viết của", )  # convert.py: a report already written under its headings
_HTML = re.compile(r"^\s*<(?:!doctype|html|head|meta|link|script|title|div|body|style)\b", re.I)


def questions(sections: list[dict]) -> list[dict]:
    out: list[dict] = []

    def walk(items: list[dict]) -> None:
        for it in items:
            if "items" in it and "type" not in it:
                walk(it["items"])
            else:
                out.append(it)
    for s in sections:
        walk(s.get("items", []))
    return out


def _numbered(sections: list[dict]) -> tuple[int, bool]:
    """How many numbered headings and numbered asks the draft has, at any level, and whether every ask sits under
    a numbered heading."""
    count, loose = 0, False

    def walk(nodes: list[dict], under: bool) -> None:
        nonlocal count, loose
        for n in nodes:
            no = bool((n.get("no") or "").strip(" -+•*–"))
            count += no
            if "items" in n and "type" not in n:
                walk(n["items"], under or no)
            else:
                loose = loose or not (under or no)
    walk(sections, False)
    return count, not loose


def placeholder(sections: list[dict]) -> bool:
    qs = questions(sections)
    return not qs or [q.get("prompt") for q in qs] == [PLACEHOLDER]


def _mid_sentence(prompt: str, folded: list[str]) -> bool:
    """The prompt's words stand in the page only inside a sentence, after a comma or a word ('… giúp theo dõi,
    đánh giá và kiểm soát …'): a description cut into pieces, not a thing asked."""
    head = " ".join(prompt.split()[:4])
    at = [(s, s.find(head)) for s in folded if head and head in s]
    return bool(at) and all(not re.search(r"^[\W\d]*(?:[a-zđ]{1,2}[.)]\s*)?$|[:;.?!)]\s*$", s[:k]) for s, k in at)


def _asking(q: dict, folded: list[str]) -> bool:
    p = fold((q.get("prompt") or "").strip())
    if p.endswith("?") and not _DEFINITION.search(p):
        return True
    return bool(_ASKS.search(p)) and not _mid_sentence(p, folded)


def _scaled(qs: list[dict]) -> bool:
    """Two choices on the same options: a scale (a survey's criteria)."""
    seen = [tuple(str(o) for o in q.get("options") or []) for q in qs if q.get("type") == "choice"]
    return any(seen.count(o) >= 2 for o in seen if len(o) >= 2)


def shows_outline(sections: list[dict], lines: list[str], notes: list[dict]) -> bool:
    """Whether the draft or the page shows any mark of an outline (see the module's doc)."""
    qs = [q for q in questions(sections) if q.get("prompt") != PLACEHOLDER]
    if any(_BLANK.search(s) for s in lines):
        return True
    folded = [fold(s) for s in lines]
    if any(q.get("type") in _TYPED or _asking(q, folded) for q in qs) or _scaled(qs):
        return True
    numbered, all_under = _numbered(sections) if qs else (0, False)
    if numbered >= 2 or (numbered and all_under):
        return True  # (a numbered outline: its headings are what is asked)
    if numbered and any(w in n.get("message", "") for n in notes for w in _WRITTEN):
        return True  # (a report written under its numbered headings: its headings are the outline)
    return asks_report(lines) or _form_frame(lines)


def asks_report(lines: list[str]) -> bool:
    """A sentence of the page asks for a report ('đề nghị … báo cáo …', 'V/v báo cáo …', 'nêu rõ …')."""
    return any(_REQUEST.search(fold(s)) for s in lines if not s.lstrip().startswith("#"))


def _form_frame(lines: list[str]) -> bool:
    """A form's own frame: its name in capitals over it ('PHIẾU …', 'BẢNG HỎI …', 'BÁO CÁO …'), labels left empty
    ('Tên cơ sở:', 'Địa chỉ:'), or a questionnaire's codes ('Câu H1_2: …')."""
    heads = [s.strip() for s in lines[:15] if s.strip() and s.strip() == s.strip().upper() and len(s.split()) <= 15]
    if any(_FRAME.match(fold(s)) for s in heads):
        return True
    labels = sum(bool(_EMPTY_LABEL.match(s.strip())) and len(s.split()) <= 6 for s in lines)
    return labels >= 2 or any(_CODED.match(fold(s.strip())) for s in lines)


# --- what the page looks like, said in the point with what to paste or import instead
_ACT_HEAD = re.compile(r"^(?:du thao\s+)?(?:quyet dinh|thong tu|nghi dinh|luat|nghi quyet|quy dinh|quy che|chi thi|"
                       r"phap lenh)\b(?!.*\b(?:mau|bieu)\s+so\b)")
_GROUND = re.compile(r"^(?:can cu|xet de nghi|theo de nghi)\b|^dieu\s+\d+\s*[.:]")
_LETTER = re.compile(r"^(?:v/v|ve viec)\b|^kinh gui\b")
_CODE = re.compile(r"\b\d{2,3}[./-]?[a-z]{1,3}[./-]|\b(?:mau|bieu)\s+(?:so\s+)?\d|\.(?:docx?|pdf|xlsx?)\b|\btai ve\b")
_NEWS = re.compile(r"\bluot xem\b|^anh minh hoa\b|^(?:tin|anh|bai)(?:,\s*anh)?\s*:|\bvua\s+(?:to chuc|ban hanh|dien ra)\b"
                   r"|^(?:sang|chieu|toi|ngay)\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*,|\bbai viet\b|\btheo doi chung toi\b")
_MENU = re.compile(r"^(?:trang chu|home|lien he|gioi thieu|tin tuc|dang nhap|dang ky|tim kiem|menu|dong)\b")

SEEN = {
    "html": ("mã HTML của trang web (các thẻ <head>, <meta>, <link>), chưa phải chữ của trang",
             "hãy mở trang trong trình duyệt, chọn phần chữ của đề cương rồi chép và dán, hoặc tải tệp đề cương "
             "của trang (.docx, .pdf) rồi nhập tệp đó"),
    "run_on": ("bản xem trước của một trang tài liệu, chữ bị dồn thành vài dòng dài nên không đọc ra mục hay câu "
               "hỏi nào", "hãy tải tệp gốc (.docx, .pdf) rồi nhập tệp đó"),
    "legal": ("một văn bản quy phạm hay quy định (tên văn bản, các căn cứ, các điều)",
              "đề cương, biểu mẫu thường ở phần «Mẫu số …», «Phụ lục …» cuối văn bản: hãy dán phần đó hoặc nhập tệp "
              "phụ lục đính kèm (.docx, .pdf)"),
    "letter": ("một công văn", "đề cương, biểu mẫu thường ở phụ lục gửi kèm: hãy nhập tệp phụ lục đó (.docx, .pdf) "
                               "hoặc dán chính văn bản đề cương"),
    "list": ("một danh sách tên các mẫu, biểu (ký hiệu, kỳ báo cáo, đường dẫn tải về), không có nội dung của mẫu nào",
             "hãy tải tệp của mẫu cần dùng (.docx, .pdf) rồi nhập tệp đó, hoặc dán chính văn bản của mẫu"),
    "menu": ("trình đơn, liên kết của một trang web (trang chủ, liên hệ, mục lục bài viết)",
             "hãy chép riêng phần chữ của đề cương (các mục, câu cần báo cáo) rồi dán lại, hoặc nhập tệp đề cương "
             "(.docx, .pdf)"),
    "article": ("một bài viết (tin tức, bài blog, bài giới thiệu) kể hay giải thích bằng lời văn",
                "hãy dán chính văn bản đề cương (các mục, câu cần báo cáo) hoặc nhập tệp đề cương (.docx, .pdf)"),
}


def seen_kind(lines: list[str]) -> str | None:
    """What the page looks like (a key of SEEN), from its lines' shapes; None when nothing says what it is (a few
    short lines: a list of criteria, a survey's items cut from their page)."""
    raw = [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("# nguồn")]
    folded = [fold(re.sub(r"^[-+•*–\d.)\s]+", "", s)) for s in raw]
    if sum(bool(_HTML.match(s)) for s in raw) >= 3:
        return "html"
    if raw and max(len(s) for s in raw) >= 800 and len(raw) <= 12:
        return "run_on"
    if any(_ACT_HEAD.match(s) for s in folded[:40]) and sum(bool(_GROUND.match(s)) for s in folded) >= 2:
        return "legal"
    if any(_LETTER.match(s) for s in folded[:40]):
        return "letter"
    if sum(bool(_CODE.search(fold(s))) for s in raw) >= max(3, len(raw) // 4):
        return "list"
    short = sum(len(s.split()) <= 4 for s in folded)
    if sum(bool(_MENU.match(s)) for s in folded) >= 2 and short >= 0.5 * len(folded):
        return "menu"
    return "article" if any(len(s.split()) >= 40 for s in raw) else None


def not_outline_note(lines: list[str], found_nothing: bool) -> dict | None:
    """The unsure point of a draft with no outline in it (see the module's doc); None when the page has asks the
    importer found and shows nothing else either (a few short lines)."""
    kind = seen_kind(lines)
    if kind is None and not found_nothing:
        return None
    what, instead = SEEN[kind or "article"]
    if found_nothing and asks_report(lines):  # (a letter asking for a report whose outline was not copied)
        return {"message": "không tìm thấy mục hay câu hỏi nào trong văn bản: văn bản đề nghị báo cáo nhưng không "
                           "chép nội dung đề cương hay biểu mẫu (thường ở phụ lục gửi kèm). Hãy nhập tệp phụ lục đó "
                           "(.docx, .pdf) hoặc dán chính văn bản đề cương"}
    head = ("không tìm thấy mục hay câu hỏi nào trong văn bản" if found_nothing else
            "văn bản có vẻ không phải đề cương hay biểu mẫu: không có chỗ trống, ô đánh dấu, bảng để điền, câu hỏi "
            "hay đề mục đánh số nào, nên lời văn của nó không được hỏi")
    what = what if kind else "một đoạn văn không có mục hay câu hỏi nào"
    return {"message": f"{head}. Văn bản có vẻ là {what}. Bản nháp chỉ giữ một câu trả lời bằng lời: {instead}"}


def no_outline(sections: list[dict], lines: list[str], notes: list[dict]) -> dict | None:
    """The unsure point when the draft shows no outline (nothing found, or no mark of one), else None."""
    found_nothing = placeholder(sections)
    if not found_nothing and shows_outline(sections, lines, notes):
        return None
    return not_outline_note(lines, found_nothing)
