"""Server mode on PostgreSQL: immutable drafts, delegations, roles and row-level security.

On SQLite this migration only adds `note.delegation` (always empty there).

Who sees what (see negotiator/storage/server.py and README, "A shared store"):
- every table is readable and writable by members of the role `negotiator_member`
  who belong to a delegation of this database (`server_member`); anyone else sees nothing;
- a *national position* is a position whose actor is a delegation registered on
  the server (`server_delegation`): only that delegation's members see or write it,
  its history and its conflicts. Every other position (the EU line, the chair,
  states without a delegation on the server) is shared;
- a note belongs to the delegation of the member who wrote it (a trigger stamps
  `note.delegation` from the session user); notes without one are shared.

Revision ID: 0005
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MEMBER_ROLE = "negotiator_member"
# The tables shared by every member of the negotiation.
SHARED = ("negotiation", "actor", "draft", "lineage", "paragraph", "lineage_merge",
          "lineage_override", "paragraph_status", "trusted_key")
DELEGATION_KEY = "lower(regexp_replace(btrim({0}), '\\s+', ' ', 'g'))"

IMMUTABLE = [
    """CREATE FUNCTION negotiator_paragraph_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'paragraphs of an imported draft cannot change'; END $$""",
    """CREATE TRIGGER paragraph_immutable BEFORE UPDATE OF draft_id, ordinal, number, text
       ON paragraph FOR EACH ROW EXECUTE FUNCTION negotiator_paragraph_immutable()""",
    """CREATE FUNCTION negotiator_draft_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'an imported draft cannot change'; END $$""",
    """CREATE TRIGGER draft_immutable BEFORE UPDATE OF source_checksum, content_checksum
       ON draft FOR EACH ROW EXECUTE FUNCTION negotiator_draft_immutable()""",
]

SERVER = [
    # Delegations on this server, by their key (actor_key: trimmed, one space, lower case).
    """CREATE TABLE server_delegation (
         key varchar(200) PRIMARY KEY,
         name varchar(200) NOT NULL)""",
    """CREATE TABLE server_member (
         role_name name PRIMARY KEY,
         delegation varchar(200) NOT NULL REFERENCES server_delegation(key))""",
    # The delegation the connected user acts for, or NULL. Not SECURITY DEFINER:
    # members read their own membership row (policy below), so SET ROLE works too.
    """CREATE FUNCTION negotiator_delegation() RETURNS varchar LANGUAGE sql STABLE
       AS $$ SELECT delegation FROM server_member WHERE role_name = current_user $$""",
    """CREATE FUNCTION negotiator_stamp_note() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE mine varchar := negotiator_delegation();
       BEGIN
         IF mine IS NOT NULL THEN
           IF TG_OP = 'UPDATE' THEN NEW.delegation := OLD.delegation;
           ELSE NEW.delegation := (SELECT name FROM server_delegation WHERE key = mine);
           END IF;
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER note_delegation BEFORE INSERT OR UPDATE ON note
       FOR EACH ROW EXECUTE FUNCTION negotiator_stamp_note()""",
    # Colleagues' clients refresh when something changed (payload: the table only).
    """CREATE FUNCTION negotiator_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('negotiator_changes', TG_TABLE_NAME); RETURN NULL; END $$""",
]

IS_MEMBER = "(SELECT negotiator_delegation()) IS NOT NULL"
OWN_OR_SHARED_ACTOR = (
    f"{IS_MEMBER} AND actor_id IN (SELECT a.id FROM actor a WHERE "
    f"{DELEGATION_KEY.format('a.name')} = (SELECT negotiator_delegation()) OR NOT EXISTS "
    f"(SELECT 1 FROM server_delegation d WHERE d.key = {DELEGATION_KEY.format('a.name')}))"
)
VISIBLE_POSITION = f"{IS_MEMBER} AND position_id IN (SELECT id FROM position)"
OWN_OR_SHARED_NOTE = (
    f"{IS_MEMBER} AND (delegation IS NULL OR {DELEGATION_KEY.format('delegation')} "
    "= (SELECT negotiator_delegation()))"
)
POLICIES = {
    **{table: (IS_MEMBER, IS_MEMBER) for table in SHARED},
    "position": (OWN_OR_SHARED_ACTOR, OWN_OR_SHARED_ACTOR),
    "position_history": (VISIBLE_POSITION, VISIBLE_POSITION),
    "position_conflict": (VISIBLE_POSITION, VISIBLE_POSITION),
    "note": (OWN_OR_SHARED_NOTE, OWN_OR_SHARED_NOTE),
}
CHANGE_TABLES = ("draft", "position", "position_history", "note", "paragraph_status",
                 "lineage_override", "position_conflict")


def upgrade() -> None:
    op.add_column("note", sa.Column("delegation", sa.String(200)))
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in IMMUTABLE + SERVER:
        op.execute(sql)
    op.execute(f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{MEMBER_ROLE}') THEN
          CREATE ROLE {MEMBER_ROLE} NOLOGIN;
        END IF; END $$""")
    op.execute(f"GRANT USAGE ON SCHEMA {_schema()} TO {MEMBER_ROLE}")
    op.execute(f"GRANT SELECT ON alembic_version, server_delegation, server_member TO {MEMBER_ROLE}")
    op.execute("ALTER TABLE server_member ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY own_row ON server_member USING (role_name = current_user)")
    for table, (using, check) in POLICIES.items():
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {MEMBER_ROLE}")
        op.execute(f"GRANT USAGE, SELECT ON SEQUENCE {table}_id_seq TO {MEMBER_ROLE}")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY delegation_rows ON {table} USING ({using}) WITH CHECK ({check})")
    for table in CHANGE_TABLES:
        op.execute(f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION negotiator_notify_change()")


def _schema() -> str:
    return str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in CHANGE_TABLES:
            op.execute(f"DROP TRIGGER {table}_changed ON {table}")
        for table in POLICIES:
            op.execute(f"DROP POLICY delegation_rows ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
            op.execute(f"REVOKE ALL ON {table} FROM {MEMBER_ROLE}")
        op.execute(f"REVOKE ALL ON alembic_version FROM {MEMBER_ROLE}")
        op.execute("DROP TRIGGER note_delegation ON note")
        op.execute("DROP TRIGGER paragraph_immutable ON paragraph")
        op.execute("DROP TRIGGER draft_immutable ON draft")
        for function in ("negotiator_notify_change", "negotiator_stamp_note",
                         "negotiator_paragraph_immutable", "negotiator_draft_immutable"):
            op.execute(f"DROP FUNCTION {function}()")
        op.execute("DROP TABLE server_member")
        op.execute("DROP FUNCTION negotiator_delegation()")
        op.execute("DROP TABLE server_delegation")
    with op.batch_alter_table("note") as batch:
        batch.drop_column("delegation")
