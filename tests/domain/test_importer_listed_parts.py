"""Prose outlines and letters asking for reports (issue 21, session 24): an item listing its things between ';'
(dialogs/importer/listed_parts.py), a hard-wrapped sentence going on in a line that begins with a number, a list
after 'so với', and the names such documents carry (a review organised at a stage, a page's 'Nội dung báo cáo …'
headline, a decision whose number is left blank). Made-up text only."""

from __future__ import annotations

from dialogs.importer.asked_sentences import split_things
from dialogs.importer.headline import contents_headline, review_report
from dialogs.importer.listed_parts import listed_parts
from dialogs.importer.naming import own_name
from dialogs.importer.structure import join_broken
from tests.support.importing import imp, prompts


def _asked(text: str, labelled: bool = False) -> list[tuple[str, str]]:
    return [(a.type, a.prompt) for a in listed_parts(text, labelled)]


def test_a_label_then_things_between_semicolons_asks_each_thing_typed_by_its_words() -> None:
    got = _asked(
        "Thông tin về trại nuôi: Tên chủ trại (ghi cả thôn, xóm); loại vật nuôi; tổng đàn gia cầm; "
        "số lượng con bị ốm, chết, tiêu hủy; triệu chứng, bệnh tích của con vật;"
    )
    assert got == [
        ("text", "Tên chủ trại (ghi cả thôn, xóm)"),
        ("text", "Loại vật nuôi"),
        ("integer", "Tổng đàn gia cầm"),
        ("integer", "Số lượng con bị ốm"),
        ("integer", "Số lượng con bị chết"),
        ("integer", "Số lượng con bị tiêu hủy"),
        ("longtext", "Triệu chứng của con vật"),
        ("longtext", "Bệnh tích của con vật"),
    ]


def test_things_between_semicolons_without_a_label_and_a_count_over_states() -> None:
    got = _asked(
        "Thời điểm cây trồng bắt đầu bị hại; diễn biến của dịch theo tuần; số hộ được hỗ trợ, được tập huấn;"
    )
    assert got == [
        ("date", "Thời điểm cây trồng bắt đầu bị hại"),
        ("longtext", "Diễn biến của dịch theo tuần"),
        ("integer", "Số hộ được hỗ trợ"),
        ("integer", "Số hộ được tập huấn"),
    ]
    kinds = _asked("Loại phân bón, thuốc bảo vệ thực vật đã dùng và thời gian bón; đánh giá chung")
    assert kinds[0] == ("list", "Loại phân bón, thuốc bảo vệ thực vật đã dùng")
    assert kinds[1] == ("text", "Thời gian bón")


def test_lines_that_are_no_list_of_things_are_left_to_the_other_rules() -> None:
    assert listed_parts("Tên đơn vị: ……………; địa chỉ: ……………") == []  # a form's blanks
    assert listed_parts("Đánh giá kết quả thực hiện nhiệm vụ năm 2031") == []  # one thing
    assert listed_parts("Có tổ chức tập huấn không; nếu có thì bao nhiêu lớp?") == []  # a question
    # a bullet's label that is a part of a report: what follows is a sample's answer, not things to ask
    assert listed_parts("Kết quả đạt được: Trường duy trì sĩ số; tỷ lệ chuyên cần cao", labelled=True) == []
    assert listed_parts("Tổng kết công tác năm; phương hướng năm tới", labelled=True) == []  # no label
    assert (
        listed_parts("Báo cáo chia làm 3 phần: A bên trên; B bên dưới; C ở giữa", labelled=True) == []
    )  # counted
    # how to fill a field in, no things to report
    assert listed_parts("Ghi tên thôn, bản; đối với phường không có thôn thì ghi tên tổ dân phố") == []
    assert _asked(
        "Cấu trúc: Báo cáo kết quả công tác năm qua, phương hướng, nhiệm vụ năm tới; phụ lục số liệu",
        labelled=True,
    )[1] == ("longtext", "Phương hướng, nhiệm vụ năm tới")


def test_an_item_of_a_regulation_lists_its_things_as_questions() -> None:
    o = imp(
        "Nội dung báo cáo sự cố cháy rừng\n"
        "Khi phát hiện cháy rừng, chủ rừng báo cáo các nội dung sau đây:\n"
        "a) Về nơi xảy ra cháy: Tên chủ rừng hoặc địa điểm phát hiện; số hộ có rừng bị cháy; số thôn có rừng bị cháy;\n"
        "b) Thời gian đám cháy bắt đầu bùng phát; diễn biến đám cháy theo giờ;\n"
    )
    p = prompts(o)
    assert o.title == "Báo cáo sự cố cháy rừng"
    assert p["Số hộ có rừng bị cháy"] == ("a", "integer")
    assert p["Diễn biến đám cháy theo giờ"] == ("b", "longtext")
    assert p["Tên chủ rừng hoặc địa điểm phát hiện"][1] == "text"


def test_a_hard_wrapped_sentence_goes_on_in_a_line_that_begins_with_a_number() -> None:
    wide = "Đánh giá kết quả thực hiện chính sách hỗ trợ nông dân theo Nghị quyết số"
    lines, joined = join_broken(
        ["1. " + wide, "12/2030/NQ-HĐND;", "2. Đề xuất giải pháp thực hiện đến năm 2035."], pdf=False
    )
    assert joined == 1 and lines[0].endswith("Nghị quyết số 12/2030/NQ-HĐND;")
    # a table's cells a line each: short lines, nothing joined
    cells, n = join_broken(["Tổng số hộ nghèo", "120", "Số hộ thoát nghèo", "35"], pdf=False)
    assert n == 0 and cells == ["Tổng số hộ nghèo", "120", "Số hộ thoát nghèo", "35"]


def test_a_list_after_so_voi_is_what_a_result_is_compared_with() -> None:
    assert split_things(
        "kết quả đạt được so với kế hoạch, mục tiêu, chỉ tiêu đề ra trong năm và kết quả rà soát"
    ) == [
        "kết quả đạt được so với kế hoạch, mục tiêu, chỉ tiêu đề ra trong năm",
        "kết quả rà soát",
    ]
    # a thing with its own 'các …' after the comparison begins again
    assert len(split_things("mức độ hoàn thành so với năm trước, các mặt hạn chế tồn tại")) == 2


def test_names_of_letters_and_pages_that_carry_no_name_line() -> None:
    assert (
        review_report(
            [
                "Sở hướng dẫn tổ chức đánh giá giữa kỳ thực hiện Đề án phát triển du lịch giai đoạn "
                "2031-2035 như sau:"
            ]
        )
        == "Báo cáo đánh giá giữa kỳ thực hiện Đề án phát triển du lịch giai đoạn 2031-2035"
    )
    assert (
        review_report(["Để đánh giá kết quả, Sở đề nghị các đơn vị gửi số liệu"]) is None
    )  # no stage of a review
    assert (
        contents_headline(["Nội dung báo cáo sự cố tràn dầu trên biển"]) == "Báo cáo sự cố tràn dầu trên biển"
    )
    assert contents_headline(["Nội dung báo cáo gồm các phần sau: A; B."]) is None  # a sentence, no headline


def test_a_decision_named_in_capitals_with_its_number_left_blank() -> None:
    lines = [
        "Mẫu 3-2",
        "ĐẢNG ỦY XÃ ……",
        "BAN TỔ CHỨC",
        "Xã A, ngày … tháng … năm …",
        "Số      - QĐ/TC",
        "",
        "QUYẾT ĐỊNH thành lập Tổ kiểm tra việc thu nộp đảng phí của chi bộ.………………",
        "- Căn cứ …",
        "QUYẾT ĐỊNH",
        "Điều 1: Thành lập Tổ kiểm tra gồm các đồng chí:",
    ]
    assert own_name(lines) == "QUYẾT ĐỊNH thành lập Tổ kiểm tra việc thu nộp đảng phí của chi bộ"


def test_a_count_after_semicolon_asked_on_its_own_leaves_the_written_ask() -> None:
    from dialogs.importer.questions import asks_from_text

    got = [
        (a.type, a.prompt)
        for a in asks_from_text(
            "Những sai phạm chủ yếu qua kiểm tra, theo từng ngành; số tiền, tài sản quy thành tiền bị thất thoát;"
        )
    ]
    assert got[0] == ("longtext", "Những sai phạm chủ yếu qua kiểm tra, theo từng ngành")
    assert got[1][0] == "money" and got[1][1].startswith("Số tiền")
    # nothing asked apart: the prompt stays whole
    one = asks_from_text("Những sai phạm chủ yếu qua kiểm tra; những kiến nghị của đoàn kiểm tra")
    assert all("thất thoát" not in a.prompt for a in one) and one
