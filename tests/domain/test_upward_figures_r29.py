"""Review r29g's findings through levels, each worked by hand: a declared ratio carried up keeps the parts paired
commune by commune; a mean of whole numbers is carried with its decimals and called a mean; a question no longer
asked of a unit is neither printed nor added in the annexes; a province that only opened /baocaolen (a blank draft)
does not switch the centre from its communes to the provinces."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from docx import Document

from dialogs.loader import check_outline_text, load_catalogue
from dialogs.periods import regime_spec
from exports import build_report
from exports.consolidate import UnitInfo, consolidate
from exports.load import load_consolidation
from exports.upward import rollup
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA, ROOT

YAML = """id: thu-len
title: Báo cáo thử qua các cấp
period: {kind: monthly}
respondents: [xa]
sections:
  - no: I.
    title: Số liệu
    items:
      - {key: hs_lop, prompt: Sĩ số bình quân, type: integer, unit: học sinh/lớp}
      - {key: dh, prompt: Số hồ sơ đúng hạn, type: integer, unit: hồ sơ}
      - {key: gq, prompt: Số hồ sơ đã giải quyết, type: integer, unit: hồ sơ}
      - {key: tl, prompt: Tỷ lệ hồ sơ đúng hạn, type: percent, aggregate: ratio, numerator: dh, denominator: gq}
      - {key: tt, prompt: Tỷ lệ hồ sơ trực tuyến, type: percent}
      - {key: co_da, prompt: Có dự án đang triển khai không, type: yesno}
      - {key: so_da, prompt: Số dự án đang triển khai, type: integer, unit: dự án, visible_if: {answer: co_da, equals: true}}
"""


def _outline():
    o, probs = check_outline_text(YAML)
    assert o is not None and not probs, probs
    return o


def _cons(o, units, cur):
    return consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys(cur, "submitted"),
                       submitted_at={}, period_label="Tháng 2/2026", deadline=None)


def test_a_ratio_carried_up_keeps_its_paired_parts_and_a_mean_its_decimals():
    o = _outline()
    one = [UnitInfo(i, f"A{i}", f"Xã A{i}", "xa") for i in (1, 2)]
    two = [UnitInfo(i, f"B{i}", f"Xã B{i}", "xa") for i in (3, 4)]
    # Xã A2 gave its files on time (5) but not the files handled: not a part of the ratio
    p1 = rollup(_cons(o, one, {1: {"hs_lop": 22, "dh": 8, "gq": 10}, 2: {"hs_lop": 23, "dh": 5}}))
    p2 = rollup(_cons(o, two, {3: {"dh": 15, "gq": 20}}))
    assert p1.figures["dh"] == 13 and p1.figures["gq"] == 10  # the two sums, as asked
    assert p1.figures["tl"]["value"] == 80.0  # 8 of 10, Xã A2 left out
    # (22 + 23) / 2: carried as 22,5, not rounded to 22, and its source says it is a mean
    assert p1.figures["hs_lop"] == 22.5 and p1.sources["hs_lop"].startswith("trung bình cộng (không gia quyền) của 2/2")
    provinces = [UnitInfo(10, "01", "Tỉnh Một", "tinh"), UnitInfo(11, "02", "Tỉnh Hai", "tinh")]
    c = _cons(o, provinces, {10: p1.figures, 11: p2.figures})
    # the centre: communes with both parts, 8 + 15 of 10 + 20 = 23/30 = 76,67 % — not 28/30 from the two sums
    assert abs(c.item("tl").summary.value - 23 * 100 / 30) < 1e-9
    text = "\n".join(p.text for p in Document(BytesIO(build_report(c).docx)).paragraphs)
    assert "Tỷ lệ hồ sơ đúng hạn: 76,67%" in text


def test_an_answer_to_a_question_no_longer_asked_is_not_in_the_annex():
    o = _outline()
    units = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in (1, 2)]
    # Xã 1 typed 40 projects, then answered «Không» to «Có dự án…»: the 40 stay in the database, hidden
    c = _cons(o, units, {1: {"co_da": False, "so_da": 40}, 2: {"co_da": True, "so_da": 8}})
    assert c.item("so_da").summary.value == 8
    assert "so_da" not in c.current[1] and c.current[2]["so_da"] == 8
    d = Document(BytesIO(build_report(c).docx))
    cells = [[x.text for x in r.cells] for t in d.tables for r in t.rows]
    rows = {r[1]: r for r in cells if len(r) > 2 and r[1] in ("Xã 1", "Xã 2", "Tổng cộng")}
    assert "Xã 2" in rows and "8" in rows["Xã 2"][2:] and "Tổng cộng" in rows
    assert all("40" not in cell and "48" not in cell for r in rows.values() for cell in r[2:])


async def test_a_blank_province_draft_does_not_switch_the_centre_to_the_provinces(db):
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    await import_units(db, DATA / "vn_units_2025.csv")
    cat = load_catalogue((str(ROOT / "tests" / "data" / "regime"),))
    o = cat.get("thang-xa-test")
    async with db.session() as s:
        repo = Repo(s)
        acc = await repo.accounts.ensure_account(1, "Cán bộ")
        provs, communes = [], []
        for code in ("91", "01"):
            p = await repo.units.unit_by_code(code)
            provs.append(p)
            communes += (await repo.units.list_units(p, include_root=False))[:2]
        spec = regime_spec(o, date(2026, 2, 10), tz, timedelta(hours=48))
        per, _ = await repo.periods.open_period(o.id, spec.label, deadline=spec.deadline, starts_on=spec.starts_on,
                                                ends_on=spec.ends_on, closes_at=spec.closes_at,
                                                unit_ids=[u.id for u in communes], cutoff_on=spec.cutoff_on,
                                                level_deadlines=spec.level_deadlines)
        for i, u in enumerate(communes):  # 10 + 20 + 30 + 40 hộ
            sub = await repo.submissions.ensure_submission(u.id, per.id)
            await repo.submissions.set_answer(sub.id, "ho_ngheo", 10 * (i + 1), num=10 * (i + 1))
            await repo.review.submit(sub, acc, now=datetime(2026, 2, 12, tzinfo=UTC))
        # one province's supervisor opens /baocaolen: a draft carrying its communes' 10 + 20, nothing sent upward
        psub = await repo.submissions.ensure_submission(provs[0].id, per.id)
        await repo.submissions.set_answer(psub.id, "ho_ngheo", 30, num=30, via="rollup")
        await s.commit()
        pid = per.id
    for drafts in (False, True):
        c = await load_consolidation(db, cat, pid, include_drafts=drafts)
        assert len(c.units) == 4 and c.item("ho_ngheo").summary.value == 100
    async with db.session() as s:  # once it is sent, the centre consolidates the provinces' reports
        repo = Repo(s)
        await repo.review.submit(await repo.submissions.ensure_submission(provs[0].id, pid), acc,
                                 now=datetime(2026, 2, 24, tzinfo=UTC))
        await s.commit()
    c = await load_consolidation(db, cat, pid)
    assert {u.code for u in c.units} >= {"91"} and c.item("ho_ngheo").summary.value == 30


def test_a_mean_rate_carried_up_is_weighted_by_the_communes_it_stands_for():
    o = _outline()
    one = [UnitInfo(i, f"A{i}", f"Xã A{i}", "xa") for i in (1, 2)]
    two = [UnitInfo(3, "B3", "Xã B3", "xa")]
    p1 = rollup(_cons(o, one, {1: {"tt": {"value": 50.0}}, 2: {"tt": {"value": 60.0}}}))
    p2 = rollup(_cons(o, two, {3: {"tt": {"value": 100.0}}}))
    assert p1.figures["tt"] == {"value": 55.0, "n": 2} and p2.figures["tt"] == {"value": 100.0, "n": 1}
    provinces = [UnitInfo(10, "01", "Tỉnh Một", "tinh"), UnitInfo(11, "02", "Tỉnh Hai", "tinh")]
    c = _cons(o, provinces, {10: p1.figures, 11: p2.figures})
    # over the three communes (50 + 60 + 100) / 3 = 70 %, not the provinces' (55 + 100) / 2 = 77,5 %
    s = c.item("tt").summary
    assert s.mode == "weighted" and abs(s.value - 70.0) < 1e-9
    text = "\n".join(p.text for p in Document(BytesIO(build_report(c).docx)).paragraphs)
    assert "Tỷ lệ hồ sơ trực tuyến: 70% (bình quân của 3 đơn vị cấp dưới mà 2 đơn vị đã tổng hợp" in text
    # a province carries it up again with the communes it stands for
    assert rollup(c).figures["tt"] == {"value": 70.0, "n": 3}
