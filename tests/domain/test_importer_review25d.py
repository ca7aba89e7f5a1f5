"""Today's rules narrowed by shape after the r25b review (session 25, x25b): listed lines read as things to report
(no web menu, no document title, two run-together lines parted), an assessing point keeps its question beside its
stand-in Biểu, a printed Biểu cancels its own stand-in only, 'TT' for 'Thường trực' is no numbering head, a
sign-off needs a stronger sign than posts in capitals, a document of Biểu only is not put under 'Mục'. Made-up text
(the reviewer's inputs and variants)."""

from dialogs.importer import draft_outline, import_document
from dialogs.importer.listed_lines import listed_lines
from dialogs.importer.named_bieu import _number_head, header_line_table, unbuilt_headers
from dialogs.importer.sign_offs import drop_sign_off


def _refs(text: str):
    return draft_outline(import_document(text.encode(), "x.txt")).refs


def _asks(text: str) -> list[tuple[str, str]]:
    return [(r.question.prompt, r.question.type) for r in _refs(text)]


# --- listed lines: things to report, not a menu, not the title


def test_listed_lines_skip_title_and_part_merged_lines():
    text = ("Báo cáo tình hình thực hiện chương trình nông thôn mới\n\nKết quả thực hiện các tiêu chí\n"
            "Khó khăn vướng mắc trong quá trình triển khai\nĐề xuất kiến nghị với cấp trên\n"
            "Phương hướng nhiệm vụ năm tới\n\nBáo cáo gửi về Văn phòng UBND huyện trước ngày 15/12/2025.\n")
    prompts = [p for p, _ in _asks(text)]
    assert prompts == ["Kết quả thực hiện các tiêu chí", "Khó khăn vướng mắc trong quá trình triển khai",
                       "Đề xuất kiến nghị với cấp trên", "Phương hướng nhiệm vụ năm tới"]


def test_listed_lines_variants():
    lines = ["Tình hình triển khai kế hoạch phòng dịch", "Những tồn tại và nguyên nhân chủ yếu",
             "Giải pháp khắc phục trong thời gian tới Kiến nghị đề xuất với tỉnh"]
    assert listed_lines(lines) == [*lines[:2], "Giải pháp khắc phục trong thời gian tới", "Kiến nghị đề xuất với tỉnh"]
    rated = ["Mức độ hài lòng về thủ tục", "Thái độ của cán bộ một cửa", "Thời gian trả kết quả hồ sơ"]
    assert listed_lines(["Phiếu khảo sát ý kiến người dân", "", *rated]) == rated


def test_web_menu_is_no_listed_lines():
    menu = ["Trang chủ", "Giới thiệu chung", "Tin tức sự kiện", "Thủ tục hành chính", "Văn bản pháp luật",
            "Liên hệ với chúng tôi", "Mẫu báo cáo công tác phòng chống thiên tai", "Bạn có thắc mắc? Gọi ngay"]
    assert listed_lines(menu) == []
    assert listed_lines(["Menu Hệ thống", "Liên kết website", "Cổng Thông tin Điện tử tỉnh", "Báo điện tử tỉnh"]) == []
    prompts = [p for p, _ in _asks("\n".join(menu) + "\nHotline 1900 6192\n")]
    assert not any(p in menu[1:6] for p in prompts)


def test_listed_lines_after_a_menu_kept():
    text = ("Trang chủ\nTin tức\nBiểu mẫu\nLiên hệ\nMẫu báo cáo tình hình tổ chức Đại hội chi bộ\nĐăng ngày 12/3/2025\n"
            "Nội dung báo cáo gồm:\nĐánh giá tình hình chuẩn bị Đại hội\nKết quả bầu cấp ủy\n"
            "Những vấn đề cần rút kinh nghiệm\nTải về mẫu file Word\n")
    prompts = [p for p, _ in _asks(text)]
    assert prompts == ["Đánh giá tình hình chuẩn bị Đại hội", "Kết quả bầu cấp ủy", "Những vấn đề cần rút kinh nghiệm"]


# --- named Biểu: an assessment keeps its question; a printed Biểu cancels its own stand-in only


def test_assessing_point_keeps_its_question_beside_its_bieu():
    text = ("ĐỀ CƯƠNG BÁO CÁO\nII. Nội dung\n"
            "1. Đánh giá tình hình thực hiện các chỉ tiêu kinh tế - xã hội (Biểu 01/KH)\n"
            "2. Phân tích kết quả thu, chi ngân sách (Biểu 02/NS)\n3. Phương hướng, nhiệm vụ năm 2026\n")
    got = _asks(text)
    assert ("Đánh giá tình hình thực hiện các chỉ tiêu kinh tế - xã hội (Biểu 01/KH)", "longtext") in got
    assert ("Phân tích kết quả thu, chi ngân sách (Biểu 02/NS)", "longtext") in got
    assert ("Tình hình thực hiện các chỉ tiêu kinh tế - xã hội", "table") in got
    assert ("Kết quả thu, chi ngân sách", "table") in got
    assert got.index(("Kết quả thu, chi ngân sách", "table")) \
        == got.index(("Phân tích kết quả thu, chi ngân sách (Biểu 02/NS)", "longtext")) + 1


def test_plain_named_points_still_stand_ins():
    text = ("CÔNG VĂN V/v báo cáo thống kê 6 tháng\nĐề nghị UBND các xã báo cáo:\n"
            "1. Kết quả thực hiện các chỉ tiêu (Biểu số 01/TK)\n2. Tình hình dân số (Biểu số 02/TK)\n"
            "3. Những khó khăn, kiến nghị.\n")
    got = _asks(text)
    assert ("Kết quả thực hiện các chỉ tiêu", "table") in got and ("Tình hình dân số", "table") in got
    assert not any(t == "longtext" and "Biểu số" in p for p, t in got)


def test_printed_bieu_cancels_its_own_stand_in_only():
    text = ("KẾ HOẠCH Báo cáo thống kê năm 2025\nII. NỘI DUNG BÁO CÁO\n1. Các đơn vị báo cáo các nội dung sau:\n"
            "a) Kết quả thực hiện chỉ tiêu kinh tế (Biểu 01/KT);\nb) Kết quả thực hiện chỉ tiêu xã hội (Biểu 02/XH);\n"
            "c) Tình hình an ninh trật tự (theo Phụ lục 3);\n2. Thời gian gửi báo cáo trước ngày 20/12/2025.\n"
            "Biểu số 01/KT\nCHỈ TIÊU KINH TẾ\nSTT\tChỉ tiêu\tĐơn vị tính\tKế hoạch\tThực hiện\n"
            "1\tTổng sản lượng lương thực\tTấn\t\t\n2\tThu ngân sách\tTriệu đồng\t\t\n")
    got = _asks(text)
    assert ("Kết quả thực hiện chỉ tiêu xã hội", "table") in got  # its stand-in: not printed
    assert not any("Biểu 01/KT" in p for p, _ in got)  # no longtext beside the printed table
    assert [t for p, t in got if p == "CHỈ TIÊU KINH TẾ"] == ["table"]


# --- 'TT' for 'Thường trực'


def test_tt_standing_body_is_no_table():
    assert header_line_table(["TT Đảng ủy Xã Chỉ Đạo Sát Sao", "", "1. Kết quả thực hiện"]) is None
    assert header_line_table(["TT HĐND Huyện Giám Sát Chuyên Đề", ""]) is None
    seq = ["1. Kết quả", "TT HĐND xã đã tổ chức giám sát chuyên đề về đất đai", "2. Tồn tại hạn chế"]
    assert unbuilt_headers(seq) == seq
    got = _asks("BÁO CÁO SƠ KẾT 6 THÁNG\nI. Công tác lãnh đạo\nTT Huyện ủy Chỉ Đạo Quyết Liệt\n\n1. Kết quả\n")
    assert not any(t == "table" for _, t in got)


def test_numbering_head_still_a_table():
    got = header_line_table(["TT Họ và tên Năm sinh Chức vụ Ghi chú", ""])
    assert got is not None and got[1] >= 1
    assert _number_head("TT NỘI DUNG ĐƠN VỊ TÍNH KẾT QUẢ") and _number_head("TT Họ và tên Chức vụ")  # (capitals)
    assert not _number_head("TT HĐND xã đã họp") and not _number_head("TT Đảng ủy chỉ đạo")
    seq = ["STT Nội dung đánh giá Điểm chuẩn Điểm tự chấm", "1. Kết quả"]
    assert len(unbuilt_headers(seq)) == 3


# --- sign-offs: posts in capitals under a question are its options


def test_posts_under_a_question_stay_a_choice():
    got = _asks("PHIẾU ĐĂNG KÝ THAM GIA TẬP HUẤN\n1. Họ và tên: ……\n2. Đơn vị công tác: ……\n3. Chức vụ\n"
                "BÍ THƯ CHI BỘ\nTRƯỞNG THÔN\n")
    assert ("Chức vụ", "choice") in got
    got = _asks("PHIẾU LẤY Ý KIẾN\n1. Họ và tên: ……\n2. Chức vụ hiện nay của ông/bà\nCHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
                "Nguyễn Văn An\n")
    assert ("Chức vụ hiện nay của ông/bà", "choice") in got


def test_sign_off_with_a_strong_sign_still_dropped():
    body = ["1. Ưu điểm", "2. Khuyết điểm, hạn chế"]
    assert drop_sign_off([*body, "Ngày …… tháng …… năm ……", "T/M CHI ỦY", "BÍ THƯ"]) == body
    assert drop_sign_off([*body, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"]) == body
    assert drop_sign_off([*body, "CHỦ TỊCH", "Trần Văn Bình"]) == body
    assert drop_sign_off([*body, "Trân trọng cảm ơn.", "Văn phòng UBND xã"]) == body


def test_posts_without_a_strong_sign_stay():
    body = ["1. Họ và tên: ……", "2. Chức vụ"]
    assert drop_sign_off([*body, "BÍ THƯ CHI BỘ", "TRƯỞNG THÔN"]) == [*body, "BÍ THƯ CHI BỘ", "TRƯỞNG THÔN"]
    tail = ["CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    assert drop_sign_off([*body, *tail]) == [*body, *tail]


# --- a document of Biểu only


def test_catalogue_only_not_under_muc():
    text = ("DANH MỤC BIỂU MẪU BÁO CÁO\nSố hiệu biểu\tTên biểu\tKỳ báo cáo\tNgày nhận\n"
            "01/NN\tDiện tích gieo trồng\tVụ\t15/5\n02/NN\tChăn nuôi\t6 tháng\t15/7\n03/NN\tThủy sản\tNăm\t15/12\n")
    refs = _refs(text)
    assert [r.question.type for r in refs] == ["table"] * 3
    assert all(str(r.section.title) != "Mục" for r in refs)
