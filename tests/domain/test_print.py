"""Print-ready exports: the .xlsx print set-up, sheet names and native charts read back with openpyxl and from
the file's XML parts; the .docx table widths, repeated header rows and landscape sections read back with
python-docx; and every file of the five outlines rendered by LibreOffice (skipped where it is absent)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from xml.etree import ElementTree as ET

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import load_workbook

from exports import build_report
from exports.consolidate import consolidate
from exports.docx_report import TEXT_WIDTH, TEXT_WIDTH_LANDSCAPE
from exports.docx_widths import CELL_PAD, text_twips
from exports.trends import History, Series
from exports.xlsx_report import WIDE, build_xlsx
from tests.support.print_sample import CAT, sample

C_NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}


@pytest.fixture(scope="module")
def reports():
    return {o.id: (sample(o), build_report(sample(o))) for o in CAT}


# --------------------------------------------------------------------------- .xlsx


@pytest.mark.parametrize("outline_id", [o.id for o in CAT])
def test_every_sheet_is_print_ready(reports, outline_id):
    c, rep = reports[outline_id]
    wb = load_workbook(BytesIO(rep.xlsx))
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert ps.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToHeight == 0, ws.title
        assert re.fullmatch(r"\$\d+:\$\d+", ws.print_title_rows or ""), ws.title
        widths = sum(ws.column_dimensions[k].width or 0 for k in ws.column_dimensions)
        assert ps.orientation == ("landscape" if widths > WIDE else "portrait"), ws.title
        if ws.print_title_cols:  # the per-unit sheet is printed several pages wide, its unit columns repeated
            assert ws.title == "Từng đơn vị" and ws.print_title_cols == "$A:$B" and int(ps.fitToWidth) > 1
        else:
            assert int(ps.fitToWidth) == 1, ws.title
        assert c.period_label in ws.oddHeader.center.text and c.outline.title[:40] in ws.oddHeader.center.text
        assert ws.oddFooter.center.text == "Trang &P/&N"
    tong = wb["Tổng hợp"]
    assert tong.print_title_rows == "$3:$3" and tong.freeze_panes == "A4"


@pytest.mark.parametrize("outline_id", [o.id for o in CAT])
def test_sheet_names_are_readable_and_valid(reports, outline_id):
    c, rep = reports[outline_id]
    names = load_workbook(BytesIO(rep.xlsx), read_only=True).sheetnames
    keys = {r.question.key for r in c.outline.refs}
    assert len({n.casefold() for n in names}) == len(names)
    for n in names:
        assert 0 < len(n) <= 31 and not set(n) & set("[]:*?/\\") and not n.startswith("'"), n
        assert not any(k in n for k in keys) and "_" not in n, n  # no internal keys
    lists = [it for it in c.items if it.kind == "list"]
    for it in lists:  # a list's sheet: its section number and a short title from its prompt
        assert any(n.startswith(f"{it.ref.number} ") for n in names), it.ref.number


def test_weekly_sheet_names_by_hand(reports):
    names = load_workbook(BytesIO(reports["tuan-cqdp-2cap"][1].xlsx), read_only=True).sheetnames
    assert {"I.1.a Nhiệm vụ đã hoàn thành", "I.1.a Nhiệm vụ đang thực hiện", "I.2.1 Văn bản đã ban hành"} <= set(names)
    names = load_workbook(BytesIO(reports["so-ket-1-nam-2-cap"][1].xlsx), read_only=True).sheetnames
    assert "Biểu 1B Kết quả công tác" in names  # not "… công tác quán" ("quán triệt" is one word)


def test_column_widths_follow_the_content(reports):
    _, rep = reports["tuan-cqdp-2cap"]
    wb = load_workbook(BytesIO(rep.xlsx))
    prog = wb["Tiến độ"]
    w = {k: prog.column_dimensions[k].width for k in "ABCDE"}
    longest = max(len(str(r[1])) for r in prog.iter_rows(min_row=2, values_only=True))
    assert longest + 1 <= w["B"] <= longest + 6  # unit names: as wide as the longest, not a fixed 40
    assert w["A"] < w["B"] and w["E"] >= 16  # a date and time fits


def chart_parts(xlsx: bytes) -> list[ET.Element]:
    with zipfile.ZipFile(BytesIO(xlsx)) as z:
        return [ET.fromstring(z.read(n)) for n in sorted(z.namelist()) if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]


def test_native_charts_of_the_largest_changes_over_eight_periods():
    o = CAT.get("tuan-cqdp-2cap")
    c = sample(o)
    labels = [f"Tuần {w}/2026" for w in range(41, 49)]
    keys = [it.ref for it in c.items if it.kind == "numeric"][:6]
    series = [Series(r.key, r.number, r.question.prompt, "nhiệm vụ", "integer", [10.0 * (i + 1) * w for w in range(8)])
              for i, r in enumerate(keys)]
    series[0].values = [5.0] * 8  # unchanged: not charted
    xlsx = build_xlsx(c, History(o.id, "Tỉnh mẫu", labels, series))
    ws = load_workbook(BytesIO(xlsx))["Diễn biến"]  # on a sheet of their own, after the summary
    head = next(r for r in ws.iter_rows() if r[2].value == "Chỉ tiêu")
    assert [x.value for x in head[4:12]] == labels
    # each column is its period's whole figure: said, with where the change like with like is
    said = " ".join(str(r[0].value) for r in ws.iter_rows(max_row=head[0].row - 1) if r[0].value)
    assert "hiệu hai cột không phải là mức tăng, giảm" in said and "«Tổng hợp»" in said
    charted = [r for r in ws.iter_rows(min_row=head[0].row + 1, max_row=head[0].row + 5)]
    got = sorted((r[1].value, r[2].value, r[11].value) for r in charted)
    # the five that changed, the last period being this report's own total
    assert got == sorted((k.number, k.question.prompt, c.item(k.key).summary.value) for k in keys[1:6])
    parts = chart_parts(xlsx)
    assert len(parts) == 5
    for part, row in zip(parts, charted, strict=True):
        assert part.find(".//c:lineChart", C_NS) is not None
        sers = part.findall(".//c:ser", C_NS)
        assert len(sers) == 1
        r = row[0].row
        assert sers[0].find("c:val//c:f", C_NS).text == f"'Diễn biến'!$E${r}:$L${r}"
        assert sers[0].find("c:cat//c:f", C_NS).text == f"'Diễn biến'!$E${head[0].row}:$L${head[0].row}"
        assert sers[0].find("c:tx//c:f", C_NS).text == f"'Diễn biến'!$C${r}"


def test_without_history_the_charts_compare_with_the_previous_period(reports):
    c, rep = reports["kiem-tra-cchc-2025"]
    parts = chart_parts(rep.xlsx)
    assert 1 <= len(parts) <= 5
    ref = parts[0].find(".//c:ser/c:val//c:f", C_NS).text
    assert re.fullmatch(r"'Diễn biến'!\$E\$(\d+):\$F\$\1", ref)  # two periods: E and F
    no_prev = consolidate(c.outline, units=c.units, current=c.current, previous=None, status={}, submitted_at={},
                          period_label="Đợt 1", deadline=None)
    assert chart_parts(build_xlsx(no_prev)) == []


# --------------------------------------------------------------------------- .docx


def grid_widths(tbl) -> list[int]:
    return [int(g.get(qn("w:w"))) for g in tbl._tbl.tblGrid.findall(qn("w:gridCol"))]


def tables_by_section(doc):
    for sec in doc.sections:
        avail = sec.page_width.twips - sec.left_margin.twips - sec.right_margin.twips
        for block in sec.iter_inner_content():
            if hasattr(block, "rows"):
                yield sec, avail, block


@pytest.mark.parametrize("outline_id", [o.id for o in CAT])
def test_docx_tables_fit_the_text_width_and_repeat_their_header(reports, outline_id):
    _, rep = reports[outline_id]
    doc = Document(BytesIO(rep.docx))
    n = 0
    for sec, avail, tbl in tables_by_section(doc):
        if tbl._tbl.tblPr.find(qn("w:tblBorders")) is not None and tbl.rows[0].cells[0].text in ("", "TT", "STT",
                                                                                                 "Đơn vị"):
            if not tbl.rows[0].cells[0].text and len(tbl.columns) == 2:
                continue  # the header and signature blocks (borderless two-column layout tables)
            n += 1
            assert sum(grid_widths(tbl)) <= avail, f"table wider than the text: {sum(grid_widths(tbl))} > {avail}"
            trpr = tbl.rows[0]._tr.trPr
            assert trpr is not None and trpr.find(qn("w:tblHeader")) is not None
            if len(tbl.columns) > 10:
                assert sec.orientation == WD_ORIENT.LANDSCAPE and avail == TEXT_WIDTH_LANDSCAPE
            else:
                assert avail == TEXT_WIDTH
    assert n >= 2


def test_dates_and_numbers_never_wrap_and_the_unit_column_is_not_wider_than_needed(reports):
    _, rep = reports["tuan-cqdp-2cap"]
    doc = Document(BytesIO(rep.docx))
    prog = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["STT", "Đơn vị", "Tình trạng",
                                                                                "Thời điểm nộp"])
    w = grid_widths(prog)
    assert w[3] >= text_twips("10/11/2026", 11) + CELL_PAD  # "10/11/2026" at 11 pt fits on one line
    longest = max(text_twips(r.cells[1].text, 11) for r in prog.rows[1:])
    assert w[1] <= longest + CELL_PAD + 1  # the unit column: just the longest name
    nums = next(t for t in doc.tables if [c.text for c in t.rows[0].cells[:2]] == ["STT", "Đơn vị"]
                and t.rows[0].cells[2].text.startswith("I.1.a "))  # the annex of each unit's figures
    for col, width in enumerate(grid_widths(nums)[1:], 1):
        widest = max(text_twips(r.cells[col].text, 10) for r in nums.rows[1:])
        assert width >= widest + CELL_PAD - 1


def test_a_wide_bieu_gets_landscape_pages_and_back(reports):
    _, rep = reports["so-ket-1-nam-2-cap"]
    doc = Document(BytesIO(rep.docx))
    orient = [s.orientation for s in doc.sections]
    assert orient[0] == WD_ORIENT.PORTRAIT and orient[-1] == WD_ORIENT.PORTRAIT and WD_ORIENT.LANDSCAPE in orient
    for sec in doc.sections:
        wide = [t for t in sec.iter_inner_content() if hasattr(t, "rows") and len(t.columns) > 10]
        if wide:
            assert sec.orientation == WD_ORIENT.LANDSCAPE
            assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (297, 210)
    first = doc.sections[0]  # page numbers from page 2, carried on through the later sections
    assert first.different_first_page_header_footer and "PAGE" in first.header._element.xml
    assert all(s.header.is_linked_to_previous for s in doc.sections[1:])


# --------------------------------------------------------------------------- LibreOffice


def pdf_pages(path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def test_all_five_outlines_render_with_libreoffice(tmp_path, reports):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (scripts/render-samples.sh installs it and renders the samples)")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: cannot read the rendered text back")
    files = []
    for _, rep in reports.values():
        for name, data in ((rep.docx_name, rep.docx), (rep.xlsx_name, rep.xlsx)):
            (tmp_path / name).write_bytes(data)
            files.append(tmp_path / name)
    for ext in ("docx", "xlsx"):  # the two files of a report share their stem: one folder each
        res = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                              "pdf", "--outdir", str(tmp_path / ext), *(str(f) for f in files if f.suffix == f".{ext}")],
                             capture_output=True, text=True, timeout=600)
        assert res.returncode == 0, res.stderr
    for f in files:
        pdf = tmp_path / f.suffix[1:] / f"{f.stem}.pdf"
        assert pdf.exists(), f"{f.name} was not converted"
        pages = pdf_pages(pdf)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        words = set(text.split())
        for cell in cell_texts(f):
            missing = [w for w in cell.split() if w not in words]
            assert not missing, f"{f.name} ({pages} pages): «{cell}» printed without {missing}"
        print(f"{f.name}: {pages} pages")  # shown with -s


def cell_texts(path) -> list[str]:
    """Short table cell texts to find whole in the rendered PDF: dates, numbers and names in the .docx tables;
    every sheet's header row and text cells in the .xlsx."""
    out = []
    if path.suffix == ".docx":
        for t in Document(str(path)).tables:
            for row in t.rows[:40]:
                out += [c.text for c in row.cells if 0 < len(c.text) <= 40]
    else:
        for ws in load_workbook(str(path), read_only=True).worksheets:
            for row in ws.iter_rows(max_row=60, values_only=True):
                out += [v for v in row if isinstance(v, str) and 0 < len(v) <= 40 and not v.startswith("'")]
    return sorted(set(out))
