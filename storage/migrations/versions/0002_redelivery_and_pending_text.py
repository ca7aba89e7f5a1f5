"""accounts.recent_updates (handle a redelivered update once) and reminder_log.text (resend pending messages)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recent_updates", sa.JSON(), nullable=True))
    with op.batch_alter_table("reminder_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reminder_log", schema=None) as batch_op:
        batch_op.drop_column("text")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_column("recent_updates")
