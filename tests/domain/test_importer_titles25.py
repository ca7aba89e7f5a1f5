"""Titles (helper t25): a news page's headline that names a report is its name when nothing else does; a report
phrase 'báo cáo về Sở …' says where the report goes, not what it is about; a modal verb ends the report a sentence
asks for. Each rule on made-up text, in variants, with a case it must not change."""

from __future__ import annotations

from dialogs.importer.headline import asked_report, fallback_name
from dialogs.importer.naming import report_phrase

LEAD = ("Thường trực Hội đồng vừa ban hành văn bản hướng dẫn các địa phương chuẩn bị nội dung, bố cục và cách trình "
        "bày của văn kiện trình đại hội cấp cơ sở trong năm tới.")


def test_a_headline_naming_a_report_is_the_name_when_nothing_else_is() -> None:
    assert fallback_name(["Chuẩn bị Báo cáo chính trị đại hội Hội Nông dân các cấp, nhiệm kỳ 2031-2036", LEAD]) == (
        "Chuẩn bị Báo cáo chính trị đại hội Hội Nông dân các cấp, nhiệm kỳ 2031-2036")
    assert fallback_name(["Hoàn thiện báo cáo thẩm tra dự án luật về thanh niên sửa đổi", LEAD]) == (
        "Hoàn thiện báo cáo thẩm tra dự án luật về thanh niên sửa đổi")


def test_the_report_asked_for_still_beats_the_headline() -> None:
    lines = ["Khẩn trương hoàn thành báo cáo trước kỳ họp cuối năm của tỉnh",
             "Các đơn vị báo cáo kết quả thực hiện chương trình nước sạch nông thôn gửi về Sở trước ngày 5 tháng 6 "
             "để tổng hợp, trình Ủy ban nhân dân tỉnh xem xét theo đúng tiến độ đã đề ra trong năm."]
    assert fallback_name(lines) == "Báo cáo kết quả thực hiện chương trình nước sạch nông thôn"
    # no lead paragraph under it: no headline
    assert fallback_name(["Chuẩn bị Báo cáo chính trị đại hội Hội Nông dân các cấp", "Ảnh minh họa."]) is None


def test_a_report_sent_to_a_body_is_no_report_phrase() -> None:
    assert report_phrase(["Đề nghị các trường nộp báo cáo về Sở đúng thời hạn quy định."]) is None
    assert report_phrase(["Gửi báo cáo về Phòng Giáo dục trước ngày 10 hằng tháng."]) is None
    # what the report is about stays
    assert report_phrase(["Báo cáo về công tác phòng chống thiên tai năm nay."]) == (
        "Báo cáo về công tác phòng chống thiên tai năm nay")


def test_a_modal_verb_ends_the_report_asked_for() -> None:
    assert asked_report(["Báo cáo tổng kết của chi bộ phải nêu rõ ưu điểm, khuyết điểm và nguyên nhân."]) == (
        "Báo cáo tổng kết của chi bộ")
    assert asked_report(["Báo cáo đánh giá của tổ chuyên môn cần phải bám sát kế hoạch năm học."]) == (
        "Báo cáo đánh giá của tổ chuyên môn")
    # no modal verb: the subject runs on to the full stop
    assert asked_report(["Đề nghị gửi báo cáo tình hình sản xuất vụ đông xuân của xã."]) == (
        "Báo cáo tình hình sản xuất vụ đông xuân của xã")
