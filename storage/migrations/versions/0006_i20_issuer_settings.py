"""issuer settings: who issues each scope's consolidated report (issue 20)

Revision ID: 0005_i20
Revises: 0005_i25
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_i20"
down_revision = "0005_i25"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issuer_settings",
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by"], ["accounts.id"], name=op.f("fk_issuer_settings_updated_by_accounts"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_issuer_settings")),
    )


def downgrade() -> None:
    op.drop_table("issuer_settings")
