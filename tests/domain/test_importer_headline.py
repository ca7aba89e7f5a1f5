"""A document that names itself nowhere still gets a name an officer recognises — the report its sentences ask
for, or the review a plan announces — and never the file name; when nothing says it, a plain name and an unsure
point that says what to type."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.headline import asked_report, fallback_name, review_report
from tests.support.importing import imp


def test_a_letter_asking_for_a_report_names_the_draft_after_that_report() -> None:
    o = imp(
        "Sở Nông nghiệp đề nghị phối hợp báo cáo kết quả trồng rừng\n"
        "Để tổng hợp số liệu, Sở Nông nghiệp đề nghị các xã báo cáo kết quả trồng rừng tập trung, rừng phân tán "
        "và chăm sóc rừng năm 2031, gửi về Sở trước ngày 15/12/2031.\n"
        "1. Diện tích rừng trồng mới: …… ha\n2. Số cây phân tán đã trồng: …… cây\n",
        name="cong_van_so_88_final.txt",
    )
    # the fuller wording of the same report wins over the headline's shorter one; 'gửi về Sở …' is not its name
    assert o.title == "Báo cáo kết quả trồng rừng tập trung, rừng phân tán và chăm sóc rừng năm 2031"


def test_a_plan_for_a_review_names_the_review_report() -> None:
    assert review_report(
        [
            "Bỏ qua nội dung chính",
            "Kế hoạch sơ kết 3 năm thực hiện Chỉ thị về phát triển hợp tác xã trên địa bàn huyện",
        ]
    ) == ("Báo cáo sơ kết 3 năm thực hiện Chỉ thị về phát triển hợp tác xã trên địa bàn huyện")
    # a letter's first sentence: the act it cites is not part of the name
    assert review_report(
        [
            "Để tổng kết, đánh giá việc thực hiện chính sách hỗ trợ nhà ở cho người có công theo "
            "Quyết định số 22/2013/QĐ-TTg, Bộ đề nghị …"
        ]
    ) == ("Báo cáo tổng kết chính sách hỗ trợ nhà ở cho người có công")


def test_sentences_that_ask_for_no_report_give_no_name() -> None:
    lines = ["Hôm nay trời mưa to, đường vào thôn bị ngập.", "Báo cáo viên của huyện đã về dự."]
    assert fallback_name(lines) is None
    assert asked_report(["Chế độ báo cáo thực hiện theo quy định."]) is None


def test_a_table_alone_gets_a_plain_name_and_an_unsure_point_that_says_what_to_type() -> None:
    text = (
        "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch\tThực hiện\n1\tSố hộ nghèo\tHộ\t\t\n"
        "2\tSố hộ cận nghèo\tHộ\t\t\n3\tSố hộ thoát nghèo\tHộ\t\t\n"
    )
    result = import_document(text.encode(), "bieu_tong_hop_ho_ngheo_v2.txt")
    title = next(line for line in result.yaml.splitlines() if line.startswith("title:"))
    assert "bieu" not in title and "ngheo_v2" not in title  # the file name is no title
    assert (
        title.startswith('title: "Báo cáo"  # ? Văn bản không ghi tên báo cáo')
        and "Hãy sửa dòng title:" in title
    )
    assert any(n.get("key") == "title" for n in result.notes), result.notes  # listed with the unsure points
    o = imp(text, "bieu_tong_hop_ho_ngheo_v2.txt")
    assert o.title == "Báo cáo"


def test_a_name_line_wins_over_the_report_its_sentences_mention() -> None:
    o = imp(
        "BÁO CÁO\nTình hình phòng, chống thiên tai 6 tháng đầu năm 2031\n"
        "Các xã báo cáo kết quả khắc phục hậu quả bão số 3 gửi về huyện.\n"
        "1. Số nhà bị sập: …… nhà\n"
    )
    assert o.title == "Báo cáo tình hình phòng, chống thiên tai 6 tháng đầu năm 2031"
