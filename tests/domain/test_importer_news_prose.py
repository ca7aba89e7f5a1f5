"""News items and letters that ask in prose (issue 21, session 24, round 2 on the eighteenth hold-out), on made-up
text: a news headline over its lead as the title, a register's or a licence's name, the layout of an act a Party body
issued, and the sentences that ask — manner words after 'đánh giá', a report sent to a body 'về' its things, a verbless
sentence going on with a list of asks, contents listed as sentences, a counted thing's members, photos and an article
to send. Each with a line that must stay as it was."""

from __future__ import annotations

from dialogs.importer.asked_sentences import asked_sentences, contents_sentences
from dialogs.importer.headline import news_headline
from tests.support.importing import imp

LEAD = (
    "Sở Nội vụ vừa có văn bản gửi các huyện, thị xã đề nghị rà soát, thống kê đội ngũ cán bộ, công chức cấp xã và gửi "
    "kết quả về Sở trước ngày 20 tháng sau để tổng hợp."
)


def test_a_news_headline_over_its_lead_is_the_title() -> None:
    assert news_headline(["Tăng cường quản lý đội ngũ cán bộ cấp xã trên địa bàn tỉnh", LEAD]) == (
        "Tăng cường quản lý đội ngũ cán bộ cấp xã trên địa bàn tỉnh"
    )
    assert news_headline(["# nguồn: http://x", "Đẩy mạnh phong trào thi đua yêu nước năm 2030", LEAD])
    o = imp(
        f"Rà soát đội ngũ công chức cấp xã trong toàn tỉnh\n{LEAD}\nĐề nghị báo cáo tình hình, kết quả rà soát."
    )
    assert o.title == "Rà soát đội ngũ công chức cấp xã trong toàn tỉnh"


def test_no_headline_without_a_lead_or_when_it_names_a_report() -> None:
    assert news_headline(["Khẩn trương báo cáo kết quả rà soát công chức cấp xã", LEAD]) is None
    assert news_headline(["Tăng cường quản lý cán bộ cấp xã trên địa bàn", "Ảnh minh họa"]) is None
    assert news_headline(["Skip Ribbon Commands", LEAD]) is None
    assert news_headline(["ỦY BAN NHÂN DÂN TỈNH BẮC TRUNG", LEAD]) is None


def test_a_register_and_a_licence_name_themselves() -> None:
    o = imp("Trang mẫu biểu\nSổ theo dõi tiêm phòng gia súc của thôn\nHọ và tên chủ hộ: ……\nSố con: ……")
    assert o.title.startswith("Sổ theo dõi tiêm phòng gia súc")
    licence = imp(
        "Mẫu đơn xin cấp phép khai thác cát\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
        "__________\n……, ngày …… tháng …… năm ……\nGIẤY PHÉP KHAI THÁC CÁT\n1. Cấp cho: ……\n2. Địa điểm: ……"
    )
    assert licence.title == "Giấy phép khai thác cát"
    plain = imp(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\nBÁO CÁO CÔNG TÁC THÁNG\n1. Kết quả: ……"
    )
    assert plain.title == "Báo cáo công tác tháng"


PARTY_NEWS = (
    "Ngày 2-4, Ban Bí thư đã ký ban hành {act} về lãnh đạo đại hội Hội Nông dân các cấp. {act2} yêu cầu xây dựng "
    "báo cáo đánh giá thực trạng hoạt động của hội trong 5 năm qua, nêu rõ hạn chế, yếu kém và nguyên nhân."
)


def test_an_act_a_party_body_issued_sets_the_party_layout() -> None:
    assert imp(PARTY_NEWS.format(act="Chỉ thị số 15-CT/TW", act2="Chỉ thị")).layout == "party"
    assert imp(PARTY_NEWS.format(act="Kế hoạch số 120-KH/TU", act2="Kế hoạch")).layout == "party"


def test_an_act_only_cited_or_a_state_number_keeps_the_state_layout() -> None:
    cited = (
        "Văn phòng UBND tỉnh đề nghị Sở Tư pháp rà soát các nhiệm vụ tại Nghị quyết số 12-NQ/TU; báo cáo kết quả thực "
        "hiện, những khó khăn, vướng mắc và nguyên nhân."
    )
    assert imp(cited).layout == "state"
    assert imp(PARTY_NEWS.format(act="Công văn số 881/VP-KGVX", act2="Công văn")).layout == "state"


def _prompts(text: str) -> list[str]:
    return [a.prompt for a in asked_sentences(text)]


def test_manner_words_after_danh_gia_are_no_part_of_the_thing() -> None:
    got = _prompts(
        "Đề nghị các phòng đánh giá tổng quát những ưu điểm, tồn tại, nguyên nhân và bài học kinh nghiệm trong công "
        "tác cải cách hành chính."
    )
    assert got[:2] == ["Những ưu điểm", "Tồn tại"]
    assert "Bài học kinh nghiệm trong công tác cải cách hành chính" in got
    got = _prompts(
        "Các trường cần đánh giá khách quan, toàn diện thực trạng đội ngũ giáo viên; nêu rõ khó khăn, hạn chế và "
        "nguyên nhân."
    )
    assert got[0] == "Đánh giá thực trạng đội ngũ giáo viên"


def test_a_report_sent_to_a_body_asks_what_follows_ve() -> None:
    got = _prompts(
        "Sở Y tế chủ trì rà soát các nhiệm vụ được giao; báo cáo UBND tỉnh về tiến độ thực hiện từng nhiệm vụ, những "
        "khó khăn, vướng mắc và nguyên nhân./."
    )
    assert got == ["Tiến độ thực hiện từng nhiệm vụ", "Những khó khăn, vướng mắc", "Nguyên nhân"]
    got = _prompts("Đề nghị các xã báo cáo Phòng Nông nghiệp về kết quả tiêm phòng, những tồn tại, hạn chế.")
    assert got == ["Kết quả tiêm phòng", "Những tồn tại, hạn chế"]
    # a report sent to a body with nothing after 'về' asks nothing of it
    assert _prompts("Đề nghị các xã báo cáo UBND huyện trước ngày 15 hằng tháng.") == []


def test_a_verbless_sentence_goes_on_with_the_asks_before_it() -> None:
    got = _prompts(
        "Các đơn vị đánh giá những ưu điểm, hạn chế và nguyên nhân; những kiến nghị, đề xuất. Phương hướng, giải pháp "
        "tiếp tục thực hiện trong thời gian tới."
    )
    assert got[-1].startswith("Giải pháp tiếp tục thực hiện") or got[-1].startswith("Phương hướng")
    assert len(got) >= 5
    got = _prompts(
        "Trong đó chú trọng phát hiện những cách làm hay, mô hình mới. Các địa phương khẳng định những đóng góp của "
        "hội viên, nêu rõ hạn chế và nguyên nhân."
    )
    assert got == ["Những cách làm hay, mô hình mới", "Những đóng góp của hội viên", "Hạn chế", "Nguyên nhân"]
    # a verbless sentence after one that asks nothing stays no ask
    assert _prompts("Hội nghị diễn ra trong hai ngày. Phương hướng năm tới được thảo luận sôi nổi.") == []


def test_contents_listed_as_sentences_are_one_ask_each() -> None:
    got = [
        a.prompt
        for a in contents_sentences(
            "Theo kế hoạch, nội dung tổng kết gồm: Đánh giá công tác chỉ đạo, điều hành của các cấp trong việc triển "
            "khai chương trình. Công tác phối hợp giữa các ngành, đoàn thể trong việc thực hiện chương trình. Việc "
            "bố trí kinh phí, nguồn lực cho chương trình ở cơ sở. Hội nghị tổ chức vào cuối năm."
        )
    ]
    assert got == [
        "Công tác chỉ đạo, điều hành của các cấp trong việc triển khai chương trình",
        "Công tác phối hợp giữa các ngành, đoàn thể trong việc thực hiện chương trình",
        "Việc bố trí kinh phí, nguồn lực cho chương trình ở cơ sở",
    ]
    two = contents_sentences(
        "Nội dung báo cáo bao gồm: Kết quả thực hiện các chỉ tiêu kinh tế, xã hội trong năm qua. Những khó khăn, "
        "vướng mắc trong quá trình thực hiện ở các xã."
    )
    assert len(two) == 2
    # a contents list in one sentence is the other rules' own
    assert contents_sentences("Nội dung báo cáo gồm: kết quả, hạn chế, nguyên nhân và giải pháp.") == []


def test_a_counted_things_members_stay_in_one_ask() -> None:
    got = _prompts(
        "Hội nghị dự kiến tổ chức tháng 12, với nội dung đánh giá kết quả 10 năm thực hiện của 3 mô hình gồm: "
        "Tổ hòa giải; tổ an ninh; câu lạc bộ pháp luật. Báo cáo đánh giá những thuận lợi, khó khăn và đề xuất giải "
        "pháp."
    )
    assert got[0] == "Kết quả 10 năm thực hiện của 3 mô hình (Tổ hòa giải; tổ an ninh; câu lạc bộ pháp luật)"
    assert "Những thuận lợi" in got and "Khó khăn" in got
    # a list of the contents themselves is no counted thing's members
    assert not any("(" in p for p in _prompts("Đề nghị báo cáo các nội dung: kết quả; hạn chế; nguyên nhân."))


def test_photos_to_choose_and_an_article_to_write_are_asked() -> None:
    asks = asked_sentences(
        "Đề nghị các huyện đánh giá kết quả phong trào, chọn 5 ảnh về các hoạt động của phong trào, viết bài về "
        "gương người tốt việc tốt."
    )
    assert [(a.prompt, a.type) for a in asks][-2:] == [
        ("5 ảnh về các hoạt động của phong trào", "list"),
        ("Bài viết về gương người tốt việc tốt", "longtext"),
    ]
    # choosing a site or writing a plan is no material to send
    assert all(
        a.type != "list"
        for a in asked_sentences("Đề nghị các xã chọn địa điểm tổ chức, đánh giá kết quả, hạn chế.")
    )
