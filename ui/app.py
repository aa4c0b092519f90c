"""Entry point of the `negotiator` command: a subcommand runs headless, no
subcommand opens the desktop app."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="negotiator", add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--demo", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Run as the program (no argv given): loading the modules creates some
    # 90,000 objects that live as long as the process, and collecting while
    # they are made only rescans them (about 30 ms of a start). So the
    # collector waits until they are loaded, then never scans them again.
    starting = argv is None and gc.isenabled()
    if starting:
        gc.disable()
    try:
        args = list(sys.argv[1:] if argv is None else argv)
        known, rest = gui_parser().parse_known_args(args)
        if rest:
            # A subcommand (or --help): headless, and Qt is never loaded.
            from negotiator.cli.main import main as cli_main

            _loaded(starting)
            return cli_main(args)
        from ui.application import run_gui
        from ui.main_window import MainWindow  # noqa: F401  (loaded before the collector resumes)

        _loaded(starting)
        return run_gui(known)
    finally:
        if starting:
            gc.enable()


def _loaded(starting: bool) -> None:
    if starting:
        gc.freeze()
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
