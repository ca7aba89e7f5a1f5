"""A statistics Biểu whose coded rows ran together, its header among them (dialogs/importer/coded_runs.py), on
made-up text: rows cut at codes running on by one, group lines and crossed cells between them, a note joined to its
group line, the header's columns taken from between 'Mã số' and the numbering row wherever the page broke."""

from __future__ import annotations

from dialogs.importer import draft_outline, import_document
from dialogs.importer.coded_runs import coded_run_grid

RUN = [
    "Trang trước của tài liệu",
    "",
    "Hộ trồng lúa 04",
    "",
    "Hộ trồng rau 05",
    "",
    "Hộ nuôi cá 06 Hộ nuôi gà 07 3. Chia theo vùng Miền núi 08 Đồng bằng 09 4. Chia theo quy mô x Hộ nhỏ 10 x",
    "",
    "Hộ vừa 11 x",
    "",
    "12",
    "",
    "Mã số Số hộ được hỗ trợ",
    "(hộ)",
    "Kinh phí hỗ trợ trong",
    "năm (triệu đồng)",
    "A B 1 2",
    "",
    "Hộ lớn 12",
    "5. Chia theo xã x",
    "(Ghi theo danh sách",
    "xã của huyện) 13 x",
    "",
    "Người lập biểu",
    "(Ký, họ tên)",
]


def _table(run: list[str], k: int) -> tuple[list[list[str]], int]:
    got = coded_run_grid(run, k)
    assert got is not None
    return [[c[0] for c in row] for row in got[0].cells], got[1]


def test_rows_run_together_are_cut_at_their_codes() -> None:
    cells, used = _table(RUN, 2)
    assert cells[0][3:] == ["Số hộ được hỗ trợ (hộ)", "Kinh phí hỗ trợ trong năm (triệu đồng)"]
    labels = [(r[1], r[2]) for r in cells[2:]]
    assert labels[:4] == [
        ("Hộ trồng lúa", "04"),
        ("Hộ trồng rau", "05"),
        ("Hộ nuôi cá", "06"),
        ("Hộ nuôi gà", "07"),
    ]
    assert ("Chia theo vùng", "") in labels  # a group line: a row with no code
    assert ("Miền núi", "08") in labels and ("Đồng bằng", "09") in labels
    assert ("Hộ nhỏ", "10") in labels and ("Hộ vừa", "11") in labels
    assert ("Hộ lớn", "12") in labels  # below the header the page broke on
    assert (
        "Chia theo xã (Ghi theo danh sách xã của huyện)",
        "13",
    ) in labels  # a note on a group line: one row
    assert not any(r[1] == "12" for r in cells)  # the page's number alone is no row
    assert RUN[2 + used].startswith("Người lập")


def test_the_first_code_further_down_is_not_this_line() -> None:
    assert coded_run_grid(RUN, 0) is None  # a line with no code
    assert coded_run_grid(["Trang 54 - 57 của tài liệu", *RUN[2:]], 0) is None  # its figures are no codes


def test_too_few_codes_or_no_header_read_nothing() -> None:
    assert coded_run_grid(["Hộ nghèo 01", "Hộ cận nghèo 02", "Hộ khá 03", "Mã số Số hộ", "A B 1"], 0) is None
    no_head = [x for x in RUN if not x.startswith(("Mã số", "A B"))]
    assert coded_run_grid(no_head, 2) is None


def test_the_outline_shows_one_biểu_with_its_rows() -> None:
    text = "BÁO CÁO HỘ SẢN XUẤT\n\n" + "\n".join(RUN[2:]) + "\n"
    got = draft_outline(import_document(text.encode(), "bieu.txt"))
    tables = [r.question.table for r in got.refs if r.question.type == "table"]
    assert len(tables) == 1
    rows = [x.label for x in tables[0].rows]
    assert "Hộ nuôi gà" in rows and "Hộ vừa" in rows and "Hộ lớn" in rows
    assert [c.label for c in tables[0].columns][-1] == "Kinh phí hỗ trợ trong năm (triệu đồng)"
