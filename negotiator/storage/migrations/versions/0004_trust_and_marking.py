"""Signed packages and restricted material: trusted colleagues' keys, who
brought a draft in a package (until a user confirms it), and a negotiation's
default classification.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN needs no table copy on SQLite, so the immutability triggers of 0001 stay.
    op.add_column("negotiation", sa.Column("classification", sa.String(200)))
    op.add_column("draft", sa.Column("brought_by", sa.String(200)))
    op.add_column("draft", sa.Column("brought_key", sa.String(64)))
    op.add_column("draft", sa.Column("confirmed_by", sa.String(200)))
    op.add_column("draft", sa.Column("confirmed_at", sa.DateTime))
    op.create_table(
        "trusted_key",
        sa.Column("id", sa.Integer),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("added_by", sa.String(200)),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_trusted_key"),
        sa.UniqueConstraint("fingerprint", name="uq_trusted_key_fingerprint"),
    )


def downgrade() -> None:
    op.drop_table("trusted_key")
    with op.batch_alter_table("draft") as batch:
        for column in ("confirmed_at", "confirmed_by", "brought_key", "brought_by"):
            batch.drop_column(column)
    with op.batch_alter_table("negotiation") as batch:
        batch.drop_column("classification")
