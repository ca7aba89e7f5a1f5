"""A rating scale named once for the questions under it (dialogs/importer/scales.py), on made-up text."""

from __future__ import annotations

from dialogs.importer.scales import apply_scales
from tests.support.importing import imp, prompts


def test_a_scale_legend_makes_the_sections_short_questions_choices_of_its_levels() -> None:
    o = imp(
        "PHIẾU LẤY Ý KIẾN HỌC VIÊN\n\n1. Học viên đánh giá các nội dung sau theo các mức:\n\nMức 1: Rất hài lòng\n"
        "Mức 2: Hài lòng\nMức 3: Bình thường\nMức 4: Không hài lòng\n\n- Giảng viên truyền đạt dễ hiểu?\n\n"
        "- Tài liệu học tập đầy đủ?\n\n- Ý kiến khác\n"
    )
    got = {r.question.prompt: r.question for r in o.refs}
    q = got["Giảng viên truyền đạt dễ hiểu?"]
    assert q.type == "choice"
    assert [str(x.label if hasattr(x, "label") else x) for x in q.options][0].endswith("Rất hài lòng")
    assert got["Tài liệu học tập đầy đủ?"].type == "choice"
    assert not any(p.startswith("Mức") for p in got)  # the legend asks nothing
    assert got["Ý kiến khác"].type != "choice"  # written, not rated


def test_without_a_scale_or_with_two_levels_the_questions_stay_as_they_were() -> None:
    sections = [
        {
            "no": "1.",
            "title": "Đánh giá",
            "items": [
                {"key": "a", "prompt": "Mức 1: Đạt", "type": "longtext"},
                {"key": "b", "prompt": "Mức 2: Chưa đạt", "type": "longtext"},
                {"key": "c", "prompt": "Kết quả thực hiện nhiệm vụ năm", "type": "longtext"},
            ],
        },
    ]
    apply_scales(sections)
    assert [it["type"] for it in sections[0]["items"]] == ["longtext"] * 3
    o = imp("BÁO CÁO\n\n1. Kết quả thực hiện nhiệm vụ\n\n- Đánh giá chung về công tác năm?\n")
    assert prompts(o)["Đánh giá chung về công tác năm?"][1] != "choice"
