"""What the bot's spreadsheets share — the consolidated report (``xlsx_report.py``) and the officer's questionnaire
(``template/``): the header's fill, the thin grey box, wrapped text, the number and date formats, and a sheet name
Excel accepts."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, PatternFill, Side

FONT_NAME = "Times New Roman"
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
DATE_FMT = "dd/mm/yyyy"
INT_FMT = "#,##0"
DEC_FMT = "#,##0.##"
BAD_NAME = str.maketrans({ch: "-" for ch in '[]:*?/\\'})  # what Excel refuses in a sheet's name
RESERVED = {"history"}  # a name Excel keeps for itself


def cut(s: str, n: int) -> str:
    """At most ``n`` characters, cut at a word boundary, without trailing punctuation."""
    s = " ".join(s.split())
    if len(s) <= n:
        return s
    head = s[: n + 1].rsplit(" ", 1)[0] if " " in s[: n + 1] else s[:n]
    return head[:n].rstrip(" ,;:.-–(")


def sheet_title(title: str, used: set[str]) -> str:
    """A sheet name Excel accepts: no []:*?/\\, not starting or ending with an apostrophe, at most 31 characters,
    not reserved, and unique without regard to case among ``used`` (names already casefolded; the new one is
    added)."""
    t = cut(title.translate(BAD_NAME).strip("' "), 31) or "Trang"
    base, n = t, 2
    while t.casefold() in used or t.casefold() in RESERVED:
        suffix = f" ({n})"
        t = cut(base, 31 - len(suffix)) + suffix
        n += 1
    used.add(t.casefold())
    return t
