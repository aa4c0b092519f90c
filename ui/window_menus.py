"""The window's commands: its actions (each with its shortcut, icon and tip),
the menus and the toolbar that hold them, the Help boxes, and the status
bar's corner that shows a running task.

The actions stay attributes of the window (``window.import_action``…): the
flows and the tests reach them there. Strings keep the window's translation
context ("MainWindow"): they were translated there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QProgressBar, QPushButton

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from ui import settings as cfg
from ui.icons import icon

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


class Menus(NamedTuple):
    """The menus other parts of the window add to or fill later."""

    file: QMenu
    recent: QMenu
    language: QMenu
    negotiation: QMenu


def add_action(window: MainWindow, text: str, slot: Any,
               shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
               icon_name: str | None = None, tip: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon_name:
        action.setIcon(icon(icon_name))
        window._icon_names[action] = icon_name
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(w: MainWindow) -> None:
    w._icon_names = {}
    Std = QKeySequence.StandardKey
    w.open_action = add_action(w, translate("MainWindow", "&Open Store…"), w.choose_store, Std.Open, "open",
                               translate("MainWindow", "Open another negotiation store (a .sqlite file)"))
    w.import_action = add_action(w, translate("MainWindow", "&Import Draft…"), w.imports.choose_import_file,
                                 "Ctrl+I", "import",
                                 translate("MainWindow", "Import a draft from a Word or text file"))
    w.paste_action = add_action(w, translate("MainWindow", "&Paste Draft from Clipboard"), w.imports.paste_draft,
                                "Ctrl+Shift+V", "paste",
                                translate("MainWindow", "Import the text on the clipboard as a draft"))
    w.export_action = add_action(w, translate("MainWindow", "&Export…"), w.show_export, "Ctrl+E", "export",
                                 translate("MainWindow", "Write a Word brief or amendments file for this negotiation"))
    w.export_action.setEnabled(False)
    # After the tree's own handler, which sets current_negotiation_id.
    w.tree.selectionModel().selectionChanged.connect(lambda *_: w._update_export_action())
    w.tree_model.rowsRemoved.connect(lambda *_: w._update_export_action())
    w.quit_action = add_action(w, translate("MainWindow", "&Quit"), w.close, Std.Quit)
    w.undo_action = w.undo_stack.createUndoAction(w, translate("MainWindow", "&Undo"))
    w.undo_action.setShortcut(QKeySequence(Std.Undo))
    w.undo_action.setIcon(icon("undo"))
    w._icon_names[w.undo_action] = "undo"
    w.redo_action = w.undo_stack.createRedoAction(w, translate("MainWindow", "&Redo"))
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    w.redo_action.setIcon(icon("redo"))
    w._icon_names[w.redo_action] = "redo"
    w.find_action = add_action(w, translate("MainWindow", "&Find Paragraph"), w.focus_search, Std.Find, "search")
    w.compare_action = add_action(w, translate("MainWindow", "&Compare Drafts"), lambda: w.show_compare(),
                                  "Ctrl+D", "compare",
                                  translate("MainWindow", "Compare two drafts of this negotiation"))
    w.chart_action = add_action(w, translate("MainWindow", "&Overview Chart"), w.show_chart, "Ctrl+G", "chart",
                                translate("MainWindow", "Brackets, changes and reviews per draft"))
    w.demo_action = add_action(w, translate("MainWindow", "Open the &Demo Negotiation"), w.open_demo)
    w.link_action = add_action(
        w, translate("MainWindow", "Correct Paragraph &Link…"), w.edits.correct_link, "Ctrl+L",
        tip=translate("MainWindow", "Say which paragraph of the previous draft this one continues"))
    w.link_action.setEnabled(False)
    w.next_change_action = w.diff_view.next_action
    w.previous_change_action = w.diff_view.previous_action
    w.next_change_action.setIcon(icon("next"))
    w.previous_change_action.setIcon(icon("previous"))
    w._icon_names[w.next_change_action] = "next"
    w._icon_names[w.previous_change_action] = "previous"
    w.paragraphs_view_action = add_action(w, translate("MainWindow", "&Paragraphs"),
                                          lambda: w.tabs.setCurrentIndex(0), "Ctrl+1")
    w.detail_action = QAction(translate("MainWindow", "Paragraph &Details"), w, checkable=True, checked=True)
    w.detail_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    w.detail_action.toggled.connect(w.detail.setVisible)
    w.about_action = add_action(w, translate("MainWindow", "&About Negotiator"), w.about)
    w.shortcuts_action = add_action(w, translate("MainWindow", "&Keyboard Shortcuts"), w.show_shortcuts,
                                    Std.HelpContents)


def build_menus(w: MainWindow) -> Menus:
    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(w.open_action)
    recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
    recent_menu.aboutToShow.connect(w.stores.fill_recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(w.import_action)
    file_menu.addAction(w.paste_action)
    file_menu.addAction(w.export_action)
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)
    edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    edit_menu.addAction(w.undo_action)
    edit_menu.addAction(w.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(w.find_action)
    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    view_menu.addAction(w.paragraphs_view_action)
    view_menu.addAction(w.compare_action)
    view_menu.addAction(w.chart_action)
    view_menu.addSeparator()
    view_menu.addAction(w.detail_action)
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(translate("MainWindow", "&Language"))
    fill_language_menu(w, language_menu)
    for box in w.filter_bar.filter_boxes():
        action = QAction(box.text().replace("&", ""), w, checkable=True)
        action.toggled.connect(box.setChecked)
        box.toggled.connect(action.setChecked)
        view_menu.addAction(action)
    neg_menu = bar.addMenu(translate("MainWindow", "&Negotiation"))
    neg_menu.addAction(w.compare_action)
    neg_menu.addAction(w.next_change_action)
    neg_menu.addAction(w.previous_change_action)
    neg_menu.addSeparator()
    status_menu = neg_menu.addMenu(translate("MainWindow", "Paragraph &Status"))
    for action in (w.detail.agreed_ad_ref_action, w.detail.agreed_action, w.detail.reopen_action):
        status_menu.addAction(action)
    neg_menu.addAction(w.link_action)
    # The same paragraph actions on a right click in the table.
    w.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    separator = QAction(w)
    separator.setSeparator(True)
    for action in (w.detail.agreed_ad_ref_action, w.detail.agreed_action, w.detail.reopen_action,
                   separator, w.link_action):
        w.table.addAction(action)
    neg_menu.addSeparator()
    neg_menu.addAction(w.chart_action)
    neg_menu.addSeparator()
    neg_menu.addAction(w.demo_action)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(w.shortcuts_action)
    help_menu.addAction(w.about_action)
    return Menus(file_menu, recent_menu, language_menu, neg_menu)


def fill_language_menu(w: MainWindow, menu: QMenu) -> None:
    from ui.languages import available_languages, language_name

    group = QActionGroup(w)
    chosen = w.settings.get(cfg.LANGUAGE)
    for code, name in [("", translate("MainWindow", "System Default")),
                       *((c, language_name(c)) for c in available_languages())]:
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, c=code: w.choose_language(c))


def add_package_entries(w: MainWindow) -> None:
    """File > Export / Merge Positions Package… and Negotiation > Resolve Conflicts…
    (the actions and dialogs live in ui/packages.py)."""
    w.file_menu.insertActions(w.quit_action, w.packages.file_actions)
    w.file_menu.insertSeparator(w.quit_action)
    w.negotiation_menu.insertAction(w.demo_action, w.packages.conflicts_action)
    w.negotiation_menu.insertAction(w.demo_action, w.packages.confirm_action)
    w.negotiation_menu.insertSeparator(w.demo_action)


def build_toolbar(w: MainWindow) -> None:
    toolbar = w.addToolBar(translate("MainWindow", "Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (w.import_action, None, w.undo_action, w.redo_action, None,
                   w.compare_action, w.previous_change_action, w.next_change_action,
                   None, w.chart_action):
        if action is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(action)


def show_about(w: MainWindow) -> None:
    from negotiator import __version__

    QMessageBox.about(w, translate("MainWindow", "About Negotiator"),
                      translate("MainWindow", "<b>Negotiator %1</b><p>Drafts, positions and diffs for multilateral "
                                "text negotiations.</p>").replace("%1", __version__))


def show_shortcuts(w: MainWindow) -> None:
    rows = []
    for action in (w.import_action, w.paste_action, w.open_action, w.undo_action,
                   w.redo_action, w.find_action, w.compare_action, w.next_change_action,
                   w.previous_change_action, w.chart_action, w.link_action, w.detail_action,
                   w.quit_action):
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        rows.append(f"<tr><td>{action.text().replace('&', '')}</td><td><b>{keys}</b></td></tr>")
    box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", "Keyboard Shortcuts"),
                      "<table cellspacing=6>" + "".join(rows) + "</table>",
                      QMessageBox.StandardButton.Close, w)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class TaskProgress(QObject):
    """The status bar's corner while a background task runs: what it does, how
    far it is, a button to cancel it."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)  # goes with the window: the task manager may outlive it
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(200)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(translate("MainWindow", "Cancel"))
        self.cancel.setAccessibleName(translate("MainWindow", "Cancel the running task"))
        self.cancel.clicked.connect(w.tasks.cancel_all)
        for widget in (self.label, self.bar, self.cancel):
            widget.setVisible(False)
            w.statusBar().addPermanentWidget(widget)
        w.tasks.busy_changed.connect(self._busy_changed)
        w.tasks.progress.connect(self._task_progress)

    def _busy_changed(self, busy: bool) -> None:
        for widget in (self.label, self.bar, self.cancel):
            widget.setVisible(busy)
        if busy:
            self.bar.setRange(0, 0)
        else:
            self.label.clear()

    def _task_progress(self, label: str, done: int, total: int) -> None:
        self.label.setText(label)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
