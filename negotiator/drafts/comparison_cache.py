"""A comparison is computed once: the typed ``Comparison`` of a draft pair is
stored (compact JSON, zlib) under a key made of everything it was computed
from, and read back while the key still matches.

The key: both drafts' content checksums, their paragraphs' lineages and the
user's link corrections on them (a correction anywhere upstream changes the
lineages the comparison anchors on), and a fingerprint of the code that
compares (aligner, word diff, salience, references). A link correction
therefore changes the key; ``forget`` also deletes the rows it made stale.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import orjson
from sqlalchemy import delete, insert, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from negotiator.diff.findings import Category, Salient
from negotiator.diff.worddiff import EQUAL
from negotiator.domain.memory import paused_gc
from negotiator.domain.vocabulary import ChangeKind
from negotiator.drafts.comparison import (
    PART_SEPARATOR,
    AlignedEntry,
    Comparison,
    ComparisonSummary,
    compared_texts,
    footnotes_where_present,
)
from negotiator.storage.models import ComparisonCache, Draft, LineageOverride, Paragraph
from negotiator.storage.store import write_aside

# Bump when the stored shape changes (the code fingerprint covers the algorithms).
FORMAT = 5  # 5: ops hold footnotes (``compared_text``)
# The code whose output a stored comparison is: any change to it is a new key.
_CODE = {
    "negotiator.diff": ("*.py", "lexicons/*.toml"),
    "negotiator.drafts": ("comparison.py", "references.py"),
    "negotiator.domain": ("changes.py", "vocabulary.py"),
    "negotiator.text": ("parse.py",),
}
_KINDS = {str(k): k for k in ChangeKind}
_CATEGORIES = {str(c): c for c in Category}
_COUNTS = tuple(ChangeKind)


@cache
def code_version() -> str:
    """A fingerprint of the comparing code (read once per process, about 1 ms)."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for package, patterns in _CODE.items():
        folder = resources.files(package)
        files = sorted(
            (p for pattern in patterns for p in _glob(folder, pattern)), key=lambda p: p.name)
        for path in files:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _glob(folder: Any, pattern: str) -> Iterable[Any]:
    sub, _, name = pattern.rpartition("/")
    where = folder.joinpath(sub) if sub else folder
    if not where.is_dir():
        return []
    suffix = name.removeprefix("*")
    return [p for p in where.iterdir() if (p.name.endswith(suffix) if name.startswith("*")
                                           else p.name == name)]


def cache_key(session: Session, draft_a: Draft, draft_b: Draft,
              lineages: tuple[Sequence[int | None], Sequence[int | None]] | None = None) -> str:
    """What a comparison of ``draft_a`` -> ``draft_b`` depends on, as one hash.

    ``lineages``: both drafts' paragraph lineages in order, when the caller holds
    them (an import has just planned them); read from the store otherwise.
    """
    digest = hashlib.sha256(
        f"{code_version()}|{draft_a.content_checksum}|{draft_b.content_checksum}|"
        f"{draft_a.order}|{draft_b.order}".encode())
    conn = session.connection()  # Core: plain values, a fraction of the ORM's cost per row
    if lineages is None:
        lineages = (_lineages(conn, draft_a.id), _lineages(conn, draft_b.id))
    for ids in lineages:
        digest.update(repr(list(ids)).encode())  # a list of ints: repr runs in C
    corrections = conn.execute(
        select(LineageOverride.paragraph_id, LineageOverride.source_paragraph_id)
        .join(Paragraph, Paragraph.id == LineageOverride.paragraph_id)
        .where(Paragraph.draft_id.in_((draft_a.id, draft_b.id)))
        .order_by(LineageOverride.paragraph_id)).all()
    digest.update(repr([tuple(r) for r in corrections]).encode())
    return digest.hexdigest()


def _lineages(conn: Connection, draft_id: int) -> Sequence[int | None]:
    return conn.execute(select(Paragraph.lineage_id).where(Paragraph.draft_id == draft_id)
                        .order_by(Paragraph.ordinal)).scalars().all()


def kept_whole(e: AlignedEntry) -> bool:
    """Whether the TO paragraphs' words were all kept: the ops are then their
    compared text (``compared_text``, joined by ``PART_SEPARATOR``), read back from the draft rather than
    stored or held twice (most entries of a big comparison)."""
    return len(e.ops) == 1 and e.ops[0][0] == EQUAL and bool(e.new)


def encode(result: Comparison) -> bytes:
    """A comparison as compact, compressed JSON (labels are not kept: they come
    from the drafts when read, and so do the texts of paragraphs kept whole).

    Column by column rather than entry by entry: reading it back then makes a
    few long lists of small numbers instead of a list per entry, so a big
    comparison costs little more than its typed form.
    """
    s = result.summary
    entries = result.entries
    kind_sets: dict[tuple[ChangeKind, ...], int] = {}
    data = [
        FORMAT,
        [[s.counts[k] for k in _COUNTS], s.brackets_from, s.brackets_to, s.newly_agreed,
         s.salient, s.top_matter],
        [kind_sets.setdefault(e.kinds, len(kind_sets)) for e in entries],
        [len(e.old) for e in entries], [i for e in entries for i in e.old],
        [len(e.new) for e in entries], [j for e in entries for j in e.new],
        [[k, e.ops] for k, e in enumerate(entries) if not kept_whole(e)],
        [[k, [[x.category, x.removed, x.added] for x in e.salient]]
         for k, e in enumerate(entries) if e.salient],
        [e.brackets_from for e in entries], [e.brackets_to for e in entries],
        [k for k, e in enumerate(entries) if e.top_matter],
        [k for k, e in enumerate(entries) if e.newly_agreed],
        list(kind_sets), result.from_refs, result.to_refs,
    ]
    return zlib.compress(orjson.dumps(data), 1)


def decode(blob: bytes, from_label: str, to_label: str,
           to_texts: Callable[[], Sequence[str]]) -> Comparison | None:
    """The comparison ``encode`` stored, or None if it is of another format.

    Args:
        to_texts: the TO draft's paragraphs' compared texts (``compared_texts``;
            asked for once, if needed).
    """
    data = orjson.loads(zlib.decompress(blob))
    if data[0] != FORMAT:
        return None
    (_, summary, kinds, old_n, old_at, new_n, new_at, ops_at, salient_at, b_from, b_to, top,
     agreed, kind_sets, from_refs, to_refs) = data
    del data
    counts, brackets_from, brackets_to, newly_agreed, salient, top_matter = summary
    typed_summary = ComparisonSummary(dict(zip(_COUNTS, counts)), brackets_from, brackets_to,
                                      tuple(newly_agreed), salient, top_matter)
    kind_tuples = [tuple(_KINDS[k] for k in ks) for ks in kind_sets]  # shared by the entries
    ops_of = {k: tuple(map(tuple, ops)) for k, ops in ops_at}
    salient_of = {k: tuple(Salient(_CATEGORIES[c], tuple(r), tuple(a)) for c, r, a in items)
                  for k, items in salient_at}
    top, agreed = set(top), set(agreed)
    texts = to_texts() if len(ops_of) < len(kinds) else []
    from_refs, to_refs = tuple(from_refs), tuple(to_refs)  # entries share these strings
    typed: list[AlignedEntry] = []
    append = typed.append
    oi = ni = 0
    for k, kind in enumerate(kinds):
        no, nn = old_n[k], new_n[k]
        # One paragraph on each side is most entries: no slicing, no generators.
        if no == 1:
            i = old_at[oi]
            old, old_refs = (i,), (from_refs[i],)
        else:
            old = tuple(old_at[oi:oi + no])
            old_refs = tuple(from_refs[i] for i in old)
        if nn == 1:
            j = new_at[ni]
            new, new_refs = (j,), (to_refs[j],)
        else:
            new = tuple(new_at[ni:ni + nn])
            new_refs = tuple(to_refs[j] for j in new)
        oi += no
        ni += nn
        ops = ops_of.get(k)
        if ops is None:
            ops = ((EQUAL, texts[new[0]] if nn == 1 else PART_SEPARATOR.join(texts[j] for j in new)),)
        append(AlignedEntry(kind_tuples[kind], old, new, old_refs, new_refs, ops,
                            salient_of.get(k, ()), b_from[k], b_to[k], k in top, k in agreed))
    return Comparison(from_label, to_label, typed_summary, tuple(typed), from_refs, to_refs)


def cached(session: Session, draft_a: Draft, draft_b: Draft,
           compute: Callable[[Session, Draft, Draft], Comparison]) -> Comparison:
    """The stored comparison of the pair if still valid, else ``compute``'s,
    stored for next time (in the caller's transaction, or, when it only reads,
    in a short one of its own that gives up rather than wait for a writer)."""
    key = cache_key(session, draft_a, draft_b)
    row = session.execute(
        select(ComparisonCache.key, ComparisonCache.data).where(
            ComparisonCache.from_draft_id == draft_a.id, ComparisonCache.to_draft_id == draft_b.id)
    ).first()
    if row is not None and row.key == key:
        blob = row.data
        del row
        with paused_gc():
            found = decode(blob, draft_a.label, draft_b.label, lambda: compared_texts(
                session.connection().execute(
                    select(Paragraph.text, footnotes_where_present())
                    .where(Paragraph.draft_id == draft_b.id).order_by(Paragraph.ordinal)).all()))
        if found is not None:
            return found
    result = compute(session, draft_a, draft_b)
    store(session, draft_a, draft_b, result, key)
    return result


def store(session: Session, draft_a: Draft, draft_b: Draft, result: Comparison,
          key: str | None = None) -> None:
    """Keep ``result`` as the comparison of ``draft_a`` -> ``draft_b`` (in the
    caller's transaction, or aside when the caller only reads)."""
    key = key or cache_key(session, draft_a, draft_b)
    blob = encode(result)

    def write(conn: Connection | Session) -> None:
        conn.execute(delete(ComparisonCache).where(ComparisonCache.from_draft_id == draft_a.id,
                                                   ComparisonCache.to_draft_id == draft_b.id))
        conn.execute(insert(ComparisonCache), [{
            "from_draft_id": draft_a.id, "to_draft_id": draft_b.id, "key": key, "data": blob,
        }])

    write_aside(session, write)


def forget(session: Session, draft_ids: Iterable[int]) -> None:
    """Delete the stored comparisons that involve these drafts (their lineages changed)."""
    ids = list(draft_ids)
    if ids:
        session.execute(delete(ComparisonCache).where(or_(
            ComparisonCache.from_draft_id.in_(ids), ComparisonCache.to_draft_id.in_(ids))))
