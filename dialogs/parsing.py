"""Reading what an officer types, and writing values back, in Vietnamese conventions.

Each ``parse_*`` function returns a value or raises :class:`ParseError` whose message (Vietnamese)
says what was wrong and shows a valid example. Each ``format_*`` writes a value the way a Vietnamese
document does: "1.234", "12,5", "49%", "19/6/2025".

Number ambiguity rule (documented for officers in /huongdan):
* A comma is the decimal separator ("12,5" = 12.5), unless several commas group digits by three
  ("1,234,567" = 1234567).
* A dot followed by exactly three digits groups thousands ("1.234" = 1234, "1.234.567" = 1234567);
  a dot followed by one, two or four or more digits is a decimal point ("12.5" = 12.5).
* When both appear, the one that comes last is the decimal separator ("1.234,5" and "1,234.5" = 1234.5).
* Spaces (also non-breaking) group thousands: "1 234" = 1234.
* For an integer question, "1,234" is refused with a hint, since it reads as 1 point 234.
"""

from __future__ import annotations

import calendar
import math
import re
import string
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from dialogs.text import fold, norm_words


class ParseError(ValueError):
    """An input that cannot be read; ``message`` is shown to the officer as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# characters an input never needs: C0/C1 controls (but tab and new line), bidirectional marks and overrides,
# zero-width spaces, the word joiner, the soft hyphen and the byte-order mark
_INVISIBLE = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x00AD,
                            0x061C, 0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060,
                            *range(0x2066, 0x206A), 0xFEFF])

MAX_DIGITS = 15  # digits before the decimal separator (a float holds 15 exactly; the database stores floats)
MAX_FRACTION = 10  # digits after it
MAX_MONEY = Decimal(10) ** 18  # đồng (a million times the state budget)


def clean_input(text: str) -> str:
    """What the officer typed, without invisible characters: controls, right-to-left marks, zero-width spaces.

    Line breaks are kept (a list item or a Biểu row may span lines); the text is NFC-normalised."""
    t = text.replace("\r\n", "\n").replace("\r", "\n")
    if t.isascii() and t.isprintable():
        return t
    return unicodedata.normalize("NFC", t.translate(_INVISIBLE))


def shown(text: str, n: int = 40) -> str:
    """An input quoted back inside a message: one line, at most ``n`` characters."""
    s = " ".join(clean_input(text).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


NONE_WORDS = frozenset({"khong", "ko", "k", "khong co", "kh", "0", "none", "khong co gi", "-"})
YES_WORDS = frozenset({"co", "c", "yes", "y", "dung", "roi", "da", "x", "ok", "dong y", "co roi", "da co", "1"})
NO_WORDS = frozenset({"khong", "ko", "k", "kh", "no", "n", "chua", "sai", "khong co", "0"})


def is_none_answer(text: str) -> bool:
    """"không", "ko", "k", "không có" … — the officer says there is nothing to report."""
    if text.isdigit() and text.isascii():  # a number as typed (fold leaves it as it is; no such word is digits)
        return False
    return fold(text).strip(" .!") in NONE_WORDS - {"0"}


# --------------------------------------------------------------------------- numbers

_NUM_CHARS = re.compile(r"^[+-]?[\d.,\s\u00a0\u202f]+$")


def _thousands(groups: list[str]) -> str:
    """Digit groups split by a thousands separator ("1", "234", "567") joined; refused unless well formed."""
    if not (re.fullmatch(r"\d{1,3}", groups[0]) and all(re.fullmatch(r"\d{3}", g) for g in groups[1:])):
        raise ParseError("")
    return "".join(groups)


def _plain_digits(s: str) -> str:
    """Vietnamese (or English) separators normalised: "1.234,5" / "1,234.5" / "12,5" / "1.234" → "1234.5"…"""
    if " " in s:  # spaces group thousands only between digit groups of three: "1 234", "12 345,5"
        parts = s.split()
        if not (re.fullmatch(r"\d{1,3}", parts[0]) and all(re.fullmatch(r"\d{3}", p) for p in parts[1:-1])
                and re.fullmatch(r"\d{3}([.,]\d+)?", parts[-1])):
            raise ParseError("")
        s = "".join(parts)
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        int_part, _, frac = s.rpartition(dec)
        if not frac.isdigit():
            raise ParseError("")
        return _thousands(int_part.split("," if dec == "." else ".")) + "." + frac
    if has_dot:
        groups = s.split(".")
        if len(groups) > 2 or (len(groups) == 2 and len(groups[1]) == 3 and groups[0] not in ("0", "")):
            return _thousands(groups)
        if not all(g.isdigit() for g in groups if g) or not groups[-1]:
            raise ParseError("")
        return ("0" if not groups[0] else groups[0]) + "." + groups[1]
    if has_comma:
        groups = s.split(",")
        if len(groups) > 2:
            return _thousands(groups)
        if not groups[1].isdigit() or not groups[0].isdigit():
            raise ParseError("")
        return groups[0] + "." + groups[1]
    return s


_COMMA_OR_THOUSANDS = re.compile(r"[1-9]\d{0,2},\d{3}")
_MINUSES = "\u2212\u2013\u2012\u2010\ufe63\uff0d"


def _to_decimal(text: str, *, allow_negative: bool = False, ask_comma: bool = False) -> Decimal:
    """``ask_comma``: "2,000" or "1,500" (one comma before three digits) is refused with the message "comma": a
    Vietnamese decimal comma (2; 1,5) or an English thousands comma (2.000; 1.500) — the officer says which."""
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if s[:1] in _MINUSES:  # a typographic minus or dash, as phones and Word type it: "−3", "–2,5"
        s = "-" + s[1:]
    if not s or not _NUM_CHARS.match(s):
        raise ParseError("")
    sign = 1
    if s[0] in "+-":
        if s[0] == "-":
            if not allow_negative:
                raise ParseError("negative")
            sign = -1
        s = s[1:].strip()
    if ask_comma and _COMMA_OR_THOUSANDS.fullmatch(s):
        raise ParseError("comma")
    s = _plain_digits(s)
    if not re.fullmatch(r"\d+(\.\d+)?", s):
        raise ParseError("")
    int_part, _, frac = s.partition(".")
    if len(int_part.lstrip("0")) > MAX_DIGITS:
        raise ParseError("too_big")
    if len(frac.rstrip("0")) > MAX_FRACTION:
        raise ParseError("too_precise")
    try:
        return Decimal(s) * sign
    except InvalidOperation:
        raise ParseError("") from None


_NOT_PLAIN = re.compile(r"(?i)^[+-]?(nan|inf(inity)?|[\d.,]*\d\s*e\s*[+-]?\d+)$")


def _number_error(e: ParseError, raw: str, sample: str) -> ParseError | None:
    """The message for a number out of range, written in a form officers do not use ("1e309", "NaN"), or whose
    comma may be a decimal comma or a thousands comma ("2,000")."""
    if e.message == "comma":
        m = re.search(r"([1-9]\d{0,2}),(\d{3})", raw)
        whole, frac = m.groups() if m else ("1", "500")
        as_decimal = format_decimal(Decimal(f"{whole}.{frac}"), 3)
        typed = as_decimal + "0" if _COMMA_OR_THOUSANDS.fullmatch(as_decimal) else as_decimal  # "12,3450" is read
        return ParseError(f"«{shown(raw)}» chưa rõ: dấu phẩy là phần thập phân ({as_decimal}) hay ngăn hàng nghìn "
                          f"({whole}.{frac})? Hãy gõ {whole}{frac} nếu là {whole}.{frac}, hoặc {typed} nếu là "
                          f"{'số' if as_decimal.isdigit() else 'số thập phân'} {as_decimal}.")
    if e.message == "too_big":
        return ParseError(f"Số quá lớn: «{shown(raw)}». Hãy gõ một số không quá {MAX_DIGITS} chữ số, ví dụ: {sample}.")
    if e.message == "too_precise":
        return ParseError(f"Số «{shown(raw)}» có quá nhiều chữ số sau dấu phẩy. Hãy gõ không quá {MAX_FRACTION} "
                          f"chữ số thập phân, ví dụ: 12,5.")
    if _NOT_PLAIN.match(raw.rstrip("% ").strip()):
        return ParseError(f"«{shown(raw)}» không phải là một số viết thông thường (không dùng dạng 1e5, NaN, inf). "
                          f"Hãy gõ đủ chữ số, ví dụ: {sample}.")
    return None


MEASURE_WORDS = ("nhiệm vụ", "văn bản", "hồ sơ", "thủ tục", "người", "cuộc", "đơn vị", "trường hợp", "đợt", "tổ",
                 "trang", "vị trí", "cơ sở", "nội dung")


def _strip_unit(text: str, unit: str | None) -> str:
    """Drop a trailing measure word the officer may have typed: "12 nhiệm vụ" → "12"."""
    t = text.strip()
    if unit:
        fu = fold(unit)
        ft = fold(t)
        if ft.endswith(fu):
            t = t[: len(t) - len(unit)].strip() if len(t) >= len(unit) else t
    t = re.sub(rf"(?i)\s*({'|'.join(MEASURE_WORDS)})\s*$", "", t)
    return t.strip()


@lru_cache(maxsize=1024)
def _digit_unit(unit: str | None) -> bool:
    """Whether a unit could be stripped from the end of plain digits (``_strip_unit``): one that folds to digits
    or to nothing."""
    return bool(unit) and not fold(unit).strip(string.digits)


def unit_words(units: list[str | None]) -> list[str]:
    """The folded words that may follow a number as its unit ("350 triệu", "49 %", "12 người", a column's own
    unit), longest first: a Biểu row typed with spaces keeps them with their number."""
    words = set(MONEY_UNITS) | {"%"} | {fold(w) for w in MEASURE_WORDS} | {fold(u) for u in units if u}
    return sorted(words, key=lambda w: (-len(w.split()), -len(w)))


def parse_integer(text: str, *, unit: str | None = None, none_ok: bool = True,
                  min_value: float | None = 0, max_value: float | None = None) -> int:
    """"1.234", "1 234", "1234", "không"/"ko" (→ 0 when allowed) → int."""
    raw = clean_input(text).strip()
    u = unit or ""
    example = f"Ví dụ: 12 hoặc 1.234{(' ' + u) if u else ''}"
    if raw.isdigit() and raw.isascii() and len(raw.lstrip("0")) <= MAX_DIGITS and not _digit_unit(unit):
        val = int(raw)  # digits only, as most numbers are typed: what the steps below give, without them
        _check_range(val, raw, min_value, max_value, example)
        return val
    if is_none_answer(raw):
        if none_ok:
            return 0
        raise ParseError(f"Câu này cần một con số, không nhận «{shown(raw)}». {example}.")
    body = _strip_unit(raw, unit)
    try:
        # "2,000": 2 or two thousand, both whole numbers — asked; "1,500" cannot be 1,5 here: the hint below
        d = _to_decimal(body, allow_negative=min_value is None or min_value < 0,
                        ask_comma=bool(re.fullmatch(r"[1-9]\d{0,2},000", body.replace(" ", ""))))
    except ParseError as e:
        if e.message == "negative":
            raise ParseError(f"Số lượng không thể âm («{shown(raw)}»). {example}.") from None
        raise (_number_error(e, raw, "1.234")
               or ParseError(f"«{shown(raw)}» không phải là một số. Hãy gõ chữ số. {example}.")) from None
    if d != d.to_integral_value():
        hint = ""
        if re.fullmatch(r"[1-9]\d{0,2},\d{3}", body.replace(" ", "")):
            hint = f" Nếu ý bạn là {body.replace(',', '')}, hãy gõ {body.replace(',', '.')} hoặc {body.replace(',', '')}."
        raise ParseError(f"Câu này cần số nguyên, «{shown(raw)}» có phần thập phân.{hint} {example}.")
    val = int(d)
    _check_range(val, raw, min_value, max_value, example)
    return val


def parse_decimal(text: str, *, unit: str | None = None, none_ok: bool = True,
                  min_value: float | None = None, max_value: float | None = None) -> float:
    """"12,5", "12.5", "1.234,5", "-2,5" → float."""
    raw = clean_input(text).strip()
    example = f"Ví dụ: 12,5{(' ' + unit) if unit else ''}"
    if is_none_answer(raw):
        if none_ok:
            return 0.0
        raise ParseError(f"Câu này cần một con số, không nhận «{shown(raw)}». {example}.")
    body = _strip_unit(raw.rstrip("%").strip() if unit == "%" else raw, unit)
    try:
        d = _to_decimal(body, allow_negative=True, ask_comma=True)
    except ParseError as e:
        raise (_number_error(e, raw, "1.234,5") or ParseError(
            f"«{shown(raw)}» không phải là một số. Dùng dấu phẩy cho phần thập phân. {example}.")) from None
    val = float(d)
    _check_range(val, raw, min_value, max_value, example)
    return val


def _check_range(val: float, raw: str, lo: float | None, hi: float | None, example: str) -> None:
    if lo is not None and val < lo:
        raise ParseError(f"Giá trị «{shown(raw)}» nhỏ hơn mức thấp nhất cho phép ({format_decimal(lo)}). {example}.")
    if hi is not None and val > hi:
        raise ParseError(f"Giá trị «{shown(raw)}» lớn hơn mức cao nhất cho phép ({format_decimal(hi)}). {example}.")


# --------------------------------------------------------------------------- percentages


@dataclass(frozen=True)
class Percent:
    value: float
    num: float | None = None
    den: float | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"value": self.value}
        if self.num is not None and self.den is not None:
            d["num"] = self.num
            d["den"] = self.den
        return d

    @classmethod
    def from_json(cls, d: Any) -> Percent:
        if isinstance(d, int | float):
            return cls(float(d))
        return cls(float(d["value"]), d.get("num"), d.get("den"))


def parse_percent(text: str, *, none_ok: bool = True, min_value: float | None = 0,
                  max_value: float | None = 100) -> Percent:
    """"49%", "49 %", "49,5%", "49", "47/96" (→ 48,96% kept with its parts) → Percent."""
    raw = clean_input(text).strip()
    example = "Ví dụ: 49%; 49,5% hoặc 47/96"
    if is_none_answer(raw):
        if none_ok:
            return Percent(0.0)
        raise ParseError(f"Câu này cần một tỷ lệ, không nhận «{shown(raw)}». {example}.")
    s = fold(raw).replace("phan tram", "%").strip()
    m = re.fullmatch(r"([\d.,\s]+)\s*/\s*([\d.,\s]+)", s)
    if m:
        try:
            num = _to_decimal(m.group(1))
            den = _to_decimal(m.group(2))
        except ParseError as e:
            raise (_number_error(e, raw, "47/96")
                   or ParseError(f"«{shown(raw)}» không đọc được dạng tử số/mẫu số. {example}.")) from None
        if den == 0:
            raise ParseError(f"Mẫu số bằng 0 trong «{shown(raw)}». {example}.")
        if num > den and max_value is not None and max_value <= 100:
            raise ParseError(f"Tử số lớn hơn mẫu số trong «{shown(raw)}»: tỷ lệ vượt 100%. {example}.")
        value = float((num * 100 / den).quantize(Decimal("0.01"), ROUND_HALF_UP))
        return Percent(value, _num(num), _num(den))
    s = s.rstrip("%").strip()
    try:
        d = _to_decimal(s, allow_negative=min_value is None or min_value < 0)
    except ParseError as e:
        raise (_number_error(e, raw, "49%")
               or ParseError(f"«{shown(raw)}» không phải là một tỷ lệ. {example}.")) from None
    val = float(d)
    if min_value is not None and val < min_value or max_value is not None and val > max_value:
        lo = format_decimal(min_value) if min_value is not None else "…"
        hi = format_decimal(max_value) if max_value is not None else "…"
        raise ParseError(f"Tỷ lệ phải từ {lo}% đến {hi}%, «{shown(raw)}» nằm ngoài khoảng đó. {example}.")
    return Percent(val)


def _num(d: Decimal) -> float | int:
    return int(d) if d == d.to_integral_value() else float(d)


# --------------------------------------------------------------------------- money

MONEY_UNITS = {
    "ty": Decimal(10) ** 9, "ti": Decimal(10) ** 9, "ty dong": Decimal(10) ** 9,
    "trieu": Decimal(10) ** 6, "tr": Decimal(10) ** 6, "trieu dong": Decimal(10) ** 6,
    "nghin": Decimal(1000), "ngan": Decimal(1000), "k": Decimal(1000), "nghin dong": Decimal(1000),
    "dong": Decimal(1), "d": Decimal(1), "vnd": Decimal(1),
}
UNIT_WORDS = {"ty": "tỷ", "trieu": "triệu", "nghin": "nghìn", "dong": "đồng"}


def money_scale(unit: str | None) -> Decimal:
    """The đồng value of one unit of a measure word: "triệu đồng" → 1.000.000."""
    if not unit:
        return Decimal(10) ** 6
    f = fold(unit)
    for key in ("ty", "trieu", "nghin", "ngan"):
        if re.match(rf"^{key}\b", f):
            return MONEY_UNITS[key]
    return Decimal(1)


def money_shown(dong: float, unit: str | None) -> float:
    """A money figure (stored in đồng) in the unit its header names: 740e9 with "tỷ đồng" → 740; 8300 with
    "đồng/kg" → 8300; no unit → triệu đồng (the default of a money question or column)."""
    return dong / float(money_scale(unit))


def money_unit(unit: str | None) -> str:
    """The unit a money question or column prints in (and its header names): its own, else "triệu đồng"."""
    return unit or "triệu đồng"


def parse_money(text: str, *, unit: str | None = "triệu đồng", none_ok: bool = True, allow_negative: bool = False) -> int:
    """"1,2 tỷ", "350 triệu", "350tr", "500 nghìn", "2.500.000 đồng"; a bare number is in ``unit``. → đồng.
    ``allow_negative``: a change («Chênh lệch so với dự toán») may be below 0: "-1,2 tỷ"."""
    raw = clean_input(text).strip()
    if allow_negative and raw[:1] in "-" + _MINUSES and len(raw) > 1:
        return -parse_money(raw[1:], unit=unit, none_ok=False)
    u = unit or "triệu đồng"
    example = f"Ví dụ: 350 triệu; 1,2 tỷ hoặc 350 (hiểu là {u})"
    if is_none_answer(raw):
        if none_ok:
            return 0
        raise ParseError(f"Câu này cần một số tiền, không nhận «{shown(raw)}». {example}.")
    s = fold(raw).replace("đ", "d")
    total = Decimal(0)
    # allow compound "1 tỷ 200 triệu"
    parts = re.findall(r"([\d.,\s]*\d)\s*(ty dong|trieu dong|nghin dong|ty|ti|trieu|tr|nghin|ngan|k|dong|d|vnd)?\b", s)
    leftover = re.sub(r"([\d.,\s]*\d)\s*(ty dong|trieu dong|nghin dong|ty|ti|trieu|tr|nghin|ngan|k|dong|d|vnd)?\b", "", s)
    unreadable = ParseError(f"«{shown(raw)}» không đọc được thành số tiền. {example}.")
    if not parts or leftover.strip(" .") not in ("",):
        raise _number_error(ParseError(""), raw, "350 triệu") or unreadable
    for num, word in parts:
        try:
            d = _to_decimal(num, ask_comma=not word)  # "1,001 triệu" (as printed here): a decimal comma
        except ParseError as e:
            raise _number_error(e, raw, "350 triệu") or unreadable from None
        scale = MONEY_UNITS[word] if word else money_scale(u)
        total += d * scale
    if total >= MAX_MONEY:
        raise ParseError(f"Số tiền quá lớn: «{shown(raw)}». Hãy kiểm tra lại số và đơn vị (nghìn, triệu, tỷ). "
                         f"{example}.")
    return int(total.quantize(Decimal(1), ROUND_HALF_UP))


# --------------------------------------------------------------------------- dates

_MONTHS = {"gieng": 1, "chap": 12}


def parse_date(text: str, *, default_year: int | None = None, window: tuple[date | None, date | None] | None = None,
               none_ok: bool = False) -> date | None:
    """"19/6/2025", "19-06-2025", "19.6.2025", "19/6/25", "19/6" (this year), "ngày 19 tháng 6 năm 2025"."""
    raw = clean_input(text).strip()
    example = "Ví dụ: 19/6/2025 hoặc ngày 19 tháng 6 năm 2025"
    if is_none_answer(raw):
        if none_ok:
            return None
        raise ParseError(f"Câu này cần một ngày. {example}.")
    s = fold(raw)
    m = re.fullmatch(r"(?:ngay\s*)?(\d{1,2})\s*(?:thang\s*)(\d{1,2})(?:\s*(?:nam|,)?\s*(\d{2,4}))?", s)
    if not m:
        m = re.fullmatch(r"(?:ngay\s*)?(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:\s*[/\-.]\s*(\d{2,4}))?", s)
    if not m:
        m2 = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
        if m2:
            y, mo, d = int(m2.group(1)), int(m2.group(2)), int(m2.group(3))
        else:
            raise ParseError(f"«{shown(raw)}» không phải là ngày tháng. {example}.")
    else:
        d, mo = int(m.group(1)), int(m.group(2))
        if m.group(3):
            y = int(m.group(3))
            if y < 100:
                y += 2000
        elif default_year:
            y = default_year
        else:
            raise ParseError(f"Thiếu năm trong «{shown(raw)}». {example}.")
    try:
        result = date(y, mo, d)
    except ValueError:
        raise ParseError(f"Ngày «{shown(raw)}» không có thật: {_no_such_date(d, mo, y)}. {example}.") from None
    if window:
        lo, hi = window
        if lo and result < lo or hi and result > hi:
            span = f"từ {format_date(lo) if lo else '…'} đến {format_date(hi) if hi else 'nay'}"
            raise ParseError(f"Ngày {format_date(result)} nằm ngoài khoảng thời gian báo cáo ({span}).")
    return result


def _no_such_date(d: int, mo: int, y: int) -> str:
    if not 1 <= mo <= 12:
        return f"không có tháng {mo}"
    if not 1 <= y <= 9999:
        return f"năm {y} không hợp lệ"
    days = calendar.monthrange(y, mo)[1]
    return f"tháng {mo} năm {y} chỉ có {days} ngày" if d > days else f"không có ngày {d}"


# --------------------------------------------------------------------------- yes/no and choices


def parse_yesno(text: str) -> bool:
    text = clean_input(text)
    s = fold(text).strip(" .!")
    if s in YES_WORDS or s.startswith("co ") or s.startswith("da "):
        return True
    if s in NO_WORDS or s.startswith("khong ") or s.startswith("chua "):
        return False
    raise ParseError(f"«{shown(text)}» không rõ là có hay không. Hãy trả lời «có» hoặc «không».")


def parse_choice(text: str, options: list[tuple[str, str]]) -> str:
    """By number ("2") or by text, accent- and case-insensitive, fuzzy. options: [(key, label)]. → key."""
    raw = clean_input(text).strip()
    listing = "; ".join(f"{i}. {label}" for i, (_, label) in enumerate(options, 1))
    if re.fullmatch(r"\d{1,2}", raw):
        i = int(raw)
        if 1 <= i <= len(options):
            return options[i - 1][0]
        raise ParseError(f"Không có lựa chọn số {i}. Hãy gõ số từ 1 đến {len(options)}: {listing}.")
    q = norm_words(raw)
    if not q:
        raise ParseError(f"Hãy chọn một trong: {listing}.")
    labels = {key: norm_words(label) for key, label in options}
    for key, lab in labels.items():
        if q == lab:
            return key
    # prefix/substring first (short answers like "dung" for "Đúng tiến độ")
    subs = [key for key, lab in labels.items() if lab.startswith(q) or f" {q}" in f" {lab}"]
    if len(subs) == 1:
        return subs[0]
    res = process.extract(q, labels, scorer=fuzz.WRatio, limit=2)
    if res and res[0][1] >= 80 and (len(res) == 1 or res[0][1] - res[1][1] >= 8):
        return res[0][2]
    raise ParseError(f"«{shown(raw)}» không khớp rõ với lựa chọn nào. Hãy gõ số thứ tự: {listing}.")


def parse_multichoice(text: str, options: list[tuple[str, str]]) -> list[str]:
    """"1, 3", "1 3", or labels separated by commas/semicolons/new lines. → keys in option order."""
    raw = clean_input(text).strip()
    if re.fullmatch(r"[\d\s,;]+", raw):
        pieces = re.split(r"[\s,;]+", raw.strip(" ,;"))
    else:
        pieces = [p for p in re.split(r"[;\n]|,(?!\d)", raw) if p.strip()]
    keys: set[str] = set()
    for p in pieces:
        keys.add(parse_choice(p, options))
    order = [k for k, _ in options]
    return sorted(keys, key=order.index)


# --------------------------------------------------------------------------- formatting


def _group(int_str: str) -> str:
    out = []
    while len(int_str) > 3:
        out.insert(0, int_str[-3:])
        int_str = int_str[:-3]
    out.insert(0, int_str)
    return ".".join(out)


def format_integer(n: int | float) -> str:
    """1234 → "1.234"; -1234 → "-1.234"; 22,5 → "23" (half away from zero, never Python's half-to-even)."""
    n = int(Decimal(str(n)).quantize(Decimal(1), ROUND_HALF_UP)) if isinstance(n, float) and abs(n) < 1e15 \
        else int(round(n))
    return ("-" if n < 0 else "") + _group(str(abs(n)))


def format_decimal(x: float | int | Decimal, places: int = 2) -> str:
    """12.5 → "12,5"; 1234.5 → "1.234,5"; 3.0 → "3" (trailing zeros dropped)."""
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return "—"
    d = Decimal(str(x)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    d = abs(d)
    int_part, _, frac = f"{d:f}".partition(".")
    frac = frac.rstrip("0")
    return sign + _group(int_part) + ("," + frac if frac else "")


def format_percent(p: Percent | float | int, with_parts: bool = True) -> str:
    """49 → "49%"; Percent(48.96, 47, 96) → "48,96% (47/96)"."""
    if isinstance(p, Percent):
        s = f"{format_decimal(p.value)}%"
        if with_parts and p.num is not None and p.den is not None:
            s += f" ({format_decimal(p.num)}/{format_decimal(p.den)})"
        return s
    return f"{format_decimal(p)}%"


def format_money(dong: int | float, unit: str | None = "triệu đồng") -> str:
    """Đồng → the question's unit: 350_000_000 with "triệu đồng" → "350 triệu đồng"."""
    scale = money_scale(unit)
    value = Decimal(int(dong)) / scale
    return f"{format_decimal(value, 3)} {unit or 'đồng'}"


def format_money_short(dong: int | float) -> str:
    """Đồng in the largest fitting word: 1_200_000_000 → "1,2 tỷ đồng"."""
    d = Decimal(int(dong))
    for word, scale in (("tỷ", Decimal(10) ** 9), ("triệu", Decimal(10) ** 6), ("nghìn", Decimal(1000))):
        if abs(d) >= scale:
            return f"{format_decimal(d / scale, 3)} {word} đồng"
    return f"{format_integer(int(d))} đồng"


def format_date(d: date) -> str:
    """date(2025, 6, 19) → "19/6/2025"."""
    return f"{d.day}/{d.month}/{d.year}"
