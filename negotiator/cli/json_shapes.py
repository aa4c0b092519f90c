"""The command line's JSON, made from the core's typed results (README documents
each shape). Nothing below the command line builds JSON for a face."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: a command loads just the core modules it runs
    from negotiator.diff.findings import Salient
    from negotiator.drafts.comparison import AlignedEntry, Comparison
    from negotiator.drafts.negotiations import (
        DraftSummary,
        NegotiationSummary,
        ParagraphView,
    )
    from negotiator.positions.conflicts import ConflictView
    from negotiator.positions.history import HistoryEntry
    from negotiator.positions.results import (
        AgreementView,
        NoteView,
        ParagraphPositions,
        ParagraphRef,
        PositionView,
        Signals,
    )


def print_json(value: Any, pretty: bool = False) -> None:
    """Compact JSON on one line (``pretty``: indented by two spaces). Encoded in
    one piece: ``json.dump`` and ``indent`` would use the slow pure-Python encoder."""
    if pretty:
        text = json.dumps(value, ensure_ascii=False, indent=2)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write(text)
    sys.stdout.write("\n")


def _time(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def negotiation(n: NegotiationSummary) -> dict[str, Any]:
    return {"id": n.id, "title": n.title, "forum": n.forum, "delegation": n.delegation,
            "drafts": n.drafts}


def draft(d: DraftSummary) -> dict[str, Any]:
    return {"id": d.id, "label": d.label, "symbol": d.symbol,
            "date": d.date.isoformat() if d.date else None, "order": d.order,
            "source": d.source, "checksum": d.checksum, "paragraphs": d.paragraphs,
            "brackets": d.brackets, "warnings": list(d.warnings), "brought_by": d.brought_by,
            "unconfirmed": d.unconfirmed}


def paragraph(p: ParagraphView) -> dict[str, Any]:
    return {"index": p.index, "id": p.id, "number": p.number, "reference": p.reference,
            "level": p.level, "kind": p.kind, "section": p.section, "text": p.text,
            "brackets": p.brackets, "brackets_balanced": p.brackets_balanced,
            "footnotes": list(p.footnotes), "lineage": p.lineage}


def salient(s: Salient) -> dict[str, Any]:
    return s.as_dict()


def _entry(e: AlignedEntry) -> dict[str, Any]:
    # Tuples and str enums go to the encoder as they are: it writes them as
    # arrays and strings, and a 30,000-entry diff makes no copies.
    kinds = e.kinds
    return {"status": kinds[0] if len(kinds) == 1 else kinds,
            "from": e.old, "to": e.new, "from_refs": e.old_refs, "to_refs": e.new_refs,
            "ops": e.ops, "salient": [salient(s) for s in e.salient] if e.salient else [],
            "brackets_from": e.brackets_from, "brackets_to": e.brackets_to,
            "top_matter": e.top_matter, "newly_agreed": e.newly_agreed}


def _comparison_head(c: Comparison) -> dict[str, Any]:
    s = c.summary
    summary: dict[str, Any] = {str(k): n for k, n in s.counts.items()}
    summary.update(brackets_from=s.brackets_from, brackets_to=s.brackets_to,
                   newly_agreed=list(s.newly_agreed), salient=s.salient, top_matter=s.top_matter)
    return {"from": c.from_label, "to": c.to_label, "summary": summary}


def comparison(c: Comparison) -> dict[str, Any]:
    return {**_comparison_head(c), "paragraphs": [_entry(e) for e in c.entries]}


# Entries encoded per part when a comparison is printed compact.
_PART = 1000


def print_comparison(c: Comparison, pretty: bool = False) -> None:
    """``print_json(comparison(c))``, written part by part when compact: a
    30,000-paragraph comparison never exists whole as dicts or as one string.
    Compact output is encoded by orjson (the same bytes as the standard
    library's compact form, four times faster: the diff's hot path)."""
    if pretty:
        print_json(comparison(c), pretty=True)
        return
    import orjson

    out = _binary_stdout()
    head = orjson.dumps(_comparison_head(c))
    out(head[:-1] + b',"paragraphs":[')
    entries = c.entries
    for start in range(0, len(entries), _PART):
        part = orjson.dumps([_entry(e) for e in entries[start:start + _PART]])
        out((b"," if start else b"") + part[1:-1])
    out(b"]}\n")


def _binary_stdout() -> Callable[[bytes], object]:
    """A writer of UTF-8 bytes to standard output (decoded where output is text only)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # redirected to a text stream (a test, an embedding program)
        return lambda data: sys.stdout.write(data.decode())
    sys.stdout.flush()
    return buffer.write  # type: ignore[no-any-return]


def _ref(r: ParagraphRef) -> dict[str, Any]:
    return {"draft": r.draft, "index": r.index, "number": r.number, "reference": r.reference}


def position(p: PositionView) -> dict[str, Any]:
    return {
        "uid": p.uid, "actor": p.actor, "actor_kind": p.actor_kind, "stance": p.stance,
        "status": p.stage, "state": str(p.state), "amendment": p.amendment,
        "amended_text": p.amended_text, "rationale": p.rationale, "red_line": p.red_line,
        "red_line_flag": p.red_line_flag, "fallback": p.fallback, "priority": p.priority,
        "author": p.author, "updated_at": _time(p.updated_at), "version": p.version,
        "taken_on": {**_ref(p.taken_on), "text": p.taken_on_text},
        "diff": [[op, text] for op, text in p.diff] if p.diff is not None else None,
        "parts": list(p.parts), "merged_from": [_ref(m) for m in p.merged_from],
        "deleted_in": p.deleted_in, "conflict": p.conflict, "primary": p.primary,
    }


def note(n: NoteView) -> dict[str, Any]:
    return {"uid": n.uid, "text": n.text, "author": n.author,
            "created_at": _time(n.created_at), "deleted": n.deleted}


def agreement(a: AgreementView) -> dict[str, Any]:
    return {"index": a.index, "number": a.number, "status": str(a.status), "holder": a.holder,
            "due": a.due.isoformat() if a.due else None, "set_by": a.set_by,
            "set_at": _time(a.set_at), "set_on": a.set_on, "changed_since": a.changed_since}


def paragraph_positions(rows: Iterable[ParagraphPositions]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in rows:
        item: dict[str, Any] = {
            "index": r.index, "number": r.number, "reference": r.reference, "kind": r.kind,
            "text": r.text, "status": str(r.agreement.status) if r.agreement else None,
            "positions": [position(p) for p in r.positions],
            "notes": [note(n) for n in r.notes],
        }
        if r.was is not None:
            item["was"] = _ref(r.was)
        out.append(item)
    return out


def signals(s: Signals) -> dict[str, Any]:
    named = sorted({*s.divergent, *s.red_lines_touched, *s.no_instructions, *s.newly_agreed,
                    *(u.index for u in s.uptake)})
    return {
        "divergent": list(s.divergent), "red_lines_touched": list(s.red_lines_touched),
        "no_instructions": list(s.no_instructions), "newly_agreed": list(s.newly_agreed),
        "uptake": [{"index": u.index, "reference": u.reference, "actor": u.actor,
                    "result": str(u.result), "share": u.share, "uid": u.uid} for u in s.uptake],
        "divergence": [{"index": d.index, "reference": d.reference, "national": d.national,
                        "eu": d.eu, "reason": d.reason} for d in s.divergence],
        # How each index above is named in the draft ("OP 7").
        "references": {str(i): s.references[i] for i in named},
        "has_national_positions": s.has_national_positions,
        "has_eu_positions": s.has_eu_positions,
    }


def history(h: HistoryEntry) -> dict[str, Any]:
    return {"uid": h.uid, "position": h.position, "action": h.action, "author": h.author,
            "at": _time(h.at), "actor": h.actor, "changed": list(h.changed),
            "described": h.describe(), "old": h.old, "new": h.new, "parents": list(h.parents)}


def conflict(c: ConflictView) -> dict[str, Any]:
    return {"id": c.id, "uid": c.uid, "kind": c.kind, "position": c.position, "actor": c.actor,
            "draft": c.draft, "index": c.index, "number": c.number, "reference": c.reference,
            "sides": [{"side": x.side, "ref": x.ref, "author": x.author, "at": _time(x.at),
                       "values": dict(x.values), "text": x.text} for x in c.sides],
            "detected_at": _time(c.detected_at), "resolved_at": _time(c.resolved_at),
            "resolved_by": c.resolved_by}
