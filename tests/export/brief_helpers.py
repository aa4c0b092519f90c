"""Reading a brief back: its tables, its paragraphs' keep-with-next, its text;
and running the command line on a real store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from tests.conftest import ok_in_process, run_in_process
from tests.docx_checks import NS, W, body, paragraph_text


def run(db: Path, *args: str) -> tuple[int, str, str]:
    done = run_in_process(db, *args)
    return done.code, done.out, done.err


ok = ok_in_process


def ok_json(db: Path, *args: str) -> Any:
    return json.loads(ok(db, *args, "--json"))


def table_after(path: Path, heading: str) -> list[list[str]]:
    """The rows (cell texts) of the first table after the heading with this text."""
    blocks = body(path).find("w:body", NS)
    seen = False
    for block in blocks:
        if block.tag == f"{W}p" and paragraph_text(block).strip() == heading:
            seen = True
        elif seen and block.tag == f"{W}tbl":
            return [["\n".join(paragraph_text(p) for p in tc.findall("w:p", NS))
                     for tc in tr.findall("w:tc", NS)] for tr in block.findall("w:tr", NS)]
    raise AssertionError(f"no table after '{heading}'")


def text_of(path: Path) -> str:
    """Every paragraph of the body, tables included, one per line."""
    return "\n".join(paragraph_text(p) for p in body(path).iter(f"{W}p"))


def keeps_with_next(p: etree._Element) -> bool:
    return p.find("w:pPr/w:keepNext", NS) is not None


def body_blocks(path: Path) -> list[etree._Element]:
    return list(body(path).find("w:body", NS))


def style_of(p: etree._Element) -> str | None:
    found = p.find("w:pPr/w:pStyle", NS)
    return None if found is None else found.get(f"{W}val")


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]
