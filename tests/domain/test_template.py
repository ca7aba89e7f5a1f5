"""The spreadsheet path: make a unit's template, fill it by code as an officer would in Excel, read it back."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from types import SimpleNamespace

import pytest
from openpyxl import Workbook, load_workbook

from dialogs.loader import load_catalogue
from dialogs.outline import Outline
from exports.sample import synth_answers
from exports.template import META_SHEET, TemplateRefused, make_template, read_template
from exports.template import read as template_read
from tests.support.template_fill import _cell_map, _expected, _fill

SECRET = "khoa-bi-mat"
CAT = load_catalogue()
PERIOD = SimpleNamespace(id=12, label="Tuần 48/2026")


def _unit(o: Outline) -> SimpleNamespace:
    kind = "xa" if "xa" in o.respondents else o.respondents[0]
    return SimpleNamespace(code="30904", kind=kind, name="Xã Giồng Riềng")


def _read(data: bytes, o: Outline, **kw):
    args = {"expect_unit": "30904", "expect_period": 12, "expect_outline_version": o.version, "secret": SECRET,
            "outline": o, "today": date(2026, 11, 26)} | kw
    return read_template(data, **args)


@pytest.mark.parametrize("outline_id", sorted(CAT.outlines))
def test_round_trip_every_outline(outline_id):
    o = CAT.get(outline_id)
    unit = _unit(o)
    data = make_template(o, unit, PERIOD, {}, None, o.version, secret=SECRET)
    answers = synth_answers(o, unit, week=3, list_items=3, open_items=2)
    res = _read(_fill(data, o, answers), o)
    assert res.errors == []
    assert res.answers == _expected(o, answers)
    assert res.cells > len(res.answers) / 2
    assert res.summary().startswith(f"Đã nhận {res.cells if res.cells < 1000 else ''}")


def test_round_trip_includes_bieu_items_and_computed_rows_are_values():
    o = CAT.get("so-ket-1-nam-2-cap")
    unit = _unit(o)
    answers = synth_answers(o, unit, week=2, open_items=2)
    answers["bieu_8b"]["items"] = {"gd_thcs": [{"label": "Trường THCS Kim Đồng", "so_co_cau": 4, "tu_chu_tx": 1},
                                               {"label": "Trường THCS Lê Lợi", "pa_sap_xep": "Sáp nhập"}]}
    data = make_template(o, unit, PERIOD, {}, None, o.version, secret=SECRET)
    res = _read(_fill(data, o, answers), o)
    assert res.errors == []
    assert res.answers["bieu_8b"]["items"] == answers["bieu_8b"]["items"]
    assert res.answers["bieu_1b"] == answers["bieu_1b"]
    # pre-filled with those answers, the computed rows hold the bot's totals as plain values, never formulas
    wb = load_workbook(io.BytesIO(make_template(o, unit, PERIOD, answers, None, o.version, secret=SECRET)))
    ws = wb["Biểu 1B"]
    labels = {ws.cell(r, 2).value.strip(): r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value}
    rows = answers["bieu_1b"]["rows"]
    group = labels["Công tác quán triệt, tuyên truyền"]
    kids = ("hoi_nghi", "tap_huan", "hinh_thuc_khac")
    assert ws.cell(group, 4).value == sum(rows[k]["cap_tinh"] for k in kids)  # a computed row
    assert ws.cell(group, 3).value == sum(rows[k][c] for k in kids for c in ("cap_tinh", "cap_xa", "ca_hai"))
    assert ws.cell(labels["Hội nghị quán triệt"], 3).protection.locked is True  # a computed column
    assert all(c.data_type != "f" for w in wb.worksheets for row in w.iter_rows() for c in row)


def test_previous_answers_prefilled_marked_and_kept():
    o = CAT.get("tuan-cqdp-2cap")
    unit = _unit(o)
    prev = synth_answers(o, unit, week=1)
    current = {"kl_nv_tong": 77}
    data = make_template(o, unit, PERIOD, current, prev, o.version, secret=SECRET)
    wb = load_workbook(io.BytesIO(data))
    where = {tuple(p): (s, c) for s, c, p in _cell_map(wb)}
    s, c = where[("q", "kl_nv_tong")]
    assert wb[s][c].value == 77 and wb[s][c].comment is None and wb[s][c].fill.fgColor.rgb.endswith("FFFFFF")
    other = next(k for k in prev if k != "kl_nv_tong" and o.question(k).type == "integer")
    s, c = where[("q", other)]
    cell = wb[s][c]
    assert cell.value == prev[other] and "🕘 tuần trước" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("FFF2CC")
    res = _read(data, o)
    assert res.answers == {**_expected(o, prev), **current}


def test_validation_protection_and_hidden_identity():
    o = CAT.get("chuyen-de-02-kh-bcdtw")
    data = make_template(o, _unit(o), PERIOD, {}, None, o.version, secret=SECRET)
    wb = load_workbook(io.BytesIO(data))
    assert wb[META_SHEET].sheet_state == "veryHidden"
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert len(visible) >= 3 and all(ws.protection.sheet for ws in visible)
    kinds = {dv.type for ws in visible for dv in ws.data_validations.dataValidation}
    assert {"whole", "decimal", "list"} <= kinds
    cells = _cell_map(wb)
    s, c, _ = cells[0]
    assert wb[s][c].protection.locked is False
    assert wb[s]["C3"].protection.locked is True  # the header: locked
    ws = wb[META_SHEET]
    meta = {ws.cell(i, 1).value: ws.cell(i, 2).value for i in range(1, 9)}
    assert (meta["outline"], meta["version"], meta["unit"], meta["period"]) == (o.id, str(o.version), "30904", "12")
    # a choice field of a list: a drop-down of its labels (kept on a very hidden sheet)
    s, c = next((s, c) for s, c, p in cells if p[0] == "l" and p[2:] == ["0", "khoi"])
    dv = next(dv for dv in wb[s].data_validations.dataValidation if c in dv.sqref)
    assert dv.type == "list" and dv.formula1.startswith("'_luachon'!")
    assert wb["_luachon"].sheet_state == "veryHidden" and wb["_luachon"]["A1"].value == "Khối Đảng"


def test_other_unit_period_version_and_unsigned_refused():
    o = CAT.get("tuan-cqdp-2cap")
    data = make_template(o, _unit(o), PERIOD, {}, None, o.version, secret=SECRET)
    with pytest.raises(TemplateRefused, match="đơn vị «Xã Giồng Riềng», không phải đơn vị của bạn"):
        _read(data, o, expect_unit="30907")
    with pytest.raises(TemplateRefused, match="kỳ «Tuần 48/2026», không phải kỳ đang báo cáo"):
        _read(data, o, expect_period=13)
    with pytest.raises(TemplateRefused, match="phiên bản cũ"):
        _read(data, o, expect_outline_version=o.version + 1)
    with pytest.raises(TemplateRefused, match="không phải mẫu do bot tạo"):
        _read(data, o, secret="khoa-khac")
    with pytest.raises(TemplateRefused, match="báo cáo khác"):
        _read(data, CAT.get("kiem-tra-cchc-2025"))
    # the identity edited by hand breaks the signature
    wb = load_workbook(io.BytesIO(data))
    wb[META_SHEET]["B3"] = "30907"
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(TemplateRefused, match="không phải mẫu do bot tạo"):
        _read(buf.getvalue(), o, expect_unit="30907")
    plain = Workbook()
    plain.active["A1"] = 5
    buf = io.BytesIO()
    plain.save(buf)
    with pytest.raises(TemplateRefused, match="không phải mẫu do bot tạo"):
        _read(buf.getvalue(), o)


def test_big_or_not_a_spreadsheet_refused_before_reading(monkeypatch):
    o = CAT.get("tuan-cqdp-2cap")

    def boom(*a, **kw):
        raise AssertionError("openpyxl must not be reached")

    monkeypatch.setattr(template_read, "load_workbook", boom)
    with pytest.raises(TemplateRefused, match="quá giới hạn 20 MB"):
        _read(b"PK\x03\x04" + bytes(20 * 1024 * 1024), o)
    with pytest.raises(TemplateRefused, match="không phải bảng tính Excel"):
        _read(b"%PDF-1.7 not a spreadsheet", o)
    with pytest.raises(TemplateRefused, match="bị hỏng"):
        _read(b"PK\x03\x04garbage", o)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    with pytest.raises(TemplateRefused, match="không phải bảng tính Excel"):
        _read(buf.getvalue(), o)


def test_wrong_cells_reported_with_address_and_example():
    o = CAT.get("tuan-cqdp-2cap")
    data = make_template(o, _unit(o), PERIOD, {}, None, o.version, secret=SECRET)
    wb = load_workbook(io.BytesIO(data))
    cells = _cell_map(wb)
    s1, c1 = next((s, c) for s, c, p in cells if p == ["q", "kl_nv_tong"])
    wb[s1][c1] = "mười hai"
    s2, c2 = next((s, c) for s, c, p in cells if p == ["q", "kl_nv_hoan_thanh"])
    wb[s2][c2] = 5
    lst = next(r.question for r in o.refs if r.question.type == "documents")
    date_field = next(f for f in lst.record_fields if f.type == "date")
    row = {p[3]: (s, c) for s, c, p in cells if p[:3] == ["l", lst.key, "0"]}
    ds, dc = row[date_field.key]
    wb[ds][dc] = "31/2/2026"
    ts, tc = row["trich_yeu"]
    wb[ts][tc] = "Kế hoạch triển khai"
    buf = io.BytesIO()
    wb.save(buf)
    res = _read(buf.getvalue(), o)
    assert res.answers["kl_nv_hoan_thanh"] == 5 and "kl_nv_tong" not in res.answers
    errs = {(e.sheet, e.cell): e for e in res.errors}
    e = errs[(s1, c1)]
    assert "không phải là một số" in e.message and e.example == "12"
    assert "không có thật" in errs[(ds, dc)].message
    missing = [e for e in res.errors if e.message.startswith("Thiếu «")]
    assert missing and all(e.sheet == ds for e in missing)
    text = res.summary()
    assert re.match(r"Đã nhận \d+ ô \(\d+ câu\), \d+ ô lỗi", text)
    assert f"Trang «{s1}», ô {c1}: «mười hai» không phải là một số" in text


def test_formula_read_as_cached_value_never_evaluated():
    o = CAT.get("tuan-cqdp-2cap")
    data = make_template(o, _unit(o), PERIOD, {}, None, o.version, secret=SECRET)
    wb = load_workbook(io.BytesIO(data))
    sheet, coord, _ = next(x for x in _cell_map(wb) if x[2] == ["q", "kl_nv_tong"])
    part = f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == part:
                xml = body.decode()
                formula = f'<c r="{coord}"><f>WEBSERVICE("http://x")+40</f><v>42</v></c>'
                xml, n = re.subn(rf'<c r="{coord}"[^>]*?(/>|>.*?</c>)', formula, xml, count=1)
                assert n == 1
                body = xml.encode()
            z.writestr(info, body)
    res = _read(out.getvalue(), o)
    assert res.answers["kl_nv_tong"] == 42


def test_text_that_looks_like_a_formula_is_neutralised_and_read_back():
    o = CAT.get("tuan-cqdp-2cap")
    key = next(r.key for r in o.refs if r.question.type == "longtext")
    evil = "=cmd|' /C calc'!A0"
    data = make_template(o, _unit(o), PERIOD, {key: evil}, None, o.version, secret=SECRET)
    wb = load_workbook(io.BytesIO(data))
    sheet, coord, _ = next(x for x in _cell_map(wb) if x[2] == ["q", key])
    assert wb[sheet][coord].value == "'" + evil and wb[sheet][coord].data_type == "s"
    assert _read(data, o).answers[key] == evil
