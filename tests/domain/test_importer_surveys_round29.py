"""Survey questionnaires, round 29 (surveys.py, run_on_surveys.py), each shape on made-up text: a code with only a
space after it, the options on the lines after it going on from line to line (with a code of its own for 'Khác'),
coded items glued onto one line split at the series' next code, a run-on questionnaire whose answer labels come
before their codes, and the interviewer's own fields left out."""

from __future__ import annotations

from dialogs.importer.surveys import split_glued_items
from tests.support.importing import asks_with_options, imp

CODED = """PHIẾU PHỎNG VẤN NGƯỜI CHĂN NUÔI
Ngày phỏng vấn: ……………………
Họ và tên người trả lời: ……………………
I. Thông tin về hộ
B1 Ông năm nay bao nhiêu tuổi? ……………tuổi
B2 Giới tính 1. Nam 2. Nữ
B3 Hộ nuôi loại vật nuôi nào nhiều nhất?
1. Lợn 2. Gà 3. Vịt 4. Bò
5. Trâu 6. Dê 9. Khác (ghi rõ)……
B4 Năm qua đàn vật nuôi có bị dịch bệnh không?
1. Có 2. Không (2→B6)
B5 Nguồn nước cho vật nuôi uống là gì?
1. Nước giếng 2. Nước máy
3. Nước sông, suối
4. Nước mưa 98. Không biết
B6 Hộ bán vật nuôi ở đâu? 1. Thương lái 2. Chợ B7 Chuồng trại có được khử trùng không? 1. Có 2. Không B8 Diện tích chuồng: ……m2 B9 Số lần tiêm phòng trong năm qua: ……lần
"""


def _asks() -> dict[str, tuple[str, list[str]]]:
    return {p: (t, o) for p, t, o in asks_with_options(CODED)}


def test_a_code_with_a_space_after_it_is_an_item_and_its_options_go_on_over_lines() -> None:
    got = _asks()
    assert got["Hộ nuôi loại vật nuôi nào nhiều nhất?"] == (
        "choice", ["Lợn", "Gà", "Vịt", "Bò", "Trâu", "Dê", "Khác"])
    assert got["Nguồn nước cho vật nuôi uống là gì?"] == (
        "choice", ["Nước giếng", "Nước máy", "Nước sông, suối", "Nước mưa", "Không biết"])
    assert got["Giới tính"] == ("choice", ["Nam", "Nữ"])  # (options after a label with no colon)
    assert got["Ông năm nay bao nhiêu tuổi?"][0] == "integer"


def test_yes_no_options_with_routing_make_a_yes_no_question() -> None:
    assert _asks()["Năm qua đàn vật nuôi có bị dịch bệnh không?"][0] == "yesno"


def test_no_option_line_becomes_a_section_or_a_question_of_its_own() -> None:
    o = imp(CODED, "phieu.txt")
    prompts = [r.question.prompt for r in o.refs]
    assert not any(p.startswith(("Trâu", "Lợn", "Nước", "Nước mưa")) for p in prompts), prompts
    assert [s.title for s in o.sections if s.no] == ["Thông tin về hộ"]


def test_coded_items_glued_on_one_line_are_split_at_the_next_code() -> None:
    got = _asks()
    assert got["Hộ bán vật nuôi ở đâu?"] == ("choice", ["Thương lái", "Chợ"])
    assert got["Chuồng trại có được khử trùng không?"][0] == "yesno"
    assert "Diện tích chuồng" in got and "Số lần tiêm phòng trong năm qua" in got
    assert got["Số lần tiêm phòng trong năm qua"][0] == "integer"


def test_only_the_next_code_of_the_series_splits_a_line() -> None:
    seq = ["C1 Hộ có vay vốn không?", "C2 Vay ở đâu? 1. Ngân hàng C5 2. Người thân C3 Số tiền vay: …… đồng"]
    assert split_glued_items(seq) == [
        "C1 Hộ có vay vốn không?", "C2 Vay ở đâu? 1. Ngân hàng C5 2. Người thân", "C3 Số tiền vay: …… đồng"]
    assert split_glued_items(["Xem mục A2 Điều kiện ở phụ lục"]) == ["Xem mục A2 Điều kiện ở phụ lục"]
    numbered = ["Câu 1: Hộ có mấy người?", "Câu 2: Hộ có mấy con? 3 Người Câu 3: Nhà ở của hộ là loại gì?"]
    assert split_glued_items(numbered) == [
        "Câu 1: Hộ có mấy người?", "Câu 2: Hộ có mấy con? 3 Người", "Câu 3: Nhà ở của hộ là loại gì?"]


RUN_ON = (
    "PHIẾU KHẢO SÁT NGƯỜI TIÊU DÙNG NƯỚC GIẢI KHÁT Số thứ tự :__________ Họ tên người trả lời :______________ "
    "Địa chỉ:____________________ Ngày phỏng vấn:______________ Họ tên người phỏng vấn :____________ "
    "Số TT NPV:__________ Khu vực (2) Thành phố Đà Nẵng Tỉnh Quảng Nam Tỉnh Quảng Ngãi 1 2 3 "
    "Xin chào, tôi là người phỏng vấn của công ty, mong anh chị cho biết ý kiến về những vấn đề sau đây. "
    "A. Anh chị có làm việc trong những ngành sau đây không ? Báo chí Quảng cáo Sản xuất nước ngọt Bán lẻ "
    "1 2 3 4 Ngừng phỏng vấn Ngừng phỏng vấn B. Nhóm tuổi Dưới 20 tuổi 20-29 30-39 Từ 40 tuổi trở lên (3) "
    "1 2 3 4 Ngừng phỏng vấn C. Nghề nghiệp hiện nay (4) Trang 1/5 Phiếu khảo sát D. Mỗi tuần anh chị uống "
    "nước ngọt mấy lần?"
)


def test_a_run_on_questionnaire_with_labels_before_their_codes() -> None:
    got = {p: (t, o) for p, t, o in asks_with_options(RUN_ON)}
    assert got["Khu vực"] == ("choice", ["Thành phố Đà Nẵng", "Tỉnh Quảng Nam", "Tỉnh Quảng Ngãi"])
    assert got["Anh chị có làm việc trong những ngành sau đây không?"] == (
        "multichoice", ["Báo chí", "Quảng cáo", "Sản xuất nước ngọt", "Bán lẻ"])
    assert got["Nhóm tuổi"] == ("choice", ["Dưới 20 tuổi", "20-29", "30-39", "Từ 40 tuổi trở lên"])
    assert got["Nghề nghiệp hiện nay"][0] == "text"
    assert got["Mỗi tuần anh chị uống nước ngọt mấy lần?"][0] == "integer"
    assert "Họ tên người trả lời" in got and got["Ngày phỏng vấn"][0] == "date"


def test_the_interviewers_own_fields_are_no_asks_and_are_said() -> None:
    from dialogs.importer import import_document

    result = import_document(RUN_ON.encode("utf-8"), "phieu.txt")
    got = {p for p, _, _ in asks_with_options(RUN_ON)}
    assert not got & {"Họ tên người phỏng vấn", "Số TT NPV", "Số thứ tự"}
    assert "người phỏng vấn tự ghi" in result.yaml


def test_a_form_about_the_interviewer_keeps_the_interviewers_fields() -> None:
    text = """PHIẾU GIÁM SÁT PHỎNG VẤN
Tên điều tra viên: ……………………
Tên giám sát viên: ……………………
1. ĐTV có giới thiệu mục đích cuộc phỏng vấn không?
2. ĐTV có hỏi đủ các câu của phiếu không?
"""
    got = {p for p, _, _ in asks_with_options(text)}
    assert {"Tên điều tra viên", "Tên giám sát viên"} <= got, got
