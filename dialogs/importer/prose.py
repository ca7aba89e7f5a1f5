"""Prose outlines: a letter that says in sentences what to report ('Báo cáo đầy đủ các số liệu về …; chỉ đạo …',
'Nội dung báo cáo cần tập trung đánh giá …, phân tích … và đề xuất …') → one question per thing asked."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, guess_type, per_level
from dialogs.importer.lexicon import COUNTED_MEMBERS, MANNER, top_split
from dialogs.importer.prose_items import named_things, same_part_joined
from dialogs.importer.verb_clauses import contents_clauses, named_results, shared_work

# the words after which a sentence lists what to report
TRIGGER = re.compile(r"(?:(?:cần|phải)\s+nêu(?:\s+rõ|\s+được|\s+cụ thể)?|cần báo cáo|báo cáo đầy đủ|báo cáo rõ|báo cáo về|"
                     r"báo cáo định kỳ(?:\s*theo\s*[\w/]+)?\s*về|(?:cần\s+)?trình bày(?:\s+cụ thể)?\s+về|báo cáo(?:\s+thống kê)?(?=\s+số\b)|"
                     r"tổng hợp báo cáo|"
                     r"cần tập trung(?:\s+vào)?|tập trung vào|(?<=,\s)tập trung(?=\s+(?:đánh giá|phân tích|làm rõ)\b)|(?:sẽ\s+)?khái quát|như\s*:|gồm\s*:|bao gồm\s*:|nội dung(?:\s+(?:của\s+)?báo cáo)?\s+(?:bao\s+)?gồm có\s*:|"
                     r"(?:tập trung vào\s+)?các nội dung(?:\s+sau|\s+chính|\s+chủ yếu)?\s*:|tiến hành (?=sơ kết|tổng kết)|đồng thời đề ra(?:\s+được)?(?=\s+(?:phương hướng|nhiệm vụ|"
                     r"giải pháp|chỉ tiêu)\b))\s*(?:đầy đủ\s+)?", re.I)
# the heads that begin another thing asked after a comma (verbs and the nouns a report is made of) …
HEADS = ("đánh giá", "tự đánh giá", "phân tích", "đề xuất", "kiến nghị", "nêu", "chỉ đạo", "biện pháp", "giải pháp",
         "hạn chế", "giúp đỡ", "thực hiện", "kết quả", "tình hình", "nguyên nhân", "khó khăn", "tồn tại", "bài học",
         "công tác", "phương hướng", "nhiệm vụ", "số lượng", "số", "thành phần")
# … and after 'và' only the verbs (a 'và' before a noun joins two parts of one thing)
VERB_HEADS = ("đánh giá", "tự đánh giá", "phân tích", "đề xuất", "kiến nghị", "nêu", "giúp đỡ",
              # … and the forward part of a report ('kết quả … và kế hoạch / phương hướng kỳ tới'): a second thing
              "kế hoạch", "phương hướng")
# 'báo cáo về Cục Chăn nuôi …' sends the report to a body: 'về' names where, not what
DESTINATION = re.compile(r"^(?:cục|bộ|sở|tổng cục|vụ|ủy ban|ubnd|phòng|ban|văn phòng|thanh tra|trung tâm|"
                         r"hội đồng|đảng ủy|tỉnh ủy|huyện ủy)\b", re.I)
LIST_LEAD = re.compile(r":\s*$|^tập trung vào", re.I)  # a trigger right before its list
NOT_ASKED = re.compile(r"\b(?:gửi về|trước ngày|thời hạn|hộp thư|địa chỉ)\b", re.I)


def _sentences(text: str) -> list[str]:
    text = re.sub(r",(?=[^\s\d])", ", ", text)
    out = []
    for para in re.split(r"\n+", text):
        out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ(])|(?<=[^\W\d_]…)(?=[A-ZĐÀ-Ỹ][^\W\d_])", para) if s.strip())
    return out


def _split_heads(item: str, sep: str, joiner: str, heads: tuple[str, ...]) -> list[str]:
    """Split before each head word; a piece of fewer than three words stays with its neighbour ('tổ chức, kết quả
    các kì thi' is one thing)."""
    pat = re.compile(rf"{sep}(?=(?:{'|'.join(heads)})\b)", re.I)
    parts = [p.strip() for p in pat.split(item) if p.strip()]
    out: list[str] = []
    for p in parts:
        if out and (len(p.split()) < 3 or len(out[-1].split()) < 3):
            out[-1] = f"{out[-1]}{joiner}{p}"
        else:
            out.append(p)
    return out


def _clean(item: str) -> tuple[str, list[str]]:
    helps = []
    form = re.search(r"\s*(?:điền vào|theo)\s+(mẫu\s+(?:số\s+)?\d+\w?)", item, re.I)
    if form:
        helps.append(f"Theo {form.group(1)}")
        item = item[:form.start()] + item[form.end():]
    item = re.sub(r"\s+và phụ lục\b.*$", "", item, flags=re.I)
    ref = re.search(r"\s*\(([^()]*\b(?:mẫu|phụ lục|biểu)\b[^()]*)\)?\s*$", item, re.I)
    if ref:  # '… kỳ tiếp theo (mẫu đề cương báo cáo theo phụ lục đính kèm)': where to write it, not what
        helps.append(ref.group(1)[0].upper() + ref.group(1)[1:])
        item = item[:ref.start()]
    annex = re.search(r"\s+theo (?:các )?(?:biểu mẫu|biểu|mẫu|phụ lục)\b.*$", item, re.I)
    if annex:  # '… theo các Biểu mẫu kèm theo Công văn này': where to write it, not what
        helps.append(annex.group(0).strip()[0].upper() + annex.group(0).strip()[1:])
        item = item[:annex.start()]
    item = re.sub(r"^(?:các|những)\s+(?=số liệu)|^kết quả\s+(?=số\b)", "", item.strip(" .;:,"), flags=re.I)
    item = re.sub(r",?\s*(?:cụ thể|như)\s+(?:như\s+)?sau\s*:?$", "", item, flags=re.I)
    item = re.sub(r"^(sơ kết|tổng kết)\b", r"kết quả \1", item, flags=re.I)  # 'tiến hành sơ kết 03 năm …'
    item = re.sub(r"\s+", " ", item).strip(" .;:,")
    return (item[:1].upper() + item[1:]) if item else "", helps


def prose_asks(text: str) -> list[Ask]:
    """The things a prose outline asks, in order; [] when its sentences name none."""
    asks: list[Ask] = []
    for sent in _sentences(text):
        s = sent.strip().strip("()")
        if COUNTED_MEMBERS.search(s):  # '… của 5 danh hiệu gồm: A; B; C': the members of one thing (asked_sentences)
            continue
        led = contents_clauses(s) or shared_work(s) or named_results(s)
        if led:  # '… cần đánh giá và làm rõ các nội dung về A; B; làm rõ C, D': each clause's things
            asks.extend(led)
            continue
        found = [t for t in TRIGGER.finditer(s) if not s[t.end():].lstrip().startswith(",")
                 and not (t.group(0).rstrip().endswith("về") and DESTINATION.match(s[t.end():].lstrip()))]
        # '… tổng hợp báo cáo …, đề nghị … báo cáo …, tập trung vào các nội dung: A, B, C': the list follows the colon
        m = next((t for t in reversed(found) if LIST_LEAD.search(t.group(0))), found[0] if found else None)
        if not m or NOT_ASKED.search(s[:m.start()]):  # ('Để tổng hợp báo cáo, …' names nothing to report)
            continue
        rest = s[m.end():].rstrip(" .;)")
        # '… những việc đã làm được, đồng thời đề ra được phương hướng …': another thing asked
        rest = re.sub(r"(?i),?\s+đồng thời\s+(?:(?:đề ra|nêu rõ|nêu)(?:\s+được)?\s+)?", "; ", rest)
        for part in top_split(rest, ";"):
            inner = list(re.finditer(r",\s*báo cáo(?:\s+về)?\s+(?=số\b|về\b)", part, re.I))
            if inner:  # '…, báo cáo số trường đạt chuẩn quốc gia'
                part = part[inner[-1].end():]
            for piece in _split_heads(part, r"\s+và\s+", " và ", VERB_HEADS):
                heads = same_part_joined(_split_heads(piece, r",\s+", ", ", HEADS))
                named = named_things(piece)  # 'số …, tỷ lệ …, những khó khăn, vướng mắc': figures and parts apart
                for item in named if len(named) > len(heads) else heads:
                    prompt, helps = _clean(item)
                    if len(prompt.split()) < 2 or NOT_ASKED.search(prompt):
                        continue
                    typ, unit, _ = guess_type(prompt)
                    asks.extend(per_level(Ask(prompt, typ, unit, help=helps)))
    return asks or clause_asks(text)


# a clause that gives one thing to report: 'tập trung đánh giá …', 'phân tích …', 'rút ra …', 'đề xuất …'
CLAUSE_VERB = re.compile(r"^(?:(?:trong đó|đồng thời|qua tổng kết|từ đó)\s*,?\s*)?(?:cần\s+)?(?:tập trung\s+)?"
                         r"(?P<v>đánh giá|phân tích|rút ra|chỉ rõ|chỉ ra|làm rõ|nêu rõ|đề xuất|kiến nghị)\s+(?P<o>.+)$",
                         re.I)


def clause_asks(text: str) -> list[Ask]:
    """A paragraph that lists, clause by clause, what the report must hold ('…; trong đó tập trung đánh giá kết quả
    đạt được …; phân tích những vấn đề tồn tại … và nguyên nhân. 2. Rút ra những bài học kinh nghiệm; đề xuất …'):
    one written answer per clause led by an asking verb; a proposal keeps its verb ('Đề xuất các giải pháp …').
    [] unless at least two clauses ask (one verb in passing is no list of asks)."""
    asks: list[Ask] = []
    for sent in _sentences(text):
        for part in top_split(sent.strip().rstrip("."), ";"):
            m = CLAUSE_VERB.match(part.strip(" ,."))
            if not m or len(m.group("o").split()) < 2:
                continue
            verb, obj = m.group("v").lower(), m.group("o").strip(" ,.")
            obj = MANNER.sub("", obj) if verb == "đánh giá" else obj  # ('đánh giá tổng quát những ưu điểm …')
            prompt = f"{verb} {obj}" if verb in ("đề xuất", "kiến nghị") else obj
            asks.append(Ask(prompt[0].upper() + prompt[1:]))
    return asks if len(asks) >= 2 else []


# 'cần đánh giá ngắn gọn, tập trung làm rõ A, B; C, nêu rõ D, E; đồng thời đề xuất F': the things a report must hold
FOCUS = re.compile(r"\b(?:cần\s+)?tập trung\s+(?:làm rõ|đánh giá|phân tích)\s+(?=(?:những|các)\s)", re.I)
FOCUS_VERB = re.compile(r"^(?:đồng thời\s*,?\s*|và\s+)?(?P<v>nêu rõ|làm rõ|phân tích|chỉ rõ|rút ra|đề xuất|kiến nghị)\b"
                        r"\s*,?\s*", re.I)
VERB_CUT = re.compile(r",\s+(?=(?:đồng thời\s+)?(?:nêu rõ|làm rõ|chỉ rõ|rút ra|đề xuất)\b)", re.I)
NOUN_CUT = re.compile(r",\s+(?=(?:những|các)\s)", re.I)
SHORTFALL = re.compile(r"^(?:những|các)\s+(?:khó khăn|hạn chế|tồn tại|yếu kém|vướng mắc)", re.I)


def focus_asks(text: str) -> list[Ask]:
    """A sentence that lists, after 'tập trung làm rõ', what the report must hold, its parts joined by ';' and ','
    ('… những thành tích nổi bật, những hoạt động mới; những khó khăn, hạn chế; nêu rõ nguyên nhân, bài học kinh
    nghiệm, đồng thời đề xuất …'): one written answer per thing. A cause right after the shortfalls is theirs
    ('Nguyên nhân của những khó khăn, hạn chế'); proposals keep their verb. [] unless three things are named."""
    m = FOCUS.search(text)
    if not m or text[:m.start()].count("(") > text[:m.start()].count(")"):  # guidance in parentheses: help
        return []
    rest = re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", text[m.end():], maxsplit=1)[0].strip(" .")
    items: list[str] = []
    for clause in top_split(rest, ";"):
        for piece in VERB_CUT.split(clause.strip(" ,")):
            v = FOCUS_VERB.match(piece.strip())
            if v and v.group("v").lower() in ("đề xuất", "kiến nghị"):
                items.append(re.sub(r"^(?:đồng thời|và)\s*,?\s*", "", piece.strip(), flags=re.I))
            elif v and v.group("v").lower() == "nêu rõ" and all(
                    len(p.split()) <= 4 for p in piece.strip()[v.end():].split(",")):
                # 'nêu rõ nguyên nhân, bài học kinh nghiệm': each short noun after the verb is a thing
                items.extend(p.strip() for p in piece.strip()[v.end():].split(",") if p.strip())
            elif v:
                items.append(piece.strip()[v.end():])
            else:
                items.extend(NOUN_CUT.split(piece.strip()))
    out: list[Ask] = []
    for k, item in enumerate(items):
        item = item.strip(" ,.;")
        if re.fullmatch(r"(?i)nguyên nhân", item) and k and SHORTFALL.match(items[k - 1].strip()):
            item = f"nguyên nhân của {items[k - 1].strip(' ,.;')}"
        if len(item.split()) >= 2 or re.fullmatch(r"(?i)nguyên nhân|giải pháp|kiến nghị", item):
            out.append(Ask(item[0].upper() + item[1:]))
    return out if len(out) >= 3 else []


CONTENTS = re.compile(r"^(?:(?:các\s+)?nội dung(?:\s+chi tiết|\s+chính)?(?:\s+(?:của\s+)?(?:bản\s+)?báo cáo)?"
                      r"|báo cáo\s+(?:gồm|bao gồm|với)(?:\s+(?:các|những)\s+nội dung(?:\s+chính|\s+sau)?)?"
                      r"|(?:gồm|bao gồm)\s+(?:các|những)\s+nội dung(?:\s+chính|\s+sau)?)\s*(?:như sau\s*)?:\s*(?P<r>.+)$",
                      re.I)


# 'Đề nghị các xã báo cáo gồm các nội dung: A; B; C' — a request naming what the report holds
ASKED_CONTENTS = re.compile(r"^(?:đề nghị|yêu cầu|các|những)\b[^:]{0,120}?\bbáo cáo\b[^:]{0,40}?(?:gồm|bao gồm|với|về)\s+"
                            r"(?:các|những)\s+nội dung(?:\s+(?:chính|sau|chủ yếu))?(?:\s+như sau)?\s*:\s*(?P<r>.+)$", re.I)


def content_list(text: str) -> list[Ask]:
    """'Nội dung chi tiết của báo cáo: tổng số hội viên cuối kỳ, số hội viên mới kết nạp, …' / 'Báo cáo gồm các
    nội dung: A; B; C': one ask per thing listed (parts by ';', else by ','), each typed by its own words. [] unless
    two things or more, none a sentence of its own."""
    m = CONTENTS.match(text.strip()) or ASKED_CONTENTS.search(text.strip())
    if not m:
        return []
    rest = m.group("r").strip(" .;")
    parts = [p.strip(" ,.") for p in top_split(rest, ";") if p.strip(" ,.")]
    if len(parts) < 2:
        parts = [p.strip(" ,.") for p in re.split(r",\s+", rest) if p.strip(" ,.")]
    if len(parts) < 2 or any(len(p.split()) > 30 or re.search(r"[.?!]\s", p) for p in parts):
        return []
    asks = []
    for p in parts:
        prompt = p[0].upper() + p[1:]
        typ, unit, why = guess_type(prompt)
        asks.append(Ask(prompt, typ, unit, guessed=why))
    return asks


SURVEYED = re.compile(r"^(?:khảo sát|điều tra|tìm hiểu|thu thập(?:\s+thông tin)?)(?:\s+(?:về|việc))?\s+(?=\S)", re.I)


def surveyed_topics(text: str) -> list[Ask]:
    """A survey's item naming what it finds out, its things joined by ';' ('Điều tra lý do … chậm tìm được việc làm;
    những kiến thức, kỹ năng … cần bổ sung; ý kiến đóng góp …'): one written answer per thing, the lead verb left
    out. [] unless three things, each a phrase of three to twenty words and no sentence of its own."""
    m = SURVEYED.match(text.strip())
    if not m:
        return []
    rest = text.strip()[m.end():]
    parts = [p.strip(" ,.…") for p in top_split(rest, ";") if p.strip(" ,.…")]
    if len(parts) < 3:
        return _surveyed_things(rest)
    if any(not 3 <= len(p.split()) <= 20 or re.search(r"[.?!:]\s", p) for p in parts):
        return []
    return [_topic(p) for p in parts]


ALTERNATIVES = re.compile(r"^(?P<l>[^()]+?)\s*\((?P<o>[^()]+,[^()]+\s(?:hay|hoặc)\s[^()]+)\)$")


def _topic(p: str) -> Ask:
    """One thing a survey finds out; 'khu vực làm việc (nhà nước, tư nhân hay tự tạo việc làm)' → a choice of those."""
    alt = ALTERNATIVES.match(p)
    if alt:
        opts = [o.strip() for o in re.split(r",\s*|\s+(?:hay|hoặc)\s+", alt.group("o")) if o.strip()]
        return Ask(alt.group("l")[0].upper() + alt.group("l")[1:], "choice", options=[o[0].upper() + o[1:] for o in opts])
    prompt = p[0].upper() + p[1:]
    typ, unit, why = guess_type(prompt)
    return Ask(prompt, typ, unit, guessed=why)


def _surveyed_things(rest: str) -> list[Ask]:
    """The things joined by ',' instead ('Khảo sát xu hướng việc làm …, khu vực làm việc (…), vùng miền, địa phương làm
    việc, ngành nghề …'): four at least, none longer than ten words; a word or two alone goes with the next thing
    ('vùng miền, địa phương làm việc')."""
    parts: list[str] = []
    for p in [p.strip(" ,.…") for p in top_split(rest, ",") if p.strip(" ,.…")]:
        parts.append(f"{parts.pop()}, {p}" if parts and len(parts[-1].split()) <= 2 else p)
    if len(parts) < 3 or any(not 2 <= len(re.sub(r"\([^()]*\)", "", p).split()) <= 10 or re.search(r"[.?!:;]\s", p)
                             for p in parts):
        return []
    return [_topic(p) for p in parts]
