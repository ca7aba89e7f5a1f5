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

    # review (issue 10)
    unlock_hours: float = 24.0
    notify_batch_minutes: float = 10.0
    template_secret: SecretStr | None = None

    # the web form (issue 24): served by the bot's own aiohttp server when WEB_BASE_URL is set
    web_base_url: str | None = None  # the public address, e.g. https://baocao.example.gov.vn (…/web/ is the form)
    web_host: str | None = None  # polling mode: where the web server listens (default WEBHOOK_HOST / _PORT)
    web_port: int | None = None
    web_link_hours: float = Field(default=72.0, gt=0)  # a signed link (baocao link, /web) is valid this long
    web_session_hours: float = Field(default=12.0, gt=0)  # a browser session opened by a link or the Mini App
    web_initdata_max_age: int = Field(default=3600, gt=0)  # a Mini App's init data older than this is refused
    web_secret: SecretStr | None = None  # signs links and sessions; default: derived from the bot token

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, v: object) -> object:
        if isinstance(v, str):
            return [int(x) for x in v.replace(";", ",").split(",") if x.strip()]
        if isinstance(v, int):
            return [v]
        return v

    @field_validator("telegram_api_url", "webhook_url", "outlines_dir", "org_parent", "bot_username", "redis_url",
                     "web_base_url", "web_host", mode="before")
    @classmethod
    def _empty_none(cls, v: object) -> object:
        return None if isinstance(v, str) and not v.strip() else v

    @property
    def token(self) -> str | None:
        return self.bot_token.get_secret_value() if self.bot_token and self.bot_token.get_secret_value() else None

    def template_key(self) -> str:
        """The key that signs the .xlsx templates: TEMPLATE_SECRET, else derived from the bot token (so the bot and
        `baocao answers import` agree without another setting)."""
        if self.template_secret is not None and self.template_secret.get_secret_value():
            return self.template_secret.get_secret_value()
        base = self.token or "no-token:" + self.database_url
        return hmac.new(base.encode(), b"baocao-template-v1", hashlib.sha256).hexdigest()

    def web_key(self) -> bytes:
        """The key that signs web links and sessions: WEB_SECRET, else derived from the bot token."""
        if self.web_secret is not None and self.web_secret.get_secret_value():
            return self.web_secret.get_secret_value().encode()
        base = self.token or "no-token:" + self.database_url
        return hmac.new(base.encode(), b"baocao-web-v1", hashlib.sha256).digest()

    def sqlite_path(self) -> Path | None:
        if self.database_url.startswith("sqlite"):
            return Path(self.database_url.split("///", 1)[1])
        return None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
