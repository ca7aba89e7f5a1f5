"""Zalo conversation tests: the real Dispatcher (shared with a Telegram harness), the Zalo adapter polling a
Zalo Bot API stand-in over HTTP (bot/devtools/zalo_standin.py), and the bot's web server for file links.

A simulated Zalo user only types: ``press(user, label)`` finds the label among the numbered options or the
typed words the last screen shows and types the number or the words, as a person would."""

from __future__ import annotations

import asyncio
import re

from bot.devtools.zalo_standin import ZaloStandIn, ZaloUser, ZSent
from bot.zalo.render import clean_label
from dialogs.text import norm_words
from tests.support.harness import Harness
from tests.support.processes import free_port

_NUMBERED = re.compile(r"(?:^|   )(\d+) · (.+?)(?=   \d+ · |$)")


def _norm(label: str) -> str:
    return norm_words(clean_label(label))


class Labels(list):
    """Option labels as the driver reads them; ``in`` compares words without pictograms or diacritics."""

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and _norm(item) in {_norm(x) for x in self}


class Screen:
    """What one reply shows: the bot's messages since the person's last input, joined."""

    def __init__(self, parts: list[ZSent]):
        self.parts = parts
        self.text = "\n".join(p.text for p in parts)

    def menu(self) -> tuple[dict[str, str], list[str]]:
        numbers: dict[str, str] = {}
        words: list[str] = []
        for line in self.text.splitlines():
            if line.startswith("Gõ: "):
                words = [w.strip() for w in line[4:].split(" · ")]
                continue
            for m in _NUMBERED.finditer(line):
                numbers[m.group(1)] = m.group(2).strip()
        return numbers, words

    def button_texts(self) -> Labels:
        numbers, words = self.menu()
        return Labels([f"{n}. {label}" for n, label in numbers.items()] + words)


class ZaloHarness:
    """``h.tg`` is the Telegram harness (same database, services and Dispatcher); ``h.api`` the Zalo stand-in."""

    def __init__(self, tg: Harness, api: ZaloStandIn, runtime):
        self.tg, self.api, self.zalo = tg, api, runtime
        self._mark: dict[str, int] = {}

    @classmethod
    async def create(cls, db, db_url, clock=None, **settings) -> ZaloHarness:
        api = ZaloStandIn()
        await api.start()
        port = free_port()
        conf = dict(zalo_bot_token=api.token, zalo_api_url=api.base_url, zalo_chat_rate=0, zalo_send_rate=1000,
                    zalo_send_burst=1000, zalo_poll_timeout=5, web_host="127.0.0.1", web_port=port,
                    web_base_url=f"http://127.0.0.1:{port}")
        conf.update(settings)
        tg = await Harness(db, db_url, clock, **conf).start()
        from bot.app import make_zalo

        runtime = make_zalo(tg.services, tg.dp, tg.bot, tg.clock)
        await runtime.start(serve_web=True)
        return cls(tg, api, runtime)

    async def close(self) -> None:
        await self.zalo.stop()
        await self.api.stop()

    def user(self, uid: str, name: str = "Cán bộ Zalo") -> ZaloUser:
        u = self.api.user(uid, name)
        self._mark.setdefault(uid, 0)
        return u

    async def settle(self, before: int) -> None:
        for _ in range(2000):
            if self.zalo.polled > before:
                break
            await asyncio.sleep(0.002)
        else:
            raise AssertionError("the bot never took the update")
        await self.zalo.drain()
        await self.tg.flush()

    async def say(self, u: ZaloUser, text: str) -> list[str]:
        self._mark[u.id] = len(u.inbox)
        before = self.zalo.polled
        await u.send(text)
        await self.settle(before)
        return [m.text for m in u.inbox[self._mark[u.id]:]]

    def screen(self, u: ZaloUser) -> Screen:
        parts = u.inbox[self._mark.get(u.id, 0):] or u.inbox[-1:]
        return Screen(parts)

    def typed_for(self, u: ZaloUser, label: str) -> str:
        numbers, words = self.screen(u).menu()
        m = re.match(r"^(\d+)\. ", label)
        if m and m.group(1) in numbers:
            return m.group(1)
        want = _norm(label)
        for n, shown in numbers.items():
            if _norm(shown) == want:
                return n
        for w in words:
            if _norm(w) == want:
                return w
        raise AssertionError(f"«{label}» is not on the screen:\n{self.screen(u).text}")

    async def press(self, u: ZaloUser, label: str, **_) -> list[str]:
        return await self.say(u, self.typed_for(u, label))


class ZaloWalkUser:
    """The Walker's view of a Zalo user (tests/support/walk.py): ``last()`` is the whole last reply."""

    def __init__(self, h: ZaloHarness, u: ZaloUser):
        self.h, self.u, self.id = h, u, u.id

    def last(self) -> Screen:
        return self.h.screen(self.u)


class ZaloWalkHarness:
    """Adapts :class:`ZaloHarness` to the Walker's calls (say, press, api.calls)."""

    def __init__(self, h: ZaloHarness):
        self.h = h
        self.api = h.api

    async def say(self, wu: ZaloWalkUser, text: str) -> list[str]:
        return await self.h.say(wu.u, text)

    async def press(self, wu: ZaloWalkUser, label: str, **_) -> list[str]:
        return await self.h.press(wu.u, label)
