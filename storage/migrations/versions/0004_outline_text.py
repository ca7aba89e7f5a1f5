"""outline text: outlines published from the bot keep their YAML; drafts of imported outlines

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outline_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("yaml_text", sa.Text(), nullable=True))
    op.create_table(
        "outline_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("yaml_text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_outline_drafts_account_id_accounts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outline_drafts")),
        sa.UniqueConstraint("account_id", name=op.f("uq_outline_drafts_account_id")),
    )


def downgrade() -> None:
    op.drop_table("outline_drafts")
    with op.batch_alter_table("outline_versions", schema=None) as batch_op:
        batch_op.drop_column("yaml_text")
