"""Offline exchange of positions between laptops: a versioned JSON package.

A package names nothing by database id: drafts by the checksum of their
content, paragraphs by their place and text in that draft, positions, history
rows, notes and statuses by uids made where they were written. It carries the
paragraphs of every draft of the negotiation, so a store that lacks a draft
gets it. Importing merges: what is new is added, what is known is left alone
(importing twice changes nothing the second time), both laptops' histories are
kept, and a position changed on both sides since their last exchange keeps
both versions and opens a conflict (`negotiator conflicts` / `resolve`).

The format is documented in README, "Exchange between laptops". Every
package is signed by its exporter (``signing``) and checked against one strict
schema (``package_schema``) before anything is written; a package from another
negotiation, from a newer or older Negotiator, damaged, altered, malformed or
signed by a key this store does not trust is refused in one line. Everything a
package names is looked up within the negotiation being merged.

The work is in two modules: ``package_file`` makes, signs, writes, reads and
checks a package; ``package_merge`` merges a checked one into the store. Their
public names are re-exported here, the one place callers import them from.
"""

from __future__ import annotations

from negotiator.positions.package_file import (
    FORMAT,
    FORMAT_VERSION,
    MAX_PACKAGE_BYTES,
    content_digest,
    export_package,
    parse_package,
    parsed_paragraph,
    payload_checksum,
    read_package,
    write_package,
)
from negotiator.positions.package_merge import OWN_KEY, import_package

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_PACKAGE_BYTES",
    "OWN_KEY",
    "content_digest",
    "export_package",
    "import_package",
    "parse_package",
    "parsed_paragraph",
    "payload_checksum",
    "read_package",
    "write_package",
]
