"""The document's own name: 'BÁO CÁO …', 'ĐỀ CƯƠNG …', 'Biểu số 8 / TÌNH HÌNH …', 'V/v …' — never the agency
header ('ỦY BAN NHÂN DÂN …', 'CỘNG HÒA XÃ HỘI …'), never a web page's own title when the document names itself."""

from __future__ import annotations

import re
from collections import Counter

from dialogs.importer.form_labels import leads_with_field
from dialogs.importer.headline import long_words
from dialogs.importer.lettered_fields import PAPER_NAMES, doc_number
from dialogs.importer.structure import parse_marker
from dialogs.text import fold

# what a document's name line begins with (folded)
NAME_WORDS = ("de cuong", "bao cao", "bieu mau", "bieu", "phieu", "ke hoach", "phuong an", "huong dan", "thong ke",
              "bo cau hoi", "quyet dinh", "danh sach", "bang tong hop", "tong hop", "mau",
              "don xin", "don de nghi", "to khai", "ban khai", "bang can doi", "bang ke", "bien ban", "tong ket", "so ket", "so lieu",
              "nghi quyet", "danh muc", "bang kiem ke", "bang cham cong", "bang tu danh gia", "bang danh gia",
              "so theo doi", "so dang ky", "giay phep", "giay kham", "giay chung nhan", "giay xac nhan", "ban kiem diem", "ban tu kiem diem")  # a register ('Sổ theo dõi …'), a permit ('GIẤY PHÉP …')
# a notice's or a submission's name, only in capitals ('THÔNG BÁO' / 'Danh mục …'): in sentence case, a news headline
CAPS_NAMES = ("thong bao", "to trinh", *PAPER_NAMES)
# a lone heading word: the name goes on on the next line ('BÁO CÁO' / 'Kết quả …')
BARE_NAMES = {"bao cao", "de cuong", "de cuong bao cao", "quyet dinh", "ke hoach", "huong dan", "phuong an",
              "thong bao", "to trinh", "cong van", "bien ban"}
HEADER = re.compile(
    r"^(?:uy ban nhan dan|ubnd|cong hoa xa hoi|doc lap|bo |so |so:|dang uy|tinh uy|huyen uy|thanh uy|dang bo|"
    r"chi bo|dang cong san|ban chap hanh|ban thuong vu|chu tich|kinh gui|noi nhan|tm\.|kt\.|v/v|\(ky|\(lưu|"
    r"ha noi,|.{0,40}, ngay\b|ngay\s.{0,12}thang|ten (?:co quan|doanh nghiep|don vi|to chuc)\b)")
# the code may be spaced before its slash and joined by '&' ('Mẫu số 11 /BCĐBQH & BCĐBHĐND'): all of it is the code
CODE_LINE = re.compile(r"^(?:biểu|mẫu|phiếu|phụ lục)(?:\s+mẫu)?(?:\s+số)?\s*:?\s*"
                       r"(?P<code>[\w.]*\d[\w./-]*(?:\s+/[A-ZĐ][\w.-]*(?:\s*&\s*[A-ZĐ][\w.-]*)*)?)\s*:?\s*(?P<rest>.*)$",
                       re.I)
META_TAIL = re.compile(r"\s*(?:Đơn vị báo cáo|Đơn vị nhận|Ngày nhận|Ban hành theo|Kỳ báo cáo)\b.*$", re.I)


LETTER_SUBJECT = re.compile(r"^(?:công văn|cv)\b.{0,80}?\b(?:v/v|về việc)\s*:?\s*(?P<s>\S.{5,250})$", re.I)


def _upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _named(f: str) -> bool:
    return any(f == w or f.startswith((w + " ", w + "/")) or (w in ("huong dan",) and f.startswith(w)) for w in NAME_WORDS)


# a footnote mark before a header line ('[1]ỦY BAN …'), the blank of a form's agency with its mark beside the motto
# ('……(1)…… CỘNG HÒA …'), the rule under that blank run into the motto's second line ('------- Độc lập - …')
FN_MARK = re.compile(r"^\s*(?:[.…_]*(?:\[\d{1,2}\]|\(\d{1,2}\))[.…_]*|[-_=]{3,})\s*")


# a document's number without its colon ('Số 12-BC/ĐU', 'SỐ 05/BC-UBND'), whatever runs on after it on its line
NUMBER_RUN_ON = re.compile(r"^(?:Số|SỐ)\s*\d+\s*[-–/]\s*[A-ZĐ]{1,5}\s*[-–/]\s*[A-ZĐ]")


def is_agency_header(s: str) -> bool:
    """The agency header, the motto, the place and date, the addressee: never the document's name (a footnote mark
    before it, '[1]ỦY BAN NHÂN DÂN', changes nothing)."""
    s = FN_MARK.sub("", s)
    f = fold(s)
    if NUMBER_RUN_ON.match(s):
        return True  # 'Số 12-BC/ĐU   ĐẢNG CỘNG SẢN VIỆT NAM': the number and the motto beside it, one line
    first = (s.split() or [""])[0].upper()
    if f.startswith(("so ", "bo ")) and first not in ("SỞ", "BỘ"):
        return False  # 'SỐ THANH NIÊN …', 'Sổ theo dõi …', 'BỐ CỤC …' are no agency; 'SỞ Y TẾ', 'BỘ TÀI CHÍNH' are
    return bool(HEADER.match(f))


_header = is_agency_header


def _subtitle(name: str, s: str) -> bool:
    """A short name in capitals ('BÁO CÁO THÀNH TÍCH') goes on in a sentence-case line under it ('Phong trào hoạt
    động của Chi hội … năm 2021'): no blank, no label, no sentence, not itself a name."""
    return (_upper(name) and len(name.split()) <= 4 and s[0].isupper() and not _upper(s) and len(s.split()) <= 20
            and not s.endswith((".", ";")) and not re.search(r"[:…]|\.\.", s) and not _named(fold(s)))


ARTICLE = re.compile(r"^Điều\s+\d{1,3}\s*[.:]")  # 'QUYẾT ĐỊNH' over 'Điều 1: …': the decision's body, no name


SIGN_OFF = re.compile(r"^(?:nguoi lap bieu|nguoi lap|nguoi ky|ky ten|thu truong don vi|ke toan truong|tm\.|kt\.)"
                      r"(?:\s|$|[,:(])")


def _continuation(lines: list[str], i: int, first: str, bare: bool) -> str:
    """The name line and the lines that go on with it: after a bare 'BÁO CÁO' its next line, then lines beginning
    in lower case (or following a ',' / ';'); after a name in capitals, further capitals (a short one may be
    followed by another name line: 'THỐNG KÊ ĐẦU NĂM' / 'THỐNG KÊ GIÁO DỤC MẦM NON')."""
    parts = [first]
    k = i + 1
    taken = 0
    while k < len(lines) and taken < 3:
        s = lines[k].strip()
        k += 1
        if not s:
            continue
        if SIGN_OFF.match(fold(s)):  # 'Người lập biểu' under a short Biểu title: its signer, not its words
            break
        if _header(s) or parse_marker(s) or ARTICLE.match(s) or s.startswith("(") or len(s) > 200 or _restarts(first, s) or (
                taken and leads_with_field(s)):  # 'VÙNG QUAN TRẮC ……' under the name: a field of the cover
            break
        if _unaccented(first) and not _unaccented(f"{s} a b c"):  # a page's unaccented title, then the document
            break
        if "|" in s or LEADER_START.match(s) or ROW_NUMBER_HEAD.match(fold(s)):
            break  # a table's row, its 'STT' column or a blank's dots under the name: not its words
        prev = parts[-1]
        if bare and taken == 0:
            parts.append(s)
        elif taken == 0 and _subtitle(parts[0], s):
            parts.append(s)
        elif taken == 0 and _upper(parts[0]) and ABOUT.match(s):  # 'BIÊN BẢN TỰ KIỂM TRA' / 'Về phòng cháy, chữa cháy'
            parts.append(s)
        elif s[0].islower() or prev.rstrip().endswith((",", ";")):
            parts.append(s)
        elif _upper(s) and _upper(prev) and (not _named(fold(s)) or len(parts[0].split()) <= 6) \
                and not re.search(r"(?<!\d):\s*\S", s):  # ('NĂM HỌC: 2030 - 2031' is a field under the name;
            parts.append(s)  # 'ISO/IEC 27001:2013' is no field)
        else:
            break
        taken += 1
    return " ".join(p.strip() for p in parts)


LEADER_START = re.compile(r"^[.…_]{3}")
ROW_NUMBER_HEAD = re.compile(r"^(?:stt|tt|so ?tt|so thu tu)\s*$")  # a table's first column header


# 'Về phòng cháy, chữa cháy' under a name in capitals says what it is about ('Về việc ……' is the case's blank, no name)
ABOUT = re.compile(r"^Về\s+(?!việc\b)[^…:.()]{3,80}$")


def _restarts(first: str, s: str) -> bool:
    """A line that names the document again ('PHIẾU LẤY Ý KIẾN CỬ TRI' then 'MẪU PHIẾU LẤY Ý KIẾN CỬ TRI', a page's
    title then the template's): a name of its own, not the first one going on."""
    f, g = fold(first).strip(" :"), fold(s).strip(" :")
    return g.startswith("mau ") and not f.startswith("mau ") or g.removeprefix("mau ") == f.removeprefix("mau ")


AGENCY = re.compile(r"^(?:uy ban nhan dan|ubnd|bo |so |dang uy|tinh uy|huyen uy|thanh uy|dang bo|chi bo|ban chap hanh|"
                    r"ban thuong vu|ten (?:co quan|doanh nghiep|don vi|to chuc)\b)")


UNION_HEAD = re.compile(r"^(?:doan tncs|doan thanh nien|chi doan\b|cong doan\b|hoi (?:lien hiep|nong dan|cuu chien binh)\b)")


def header_block(lines: list[str]) -> set[int]:
    """The lines of the agency header: each header line ('UBND XÃ/PHƯỜNG….', '[1]ỦY BAN NHÂN DÂN') and the short
    lines in capitals or blanks under it that go on naming the body ('THÔN, TỔ DÂN PHỐ .....', 'XÃ (PHƯỜNG, THỊ
    TRẤN)', '[2]……') — never the document's name."""
    out: set[int] = set()
    for i, raw in enumerate(lines[:120]):
        s = raw.strip()
        school = re.match(r"^(?:PHÒNG|TRƯỜNG)\s", s) is not None and _upper(s) and len(s.split()) <= 8
        union = UNION_HEAD.match(fold(s)) is not None and _upper(s)  # ('ĐOÀN TNCS HỒ CHÍ MINH' heads a union's paper)
        if not s or not (school or union or _header(s) and AGENCY.match(fold(FN_MARK.sub("", s)))) or _named(fold(s)):
            continue  # ('PHÒNG GD&ĐT …', 'TRƯỜNG …' in capitals head a school's or an office's form too)
        out.add(i)
        k = i + 1
        while k < len(lines) and k <= i + 4:
            t = FN_MARK.sub("", lines[k].strip())
            bare = re.sub(r"[…._\s]", "", t)
            if t and not (len(t.split()) <= 6 and (not bare or _upper(t)) and not _named(fold(t)) and not parse_marker(t)):
                break
            out.add(k)
            k += 1
    return out


WEB_TAIL = re.compile(r"(?:(?:\s+\d{4})?\s+(?:mới(?: nhất| cập nhật)?|cập nhật)(?: \d{4})?)?\s*"
                      r"(?:[,;-]\s*(?:chuẩn\s+)?file\s+word\b.*|(?:xem trước|tải)\b.*)?$", re.I)


def _web_name(name: str) -> str:
    """A download page's name of a form: 'Mẫu báo cáo thu nộp đảng phí mới, chuẩn file Word' → 'báo cáo thu nộp đảng
    phí' (the page's 'Mẫu …', 'mới nhất', '2024 mới cập nhật', 'file Word', 'Xem trước / Tải' are the page's words,
    not the form's)."""
    f = fold(name)
    if not re.search(r"file word|xem truoc|\btai\b|\bmoi nhat\b|\bmoi cap nhat\b|\bcap nhat \d{4}$", f):
        return name
    out = WEB_TAIL.sub("", name).strip(" ,;-")
    out = re.sub(r"^mẫu\s+(?=\S+\s+\S+)", "", out, flags=re.I)
    return out if len(out.split()) >= 2 else name


def _lead_capitals(s: str) -> str:
    """The words in capitals a line begins with: '1. PHIẾU THAM KHẢO HỘ NÔNG DÂN Huyện……' → 'PHIẾU … NÔNG DÂN'."""
    words = []
    for w in s.split():
        if any(c.islower() for c in w) or not any(c.isalpha() for c in w) or "…" in w or ".." in w:
            break
        words.append(w)
    return " ".join(words)


HEAD_GAP = 6  # lines from the motto to its place and date line at most


def caps_after_header(lines: list[str]) -> str | None:
    """No name word anywhere: the first line in capitals (three words or more) below the agency header and its
    motto / date ('NIÊN GIÁM THỐNG KÊ 5 NĂM GẦN NHẤT' under 'CỘNG HÒA XÃ HỘI …' and 'Đồng Hưu, ngày …')."""
    head = [i for i, t in enumerate(lines[:40]) if re.search(r"cong hoa xa hoi|doc lap|, ngay\b", fold(t))]
    motto = [i for i in head if re.search(r"cong hoa xa hoi|doc lap", fold(lines[i]))]
    head = [i for i in head if not motto or i <= motto[-1] + HEAD_GAP]  # (the motto's date, not the signing date)
    start = head[-1] + 1 if head else 0
    for i in range(start, min(len(lines), start + 25)):
        s = lines[i].strip()
        if s and _upper(s) and long_words(s) >= 3 and not _header(s) and not parse_marker(s) and len(s) <= 200 \
                and not SIGN_OFF.match(fold(s)):  # ('THỦ TRƯỞNG ĐƠN VỊ' under a table signs it: no name)
            return _continuation(lines, i, s, False)
    return None


MOTTO = re.compile(r"^(?:doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc|cong hoa xa hoi chu nghia viet nam|"
                   r"dang cong san viet nam)\W*$")  # (a party paper's header stands where the motto does)


UNDER_MOTTO = re.compile(r"^(?:[-_=*.\s]+|[^,]{0,40},\s*ngay\b.*|so\s*:?\s*[\d.…_]*\s*[-–/]\s*[a-z]{1,5}\s*[-–/].{0,30})$")
# (the paper's number under the motto, 'Số -BC/ĐU (CB)…', stands above the name too)


def name_under_motto(lines: list[str]) -> str | None:
    """A name line in capitals right under the national motto ('Độc lập - Tự do - Hạnh phúc' / 'PHIẾU ĐÁNH GIÁ …
    Năm……'), wherever it stands: the form's own name, even when a page pasted the form's tail above its header."""
    for i, raw in enumerate(lines):
        if not MOTTO.match(fold(FN_MARK.sub("", raw.strip()))):
            continue
        near = [k for k in range(i + 1, min(len(lines), i + 12)) if lines[k].strip()][:5]  # (blank lines apart)
        nxt = next((k for k in near if not UNDER_MOTTO.match(
            fold(lines[k].strip()))), None)  # (its rule and the place and date line under it are no name)
        if nxt is None:
            continue
        s = re.sub(r"\s*(?:…|\.{3,}|_{3,})[.…_]*$", "", lines[nxt].strip())
        lead = _lead_capitals(s)
        if len(lead.split()) < 3 and fold(lead).strip() in BARE_NAMES and len(s.split()) >= 4:
            lead = s  # 'BÁO CÁO sơ kết công tác …': the bare name word and its name in lower case, one line
        if len(lead.split()) >= 3 and _named(fold(lead)) and not parse_marker(s):
            return _continuation(lines, nxt, lead.strip(" ,;:"), False)
    return None


def asked_report_wins(name: str | None, asked: str | None, texts: list[str]) -> bool:
    """A letter's subject that names no paper ('V/v Chuẩn bị tổng kết công tác năm …') yields to the report its
    sentences ask for ('… chuẩn bị Báo cáo tổng kết tình hình hoạt động năm …') when that one says most of its words:
    the report is what the outline is. Only a subject naming no report, form or outline of its own."""
    if not name or not asked or _named(fold(name)) or not fold(asked).startswith(("bao cao ", "de cuong ")):
        return False
    if re.search(r"\b(?:bao cao|de cuong|bieu|mau)\b", fold(name)):
        return False  # ('V/v chỉ tiêu báo cáo thống kê' names the report itself)
    lead = " ".join(fold(name).split()[:3])
    if not any(re.match(r"^(?:v/v|ve viec)\b", fold(t.strip())) and lead in fold(t) for t in texts[:60]):
        return False  # (only a letter's subject: a form's own heading stays its name)
    words = set(re.findall(r"\w+", fold(name)))
    return len(words) >= 4 and len(words & set(re.findall(r"\w+", fold(asked)))) >= 0.6 * len(words)


def form_name_wins(current: str, formal: str | None) -> bool:
    """The name under the motto replaces the name found first when that one is a page's title in sentence case, a
    line in capitals with no name word (a site's slogan 'THỰC HIỆN THẮNG LỢI …') or a page's catalogue of forms
    ('HƯỚNG DẪN MỘT SỐ BIỂU MẪU …', 'CÁC MẪU TÀI LIỆU …')."""
    if not formal or fold(current).startswith(fold(formal)):
        return False
    return not _upper(current) or not _named(fold(current)) or _page_title(current)


def _caps_word(w: str) -> bool:
    return not any(c.islower() for c in w) and "…" not in w and ".." not in w


def inner_caps_name(s: str) -> str | None:
    """A statistics form's header flattened onto one long line ('Biểu số: 01CS/LTDL Đơn vị nhận báo cáo: Cục Thống kê
    … BÁO CÁO HOẠT ĐỘNG … Ngày nhận báo cáo: …'): the run of words in capitals that begins with a name word, four
    words or more, wherever it stands in the line. None for a short line or a line with no such run."""
    words = s.split()
    if len(s) < 150:
        return None
    for j, w in enumerate(words):
        if not (_caps_word(w) and any(c.isalpha() for c in w)) or not _named(fold(" ".join(words[j:j + 3]))):
            continue
        k = j
        while k < len(words) and _caps_word(words[k]):
            k += 1
        run = " ".join(words[j:k]).strip(" ,;:-–")
        if len(run.split()) >= 4 and _upper(run):
            return run
    return None


# a bare name in capitals and its subject on a page squeezed onto one line ('… ngày tháng năm 20 TỜ TRÌNH V/v đề nghị …
# cho tập thể và cá nhân Năm học Căn cứ …'): the subject runs to where the body, a field or the addressee begins
SQUEEZED_SUBJECT = re.compile(
    r"(?<![^\W\d_])(?P<n>TỜ TRÌNH|BÁO CÁO|CÔNG VĂN|KẾ HOẠCH|THÔNG BÁO|BIÊN BẢN|QUYẾT ĐỊNH)\s+(?:V/v|Về việc)\s*:?\s*"
    r"(?P<s>[^…]{10,250}?)\s*(?=\s(?:Kính gửi|Căn cứ|Thực hiện|Năm học|Năm|Tháng|Quý|Số\s*:)\b|$)")


def squeezed_subject(s: str) -> str | None:
    """A page on one line (150 characters or more) with a bare name in capitals and its 'V/v' subject: 'TỜ TRÌNH đề
    nghị …' (see SQUEEZED_SUBJECT). None for any other line."""
    m = SQUEEZED_SUBJECT.search(s) if len(s) >= 150 else None
    return f"{m.group('n')} {m.group('s').strip(' ,;:')}" if m else None


def _page_start(s: str) -> str:
    """A whole page on one line ('Báo cáo tổng kết … - Mẫu TRƯỜNG … CỘNG HÒA …'): the name it begins with."""
    return re.split(r"\s+[-–]\s+", s, maxsplit=1)[0] if len(s) > 300 and _named(fold(s)) else s


def _opening(s: str, i: int) -> str:
    """A page on one line among the first: the name it begins with ('Báo cáo … - Mẫu …'; 'BÁO CÁO TỔNG HỢP … 6 tháng
    Biểu 01 …', its capitals); a page's headline on a report's contents: that report."""
    s = _page_start(s) if i < 3 else s
    named = CONTENTS_OF.match(s) if i < 3 else None  # a page's 'Nội dung báo cáo ổ dịch …': the report it names
    s = s[named.end():][:1].upper() + s[named.end() + 1:] if named else s
    lead = _lead_capitals(s) if i < 10 and len(s) > 300 else ""
    return lead if len(lead.split()) >= 4 and _named(fold(lead)) else s


CONTENTS_OF = re.compile(r"(?i)^(?:nội dung|yêu cầu nội dung)\s+(?:của\s+)?(?=(?:báo cáo|đề cương)\s+\S+\s+\S+[^.:;?]*$)")
# the period word a name line's blank asks for ('PHIẾU ĐÁNH GIÁ … Năm………'): the report's period, no part of the name
PERIOD_BLANK = re.compile(r"(?<=\S)\s+(?:[Nn]ăm|NĂM|[Tt]háng|THÁNG|[Qq]uý|QUÝ)$")


def _period_blank(s: str) -> str:
    """A name line's period word before its blank: written apart from a name in capitals ('PHIẾU … CÁN BỘ Năm……'),
    the field of the period, no part of the name; in the name's own capitals ('BÁO CÁO … THÁNG …'), the name's."""
    m = PERIOD_BLANK.search(s)
    if m is None:
        return s
    head = s[:m.start()]
    return s if m.group(0).strip().isupper() and head.isupper() else head


def _fuller_bare(upper: list[str], sentence: list[str]) -> None:
    """'QUYẾT ĐỊNH' alone (over 'Điều 1: …') when a line above wrote it with its subject ('QUYẾT ĐỊNH thành lập …'):
    that line is the name."""
    if upper and sentence and fold(upper[0]).strip(" :") in BARE_NAMES:
        bare = fold(upper[0]).strip(" :")
        upper[0] = next((x for x in sentence if fold(x).startswith(bare + " ")), upper[0])


# a name line in capitals and, on the same line, a field in sentence case with its blanks ('… Hộ số: __ __ __')
CAPS_THEN_FIELD = re.compile(r"^[^:]{10,}:\s*(?:(?:_|…|\.{2,})[\s_….]*)?$")
# a blank after a name line, or a footnote's star ('SỔ THEO DÕI …*')
NAME_TAIL = re.compile(r"\s*\.?(?:…|\.{3,}|_{3,})[.…_]*$|(?<=\w)\*+$")


# one word of a name in capitals on a line of its own (a narrow cell's wrapping: 'DANH' / 'MỤC' / 'BIỂU' / 'MẪU …')
LONE_CAPS_WORD = re.compile(r"^[A-ZĐÀ-Ỹ]{1,8}$")


def join_wrapped_name(lines: list[str]) -> list[str]:
    """A name in capitals a narrow cell wrapped a word a line ('DANH' / 'MỤC' / 'BIỂU' / 'MẪU BÁO CÁO …') read as one
    line where the first word starts it; the lines taken in are left empty (positions kept). Only when the words
    joined begin a name and the first word alone does not."""
    out = list(lines)
    i = 0
    while i < min(len(out), 40):
        k = i
        while k < len(out) and LONE_CAPS_WORD.match(out[k].strip()) and _upper(out[k].strip() + "AA"):
            k += 1
        if k - i >= 2 and k < len(out) and _upper(out[k].strip()):
            joined = " ".join(s.strip() for s in out[i:k + 1])
            if _named(fold(joined)) and not _named(fold(out[i].strip())):
                out[i:k + 1] = [joined] + [""] * (k - i)
                i = k
        i += 1
    return out


def without_glued_field(name: str | None) -> str | None:
    """'PHIẾU … HỘ GIA ĐÌNH Hộ số: __ __ __' → 'PHIẾU … HỘ GIA ĐÌNH': a field run onto the name line is no part of it."""
    if not name or not CAPS_THEN_FIELD.match(name.strip()):
        return name
    words = name.split()
    k = next((i for i, w in enumerate(words) if any(c.islower() for c in w)), len(words))
    head = " ".join(words[:k])
    return head if len(words[:k]) >= 3 and head.isupper() and ":" not in head else name


def own_name(lines: list[str]) -> str | None:
    """The document's name from its first lines, in this order: a name line in capitals ('BÁO CÁO …', or the line
    in capitals after a 'Biểu số 8/BCH' code line), the subject of a letter ('V/v …'), a sentence-case name
    line ('Bộ câu hỏi khảo sát …', '4. Đề cương …'). None when the document names itself nowhere. A name a narrow
    cell wrapped a word a line is read whole first (join_wrapped_name)."""
    return _own_name(join_wrapped_name(lines))


def _own_name(lines: list[str]) -> str | None:
    upper: list[str] = []
    vv: list[str] = []
    sentence: list[str] = []
    agency = header_block(lines)
    below = _below_header(lines, agency)
    for i, raw in enumerate(lines[:120]):
        s = NAME_TAIL.sub("", raw.strip())  # 'Báo cáo Sơ kết lớp………': the blank goes
        s = _period_blank(s) if s != raw.strip() and len(s.split()) >= 4 else s  # '… CÁN BỘ Năm……': so does its year
        squeezed = parse_marker(s) if i < 10 and len(s) > 300 else None
        if squeezed is not None and _named(fold(_lead_capitals(squeezed.rest))):
            s = _lead_capitals(squeezed.rest)  # a whole form squeezed onto one numbered line: its name leads it
        s = _opening(s, i)
        if not s or len(s) > 300:
            continue
        f = fold(s)
        if i in agency:
            continue
        if _code_or_subject(lines, i, s, agency, (upper, vv, sentence)):
            continue
        s = _caps_before_note(_web_question(s))
        if f.startswith("v/v") or f.startswith("ve viec:"):
            subject = re.sub(r"^(?:v/v|về việc:)\s*:?\s*", "", s, flags=re.I)
            if subject:
                vv.append(_continuation(lines, i, subject, False))
            continue
        letter = LETTER_SUBJECT.match(s)
        if letter:  # 'Công văn Số: 1929/BVHTTDL-TV ngày … Về việc Hướng dẫn sơ kết …' (a portal's one-line header)
            vv.append(letter.group("s").strip(" ."))
            continue
        mk = parse_marker(s)
        if mk is not None:
            lead = _lead_capitals(mk.rest)
            if fold(mk.rest).startswith("de cuong"):
                sentence.append(mk.rest)
            elif i < 10 and _named(fold(lead)) and len(lead.split()) >= 3 and lead != mk.rest:
                upper.append(lead)  # '1. PHIẾU THAM KHẢO HỘ NÔNG DÂN Huyện……': a form squeezed onto one line
            continue
        if _header(s) and not _named(f):
            continue
        if i == below and not _named(f):  # 'XẾP LOẠI HỌC LỰC - HẠNH KIỂM HỌC KỲ I' right under 'SỞ GD&ĐT' / 'TRƯỜNG …'
            upper.append(_continuation(lines, i, s, False))
            continue
        if (_named(f) or f.startswith(CAPS_NAMES)) and (_upper(s.split(":")[0]) or (f in BARE_NAMES and s.islower())):
            # a name line in capitals; 'báo cáo' / 'dự toán thu - chi …': a bare name whose capitals were lost
            bare = f.strip(" :") in BARE_NAMES
            upper.append(_continuation(lines, i, META_TAIL.sub("", s).strip(" :"), bare))
        elif (_named(f) and s[0].isupper() and not s.endswith(("?", ".", ";")) and 2 < len(s.split()) <= 40
              and not SENTENCE_BREAK.search(s)):  # ('Báo cáo … sẽ làm rõ … năm 2020. Ảnh: …' is a photo's caption)
            sentence.append(s)
    _fuller_bare(upper, sentence)
    inner = list(filter(None, map(inner_caps_name, lines[:10]))) or list(filter(None, map(squeezed_subject, lines[:60])))
    for found in (upper, vv, sentence, inner, [caps_after_header(lines)]):
        if found and found[0]:
            if _page_title(found[0]) and found is upper:
                found = found + sentence  # a page's 'MẪU BÁO CÁO …' yields to the form's own name line in any case
            return _web_name(_template_name(found))
    return None


# a numbered heading run onto the name's line ('Tỷ lệ gia đình thể thao 1. Khái niệm, phương pháp tính')
INLINE_HEADING = re.compile(r"(?<=\w)\s+\d{1,2}\.\s+[A-ZĐÀ-Ỹ].*$")
LETTER_NO = re.compile(r"(?i)^\s*số\s*:?\s*\d*\s*/\s*[\w-]+")
WEB_ASKS = re.compile(r"(?i)(?:\s+\d{4})?\s+(?:như thế nào|là gì|ra sao|thế nào|gồm những gì|gồm những nội dung gì)$")


def _code_or_subject(lines: list[str], i: int, s: str, agency: set[int], found: tuple[list[str], ...]) -> bool:
    """A code line ('Biểu số 8/BCH …') or a letter's subject beginning 'Về': what it names goes to its list of
    names found (`found`: names in capitals, subjects, sentence-case names). False for any other line."""
    upper, vv, sentence = found
    code = CODE_LINE.match(s)
    if code:
        rest = INLINE_HEADING.sub("", META_TAIL.sub("", code.group("rest"))).strip(" :.-")
        rest = rest if any(re.fullmatch(r"[^\W\d_]{3,}", w) for w in rest.split()) else ""  # 'KĐ.ĐG 2023': more code
        _code_name(lines, i, "" if re.fullmatch(r"[-–]\s*[A-ZĐ]{1,4}", rest) else rest, agency, upper, sentence)
        return True
    subject = _about_subject(lines, i)
    if subject:
        vv.append(subject)
    return bool(subject)


def _about_subject(lines: list[str], i: int) -> str | None:
    """A letter's subject without 'V/v' ('Số 1433/GDĐT-TrH …' then 'Về hướng dẫn báo cáo' / 'tổng kết năm học …'):
    a line beginning 'Về' a few lines under the letter's number, with the lines in lower case going on with it."""
    s = lines[i].strip()
    m = re.match(r"^Về\s+(?:việc\s*:?\s*)?(?P<s>[^…:]{3,200})$", s)
    if not m or not any(LETTER_NO.match(t) for t in lines[max(0, i - 8):i]):
        return None
    return _continuation(lines, i, m.group("s").strip(), False)


def _caps_before_note(s: str) -> str:
    """A name in capitals with a note in brackets and more run on after it ('BÁO CÁO TÌNH HÌNH … TUẦN (Tuần từ ngày …)
    Nội dung'): the name in capitals alone. Any other line is returned as it is."""
    lead = _lead_capitals(s)
    if _upper(s) or len(lead.split()) < 4 or not _named(fold(lead)) or not s[len(lead):].lstrip().startswith("("):
        return s
    return lead.strip(" ,;:-–")


def _web_question(s: str) -> str:
    """A page's headline asking about a form ('Mẫu báo cáo nhanh … 2024 như thế nào? Nội dung …?'): the name it asks
    about, the question words and the year of the post gone. Any other line is returned as it is."""
    if "?" not in s:
        return s
    head = s.split("?", 1)[0].strip()
    cut = WEB_ASKS.sub("", head).strip(" ,")
    return cut if cut != head and _named(fold(cut)) and len(cut.split()) >= 3 else s


def _below_header(lines: list[str], agency: set[int]) -> int | None:
    """The line right under the agency header (and the motto, place and date, number beside it) when it is in
    capitals, three words or more, no field and no number: where a document writes its name, name word or not."""
    if not agency:
        return None
    for i in range(max(agency) + 1, min(len(lines), max(agency) + 12)):
        s = lines[i].strip()
        if not s or _header(s) or doc_number(s) or re.fullmatch(r"[-_=*.\s]+", s) or i in agency:
            continue
        ok = _upper(s) and len(s.split()) >= 3 and not re.search(r"[:…]|\.\.", s) and not parse_marker(s)
        return i if ok else None
    return None


def _code_name(lines: list[str], i: int, rest: str, agency: set[int], upper: list[str], sentence: list[str]) -> None:
    """A code line ('Biểu số 8/BCH …', 'Mẫu số 01: Đề cương …'): the name it carries, or the first line in capitals
    below it that is no part of the agency header."""
    if rest and _upper(rest):
        upper.append(_continuation(lines, i, rest, False))
    elif rest:
        sentence.append(rest)
    else:
        nxt = [(k, t.strip()) for k, t in enumerate(lines[i + 1:i + 9], i + 1) if t.strip()][:5]
        hit = next((k for k, t in nxt if _upper(t) and not _header(t) and k not in agency and not doc_number(t)
                    and long_words(t) >= 2), None)  # ('STT' / 'I': a table's column header, no name)
        if hit is not None:
            upper.append(_continuation(lines, hit, lines[hit].strip(), False))
        elif nxt and _sentence_name(nxt[0][1]):  # 'Biểu 05/BCX' / 'Tình hình khám chữa bệnh tại trạm y tế'
            sentence.append(nxt[0][1])


def _sentence_name(s: str) -> bool:
    """A line in sentence case that reads as a name under a code line: three to twenty-five words, no field, blank,
    cell bar or sentence's end, not numbered, not the agency header, not the act it comes with ('Ban hành theo …')."""
    return (s[:1].isupper() and 3 <= len(s.split()) <= 25 and not re.search(r"[:|…_]|\.\.|[.;?!]$", s)
            and parse_marker(s) is None and not _header(s) and not doc_number(s) and not re.search(r"\d+/\d{2,4}", s)
            and not re.match(r"(?i)(?:ban hành|kèm theo|áp dụng|dùng cho|đơn vị|ngày nhận|kỳ báo cáo)\b", s))


RUN_ON_HEADER = re.compile(r"\s+(?:TÊN CƠ QUAN|Tên cơ quan|Số\s*:|UBND\s+(?P<next>\S+)|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI|"
                           r"ĐẢNG CỘNG SẢN|Độc lập\s*[-–]|\[\d{1,2}\])")


def _cut_header(title: str) -> str:
    """The title up to where an agency header runs on ('… TÊN CƠ QUAN Số: /BC'); 'UBND' heads one only before a word
    in capitals or a blank ('UBND XÃ ……'), not inside the name ('… hoạt động của UBND xã năm 2025')."""
    for m in RUN_ON_HEADER.finditer(title):
        nxt = m.group("next")
        if nxt is None or nxt.isupper() or not any(c.isalpha() for c in nxt):
            return title[:m.start()]
    return title
WHO_REPORTS = re.compile(r"\s*\((?i:dùng cho|áp dụng (?:cho|đối với)|các\s[^()]*báo cáo|đơn vị\s[^()]*báo cáo)[^()]*\)\s*$")


# the period a form is filled for, in brackets after its name ('… ở nước ngoài (6 tháng đầu năm hoặc cả năm)',
# '… DU LỊCH (Tháng)'), with a broken syllable a PDF left after it: the report's period, no part of its name
PERIOD_NOTE = re.compile(r"(?i)\s*\((?=[^()]*\b(?:năm|tháng|quý|kỳ)\b)[^()]{2,60}\)(?:\s+\w{1,2})?\s*$")
SENTENCE_BREAK = re.compile(r"(?<![A-ZĐ])[.!?]\s+[A-ZĐÀ-Ỹ]")


def _restart(title: str) -> str:
    """A page's name run into the name again ('Báo cáo tổng kết năm học trường THCS Mẫu báo cáo tổng kết năm học
    2021 – 2022'): the first name, cut where its first three words come again ('Mẫu' before them goes too)."""
    words = title.split()
    folded = [fold(w).strip(",;:.") for w in words]  # ('Dự toán thu, chi …' then 'Dự toán thu chi …': the same words)
    lead = folded[:3]
    for j in range(3, len(words) - 2):
        if folded[j:j + 3] == lead and folded[j - 1] not in ("hoac", "va", "hay"):
            # ('danh mục … hằng năm hoặc danh mục … bổ sung' names two kinds of one form: no restart)
            k = j - 1 if folded[j - 1] == "mau" else j
            return " ".join(words[:k]).strip(" ,;:-–") if k >= 3 else title
    return title


def trim_run_on(title: str) -> str:
    """A name run into the agency header of a page on one line ('Báo cáo công tác … (Các sở, ban, ngành báo cáo)
    TÊN CƠ QUAN1 Số: /BC'): cut where the header begins, and a closing parenthesis that says who reports goes, and
    a blank it ends with."""
    cut = _restart(_cut_header(title).strip(" ,;:-–"))
    cut = PERIOD_NOTE.sub("", WHO_REPORTS.sub("", cut)).strip(" ,;:-–")
    cut = TRAILING_BLANK.sub("", cut)  # '… công chức năm ……': the period's blank is no part of the name
    return cut if len(cut.split()) >= 3 else title


TRAILING_BLANK = re.compile(r"\s*(?:…|\.{2,}|_{2,})[\s.…_]*$")


REPORT_PHRASE = re.compile(r"(?<![\w/])[Bb]áo cáo\s+(?P<k>về|của)\s+(?P<r>[^.,;:?()]{6,120})")
# 'nộp báo cáo về Sở đúng thời gian …': where the report is sent, not what it is about
TO_BODY = re.compile(r"(?:Sở|Bộ|Ban|Phòng|Văn phòng|UBND|Ủy ban|Uỷ ban|cấp trên|trường)\b")
PHRASE_STOP = re.compile(r"\s+(?:gửi|được|là|gồm|bao gồm|có|theo|trong|tại|nhằm|phải|cần|thì|khi|và đề xuất)\s.*$")


def report_phrase(lines: list[str]) -> str | None:
    """No line names the document: the report it is about, as its headings or first sentences say it ('Điều 8. Chế
    độ báo cáo về công tác bảo vệ bí mật nhà nước', 'Báo cáo của khuyến nông viên xã gửi lên …') → 'Báo cáo về
    công tác bảo vệ bí mật nhà nước', 'Báo cáo của khuyến nông viên xã' — headings first."""
    marked = [s for s in lines if parse_marker(s) is not None or re.match(r"^Điều\s+\d+\.", s.strip())]
    for s in [*marked, *lines]:
        m = REPORT_PHRASE.search(s)
        rest = PHRASE_STOP.sub("", m.group("r")).strip() if m else ""
        if m and len(rest.split()) >= 2 and not _header(s) and not (m.group("k") == "về" and TO_BODY.match(rest)):
            return f"Báo cáo {m.group('k')} {rest}"
    return None


TEMPLATE = re.compile(r"^mẫu\s+(?:số\s+\S+\s+)?(?=\S+\s+\S+\s+\S)", re.I)
# a page's catalogue of the forms it holds ('DANH MỤC MỘT SỐ MẪU BIÊN BẢN VÀ QUYẾT ĐỊNH …'): no name of the form shown
CATALOGUE = re.compile(r"^(?:(?:danh mục|hướng dẫn)\s+(?:một số\s+|các\s+)?|các\s+)(?:mẫu|biểu mẫu)\b", re.I)


# a site's title for a form it offers with the act it comes with ('Biểu mẫu báo cáo ban hành kèm theo Thông tư …')
ISSUED_WITH = re.compile(r"(?i)^(?:biểu\s+)?mẫu\b.*\b(?:ban hành\s+)?kèm theo\s+(?:thông tư|quyết định|nghị định|công văn)\b")


def _page_title(name: str) -> bool:
    return bool(TEMPLATE.match(name) or CATALOGUE.match(name) or ISSUED_WITH.match(name))


def _template_name(found: list[str]) -> str:
    """A page names the form it offers 'Mẫu báo cáo …' ('Mẫu' = template), or gives its file title without accents
    ('BAO CAO TOM TAT …'); the form's own name line below it ('BÁO CÁO KẾT QUẢ …') wins when there is one, else the
    name is read without 'Mẫu'."""
    names = [re.sub(r"\s+", " ", x).strip(" :") for x in found if x]
    own = next((x for x in names if not _page_title(x) and len(x.split()) >= 3 and not _unaccented(x)), None)
    if own is not None and (_page_title(names[0]) or _unaccented(names[0])):
        return own  # a page's own title without accents ('BAO CAO TOM TAT …') yields to the document's name line
    name = TEMPLATE.sub("", names[0]) or names[0]
    return LEGAL_TAIL.sub("", name).strip(" ,;-–") if TEMPLATE.match(names[0]) else name


def _unaccented(name: str) -> bool:
    """'BAO CAO TOM TAT PHONG TRAO …': Vietnamese words written without a single diacritic (a page's file title)."""
    letters = [c for c in name if c.isalpha()]
    return len(name.split()) >= 4 and all(c.isascii() for c in letters)


# a page's name of a form goes on with its code and the act it comes with: '… biểu số 24/BTP ban hành – THÔNG TƯ …'
LEGAL_TAIL = re.compile(r"(?i)\s+(?:(?:biểu|mẫu)\s+số\s+\S*\d.*|(?:được\s+)?ban hành\b.*|kèm theo\b.*|"
                        r"[–-]\s+(?:thông tư|quyết định|nghị định)\b.*)$")


# an abbreviation in quotes ('Phong trào “TDĐKXDĐSVH”'): five or more capitals, a phrase's initials
QUOTED_INITIALS = re.compile(r"[“\"](?P<a>[A-ZĐ]{5,})[”\"]")
QUOTED_PHRASE = re.compile(r"[“\"](?P<p>[^“”\"]{10,150})[”\"]")


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_]+", phrase)).upper()


def spelled_out(name: str, texts: list[str]) -> str:
    """The name with a quoted abbreviation ('Phong trào “TDĐKXDĐSVH”') written out as the document writes it in
    quotes elsewhere ('Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”'): the phrase whose words' initials
    are exactly the abbreviation's letters. Unchanged when the document never spells it out."""
    if not name or not QUOTED_INITIALS.search(name):
        return name
    seen = Counter(m.group("p").strip() for s in texts for m in QUOTED_PHRASE.finditer(s))
    phrases: dict[str, str] = {}
    for phrase, _ in seen.most_common():  # a spelling the copy damaged once ('đi sống') yields to the usual one
        phrases.setdefault(_initials(phrase), phrase)

    def full(m: re.Match) -> str:
        spelled = phrases.get(m.group("a"))
        return f"“{spelled}”" if spelled else m.group(0)

    return QUOTED_INITIALS.sub(full, name)


# a questionnaire a foreign body publishes in Vietnamese under an English name ('Appendix E: Questionnaire (…)')
ENGLISH_NAME = re.compile(r"^(?=.*\b(?:Questionnaire|Survey)\b)(?:Appendix\s+[A-Z\d]{1,3}\s*[:.–-]\s*)?[A-Z][\w\s,&()/-]*$")


def english_name(lines: list[str]) -> str | None:
    """The English name line of a questionnaire written in Vietnamese (a last resort when no Vietnamese name line
    is found): short, letters of English only, naming a questionnaire or a survey."""
    for raw in lines[:40]:
        s = raw.strip()
        if 2 <= len(s.split()) <= 12 and s.isascii() and ENGLISH_NAME.match(s):
            return s
    return None
