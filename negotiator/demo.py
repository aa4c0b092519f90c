"""The demo negotiation shipped with Negotiator: three drafts of a fictional OSCE
Permanent Council decision on ICT confidence-building measures, with its actors.

The files live in the ``resources`` package (``resources/demo/``), written by
``tools/make_demo.py``; ``demo.json`` describes them. Loading the demo is one
transaction: either the whole negotiation is there afterwards, or nothing is.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import importlib.util
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from negotiator.drafts import negotiations
from negotiator.domain.errors import Conflict, InputError
from negotiator.text.importer import ParsedDraft, read_file
from negotiator.storage.models import Actor, Negotiation
from negotiator.storage.store import Store

DEMO_PACKAGE = "resources"
DEMO_FOLDER = "demo"
METADATA = "demo.json"
# Formats the drafts are shipped in; both give the same paragraphs.
FORMATS = ("docx", "txt")


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


def load_demo(store: Store, fmt: str | None = None) -> int:
    """Create the demo negotiation with its actors and its three drafts, in one transaction.

    Args:
        store: the open store.
        fmt: read the drafts from "docx" or "txt" files; None chooses ``default_format()``.

    Returns:
        The id of the new negotiation.

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
        return neg.id
