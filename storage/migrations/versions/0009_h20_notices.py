"""account notices: what an account has been told once (issue 20: /tonghop says how to set the signer)

Revision ID: 0009_h20
Revises: 0005_i26
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_h20"
down_revision = "0005_i26"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_notices",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_account_notices_account_id_accounts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("account_id", "key", name=op.f("pk_account_notices")),
    )


def downgrade() -> None:
    op.drop_table("account_notices")
