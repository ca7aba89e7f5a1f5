"""Each shipped outline loads and covers every ask of its seed document."""

from __future__ import annotations

import re

import pytest
from rapidfuzz import fuzz

from dialogs.loader import load_catalogue
from dialogs.outline import Question, Section
from dialogs.text import norm_words
from tests.conftest import SEEDS

SEED_OF = {
    "tuan-cqdp-2cap": "000_d915141bfe23e126.txt",
    "giam-sat-phan-cap-tthc": "001_ec59f8b8fe4462e3.txt",
    "kiem-tra-cchc-2025": "002_b14cca5f28d0288c.txt",
    "so-ket-1-nam-2-cap": "003_10619c2cf17cb62a.txt",
    "chuyen-de-02-kh-bcdtw": "004_ecf6122e71d8a8d8.txt",
}

BULLET = re.compile(r"^\s*(?:[-+·]\s+|\(\d+\)\s*|[a-e]\)\s+|\d+(?:\.\d+)*\.\s+|[IVX]+[.-]\s+)(.+)$")


def _clean(line: str) -> str:
    line = re.sub(r"\[footnoteRef:\d+\]", "", line)
    line = re.sub(r"\[bookmark:[^\]]*\]", "", line)
    line = re.sub(r"\[\d+:.*$", "", line)  # footnote body on the same line
    line = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", "", line)
    return line.strip()


def seed_asks(outline_id: str) -> list[str]:
    """The bullet and numbered lines of the seed's outline part: each is an ask (or a heading)."""
    text = (SEEDS / SEED_OF[outline_id]).read_text(encoding="utf-8")
    if outline_id == "so-ket-1-nam-2-cap":
        text = text[text.index("B. NỘI DUNG BÁO CÁO"): text.index("Biểu 1B")]
    out = []
    for raw in text.splitlines():
        line = _clean(raw.replace("[bookmark: _GoBack]", ""))
        m = BULLET.match(line)
        if not m:
            continue
        body = m.group(1).strip()
        if len(norm_words(body)) < 8:
            continue
        out.append(body)
    return out


def corpus(outline) -> list[str]:
    texts: list[str] = [outline.title, outline.note or ""]

    def rec(sec: Section) -> None:
        texts.append(sec.title)
        texts.append(sec.help or "")
        for it in sec.items:
            if isinstance(it, Section):
                rec(it)
            else:
                q: Question = it
                texts.extend([q.prompt, q.help or ""])
                if q.table is not None:
                    texts.append(q.table.title)

    for s in outline.sections:
        rec(s)
    return [norm_words(t) for t in texts if t]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_five_outlines_load(catalogue):
    assert set(catalogue.outlines) == set(SEED_OF)
    for o in catalogue:
        assert o.refs, o.id
        keys = [r.key for r in o.refs]
        assert len(keys) == len(set(keys)), f"{o.id}: duplicate keys"


@pytest.mark.parametrize("outline_id", sorted(SEED_OF))
def test_outline_covers_every_seed_ask(catalogue, outline_id):
    outline = catalogue.get(outline_id)
    texts = corpus(outline)
    asks = seed_asks(outline_id)
    assert len(asks) >= 10, "the seed parser found too few asks"
    missing = []
    for ask in asks:
        a = norm_words(ask)
        # the first words of the ask, in the document's own words, must stand in some prompt, title or help
        probe = " ".join(a.split()[:9])
        best = max(fuzz.partial_ratio(probe, t) for t in texts if t)
        if best < 90:
            missing.append((best, ask[:90]))
    assert not missing, f"{outline_id}: asks not found in any prompt:\n" + "\n".join(f"{s:.0f} {m}" for s, m in missing)


def test_weekly_outline_period_and_visibility(catalogue):
    o = catalogue.get("tuan-cqdp-2cap")
    assert o.period.kind == "weekly"
    rule = o.period.deadline_rule
    assert (rule.kind, rule.weekday, rule.at.hour) == ("weekly", 3, 16)
    every = {r.key for r in o.refs}
    for code, prefix in [("VPCP", "vpcp_"), ("BTC", "btc_"), ("BNV", "bnv_"), ("BKHCN", "bkhcn_"), ("BTP", "btp_")]:
        seen = {r.key for r in o.visible_refs(code, "bo")}
        assert any(k.startswith(prefix) for k in seen), code
        others = {k for k in every - seen}
        # a unit sees its own §I.5 details and no other ministry's
        assert all(not k.startswith(prefix) for k in others)
        assert sum(1 for k in seen if k.split("_")[0] in {"vpcp", "btc", "bnv", "bkhcn", "btp"}) == sum(
            1 for k in seen if k.startswith(prefix)
        )
    plain = {r.key for r in o.visible_refs("BYT", "bo")}
    assert not any(k.split("_")[0] in {"vpcp", "btc", "bnv", "bkhcn", "btp"} for k in plain)


def test_seed_003_tables_match_the_seed(catalogue):
    o = catalogue.get("so-ket-1-nam-2-cap")
    seed = norm_words((SEEDS / SEED_OF[o.id]).read_text(encoding="utf-8"))
    tables = {q.key: q.table for q in o.tables}
    assert {"bieu_1b", "bieu_2b", "bieu_cbcc_linh_vuc", "bieu_8b", "bieu_12b", "bieu_13b"} <= set(tables)
    codes = {t.code for t in tables.values()}
    assert {"1B", "2B", "8B", "12B", "13B"} <= codes
    # every row label of the shown Biểu is the seed's own
    for key in ("bieu_1b", "bieu_2b", "bieu_cbcc_linh_vuc", "bieu_8b", "bieu_12b", "bieu_13b"):
        for row in tables[key].rows:
            label = norm_words(re.sub(r"\(.*?\)", "", row.label))
            if key == "bieu_cbcc_linh_vuc" and row.key == "lanh_dao":
                continue  # row I is implied by the seed's "II" and named in the table note
            assert label in seed, f"{key}: row «{row.label}» not in the seed"
    for key in ("bieu_13b", "bieu_12b", "bieu_2b"):
        for col in tables[key].columns:
            assert norm_words(col.label) in seed or norm_words(col.group or "") in seed, (key, col.label)
    t13 = tables["bieu_13b"]
    assert [c.key for c in t13.input_columns][:6] == [
        "tiep_cong_dan", "ton_dong", "phat_sinh", "da_giai_quyet", "dang_giai_quyet", "chua_giai_quyet"]
    assert len(tables["bieu_cbcc_linh_vuc"].columns) == 16  # the seed's rows have 16 cells
    assert o.period.deadline_rule.fixed is not None and o.period.deadline_rule.fixed.date().isoformat() == "2026-05-29"


def test_seed_001_names_every_bieu(catalogue):
    o = catalogue.get("giam-sat-phan-cap-tthc")
    text = " ".join(corpus(o))
    for n in range(1, 12):
        assert re.search(rf"\bbieu {n}\b", text), f"Biểu {n} is not asked for"


def test_json_export_shape(catalogue):
    for o in catalogue:
        j = o.to_json()
        assert {"id", "title", "period", "questions", "tables"} <= set(j)
        for q in j["questions"]:
            assert {"key", "section", "type", "prompt"} <= set(q)
        for t in j["tables"]:
            assert t["rows"] and t["columns"]
    j = catalogue.get("tuan-cqdp-2cap").to_json()
    sections = {q["section"] for q in j["questions"]}
    assert {"I.1.a", "I.1.b", "I.2", "I.3", "I.4.1", "I.4.2", "I.4.3", "I.5", "II", "III"} <= sections
