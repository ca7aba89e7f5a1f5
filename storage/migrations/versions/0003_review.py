"""review: submission events, unlock requests, the notice queue, undeliverable messages, answer reasons

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fk(table: str, col: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([col], [f"{target}.id"], name=op.f(f"fk_{table}_{col}_{target}"), ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "submission_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("by_account", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("keys", sa.JSON(), nullable=True),
        _fk("submission_events", "by_account", "accounts", "SET NULL"),
        _fk("submission_events", "submission_id", "submissions", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission_events")),
    )
    with op.batch_alter_table("submission_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submission_events_submission_id"), ["submission_id"], unique=False)

    op.create_table(
        "unlock_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("relocked_at", sa.DateTime(timezone=True), nullable=True),
        _fk("unlock_requests", "decided_by", "accounts", "SET NULL"),
        _fk("unlock_requests", "requested_by", "accounts", "SET NULL"),
        _fk("unlock_requests", "submission_id", "submissions", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unlock_requests")),
    )
    with op.batch_alter_table("unlock_requests", schema=None) as batch_op:
        batch_op.create_index("ix_unlock_requests_status_expires", ["status", "expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_unlock_requests_submission_id"), ["submission_id"], unique=False)

    op.create_table(
        "notify_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("period_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        _fk("notify_queue", "account_id", "accounts", "CASCADE"),
        _fk("notify_queue", "period_id", "periods", "CASCADE"),
        _fk("notify_queue", "unit_id", "units", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notify_queue")),
    )
    with op.batch_alter_table("notify_queue", schema=None) as batch_op:
        batch_op.create_index("ix_notify_queue_sent_account", ["sent_at", "account_id"], unique=False)

    op.create_table(
        "outbound_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_failures")),
    )
    with op.batch_alter_table("outbound_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbound_failures_chat_id"), ["chat_id"], unique=False)

    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))
    with op.batch_alter_table("answer_revisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answer_revisions", schema=None) as batch_op:
        batch_op.drop_column("reason")
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_column("reason")
    with op.batch_alter_table("outbound_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbound_failures_chat_id"))
    op.drop_table("outbound_failures")
    with op.batch_alter_table("notify_queue", schema=None) as batch_op:
        batch_op.drop_index("ix_notify_queue_sent_account")
    op.drop_table("notify_queue")
    with op.batch_alter_table("unlock_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unlock_requests_submission_id"))
        batch_op.drop_index("ix_unlock_requests_status_expires")
    op.drop_table("unlock_requests")
    with op.batch_alter_table("submission_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_events_submission_id"))
    op.drop_table("submission_events")
