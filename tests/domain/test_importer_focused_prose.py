"""A letter whose sentence says what the report focuses on after a comma ('Báo cáo ngắn gọn, tập trung đánh giá X; nêu
Y; Z…') and whose list ends on an ellipsis glued to the next sentence ('… đề xuất…Các biểu …', dialogs/importer/prose.py),
on made-up letters: one question per thing listed, the next sentence no part of the last thing."""

from __future__ import annotations

import pytest

from dialogs.importer import draft_outline, import_document

HEAD = "SỞ Y TẾ\n\nKính gửi: Các Trung tâm Y tế huyện\n\nĐể chuẩn bị hội nghị sơ kết 6 tháng, Sở đề nghị các đơn vị báo cáo.\n\n"
CLINICS = HEAD + ("Báo cáo cần ngắn gọn, tập trung đánh giá kết quả khám chữa bệnh nổi bật; nêu những khó khăn, vướng mắc "
                  "cần tháo gỡ; các giải pháp đã áp dụng; những đề nghị với Sở…Các số liệu gửi kèm theo biểu mẫu.\n\n"
                  "Trân trọng./.\n")
SCHOOLS = HEAD + ("Nội dung báo cáo súc tích, tập trung phân tích tình hình đội ngũ giáo viên; nêu các hạn chế còn tồn tại; "
                  "các kinh nghiệm rút ra; những kiến nghị với Bộ…Báo cáo gửi trước ngày 10/6.\n\nTrân trọng./.\n")


@pytest.mark.parametrize(("text", "first", "last"), [
    (CLINICS, "kết quả khám chữa bệnh", "đề nghị với Sở"),
    (SCHOOLS, "tình hình đội ngũ giáo viên", "kiến nghị với Bộ"),
])
def test_each_thing_focused_on_is_asked(text: str, first: str, last: str) -> None:
    prompts = [r.question.prompt for r in draft_outline(import_document(text.encode(), "cv.txt")).refs]
    assert len(prompts) >= 4, prompts
    assert any(first in p for p in prompts), prompts
    tail = [p for p in prompts if last in p]
    assert tail and not any("Các số liệu" in p or "gửi trước" in p for p in tail), prompts
