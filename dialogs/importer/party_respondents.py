"""Who answers a Party document that names no state unit: the body it is sent to or written for ('Kính gửi: Các chi
bộ trực thuộc', '(dùng cho các chi bộ trực thuộc)', 'Đảng ủy các xã'), or a chi bộ heading the text as its author.
A chi bộ has no kind of its own among the unit kinds: «Đơn vị khác», said in the unsure note."""

from __future__ import annotations

import re

from dialogs.text import fold

CHI_BO = re.compile(r"\b(?:cac|cho|gui)\s+chi bo\b|\bchi bo truc thuoc\b")
CHI_BO_HEAD = re.compile(r"\bCHI BỘ\b")  # the author's header in capitals at the top ('CHI BỘ ẤP 3')
HEAD = 200  # characters of the top where the author's header stands
DANG_UY = re.compile(r"\bdang uy (?:cac )?(?:xa|phuong|dac khu|co so)\b|\bcac dang (?:uy|bo)\b|\bdang bo co so\b")


def party_respondents(text: str) -> tuple[list[str], str] | None:
    """(unit kinds, the unsure note) from the Party bodies the document's first pages address; None when none."""
    t = " ".join(text.split())
    f = "".join(fold(c)[:1] or c for c in t).lower()  # one character for one: positions stay those of `t`
    m = CHI_BO.search(f)
    if m or CHI_BO_HEAD.search(t[:HEAD]):
        word = t[m.start():m.end()] if m else "CHI BỘ"
        return ["khac"], (f"đơn vị trả lời được đoán từ chữ «{word}»: chi bộ chưa có loại đơn vị riêng, đã để «Đơn vị "
                          "khác»: hãy sửa nếu cần")
    m = DANG_UY.search(f)
    if m:
        return ["dang_uy"], f"đơn vị trả lời được đoán từ chữ «{t[m.start():m.end()]}»: hãy sửa nếu đề cương gửi cho đơn vị khác"
    return None
