"""Made-up text of the shapes a reviewer met on unseen pages (issue 21): a report sent already filled in (its
figure bullets are the counts they answer, a repeated «<part>: N <unit> M <unit>» a small table, a list of papers
under a heading a documents ask), and form lines whose type or label the unit misled (a price per day, a unit after
the blank, a unit glued to the next label, the last label before a blank)."""

from __future__ import annotations

from dialogs.importer.ask_types import field_type
from dialogs.importer.filled_reports import figure_asks, papers_listed, report_asks
from dialogs.importer.forms import head_fields
from dialogs.importer.guidance import labelled_blanks
from tests.support.importing import imp

REPORT = (
    "UBND XÃ AN HÒA\nBÁO CÁO\nTình hình hoạt động của trạm y tế 6 tháng đầu năm 2030\n"
    "Căn cứ kế hoạch của Trung tâm y tế huyện, trạm y tế xã báo cáo như sau:\n"
    "I. Kết quả thực hiện\n"
    "1. Nhân lực và quy mô\n"
    "- Tổng số nhân viên: 14 (biên chế: 11 ; hợp đồng: 03). Trong đó:\n"
    ". Bác sĩ: 02\n. Điều dưỡng: 05\n. Hộ sinh: 07\n"
    "- Tổng số giường bệnh: 40 giường/06 phòng. Trong đó:\n"
    ". Khu nội: 18 giường 02 phòng (01 phòng cách ly)\n"
    ". Khu sản: 12 giường/02 phòng (01 phòng cách ly)\n"
    ". Khu nhi: 10 giường 02 phòng (00 phòng cách ly)\n"
    "- Số điểm khám lưu động: 04 điểm\n"
    "2. Văn bản chỉ đạo của cấp trên.\n"
    "- Quyết định số 15/2029/QĐ-UBND ngày 02/3/2029 của UBND huyện về việc giao chỉ tiêu khám bệnh.\n"
    "- Công văn số 220/TTYT ngày 10/4/2029 của Trung tâm y tế về việc phòng chống dịch mùa hè.\n"
    "- Kế hoạch số 31/KH-UBND ngày 05/5/2029 của UBND xã về tiêm chủng mở rộng cho trẻ em trong toàn xã.\n"
)


def _typed(asks) -> list[tuple[str, str, str | None]]:
    return [(a.prompt, a.type, a.unit) for a in asks]


def test_a_filled_count_with_its_parts_in_brackets_asks_each_count() -> None:
    assert _typed(figure_asks("- Tổng số nhân viên: 14 (biên chế: 11 ; hợp đồng: 03). Trong đó:")) == [
        ("Tổng số nhân viên", "integer", None), ("Biên chế", "integer", None), ("Hợp đồng", "integer", None)]
    assert _typed(figure_asks(". Bác sĩ: 02")) == [("Bác sĩ", "integer", None)]
    assert _typed(figure_asks("- Tổng số giường bệnh: 40 giường/06 phòng")) == [
        ("Tổng số giường bệnh", "integer", "giường"), ("Số phòng", "integer", "phòng")]
    assert figure_asks("- Bác sĩ: …………") == []  # a blank, not a value
    assert figure_asks("Trình độ chuyên môn: đạt chuẩn 10/14 (71%)") == []  # told in words


def test_a_repeated_part_with_two_figures_is_a_small_table() -> None:
    asks = report_asks([("Tổng số giường bệnh: 40 giường/06 phòng. Trong đó:",
                         ["Khu nội: 18 giường 02 phòng", "Khu nhi: 10 giường 02 phòng"]),
                        ("Số điểm khám lưu động: 04 điểm", [])])
    table = next(a for a in asks if a.type == "table")
    assert [c["label"] for c in table.table["columns"]] == ["Số giường", "Số phòng"]
    assert [r["label"] for r in table.table["rows"]][:2] == ["Khu nội", "Khu nhi"]
    assert report_asks([("Công tác khám chữa bệnh được duy trì tốt, không để xảy ra sai sót chuyên môn.", [])]) == []


def test_a_filled_report_imports_the_asks_its_figures_answer() -> None:
    o = imp(REPORT)
    got = [(r.question.prompt, r.question.type) for r in o.refs]
    assert got[:6] == [("Tổng số nhân viên", "integer"), ("Biên chế", "integer"), ("Hợp đồng", "integer"),
                       ("Bác sĩ", "integer"), ("Điều dưỡng", "integer"), ("Hộ sinh", "integer")]
    assert ("Tổng số giường bệnh", "integer") in got and ("Số điểm khám lưu động", "integer") in got
    table = next(r.question for r in o.refs if r.question.type == "table")
    assert [c.label for c in table.table.columns] == ["Số giường", "Số phòng", "Số phòng cách ly"]
    prompts = " ".join(p for p, _ in got)
    assert "14" not in prompts and "18" not in prompts  # the copy's figures are never asked back
    assert ("Văn bản chỉ đạo của cấp trên", "documents") in got


def test_papers_listed_under_a_heading() -> None:
    assert papers_listed(["- Thông tư số 12/2028/TT-BYT ngày 1/2/2028 của Bộ Y tế về …",
                          "- Nghị định số 40/2027/NĐ-CP ngày 3/4/2027 của Chính phủ về …"])
    assert not papers_listed(["Đã triển khai đầy đủ các văn bản của cấp trên đến toàn thể cán bộ.",
                              "Tổ chức học tập nghị quyết cho 100% đảng viên."])


def test_a_price_per_unit_is_money_and_keeps_its_label() -> None:
    assert head_fields(["Giá thuê máy năm 2030: Gặt lúa:……….đồng/sào"], set()) == [
        "Giá thuê máy năm 2030: Gặt lúa (đồng/sào)"]  # a short lead stays the label's
    assert head_fields(["Xin ông bà cho biết giá thuê máy làm đất của năm 2030: Gặt lúa:……….đồng/sào"], set()) == [
        "Gặt lúa (đồng/sào)"]  # a long question before it: the last label is the blank's
    assert head_fields(["Công lao động phổ thông (làm cỏ, tưới…):………đồng/ngày"], set()) == [
        "Công lao động phổ thông (làm cỏ, tưới) (đồng/ngày)"]
    assert field_type("Ngày công thu hoạch (đồng/ngày)") == ("money", "đồng/ngày")
    assert field_type("Ngày sinh") == ("date", None)
    assert field_type("Có mấy thửa ruộng") == ("integer", None)


def test_a_unit_glued_to_the_next_label_goes_with_the_blank_before() -> None:
    assert _typed(labelled_blanks("Diện tích ao nuôi cá của hộ: .......... m2, chia thành mấy ao: ..........")) == [
        ("Diện tích ao nuôi cá của hộ", "decimal", "m2"), ("Chia thành mấy ao", "integer", None)]


def test_a_filled_paragraph_gives_its_counts_and_the_heading_in_words() -> None:
    o = imp("BÁO CÁO\nKết quả công tác năm học 2030-2031\nI. Quy mô\n1. Đội ngũ\n"
            "Tổng số giáo viên: 37 người, biên chế: 33; hợp đồng: 04.\n"
            "Nhà trường đã phân công chuyên môn hợp lý, tổ chức nhiều buổi sinh hoạt chuyên đề cho toàn thể giáo viên.\n")
    assert [(r.question.prompt, r.question.type) for r in o.refs] == [
        ("Đội ngũ", "longtext"), ("Tổng số giáo viên", "integer"), ("Biên chế", "integer"), ("Hợp đồng", "integer")]


def test_a_filled_bullet_over_its_parts_alone_under_a_heading() -> None:
    o = imp("BÁO CÁO\nKết quả năm học 2030-2031\nI. Quy mô\n2. Học viên\n- Tổng số học viên: 310 người/11 lớp. Trong đó:\n"
            ". Lớp sơ cấp: 160 người 6 lớp\n. Lớp trung cấp: 150 người 5 lớp\n")
    got = [(r.question.prompt, r.question.type) for r in o.refs]
    assert got[:2] == [("Tổng số học viên", "integer"), ("Số lớp", "integer")]
    assert got[2][1] == "table" and "310" not in got[2][0]
