"""Lineage links: split/merge marks, merged-in lineages, user corrections.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN needs no table copy on SQLite, so the immutability triggers stay.
    op.add_column("paragraph", sa.Column("lineage_relation", sa.String(20)))
    op.create_table(
        "lineage_merge",
        sa.Column("id", sa.Integer),
        sa.Column("paragraph_id", sa.Integer, nullable=False),
        sa.Column("lineage_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lineage_merge"),
        sa.ForeignKeyConstraint(["paragraph_id"], ["paragraph.id"], ondelete="CASCADE",
                                name="fk_lineage_merge_paragraph_id_paragraph"),
        sa.ForeignKeyConstraint(["lineage_id"], ["lineage.id"], ondelete="CASCADE",
                                name="fk_lineage_merge_lineage_id_lineage"),
        sa.UniqueConstraint("paragraph_id", "lineage_id", name="uq_lineage_merge_paragraph_id"),
    )
    op.create_index("ix_lineage_merge_paragraph_id", "lineage_merge", ["paragraph_id"])
    op.create_table(
        "lineage_override",
        sa.Column("id", sa.Integer),
        sa.Column("paragraph_id", sa.Integer, nullable=False),
        sa.Column("source_paragraph_id", sa.Integer),
        sa.Column("author", sa.String(200)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lineage_override"),
        sa.ForeignKeyConstraint(["paragraph_id"], ["paragraph.id"], ondelete="CASCADE",
                                name="fk_lineage_override_paragraph_id_paragraph"),
        sa.ForeignKeyConstraint(["source_paragraph_id"], ["paragraph.id"], ondelete="CASCADE",
                                name="fk_lineage_override_source_paragraph_id_paragraph"),
        sa.UniqueConstraint("paragraph_id", name="uq_lineage_override_paragraph_id"),
    )


def downgrade() -> None:
    op.drop_table("lineage_override")
    op.drop_table("lineage_merge")
    with op.batch_alter_table("paragraph") as batch:
        batch.drop_column("lineage_relation")
