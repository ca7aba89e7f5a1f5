"""Asks the importer missed outright ('no imported ask near enough'), by the shape of their line (session 25, i25b):
papers cited by number and date inside a sentence, a date's blank among trailing labels, the addressee's dash, a
label whose note the copy cut off, boxes typed as brackets, a breakdown's lead run into its first bullet. Made-up
text only."""

from dialogs.importer import draft_outline, import_document
from dialogs.importer.build import _closing_paragraph
from dialogs.importer.cited_papers import cited_papers
from dialogs.importer.cleaning import BRACKET_BOX
from dialogs.importer.forms import blank_fields, dated_fields, options_of
from dialogs.importer.listed_lines import listed_lines
from dialogs.importer.questions import asks_from_text
from dialogs.importer.structure import build_tree, join_broken
from dialogs.importer.unit_blanks import split_field_line


def _got(text: str) -> list[tuple[str, str]]:
    return [(a.prompt, a.type) for a in asks_from_text(text)]


# --- papers cited by number and date inside a running sentence


def test_two_papers_cited_in_one_sentence():
    line = ("Căn cứ Nghị quyết số ……… ngày …… tháng …… năm …… của Hội đồng nhân dân ……… và Kế hoạch số …… ngày ……"
            "tháng ……năm …… của Ban quản lý ……… thì đơn vị ……")
    assert cited_papers(line) == [
        "Nghị quyết số", "Ngày tháng năm của Nghị quyết", "Của Hội đồng nhân dân",
        "Kế hoạch số", "Ngày tháng năm của Kế hoạch", "Của Ban quản lý", "Thì đơn vị",
    ]


def test_cited_paper_whose_issuer_is_a_blank():
    assert cited_papers("Theo Công văn số ….. ngày ….. tháng ….. năm ….. của ……….") == [
        "Theo Công văn số", "Ngày tháng năm của Công văn", "Cơ quan ban hành Công văn (của)",
    ]


def test_cited_paper_with_a_printed_century_and_a_label_after():
    assert cited_papers("Thông báo số …… ngày …… tháng …… năm 20…… người nhận ……") == [
        "Thông báo số", "Ngày tháng năm của Thông báo", "Người nhận",
    ]


def test_cited_papers_typed_through_the_form_line():
    got = _got("Theo Giấy mời số ……… ngày ……tháng ……năm …… của Ủy ban ……… thì bà ………")
    assert ("Ngày tháng năm của Giấy mời", "date") in got
    assert ("Của Ủy ban", "text") in got
    assert dated_fields("Theo Giấy mời số …… ngày …… tháng …… năm ……")[1] == "Ngày tháng năm của Giấy mời"


def test_no_paper_no_citation():
    assert cited_papers("Hà Nội, ngày …… tháng …… năm ……") == []
    assert cited_papers("Sinh ngày …… tháng …… năm …… tại ……") == []
    assert cited_papers("Giấy tờ tùy thân số …… cấp ngày …… tháng …… năm …… tại ……") == []
    assert cited_papers("Quyết định số …… ngày …… tháng …… năm ……. Đề nghị các đơn vị thực hiện nghiêm túc các "
                        "nội dung đã nêu trong quyết định trên ……") == []


# --- a date's blank '…/…/…' among the labels after a colon's blank


def test_date_blank_among_trailing_labels():
    assert _got("Thẻ đoàn viên số:…Do đơn vị…Cấp ngày…./…./….") == [
        ("Thẻ đoàn viên số", "text"), ("Do đơn vị", "text"), ("Cấp ngày", "date")]
    assert _got("Giấy phép số: ……… do Sở Công Thương ……… cấp ngày ……/……/……")[-1] == ("Cấp ngày", "date")


def test_trailing_unit_stays_a_unit():
    assert all(p != "Hộ" for p, _ in _got("Số hộ được hỗ trợ: …… hộ"))


# --- 'Kính gửi:' and a dash before the addressee's blank


def test_addressee_after_a_dash():
    assert blank_fields("Kính gửi: – Ban quản lý khu phố……") == ["Ban quản lý khu phố"]
    assert blank_fields("Kính gửi: - Phòng Văn hóa ………") == ["Phòng Văn hóa"]
    assert blank_fields("Kính gửi: Ban chấp hành ……") == ["Ban chấp hành"]


def test_addressee_without_a_blank_asks_nothing():
    assert blank_fields("Kính gửi: – Ủy ban nhân dân huyện") == []


# --- a label whose note in parentheses the copy cut off, then the form's next line


def test_cut_note_is_no_wrap():
    lines = ["Họ và tên người nộp (ghi theo giấy tờ của", "Theo Quyết định số …… ngày …… tháng …… năm ……"]
    assert join_broken(lines, False)[0] == lines
    lines = ["Tên đơn vị (viết đầy đủ, không viết tắt nếu", "Địa chỉ: ………"]
    assert join_broken(lines, False)[0] == lines


def test_wrapped_note_still_joins():
    lines = ["Số người tham gia (kể cả người của", "các đơn vị khác): ……"]
    assert join_broken(lines, False)[0] == ["Số người tham gia (kể cả người của các đơn vị khác): ……"]
    lines = ["Đối tượng được hỗ trợ (ghi rõ là", "Hộ nghèo, hộ cận nghèo): ……"]  # the line closes the bracket
    assert len(join_broken(lines, False)[0]) == 1


# --- boxes typed as brackets


def test_bracket_boxes_are_boxes():
    assert BRACKET_BOX.sub("□", "Có [ ] Không [ ]") == "Có □ Không □"
    assert BRACKET_BOX.sub("□", "Đã nộp [  ]") == "Đã nộp □"
    assert BRACKET_BOX.sub("□", "Xem [1] và [a]") == "Xem [1] và [a]"


def test_bracket_boxes_ask_yes_or_no():
    text = ("PHIẾU TỰ KIỂM TRA\nI. VIỆC CHẤP HÀNH\n1. Báo cáo định kỳ\n"
            "1.1. Gửi báo cáo định kỳ về an toàn lao động với cơ quan quản lý:\nCó [ ] Không [ ]\n"
            "1.2. Gửi báo cáo định kỳ về tiền lương với cơ quan quản lý:\nCó [ ] Không [ ]\n")
    outline = draft_outline(import_document(text.encode(), "phieu.txt"))
    got = [(r.question.prompt, r.question.type) for r in outline.refs]
    assert ("Gửi báo cáo định kỳ về an toàn lao động với cơ quan quản lý", "yesno") in got
    assert not any("[ ]" in p for p, _ in got)


# --- a breakdown's lead run into its first bullet


def test_breakdown_lead_run_into_first_bullet():
    assert split_field_line("Trong đó: – Cán bộ nữ:……người") == ["Trong đó:", "– Cán bộ nữ:……người"]
    assert split_field_line("Chia ra: + Hộ nghèo: …… hộ") == ["Chia ra:", "+ Hộ nghèo: …… hộ"]


def test_breakdown_lead_with_its_own_blank_untouched():
    assert split_field_line("Trong đó: nữ …… người") != ["Trong đó:", "nữ …… người"]
    assert split_field_line("Trong đó – nội dung chính") == ["Trong đó – nội dung chính"]


# --- a text that asks by nothing else: a run of short listed phrases


def test_listed_phrases_are_the_asks():
    lines = ["Mức độ đầy đủ của thông tin hướng dẫn", "Khả năng tra cứu hồ sơ trực tuyến",
             "Thời gian giải quyết hồ sơ (kể cả thời gian chờ)", "Thái độ của cán bộ tiếp nhận"]
    assert listed_lines(lines) == lines
    assert listed_lines(["", *lines[:3], "", "Đăng xuất"]) == lines[:3]


def test_listed_phrases_through_the_import():
    text = ("Độ rõ ràng của biểu mẫu điện tử\nSự thuận tiện khi nộp hồ sơ qua mạng\n"
            "Tốc độ phản hồi của hệ thống (khi tra cứu, khi nộp)\nSkip Ribbon Commands\nSign In\n")
    outline = draft_outline(import_document(text.encode(), "trang.txt"))
    prompts = [r.question.prompt for r in outline.refs]
    assert prompts[:3] == ["Độ rõ ràng của biểu mẫu điện tử", "Sự thuận tiện khi nộp hồ sơ qua mạng",
                           "Tốc độ phản hồi của hệ thống (khi tra cứu, khi nộp)"]
    assert not any("Skip" in p or "Sign" in p for p in prompts)


def test_sentences_or_short_lines_list_nothing():
    assert listed_lines(["Đơn vị đã hoàn thành kế hoạch năm.", "Kết quả được tổng hợp đầy đủ.",
                         "Các chỉ tiêu đều đạt."]) == []
    assert listed_lines(["Trang chủ", "Tin tức", "Liên hệ"]) == []
    assert listed_lines(["Mức độ đầy đủ của thông tin", "Khả năng tra cứu hồ sơ"]) == []  # two lines: no run
    assert listed_lines(["Họ và tên người khai: ……", "Địa chỉ thường trú: ……", "Số điện thoại liên hệ: ……"]) == []


# --- 'Ghi chú:' notes numbered by bare figures, their marks glued in the blanks


def _outline(text: str):
    return draft_outline(import_document(text.encode(), "mau.txt"))


NOTED_FORM = """BÁO CÁO TÌNH HÌNH TIÊM PHÒNG
Đơn vị báo cáo:.....1......
Địa bàn:..........2............
Kính gửi:..........3..........
Kết quả tiêm phòng
Khó khăn, vướng mắc
...........................................
Ghi chú:
1. Tên đơn vị lập báo cáo;
2 Tên xã, phường;
3Tên cơ quan nhận báo cáo;
"""


def test_bare_numbered_notes_are_help_not_sections():
    outline = _outline(NOTED_FORM)
    refs = {r.question.prompt: r for r in outline.refs}
    assert refs["Địa bàn"].question.help == "Chú thích: Tên xã, phường."
    assert all(r.section_number in ("", None) for r in outline.refs)
    assert not any(p.startswith("Tên xã") for p in refs)


def test_bare_numbered_list_without_marks_stays():
    text = ("BÁO CÁO CÔNG TÁC\nGhi chú:\n1. Tình hình thực hiện nhiệm vụ trong kỳ\n"
            "2. Phương hướng nhiệm vụ kỳ tới\n")
    prompts = [r.question.prompt for r in _outline(text).refs]
    assert any(p.startswith("Tình hình thực hiện nhiệm vụ") for p in prompts)


def test_addressee_blank_lists_no_addressees():
    prompts = [r.question.prompt for r in _outline(NOTED_FORM).refs]
    assert "Khó khăn, vướng mắc" in prompts


def test_addressees_after_a_bare_kinh_gui_dropped():
    text = ("CÔNG VĂN\nKính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.\n1. Tình hình thực hiện nhiệm vụ năm 2024\n"
            "2. Đề xuất, kiến nghị\n")
    prompts = [r.question.prompt for r in _outline(text).refs]
    assert not any("Sở Tài chính" in p or "Sở Nội vụ" in p for p in prompts)


# --- a question ending with '?' over its answers, some longer, one written in


def test_question_over_longer_answers_and_a_write_in():
    opts = ["Ô tô riêng", "Ô tô của người quen", "Xe khách hay phương tiện công cộng khác (tàu, phà (nếu có))",
            "Xe đưa đón của cơ quan, trường học hoặc doanh nghiệp", "Đi bộ", "Khác ______________"]
    assert options_of("Phương tiện chính quý vị dùng để đi làm là gì?", opts) == ("choice", [
        "Ô tô riêng", "Ô tô của người quen", "Xe khách hay phương tiện công cộng khác (tàu, phà (nếu có))",
        "Xe đưa đón của cơ quan, trường học hoặc doanh nghiệp", "Đi bộ", "Khác"])


def test_lines_under_a_heading_or_sentences_are_no_answers():
    opts = ["Ô tô riêng", "Xe khách hay phương tiện công cộng khác (tàu, phà)",
            "Xe đưa đón của cơ quan, trường học hoặc doanh nghiệp, kể cả xe thuê theo hợp đồng dài hạn", "Đi bộ"]
    assert options_of("Phương tiện đi lại chính", opts[:2] + opts[3:]) is None  # no question: short options only
    assert options_of("Phương tiện chính quý vị dùng là gì?", opts) is None  # one too long
    sentences = ["Đơn vị đã triển khai. Kết quả tốt", "Chưa làm", "Đang làm"]
    assert options_of("Đơn vị đã làm chưa?", sentences) is None
    mostly_long = ["Xe khách hay phương tiện công cộng khác trong tỉnh", "Xe đưa đón của cơ quan hoặc trường học",
                   "Đi bộ"]
    assert options_of("Quý vị đi làm bằng gì?", mostly_long) is None


# --- a closing paragraph after a list of one-line items


CLOSING = ("BÁO CÁO CÔNG TÁC NĂM\n1. Kết quả tuyển dụng viên chức trong năm.\n2. Công tác đào tạo, bồi dưỡng.\n"
           "3. Việc thực hiện chế độ, chính sách đối với người lao động.\n"
           "Ngoài những nội dung trên, các đơn vị chủ động báo cáo thêm những vấn đề phát sinh trong năm có liên quan "
           "đến công tác tổ chức cán bộ để cơ quan tổng hợp.\n")


def test_last_item_keeps_its_own_ask_before_a_closing_paragraph():
    prompts = [r.question.prompt for r in _outline(CLOSING).refs]
    assert any(p.startswith("Việc thực hiện chế độ, chính sách") for p in prompts)


def test_detail_under_the_last_item_stays_with_it():
    text = CLOSING.replace("Ngoài những nội dung trên, các đơn vị chủ động", "nêu rõ số người được hưởng,")
    tree_text = [r.question.prompt for r in _outline(text).refs]
    assert not any(p.startswith("Ngoài những nội dung") for p in tree_text)
    two_items = ("BÁO CÁO\n1. Kết quả tuyển dụng.\n2. Công tác đào tạo, bồi dưỡng.\n"
                 "Trong đó nêu rõ số lớp đã mở, số lượt cán bộ được cử đi học, kinh phí đã chi và nguồn kinh phí, "
                 "những khó khăn, vướng mắc.\n")
    node = build_tree(two_items.splitlines()[1:])
    assert _closing_paragraph(node).children[-1].body  # two items: no list to close


# --- a note in parentheses after a labelled blank; a word printed before the blank; slashed labels after it


def test_note_after_a_labelled_blank_is_its_help():
    assert [(a.prompt, a.type, a.help) for a in asks_from_text("Họ và tên chủ hộ:……(viết chữ in hoa)")] == [
        ("Họ và tên chủ hộ", "text", ["Viết chữ in hoa"])]


def test_one_word_label_takes_its_note_head():
    got = asks_from_text("Là:…(quan hệ với người được đề nghị, ví dụ, con đẻ … của ông/bà…)")
    assert [(a.prompt, a.help) for a in got] == [("Là (quan hệ với người được đề nghị)", ["Ví dụ: con đẻ của ông/bà"])]
    assert asks_from_text("Với: ……… (ghi rõ đơn vị)")[0].prompt == "Với (ghi rõ đơn vị)"


def test_printed_word_before_the_blank_then_slashed_labels():
    got = asks_from_text("Tên đơn vị được kiểm tra: Trạm ……… thôn/xóm……xã/phường……Huyện/thị xã……")
    assert [a.prompt for a in got] == ["Tên đơn vị được kiểm tra: Trạm", "Thôn/xóm", "Xã/phường", "Huyện/thị xã"]


def test_one_slashed_unit_after_a_blank_is_no_label():
    assert all(a.prompt != "Lượt/ngày" for a in asks_from_text("Số lượt khám: …… lượt/ngày"))
    assert all(a.prompt != "Hộ/xã" for a in asks_from_text("Bình quân: …… hộ/xã"))


# --- an example in parentheses at the end of a heading that asks


def test_example_in_parentheses_goes_to_the_help():
    text = ("PHIẾU MÔ TẢ\n1. Tên mô hình:\n2. Lĩnh vực áp dụng mô hình (Ví dụ: Nông nghiệp, xây dựng nông thôn mới...)\n"
            "3. Địa bàn áp dụng (ví dụ, thôn, xã)\n")
    refs = {r.question.prompt: r.question for r in _outline(text).refs}
    assert refs["Lĩnh vực áp dụng mô hình"].help == "Ví dụ: Nông nghiệp, xây dựng nông thôn mới."
    assert refs["Địa bàn áp dụng"].help == "Ví dụ: thôn, xã."


def test_other_parentheses_stay_in_the_prompt():
    text = "PHIẾU MÔ TẢ\n1. Tên mô hình:\n2. Mục đích của giải pháp (để giải quyết vấn đề gì)\n3. Kết quả đạt được\n"
    prompts = [r.question.prompt for r in _outline(text).refs]
    assert "Mục đích của giải pháp (để giải quyết vấn đề gì)" in prompts


# --- the year of a period after another blank


def test_year_after_a_period_blank():
    assert blank_fields("KỲ BÁO CÁO……………….NĂM.……………") == ["KỲ BÁO CÁO", "Năm"]
    assert blank_fields("Học kỳ …… năm ……") == ["Học kỳ", "Năm"]


def test_year_of_a_date_stays_no_label():
    assert "Năm" not in blank_fields("Lạng Sơn, ngày …… tháng …… năm ……")
    assert "Năm" not in blank_fields("Từ tháng …… năm ……")
    assert blank_fields("Năm ……") == []
