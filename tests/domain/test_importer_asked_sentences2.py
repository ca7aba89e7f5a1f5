"""Sentences that ask, round 2 (dialogs/importer/asked_sentences.py), on made-up text: words shared by the
categories before them, paired qualifiers, parts after ';' that ask by the verb before them, a plan to draw up, a
report's frame ('xây dựng báo cáo sơ kết về …'), and the hooks that reach a bullet standing alone and a prose line
another rule read first."""

from __future__ import annotations

from dialogs.importer.asked_sentences import Ask, asked_sentences, richer, split_things, subjects_after_verb
from tests.support.importing import imp, prompts


def _p(text: str) -> list[str]:
    return [a.prompt for a in asked_sentences(text)]


def test_categories_alone_share_the_words_of_the_category_after_them():
    assert split_things("thuận lợi, khó khăn trong việc chuyển đổi giống cây trồng") == [
        "thuận lợi trong việc chuyển đổi giống cây trồng",
        "khó khăn trong việc chuyển đổi giống cây trồng",
    ]
    assert split_things("tình hình, kết quả triển khai chương trình sữa học đường năm 2024") == [
        "tình hình triển khai chương trình sữa học đường năm 2024",
        "kết quả triển khai chương trình sữa học đường năm 2024",
    ]
    # words of one group stay one thing; a subject after a comma is still a thing of its own
    assert split_things("ưu điểm, khó khăn, vướng mắc của các hợp tác xã, tiến độ giải ngân vốn vay") == [
        "ưu điểm của các hợp tác xã",
        "khó khăn, vướng mắc của các hợp tác xã",
        "tiến độ giải ngân vốn vay",
    ]


def test_no_sharing_before_a_proposal_or_a_subject_or_with_a_statement_first():
    assert split_things("kết quả, đề xuất giải pháp nâng cao năng suất lúa") == [
        "kết quả",
        "đề xuất giải pháp nâng cao năng suất lúa",
    ]
    assert split_things(
        "kết quả đạt được, tồn tại, hạn chế, diễn biến dịch bệnh mới phát sinh trong tháng"
    ) == [
        "kết quả đạt được",
        "tồn tại, hạn chế",
        "diễn biến dịch bệnh mới phát sinh trong tháng",
    ]
    assert split_things("thực trạng nhà ở công nhân, những thuận lợi, khó khăn") == [
        "thực trạng nhà ở công nhân",
        "những thuận lợi",
        "khó khăn",
    ]


def test_paired_qualifiers_joined_by_and_ask_twice():
    assert split_things("nguyên nhân khách quan và chủ quan dẫn đến tình trạng ô nhiễm nguồn nước") == [
        "nguyên nhân khách quan dẫn đến tình trạng ô nhiễm nguồn nước",
        "nguyên nhân chủ quan dẫn đến tình trạng ô nhiễm nguồn nước",
    ]
    assert split_things("giải pháp trước mắt và lâu dài để giảm ùn tắc giao thông") == [
        "giải pháp trước mắt để giảm ùn tắc giao thông",
        "giải pháp lâu dài để giảm ùn tắc giao thông",
    ]
    assert split_things("nguyên nhân chủ quan, khách quan") == ["nguyên nhân chủ quan, khách quan"]


def test_a_detail_including_two_categories_stays_with_its_thing():
    got = _p(
        "Đề nghị các trường báo cáo việc bố trí giáo viên dạy tiếng dân tộc, tình hình thực tế tổ chức lớp học "
        "trong các điểm trường bao gồm cả thuận lợi và khó khăn."
    )
    assert got == [
        "Việc bố trí giáo viên dạy tiếng dân tộc",
        "Tình hình thực tế tổ chức lớp học trong các điểm trường bao gồm cả thuận lợi và khó khăn",
    ]


def test_parts_after_a_semicolon_ask_by_the_verb_before_them():
    got = _p(
        "Báo cáo phải thể hiện rõ kết quả tiêm chủng mở rộng đến hết tháng 9; tình hình cung ứng vắc xin tại "
        "các trạm y tế; đồng thời nêu rõ thuận lợi, khó khăn trong công tác tiêm chủng tại vùng sâu."
    )
    assert got == [
        "Kết quả tiêm chủng mở rộng đến hết tháng 9",
        "Tình hình cung ứng vắc xin tại các trạm y tế",
        "Thuận lợi trong công tác tiêm chủng tại vùng sâu",
        "Khó khăn trong công tác tiêm chủng tại vùng sâu",
    ]
    # a part that names no subject and a part after the letter's logistics ask nothing
    assert _p(
        "Các xã trình bày kết quả thu gom rác thải, tình hình xử lý rác tại bãi chôn lấp; gửi về phòng trước "
        "ngày 10/11; tình hình khác do phòng tổng hợp."
    ) == ["Kết quả thu gom rác thải", "Tình hình xử lý rác tại bãi chôn lấp"]


def test_a_report_to_draw_up_leads_to_its_things_and_a_plan_is_asked():
    got = _p(
        "Sở Y tế đề nghị các bệnh viện xây dựng báo cáo sơ kết về tình hình, kết quả thực hiện đề án bệnh viện "
        "vệ tinh giai đoạn 2020-2024 và đề xuất nhiệm vụ trong giai đoạn tới."
    )
    assert got == [
        "Tình hình thực hiện đề án bệnh viện vệ tinh giai đoạn 2020-2024",
        "Kết quả thực hiện đề án bệnh viện vệ tinh giai đoạn 2020-2024",
        "Đề xuất nhiệm vụ trong giai đoạn tới",
    ]
    got = _p(
        "Các hội cơ sở tiến hành tổng kết năm và lập kế hoạch hoạt động năm 2025 của hội. Việc tổng kết cần làm "
        "rõ những mặt làm được và những hạn chế, yếu kém; nêu rõ nguyên nhân."
    )
    assert got == [
        "Kế hoạch hoạt động năm 2025 của hội",
        "Những mặt làm được",
        "Những hạn chế, yếu kém",
        "Nguyên nhân",
    ]


def test_the_subject_line_of_a_letter_asks_nothing():
    assert _p("V/v báo cáo tình hình, kết quả thực hiện chương trình nước sạch nông thôn năm 2024") == []


def test_a_bullet_standing_alone_in_a_letter_asks_each_thing():
    o = imp(
        "SỞ GIAO THÔNG VẬN TẢI\n\nVề việc báo cáo an toàn giao thông\n\n"
        "Sở đề nghị Ủy ban nhân dân các huyện:\n\n"
        "- Chỉ đạo các phòng, ban đánh giá thuận lợi, khó khăn; phân tích nguyên nhân khách quan và chủ quan "
        "ảnh hưởng đến tình hình trật tự an toàn giao thông trên địa bàn trong 6 tháng đầu năm;\n\n"
        "- Gửi báo cáo về Sở trước ngày 15/7.\n"
    )
    got = prompts(o)
    assert "Khó khăn" in got
    assert (
        "Nguyên nhân khách quan ảnh hưởng đến tình hình trật tự an toàn giao thông trên địa bàn trong 6 tháng đầu năm"
        in got
    )
    assert (
        "Nguyên nhân chủ quan ảnh hưởng đến tình hình trật tự an toàn giao thông trên địa bàn trong 6 tháng đầu năm"
        in got
    )


def test_a_prose_line_read_by_another_rule_takes_the_richer_reading():
    line = (
        "Báo cáo cần trình bày rõ kết quả cải tạo kênh mương nội đồng; đồng thời nêu rõ thuận lợi, khó khăn "
        "trong công tác thủy lợi nhỏ; kiến nghị các giải pháp cho mùa khô tới."
    )
    one = [Ask("Thuận lợi, khó khăn trong công tác thủy lợi nhỏ")]
    assert len(richer(one, line)) == 4
    typed = [Ask("Số km kênh mương", "integer")]
    assert richer(typed, line) == typed


def test_elided_strengths_a_report_as_subject_a_turn_and_what_follows_from_there():
    got = _p(
        "Mỗi chi hội, báo cáo cố gắng làm rõ những ưu, nhược điểm trong công tác vận động hội viên, nhưng cần "
        "liên hệ với nhiệm kỳ trước. Báo cáo tập trung chủ yếu vào việc xác định một số nguyên nhân của những "
        "yếu kém để từ đó đề ra giải pháp khắc phục."
    )
    assert got == [
        "Những ưu điểm trong công tác vận động hội viên",
        "Nhược điểm trong công tác vận động hội viên",
        "Việc xác định một số nguyên nhân của những yếu kém",
        "Giải pháp khắc phục",
    ]
    got = _p(
        "Các trạm xác định một số nguyên nhân của dịch bệnh trên đàn lợn để từ đó đề ra biện pháp phòng ngừa."
    )
    assert got == ["Một số nguyên nhân của dịch bệnh trên đàn lợn", "Biện pháp phòng ngừa"]
    # stated, not asked
    assert _p("Năm qua, trạm đã xác định nguyên nhân của dịch bệnh và đã đề ra biện pháp phòng ngừa.") == []


def test_a_numbered_item_led_by_its_verb_naming_a_subject_then_categories():
    o = imp(
        "SỞ Y TẾ\n\nV/v báo cáo công tác phòng chống dịch\n\nĐể có cơ sở báo cáo Bộ Y tế, Sở đề nghị các bệnh viện:\n\n"
        "1. Đánh giá kết quả công tác phòng chống dịch sốt xuất huyết 9 tháng đầu năm, những khó khăn, vướng mắc "
        "và nguyên nhân;\n\n2. Đề xuất giải pháp phòng chống dịch trong những tháng cuối năm.\n\n"
        "Báo cáo gửi về Sở Y tế trước ngày 10/10.\n"
    )
    got = prompts(o)
    assert got["Kết quả công tác phòng chống dịch sốt xuất huyết 9 tháng đầu năm"] == ("1", "longtext")
    assert got["Những khó khăn, vướng mắc"] == ("1", "longtext")
    assert got["Nguyên nhân"] == ("1", "longtext")
    # two works of the same kind named after the verb: the outline rules' own
    assert (
        subjects_after_verb(
            "Đánh giá công tác tuyên truyền phổ biến pháp luật trong trường học, công tác hòa giải ở cơ sở của các "
            "xã, phường trên địa bàn huyện năm 2024."
        )
        == []
    )


def test_a_report_asked_in_detail_drops_the_manner():
    got = _p(
        "Các xã báo cáo cụ thể tình hình chi trả trợ cấp cho người cao tuổi, những khó khăn, vướng mắc và đề xuất "
        "giải pháp tháo gỡ."
    )
    assert got == [
        "Tình hình chi trả trợ cấp cho người cao tuổi",
        "Những khó khăn, vướng mắc",
        "Đề xuất giải pháp tháo gỡ",
    ]
