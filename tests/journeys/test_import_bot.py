"""/nhapdecuong through the real Dispatcher: a đề cương document → summary, draft, preview → published outline;
bad files refused; a corrected YAML checked; published outlines survive restarts; old answers stay exportable."""

from __future__ import annotations

import io
import itertools
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from storage.models import OutlineDraft, OutlineVersion
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.docx_sample import sample_docx
from tests.support.harness import Harness
from tests.support.import_data import BAD, OID

ADMIN = 900


@pytest.fixture
async def h(db, db_url):
    return await Harness(db, db_url).start()


async def send_file(h: Harness, user, name: str, data: bytes, **kw) -> list:
    before = len(h.api.messages(user.id))
    await user.send_document(name, data, **kw)
    await h.flush()
    return h.api.messages(user.id)[before:]


async def import_sample(h: Harness):
    admin = h.user(ADMIN, "Quản trị")
    assert "Gửi tệp đề cương" in (await h.say(admin, "/nhapdecuong"))[0]
    return admin, await send_file(h, admin, "de-cuong-tiep-cong-dan.docx", sample_docx())


def draft_yaml(sent: list) -> str:
    docs = [m for m in sent if m.document and m.document[0].endswith(".yaml")]
    assert docs, [m.text for m in sent]
    return docs[-1].document[1].decode("utf-8")


async def test_docx_imported_previewed_and_published_survives_restart(h, db, db_url):
    admin, sent = await import_sample(h)
    texts = "\n".join(m.text for m in sent)
    # the summary: sections, questions by type, the Biểu
    assert "3 mục, 6 câu hỏi" in texts and "số nguyên: 2" in texts and "1 biểu" in texts
    assert "Biểu i_bieu_01: 3 dòng × 2 cột" in texts
    assert f"id: \"{OID}\"" in draft_yaml(sent)
    # the preview: the first three questions as the engine shows them to an officer
    preview = texts.split("Xem trước", 1)[1]
    assert "Tổng số đơn thư tiếp nhận trong kỳ" in preview and "Số đơn thư đã giải quyết" in preview
    assert "Tình hình tiếp công dân" in preview
    assert "Đề cương mới" in sent[-1].text and sent[-1].button_texts() == ["📢 Công bố", "✖ Huỷ"]
    async with db.read_session() as s:
        assert (await s.execute(select(OutlineDraft))).scalar_one().filename == "de-cuong-tiep-cong-dan.docx"

    # a restart between the draft and «Công bố»: the draft is in the database
    h2 = await Harness(db, db_url).start()
    h2.api.sent = h.api.sent
    h2.api._update_ids = itertools.count(1000)  # Telegram's update ids go on after a restart
    admin2 = h2.user(ADMIN, "Quản trị")
    await h2.press(admin2, "Công bố")
    last = admin2.last()
    assert "Đã công bố" in last.text and f"baocao period open {OID} --deadline" in last.text
    assert last.button_texts() == ["🗓 Mở kỳ báo cáo"]
    assert OID in h2.services.catalogue.outlines
    assert h2.services.outline_versions[OID] > 0
    async with db.read_session() as s:
        row = (await s.execute(select(OutlineVersion).where(OutlineVersion.outline_id == OID))).scalar_one()
        assert row.yaml_text and row.source_file == "de-cuong-tiep-cong-dan.docx"
        assert (await s.execute(select(OutlineDraft))).scalar_one_or_none() is None

    # another process started later knows the outline; one already running picks it up at its next check
    h3 = await Harness(db, db_url).start()
    assert h3.services.catalogue.get(OID).tables[0].table.columns[0].label == "Tiếp lần đầu"
    h.services._outlines_checked_at = 0.0  # (the check runs at most every 5 s)
    out = await h.say(admin, "/moky")
    assert OID in h.services.catalogue.outlines
    assert any("Báo cáo tình hình tiếp công dân" in b for b in admin.last().button_texts()), out

    # «Mở kỳ báo cáo» leads into /moky for this outline
    # (a quarterly outline: the importer gave it the reporting regime, so /moky proposes the period at once)
    await h2.press(admin2, "Mở kỳ báo cáo")
    assert "Hạn cấp xã" in admin2.last().text and "gõ một hạn khác cho cấp xã" in admin2.last().text
    await h2.say(admin2, "15/12/2026 17:00")
    await h2.press(admin2, "Mở kỳ")
    assert "Đã mở kỳ" in admin2.last().text
    async with db.read_session() as s:
        assert len(await Repo(s).periods.list_periods(OID)) == 1


async def test_non_admin_is_refused_politely(h):
    user = h.user(901, "Cán bộ")
    out = await h.say(user, "/nhapdecuong")
    assert out == ["Lệnh /nhapdecuong dành cho quản trị viên. Nếu có đề cương mới cần đưa vào bot, "
                   "hãy gửi tệp đề cương cho quản trị viên."]


@pytest.mark.parametrize("case", list(BAD))
async def test_bad_files_are_refused_with_a_clear_message(h, db, case):
    name, make, declared, words = BAD[case]
    admin = h.user(ADMIN, "Quản trị")
    await h.say(admin, "/nhapdecuong")
    sent = await send_file(h, admin, name, make(), declared_size=declared)
    assert sent and sent[-1].text.startswith("❗") and words in sent[-1].text, [m.text for m in sent]
    assert name in sent[-1].text
    assert not any(m.document for m in sent)
    async with db.read_session() as s:
        assert (await s.execute(select(OutlineDraft))).scalar_one_or_none() is None
    if declared:  # refused by the declared size, before asking Telegram for the file
        assert not h.api.calls_of("getFile")


async def test_corrected_yaml_checked_errors_listed_by_line_then_replaces_the_draft(h, db):
    admin, sent = await import_sample(h)
    text = draft_yaml(sent)
    broken = text.replace('type: "integer"', 'type: "integr"', 1).replace(
        'prompt: "Số đơn thư đã giải quyết"', 'prompt: ""', 1)
    bad_lines = [i for i, line in enumerate(broken.splitlines(), 1) if '"integr"' in line or 'prompt: ""' in line]
    out = await send_file(h, admin, "sua.yaml", broken.encode())
    msg = "\n".join(m.text for m in out)
    assert "❗ Tệp «sua.yaml» có 2 lỗi" in msg
    for n in bad_lines:
        assert f"dòng {n}:" in msg
    assert "kiểu «integr» không có" in msg and "bản nháp trước vẫn được giữ" in msg
    # a YAML that is not even YAML: its line too
    out = await send_file(h, admin, "hong.yaml", b"id: x\ntitle: [unclosed\nsections:\n")
    assert "lỗi cú pháp YAML" in out[-1].text and "dòng " in out[-1].text

    fixed = text.replace("Số đơn thư đã giải quyết", "Số đơn thư đã giải quyết xong")
    out = await send_file(h, admin, "sua.yaml", fixed.encode())
    joined = "\n".join(m.text for m in out)
    assert "Số đơn thư đã giải quyết xong" in joined.split("Xem trước", 1)[1]
    assert draft_yaml(out) == fixed
    await h.press(admin, "Công bố")
    assert h.services.catalogue.get(OID).refs[1].question.prompt == "Số đơn thư đã giải quyết xong"


async def test_reply_to_a_document_with_the_command(h):
    admin = h.user(ADMIN, "Quản trị")
    msg = await admin.send_document("de-cuong.docx", sample_docx())
    await h.flush()
    before = len(h.api.messages(ADMIN))
    await admin.send("/nhapdecuong", reply_to=msg)
    await h.flush()
    sent = h.api.messages(ADMIN)[before:]
    assert "6 câu hỏi" in "\n".join(m.text for m in sent)
    assert sent[-1].button_texts() == ["📢 Công bố", "✖ Huỷ"]
    await h.press(admin, "Huỷ")
    assert "Đã huỷ bản nháp." in h.alerts()
    await h.press(admin, "Công bố")  # the draft is gone: nothing published
    assert OID not in h.services.catalogue.outlines


async def test_text_in_import_mode_asks_for_a_file(h):
    admin = h.user(ADMIN, "Quản trị")
    await h.say(admin, "/nhapdecuong")
    out = await h.say(admin, "đề cương đây")
    assert out == ["Hãy gửi tệp đề cương (.docx, .pdf, .txt) hoặc tệp .yaml đã sửa, dưới dạng tệp đính kèm. "
                   "Gõ /huy để thôi."]
    out = await h.say(admin, "/huy")
    assert out == ["Đã thôi nhập đề cương. Bản nháp (nếu có) vẫn được giữ: gõ /nhapdecuong để tiếp tục."]
    out = await h.say(admin, "đề cương đây")
    assert "Hãy gửi tệp đề cương" not in out[0]  # no longer importing


async def test_republishing_an_older_text_says_the_newer_version_stays(h):
    _, sent = await import_sample(h)
    v1 = draft_yaml(sent)
    await h.press(h.user(ADMIN), "Công bố")
    await _publish(h, v1.replace("Số đơn thư đã giải quyết", "Số đơn thư đã xử lý"))
    newest = h.services.outline_versions[OID]
    admin = h.user(ADMIN, "Quản trị")
    await h.say(admin, "/nhapdecuong")
    await send_file(h, admin, "cu.yaml", v1.encode())
    await h.press(admin, "Công bố")
    assert f"đề cương đang dùng vẫn là phiên bản số {newest}" in admin.last().text
    assert h.services.catalogue.get(OID).refs[1].question.prompt == "Số đơn thư đã xử lý"


async def _publish(h: Harness, yaml_text: str) -> None:
    admin = h.user(ADMIN, "Quản trị")
    await h.say(admin, "/nhapdecuong")
    await send_file(h, admin, "ban.yaml", yaml_text.encode())
    await h.press(admin, "Công bố")
    assert "Đã công bố" in admin.last().text


async def test_new_version_keeps_old_answers_readable_and_exportable(h, db):
    from exports import build_report
    from exports.load import load_consolidation

    await import_units(db, DATA / "vn_ministries_2025.csv")
    _, sent = await import_sample(h)
    v1 = draft_yaml(sent)
    await h.press(h.user(ADMIN), "Công bố")
    first_version = h.services.outline_versions[OID]
    async with db.session() as s:
        repo = Repo(s)
        p, _ = await repo.periods.open_period(OID, "Quý IV/2026", deadline=datetime(2026, 12, 20, 10, tzinfo=UTC))
        unit = await repo.units.unit_by_code("BTP")
        sub = await repo.submissions.ensure_submission(unit.id, p.id, first_version)
        await repo.submissions.set_answer(sub.id, "i1_don_thu_tiep", 4321, num=4321, commit=True)
        await repo.submissions.set_answer(sub.id, "i3_tinh_hinh_tiep", "Tiếp 12 lượt công dân.", commit=True)
        await repo.submissions.set_answer(sub.id, "i2_don_thu_giai", 77, num=77, commit=True)  # a question version 2 drops
        await repo.review.submit(sub, await repo.accounts.ensure_account(990, "Cán bộ Bộ Tư pháp"))  # only sent reports count
        await s.commit()
        period_id, sub_id = p.id, sub.id
    # version 2: a question renamed, one removed, one added
    removed = """      - key: "i2_don_thu_giai"
        no: "2."
        prompt: "Số đơn thư đã giải quyết"
        type: "integer"
        unit: "đơn thư"
"""
    added = """      - key: "i_don_moi"
        prompt: "Số đơn thư mới"
        type: "integer"
        unit: "đơn"
"""
    assert removed in v1
    v2 = v1.replace(removed, added).replace("Tổng số đơn thư tiếp nhận trong kỳ", "Tổng số đơn thư nhận được trong kỳ")
    await _publish(h, v2)
    assert h.services.outline_versions[OID] > first_version
    assert h.services.catalogue.get(OID).refs[0].question.prompt == "Tổng số đơn thư nhận được trong kỳ"
    async with db.read_session() as s:
        assert (await s.get(type(sub), sub_id)).outline_version_id == first_version
        assert len((await s.execute(select(OutlineVersion).where(OutlineVersion.outline_id == OID))).all()) == 2
    cons = await load_consolidation(db, h.services.catalogue, period_id)
    rep = build_report(cons)
    cells = [c.value for ws in load_workbook(io.BytesIO(rep.xlsx)) for row in ws.iter_rows() for c in row]
    assert 4321 in cells
    from docx import Document

    doc_text = "\n".join(p.text for p in Document(io.BytesIO(rep.docx)).paragraphs)
    assert "1. Tổng số đơn thư nhận được trong kỳ: 4.321 đơn thư" in doc_text
    assert "+ Bộ Tư pháp: Tiếp 12 lượt công dân." in doc_text


# --------------------------------------------------------------------------- end to end over HTTP


async def _wait_for(user, pred, timeout: float = 60.0):
    import asyncio
    import time

    start = time.monotonic()
    while time.monotonic() - start < timeout:
        hit = next((m for m in reversed(user.api.messages(user.id)) if pred(m)), None)
        if hit is not None:
            return hit
        await asyncio.sleep(0.05)
    raise AssertionError(f"waited {timeout}s; last messages: {[m.text[:80] for m in user.api.messages(user.id)[-4:]]}")


def _spawn_admin_bot(api, db_url: str):
    import asyncio
    import os
    import sys

    from tests.conftest import ROOT
    from tests.support.processes import BOT_ENV_KEYS

    env = {k: v for k, v in os.environ.items() if k not in BOT_ENV_KEYS}
    env.update(BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url, DATABASE_URL=db_url, ADMIN_IDS=str(ADMIN),
               PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING", SCHEDULER_INTERVAL="0",
               SEND_CHAT_RATE="0")  # the simulated admin and officer answer within milliseconds
    return asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=str(ROOT), env=env,
                                          stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)


async def _polling(api, proc) -> None:
    """Until the bot process polls (start-up, importing aiogram, can be slow on a loaded machine) or has exited."""
    import asyncio

    for _ in range(2400):
        if api.calls_of("getUpdates") or proc.returncode is not None:
            return
        await asyncio.sleep(0.05)


async def _exported_figures_are_the_officers(outline, xlsx: bytes, docx: bytes) -> int:
    """The officer's scripted figure in the .xlsx's per-unit sheet and in the .docx, with his narrative; the figure."""
    from docx import Document

    from bot.devtools.demo import scripted_value

    figure = int(scripted_value(outline.question("i1_don_thu_tiep"), "BTP", 1)[0][1])
    narrative = scripted_value(outline.question("i3_tinh_hinh_tiep"), "BTP", 1)[0][1]
    rows = list(load_workbook(io.BytesIO(xlsx))["Từng đơn vị"].iter_rows(values_only=True))
    col = next(i for i, v in enumerate(rows[1]) if v and "Tổng số đơn thư tiếp nhận trong kỳ" in v)  # row 1: title
    assert next(r for r in rows if r[0] == "BTP")[col] == figure
    text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    assert f"1. Tổng số đơn thư tiếp nhận trong kỳ: {figure} đơn thư" in text
    assert f"+ Bộ Tư pháp: {narrative}" in text
    return figure


@pytest.mark.slow
async def test_end_to_end_docx_imported_published_answered_and_consolidated_over_http(db, db_url):
    """The real bot over HTTP: a .docx đề cương imported by the administrator, published, a period opened
    from the bot, an officer answers and submits, and /tonghop exports the officer's figures."""

    from bot.devtools.demo import Driver, answer_week_one
    from tests.support.fake_bot_api import FakeTelegram

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        inv = await repo.onboarding.create_invite(await repo.units.unit_by_code("BTP"), "officer")
        await s.commit()
    api = FakeTelegram("4343:IMPORT-E2E")
    await api.start()
    d = Driver(api)
    admin, officer = api.user(ADMIN, "Quản trị"), api.user(321, "Lan")
    proc = await _spawn_admin_bot(api, db_url)
    try:
        await _polling(api, proc)
        await d.say(admin, "/nhapdecuong")
        await admin.send_document("de-cuong-tiep-cong-dan.docx", sample_docx())
        await _wait_for(admin, lambda m: "📢 Công bố" in m.button_texts())
        assert any(m.document and m.document[0] == f"{OID}.yaml" for m in api.messages(ADMIN))
        await d.press(admin, "Công bố")
        await _wait_for(admin, lambda m: "Mở kỳ báo cáo" in " ".join(m.button_texts()))
        await d.press(admin, "Mở kỳ báo cáo")
        await d.say(admin, "20/12/2026 17:00")
        await d.press(admin, "Mở kỳ")
        assert "Đã mở kỳ" in admin.last().text

        await d.say(officer, f"/start {inv.code}")
        await d.say(officer, "/baocao")
        async with db.read_session() as s:
            outline_text = (await s.execute(select(OutlineVersion.yaml_text).where(
                OutlineVersion.outline_id == OID))).scalar_one()
        from dialogs.loader import load_outline_text

        outline = load_outline_text(outline_text)
        assert await answer_week_one(d, officer, outline, "BTP", "bo") == 6
        await d.press(officer, "Gửi báo cáo")
        await d.press(officer, "Xác nhận gửi")

        await d.say(admin, "/tonghop")
        await d.press(admin, "Tổng hợp ngay")
        xlsx = await _wait_for(admin, lambda m: bool(m.document) and m.document[0].endswith(".xlsx"))
        docx_msg = await _wait_for(admin, lambda m: bool(m.document) and m.document[0].endswith(".docx"))
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()
        await api.stop()
    figure = await _exported_figures_are_the_officers(outline, xlsx.document[1], docx_msg.document[1])
    async with db.read_session() as s:
        repo = Repo(s)
        p = (await repo.periods.list_periods(OID))[0]
        sub = await repo.submissions.find_submission((await repo.units.unit_by_code("BTP")).id, p.id)
        assert sub.status == "submitted" and sub.outline_version_id is not None
        assert (await repo.submissions.answers(sub.id))["i1_don_thu_tiep"] == figure


async def test_an_importer_failure_is_told_not_fatal(h, db, monkeypatch):
    import bot.handlers.outline_import as oi

    def broken(data, name):
        raise IndexError("bug")

    monkeypatch.setattr(oi, "import_document", broken)
    admin = h.user(ADMIN, "Quản trị")
    await h.say(admin, "/nhapdecuong")
    sent = await send_file(h, admin, "de-cuong.docx", sample_docx())
    assert sent[-1].text.startswith("❗ Trình nhập chưa đọc được «de-cuong.docx»")
    out = await h.say(admin, "/nhapdecuong")  # the bot goes on
    assert "Gửi tệp đề cương" in out[0]
