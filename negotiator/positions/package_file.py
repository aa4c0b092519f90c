"""A positions package as a file: made from the store, signed and written,
read back and checked.

``export_package`` gathers a negotiation's drafts, positions, notes and
statuses; ``write_package`` signs and saves it; ``read_package`` and
``parse_package`` refuse, in one line, anything damaged, altered, of another
format version, or not matching the strict schema (``package_schema``) and its
signature (``signing``). Merging a checked package into a store is
``package_merge``; the format as a whole is described in ``exchange``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import InputError
from negotiator.domain.stamps import utcnow
from negotiator.positions import package_schema, signing
from negotiator.positions.history import anchor_of, heads, history_rows, winner
from negotiator.storage.models import (
    Actor,
    Draft,
    Negotiation,
    Note,
    Paragraph,
    ParagraphStatus,
    Position,
    PositionConflict,
)
from negotiator.storage.private_files import write_private
from negotiator.text.importer import read_limited
from negotiator.text.parse import ParsedParagraph, content_checksum

FORMAT = package_schema.FORMAT
FORMAT_VERSION = package_schema.FORMAT_VERSION
# A package is read whole into memory; a negotiation's drafts and positions
# are a few MB at most, so anything far larger is not a package.
MAX_PACKAGE_BYTES = 200 * 1024 * 1024


def _ts(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def payload_checksum(payload: Mapping[str, Any]) -> str:
    """SHA-256 of the payload in canonical JSON (sorted keys, no spaces, UTF-8)."""
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


# --- export -----------------------------------------------------------------------------


def export_package(session: Session, negotiation: Negotiation,
                   exported_by: str | None = None) -> dict[str, Any]:
    """Everything a delegation wrote on a negotiation, with its drafts, as a package.

    Returns:
        The package as a dict (see README, "Positions"); `write_package` saves it.
    """
    drafts = session.scalars(select(Draft).where(Draft.negotiation_id == negotiation.id)
                             .order_by(Draft.order)).all()
    draft_by_id = {d.id: d for d in drafts}
    out_drafts = []
    for d in drafts:
        paras = session.scalars(select(Paragraph).where(Paragraph.draft_id == d.id)
                                .order_by(Paragraph.ordinal)).all()
        out_drafts.append({
            "checksum": d.content_checksum, "label": d.label, "symbol": d.symbol,
            "date": d.date.isoformat() if d.date else None, "order": d.order,
            "source_name": d.source_name, "source_checksum": d.source_checksum,
            "warnings": list(d.warnings or []),
            "paragraphs": [{
                "number": p.number, "level": p.level, "kind": p.kind, "section": p.section,
                "text": p.text, "brackets": p.brackets,
                "brackets_balanced": bool(p.brackets_balanced),
                "footnotes": list(p.footnotes or []),
            } for p in paras],
        })
    actors = session.scalars(select(Actor).where(Actor.negotiation_id == negotiation.id)
                             .order_by(Actor.name)).all()
    out_positions = []
    for pos in session.scalars(select(Position).where(Position.negotiation_id == negotiation.id)
                               .order_by(Position.uid)):
        rows = history_rows(session, pos.id)
        hs = heads(rows)
        out_positions.append({
            "uid": pos.uid,
            "created_at": _ts(pos.created_at),
            # Informative only: the importer derives it from the history.
            "current": winner(hs).new if hs else None,
            "history": [{
                "uid": r.uid, "parents": list(r.parents or []), "action": r.action,
                "author": r.author, "at": _ts(r.at), "old": r.old, "new": r.new,
            } for r in sorted(rows, key=lambda r: (r.at, r.uid))],
        })
    paras_by_id: dict[int, Paragraph] = {}

    def anchor(pid: int) -> dict[str, Any]:
        if pid not in paras_by_id:
            p = session.get(Paragraph, pid)
            assert p is not None
            paras_by_id[pid] = p
        p = paras_by_id[pid]
        return anchor_of(p, draft_by_id[p.draft_id])

    notes = [{
        "uid": n.uid, "anchor": anchor(n.paragraph_id), "text": n.text, "author": n.author,
        "created_at": _ts(n.created_at), "deleted": bool(n.deleted),
        "deleted_at": _ts(n.deleted_at), "deleted_by": n.deleted_by,
    } for n in session.scalars(select(Note).where(Note.negotiation_id == negotiation.id)
                               .order_by(Note.uid))]
    statuses = [{
        "uid": s.uid, "anchor": anchor(s.paragraph_id), "status": s.status, "holder": s.holder,
        "due": s.due.isoformat() if s.due else None, "set_by": s.set_by, "set_at": _ts(s.set_at),
    } for s in session.scalars(select(ParagraphStatus).where(
        ParagraphStatus.negotiation_id == negotiation.id).order_by(ParagraphStatus.uid))]
    payload = {
        "drafts": out_drafts,
        "actors": [{"name": a.name, "kind": a.kind} for a in actors],
        "positions": out_positions,
        "notes": notes,
        "statuses": statuses,
    }
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "negotiation": {"title": negotiation.title, "forum": negotiation.forum,
                        "delegation": negotiation.delegation},
        "exported_at": _ts(utcnow()),
        "exported_by": exported_by,
        "payload_sha256": payload_checksum(payload),
        "payload": payload,
    }


def write_package(package: Mapping[str, Any], path: str | Path,
                  key: Ed25519PrivateKey | None = None) -> dict[str, Any]:
    """Sign a package and save it, readable by the user only, whole or not at all.

    Args:
        key: the signing key (default: this user's, created on the first export).

    Returns:
        The signed package as written.
    """
    path = Path(path)
    key = key or signing.load_signing_key()
    if key is None:
        raise InputError(str(path), "cannot be signed: this user has no signing key")
    signed = signing.sign_package(package, key)
    try:
        write_private(path, json.dumps(signed, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc})") from None
    return signed


# --- reading and checking -------------------------------------------------------------


def read_package(path: str | Path) -> dict[str, Any]:
    """Read and check a package file. Refuses (InputError) anything not whole,
    not ours, from a newer Negotiator, or altered since it was written."""
    path = Path(path)
    data = read_limited(path, MAX_PACKAGE_BYTES, "a positions package")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(path.name, "is damaged or not a positions package (not UTF-8 JSON)") from None
    del data  # one copy of a large file in memory at a time, not three
    return parse_package(text, path.name)


def parse_package(data: bytes | str, name: str = "package") -> dict[str, Any]:
    """Check a package's bytes: JSON, format and version, the schema
    (``package_schema``), the drafts' checksums, and the signature. Whether the
    signer is trusted depends on the store: ``import_package`` decides."""
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise InputError(name, "is damaged or not a positions package (not valid JSON)") from None
    del data
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InputError(name, "is not a Negotiator positions package")
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(name, "is refused: format_version: must be a whole number from 1 up; "
                               "nothing was imported")
    if version > FORMAT_VERSION:
        raise InputError(name, f"was written by a newer Negotiator (package format {version}, "
                               f"this one reads up to {FORMAT_VERSION}); update Negotiator")
    if version < FORMAT_VERSION:
        raise InputError(name, f"is an unsigned package (format {version}) from an older Negotiator: "
                               "nobody can tell who made it; ask the sender to export it again")
    package = package_schema.validate_package(raw, name)
    if payload_checksum(raw["payload"]) != raw["payload_sha256"]:
        raise InputError(name, "is damaged or was altered after export (checksum mismatch)")
    signing.verify_package(raw, name)
    for d in package["payload"]["drafts"]:
        if content_checksum([parsed_paragraph(p) for p in d["paragraphs"]]) != d["checksum"]:
            raise InputError(name, f"is damaged (draft '{d['label']}' does not match its checksum)")
    return package


def parsed_paragraph(para: Mapping[str, Any]) -> ParsedParagraph:
    """A package's paragraph as the parser would have made it (for its draft's checksum)."""
    return ParsedParagraph(
        number=para.get("number"), level=int(para.get("level") or 0),
        kind=str(para.get("kind") or "other"), section=para.get("section"), text=para["text"],
        brackets=int(para.get("brackets") or 0),
        brackets_balanced=bool(para.get("brackets_balanced", True)),
        footnotes=tuple(para.get("footnotes") or ()))


# --- comparing two stores ------------------------------------------------------------


def content_digest(session: Session, negotiation: Negotiation) -> dict[str, Any]:
    """What two stores that exchanged packages must agree on: positions (values,
    paragraph, history uids), notes, statuses, drafts and conflicts, by uid and
    checksum (never local ids). Used by tests and to check an exchange."""
    package = export_package(session, negotiation)["payload"]
    positions = {}
    for p in package["positions"]:
        positions[p["uid"]] = {"current": p["current"],
                               "history": sorted(r["uid"] for r in p["history"])}
    conflicts = sorted((c.uid, c.kind, tuple(c.sides), c.resolved_at is None)
                       for c in session.scalars(select(PositionConflict).where(
                           PositionConflict.negotiation_id == negotiation.id)))
    return {
        "drafts": sorted(d["checksum"] for d in package["drafts"]),
        "positions": positions,
        "notes": {n["uid"]: n for n in package["notes"]},
        "statuses": {s["uid"]: s for s in package["statuses"]},
        "conflicts": conflicts,
    }
