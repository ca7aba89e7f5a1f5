"""Wrong outputs a review (session 25) found on made-up documents, each fixed by a rule on the shape: signature blocks
with no '(Ký …)', web chrome lists and site footers, blank agency headers, 'UBND' inside a title, the layout taken from a
recipient line, guidance listing topics, requests naming addresses in a letter, ', gồm' figures, a letter's
bullets, deadlines and assignments — with a negative case for each."""

from __future__ import annotations

from dialogs.importer.asked_sentences import _figures_listed, asked_sentences
from dialogs.importer.forms import is_filled_answer
from dialogs.importer.naming import trim_run_on
from dialogs.importer.tidy import not_an_ask
from tests.support.importing import imp


def _prompts(o) -> list[str]:
    return [r.question.prompt for r in o.refs]


def _options(o) -> list[str]:
    return [opt.label for r in o.refs for opt in (r.question.options or [])]


OUTLINE = "BÁO CÁO\nKết quả công tác năm 2025\n1. Công tác chỉ đạo\n2. Khó khăn, vướng mắc\n3. Nhiệm vụ và giải pháp\n"


# 1. a signature block closing the text with no '(Ký …)' under it


def test_a_signer_for_a_body_closing_the_text_is_no_option() -> None:
    for tail in ("T/M CHI BỘ\nBÍ THƯ\n", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n"):
        o = imp(OUTLINE + "\n" + tail)
        assert not _options(o), tail
        assert not any(p.isupper() or "Nguyễn" in p for p in _prompts(o)), tail
        assert "Nhiệm vụ và giải pháp" in _prompts(o)


def test_a_post_and_a_name_closing_the_text_are_no_options() -> None:
    for tail in ("CHỦ TỊCH\nTrần Văn B\n", "TRƯỞNG PHÒNG\nLê Thị Hoa\n", "ĐẠI DIỆN ĐƠN VỊ\nPhạm Minh Tuấn\n"):
        o = imp(OUTLINE + tail)
        assert not _options(o), tail
        assert _prompts(o)[-1] == "Nhiệm vụ và giải pháp", tail


def test_options_in_capitals_under_a_question_stay_options() -> None:
    o = imp("PHIẾU KHẢO SÁT\n1. Đơn vị của ông/bà thuộc khối nào?\nKHỐI ĐẢNG\nKHỐI CHÍNH QUYỀN\nKHỐI ĐOÀN THỂ\n")
    assert _options(o) == ["KHỐI ĐẢNG", "KHỐI CHÍNH QUYỀN", "KHỐI ĐOÀN THỂ"]
    for options in (["CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THÀNH VIÊN"], ["BÍ THƯ", "PHÓ BÍ THƯ"], ["GIÁM ĐỐC", "KẾ TOÁN"]):
        o = imp("PHIẾU\n1. Chức vụ của ông/bà hiện nay?\n" + "\n".join(options) + "\n")
        assert _options(o) == options, options


def test_a_signer_after_a_heading_with_a_colon_still_goes() -> None:
    o = imp(OUTLINE.replace("Nhiệm vụ và giải pháp", "Nhiệm vụ và giải pháp:") + "TM. BAN CHẤP HÀNH\nCHỦ TỊCH\n")
    assert not _options(o) and "CHỦ TỊCH" not in _prompts(o)


# 13. the bare date above a row of two signers


def test_the_date_above_a_row_of_two_signers_is_no_question() -> None:
    for date in ("Ngày ..... tháng ..... năm 2025", "Ngày … tháng … năm …", "An Bình, ngày … tháng … năm 2025"):
        o = imp("PHIẾU THU THẬP THÔNG TIN\n1. Họ và tên chủ hộ: ……………\n2. Số nhân khẩu: …… người\n"
                f"{date}\nĐIỀU TRA VIÊN                    CHỦ HỘ\n(Ký, ghi rõ họ tên)              (Ký, ghi rõ họ tên)\n")
        assert not any(r.question.type == "date" for r in o.refs), date
        assert "Họ và tên chủ hộ" in _prompts(o)


def test_a_date_field_of_the_form_itself_stays() -> None:
    o = imp("PHIẾU THU THẬP THÔNG TIN\n1. Họ và tên chủ hộ: ……………\n2. Ngày điều tra: ……/……/……\n3. Số nhân khẩu: …… người\n")
    assert any(r.question.type == "date" for r in o.refs)


# 14. an e-mail's sign-off, its deadline line, its bullets; a plan's assignment


MAIL = ("Kính gửi các đồng chí Trưởng thôn,\n\nĐề nghị các đồng chí báo cáo nhanh tình hình thiệt hại do mưa lũ trên địa "
        "bàn thôn, cụ thể:\n- Số nhà bị tốc mái, hư hỏng;\n- Diện tích hoa màu bị ngập úng (ha);\n"
        "- Các đề xuất hỗ trợ khẩn cấp.\n{deadline}\n{thanks}\n{who}\n")


def test_a_mails_sign_off_and_deadline_are_no_questions() -> None:
    for deadline, thanks, who in (
        ("Thời hạn gửi: trước 16 giờ ngày 08/9/2025, qua Zalo nhóm thôn.", "Trân trọng cảm ơn.", "Văn phòng UBND xã"),
        ("Thời gian gửi báo cáo: trước 10 giờ sáng mai.", "Xin cảm ơn!", "Ban Chỉ huy quân sự xã"),
        ("Thời hạn nộp: chậm nhất ngày 15/10.", "Trân trọng.", "Tổ công tác"),
    ):
        o = imp(MAIL.format(deadline=deadline, thanks=thanks, who=who))
        ps = _prompts(o)
        assert who not in ps and not any(p.startswith("Thời") for p in ps) and "Mục" not in ps, ps
        assert "Các đề xuất hỗ trợ khẩn cấp" in ps
        assert len({r.section_number for r in o.refs}) == 1  # the letter's bullets: one section, not one each


def test_a_heading_of_what_to_report_still_asks() -> None:
    o = imp("ĐỀ CƯƠNG\n1. Thời gian tổ chức hội nghị\n2. Kết quả hội nghị\n")
    assert "Thời gian tổ chức hội nghị" in _prompts(o)


def test_an_assignment_in_a_plan_is_no_question() -> None:
    for line in ("Công an xã chủ trì, phối hợp với các thôn tổ chức kiểm tra.",
                 "Phòng Văn hóa - Thông tin chủ trì, phối hợp với các đơn vị liên quan triển khai.",
                 "Trạm Y tế xã chịu trách nhiệm chính, phối hợp với trường học thực hiện."):
        assert not_an_ask(line.rstrip(".")) is not None, line
    assert not_an_ask("Chủ trì: Ông (bà)") is None
    assert not_an_ask("Cơ quan chủ trì") is None


# 2. web chrome: link lists, a table of contents, a legal site's footer, a blank agency header


PAGE = ("Trang chủ › Biểu mẫu\nMẫu báo cáo tổng kết công tác Hội năm 2025\nMục lục\n1. Mẫu báo cáo tổng kết\n"
        "2. Hướng dẫn viết báo cáo\n\n{header}\nBÁO CÁO\nTổng kết công tác Hội năm 2025\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
        "1. Thuận lợi\n2. Khó khăn\nII. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026\n\n{tail}")


def test_link_lists_and_contents_of_a_page_are_no_asks() -> None:
    for tail in ("Bài viết liên quan\nMẫu báo cáo tổng kết công tác Đoàn năm 2025\nMẫu biên bản họp chi hội\n"
                 "Bình luận\nĐánh giá bài viết này\n",
                 "Tin cùng chuyên mục\nMẫu kế hoạch hoạt động năm 2026\nMẫu tờ trình xin kinh phí\n",
                 "Có thể bạn quan tâm:\nMẫu biên bản họp thôn\n"):
        o = imp(PAGE.format(header="HỘI NÔNG DÂN XÃ ……", tail=tail))
        ps = _prompts(o)
        assert not any(p.startswith(("Mẫu", "Đánh giá bài", "Hướng dẫn viết")) for p in ps), ps
        assert ps == ["Thuận lợi", "Khó khăn", "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026"], ps


def test_a_legal_sites_footer_is_no_ask() -> None:
    tail = ("Bạn có thắc mắc? Hãy gửi câu hỏi cho chúng tôi qua email.\nHotline: 1900 6192\n"
            "Nội dung nêu trên là phần giải đáp, tư vấn của chúng tôi dành cho khách hàng.\n")
    o = imp(PAGE.format(header="UBND XÃ …………", tail=tail))
    assert _prompts(o) == ["Thuận lợi", "Khó khăn", "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026"], _prompts(o)


def test_a_blank_agency_header_is_no_question() -> None:
    for header in ("UBND XÃ …………", "HỘI NÔNG DÂN XÃ …..", "HỘI LHPN XÃ ...........", "ĐẢNG ỦY PHƯỜNG ……"):
        assert not_an_ask(header) is not None, header
        assert not_an_ask(header.rstrip(" .…")) is not None, header
    for field in ("Xã: ……", "Tên đơn vị: ……", "Hội viên mới kết nạp", "TÊN ĐƠN VỊ"):
        assert not_an_ask(field) is None, field


def test_one_contents_entry_alone_stays_the_pages_heading() -> None:
    o = imp("Mục lục bài viết\n1. Mẫu đề cương báo cáo công tác dân vận:\nĐỀ CƯƠNG BÁO CÁO\nCông tác dân vận năm 2025\n"
            "I. KẾT QUẢ\n1. Công tác tuyên truyền\n2. Công tác nắm tình hình nhân dân\n")
    assert "Công tác nắm tình hình nhân dân" in _prompts(o)


# 3. a title cut at 'UBND'


def test_ubnd_inside_a_title_does_not_cut_it() -> None:
    for title in ("Báo cáo về tình hình hoạt động của UBND xã năm 2025",
                  "Báo cáo kết quả giám sát hoạt động của UBND huyện trong năm 2025",
                  "Báo cáo công tác tiếp công dân tại trụ sở UBND tỉnh quý III"):
        assert trim_run_on(title) == title


def test_an_agency_header_run_into_the_title_is_cut() -> None:
    assert trim_run_on("Báo cáo kết quả công tác hòa giải năm 2025 UBND XÃ AN BÌNH Số: 12/BC") == \
        "Báo cáo kết quả công tác hòa giải năm 2025"
    assert trim_run_on("Báo cáo công tác dân vận năm 2025 UBND …… Số: /BC") == "Báo cáo công tác dân vận năm 2025"


def test_a_title_naming_ubnd_is_kept_whole_in_the_draft() -> None:
    o = imp("ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12/BC-UBND\nBÁO CÁO\nVề tình hình hoạt động của UBND xã năm 2025\n"
            "I. KẾT QUẢ\n1. Công tác chỉ đạo, điều hành\nII. KIẾN NGHỊ\n")
    assert o.title.endswith("của UBND xã năm 2025"), o.title


# 4. the layout from a recipient line


STATE_REPORT = ("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: ……/BC-UBND\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2025\n"
                "I. KẾT QUẢ\n1. Lĩnh vực kinh tế\n2. Lĩnh vực xã hội\nII. KIẾN NGHỊ\n\nNơi nhận:\n- UBND huyện;\n"
                "{recipient}\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")


def test_a_party_body_among_the_recipients_gives_no_party_layout() -> None:
    for recipient in ("- TT Đảng ủy, HĐND xã;", "- Thường trực Đảng ủy xã;", "- Chi bộ thôn 3;"):
        assert imp(STATE_REPORT.format(recipient=recipient)).layout == "state", recipient


def test_a_party_body_in_a_heading_of_a_state_report_gives_no_party_layout() -> None:
    for heading in ("1. Sự lãnh đạo của Đảng ủy xã", "1. Công tác phối hợp với Chi bộ thôn", "1. Ý kiến của cấp ủy"):
        o = imp(f"ỦY BAN NHÂN DÂN XÃ AN PHÚ\nSố: 88/BC-UBND\nBÁO CÁO\nKết quả chuyển đổi số năm 2025\n{heading}\n"
                "2. Hạ tầng số\n3. Khó khăn, vướng mắc\n")
        assert o.layout == "state", heading


def test_a_party_header_still_gives_the_party_layout() -> None:
    o = imp("ĐẢNG BỘ XÃ TÂN PHÚ\nCHI BỘ THÔN 3\nBÁO CÁO\nKết quả lãnh đạo năm 2025\n1. Ưu điểm\n2. Hạn chế\n"
            "Nơi nhận:\n- UBND xã;\n- Lưu.\n")
    assert o.layout == "party"


# 5. guidance naming topics is no written answer


def test_guidance_listing_topics_is_no_written_answer() -> None:
    for line in (
        "Những kết quả nổi bật đã đạt được trong năm, những mô hình mới, cách làm hay có thể nhân rộng trong thời gian "
        "tới trên địa bàn.",
        "Những việc đã làm được trong công tác dân vận, những điển hình tiên tiến, các mô hình có thể học tập và những "
        "khó khăn cần tháo gỡ.",
        "Những nhiệm vụ đã triển khai trong 6 tháng đầu năm, các chỉ tiêu chủ yếu đã hoàn thành và những kết quả thực "
        "hiện có hiệu quả.",
    ):
        assert not is_filled_answer([line]), line


def test_a_units_statement_is_still_a_written_answer() -> None:
    assert is_filled_answer(["Chi bộ đã lãnh đạo đảng viên và quần chúng nhân dân hoàn thành tốt các chỉ tiêu "
                             "phát triển kinh tế, xã hội, quốc phòng, an ninh năm 2025."])
    assert is_filled_answer(["Những năm qua, Ban Chấp hành đã lãnh đạo toàn Đảng bộ thực hiện thắng lợi các chỉ "
                             "tiêu của nghị quyết đại hội đề ra."])


def test_guidance_under_a_heading_reaches_the_draft() -> None:
    o = imp("ĐỀ CƯƠNG BÁO CÁO\nTổng kết phong trào thi đua năm 2025\nI. KẾT QUẢ ĐẠT ĐƯỢC\n1. Kết quả nổi bật\n"
            "Những kết quả nổi bật đã đạt được trong năm, những mô hình mới, cách làm hay có thể nhân rộng trong thời "
            "gian tới trên địa bàn.\n2. Hạn chế\nII. PHƯƠNG HƯỚNG\n")
    assert any("mô hình mới" in (r.question.prompt + (r.question.help or "")) for r in o.refs)


# 8. requests in letters: addresses and phones asked, ', gồm' figures


def test_addresses_and_phones_asked_of_others_are_asks() -> None:
    for text in (
        "Phòng Kinh tế đề nghị UBND các xã báo cáo danh sách, địa chỉ, số điện thoại liên hệ của các cơ sở sản xuất "
        "thực phẩm trên địa bàn; số cơ sở đã được cấp giấy chứng nhận đủ điều kiện. Đồng thời đánh giá tình hình vi "
        "phạm về an toàn thực phẩm năm 2025.",
        "Đề nghị các trường báo cáo danh sách, địa chỉ các điểm trường lẻ; số học sinh bỏ học trong năm học. Đồng thời "
        "đề xuất giải pháp khắc phục.",
    ):
        asks = [a.prompt for a in asked_sentences(text)]
        assert any("địa chỉ" in p for p in asks), asks
        assert any(p.startswith("Số ") for p in asks), asks


def test_a_letters_own_address_and_deadline_ask_nothing() -> None:
    text = ("Đề nghị các xã báo cáo kết quả thực hiện, những khó khăn, vướng mắc và đề xuất giải pháp. Báo cáo gửi về "
            "Phòng Nội vụ trước ngày 20/9/2025 qua hộp thư điện tử pnv@anlac.gov.vn, điện thoại: 0123 456 789.")
    asks = [a.prompt for a in asked_sentences(text)]
    assert asks and not any("hộp thư" in p or "điện thoại" in p or "trước ngày" in p for p in asks), asks


LETTER = ("UBND HUYỆN AN LẠC\nPHÒNG NÔNG NGHIỆP\nV/v báo cáo kết quả tiêm phòng\n\nKính gửi: UBND các xã.\n\n"
          "Phòng Nông nghiệp đề nghị UBND các xã báo cáo {what}, gồm {figures}.\n"
          "Báo cáo gửi về Phòng Nông nghiệp trước ngày 30/11/2025.\n")


def test_figures_after_gom_are_asks_not_the_title() -> None:
    for what, figures, asked in (
        ("kết quả tiêm phòng dại cho đàn chó năm 2025", "số con được tiêm và tỷ lệ tiêm phòng đạt được",
         ["Số con được tiêm", "Tỷ lệ tiêm phòng đạt được"]),
        ("kết quả rà soát hộ nghèo năm 2025", "số hộ nghèo, số hộ cận nghèo và tỷ lệ hộ nghèo",
         ["Số hộ nghèo", "Số hộ cận nghèo", "Tỷ lệ hộ nghèo"]),
    ):
        o = imp(LETTER.format(what=what, figures=figures))
        assert "gồm" not in o.title, o.title
        assert all(p in _prompts(o) for p in asked), _prompts(o)


def test_things_after_gom_that_are_no_figures_are_not_read_as_figures() -> None:
    assert _figures_listed("Đề nghị các xã báo cáo kết quả thực hiện năm 2025, gồm những việc đã làm và những khó khăn")\
        == []
    assert _figures_listed("Các xã đã báo cáo kết quả, gồm số hộ nghèo và số hộ cận nghèo") == []  # no request
    assert _figures_listed("Đề nghị các xã báo cáo kết quả, gồm số hộ nghèo và số hộ cận nghèo") == \
        ["số hộ nghèo", "số hộ cận nghèo"]
