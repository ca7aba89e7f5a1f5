"""submissions.answers_rev: a counter raised by every answer written (issue 24: the web form's per-process cache of a
report's answers checks it in its one read per save, so several processes stay correct)

Revision ID: 0010_h24
Revises: 0009_h20
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_h24"
down_revision = "0009_h20"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("answers_rev", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.drop_column("answers_rev")
