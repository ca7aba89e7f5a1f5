"""Vietnamese input parsing: every documented form, errors with examples, and format → parse round trips."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialogs.parsing import (
    ParseError,
    Percent,
    format_date,
    format_decimal,
    format_integer,
    format_money,
    format_money_short,
    format_percent,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_integer,
    parse_money,
    parse_multichoice,
    parse_percent,
    parse_yesno,
)


@pytest.mark.parametrize("text,value", [
    ("1.234", 1234), ("1 234", 1234), ("1234", 1234), ("1.234.567", 1234567), ("1,234,567", 1234567),
    ("12", 12), ("0", 0), ("không", 0), ("Không", 0), ("KO", 0), ("ko", 0), ("k", 0), ("không có", 0),
    ("12 nhiệm vụ", 12), ("  7  ", 7), ("1\u00a0234", 1234),
])
def test_integers(text, value):
    assert parse_integer(text, unit="nhiệm vụ") == value


@pytest.mark.parametrize("text,words", [
    ("abc", "không phải là một số"),
    ("12,5", "số nguyên"),
    ("1,234", "1.234 hoặc 1234"),
    ("-3", "không thể âm"),
    ("1.23.4", "không phải là một số"),
])
def test_integer_errors_say_what_to_type(text, words):
    with pytest.raises(ParseError) as e:
        parse_integer(text)
    assert words in e.value.message
    assert "Ví dụ" in e.value.message


def test_none_refused_where_not_allowed():
    with pytest.raises(ParseError) as e:
        parse_integer("không", none_ok=False)
    assert "Ví dụ" in e.value.message


@pytest.mark.parametrize("text,value", [
    ("12,5", 12.5), ("12.5", 12.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("0,5", 0.5),
    ("-2,5", -2.5), ("1.234", 1234.0), ("3", 3.0), ("12 345,5", 12345.5),
])
def test_decimals(text, value):
    assert parse_decimal(text) == pytest.approx(value)


@pytest.mark.parametrize("text,value,parts", [
    ("49%", 49.0, None), ("49 %", 49.0, None), ("49,5%", 49.5, None), ("49", 49.0, None),
    ("47/96", 48.96, (47, 96)), ("47 / 96", 48.96, (47, 96)), ("100%", 100.0, None), ("0%", 0.0, None),
    ("49 phần trăm", 49.0, None),
])
def test_percentages(text, value, parts):
    p = parse_percent(text)
    assert p.value == pytest.approx(value)
    assert (p.num, p.den) == (parts or (None, None))


@pytest.mark.parametrize("text", ["120%", "97/96", "1/0", "abc", "-5%"])
def test_percentage_errors(text):
    with pytest.raises(ParseError) as e:
        parse_percent(text)
    assert "Ví dụ: 49%" in e.value.message or "%" in e.value.message


@pytest.mark.parametrize("text,dong", [
    ("1,2 tỷ", 1_200_000_000), ("350 triệu", 350_000_000), ("350tr", 350_000_000), ("350 tr", 350_000_000),
    ("1 tỷ 200 triệu", 1_200_000_000), ("500 nghìn", 500_000), ("2.500.000 đồng", 2_500_000),
    ("350", 350_000_000), ("1,5 ty", 1_500_000_000), ("không", 0),
])
def test_money(text, dong):
    assert parse_money(text, unit="triệu đồng") == dong


def test_money_bare_number_uses_question_unit():
    assert parse_money("12", unit="tỷ đồng") == 12_000_000_000
    with pytest.raises(ParseError) as e:
        parse_money("nhiều tiền")
    assert "350 triệu" in e.value.message


@pytest.mark.parametrize("text", [
    "19/6/2025", "19-06-2025", "19.6.2025", "ngày 19 tháng 6 năm 2025", "Ngày 19 tháng 06 năm 2025",
    "19/6/25", "ngay 19 thang 6 nam 2025", "2025-06-19",
])
def test_dates(text):
    assert parse_date(text) == date(2025, 6, 19)


def test_date_without_year_and_errors():
    assert parse_date("19/6", default_year=2026) == date(2026, 6, 19)
    with pytest.raises(ParseError) as e:
        parse_date("31/2/2025")
    assert "không có thật" in e.value.message
    with pytest.raises(ParseError) as e:
        parse_date("hôm qua")
    assert "19/6/2025" in e.value.message
    with pytest.raises(ParseError) as e:
        parse_date("30/6/2025", window=(date(2025, 7, 1), None))
    assert "ngoài khoảng thời gian báo cáo" in e.value.message


@pytest.mark.parametrize("text,value", [
    ("có", True), ("Có", True), ("co", True), ("c", True), ("rồi", True), ("đã có", True),
    ("không", False), ("khong", False), ("k", False), ("ko", False), ("chưa", False), ("Chưa có", False),
])
def test_yesno(text, value):
    assert parse_yesno(text) is value


def test_yesno_error():
    with pytest.raises(ParseError) as e:
        parse_yesno("thỉnh thoảng")
    assert "«có» hoặc «không»" in e.value.message


OPTS = [("dung", "Đúng tiến độ"), ("cham", "Chậm tiến độ"), ("khac", "Khác")]


@pytest.mark.parametrize("text,key", [
    ("1", "dung"), ("2", "cham"), ("đúng tiến độ", "dung"), ("DUNG TIEN DO", "dung"), ("cham", "cham"),
    ("chậm tien do", "cham"), ("khac", "khac"), ("Chậm tiến đọ", "cham"),
])
def test_choice(text, key):
    assert parse_choice(text, OPTS) == key


def test_choice_errors_list_options():
    with pytest.raises(ParseError) as e:
        parse_choice("7", OPTS)
    assert "1 đến 3" in e.value.message
    with pytest.raises(ParseError) as e:
        parse_choice("tien do", OPTS)  # matches two options equally
    assert "1. Đúng tiến độ" in e.value.message


def test_multichoice():
    assert parse_multichoice("1, 3", OPTS) == ["dung", "khac"]
    assert parse_multichoice("3 1", OPTS) == ["dung", "khac"]
    assert parse_multichoice("khác; đúng tiến độ", OPTS) == ["dung", "khac"]


def test_formatting():
    assert format_integer(1234) == "1.234"
    assert format_integer(1234567) == "1.234.567"
    assert format_decimal(12.5) == "12,5"
    assert format_decimal(1234.5) == "1.234,5"
    assert format_decimal(3.0) == "3"
    assert format_percent(49) == "49%"
    assert format_percent(Percent(48.96, 47, 96)) == "48,96% (47/96)"
    assert format_date(date(2025, 6, 19)) == "19/6/2025"
    assert format_money(350_000_000) == "350 triệu đồng"
    assert format_money_short(1_200_000_000) == "1,2 tỷ đồng"


# --------------------------------------------------------------------------- round trips

@given(st.integers(min_value=0, max_value=10**12))
def test_integer_round_trip(n):
    assert parse_integer(format_integer(n)) == n


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_decimal_round_trip(d):
    assert parse_decimal(format_decimal(d)) == pytest.approx(float(d), abs=1e-9)


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False))
def test_percent_round_trip(d):
    assert parse_percent(format_percent(float(d))).value == pytest.approx(float(d))


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_fraction_percent_round_trip(num, den):
    if num > den:
        num, den = den, num or 1
    p = parse_percent(f"{format_integer(num)}/{format_integer(den)}")
    assert (p.num, p.den) == (num, den)
    assert p.value == pytest.approx(num * 100 / den, abs=0.006)
    again = parse_percent(format_percent(p, with_parts=False))
    assert again.value == pytest.approx(p.value)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_date_round_trip(d):
    assert parse_date(format_date(d)) == d
    assert parse_date(f"ngày {d.day} tháng {d.month} năm {d.year}") == d


@given(st.integers(min_value=0, max_value=10**9).map(lambda n: n * 1000))
def test_money_round_trip(dong):
    assert parse_money(format_money(dong, "triệu đồng"), unit="triệu đồng") == dong
    assert abs(parse_money(format_money_short(dong)) - dong) <= dong * 0.0005 + 1


# --------------------------------------------------------------------------- hostile and odd input

from dialogs.answers import numeric, parse_answer, parse_record, parse_row, parse_scalar  # noqa: E402
from dialogs.loader import load_catalogue  # noqa: E402
from dialogs.outline import ListField, Question  # noqa: E402

CATALOGUE = load_catalogue()
HUGE = "9" * 400


@pytest.mark.parametrize("parse,text,sample", [
    (parse_integer, HUGE, "1.234"),
    (parse_integer, "1.000.000.000.000.000.000", "1.234"),
    (parse_decimal, HUGE + ",5", "1.234,5"),
    (parse_percent, f"{HUGE}/{HUGE}1", "47/96"),
    (lambda t: parse_percent(t, max_value=None), HUGE + "%", "49%"),
    (parse_money, HUGE, "350 triệu"),
])
def test_numbers_out_of_range_are_refused_with_a_clear_message(parse, text, sample):
    with pytest.raises(ParseError) as e:
        parse(text)
    msg = e.value.message
    assert msg.startswith(f"Số quá lớn: «{text[:5]}") and f"không quá 15 chữ số, ví dụ: {sample}." in msg
    assert len(msg) < 200  # the 400 digits are not echoed back


def test_largest_accepted_numbers():
    assert parse_integer("999.999.999.999.999") == 999_999_999_999_999
    assert parse_decimal("999999999999999,5") == pytest.approx(999999999999999.5)
    with pytest.raises(ParseError, match="quá nhiều chữ số sau dấu phẩy"):
        parse_decimal("0,123456789012")
    with pytest.raises(ParseError, match="Số tiền quá lớn"):
        parse_money("999.999.999.999 tỷ")


@pytest.mark.parametrize("text", ["1e309", "1E5", "NaN", "nan", "inf", "-inf", "Infinity", "1,5e3"])
def test_exponents_nan_and_infinity_are_not_numbers(text):
    for parse in (parse_integer, parse_decimal, parse_percent, parse_money):
        with pytest.raises(ParseError, match="không dùng dạng 1e5, NaN, inf"):
            parse(text)


def test_impossible_dates_say_why():
    with pytest.raises(ParseError) as e:
        parse_date("31/2/2026")
    assert "không có thật: tháng 2 năm 2026 chỉ có 28 ngày" in e.value.message and "19/6/2025" in e.value.message
    with pytest.raises(ParseError, match="không có tháng 13"):
        parse_date("1/13/2026")
    assert parse_date("29/2/2024") == date(2024, 2, 29)


def test_invisible_characters_are_stripped():
    rtl = "\u200f\u202e"
    assert parse_integer(f"{rtl}1.234\u202c\u200b") == 1234
    assert parse_decimal("\ufeff12,5\x00") == 12.5
    assert parse_date("19/6/2025\u2066") == date(2025, 6, 19)
    assert parse_yesno("\u200fcó") is True
    weekly = CATALOGUE.get("tuan-cqdp-2cap")
    assert parse_answer(weekly, weekly.question("tthc_csdl"), "Đã\u202e xong\x07 việc\u200f") == "Đã xong việc"


def test_table_cells_and_list_fields_refuse_huge_numbers():
    o = CATALOGUE.get("giam-sat-phan-cap-tthc")
    table = o.question("b4_che_do").table
    with pytest.raises(ParseError) as e:
        parse_row(table, " ".join([HUGE] * len(table.input_columns)))
    assert e.value.message.startswith("Cột «") and "Số quá lớn" in e.value.message and len(e.value.message) < 300
    fields = [ListField(key="ten", label="Tên", required=True), ListField(key="so", label="Số người", type="integer")]
    with pytest.raises(ParseError, match="«Số người»: Số quá lớn"):
        parse_record(fields, f"Tổ công tác\n{HUGE}")


def test_a_huge_number_stored_before_the_limits_does_not_crash():
    q = Question(key="x", prompt="Số", type="integer")
    assert numeric(q, int(HUGE)) is None
    assert numeric(q, 12) == 12.0


def _questions():
    """One question of every type: from the real outlines, and made up for the types they do not use."""
    seen: dict[str, tuple] = {}
    for o in CATALOGUE:
        for q in o.questions:
            seen.setdefault(q.type, (o, q))
    some = next(iter(CATALOGUE))
    opts = [{"key": "a", "label": "Đúng tiến độ"}, {"key": "b", "label": "Chậm"}]
    for q in (Question(key="d", prompt="Ngày", type="date"), Question(key="t", prompt="Tên", type="text"),
              Question(key="c", prompt="Chọn", type="choice", options=opts),
              Question(key="m", prompt="Chọn", type="multichoice", options=opts),
              Question(key="n", prompt="Số", type="integer", none_ok=False, min=-5, max=10**6)):
        seen.setdefault(q.type if q.key != "n" else "integer-strict", (some, q))
    return list(seen.values())


QUESTIONS = _questions()
HOSTILE = st.sampled_from([HUGE, "1e309", "NaN", "inf", "-0", "31/2/2026", "\u202e12", "\x00", "", " ", "%", "/",
                           "1/0", "0/0", "9" * 16 + "%", "1.2.3,4,5", "ngày 99 tháng 99 năm 99999", "-" * 50,
                           "1 tỷ 200 triệu 5", "٣", "１２３", "Ⅻ", "²"])
ANY_TEXT = st.one_of(HOSTILE, st.text(max_size=60),
                     st.text(alphabet="0123456789.,%/ -+eE\u00a0kmtrỷiệu", max_size=40),
                     st.lists(HOSTILE, max_size=4).map(" ".join))


@given(ANY_TEXT)
def test_no_input_crashes_parse_answer(text):
    from dialogs.answers import format_value

    for outline, q in QUESTIONS:
        try:
            value = parse_answer(outline, q, text)
        except ParseError as e:
            assert e.message and len(e.message) < 1500
            continue
        numeric(q, value)
        format_value(q, value)


@given(ANY_TEXT)
def test_no_input_crashes_a_table_row_or_a_list_item(text):
    for _outline, q in QUESTIONS:
        if q.type == "table":
            for with_label in (False, True):
                try:
                    parse_row(q.table, text, with_label=with_label)
                except ParseError:
                    pass
        if q.type in ("list", "documents"):
            try:
                parse_record(q.record_fields, text)
            except ParseError:
                pass


@given(st.text(max_size=30))
def test_scalar_parsers_only_raise_parse_errors(text):
    for f in (ListField(key="a", label="A", type=t) for t in ("integer", "decimal", "percent", "money", "date",
                                                               "yesno", "text")):
        try:
            parse_scalar(f, text)
        except ParseError:
            pass


def test_a_biểu_row_typed_with_spaces_keeps_each_unit_word_with_its_number():
    from dialogs.answers import split_cells
    from dialogs.outline import Column

    cols = [Column(key="a", label="A", type="money", unit="triệu đồng"), Column(key="b", label="B", type="percent"),
            Column(key="c", label="C", type="integer", unit="hộ"), Column(key="d", label="D", type="yesno")]
    assert split_cells("350 triệu", cols) == ["350 triệu"]
    assert split_cells("1,2 tỷ đồng 49 % 12 hộ có", cols) == ["1,2 tỷ đồng", "49 %", "12 hộ", "có"]
    assert split_cells("12 người 3 nhiệm vụ", cols) == ["12 người", "3 nhiệm vụ"]
    assert split_cells("triệu 12", cols) == ["triệu", "12"]  # a unit word with no number before it is a cell
    assert split_cells("1 tỷ; 49%", cols) == ["1 tỷ", "49%"]  # with a semicolon, only the semicolons split


# --------------------------------------------------------------------------- a comma before three digits

@pytest.mark.parametrize("parse,text,typed_thousand,typed_decimal", [
    (parse_decimal, "2,000", "2000", "2"),
    (parse_decimal, "1,500", "1500", "1,5"),
    (parse_decimal, "12,345", "12345", "12,3450"),  # three digits that are not zeros: a fourth keeps it a decimal
    (parse_money, "2,000", "2000", "2"),
    (parse_money, "1,250", "1250", "1,25"),
    (parse_integer, "2,000", "2000", "2"),
])
def test_a_comma_before_three_digits_is_asked_not_guessed(parse, text, typed_thousand, typed_decimal):
    # «2,000» is 2 with a Vietnamese decimal comma and two thousand with an English thousands comma: the answer
    # is refused with both readings and what to type for each, never stored as one of them silently
    with pytest.raises(ParseError) as e:
        parse(text)
    msg = e.value.message
    assert "chưa rõ" in msg and f"Hãy gõ {typed_thousand} nếu là" in msg and f"hoặc {typed_decimal} nếu là" in msg
    # what the message says to type is read as it says
    as_number = parse(typed_thousand)
    assert as_number == (2000 * 10**6 if typed_thousand == "2000" and parse is parse_money else
                         int(typed_thousand) * (10**6 if parse is parse_money else 1))
    decimal_reading = float(typed_decimal.replace(",", "."))
    assert parse(typed_decimal) == pytest.approx(decimal_reading * (10**6 if parse is parse_money else 1))


@pytest.mark.parametrize("parse,text,value", [
    (parse_decimal, "0,125", 0.125),  # a leading zero: only a decimal
    (parse_decimal, "12,5", 12.5),
    (parse_decimal, "1,234,567", 1234567),  # two commas: only thousands
    (parse_decimal, "1.234,567", 1234.567),  # a dot and a comma: Vietnamese
    (parse_money, "1,001 triệu", 1_001_000),  # with its unit word, as this bot prints money: a decimal comma
    (parse_money, "1,5 tỷ", 1_500_000_000),
    (parse_integer, "2.000", 2000),
])
def test_commas_that_are_not_ambiguous_are_read(parse, text, value):
    assert parse(text) == pytest.approx(value)


def test_an_integer_with_a_decimal_comma_before_three_digits_keeps_its_hint():
    with pytest.raises(ParseError) as e:
        parse_integer("1,500")
    assert "số nguyên" in e.value.message and "1.500 hoặc 1500" in e.value.message


def test_a_change_column_takes_a_fall_and_a_count_does_not():
    from dialogs.outline import Column

    change = Column(key="c", label="Tăng, giảm so với cùng kỳ", type="integer", unit="vụ")
    count = Column(key="n", label="Số vụ", type="integer", unit="vụ")
    assert parse_scalar(change, "-3") == -3 and parse_scalar(change, "12") == 12
    with pytest.raises(ParseError) as e:
        parse_scalar(count, "-3")
    assert "không thể âm" in e.value.message and "Ví dụ" in e.value.message
    gap = Column(key="g", label="Chênh lệch so với dự toán", type="money", unit="triệu đồng")
    spent = Column(key="s", label="Số đã chi", type="money", unit="triệu đồng")
    assert parse_scalar(gap, "-1,2 tỷ") == -1_200_000_000 and parse_scalar(gap, "-350") == -350_000_000
    assert parse_scalar(gap, "350") == 350_000_000
    with pytest.raises(ParseError) as e:
        parse_scalar(spent, "-350")
    assert "Ví dụ" in e.value.message


@pytest.mark.parametrize("label", ["Tăng (+), giảm (-) so với năm trước", "Tăng/giảm", "Số tăng giảm trong kỳ"])
def test_a_change_column_in_any_of_its_spellings_takes_a_typographic_minus(label):
    from dialogs.outline import Column

    col = Column(key="c", label=label, type="integer")
    for typed in ("-2", "−2", "–2"):  # a hyphen, the minus sign, an en dash (as phones and Word type them)
        assert parse_scalar(col, typed) == -2
    assert parse_decimal("−2,5") == -2.5
