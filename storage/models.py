"""SQLAlchemy 2 models: units, people, invites, outlines, periods, submissions, answers with full history,
conversation positions, the reminder log, and review (submission events, unlock requests, the supervisors'
notice queue, messages that could not be delivered)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from dialogs.lifecycle import Status

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("admin", "supervisor", "officer")
SUBMISSION_STATUSES = tuple(Status)  # dialogs/lifecycle.py
PERIOD_STATUSES = ("open", "closed")
PERIOD_KINDS = ("periodic", "adhoc")
VIA = ("bot", "cli", "import", "xlsx", "web")
EVENT_KINDS = ("submitted", "returned", "approved", "unlock_requested", "unlock_approved", "unlock_refused",
               "reopened", "relocked")
UNLOCK_STATUSES = ("pending", "approved", "refused")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, Any: JSON}


class TZDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them as naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a timezone-aware column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    # materialised path of ids, "/1/57/", so a subtree is one indexed prefix query
    path: Mapped[str] = mapped_column(String(255), index=True, default="/")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    folded: Mapped[str] = mapped_column(String(255), default="")

    parent: Mapped[Unit | None] = relationship(remote_side=[id], lazy="raise")


class UnitAlias(Base):
    """Another name a unit is known by — for communes, the pre-2025 units merged into it."""

    __tablename__ = "unit_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    folded: Mapped[str] = mapped_column(String(255))
    note: Mapped[str | None] = mapped_column(String(64))


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    full_name: Mapped[str] = mapped_column(String(255), default="")
    username: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16), default="officer")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_outline_id: Mapped[str | None] = mapped_column(String(64))
    # ids of the last updates handled for this user, so an update Telegram delivers again is not handled twice
    recent_updates: Mapped[list[int] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(TZDateTime())


class AccountScope(Base):
    """A unit (and its whole subtree) that a supervisor oversees."""

    __tablename__ = "account_scopes"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)


class Invite(Base):
    __tablename__ = "invites"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    max_uses: Mapped[int] = mapped_column(Integer, default=1)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))


class JoinRequest(Base):
    """An officer who started without an invite asks to be bound to a unit; a supervisor decides."""

    __tablename__ = "join_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, index=True)
    full_name: Mapped[str] = mapped_column(String(255), default="")
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(TZDateTime())


class OutlineVersion(Base):
    __tablename__ = "outline_versions"
    __table_args__ = (UniqueConstraint("outline_id", "content_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outline_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    source_file: Mapped[str] = mapped_column(String(255))
    title: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    # the YAML of an outline published from the bot (None: the outline is a file shipped with the bot)
    yaml_text: Mapped[str | None] = mapped_column(Text)


class OutlineDraft(Base):
    """An administrator's outline being imported (/nhapdecuong): kept until published or cancelled."""

    __tablename__ = "outline_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    yaml_text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(TZDateTime())


class Period(Base):
    __tablename__ = "periods"
    __table_args__ = (UniqueConstraint("outline_id", "label"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outline_id: Mapped[str] = mapped_column(String(64), index=True)
    label: Mapped[str] = mapped_column(String(128))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[datetime] = mapped_column(TZDateTime())
    closes_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    # empty: every active unit of the outline's respondent kinds
    unit_scope: Mapped[list[int] | None] = mapped_column(JSON)
    # Nghị định 09/2019/NĐ-CP: the last day the data counts ("số liệu tính đến ngày …"), the deadline of each level
    # ({"commune"|"province"|"centre": ISO datetime}), and the kind of report (periodic, or "adhoc": đột xuất)
    cutoff_on: Mapped[date | None] = mapped_column(Date)
    level_deadlines: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(16), default="periodic")

    def level_deadline(self, level: str) -> datetime | None:
        """The deadline of ``level``; the communes' is the period's own deadline when none was set."""
        raw = (self.level_deadlines or {}).get(level)
        if raw:
            return datetime.fromisoformat(raw)
        return self.deadline if level == "commune" else None


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("unit_id", "period_id"), Index("ix_submissions_period_status", "period_id", "status"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    period_id: Mapped[int] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"))
    outline_version_id: Mapped[int | None] = mapped_column(ForeignKey("outline_versions.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default=Status.DRAFT.value)
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    comment: Mapped[str | None] = mapped_column(Text)
    returned_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    returned_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    updated_at: Mapped[datetime] = mapped_column(TZDateTime())
    # raised by every answer written (``Repo.set_answer``): the web form's cache of a report's answers is current
    # while this is what it saw (bot/web/service.py)
    answers_rev: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("submission_id", "question_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON)
    # the numeric reading of value (count, amount, percentage) for aggregation without JSON decoding
    num: Mapped[float | None] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=1)
    set_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    set_at: Mapped[datetime] = mapped_column(TZDateTime())
    via: Mapped[str] = mapped_column(String(16), default="bot")
    # the officer's one-line reason for a large change since last period
    reason: Mapped[str | None] = mapped_column(Text)


class AnswerRevision(Base):
    __tablename__ = "answer_revisions"
    __table_args__ = (UniqueConstraint("submission_id", "question_key", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(TZDateTime())
    via: Mapped[str] = mapped_column(String(16), default="bot")
    reason: Mapped[str | None] = mapped_column(Text)


class ConversationPosition(Base):
    """Where an account is in which submission, so a restarted bot continues at the same question."""

    __tablename__ = "conversation_positions"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    question_key: Mapped[str | None] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(32), default="question")
    # sub-step state (list item being entered, table row, text being collected); string keys only
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    nonce: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(TZDateTime())


class ReminderLog(Base):
    """One row per intended message: written before sending under a unique key, so it is sent once."""

    __tablename__ = "reminder_log"
    __table_args__ = (UniqueConstraint("period_id", "unit_id", "kind", "account_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    # what is sent, kept so a message claimed by a process that died before sending it can be sent later
    text: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(TZDateTime())


class SubmissionEvent(Base):
    """The events of a submission (its log): who submitted, returned, approved, unlocked it, when and why."""

    __tablename__ = "submission_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    by_account: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(TZDateTime())
    comment: Mapped[str | None] = mapped_column(Text)
    # question keys the event points at (a return's "fix these"), a JSON list of strings
    keys: Mapped[list[str] | None] = mapped_column(JSON)


class UnlockRequest(Base):
    """An officer asks to correct a submission after its period closed; a supervisor decides. An approved
    request lets that unit edit until ``expires_at``; after that the submission is closed again."""

    __tablename__ = "unlock_requests"
    __table_args__ = (Index("ix_unlock_requests_status_expires", "status", "expires_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    # set once the expiry has been recorded as a "relocked" event
    relocked_at: Mapped[datetime | None] = mapped_column(TZDateTime())


class NotifyQueue(Base):
    """A notice for one supervisor (a unit submitted, an answer changed after the deadline), sent in batches:
    claimed before sending (``claimed_at``), finished after (``sent_at``)."""

    __tablename__ = "notify_queue"
    __table_args__ = (Index("ix_notify_queue_sent_account", "sent_at", "account_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    period_id: Mapped[int | None] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(TZDateTime())


class OutboundFailure(Base):
    """A message Telegram would not take (blocked bot, chat gone, bad request), kept for the administrator."""

    __tablename__ = "outbound_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    method: Mapped[str] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(TZDateTime())


class WebLink(Base):
    """A signed web-form link (issue 24): bound to one account and (usually) one period, valid until
    ``expires_at``, refused once ``revoked_at`` is set. The link's text carries ``id`` and is signed; the row is
    what makes it revocable."""

    __tablename__ = "web_links"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    period_id: Mapped[int | None] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    expires_at: Mapped[datetime] = mapped_column(TZDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(TZDateTime())


# --------------------------------------------------------------------------- channels (issue 25: Zalo)


class ChannelLink(Base):
    """One person's identity on a channel other than Telegram (a Zalo user id), bound to an account. The last
    menu the bot showed there (numbered options of a text-only screen) is kept with it, so a typed number picks
    the same option after a restart or in another process."""

    __tablename__ = "channel_links"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(128))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    display_name: Mapped[str] = mapped_column(String(255), default="")
    menu: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    last_seen: Mapped[datetime | None] = mapped_column(TZDateTime())


class AccountChannel(Base):
    """The channel an account last wrote from ("telegram" or "zalo"): notices and reminders go there."""

    __tablename__ = "account_channels"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    last_channel: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(TZDateTime())


class LinkCode(Base):
    """A one-time code that joins a second channel to an account (typed as «/lienket 123456» on the other one)."""

    __tablename__ = "link_codes"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(TZDateTime())


class FileLink(Base):
    """A file (.docx, .xlsx, picture) served by the bot's web server under an unguessable, expiring link bound to
    the account it was made for."""

    __tablename__ = "file_links"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(128))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
    expires_at: Mapped[datetime] = mapped_column(TZDateTime(), index=True)
class IssuerSetting(Base):
    """Who issues the consolidated report of a scope (issue 20): the issuing body, place, number, layout,
    signature and recipients (:class:`dialogs.issuer.Issuer` as JSON). ``scope`` is a unit code, or "*" for the
    report over all units. No row: the defaults derived from the unit data."""

    __tablename__ = "issuer_settings"

    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(TZDateTime())
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))


class AccountNotice(Base):
    """A notice an account has been given once and is not given again (e.g. /tonghop telling how to set the
    signer's name with /coquan); ``key`` names the notice and its scope."""

    __tablename__ = "account_notices"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(TZDateTime())
