"""Parts and levels of a report outline (dialogs/importer/structure.py, section_numbers.py), on made-up text: a copy
that lost its line breaks keeps its parts written as ordinals ('Phần thứ nhất … Phần thứ hai …') as the top level
over the Roman sections, decimals and lettered items."""

from __future__ import annotations

from dialogs.importer.section_numbers import part_value
from tests.support.importing import imp, prompts

FILLER = " (nêu cụ thể số liệu, so sánh với cùng kỳ năm trước, phân tích rõ các yếu tố tác động chủ yếu)"


def test_part_values_of_every_spelling():
    assert [part_value(w) for w in ("thứ nhất", "THỨ HAI", "III", "4", "thứ năm", "Phần thứ ba", "X")] == [
        1, 2, 3, 4, 5, 3, 10,
    ]
    assert part_value("thứ gì") == 0


def test_ordinal_parts_in_one_run_on_line_head_their_sections():
    text = (
        "BÁO CÁO TỔNG KẾT CÔNG TÁC PHÒNG CHỐNG THIÊN TAI NĂM 2025 Phần thứ nhất KẾT QUẢ THỰC HIỆN I. Công tác chuẩn bị "
        f"1. Kiện toàn ban chỉ huy a) Về nhân sự:{FILLER} b) Về quy chế:{FILLER} 2. Lực lượng xung kích:{FILLER} "
        f"II. Công tác ứng phó 1. Sơ tán dân:{FILLER} 2. Cứu hộ cứu nạn:{FILLER} Phần thứ hai PHƯƠNG HƯỚNG NĂM 2026 "
        f"I. Mục tiêu 1. Chỉ tiêu chủ yếu:{FILLER} 2. Giải pháp:{FILLER} II. Kiến nghị 1. Với tỉnh:{FILLER}"
    )
    got = {p: s for p, (s, _) in prompts(imp(text)).items()}
    assert got["Về nhân sự"] == "Phần thứ nhất.I.1"
    assert got["Về quy chế"] == "Phần thứ nhất.I.1"
    assert got["Sơ tán dân"] == "Phần thứ nhất.II"
    assert got["Chỉ tiêu chủ yếu"] == "Phần thứ hai.I"
    assert got["Với tỉnh"] == "Phần thứ hai.II"


def test_a_second_variant_in_capitals_with_other_words():
    text = (
        "KẾ HOẠCH KIỂM TRA VỆ SINH AN TOÀN THỰC PHẨM PHẦN THỨ NHẤT TÌNH HÌNH CHUNG I. Đặc điểm địa bàn 1. Số cơ sở "
        f"sản xuất:{FILLER} 2. Số chợ đầu mối:{FILLER} II. Kết quả kiểm tra 1. Số đoàn kiểm tra:{FILLER} "
        f"PHẦN THỨ HAI NHIỆM VỤ TRỌNG TÂM I. Nhiệm vụ 1. Tuyên truyền:{FILLER} 2. Xử lý vi phạm:{FILLER}"
    )
    got = {p: s for p, (s, _) in prompts(imp(text)).items()}
    assert got["Số chợ đầu mối"] == "Phần thứ nhất.I"
    assert got["Số đoàn kiểm tra"] == "Phần thứ nhất.II"
    assert got["Xử lý vi phạm"] == "Phần thứ hai.I"


def test_a_part_named_inside_a_sentence_or_out_of_sequence_stays_text():
    text = (
        "BÁO CÁO SƠ KẾT CÔNG TÁC DÂN VẬN I. Kết quả 1. Tuyên truyền: (nội dung đã nêu tại Phần thứ hai của kế hoạch "
        f"số 12){FILLER} 2. Vận động:{FILLER} Phần thứ ba NHIỆM VỤ 3. Kiến nghị:{FILLER} II. Đề xuất 1. Với huyện:{FILLER}"
    )
    got = {p: s for p, (s, _) in prompts(imp(text)).items()}
    assert not any(s.startswith("Phần") for s in got.values())
