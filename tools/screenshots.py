"""Screenshots of the desktop client on the demo negotiation.

    python tools/screenshots.py [OUT_DIR] [--lang fr] [--dark] [--size 1440x900]
    python tools/screenshots.py [OUT_DIR] --all [--size 1280x800]   # en/fr x light/dark

Starts the app under a virtual X server (``xvfb-run``) when there is no
display, opens the demo negotiation in a throwaway store, and saves PNGs of the
main window (paragraphs and a paragraph's positions), the history tab, the
comparison (inline with a selected row, and side by side), the overview chart,
and the dialogs: export, import preview, the tracked-changes question, the
legend of the table's icons, agreed ad ref. Default OUT_DIR: ``screenshots/``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Longest wait for the window to settle on one screen.
SETTLE_SECONDS = 30.0


def ensure_display(argv: list[str]) -> None:
    """Re-run this script under xvfb-run when no display is available."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") or os.environ.get("NEGOTIATOR_XVFB"):
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    env = {**os.environ, "NEGOTIATOR_XVFB": "1"}
    code = subprocess.call([xvfb, "-a", "-s", "-screen 0 1920x1200x24", sys.executable, __file__, *argv],
                           env=env)
    sys.exit(code)


def use_dark_palette(app: Any) -> None:
    """What the app sees when the desktop is in dark mode (Xvfb has no desktop
    to ask): Qt's dark colour scheme, or a dark Fusion palette where the
    platform does not follow it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette

    app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    if app.palette().color(QPalette.ColorRole.Window).lightness() < 128:
        return
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
                         (QPalette.ColorRole.Base, "#1f1f1f"), (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
                         (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#e8e8e8"), (QPalette.ColorRole.Highlight, "#2f65ca"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.ToolTipBase, "#353535"),
                         (QPalette.ColorRole.ToolTipText, "#e8e8e8"), (QPalette.ColorRole.PlaceholderText, "#8a8a8a"),
                         (QPalette.ColorRole.Link, "#6ea8fe")):
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    app.setPalette(palette)


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    ensure_display(args_list)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "screenshots"))
    parser.add_argument("--lang", default="en", help="UI language, e.g. fr")
    parser.add_argument("--size", default="1440x900")
    parser.add_argument("--dark", action="store_true", help="a dark palette, as a system in dark mode gives")
    parser.add_argument("--all", action="store_true", help="English and French, light and dark (four runs)")
    args = parser.parse_args(args_list)
    if args.all:
        # Language and palette are per process: one child run each.
        for lang in ("en", "fr"):
            for dark in (False, True):
                extra = ["--lang", lang, "--size", args.size, args.out] + (["--dark"] if dark else [])
                code = subprocess.call([sys.executable, __file__, *extra])
                if code:
                    return code
        return 0
    sys.path.insert(0, str(ROOT))
    import tempfile

    # Fresh settings every run, so a saved layout never changes the pictures.
    home = tempfile.mkdtemp(prefix="negotiator-shots-")
    os.environ["NEGOTIATOR_HOME"] = home

    from PySide6.QtWidgets import QApplication

    from ui import operations as op
    from ui.application import make_app, make_demo_store
    from ui.languages import install_translators
    from ui.main_window import MainWindow
    from ui.models.paragraphs import Column

    app = make_app()
    install_translators(app, args.lang)
    if args.dark:
        use_dark_palette(app)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    store, folder = make_demo_store()
    width, height = (int(x) for x in args.size.split("x"))
    window = MainWindow(store, demo=True)
    window.resize(width, height)
    window.show()

    def settle(condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + SETTLE_SECONDS
        while time.monotonic() < deadline:
            app.processEvents()
            if condition() and not window.tasks.running:
                break
            time.sleep(0.01)
        for _ in range(5):  # let the last repaints through
            app.processEvents()

    def save(name: str, widget: Any = None) -> None:
        suffix = ("" if args.lang == "en" else "-" + args.lang) + ("-dark" if args.dark else "")
        path = out / f"{name}{suffix}.png"
        (widget or window).grab().save(str(path))
        print(path)

    settle(lambda: window.paragraph_model.changes_known)
    proxy = window.paragraph_proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, Column.NUMBER).data() == "OP 8")
    window.table.setCurrentIndex(proxy.index(row, Column.TEXT))
    window.detail.tabs.setCurrentWidget(window.detail.positions)
    settle(lambda: window.detail.positions.loaded is not None)
    save("main-window")
    window.detail.tabs.setCurrentWidget(window.detail.history)
    settle(lambda: True)
    save("history")
    save_dialogs(window, settle, save)

    ids = {d.label: d.id for d in window.negotiations[0].drafts}
    window.show_compare(ids["Rev.1"], ids["Rev.2"])
    settle(lambda: window.diff_view.model.rowCount() > 0)
    window.diff_view.changed_only.setChecked(True)
    window.diff_view.inline_button.click()
    settle(lambda: True)
    # A selected row with deletions and insertions: the redline must read on the highlight.
    diff_row = next(r for r in range(window.diff_view.proxy.rowCount())
                    if window.diff_view.proxy.index(r, 3).data() == "OP 8")
    window.diff_view.table.selectRow(diff_row)
    settle(lambda: True)
    save("diff-inline")
    window.diff_view.side_button.click()
    settle(lambda: True)
    save("diff-side-by-side")

    window.show_chart()
    settle(lambda: bool(window.chart.points))
    save("chart")

    window.close()
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)
    del op
    QApplication.quit()
    return 0


def save_dialogs(window: Any, settle: Callable[[Callable[[], bool]], None], save: Callable[..., None]) -> None:
    """The dialogs a user meets, each grabbed on its own."""
    from ui import operations as op
    from ui.detail_pane import AdRefDialog
    from ui.import_dialog import ImportPreviewDialog, TrackedChangesQuestion

    export = window.show_export()
    settle(lambda: True)
    save("export-dialog", export)
    export.reject()

    question = TrackedChangesQuestion("Rev.2 (chair, with revisions).docx", window)
    question.show()
    settle(lambda: True)
    save("tracked-changes-question", question)
    question.close()

    parsed = op.read_file(ROOT / "resources" / "demo" / "rev1.docx")
    preview = ImportPreviewDialog(parsed, window.negotiations, window.current_negotiation_id,
                                  lambda _neg: "Rev.3", window)
    preview.show()
    settle(lambda: True)
    save("import-preview", preview)
    preview.reject()

    state = window.detail.state
    if state is not None and window.detail.row is not None:
        ad_ref = AdRefDialog(window.detail.row.reference, state, window)
        ad_ref.show()
        settle(lambda: True)
        save("ad-ref-dialog", ad_ref)
        ad_ref.reject()

    legend = window.legend_button.show_legend()
    settle(lambda: True)
    save("legend", legend)
    legend.close()


if __name__ == "__main__":
    sys.exit(main())
