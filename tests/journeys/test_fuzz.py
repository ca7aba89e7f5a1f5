"""Hostile and odd input: thousands of generated updates (seeded) fed to the real Dispatcher.

Officers of three units, a supervisor, an administrator and strangers send random Unicode, 4,096-character
texts, control characters, right-to-left marks, absurd numbers and dates, stickers, photos, documents (one
claiming 1 GB), edited messages, group and channel posts, commands in every state, buttons that are valid,
stale, mutated, forged or another user's, and updates Telegram delivers twice. Then: the error handler never
fired, every message the bot sent is well-formed, no account touched another unit's answers, and the
consolidated report still builds and opens."""

from __future__ import annotations

import io
import random
import string
from typing import Any

import pytest
from aiogram.types import Update
from sqlalchemy import select

from bot.texts import utf16_len
from dialogs.loader import load_catalogue
from exports import build_report
from exports.load import load_consolidation
from storage.models import Account, AnswerRevision, JoinRequest, Submission
from tests.support.conversation import invite, setup_units
from tests.support.harness import Harness

SEED = 20261128
N_UPDATES = int(__import__("os").environ.get("FUZZ_N", "3000"))
OFFICERS = {101: "BNV", 102: "BTP", 103: "VPCP", 104: "BNV"}
SUPERVISOR, ADMIN = 800, 900
STRANGERS = [5_000_001, 5_000_002]

ODD_TEXTS = ["9" * 400, "1e309", "-1e309", "NaN", "nan%", "inf", "-0", "0,0000000001", "1.234.567.890.123.456.789",
             "31/2/2026", "29/2/2027", "0/0", "47/0", "100/3", "101%", "-5", "5 5 5 5 5 5 5 5 5 5 5 5", "không",
             "có", "ko", "  ", "\u200b", "\u202e123\u202c", "\u200f٣٤٥", "١٢٣", "５", "½", "Ⅻ", "𝟗𝟗", "12\x00",
             "\x1b[31m7", "a\r\nb", "\t", "🙂" * 2100, "ж" * 4096, "1" * 4096, "/", "//", "@", "#", "Xong", "xong",
             "Nhiệm vụ A\nKL 1\nBáo cáo\n1/11/2026", "a\n" * 60, "12 tỷ", "999999999999 tỷ", "1,2,3", "3.5.2026",
             "ngày 32 tháng 13 năm 99999", "17h 30/11/2026", "25:61 1/12/2026", "1/1/1", "xã Giồng Riềng", "bo noi vu"]
COMMANDS = ["/start", "/start abc", "/start " + "z" * 70, "/baocao", "/baocao@tro_ly_bao_cao_demo_bot", "/huy",
            "/c1", "/c0", "/c3", "/c9999", "/c5@other_bot", "/tiendo", "/tonghop", "/moky", "/huongdan", "/help",
            "/xyz", "/start@x", "/baocao thêm chữ"]
FORGED = ["q:0:next:", "q:1:keep:", "q:999999999:submit_ok:", "q:x:y:z", "q:", "p:1", "p:99999", "p:-1", "j:1",
          "j:999999", "jr:1:1", "jr:1:0", "jr:999:1", "th:go:1:1:tuan-cqdp-2cap", "th:card:0:0:", "th:scope:1:99999:",
          "td:show:1:1:0", "td:remind:1:1:0", "td:show:1:1:99999", "td:show:-1:0:-5", "mk:o:tuan-cqdp-2cap",
          "mk:ok:", "mk:cancel:", "mk:o:khong-co", "", "x" * 64, "q:1:open:" + "ä" * 20, "\u202eq:1:next:"]


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            out.append(rng.choice(string.printable))
        elif r < 0.8:
            out.append(chr(rng.randint(0xA0, 0x2FFF)))
        elif r < 0.9:
            out.append(chr(rng.randint(0x1F300, 0x1FAFF)))
        else:
            cp = rng.randint(0x3000, 0x10FFFF)
            out.append(chr(cp if not 0xD800 <= cp <= 0xDFFF else 0x20))
    return "".join(out)


class Fuzzer:
    def __init__(self, h: Harness, rng: random.Random, codes: dict[int, str]):
        self.h = h
        self.rng = rng
        self.codes = codes
        self.update_id = 1_000_000
        self.message_id = 1
        self.sent: list[dict[str, Any]] = []
        self.users = [*OFFICERS, SUPERVISOR, ADMIN, *STRANGERS]

    def _user(self, uid: int) -> dict[str, Any]:
        return {"id": uid, "is_bot": False, "first_name": f"Người {uid}", "language_code": "vi"}

    def _message(self, uid: int, chat: dict[str, Any] | None = None, **content: Any) -> dict[str, Any]:
        self.message_id += 1
        return {"message_id": self.message_id, "date": 1764300000, "chat": chat or {"id": uid, "type": "private"},
                "from": self._user(uid), **content}

    def _text(self, uid: int) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.2:
            return rng.choice(ODD_TEXTS)
        if r < 0.3:
            return rng.choice(COMMANDS)
        if r < 0.38:
            return "/baocao"
        if r < 0.5 and uid in self.codes:
            return f"/start {self.codes[uid]}"
        if r < 0.75:
            return str(rng.choice([0, 1, 7, 12, 45, 99, 1234, 10**6, -3])) + rng.choice(["", "%", " nhiệm vụ", ",5"])
        if r < 0.85:
            return _random_unicode(rng, rng.choice([1, 5, 40, 300]))
        return _random_unicode(rng, 4096)[:4096]

    def _callback_data(self, uid: int) -> str:
        rng = self.rng
        mine = [b["callback_data"] for m in self.h.api.messages(uid) for row in m.buttons for b in row
                if "callback_data" in b]
        r = rng.random()
        newest = self.h.api.messages(uid)[-1:]
        current = [b["callback_data"] for m in newest for row in m.buttons for b in row if "callback_data" in b]
        if current and r < 0.4:
            return rng.choice(current)  # a button of the message on screen
        if mine and r < 0.55:
            return rng.choice(mine[-12:])  # a recent button
        if mine and r < 0.65:
            return rng.choice(mine)  # stale
        if mine and r < 0.75:
            d = list(rng.choice(mine))
            d[rng.randrange(len(d))] = rng.choice("0123456789:-xq")
            return "".join(d)  # mutated
        if r < 0.85:
            other = rng.choice(self.users)
            theirs = [b["callback_data"] for m in self.h.api.messages(other) for row in m.buttons for b in row
                      if "callback_data" in b]
            if theirs:
                return rng.choice(theirs)  # another user's button
        return rng.choice(FORGED)

    def make(self) -> dict[str, Any]:
        rng = self.rng
        uid = rng.choice(self.users) if rng.random() < 0.4 else rng.choice(list(OFFICERS))
        r = rng.random()
        if r < 0.5:
            text = self._text(uid)
            msg = self._message(uid, text=text)
            if text.startswith("/"):
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
            upd: dict[str, Any] = {"message": msg}
        elif r < 0.78:
            data = self._callback_data(uid)
            cq: dict[str, Any] = {"id": str(rng.getrandbits(40)), "from": self._user(uid), "chat_instance": "1",
                                  "data": data}
            last = self.h.api.messages(uid)
            if last and rng.random() < 0.8:
                cq["message"] = self.h.api._message_json(rng.choice(last[-5:]))
            upd = {"callback_query": cq}
        elif r < 0.84:
            kind = rng.choice(["sticker", "photo", "document", "big", "voice", "location", "caption"])
            content = {
                "sticker": {"sticker": {"file_id": "s", "file_unique_id": "su", "type": "regular", "width": 512,
                                        "height": 512, "is_animated": False, "is_video": False}},
                "photo": {"photo": [{"file_id": "p", "file_unique_id": "pu", "width": 90, "height": 90}]},
                "document": {"document": {"file_id": "d", "file_unique_id": "du", "file_name": "bao-cao.docx",
                                          "file_size": 12_345}},
                "big": {"document": {"file_id": "g", "file_unique_id": "gu", "file_name": "x" * 200 + ".zip",
                                     "file_size": 1 << 30}, "caption": "1" * 1024},
                "voice": {"voice": {"file_id": "v", "file_unique_id": "vu", "duration": 3}},
                "location": {"location": {"latitude": 10.0, "longitude": 105.0}},
                "caption": {"photo": [{"file_id": "p", "file_unique_id": "pu", "width": 9, "height": 9}],
                            "caption": "12"},
            }[kind]
            upd = {"message": self._message(uid, **content)}
        elif r < 0.89:
            upd = {"edited_message": {**self._message(uid, text=self._text(uid)), "edit_date": 1764300001}}
        elif r < 0.93:
            chat = {"id": -100_000 - rng.randint(0, 3), "type": rng.choice(["group", "supergroup"]), "title": "Nhóm"}
            text = self._text(uid)
            upd = {"message": self._message(uid, chat=chat, text=text)}
        elif r < 0.96:
            self.message_id += 1
            upd = {"channel_post": {"message_id": self.message_id, "date": 1764300000,
                                    "chat": {"id": -1_000_777, "type": "channel", "title": "Kênh"},
                                    "sender_chat": {"id": -1_000_777, "type": "channel", "title": "Kênh"},
                                    "text": self._text(uid)}}
        elif self.sent:
            return rng.choice(self.sent[-50:])  # Telegram delivers an update twice
        else:
            upd = {"message": self._message(uid, text="/baocao")}
        self.update_id += 1
        upd["update_id"] = self.update_id
        self.sent.append(upd)
        return upd


def _check_calls(h: Harness) -> int:
    """Every message the bot sent or edited is one Telegram would take."""
    n = 0
    for c in h.api.calls:
        p = c.params
        if c.method in ("sendMessage", "editMessageText"):
            text = p.get("text", "")
            assert text.strip() and utf16_len(text) <= 4096, (c.method, len(text))
            n += 1
        if c.method in ("sendMessage", "editMessageText", "sendDocument"):
            assert not p.get("parse_mode"), "the bot sends plain text: no markup to break"
            assert utf16_len(p.get("caption") or "") <= 1024
        if c.method == "answerCallbackQuery":
            assert utf16_len(p.get("text") or "") <= 200, p.get("text")
        rm = p.get("reply_markup")
        for row in (rm or {}).get("inline_keyboard", []) if isinstance(rm, dict) else []:
            for b in row:
                assert b["text"].strip() and len(b["callback_data"].encode()) <= 64, b
    return n


@pytest.mark.long
async def test_fuzz_thousands_of_hostile_updates(db, db_url):
    p1, = await setup_units(db)
    h = await Harness(db, db_url).start()
    errors: list[BaseException] = []

    async def hook(handler, event, data):
        errors.append(event.exception)
        return await handler(event, data)

    h.dp.errors.outer_middleware(hook)
    codes = {uid: await invite(db, unit, uses=3) for uid, unit in OFFICERS.items()}
    fz = Fuzzer(h, random.Random(SEED), codes)
    # everyone starts properly, then the noise
    scripted = [(uid, f"/start {codes[uid]}") for uid in OFFICERS] + [(uid, "/baocao") for uid in OFFICERS]
    for uid, text in scripted:
        await h.say(h.user(uid), text)

    async def feed() -> None:
        for _ in range(N_UPDATES):
            raw = fz.make()
            await h.dp.feed_update(h.bot, Update.model_validate(raw, context={"bot": h.bot}))

    await h.vclock.run(feed())
    assert not errors, [repr(e) for e in errors[:5]]
    replies = [t for uid in fz.users for t in h.user(uid).texts()]
    assert not any(t.startswith("Đã có lỗi") for t in replies)
    print(f"fuzz: {N_UPDATES} updates, {len(replies)} replies, {h.outbound.stats.as_dict()}")
    assert _check_calls(h) > N_UPDATES // 3
    assert h.outbound.stats.clipped == 0 and h.outbound.stats.undeliverable == 0  # nothing cut, nothing lost

    async with db.read_session() as s:
        accounts = {a.id: a for a in (await s.execute(select(Account))).scalars()}
        subs = {x.id: x for x in (await s.execute(select(Submission))).scalars()}
        revs = (await s.execute(select(AnswerRevision))).scalars().all()
        approved = (await s.execute(select(JoinRequest).where(JoinRequest.status == "approved"))).scalars().all()
    # the units each account could answer for: its invite's, and those a supervisor approved it for
    allowed: dict[int, set[int]] = {}
    for a in accounts.values():
        allowed[a.telegram_id] = {a.unit_id} if a.unit_id is not None else set()
    for jr in approved:
        allowed.setdefault(jr.telegram_id, set()).add(jr.unit_id)
    assert len(revs) > 20, "the officers got far enough to store answers"
    print(f"fuzz: {len(revs)} answer revisions, {len(approved)} join requests approved by the supervisor, "
          f"submissions {[(x.unit_id, x.status) for x in subs.values()]}")
    for r in revs:
        by = accounts[r.changed_by]
        assert subs[r.submission_id].unit_id in allowed[by.telegram_id], (by.telegram_id, r.question_key)
    assert all(a.role != "admin" for a in accounts.values() if a.telegram_id != ADMIN)
    assert all(a.role == "officer" for a in accounts.values() if a.telegram_id in OFFICERS)

    rep = build_report(await load_consolidation(db, load_catalogue(), p1))
    import docx
    import openpyxl

    assert docx.Document(io.BytesIO(rep.docx)).paragraphs
    assert openpyxl.load_workbook(io.BytesIO(rep.xlsx)).sheetnames
