"""The main window: negotiations and drafts (left), paragraphs (centre), the
selected paragraph (right); comparison and chart on their own tabs.

Slots stay short: they collect ids from the selection and call a function of
``ui.operations``, in the background through ``ui.tasks`` when it can be slow.
Longer flows live beside the window, each a small object holding it:
``ui.import_flow``, ``ui.editing_flow``, ``ui.draft_loading`` (the shown
draft's paragraphs, changes and stances), ``ui.compare_flow``,
``ui.store_flow``, ``ui.packages``; the actions, menus and toolbar are built
by ``ui.window_menus``, the table's filters and search by ``ui.filter_bar``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.storage.server_engine import shown
from negotiator.storage.store import Store
from negotiator.text.tracked import TrackedChanges
from ui import operations as op
from ui import settings as cfg
from ui.chart import ChartPanel
from ui.compare_flow import CompareFlow
from ui.detail_pane import DetailPane
from ui.dialogs import show_exception
from ui.diff_view import DiffView
from ui.draft_loading import DraftLoading
from ui.editing_flow import EditingFlow
from ui.filter_bar import ParagraphFilterBar
from ui.icons import icon
from ui.import_flow import ImportFlow, droppable
from ui.languages import install_translators
from ui.models.paragraphs import Column, ParagraphFilter, ParagraphModel
from ui.models.tree import ID_ROLE, KIND_ROLE, NEGOTIATION_ROLE, NegotiationTreeModel
from ui.operations import NegotiationInfo
from ui.packages import PackageActions
from ui.paragraph_table import ParagraphTableLayout
from ui.server_watch import ServerMode
from ui.settings import Settings
from ui.store_flow import StoreFlow
from ui.tasks import TaskManager
from ui.undo import VersionBook
from ui.window_menus import (
    TaskProgress,
    add_package_entries,
    build_actions,
    build_menus,
    build_toolbar,
    show_about,
    show_shortcuts,
)

if TYPE_CHECKING:  # the dialog loads python-docx and lxml: imported when first opened
    from ui.export_dialog import ExportDialog

class MainWindow(QMainWindow):
    """Negotiator's main window.

    Signals:
        draft_loaded(int): the paragraph table now shows this draft.
        changes_loaded(int): the change column of this draft is filled in.
        diff_loaded(): the comparison tab shows a new result.
        chart_loaded(): the chart shows new figures.
        draft_imported(int): a draft was stored (its id).
        positions_loaded(int): the detail pane shows this paragraph's positions.
        summaries_loaded(int): the stance and flag columns of this draft are filled in.
        link_corrected(int): a paragraph's link to the previous draft was corrected (its id).
    """

    draft_loaded = Signal(int)
    changes_loaded = Signal(int)
    diff_loaded = Signal()
    chart_loaded = Signal()
    draft_imported = Signal(int)
    positions_loaded = Signal(int)
    summaries_loaded = Signal(int)
    link_corrected = Signal(int)

    # Built by ui/window_menus.py.
    open_action: QAction
    import_action: QAction
    paste_action: QAction
    export_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    find_action: QAction
    compare_action: QAction
    chart_action: QAction
    demo_action: QAction
    link_action: QAction
    next_change_action: QAction
    previous_change_action: QAction
    paragraphs_view_action: QAction
    detail_action: QAction
    about_action: QAction
    shortcuts_action: QAction
    _icon_names: dict[QAction, str]  # re-tinted on a light/dark switch

    def __init__(self, store: Store, settings: Settings | None = None,
                 tasks: TaskManager | None = None, *, demo: bool = False,
                 load_later: bool = False) -> None:
        """``load_later``: the caller calls ``refresh_tree`` once the window is
        painted (start-up), instead of the window reading the store now."""
        super().__init__()
        self.store = store
        self.settings = settings or Settings()
        self.tasks = tasks or TaskManager(parent=self)
        self.undo_stack = QUndoStack(self)
        self.versions = VersionBook()
        self.negotiations: list[NegotiationInfo] = []
        self.current_draft_id: int | None = None
        self.current_negotiation_id: int | None = None
        self.previous_draft_id: int | None = None
        self.demo_store = demo  # a throwaway store (--demo): said in the title
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("negotiator"))
        self.setAcceptDrops(True)
        self.resize(1400, 860)

        self.imports = ImportFlow(self)  # File > Import, paste, drop
        self.edits = EditingFlow(self)  # positions, notes, status, links: one undo step each
        self.loading = DraftLoading(self)  # the shown draft's paragraphs, changes, stances, positions
        self.compare = CompareFlow(self)  # the comparison tab
        self.stores = StoreFlow(self)  # open, switch, the demo
        self._build_widgets()
        build_actions(self)  # the actions, menus and toolbar: ui/window_menus.py
        self.file_menu, self.recent_menu, self.language_menu, self.negotiation_menu = build_menus(self)
        self.packages = PackageActions(self)  # position packages: ui/packages.py
        add_package_entries(self)
        build_toolbar(self)
        self.task_progress = TaskProgress(self)
        self.progress, self.progress_label, self.cancel_button = (
            self.task_progress.bar, self.task_progress.label, self.task_progress.cancel)
        self._restore_state()
        self.server = ServerMode(self)  # File > Connect to Server…, colleagues' edits
        if not load_later:
            self.refresh_tree()
        self._update_title()

    # Construction -----------------------------------------------------------
    def _build_widgets(self) -> None:
        self.tree_model = NegotiationTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("negotiationTree")
        self.tree.setAccessibleName(self.tr("Negotiations and drafts"))
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selection_changed)

        self.paragraph_model = ParagraphModel(self)
        self.paragraph_proxy = ParagraphFilter(self)
        self.paragraph_proxy.setSourceModel(self.paragraph_model)
        self.table = QTableView()
        self.table.setObjectName("paragraphTable")
        self.table.setAccessibleName(self.tr("Paragraphs of the draft"))
        self.table.setModel(self.paragraph_proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table_layout = ParagraphTableLayout(self.table)  # wrapped text, flag icons, row heights
        self.table_layout.watch(self.paragraph_proxy)
        self.table.selectionModel().currentRowChanged.connect(self._paragraph_changed)

        self.filter_bar = ParagraphFilterBar(self.paragraph_proxy, self.paragraph_model)
        # Reached from outside the bar: Ctrl+F, the screenshots, the benchmarks.
        self.search, self.legend_button = self.filter_bar.search, self.filter_bar.legend_button
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.filter_bar)
        table_layout.addWidget(self.table, 1)

        self.detail = DetailPane()
        self.detail.positions.edited.connect(self.edits.edit_position)
        self.detail.notes.note_added.connect(self.edits.add_note)
        self.detail.status_requested.connect(self.edits.set_status)
        self.paragraph_split = QSplitter(Qt.Orientation.Horizontal)
        self.paragraph_split.addWidget(table_page)
        self.paragraph_split.addWidget(self.detail)
        # Width goes to the table, whose text column stretches; the details keep a reading width.
        self.paragraph_split.setStretchFactor(0, 2)
        self.paragraph_split.setStretchFactor(1, 1)

        self.diff_view = DiffView()
        self.diff_view.compare_requested.connect(self.compare.compare_drafts)
        self.chart = ChartPanel()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.paragraphs_tab = self.tabs.addTab(self.paragraph_split, icon("paste"), self.tr("Paragraphs"))
        self.compare_tab = self.tabs.addTab(self.diff_view, icon("compare"), self.tr("Compare drafts"))
        self.chart_tab = self.tabs.addTab(self.chart, icon("chart"), self.tr("Overview"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 1210])
        self.paragraph_split.setSizes([840, 370])
        self.setCentralWidget(self.splitter)

    def _restore_state(self) -> None:
        geometry = self.settings.get(cfg.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get(cfg.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.get(cfg.SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self.diff_view.set_side_by_side(self.settings.get(cfg.DIFF_SIDE_BY_SIDE))

    def _update_title(self) -> None:
        where = self.tr("demo (not saved)") if self.demo_store else str(self.store.path or shown(self.store.url))
        self.setWindowTitle(self.tr("Negotiator – %1").replace("%1", where))

    # Tree and paragraphs -----------------------------------------------------
    def refresh_tree(self, select_draft: int | None = None) -> None:
        """Reload negotiations and drafts; keep (or move) the selection."""
        keep = select_draft if select_draft is not None else self.current_draft_id
        self.loading.changes_cache.clear()
        self.negotiations = op.load_tree(self.store)
        self.tree_model.populate(self.negotiations)
        self.tree.expandAll()
        if keep is not None and (index := self.tree_model.find_draft(keep)).isValid():
            self.tree.setCurrentIndex(index)
        elif self.negotiations and self.negotiations[0].drafts:
            self.tree.setCurrentIndex(self.tree_model.find_draft(self.negotiations[0].drafts[-1].id))
        self.statusBar().showMessage(self.tr("%n negotiation(s) in this store", "", len(self.negotiations)),
                                     5000)
        # Every own write that changes drafts or links ends here: on a shared store
        # it is not a colleague's change.
        self.server.own_change()

    def reload_draft(self) -> None:
        """Read the tree and the shown draft again, keeping the selected paragraph:
        after a merge or a link correction changed what surrounds it (drafts,
        lineages, positions)."""
        paragraph_id = self.current_paragraph_id()
        self.refresh_tree()
        if self.current_draft_id is not None:
            self.select_draft(self.current_draft_id)
            if paragraph_id is not None:
                self.select_paragraph(paragraph_id)

    def _tree_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        index = indexes[0]
        self.current_negotiation_id = index.data(NEGOTIATION_ROLE)
        if index.data(KIND_ROLE) == "draft" and index.data(ID_ROLE) != self.current_draft_id:
            self.select_draft(index.data(ID_ROLE))
        self._refresh_side_tabs()

    # Reading the shown draft (ui/draft_loading.py) ---------------------------------
    def select_draft(self, draft_id: int) -> None:
        """Show a draft's paragraphs now, then fill in changes in the background."""
        self.loading.select_draft(draft_id)

    def load_summaries(self) -> None:
        """Fill the stance and flag columns of the shown draft in the background."""
        self.loading.load_summaries()

    def load_summary(self, paragraph_id: int, index: int) -> None:
        """One paragraph's stances and flags after an edit."""
        self.loading.load_summary(paragraph_id, index)

    def _paragraph_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.link_action.setEnabled(current.isValid() and self.previous_draft_id is not None)
        if not current.isValid():
            self.detail.show_paragraph(None, None, False)
            return
        source_row = self.paragraph_proxy.mapToSource(current).row()
        row = self.paragraph_model.row_at(source_row)
        if self.detail.row is not None and self.detail.row.id == row.id:
            return  # same paragraph (the filter or sort moved it): keep the editor as it is
        self.detail.show_paragraph(row, self.paragraph_model.change_at(source_row),
                                   self.previous_draft_id is not None)
        self.load_positions(row.id)

    # Positions and notes ------------------------------------------------------
    def current_paragraph_id(self) -> int | None:
        return self.detail.row.id if self.detail.row is not None else None

    def load_positions(self, paragraph_id: int) -> None:
        self.loading.load_positions(paragraph_id)

    def select_paragraph(self, paragraph_id: int) -> bool:
        """Select a paragraph of the shown draft by id; False if it is filtered out."""
        row = self.paragraph_model.row_of_paragraph(paragraph_id)
        if row is None:
            return False
        index = self.paragraph_proxy.mapFromSource(self.paragraph_model.index(row, Column.TEXT))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _set_filter(self, **values: Any) -> None:  # what bench/bench_ui.py times as a search
        self.filter_bar.set_filter(**values)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(self.paragraphs_tab)
        self.search.setFocus()
        self.search.selectAll()

    # Compare and chart ------------------------------------------------------
    def _refresh_side_tabs(self) -> None:
        current = self.tabs.currentIndex()
        if current == self.compare_tab:
            self.compare.offer_drafts()
        elif current == self.chart_tab:
            self.load_chart()

    def _tab_changed(self, _index: int) -> None:
        self._refresh_side_tabs()

    def show_compare(self, from_id: int | None = None, to_id: int | None = None) -> None:
        """Open the comparison tab and compare (by default the shown draft with the one before)."""
        self.compare.show_compare(from_id, to_id)

    def show_chart(self) -> None:
        self.tabs.setCurrentIndex(self.chart_tab)

    def load_chart(self) -> None:
        neg_id = self.current_negotiation_id
        if neg_id is None:
            self.chart.set_points("", [])
            return
        title = next((n.title for n in self.negotiations if n.id == neg_id), "")
        store = self.store
        self.tasks.run(
            self.tr("Counting brackets and changes…"),
            lambda ctx: op.chart_points(store, neg_id, ctx.progress),
            on_done=lambda points: self._chart_ready(title, points),
            on_error=lambda exc: self._task_failed(self.tr("Could not draw the chart"), exc),
            key="chart",
        )

    def _chart_ready(self, title: str, points: list[op.ChartPoint]) -> None:
        self.chart.set_points(title, points)
        self.chart_loaded.emit()

    # Import (the flow lives in ui/import_flow.py) ----------------------------------
    def import_file(self, path: str | Path, tracked_changes: TrackedChanges | None = None) -> None:
        self.imports.import_file(path, tracked_changes)

    # Export -----------------------------------------------------------------
    def _update_export_action(self) -> None:
        self.export_action.setEnabled(self.current_negotiation_id is not None)

    def show_export(self) -> ExportDialog | None:
        """Open the Export dialog for the selected negotiation (and draft)."""
        from ui.export_dialog import ExportDialog

        if self.current_negotiation_id is None:
            return None
        dialog = ExportDialog(self.store, self.tasks, self.current_negotiation_id, self.current_draft_id,
                              author=self.settings.author(), parent=self, settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if droppable(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if droppable(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = droppable(event.mimeData().urls())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        for path in files:
            self.imports.import_file(path)

    # Stores and the demo -----------------------------------------------------
    def choose_store(self) -> None:
        self.stores.choose_store()

    def open_store(self, path: str) -> None:
        self.stores.open_store(path)

    def switch_store(self, store: Store, *, demo: bool = False) -> None:
        self.stores.switch_store(store, demo=demo)

    def choose_language(self, code: str) -> None:
        """Rebuild the window in another language (on the same store, same draft)."""

        if code != self.settings.get(cfg.LANGUAGE):
            change_language(self, code)

    def open_demo(self) -> None:
        """Load the demo negotiation into the open store (if it is not there yet)."""
        self.stores.open_demo()

    def offer_demo_if_empty(self) -> None:
        """First start with an empty store (as the tree read it): offer the demo negotiation, once."""
        self.stores.offer_demo_if_empty()

    # Help -------------------------------------------------------------------
    def about(self) -> None:
        show_about(self)

    def show_shortcuts(self) -> None:
        show_shortcuts(self)

    # Tasks ------------------------------------------------------------------
    def _task_failed(self, title: str, exc: BaseException) -> None:
        show_exception(self, title, exc)

    # Palette ----------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Light/dark switch while running: re-tint icons, redraw the chart.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for action, name in self._icon_names.items():
                action.setIcon(icon(name))
            self.chart.redraw()
        super().changeEvent(event)

    # Shutdown ---------------------------------------------------------------
    def save_window_state(self) -> None:
        self.settings.set(cfg.GEOMETRY, self.saveGeometry())
        self.settings.set(cfg.WINDOW_STATE, self.saveState())
        self.settings.set(cfg.SPLITTER, self.splitter.saveState())
        self.settings.set(cfg.DIFF_SIDE_BY_SIDE, self.diff_view.side_by_side)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_window_state()
        self.tasks.cancel_all()
        self.tasks.wait()
        super().closeEvent(event)


def change_language(window: MainWindow, language: str) -> MainWindow:
    """Switch the UI language now: a new main window on the same store, in the
    same place, showing the same draft (every string is set when a widget is
    built, so rebuilding is simpler and surer than retranslating each one)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.settings.set(cfg.LANGUAGE, language)
    window.save_window_state()
    window.tasks.cancel_all()
    window.tasks.wait()
    install_translators(app, language)
    new = MainWindow(window.store, window.settings, demo=window.demo_store, load_later=True)
    new.refresh_tree(select_draft=window.current_draft_id)
    new.show()
    window.hide()
    window.deleteLater()
    return new
