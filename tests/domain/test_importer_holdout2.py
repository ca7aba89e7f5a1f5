"""The rules found on the second hold-out (issue 21, tests/data/real/holdout2), each on made-up text, and the second
hold-out imported end to end: never refused, no junk question."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.score_importer import HOLDOUT2, is_junk, real_source
from dialogs.importer import draft_outline, import_document
from dialogs.importer.forms import dated_fields, empty_labels, yesno_line
from dialogs.importer.prose import prose_asks
from dialogs.importer.questions import field_type
from tests.support.importing import imp, prompts


def test_numbered_line_with_a_blank_is_an_ask_and_its_parts_are_counts_of_the_same_section():
    o = imp("BÁO CÁO CÔNG TÁC Y TẾ\n1. TÌNH HÌNH CHUNG:\n1.1. Tổng số phòng khám: ……………\nTrong đó:\n"
            "Phòng kiên cố: ………… phòng\nPhòng tạm: ……………\n1.2. Tổng số nhân viên: …………\nNam: ……… Nữ: ………\n"
            "1.3. Có tổ sơ cứu riêng:\nCó                 Không\nSố người trong tổ: ……\n1.4. Phòng cách ly\nCó    Không\n")
    got = prompts(o)
    assert got["Tổng số phòng khám"] == ("1", "integer")
    assert got["Phòng tạm"] == ("1", "integer")  # a part of a count is a count, in the count's section
    assert got["Nam"] == ("1", "integer") and got["Nữ"] == ("1", "integer")
    assert got["Tổng số nhân viên"] == ("1", "integer")
    assert got["Có tổ sơ cứu riêng"] == ("1", "yesno")  # 'Có   Không' on the next line: a yes/no ask
    assert got["Số người trong tổ"][1] == "integer"
    assert got["Phòng cách ly"] == ("1", "yesno")
    assert not any(r.section_number.startswith("1.") for r in o.refs)  # no section titled by a blank


def test_yes_no_boxes_on_one_line():
    assert yesno_line("Có                   Không") and yesno_line("□ Có  □ Không") and yesno_line("Có □ Không □")
    assert not yesno_line("Có hay không") and not yesno_line("Không có")


def test_labels_whose_blanks_the_copy_lost_are_fields_and_no_addressees():
    o = imp("BÁO CÁO TÌNH HÌNH SẢN XUẤT GIỐNG CÂY TRỒNG\nKính gửi: Sở Nông nghiệp và Môi trường\n\nTên cơ sở:\n\n"
            "Địa chỉ giao dịch:\n\nĐiện thoại: Fax: Email:\n\nCông suất thiết kế (tấn/năm):\n\nCơ quan cấp phép:\n")
    got = prompts(o)
    assert {"Tên cơ sở", "Địa chỉ giao dịch", "Điện thoại", "Fax", "Email", "Cơ quan cấp phép"} <= set(got)
    assert got["Công suất thiết kế (tấn/năm)"][1] == "decimal"
    assert "Sở Nông nghiệp và Môi trường" not in got
    assert empty_labels("Điện thoại: Fax: Email:") == ["Điện thoại", "Fax", "Email"]
    assert empty_labels("Kính gửi:") == [] and empty_labels("Thuận lợi và khó khăn trong năm qua là gì:") != []
    assert empty_labels("Tên đơn vị: Công ty A") == []  # a value after the colon is a filled line, not a lost blank


def test_form_labels_name_identifiers_dates_and_units():
    assert field_type("Số điện thoại") == ("text", None)
    assert field_type("Số giấy phép thành lập") == ("text", None)
    assert field_type("Thời gian cấp") == ("date", None) and field_type("Sinh ngày") == ("date", None)
    assert field_type("Diện tích gieo trồng (ha)") == ("decimal", "ha")
    assert field_type("Số giấy phép đã cấp")[0] != "text"  # a count of licences issued, not a licence's number
    assert dated_fields("Tôi là: ……………, sinh ngày ……… tháng ……… năm ………") == ["Tôi là", "Sinh ngày"]
    assert dated_fields("……………, ngày …… tháng …… năm ……") == []  # the place and date of signing asks nothing


def test_a_bullet_mark_alone_on_its_line_joins_the_field_below():
    o = imp("PHIẾU ĐIỀU TRA\n1. Thông tin pháp lý\n- Giấy phép hoạt động:\n+\n\nSố giấy phép: ..........\n\n+\n\n"
            "Ngày cấp: ..........\n\n+\n\nNơi cấp: ..........\n")
    got = prompts(o)
    assert got["Số giấy phép"][1] == "text" and got["Ngày cấp"][1] == "date" and "Nơi cấp" in got


def test_the_recipients_and_signature_close_a_letter_and_ask_nothing():
    o = imp("BỘ NÔNG NGHIỆP\nSố: 12/CV-TT\nV/v báo cáo tình hình dịch bệnh cây trồng\nKính gửi: Sở Nông nghiệp các tỉnh\n"
            "Đề nghị các Sở báo cáo định kỳ theo tháng về tình hình dịch bệnh, kết quả phòng trừ và kế hoạch "
            "phòng chống tháng tiếp theo (theo mẫu đính kèm).\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCỤC TRƯỞNG\n"
            "Nguyễn Văn A\n")
    prompts = [r.question.prompt for r in o.refs]
    assert prompts == ["Tình hình dịch bệnh", "Kết quả phòng trừ", "Kế hoạch phòng chống tháng tiếp theo"]


def test_prose_report_sent_to_a_body_names_where_not_what():
    assert prose_asks("Các đơn vị báo cáo về Cục Thú y để tổng hợp báo cáo Bộ.") == []
    got = [a.prompt for a in prose_asks("Nội dung báo cáo cần trình bày cụ thể về số lượng hội viên, số hội viên "
                                        "mới kết nạp, thành phần và chất lượng hội viên.")]
    assert got == ["Số lượng hội viên", "Số hội viên mới kết nạp", "Thành phần và chất lượng hội viên"]


def test_visitor_counters_of_a_portal_are_chrome():
    o = imp("Trang chủ\nThống kê truy cập\nĐang truy cập : 67\nHôm nay : 630\nTổng lượt truy cập : 4555606\n"
            "ĐƠN ĐĂNG KÝ\nHọ và tên: ……………\nĐịa chỉ: ……………\n")
    prompts = {r.question.prompt for r in o.refs}
    assert {"Họ và tên", "Địa chỉ"} <= prompts
    assert not any("truy cập" in p or p.startswith("Hôm nay") for p in prompts)


def test_a_heading_over_one_line_of_manner_guidance_is_one_ask_and_a_stated_ask_stays():
    o = imp("ĐỀ CƯƠNG BÁO CÁO\nI. TÌNH HÌNH\n1. Nguyên nhân của tình hình vi phạm\nPhân tích theo 02 nhóm nguyên "
            "nhân chủ quan và khách quan.\n2. Cách làm hay\nNêu các mô hình, cách làm hiệu quả có khả năng nhân rộng.\n")
    cause = next(r for r in o.refs if r.question.prompt == "Nguyên nhân của tình hình vi phạm")
    assert cause.section_number == "I" and "chủ quan và khách quan" in (cause.question.help or "")
    assert any(r.question.prompt.startswith("Nêu các mô hình") for r in o.refs)


def test_a_valid_syllable_is_never_repaired_in_a_damaged_text():
    damaged = ("ĐỀ CƯƠNG\nI. Cơng tác y tế\n1. Tình hình cơng tác khám bệnh: ……\n2. Cụ thể họ tên cán bộ phụ trách: ……\n"
               "3. Số phịng khám: ……\n")
    text = import_document(damaged.encode(), "d.txt").yaml
    assert "họ tên" in text and "hóa tên" not in text


def test_one_ellipsis_after_a_colon_is_a_blank():
    got = prompts(imp("BÁO CÁO\n1. Nhân sự\n1.1. Số cán bộ y tế: ……\nY sỹ: … Y tá: ……… Hộ lý: …..\n"))
    assert {"Y sỹ", "Y tá", "Hộ lý"} <= set(got)


HOLDOUT2_DOCS = sorted(HOLDOUT2.glob("*.txt"))


@pytest.mark.parametrize("path", HOLDOUT2_DOCS, ids=lambda p: p.stem[:3])
def test_second_holdout_document_is_imported_without_refusal_or_junk(path: Path):
    o = draft_outline(import_document(real_source(path), path.name))
    assert o.refs
    assert not [r.question.prompt for r in o.refs if is_junk(r.question.prompt)]
