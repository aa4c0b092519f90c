"""The position commands (README, "Positions"): take and list positions,
signals, history, notes, paragraph status, packages, keys, conflicts."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from typing import Any

from negotiator.cli import json_shapes
from negotiator.cli.common import (
    Handler,
    author_of,
    date_arg,
    emit_json,
    paragraph_of,
    safe,
)
from negotiator.domain.actors import same_actor
from negotiator.domain.errors import NegotiatorError
from negotiator.drafts import lineage, negotiations
from negotiator.drafts.references import draft_references, paragraph_reference
from negotiator.storage.store import Store


def cmd_position(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    values: dict[str, Any] = {}
    for key in ("stance", "amendment", "rationale", "fallback", "priority", "status"):
        if getattr(args, key) is not None:
            values[key] = getattr(args, key)
    if args.red_line is not None:
        values["red_line"] = args.red_line
    if args.no_red_line:
        values["red_line"], values["red_line_flag"] = None, False
    with store.transaction() as s:
        _neg, draft, para = paragraph_of(s, args)
        change = positions.set_position(
            s, para.id, args.actor, values, author=author_of(args),
            expected_version=args.expect_version, actor_kind=args.actor_kind)
        where = safe(f"{draft.label} {paragraph_reference(s, para)}")
    if not change.changed:
        print(f"{safe(change.actor)} on {where}: unchanged (version {change.version})")
    else:
        verb = "taken" if change.created else "updated"
        print(f"{safe(change.actor)} on {where}: position {verb} (version {change.version}, "
              f"{change.uid[:8]})")
    return 0


def cmd_positions(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.label)
        rows = positions.draft_positions(s, neg, draft)
    if args.actor:
        rows = [dataclasses.replace(r, positions=tuple(p for p in r.positions
                                                       if same_actor(p.actor, args.actor)))
                for r in rows]
    if args.json:
        emit_json(args, json_shapes.paragraph_positions(rows))
        return 0
    shown = 0
    for r in rows:
        if not r.positions:
            continue
        shown += 1
        head = r.reference if r.index is not None else f"(deleted) was {r.reference}"
        status = str(r.agreement.status) if r.agreement else "-"
        print(f"{head}  [{status}]  {safe(r.text[:70])}")
        for p in r.positions:
            flags = [f for f, on in (("RED LINE", p.red_line_flag), ("CONFLICT", p.conflict),
                                     ("superseded", not p.primary and r.index is not None)) if on]
            extra = f"  ({', '.join(flags)})" if flags else ""
            print(f"    {safe(p.actor):<12} {p.stance:<24} {p.stage:<11} {p.state}{extra}")
            if p.state == "split":
                print(f"        split into {', '.join(r.reference for r in rows if r.index in p.parts)}")
            if p.state == "merged":
                print(f"        merged from {p.merged_from[0].draft} "
                      + ", ".join(m.reference for m in p.merged_from))
            if p.state == "paragraph_deleted":
                print(f"        paragraph deleted in {p.deleted_in}")
            if p.diff:
                print("        " + "".join(t if op == "=" else f"[-{t}-]" if op == "-" else f"{{+{t}+}}"
                                            for op, t in p.diff))
    if not shown:
        print(f"no positions on '{safe(args.label)}' yet; take one with `negotiator position`")
    return 0



def cmd_signals(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.label)
        result = positions.signals(s, neg, draft, national=args.national)
    if args.json:
        emit_json(args, json_shapes.signals(result))
        return 0

    def listing(name: str, values: tuple[int, ...]) -> None:
        print(f"{name:<20} " + (", ".join(result.references[i] for i in values) if values else "-"))

    if result.has_national_positions:
        listing("divergent (EU)", result.divergent)
        listing("red lines touched", result.red_lines_touched)
    else:
        print("no national positions are recorded for this draft: "
              "divergence and red lines cannot be assessed")
    listing("no instructions", result.no_instructions)
    listing("newly agreed", result.newly_agreed)
    for u in result.uptake:
        share = f" ({u.share:.0%})" if u.result == "partly" else ""
        print(f"uptake {u.reference:<10} {safe(u.actor):<12} {u.result}{share}")
    return 0



def cmd_history(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.read() as s:
        _neg, _draft, para = paragraph_of(s, args)
        rows = positions.position_history(s, para.id, args.actor)
    if args.json:
        emit_json(args, [json_shapes.history(r) for r in rows])
        return 0
    if not rows:
        print("no positions on this paragraph")
    author_width = max((len(safe(r.author or "?")) for r in rows), default=0)
    actor_width = max((len(safe(r.actor)) for r in rows), default=0)
    for r in rows:
        print(f"{r.at:%Y-%m-%d %H:%M}  {safe(r.author or '?'):<{author_width}}  "
              f"{safe(r.actor):<{actor_width}}  " + "; ".join(r.describe()))
    return 0



def cmd_note(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.transaction(read_only=not (args.text or args.delete)) as s:
        neg, _draft, para = paragraph_of(s, args)
        if args.delete:
            result: Any = positions.delete_note(s, neg.id, args.delete, author=author_of(args))
        elif args.text:
            result = positions.add_note(s, para.id, args.text, author=author_of(args))
        else:
            result = positions.list_notes(s, para.id)
    if args.json:
        emit_json(args, [json_shapes.note(n) for n in result] if isinstance(result, list)
                    else json_shapes.note(result))
    elif args.delete:
        print(f"note {result.uid[:8]} deleted")
    elif args.text:
        print(f"note {result.uid[:8]} added")
    else:
        for n in result:
            print(f"{n.uid[:8]}  {n.created_at:%Y-%m-%d %H:%M}  {safe(n.author or '?')}: {n.text}")
    return 0



def cmd_status(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.transaction(read_only=args.set is None) as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.label)
        para = lineage.find_paragraph(s, draft, args.paragraph) if args.paragraph else None
        if args.set is not None:
            if para is None:
                raise NegotiatorError("name the paragraph whose status you set")
            positions.set_paragraph_status(s, para.id, args.set, holder=args.holder,
                                           due=args.due, author=author_of(args))
        rows = positions.paragraph_statuses(s, neg, draft)
        labels = draft_references(s, draft.id)
        if para is not None:
            rows = [r for r in rows if r.index == para.ordinal]
    if args.json:
        emit_json(args, [json_shapes.agreement(r) for r in rows])
        return 0
    width = max((len(labels[r.index]) for r in rows), default=8)
    for r in rows:
        extra = ""
        if r.status == "agreed_ad_ref":
            extra = f"  reservation: {r.holder or '?'}, due {r.due or '?'}"
        if r.changed_since:
            extra += f"  CHANGED since agreed on {r.set_on}"
        print(f"{labels[r.index]:<{width}}  {r.status}{safe(extra)}")
    return 0



def cmd_export_positions(args: argparse.Namespace, store: Store) -> int:
    from negotiator.positions import exchange, signing

    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        package = exchange.export_package(s, neg, exported_by=author_of(args))
    signed = exchange.write_package(package, args.output)
    counts = package["payload"]
    print(f"wrote {safe(args.output)} (signed, key {signing.fingerprint(signed['signer']['public_key'])}): "
          f"{len(counts['positions'])} positions, "
          f"{len(counts['notes'])} notes, {len(counts['statuses'])} statuses, "
          f"{len(counts['drafts'])} drafts")
    return 0


def cmd_import_positions(args: argparse.Namespace, store: Store) -> int:
    from negotiator.positions import exchange, signing

    package = exchange.read_package(args.file)
    with store.transaction() as s:
        result = exchange.import_package(
            s, package, negotiation=args.negotiation, trust=args.trust,
            own_fingerprint=signing.own_fingerprint(), author=author_of(args), source=args.file)
    if args.json:
        emit_json(args, result)
        return 0
    name = safe(args.file)
    signer = f" (signed by {safe(result['signed_by'])}, key {result['fingerprint']})"
    counts = {k: v for k, v in result.items() if isinstance(v, int) and not isinstance(v, bool)}
    if not any(counts.values()):
        print(f"{name}: nothing new{signer}")
    else:
        parts = [f"{v} {k.replace('_', ' ')}" for k, v in counts.items() if v]
        print(f"{name}: merged into '{safe(result['negotiation'])}'{signer}: " + ", ".join(parts))
    if result["drafts"]:
        print(f"{result['drafts']} draft(s) from {safe(result['signed_by'])}'s package, not confirmed: "
              "check them against the chair's document, then `negotiator confirm-draft`")
    if result["conflicts"]:
        print(f"{len(result['conflicts'])} conflict(s) to resolve: see `negotiator conflicts`")
    return 0


def cmd_keys(args: argparse.Namespace, store: Store) -> int:
    from negotiator.positions import signing

    own = signing.own_fingerprint()
    with store.read() as s:
        keys = signing.trusted_keys(s)
    if args.json:
        emit_json(args, {"own": own, "trusted": keys})
        return 0
    print(f"your key: {own}" if own else "your key: none yet (made on your first export)")
    for k in keys:
        print(f"trusted:  {k['fingerprint']}  {safe(k['name'])}  (since {k['added_at'][:10]}, "
              f"by {safe(k['added_by'] or '?')})")
    if not keys:
        print("no colleagues trusted yet (import-positions --trust adds one)")
    return 0


def cmd_confirm_draft(args: argparse.Namespace, store: Store) -> int:
    from negotiator.drafts.provenance import confirm_draft

    with store.transaction() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.label)
        result = confirm_draft(s, draft, author_of(args))
    print(f"{safe(result['draft'])} (from {safe(result['brought_by'])}'s package) confirmed "
          "against the chair's document")
    return 0


def cmd_conflicts(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation) if args.negotiation else None
        rows = positions.list_conflicts(s, neg, include_resolved=args.all)
    if args.json:
        emit_json(args, [json_shapes.conflict(c) for c in rows])
        return 0
    if not rows:
        print("no conflicts")
    for c in rows:
        state = f"resolved by {c.resolved_by}" if c.resolved_at else "open"
        print(f"{c.id}  {c.kind}  {safe(c.actor)} on {safe(c.draft)} {c.reference}  ({state})")
        for side in c.sides:
            v = side.values
            print(f"    {side.side}: {safe(side.author or '?')} at {side.at:%Y-%m-%d %H:%M}: {v['stance']}, "
                  f"{v['status']}" + (f", amendment: {v['amendment']}" if v["amendment"] else "")
                  + (" (withdrawn)" if side.withdrawn else ""))
    return 0



def cmd_resolve(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.transaction() as s:
        result = positions.resolve_conflict(s, args.conflict, args.take, author=author_of(args))
    print(f"conflict {result['conflict']} resolved: kept side {result['kept']}")
    return 0


def add_position_commands(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    """The positions commands, added to the `negotiator` parser."""
    from negotiator.storage.models import POSITION_STATUSES, PRIORITIES, STANCES

    def target(p: argparse.ArgumentParser) -> None:
        p.add_argument("negotiation", help="title or id")
        p.add_argument("label", help="draft label")
        p.add_argument("paragraph", help="displayed number ('12', '12 bis', 'PP3') or #INDEX")

    def author(p: argparse.ArgumentParser) -> None:
        p.add_argument("--author", help="who acts (default: $NEGOTIATOR_AUTHOR, else login name)")

    p = command("position", cmd_position, "take or change a position on a paragraph")
    target(p)
    p.add_argument("--actor", required=True,
                   help="delegation or group, created on first use; 'EU' is the EU-coordinated line")
    p.add_argument("--actor-kind", choices=("state", "group", "chair", "other"),
                   help="kind of a new actor (default: guessed from the name)")
    p.add_argument("--stance", choices=STANCES)
    p.add_argument("--amendment", help="replacement text, or the paragraph with "
                   "[-deleted-] and {+inserted+} marks")
    p.add_argument("--rationale", help="rationale or talking points")
    p.add_argument("--red-line", help="what we cannot accept; quote words to have them checked")
    p.add_argument("--no-red-line", action="store_true", help="clear the red line")
    p.add_argument("--fallback", help="what we would accept instead")
    p.add_argument("--priority", choices=PRIORITIES)
    p.add_argument("--status", choices=POSITION_STATUSES)
    p.add_argument("--expect-version", type=int, metavar="N",
                   help="refuse if the position is no longer at version N (0: none yet)")
    author(p)

    p = command("positions", cmd_positions,
                "each paragraph of a draft with its positions and carry-forward state")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("label", help="draft label")
    p.add_argument("--actor", help="only this actor's positions")
    p.add_argument("--json", action="store_true")

    p = command("signals", cmd_signals,
                "divergence from the EU line, red lines touched, uptake, missing instructions")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("label", help="draft label")
    p.add_argument("--national", help="the national actor (default: the negotiation's delegation)")
    p.add_argument("--json", action="store_true")

    p = command("history", cmd_history, "every change to the positions on a paragraph")
    target(p)
    p.add_argument("--actor", help="only this actor's positions")
    p.add_argument("--json", action="store_true")

    p = command("note", cmd_note, "add, list or delete notes on a paragraph")
    target(p)
    p.add_argument("text", nargs="?", help="the note to add (without: list the notes)")
    p.add_argument("--delete", metavar="UID", help="delete a note (uid or its first characters)")
    p.add_argument("--json", action="store_true")
    author(p)

    p = command("status", cmd_status,
                "paragraph status (open, bracketed, agreed_ad_ref, agreed); --set to change")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("label", help="draft label")
    p.add_argument("paragraph", nargs="?", help="number or #INDEX (without: every paragraph)")
    p.add_argument("--set", choices=("agreed_ad_ref", "agreed", "open"))
    p.add_argument("--holder", help="who holds the ad ref reservation")
    p.add_argument("--due", type=date_arg, help="date an answer is due, YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    author(p)

    p = command("export-positions", cmd_export_positions,
                "write positions, history, notes and statuses to a package for another laptop")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("-o", "--output", required=True, help="package file to write (.json)")
    author(p)

    p = command("import-positions", cmd_import_positions,
                "merge a package from another laptop into this store")
    p.add_argument("file")
    p.add_argument("--negotiation", help="local negotiation to merge into "
                   "(default: the one with the package's title)")
    p.add_argument("--trust", action="store_true",
                   help="trust the package's signer (a colleague whose key fingerprint you "
                        "compared with them, by phone) and merge")
    p.add_argument("--json", action="store_true")
    author(p)

    p = command("keys", cmd_keys, "your signing key's fingerprint and the colleagues you trust")
    p.add_argument("--json", action="store_true")

    p = command("confirm-draft", cmd_confirm_draft,
                "confirm a draft brought in a colleague's package against the chair's document")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("label", help="draft label")
    author(p)

    p = command("conflicts", cmd_conflicts, "positions changed on two laptops at once")
    p.add_argument("negotiation", nargs="?", help="title or id (default: all)")
    p.add_argument("--all", action="store_true", help="include resolved conflicts")
    p.add_argument("--json", action="store_true")

    p = command("resolve", cmd_resolve, "settle a conflict by keeping one side")
    p.add_argument("conflict", help="conflict number (or uid prefix) from `negotiator conflicts`")
    p.add_argument("--take", required=True, help="the side to keep: a, b, ...")
    author(p)
