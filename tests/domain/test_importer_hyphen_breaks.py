"""A PDF's hyphenation inside a syllable ('… người hư-' / 'ởng chính sách …') rejoined (review r27): only when the
letters joined are one Vietnamese syllable; a real hyphen ('Hà Nội -' / 'Hải Phòng', '2025-' / '2026', 'kinh tế-' /
'xã hội') stays as it is."""

from __future__ import annotations

from dialogs.importer import draft_outline, import_document
from dialogs.importer.cleaning import rejoin_hyphenated
from tests.support.importing import imp, pdf_page


def test_a_syllable_broken_across_two_lines_is_whole_again() -> None:
    assert rejoin_hyphenated(["1. Số người hư-", "ởng chính sách ưu đãi."]) == [
        "1. Số người",
        "hưởng chính sách ưu đãi.",
    ]
    assert rejoin_hyphenated(["công tác phòng ch-", "ống dịch"]) == ["công tác phòng", "chống dịch"]


def test_real_hyphens_stay() -> None:
    for lines in (
        ["Tuyến đường Hà Nội -", "Hải Phòng"],
        ["năm học 2025-", "2026"],
        ["phát triển kinh tế-", "xã hội"],
        ["Quan hệ Việt-", "Lào"],
        ["thu-", "chi ngân sách"],
    ):
        assert rejoin_hyphenated(lines) == lines


def test_the_rejoined_word_in_the_draft() -> None:
    text = (
        "ĐỀ CƯƠNG\nBáo cáo công tác người có công năm 2026\n"
        "1. Công tác rà soát, cập nhật danh sách người hư-\nởng chính sách ưu đãi.\n2. Kiến nghị\n"
    )
    prompts = [r.question.prompt for r in imp(text).refs]
    assert prompts[0] == "Công tác rà soát, cập nhật danh sách người hưởng chính sách ưu đãi"


def test_a_pdfs_broken_syllable() -> None:
    pdf = pdf_page(tables=False)
    for line in [
        "ĐỀ CƯƠNG",
        "Báo cáo công tác bảo vệ rừng năm 2026",
        "1. Kết quả tuần tra, kiểm soát các khu rừng đặc dụ-",
        "ng và rừng phòng hộ.",
        "2. Kiến nghị",
    ]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    o = draft_outline(import_document(bytes(pdf.output()), "rung.pdf"))
    assert o.refs[0].question.prompt == "Kết quả tuần tra, kiểm soát các khu rừng đặc dụng và rừng phòng hộ"
