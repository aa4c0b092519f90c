"""Comparisons computed once: a draft pair's comparison stored, keyed by what
it was computed from (see negotiator/drafts/comparison_cache.py).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table only: `paragraph` is not copied, so the triggers of 0001 stay.
    op.create_table(
        "comparison_cache",
        sa.Column("id", sa.Integer),
        sa.Column("from_draft_id", sa.Integer, nullable=False),
        sa.Column("to_draft_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_comparison_cache"),
        sa.ForeignKeyConstraint(["from_draft_id"], ["draft.id"], ondelete="CASCADE",
                                name="fk_comparison_cache_from_draft_id_draft"),
        sa.ForeignKeyConstraint(["to_draft_id"], ["draft.id"], ondelete="CASCADE",
                                name="fk_comparison_cache_to_draft_id_draft"),
        sa.UniqueConstraint("from_draft_id", "to_draft_id", name="uq_comparison_cache_from_draft_id"),
    )
    op.create_index("ix_comparison_cache_to_draft_id", "comparison_cache", ["to_draft_id"])
    if op.get_bind().dialect.name == "postgresql":
        # On a shared server every member reads and refreshes the stored comparisons
        # (they derive from drafts, which all members share; see 0005).
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON comparison_cache TO negotiator_member")
        op.execute("GRANT USAGE, SELECT ON SEQUENCE comparison_cache_id_seq TO negotiator_member")


def downgrade() -> None:
    op.drop_table("comparison_cache")
