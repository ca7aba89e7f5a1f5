"""The consolidated report as .docx: the draft of the official document.

Layout per Nghị định 30/2020/NĐ-CP (Phụ lục I) for state bodies — A4; margins top/bottom 20 mm, left 30 mm,
right 15 mm; Times New Roman; quốc hiệu 13 bold caps; tiêu ngữ 14 bold with a rule below; issuing body 13
bold caps; place and date 14 italic; "BÁO CÁO" 14 bold; body 14 justified, first-line indent 1,27 cm, 6 pt
after paragraphs; page numbers centred in the header from page 2 — or the Party layout (issuing body top
left with "*" and "Số …-BC/…", "ĐẢNG CỘNG SẢN VIỆT NAM" top right with place and date below).

Big tables are written as WordprocessingML directly (python-docx's cell API is too slow for thousands of rows).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field
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

from dialogs.answers import format_scalar, item_unit
from dialogs.figures import aggregate_of, figure_type, row_marks, row_units, total_row, unsummed_note
from dialogs.issuer import DOTS, Issuer, date_line, issuer_from_name
from dialogs.labels import report_label
from dialogs.outline import BULLETS, Section
from dialogs.parsing import format_date, format_decimal, format_integer, money_shown, money_unit
from dialogs.regime import cutoff_text
from exports import docx_widths
from exports.added_total import AddedTotal, added_total
from exports.consolidate import Consolidation, Item, ListSummary, NarrativeSummary, TableSummary
from exports.gcpause import gc_paused
from exports.phrases import (
    basis_sentence,
    clean,
    fmt_number,
    fmt_plain,
    numeric_sentence,
    provisional_note,
    tidy,
)

FONT = "Times New Roman"
PAGE_W, PAGE_H = 11906, 16838  # A4 in twips
MARGIN_TOP = MARGIN_BOTTOM = 1134  # 20 mm
MARGIN_LEFT, MARGIN_RIGHT = 1701, 850  # 30 mm, 15 mm
TEXT_WIDTH = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm
TEXT_WIDTH_LANDSCAPE = PAGE_H - MARGIN_LEFT - MARGIN_RIGHT  # 252 mm
LANDSCAPE_COLUMNS = 10  # a Biểu with more columns (TT and Nội dung included) goes on landscape pages
MAX_DOC_ROWS = 500  # rows of one merged list in the .docx; the .xlsx has them all
KEEP_ROWS = 25  # tables of at most this many rows are kept on one page
MAX_TABLE_ITEMS = 300  # item rows under a Biểu's open groups in the .docx; the .xlsx has them all


def issuer_of(org_name: str, org_parent: str | None = None, place: str = "Hà Nội") -> Issuer:
    """An issuer from the plain settings (ORG_NAME, ORG_PARENT, ORG_PLACE) when none is stored for the scope."""
    return issuer_from_name(org_name, org_parent, place)


@gc_paused()
def build_docx(c: Consolidation, *, org_name: str = "ỦY BAN NHÂN DÂN TỈNH", org_parent: str | None = None,
               place: str = "Hà Nội", on: date | None = None, layout: str = "auto", issuer: Issuer | None = None) -> bytes:
    """The report as the office issues it: header, body, signature and "Nơi nhận", then the annexes. The
    issuing body is ``issuer`` (stored per scope), else built from ``org_name``/``org_parent``/``place``;
    ``layout`` "auto" is the issuer's (Party layout only for a Party body)."""
    iss = issuer or issuer_of(org_name, org_parent, place)
    layout = iss.layout if layout == "auto" else layout
    on = on or date.today()
    doc = Document()
    _page_setup(doc)
    body_size = 14
    _base_style(doc, body_size)
    if layout == "party":
        _party_header(doc, iss, on)
    else:
        _state_header(doc, iss, on)
    plan = plan_annexes(c)
    _title(doc, c, iss, plan)
    _body(doc, c, plan)
    _closing(doc, plan)
    _signature(doc, iss)
    _annex(doc, c, iss, on, plan)
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
    pf.space_before = Pt(3)  # the rule sits below the line above, clear of its descenders
    pf.space_after = Pt(4)
    pf.first_line_indent = None
    side = Cm(max(0.0, (total_cm - line_cm) / 2))
    pf.left_indent = side
    pf.right_indent = side
    pPr = p._p.get_or_add_pPr()
    pPr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'))
    r = p.add_run("")
    r.font.size = Pt(2)


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


def _state_header(doc, iss: Issuer, on: date) -> None:
    left, right = _two_columns(doc, 6.2, 10.3)
    left.paragraphs[0].text = ""
    if iss.parent:
        _para(left, iss.parent, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, caps=True, space_after=0)
    for line in name_lines(iss.name):
        _para(left, line, bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, caps=True, space_after=0)
    _hr(left, 6.0, 2.0)
    _para(left, iss.number_line(), size=13, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    right.paragraphs[0].text = ""
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _hr(right, 10.1, 6.0)
    _para(right, date_line(iss.place, on), italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)


def name_lines(name: str) -> list[str]:
    """The issuing body on the lines a văn thư sets it: "ỦY BAN NHÂN DÂN" / "TỈNH AN GIANG"."""
    for head in ("ỦY BAN NHÂN DÂN ", "HỘI ĐỒNG NHÂN DÂN "):
        if name.upper().startswith(head) and len(name) > len(head):
            return [name[:len(head)].strip(), name[len(head):].strip()]
    return [name]


def _party_header(doc, iss: Issuer, on: date) -> None:
    left, right = _two_columns(doc, 7.5, 9.0)
    if iss.parent:
        _para(left, iss.parent, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, caps=True, space_after=0)
    _para(left, iss.name, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, caps=True, space_after=0)
    _para(left, "*", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(left, iss.number_line(), size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER, underline=True,
          space_after=6)
    _para(right, date_line(iss.place, on), italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)


def _title(doc, c: Consolidation, iss: Issuer, plan: AnnexPlan) -> None:
    _para(doc, "", space_after=0)
    _para(doc, "BÁO CÁO", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    subject = f"Tổng hợp {c.outline.title[0].lower() + c.outline.title[1:]}"
    _para(doc, subject, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(doc, f"Kỳ báo cáo: {c.period_label}", italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    if c.cutoff_on:
        _para(doc, f"({cutoff_text(c.cutoff_on).capitalize()})", italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER,
              space_after=0)
    _hr(doc, 16.5, 4.0)
    if iss.addressee:
        _para(doc, "Kính gửi: " + "; ".join(iss.addressee) + ".", size=14, align=WD_ALIGN_PARAGRAPH.CENTER,
              indent=False)
    note = provisional_note(c)
    if note:
        _para(doc, note, bold=True, italic=True)
    _para(doc, basis_sentence(c, annex=plan.name_of("completeness")))


# --------------------------------------------------------------------------- body


def applies(sec: Section, by_key: dict[str, Item]) -> bool:
    """A section is printed when one of its questions applies to a unit in the scope (a ministry-only section
    is left out of a commune report)."""
    for item in sec.items:
        if isinstance(item, Section):
            if applies(item, by_key):
                return True
        elif (it := by_key.get(item.key)) is not None and it.eligible > 0:
            return True
    return False


def numbered(no: str, text: str) -> str:
    """"(1) Title", never "(1)(1) Title" when the title already starts with its number."""
    no = no.strip()
    if no in BULLETS:
        return f"- {text}"
    if not no or text.startswith(no) or text.startswith(no.rstrip(".")):
        return text
    return f"{no} {text}"


def _body(doc, c: Consolidation, plan: AnnexPlan) -> None:
    by_key = {it.ref.key: it for it in c.items}

    def section(sec: Section, depth: int) -> None:
        if not applies(sec, by_key):
            return
        no = sec.no.strip()
        heading = numbered(no, tidy(sec.title))
        _para(doc, heading, bold=depth <= 1, italic=depth >= 2 and no in BULLETS, indent=depth > 0)
        last_no = None
        for item in sec.items:
            if isinstance(item, Section):
                section(item, depth + 1)
                last_no = None
                continue
            it = by_key.get(item.key)
            if it is not None and it.eligible > 0:
                # a number already printed (the outline repeats "(1)" on each part of one point): a dash instead
                _item(doc, c, it, plan, repeat=bool(item.no) and item.no.strip() in (last_no, no))
                last_no = (item.no or "").strip() or last_no

    for s in c.outline.sections:
        section(s, 0)


def _bullet(no: str | None) -> str:
    if not no:
        return "- "
    n = no.strip()
    return f"{n} " if n not in BULLETS else "- "


def _item(doc, c: Consolidation, it: Item, plan: AnnexPlan, *, repeat: bool = False) -> None:
    q = it.ref.question
    lead = "- " if repeat else _bullet(q.no)
    if q.no and q.no.strip() not in BULLETS and report_label(q).startswith(q.no.strip()):
        lead = ""  # the outline's wording carries its own number: never "(1) (1) …"
    if it.kind == "numeric":
        _para(doc, tidy(lead + numeric_sentence(c, it)))
        _reasons(doc, c, it)
    elif it.kind == "choice":
        s = it.summary
        if q.type == "yesno":
            _yesno(doc, lead, q, s)
        else:
            labels = {o.key: o.label for o in q.options or []}
            parts = [f"{labels.get(k, k)}: {n} đơn vị" for k, n in s.counts.most_common()]
            _para(doc, tidy(f"{lead}{report_label(q)}: " + ("; ".join(parts) if parts else "chưa có đơn vị trả lời") + "."))
    elif it.kind == "date":
        vals = sorted(v for _, v in it.summary.per_unit if v)
        span = (f"sớm nhất {format_date(date.fromisoformat(vals[0]))}, muộn nhất {format_date(date.fromisoformat(vals[-1]))}"
                if vals else "chưa có đơn vị trả lời")
        _para(doc, tidy(f"{lead}{report_label(q)}: {span}."))
    elif it.kind == "list":
        _list(doc, c, it, lead)
    elif it.kind == "table":
        _table(doc, it, lead, plan)
    else:
        _narrative(doc, c, it, lead)


def _yesno(doc, lead: str, q, s) -> None:
    """"Bảo đảm kịch bản tăng trưởng: 5 đơn vị có, 2 đơn vị không." — "chưa" for a "… chưa?" question."""
    from dialogs.text import fold

    yes, no = s.counts.get(True, 0), s.counts.get(False, 0)
    neg = "chưa" if fold(q.prompt).rstrip(" ?").endswith("chua") else "không"
    pos = "đã" if neg == "chưa" else "có"
    _para(doc, tidy(f"{lead}{report_label(q)}: {yes} đơn vị {pos}, {no} đơn vị {neg}."))
    if 0 < no <= 30:
        names = ", ".join(u.name for u, v in s.per_unit if v is False)
        _para(doc, f"Các đơn vị trả lời {neg}: {names}.", italic=True)


def _list(doc, c: Consolidation, it: Item, lead: str) -> None:
    q = it.ref.question
    s: ListSummary = it.summary
    unit = q.unit or "mục"
    counts = "; ".join(f"{k}: {n}" for fld in s.by_field.values() for k, n in fld.most_common())
    change, prev_word = "", c.outline.period.previous_label
    d = s.delta
    if s.compared is not None and not s.compared[0]:
        change = f" (không so sánh được với {prev_word}: không đơn vị nào báo cáo cả hai kỳ)"
    elif d is not None:
        change = (f", {'tăng' if d > 0 else 'giảm'} {abs(d)} so với {prev_word}" if d else f", không đổi so với {prev_word}")
        if s.compared is not None:
            change += (f" (tính trên {s.compared[0]} đơn vị báo cáo cả hai kỳ: {prev_word} {s.compared[1]}, kỳ này "
                       f"{s.compared[2]})")
    _para(doc, tidy(f"{lead}{report_label(q)}: tổng số {format_integer(s.count)} {unit} của "
                    f"{s.units_with_items} đơn vị" + change + (f" ({counts})" if counts else "") + "."))
    if not s.rows:
        return
    fields = q.record_fields
    header = ["STT", "Đơn vị"] + [f.label for f in fields]
    rows = []
    for i, (u, rec) in enumerate(s.rows[:MAX_DOC_ROWS], 1):
        rows.append([str(i), item_unit(u.name, rec)] + [format_scalar(f, rec.get(f.key)) if rec.get(f.key) not in (None, "") else ""
                                        for f in fields])
    add_table(doc, [header], rows, numeric_cols={0})
    if len(s.rows) > MAX_DOC_ROWS:
        _para(doc, f"(Còn {len(s.rows) - MAX_DOC_ROWS} dòng khác: xem đầy đủ trong tệp Excel kèm theo.)", italic=True)


OWN_ANNEX = re.compile(r"\s*\((?:xem |theo )?(?:Phụ lục|Biểu)(?: số)? [^)]*\)", re.IGNORECASE)


def _table(doc, it: Item, lead: str, plan: AnnexPlan) -> None:
    """A Biểu in the body: one line that says how many units it sums and which annex holds it (Nghị định 30: the
    tables go in annexes after the signature); one line too when no unit filled it in."""
    q = it.ref.question
    s: TableSummary = it.summary
    where = plan.bieu.get(it.ref.key)
    if s.units == 0 or where is None:
        _para(doc, tidy(f"{lead}{report_label(q)} ({s.table.title}): chưa có đơn vị nhập số liệu."))
        return
    code = f" theo Biểu {s.table.code}" if s.table.code else ""
    label = OWN_ANNEX.sub("", report_label(q))  # the outline's "(Phụ lục số 1B)": the report's annex is named instead
    _para(doc, tidy(f"{lead}{label}: tổng hợp số liệu của {s.units} đơn vị{code}, chi tiết tại {where.name}."))


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


def _bieu(doc, it: Item, avail: int, notes_annex: str | None) -> None:
    """A Biểu summed over the units, as its annex prints it: the outline's own rows and columns, an STT column,
    the unit of measure (one line above the table when all columns share it, else in each column's header; an
    «ĐVT» column when the rows have their own), the header rows repeated on each page; total rows only where the
    outline has them; a rate or average row marked "(bình quân các đơn vị)", with a note under the table."""
    s: TableSummary = it.summary
    t = s.table
    units = row_units(t)
    common, col_units = bieu_units(t)
    if common and not units:
        _para(doc, f"Đơn vị tính: {common}", italic=True, size=12, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False,
              space_after=2)
    labels = [col.label + (f" ({u})" if u and not _says_unit(col.label, u) else "")
              for col, u in zip(t.columns, col_units, strict=True)]
    header_rows, spans = bieu_header(t, (["ĐVT"] if units else []) + labels, lead=3 if units else 2)
    has_groups = len(header_rows) > 1
    lead = 3 if units else 2
    rows = []
    bold_rows = set()
    items_left = MAX_TABLE_ITEMS
    items_total = sum(len(v) for v in s.items.values())
    numbers = stt_numbers(t)
    marks = row_marks(t)
    for k, r in enumerate(t.rows):
        cells = s.grid.get(r.key, {})
        row = [numbers[r.key], ("    " * r.level) + r.label + marks.get(r.key, "")] + ([units[k]] if units else [])
        for col in t.columns:
            v = cells.get(col.key)
            if col.type in ("integer", "decimal", "money", "percent"):  # a mean of whole numbers has decimals
                row.append(_cell_num(figure_type(col, r.key in marks), v, col.unit))
            else:
                row.append(note_cell(s.texts.get((r.key, col.key), []), notes_annex))
        rows.append(row)
        if r.kind != "data" or r.computed:
            bold_rows.add(len(rows) - 1)
        group_items = (s.items.get(r.key) or [])[:max(0, items_left)]
        items_left -= len(group_items)
        for u, item in group_items:
            rows.append(["", f"    • {item.get('label', '')} ({u.name})"] + [""] * (lead - 2)
                        + [_cell_num(col.type, item.get(col.key), col.unit) if col.type in ("integer", "decimal", "money", "percent")
                           else (format_scalar(col, item.get(col.key)) if item.get(col.key) not in (None, "") else "")
                           for col in t.columns])
    total = _added_total(t, s, rows, bold_rows, lead)
    num_cols = {lead + i for i, col in enumerate(t.columns) if col.type in ("integer", "decimal", "money", "percent")}
    add_table(doc, header_rows, rows, numeric_cols=num_cols, bold_rows=bold_rows,
              spans=spans if has_groups else [], vmerge_first=lead if has_groups else 0, font_size=10, avail=avail)
    if items_total > MAX_TABLE_ITEMS:
        _para(doc, f"(Biểu có {format_integer(items_total)} dòng chi tiết của các đơn vị; văn bản này in "
                   f"{MAX_TABLE_ITEMS} dòng đầu, đầy đủ trong tệp Excel kèm theo.)", italic=True, size=12)
    if (note := unsummed_note(t, s.mean_counted)) is not None:
        _para(doc, note, italic=True, size=12)
    if s.pairs is not None and (note := s.pairs.note(t)) is not None:
        _para(doc, note, italic=True, size=12)
    if total is not None and (note := total.note()) is not None:
        _para(doc, note, italic=True, size=12)
    if t.note:
        _para(doc, t.note, italic=True, size=12)


def _added_total(t, s: TableSummary, rows: list[list[str]], bold_rows: set[int], lead: int) -> AddedTotal | None:
    """The «Tổng cộng» row the .xlsx adds under a Biểu without its own (:func:`dialogs.figures.total_row`), the same
    figures (:func:`exports.added_total.added_total`)."""
    if not total_row(t):
        return None
    total = added_total(s)
    rows.append(["", "Tổng cộng"] + [""] * (lead - 2)
                + [_cell_num(figure_type(col) if aggregate_of(col) == "ratio" else col.type, total.cells.get(col.key),
                             col.unit) if col.key in total.cells else "" for col in t.columns])
    bold_rows.add(len(rows) - 1)
    return total


def bieu_header(t, labels: list[str], lead: int = 2) -> tuple[list[list[str | None]], list[tuple[int, int]]]:
    """A Biểu's header rows: "STT", "Nội dung" (and "ĐVT", the first of ``labels`` when ``lead`` is 3), then the
    columns — under their group's spanning cell when the outline groups them (two rows), else one row."""
    groups = [col.group for col in t.columns]
    if not any(groups):
        return [["STT", "Nội dung", *labels]], []
    extra, labels = labels[:lead - 2], labels[lead - 2:]
    head1: list[str | None] = ["STT", "Nội dung", *extra]
    head2 = [""] * lead
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(t.columns):
        g = groups[i]
        j = i
        while j + 1 < len(t.columns) and g and groups[j + 1] == g:
            j += 1
        if g:
            head1.append(g)
            head1.extend([None] * (j - i))
            spans.append((lead + i, j - i + 1))
            head2.extend(labels[i:j + 1])
        else:
            head1.append(labels[i])
            head2.append("")
        i = j + 1
    return [head1, head2], spans


def stt_numbers(t) -> dict[str, str]:
    """The STT column: the outline's own row numbers ("I", "1", "a"); when it gives none, the rows numbered 1, 2, …
    (a total row is not numbered)."""
    if any(r.no for r in t.rows):
        return {r.key: r.no or "" for r in t.rows}
    n = 0
    out = {}
    for r in t.rows:
        if r.kind != "total":
            n += 1
        out[r.key] = "" if r.kind == "total" else str(n)
    return out


NOTE_INLINE = 60  # a single note this short is printed in its cell; more notes are counted, listed in the annex


def note_cell(texts: list, annex: str | None = None) -> str:
    """A Biểu's text cell (Ghi chú) in the summed table: the note itself when one unit wrote a short one, else how
    many units wrote one (the notes are in the annex), so a row stays one or two lines tall."""
    if not texts:
        return ""
    if len(texts) == 1 and len(texts[0][1]) <= NOTE_INLINE:
        u, x = texts[0]
        return f"{u.name}: {x}"
    return f"{len(texts)} đơn vị có ghi chú (xem {annex or 'phụ lục'})"


def _cell_num(typ: str, v, unit: str | None = None) -> str:
    if v is None or v == "":
        return ""
    if typ == "integer" and float(v).is_integer():  # a figure with decimals keeps them, as in the .xlsx
        return format_integer(v)
    if typ == "money":  # in the unit its header names (bieu_units): kept in đồng
        return format_decimal(money_shown(v, unit), 3)
    if typ == "percent":
        return f"{format_decimal(v)}%"
    return format_decimal(v)


def _narrative(doc, c: Consolidation, it: Item, lead: str) -> None:
    q = it.ref.question
    s: NarrativeSummary = it.summary
    _para(doc, tidy(f"{lead}{report_label(q)}:"), italic=False)
    if s.count == 0:
        _para(doc, "Chưa có đơn vị nêu nội dung này." if not s.none_units else
              f"{len(s.none_units)} đơn vị báo cáo không có nội dung.", italic=True)
        return
    for g in s.groups:
        names = ", ".join(u.name for u in g.units[:12]) + (f" và {len(g.units) - 12} đơn vị khác" if len(g.units) > 12 else "")
        _para(doc, tidy(f"+ {len(g.units)} đơn vị nêu: {g.text} ({names})."))
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


def roman(n: int) -> str:
    """1 → "I", 14 → "XIV": annexes are numbered in Roman numerals (Nghị định 30, Phụ lục I)."""
    out = ""
    for value, mark in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                        (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += mark
            n -= value
    return out


@dataclass(frozen=True)
class Annex:
    """One annex after the signature: "Phụ lục <no>", its title and what it holds."""

    no: int
    kind: str  # "completeness", "bieu", "per_unit", "notes"
    title: str
    item: Item | None = None
    wide: bool = False  # landscape pages: a Biểu of more than LANDSCAPE_COLUMNS columns

    @property
    def name(self) -> str:
        return f"Phụ lục {roman(self.no)}"


@dataclass
class AnnexPlan:
    """The annexes in the order the body refers to them: who reported (I), each filled Biểu in the outline's
    order, each unit's figures, the notes written in the Biểu."""

    annexes: list[Annex] = field(default_factory=list)
    bieu: dict[str, Annex] = field(default_factory=dict)  # question key → its annex
    nums: list[Item] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)

    def add(self, kind: str, title: str, item: Item | None = None, wide: bool = False) -> Annex:
        a = Annex(len(self.annexes) + 1, kind, title, item, wide)
        self.annexes.append(a)
        return a

    def name_of(self, kind: str) -> str | None:
        return next((a.name for a in self.annexes if a.kind == kind), None)


def plan_annexes(c: Consolidation) -> AnnexPlan:
    plan = AnnexPlan()
    plan.add("completeness", "Tình hình nộp báo cáo của các đơn vị")
    for it in c.items:
        if it.kind == "table" and it.eligible > 0 and it.summary.units > 0:
            t = it.summary.table
            plan.bieu[it.ref.key] = plan.add("bieu", t.title, it, wide=2 + len(t.columns) > LANDSCAPE_COLUMNS)
    plan.nums = [it for it in c.items if it.kind == "numeric" and it.eligible > 0]
    if plan.nums:
        plan.add("per_unit", "Số liệu của từng đơn vị")
    plan.notes = _bieu_notes(c)
    if plan.notes:
        plan.add("notes", "Ghi chú của các đơn vị trong các Biểu")
    return plan


def _says_unit(label: str, unit: str) -> bool:
    """Whether a column's label already ends with its unit ("Tỷ lệ đúng hạn (%)", "Diện tích (ha)")."""
    return label.rstrip().lower().endswith((f"({unit.lower()})", unit.lower()))


def bieu_units(t) -> tuple[str | None, list[str | None]]:
    """A Biểu's units of measure: (the one all its figure columns share, or None; else each column's own)."""
    units = [(money_unit(col.unit) if col.type == "money" else col.unit or ("%" if col.type == "percent" else None))
             if col.type in ("integer", "decimal", "money", "percent") else None for col in t.columns]
    figures = [u for u, col in zip(units, t.columns, strict=True) if col.type in ("integer", "decimal", "money", "percent")]
    if len(figures) > 1 and None not in figures and len(set(figures)) == 1:
        return figures[0], [None] * len(units)
    return None, units


def _closing(doc, plan: AnnexPlan) -> None:
    """The last body line names the annexes the body has not referred to yet (each unit's figures, the notes)."""
    parts = []
    per_unit, notes = plan.name_of("per_unit"), plan.name_of("notes")
    if per_unit:
        parts.append(f"số liệu của từng đơn vị ({per_unit})")
    if notes:
        parts.append(f"ghi chú của các đơn vị trong các Biểu ({notes})")
    if parts:
        _para(doc, f"Kèm theo báo cáo này: {' và '.join(parts)}.")


class _Pages:
    """Page orientation while the annexes are written: a wide Biểu on landscape pages of its own section."""

    def __init__(self) -> None:
        self.landscape = False

    def new_page(self, doc, landscape: bool) -> None:
        if landscape != self.landscape:
            section_break(doc, landscape=self.landscape)  # ends the current section; the next starts a new page
            self.landscape = landscape
        else:
            doc.add_page_break()

    def finish(self, doc) -> None:
        """The document's last section takes the orientation of its last annex."""
        if self.landscape:
            size = doc.element.body.sectPr.find(qn("w:pgSz"))
            size.set(qn("w:w"), str(PAGE_H))
            size.set(qn("w:h"), str(PAGE_W))
            size.set(qn("w:orient"), "landscape")


def _annex_title(doc, a: Annex, iss: Issuer, on: date) -> None:
    """"Phụ lục I" / TITLE / "(Kèm theo Báo cáo số …/BC-UBND ngày …)" at the top of a new page (Nghị định 30)."""
    _para(doc, a.name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, space_after=0)
    _para(doc, a.title, bold=True, caps=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, space_after=0)
    _para(doc, f"(Kèm theo {iss.report_ref(on)})", italic=True,
          align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, space_after=0)
    _hr(doc, 16.5, 4.0)


def _annex(doc, c: Consolidation, iss: Issuer, on: date, plan: AnnexPlan) -> None:
    """The annexes after the signature, in the plan's order, each on new pages."""
    pages = _Pages()
    notes_annex = plan.name_of("notes")
    for a in plan.annexes:
        pages.new_page(doc, a.wide)
        _annex_title(doc, a, iss, on)
        if a.kind == "completeness":
            _completeness(doc, c)
        elif a.kind == "bieu" and a.item is not None:
            _bieu_annex(doc, a.item, TEXT_WIDTH_LANDSCAPE if a.wide else TEXT_WIDTH, notes_annex)
        elif a.kind == "per_unit":
            _per_unit(doc, c, plan.nums)
        elif a.kind == "notes":
            add_table(doc, [["STT", "Biểu, dòng", "Ghi chú của đơn vị"]],
                      [[str(i)] + r for i, r in enumerate(plan.notes[:MAX_DOC_ROWS], 1)], numeric_cols={0}, font_size=11)
    pages.finish(doc)


def _bieu_annex(doc, it: Item, avail: int, notes_annex: str | None) -> None:
    s: TableSummary = it.summary
    _para(doc, f"(Tổng hợp số liệu của {s.units} đơn vị)", italic=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER,
          indent=False)
    _bieu(doc, it, avail, notes_annex)


def _completeness(doc, c: Consolidation) -> None:
    comp = c.completeness
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
    numbered_rows = [[str(i)] + r for i, r in enumerate(rows[:MAX_DOC_ROWS], 1)]
    add_table(doc, [["STT", "Đơn vị", "Tình trạng", "Thời điểm nộp"]], numbered_rows, numeric_cols={0}, font_size=11)
    if len(rows) > MAX_DOC_ROWS:
        _para(doc, f"(Còn {len(rows) - MAX_DOC_ROWS} đơn vị: xem tệp Excel kèm theo.)", italic=True)


SUMMED = ("integer", "money")
PER_TABLE = 3  # figures per annex table: unit names and figures stay on one line in portrait  # a column of these gets a total row; rates and averages do not


def annex_header(it: Item, *, whole: bool = False) -> str:
    """A per-unit column's header: number, statement label (whole words) and unit of measure."""
    q = it.ref.question
    unit = "%" if q.type == "percent" or q.unit == "%" else (money_unit(q.unit) if q.type == "money" else q.unit)
    label = report_label(q) if whole else _words(report_label(q), 90)
    return f"{it.ref.number} {label}" + (f" ({unit})" if unit else "")


def distinct(heads: list[str], items: list[Item]) -> list[str]:
    """Headers that can be told apart: two that read the same after shortening get their whole labels."""
    seen = [h for h in heads if heads.count(h) > 1]
    return [annex_header(it, whole=True) if h in seen else h for h, it in zip(heads, items, strict=True)]


def _words(s: str, n: int) -> str:
    """At most about ``n`` characters, cut between words (never inside one)."""
    s = " ".join(s.split())
    if len(s) <= n:
        return s
    cut = s[:n].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + " …"


def _per_unit(doc, c: Consolidation, nums: list[Item]) -> None:
    units = [u for u in c.units if c.current.get(u.id)]
    if len(units) > 200:
        _para(doc, f"Có {len(units)} đơn vị có số liệu; bảng số liệu từng đơn vị nằm ở trang Từng đơn vị của tệp Excel "
                   "kèm theo.", italic=True)
        return
    for start in range(0, len(nums), PER_TABLE):
        chunk = nums[start:start + PER_TABLE]
        header = ["STT", "Đơn vị"] + distinct([annex_header(it) for it in chunk], chunk)
        rows = []
        totals: list[float | None] = [None] * len(chunk)
        for i, u in enumerate(units, 1):
            vals = c.current.get(u.id, {})
            nums_u = [_num_of(it, vals) for it in chunk]
            totals = [t if v is None else (t or 0) + v for t, v in zip(totals, nums_u, strict=True)]
            rows.append([str(i), u.name] + [_annex_value(it, v) for it, v in zip(chunk, nums_u, strict=True)])
        bold = set()
        summed = [t if aggregate_of(it.ref.question) == "sum" else None for it, t in zip(chunk, totals, strict=True)]
        if any(t is not None for t in summed) and len(units) > 1:
            rows.append(["", "Tổng cộng"] + [_annex_value(it, t) if t is not None else ""
                                             for it, t in zip(chunk, summed, strict=True)])
            bold.add(len(rows) - 1)
        add_table(doc, [header], rows, numeric_cols=set(range(2, len(header))) | {0}, bold_rows=bold, font_size=10)


def _annex_value(it: Item, v) -> str:
    q = it.ref.question
    if v is None:
        return "—"
    if q.type == "percent" or q.unit == "%":
        return f"{format_decimal(v)}%"
    return fmt_plain(q, v)


def _bieu_notes(c: Consolidation) -> list[list[str]]:
    """Every note (a text cell) written in a Biểu, per row: "Biểu 1B, dòng 2. Hội nghị …" / "Xã A: …"."""
    out = []
    for it in c.items:
        if it.kind != "table" or it.eligible == 0:
            continue
        t = it.summary.table
        rows = {r.key: r for r in t.rows}
        for (rkey, _ck), texts in it.summary.texts.items():
            if len(texts) == 1 and len(texts[0][1]) <= NOTE_INLINE:
                continue  # printed in its cell
            r = rows.get(rkey)
            where = f"{t.title.split(':')[0].split(' — ')[0][:40]}, dòng {(r.no + ' ') if r and r.no else ''}{r.label if r else rkey}"
            shown = "; ".join(f"{u.name}: {x}" for u, x in texts[:5])
            more = f" (và {len(texts) - 5} đơn vị khác: xem tệp Excel)" if len(texts) > 5 else ""
            out.append([where, shown + more])
    return out


def _num_of(it: Item, vals: dict):
    from dialogs.answers import numeric

    return numeric(it.ref.question, vals.get(it.ref.key))


def _fmt_at(at) -> str:
    if at is None:
        return ""
    from dialogs.localtime import day_text, hm

    return f"{hm(at)} {day_text(at)}"


def _signature(doc, iss: Issuer) -> None:
    """"Nơi nhận" (left) and the signature block (right): authority (TM./KT./…), title, room to sign, the
    signer's name — a dotted line to write on where the title or the name is not configured (no form placeholders)."""
    if doc.paragraphs:  # the body's last line goes over with the signature: never a signature alone on a page
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _para(doc, "").paragraph_format.keep_with_next = True
    left, right = _two_columns(doc, 8.0, 8.5)
    # the block is never split over two pages (the name away from the title, "Lưu" away from "Nơi nhận")
    left._tc.getparent().get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    p = left.paragraphs[0]
    r = p.add_run("Nơi nhận:")
    r.bold, r.italic = True, True
    r.font.size = Pt(12)
    for line in iss.recipient_lines():
        _para(left, line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, space_after=0)
    right.paragraphs[0].text = ""
    head = list(iss.authority) + [iss.title or DOTS]
    for line in head:
        _para(right, line, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    for _ in range(4):  # room for the signature and the seal
        _para(right, "", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    # no name set: a dotted line to write it on, never a form's "(Ký, ghi rõ họ tên)"
    _para(right, iss.signer or DOTS, bold=bool(iss.signer), size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    first = right.paragraphs[0]
    first._p.getparent().remove(first._p)


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

    keep = len(rows) <= KEEP_ROWS  # a short table is kept on one page: never a header alone at a page's foot

    def cell(text: str | None, col: int, *, bold: bool, header: bool, span: int = 1, vmerge: str | None = None,
             last: bool = False) -> str:
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
        nxt = "<w:keepNext/>" if keep and not last else ""
        return (f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr>{nxt}<w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/>"
                f"<w:jc w:val=\"{jc}\"/></w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space=\"preserve\">{txt}</w:t></w:r></w:p></w:tc>")

    parts = [_table_open(widths, width_total)]
    parts += _header_rows_xml(header_rows, ncols, span_at, vmerge_first, cell)
    for ri, row in enumerate(rows):
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for col in range(ncols):
            parts.append(cell(row[col] if col < len(row) else "", col, bold=ri in bold_rows, header=False,
                              last=ri == len(rows) - 1))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    tbl = parse_xml("".join(parts))
    body = doc.element.body
    body.sectPr.addprevious(tbl)
    after = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:after="120"/></w:pPr></w:p>')
    body.sectPr.addprevious(after)


def _table_open(widths: list[int], width_total: int) -> str:
    """A table's start: its width, borders, fixed layout, cell margins and column grid."""
    borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{width_total}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>'
            '<w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>")


def _header_rows_xml(header_rows: list[list[str | None]], ncols: int, span_at: dict[int, int], vmerge_first: int,
                     cell: Callable[..., str]) -> list[str]:
    """The repeated header rows: the first row's spans over column groups, the other columns merged downwards."""
    parts: list[str] = []
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
            if len(header_rows) > 1 and vmerge_first and not _in_span(col, span_at):
                vm = "restart" if hi == 0 else "continue"
                text = text if hi == 0 else ""
            parts.append(cell(text, col, bold=True, header=True, vmerge=vm))
            col += 1
        parts.append("</w:tr>")
    return parts


def _in_span(col: int, span_at: dict[int, int]) -> bool:
    return any(start <= col < start + n for start, n in span_at.items())


__all__ = ["build_docx", "add_table"]
