"""Blanks written as a hint in square brackets after a label's colon ('• Tên: [Họ và tên]', dialogs/importer/cleaning.py)
and numbered headings giving a person's particulars ('1.2. Thông tin người khai:', dialogs/importer/person_blocks.py),
on made-up forms: each bracketed hint is a field to fill (no option of a choice), a hint of short words split by slashes
is the options to tick, and a label repeated under two such headings is asked of each person."""

from __future__ import annotations

import pytest

from dialogs.importer import draft_outline, import_document

CONTRACT = (
    "PHIẾU THUÊ NHÀ\n\n1. THÔNG TIN CHUNG\n\n1.1. Thông Tin Người Thuê:\n\n  • Tên: [Họ và tên]\n"
    "  • Địa chỉ: [Nơi ở hiện nay]\n  • Tuổi: [Tuổi]\n\n1.2. Thông Tin Người Bảo Lãnh:\n\n  • Tên: [Họ và tên]\n"
    "  • Địa chỉ: [Địa chỉ liên lạc]\n  • Nghề nghiệp: [Nghề]\n"
)
CLUB = (
    "ĐƠN XIN VÀO CÂU LẠC BỘ\n\nI. Thông tin người xin vào:\n\n- Họ tên: [Họ và tên đầy đủ]\n- Email: [Địa chỉ email]\n"
    "- Có thẻ hội viên: [Có/Không]\n\nII. Thông tin người giới thiệu:\n\n- Họ tên: [Họ và tên đầy đủ]\n"
    "- Email: [Địa chỉ email]\n"
)


def _asks(text: str) -> list[tuple[str, str]]:
    got = draft_outline(import_document(text.encode(), "mau.txt"))
    return [(r.question.prompt, r.question.type) for r in got.refs]


@pytest.mark.parametrize("text", [CONTRACT, CLUB])
def test_a_bracketed_hint_is_a_blank_no_option(text: str) -> None:
    asks = _asks(text)
    assert all(t != "choice" for _, t in asks), asks
    assert not any("[" in p for p, _ in asks), asks


def test_a_repeated_label_is_asked_of_each_person() -> None:
    prompts = [p for p, _ in _asks(CONTRACT)]
    assert "Tên (người thuê)" in prompts and "Tên (người bảo lãnh)" in prompts, prompts
    assert "Địa chỉ (người thuê)" in prompts and "Địa chỉ (người bảo lãnh)" in prompts, prompts


def test_the_persons_under_roman_headings() -> None:
    prompts = [p for p, _ in _asks(CLUB)]
    assert "Họ tên (người xin vào)" in prompts and "Họ tên (người giới thiệu)" in prompts, prompts


def test_a_slashed_hint_is_options_to_tick() -> None:
    asks = dict(_asks(CLUB))  # (under a person's numbered heading every label is that person's: session 29)
    assert asks.get("Có thẻ hội viên (người xin vào)") in ("yesno", "choice"), asks
