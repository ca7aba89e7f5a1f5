"""Made-up forms and filled copies: a copy with its values written (the labels ask, the values go), a survey
question with its dots on the same line or dotted lines under it, yes/no boxes on a heading over «Nếu có, …», a box
choice sharing a line with a date's blank, and a yes/no question followed by «Nếu đã …, ghi rõ …»."""

from __future__ import annotations

from dialogs.importer.filled_values import filled_asks
from tests.support.importing import imp


def _typed(asks) -> list[tuple[str, str, str | None]]:
    return [(a.prompt, a.type, a.unit) for a in asks]


def _qs(o) -> list[tuple[str, str]]:
    return [(r.question.prompt, r.question.type) for r in o.refs]


def test_a_filled_count_and_its_part_ask_without_their_values() -> None:
    assert _typed(filled_asks("Tổng số lao động có việc làm mới: 215 người, trong đó lao động nữ: 98 người.")) == [
        ("Tổng số lao động có việc làm mới", "integer", "người"), ("Số lao động nữ", "integer", "người")]
    assert _typed(filled_asks("Số ca mắc sốt xuất huyết: 12 ca")) == [("Số ca mắc sốt xuất huyết", "integer", "ca")]
    assert filled_asks("Số hộ dùng nước sạch: …… hộ") == []  # a blank, not a value


def test_a_filled_ratio_is_a_number_and_a_statement_is_the_example() -> None:
    assert _typed(filled_asks("Tỷ lệ giới tính của trẻ mới sinh: 108 trẻ trai/100 trẻ gái")) == [
        ("Tỷ lệ giới tính của trẻ mới sinh", "decimal", "trẻ trai/100 trẻ gái")]
    got = filled_asks("Nhận xét chung: Phong trào thể dục thể thao được duy trì thường xuyên ở các thôn.")
    assert _typed(got) == [("Nhận xét chung", "longtext", None)]
    assert "duy trì thường xuyên" in got[0].help[0]
    assert filled_asks("Đánh giá chung: Nêu rõ những kết quả đạt được và hạn chế trong năm.") == []  # guidance


def test_a_filled_copy_imports_its_labels() -> None:
    o = imp("BÁO CÁO\nTình hình lao động quý II năm 2026\n1. Tổng số lao động được tạo việc làm: 140 người, "
            "trong đó lao động đi làm việc ở nước ngoài: 12 người.\n2. Tỷ số giới tính khi sinh: 110 bé trai/100 bé gái."
            "\n3. Kết luận: Công tác giải quyết việc làm đạt kế hoạch đề ra, thu nhập người lao động tăng.\n")
    assert _qs(o) == [("Tổng số lao động được tạo việc làm", "integer"),
                      ("Số lao động đi làm việc ở nước ngoài", "integer"),
                      ("Tỷ số giới tính khi sinh", "decimal"), ("Kết luận", "longtext")]


def test_survey_dots_after_a_question_and_dotted_lines_under_a_comment() -> None:
    o = imp("PHIẾU HỎI Ý KIẾN\nVề chất lượng nước sinh hoạt năm 2026\n"
            "Câu 1. Gia đình ông/bà dùng nước từ nguồn nào? ………………………………\n"
            "Câu 2. Ông/bà có hài lòng với chất lượng nước không?   □ Có   □ Không\n"
            "Câu 3. Ý kiến đề xuất của ông/bà:\n…………………………………………………………\n…………………………………………………………\n")
    got = dict(_qs(o))
    assert got["Gia đình ông/bà dùng nước từ nguồn nào?"] == "text"  # no dots in the prompt
    assert got["Ý kiến đề xuất của ông/bà"] == "longtext"


def test_yes_no_boxes_on_a_heading_over_its_follow_up() -> None:
    o = imp("PHIẾU KIỂM TRA\n1. Số camera an ninh: ........ cái\n2. Có máy phát điện dự phòng:   Có □   Không □\n"
            "   Nếu có, ghi rõ công suất: ........\n3. Số người trực: ........ người\n")
    got = _qs(o)
    assert ("Có máy phát điện dự phòng", "yesno") in got
    assert any(p.startswith("Nếu có, ghi rõ công suất") for p, _ in got)


def test_a_box_choice_beside_a_dates_blank() -> None:
    o = imp("PHIẾU ĐĂNG KÝ\nHọ và tên: ………………… Đơn vị: …………………\nNgày vào Đảng: ……/……/………    Giới tính: Nam □  Nữ □\n")
    refs = {r.question.prompt: r.question for r in o.refs}
    assert refs["Ngày vào Đảng"].type == "date"
    assert refs["Giới tính"].type == "choice" and [o.label for o in refs["Giới tính"].options] == ["Nam", "Nữ"]


def test_a_yes_no_question_then_what_to_give_if_yes() -> None:
    o = imp("ĐỀ CƯƠNG BÁO CÁO\nCông tác an toàn thực phẩm năm 2026\n"
            "(1) Phường đã thành lập Ban chỉ đạo an toàn thực phẩm chưa? Nếu đã thành lập, ghi rõ số, ngày quyết định.\n"
            "(2) Số cơ sở được kiểm tra.\n(3) Khó khăn, kiến nghị.\n")
    got = _qs(o)
    assert got[0] == ("Phường đã thành lập Ban chỉ đạo an toàn thực phẩm chưa?", "yesno")
    assert got[1][0].startswith("Nếu đã thành lập")
