"""Never refuse a document that has content: when reading its structure fails on a shape nobody foresaw (forced here),
the draft still comes out, passes the checker, keeps each line that asks as a written answer and says why first."""

from __future__ import annotations

import pytest

import dialogs.importer as importer
from dialogs.loader import check_outline_text
from tests.support.importing import prompts

LETTER = (
    "ỦY BAN NHÂN DÂN XÃ AN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN SỐ 6 THÁNG\n"
    "Các thôn báo cáo theo các nội dung sau.\n"
    "1. Số trẻ sinh ra trong kỳ: …… trẻ\n2. Khó khăn, vướng mắc:\n"
    "Đề xuất của thôn?\nNgười lập biểu\n"
)


@pytest.fixture
def broken_build(monkeypatch):
    def fail(doc, name):
        raise RecursionError("a shape nobody foresaw")

    monkeypatch.setattr(importer, "build", fail)


def test_a_failure_inside_the_importer_still_gives_a_draft_that_passes_the_checker(broken_build) -> None:
    result = importer.import_document(LETTER.encode(), "bc_dan_so.txt")
    outline, problems = check_outline_text(result.yaml)
    assert not problems, problems
    assert outline.title == "Báo cáo kết quả công tác dân số 6 tháng"
    ps = prompts(outline)
    # the lines that ask: numbered, ending in ':' or '?'; not the header, the sentence or the signature
    assert set(ps) == {"1. Số trẻ sinh ra trong kỳ: trẻ", "2. Khó khăn, vướng mắc", "Đề xuất của thôn?"}
    assert all(t == "longtext" for _, t in ps.values())
    assert "gặp lỗi khi đọc cấu trúc văn bản (RecursionError)" in result.notes[0]["message"]
    assert result.stats["questions"] == 3


def test_without_a_failure_the_last_resort_is_not_used() -> None:
    result = importer.import_document(LETTER.encode(), "bc_dan_so.txt")
    assert not any("gặp lỗi" in n["message"] for n in result.notes)
    assert prompts(check_outline_text(result.yaml)[0])["Số trẻ sinh ra trong kỳ"][1] == "integer"
