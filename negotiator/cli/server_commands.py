"""`negotiator server ...` (set up a shared store) and `negotiator copy-store`.

Server commands run with an administrator's URL (`--db postgresql+psycopg://
ADMIN@HOST/DATABASE`, the owner of the tables); see README, "A shared store".
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from negotiator.domain.errors import Conflict
from negotiator.storage import server
from negotiator.storage.copy import copy_store
from negotiator.storage.store import Store, resolve_url

Command = Callable[..., argparse.ArgumentParser]


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise Conflict("give the new user's password with --password-stdin, or run in a terminal")
    first = getpass.getpass(f"password for {args.user}: ")
    if getpass.getpass("again: ") != first:
        raise Conflict("the two passwords differ; nothing was changed")
    return first


def cmd_server(args: argparse.Namespace, store: Store) -> int:
    action = args.server_command
    if action == "init":
        print(server.init(store))
    elif action == "add-user":
        member = server.add_user(store, args.user, _password(args), args.delegation)
        print(f"added user {member.user} to the delegation of {member.delegation}")
    elif action == "grant":
        member = server.grant(store, args.user, args.delegation)
        print(f"{member.user} now acts for {member.delegation}")
    elif action == "revoke":
        server.revoke(store, args.user)
        print(f"{args.user} belongs to no delegation any more and sees nothing of this store")
    elif action == "remove-user":
        server.remove_user(store, args.user)
        print(f"removed user {args.user}")
    else:  # members
        for m in server.members(store):
            print(f"{m.user}\t{m.delegation}")
    return 0


def cmd_copy_store(args: argparse.Namespace, _store: Any) -> int:
    source = Store(resolve_url(args.source))
    try:
        target = Store(resolve_url(args.target))
        try:
            result = copy_store(source, target)
        finally:
            target.close()
    finally:
        source.close()
    print(f"copied {result.total} rows ({result.rows.get('negotiation', 0)} negotiations, "
          f"{result.rows.get('position', 0)} positions, "
          f"{result.rows.get('position_history', 0)} history entries)")
    return 0


def add_server_commands(command: Command) -> None:
    """Register `server` and `copy-store` with the main parser's `command` helper."""
    p = command("server", cmd_server, "set up a shared store on PostgreSQL (run with an admin URL)")
    sub = p.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    sub.add_parser("init", help="create or upgrade the shared schema, roles and access rules")
    a = sub.add_parser("add-user", help="create a user who acts for a delegation")
    a.add_argument("user")
    a.add_argument("--delegation", required=True, help="e.g. 'Belgium'")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    g = sub.add_parser("grant", help="put a user in a delegation (moves it from its previous one)")
    g.add_argument("user")
    g.add_argument("delegation")
    r = sub.add_parser("revoke", help="take a user out of its delegation: it sees nothing any more")
    r.add_argument("user")
    d = sub.add_parser("remove-user", help="revoke, then delete the user")
    d.add_argument("user")
    sub.add_parser("members", help="list users and their delegations")

    p = command("copy-store", cmd_copy_store,
                "copy a whole store (ids, lineages, history) into a new empty store")
    p.add_argument("source", metavar="SRC", help="SQLite file or URL")
    p.add_argument("target", metavar="DST", help="SQLite file or URL (must be empty)")
    p.set_defaults(opens_store=False)
