"""The fake Bot API server used by the end-to-end tests.

It lives in the package (``bot/devtools/fakeapi.py``) because ``baocao demo`` runs the real bot against it too;
this module is where the tests find it.
"""

from bot.devtools.fakeapi import BOT_USERNAME, Call, FakeSession, FakeTelegram, FakeUser, Sent

__all__ = ["BOT_USERNAME", "Call", "FakeSession", "FakeTelegram", "FakeUser", "Sent"]
