"""`baocao outlines import|show|check` with the real main(): drafts written, JSON shared with `show`,
bad documents refused with nothing written, outlines published from the bot known to the CLI."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import get_settings
from dialogs.loader import OUTLINES_DIR, text_hash
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA, SEEDS
from tests.support.docx_sample import sample_docx
from tests.support.import_data import BAD, OID


def test_import_docx_writes_the_draft_and_prints_the_summary(tmp_path: Path, capsys, no_db):
    src = tmp_path / "de-cuong.docx"
    src.write_bytes(sample_docx())
    assert main(["outlines", "import", str(src)]) == 0
    out = capsys.readouterr().out
    draft = tmp_path / "de-cuong.yaml"
    assert f"Đã ghi bản nháp: {draft}" in out
    assert "3 mục, 6 câu hỏi (nội dung tường thuật: 3, số nguyên: 2, biểu bảng: 1), 1 biểu." in out
    assert "Biểu i_bieu_01: 3 dòng × 2 cột" in out
    assert f"baocao outlines check {draft}" in out
    assert main(["outlines", "check", str(draft)]) == 0
    assert f"Đề cương hợp lệ: {OID}" in capsys.readouterr().out


def test_import_json_is_exactly_the_shape_of_show_json(tmp_path: Path, capsys, no_db):
    src = tmp_path / "de-cuong.docx"
    src.write_bytes(sample_docx())
    out_file = tmp_path / "ra" / "ban-nhap.yaml"
    out_file.parent.mkdir()
    assert main(["outlines", "import", str(src), "--out", str(out_file), "--json"]) == 0
    captured = capsys.readouterr()
    imported = json.loads(captured.out)
    assert f"Đã ghi bản nháp: {out_file}" in captured.err
    assert main(["outlines", "show", str(out_file), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert imported == shown
    assert imported["id"] == OID and [t["key"] for t in imported["tables"]] == ["i_bieu_01"]
    # the same shape as a shipped outline's, shown by id
    assert main(["outlines", "show", "tuan-cqdp-2cap", "--json"]) == 0
    shipped = json.loads(capsys.readouterr().out)
    assert set(shipped) == set(imported)
    assert set(shipped["questions"][0]) <= set(imported["questions"][0]) | {"unit", "help", "min", "max", "options",
                                                                           "fields", "visible_if"}


def test_import_txt_lists_the_unsure_points(tmp_path: Path, capsys, no_db):
    src = tmp_path / "tuan.txt"
    src.write_text((SEEDS / "000_d915141bfe23e126.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["outlines", "import", str(src)]) == 0
    out = capsys.readouterr().out
    draft = (tmp_path / "tuan.yaml").read_text(encoding="utf-8")
    marked = [i for i, line in enumerate(draft.splitlines(), 1) if " # ? " in line]
    assert marked and "Chỗ chưa chắc" in out
    for n in marked[:15]:
        assert f"? dòng {n}: " in out


@pytest.mark.parametrize("case", list(BAD))
def test_bad_documents_are_refused_and_nothing_is_written(tmp_path: Path, capsys, no_db, case):
    name, make, declared, words = BAD[case]
    src = tmp_path / name
    if declared:
        with src.open("wb") as f:
            f.truncate(declared)
        words = "quá lớn"
    else:
        src.write_bytes(make())
    assert main(["outlines", "import", str(src)]) == 1
    err = capsys.readouterr().err
    assert f"Không nhập được «{name}»" in err and words in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_show_and_check_take_an_id_or_a_path(tmp_path: Path, capsys, no_db):
    path = next(OUTLINES_DIR.glob("000_*.yaml"))
    assert main(["outlines", "show", "tuan-cqdp-2cap", "--json"]) == 0
    by_id = json.loads(capsys.readouterr().out)
    assert main(["outlines", "show", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == by_id
    assert main(["outlines", "check", "tuan-cqdp-2cap"]) == 0
    assert "Đề cương hợp lệ: tuan-cqdp-2cap" in capsys.readouterr().out
    assert main(["outlines", "show", "khong-co-de-cuong-nay"]) == 2
    assert "Không có đề cương «khong-co-de-cuong-nay»" in capsys.readouterr().err
    bad = tmp_path / "hong.yaml"
    bad.write_text("id: x\ntitle: Thử\nperiod: {kind: weekly}\nsections: a: b\nrules: []\n", encoding="utf-8")
    assert main(["outlines", "show", str(bad)]) == 1
    assert f"{bad}:4: lỗi cú pháp YAML" in capsys.readouterr().out
    assert main(["outlines", "check", str(tmp_path / "khong.yaml")]) == 2
    assert "Không tìm thấy tệp" in capsys.readouterr().err


async def test_an_outline_published_from_the_bot_is_known_to_the_cli(db, db_url, monkeypatch, capsys, tmp_path):
    src = tmp_path / "de-cuong.docx"
    src.write_bytes(sample_docx())
    await import_units(db, DATA / "vn_ministries_2025.csv")
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        run = lambda *a: asyncio.to_thread(main, list(a))  # noqa: E731
        assert await run("outlines", "import", str(src)) == 0
        text = (tmp_path / "de-cuong.yaml").read_text(encoding="utf-8")
        assert await run("outlines", "show", OID) == 2  # a draft is not published
        capsys.readouterr()
        async with db.session() as s:
            await Repo(s).outlines.register_outline(OID, 1, text_hash(text), "de-cuong.docx", "Tiếp công dân", yaml_text=text)
            await s.commit()
        assert await run("outlines", "list", "--json") == 0
        assert OID in [o["id"] for o in json.loads(capsys.readouterr().out)]
        assert await run("outlines", "check", OID) == 0
        assert await run("period", "open", OID, "--deadline", "20/12/2026 17:00", "--json") == 0
        capsys.readouterr()
        async with db.read_session() as s:
            assert len(await Repo(s).periods.list_periods(OID)) == 1
    finally:
        get_settings.cache_clear()


def test_import_into_a_missing_folder_says_so_and_writes_nothing(tmp_path: Path, capsys, no_db):
    src = tmp_path / "de-cuong.txt"
    src.write_text("ĐỀ CƯƠNG\nI. KẾT QUẢ\n1. Tổng số hồ sơ: … hồ sơ\n", encoding="utf-8")
    out = tmp_path / "khong-co" / "ban-nhap.yaml"
    assert main(["outlines", "import", str(src), "--out", str(out)]) == 1
    assert "thư mục không tồn tại" in capsys.readouterr().err
    assert not out.exists()
