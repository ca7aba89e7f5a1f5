"""Asks in the right section but of another type (issue 21, session 25, helper i25d): the signal on the page that
decides the type, each on made-up text in several wordings, with a line it must not change."""

from __future__ import annotations

from dialogs.importer.ask_types import guess_type
from dialogs.importer.field_lines import boxes_after
from dialogs.importer.questions import asks_from_text
from dialogs.importer.surveys import _options
from tests.support.importing import imp, prompts

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"


def _one(text: str) -> tuple[str, str, list[str] | None, list[str]]:
    asks = asks_from_text(text)
    assert len(asks) == 1, asks
    return asks[0].prompt, asks[0].type, asks[0].options, asks[0].help


# --- options written each before its box: 'A □ B □', 'A [ ] B [ ]' ------------------------------------------------


def test_options_each_before_a_box_make_a_choice() -> None:
    prompt, typ, opts, help_ = _one("Hình thức kiểm tra: Kiểm tra định kỳ □ Kiểm tra đột xuất □")
    assert (prompt, typ, opts) == ("Hình thức kiểm tra", "choice", ["Kiểm tra định kỳ", "Kiểm tra đột xuất"])
    assert help_ == ["Kiểm tra định kỳ / Kiểm tra đột xuất"]  # phrases: written in the help too
    prompt, typ, opts, _ = _one("Tình trạng hồ sơ: Đã nộp [ ] Đang bổ sung [ ] Chưa nộp [ ]")
    assert (prompt, typ, opts) == ("Tình trạng hồ sơ", "choice", ["Đã nộp", "Đang bổ sung", "Chưa nộp"])
    prompt, typ, opts, help_ = _one("- Nơi ở: Thành thị ☐ Nông thôn ☐")
    assert (prompt, typ, opts, help_) == ("Nơi ở", "choice", ["Thành thị", "Nông thôn"], ["Thành thị / Nông thôn"])
    assert boxes_after("Xếp loại: Tốt ☐ Khá ☐ Đạt ☐ Yếu ☐")[0].help == []  # single words: the options say it all


def test_yes_and_no_before_their_boxes_stay_a_yes_no() -> None:
    assert boxes_after("Có tổ chức tập huấn: Có [ ] Không [ ]")[0].type == "yesno"


def test_boxes_after_leaves_other_lines_alone() -> None:
    assert boxes_after("Họ và tên: …… Chức vụ: ……") == []
    assert boxes_after("Số phòng học: …… phòng □") == []  # one box: ticked or not, no options
    assert boxes_after("Đã thành lập [ ] Chưa thành lập [ ]") == []  # no label before them
    assert boxes_after("Kết quả: Tốt (đạt trên mười tiêu chí của bộ tiêu chí đánh giá chất lượng năm nay) □ Khác □") == []


# --- a label over a line of boxes --------------------------------------------------------------------------------


def test_a_label_over_its_boxes_is_the_question_they_answer() -> None:
    o = imp(
        MOTTO + "PHIẾU TỰ ĐÁNH GIÁ CỦA ĐƠN VỊ\n1. Tên đơn vị: ……………\n2. Ban chỉ đạo của đơn vị:\n"
        "Đã kiện toàn [ ] Chưa kiện toàn [ ]\n3. Số cán bộ: …… người\nI. CÔNG TÁC BÁO CÁO\n"
        "1.1. Gửi báo cáo định kỳ về Sở Nội vụ:\nCó [ ] Không [ ]\n1.2. Gửi báo cáo đột xuất về Sở Nội vụ:\n"
        "□ Có □ Không\n"
    )
    got = prompts(o)
    assert got["Ban chỉ đạo của đơn vị"][1] == "choice"
    q = next(r.question for r in o.refs if r.question.prompt == "Ban chỉ đạo của đơn vị")
    assert [x.label for x in q.options] == ["Đã kiện toàn", "Chưa kiện toàn"]
    assert got["Gửi báo cáo định kỳ về Sở Nội vụ"][1] == "yesno"
    assert got["Gửi báo cáo đột xuất về Sở Nội vụ"][1] == "yesno"
    assert not any("[ ]" in p for p in got)


def test_a_heading_over_a_labelled_line_of_boxes_keeps_that_line() -> None:
    """'Kết luận:' over 'Được xét tốt nghiệp: Có □ Không □': the boxes answer the line's own label."""
    o = imp(MOTTO + "PHIẾU NHẬN XÉT\nNhận xét chung: ……………\nKết luận của hội đồng:\nĐược xét tốt nghiệp: Có □ Không □\n")
    assert prompts(o)["Được xét tốt nghiệp"][1] == "yesno"
    assert "Kết luận của hội đồng" not in prompts(o)


# --- a date whose blanks the copy lost ----------------------------------------------------------------------------


def test_date_words_with_a_year_or_its_start_are_a_date() -> None:
    assert guess_type("Ngày tháng năm 2019")[0] == "date"
    assert guess_type("ngày, tháng, năm 20")[0] == "date"
    assert guess_type("Ngày tháng năm")[0] == "date"
    assert guess_type("Ngày tháng năm 2019 ông được khen thưởng vì thành tích xuất sắc")[0] != "date"


def test_a_label_over_date_words_is_a_date() -> None:
    assert _one("Thời gian kiểm tra: Ngày tháng năm 20")[:2] == ("Thời gian kiểm tra", "date")
    assert _one("- Ngày lập biên bản: ngày tháng năm 2023.")[:2] == ("Ngày lập biên bản", "date")
    assert _one("Thời điểm đánh giá: Ngày tháng năm")[:2] == ("Thời điểm đánh giá", "date")
    assert asks_from_text("Nội dung: ngày hội văn hóa tháng ba")[0].type != "date"


# --- a house number is an identifier, not a count ------------------------------------------------------------------


def test_a_house_number_is_a_line_of_text() -> None:
    assert [(a.prompt, a.type) for a in asks_from_text("Số nhà: …… Phường (xã): ……")][0] == ("Số nhà", "text")
    assert _one("Số nhà, đường phố: ……")[:2] == ("Số nhà, đường phố", "text")
    assert guess_type("Số nhà văn hóa thôn")[0] == "integer"  # houses counted
    assert guess_type("Số nhà ở được hỗ trợ xây mới")[0] == "integer"


# --- a note between a label's colon and its blank ------------------------------------------------------------------


def test_a_note_before_the_blank_belongs_to_the_label() -> None:
    assert _one("Được phép cải tạo công trình: (tên công trình)……………")[:2] == (
        "Được phép cải tạo công trình (tên công trình)",
        "text",
    )
    assert _one("Cơ quan cấp: (ghi tên đầy đủ) ……………")[:2] == ("Cơ quan cấp (ghi tên đầy đủ)", "text")
    assert _one("Số hộ được hỗ trợ: (ghi bằng số) ……")[1] == "integer"
    assert _one("Được phép xây dựng công trình: (tên công trình)")[1] != "text"  # no blank: no field


# --- unmarked option lines under a question put to the respondent ---------------------------------------------------

SURVEY = (
    "PHIẾU KHẢO SÁT NGƯỜI DÂN\n\n1. Ông/bà thường đến chợ bằng phương tiện gì?\n\nĐi bộ\nXe đạp\n"
    "Xe máy của gia đình\nXe buýt (hoặc xe đưa đón)\n\n2. Ông/bà đến chợ bao nhiêu lần mỗi tuần?\n\n"
    "3. Ông/bà hài lòng với chợ ở mức nào?\nRất hài lòng\nHài lòng\nChưa hài lòng\n"
)


def test_short_lines_under_a_question_to_the_respondent_are_its_options() -> None:
    o = imp(SURVEY)
    by = {r.question.prompt: r.question for r in o.refs}
    q1 = by["Ông/bà thường đến chợ bằng phương tiện gì?"]
    assert q1.type == "choice"
    assert [x.label for x in q1.options] == ["Đi bộ", "Xe đạp", "Xe máy của gia đình", "Xe buýt (hoặc xe đưa đón)"]
    assert by["Ông/bà hài lòng với chợ ở mức nào?"].type == "choice"
    assert by["Ông/bà đến chợ bao nhiêu lần mỗi tuần?"].type == "integer"
    assert "Đi bộ" not in by


def test_short_lines_under_other_questions_are_no_options() -> None:
    """Not put to a respondent ('Kết quả … như thế nào?'); or the lines below are sentences, or only two."""
    lines = ["", "Thuận lợi", "Khó khăn", "Đề xuất giải pháp", ""]
    assert _options(lines, 0, "Kết quả triển khai kế hoạch năm như thế nào?") == ([], 0)
    assert _options(lines, 0, "Ông/bà thấy kế hoạch năm thế nào?")[0] == ["Thuận lợi", "Khó khăn", "Đề xuất giải pháp"]
    told = ["Ông/bà đã được hướng dẫn thủ tục.", "Cán bộ tiếp nhận hồ sơ:", "Thời gian chờ"]
    assert _options(told, 0, "Ông/bà thấy thế nào?") == ([], 0)
    assert _options(["Có", "Không", ""], 0, "Anh/chị có ý kiến gì?") == ([], 0)


# --- a heading that rates on numbers over the things to rate --------------------------------------------------------


def test_things_under_a_numbered_scale_are_each_a_choice_of_its_numbers() -> None:
    o = imp(
        "PHIẾU Ý KIẾN\n\n1. Trên thang điểm từ 1 đến 5, ông/bà hãy chấm các mặt sau của dịch vụ.\n\n"
        "1\n\n2\n\n3\n\n4\n\n5\n\nThái độ của cán bộ\n\nThời gian giải quyết\n\nCơ sở vật chất\n\n"
        "2. Ý kiến khác của ông/bà: ……\n"
    )
    by = {r.question.prompt: r.question for r in o.refs}
    for p in ("Thái độ của cán bộ", "Thời gian giải quyết", "Cơ sở vật chất"):
        assert by[p].type == "choice", p
        assert [x.label for x in by[p].options] == ["1", "2", "3", "4", "5"]


def test_numbered_scale_wordings() -> None:
    from dialogs.importer.scales import _numbered

    assert list(_numbered("Chấm điểm 1 - 4 cho mỗi tiêu chí").values()) == ["1", "2", "3", "4"]
    assert len(_numbered("Theo thang đo từ 1 tới 7, mức độ đồng ý")) == 7
    assert _numbered("Kế hoạch từ 1 đến 10 năm") == {}  # no scale named
    assert _numbered("Thang điểm từ 1 đến 100") == {}  # a mark, not levels to pick
