"""Settings from the environment or `.env` (see `.env.example`)."""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from dialogs.review import CHANGE_MIN, CHANGE_RATIO

DEFAULT_DB = "sqlite+aiosqlite:///./data/baocao.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    bot_username: str | None = None
    database_url: str = DEFAULT_DB
    # PostgreSQL: connections per bot process (updates handled against the database at once; more wait)
    db_pool_size: int = Field(default=20, ge=1, le=500)
    telegram_api_url: str | None = None
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    tz: str = "Asia/Ho_Chi_Minh"

    # deployment
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    webhook_path: str = "/telegram"

    # documents and reminders
    org_name: str = "ỦY BAN NHÂN DÂN TỈNH"
    org_parent: str | None = None
    org_place: str = "Hà Nội"
    doc_layout: Literal["auto", "state", "party"] = "auto"
    reminder_offsets: str = "2d,1d,2h"
    period_grace_hours: int = 48
    send_rate: float = 30.0
    send_burst: int = 5
    send_chat_rate: float = 1.0
    send_chat_burst: int = 3
    send_light_rate: float = 100.0
    send_max_attempts: int = 6
    redis_url: str | None = None
    redis_prefix: str = "baocao:send"
    scheduler_interval: float = 30.0
    outlines_dir: str | None = None
    # a large change from last period (a one-line reason is asked): above this share AND above this amount
    change_ratio: float = Field(default=CHANGE_RATIO, ge=0)
    change_min: float = Field(default=CHANGE_MIN, ge=0)
    log_level: str = "INFO"
    # the processes' event loop: uvloop where it is installed (Linux; a dependency there), else asyncio's own.
    # UVLOOP=0: asyncio's own everywhere
    uvloop: bool = True

    # review (issue 10)
    unlock_hours: float = 24.0
    notify_batch_minutes: float = 10.0
    template_secret: SecretStr | None = None

    # Zalo (issue 25): the same bot over the Zalo Bot Platform when ZALO_BOT_TOKEN is set (docs/zalo.md)
    zalo_bot_token: SecretStr | None = None
    zalo_webhook_secret: SecretStr | None = None  # set: webhook mode at WEB_BASE_URL + ZALO_WEBHOOK_PATH
    zalo_api_url: str = "https://bot-api.zaloplatforms.com"  # base URL (a stand-in's in tests)
    zalo_webhook_path: str = "/zalo/webhook"
    # Zalo user ids (strings, as Zalo sends them) of administrators without Telegram
    zalo_admin_ids: Annotated[list[str], NoDecode] = Field(default_factory=list)
    zalo_poll_timeout: int = Field(default=30, ge=1, le=60)
    zalo_text_limit: int = Field(default=2000, ge=200)  # characters of one message (documented: 2,000)
    # not documented by Zalo: cautious defaults, raise them when Zalo publishes its limits
    zalo_send_rate: float = Field(default=10.0, gt=0)
    zalo_send_burst: int = Field(default=3, ge=1)
    zalo_chat_rate: float = Field(default=1.0, ge=0)
    zalo_rate_floor: float = Field(default=1.0, gt=0)  # a 429 halves the rate, never under this (bot/zalo/pace.py)
    zalo_rate_recover_seconds: float = Field(default=30.0, gt=0)  # quiet time before the rate grows back a step
    file_link_hours: float = Field(default=24.0, gt=0)  # a file sent to Zalo as a link is valid this long
    # the bot's web server (shared with the web form of issue 24): public address, where it listens
    web_base_url: str | None = None
    web_host: str | None = None
    web_port: int | None = None
    # the web form (issue 24, under WEB_BASE_URL/web/ on that server)
    web_link_hours: float = Field(default=72.0, gt=0)  # a signed link (baocao link, /web) is valid this long
    web_session_hours: float = Field(default=12.0, gt=0)  # a browser session opened by a link or the Mini App
    web_initdata_max_age: int = Field(default=3600, gt=0)  # a Mini App's init data older than this is refused
    web_secret: SecretStr | None = None  # signs links and sessions; default: derived from the bot token
    # X-Real-IP / X-Forwarded-For are believed only from these proxy addresses (nginx; comma-separated, CIDR allowed)
    web_trusted_proxies: str = "127.0.0.1,::1"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, v: object) -> object:
        if isinstance(v, str):
            return [int(x) for x in v.replace(";", ",").split(",") if x.strip()]
        if isinstance(v, int):
            return [v]
        return v

    @field_validator("zalo_admin_ids", mode="before")
    @classmethod
    def _split_zalo_ids(cls, v: object) -> object:
        if isinstance(v, str):
            return [x.strip() for x in v.replace(";", ",").split(",") if x.strip()]
        return v

    @field_validator("telegram_api_url", "webhook_url", "outlines_dir", "org_parent", "bot_username", "redis_url",
                     "web_base_url", "web_host", mode="before")
    @classmethod
    def _empty_none(cls, v: object) -> object:
        return None if isinstance(v, str) and not v.strip() else v

    @property
    def token(self) -> str | None:
        return self.bot_token.get_secret_value() if self.bot_token and self.bot_token.get_secret_value() else None

    @property
    def zalo_token(self) -> str | None:
        v = self.zalo_bot_token.get_secret_value() if self.zalo_bot_token else ""
        return v.strip() or None

    @property
    def zalo_secret(self) -> str | None:
        v = self.zalo_webhook_secret.get_secret_value() if self.zalo_webhook_secret else ""
        return v.strip() or None

    def template_key(self) -> str:
        """The key that signs the .xlsx templates: TEMPLATE_SECRET, else derived from the bot token (so the bot and
        `baocao answers import` agree without another setting)."""
        if self.template_secret is not None and self.template_secret.get_secret_value():
            return self.template_secret.get_secret_value()
        base = self.token or self.zalo_token or "no-token:" + self.database_url
        return hmac.new(base.encode(), b"baocao-template-v1", hashlib.sha256).hexdigest()

    def web_key(self) -> bytes:
        """The key that signs web links and sessions: WEB_SECRET, else derived from the bot token."""
        if self.web_secret is not None and self.web_secret.get_secret_value():
            return self.web_secret.get_secret_value().encode()
        base = self.token or self.zalo_token or "no-token:" + self.database_url
        return hmac.new(base.encode(), b"baocao-web-v1", hashlib.sha256).digest()

    def sqlite_path(self) -> Path | None:
        if self.database_url.startswith("sqlite"):
            return Path(self.database_url.split("///", 1)[1])
        return None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
