"""The document as the office issues it (issue 20): statements instead of questions, nothing printed that does
not apply, annex tables, the .xlsx's fonts, titles, borders and dates, and the pictures — read back from the files."""

from __future__ import annotations

import re
from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from dialogs.labels import label_rule, report_label
from dialogs.loader import check_outline_text
from exports import build_report
from exports.consolidate import UnitInfo, consolidate
from tests.support.print_sample import CAT, sample


def _text(docx: bytes) -> str:
    return "\n".join(p.text for p in Document(BytesIO(docx)).paragraphs)


def test_questions_become_statements():
    assert label_rule("Kết quả: đã tổ chức được bao nhiêu đợt tập huấn trực tuyến") == "Số đợt tập huấn trực tuyến đã tổ chức"
    assert label_rule("Có bao nhiêu TTHC toàn trình ở cấp tỉnh") == "Số TTHC toàn trình ở cấp tỉnh"
    assert label_rule("Xây dựng Kế hoạch bồi dưỡng nghiệp vụ như thế nào?") == "Xây dựng Kế hoạch bồi dưỡng nghiệp vụ"
    assert label_rule("Biểu 3 — Còn bao nhiêu nhiệm vụ chưa hoàn thành?") == "Biểu 3 — số nhiệm vụ chưa hoàn thành"
    assert label_rule("Đề xuất giải pháp gì để tháo gỡ?") == "Đề xuất giải pháp để tháo gỡ"
    for o in CAT:  # every figure, Biểu and yes/no of the five outlines reads as a statement
        for r in [r for r in o.refs if r.question.type not in ("longtext", "text", "list", "documents")]:
            label = report_label(r.question)
            assert "?" not in label and "bao nhiêu" not in label.lower(), (o.id, label)


def test_an_outline_label_is_checked():
    from dialogs.loader import OUTLINES_DIR

    src = (OUTLINES_DIR / "000_tuan_cqdp_2cap.yaml").read_text(encoding="utf-8")
    ok = src.replace('unit: tổ\n', 'unit: tổ\n                label: Số tổ công tác đã thành lập\n', 1)
    outline, probs = check_outline_text(ok)
    assert not probs and any(q.label == "Số tổ công tác đã thành lập" for q in outline.questions)
    bad = src.replace('unit: tổ\n', 'unit: tổ\n                label: Có bao nhiêu tổ?\n', 1)
    _, probs = check_outline_text(bad)
    assert any("câu trần thuật" in p.message for p in probs)


def test_docx_prints_statements_and_nothing_that_does_not_apply():
    c = sample(CAT.get("tuan-cqdp-2cap"))
    text = _text(build_report(c).docx)
    assert "Số đợt tập huấn trực tuyến đã tổ chức: " in text and "bao nhiêu" not in text
    assert "Văn phòng Chính phủ báo cáo chi tiết" not in text  # §I.5's ministry-only parts: no such unit here
    assert "(1)(1)" not in text and not re.search(r"\. \([^)]*\)\.$", text, re.M)  # no stray full stop before a bracket
    assert "«có»" not in text and "«không»" not in text
    lines = text.splitlines()
    numbered = [x for x in lines if x.startswith("(1) ")]
    assert len(numbered) == len(set(numbered))


def test_empty_bieu_is_one_line_and_notes_are_summarised():
    o = CAT.get("so-ket-1-nam-2-cap")
    units = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in (1, 2, 3)]
    note = "Ghi chú dài của đơn vị về hội nghị quán triệt, tổ chức ở nhiều địa điểm khác nhau trong tháng"
    cur = {u.id: {"bieu_1b": {"rows": {"hoi_nghi": {"cap_tinh": 1, "cap_xa": 2, "ca_hai": 3, "ghi_chu": note}}}}
           for u in units}
    c = consolidate(o, units=units, current=cur, previous=None, status={u.id: "submitted" for u in units},
                    submitted_at={}, period_label="Sơ kết", deadline=None)
    d = Document(BytesIO(build_report(c).docx))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Biểu 2B. THỐNG KÊ" in text and "chưa có đơn vị nhập số liệu" in text  # an empty Biểu: one line
    assert not any("Biểu 2B" in (t.rows[0].cells[0].text + t.rows[0].cells[1].text) for t in d.tables)
    from exports.docx_report import note_cell

    many = [(u, note) for u in units]
    assert note_cell(many) == "3 đơn vị có ghi chú (xem phụ lục)" and note_cell([(units[0], "Đã xong")]) == "Xã 1: Đã xong"


def test_annex_tables_have_stt_units_percent_and_totals():
    c = sample(CAT.get("kiem-tra-cchc-2025"))
    d = Document(BytesIO(build_report(c).docx))
    tables = [t for t in d.tables if [x.text for x in t.rows[0].cells[:2]] == ["STT", "Đơn vị"]
              and re.match(r"^[IVX]+\.", t.rows[0].cells[2].text)]
    heads = [x.text for t in tables for x in t.rows[0].cells[2:]]
    assert len(heads) == len(set(heads))  # told apart
    assert any(h.endswith("(nhiệm vụ)") for h in heads) and any(h.endswith("(%)") for h in heads)
    assert all("…" not in h or h.endswith("… (%)") or " …" in h for h in heads)  # never cut inside a word
    pct = next(t for t in tables if any(x.text.endswith("(%)") for x in t.rows[0].cells))
    col = next(i for i, x in enumerate(pct.rows[0].cells) if x.text.endswith("(%)"))
    assert all(r.cells[col].text.endswith("%") or r.cells[col].text in ("—", "") for r in pct.rows[1:])
    counts = next(t for t in tables if t.rows[0].cells[2].text.endswith("(nhiệm vụ)"))
    last = counts.rows[-1]
    assert last.cells[1].text == "Tổng cộng"
    total = sum(int(r.cells[2].text.replace(".", "")) for r in counts.rows[1:-1] if r.cells[2].text != "—")
    assert int(last.cells[2].text.replace(".", "")) == total


def test_xlsx_fonts_titles_borders_and_dates():
    c = sample(CAT.get("tuan-cqdp-2cap"))
    wb = load_workbook(BytesIO(build_report(c).xlsx))
    for ws in wb.worksheets:
        first = ws.cell(1, 1)
        assert isinstance(first.value, str) and len(first.value) > 8, ws.title  # a title row saying what it lists
        for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 12)):
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Times New Roman", (ws.title, cell.coordinate)
    per = wb["Từng đơn vị"]
    data = per.cell(3, 4)
    assert data.border.left.style == "thin" and per.cell(3, 2).border.top.style == "thin"
    lst = wb["I.1.a Nhiệm vụ đã hoàn thành"]
    head = [x.value for x in lst[2]]
    col = head.index("Thời gian hoàn thành") + 1
    cell = lst.cell(3, col)
    assert cell.is_date and cell.number_format == "dd/mm/yyyy"
    assert "Tăng/giảm so với kỳ trước" in [x.value for x in wb["Tổng hợp"][3]]


# --------------------------------------------------------------------------- pictures


def _panel(values, qtype="integer"):
    from matplotlib.figure import Figure

    from exports.charts import _history_panel, tick_label
    from exports.trends import Series

    labels = [f"Tuần {47 + i}/2026 (16/11–22/11/2026)" for i in range(len(values))]
    ax = Figure(figsize=(8, 2)).add_subplot()
    _history_panel(ax, Series("k", "I.1", "Số đợt tập huấn", "đợt", qtype, values), list(range(len(values))),
                   [tick_label(x, len(values)) for x in labels])
    return ax


def test_count_panels_start_at_zero_with_whole_ticks_and_labels_off_the_line():
    ax = _panel([2001.0, 2003.0, 2002.0])
    assert ax.get_ylim()[0] == 0  # a count: from 0
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert all(float(t).is_integer() for t in ticks)
    small = _panel([1.0, 3.0, 2.0])
    assert all(float(t).is_integer() for t in small.get_yticks())  # 1, 2, 3 — never 1,5
    notes = {a.get_text(): a for a in small.texts}
    assert notes["3"].xyann[1] > 0 and notes["1"].xyann[1] < 0  # the peak's label above, the dip's below
    assert small.get_title(loc="left").startswith("2 — I.1 Số đợt tập huấn (đợt)")  # this period's total first
    assert small.get_ylim()[1] > 3  # room above the highest label
    labels = [t.get_text() for t in small.get_xticklabels()]
    assert labels[0].replace("\n", " ") == "Tuần 47/2026 (16/11–22/11/2026)"  # whole, on several lines
    rate = _panel([40.0, 45.0], "percent")
    assert rate.get_ylim()[0] > 0  # a rate keeps its own range


def test_unit_names_are_not_cut_where_there_is_room():
    from exports.charts import NAME_ROOM_IN, fit_name

    long = "Ủy ban nhân dân phường Long Xuyên"  # 33 characters: once cut at 30
    assert fit_name(long, NAME_ROOM_IN, 11) == long
    cut = fit_name(long * 3, NAME_ROOM_IN, 11)
    assert cut.endswith("…") and (long * 3).startswith(cut[:-1])


async def test_cli_picture_of_a_passed_deadline_says_so(db, db_url, monkeypatch, tmp_path):
    from datetime import UTC, datetime, timedelta

    from bot.cli.export import progress_picture
    from bot.config import get_settings
    from dialogs.loader import load_catalogue
    from storage.repo import Repo
    from storage.unit_import import import_units
    from tests.conftest import DATA

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        p, _ = await Repo(s).periods.open_period("tuan-cqdp-2cap", "Tuần 1", deadline=datetime.now(UTC) - timedelta(hours=5))
        await s.commit()
    seen = {}
    import exports.charts as charts

    real = charts.progress_chart
    monkeypatch.setattr(charts, "progress_chart", lambda rows, **kw: seen.update(kw) or real(rows, **kw))
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        png = await progress_picture(db, load_catalogue(), p, None, get_settings())
    finally:
        get_settings.cache_clear()
    assert png and "đã quá hạn 5 giờ" in charts.deadline_text(seen["deadline"], seen["now"])


# --------------------------------------------------------------------------- rendered by LibreOffice


def test_rendered_report_reads_as_issued(tmp_path):
    """The .docx and .xlsx of a Party committee's outline issued by a People's Committee, rendered to PDF: the
    state header, the signature block whole on one page before the annexes, no form placeholder; the .xlsx
    readable (no Biểu shrunk by its long title, every page in Times New Roman)."""
    import shutil
    import subprocess
    from datetime import date

    from pypdf import PdfReader

    from dialogs.issuer import apply_changes, default_issuer

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        import pytest

        pytest.skip("LibreOffice is not installed (scripts/install-libreoffice.sh installs it; run-tests.sh runs it)")
    issuer = apply_changes(default_issuer("Tỉnh An Giang", "tinh", "91"),
                           {"authority": "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                            "signer": "Nguyễn Văn An", "recipients": "Bộ Nội vụ"})
    rep = build_report(sample(CAT.get("so-ket-1-nam-2-cap")), issuer=issuer, on=date(2026, 3, 6))
    (tmp_path / "r.docx").write_bytes(rep.docx)
    (tmp_path / "r.xlsx").write_bytes(rep.xlsx)
    for name in ("r.docx", "r.xlsx"):
        res = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                              "pdf", "--outdir", str(tmp_path / name[2:]), str(tmp_path / name)],
                             capture_output=True, text=True, timeout=300)
        assert res.returncode == 0, res.stderr
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(tmp_path / "docx" / "r.pdf")).pages]
    first = pages[0]
    assert "ỦY BAN NHÂN DÂN TỈNH AN GIANG" in first and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in first and "An Giang, ngày 06 tháng 3 năm 2026" in first
    sig = next(i for i, t in enumerate(pages) if "Nơi nhận" in t)
    assert all(x in pages[sig] for x in ("Lưu: VT, VP.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"))
    annex = next(i for i, t in enumerate(pages) if "Phụ lục I " in t + " ")
    assert sig < annex and "(Kèm theo Báo cáo số /BC-UBND ngày 06 tháng 3 năm 2026)" in pages[annex]
    assert "Kèm theo báo cáo này: số liệu của từng đơn vị" in pages[sig] or "Kèm theo báo cáo này" in pages[sig - 1]
    bieu_pages = [i for i, t in enumerate(pages) if re.search(r"Phụ lục [IVX]+ BIỂU \w+\.", t)]
    assert bieu_pages and all(i > sig for i in bieu_pages)  # the Biểu follow the signature, each titled
    reader = PdfReader(str(tmp_path / "docx" / "r.pdf"))
    wide = next(i for i in bieu_pages if "BIỂU 8B" in pages[i])  # 16 columns: on landscape pages
    assert float(reader.pages[wide].mediabox.width) > float(reader.pages[wide].mediabox.height)
    assert not any("Ký, ghi rõ họ tên" in t or "THỦ TRƯỞNG CƠ QUAN" in t for t in pages)
    xlsx = PdfReader(str(tmp_path / "xlsx" / "r.pdf"))
    fonts = {str(f.get("/BaseFont", "")) for p in xlsx.pages for f in (p.get("/Resources", {}).get("/Font", {}) or {}).values()
             for f in [f.get_object()]}
    assert fonts and all("Times" in f or "Liberation Serif" in f or "LiberationSerif" in f for f in fonts), fonts
    bieu = next(p for p in xlsx.pages if "Biểu 1B. KẾT QUẢ CÔNG TÁC" in (p.extract_text() or ""))
    assert float(bieu.mediabox.width) < float(bieu.mediabox.height)  # portrait: the long title no longer widens it


def test_bieu_dates_are_real_dates_and_the_headline_total_is_charted():
    from exports.charts import with_headline
    from exports.trends import History, Series

    c = sample(CAT.get("so-ket-1-nam-2-cap"))
    wb = load_workbook(BytesIO(build_report(c).xlsx))
    ws = wb[next(n for n in wb.sheetnames if n.startswith("Biểu 2B"))]
    dated = [cell for row in ws.iter_rows(min_row=4) for cell in row if getattr(cell, "is_date", False)]
    assert dated and all(x.number_format == "dd/mm/yyyy" for x in dated)
    assert not any(isinstance(x.value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", x.value) for row in ws.iter_rows() for x in row)
    flat = Series("tong", "1", "Tổng số nhiệm vụ được giao", "nhiệm vụ", "integer", [100.0, 100.0, 101.0])
    moving = [Series(f"s{i}", "2", f"Số {i}", "việc", "integer", [1.0, 50.0 * i, 9.0]) for i in range(1, 7)]
    h = History("x", "Tỉnh", ["Tuần 1", "Tuần 2", "Tuần 3"], [flat, *moving])
    assert flat not in h.top(5) and with_headline(h, 5)[0] is flat and len(with_headline(h, 5)) == 5


def test_annex_headers_cut_alike_get_their_whole_labels():
    from exports.docx_report import annex_header, distinct

    c = sample(CAT.get("kiem-tra-cchc-2025"))
    items = [it for it in c.items if it.kind == "numeric"][:3]
    got = distinct(["X …", "X …", "Y"], items)
    assert got == [annex_header(items[0], whole=True), annex_header(items[1], whole=True), "Y"]
    assert "…" not in annex_header(items[0], whole=True)


def test_the_importer_proposes_a_label_for_a_question():
    from dialogs.importer.emit import proposed_label, to_yaml

    assert proposed_label("Có bao nhiêu xã, phường tổ chức tổ công nghệ số?") == "Số xã, phường tổ chức tổ công nghệ số"
    assert proposed_label("Số hồ sơ tiếp nhận") is None  # already a statement: nothing to propose
    text = to_yaml({"key": "q1", "prompt": "Đã tổ chức được bao nhiêu đợt tập huấn?", "type": "integer"}, [])
    assert 'label: "Số đợt tập huấn đã tổ chức"  # ?' in text


def test_short_tables_are_kept_on_one_page():
    """A table of a few rows never starts at a page's foot with its header alone (LibreOffice then dropped the
    rest of the rows): every row but the last keeps with the next."""
    from docx.oxml.ns import qn

    d = Document(BytesIO(build_report(sample(CAT.get("chuyen-de-02-kh-bcdtw"))).docx))
    short = [t for t in d.tables[1:] if 2 < len(t.rows) <= 25 and t.rows[0].cells[0].text in ("STT", "TT")]
    assert short
    for t in short:
        keeps = [r._tr.find(f".//{qn('w:keepNext')}") is not None for r in t.rows]
        assert all(keeps[:-1]) and not keeps[-1]


def test_bieu_tables_are_annexes_after_the_signature_in_order():
    """Nghị định 30: each filled Biểu in an annex of its own after the signature ("Phụ lục II" …, with "(Kèm theo
    Báo cáo số …)"), in the body's order, the body naming the annex where the Biểu was; a wide Biểu on landscape
    pages with its header rows repeated; an STT column; no Biểu table left in the body."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    d = Document(BytesIO(build_report(sample(CAT.get("so-ket-1-nam-2-cap"))).docx))
    body = list(d.element.body.iterchildren())
    paras = d.paragraphs
    sig = next(t for t in d.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    at_sig = body.index(sig._tbl)
    titles = [(i, p) for i, p in enumerate(paras) if re.fullmatch(r"Phụ lục [IVXL]+", p.text)]
    names = [p.text for _, p in titles]
    assert names == [f"Phụ lục {r}" for r in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")]
    assert all(body.index(p._p) > at_sig for _, p in titles)
    for i, _ in titles:
        assert paras[i + 2].text.startswith("(Kèm theo Báo cáo số ") and " ngày " in paras[i + 2].text
    bieu_titles = [paras[i + 1].text for i, _ in titles if paras[i + 1].text.startswith("BIỂU ")]
    assert [t.split(".")[0] for t in bieu_titles] == ["BIỂU 1B", "BIỂU 2B", "BIỂU 8B", "BIỂU 12B", "BIỂU 13B"]
    refs = [m for p in paras if body.index(p._p) < at_sig for m in re.findall(r"theo (Biểu \w+), chi tiết tại (Phụ lục [IVX]+)", p.text)]
    assert [r[1] for r in refs] == ["Phụ lục II", "Phụ lục III", "Phụ lục IV", "Phụ lục V", "Phụ lục VI"]  # in order
    assert "(Phụ lục số 1B)" not in "\n".join(p.text for p in paras)  # the outline's own name for its Biểu
    grids = [t for t in d.tables if t.rows[0].cells[0].text == "STT" and t.rows[0].cells[1].text == "Nội dung"]
    assert len(grids) == 5 and all(body.index(t._tbl) > at_sig for t in grids)
    assert all(t.rows[0]._tr.find(f".//{qn('w:tblHeader')}") is not None for t in grids)  # repeated on each page
    assert not any(t.rows[0].cells[0].text == "TT" for t in d.tables)
    orient = [s.orientation for s in d.sections]
    assert WD_ORIENT.LANDSCAPE in orient and orient[0] == WD_ORIENT.PORTRAIT
    wide = next(t for t in grids if len(t.columns) > 10)
    landscape_from = next(body.index(p._p) for p in paras if p._p.find(f".//{qn('w:sectPr')}") is not None)
    assert body.index(wide._tbl) > landscape_from  # after the first section break: on the landscape pages


def test_bieu_annex_unit_of_measure_and_totals_only_where_the_outline_has_them():
    from dialogs.outline import Column, Row, Table
    from exports.docx_report import bieu_units

    money = Table(title="Biểu X", columns=[Column(key="a", label="Thu", type="money"),
                                           Column(key="b", label="Chi", type="money")], rows=[Row(key="r", label="R")])
    assert bieu_units(money) == ("triệu đồng", [None, None])
    mixed = Table(title="Biểu Y", columns=[Column(key="a", label="Số", unit="cuộc"), Column(key="b", label="Tỷ lệ", type="percent"),
                                           Column(key="c", label="Ghi chú", type="text")], rows=[Row(key="r", label="R")])
    assert bieu_units(mixed) == (None, ["cuộc", "%", None])
    d = Document(BytesIO(build_report(sample(CAT.get("so-ket-1-nam-2-cap"))).docx))
    b12 = next(t for t in d.tables if t.rows[0].cells[0].text == "STT" and "Năm 2025" in t.rows[0].cells[2].text)
    heads = [c.text for c in b12.rows[1].cells]
    assert "Số lượng (triệu đồng)" in heads and "Tỷ trọng (%)" in heads  # Biểu 12B: each column's unit
    b1 = next(t for t in d.tables if t.rows[0].cells[0].text == "STT" and "Tổng số lượng" in t.rows[0].cells[2].text)
    labels = [r.cells[1].text.strip() for r in b1.rows[2:]]
    assert "Tổng cộng" not in labels  # the outline's own group rows, no total row added over unlike counts
    d = Document(BytesIO(build_report(sample(CAT.get("chuyen-de-02-kh-bcdtw"))).docx))
    tthc = next(t for t in d.tables if [c.text for c in t.rows[0].cells[:2]] == ["STT", "Nội dung"])
    # rows the outline does not number are numbered; its own total row is printed, unnumbered
    assert [[c.text for c in r.cells[:2]] for r in tthc.rows[1:]] == [["1", "Cấp tỉnh"], ["2", "Cấp xã"], ["", "Tổng cộng"]]
