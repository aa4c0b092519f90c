"""The `negotiator` command line: headless faces of the core operations.

Errors a user can cause print one line on stderr and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import Any

from negotiator import __version__
from negotiator.cli import json_shapes
from negotiator.cli.server_commands import add_server_commands
from negotiator.domain.actors import same_actor
from negotiator.domain.errors import NegotiatorError
from negotiator.domain.wording import plural
from negotiator.drafts import lineage, negotiations
from negotiator.drafts.references import draft_references, paragraph_reference
from negotiator.storage.store import ENV_VAR, Store
from negotiator.text.importer import read_file, read_stdin

Handler = Callable[[argparse.Namespace, Store], int]


def _date(value: str) -> dt.date:
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


def _print_json(args: argparse.Namespace, value: Any) -> None:
    json_shapes.print_json(value, pretty=getattr(args, "pretty", False))



def cmd_new(args: argparse.Namespace, store: Store) -> int:
    with store.transaction() as s:
        neg = negotiations.create_negotiation(s, args.title, args.forum, args.delegation)
        if args.classification:
            negotiations.set_classification(s, neg, args.classification)
        marking = f", marked {safe(neg.classification)}" if neg.classification else ""
        print(f"created negotiation {neg.id}: {safe(neg.title)} ({safe(neg.forum)}){marking}")
    return 0


def cmd_edit(args: argparse.Namespace, store: Store) -> int:
    with store.transaction() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        value = negotiations.set_classification(s, neg, args.classification)
        title = neg.title
    print(f"{safe(title)}: exports are marked {safe(value)}" if value
          else f"{safe(title)}: no classification by default")
    return 0


def classification(args: argparse.Namespace, negotiation: Any) -> str | None:
    """The marking of an export: --classification when given ('' removes it),
    else the negotiation's default."""
    if args.classification is None:
        return negotiation.classification or None
    return args.classification.strip() or None


def cmd_demo(args: argparse.Namespace, store: Store) -> int:
    from negotiator import demo

    loaded = demo.load_demo(store, args.format)
    with store.transaction(read_only=True) as s:
        neg = negotiations.find_negotiation(s, loaded.negotiation_id)
        rows = negotiations.list_drafts(s, neg)
        actors = sorted(a.name for a in neg.actors)
        title, forum, delegation = neg.title, neg.forum, neg.delegation
    print(f"loaded the demo negotiation {loaded.negotiation_id}: {safe(title)} ({safe(forum)}), "
          f"our delegation {safe(delegation)}")
    for r in rows:
        print(f"  {safe(r.label):<11} {safe(r.symbol or ''):<20} "
              f"{r.date.isoformat() if r.date else '':<11} {r.paragraphs:>3} paragraphs "
              f"{r.brackets:>3} brackets  from {safe(r.source or '')}")
    print(f"  actors: {safe(', '.join(actors))}")
    print(f"  {loaded.positions} positions, {loaded.notes} notes, {loaded.statuses} paragraph statuses")
    return 0



def cmd_import(args: argparse.Namespace, store: Store) -> int:
    from negotiator.domain.errors import InputError
    from negotiator.text.tracked import TrackedChanges

    # Without a choice the file is read as if accepted, only to learn whether it has revisions.
    reading = TrackedChanges(args.tracked_changes or TrackedChanges.ACCEPT)
    if args.file == "-":
        parsed = read_stdin(sys.stdin.buffer, tracked_changes=reading)
    else:
        parsed = read_file(args.file, tracked_changes=reading)
    if parsed.has_tracked_changes and args.tracked_changes is None:
        raise InputError(parsed.source_name, "has tracked changes (open revisions); choose how to read them: "
                                             "--tracked-changes accept or --tracked-changes reject")
    with store.transaction() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        result = negotiations.import_draft(s, neg, parsed, args.label, symbol=args.symbol, date=args.date)
    for warning in result.warnings:
        print(f"warning: {safe(parsed.source_name)}: {safe(warning)}", file=sys.stderr)
    print(
        f"imported {safe(result.label)}: {result.paragraphs} paragraphs, "
        f"{result.brackets} brackets, from {safe(parsed.source_name)}"
    )
    return 0


def cmd_list(args: argparse.Namespace, store: Store) -> int:
    with store.read() as s:
        rows = negotiations.list_negotiations(s)
    if args.json:
        _print_json(args, [json_shapes.negotiation(r) for r in rows])
    elif not rows:
        print("no negotiations yet; start one with `negotiator new TITLE --forum FORUM`")
    else:
        for r in rows:
            print(f"{r.id:>3}  {safe(r.title)}  [{safe(r.forum)}]  {plural(r.drafts, 'draft')}")
    return 0



def cmd_drafts(args: argparse.Namespace, store: Store) -> int:
    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        rows = negotiations.list_drafts(s, neg)
    if args.json:
        _print_json(args, [json_shapes.draft(r) for r in rows])
    else:
        for r in rows:
            extra = " ".join(x for x in (r.symbol, r.date.isoformat() if r.date else None) if x)
            mark = f"  ({safe(r.unconfirmed)})" if r.unconfirmed else ""
            print(f"{r.order:>3}  {safe(r.label):<12} {safe(extra):<30} "
                  f"{r.paragraphs:>4} paragraphs  {r.brackets:>3} brackets{mark}")
    return 0



def cmd_show(args: argparse.Namespace, store: Store) -> int:
    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.label)
        rows = negotiations.draft_paragraphs(s, draft)
    if args.json:
        _print_json(args, [json_shapes.paragraph(r) for r in rows])
        return 0
    width = max((len(r.reference) for r in rows if r.kind != "heading"), default=8)
    for r in rows:
        if r.kind == "heading":
            print(f"\n== {r.number + ' ' if r.number else ''}{r.text}")
            continue
        flag = "" if r.brackets_balanced else "  [unbalanced brackets]"
        print(f"{r.reference:>{width}}  {r.text}{flag}")
    return 0



# --- positions (README, "Positions") -------------------------------------------------


def _author(args: argparse.Namespace) -> str:
    """Who is acting: --author, else $NEGOTIATOR_AUTHOR, else the login name."""
    import getpass
    import os

    return args.author or os.environ.get("NEGOTIATOR_AUTHOR") or getpass.getuser()


def _paragraph(s: Any, args: argparse.Namespace) -> Any:

    neg = negotiations.find_negotiation(s, args.negotiation)
    draft = negotiations.find_draft(s, neg, args.label)
    return neg, draft, lineage.find_paragraph(s, draft, args.paragraph)


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
        _neg, draft, para = _paragraph(s, args)
        change = positions.set_position(
            s, para.id, args.actor, values, author=_author(args),
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
        _print_json(args, json_shapes.paragraph_positions(rows))
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
        _print_json(args, json_shapes.signals(result))
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
        _neg, _draft, para = _paragraph(s, args)
        rows = positions.position_history(s, para.id, args.actor)
    if args.json:
        _print_json(args, [json_shapes.history(r) for r in rows])
        return 0
    if not rows:
        print("no positions on this paragraph")
    for r in rows:
        print(f"{r.at:%Y-%m-%d %H:%M}  {safe(r.author or '?'):<12} {safe(r.actor):<12} "
              + "; ".join(r.describe()))
    return 0



def cmd_note(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.transaction(read_only=not (args.text or args.delete)) as s:
        neg, _draft, para = _paragraph(s, args)
        if args.delete:
            result: Any = positions.delete_note(s, neg.id, args.delete, author=_author(args))
        elif args.text:
            result = positions.add_note(s, para.id, args.text, author=_author(args))
        else:
            result = positions.list_notes(s, para.id)
    if args.json:
        _print_json(args, [json_shapes.note(n) for n in result] if isinstance(result, list)
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
        if args.set is not None:
            if not args.paragraph:
                raise NegotiatorError("name the paragraph whose status you set")
            para = lineage.find_paragraph(s, draft, args.paragraph)
            positions.set_paragraph_status(s, para.id, args.set, holder=args.holder,
                                           due=args.due, author=_author(args))
        rows = positions.paragraph_statuses(s, neg, draft)
        labels = draft_references(s, draft.id)
        if args.paragraph:
            para = lineage.find_paragraph(s, draft, args.paragraph)
            rows = [r for r in rows if r.index == para.ordinal]
    if args.json:
        _print_json(args, [json_shapes.agreement(r) for r in rows])
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
        package = exchange.export_package(s, neg, exported_by=_author(args))
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
            own_fingerprint=signing.own_fingerprint(), author=_author(args), source=args.file)
    if args.json:
        _print_json(args, result)
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
        _print_json(args, {"own": own, "trusted": keys})
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
        result = confirm_draft(s, draft, _author(args))
    print(f"{safe(result['draft'])} (from {safe(result['brought_by'])}'s package) confirmed "
          "against the chair's document")
    return 0


def cmd_conflicts(args: argparse.Namespace, store: Store) -> int:
    from negotiator import positions

    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation) if args.negotiation else None
        rows = positions.list_conflicts(s, neg, include_resolved=args.all)
    if args.json:
        _print_json(args, [json_shapes.conflict(c) for c in rows])
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
        result = positions.resolve_conflict(s, args.conflict, args.take, author=_author(args))
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
    p.add_argument("--due", type=_date, help="date an answer is due, YYYY-MM-DD")
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


def cmd_diff(args: argparse.Namespace, store: Store) -> int:
    from negotiator.domain.memory import paused_gc
    from negotiator.drafts.comparison import compare_drafts, render_redline

    with paused_gc():
        with store.read() as s:
            neg = negotiations.find_negotiation(s, args.negotiation)
            draft_a = negotiations.find_draft(s, neg, args.from_label)
            draft_b = negotiations.find_draft(s, neg, args.to_label)
            result = compare_drafts(s, draft_a, draft_b)
            # The redline previews moved paragraphs from their texts; JSON needs none.
            to_texts = [] if args.json else negotiations.paragraph_texts(s, draft_b.id)
        if args.json:
            json_shapes.print_comparison(result, pretty=args.pretty)
        else:
            sys.stdout.write(render_redline(result, to_texts, colour=sys.stdout.isatty()))
    return 0



def cmd_link(args: argparse.Namespace, store: Store) -> int:
    from negotiator.drafts.lineage import correct_link, find_paragraph

    with store.transaction() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.draft)
        para = find_paragraph(s, draft, args.paragraph)
        what = f"{draft.label} {args.paragraph}"
        if args.new:
            change = correct_link(s, para, None, args.author)
            message = f"{what} now starts a lineage of its own (lineage {change.new_lineage_id})"
        else:
            source_draft = negotiations.find_draft(s, neg, args.to[0])
            source = find_paragraph(s, source_draft, args.to[1])
            change = correct_link(s, para, source, args.author)
            message = (f"{what} now continues {source_draft.label} {args.to[1]} "
                       f"(lineage {change.new_lineage_id})")
        later = len(change.drafts_relinked) - 1
    print(safe(message) + (f"; {later} later draft(s) re-linked" if later else ""))
    return 0


def cmd_brief(args: argparse.Namespace, store: Store) -> int:
    from negotiator.export.brief import write_brief

    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft_a = negotiations.find_draft(s, neg, args.from_label)
        draft_b = negotiations.find_draft(s, neg, args.to_label)
        result = write_brief(
            s, neg, draft_a, draft_b, args.output,
            classification=classification(args, neg), scope=args.scope, actors=args.actor or None,
            author=args.author or "", redline=args.redline, reference=args.reference,
            language=args.language,
        )
    print(f"wrote {safe(result['path'])}: {result['paragraphs']} paragraphs, "
          f"{result['revisions']} tracked changes, {result['comments']} comments")
    return 0


def cmd_amendments(args: argparse.Namespace, store: Store) -> int:
    from negotiator.export.amendments import write_amendments

    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.label)
        result = write_amendments(s, neg, draft, args.actor, args.output,
                                  classification=classification(args, neg), as_comment=args.as_comment)
    for outcome in result["outcomes"]:
        print(outcome.line())
    commented = f", {result['commented']} as comments" if result["commented"] else ""
    print(f"wrote {result['path']}: {result['amended']} amended paragraphs, "
          f"{result['revisions']} tracked changes{commented}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="negotiator",
        description="Drafts, positions and diffs for multilateral text negotiations. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"negotiator {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=f"the store: a SQLite file or a SQLAlchemy URL (default: ${ENV_VAR}, "
        "else negotiator.sqlite in your data directory)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = command("new", cmd_new, "start a negotiation")
    p.add_argument("title")
    p.add_argument("--forum", required=True, help="e.g. 'UN First Committee', 'OSCE PC'")
    p.add_argument("--delegation", help="our delegation, e.g. 'Belgium'")
    p.add_argument("--classification", metavar="TEXT",
                   help="marking every brief and amendments file carries by default, e.g. RESTRICTED")

    p = command("edit", cmd_edit, "change a negotiation's default classification")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("--classification", metavar="TEXT", required=True,
                   help="the marking exports carry by default ('' for none)")

    p = command("demo", cmd_demo, "load the demo negotiation (an OSCE decision, three drafts)")
    p.add_argument("--format", choices=("docx", "txt"),
                   help="read the demo drafts from Word or plain-text files "
                        "(default: Word when the Word reader is available)")

    p = command("import", cmd_import, "import a draft from .docx, .txt or .md ('-' reads stdin)")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("file")
    p.add_argument("--label", required=True, help="e.g. 'Zero draft', 'Rev.1'")
    p.add_argument("--symbol", help="document symbol, e.g. A/C.1/79/L.12/Rev.1")
    p.add_argument("--date", type=_date, help="YYYY-MM-DD")
    p.add_argument("--tracked-changes", choices=("accept", "reject"),
                   help="a Word file with tracked changes: import it with all of them accepted or "
                        "all rejected (required for such a file)")

    p = command("list", cmd_list, "list negotiations")
    p.add_argument("--json", action="store_true")

    p = command("drafts", cmd_drafts, "list the drafts of a negotiation")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("--json", action="store_true")

    p = command("show", cmd_show, "show the paragraphs of a draft")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("label", help="draft label")
    p.add_argument("--json", action="store_true")

    p = command("diff", cmd_diff, "what changed between two drafts (either order), word by word")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("from_label", metavar="FROM", help="draft label")
    p.add_argument("to_label", metavar="TO", help="draft label")
    p.add_argument("--json", action="store_true", help="print one JSON object (see README, 'negotiator diff')")

    p = command("link", cmd_link, "correct a paragraph's link to an earlier draft")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("draft", help="label of the draft holding the paragraph")
    p.add_argument("paragraph", help="displayed number ('12', '12 bis', '(a)') or #INDEX")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", nargs=2, metavar=("SOURCE_DRAFT", "SOURCE_PARAGRAPH"),
                        help="the earlier paragraph it continues")
    target.add_argument("--new", action="store_true", help="it continues nothing: a new paragraph")
    p.add_argument("--author", help="who makes the correction")
    p = command("brief", cmd_brief, "write the annotated Word brief comparing two drafts")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("--from", dest="from_label", required=True, metavar="DRAFT",
                   help="the earlier draft's label")
    p.add_argument("--to", dest="to_label", required=True, metavar="DRAFT",
                   help="the later draft's label; paragraphs follow its order")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx")
    p.add_argument("--classification", metavar="TEXT",
                   help="marking printed in every page's header and footer, e.g. RESTRICTED "
                        "(default: the negotiation's; '' for none)")
    p.add_argument("--scope", default="all",
                   choices=("all", "changed", "with_positions", "needing_instructions"),
                   help="which paragraphs (default: all)")
    p.add_argument("--actor", action="append", metavar="NAME",
                   help="show this delegation's positions (repeatable; default: all)")
    p.add_argument("--author", metavar="NAME", help="prepared by")
    p.add_argument("--redline", default="tracked", choices=("tracked", "formatted"),
                   help="changes as real tracked changes (default) or as formatting for print")
    p.add_argument("--reference", metavar="TEXT",
                   help="the meeting or file the brief is for, printed on the cover, e.g. "
                   "'Meeting of the Informal Working Group, 12 March 2026'")
    p.add_argument("--language", default="en", choices=("en", "fr"),
                   help="language of the brief's own words (default: en); the draft's text "
                   "stays as it is")

    p = command("amendments", cmd_amendments,
                "write a draft with one delegation's amendments as tracked changes")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("label", help="the draft the amendments are made against")
    p.add_argument("--actor", required=True, metavar="NAME", help="the proposing delegation")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx")
    p.add_argument("--classification", metavar="TEXT",
                   help="marking (default: the negotiation's; '' for none)")
    p.add_argument("--as-comment", action="store_true",
                   help="send every amendment as a comment instead of tracked changes")

    add_position_commands(command)
    add_server_commands(command)
    for p in sub.choices.values():
        if "--json" in p._option_string_actions:  # every command that prints JSON
            p.add_argument("--pretty", action="store_true",
                           help="with --json: indented, one value per line (default: compact)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    store: Store | None = None
    try:
        if getattr(args, "opens_store", True):  # copy-store opens its own two
            store = Store.open(args.db)
        return int(args.handler(args, store))
    except NegotiatorError as exc:
        print(f"negotiator: error: {safe(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    finally:
        if store is not None:
            store.close()


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()

