"""Made-up lines from a page mixing Unicode words and words in the old TCVN3 font (a document preview that re-typed
part of a Biểu): a valid Unicode word between a plainly Unicode word and a TCVN3 word stays as written ('chuyên môn
D©n téc' keeps 'môn', never 'mụn'; 'đạt … Xã' keeps 'Xã'), while the TCVN3 words are still read again."""

from __future__ import annotations

from dialogs.importer.old_fonts import repair_old_font


def test_a_valid_word_at_the_seam_of_unicode_and_tcvn3_stays() -> None:
    got = repair_old_font("STT Trình độ chuyên môn D©n téc Ýt Tæng sè N÷")
    assert got == "STT Trình độ chuyên môn Dân tộc ít Tổng số Nữ"
    got = repair_old_font("Tæng sè tö vong Tr®: N÷ Xã đạt tiêu chí y tế")
    assert got.startswith("Tổng số tử vong Trđ: Nữ Xã đạt")


def test_tcvn3_words_among_themselves_are_still_repaired() -> None:
    assert repair_old_font("§¬n vÞ b¸o c¸o TRÞ GI¸ XUÊT KHÈU Thèng kª") == "Đơn vị báo cáo TRỊ GIÁ XUẤT KHẨU Thống kê"
