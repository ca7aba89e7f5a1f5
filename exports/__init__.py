"""Consolidation and the .docx / .xlsx exports (no Telegram here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from exports.consolidate import Consolidation


@dataclass(frozen=True)
class Report:
    docx: bytes
    xlsx: bytes
    summary: str
    docx_name: str
    xlsx_name: str
    issuer: Any = None  # the dialogs.issuer.Issuer the .docx names (its gaps() are what is still blank)


def file_stem(c: Consolidation) -> str:
    from dialogs.text import slug

    label = slug(c.period_label)
    return f"tong-hop_{c.outline.id}_{label or 'ky'}"


def build_report(c: Consolidation, *, org_name: str = "ỦY BAN NHÂN DÂN TỈNH", org_parent: str | None = None,
                 place: str = "Hà Nội", on: date | None = None, layout: str = "auto", history=None,
                 progress: Callable[[float], None] | None = None, issuer=None) -> Report:
    """The .docx and .xlsx; ``history`` (:class:`exports.trends.History`, the last periods' figures) feeds the
    .xlsx charts — without it they compare this period with the previous one. ``progress`` is told the share
    done (0–1) after each file (the bot edits its "Đang tổng hợp…" message with it). ``issuer``
    (:class:`dialogs.issuer.Issuer`, stored per scope) names the issuing body; without it ``org_name`` does."""
    from exports.docx_report import build_docx, issuer_of
    from exports.phrases import summary_text
    from exports.xlsx_report import build_xlsx

    tell = progress or (lambda _share: None)
    stem = file_stem(c)
    issuer = issuer or issuer_of(org_name, org_parent, place)
    docx = build_docx(c, on=on, layout=layout, issuer=issuer)
    tell(0.5)
    xlsx = build_xlsx(c, history)
    tell(0.95)
    return Report(docx=docx, xlsx=xlsx, summary=summary_text(c), docx_name=f"{stem}.docx", xlsx_name=f"{stem}.xlsx",
                  issuer=issuer)
