"""reporting regime (Nghị định 09/2019/NĐ-CP): a period's data cutoff, deadlines per level, ad hoc periods

Revision ID: 0005_i26
Revises: 0005_i24
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_i26"
down_revision = "0005_i24"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("periods", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cutoff_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("level_deadlines", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("kind", sa.String(length=16), nullable=False, server_default="periodic"))


def downgrade() -> None:
    with op.batch_alter_table("periods", schema=None) as batch_op:
        batch_op.drop_column("kind")
        batch_op.drop_column("level_deadlines")
        batch_op.drop_column("cutoff_on")
