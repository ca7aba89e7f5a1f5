"""Who answers a Party document (review r26 M): the chi bộ or đảng ủy it is sent to, never the default xã, phường,
đặc khu. Made-up documents."""

from __future__ import annotations

from dialogs.importer import import_document

HEAD = """ĐẢNG BỘ XÃ AN THẠNH
ĐẢNG ỦY XÃ
*
ĐẢNG CỘNG SẢN VIỆT NAM
Số 07-CV/ĐU
V/v báo cáo công tác phát triển đảng viên năm 2026
Kính gửi: {to}
Đề nghị báo cáo các nội dung sau:
1. Số quần chúng ưu tú được giới thiệu: …… người
2. Số đảng viên mới được kết nạp: …… đồng chí
3. Khó khăn, vướng mắc và đề xuất.
"""


def _data(to: str) -> dict:
    return import_document(HEAD.format(to=to).encode(), "mau.txt").data


def test_sent_to_the_chi_bo_is_answered_by_them() -> None:
    data = _data("Các chi bộ trực thuộc.")
    assert data["layout"] == "party"
    assert data["respondents"] == ["khac"]


def test_sent_to_the_dang_uy_of_the_communes() -> None:
    assert _data("Đảng ủy các xã, thị trấn.")["respondents"] == ["dang_uy"]


def test_state_units_named_stay_the_answer() -> None:
    assert _data("Ủy ban nhân dân các xã, phường.")["respondents"] == ["xa", "phuong", "dac_khu"]


def test_state_document_mentioning_chi_bo_keeps_its_default() -> None:
    text = """ỦY BAN NHÂN DÂN XÃ AN THẠNH
BÁO CÁO
Tình hình xây dựng nông thôn mới năm 2026
1. Số thôn đạt chuẩn nông thôn mới: …… thôn
2. Vai trò của các chi bộ thôn trong vận động nhân dân.
"""
    data = import_document(text.encode(), "mau.txt").data
    assert data["layout"] == "state"
    assert data["respondents"] == ["xa", "phuong", "dac_khu"]
