"""Who issues a scope's report (issue 20): defaults from the unit data, Nghị định 30 dates, the settings stored per
scope and set by `baocao issuer` and by an administrator's /coquan, and the .docx header, signature and "Nơi
nhận" they produce."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from io import BytesIO

import pytest
from docx import Document

from dialogs.issuer import (
    IssuerError,
    apply_changes,
    date_line,
    default_issuer,
    is_party_body,
    nd30_day,
    parse_lines,
)
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.harness import Harness


@pytest.mark.parametrize(("on", "text"), [(date(2026, 3, 6), "06 tháng 3 năm 2026"), (date(2026, 1, 15), "15 tháng 01 năm 2026"),
                                          (date(2026, 2, 9), "09 tháng 02 năm 2026"), (date(2026, 12, 31), "31 tháng 12 năm 2026"),
                                          (date(2026, 10, 10), "10 tháng 10 năm 2026")])
def test_dates_follow_nghi_dinh_30(on, text):
    assert nd30_day(on) == text
    assert date_line("An Giang", on) == f"An Giang, ngày {text}"


def test_defaults_from_the_unit_data():
    p = default_issuer("Tỉnh An Giang", "tinh", "91")
    assert (p.name, p.place, p.number_line(), p.layout) == ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "An Giang", "Số:      /BC-UBND", "state")
    assert p.authority == ("TM. ỦY BAN NHÂN DÂN",) and p.title == "CHỦ TỊCH"
    hn = default_issuer("Thành phố Hà Nội", "thanh_pho", "01")
    assert hn.name == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" and hn.place == "Hà Nội"
    xa = default_issuer("Xã Mỹ Hòa Hưng", "xa", "30337", "Tỉnh An Giang")
    assert xa.name == "ỦY BAN NHÂN DÂN XÃ MỸ HÒA HƯNG" and xa.place == "Mỹ Hòa Hưng" and xa.parent is None
    bnv = default_issuer("Bộ Nội vụ", "bo", "BNV")
    assert bnv.name == "BỘ NỘI VỤ" and bnv.number_line() == "Số:      /BC-BNV" and bnv.place == "Hà Nội"
    tu = default_issuer("Tỉnh ủy An Giang", "tinh_uy", "TU91", "Tỉnh An Giang")
    assert tu.layout == "party" and tu.number_line() == "Số      -BC/TU" and tu.place == "An Giang"
    assert is_party_body("Ban Tổ chức Tỉnh ủy") and is_party_body("Đảng ủy xã A") and not is_party_body("Sở Nội vụ")


def test_recipients_no_nhu_tren_without_kinh_gui():
    p = default_issuer("Tỉnh An Giang", "tinh", "91")
    assert p.recipient_lines() == ["- Lưu: VT, VP."]
    q = apply_changes(p, {"recipients": "Văn phòng Chính phủ; Bộ Nội vụ", "archive": "NC"})
    assert q.recipient_lines() == ["- Văn phòng Chính phủ;", "- Bộ Nội vụ;", "- Lưu: VT, NC."]
    r = apply_changes(q, {"addressee": "Bộ Nội vụ"})
    assert r.recipient_lines()[0] == "- Như trên;"


def test_typed_changes_are_checked():
    p = default_issuer("Tỉnh An Giang", "tinh", "91")
    ch = parse_lines("Người ký: Nguyễn Văn An\nchuc vu: phó chủ tịch\nthẩm quyền: TM. Ủy ban nhân dân; KT. Chủ tịch")
    q = apply_changes(p, ch)
    assert (q.signer, q.title, q.authority) == ("Nguyễn Văn An", "PHÓ CHỦ TỊCH", ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"))
    with pytest.raises(IssuerError, match="TM., KT., Q., TL. hoặc TUQ."):
        apply_changes(p, {"authority": "Thay mặt"})
    with pytest.raises(IssuerError, match="Không có mục «chữ ký»"):
        parse_lines("chữ ký: x")
    assert apply_changes(p, {"name": "Tỉnh ủy An Giang"}).layout == "party"  # a Party body: the Party layout


def _docx_for(issuer, on=date(2026, 3, 6)):
    from exports import build_report
    from tests.support.print_sample import CAT, sample

    return Document(BytesIO(build_report(sample(CAT.get("so-ket-1-nam-2-cap")), issuer=issuer, on=on).docx))


def test_docx_header_signature_and_recipients_from_the_issuer():
    p = apply_changes(default_issuer("Tỉnh An Giang", "tinh", "91"),
                      {"authority": "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH", "title": "Phó Chủ tịch", "signer": "Nguyễn Văn An",
                       "recipients": "Bộ Nội vụ", "archive": "NC"})
    d = _docx_for(p)  # a Party committee's outline, issued by a People's Committee: the state layout
    head = d.tables[0].rows[0].cells
    assert [x.text for x in head[0].paragraphs if x.text] == ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số:      /BC-UBND"]
    right = [x.text for x in head[1].paragraphs if x.text]
    assert right[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and "ĐẢNG CỘNG SẢN VIỆT NAM" not in right
    assert right[-1] == "An Giang, ngày 06 tháng 3 năm 2026"
    sig = next(t for t in d.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    left = [x.text for x in sig.rows[0].cells[0].paragraphs]
    assert left == ["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, NC."]
    block = [x.text for x in sig.rows[0].cells[1].paragraphs if x.text]
    assert block == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    text = "\n".join(x.text for x in d.paragraphs)
    assert "THỦ TRƯỞNG CƠ QUAN" not in text and "(Ký, ghi rõ họ tên" not in text and "Như trên" not in text
    # the annexes come after the signature, each titled and tied to the report
    body = list(d.element.body.iterchildren())
    assert body.index(sig._tbl) < body.index(next(x._p for x in d.paragraphs if x.text == "Phụ lục I"))
    assert "(Kèm theo Báo cáo số       /BC-UBND ngày 06 tháng 3 năm 2026)" in text
    party = _docx_for(default_issuer("Tỉnh ủy An Giang", "tinh_uy", "TU"))
    assert party.tables[0].rows[0].cells[1].paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert "Số      -BC/TU" in [x.text for x in party.tables[0].rows[0].cells[0].paragraphs]


async def test_cli_issuer_show_set_reset_and_export_uses_it(db, db_url, monkeypatch, capsys, tmp_path):
    from bot.cli import main
    from bot.config import get_settings

    await import_units(db, DATA / "vn_units_2025.csv")
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        run = lambda *a: asyncio.to_thread(main, list(a))  # noqa: E731
        assert await run("issuer", "show", "91", "--json") == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["name"] == "ỦY BAN NHÂN DÂN TỈNH AN GIANG" and shown["place"] == "An Giang" and not shown["stored"]
        assert shown["gaps"] == ["họ tên người ký (đang để dòng chấm)"]
        assert await run("issuer", "show", "91") == 0
        assert '  baocao issuer set 91 --signer "' in capsys.readouterr().out  # what to type, said plainly
        assert await run("issuer", "set", "91", "--signer", "Nguyễn Văn An", "--title", "PHÓ CHỦ TỊCH",
                         "--authority", "TM. ỦY BAN NHÂN DÂN", "--authority", "KT. CHỦ TỊCH", "--recipient", "Bộ Nội vụ",
                         "--json") == 0
        set_ = json.loads(capsys.readouterr().out)
        assert set_["stored"] and set_["signer"] == "Nguyễn Văn An" and set_["authority"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
        assert await run("issuer", "set", "91", "--authority", "thay mặt") == 2
        assert "TM., KT." in capsys.readouterr().err
        assert await run("issuer", "show", "KHONGCO") == 2
        assert "baocao units find" in capsys.readouterr().err
        async with db.read_session() as s:
            got = await Repo(s).issuers.issuer_for("91", default_issuer("x", "khac"))
        assert got.signer == "Nguyễn Văn An" and got.title == "PHÓ CHỦ TỊCH"
        assert await run("issuer", "reset", "91", "--json") == 0
        assert json.loads(capsys.readouterr().out)["signer"] == ""
    finally:
        get_settings.cache_clear()


async def test_admin_sets_the_issuer_in_chat(db, db_url):
    await import_units(db, DATA / "vn_units_2025.csv")
    h = await Harness(db, db_url).start()
    admin = h.user(900, "Quản trị")
    out = await h.say(admin, "/coquan 91")
    assert "ỦY BAN NHÂN DÂN TỈNH AN GIANG" in out[0] and "mặc định theo dữ liệu đơn vị" in out[0]
    out = await h.say(admin, "/coquan 91\nngười ký: Trần Thị Bình\nchức vụ: chủ tịch\nnơi nhận: Bộ Nội vụ; Văn phòng Chính phủ")
    assert out[0].startswith("✅ Đã lưu") and "Người ký: Trần Thị Bình" in out[0] and "- Văn phòng Chính phủ;" in out[0]
    async with db.read_session() as s:
        got = await Repo(s).issuers.issuer_for("91", default_issuer("x", "khac"))
    assert got.signer == "Trần Thị Bình" and got.recipients == ("Bộ Nội vụ", "Văn phòng Chính phủ")
    out = await h.say(admin, "/coquan 91\nchữ ký: x")
    assert out[0].startswith("❗") and "người ký: Nguyễn Văn An" in out[0]  # says what to type instead
    out = await h.say(admin, "/coquan 99999")
    assert "Không có đơn vị mã «99999»" in out[0]
    out = await h.say(admin, "/coquan 91 mặc định")
    assert "Đã trả về mặc định" in out[0] and "Người ký: (chưa có" in out[0]
    out = await h.say(h.user(901, "Người thường"), "/coquan 91\nngười ký: Kẻ lạ")
    assert "dành cho quản trị viên" in out[0]
    async with db.read_session() as s:
        assert not await Repo(s).issuers.issuer_is_set("91")


def test_party_authority_forms_are_kept():
    tu = default_issuer("Tỉnh ủy An Giang", "tinh_uy", "TU")
    assert tu.authority == ("T/M BAN THƯỜNG VỤ",)
    assert apply_changes(tu, {"authority": "T/M Ban Thường vụ; K/T Bí thư"}).authority == ("T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ")


def test_issuer_from_the_org_name_setting():
    from dialogs.issuer import issuer_from_name

    bnv = issuer_from_name("Bộ Nội vụ")
    assert (bnv.name, bnv.number_line(), bnv.title, bnv.layout) == ("BỘ NỘI VỤ", "Số:      /BC-BNV", "BỘ TRƯỞNG", "state")
    tu = issuer_from_name("Tỉnh ủy An Giang", place="An Giang")
    assert tu.layout == "party" and tu.number_line() == "Số      -BC/TU" and tu.place == "An Giang"
    assert issuer_from_name("ỦY BAN NHÂN DÂN TỈNH AN GIANG", place="An Giang").authority == ("TM. ỦY BAN NHÂN DÂN",)


def test_defaults_follow_the_issuing_body():
    """Nghị định 30 for state bodies, Hướng dẫn 36-HD/VPTW for the Party: who signs, with which title, and where
    the copy is kept, from the unit's kind and name."""
    xa = default_issuer("Xã Phú Hòa", "xa", "30337", "Tỉnh An Giang")
    assert (xa.authority, xa.title, xa.recipient_lines()) == (("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH", ["- Lưu: VT, VP."])
    assert default_issuer("Bộ Y tế", "bo", "BYT").title == "BỘ TRƯỞNG"
    assert default_issuer("Ngân hàng Nhà nước Việt Nam", "co_quan_ngang_bo", "NHNN").title == "THỐNG ĐỐC"
    assert default_issuer("Thanh tra Chính phủ", "co_quan_ngang_bo", "TTCP").title == "TỔNG THANH TRA"
    tu = default_issuer("Tỉnh ủy An Giang", "tinh_uy", "TU91", "Tỉnh An Giang")
    assert (tu.authority, tu.title, tu.recipient_lines()) == (("T/M BAN THƯỜNG VỤ",), "BÍ THƯ", ["- Lưu Văn phòng Tỉnh ủy."])
    du = default_issuer("Đảng ủy xã Phú Hòa", "dang_uy", "", "Xã Phú Hòa")
    assert (du.place, du.number_line(), du.recipient_lines()) == ("Phú Hòa", "Số      -BC/ĐU", ["- Lưu Văn phòng Đảng ủy."])
    btc = default_issuer("Ban Tổ chức Tỉnh ủy An Giang", "co_quan_dang", "", "Tỉnh ủy An Giang")
    assert (btc.parent, btc.name, btc.number_line(), btc.title, btc.place) == (
        "TỈNH ỦY AN GIANG", "BAN TỔ CHỨC", "Số      -BC/BTCTU", "TRƯỞNG BAN", "An Giang")
    so = default_issuer("Sở Nội vụ tỉnh An Giang", "so_nganh", "9101", "Tỉnh An Giang")
    assert (so.parent, so.number_line(), so.title) == ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Số:      /BC-SNV", "GIÁM ĐỐC")
    bnv = default_issuer("Bộ Nội vụ", "bo", "BNV")
    assert bnv.archive is None and bnv.recipient_lines() == ["- Lưu: VT, ………."]  # the drafting Vụ: not known
    assert apply_changes(bnv, parse_lines("đơn vị soạn thảo: Vụ CQĐP")).recipient_lines() == ["- Lưu: VT, Vụ CQĐP."]


def test_an_unset_signer_leaves_a_dotted_line_to_sign_on():
    from dialogs.issuer import DOTS

    d = _docx_for(default_issuer("Tỉnh An Giang", "tinh", "91"))
    sig = next(t for t in d.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    block = [x.text for x in sig.rows[0].cells[1].paragraphs if x.text]
    assert block == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", DOTS] and set(DOTS) == {"…"}
    assert [x.text for x in sig.rows[0].cells[0].paragraphs][-1] == "- Lưu: VT, VP."
    text = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert "Ký, ghi rõ họ tên" not in text and "THỦ TRƯỞNG" not in text


def test_what_is_still_blank_is_said_with_the_exact_command():
    from dialogs.issuer import gaps_notice, issuer_from_name

    placeholder = issuer_from_name("ỦY BAN NHÂN DÂN TỈNH")  # the ORG_NAME default
    cli = gaps_notice(placeholder, None, chat=False)
    assert "tên cơ quan ban hành (đang in «ỦY BAN NHÂN DÂN TỈNH»" in cli and "họ tên người ký" in cli
    assert "baocao issuer set '*' --name \"ỦY BAN NHÂN DÂN TỈNH AN GIANG\" --place \"An Giang\" --signer" in cli
    chat = gaps_notice(placeholder, None, chat=True)
    assert "/coquan\ntên: ỦY BAN NHÂN DÂN TỈNH AN GIANG\nđịa danh: An Giang\nngười ký: " in chat
    named = issuer_from_name("ỦY BAN NHÂN DÂN TỈNH AN GIANG", place="An Giang")
    assert "tên cơ quan" not in gaps_notice(named, None, chat=False)  # ORG_NAME set to a real body
    signed = apply_changes(default_issuer("Tỉnh An Giang", "tinh", "91"), {"signer": "Nguyễn Văn An"})
    assert gaps_notice(signed, "91", chat=True) is None


async def test_the_all_units_report_takes_its_issuer_from_the_unit_data(db):
    from dialogs.issuer import issuer_from_name

    await import_units(db, DATA / "vn_units_2025.csv")  # 34 provinces, no single root
    fallback = issuer_from_name("ỦY BAN NHÂN DÂN TỈNH")
    async with db.session() as s:
        repo = Repo(s)
        assert (await repo.issuers.issuer_for(None, fallback)).from_settings  # nothing in the data names one body
        own = await repo.issuers.issuer_for(None, fallback, own_unit="91")  # the asking supervisor's province
        assert own.name == "ỦY BAN NHÂN DÂN TỈNH AN GIANG" and own.place == "An Giang" and not own.from_settings
        acc = await repo.accounts.ensure_account(4242, "Giám sát")
        acc.role, acc.unit_id = "supervisor", (await repo.units.unit_by_code("91")).id
        await s.flush()
        assert await repo.issuers.own_unit_code(acc) == "91"
        assert await repo.issuers.notice_once(acc.id, "issuer:*") and not await repo.issuers.notice_once(acc.id, "issuer:*")
        await repo.issuers.set_issuer(None, apply_changes(own, {"signer": "Trần Văn Bình"}))
        assert (await repo.issuers.issuer_for(None, fallback)).signer == "Trần Văn Bình"  # what was set for "*" wins
