"""Made-up statistics forms whose one flattened table holds two parts, each opened by a lettered band ('A. Học sinh'
then 'b - Giáo viên') over rows numbered I, II … again: one Biểu per part, in the part's lettered section; a band
that is only a group of one numbering running on (II after the second band) leaves the table whole."""

from __future__ import annotations

from tests.support.importing import imp


def _form(second_band: str, second_numbers: tuple[str, str, str]) -> str:
    cells = ["Nội dung", "|", "STT dòng", "|", "Tổng số", "|", "A", "|", "B", "|", "1", "|", "A. Số học sinh", "|", "|", "|",
             "I. Số học sinh đầu kỳ", "|", "1", "|", "|", f"{second_numbers[0]} Số học sinh mới", "|", "2", "|", "|",
             "+ Chuyển đến", "|", "3", "|", "|", "III. Số học sinh cuối kỳ", "|", "4", "|", "|",
             second_band, "|", "|", "|",
             f"{second_numbers[1]} Số giáo viên đầu kỳ", "|", "1", "|", "|",
             f"{second_numbers[2]} Số giáo viên mới", "|", "2", "|", "|", "+ Tuyển dụng", "|", "3", "|", "|",
             "V. Số giáo viên cuối kỳ", "|", "4", "|", "|"]
    return "BÁO CÁO TÌNH HÌNH HỌC SINH, GIÁO VIÊN\n" + "\n".join(cells) + "\nNgười lập biểu\n"


def _tables(o) -> list:
    return [r for r in o.refs if r.question.type == "table"]


def test_two_lettered_parts_numbered_anew_are_two_biểu() -> None:
    o = imp(_form("b - Số giáo viên", ("II.", "I.", "II.")))
    got = _tables(o)
    assert [r.section_number.strip(".") for r in got] == ["A", "B"]
    assert [r.question.table.title for r in got] == ["Số học sinh", "Số giáo viên"]
    rows = [[x.label for x in r.question.table.rows] for r in got]
    assert "Số học sinh đầu kỳ" in rows[0] and "Số giáo viên đầu kỳ" not in rows[0]
    assert "Số giáo viên đầu kỳ" in rows[1] and "Số học sinh đầu kỳ" not in rows[1]


def test_a_band_whose_rows_run_on_the_numbering_keeps_one_table() -> None:
    o = imp(_form("B. Số giáo viên", ("II.", "IV.", "V.")))
    assert len(_tables(o)) == 1



def test_a_grand_total_over_the_bands_keeps_one_biểu_with_its_code_and_name() -> None:
    from dialogs.importer.band_tables import _parts
    from dialogs.importer.textgrid import FlatGrid

    text = ("Biểu số 05\nTỔNG HỢP THU, CHI QUỸ HỘI NÔNG DÂN XÃ\nTT\nNội dung\nKế hoạch\nThực hiện\n \n"
            "Tổng thu, chi của quỹ\nA. Các khoản thu\n1\nHội phí\n2\nỦng hộ của hội viên\n3\nThu khác\n"
            "B. Các khoản chi\n1\nChi hoạt động\n2\nChi khen thưởng\n3\nChi khác\nNgười lập biểu\n")
    got = _tables(imp(text))
    assert len(got) == 1, [r.question.table.title for r in got]
    assert got[0].question.table.code == "05" and "QUỸ HỘI NÔNG DÂN" in got[0].question.table.title
    rows = [["TT", "Nội dung", "Số tiền"], ["", "Tổng thu, chi của quỹ", ""], ["", "A. Các khoản thu", ""],
            ["1", "Hội phí", ""], ["2", "Thu khác", ""], ["", "B. Các khoản chi", ""], ["1", "Chi hoạt động", ""],
            ["2", "Chi khác", ""]]
    grid = FlatGrid(cells=[[(t, (r, c)) for c, t in enumerate(row)] for r, row in enumerate(rows)], merged_known=True)
    assert _parts(grid) is None  # the total row between the header and band A: not cut
    header_line_two = [rows[0], ["A", "B", "1"], *rows[2:]]
    grid = FlatGrid(cells=[[(t, (r, c)) for c, t in enumerate(row)] for r, row in enumerate(header_line_two)],
                    merged_known=True)
    assert _parts(grid) == (2, [2, 5])  # the header's column codes over band A: still cut
