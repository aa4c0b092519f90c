"""Entry point of the `negotiator` command: a subcommand runs headless, no
subcommand opens the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="negotiator", add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--demo", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    known, rest = gui_parser().parse_known_args(args)
    if rest:
        # A subcommand (or --help): headless, and Qt is never loaded.
        from negotiator.cli.main import main as cli_main

        return cli_main(args)
    from ui.application import run_gui

    return run_gui(known)


if __name__ == "__main__":
    sys.exit(main())
