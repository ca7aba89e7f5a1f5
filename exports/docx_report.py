"""The consolidated report as .docx: the draft of the official document.

Layout per Nghị định 30/2020/NĐ-CP (Phụ lục I) for state bodies — A4; margins top/bottom 20 mm, left 30 mm,
right 15 mm; Times New Roman; quốc hiệu 13 bold caps; tiêu ngữ 14 bold with a rule below; issuing body 13
bold caps; place and date 14 italic; "BÁO CÁO" 14 bold; body 14 justified, first-line indent 1,27 cm, 6 pt
after paragraphs; page numbers centred in the header from page 2 — or the Party layout (issuing body top
left with "*" and "Số …-BC/…", "ĐẢNG CỘNG SẢN VIỆT NAM" top right with place and date below).

Big tables are written as WordprocessingML directly (python-docx's cell API is too slow for thousands of rows).
"""

from __future__ import annotations

from copy import deepcopy
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from dialogs.answers import format_scalar
from dialogs.outline import BULLETS, Section
from dialogs.parsing import format_date, format_decimal, format_integer
from dialogs.regime import cutoff_text
from exports import docx_widths
from exports.consolidate import Consolidation, Item, ListSummary, NarrativeSummary, TableSummary
from exports.phrases import clean, fmt_number, fmt_plain, numeric_sentence

FONT = "Times New Roman"
PAGE_W, PAGE_H = 11906, 16838  # A4 in twips
MARGIN_TOP = MARGIN_BOTTOM = 1134  # 20 mm
MARGIN_LEFT, MARGIN_RIGHT = 1701, 850  # 30 mm, 15 mm
TEXT_WIDTH = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm
TEXT_WIDTH_LANDSCAPE = PAGE_H - MARGIN_LEFT - MARGIN_RIGHT  # 252 mm
LANDSCAPE_COLUMNS = 10  # a Biểu with more columns (TT and Nội dung included) goes on landscape pages
MAX_DOC_ROWS = 500  # rows of one merged list in the .docx; the .xlsx has them all
MAX_TABLE_ITEMS = 300  # item rows under a Biểu's open groups in the .docx; the .xlsx has them all


def build_docx(c: Consolidation, *, org_name: str = "ỦY BAN NHÂN DÂN TỈNH", org_parent: str | None = None,
               place: str = "Hà Nội", on: date | None = None, layout: str = "auto") -> bytes:
    layout = c.outline.layout if layout == "auto" else layout
    on = on or date.today()
    doc = Document()
    _page_setup(doc)
    body_size = 14
    _base_style(doc, body_size)
    if layout == "party":
        _party_header(doc, org_name, org_parent, place, on)
    else:
        _state_header(doc, org_name, org_parent, place, on)
    _title(doc, c)
    _body(doc, c)
    _annex(doc, c)
    _recipients(doc, layout)
    _page_numbers(doc)
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- page and styles


def _page_setup(doc) -> None:
    s = doc.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Mm(20), Mm(20)
    s.left_margin, s.right_margin = Mm(30), Mm(15)
    s.header_distance = Mm(10)


def _base_style(doc, size: int) -> None:
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    pf = st.paragraph_format
    pf.space_after = Pt(6)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.15
    for name in ("Header", "Footer"):
        if name in [s.name for s in doc.styles]:
            doc.styles[name].font.name = FONT


def _para(doc_or_cell, text: str = "", *, bold: bool = False, italic: bool = False, size: int | None = None,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True, caps: bool = False, space_after: int | None = None,
          underline: bool = False):
    p = doc_or_cell.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    pf.first_line_indent = Cm(1.27) if indent and align == WD_ALIGN_PARAGRAPH.JUSTIFY else None
    if space_after is not None:
        pf.space_after = Pt(space_after)
    if text:
        r = p.add_run(clean(text.upper() if caps else text))
        r.bold, r.italic, r.underline = bold, italic, underline
        if size:
            r.font.size = Pt(size)
    return p


def _no_borders(table) -> None:
    tblPr = table._tbl.tblPr
    tblPr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{b} w:val="nil"/>' for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))


def _hr(container, total_cm: float, line_cm: float) -> None:
    """A short centred rule on its own line (under the issuing body, the tiêu ngữ, the subject)."""
    p = container.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(4)
    pf.first_line_indent = None
    side = Cm(max(0.0, (total_cm - line_cm) / 2))
    pf.left_indent = side
    pf.right_indent = side
    pPr = p._p.get_or_add_pPr()
    pPr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'))
    r = p.add_run("")
    r.font.size = Pt(2)


def _date_line(place: str, on: date) -> str:
    return f"{place}, ngày {on.day:02d} tháng {on.month:02d} năm {on.year}"


def _two_columns(doc, left_cm: float, right_cm: float):
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _no_borders(t)
    for col, w in zip(t.columns, (Cm(left_cm), Cm(right_cm)), strict=True):
        col.width = w
        for cell in col.cells:
            cell.width = w
    return t.rows[0].cells


def _state_header(doc, org: str, parent: str | None, place: str, on: date) -> None:
    left, right = _two_columns(doc, 6.2, 10.3)
    left.paragraphs[0].text = ""
    if parent:
        _para(left, parent, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, caps=True, space_after=0)
    _para(left, org, bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, caps=True, space_after=0)
    _hr(left, 6.0, 2.0)
    _para(left, "Số:      /BC-", size=13, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    right.paragraphs[0].text = ""
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _hr(right, 10.1, 6.0)
    _para(right, _date_line(place, on), italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)


def _party_header(doc, org: str, parent: str | None, place: str, on: date) -> None:
    left, right = _two_columns(doc, 7.5, 9.0)
    if parent:
        _para(left, parent, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, caps=True, space_after=0)
    _para(left, org, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, caps=True, space_after=0)
    _para(left, "*", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(left, "Số      -BC/", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER, underline=True,
          space_after=6)
    _para(right, _date_line(place, on), italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)


def _title(doc, c: Consolidation) -> None:
    _para(doc, "", space_after=0)
    _para(doc, "BÁO CÁO", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    subject = f"Tổng hợp {c.outline.title[0].lower() + c.outline.title[1:]}"
    _para(doc, subject, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(doc, f"Kỳ báo cáo: {c.period_label}", italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    if c.cutoff_on:
        _para(doc, f"({cutoff_text(c.cutoff_on).capitalize()})", italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER,
              space_after=0)
    _hr(doc, 16.5, 4.0)
    comp = c.completeness
    _para(doc, f"Trên cơ sở báo cáo của {comp.submitted}/{comp.expected} đơn vị ({c.scope_name}), "
               f"trong đó {len(comp.on_time)} đơn vị nộp đúng hạn, {len(comp.late)} đơn vị nộp muộn"
               + (f"; còn {len(comp.draft) + len(comp.returned)} đơn vị đang hoàn thiện và {len(comp.not_started)} đơn vị "
                  "chưa báo cáo" if comp.expected > comp.submitted else "")
               + ", kết quả tổng hợp như sau:")


# --------------------------------------------------------------------------- body


def _body(doc, c: Consolidation) -> None:
    by_key = {it.ref.key: it for it in c.items}

    def section(sec: Section, depth: int) -> None:
        no = sec.no.strip()
        heading = f"{no} {sec.title}" if no and no not in BULLETS else (f"- {sec.title}" if no in BULLETS else sec.title)
        _para(doc, heading, bold=depth <= 1, italic=depth >= 2 and no in BULLETS, indent=depth > 0)
        for item in sec.items:
            if isinstance(item, Section):
                section(item, depth + 1)
            else:
                it = by_key.get(item.key)
                if it is not None:
                    _item(doc, c, it)

    for s in c.outline.sections:
        section(s, 0)


def _bullet(no: str | None) -> str:
    if not no:
        return "- "
    n = no.strip()
    return f"{n} " if n not in BULLETS else "- "


def _item(doc, c: Consolidation, it: Item) -> None:
    q = it.ref.question
    lead = _bullet(q.no)
    if it.kind == "numeric":
        _para(doc, lead + numeric_sentence(c, it))
        _reasons(doc, c, it)
    elif it.kind == "choice":
        s = it.summary
        if q.type == "yesno":
            yes = s.counts.get(True, 0)
            no = s.counts.get(False, 0)
            _para(doc, f"{lead}{q.prompt} {yes} đơn vị trả lời «có», {no} đơn vị trả lời «không».")
            if 0 < no <= 30:
                names = ", ".join(u.name for u, v in s.per_unit if v is False)
                _para(doc, f"Các đơn vị trả lời «không»: {names}.", italic=True)
        else:
            labels = {o.key: o.label for o in q.options or []}
            parts = [f"{labels.get(k, k)}: {n} đơn vị" for k, n in s.counts.most_common()]
            _para(doc, f"{lead}{q.prompt}: " + ("; ".join(parts) if parts else "chưa có đơn vị trả lời") + ".")
    elif it.kind == "date":
        vals = sorted(v for _, v in it.summary.per_unit if v)
        span = (f"sớm nhất {format_date(date.fromisoformat(vals[0]))}, muộn nhất {format_date(date.fromisoformat(vals[-1]))}"
                if vals else "chưa có đơn vị trả lời")
        _para(doc, f"{lead}{q.prompt}: {span}.")
    elif it.kind == "list":
        _list(doc, c, it)
    elif it.kind == "table":
        _table(doc, c, it)
    else:
        _narrative(doc, c, it)


def _list(doc, c: Consolidation, it: Item) -> None:
    q = it.ref.question
    s: ListSummary = it.summary
    unit = q.unit or "mục"
    counts = "; ".join(f"{k}: {n}" for fld in s.by_field.values() for k, n in fld.most_common())
    change = ""
    if s.prev_count is not None:
        d = s.count - s.prev_count
        change = (f", {'tăng' if d > 0 else 'giảm'} {abs(d)} so với {c.outline.period.previous_label}" if d
                  else f", không đổi so với {c.outline.period.previous_label}")
    _para(doc, f"{_bullet(q.no)}{q.prompt}: tổng số {format_integer(s.count)} {unit} của {s.units_with_items} đơn vị"
               + change + (f" ({counts})" if counts else "") + ".")
    if not s.rows:
        return
    fields = q.record_fields
    header = ["STT", "Đơn vị"] + [f.label for f in fields]
    rows = []
    for i, (u, rec) in enumerate(s.rows[:MAX_DOC_ROWS], 1):
        rows.append([str(i), u.name] + [format_scalar(f, rec.get(f.key)) if rec.get(f.key) not in (None, "") else ""
                                        for f in fields])
    add_table(doc, [header], rows, numeric_cols={0})
    if len(s.rows) > MAX_DOC_ROWS:
        _para(doc, f"(Còn {len(s.rows) - MAX_DOC_ROWS} dòng khác: xem đầy đủ trong tệp Excel kèm theo.)", italic=True)


def _table(doc, c: Consolidation, it: Item) -> None:
    """A Biểu, summed; on landscape pages of its own when it has more than ~10 columns."""
    wide = 2 + len(it.summary.table.columns) > LANDSCAPE_COLUMNS
    if wide:
        section_break(doc, landscape=False)
    _bieu(doc, c, it, TEXT_WIDTH_LANDSCAPE if wide else TEXT_WIDTH)
    if wide:
        section_break(doc, landscape=True)


def section_break(doc, *, landscape: bool) -> None:
    """End the current section here (the next one starts on a new page): an empty paragraph carrying the
    section's page set-up — A4 portrait or landscape, the same margins; headers are inherited."""
    body = doc.element.body
    sect = deepcopy(body.sectPr)
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg", "w:type"):
        for el in sect.findall(qn(tag)):
            sect.remove(el)
    size = sect.find(qn("w:pgSz"))
    w, h = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    size.set(qn("w:w"), str(w))
    size.set(qn("w:h"), str(h))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif size.get(qn("w:orient")) is not None:
        del size.attrib[qn("w:orient")]
    p = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>')
    p.find(qn("w:pPr")).append(sect)
    body.sectPr.addprevious(p)


def _bieu(doc, c: Consolidation, it: Item, avail: int) -> None:
    q = it.ref.question
    s: TableSummary = it.summary
    t = s.table
    _para(doc, f"{_bullet(q.no)}{q.prompt} (tổng hợp {s.units} đơn vị):")
    _para(doc, t.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, size=12)
    groups = [col.group for col in t.columns]
    has_groups = any(groups)
    head1 = ["TT", "Nội dung"]
    head2 = ["", ""]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(t.columns):
        g = groups[i]
        j = i
        while j + 1 < len(t.columns) and g and groups[j + 1] == g:
            j += 1
        if g:
            head1.append(g)
            head1.extend([None] * (j - i))  # type: ignore[list-item]
            spans.append((2 + i, j - i + 1))
            head2.extend(col.label for col in t.columns[i:j + 1])
        else:
            head1.append(t.columns[i].label)
            head2.append("")
        i = j + 1
    header_rows = [head1, head2] if has_groups else [[ "TT", "Nội dung"] + [col.label for col in t.columns]]
    rows = []
    bold_rows = set()
    items_left = MAX_TABLE_ITEMS
    items_total = sum(len(v) for v in s.items.values())
    for r in t.rows:
        cells = s.grid.get(r.key, {})
        row = [r.no or "", ("    " * r.level) + r.label]
        for col in t.columns:
            v = cells.get(col.key)
            if col.type in ("integer", "decimal", "money", "percent"):
                row.append(_cell_num(col.type, v))
            else:
                texts = s.texts.get((r.key, col.key), [])
                row.append("; ".join(f"{u.name}: {x}" for u, x in texts[:5]) + (" …" if len(texts) > 5 else ""))
        rows.append(row)
        if r.kind != "data" or r.computed:
            bold_rows.add(len(rows) - 1)
        group_items = (s.items.get(r.key) or [])[:max(0, items_left)]
        items_left -= len(group_items)
        for u, item in group_items:
            rows.append(["", f"    • {item.get('label', '')} ({u.name})"]
                        + [_cell_num(col.type, item.get(col.key)) if col.type in ("integer", "decimal", "money", "percent")
                           else (format_scalar(col, item.get(col.key)) if item.get(col.key) not in (None, "") else "")
                           for col in t.columns])
    num_cols = {2 + i for i, col in enumerate(t.columns) if col.type in ("integer", "decimal", "money", "percent")}
    add_table(doc, header_rows, rows, numeric_cols=num_cols, bold_rows=bold_rows,
              spans=spans if has_groups else [], vmerge_first=2 if has_groups else 0, font_size=10, avail=avail)
    if items_total > MAX_TABLE_ITEMS:
        _para(doc, f"(Biểu có {format_integer(items_total)} dòng chi tiết của các đơn vị; văn bản này in "
                   f"{MAX_TABLE_ITEMS} dòng đầu, đầy đủ trong tệp Excel kèm theo.)", italic=True, size=12)
    if t.note:
        _para(doc, t.note, italic=True, size=12)


def _cell_num(typ: str, v) -> str:
    if v is None or v == "":
        return ""
    if typ == "integer":
        return format_integer(v)
    if typ == "money":
        return format_decimal(v / 1_000_000, 3)
    if typ == "percent":
        return f"{format_decimal(v)}%"
    return format_decimal(v)


def _narrative(doc, c: Consolidation, it: Item) -> None:
    q = it.ref.question
    s: NarrativeSummary = it.summary
    _para(doc, f"{_bullet(q.no)}{q.prompt}:", italic=False)
    if s.count == 0:
        _para(doc, "Chưa có đơn vị nêu nội dung này." if not s.none_units else
              f"{len(s.none_units)} đơn vị báo cáo không có nội dung.", italic=True)
        return
    for g in s.groups:
        names = ", ".join(u.name for u in g.units[:12]) + (f" và {len(g.units) - 12} đơn vị khác" if len(g.units) > 12 else "")
        _para(doc, f"+ {len(g.units)} đơn vị nêu: {g.text} ({names}).")
    shown = 0
    for u, text in s.singles:
        if shown >= 300:
            _para(doc, f"(Còn {len(s.singles) - shown} ý kiến khác: xem tệp Excel kèm theo.)", italic=True)
            break
        _para(doc, f"+ {u.name}: {text}")
        shown += 1
    if s.none_units:
        _para(doc, f"({len(s.none_units)} đơn vị báo cáo không có nội dung này.)", italic=True, size=13)


# --------------------------------------------------------------------------- annex


def _reasons(doc, c: Consolidation, it: Item) -> None:
    """Under a figure: the units whose answer moved far from last period's, with the officer's reason."""
    from dialogs.answers import numeric
    from dialogs.review import large_change

    q = it.ref.question
    lines = []
    for u in c.units:
        reason = c.reasons.get(u.id, {}).get(it.ref.key)
        if not reason:
            continue
        value = c.current.get(u.id, {}).get(it.ref.key)
        change = large_change(q, value, c.previous.get(u.id, {}).get(it.ref.key), ratio=0.0, minimum=0.0)
        num = numeric(q, value)
        what = change.phrase(c.outline.period.previous_label, reason) if change else f"lý do: {reason}"
        lines.append(f"{u.name}: {fmt_number(q, num)}, {what}" if num is not None else f"{u.name}: {what}")
    for line in lines[:MAX_DOC_ROWS]:
        _para(doc, clean(f"- {line}."), italic=True)


def _annex(doc, c: Consolidation) -> None:
    doc.add_page_break()
    _para(doc, "PHỤ LỤC", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, space_after=0)
    _para(doc, f"Tình hình nộp báo cáo và số liệu từng đơn vị — kỳ {c.period_label}", italic=True,
          align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    comp = c.completeness
    _para(doc, "1. Tình hình nộp báo cáo", bold=True)
    rows = []
    for u, at in comp.on_time:
        rows.append([u.name, c.state(u, "Đúng hạn"), _fmt_at(at)])
    for u, at in comp.late:
        rows.append([u.name, c.state(u, "Muộn"), _fmt_at(at)])
    for u, n in comp.draft:
        rows.append([u.name, "Đang làm", f"đã trả lời {n} câu"])
    for u in comp.returned:
        rows.append([u.name, "Trả lại để sửa", ""])
    for u in comp.not_started:
        rows.append([u.name, "Chưa làm", ""])
    _para(doc, f"Tổng số {comp.expected} đơn vị: đã nộp {comp.submitted} (đúng hạn {len(comp.on_time)}, muộn "
               f"{len(comp.late)}), đang làm {len(comp.draft) + len(comp.returned)}, chưa làm {len(comp.not_started)}.")
    numbered = [[str(i)] + r for i, r in enumerate(rows[:MAX_DOC_ROWS], 1)]
    add_table(doc, [["STT", "Đơn vị", "Tình trạng", "Thời điểm nộp"]], numbered, numeric_cols={0}, font_size=11)
    if len(rows) > MAX_DOC_ROWS:
        _para(doc, f"(Còn {len(rows) - MAX_DOC_ROWS} đơn vị: xem tệp Excel kèm theo.)", italic=True)
    nums = [it for it in c.items if it.kind == "numeric"]
    if not nums:
        return
    _para(doc, "2. Số liệu từng đơn vị", bold=True)
    units = [u for u in c.units if c.current.get(u.id)]
    if len(units) > 200:
        _para(doc, f"Có {len(units)} đơn vị có số liệu; bảng số liệu từng đơn vị nằm ở trang «Từng đơn vị» của tệp Excel "
                   "kèm theo.", italic=True)
        return
    for start in range(0, len(nums), 5):
        chunk = nums[start:start + 5]
        header = ["Đơn vị"] + [f"{it.ref.number} {_short(it.ref.question.prompt, 40)}" for it in chunk]
        rows = []
        for u in units:
            vals = c.current.get(u.id, {})
            rows.append([u.name] + [fmt_plain(it.ref.question, _num_of(it, vals)) for it in chunk])
        add_table(doc, [header], rows, numeric_cols=set(range(1, len(header))), font_size=10)


def _num_of(it: Item, vals: dict):
    from dialogs.answers import numeric

    return numeric(it.ref.question, vals.get(it.ref.key))


def _fmt_at(at) -> str:
    if at is None:
        return ""
    from zoneinfo import ZoneInfo

    local = at.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    return f"{local.hour}:{local.minute:02d} {format_date(local.date())}"


def _recipients(doc, layout: str) -> None:
    _para(doc, "")
    left, right = _two_columns(doc, 8.0, 8.5)
    p = left.paragraphs[0]
    r = p.add_run("Nơi nhận:")
    r.bold, r.italic = True, True
    r.font.size = Pt(12)
    for line in ("- Như trên;", "- Lưu: VT."):
        _para(left, line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, space_after=0)
    sign = "T/M BAN THƯỜNG VỤ" if layout == "party" else "THỦ TRƯỞNG CƠ QUAN"
    right.paragraphs[0].text = ""
    _para(right, sign, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(right, "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)


def _page_numbers(doc) -> None:
    s = doc.sections[0]
    s.different_first_page_header_footer = True
    p = s.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    run.font.size = Pt(13)
    run.font.name = FONT
    for xml in (f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
                f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>',
                f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'):
        run._r.append(parse_xml(xml))


# --------------------------------------------------------------------------- fast tables


def column_widths(header_rows: list[list[str | None]], rows: list[list[str]], ncols: int, span_at: dict[int, int],
                  font_size: float, avail: int) -> tuple[list[int], float]:
    """Widths (twips) from the content, within ``avail``; the font is made smaller (down to 8 pt) when even
    the longest words do not fit. Returns (widths, font size)."""
    skip = {(0, c) for c in span_at} if len(header_rows) > 1 else set()
    while True:
        lo, hi = docx_widths.measure(header_rows, rows, ncols, font_size, skip_header=skip)
        if sum(lo) <= avail or font_size <= 8:
            return docx_widths.fit(lo, hi, avail), font_size
        font_size -= 1


def add_table(doc, header_rows: list[list[str | None]], rows: list[list[str]], *, numeric_cols: set[int] | None = None,
              bold_rows: set[int] | None = None, spans: list[tuple[int, int]] | None = None, vmerge_first: int = 0,
              font_size: float = 11, avail: int = TEXT_WIDTH) -> None:
    """A bordered Word table with repeated header rows, written as XML in one go; columns as wide as their
    content wants, the table no wider than ``avail`` (twips: the text width of the section)."""
    numeric_cols = numeric_cols or set()
    bold_rows = bold_rows or set()
    ncols = max(len(r) for r in header_rows + rows[:1]) if rows else max(len(r) for r in header_rows)
    span_at = {start: n for start, n in (spans or [])}
    widths, font_size = column_widths(header_rows, rows, ncols, span_at, font_size, avail)
    width_total = sum(widths)
    sz = round(font_size * 2)

    def cell(text: str | None, col: int, *, bold: bool, header: bool, span: int = 1, vmerge: str | None = None) -> str:
        jc = "center" if header else ("right" if col in numeric_cols else "left")
        tcpr = f'<w:tcW w:w="{sum(widths[col:col + span])}" w:type="dxa"/>'
        if span > 1:
            tcpr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge:
            tcpr += f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>"
        if header:
            tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/><w:vAlign w:val="center"/>'
        rpr = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>{"<w:b/>" if bold else ""}<w:sz w:val="{sz}"/>'
        txt = escape(clean(text or ""))
        return (f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/>"
                f"<w:jc w:val=\"{jc}\"/></w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space=\"preserve\">{txt}</w:t></w:r></w:p></w:tc>")

    parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{width_total}" w:type="dxa"/><w:jc w:val="center"/>'
             '<w:tblBorders>' + "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                         for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
             + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="60" w:type="dxa"/>'
             '<w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>'
             + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]
    for hi, hrow in enumerate(header_rows):
        parts.append('<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>')
        col = 0
        while col < ncols:
            text = hrow[col] if col < len(hrow) else ""
            if len(header_rows) > 1 and hi == 0 and col in span_at:
                parts.append(cell(text, col, bold=True, header=True, span=span_at[col]))
                col += span_at[col]
                continue
            vm = None
            if len(header_rows) > 1 and vmerge_first:
                if hi == 0 and not _in_span(col, span_at):
                    vm = "restart"
                elif hi > 0 and not _in_span(col, span_at):
                    vm = "continue"
                    text = ""
            parts.append(cell(text, col, bold=True, header=True, vmerge=vm))
            col += 1
        parts.append("</w:tr>")
    for ri, row in enumerate(rows):
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for col in range(ncols):
            parts.append(cell(row[col] if col < len(row) else "", col, bold=ri in bold_rows, header=False))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    tbl = parse_xml("".join(parts))
    body = doc.element.body
    body.sectPr.addprevious(tbl)
    after = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:after="120"/></w:pPr></w:p>')
    body.sectPr.addprevious(after)


def _in_span(col: int, span_at: dict[int, int]) -> bool:
    return any(start <= col < start + n for start, n in span_at.items())


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


__all__ = ["build_docx", "add_table"]
