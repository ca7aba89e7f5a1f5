"""Asks a form or a copied report held that the importer dropped or misnamed (round i25c), each rule on made-up text
with variants and a negative case: a blank inside a running sentence leaves a space; a paper's issuer printed before
its blank ('do CA ……'); a signature's direction whose parenthesis a copy lost; figures that share the verb before
the first ('đã bắt 306 X, 92 Y'); a count of people named by what they are ('có 12 chị là cán bộ')."""

from __future__ import annotations

from dialogs.importer.counts import parts_after_blanks, stated_figures
from dialogs.importer.forms import blank_fields
from dialogs.importer.issued_papers import issued_paper
from dialogs.importer.lexicon import clean_prompt
from dialogs.importer.questions import reported_figures
from tests.support.importing import imp, prompts


def test_a_blank_inside_a_sentence_leaves_a_space_between_its_words() -> None:
    assert clean_prompt("Hội nghị nghe đồng chí……….thay mặt Ban thường vụ trình bày") == (
        "Hội nghị nghe đồng chí thay mặt Ban thường vụ trình bày")
    assert clean_prompt("Chi bộ nghe đồng chí ……….trình bày báo cáo") == "Chi bộ nghe đồng chí trình bày báo cáo"
    assert clean_prompt("Tổng số nhiệm vụ: … nhiệm vụ.") == "Tổng số nhiệm vụ"  # a unit after the blank still goes
    assert clean_prompt("Số vụ đã xử lý trong kỳ") == "Số vụ đã xử lý trong kỳ"  # no blank: unchanged


def test_a_paper_whose_issuer_kind_is_printed_before_its_blank() -> None:
    got = [(a.prompt, a.type) for a in issued_paper("Số CMND/Căn cước công dân (1) ........ do CA....... cấp ngày "
                                                    "..... tháng .... năm ....")]
    assert got == [("Số CMND/Căn cước công dân", "text"), ("Do CA", "text"), ("Cấp ngày", "date")]
    got = [a.prompt for a in issued_paper("Chứng minh nhân dân số:…Do Công an tỉnh…Cấp ngày…./…./….")]
    assert got == ["Chứng minh nhân dân số", "Do Công an tỉnh", "Cấp ngày"]
    got = [a.prompt for a in issued_paper("Giấy chứng nhận số: ……… do Sở Kế hoạch và Đầu tư …… cấp ngày …/…/…")]
    assert got == ["Giấy chứng nhận số", "Do Sở Kế hoạch và Đầu tư", "Cấp ngày"]
    # the issuer left blank: the issuing body asked as before
    assert [a.prompt for a in issued_paper("Giấy phép số: ……… do ……… cấp ngày … tháng … năm …")] == [
        "Giấy phép số", "Cơ quan cấp", "Cấp ngày"]
    # a count before 'cấp ngày' is no paper
    assert issued_paper("Số lượng: ……… cấp ngày …/…/…") == []


def test_a_signature_direction_without_its_parenthesis_asks_nothing() -> None:
    for sign in ("Ký, ghi rõ họ tên (đóng dấu nếu c", "Ký tên, đóng dấu", "Ký và ghi rõ họ tên"):
        o = imp("BÁO CÁO ĐIỀU CHỈNH\n1. Thông tin chung\n- Tên đơn vị: ……\n2. Kế hoạch năm tới\n\n(nội dung kế "
                f"hoạch như hướng dẫn tại Mẫu số 03).\n\n...., ngày... tháng... năm.....\n\nGiám đốc\n\n{sign}\n")
        got = prompts(o)
        assert "Kế hoạch năm tới" in got, (sign, got)
        assert not any(p.startswith(("Ký", "Giám đốc")) for p in got), (sign, got)
    # 'Ký kết …' is an ask, not a signature
    o = imp("BÁO CÁO\n1. Hợp tác quốc tế\nKý kết các thỏa thuận hợp tác với đối tác nước ngoài trong năm\n")
    assert any(p.startswith("Ký kết") for p in prompts(o))


def test_figures_after_a_comma_share_the_verb_before_the_first() -> None:
    got = [(a.prompt, a.type) for a in reported_figures(
        "Toàn tỉnh đã bắt, vận động đầu thú 306 đối tượng truy nã, 92 đối tượng nguy hiểm. So với tháng trước, tăng 5.")]
    assert got == [("Số đối tượng truy nã đã bắt, vận động đầu thú", "integer"),
                   ("Số đối tượng nguy hiểm đã bắt, vận động đầu thú", "integer")]
    got = [a.prompt for a in reported_figures("Toàn tỉnh đã tiếp nhận 45 hồ sơ mới, 12 hồ sơ bổ sung; trả kết quả 40 hồ sơ")]
    assert got == ["Số hồ sơ mới đã tiếp nhận", "Số hồ sơ bổ sung đã tiếp nhận", "Số hồ sơ trả kết quả"]
    # one figure only: no statement of figures
    assert reported_figures("Toàn quốc xảy ra 208 vụ, so với tháng trước tăng 31 vụ.") == []


def test_a_heading_over_figures_sharing_a_verb_asks_the_figures() -> None:
    o = imp("SỐ LIỆU THÁNG\n1. Công tác thu hồi nợ:\nToàn tỉnh đã thu hồi, xử lý 306 khoản nợ xấu, 92 khoản nợ quá hạn. "
            "So với tháng trước, tăng 12 khoản nợ.\n2. Số vụ vi phạm:\nToàn tỉnh xảy ra 20 vụ.\n")
    got = prompts(o)
    assert got.get("Số khoản nợ xấu đã thu hồi, xử lý", ("", ""))[1] == "integer", got
    assert "Số khoản nợ quá hạn đã thu hồi, xử lý" in got, got


def test_a_count_of_people_named_by_what_they_are() -> None:
    got = [a.prompt for a in stated_figures(
        "Chi hội có 545 hội viên đang sinh hoạt ở 9 tổ, có 12 chị là cán bộ chi, tổ hội. Tỉ lệ hội viên nòng cốt là …%")]
    assert "Số cán bộ chi, tổ hội" in got and "Số chị" not in got, got
    got = [a.prompt for a in stated_figures(
        "Chi bộ có 30 đảng viên, có 8 đồng chí là nữ, có 5 người là đảng viên dự bị. Tỉ lệ đảng viên trẻ là 20%")]
    assert "Số nữ" in got and "Số đảng viên dự bị" in got, got
    # a thing counted that is no person keeps its own name
    got = [a.prompt for a in stated_figures(
        "Xã có 12 thôn là thôn văn hóa, có 300 hộ nghèo, có 20 hộ cận nghèo. Tỉ lệ hộ nghèo là 5%")]
    assert "Số thôn" in got, got


def test_a_persons_field_label_glued_after_a_heading() -> None:
    got = blank_fields("Số hộ: (Mã này ghi khi nhập số liệu) Các thông tin chung về hộ Họ và tên chủ hộ.………… năm sinh ……")
    assert "Họ và tên chủ hộ" in got, got
    got = blank_fields("Phần ghi của người khai về bản thân và gia đình mình Địa chỉ thường trú ……… Điện thoại ………")
    assert got[:1] == ["Địa chỉ thường trú"], got
    # a long segment with no field label in it still asks nothing
    assert blank_fields("Ủy ban nhân dân xã tổ chức lấy ý kiến cử tri về đề án thành lập đơn vị hành chính mới ……") == []


def test_the_parts_of_a_total_written_after_their_blanks() -> None:
    got = [(a.prompt, a.type, a.unit) for a in parts_after_blanks(
        "Tổng số cử tri của khu vực bỏ phiếu là: ………… người; trong đó có:………… Nam; ………… Nữ.")]
    assert got == [("Tổng số cử tri của khu vực bỏ phiếu", "integer", "người"),
                   ("Trong đó Nam", "integer", "người"), ("Trong đó Nữ", "integer", "người")]
    got = [a.prompt for a in parts_after_blanks("Tổng số học sinh: …… em, trong đó: …… nam, …… nữ, …… dân tộc thiểu số")]
    assert got == ["Tổng số học sinh", "Trong đó nam", "Trong đó nữ", "Trong đó dân tộc thiểu số"]
    # labels before their blanks, or a head that counts nothing: not this shape
    assert parts_after_blanks("Tổng số đảng viên: …… đồng chí, trong đó: nữ ……, dân tộc ……") == []
    assert parts_after_blanks("Địa chỉ: ……; trong đó: …… thôn A, …… thôn B") == []


def test_a_copy_cut_off_mid_word_loses_its_cut_clause() -> None:
    o = imp("BÁO CÁO KẾT QUẢ\n1. Tình hình chung\n2. Kết quả thực hiện\n2.1 Kết quả kê khai\nTình hình chung triển khai việc k\n")
    got = prompts(o)
    assert "Kết quả kê khai" in got and not any(p.startswith("Tình hình chung triển") for p in got), got
    o = imp("BÁO CÁO\n1. Công tác tổ chức\n- Tổng số hội viên: ……\n- Tổng số gia đình hiếu học, trong đó từ đầu năm đ\n")
    got = prompts(o)
    assert "Tổng số gia đình hiếu học" in got, got
    # a last word that is a syllable, or an abbreviation in capitals: the line stays whole
    o = imp("BÁO CÁO\n1. Công tác tổ chức\n- Tổng số hội viên: ……\n- Kết quả phối hợp với lực lượng PCCC\n")
    assert "Kết quả phối hợp với lực lượng PCCC" in prompts(o), prompts(o)
    o = imp("BÁO CÁO\n1. Công tác tổ chức\n- Tổng số hội viên: ……\n- Những khó khăn, vướng mắc và đề xuất\n")
    assert "Những khó khăn, vướng mắc và đề xuất" in prompts(o), prompts(o)


def test_a_cut_line_of_blanks_or_items_keeps_all_but_the_cut_word() -> None:
    o = imp("BIÊN BẢN KIỂM TRA\nThực hiện Quyết định số …… ngày …… của …… hôm nay vào hồi….. giờ…. ngày …. tháng …. năm ….. Đ\n")
    assert any(p.startswith(("Thực hiện Quyết định", "Quyết định")) for p in prompts(o)), prompts(o)
    o = imp("KẾ HOẠCH\n1. Đánh giá phục hồi\n- Nội dung gồm: hiện trạng công tác hỗ trợ; thực thi chính sách hỗ trợ; "
            "sử dụng nguồn lực hỗ trợ khẩn cấp đ\n")
    assert any("nguồn lực hỗ trợ khẩn cấp" in p for p in prompts(o)), prompts(o)
