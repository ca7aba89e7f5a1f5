"""The province edits its report upward outside the chat (issue 26): it downloads the drafted report as the /mau
.xlsx and as a .docx, edits the narrative and a choice, sends the file back to the bot (through the real Dispatcher)
and gets the same confirm step; carried figures in the file are not read. And it edits the same report in the web
form, whose carried figures are refused and whose «Gửi» sends it upward and locks it."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import openpyxl
import pytest
from aiohttp import ClientSession, CookieJar, web
from aiohttp.test_utils import TestServer
from docx import Document

from bot.web.server import mount
from tests.support.harness import Clock, Harness
from tests.support.upward import ANSWERS, REGIME_DIR, TZ, answer, expected, province_answers, setup

pytestmark = pytest.mark.db
NEW_TEXT = "Tỉnh đánh giá: 3/3 xã hoàn thành kế hoạch tháng 2."


async def _an_giang(db, db_url, **settings) -> tuple[Harness, dict]:
    info = await setup(db)
    clock = Clock(datetime(2026, 2, 23, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock, outlines_dir=str(REGIME_DIR), **settings).start()
    for j in range(3):
        await answer(h, 700 + j, ANSWERS[("91", j)], send=True)
    await h.say(h.user(810, "Văn phòng An Giang"), "/baocaolen")
    return h, info


async def _files(h: Harness, ag) -> dict[str, bytes]:
    before = len(h.api.messages(810))
    await h.press(ag, "Tải tệp để sửa")
    docs = [m.document for m in h.api.messages(810)[before:] if m.document]
    return {name.rsplit(".", 1)[1]: data for name, data in docs}


async def _send(h: Harness, user, name: str, data: bytes) -> str:
    before = len(h.api.messages(user.id))
    await user.send_document(name, data)
    await h.flush()
    return "\n".join(m.text for m in h.api.messages(user.id)[before:])


def _edit_docx(data: bytes) -> bytes:
    """Word's edit: the narrative under I.4 rewritten, the choice under II.1 changed, a carried figure changed."""
    doc = Document(io.BytesIO(data))
    paras = doc.paragraphs
    heads = {p.text: i for i, p in enumerate(paras)}
    i4 = heads["I.4 Đánh giá chung tình hình trong tháng"]
    assert paras[i4 + 1].text == "(tỉnh sửa)"  # the hint, then the drafted text: rewritten, the rest of it deleted
    paras[i4 + 2].text = NEW_TEXT
    for p in paras[i4 + 3:]:
        if p.style.name.startswith("Heading"):
            break
        p.text = ""
    paras[heads["II.1 Đã kiện toàn Ban chỉ đạo chuyển đổi số của xã chưa?"] + 2].text = "Không"
    paras[heads["I.1 Số hộ nghèo được hỗ trợ trong tháng"] + 2].text = "999 hộ"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _edit_xlsx(data: bytes, old_text: str, new_text: str, households: int) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    hits = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value == old_text:
                    c.value, hits = new_text, hits + 1
                elif c.value == households and c.column > 1:
                    c.value = 999  # a carried figure: not read back
    assert hits == 1
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


async def test_the_province_edits_its_report_in_word_and_excel_and_sends_it_back(db, db_url):
    h, info = await _an_giang(db, db_url)
    ag = h.user(810, "Văn phòng An Giang")
    households = expected("91")["households"]
    files = await _files(h, ag)
    assert set(files) == {"xlsx", "docx"}
    reply = await _send(h, ag, "bao-cao-len.docx", _edit_docx(files["docx"]))
    assert "Đã đọc tệp: lưu phần sửa ở mục I.4, II.1" in reply, reply
    assert f"{NEW_TEXT}" in reply and "tỉnh đã sửa" in reply and "Không — tỉnh đã chọn" in reply
    assert "📨 Gửi lên cấp trên" in ag.last().button_texts()  # the same confirm step as in chat
    got = await province_answers(db, info, "91")
    assert got["tinh_hinh"] == NEW_TEXT and got["kien_toan_bcd"] is False and got["ho_ngheo"] == households
    # the .xlsx (the /mau template of the province's own answers): the narrative cell edited, a figure changed
    files = await _files(h, ag)
    later = "Tỉnh hoàn thành kế hoạch; cần bổ sung 3 cán bộ đạt chuẩn."
    reply = await _send(h, ag, "bao-cao-len.xlsx", _edit_xlsx(files["xlsx"], NEW_TEXT, later, households))
    assert "Đã đọc tệp: lưu phần sửa ở mục I.4" in reply and later in reply, reply
    got = await province_answers(db, info, "91")
    assert got["tinh_hinh"] == later and got["ho_ngheo"] == households
    # a .docx that is not the bot's is refused, nothing stored
    other = io.BytesIO()
    Document().save(other)
    reply = await _send(h, ag, "khac.docx", other.getvalue())
    assert "⛔ Tệp không được nhận" in reply and "Tải tệp để sửa" in reply
    await h.press(ag, "Gửi lên cấp trên")
    assert "Đã gửi báo cáo của Tỉnh An Giang lên cấp trên" in ag.last().text
    reply = await _send(h, ag, "bao-cao-len.docx", _edit_docx(files["docx"]))
    assert "đã gửi lên cấp trên" in reply and (await province_answers(db, info, "91"))["tinh_hinh"] == later


class _Browser:
    def __init__(self, server: TestServer):
        self.server, self.csrf, self.n = server, "", 0
        self.http = ClientSession(cookie_jar=CookieJar(unsafe=True))

    async def get(self, path: str):
        r = await self.http.get(str(self.server.make_url(path)))
        text = (await r.read()).decode("utf-8", "replace")
        m = re.search(r'data-csrf="([^"]*)"', text)
        self.csrf = m.group(1) if m and m.group(1) else self.csrf
        return r, text

    async def post(self, path: str, json=None):
        self.n += 1
        r = await self.http.post(str(self.server.make_url(path)), json=json or {},
                                 headers={"X-CSRF-Token": self.csrf, "X-Request-Id": f"request-{self.n:06d}"})
        return r, await r.json(content_type=None)


async def test_the_province_edits_its_report_in_the_web_form(db, db_url):
    h, info = await _an_giang(db, db_url, web_base_url="http://bc.example.vn")
    ag = h.user(810, "Văn phòng An Giang")
    # the province returns one commune's report: its items and its Biểu rows leave the province's draft
    await h.say(ag, f"/xem {info['communes'][('91', 1)].name}")
    await h.press(ag, "Trả lại")
    await h.say(ag, "câu 3: thiếu số người tham gia")
    out = await h.say(ag, "/baocaolen")
    assert "Từ báo cáo của 2 đơn vị cấp xã đã gửi" in out[-1] and "Rà soát hộ nghèo" not in out[-1]
    got = await province_answers(db, info, "91")
    kept = [ANSWERS[("91", j)] for j in (0, 2)]
    assert got["bieu_nhan_luc"]["rows"]["can_bo"]["so_nguoi"] == sum(a[7]["can_bo"][0] for a in kept)
    assert [i["ten"] for i in got["nhiem_vu"]] == [name for a in kept for name, _ in a[6]]
    await h.press(ag, "Sửa trên web")
    url = re.search(r"http://bc\.example\.vn(/web/l/\S+)", ag.last().text).group(1)
    root = web.Application()
    mount(root, h.services)
    server = TestServer(root)
    await server.start_server()
    b = _Browser(server)
    try:
        r, page = await b.get(url)
        assert r.status == 200 and r.url.path == "/web/form", page[:300]
        assert "Tỉnh An Giang" in page and "Hoàn thành kế hoạch hỗ trợ hộ nghèo" in page and b.csrf
        block = page[page.index('id="q-ho_ngheo"'):page.index('id="q-ho_so_tthc"')]
        assert "Số liệu cộng từ báo cáo các xã đã gửi" in block  # a carried figure says where it comes from
        period = info["period"]
        r, res = await b.post(f"/web/api/save?period={period}", {"key": "tinh_hinh", "op": "set", "text": NEW_TEXT})
        assert res["ok"], res
        r, res = await b.post(f"/web/api/save?period={period}", {"key": "ho_ngheo", "op": "set", "text": "999"})
        assert not res["ok"] and "cộng từ báo cáo của các xã" in res["error"]
        r, res = await b.post(f"/web/api/submit?period={period}")
        assert r.status == 200 and res["ok"] and "Đã gửi báo cáo của Tỉnh An Giang lên cấp trên" in res["message"]
        got = await province_answers(db, info, "91")
        assert got["tinh_hinh"] == NEW_TEXT and got["ho_ngheo"] == sum(a[0] for a in kept)
        r, res = await b.post(f"/web/api/save?period={period}", {"key": "tinh_hinh", "op": "set", "text": "sau khi gửi"})
        assert not res["ok"] and "đã gửi lên cấp trên" in res["error"]
    finally:
        await b.http.close()
        await server.close()
    out = await h.say(ag, "/baocaolen")
    assert NEW_TEXT in out[-1] and "số liệu đã khóa" in out[-1]


async def test_a_figure_no_sent_commune_supports_any_more_leaves_the_province_draft(db, db_url):
    """Every commune's report returned: the carried number becomes blank, the list and Biểu empty (a figure the
    province would send upward with no sent report behind it is the defect this guards)."""
    h, info = await _an_giang(db, db_url)
    ag = h.user(810, "Văn phòng An Giang")
    got = await province_answers(db, info, "91")
    assert got["ho_ngheo"] == sum(ANSWERS[("91", j)][0] for j in range(3))
    for j in range(3):
        await h.say(ag, f"/xem {info['communes'][('91', j)].name}")
        await h.press(ag, "Trả lại")
        await h.say(ag, "câu 1: cần rà soát lại")
    await h.say(ag, "/baocaolen")
    got = await province_answers(db, info, "91")
    assert got.get("ho_ngheo") is None
    assert got.get("nhiem_vu") in (None, []) and not (got.get("bieu_nhan_luc") or {}).get("rows")
