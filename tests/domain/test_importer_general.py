"""General rules of the importer, each shown on made-up text (no document of the corpus): what a new, unseen
document must get right whatever its domain."""

from __future__ import annotations

from tests.support.importing import imp, prompts


def test_a_template_page_is_named_by_the_form_not_by_the_word_mau() -> None:
    """A page offering 'Mẫu báo cáo …' names the template; the form's own name line below it wins, else the name
    is read without 'Mẫu' and without the act it comes with."""
    below = imp("MẪU BÁO CÁO TÌNH HÌNH NUÔI ONG\n(Ban hành kèm theo Quyết định số 12/QĐ-SNN)\n"
                "BÁO CÁO\nKẾT QUẢ PHÁT TRIỂN NGHỀ NUÔI ONG MẬT\n"
                "I. Số liệu\n1. Số đàn ong hiện có: …… đàn\n")
    assert below.title == "Báo cáo kết quả phát triển nghề nuôi ong mật"
    alone = imp("Mẫu Báo cáo số hộ nuôi ong mật biểu số 07/SNN ban hành – THÔNG TƯ 09/2030/TT-SNN\n"
                "I. Số liệu\n1. Số hộ nuôi ong: …… hộ\n")
    assert alone.title == "Báo cáo số hộ nuôi ong mật"


def test_a_name_whose_capitals_were_lost_is_still_the_name() -> None:
    """'báo cáo' alone on a line (the capitals lost in the copy), its subject on the next: the document's name."""
    o = imp("Hợp tác xã: ....................\nbáo cáo\nkết quả thu mua cà phê của hợp tác xã\nNăm ..........\n"
            "A- Các chỉ tiêu\n- Số xã viên : .......... người\n")
    assert o.title == "Báo cáo kết quả thu mua cà phê của hợp tác xã"


def test_a_page_squeezed_onto_one_line_is_named_by_its_start_and_not_made_party_by_its_prose() -> None:
    """A whole page on one line: the name it begins with (up to ' - '); a Party body named in its prose (not in a
    header) does not make the layout 'party'."""
    body = " ".join(["Nhà trường được sự quan tâm của Đảng ủy, chính quyền xã và phụ huynh học sinh."] * 6)
    o = imp(f"Báo cáo sơ kết học kỳ trường tiểu học vùng cao - Mẫu TRƯỜNG TH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
            f"Độc lập - Tự do - Hạnh phúc Số: , ngày tháng năm BÁO CÁO SƠ KẾT HỌC KỲ TRƯỜNG TIỂU HỌC - Căn cứ vào kế "
            f"hoạch năm học, trường báo cáo như sau: I ĐẶC ĐIỂM TÌNH HÌNH: Thuận lợi: - {body}\n")
    assert o.title == "Báo cáo sơ kết học kỳ trường tiểu học vùng cao"
    assert o.layout == "state"


def test_a_line_of_labelled_blanks_asks_each_label_including_those_whose_blank_was_lost() -> None:
    """Labelled blanks on one line, the last label's blank lost at the end of the line (its note in parentheses
    goes to the help); a footnote digit glued to a label goes; a blank 'Ngày …/…/2030' after a label is a date;
    a unit after a blank stays a unit."""
    lines = ("– Ngành nghề kinh doanh chính:……; số lao động thường xuyên: ……Mùa cao điểm (ghi rõ các tháng trong năm)\n"
             "– Quyết định thành lập3 số: ….. ngày……… nơi ban hành\n"
             "– Thời điểm khai trương: Ngày ...../...../2030\n"
             "– Diện tích nhà xưởng: ……… m2\n")
    for text in ("I. THÔNG TIN CHUNG\n" + lines, "THÔNG TIN CHUNG\n" + lines):  # under a numbered heading or not
        _check_blanks(prompts(imp(text)))


def _check_blanks(p: dict[str, tuple[str, str]]) -> None:
    assert p["Ngành nghề kinh doanh chính"][1] == "text"
    assert p["Mùa cao điểm"][1] == "text"
    assert p["Quyết định thành lập số"][1] == "text"
    assert p["Nơi ban hành"][1] == "text"
    assert p["Thời điểm khai trương"][1] == "date"
    assert "Diện tích nhà xưởng" in p and "M2" not in p


def test_a_value_filled_after_a_label_leaves_the_prompt() -> None:
    """A copied answer 'Label: value' asks its label: a label with a note in parentheses or of ten words and more
    when the value is a word or two; 'Không' after '(nếu có)' says none (the field asks which), not a yes/no."""
    o = imp("1. Cơ sở vật chất\n"
            "- Những phòng học cần sửa chữa lớn trong năm học tới: 02 phòng.\n"
            "- Thiết bị hư hỏng chưa thay thế (nếu có):  Không\n"
            "- Tình trạng sân chơi: Tốt\n"
            "2. Học sinh\n- Tổng số học sinh: 315\n")
    p = prompts(o)
    assert p["Những phòng học cần sửa chữa lớn trong năm học tới"] == ("1", "text")
    assert p["Thiết bị hư hỏng chưa thay thế (nếu có)"] == ("1", "text")
    assert "Tình trạng sân chơi" in p


def test_a_part_heading_alone_on_its_line_holds_the_sections_below() -> None:
    """'Phần thứ nhất' alone, its title on the next line: a part holding 'I.', 'II.' (the asks of 'I.' belong to
    the part, a numbered line under 'II.' to 'II.')."""
    o = imp("Phần thứ nhất\n\nKẾT QUẢ CÔNG TÁC KHUYẾN NÔNG NĂM 2030\n\nI. ĐÁNH GIÁ CHUNG\n\n"
            "II. KẾT QUẢ TỪNG MẶT CÔNG TÁC\n\n1. Công tác chuyển giao giống cây trồng mới\n\n"
            "PHẦN II\n\nPHƯƠNG HƯỚNG NĂM 2031\n\n1. Mục tiêu chủ yếu\n")
    p = prompts(o)
    assert p["ĐÁNH GIÁ CHUNG"][0] == "Phần thứ nhất"
    assert p["Công tác chuyển giao giống cây trồng mới"][0] == "Phần thứ nhất.II"
    assert p["Mục tiêu chủ yếu"][0].startswith("Phần II")


def test_a_heading_over_a_copied_report_asks_in_the_section_above() -> None:
    """A numbered heading over one unit's written paragraphs ('… làm tốt …', '… thực hiện có hiệu quả …', an
    ellipsis '...' that is no blank): the heading is one written ask of the section above, not a section of
    the sentences."""
    o = imp("I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Công tác chăm sóc cây trồng\n"
            "Hội Nông dân xã thường xuyên hướng dẫn hội viên về kỹ thuật bón phân, tưới nước; Hội làm tốt việc "
            "phổ biến thông tin qua các kênh như: nhóm Zalo; loa phát thanh...\n"
            "Phối hợp thực hiện có hiệu quả mô hình cánh đồng lớn; vận động hội viên tham gia tổ hợp tác sản xuất.\n"
            "II. PHƯƠNG HƯỚNG\n1. Nhiệm vụ trọng tâm\n")
    p = prompts(o)
    assert p["Công tác chăm sóc cây trồng"] == ("I", "longtext")
    assert not any(k.startswith("Hội Nông dân") for k in p)


def test_a_scanned_letters_numbers_that_lost_their_dot_still_number_its_items() -> None:
    """'1 Rà soát …', '2 Đánh giá …' (a scan dropped the dots): a run counting 1, 2, 3 of sentences is numbered
    items, each its own ask; a row of figures ('1 Xã Tân An 12 15 20') is no such item."""
    o = imp("Kính gửi: Các phòng chuyên môn thuộc huyện\n"
            "1 Rà soát các trạm bơm điện do đơn vị quản lý năm 2029 và 6 tháng đầu năm 2030\n"
            "2 Đánh giá chung hiệu quả tưới tiêu của các trạm bơm, thuận lợi, khó khăn, kiến nghị\n"
            "3 Đề xuất danh mục trạm bơm cần nâng cấp trong năm 2031\n")
    p = prompts(o)
    assert p["Đánh giá chung hiệu quả tưới tiêu của các trạm bơm, thuận lợi, khó khăn, kiến nghị"][0] == "2"
    assert any(k.startswith("Đề xuất danh mục trạm bơm") and v[0] == "3" for k, v in p.items())


def test_a_line_listing_the_contents_of_the_report_asks_each_thing() -> None:
    """'Nội dung chi tiết của báo cáo: A, B, C' / 'Báo cáo gồm các nội dung: A; B; C': one ask per thing listed,
    typed by its own words (a count is a count), not the whole line as one page of text."""
    o = imp("Báo cáo hoạt động hội cựu chiến binh gồm:\n"
            "• Tên đơn vị báo cáo;\n"
            "• Nội dung chi tiết của báo cáo: Tổng số hội viên đến cuối kỳ, kết quả phong trào thi đua của các chi "
            "hội, những khó khăn trong sinh hoạt hội;\n"
            "1. Báo cáo gồm các nội dung: tình hình tổ chức đại hội chi hội; số hội viên được khen thưởng trong năm\n")
    p = prompts(o)
    assert p["Tổng số hội viên đến cuối kỳ"][1] == "integer"
    assert p["Kết quả phong trào thi đua của các chi hội"][1] == "longtext"
    assert "Những khó khăn trong sinh hoạt hội" in p
    assert p["Số hội viên được khen thưởng trong năm"] == ("1", "integer")
    assert not any(k.startswith("Nội dung chi tiết") for k in p)


def test_a_category_label_listing_its_kinds_in_parentheses_is_a_choice() -> None:
    """'Loại hình cơ sở (Nhà trẻ tư thục, Nhóm trẻ độc lập, Lớp mẫu giáo độc lập): ……' → a choice of those kinds,
    in a form's head as under a numbered heading."""
    line = ("Loại hình cơ sở (Nhà trẻ tư thục, Nhóm trẻ gia đình độc lập có giấy phép, "
            "Lớp mẫu giáo độc lập): ………………………………\n")
    for text in ("Tên cơ sở: …………………\n" + line + "I. Số trẻ\n1. Tổng số trẻ: …… trẻ\n",
                 "I. THÔNG TIN CHUNG\n- " + line):
        o = imp(text)
        q = next(r.question for r in o.refs if r.question.prompt == "Loại hình cơ sở")
        assert q.type == "choice" and len(q.options) == 3


def test_a_label_ending_in_co_so_is_a_field_not_a_document_number() -> None:
    """'Tên cơ sở: ……' is a field; only a label ending in 'số' ('Quyết định số') is a number's blank."""
    p = prompts(imp("Tên cơ sở: …………………\nĐịa chỉ: …………………\nI. Số trẻ\n1. Tổng số trẻ: …… trẻ\n"))
    assert p["Tên cơ sở"][1] == "text"


def test_a_filled_paragraph_of_figures_asks_each_figure() -> None:
    """One unit's paragraph stating its figures, broken across lines ('… tỉ lệ tham gia trên' / '75%; …'): each
    figure is an ask — 'Số <thing counted>' for a count, the rate by its words (a rate left blank too)."""
    o = imp("A. TÌNH HÌNH CHUNG\n"
            "Tổ dân phố số 4 có 320 hộ gia đình, câu lạc bộ có 86 hội viên đang sinh hoạt ở 5 nhóm sở thích. "
            "Tỷ lệ hộ tham gia trên\n75%; Tỷ lệ hộ đạt danh hiệu gia đình văn hóa là ……. %.\n"
            "B. KẾT QUẢ\n1. Công tác tuyên truyền\n")
    p = prompts(o)
    assert p["Số hộ gia đình"] == ("A", "integer")
    assert p["Số nhóm sở thích"] == ("A", "integer")
    assert p["Tỷ lệ hộ tham gia"] == ("A", "percent")
    assert p["Tỷ lệ hộ đạt danh hiệu gia đình văn hóa"] == ("A", "percent")


def test_a_count_heading_over_its_reported_figure_is_the_count_asked() -> None:
    """'2. Số vụ cháy rừng:' over a published statement of its figure ('Toàn tỉnh xảy ra 12 vụ, so với cùng kỳ
    giảm 3 vụ (-20%).'): the heading is the count asked, not the statement (nor a rate)."""
    o = imp("1. Số vụ cháy rừng:\nToàn tỉnh xảy ra 12 vụ, so với cùng kỳ giảm 3 vụ (-20%).\n"
            "2. Số héc-ta rừng bị thiệt hại:\nToàn tỉnh thiệt hại 40 ha, so với cùng kỳ tăng 5 ha.\n")
    p = prompts(o)
    assert p["Số vụ cháy rừng"] == ("1", "integer")
    assert not any(k.startswith("Toàn tỉnh") for k in p)


def test_an_ask_to_propose_or_draw_up_a_list_is_a_list() -> None:
    """'… đề xuất bổ sung danh sách …', '… lập danh mục …' anywhere in the ask: a list to fill, not prose."""
    p = prompts(imp("1. Phát triển mạng lưới điểm bưu điện văn hóa xã: đề xuất bổ sung danh sách điểm cần nâng cấp\n"
                    "2. Lập danh mục thiết bị cần thay thế trong năm 2031\n"))
    assert p["Phát triển mạng lưới điểm bưu điện văn hóa xã: đề xuất bổ sung danh sách điểm cần nâng cấp"][1] == "list"
    assert p["Lập danh mục thiết bị cần thay thế trong năm 2031"][1] == "list"


def test_a_heading_naming_a_template_leaves_the_name_to_the_form_below() -> None:
    """'A. Mẫu báo cáo …' over the agency header and the form's own name line: the form's line is the title."""
    o = imp("Phụ lục 2\nMẪU BÁO CÁO TIẾN ĐỘ GIẢI NGÂN\n"
            "A. Mẫu Báo cáo tiến độ giải ngân vốn hằng tuần\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "TỔNG HỢP TIẾN ĐỘ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG HẰNG TUẦN\n"
            "Ngày báo cáo: ...../...../2030\n1. Tổng số vốn đã giải ngân: …… triệu đồng\n")
    assert o.title == "Tổng hợp tiến độ giải ngân vốn đầu tư công hằng tuần"


def test_a_page_title_without_accents_yields_to_the_documents_own_name() -> None:
    """'BAO CAO KET QUA …' (a download page's file title, no diacritic) then the document's 'BÁO CÁO …' line: the
    accented name is the title."""
    o = imp("BAO CAO KET QUA HOI THI GIAO VIEN DAY GIOI\n\nTRƯỜNG THCS AN PHÚ\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "BÁO CÁO KẾT QUẢ HỘI THI GIÁO VIÊN DẠY GIỎI CẤP TRƯỜNG\nI. Số giáo viên dự thi: …… người\n")
    assert o.title == "Báo cáo kết quả hội thi giáo viên dạy giỏi cấp trường"


def test_a_figure_filled_after_a_count_leaves_the_prompt() -> None:
    """'Số phòng máy: 4' asks 'Số phòng máy'; 'Tổng số tổ và tổ viên (HTX): Tổ: 6; Số tổ viên: 58' asks 'Số tổ' and
    'Số tổ viên'."""
    p = prompts(imp("I. Quy mô\n1. Tổng số tổ và tổ viên (HTX) :Tổ: 6; Số tổ viên: 58.\n2. Số phòng máy: 4\n"))
    assert p["Số tổ"] == ("I", "integer")
    assert p["Số tổ viên"] == ("I", "integer")
    assert p["Số phòng máy"] == ("I", "integer")


def test_a_request_naming_the_reports_contents_asks_each_one() -> None:
    """'Đề nghị các xã báo cáo gồm các nội dung: A; B; C' in a letter: one ask per thing, typed by its words."""
    p = prompts(imp("PHẦN II\nPHƯƠNG HƯỚNG\nĐề nghị các trường báo cáo gồm các nội dung: kết quả duy trì sĩ số học "
                    "sinh; số giáo viên được bồi dưỡng chuyên môn; những khó khăn, vướng mắc và kiến nghị.\n"))
    assert p["Kết quả duy trì sĩ số học sinh"][1] == "longtext"
    assert p["Số giáo viên được bồi dưỡng chuyên môn"][1] == "integer"
    assert "Những khó khăn, vướng mắc và kiến nghị" in p


def test_a_yes_or_no_with_its_boxes_on_the_line_is_one_yes_or_no() -> None:
    """'3. Có … không: Có □ Không □' is one yes/no (not a page of text as well); '4. Những …: 02 điểm' keeps the
    label, the figure was one unit's answer."""
    p = prompts(imp("I. KẾT QUẢ\n3. Có tổ chức ngày hội đọc sách không: Có □ Không □\n"
                    "4. Những điểm trường chưa có thư viện và lý do: 02 điểm\n"))
    assert p["Có tổ chức ngày hội đọc sách không"] == ("I", "yesno")
    assert not any("□" in k for k in p)
    assert p["Những điểm trường chưa có thư viện và lý do"] == ("I", "text")
