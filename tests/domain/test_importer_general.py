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


def test_a_report_squeezed_onto_one_line_is_split_at_its_parts_counting_up() -> None:
    """A PDF or web copy that put a whole report on one line: it is broken before 'Phần I/II', 'I./II.' and
    '1./2./3.' where they count up in order (a '3.' a sentence merely mentions stays where it is)."""
    line = ("BÁO CÁO Tình hình thực hiện chương trình nước sạch nông thôn Phần I KẾT QUẢ THỰC HIỆN NĂM QUA "
            "I. CÔNG TÁC CHỈ ĐẠO 1. Ban hành văn bản hướng dẫn theo điều 3. Quy chế của tỉnh 2. Tuyên truyền, vận "
            "động người dân sử dụng nước sạch 3. Kiểm tra, giám sát chất lượng nước II. ĐÁNH GIÁ CHUNG 1. Mặt được "
            "2. Hạn chế, nguyên nhân Phần II NHIỆM VỤ NĂM TỚI 1. Mục tiêu 2. Giải pháp chủ yếu")
    got = prompts(imp(f"Trang tài liệu chia sẻ\n{line}\n"))
    assert got["Tuyên truyền, vận động người dân sử dụng nước sạch"][0] == "Phần I.I"
    assert got["Kiểm tra, giám sát chất lượng nước"][0] == "Phần I.I"
    assert got["Hạn chế, nguyên nhân"][0] == "Phần I.II"
    assert got["Giải pháp chủ yếu"][0] == "Phần II"
    assert any(p.startswith("Ban hành văn bản hướng dẫn theo điều 3") for p in got)  # not cut at 'điều 3.'


def test_a_form_squeezed_onto_one_line_asks_the_fields_of_its_lettered_part() -> None:
    """'A. THÔNG TIN … 1. Tên: …… Mã số: 2. Địa chỉ: …… B. …' on one line: the numbered lines are fields of part A,
    each labelled blank a question, not sections of their own."""
    line = ("PHIẾU KHẢO SÁT CƠ SỞ CHẾ BIẾN NÔNG SẢN Kỳ khảo sát: Quý….. năm…. A. THÔNG TIN CHUNG 1. Tên cơ sở: "
            "........................................ Mã cơ sở: 2. Địa chỉ trụ sở: ...................................."
            ".................... 3. Người đại diện theo pháp luật: ......................... Số điện thoại: "
            "........................ B. KẾT LUẬN CỦA ĐOÀN 1. Nhận xét chung: ..............................")
    got = prompts(imp(f"Xem tài liệu\n{line}\n"))
    assert got["Địa chỉ trụ sở"] == ("A", "text")
    assert got["Người đại diện theo pháp luật"] == ("A", "text")
    assert got["Số điện thoại"] == ("A", "text")


def test_the_minutes_opening_is_a_date_and_the_people_present_one_list() -> None:
    """'Vào lúc … giờ … ngày … tháng … năm … tại …' is when (a date) and where; 'Thành phần tham dự:' over
    'Ông/Bà …' lines is one list of the people present, not a question or a section per person."""
    o = imp("BIÊN BẢN KIỂM TRA VỆ SINH AN TOÀN THỰC PHẨM\n"
            "Vào lúc ..... giờ ..... ngày ..... tháng ..... năm ..... tại Nhà hàng ...........\n"
            "Thành phần tham dự:\n1. Ông/Bà: ................ chức vụ: Trưởng đoàn\n"
            "2. Ông/Bà: ................ chức vụ: Thành viên\n"
            "I. NỘI DUNG KIỂM TRA\n1. Điều kiện vệ sinh cơ sở: ...............\n")
    got = prompts(o)
    assert got["Ngày giờ"][1] == "date"
    assert got["Tại Nhà hàng"][1] == "text"
    assert got["Thành phần tham dự"][1] == "list"
    assert not any("chức vụ" in p for p in got)
    people = next(r.question for r in o.refs if r.question.prompt == "Thành phần tham dự")
    assert [f.label for f in people.fields] == ["Họ và tên", "Chức vụ"]


def test_a_checklist_of_papers_asks_whether_each_is_there() -> None:
    """Bullets naming papers under 'Hồ sơ …:' are yes/no each; a paper with 'số … ngày …' blanks asks its reference,
    one with only a date's blanks its date."""
    got = prompts(imp("BIÊN BẢN KIỂM TRA CƠ SỞ GIẾT MỔ\n1. Hồ sơ pháp lý của cơ sở:\n- Giấy phép kinh doanh.\n"
                      "- Sổ theo dõi nhập động vật.\n- Quyết định công nhận cơ sở an toàn dịch bệnh, số ……/QĐ ngày "
                      "……/……/……\n- Biên bản kiểm tra lần trước …/…/……\n2. Điều kiện vệ sinh: ...................\n"))
    assert got["Giấy phép kinh doanh"] == ("1", "yesno")
    assert got["Sổ theo dõi nhập động vật"] == ("1", "yesno")
    assert got["Biên bản kiểm tra lần trước"] == ("1", "date")
    assert [t for p, t in got.items() if p.startswith("Quyết định công nhận")] == [("1", "text")]


def test_boxes_to_tick_are_yes_or_no_and_a_choice_never_text_with_the_box() -> None:
    """A statement with one box ('… bị gián đoạn □') is ticked or not; sibling bullets each with a box are one
    choice; a heading 'II. NỘI DUNG BÁO CÁO' beside an 'I.' that asks keeps its '1.', '2.' under it."""
    got = prompts(imp("PHIẾU BÁO CÁO SỰ CỐ MẤT ĐIỆN\nI. THÔNG TIN NGƯỜI BÁO CÁO\n- Họ và tên: ………… Chức vụ: …………\n"
                      "II. NỘI DUNG BÁO CÁO\n1. Báo cáo lần đầu (ghi đủ các mục dưới đây) □\n+ Thời điểm phát hiện: ……………\n"
                      "2. Phạm vi ảnh hưởng:\n- Trạm biến áp bị gián đoạn □\n+ Mất điện toàn khu vực □\n"
                      "+ Mất điện một phần khu vực □\n"))
    assert got["Báo cáo lần đầu"] == ("II.1", "yesno")
    assert got["Trạm biến áp bị gián đoạn"] == ("II.2", "yesno")
    assert got["Mất điện toàn khu vực / một phần khu vực"] == ("II.2", "choice")
    assert not any("□" in p for p in got)


def test_a_scoring_rubric_asks_what_holds_not_the_points() -> None:
    """Bullets scored by the grader ('…: 1/2 * Điểm tối đa', '… không …: 0 điểm'): a statement listed with its
    negation is one yes/no; alternatives of one another are one choice; the points leave the prompts."""
    got = prompts(imp("BỘ TIÊU CHÍ ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH\n1. Công tác chỉ đạo (20 điểm)\n"
                      "Ban hành kế hoạch cải cách hành chính năm (5đ)\n- Kế hoạch ban hành trong quý I: Điểm tối đa\n"
                      "- Kế hoạch ban hành sau quý I: 1/2 * Điểm tối đa\n- Không ban hành kế hoạch: 0 điểm\n"
                      "1.2. Tuyên truyền cải cách hành chính (5đ)\n- Có chuyên mục trên cổng thông tin: 1/2 * Điểm tối đa\n"
                      "- Tổ chức hội nghị quán triệt: 1/2 * Điểm tối đa\n- Không có chuyên mục trên cổng thông tin: 0 điểm\n"
                      "- Không tổ chức hội nghị quán triệt: 0 điểm\n"))
    assert got["Có chuyên mục trên cổng thông tin"] == ("1.2", "yesno")
    assert got["Tổ chức hội nghị quán triệt"] == ("1.2", "yesno")
    assert got["Ban hành kế hoạch cải cách hành chính năm"] == ("1", "choice")
    assert not any("điểm" in p.lower() for p in got)


def test_a_row_copied_with_its_unit_column_asks_each_figure_in_its_unit() -> None:
    """'Label Người Label Người' (a form's row whose unit column was flattened into the line): a figure each."""
    got = prompts(imp("PHIẾU THÔNG TIN HỢP TÁC XÃ\n2. Thành viên\nSố thành viên đầu kỳ Người Số thành viên cuối kỳ Người\n"
                      "Vốn điều lệ đầu kỳ Triệu đồng Vốn điều lệ cuối kỳ Triệu đồng\n"))
    assert got["Số thành viên đầu kỳ"] == ("2", "integer")
    assert got["Số thành viên cuối kỳ"] == ("2", "integer")
    assert got["Vốn điều lệ cuối kỳ"] == ("2", "money")


def test_pages_numbered_by_a_sharing_site_and_decimals_under_a_roman_part_are_split() -> None:
    """A sharing site's copy gives each page as one paragraph numbered '1.', '2.': the page numbers go; inside a
    page, 'I. …' then '1.1. …', '1.2 …' (no closing dot) count on and start their own lines."""
    filler = " ".join(["Phiếu dùng cho cán bộ khuyến nông khi đến thăm từng hộ gia đình."] * 8)
    page1 = (f"1. PHIẾU KHẢO SÁT HỘ NUÔI TÔM {filler} I. Tình hình nuôi tôm của hộ 1.1. Hộ có ao nuôi tôm hay không? "
             "1.2 Diện tích ao nuôi của hộ: ……… ha 1.3 Theo ông bà, khó khăn lớn nhất khi nuôi tôm là gì?")
    got = prompts(imp(f"Xem mẫu\n{page1}\n2. II. Ý kiến của hộ về dịch vụ khuyến nông\n"))
    assert got["Diện tích ao nuôi của hộ"] == ("I", "decimal")
    assert got["Theo ông bà, khó khăn lớn nhất khi nuôi tôm là gì?"][0] == "I"
    assert not any(p.startswith("II.") for p in got)  # '2.' was the page's number: 'II.' is the document's part


def test_coded_answers_run_together_on_a_form_head_are_a_choice_each() -> None:
    """'Nghề chính (1: Trồng trọt; 2: Chăn nuôi). Giới tính (nam 0; nữ 1) Loại đất: (1: …; 2: …)' after blanks on one
    line: each label with its coded answers is a choice."""
    got = prompts(imp("PHIẾU ĐIỀU TRA HỘ TRỒNG CHÈ\nHọ và tên chủ hộ ………… Năm sinh/tuổi ……… Nghề chính (1: Trồng trọt; "
                      "2: Chăn nuôi; 3: Khác). Giới tính (nam 0; nữ 1) Loại đất: (1: Đất đồi; 2: Đất bãi; 3: khác)\n"
                      "I. Diện tích chè\n1.1. Diện tích chè của hộ: ……… ha\n"))
    assert got["Năm sinh/tuổi"][1] == "integer"
    assert got["Nghề chính"][1] == "choice"
    assert got["Giới tính"][1] == "choice"
    assert got["Loại đất"][1] == "choice"


def test_a_name_in_capitals_inside_a_page_long_line_names_the_document() -> None:
    """'… Nơi nhận: Sở Công Thương. PHIẾU BÁO CÁO GIÁ BÁN LẺ Tháng… năm… A. …' (a page squeezed onto one line):
    the name in capitals is the title, wherever on the line it stands."""
    line = ("Cơ quan thống kê cảm ơn sự hợp tác của quý cửa hàng và bảo đảm giữ bí mật thông tin đã cung cấp. Mẫu số "
            "05/CT Ngày nhận: ngày 12 hằng tháng Nơi nhận: Sở Công Thương tỉnh. PHIẾU BÁO CÁO GIÁ BÁN LẺ HÀNG HÓA "
            "Tháng....... năm....... A. THÔNG TIN CỬA HÀNG 1. Tên cửa hàng: ..................................... "
            "2. Địa chỉ: ............................................ B. GIÁ BÁN 1. Giá gạo tẻ thường: ........ đồng/kg")
    assert imp(f"Xem mẫu\n{line}\n").title == "Phiếu báo cáo giá bán lẻ hàng hóa"


def test_a_long_ask_keeps_its_head_and_gives_its_period_and_acts_as_help() -> None:
    """'1. Kết quả … năm nay (thời gian báo cáo từ …) theo Kế hoạch số …, trong đó …' (one very long numbered ask):
    the head is the prompt; the period, the acts it follows and the focus are its help."""
    o = imp("BÁO CÁO CÔNG TÁC PHÒNG CHỐNG THIÊN TAI\n1. Kết quả triển khai công tác phòng chống thiên tai năm nay; "
            "nhiệm vụ năm tới (thời gian báo cáo từ ngày 01/01 đến ngày 30/11) theo Kế hoạch số 12/KH-BCH ngày 05/01 "
            "của Ban Chỉ huy tỉnh và Công văn số 34/BCH ngày 10/3, trong đó tập trung phân tích những tồn tại, hạn chế "
            "và nguyên nhân thiệt hại tăng cao tại địa phương trong năm\n2. Các kiến nghị, đề xuất\n")
    q = next(r.question for r in o.refs if r.section_number == "1")
    assert q.prompt == "Kết quả triển khai công tác phòng chống thiên tai năm nay; nhiệm vụ năm tới"
    assert "Kế hoạch số 12/KH-BCH" in (q.help or "")


def test_a_question_asking_how_much_is_never_refused() -> None:
    """'… là bao nhiêu?' whose report label cannot be restated: the draft still passes the checker."""
    got = prompts(imp("PHIẾU KHẢO SÁT HỘ\nI. Tình hình\n1.1. Diện tích vườn của hộ là bao nhiêu?\n"))
    assert got["Diện tích vườn của hộ là bao nhiêu?"][0] == "I"


def test_the_slots_of_a_persons_name_and_post_are_no_questions() -> None:
    """'Đại diện Ban quản lý: ……(chức vụ); - Ông: ……(chức vụ)': the post and 'Ông' slots ask nothing of their own."""
    got = prompts(imp("BIÊN BẢN NGHIỆM THU ĐƯỜNG GIAO THÔNG NÔNG THÔN\nĐại diện Ban quản lý: ……………(chức vụ); - Ông: "
                      "……………(chức vụ); Đại diện nhà thầu thi công: ……………(chức vụ)\nI. KẾT QUẢ NGHIỆM THU\n"
                      "1. Chiều dài tuyến đường: ……… km\n"))
    assert "Đại diện Ban quản lý" in got and "Đại diện nhà thầu thi công" in got
    assert not any(p.lower().startswith(("(chức vụ", "ông")) for p in got)


def test_options_listed_with_their_boxes_lose_the_boxes() -> None:
    got = imp("PHIẾU KHẢO SÁT GIÁO VIÊN\nI. Thông tin chung\n1. Hình thức đào tạo:\n- Chính quy □\n- Tại chức □\n")
    q = next(r.question for r in got.refs if r.question.prompt == "Hình thức đào tạo")
    assert q.type == "choice" and [o.label for o in q.options] == ["Chính quy", "Tại chức"]


def test_headings_in_capitals_over_dotted_lines_are_parts_to_write_not_a_table() -> None:
    """'MỞ ĐẦU:' / '……' / 'KẾT QUẢ:' / '……' under the national motto: one written part a heading (longtext), never
    a table rebuilt from lines that only look like one cell each."""
    got = prompts(imp("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n……, ngày …. tháng …. năm ……\n"
                      "BÁO CÁO SƠ KẾT CÔNG TÁC HỘI NÔNG DÂN\nPHẦN MỞ ĐẦU:\n……..\nKẾT QUẢ THỰC HIỆN TRONG NĂM:\n………\n"
                      "KHÓ KHĂN VÀ TỒN TẠI:\n……….\nNHIỆM VỤ NĂM TỚI:\n………..\n"))
    for p in ("PHẦN MỞ ĐẦU", "KẾT QUẢ THỰC HIỆN TRONG NĂM", "KHÓ KHĂN VÀ TỒN TẠI", "NHIỆM VỤ NĂM TỚI"):
        assert got[p][1] == "longtext", (p, got)
    assert not any(t == "table" for _, t in got.values())


def test_blanks_counted_in_comrades_joined_by_a_dash_are_separate_counts() -> None:
    """'Tổng số hội viên: …… đ/c – Số hội viên có mặt: …… đồng chí': two counts of people ('đồng chí' is no money)."""
    got = prompts(imp("BIÊN BẢN SINH HOẠT CHI HỘI\n– Tổng số hội viên của chi hội: …….. đ/c – Số hội viên có mặt: ….. "
                      "đồng chí\n– Số hội viên vắng mặt: …… đ/c\n"))
    assert got["Tổng số hội viên của chi hội"][1] == "integer"
    assert got["Số hội viên có mặt"][1] == "integer"
    assert got["Số hội viên vắng mặt"][1] == "integer"


def test_present_out_of_a_total_is_two_counts() -> None:
    """'Hội nghị có mặt … hội viên (chính thức) trên tổng số … hội viên (chính thức) được triệu tập': how many came
    and how many were called, both counts, the noun kept in each."""
    got = prompts(imp("BIÊN BẢN HỘI NGHỊ CHI HỘI NÔNG DÂN\nHội nghị có mặt… hội viên (chính thức) trên tổng số … hội viên "
                      "(chính thức) được triệu tập.\n"))
    assert got["Hội nghị có mặt hội viên (chính thức)"][1] == "integer"
    assert got["Tổng số hội viên (chính thức) được triệu tập"][1] == "integer"


def test_a_persons_title_before_the_blank_stays_with_its_label() -> None:
    """'1. Chủ tọa: Ông (bà) ……… Chức vụ: ………' (minutes of a meeting): two fields, no blank left in a prompt."""
    got = prompts(imp("BIÊN BẢN HỌP TỔ DÂN PHỐ\nI. Thành phần tham dự\n1. Chủ tọa: Ông (bà) ……… Chức vụ: ………\n"
                      "2. Thư ký: Ông ……… Chức vụ: ………\nII. Nội dung cuộc họp\n1. Ý kiến của người dân: ………\n"))
    assert got["Chủ tọa: Ông (bà)"][1] == "text" and got["Thư ký: Ông"][1] == "text"
    assert "Chức vụ" in got and not any("…" in p for p in got)


def test_a_short_label_before_a_blank_and_its_guide_is_a_field() -> None:
    """'– Tại … (ghi địa điểm tổ chức họp)': a line of text named 'Tại', the guide its help, no blank in the prompt."""
    o = imp("BIÊN BẢN HỌP BAN CHẤP HÀNH\n– Thời gian: bắt đầu lúc … giờ\n– Tại … (ghi địa điểm tổ chức cuộc họp ban)\n"
            "– Số ủy viên vắng mặt: …… đ/c\n")
    q = next(r.question for r in o.refs if r.question.prompt == "Tại")
    assert q.type == "text" and "địa điểm" in (q.help or "")
