"""web links: signed, revocable links to the web form (issue 24)

Revision ID: 0005_i24
Revises: 0005_i20
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_i24"
down_revision = "0005_i20"  # chained after main's (0004 → 0005_i25 → 0005_i20); all were 0005 on their branches
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_links",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_web_links_account_id_accounts"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["period_id"], ["periods.id"], name=op.f("fk_web_links_period_id_periods"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_links")),
    )
    op.create_index(op.f("ix_web_links_account_id"), "web_links", ["account_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_web_links_account_id"), table_name="web_links")
    op.drop_table("web_links")
