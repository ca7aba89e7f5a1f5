"""Sentences and numbers of the consolidated report, shared by the .docx, the .xlsx and the bot's summary."""

from __future__ import annotations

import re
from typing import Any

from dialogs.figures import is_rate
from dialogs.labels import report_label
from dialogs.outline import Question
from dialogs.parsing import format_decimal, format_integer, format_money
from exports.consolidate import Consolidation, Item, NumericSummary

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: Any) -> str:
    """Text safe for XML (Word, Excel): control characters removed."""
    if text is None:
        return ""
    s = str(text)
    return s if s.isprintable() else _XML_BAD.sub("", s)  # printable: no control character (a quick test)


def fmt_number(q: Question, v: float | None) -> str:
    if v is None:
        return "—"
    if q.type == "percent":
        return f"{format_decimal(v)}%"
    if q.type == "money":
        return format_money(v, q.unit or "triệu đồng")
    if q.type == "integer" and float(v).is_integer():  # a mean of whole numbers keeps its decimals (22,5)
        s = format_integer(v)
    else:
        s = format_decimal(v)
    if q.unit and q.unit != "%":
        return f"{s} {q.unit}"
    return s + ("%" if q.unit == "%" else "")


def fmt_plain(q: Question, v: float | None) -> str:
    if v is None:
        return "—"
    if q.type == "integer" and float(v).is_integer():
        return format_integer(v)
    if q.type == "money":
        return format_money(v, q.unit or "triệu đồng").rsplit(" ", 2)[0]
    return format_decimal(v)


def change_phrase(q: Question, s: NumericSummary, prev_word: str) -> str:
    d = s.delta
    if d is None:
        return ""
    if abs(d) < 1e-9:
        return f"không đổi so với {prev_word}"
    word = "tăng" if d > 0 else "giảm"
    if is_rate(q.type, q.unit):
        return f"{word} {format_decimal(abs(d))} điểm phần trăm so với {prev_word}"
    if q.type == "money":
        return f"{word} {format_money(abs(d), q.unit or 'triệu đồng')} so với {prev_word}"
    mag = format_integer(abs(d)) if q.type == "integer" else format_decimal(abs(d))
    return f"{word} {mag} so với {prev_word}"


def numeric_sentence(c: Consolidation, it: Item) -> str:
    q = it.ref.question
    s: NumericSummary = it.summary
    prev_word = c.outline.period.previous_label
    if s.count == 0:
        return f"{report_label(q)}: chưa có đơn vị nào báo cáo."
    value = fmt_number(q, s.value)
    parts = [f"{report_label(q)}: {value}"]
    ch = change_phrase(q, s, prev_word)
    if ch:
        parts.append(ch)
    text = ", ".join(parts)
    extra = aggregate_notes(c, it)
    cmp_note = compared_note(q, s, prev_word)
    if cmp_note:
        extra.append(cmp_note)
    extra.append(f"{s.count}/{it.eligible or len(c.units)} đơn vị báo cáo")
    return f"{text} ({'; '.join(extra)})."


def compared_note(q: Question, s: NumericSummary, prev_word: str) -> str:
    """When the change is measured like with like (:class:`exports.consolidate.Compared`): on which units, from
    what to what, so that the change printed can be checked against its own two figures."""
    cmp = s.compared
    if cmp is None:
        return ""
    if cmp.units == 0:
        return f"không so sánh được với {prev_word}: không đơn vị nào có số liệu ở cả hai kỳ"
    if cmp.prev is None or cmp.cur is None:
        return (f"không so sánh được với {prev_word}: trên {cmp.units} đơn vị có số liệu cả hai kỳ, tỷ lệ không tính "
                "được (mẫu số bằng 0)")
    how = " (cả hai kỳ tính bình quân cộng)" if cmp.plain_mean else ""
    return (f"mức tăng, giảm tính trên {cmp.units} đơn vị có số liệu cả hai kỳ{how}: {prev_word} "
            f"{fmt_number(q, cmp.prev)}, kỳ này {fmt_number(q, cmp.cur)}")


def _on_units(q: Question, s: NumericSummary) -> str:
    """After a change in the short message, when it is measured like with like: on how many units, from what to what."""
    cmp = s.compared
    if cmp is None or not cmp.units:
        return ""
    how = ", bình quân cộng" if cmp.plain_mean else ""
    return f"; trên {cmp.units} đơn vị có số liệu cả hai kỳ{how}: {fmt_number(q, cmp.prev)} → {fmt_number(q, cmp.cur)}"


def aggregate_notes(c: Consolidation, it: Item) -> list[str]:
    """How the figure was obtained, when it is not a plain sum."""
    q = it.ref.question
    s: NumericSummary = it.summary
    if s.mode == "fraction":
        return [f"tính trên tổng {format_decimal(s.num)}/{format_decimal(s.den)}"]
    if s.mode == "weighted":
        return [f"bình quân của {format_decimal(s.den)} đơn vị cấp dưới mà {s.count} đơn vị đã tổng hợp, mỗi đơn vị tính "
                "theo số đơn vị cấp dưới của mình"]
    if s.mode == "ratio":
        nq, dq = c.outline.question(q.numerator or ""), c.outline.question(q.denominator or "")
        return [f"tính lại từ tổng «{_short(report_label(nq), 60)}» {fmt_number(nq, s.num)} trên tổng "
                f"«{_short(report_label(dq), 60)}» {fmt_number(dq, s.den)}"]
    if s.mode == "average" and s.count > 1 and s.minimum is not None and s.maximum is not None:
        # a plain mean: a unit with 10 cases weighs as much as one with 1.000 — said, as in the Biểu's note
        return [f"trung bình cộng của {s.count} đơn vị (không gia quyền), thấp nhất {fmt_number(q, s.minimum)}, "
                f"cao nhất {fmt_number(q, s.maximum)}"]
    if s.mode in ("min", "max") and s.count > 1:
        return [f"{'thấp' if s.mode == 'min' else 'cao'} nhất trong {s.count} đơn vị"]
    if s.mode == "none":
        return ["không cộng gộp; xem số liệu từng đơn vị"]
    return []


def basis_sentence(c: Consolidation, annex: str | None = None) -> str:
    """The opening sentence: whose reports the figures are drawn from (the same units as every "(n/N …)");
    ``annex`` ("Phụ lục I"): where the list of units and their state is."""
    comp = c.completeness
    prov = comp.provisional
    if prov:
        head = (f"Trên cơ sở báo cáo của {comp.counted}/{comp.expected} đơn vị ({c.scope_name}), gồm "
                f"{comp.submitted} đơn vị đã gửi ({len(comp.on_time)} đúng hạn, {len(comp.late)} muộn) và "
                f"{len(prov)} đơn vị chưa gửi, lấy theo bản đang làm")
        rest = len(comp.draft) + len(comp.returned) - len(prov)
    else:
        head = (f"Trên cơ sở báo cáo của {comp.submitted}/{comp.expected} đơn vị ({c.scope_name}), "
                f"trong đó {len(comp.on_time)} đơn vị nộp đúng hạn, {len(comp.late)} đơn vị nộp muộn")
        rest = len(comp.draft) + len(comp.returned)
    tail = []
    if rest:
        tail.append(f"{rest} đơn vị đang hoàn thiện (chưa tính vào số liệu)")
    if comp.not_started:
        tail.append(f"{len(comp.not_started)} đơn vị chưa báo cáo")
    where = f" (danh sách tại {annex})" if annex else ""
    return head + (f"; còn {' và '.join(tail)}" if tail else "") + where + ", kết quả tổng hợp như sau:"


def provisional_note(c: Consolidation, limit: int = 30) -> str:
    """For provisional figures (drafts counted): what the reader must know, with the draft units named."""
    prov = c.completeness.provisional
    if not prov:
        return ""
    names = ", ".join(u.name for u in prov[:limit]) + (f" và {len(prov) - limit} đơn vị khác" if len(prov) > limit else "")
    return (f"SỐ LIỆU TẠM TÍNH: gồm cả bản đang làm, chưa gửi, của {len(prov)} đơn vị ({names}); "
            "số liệu có thể thay đổi khi các đơn vị này gửi báo cáo.")


def summary_text(c: Consolidation, limit: int = 3900) -> str:
    """The short message sent with the files: key totals, biggest changes, completeness."""
    comp = c.completeness
    lines = [f"📊 Tổng hợp «{c.outline.short}»", f"Kỳ: {c.period_label} · Phạm vi: {c.scope_name}",
             f"Đã nộp {comp.submitted}/{comp.expected} đơn vị (đúng hạn {len(comp.on_time)}, muộn {len(comp.late)}); "
             f"đang làm {len(comp.draft) + len(comp.returned)}; chưa làm {len(comp.not_started)}."]
    if comp.provisional:
        lines.append("⚠️ " + provisional_note(c, limit=10))
    nums = [it for it in c.items if it.kind == "numeric" and it.summary.count]
    if nums:
        lines.append("\nSố liệu chính:")
        for it in nums[:8]:
            q = it.ref.question
            s = it.summary
            ch = change_phrase(q, s, c.outline.period.previous_label)
            ch += _on_units(q, s) if ch else ""
            lines.append(f"• {it.ref.number} {_short(q.prompt, 70)}: {fmt_number(q, s.value)}" + (f" ({ch})" if ch else ""))
    changed = [it for it in nums if it.summary.delta not in (None, 0)]
    if changed:
        def rel(it: Item) -> float:
            s = it.summary
            base = abs(s.delta_base or 0) or 1.0
            return abs(s.delta) / base

        lines.append("\nThay đổi lớn nhất so với " + c.outline.period.previous_label + ":")
        for it in sorted(changed, key=rel, reverse=True)[:5]:
            q = it.ref.question
            lines.append(f"• {it.ref.number} {_short(q.prompt, 60)}: "
                         f"{change_phrase(q, it.summary, c.outline.period.previous_label)}{_on_units(q, it.summary)}")
    groups = [(it, g) for it in c.items if it.kind == "narrative" for g in it.summary.groups[:1]]
    if groups:
        lines.append("\nÝ kiến nhiều đơn vị cùng nêu:")
        for it, g in sorted(groups, key=lambda x: -len(x[1].units))[:3]:
            lines.append(f"• {it.ref.number} — {len(g.units)} đơn vị nêu: {_short(g.text, 110)}")
    if comp.not_started:
        names = ", ".join(u.name for u in comp.not_started[:15])
        more = f" và {len(comp.not_started) - 15} đơn vị khác" if len(comp.not_started) > 15 else ""
        lines.append(f"\nChưa làm: {names}{more}.")
    text = "\n".join(lines)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


_STRAY = ((re.compile(r"\s*[.;]\s*\((?=[^)]*\)\s*[.:;]?\s*$)"), " ("),  # "… xong. (3/4 đơn vị)." → "… xong (3/4 …)."
          (re.compile(r"[.?!:;]+\s*:"), ":"),  # "như thế nào?:" → ":"
          (re.compile(r"(?<!\.)\.\s+\.(?!\.)"), "."),  # ". ." → "."
          (re.compile(r"\s+([,.;:])(?=\s|$)"), r"\1"))


def tidy(text: str) -> str:
    """A generated sentence without stray punctuation: no full stop before a closing bracket's group, no "?:"."""
    for pat, rep in _STRAY:
        text = pat.sub(rep, text)
    return text
