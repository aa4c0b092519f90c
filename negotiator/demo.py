"""The demo negotiation shipped with Negotiator: three drafts of a fictional OSCE
Permanent Council decision on ICT confidence-building measures, with its actors.

The files live in the ``resources`` package (``resources/demo/``), written by
``tools/make_demo.py``; ``demo.json`` describes them. Loading the demo is one
transaction: either the whole negotiation is there afterwards, or nothing is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.resources
import importlib.util
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from negotiator import positions
from negotiator.domain.errors import Conflict, InputError
from negotiator.drafts import negotiations
from negotiator.drafts.lineage import find_paragraph
from negotiator.storage.models import Actor, Negotiation
from negotiator.storage.private_files import atomic_target
from negotiator.storage.store import HEAD_REVISION, Store
from negotiator.text.importer import ParsedDraft, read_file

DEMO_PACKAGE = "resources"
DEMO_FOLDER = "demo"
METADATA = "demo.json"
# Formats the drafts are shipped in; both give the same paragraphs.
FORMATS = ("docx", "txt")
# Who the demo's positions are recorded as written by.
DEMO_AUTHOR = "demo"


def demo_files() -> Path:
    """The folder that holds the demo drafts and ``demo.json``.

    Found through the ``resources`` package, so it works from a source tree and
    from an installed wheel alike.

    Returns:
        The folder as a filesystem path.

    Raises:
        InputError: the package is installed without its demo files.
    """
    folder = Path(str(importlib.resources.files(DEMO_PACKAGE).joinpath(DEMO_FOLDER)))
    if not (folder / METADATA).is_file():
        raise InputError(str(folder), "the demo files are missing from this installation")
    return folder


def demo_metadata() -> dict[str, Any]:
    """The contents of ``demo.json``: title, forum, actors, drafts, expected links, positions."""
    data: dict[str, Any] = json.loads((demo_files() / METADATA).read_text(encoding="utf-8"))
    return data


def default_format() -> str:
    """Word when the Word reader is present (the way drafts really arrive), else plain text."""
    return "docx" if importlib.util.find_spec("negotiator.text.docx_reader") is not None else "txt"


def read_demo_drafts(fmt: str | None = None) -> list[tuple[dict[str, Any], ParsedDraft]]:
    """Parse the three demo drafts (nothing is stored).

    Args:
        fmt: "docx" or "txt"; None chooses ``default_format()``.

    Returns:
        (draft metadata from demo.json, parsed draft) in the order of the negotiation.
    """
    fmt = fmt or default_format()
    if fmt not in FORMATS:
        raise InputError(fmt, f"is not a demo format (choose from {', '.join(FORMATS)})")
    folder = demo_files()
    out = []
    for draft in demo_metadata()["drafts"]:
        name = draft["file"] if fmt == "docx" else draft["text_file"]
        out.append((draft, read_file(folder / name)))
    return out


def find_demo(store: Store) -> int | None:
    """The id of the demo negotiation in this store, if it is loaded."""
    title = demo_metadata()["title"]
    with store.transaction() as s:
        return s.scalar(select(Negotiation.id).where(Negotiation.title == title))


@dataclass(frozen=True)
class DemoLoaded:
    """What `load_demo` put in the store."""

    negotiation_id: int
    drafts: int
    positions: int
    notes: int
    statuses: int


def load_demo(store: Store, fmt: str | None = None) -> DemoLoaded:
    """Create the demo negotiation in one transaction: its actors, its three drafts,
    and the positions, notes and paragraph statuses a delegation would have by Rev.2.

    The command line (`negotiator demo`) and the window's demo both call this, so
    they show the same thing.

    Args:
        store: the open store.
        fmt: read the drafts from "docx" or "txt" files; None chooses ``default_format()``.

    Raises:
        Conflict: the demo negotiation is already in the store (nothing is changed).
    """
    meta = demo_metadata()
    # Parse before opening the transaction: a bad file changes nothing.
    drafts = read_demo_drafts(fmt)
    with store.transaction() as s:
        existing = s.scalar(select(Negotiation.id).where(Negotiation.title == meta["title"]))
        if existing is not None:
            raise Conflict(
                f"the demo negotiation is already in this store (negotiation {existing}, "
                f"'{meta['title']}'); see `negotiator drafts {existing}`"
            )
        neg = negotiations.create_negotiation(s, meta["title"], meta["forum"], meta["delegation"])
        known = {meta["delegation"]}
        for actor in meta["actors"]:
            if actor["name"] not in known:
                s.add(Actor(negotiation_id=neg.id, name=actor["name"], kind=actor["kind"]))
                known.add(actor["name"])
        for info, parsed in drafts:
            negotiations.import_draft(
                s, neg, parsed, info["label"],
                symbol=info["symbol"], date=dt.date.fromisoformat(info["date"]),
            )

        def paragraph_id(item: dict[str, Any]) -> int:
            draft = negotiations.find_draft(s, neg, item["draft"])
            return find_paragraph(s, draft, f"#{item['index']}").id

        for p in meta["positions"]:
            values = {k: p[k] for k in ("stance", "amendment", "rationale", "red_line",
                                        "fallback", "priority") if p.get(k)}
            positions.set_position(s, paragraph_id(p), p["actor"], values, author=DEMO_AUTHOR,
                                   clock=_demo_clock(p["draft"]))
        for n in meta.get("notes", []):
            positions.add_note(s, paragraph_id(n), n["text"], author=n["author"],
                               clock=_demo_clock(n["draft"]))
        for st in meta.get("statuses", []):
            positions.set_paragraph_status(
                s, paragraph_id(st), st["status"], holder=st.get("holder"),
                due=dt.date.fromisoformat(st["due"]) if st.get("due") else None,
                author=st.get("set_by") or DEMO_AUTHOR, clock=_demo_clock(st["draft"]))
        return DemoLoaded(neg.id, len(drafts), len(meta["positions"]),
                          len(meta.get("notes", [])), len(meta.get("statuses", [])))


def _demo_clock(label: str) -> Callable[[], dt.datetime]:
    """Demo rows are stamped on the date of the draft they were written on, so the
    demo reads the same whenever it is loaded."""
    day = next(dt.date.fromisoformat(d["date"]) for d in demo_metadata()["drafts"]
               if d["label"] == label)
    return lambda: dt.datetime(day.year, day.month, day.day, 12, 0)


# --- The demo as a ready store ---------------------------------------------------
#
# `negotiator --demo` copies a store that already holds the demo instead of
# importing three Word files at every start: the wheel carries one built at
# packaging time (setup.py), a source checkout builds one once per version of
# the demo's sources and of the code that reads them (``demo_store_key``).

DEMO_STORE = "demo.sqlite"


def demo_store_key() -> str:
    """What a ready demo store is built from: the demo files, the schema and the
    core's code (a changed reader could read the drafts differently)."""
    digest = hashlib.sha256(HEAD_REVISION.encode())
    folder = demo_files()
    for path in sorted(p for p in folder.iterdir() if p.name != DEMO_STORE and p.is_file()):
        digest.update(path.name.encode() + path.read_bytes())
    core = Path(__file__).resolve().parent
    for path in sorted(core.rglob("*.py")):  # by size and time: start-up reads no code
        stat = path.stat()
        digest.update(f"{path.relative_to(core)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def build_demo_store(path: Path, fmt: str | None = None) -> None:
    """Write a store holding only the demo negotiation to ``path`` (replaced if
    there), as one self-contained file, whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_target(path) as part:
        sidecars = [Path(f"{part}{extra}") for extra in ("-wal", "-shm")]
        for sidecar in sidecars:  # a killed build's log would be replayed into the new file
            sidecar.unlink(missing_ok=True)
        try:
            store = Store.open(part)
            try:
                load_demo(store, fmt)
            finally:
                store.close()
            plain = sqlite3.connect(part)  # one file, no -wal beside it (a copy opens in WAL again)
            try:
                plain.execute("PRAGMA journal_mode=DELETE")
            finally:
                plain.close()
        finally:
            for sidecar in sidecars:
                sidecar.unlink(missing_ok=True)


def ready_demo_store(cache: Path) -> Path:
    """A ready demo store to copy: the one shipped in the wheel, else the one
    built for this checkout in ``cache`` (built now if missing; older ones removed)."""
    shipped = demo_files() / DEMO_STORE
    if shipped.is_file():
        return shipped
    built = cache / f"demo-{demo_store_key()}.sqlite"
    if not built.is_file():
        for old in cache.glob("demo-*.sqlite"):
            old.unlink(missing_ok=True)
        build_demo_store(built)
    return built
