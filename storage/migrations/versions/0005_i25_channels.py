"""channels (issue 25): Zalo identities bound to accounts, the last channel used, one-time link codes,
files served by expiring links

Revision ID: 0005_i25
Revises: 0004
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_i25"
down_revision = "0004"
branch_labels = None
depends_on = None


def _fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f(f"fk_{table}_account_id_accounts"),
                                   ondelete="CASCADE")


def upgrade() -> None:
    tz = sa.DateTime(timezone=True)
    op.create_table(
        "channel_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=128), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(length=255), nullable=False),
        sa.Column("menu", sa.JSON(), nullable=True),
        sa.Column("created_at", tz, nullable=False),
        sa.Column("last_seen", tz, nullable=True),
        _fk("channel_links"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_links")),
        sa.UniqueConstraint("channel", "external_id", name=op.f("uq_channel_links_channel")),
    )
    op.create_index(op.f("ix_channel_links_account_id"), "channel_links", ["account_id"])
    op.create_table(
        "account_channels",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("last_channel", sa.String(length=16), nullable=False),
        sa.Column("updated_at", tz, nullable=False),
        _fk("account_channels"),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_account_channels")),
    )
    op.create_table(
        "link_codes",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", tz, nullable=False),
        _fk("link_codes"),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_link_codes")),
    )
    op.create_index(op.f("ix_link_codes_account_id"), "link_codes", ["account_id"])
    op.create_table(
        "file_links",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=128), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", tz, nullable=False),
        sa.Column("expires_at", tz, nullable=False),
        _fk("file_links"),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_file_links")),
    )
    op.create_index(op.f("ix_file_links_account_id"), "file_links", ["account_id"])
    op.create_index(op.f("ix_file_links_expires_at"), "file_links", ["expires_at"])


def downgrade() -> None:
    op.drop_table("file_links")
    op.drop_table("link_codes")
    op.drop_table("account_channels")
    op.drop_table("channel_links")
