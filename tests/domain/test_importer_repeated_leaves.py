"""A two-level header copied one cell a line: the group names, then the same leaves once per group. Made-up text."""

from dialogs.importer.flat_groups import repeated_leaves


def test_leaves_repeated_under_each_group():
    cols = [
        "Tổng số hộ",
        "Hộ nghèo",
        "Hộ cận nghèo",
        "Ghi chú",
        "Đầu kỳ",
        "Phát sinh",
        "Cuối kỳ",
        "Đầu kỳ",
        "Phát sinh",
        "Cuối kỳ",
    ]
    out, groups = repeated_leaves(cols)
    assert out == [
        "Tổng số hộ",
        "Đầu kỳ",
        "Phát sinh",
        "Cuối kỳ",
        "Đầu kỳ",
        "Phát sinh",
        "Cuối kỳ",
        "Ghi chú",
    ]
    assert groups == ["", *["Hộ nghèo"] * 3, *["Hộ cận nghèo"] * 3, ""]


def test_no_repeat_no_groups():
    cols = ["Kế hoạch", "Thực hiện", "Tỷ lệ"]
    assert repeated_leaves(cols) == (cols, ["", "", ""])


def test_group_count_must_match_repeats():
    cols = ["Tổng số", "A khối", "B khối", "C khối", "Nam", "Nữ", "Nam", "Nữ"]
    assert repeated_leaves(cols)[1] == [""] * len(cols)
