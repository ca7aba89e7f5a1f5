"""The general shapes of real outlines handled in session 20 (issue 21), each on made-up text: damaged text repaired
only when sure, forms whose blanks a PDF copy lost, dates written with blanks, numbered form lines that are asks."""

from __future__ import annotations

from dialogs.importer.repair import repair_lines


def test_a_repair_to_a_syllable_no_text_uses_is_reported_not_applied():
    lines = ["Báo cáo cơng tác quản lý trường học khơng đúng hạn",
             "Kết quả cơng tác kiểm tra phịng học của các trường", "Xem thêm tại trang: bao-cao-bieu-mau"]
    out, report = repair_lines(lines)
    assert out[0] == "Báo cáo công tác quản lý trường học không đúng hạn"  # sure: a glyph swapped, a used syllable
    assert "phịng học" in out[1] and report.unsure["phịng"] >= 1  # only reading 'phiệng', never written: reported
    assert out[2].endswith("bao-cao-bieu-mau")  # a web address's words are no damage ('bieu' is never 'biêu')
