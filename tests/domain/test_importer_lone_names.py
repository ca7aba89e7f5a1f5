"""Made-up documents: a person's name field whose blank the copy lost ('Họ và tên người khai (ghi bằng chữ in hoa)'
alone between two fields that kept their blanks) is asked as a text field, its complete note its help and a note the
copy cut off left out; a 'Họ và tên' header cell of a flattened table is no field."""

from __future__ import annotations

from dialogs.importer.lone_names import lone_names, sex_boxes
from tests.support.importing import imp

HEAD = "ĐƠN XIN XÁC NHẬN\nKính gửi: Ủy ban nhân dân phường ……………\n"


def test_a_lone_name_field_between_two_blanks_is_asked() -> None:
    o = imp(HEAD + "Họ và tên người khai (ghi bằng chữ in hoa)\nNơi cư trú: ………………\nLý do xin xác nhận: ………\n")
    asked = {r.question.prompt: r.question for r in o.refs}
    assert asked["Họ và tên người khai"].type == "text"
    assert "Nơi cư trú" in asked
    cut = imp(HEAD + "Họ và tên người khai (trường hợp khai thay phải\nNơi cư trú: ………………\n")
    assert "Họ và tên người khai" in {r.question.prompt for r in cut.refs}


def test_a_name_header_cell_is_no_field() -> None:
    seq = ["STT", "Họ và tên", "Chức vụ", "1", "Nguyễn Văn A"]
    assert lone_names(seq) == seq
    after_prose = ["Đề nghị các đơn vị gửi danh sách.", "Họ và tên người liên hệ", "Số điện thoại: ………"]
    assert lone_names(after_prose) == after_prose  # no blank above it: not among a form's fields


def test_unlabelled_sex_boxes_are_the_persons_sex() -> None:
    o = imp("PHIẾU KHÁM SỨC KHỎE\nHọ và tên ……………………Nam □ Nữ □ Ngày sinh: ……../……../………\nLớp: ………………\n")
    asked = {r.question.prompt: r.question for r in o.refs}
    assert asked["Giới tính"].type == "choice"
    assert [c.label for c in asked["Giới tính"].options] == ["Nam", "Nữ"]
    assert "Ngày sinh" in asked and "Lớp" in asked
    labelled = ["Giới tính: Nam □ Nữ □", "Nam: ……… Nữ: ………"]  # labelled already; counts of each, no boxes
    assert sex_boxes(labelled) == labelled


def test_a_lone_code_field_beside_a_blank_gets_its_blank_back() -> None:
    o = imp("PHIẾU THU THẬP THÔNG TIN HỘ\nTên chủ hộ: ……………………\n\nMã hộ gia đình\n\nTHÔNG TIN VỀ NHÀ Ở\n"
            "1. Diện tích nhà ở: ……… m2\n")
    assert o.refs[0].question.prompt in ("Tên chủ hộ",) and "Mã hộ gia đình" in {r.question.prompt for r in o.refs}
    bare = ["Đơn vị tính: người", "Mã số", "Số người đi làm việc: ……"]  # a Biểu's code column: no field
    assert lone_names(bare) == bare
