"""The `negotiator` command line: headless faces of the core operations.

Errors a user can cause print one line on stderr and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from negotiator import __version__, ops
from negotiator.errors import NegotiatorError
from negotiator.importer import read_bytes, read_file
from negotiator.store import ENV_VAR, Store

Handler = Callable[[argparse.Namespace, Store], int]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date of the form YYYY-MM-DD") from None


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_new(args: argparse.Namespace, store: Store) -> int:
    with store.transaction() as s:
        neg = ops.create_negotiation(s, args.title, args.forum, args.delegation)
        print(f"created negotiation {neg.id}: {neg.title} ({neg.forum})")
    return 0


def cmd_demo(args: argparse.Namespace, store: Store) -> int:
    from negotiator import demo

    neg_id = demo.load_demo(store, args.format)
    with store.transaction() as s:
        neg = ops.find_negotiation(s, neg_id)
        rows = ops.list_drafts(s, neg)
        actors = sorted(a.name for a in neg.actors)
        title, forum, delegation = neg.title, neg.forum, neg.delegation
    print(f"loaded the demo negotiation {neg_id}: {title} ({forum}), our delegation {delegation}")
    for r in rows:
        print(f"  {r['label']:<11} {r['symbol'] or '':<20} {r['date'] or '':<11} "
              f"{r['paragraphs']:>3} paragraphs {r['brackets']:>3} brackets  from {r['source']}")
    print(f"  actors: {', '.join(actors)}")
    return 0


def cmd_import(args: argparse.Namespace, store: Store) -> int:
    if args.file == "-":
        parsed = read_bytes(sys.stdin.buffer.read(), "<stdin>")
    else:
        parsed = read_file(args.file)
    with store.transaction() as s:
        neg = ops.find_negotiation(s, args.negotiation)
        result = ops.import_draft(s, neg, parsed, args.label, symbol=args.symbol, date=args.date)
    for warning in result.warnings:
        print(f"warning: {parsed.source_name}: {warning}", file=sys.stderr)
    print(
        f"imported {result.label}: {result.paragraphs} paragraphs, "
        f"{result.brackets} brackets, from {parsed.source_name}"
    )
    return 0


def cmd_list(args: argparse.Namespace, store: Store) -> int:
    with store.transaction() as s:
        rows = ops.list_negotiations(s)
    if args.json:
        _print_json(rows)
    elif not rows:
        print("no negotiations yet; start one with `negotiator new TITLE --forum FORUM`")
    else:
        for r in rows:
            print(f"{r['id']:>3}  {r['title']}  [{r['forum']}]  {r['drafts']} draft(s)")
    return 0


def cmd_drafts(args: argparse.Namespace, store: Store) -> int:
    with store.transaction() as s:
        neg = ops.find_negotiation(s, args.negotiation)
        rows = ops.list_drafts(s, neg)
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            extra = " ".join(x for x in (r["symbol"], r["date"]) if x)
            print(f"{r['order']:>3}  {r['label']:<12} {extra:<30} "
                  f"{r['paragraphs']:>4} paragraphs  {r['brackets']:>3} brackets")
    return 0


def cmd_show(args: argparse.Namespace, store: Store) -> int:
    with store.transaction() as s:
        neg = ops.find_negotiation(s, args.negotiation)
        draft = ops.find_draft(s, neg, args.label)
        rows = ops.draft_paragraphs(s, draft)
    if args.json:
        _print_json(rows)
        return 0
    section = None
    for r in rows:
        if r["section"] != section and r["kind"] != "heading":
            section = r["section"]
        if r["kind"] == "heading":
            section = r["section"]
            print(f"\n== {r['number'] + ' ' if r['number'] else ''}{r['text']}")
            continue
        flag = "" if r["brackets_balanced"] else "  [unbalanced brackets]"
        indent = "    " * r["level"]
        number = r["number"] or ""
        print(f"{indent}{number:>8}  {r['text']}{flag}")
    return 0


def cmd_diff(args: argparse.Namespace, store: Store) -> int:
    from negotiator.compare import compare_drafts, render_redline

    with store.transaction() as s:
        neg = ops.find_negotiation(s, args.negotiation)
        draft_a = ops.find_draft(s, neg, args.from_label)
        draft_b = ops.find_draft(s, neg, args.to_label)
        result = compare_drafts(s, draft_a, draft_b)
        from_paras = ops.draft_paragraphs(s, draft_a)
        to_paras = ops.draft_paragraphs(s, draft_b)
    if args.json:
        _print_json(result)
    else:
        sys.stdout.write(render_redline(result, from_paras, to_paras, colour=sys.stdout.isatty()))
    return 0


def cmd_link(args: argparse.Namespace, store: Store) -> int:
    from negotiator.lineage import correct_link, find_paragraph

    with store.transaction() as s:
        neg = ops.find_negotiation(s, args.negotiation)
        draft = ops.find_draft(s, neg, args.draft)
        para = find_paragraph(s, draft, args.paragraph)
        what = f"{draft.label} {args.paragraph}"
        if args.new:
            change = correct_link(s, para, None, args.author)
            message = f"{what} now starts a lineage of its own (lineage {change.new_lineage_id})"
        else:
            source_draft = ops.find_draft(s, neg, args.to[0])
            source = find_paragraph(s, source_draft, args.to[1])
            change = correct_link(s, para, source, args.author)
            message = (f"{what} now continues {source_draft.label} {args.to[1]} "
                       f"(lineage {change.new_lineage_id})")
        later = len(change.drafts_relinked) - 1
    print(message + (f"; {later} later draft(s) re-linked" if later else ""))
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
    p.add_argument("--json", action="store_true", help="print one JSON object (see docs/diff.md)")

    p = command("link", cmd_link, "correct a paragraph's link to an earlier draft")
    p.add_argument("negotiation", help="title or id")
    p.add_argument("draft", help="label of the draft holding the paragraph")
    p.add_argument("paragraph", help="displayed number ('12', '12 bis', '(a)') or #INDEX")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", nargs=2, metavar=("SOURCE_DRAFT", "SOURCE_PARAGRAPH"),
                        help="the earlier paragraph it continues")
    target.add_argument("--new", action="store_true", help="it continues nothing: a new paragraph")
    p.add_argument("--author", help="who makes the correction")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    store: Store | None = None
    try:
        store = Store.open(args.db)
        return int(args.handler(args, store))
    except NegotiatorError as exc:
        print(f"negotiator: error: {exc}", file=sys.stderr)
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

