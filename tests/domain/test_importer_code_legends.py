"""Made-up forms with legends of coded answers ('Giới tính 1. Nam 2. Nữ', going on on the next line '3. THPT 4. Đại
học'), and outlines whose dashed points under a heading ending ':' are topics to write on, not answers to pick."""

from __future__ import annotations

from dialogs.importer.coded_options import code_legends
from tests.support.importing import imp


def _asks(o) -> dict[str, tuple[str, str, list[str]]]:
    return {r.question.prompt: (r.section_number, r.question.type, [x.label for x in r.question.options or []])
            for r in o.refs}


def test_a_legend_of_codes_is_a_choice_and_its_next_line_no_heading() -> None:
    text = ("PHIẾU THÔNG TIN NGƯỜI LAO ĐỘNG\nHọ và tên: ……………\n"
            "Giới tính 1. Nam 2. Nữ\n"
            "Tình trạng việc làm 0. Chưa có việc 1. Làm thuê 2. Tự làm\n3. Chủ cơ sở 4. Khác (ghi rõ)\n")
    got = _asks(imp(text))
    assert got["Giới tính"][1:] == ("choice", ["Nam", "Nữ"])
    assert got["Tình trạng việc làm"][1:] == ("choice", ["Chưa có việc", "Làm thuê", "Tự làm", "Chủ cơ sở", "Khác"])
    assert all(not s for s, _, _ in got.values()), got  # no section '3.'
    assert list(got)[:2] == ["Họ và tên", "Giới tính"]  # in the order of their lines


def test_legend_lines_are_read_only_when_their_codes_count_on() -> None:
    lines = ["Nguồn nước 1.Nước máy 2.Giếng khoan", "3.Nước mưa", "1. Tình hình chung", "Năm 2024 1. Quý I"]
    assert code_legends(lines) == ["Nguồn nước (1: Nước máy; 2: Giếng khoan; 3: Nước mưa)", "1. Tình hình chung",
                                   "Năm 2024 1. Quý I"]
    assert code_legends(["Mức độ 1. Tốt 3. Khá"]) == ["Mức độ 1. Tốt 3. Khá"]  # the codes skip: no legend


def test_dashed_topics_under_a_heading_are_asks_not_options() -> None:
    for head, points in (("3. Các giải pháp thực hiện:", ["Những đề xuất với cấp huyện,", "Dự kiến kết quả đạt được."]),
                         ("II. Những kiến nghị:", ["Các kiến nghị về chính sách;", "Đề nghị bổ sung kinh phí."])):
        text = "ĐỀ CƯƠNG BÁO CÁO\n1. Tình hình chung\n- Đánh giá khái quát tình hình\n" + head + "\n" + \
            "".join(f"- {p}\n" for p in points)
        got = _asks(imp(text))
        assert not any(t == "choice" for _, t, _ in got.values()), got
        assert all(p.strip(",.;") in got for p in points), got


def test_the_paragraphs_under_the_reports_form_are_no_asks() -> None:
    for part in ("Hình thức của báo cáo:", "Thời hạn gửi báo cáo:"):
        text = ("ĐỀ CƯƠNG BÁO CÁO\n1. Kết quả thực hiện:\n- Đánh giá kết quả đạt được,\n- Những việc chưa làm được.\n"
                "2. Các giải pháp:\n- Những đề xuất với cấp trên,\n- Dự kiến kết quả.\n" + part + "\n"
                "Báo cáo viết ngắn gọn, rõ ràng, số liệu phải có nguồn. Có thể dùng biểu mẫu minh họa.\n"
                "Đối với báo cáo chuyên đề, có thể kèm phụ lục số liệu chi tiết của từng đơn vị.\n")
        got = _asks(imp(text))
        assert set(got) == {"Đánh giá kết quả đạt được", "Những việc chưa làm được", "Những đề xuất với cấp trên",
                            "Dự kiến kết quả"}, got


def _members_form(header: list[str], legends: list[str]) -> bytes:
    import io

    from docx import Document

    doc = Document()
    for p in ("PHIẾU ĐIỀU TRA HỘ GIA ĐÌNH", "Họ tên chủ hộ: ……………", "I. THÀNH VIÊN TRONG HỘ"):
        doc.add_paragraph(p)
    rows = [header] + [[str(k)] + [""] * (len(header) - 1) for k in (1, 2, 3)]
    table = doc.add_table(rows=len(rows), cols=len(header))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for p in [*legends, "II. NHÀ Ở", "Diện tích nhà ở: …… m2"]:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_a_legend_under_a_table_gives_its_columns_answers() -> None:
    from dialogs.importer import draft_outline, import_document

    for header, legends, want in (
        (["STT", "Họ và tên", "Giới tính", "Trình độ học vấn"], ["Giới tính 1. Nam 2. Nữ", "Trình độ 1. Tiểu học 2. THCS"],
         {"Giới tính": ["Nam", "Nữ"], "Trình độ học vấn": ["Tiểu học", "THCS"]}),
        (["TT", "Họ tên", "Quan hệ với chủ hộ", "Dân tộc"], ["Quan hệ với chủ hộ 1. Chủ hộ 2. Vợ/chồng 3. Con",
                                                           "Dân tộc 1. Kinh 2. Khác (ghi rõ)"],
         {"Quan hệ với chủ hộ": ["Chủ hộ", "Vợ/chồng", "Con"], "Dân tộc": ["Kinh", "Khác"]}),
    ):
        o = draft_outline(import_document(_members_form(header, legends), "phieu.docx"))
        table = next(r.question.table for r in o.refs if r.question.type == "table")
        got = {c.label: [x.label for x in c.options or []] for c in table.columns if c.type == "choice"}
        assert got == want, got
        assert not any(r.question.type == "choice" for r in o.refs), [r.question.prompt for r in o.refs]


def test_a_heads_asks_keep_the_order_of_their_lines() -> None:
    text = ("HỢP ĐỒNG THUÊ XE\nBên thuê: ……………\nĐịa chỉ: ……………\nĐiện thoại: ……………\n"
            "Bên cho thuê: ……………\nĐịa chỉ: ……………\nĐiện thoại: ……………\nLoại xe 1. Xe 4 chỗ 2. Xe 7 chỗ\n")
    o = imp(text)
    got = [r.question.prompt.split(" (")[0] for r in o.refs]  # ('Địa chỉ (Bên thuê)': the party it belongs to)
    assert got == ["Bên thuê", "Địa chỉ", "Điện thoại", "Bên cho thuê", "Địa chỉ", "Điện thoại", "Loại xe"], got
    o = imp("TỜ KHAI CỦA HỘ\nĐịa chỉ hộ: ……………\nHọ và tên chủ hộ: …………… Tuổi: …… Nghề nghiệp: ……………\nĐiện thoại: ……………\n")
    got = [r.question.prompt for r in o.refs]
    assert got == ["Địa chỉ hộ", "Họ và tên chủ hộ", "Tuổi", "Nghề nghiệp", "Điện thoại"], got
