"""Positions, their history, notes, paragraph statuses and exchange conflicts.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], ondelete="CASCADE", name=f"fk_{table}_{column}_{target}"
    )


def upgrade() -> None:
    # New tables only: `paragraph` is not copied, so the triggers of 0001 stay.
    op.create_table(
        "position",
        sa.Column("id", sa.Integer),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("negotiation_id", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.Integer, nullable=False),
        sa.Column("paragraph_id", sa.Integer, nullable=False),
        sa.Column("draft_id", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("stance", sa.String(30), nullable=False),
        sa.Column("amendment", sa.Text),
        sa.Column("rationale", sa.Text),
        sa.Column("red_line", sa.Text),
        sa.Column("red_line_flag", sa.Boolean, nullable=False),
        sa.Column("fallback", sa.Text),
        sa.Column("priority", sa.String(20)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("author", sa.String(200)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_position"),
        sa.UniqueConstraint("uid", name="uq_position_uid"),
        _fk("position", "negotiation_id", "negotiation"),
        _fk("position", "actor_id", "actor"),
        _fk("position", "paragraph_id", "paragraph"),
        _fk("position", "draft_id", "draft"),
    )
    op.create_index("ix_position_negotiation_id", "position", ["negotiation_id"])
    op.create_index("ix_position_actor_id", "position", ["actor_id"])
    op.create_index("ix_position_paragraph_id", "position", ["paragraph_id"])
    op.create_table(
        "position_history",
        sa.Column("id", sa.Integer),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("position_id", sa.Integer, nullable=False),
        sa.Column("parents", sa.JSON, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("author", sa.String(200)),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("old", sa.JSON),
        sa.Column("new", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_position_history"),
        sa.UniqueConstraint("uid", name="uq_position_history_uid"),
        _fk("position_history", "position_id", "position"),
    )
    op.create_index("ix_position_history_position_id", "position_history", ["position_id"])
    op.create_table(
        "note",
        sa.Column("id", sa.Integer),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("negotiation_id", sa.Integer, nullable=False),
        sa.Column("paragraph_id", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.String(200)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
        sa.Column("deleted_by", sa.String(200)),
        sa.PrimaryKeyConstraint("id", name="pk_note"),
        sa.UniqueConstraint("uid", name="uq_note_uid"),
        _fk("note", "negotiation_id", "negotiation"),
        _fk("note", "paragraph_id", "paragraph"),
    )
    op.create_index("ix_note_negotiation_id", "note", ["negotiation_id"])
    op.create_index("ix_note_paragraph_id", "note", ["paragraph_id"])
    op.create_table(
        "paragraph_status",
        sa.Column("id", sa.Integer),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("negotiation_id", sa.Integer, nullable=False),
        sa.Column("paragraph_id", sa.Integer, nullable=False),
        sa.Column("draft_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("holder", sa.String(200)),
        sa.Column("due", sa.Date),
        sa.Column("set_by", sa.String(200)),
        sa.Column("set_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_paragraph_status"),
        sa.UniqueConstraint("uid", name="uq_paragraph_status_uid"),
        _fk("paragraph_status", "negotiation_id", "negotiation"),
        _fk("paragraph_status", "paragraph_id", "paragraph"),
        _fk("paragraph_status", "draft_id", "draft"),
    )
    op.create_index("ix_paragraph_status_negotiation_id", "paragraph_status", ["negotiation_id"])
    op.create_index("ix_paragraph_status_paragraph_id", "paragraph_status", ["paragraph_id"])
    op.create_table(
        "position_conflict",
        sa.Column("id", sa.Integer),
        sa.Column("uid", sa.String(64), nullable=False),
        sa.Column("negotiation_id", sa.Integer, nullable=False),
        sa.Column("position_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("sides", sa.JSON, nullable=False),
        sa.Column("detected_at", sa.DateTime, nullable=False),
        sa.Column("resolved_at", sa.DateTime),
        sa.Column("resolved_by", sa.String(200)),
        sa.PrimaryKeyConstraint("id", name="pk_position_conflict"),
        sa.UniqueConstraint("uid", name="uq_position_conflict_uid"),
        _fk("position_conflict", "negotiation_id", "negotiation"),
        _fk("position_conflict", "position_id", "position"),
    )
    op.create_index("ix_position_conflict_negotiation_id", "position_conflict", ["negotiation_id"])


def downgrade() -> None:
    for table in ("position_conflict", "paragraph_status", "note", "position_history", "position"):
        op.drop_table(table)
