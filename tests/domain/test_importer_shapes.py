"""The general shapes of real outlines handled in session 20 (issue 21), each on made-up text: damaged text repaired
only when sure, forms whose blanks a PDF copy lost, dates written with blanks, numbered form lines that are asks."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.ask_types import Ask, per_level
from dialogs.importer.build import split_buried_name
from dialogs.importer.cleaning import strip_page_marks
from dialogs.importer.forms import date_blank, filled_field
from dialogs.importer.lost_blanks import lost_blank_asks
from dialogs.importer.prose import focus_asks
from dialogs.importer.questions import asks_from_text, split_lists
from dialogs.importer.repair import repair_lines
from dialogs.importer.textgrid import cell_run_table
from dialogs.importer.tidy import not_an_ask
from dialogs.loader import check_outline_text
from tests.support.importing import imp, prompts, word_file


def _docx_outline(paragraphs: list[str], rows: list[list[str]]):
    """A Word file: the paragraphs, then a table of these rows; imported, and checked as an outline."""
    outline, problems = check_outline_text(import_document(word_file(paragraphs, rows), "phieu.docx").yaml)
    assert not problems, problems
    return outline


def test_a_repair_to_a_syllable_no_text_uses_is_reported_not_applied():
    lines = ["Báo cáo cơng tác quản lý trường học khơng đúng hạn",
             "Kết quả cơng tác kiểm tra phịng học của các trường", "Xem thêm tại trang: bao-cao-bieu-mau"]
    out, report = repair_lines(lines)
    assert out[0] == "Báo cáo công tác quản lý trường học không đúng hạn"  # sure: a glyph swapped, a used syllable
    assert "phịng học" in out[1] and report.unsure["phịng"] >= 1  # only reading 'phiệng', never written: reported
    assert out[2].endswith("bao-cao-bieu-mau")  # a web address's words are no damage ('bieu' is never 'biêu')


def test_labels_whose_blanks_were_lost_keep_their_units_rates_bounds_and_kinds():
    def asks(text):
        return [(a.prompt, a.type) for a in lost_blank_asks(text)]

    assert asks("Số bình quân trẻ/nhóm: Tối thiểu : trẻ/nhóm Tối đa: trẻ/nhóm") == [
        ("Số bình quân trẻ/nhóm: Tối thiểu", "integer"), ("Tối đa", "integer")]  # the bounds of an average
    assert asks("Số giếng khoan đạt chuẩn: Tỷ lệ : %") == [("Số giếng khoan đạt chuẩn", "integer"), ("Tỷ lệ", "percent")]
    assert asks("Sâu răng: Tỷ lệ: % - Viêm họng: Tỷ lệ: %") == [("Sâu răng", "percent"), ("Viêm họng", "percent")]
    assert asks("Số trẻ được tiêm đủ mũi: trẻ / trẻ Tỷ lệ: %")[0] == ("Số trẻ được tiêm đủ mũi", "integer")
    assert asks("Loại nhà vệ sinh: Tự hoại: Hai ngăn : Khác :") == [("Loại nhà vệ sinh", "choice")]
    assert asks("Tên hợp tác xã:") == [("Tên hợp tác xã", "text")]
    assert asks("Những việc đã làm:") == [] and asks("Tình trạng mặt đường: Tốt") == []  # a heading; a filled value
    assert asks("Lớp 1: Lớp 2:") == [("Lớp 1", "text"), ("Lớp 2", "text")]  # capitalised words are no unit


def test_a_numbered_form_line_over_lines_that_lost_their_blanks_is_asks_of_the_section_above():
    got = prompts(imp("PHIẾU KHẢO SÁT NHÀ VĂN HÓA THÔN\nI. CƠ SỞ VẬT CHẤT\n1.1 Tên nhà văn hóa:\n"
                      "1.2 Thôn có người trông coi không:\nCó: Không: Nhân viên trông coi:\n"
                      "Chuyên trách: Kiêm nhiệm: Tình nguyện:\n1.3 Nguồn điện sử dụng:\n"
                      "Điện lưới: Máy phát: Năng lượng mặt trời:\n1.4 Nhà văn hóa có sân thể thao không:\nCó: Không:\n"
                      "II. HOẠT ĐỘNG\n2.1 Tình hình sinh hoạt sau đợt kiểm tra:\n- Văn nghệ: Tỷ lệ: % - Thể thao: Tỷ lệ: %\n"))
    assert got["Tên nhà văn hóa"] == ("I", "text")
    assert got["Thôn có người trông coi không"] == ("I", "yesno")
    assert got["Chuyên trách"] == ("I", "integer") and got["Tình nguyện"] == ("I", "integer")  # people counted
    assert got["Nguồn điện sử dụng"] == ("I", "choice")  # the words on the next line are its boxes
    assert got["Nhà văn hóa có sân thể thao không"] == ("I", "yesno")
    assert got["Văn nghệ"] == ("II", "percent") and got["Thể thao"] == ("II", "percent")


def test_page_numbers_glued_to_a_pdf_pages_first_line_are_dropped_only_when_they_count_pages():
    filler = [f"Dòng nội dung thứ {k} của trang" for k in range(9)]
    lines = ["(1)BÁO CÁO NĂM", *filler, "(2)Loại nhà vệ sinh: Tự hoại:", *filler, "(3)Ghi chú"]
    assert [x for x in strip_page_marks(lines) if not x.startswith("Dòng")] == [
        "BÁO CÁO NĂM", "Loại nhà vệ sinh: Tự hoại:", "Ghi chú"]
    enumeration = ["(1)Kinh tế cá thể", "(2)Doanh nghiệp", "(3)Hợp tác xã"]  # consecutive: an enumeration
    assert strip_page_marks(enumeration) == enumeration


def test_a_date_in_blanks_is_named_by_the_words_before_it():
    assert date_blank("Ngày khai giảng dự kiến vào ngày … tháng … năm 2026.") == ("Ngày khai giảng dự kiến", "")
    assert date_blank("Nghỉ hè từ ngày …… tháng …… năm ……")[0] == "Nghỉ hè từ ngày"
    label, after = date_blank("Vào hồi …… giờ …… ngày …… tháng …… năm 20……; Chi đoàn: ……………")
    assert label.startswith("Ngày giờ (") and after.startswith("Chi đoàn")  # the minutes' opening: when it took place
    assert date_blank("Thanh Hóa, ngày …… tháng …… năm 2026") is None  # a place and a date ask nothing
    assert date_blank("Họ tên: ………, sinh ngày … tháng … năm …") is None  # labelled blanks first: dated_fields
    got = prompts(imp("BIÊN BẢN SINH HOẠT CHI ĐOÀN\nVào hồi …… giờ …… ngày …… tháng …… năm 20……; Chi đoàn: ……………\n"
                      "Địa điểm: ……………………\n"))
    assert got["Ngày giờ"][1] == "date" and got["Chi đoàn"][1] == "text"


def test_a_numbered_line_filled_in_over_lines_with_blanks_is_asks_of_the_section_above():
    got = prompts(imp("PHIẾU ĐĂNG KÝ LỚP BỒI DƯỠNG\nI. THÔNG TIN LỚP HỌC\n1. Tên lớp: Bồi dưỡng kế toán xã.\n"
                      "2. Thời lượng: 40 tiết học.\nNgày khai giảng dự kiến vào ngày … tháng … năm 2026.\n"
                      "Kết thúc trước ngày … tháng … năm 2026.\n3. Địa điểm học: Hội trường xã.\n"))
    assert got["Thời lượng"] == ("I", "integer")  # a figure and its unit filled in: a count
    assert got["Ngày khai giảng dự kiến"] == ("I", "date") and got["Kết thúc trước ngày"] == ("I", "date")


def test_a_filled_value_ends_at_its_full_stop_and_a_pledge_closes_the_form():
    got = prompts(imp("PHIẾU THÔNG TIN HỌC VIÊN\nI. THÔNG TIN CÁ NHÂN\n"
                      "1. Công việc đang làm, nơi làm việc hiện nay: Làm vườn tại thôn Đông, xã Tây. Điện thoại: ………\n"
                      "2. Người liên hệ khi cần (họ, tên, địa chỉ): ………, thôn Đông, xã Tây. Điện thoại: ………\n"
                      "3. Trình độ chuyên môn cao nhất (đã được cấp bằng: Đại học, Cao đẳng, Trung cấp, Sơ cấp) ………\n"
                      "Tôi xin cam đoan những điều khai trên là đúng sự thật.\n"))
    assert got["Công việc đang làm, nơi làm việc hiện nay"] == ("I", "text")
    assert got["Người liên hệ khi cần (họ, tên, địa chỉ)"] == ("I", "text") and got["Điện thoại"] == ("I", "text")
    assert got["Trình độ chuyên môn cao nhất"] == ("I", "choice")  # its options listed in its parenthesis
    assert not [p for p in got if "cam đoan" in p]


def test_a_form_heading_over_a_paragraph_written_in_advance_asks_the_heading():
    got = prompts(imp("PHIẾU ĐĂNG KÝ HỌC NGHỀ\nII. THÔNG TIN KHÓA HỌC\n1. Tên nghề: ………\n"
                      "2. Việc làm sau khi học xong:\nHọc viên học xong khóa học sửa chữa máy nông nghiệp có thể làm việc "
                      "tại các hợp tác xã, cơ sở sửa chữa máy móc, trang trại hoặc tự mở cửa hàng tại địa phương.\n"))
    assert got["Việc làm sau khi học xong"] == ("II", "longtext")
    assert not [p for p in got if p.startswith("Học viên học xong")]


def test_a_capitals_heading_takes_the_renumbered_field_lines_after_it():
    got = prompts(imp("BÁO CÁO\nTình hình hoạt động của cơ sở giáo dục nghề nghiệp\n1. THÔNG TIN CƠ SỞ\n"
                      "2. Tên cơ sở (viết in hoa): ……………\n3. Mã số thuế: ……………\nĐịa chỉ trụ sở: ……………\n"
                      "4. Kết quả tuyển sinh trong năm\n"))
    assert got["Tên cơ sở (viết in hoa)"][0] == "1" and got["Mã số thuế"][0] == "1" and got["Địa chỉ trụ sở"][0] == "1"
    assert got["Kết quả tuyển sinh trong năm"][0] == "4"  # no blank: an item of its own
    plain = prompts(imp("ĐỀ CƯƠNG\n1. KẾT QUẢ ĐẠT ĐƯỢC\n2. Tồn tại, hạn chế\n"))
    assert plain["Tồn tại, hạn chế"][0] == "2"


def test_a_sentence_listing_what_to_focus_on_gives_one_written_answer_per_thing():
    asks = focus_asks("Báo cáo bằng văn bản cần ngắn gọn, tập trung làm rõ những việc đã làm được, những mô hình hay; "
                      "những tồn tại, hạn chế, nêu rõ nguyên nhân, bài học kinh nghiệm; đồng thời đề xuất các giải "
                      "pháp cho năm tới.")
    assert [a.prompt for a in asks] == [
        "Những việc đã làm được", "Những mô hình hay", "Những tồn tại, hạn chế", "Nguyên nhân của những tồn tại, hạn chế",
        "Bài học kinh nghiệm", "Đề xuất các giải pháp cho năm tới"]
    # guidance in parentheses is help, and one verb in passing lists nothing
    assert focus_asks("Kết quả tuyên truyền (tập trung làm rõ: các hình thức, đối tượng, phạm vi, kết quả)") == []
    assert focus_asks("Cần tập trung đánh giá những kết quả đạt được.") == []


def test_a_list_that_goes_on_after_a_semicolon_with_another_group_is_two_lists():
    asks = split_lists("Danh sách cán bộ được bổ nhiệm trong năm; các cán bộ nghỉ hưu trong năm.")
    assert [(a.prompt, a.type) for a in asks] == [("Danh sách cán bộ được bổ nhiệm trong năm", "list"),
                                                  ("Danh sách các cán bộ nghỉ hưu trong năm", "list")]
    assert split_lists("Danh sách cán bộ được bổ nhiệm; ghi rõ họ tên, chức vụ.") == []


def test_ticked_boxes_date_ranges_and_a_label_after_the_last_blank():
    got = prompts(imp("BÁO CÁO TỰ ĐÁNH GIÁ NHÀ VĂN HÓA\nI. THÔNG TIN CHUNG\n"
                      "- Năm thành lập:………… theo Quyết định số của………..\n1. Hình thức đánh giá\n"
                      "□ Đánh giá định kỳ.\n□ Khác (nếu có – ghi rõ)…………………\n2. Thời gian:\n"
                      "- Thời gian tự đánh giá: từ ngày …………… đến hết ngày ……….\n"
                      "3. Cách lấy số liệu (có thể chọn nhiều):\n□ Phiếu khảo sát\n□ Sổ sách của nhà văn hóa\n"))
    assert got["Năm thành lập"] == ("I", "integer") and got["Theo Quyết định số của"] == ("I", "text")
    assert got["Hình thức đánh giá"] == ("I", "choice")
    assert got["Thời gian tự đánh giá: từ ngày"] == ("I.2", "date")
    assert got["Thời gian tự đánh giá: đến hết ngày"] == ("I.2", "date")
    assert got["Cách lấy số liệu (có thể chọn nhiều)"][1] == "multichoice"


def test_a_forms_marks_boxes_named_pairs_and_lines_above_the_first_item():
    got = prompts(imp("PHIẾU ĐÁNH GIÁ THỰC TẬP\nTên cơ sở thực tập: Hợp tác xã nông nghiệp dịch vụ tổng hợp xã Đông Hòa, "
                      "huyện Tây Sơn, tỉnh Bình Định.\nNgười hướng dẫn: Trần Văn B.\nHọc viên: Lê Thị C  MSHV: 2041\n"
                      "Lớp:  12  Ngành:  Thú y\nNhận xét của người hướng dẫn:\n……………………………………\n"
                      "…………… Điểm chuyên cần: ……/10 Điểm thực hành: ......../10\n"
                      "+ Đối với học viên cuối khóa:\nKết luận: Được công nhận: Không được công nhận:\n"
                      "Bình Định, ngày…….tháng…….năm………\nNgười đánh giá\n(Ký và ghi rõ họ tên)\n"))
    assert got["Tên cơ sở thực tập"][1] == "text" and got["MSHV"][1] == "text" and got["Ngành"][1] == "text"
    assert got["Điểm chuyên cần"][1] == "decimal" and got["Điểm thực hành"][1] == "decimal"
    assert got["Được công nhận"][1] == "yesno" and "Không được công nhận" not in got
    assert got["Nhận xét của người hướng dẫn"][1] == "longtext"  # above the first bullet: kept
    assert not [p for p in got if p.startswith("Bình Định") or p == "Người đánh giá"]  # place, date and signer


def test_a_minutes_numbered_blanks_take_their_notes_and_headings_over_dots_ask():
    got = imp("BIÊN BẢN KIỂM TRA AN TOÀN THỰC PHẨM\nTại bếp ăn: ……………(1)……………\nChúng tôi gồm (2):\n"
              "– Ông/bà: …………………… ; chức vụ: ……………………\n– Ông/bà: …………………… ; chức vụ: ……………………\n"
              "Đã kiểm tra các khu vực:……………(3)……………\n1. Kết quả kiểm tra:\n……………(4)……………\n2. Đề nghị.\n"
              "……………(5)……………\nBuổi kiểm tra kết thúc vào hồi …. giờ….. ngày … tháng …… năm …….\n"
              "ĐẠI DIỆN BẾP ĂN (Ký ghi rõ họ, tên) |\nGhi chú:\n(1) Tên bếp ăn tập thể.\n(2) Ghi tên người kiểm tra.\n"
              "(3) Ghi các khu vực: sơ chế, chế biến, kho.\n")
    qs = {r.question.prompt: r.question for r in got.refs}
    assert qs["Đã kiểm tra các khu vực"].type == "text"
    assert "sơ chế, chế biến, kho" in (qs["Đã kiểm tra các khu vực"].help or "")  # its note is its help
    assert qs["Đề nghị"].type == "longtext" and qs["Buổi kiểm tra kết thúc"].type == "date"
    assert not [p for p in qs if p.startswith(("Tên bếp ăn tập thể", "Ghi tên", "ĐẠI DIỆN"))]  # notes, signature


def test_a_count_over_two_levels_is_one_count_per_level():
    asks = per_level(Ask("Số đơn vị cấp tỉnh, cấp huyện đã hoàn thành", "integer"))
    assert [a.prompt for a in asks] == ["Số đơn vị cấp tỉnh đã hoàn thành", "Số đơn vị cấp huyện đã hoàn thành"]
    asks = per_level(Ask("Số giáo viên đạt chuẩn của cấpTHCS, THPT", "integer"))  # a web page glued 'cấpTHCS'
    assert [a.prompt for a in asks] == ["Số giáo viên đạt chuẩn cấp THCS", "Số giáo viên đạt chuẩn cấp THPT"]
    assert per_level(Ask("Tình hình cấp tỉnh, cấp huyện")) == [Ask("Tình hình cấp tỉnh, cấp huyện")]  # a narrative


def test_a_bullet_that_asks_keeps_its_ask_and_the_note_under_it_is_its_help():
    o = imp("Các nội dung báo cáo của tổ công đoàn:\n- Công tác chăm lo đời sống đoàn viên\n"
            "- Đánh giá chung và đề xuất, kiến nghị\nCần chú trọng phần đánh giá chung của cả năm.\n")
    qs = {r.question.prompt: r.question for r in o.refs}
    assert "Đánh giá chung và đề xuất, kiến nghị" in qs
    assert "chú trọng" in (qs["Đánh giá chung và đề xuất, kiến nghị"].help or "")
    assert not [p for p in qs if p.startswith("Cần chú trọng")]


def test_a_letter_asking_to_review_a_programme_and_its_direction_gives_two_written_answers():
    got = prompts(imp("Kính gửi: Ủy ban nhân dân các huyện\nThực hiện Kế hoạch của Ban Chỉ đạo tỉnh, Sở Nông nghiệp đề "
                      "nghị các huyện tiến hành tổng kết 05 năm thực hiện Đề án phát triển cây dược liệu và phương "
                      "hướng, nhiệm vụ giai đoạn 2026-2030, cụ thể như sau:\n1. Mục đích:\n"))
    assert got["Kết quả tổng kết 05 năm thực hiện Đề án phát triển cây dược liệu"][1] == "longtext"
    assert got["Phương hướng, nhiệm vụ giai đoạn 2026-2030"][1] == "longtext"
    assert "Mục đích" not in got  # the copy stops at the purpose's heading: no ask


def test_a_word_tables_row_of_fields_is_asked_after_the_table():
    o = _docx_outline(["PHIẾU THEO DÕI TIẾN ĐỘ THỰC TẬP"], [
        ["Lần", "Ngày", "Nội dung"], ["1", "", ""], ["2", "", ""], ["Kiểm tra giữa kỳ", "Kiểm tra giữa kỳ", "Kiểm tra giữa kỳ"],
        ["Ngày kiểm tra: ………", "Ngày kiểm tra: ………", "Mức hoàn thành: ……%: Ký tên  Được tiếp tục: Không tiếp tục: ……"],
        ["3", "", ""]])
    qs = {r.question.prompt: r.question.type for r in o.refs}
    assert qs["Ngày kiểm tra"] == "date" and qs["Mức hoàn thành"] == "percent" and qs["Được tiếp tục"] == "yesno"
    [table] = [r.question.table for r in o.refs if r.question.type == "table"]
    assert not [r for r in table.rows if "kiểm tra" in r.label.lower()]  # the fields are no rows of the table


def test_a_label_over_a_dotted_line_is_a_field_typed_by_its_words():
    got = prompts(imp("BÁO CÁO Y TẾ TRƯỜNG HỌC\nI. NHÂN LỰC\n1.1. Số nhân viên y tế: ……..Trong đó:\n"
                      "Họ tên người phụ trách công tác y tế:\n…………….\nKết quả kiểm tra sức khỏe đầu năm:\n"
                      "……………………………\n"))
    assert got["Họ tên người phụ trách công tác y tế"] == ("I", "text")
    assert got["Kết quả kiểm tra sức khỏe đầu năm"] == ("I", "longtext")


def test_a_portals_one_line_letter_header_names_the_letter_by_its_subject():
    o = imp("1234/SVHTT-TV\nCông văn Số: 1234/SVHTT-TV ngày 05 tháng 3 năm 2026 Về việc Hướng dẫn báo cáo hoạt động nhà văn "
            "hóa năm 2025.\nKính gửi: Ủy ban nhân dân các xã\nĐề nghị các xã báo cáo về số nhà văn hóa, số câu lạc bộ.\n")
    assert o.title == "Hướng dẫn báo cáo hoạt động nhà văn hóa năm 2025"


def test_a_name_in_capitals_buried_in_a_flattened_paragraph_names_the_document():
    o = imp("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc ------------ BÁO CÁO TỔNG KẾT NĂM HỌC "
            "Năm học 20...-20... Chi đội: ……….. I. CÔNG TÁC HỌC TẬP 1. Kết quả học tập của chi đội trong năm học "
            "II. CÔNG TÁC PHONG TRÀO 1. Các hoạt động phong trào đã tham gia")
    assert o.title.startswith("Báo cáo tổng kết năm học")
    assert split_buried_name("Độc lập – Tự do – Hạnh phúc Báo cáo năm") == ["Độc lập – Tự do – Hạnh phúc Báo cáo năm"]


def test_a_written_shortcoming_that_lost_its_full_stop_is_still_a_written_answer():
    got = prompts(imp("BÁO CÁO SƠ KẾT HỌC KỲ I\nI. NỀ NẾP\na/ Ưu điểm\n- Học sinh đi học đúng giờ.\nb/ Khuyết điểm\n"
                      "- Còn học sinh đi học muộn (……………….)\n- Việc phối hợp giữa giáo viên chủ nhiệm và phụ huynh chưa "
                      "thật chặt chẽ nên nhiều em còn nghỉ học không lý do và dẫn\n"))
    assert got["Khuyết điểm"] == ("I", "longtext")  # 'chưa' states here; the copy cut the last sentence
    assert not [p for p in got if p.startswith("Còn học sinh")]


def test_a_filled_label_of_eight_or_nine_words_is_still_a_label():
    assert filled_field("Cơ quan cấp trên quản lý trực tiếp: Sở Y tế tỉnh;") == ("Cơ quan cấp trên quản lý trực tiếp",
                                                                                  "Sở Y tế tỉnh")
    assert filled_field("Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh cần báo cáo: số vụ") is None  # a sentence


def test_a_label_over_numbered_blank_lines_is_written_line_by_line():
    got = prompts(imp("BIÊN BẢN HỌP CHI ĐOÀN\nĐịa điểm: ……………\nTổng số đoàn viên: ……… người\n"
                      "Họ tên đoàn viên vắng mặt:\n1 ………………\n2 ………………\n"))
    assert got["Họ tên đoàn viên vắng mặt"][1] == "longtext"


def test_a_blank_statistics_form_one_cell_per_line_keeps_its_rows_and_their_units():
    cells = ["Tên chỉ tiêu", "Đơn vị tính", "Số lượng", "A", "1", "2", "I", "ĐẤT ĐAI VÀ DÂN CƯ", "1.",
             "Tổng diện tích đất tự nhiên của xã (gồm đất nông nghiệp và phi nông nghiệp) tính đến cuối năm", "ha",
             "Trong đó: Đất trồng lúa", "ha", "2.", "Số thôn, tổ dân phố", "Thôn"]
    grid = cell_run_table([x for c in cells for x in (c, "")])
    assert [t for t, _ in grid.cells[0]] == ["TT", "Chỉ tiêu", "Số lượng"]
    assert [row[1][0] for row in grid.cells[1:]] == [
        "ĐẤT ĐAI VÀ DÂN CƯ", "Tổng diện tích đất tự nhiên của xã (gồm đất nông nghiệp và phi nông nghiệp) tính đến cuối năm",
        "Trong đó: Đất trồng lúa", "Số thôn, tổ dân phố"]  # 'ha', 'Thôn' are units, no rows


def test_the_same_form_line_written_for_each_person_is_one_list():
    o = imp("BIÊN BẢN BÀN GIAO TÀI SẢN\n1. Thành phần\nBên giao gồm:\n– Ông/bà: …………………… ; chức vụ: ……………………\n"
            "– Ông/bà: …………………… ; chức vụ: ……………………\n2. Nội dung bàn giao\n")
    lists = [r.question for r in o.refs if r.question.type == "list"]
    assert len(lists) == 1 and [f.label for f in lists[0].fields] == ["Ông/bà", "Chức vụ"]
    assert not [r for r in o.refs if r.question.prompt == "Ông/bà"]


def test_an_identifier_label_that_lost_its_colon_among_empty_labels_is_a_label():
    got = prompts(imp("BÁO CÁO TÌNH HÌNH KINH DOANH PHÂN BÓN\nKính gửi: Sở Nông nghiệp\nTên cơ sở:\nĐịa chỉ:\n"
                      "Số giấy phép kinh doanh phân bón do cơ quan có thẩm quyền cấp\nCơ quan cấp:\n"))
    assert got["Số giấy phép kinh doanh phân bón do cơ quan có thẩm quyền cấp"][1] == "text"
    assert got["Cơ quan cấp"][1] == "text"


def test_a_forms_code_line_is_no_question():
    assert not_an_ask("Biểu 03-DSX") and not_an_ask("Mẫu số PC02") and not_an_ask("Phụ lục 2")
    assert not_an_ask("Biểu dương người tốt việc tốt") is None


def test_a_question_over_bullets_that_lost_their_boxes_is_a_choice():
    got = prompts(imp("PHIẾU KHẢO SÁT PHẦN MỀM\n1. Thông tin chung\n- Tên phần mềm:\nNơi đặt máy chủ của phần mềm\n"
                      "+ Đặt tại Sở:\n+ Đặt tại đơn vị:\n+ Khác: …………………\n- Số người dùng: ……… người\n"))
    assert got["Tên phần mềm"] == ("1", "text") and got["Nơi đặt máy chủ của phần mềm"] == ("1", "choice")


def test_short_names_after_an_instructions_colon_are_examples_of_the_answer():
    [a] = asks_from_text("Nêu rõ hình thức phổ biến, giáo dục pháp luật: Hội nghị, tọa đàm, sân khấu hóa, pa nô, áp phích")
    assert a.prompt == "Nêu rõ hình thức phổ biến, giáo dục pháp luật" and a.help[0].startswith("Ví dụ: Hội nghị")
    assert len(asks_from_text("Nêu rõ kết quả: đã tổ chức được nhiều hội nghị lớn với sự tham gia của các sở ngành")) == 1


def test_a_numbered_form_line_over_its_table_names_the_table_of_the_section_above():
    o = _docx_outline(["BÁO CÁO Y TẾ TRƯỜNG HỌC", "IV. TÌNH HÌNH SỨC KHỎE", "4.1 Số học sinh khám sức khỏe: …… học sinh",
                       "4.2 Các trường hợp sơ cứu tại phòng y tế trường"],
                      [["Bệnh/triệu chứng", "Học kỳ I", "Học kỳ II"], ["Sốt", "", ""], ["Đau bụng", "", ""]])
    [ref] = [r for r in o.refs if r.question.type == "table"]
    assert ref.section_number == "IV" and ref.question.table.title.startswith("Các trường hợp sơ cứu")
