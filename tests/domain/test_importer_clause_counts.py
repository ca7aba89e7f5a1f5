"""Made-up lines where one clause asks several counts: a breakdown after «trong đó:» with dotted blanks and a unit of
two words, counts that name their noun once, a unit after the blank that repeats the label's words, a labelled
item's count in brackets, and a bare «số lượng» in guidance (what to write about, no figure)."""

from __future__ import annotations

from dialogs.importer.blank_runs import blank_run
from dialogs.importer.echoed_units import echoed_unit
from dialogs.importer.questions import asks_from_text
from dialogs.importer.shared_counts import distributed_counts, labelled_count
from tests.support.importing import imp, prompts


def _typed(asks) -> list[tuple[str, str, str | None]]:
    return [(a.prompt, a.type, a.unit) for a in asks]


def test_a_breakdown_after_trong_do_asks_each_part_in_the_totals_unit() -> None:
    got = _typed(blank_run("- Số hội viên được khen thưởng: ...... hội viên, trong đó: cấp tỉnh ......, cấp xã ......"))
    assert got == [("Số hội viên được khen thưởng", "integer", "hội viên"),
                   ("Số hội viên được khen thưởng cấp tỉnh", "integer", "hội viên"),
                   ("Số hội viên được khen thưởng cấp xã", "integer", "hội viên")]
    two = _typed(blank_run("Số đảng viên chuyển sinh hoạt: …… đồng chí, trong đó: đi ……, đến ……"))
    assert [t for _, t, _ in two] == ["integer"] * 3 and {u for _, _, u in two} == {"đồng chí"}  # no sum of money


def test_counts_naming_their_noun_once() -> None:
    assert distributed_counts("số vụ sạt lở, ngập úng, lốc xoáy") == ["Số vụ sạt lở", "Số vụ ngập úng",
                                                                      "Số vụ lốc xoáy"]
    assert distributed_counts("số hộ thoát nghèo, hộ tái nghèo") == ["Số hộ thoát nghèo", "Số hộ tái nghèo"]
    assert distributed_counts("số học sinh, giáo viên") == []  # two things counted, no shared noun with words after
    assert distributed_counts("số lượng, mức hỗ trợ") == []
    assert distributed_counts("số lớp được mở, học viên") == []  # the second piece counts other people
    o = imp("BÁO CÁO\nTình hình mưa lũ năm 2026\n1. Số trận mưa lớn.\n"
            "2. Thiệt hại về vật nuôi: số con gia súc chết, bị cuốn trôi.\n3. Đề xuất\n")
    p = prompts(o)
    assert p["Số con gia súc chết"][1] == "integer" and p["Số con bị cuốn trôi"][1] == "integer"
    assert "Thiệt hại về vật nuôi" not in p  # the label heads the counts, no written ask of its own


def test_a_unit_that_repeats_the_labels_words_is_kept_whole() -> None:
    assert _typed(echoed_unit("3. Số hợp tác xã được thành lập mới: ...... hợp tác xã.")) == [
        ("Số hợp tác xã được thành lập mới", "integer", "hợp tác xã")]
    assert _typed(echoed_unit("Số khu dân cư, tổ tự quản đạt chuẩn: …… khu dân cư, tổ tự quản")) == [
        ("Số khu dân cư, tổ tự quản đạt chuẩn", "integer", "khu dân cư, tổ tự quản")]
    assert echoed_unit("Số hộ được hỗ trợ: …… hộ") == []  # one word: the count rules'
    got = _typed(asks_from_text("- Số tổ chức cơ sở đảng được giám sát: ...... tổ chức; số cấp ủy viên được giám sát: "
                                "...... đồng chí."))
    assert got == [("Số tổ chức cơ sở đảng được giám sát", "integer", "tổ chức"),
                   ("Số cấp ủy viên được giám sát", "integer", "đồng chí")]


def test_a_labelled_items_count_in_brackets_asks() -> None:
    got = labelled_count("+ Tiểu dự án 3: Hỗ trợ phát triển sản xuất (số hộ được nhận giống cây trồng)")
    assert _typed(got) == [("Tiểu dự án 3: số hộ được nhận giống cây trồng", "integer", "hộ")]
    assert got[0].help == ["Hỗ trợ phát triển sản xuất"]
    assert labelled_count("+ Nội dung 2: Tập huấn (nêu rõ số lớp, số học viên)") == []
    o = imp("ĐỀ CƯƠNG\nKết quả chương trình năm 2026\nI. Các nội dung\n"
            "+ Nội dung 1: Xây dựng đường giao thông nông thôn (số km được cứng hóa)\n"
            "+ Nội dung 2: Sửa chữa trường học, nhà văn hóa (số công trình được sửa chữa)\nII. Kiến nghị\n")
    p = prompts(o)
    assert p["Nội dung 2: số công trình được sửa chữa"][1] == "integer"


def test_a_bare_so_luong_in_guidance_is_help_not_a_figure() -> None:
    o = imp("BÁO CÁO\nCông tác dân số năm 2026\n1. Số cộng tác viên: …… người.\n"
            "2. Tình hình đội ngũ cộng tác viên (nêu rõ số lượng, mức thù lao).\n3. Kiến nghị\n")
    qs = [r.question for r in o.refs if r.section_number == "2"]
    assert [(q.prompt, q.type) for q in qs] == [("Tình hình đội ngũ cộng tác viên", "longtext")]
    assert "số lượng" in (qs[0].help or "")


def test_a_written_ask_about_issuing_papers_and_their_list_is_one_list() -> None:
    got = asks_from_text("Việc ban hành văn bản triển khai (liệt kê tên văn bản, số, ngày ký).")
    assert [(a.prompt, a.type) for a in got] == [("Việc ban hành văn bản triển khai", "list")]
    assert got[0].fields == ["Tên văn bản", "Số", "Ngày ký"]
