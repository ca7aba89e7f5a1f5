"""A labelled blank whose label closes with a long parenthesis of guidance, on made-up text: the guidance is the
question's help, the label its prompt; a short parenthesis stays in the prompt."""

from __future__ import annotations

from dialogs.importer.guidance import labelled_blanks


def test_a_long_guidance_after_a_label_is_help() -> None:
    (a,) = labelled_blanks(
        "Kết quả mô hình (nêu rõ số hộ tham gia, diện tích áp dụng, năng suất so với cách làm cũ ở địa phương): ……"
    )
    assert a.prompt == "Kết quả mô hình"
    assert a.help == ["nêu rõ số hộ tham gia, diện tích áp dụng, năng suất so với cách làm cũ ở địa phương"]
    (b,) = labelled_blanks(
        "Cách làm mới (chỉ ra điểm khác với cách làm cũ; mô tả các bước làm cụ thể từng bước): ……"
    )
    assert b.prompt == "Cách làm mới" and b.help


def test_a_short_parenthesis_stays_in_the_prompt() -> None:
    (a,) = labelled_blanks("Mục đích của mô hình (để giải quyết vấn đề gì): ……")
    assert a.prompt == "Mục đích của mô hình (để giải quyết vấn đề gì)"
    assert not a.help
