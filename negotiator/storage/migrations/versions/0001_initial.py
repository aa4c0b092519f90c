"""The first schema: negotiations, actors, drafts, paragraphs, lineages.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Drafts are immutable once imported: the text a position was taken on must
# never change under it. Lineage links and kind stay editable (user corrections).
IMMUTABLE_TRIGGERS = [
    """CREATE TRIGGER paragraph_immutable BEFORE UPDATE OF draft_id, ordinal, number, text
       ON paragraph BEGIN SELECT RAISE(ABORT, 'paragraphs of an imported draft cannot change'); END""",
    """CREATE TRIGGER draft_immutable BEFORE UPDATE OF source_checksum, content_checksum
       ON draft BEGIN SELECT RAISE(ABORT, 'an imported draft cannot change'); END""",
]


def upgrade() -> None:
    op.create_table(
        "negotiation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("forum", sa.String(200), nullable=False),
        sa.Column("delegation", sa.String(200)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_negotiation"),
        sa.UniqueConstraint("title", name="uq_negotiation_title"),
    )
    op.create_table(
        "actor",
        sa.Column("id", sa.Integer),
        sa.Column("negotiation_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_actor"),
        sa.ForeignKeyConstraint(
            ["negotiation_id"], ["negotiation.id"], ondelete="CASCADE",
            name="fk_actor_negotiation_id_negotiation",
        ),
        sa.UniqueConstraint("negotiation_id", "name", name="uq_actor_negotiation_id"),
    )
    op.create_index("ix_actor_negotiation_id", "actor", ["negotiation_id"])
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer),
        sa.Column("negotiation_id", sa.Integer, nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("symbol", sa.String(200)),
        sa.Column("date", sa.Date),
        sa.Column("order", sa.Integer, nullable=False),
        sa.Column("source_name", sa.String(500)),
        sa.Column("source_checksum", sa.String(64)),
        sa.Column("content_checksum", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("warnings", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_draft"),
        sa.ForeignKeyConstraint(
            ["negotiation_id"], ["negotiation.id"], ondelete="CASCADE",
            name="fk_draft_negotiation_id_negotiation",
        ),
        sa.UniqueConstraint("negotiation_id", "label", name="uq_draft_negotiation_id"),
        sa.UniqueConstraint("negotiation_id", "order", name="uq_draft_negotiation_id_order"),
    )
    op.create_index("ix_draft_negotiation_id", "draft", ["negotiation_id"])
    op.create_index("ix_draft_content_checksum", "draft", ["content_checksum"])
    op.create_table(
        "lineage",
        sa.Column("id", sa.Integer),
        sa.Column("negotiation_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lineage"),
        sa.ForeignKeyConstraint(
            ["negotiation_id"], ["negotiation.id"], ondelete="CASCADE",
            name="fk_lineage_negotiation_id_negotiation",
        ),
    )
    op.create_index("ix_lineage_negotiation_id", "lineage", ["negotiation_id"])
    op.create_table(
        "paragraph",
        sa.Column("id", sa.Integer),
        sa.Column("draft_id", sa.Integer, nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("number", sa.String(50)),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("section", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("brackets", sa.Integer, nullable=False),
        sa.Column("brackets_balanced", sa.Boolean, nullable=False),
        sa.Column("footnotes", sa.JSON, nullable=False),
        sa.Column("lineage_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_paragraph"),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["draft.id"], ondelete="CASCADE",
            name="fk_paragraph_draft_id_draft",
        ),
        sa.ForeignKeyConstraint(
            ["lineage_id"], ["lineage.id"], ondelete="SET NULL",
            name="fk_paragraph_lineage_id_lineage",
        ),
        sa.UniqueConstraint("draft_id", "ordinal", name="uq_paragraph_draft_id"),
    )
    op.create_index("ix_paragraph_draft_id", "paragraph", ["draft_id"])
    op.create_index("ix_paragraph_lineage_id", "paragraph", ["lineage_id"])
    if op.get_bind().dialect.name == "sqlite":
        for sql in IMMUTABLE_TRIGGERS:
            op.execute(sql)


def downgrade() -> None:
    for table in ("paragraph", "lineage", "draft", "actor", "negotiation"):
        op.drop_table(table)
