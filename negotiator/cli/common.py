"""What every command shares: reading a date, escaping names for the terminal,
printing JSON, who acts, the paragraph a command names, the marking of an export."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from negotiator.cli import json_shapes
from negotiator.drafts import lineage, negotiations
from negotiator.storage.store import Store

Handler = Callable[[argparse.Namespace, Store], int]


def date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date of the form YYYY-MM-DD") from None


_TERMINAL_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7f, *range(0x80, 0xa0))}
_TERMINAL_CONTROLS.update({0x202a + i: f"\\u{0x202a + i:04x}" for i in range(5)})
_TERMINAL_CONTROLS.update({0x2066 + i: f"\\u{0x2066 + i:04x}" for i in range(4)})


def safe(text: object) -> str:
    """A name, label or file name as it may reach a terminal: control
    characters (escape sequences, line breaks, bidi overrides) escaped."""
    return str(text).translate(_TERMINAL_CONTROLS)


def emit_json(args: argparse.Namespace, value: Any) -> None:
    json_shapes.print_json(value, pretty=getattr(args, "pretty", False))




def classification(args: argparse.Namespace, negotiation: Any) -> str | None:
    """The marking of an export: --classification when given ('' removes it),
    else the negotiation's default."""
    if args.classification is None:
        return negotiation.classification or None
    return args.classification.strip() or None




def author_of(args: argparse.Namespace) -> str:
    """Who is acting: --author, else $NEGOTIATOR_AUTHOR, else the login name."""
    import getpass
    import os

    return args.author or os.environ.get("NEGOTIATOR_AUTHOR") or getpass.getuser()


def paragraph_of(s: Any, args: argparse.Namespace) -> Any:

    neg = negotiations.find_negotiation(s, args.negotiation)
    draft = negotiations.find_draft(s, neg, args.label)
    return neg, draft, lineage.find_paragraph(s, draft, args.paragraph)
