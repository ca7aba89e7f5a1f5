"""Made-up documents: a rating grid flattened a cell a line ('TT' / 'NỘI DUNG ĐÁNH GIÁ' / 'MỨC ĐỘ' / 'Tốt' / 'Khá' /
'Đạt' / 'Chưa đạt' / 'I' / group / '1' / criterion …) gives one choice among the levels per criterion, numbered as the
grid numbers it; a count table's header ('TT' / 'Tên chỉ tiêu' / figures) is no rating grid."""

from __future__ import annotations

from dialogs.importer.rated_grid import rated_grid
from tests.support.importing import imp

GRID = ("PHIẾU ĐÁNH GIÁ CHI HỘI\n- Tên chi hội: …………………\n\nTT\n\nNỘI DUNG ĐÁNH GIÁ\n\nMỨC ĐỘ\n\nTốt\n\nKhá\n\nĐạt\n\n"
        "Chưa đạt\n\nI\n\nVề tổ chức sinh hoạt\n\n1\n\nSinh hoạt định kỳ đúng quy định\n\n2\n\nGhi chép sổ sách đầy đủ,\n"
        "rõ ràng\n\nII\n\nVề phong trào\n\n3\n\nTham gia các phong trào của địa phương\n")


def test_each_criterion_of_a_flattened_rating_grid_is_a_choice_of_the_levels() -> None:
    o = imp(GRID)
    asked = {r.question.prompt: r for r in o.refs}
    for prompt in ("Sinh hoạt định kỳ đúng quy định", "Ghi chép sổ sách đầy đủ, rõ ràng",
                   "Tham gia các phong trào của địa phương"):
        assert asked[prompt].question.type == "choice", prompt
        assert [c.label for c in asked[prompt].question.options] == ["Tốt", "Khá", "Đạt", "Chưa đạt"]
    assert asked["Sinh hoạt định kỳ đúng quy định"].number.endswith("I.1")
    assert asked["Tham gia các phong trào của địa phương"].number.endswith("II.3")
    assert "Tên chi hội" in asked


def test_a_count_tables_header_is_no_rating_grid() -> None:
    seq = ["TT", "", "Tên chỉ tiêu", "", "Đơn vị tính", "", "Số lượng", "", "1", "", "Số hộ nghèo", "", "2", "", "Số hộ"]
    assert rated_grid(seq) == seq
    one = ["TT", "Tiêu chí", "Tốt", "Khá", "Kém", "1", "Chỉ một tiêu chí"]  # one criterion: no grid to read
    assert rated_grid(one) == one
