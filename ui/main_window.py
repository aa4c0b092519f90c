"""The main window (minimal until the desktop-client issue)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from negotiator import ops
from negotiator.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(self.tr("Negotiator"))
        with store.transaction() as s:
            count = len(ops.list_negotiations(s))
        self.setCentralWidget(QLabel(self.tr("%n negotiation(s) in this store", "", count)))
        self.resize(1200, 800)


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Negotiator")
    store = Store.open(args.db)
    window = MainWindow(store)
    window.show()
    return app.exec()
