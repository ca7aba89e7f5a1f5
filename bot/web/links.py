"""Issuing signed web links (shared by the bot's /web and `baocao link`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.services import Services
from bot.web.auth import link_token
from bot.web.server import PREFIX
from storage.models import Account, WebLink
from storage.repo import Repo


@dataclass(frozen=True)
class Issued:
    link: WebLink
    url: str

    @property
    def expires_at(self) -> datetime:
        return self.link.expires_at


def link_url(services: Services, link: WebLink) -> str:
    base = (services.settings.web_base_url or "").rstrip("/")
    token = link_token(services.settings.web_key(), link.id, link.account_id, link.period_id, link.expires_at)
    return f"{base}{PREFIX}/l/{token}"


async def issue_link(services: Services, repo: Repo, acc: Account, period_id: int | None, *,
                     hours: float | None = None) -> Issued:
    """A new link for ``acc`` and one period, valid WEB_LINK_HOURS (or ``hours``); the caller commits."""
    link = await repo.web.create_web_link(acc, period_id, hours=hours or services.settings.web_link_hours,
                                      now=services.now())
    return Issued(link, link_url(services, link))


def miniapp_url(services: Services) -> str | None:
    """The Mini App's address: only over https (Telegram opens Web Apps from https addresses only)."""
    base = (services.settings.web_base_url or "").rstrip("/")
    return f"{base}{PREFIX}/app" if base.startswith("https://") else None
