"""The `negotiator` command line: headless faces of the core operations.

Errors a user can cause print one line on stderr and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from negotiator import __version__
from negotiator.cli import json_shapes
from negotiator.cli.common import (
    Handler,
    classification,
    date_arg,
    emit_json,
    safe,
)
from negotiator.cli.position_commands import add_position_commands
from negotiator.cli.server_commands import add_server_commands
from negotiator.domain.errors import NegotiatorError, NotFound
from negotiator.domain.wording import plural
from negotiator.drafts import negotiations
from negotiator.storage.store import ENV_VAR, Store, named_path
from negotiator.text.importer import read_file, read_stdin
from negotiator.text.parse import compared_text


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
    label_width = max((len(safe(r.label)) for r in rows), default=0)
    symbol_width = max((len(safe(r.symbol or "")) for r in rows), default=0)
    for r in rows:
        print(f"  {safe(r.label):<{label_width}}  {safe(r.symbol or ''):<{symbol_width}}  "
              f"{r.date.isoformat() if r.date else '':<10}  {plural(r.paragraphs, 'paragraph')}, "
              f"{plural(r.brackets, 'bracket')}, from {safe(r.source or '')}")
    print(f"  actors: {safe(', '.join(actors))}")
    print(f"  {plural(loaded.positions, 'position')}, {plural(loaded.notes, 'note')}, "
          f"{plural(loaded.statuses, 'paragraph status', 'paragraph statuses')}")
    return 0



def cmd_import(args: argparse.Namespace, store: Store) -> int:
    from negotiator.domain.errors import InputError
    from negotiator.domain.memory import paused_gc
    from negotiator.text.tracked import TrackedChanges

    # Without a choice the file is read as if accepted, only to learn whether it has revisions.
    reading = TrackedChanges(args.tracked_changes or TrackedChanges.ACCEPT)
    with paused_gc():  # parse, align and store: large results, no cyclic garbage
        if args.file == "-":
            parsed = read_stdin(sys.stdin.buffer, tracked_changes=reading)
        else:
            parsed = read_file(args.file, tracked_changes=reading)
        if parsed.has_tracked_changes and args.tracked_changes is None:
            raise InputError(parsed.source_name, "has tracked changes (open revisions); choose how "
                                                 "to read them: --tracked-changes accept or "
                                                 "--tracked-changes reject")
        with store.transaction() as s:
            neg = negotiations.find_negotiation(s, args.negotiation)
            result = negotiations.import_draft(s, neg, parsed, args.label, symbol=args.symbol,
                                               date=args.date)
    for warning in result.warnings:
        print(f"warning: {safe(parsed.source_name)}: {safe(warning)}", file=sys.stderr)
    print(
        f"imported {safe(result.label)}: {plural(result.paragraphs, 'paragraph')}, "
        f"{plural(result.brackets, 'bracket')}, from {safe(parsed.source_name)}"
    )
    return 0


def cmd_list(args: argparse.Namespace, store: Store) -> int:
    with store.read() as s:
        rows = negotiations.list_negotiations(s)
    if args.json:
        emit_json(args, [json_shapes.negotiation(r) for r in rows])
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
        emit_json(args, [json_shapes.draft(r) for r in rows])
    else:
        label_width = max((len(safe(r.label)) for r in rows), default=0)
        symbol_width = max((len(safe(r.symbol or "")) for r in rows), default=0)
        date_width = 10 if any(r.date for r in rows) else 0
        for r in rows:
            mark = f"  ({safe(r.unconfirmed)})" if r.unconfirmed else ""
            columns = [f"{r.order:>3}", f"{safe(r.label):<{label_width}}",
                       f"{safe(r.symbol or ''):<{symbol_width}}",
                       f"{r.date.isoformat() if r.date else '':<{date_width}}",
                       f"{plural(r.paragraphs, 'paragraph')}, {plural(r.brackets, 'bracket')}{mark}"]
            print("  ".join(c for c in columns if c))
    return 0



def cmd_show(args: argparse.Namespace, store: Store) -> int:
    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.label)
        rows = negotiations.draft_paragraphs(s, draft)
    if args.json:
        emit_json(args, [json_shapes.paragraph(r) for r in rows])
        return 0
    width = max((len(r.reference) for r in rows if r.kind != "heading"), default=8)
    for r in rows:
        if r.kind == "heading":
            print(f"\n== {r.number + ' ' if r.number else ''}{r.text}")
            continue
        flag = "" if r.brackets_balanced else "  [unbalanced brackets]"
        # Footnotes under the text, each after its superscript number, indented with it.
        shown = compared_text(r.text, r.footnotes).replace("\n", "\n" + " " * (width + 2))
        print(f"{r.reference:>{width}}  {shown}{flag}")
    return 0



def cmd_diff(args: argparse.Namespace, store: Store) -> int:
    from negotiator.domain.memory import paused_gc
    from negotiator.drafts.comparison import compare_drafts, render_redline

    with paused_gc():
        with store.read() as s:
            neg = negotiations.find_negotiation(s, args.negotiation)
            draft_a = negotiations.find_draft(s, neg, args.from_label)
            draft_b = negotiations.find_draft(s, neg, args.to_label)
            result = compare_drafts(s, draft_a, draft_b)
        if args.json:
            json_shapes.print_comparison(result, pretty=args.pretty)
        else:
            sys.stdout.write(render_redline(result, colour=sys.stdout.isatty()))
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
    print(f"wrote {safe(result['path'])}: {plural(result['paragraphs'], 'paragraph')}, "
          f"{plural(result['revisions'], 'tracked change')}, {plural(result['comments'], 'comment')}")
    return 0


def cmd_amendments(args: argparse.Namespace, store: Store) -> int:
    from negotiator.export.amendments import write_amendments

    with store.read() as s:
        neg = negotiations.find_negotiation(s, args.negotiation)
        draft = negotiations.find_draft(s, neg, args.label)
        result = write_amendments(s, neg, draft, args.actor, args.output,
                                  classification=classification(args, neg), as_comment=args.as_comment,
                                  language=args.language)
    for outcome in result["outcomes"]:
        print(outcome.line())
    n = result["commented"]
    commented = f", {n} as comments" if n > 1 else ", 1 as a comment" if n else ""
    print(f"wrote {result['path']}: {plural(result['amended'], 'amended paragraph')}, "
          f"{plural(result['revisions'], 'tracked change')}{commented}")
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
    p.set_defaults(creates_store=True)
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
    p.set_defaults(creates_store=True)
    p.add_argument("--format", choices=("docx", "txt"),
                   help="read the demo drafts from Word or plain-text files "
                        "(default: Word when the Word reader is available)")

    p = command("import", cmd_import, "import a draft from .docx, .pdf, .txt or .md ('-' reads stdin)")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("file")
    p.add_argument("--label", required=True, help="e.g. 'Zero draft', 'Rev.1'")
    p.add_argument("--symbol", help="document symbol, e.g. A/C.1/79/L.12/Rev.1")
    p.add_argument("--date", type=date_arg, help="YYYY-MM-DD")
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
    p.add_argument("--language", default="en", choices=("en", "fr"),
                   help="language of the file's own words (title, how the amendments are shown, "
                   "comments), as for a brief (default: en); the draft's text and the amendments "
                   "stay as written")

    add_position_commands(command)
    add_server_commands(command)
    for p in sub.choices.values():
        if "--json" in p._option_string_actions:  # every command that prints JSON
            p.add_argument("--pretty", action="store_true",
                           help="with --json: indented, one value per line (default: compact)")
    return parser


def refuse_missing_store(db: str | None) -> None:
    """A store named (``--db``, ``$NEGOTIATOR_DB``) that does not exist is a
    mistyped path: only a command that starts one (``new``, ``demo``) creates it,
    so another is not answered from a new, empty store ("no negotiations yet")."""
    path = named_path(db)
    if path is not None and not path.exists():
        raise NotFound(f"there is no store at {path}; `negotiator new` or `negotiator demo` "
                       "starts one there")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    store: Store | None = None
    try:
        if getattr(args, "opens_store", True):  # copy-store opens its own two
            if not getattr(args, "creates_store", False):
                refuse_missing_store(args.db)
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
