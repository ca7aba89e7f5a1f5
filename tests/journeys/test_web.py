"""The web form (issue 24) through its HTTP server: the ways in (signed link, Mini App init data), the form over
the chat's parsers and rules, the Biểu, lists, submitting, read-only reports, the supervisor's page and files —
and what must be refused: forged or stale init data, expired, tampered or revoked links, another unit's ids,
missing CSRF, replayed requests, oversized bodies, too many requests."""

from __future__ import annotations

import asyncio
import io
import json
import re
import secrets

import pytest

from bot.web.auth import make_init_data
from bot.web.server import WEB
from dialogs.answers import parse_answer
from dialogs.parsing import ParseError
from storage.repo import Repo
from tests.support.harness import TOKEN, Clock
from tests.support.processes import redis_or_skip
from tests.support.web_client import Browser, Web, read_events, save_url
from tests.support.web_world import OUTLINE, build_world

pytestmark = pytest.mark.db


@pytest.fixture
async def w(db, db_url, tmp_path):
    clock = Clock()
    clock.t = clock.t.replace(year=2026, month=12, day=6)
    env = await Web(db, db_url, await build_world(db, tmp_path), clock).start()
    yield env
    await env.close()



# --------------------------------------------------------------------------- the form over the chat's parsers


async def submit_and_approve(w: Web) -> None:
    """The commune's officer sends the report and the supervisor approves it (straight in the database)."""
    async with w.db.session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(w.world.units["00004"], w.world.period)
        await repo.review.submit(sub, await repo.accounts.account(w.world.officer))
        await repo.review.approve(sub, await repo.accounts.account(w.world.supervisor))
        await s.commit()


async def test_signed_link_opens_the_form_with_last_periods_values_and_safe_headers(w):
    b = w.browser()
    r, text = await b.get(await w.link(w.world.officer, w.world.period))
    assert r.status == 200 and r.url.path == "/web/form"
    assert "Phường Ba Đình" in text and "Năm 2026" in text
    # last period's figure beside the input; the Biểu 8B grid with its groups; last period's named row
    block = text[text.index('id="q-iii_nv_tong"'):text.index('id="q-iii_nv_da_th"')]
    assert 'inputmode="numeric"' in block and "🕘 Kỳ trước: <span>40 nhiệm vụ</span>" in block
    assert "↩ Giữ như kỳ trước" in block
    grid = text[text.index('id="q-bieu_8b"'):]
    assert "Biểu 8B." in grid and 'data-row="gd_thpt"' in grid and 'data-kind="open"' in grid
    assert "Dự kiến phương án sắp xếp theo định hướng tại Công văn số 59-CV/BCĐ" in grid
    # no inline script or style anywhere; a strict CSP; the page is not cached
    assert not re.search(r"<script(?![^>]*\bsrc=)", text) and not re.search(r"\son[a-z]+=", text)
    assert " style=" not in text and "<style" not in text
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["Referrer-Policy"] == "no-referrer"
    assert r.headers["Cache-Control"] == "no-store"
    # every input is named for a screen reader: its own <label for>, an aria-label, or a wrapping <label>
    for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", text):
        named = "aria-label=" in tag or "data-field=" in tag or "data-reason-in" in tag or 'type="checkbox"' in tag
        m = re.search(r'id="(in-[a-z0-9_]+)"', tag)
        assert named or (m and f'for="{m.group(1)}"' in text), tag
    r, js = await b.get("/web/static/form.js")
    assert r.status == 200 and r.headers["Content-Type"].startswith("text/javascript")
    assert (await b.get("/web/static/..%2Fserver.py"))[0].status == 404


async def test_a_value_goes_through_the_chats_parser_and_is_saved_with_a_web_revision(w):
    b = await w.signed_in(w.world.officer)
    r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1.234", "base": 0})
    assert r.status == 200 and res["ok"] and res["display"] == "1.234 nhiệm vụ"
    assert (await w.answers("00004"))["iii_nv_tong"] == 1234
    # a wrong input: the chat's own message, nothing stored
    outline = w.services.catalogue.get(OUTLINE)
    with pytest.raises(ParseError) as chat:
        parse_answer(outline, outline.question("iii_nv_da_th"), "mười hai")
    r, res = await b.post(save_url(w), {"key": "iii_nv_da_th", "op": "set", "text": "mười hai"})
    assert r.status == 422 and res["error"] == f"❗ {chat.value.message}"
    assert "iii_nv_da_th" not in await w.answers("00004")
    async with w.db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(w.world.units["00004"], w.world.period)
        revs = await repo.submissions.revisions(sub.id, "iii_nv_tong")
    assert [(x.via, x.changed_by, x.new_value) for x in revs] == [("web", w.world.officer, 1234)]


RULE_III = "Số nhiệm vụ đã thực hiện cộng chưa thực hiện không được lớn hơn tổng số nhiệm vụ được giao (mục III)."


async def test_a_rule_that_fails_is_shown_under_the_field_and_blocks_sending(w):
    b = await w.signed_in(w.world.officer)
    for key, text in (("iii_nv_tong", "10"), ("iii_nv_da_th", "8")):
        assert (await b.post(save_url(w), {"key": key, "op": "set", "text": text}))[1]["ok"]
    r, res = await b.post(save_url(w), {"key": "iii_nv_chua_th", "op": "set", "text": "5"})
    msg = "Số nhiệm vụ đã thực hiện cộng chưa thực hiện không được lớn hơn tổng số nhiệm vụ được giao (mục III)."
    assert res["ok"] and res["warnings"] == [msg]
    r, res = await b.post(f"/web/api/submit?period={w.world.period}")
    assert r.status == 422 and not res["ok"] and "Chưa gửi được vì số liệu chưa khớp" in res["message"] and msg in res["message"]
    assert (await b.post(save_url(w), {"key": "iii_nv_chua_th", "op": "set", "text": "2"}))[1]["warnings"] == []
    r, res = await b.post(f"/web/api/submit?period={w.world.period}")
    assert r.status == 200 and res["ok"] and "📨 Đã gửi báo cáo" in res["message"] and res["status"] == "đã gửi"
    # the chat is told (the officer's Telegram id), the supervisors' notice is queued as the chat queues it
    assert w.told and w.told[0][0] == 101 and "(gửi từ trang web)" in w.told[0][1]
    async with w.db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(w.world.units["00004"], w.world.period)
        assert sub.status == "submitted" and sub.submitted_by == w.world.officer
        from sqlalchemy import select

        from storage.models import NotifyQueue
        notes = (await s.execute(select(NotifyQueue))).scalars().all()
    assert any("Phường Ba Đình đã gửi báo cáo" in n.text and n.account_id == w.world.supervisor for n in notes)


async def test_biểu_8b_named_rows_are_parsed_like_the_chat_and_totals_come_back(w):
    b = await w.signed_in(w.world.officer)
    items = [{"label": "Trường THPT Phan Đình Phùng", "so_co_cau": "5", "kq_so_co_cau": "4", "tu_chu_tx": "1"},
             {"label": "Trường THPT Nguyễn Trãi", "so_co_cau": "1.200"},
             {"label": "", "so_co_cau": "bốn"},
             {}]
    r, res = await b.post(save_url(w), {"key": "bieu_8b", "op": "group", "row": "gd_thpt", "items": items})
    assert res["ok"]
    assert res["item_errors"] == {"2.label": "Thiếu tên ở ô đầu tiên.",
                                  "2.so_co_cau": "Cột «Số lượng cơ cấu tổ chức bên trong của ĐVSNCL, doanh nghiệp»: "
                                                 "«bốn» không phải là một số. Hãy gõ chữ số. Ví dụ: 12 hoặc 1.234."}
    assert res["grid"]["gd_thpt"]["so_co_cau"] == 1205 and res["grid"]["giao_duc"]["so_co_cau"] == 1205
    assert res["grid"]["tong"]["so_co_cau"] == 1205 and res["grid"]["tong"]["tu_chu_tx"] == 1
    r, res = await b.post(save_url(w), {"key": "bieu_8b", "op": "group", "row": "khoi_dang",
                                        "items": [{"label": "Trung tâm Chính trị", "so_co_cau": "3"}]})
    assert res["grid"]["tong"]["so_co_cau"] == 1208
    stored = (await w.answers("00004"))["bieu_8b"]
    assert [i["label"] for i in stored["items"]["gd_thpt"]] == ["Trường THPT Phan Đình Phùng", "Trường THPT Nguyễn Trãi"]
    assert stored["items"]["gd_thpt"][1] == {"label": "Trường THPT Nguyễn Trãi", "so_co_cau": 1200}
    # a computed (group) row takes no input
    r, res = await b.post(save_url(w), {"key": "bieu_8b", "op": "group", "row": "giao_duc", "items": []})
    assert r.status == 422 and "không thêm dòng" in res["error"]
    # the page shows the stored rows back in the grid
    _, text = await b.get(f"/web/form?period={w.world.period}")
    assert 'value="Trường THPT Nguyễn Trãi"' in text and 'value="1.200"' in text


async def test_a_biểu_cell_by_cell_merges_two_peoples_cells(w):
    a = await w.signed_in(w.world.officer)
    c = await w.signed_in(w.world.officer2)
    q = w.services.catalogue.get(OUTLINE).question("bieu_13b")
    row = next(r.key for r in q.table.rows if r.asked)
    cols = [x.key for x in q.table.input_columns][:2]
    r1 = (await a.post(save_url(w), {"key": "bieu_13b", "op": "cell", "row": row, "col": cols[0], "text": "12"}))[1]
    r2 = (await c.post(save_url(w), {"key": "bieu_13b", "op": "cell", "row": row, "col": cols[1], "text": "7", "base": 0}))[1]
    assert r1["ok"] and r2["ok"]
    assert (await w.answers("00004"))["bieu_13b"]["rows"][row] == {cols[0]: 12, cols[1]: 7}
    assert "Trần Thị Bình" not in (r2["conflict"] or "") and "Nguyễn Văn An" in r2["conflict"]
    r, res = await a.post(save_url(w), {"key": "bieu_13b", "op": "cell", "row": row, "col": cols[0], "text": "x1"})
    assert r.status == 422 and res["error"].startswith(f"❗ Ô «{q.table.column(cols[0]).label}»:")


async def test_who_changed_what_when_two_people_edit_the_same_report(w):
    a = await w.signed_in(w.world.officer)
    _, page = await a.get(f"/web/form?period={w.world.period}")
    rev = int(re.search(r'data-rev="(\d+)"', page).group(1))
    c = await w.signed_in(w.world.officer2)
    assert (await c.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "55", "base": 0}))[1]["ok"]
    r, res = await a.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "56", "base": 0})
    assert res["ok"] and "Trần Thị Bình đã sửa câu này lúc" in res["conflict"] and "(qua trang web)" in res["conflict"]
    _, ch = await a.get(f"/web/api/changes?period={w.world.period}&after={rev}")
    changes = json.loads(ch)["changes"]
    assert len(changes) == 1 and changes[0]["key"] == "iii_nv_tong" and "Trần Thị Bình đã sửa câu III" in changes[0]["text"]
    assert "55 nhiệm vụ" in changes[0]["text"]


async def test_a_list_is_added_to_and_removed_from_like_the_chat(w):
    b = await w.signed_in(w.world.ministry_officer, w.world.weekly)
    items = [{"ten": "Rà soát thủ tục", "van_ban_giao": "KL 178", "thoi_gian": "1/11/2026"},
             {"van_ban_giao": "KL 179"},
             {"ten": "Sửa luật", "thoi_gian": "32/11/2026"}]
    r, res = await b.post(save_url(w, w.world.weekly), {"key": "kl_ds_hoan_thanh", "op": "list", "items": items})
    assert res["ok"] and set(res["item_errors"]) == {"1.ten", "2.thoi_gian"}
    assert res["item_errors"]["1.ten"].startswith("Thiếu «Tên nhiệm vụ».")
    stored = (await w.answers("BTP", w.world.weekly))["kl_ds_hoan_thanh"]
    assert stored == [{"ten": "Rà soát thủ tục", "van_ban_giao": "KL 178", "thoi_gian": "2026-11-01"}]
    r, res = await b.post(save_url(w, w.world.weekly), {"key": "kl_ds_hoan_thanh", "op": "list", "items": []})
    assert res["ok"] and (await w.answers("BTP", w.world.weekly))["kl_ds_hoan_thanh"] == []
    # «Không có» where the outline allows it; «Giữ như kỳ trước» only when there is a last period's answer
    r, res = await b.post(save_url(w, w.world.weekly), {"key": "kl_nv_tong", "op": "none"})
    assert res["ok"] and (await w.answers("BTP", w.world.weekly))["kl_nv_tong"] == 0
    r, res = await b.post(save_url(w, w.world.weekly), {"key": "kl_nv_tong", "op": "keep"})
    assert r.status == 422 and "Không có câu trả lời tuần trước" in res["error"]


async def test_an_approved_report_is_read_only(w):
    b = await w.signed_in(w.world.officer)
    await submit_and_approve(w)
    _, text = await b.get(f"/web/form?period={w.world.period}")
    assert "🔒 Chỉ xem." in text and "đã được duyệt" in text and 'id="submit"' not in text
    assert 'data-csrf=""' in text and re.search(r'id="in-iii_nv_tong"[^>]*disabled', text)
    r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "3"})
    assert r.status == 422 and "đã được duyệt" in res["error"]


# --------------------------------------------------------------------------- ways in


async def test_mini_app_init_data_signed_by_telegram_opens_a_session(w):
    b = w.browser()
    r, text = await b.get("/web/app")
    assert r.status == 200 and 'data-page="miniapp"' in text
    now = int(w.clock().timestamp())
    good = make_init_data(TOKEN, {"id": 101, "first_name": "An"}, auth_date=now - 60)
    r, res = await b.post("/web/tg", {"init_data": good}, csrf="")
    assert r.status == 200 and res == {"ok": True, "next": "/web/form"}
    r, text = await b.get("/web/form")
    assert r.status == 200 and "Phường Ba Đình" in text
    # the supervisor lands on the progress page
    s = w.browser()
    r, res = await s.post("/web/tg", {"init_data": make_init_data(TOKEN, {"id": 800, "first_name": "S"}, auth_date=now)},
                          csrf="")
    assert res["next"] == "/web/progress"


@pytest.mark.parametrize("case", ["forged", "stale", "stranger", "no-user", "tampered"])
async def test_mini_app_refuses_forged_stale_or_unknown_init_data(w, case):
    now = int(w.clock().timestamp())
    data = {
        "forged": make_init_data("999:OTHER-BOT", {"id": 101, "first_name": "An"}, auth_date=now),
        "stale": make_init_data(TOKEN, {"id": 101, "first_name": "An"}, auth_date=now - 2 * 3600),
        "stranger": make_init_data(TOKEN, {"id": 555, "first_name": "Lạ"}, auth_date=now),
        "no-user": make_init_data(TOKEN, {}, auth_date=now).replace("user=%7B%7D&", ""),
        "tampered": make_init_data(TOKEN, {"id": 102, "first_name": "Bình"}, auth_date=now).replace("102", "101"),
    }[case]
    b = w.browser()
    r, res = await b.post("/web/tg", {"init_data": data}, csrf="")
    assert r.status == 403 and not res["ok"] and "bc_web" not in {c.key for c in b.http.cookie_jar}
    assert (await b.get("/web/form"))[0].status == 401


async def test_expired_tampered_and_revoked_links_are_refused(w):
    url = await w.link(w.world.officer, w.world.period, hours=1)
    token = url.rsplit("/", 1)[1]
    body, mac = token.split(".")
    import base64
    import json
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["a"] = w.world.other_officer  # someone else's account, same signature
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode() + "." + mac
    for bad in (f"/web/l/{forged}", f"/web/l/{body}.{mac[:-2]}xx", "/web/l/abc"):
        r, text = await w.browser().get(bad)
        assert r.status == 403 and "Đường dẫn không dùng được" in text
    b = w.browser()
    assert (await b.get(url))[0].status == 200
    w.clock.advance(hours=2)  # the link (and the session it opened) expire
    assert (await w.browser().get(url))[0].status == 403
    assert (await b.get(f"/web/form?period={w.world.period}"))[0].status == 401
    w.clock.advance(hours=-2)
    # revoked: the link no longer opens, and the session it opened ends
    b2 = w.browser()
    url2 = await w.link(w.world.officer, w.world.period)
    assert (await b2.get(url2))[0].status == 200
    async with w.db.session() as s:
        n = await Repo(s).web.revoke_web_links(account_id=w.world.officer)
        await s.commit()
    assert n == 2
    assert (await w.browser().get(url2))[0].status == 403
    r, res = await b2.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1"})
    assert r.status == 401 and not res["ok"]


async def test_a_link_is_bound_to_its_period_and_an_officer_sees_only_the_own_unit(w):
    b = await w.signed_in(w.world.officer)
    r, text = await b.get(f"/web/form?period={w.world.weekly}")
    assert r.status == 403 and "chỉ dùng cho một kỳ" in text
    r, text = await b.get(f"/web/unit/{w.world.units['00100']}?period={w.world.period}")
    assert r.status == 403
    r, text = await b.get(f"/web/api/changes?period={w.world.period}&unit={w.world.units['00100']}")
    assert r.status == 403
    r, res = await b.post(save_url(w), {"key": "kl_nv_tong", "op": "set", "text": "1"})  # another outline's key
    assert not res["ok"] and "không có trong báo cáo" in res["error"]
    assert (await b.get("/web/progress"))[0].status == 403
    assert (await b.get(f"/web/export/{w.world.period}/docx"))[0].status == 403
    # the other commune's officer, by Mini App (no period bound): not the Ba Đình report either
    o = w.browser()
    init = make_init_data(TOKEN, {"id": 201, "first_name": "Dũng"}, auth_date=int(w.clock().timestamp()))
    assert (await o.post("/web/tg", {"init_data": init}, csrf=""))[1]["ok"]
    r, text = await o.get("/web/form")
    assert "Xã Lũng Cú" in text and "Phường Ba Đình" not in text


def _secured(r) -> bool:
    return ("default-src 'none'" in r.headers.get("Content-Security-Policy", "")
            and r.headers.get("X-Content-Type-Options") == "nosniff" and r.headers.get("Cache-Control") == "no-store")


async def test_every_answer_of_the_web_form_carries_the_security_headers(w):
    """Every route is guarded (its body bounded, its time in Server-Timing); the security headers are put on every
    answer as it is prepared: a save, a refusal, a body too big, aiohttp's own 404 and 405."""
    from aiohttp import web

    from bot.web.server import WEB

    routes = [r for r in w.app.router.routes() if not isinstance(r.resource, web.StaticResource)]
    assert routes and all(getattr(r.handler, "web_guarded", False) for r in routes), routes
    b = await w.signed_in(w.world.officer)
    r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1"})
    assert r.status == 200 and _secured(r) and r.headers["Server-Timing"].startswith("app;dur=")
    assert r.headers["Referrer-Policy"] == "no-referrer" and "Strict-Transport-Security" not in r.headers
    r, _ = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1"}, csrf="forged")
    assert r.status == 403 and _secured(r)
    r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1" * 400_000})
    assert r.status == 413 and _secured(r) and "quá lớn" in res["error"]
    for method, path, status in (("GET", "/web/nowhere", 404), ("GET", save_url(w), 405), ("PUT", "/web/form", 405)):
        async with b.http.request(method, b.url(path)) as r:
            assert r.status == status and _secured(r), (method, path, r.status)
    r, _ = await b.get("/web/static/form.js")
    assert r.headers["Cache-Control"] == "public, max-age=3600" and r.headers["X-Content-Type-Options"] == "nosniff"
    w.app[WEB].secure = True  # served over https: HSTS too
    r, _ = await b.get("/web/form")
    assert r.headers["Strict-Transport-Security"] == "max-age=31536000" and _secured(r)


async def test_writes_need_csrf_a_fresh_request_id_a_small_body_and_a_sane_rate(w):
    b = await w.signed_in(w.world.officer)
    r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1"}, csrf="forged")
    assert r.status == 403 and "Tải lại trang" in res["error"]
    r, _ = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1"}, rid="replayed-0001")
    assert r.status == 200
    r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1"}, rid="replayed-0001")
    assert r.status == 409 and "gửi lặp lại" in res["error"]
    r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1" * 400_000})
    assert r.status == 413
    r, _ = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "2"},
                        headers={"Origin": "https://evil.example"})
    assert r.status == 403
    burst = w.app[WEB].limits["save"][1]
    w.app[WEB].limits["save"] = (0.5, burst)  # the real burst, a slow refill: a loaded machine's slow saves still run out
    codes = [(await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": str(i)}))[0].status
             for i in range(int(burst) + 20)]
    assert 429 in codes and codes[0] == 200


async def test_saves_at_once_share_a_transaction_and_a_failing_one_fails_alone(w):
    await w.signed_in(w.world.officer)  # the form opened: the submission exists
    async with w.db.read_session() as s:
        sub_id = (await Repo(s).submissions.find_submission(w.world.units["00004"], w.world.period)).id
    writer = web_state(w).writer

    def put(key: str, value: int):
        return lambda repo: repo.submissions.set_answer(sub_id, key, value, by=w.world.officer, via="web")

    async def broken(repo: Repo) -> None:
        await repo.submissions.set_answer(sub_id, "iii_nv_tong", 999, via="web")
        raise RuntimeError("broken save")

    before = writer.batches
    assert await asyncio.gather(*(writer.run(1, put(k, 7)) for k in ("iii_nv_tong", "iii_nv_da_th", "iii_nv_chua_th")))
    assert writer.batches == before + 1  # three saves, one transaction
    res = await asyncio.gather(writer.run(1, put("iii_nv_tong", 5)), writer.run(1, broken),
                               writer.run(1, put("iii_nv_da_th", 3)), return_exceptions=True)
    assert isinstance(res[1], RuntimeError) and res[0] == 2 and res[2] == 2  # each answer's second version
    stored = await w.answers("00004")
    assert (stored["iii_nv_tong"], stored["iii_nv_da_th"], stored["iii_nv_chua_th"]) == (5, 3, 7)


async def test_the_next_save_sees_what_another_process_the_chat_or_a_supervisor_changed_meanwhile(w, db, db_url):
    """A process keeps a session's report between its saves (bot/web/cache.py); each save's one statement tells it
    when something changed elsewhere: another process's save, the chat's answer, an approval, a deactivated account."""
    two = await Web(db, db_url, w.world, w.clock).start()  # a second process behind nginx: a cache of its own
    try:
        a = await w.signed_in(w.world.officer)
        for key, text in (("iii_nv_tong", "10"), ("iii_nv_da_th", "8")):
            assert (await a.post(save_url(w), {"key": key, "op": "set", "text": text}))[1]["ok"]
        # the other process raises the total: the first one checks the rule against 20, not the 10 it saved itself
        assert await post_to(a, two, save_url(two), {"key": "iii_nv_tong", "op": "set", "text": "20"}, "at-two-0001") == 200
        r, res = await a.post(save_url(w), {"key": "iii_nv_chua_th", "op": "set", "text": "5"})
        assert res["ok"] and res["warnings"] == []
        # the chat changes an answer: the next web save checks the rule with it
        async with w.db.session() as s:
            repo = Repo(s)
            sub = await repo.submissions.find_submission(w.world.units["00004"], w.world.period)
            await repo.submissions.set_answer(sub.id, "iii_nv_da_th", 18, num=18, by=w.world.officer2, via="bot")
            await s.commit()
        r, res = await a.post(save_url(w), {"key": "iii_nv_chua_th", "op": "set", "text": "4", "base": 1})
        assert res["ok"] and res["warnings"] == [RULE_III] and res["version"] == 2
        r, res = await a.post(save_url(w), {"key": "iii_nv_da_th", "op": "set", "text": "9", "base": 1})
        assert "Trần Thị Bình đã sửa câu này" in res["conflict"] and "(qua Telegram)" in res["conflict"]
        # a supervisor approves: the next save is refused with the chat's words
        await submit_and_approve(w)
        r, res = await a.post(save_url(w), {"key": "iii_nv_chua_th", "op": "set", "text": "1"})
        assert r.status == 422 and "đã được duyệt" in res["error"]
        # the account is deactivated: the session ends
        async with w.db.session() as s:
            repo = Repo(s)
            (await repo.accounts.account(w.world.officer)).active = False
            await s.commit()
        r, res = await a.post(save_url(w), {"key": "iii_nv_chua_th", "op": "set", "text": "1"})
        assert r.status == 401 and "Phiên làm việc đã hết hạn" in res["error"]
        assert (await w.answers("00004"))["iii_nv_chua_th"] == 4
    finally:
        await two.close()


async def test_opening_the_form_readies_the_first_save_which_still_sees_a_change_made_after_it(w):
    """The form's opening fills the process's save cache (bot/web/service.py::prime_saves); the first save's probe
    still tells it that the chat answered meanwhile."""
    cache = web_state(w).writer.cache
    a = await w.signed_in(w.world.officer)
    assert [k for k in cache.contexts if k[0] == w.world.officer]  # ready before any save
    async with w.db.session() as s:  # the chat answers the total after the page was opened
        repo = Repo(s)
        sub = await repo.submissions.find_submission(w.world.units["00004"], w.world.period)
        await repo.submissions.set_answer(sub.id, "iii_nv_tong", 10, num=10, by=w.world.officer2, via="bot")
        await s.commit()
    assert (await a.post(save_url(w), {"key": "iii_nv_da_th", "op": "set", "text": "8"}))[1]["ok"]
    r, res = await a.post(save_url(w), {"key": "iii_nv_chua_th", "op": "set", "text": "5"})
    assert res["ok"] and res["warnings"] == [RULE_III]  # 8 + 5 > the chat's 10


# --------------------------------------------------------------------------- live updates, shared limits, proxies


async def watch(b: Browser, w: Web, **headers: str):
    r = await b.http.get(b.url(f"/web/api/events?period={w.world.period}&after=0"), headers=headers)
    assert r.status == 200 and r.headers["Content-Type"].startswith("text/event-stream")
    assert r.headers["X-Accel-Buffering"] == "no" and "default-src 'none'" in r.headers["Content-Security-Policy"]
    return r


async def test_a_save_reaches_the_other_page_on_the_same_report_as_a_server_sent_event(w):
    a = await w.signed_in(w.world.officer)
    c = await w.signed_in(w.world.officer2)
    stream = await watch(a, w)
    assert (await a.post(save_url(w), {"key": "iii_nv_da_th", "op": "set", "text": "3"}))[1]["ok"]  # own: not shown
    assert (await c.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "55"}))[1]["ok"]
    [ev] = await read_events(stream, 1)
    change = json.loads(ev["data"])
    assert ev["event"] == "change" and int(ev["id"]) == change["id"] and change["key"] == "iii_nv_tong"
    assert "Trần Thị Bình đã sửa câu III" in change["text"] and "55 nhiệm vụ" in change["text"]
    stream.close()
    # the browser reconnects with Last-Event-ID: only what came after it
    assert (await c.post(save_url(w), {"key": "iii_nv_chua_th", "op": "set", "text": "7"}))[1]["ok"]
    again = await watch(a, w, **{"Last-Event-ID": ev["id"]})
    [ev2] = await read_events(again, 1)
    assert json.loads(ev2["data"])["key"] == "iii_nv_chua_th" and int(ev2["id"]) > int(ev["id"])
    async with w.db.session() as s:  # the link revoked: the open stream shows nothing more and ends
        await Repo(s).web.revoke_web_links(account_id=w.world.officer)
        await s.commit()
    assert (await c.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "56"}))[1]["ok"]
    assert await read_events(again, 1) == []
    again.close()


async def test_another_units_stream_is_refused(w):
    b = await w.signed_in(w.world.officer)
    r = await b.http.get(b.url(f"/web/api/events?period={w.world.period}&unit={w.world.units['00100']}"))
    assert r.status == 403 and "không có quyền" in (await r.json())["error"]
    anon = w.browser()
    r = await anon.http.get(anon.url(f"/web/api/events?period={w.world.period}"))
    assert r.status == 401


@pytest.mark.parametrize("trusted, shared_bucket", [("127.0.0.1,::1", False), ("10.9.8.7/32", True)])
async def test_forwarded_addresses_are_believed_only_from_a_trusted_proxy(db, db_url, tmp_path, trusted, shared_bucket):
    env = await Web(db, db_url, await build_world(db, tmp_path), Clock(), web_trusted_proxies=trusted).start()
    try:
        env.app[WEB].limits["gate"] = (0.001, 2)  # two openings per address, then wait
        b = env.browser()
        codes = [(await b.get("/web/l/not-a-token", headers={"X-Real-IP": f"203.0.113.{i}"}))[0].status
                 for i in range(4)]
        assert codes == ([403, 403, 429, 429] if shared_bucket else [403] * 4)
        r, _ = await b.get("/web/l/not-a-token", headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.50"})
        assert r.status == (429 if shared_bucket else 403)
    finally:
        await env.close()


REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
async def two_processes(db, db_url, tmp_path):
    """Two web servers over one database and one Redis (own key prefix), as two bot processes behind nginx."""
    r = await redis_or_skip(REDIS_URL)
    prefix = f"h24test:{secrets.token_hex(4)}"
    clock = Clock()
    clock.t = clock.t.replace(year=2026, month=12, day=6)
    world = await build_world(db, tmp_path)
    one = await Web(db, db_url, world, clock, redis_url=REDIS_URL, redis_prefix=prefix).start()
    two = await Web(db, db_url, world, clock, redis_url=REDIS_URL, redis_prefix=prefix).start()
    yield one, two
    await one.close()
    await two.close()
    keys = [k async for k in r.scan_iter(match=f"{prefix}:*")]
    if keys:
        await r.delete(*keys)
    await r.aclose()


def web_state(env: Web):
    return env.app[WEB]


async def post_to(b: Browser, env: Web, path: str, body: dict, rid: str):
    r = await b.http.post(env.server.make_url(path), json=body, headers={"X-CSRF-Token": b.csrf, "X-Request-Id": rid})
    return r.status


async def test_with_redis_replays_and_rates_are_shared_by_the_processes(two_processes):
    one, two = two_processes
    assert web_state(one).store.shared and web_state(two).store.shared
    for env in (one, two):
        web_state(env).limits["save"] = (0.001, 4)  # an account's budget: four writes, then wait
    b = await one.signed_in(one.world.officer)
    body = {"key": "iii_nv_tong", "op": "set", "text": "5"}
    assert await post_to(b, one, save_url(one), body, "same-request-1") == 200
    assert await post_to(b, two, save_url(two), body, "same-request-1") == 409  # replayed at the other process
    codes = [await post_to(b, env, save_url(one), body, f"request-{i:04d}") for i, env in enumerate((two, one, two))]
    assert codes == [200, 200, 429]  # the budget spent across both processes


async def test_with_redis_a_save_in_one_process_reaches_a_page_streaming_from_another(two_processes):
    one, two = two_processes
    a = await one.signed_in(one.world.officer)
    c = await one.signed_in(one.world.officer2)
    r = await a.http.get(two.server.make_url(f"/web/api/events?period={one.world.period}&after=0"))
    assert r.status == 200
    assert await post_to(c, one, save_url(one), {"key": "iii_nv_tong", "op": "set", "text": "42"}, "from-c-0001") == 200
    [ev] = await read_events(r, 1)
    assert json.loads(ev["data"])["key"] == "iii_nv_tong" and "42 nhiệm vụ" in json.loads(ev["data"])["text"]
    r.close()


async def test_with_redis_the_notices_of_one_moment_go_as_one_message_and_each_reaches_its_pages():
    from bot.web.shared import RedisStore

    r = await redis_or_skip(REDIS_URL)
    prefix = f"h24test:{secrets.token_hex(4)}"
    sender, receiver = RedisStore(REDIS_URL, prefix), RedisStore(REDIS_URL, prefix)
    raw = r.pubsub()
    try:
        await raw.subscribe(f"{prefix}:changed")
        await raw.get_message(timeout=2.0)
        async with receiver.listen(5) as q5, receiver.listen(6) as q6:
            await asyncio.gather(*(sender.publish(5 if i % 2 else 6, {"by": i}) for i in range(20)))
            msg = await raw.get_message(ignore_subscribe_messages=True, timeout=2.0)
            assert len(json.loads(msg["data"])) == 20  # one message for the twenty saves of a batch
            assert await raw.get_message(ignore_subscribe_messages=True, timeout=0.2) is None
            for _ in range(50):
                if q5.qsize() == q6.qsize() == 10:
                    break
                await asyncio.sleep(0.05)
            assert q5.qsize() == q6.qsize() == 10 and q5.get_nowait() == {"by": 1, "sub": 5}
    finally:
        await raw.aclose()
        await sender.close()
        await receiver.close()
        await r.aclose()


async def test_on_postgresql_without_redis_a_save_in_one_process_reaches_a_page_streaming_from_another(db, db_url,
                                                                                                     tmp_path):
    """No REDIS_URL, two processes over one PostgreSQL database: the notice goes through LISTEN/NOTIFY, so the other
    process's page hears it at once (not at its next periodic look, 15 s later)."""
    from bot.web import pages
    from bot.web.pg_notices import PgNoticeStore

    if not db_url.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's: on SQLite the pages look at the database every 15 s")
    clock = Clock()
    clock.t = clock.t.replace(year=2026, month=12, day=6)
    world = await build_world(db, tmp_path)
    one = await Web(db, db_url, world, clock).start()
    two = await Web(db, db_url, world, clock).start()
    try:
        assert isinstance(web_state(two).store, PgNoticeStore) and not web_state(two).store.shared
        assert pages.HEARTBEAT >= 10  # the answer below comes from the notice, not from the periodic look
        a = await one.signed_in(one.world.officer)
        c = await one.signed_in(one.world.officer2)
        r = await a.http.get(two.server.make_url(f"/web/api/events?period={one.world.period}&after=0"))
        assert r.status == 200
        body = {"key": "iii_nv_tong", "op": "set", "text": "42"}
        assert await post_to(c, one, save_url(one), body, "from-c-pg-0001") == 200
        [ev] = await asyncio.wait_for(read_events(r, 1), 5)
        assert json.loads(ev["data"])["key"] == "iii_nv_tong" and "42 nhiệm vụ" in json.loads(ev["data"])["text"]
        r.close()
    finally:
        await one.close()
        await two.close()


async def test_on_postgresql_the_notices_of_one_moment_go_as_one_notify_and_each_reaches_its_pages(db_url):
    import asyncpg

    from bot.web.pg_notices import PgNoticeStore, asyncpg_dsn

    if not db_url.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    prefix = f"h25test:{secrets.token_hex(4)}"
    sender, receiver = PgNoticeStore(db_url, prefix), PgNoticeStore(db_url, prefix)
    raw = await asyncpg.connect(asyncpg_dsn(db_url))
    heard: list[str] = []
    await raw.add_listener(sender.channel, lambda *a: heard.append(a[3]))
    try:
        async with receiver.listen(5) as q5, receiver.listen(6) as q6:
            await asyncio.gather(*(sender.publish(5 if i % 2 else 6, {"by": i}) for i in range(20)))
            for _ in range(100):
                if q5.qsize() == q6.qsize() == 10 and heard:
                    break
                await asyncio.sleep(0.05)
            assert len(heard) == 1 and len(json.loads(heard[0])) == 20  # one NOTIFY for the twenty saves
            assert q5.qsize() == q6.qsize() == 10 and q5.get_nowait() == {"by": 1, "sub": 5}
    finally:
        await raw.close()
        await sender.close()
        await receiver.close()


def test_postgresql_notices_fit_the_payload_limit_and_name_a_valid_channel():
    from bot.web.pg_notices import asyncpg_dsn, channel_name, chunks

    batch = [(i % 7, {"by": 1000 + i}) for i in range(400)]
    parts = chunks(batch, limit=1000)
    assert len(parts) > 1 and all(len(p) <= 1000 for p in parts)
    back = [n for p in parts for n in json.loads(p)]
    assert back == [{"by": n["by"], "sub": sid} for sid, n in batch]  # every notice once, in order
    assert chunks([]) == []
    name = channel_name("Baocao:send:web-" + "x" * 80)
    assert len(name) <= 63 and name.replace("_", "").isalnum() and name.isascii() and name.startswith("baocao_")
    assert asyncpg_dsn("postgresql+asyncpg://u:p%40w@db:5433/bc") == "postgresql://u:p%40w@db:5433/bc"


async def test_when_redis_fails_the_process_keeps_its_own_limits_and_memory():
    from bot.web.shared import RedisStore

    store = RedisStore("redis://127.0.0.1:1/0", "h24test:down")  # nothing listens there
    try:
        assert await store.allow("save", "7", 0.001, 1) and not await store.allow("save", "7", 0.001, 1)
        assert await store.first_time("sid", "request-1") and not await store.first_time("sid", "request-1")
        assert await store.write_check("8", 0.001, 2, "sid", "request-2") is None
        assert await store.write_check("8", 0.001, 2, "sid", "request-2") == "seen"
        assert await store.write_check("8", 0.001, 2, "sid", "request-3") == "rate"
        async with store.hub.listen(9) as q:
            await store.publish(9, {"by": 1})
            assert q.get_nowait() == {"by": 1}
    finally:
        await store.close()


# --------------------------------------------------------------------------- the supervisor's page


async def test_progress_page_view_a_unit_and_download_the_consolidation(w):
    o = await w.signed_in(w.world.officer)
    for key, text in (("iii_nv_tong", "40"), ("iii_nv_da_th", "31"), ("iii_nv_chua_th", "9")):
        assert (await o.post(save_url(w), {"key": key, "op": "set", "text": text}))[1]["ok"]
    await o.post(save_url(w), {"key": "bieu_8b", "op": "group", "row": "gd_thpt",
                               "items": [{"label": "Trường THPT Phan Đình Phùng", "so_co_cau": "5"}]})
    assert (await o.post(f"/web/api/submit?period={w.world.period}"))[1]["ok"]
    s = await w.signed_in(w.world.supervisor)
    r, text = await s.get(f"/web/progress?period={w.world.period}")
    assert r.status == 200 and "Đã nộp 1/3" in text and "Phường Ngọc Hà" in text and "Xã Lũng Cú" not in text
    assert f'/web/unit/{w.world.units["00004"]}?period={w.world.period}' in text
    r, text = await s.get(f"/web/unit/{w.world.units['00004']}?period={w.world.period}")
    assert r.status == 200 and "🔒 Chỉ xem." in text and 'value="40"' in text and 'data-csrf=""' in text
    r = await s.http.get(s.url(f"/web/export/{w.world.period}/xlsx"))
    data = await r.read()
    assert r.status == 200 and "attachment" in r.headers["Content-Disposition"]
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cells = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
    assert any("Trường THPT Phan Đình Phùng (Phường Ba Đình)" in v for v in cells) and "31" in cells
    r = await s.http.get(s.url(f"/web/export/{w.world.period}/docx"))
    import docx
    doc = docx.Document(io.BytesIO(await r.read()))
    text = "\n".join(p.text for p in doc.paragraphs) + "".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert r.status == 200 and "31" in text
    # the other province's supervisor sees none of it
    x = await w.signed_in(w.world.other_supervisor)
    assert (await x.get(f"/web/unit/{w.world.units['00004']}?period={w.world.period}"))[0].status == 403
    r, text = await x.get(f"/web/progress?period={w.world.period}&scope={w.world.units['01']}")
    assert r.status == 403
    r, text = await x.get(f"/web/progress?period={w.world.period}")
    assert "Xã Lũng Cú" in text and "Phường Ba Đình" not in text
    assert (await x.get(f"/web/export/{w.world.period}/xlsx?scope={w.world.units['01']}"))[0].status == 403


async def test_no_session_gets_a_vietnamese_explanation(w):
    b = w.browser()
    r, text = await b.get("/web/form")
    assert r.status == 401 and "Phiên làm việc đã hết hạn" in text
    r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1"})
    assert r.status == 401 and "Phiên làm việc" in res["error"]


# --------------------------------------------------------------------------- the bot's /web and `baocao link`


async def test_web_command_gives_the_mini_app_button_and_a_signed_link(db, db_url, tmp_path):
    from tests.support.harness import Harness

    world = await build_world(db, tmp_path)
    h = await Harness(db, db_url, web_base_url="https://bc.example.vn").start()
    u = h.user(101, "An")
    got = await h.say(u, "/web")
    msg = h.api.messages(101)[-1]
    assert "Sơ kết 1 năm" in got[-1] and "Năm 2026" in got[-1] and "72 giờ" in got[-1]
    buttons = [b for row in msg.buttons for b in row]
    assert buttons[0]["text"] == "📝 Điền trên web" and buttons[0]["web_app"]["url"] == "https://bc.example.vn/web/app"
    link = buttons[1]["url"]
    assert link.startswith("https://bc.example.vn/web/l/") and link in got[-1]
    # the link opens this officer's report (same key: derived from the same bot token)
    env = await Web(db, db_url, world, Clock(h.clock())).start()
    try:
        b = env.browser()
        r, text = await b.get(link.replace("https://bc.example.vn", ""))
        assert r.status == 200 and "Phường Ba Đình" in text
    finally:
        await env.close()
    # without WEB_BASE_URL the bot says the page is not enabled and what to do instead
    h2 = await Harness(db, db_url).start()
    got = await h2.say(h2.user(102, "Bình"), "/web")
    assert "chưa được bật" in got[-1] and "/baocao" in got[-1]


async def test_baocao_link_for_a_unit_without_officers_then_revoked(w, capsys):
    import argparse
    import json

    from bot.cli.link import cmd_link, register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    st = w.settings
    assert await cmd_link(parser.parse_args(["link", "00008", "--name", "Lê Văn Cường", "--json"]), st) == 0
    printed = json.loads(capsys.readouterr().out)
    assert len(printed) == 1 and printed[0]["name"] == "Lê Văn Cường" and printed[0]["account"] < 0
    assert printed[0]["period"] == w.world.period
    async with w.db.read_session() as s:
        acc = await Repo(s).accounts.account_by_tg(printed[0]["account"])
    assert acc.blocked and acc.role == "officer"  # no Telegram message is ever tried for it
    b = w.browser()
    path = printed[0]["url"].replace("http://bc.example.vn", "")
    r, text = await b.get(path)
    assert r.status == 200 and "Phường Ngọc Hà" in text and "Lê Văn Cường" in text
    assert await cmd_link(parser.parse_args(["link", "00008", "--revoke", "all"]), st) == 0
    assert "Đã thu hồi 1 đường dẫn" in capsys.readouterr().out
    assert (await w.browser().get(path))[0].status == 403
    assert (await b.get(f"/web/form?period={w.world.period}"))[0].status == 401
    assert await cmd_link(parser.parse_args(["link", "khong-co"]), st) == 2
    assert "Không có người dùng hay đơn vị" in capsys.readouterr().err
