"""A card's or a form's foot, on made-up text: the notes run onto the signature's bracket ('(Ký …)Ghi chú:') still
explain the numbered blanks (and ask nothing), a note on the paper before them goes too, and a bare date right above
'TM. …' is the date of signing, not a question."""

from __future__ import annotations

from tests.support.importing import imp

FOOT = (
    "Ngày …… tháng …… năm 2030\n\nTM. BAN CHẤP HÀNH\n\nCHỦ TỊCH(3)\n\n(Ký tên và đóng dấu)Ghi chú:\n\n"
    "Kích thước thẻ bằng một trang giấy A6\n\n(1) Ghi tên chi hội.\n\n(2) Ghi nơi ở theo sổ hộ khẩu.\n"
)


def test_notes_run_onto_the_signature_explain_the_blanks() -> None:
    o = imp("THẺ HỘI VIÊN\nChi hội: ……(1)……\nHọ và tên: ……\nNơi ở hiện nay: …… (2)\n\n" + FOOT)
    prompts = [r.question.prompt for r in o.refs]
    assert sorted(prompts) == ["Chi hội", "Họ và tên", "Nơi ở hiện nay"]
    helps = {r.question.prompt: r.question.help or "" for r in o.refs}
    assert "Ghi nơi ở theo sổ hộ khẩu" in helps["Nơi ở hiện nay"]


def test_a_bare_date_above_the_signer_is_the_signing_date() -> None:
    o = imp("PHIẾU ĐĂNG KÝ\nHọ và tên: ……\nNgày …… tháng …… năm ……\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n")
    assert [r.question.prompt for r in o.refs] == ["Họ và tên"]


def test_a_date_asked_with_no_signer_below_stays() -> None:
    """Negative: a bare date line followed by more fields is the form's date to fill."""
    o = imp("PHIẾU ĐĂNG KÝ\nHọ và tên: ……\nNgày …… tháng …… năm ……\nNơi đăng ký: ……\n")
    assert [r.question.type for r in o.refs if r.question.prompt.startswith("Ngày")] == ["date"]
