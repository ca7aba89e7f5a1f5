"""`baocao outlines check` rejects malformed outlines with the line and a precise reason."""

from __future__ import annotations

import textwrap

import pytest

from bot.cli import main
from dialogs.loader import check_outline_text

GOOD = """\
id: thu-nghiem
title: Đề cương thử nghiệm
period:
  kind: weekly
  deadline: thứ Năm 16:00
respondents: [xa]
sections:
  - no: I.
    title: Phần một
    items:
      - key: tong
        prompt: Tổng số nhiệm vụ
        type: integer
        unit: nhiệm vụ
      - key: xong
        prompt: Số nhiệm vụ đã hoàn thành
        type: integer
      - key: ghi_chu
        prompt: Ghi chú
rules:
  - check: xong <= tong
    message: Số đã hoàn thành không được lớn hơn tổng số.
"""


def test_good_outline_passes():
    outline, problems = check_outline_text(GOOD)
    assert problems == [] and outline is not None
    assert [r.key for r in outline.refs] == ["tong", "xong", "ghi_chu"]


BAD = [
    # (description, replace-from, replace-to, expected line, expected words in message)
    ("duplicate key", "key: xong", "key: tong", 15, "trùng"),
    ("unknown type", "type: integer\n        unit", "type: so_nguyen\n        unit", 13, "kiểu «so_nguyen» không có"),
    ("rule names unknown key", "check: xong <= tong", "check: xong <= tong_so", 21, "«tong_so» không có"),
    ("rule on a text answer", "check: xong <= tong", "check: ghi_chu <= tong", 21, "không phải kiểu số"),
    ("rule syntax", "check: xong <= tong", "check: xong <=", 21, "sai cú pháp"),
    ("missing prompt", "prompt: Ghi chú", "help: Ghi chú", 18, "prompt"),
    ("bad key format", "key: ghi_chu", "key: Ghi Chú", 18, "chữ thường"),
    ("unknown field", "unit: nhiệm vụ", "don_vi: nhiệm vụ", 14, "không được phép"),
    ("bad period kind", "kind: weekly", "kind: hang_tuan", 4, "kind"),
    ("bad deadline", "deadline: thứ Năm 16:00", "deadline: sáng mai", 5, "không hiểu hạn nộp"),
    ("unknown respondent kind", "respondents: [xa]", "respondents: [lang]", 1, "loại đơn vị «lang»"),
    ("choice without options", "prompt: Ghi chú", "prompt: Ghi chú\n        type: choice", 18, "phải có options"),
    ("yaml syntax", "title: Phần một", "title: [Phần một", 10, "cú pháp YAML"),
    ("duplicate yaml key", "        unit: nhiệm vụ", "        unit: nhiệm vụ\n        unit: việc", 15, "lặp lại"),
]


@pytest.mark.parametrize("desc,old,new,line,words", BAD, ids=[b[0] for b in BAD])
def test_malformed_outline_is_rejected_precisely(desc, old, new, line, words):
    assert old in GOOD
    outline, problems = check_outline_text(GOOD.replace(old, new, 1))
    assert outline is None
    assert problems, desc
    hit = [p for p in problems if words in p.message]
    assert hit, f"{desc}: {problems}"
    assert hit[0].line == line, f"{desc}: line {hit[0].line} != {line}: {hit[0].message}"


TABLE = textwrap.dedent("""\
    id: bieu
    title: Biểu
    period: {kind: one_off}
    respondents: [xa]
    sections:
      - no: I.
        title: Biểu
        items:
          - key: b1
            prompt: Biểu 1
            type: table
            table:
              title: Biểu 1
              columns: COLUMNS
              rows:
                - {key: a, label: Dòng A}
                - {key: tong, label: Tổng, kind: total, sum_of: [a, z]}
    """)


def test_table_without_columns_and_unknown_sum_rows():
    text = TABLE.replace("COLUMNS", "[]")
    _, problems = check_outline_text(text)
    assert any("không có cột" in p.message and p.line == 12 for p in problems), problems
    text = TABLE.replace("COLUMNS", "[{key: so, label: Số}]")
    _, problems = check_outline_text(text)
    assert [p.message for p in problems] == ["biểu «b1»: dòng tổng «tong» cộng dòng «z» không có"]
    assert problems[0].line == 17


def test_cli_check_prints_lines_and_exit_code(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("key: xong", "key: tong"), encoding="utf-8")
    assert main(["outlines", "check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:15:" in out and "trùng" in out
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["outlines", "check", str(good)]) == 0
    assert "hợp lệ" in capsys.readouterr().out


def test_shipped_outlines_pass_the_checker(capsys):
    from dialogs.loader import OUTLINES_DIR

    files = sorted(OUTLINES_DIR.glob("*.yaml"))
    assert len(files) == 5
    for f in files:
        assert main(["outlines", "check", str(f)]) == 0, capsys.readouterr().out
