"""Last pass over the draft: what is not an ask goes, with an unsure point saying so.

A line of figures from a table flattened into text ('15.172', '"'), a signature block ('TM. ỦY BAN NHÂN DÂN',
'(Ký, ghi rõ họ tên)'), the national motto or a Party header copied into the body, a cell code ('A', '(1)') —
none of these is a question. Questions with an empty prompt are dropped rather than written (a draft must always
pass the checker); sections left empty go too."""

from __future__ import annotations

import re

from dialogs.text import fold

SIGNATURE = re.compile(r"^(?:tm\.|t/m|kt\.|q\. |nguoi lap bieu|nguoi ky|\(ky\b|ky ten|xac nhan cua|noi nhan|"
                       r"thu truong (?:co quan|don vi)|chu tich$|giam doc$|bi thu$)")
BARE_TITLE = re.compile(r"^(?:chu tich|giam doc|bi thu)\s*:?$")
HEADER = re.compile(r"^(?:cong hoa xa hoi chu nghia|doc lap\s*[-–]\s*tu do|(?:tu do\s*[-–]\s*)?hanh phuc\b|dang cong san viet nam$|"
                    r"so\s*:.{0,30}$|so$|(?!hom nay\b)[^(,]{0,30}, ngay\b[^(,]{0,12}thang\b[^(,]{0,12}nam\b[^(,]{0,8}$|kinh gui\b|"
                    r"(?:tai ban day du|ban dang xem|luot xem|dang nhap|skip to main|mua tai khoan)\b)")
PAGE_META = re.compile(r"^(?:loai van ban|so hieu|noi ban hanh|nguoi ky|ngay ban hanh|ngay hieu luc|ngay cong bao|"
                       r"so cong bao|tinh trang|linh vuc|chu the de nghi|du kien trinh|trang thai|tac gia|mo ta|"
                       r"ngay dang|luot xem|chia se)\s*:")
METADATA = {"don vi tinh", "dvt", "ma so", "tt", "stt", "don vi bao cao", "don vi nhan bao cao", "ngay nhan bao cao"}


def _letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def not_an_ask(prompt: str) -> str | None:
    """Why a prompt is no question (None when it may be one)."""
    p = prompt.strip()
    f = fold(p).strip(" .:;-–")
    if _letters(p) < 2 or re.fullmatch(r"[\d\s.,%()/'\"“”‘’+\-–…x]*", p):
        return "dòng chỉ có số hoặc ký hiệu (có thể là bảng bị dàn mỗi ô một dòng)"
    if SIGNATURE.match(f):
        return "phần chữ ký"
    if HEADER.match(f) or PAGE_META.match(f) or re.search(r"cong hoa xa hoi chu nghia|doc lap\s*[-–]\s*tu do", f) \
            or re.fullmatch(r"(?:ngay|so) cong bao|luot xem", f):  # a law page's particulars, their value in the help
        return "quốc hiệu, tiêu ngữ, số hiệu hoặc chữ của trang web"
    if re.search(r"\b(?:ban co the (?:tham khao|tai|su dung)|cung (?:tham khao|tim hieu)|moi (?:cac )?ban (?:doc )?"
                 r"(?:tham khao|xem|tai)|duoi day la (?:mau|bieu mau))\b", f):
        return "quốc hiệu, tiêu ngữ, số hiệu hoặc chữ của trang web"  # 'Đây là mẫu …, bạn có thể tham khảo …'
    if p.isupper() and len(p.split()) <= 8 and re.match(r"(?:bien ban|quyet dinh|to trinh|giay moi)\b", f):
        return "tên của văn bản"  # 'BIÊN BẢN HỌP' where a web page shows the form: its name, no ask
    if re.fullmatch(r"(?:bieu|mau|phu luc)(?: mau)?(?: so)?\s*:?\s*[\w./-]*\d[\w./-]*", f):
        return "số hiệu của biểu mẫu"  # 'Biểu 03-DSX', 'Mẫu số PC02' name the form, ask nothing
    if re.fullmatch(r"(?:xin )?(?:tran trong |chan thanh )?cam on(?: [^.!]{0,60})?!?", f):
        return "lời cảm ơn cuối phiếu"  # 'Xin trân trọng cảm ơn!', 'Cảm ơn ông/bà đã tham gia khảo sát'
    if f.startswith("can cu "):  # 'Căn cứ nhiệm vụ năm học …, trường … báo cáo như sau:': the grounds, not an ask
        return "căn cứ, lời dẫn của văn bản"
    if f in METADATA or re.match(r"(?:ngay nhan|ngay gui|don vi nhan|don vi) bao cao\b", f):
        return "cột thông tin của biểu (đơn vị tính, mã số)"
    if len(re.findall(r"\b(?:(?:don vi (?:nhan )?bao cao|ngay nhan bao cao)\s*:|ban hanh theo\b)", fold(p))) >= 2:
        return "phần đầu của biểu (đơn vị báo cáo, đơn vị nhận, ngày nhận)"  # a Biểu's head run into one line
    if re.search(r"\b(?:gui|bao cao)\b.{0,80}\b(?:truoc ngay|qua dia chi|e-mail|email|hop thu|duong buu dien)\b", f):
        return "hạn gửi, nơi nhận báo cáo"
    return _not_an_ask_more(p, f)


# an agency's name in capitals whose place is a blank ('UBND XÃ …………', 'HỘI NÔNG DÂN XÃ …..'): the header, folded
BLANK_AGENCY = re.compile(r"^(?:ubnd|uy ban nhan dan|hoi|dang uy|chi bo|dang bo|doan|ban chap hanh|mat tran|cong an|"
                          r"phong|truong)\b[\w\s/&-]{0,40}?\b(?:xa|phuong|thi tran|huyen|quan|thi xa|tinh|thanh pho|thon|"
                          r"ap|to dan pho)$")
# a site's footer offering its own help ('Bạn có thắc mắc? …', 'Hotline: 1900 …', 'Nội dung nêu trên là phần giải đáp')
SITE_FOOTER = re.compile(r"^(?:ban co (?:thac mac|cau hoi|vuong mac)\b|hotline\b|tong dai\b|noi dung (?:neu tren|bai viet)"
                         r" (?:la phan giai dap|chi mang tinh chat tham khao))")
# a plan's assignment of who leads ('Công an xã chủ trì, phối hợp với các thôn …'): a duty stated, no ask
ASSIGNED = re.compile(r"^[^:,;]{2,50}\s(?:chu tri|chiu trach nhiem chinh)\s*,\s*phoi hop\b")


# the motto in English beside the Vietnamese one on a bilingual paper ('Independence – Freedom – Happiness')
ENGLISH_MOTTO = re.compile(r"^(?:socialist republic of viet ?nam|independence\s*[-–]\s*freedom\s*[-–]\s*happiness)$")
# a Party body or a ministry heading the page, in capitals ('ĐẢNG BỘ KHỐI …', 'ĐẢNG ỦY (CHI BỘ) ……', 'BỘ TÀI CHÍNH'),
# or the template's slot for it ('TÊN CƠ QUAN, TỔ CHỨC, ĐƠN VỊ')
CAPS_AGENCY = re.compile(r"^(?:(?:dang bo|dang uy|chi uy|chi bo|bo|so)\b|ten (?:co quan|to chuc|don vi|doanh nghiep)"
                         r"(?:\s*,\s*(?:co quan|to chuc|don vi|doanh nghiep|chu quan))+$)")  # ('TÊN ĐƠN VỊ' is a field)
# a paper's number with its code and no figure yet ('Số -BC/ĐU (CB)', 'Số: /KH-UBND'): the header's number
PAPER_NUMBER = re.compile(r"^so\s*:?\s*[\d.…_]*\s*[-–/]\s*[a-z]{1,5}\s*[-–/]\s*[a-z]{1,8}\b[^a-z]{0,12}(?:\(\w{1,4}\))?$")
# what only an article says of the paper it shows: what it is, when it is due ('Báo cáo sơ kết là gì?', 'Khi nào
# phải viết báo cáo …?', 'Báo cáo tháng là một loại văn bản dùng để …')
ARTICLE_SENTENCE = re.compile(
    r"^(?:mau |bieu mau )?(?:bao cao|phieu|bieu|mau|to khai|don|giay|the)\b(?:.{0,120}\bla gi\s*\??$|[^.;:?]{0,100}?"
    r"\bla (?:mot )?(?:loai )?(?:mau )?(?:van ban|bieu mau|mau|tai lieu|giay to)\b)"
    r"|^khi nao (?:thi )?(?:phai|can)\b.{0,120}\b(?:bao cao|mau|phieu|bieu|to khai|don)\b.*\?$"
    r"|^mau (?:so \S+ )?(?:bao cao|phieu|bieu|to khai|don)\b(?:\s+\S+){14,}$")  # ('Mẫu báo cáo … nêu rõ …')
# what an interviewer is told ('ĐTV nhấn mạnh …', 'Điều tra viên nhập …', '(Đọc các phương án)', 'Câu hỏi này dùng để …')
# or how an article shows the filling ('Minh họa cách ghi mẫu …', 'Hướng dẫn chi tiết cách ghi')
INTERVIEWER = re.compile(r"^\(?(?:dtv|dieu tra vien)\s+(?:nhap|doc|hoi|ghi|chon|danh dau|khoanh|nhan manh|doi chieu|"
                         r"giai thich|luu y|can|khong doc|quan sat|kiem tra)\b|^\(?(?:doc|khong doc) (?:cac|tung) "
                         r"(?:phuong an|lua chon|cau tra loi)\b|^cau hoi nay (?:dung de|nham)\b"
                         r"|^(?:minh hoa|huong dan(?: chi tiet)?) cach (?:ghi|viet|dien|lap|khai)\b"
                         r"|^cach (?:ghi|viet|dien|lap|khai) (?:mau|phieu|to khai|bieu|bao cao|don|giay)\b"
                         r"|^truong hop\b.{0,80}\bthi (?:chon|danh dau|khoanh|bo qua|chuyen sang)\b")
# the recipients' formulae closing a letter ('Như Điều 3;', 'Như trên;', 'Lưu: VT, TCCB.')
RECIPIENT = re.compile(r"^(?:nhu (?:tren|dieu \d{1,2}|khoan \d{1,2})|luu\s*:?\s*(?:vt|van thu|hs|ho so)\b)")
# the printed terms of a card or a permit ('Người mang thẻ này phải: …', 'Nghiêm cấm các hành vi …')
PRINTED_TERMS = re.compile(r"^(?:nguoi (?:mang|giu|duoc cap|su dung|co ten trong) (?:the|giay|so|ho chieu)\b.{0,30}?\bnay\b"
                           r"|nghiem cam\b)")


def _not_an_ask_more(p: str, f: str) -> str | None:
    letters = re.sub(r"[\W\d_]", "", p)
    if letters.isupper() and BLANK_AGENCY.match(re.sub(r"[\s.…_:]+$", "", f)):
        return "tên cơ quan ở đầu văn bản"
    if ENGLISH_MOTTO.match(f) or PAPER_NUMBER.match(f):
        return "quốc hiệu, tiêu ngữ, số hiệu hoặc chữ của trang web"
    first = (p.split() or [""])[0]
    if (letters.isupper() and len(p.split()) <= 12 and CAPS_AGENCY.match(f) and not re.search(r"…|\.{4,}|_{3,}|:", p)
            and (fold(first) not in ("bo", "so") or first in ("BỘ", "SỞ"))):  # ('SỐ THẺ CỬ TRI' is a field)
        return "tên cơ quan ở đầu văn bản"
    if re.match(r"(?:luu y|chu y|ghi chu)\s*:", fold(p).lower()) and len(p.split()) >= 6:
        return "lời lưu ý, ghi chú của văn bản"  # 'Lưu ý: Mẫu số 1 chỉ áp dụng cho …': said of the paper, no ask
    if re.search(r"\b(?:mau|bieu mau|tung loai|cac loai)\b.*\bnhu sau$", f) or ARTICLE_SENTENCE.match(f):
        return "lời dẫn, lời giới thiệu của văn bản"  # 'Nội dung mẫu … như sau:', 'Mẫu … là gì?' (an article's)
    if INTERVIEWER.match(f):
        return "lời dặn điều tra viên, lời hướng dẫn của bài viết"
    if RECIPIENT.match(f):
        return "nơi nhận của văn bản"
    if PRINTED_TERMS.match(f) and not re.search(r"…|\.{4,}|_{3,}", p):
        return "điều khoản in sẵn trên thẻ, giấy tờ"
    if SITE_FOOTER.match(f):
        return "quốc hiệu, tiêu ngữ, số hiệu hoặc chữ của trang web"
    if ASSIGNED.match(f):
        return "phân công thực hiện, không phải câu hỏi"
    if ABOUT_THE_REPORT.match(f):  # 'Thời hạn gửi: trước 16 giờ …' in a letter: when to send, not what
        return ABOUT_WHY
    return None


# a letter's part about the report itself — its form, when and how it is sent — asks nothing ('2. Hình thức và cơ cấu
# của báo cáo', '3. Phương thức và thời gian gửi báo cáo'); its folded title
ABOUT_THE_REPORT = re.compile(
    r"^(?:(?:ve )?hinh thuc(?: va (?:co cau|bo cuc|the thuc))?(?: cua)? bao cao"
    r"|(?:ve )?(?:thoi gian|thoi han|phuong thuc|cach thuc|hinh thuc)(?: va (?:thoi gian|thoi han|phuong thuc|"
    r"cach thuc|hinh thuc|dia chi))? (?:gui|nop)(?: bao cao)?)$"
)


ABOUT_WHY = "yêu cầu về hình thức, thời hạn, cách gửi báo cáo"


def _own_head(it: dict) -> bool:
    """The section the importer makes for a form's head fields (build.py: 'Thông tin chung', unnumbered): emptied,
    its fields were no asks ('Đơn vị báo cáo: …'), and its name asks nothing."""
    return not it.get("no") and it.get("title") == "Thông tin chung"


# a document's name line in capitals, its kind first ('BÁO CÁO sơ kết …', 'PHIẾU ĐÁNH GIÁ …', 'THẺ THƯỜNG TRÚ')
NAME_KIND = re.compile(r"^(?:BÁO CÁO|PHIẾU|BIỂU|ĐỀ CƯƠNG|THẺ|TỜ KHAI|GIẤY|ĐƠN|KẾ HOẠCH|BIÊN BẢN|BẢNG|SỔ)\b")


def _words(s: str) -> str:
    return " ".join(re.findall(r"\w+", fold(s).lower()))


def names_document(prompt: str, name: str | None) -> bool:
    """'BÁO CÁO sơ kết công tác …, nhiệm vụ' where the document's name line reads so: its name, kept as an ask
    (the line, or its head the prompt's cut kept: three words or more)."""
    p, n = _words(prompt), _words(name or "")
    return (bool(n) and bool(NAME_KIND.match(prompt.strip())) and len(p.split()) >= 2
            and (n.startswith(p) and len(p.split()) >= min(3, len(n.split())) or p.startswith(n)))


def tidy(sections: list[dict], notes: list[dict], name: str | None = None) -> int:
    """Drop what is not an ask from the sections (in place); each reason is listed once among the unsure points.
    Returns how many items were dropped. `name`: the document's own name line, no ask where it stands."""
    reasons: dict[str, list[str]] = {}

    def walk(items: list[dict], top: bool = False) -> list[dict]:
        out: list[dict] = []
        signing = closing = about = False
        for it in items:
            if "items" in it and ABOUT_THE_REPORT.match(fold(it.get("title") or "").strip(" .:;")):
                reasons.setdefault(ABOUT_WHY, []).append(it["title"][:40])
                continue
            if "items" in it:
                had = bool(it["items"])
                it["items"] = walk(it["items"])
                if it["items"]:
                    out.append(it)
                    signing = False
                elif had and it.get("title") and not_an_ask(it["title"]) is None and not _own_head(it):
                    # 'PHẦN III. NHỮNG CAM KẾT …' over a signature block only: the heading itself asks
                    key = re.sub(r"[^a-z0-9]+", "_", fold(it["title"]))[:30].strip("_") or "muc"
                    q = {"key": f"{key}_{len(out)}", "prompt": it["title"], "type": "longtext", "_comments": {}}
                    if top:  # a top-level heading stays a section holding its one question
                        it["items"] = [q]
                        out.append(it)
                    else:
                        out.append({**q, **({"no": it["no"]} if it.get("no") else {})})
                continue
            prompt = it.get("prompt", "") or ""
            why = not_an_ask(prompt) if it.get("type") != "table" and not it.get("_addressee") else None
            if why is None and it.get("type") != "table" and names_document(prompt, name):
                why = "tên của văn bản"
            if why is None and about and not it.get("no") and it.get("type") == "longtext" and "?" not in prompt:
                why = ABOUT_WHY  # the paragraphs under 'Hình thức của báo cáo:' (no number of their own) say how to write it
            about = why == ABOUT_WHY and (about or not it.get("no")) and it.get("type") == "longtext"
            if why == "phần chữ ký" and it.get("no") in ("-", "–", "+", "•") and BARE_TITLE.match(fold(prompt)):
                why = None  # '– Bí thư: ……' in a list of the people present: a blank for a name, no signature
            if why is None and signing and it.get("type") != "table" \
                    and (prompt.isupper() or prompt.startswith("(") or closing):  # a Biểu named in capitals stays
                why = "phần chữ ký"
            if why is not None:
                reasons.setdefault(why, []).append(prompt.strip()[:40] or "(trống)")
                signing = signing or why == "phần chữ ký"
                closing = closing or fold(prompt).startswith("noi nhan")  # 'Nơi nhận:' and its list end the text
                continue
            out.append(it)
        return out

    sections[:] = walk(sections, top=True)
    _plain_prompts(sections)
    dropped = 0
    for why, prompts in reasons.items():
        dropped += len(prompts)
        shown = "; ".join(f"«{p}»" for p in prompts[:4]) + (" …" if len(prompts) > 4 else "")
        notes.append({"message": f"đã bỏ {len(prompts)} dòng không phải câu hỏi ({why}): {shown}"})
    return dropped


def _own_head(sec: dict) -> bool:
    """The importer's own section for a form's head or the lines after the last item ('Thông tin chung', 'Mục',
    unnumbered): emptied, nothing to ask."""
    return not sec.get("no") and sec.get("title") in ("Thông tin chung", "Mục")


# a PDF's bullet glyph read as a digit ('9 Báo cáo về …', '§ …'): the same mark before several items of one section
GLYPH = re.compile(r"^(?P<g>[9§vüØ])\s+(?=[A-ZĐÀ-Ỹ])")
ABOUT = re.compile(r"^báo cáo về\s+(?=(?:\S+\s+){2}\S)", re.I)


def _plain_prompts(items: list[dict]) -> None:
    """The prompts in the document's own words, without what only leads to them: a bullet glyph a PDF turned into a
    digit, repeated before two items or more of one section, goes; 'Báo cáo về tình hình …' asks 'Tình hình …'."""
    marks = [GLYPH.match(it.get("prompt") or "") for it in items if "items" not in it]
    glyphs = {m.group("g") for m in marks if m}
    repeated = {g for g in glyphs if sum(1 for m in marks if m and m.group("g") == g) >= 2}
    for it in items:
        if "items" in it:
            _plain_prompts(it["items"])
            continue
        prompt = it.get("prompt") or ""
        m = GLYPH.match(prompt)
        if m and m.group("g") in repeated:
            prompt = prompt[m.end() :]
        about = ABOUT.match(prompt) if it.get("type") != "table" else None
        if about:
            prompt = prompt[about.end()].upper() + prompt[about.end() + 1 :]
        it["prompt"] = prompt
