"""File > Connect to Server…: open a shared store on the delegation's server.

The server address and the user name are kept in the settings; the password
only in the system keyring (through `keyring`), never in the settings file.
Without a usable keyring the password is asked again next time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
from negotiator.domain.errors import NegotiatorError
from negotiator.storage.server_engine import bare_url, login_url
from negotiator.storage.store import Store
from ui import settings as cfg
from ui.settings import Settings
from ui.tasks import TaskManager

log = logging.getLogger(__name__)
KEYRING_SERVICE = "negotiator"


def _keyring_name(url: str, user: str) -> str:
    return f"{user}@{bare_url(url)}"


def load_password(url: str, user: str) -> str:
    """The password kept for this user on this server, or "" (none, or no keyring)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, _keyring_name(url, user)) or ""
    except Exception as exc:  # noqa: BLE001 - any keyring failure means "not kept"
        log.info("no password from the keyring: %s", exc)
        return ""


def save_password(url: str, user: str, password: str) -> bool:
    """Keep the password in the system keyring; False when there is no usable keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _keyring_name(url, user), password)
        return True
    except Exception as exc:  # noqa: BLE001 - reported to the user as "not kept"
        log.info("password not kept in the keyring: %s", exc)
        return False


@dataclass(frozen=True)
class ServerLogin:
    url: str
    user: str
    password: str
    remember: bool


class ConnectDialog(QDialog):
    """Asks for the server, user and password, then connects in the background.

    Signals:
        connected(object): the open Store, once the server accepted the user.
    """

    connected = Signal(object)

    def __init__(self, settings: Settings, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.settings = settings
        self.tasks = tasks
        self.password_kept: bool | None = None
        self.setWindowTitle(self.tr("Connect to Server"))
        self.url_edit = QLineEdit(settings.get(cfg.SERVER_URL))
        self.url_edit.setPlaceholderText("postgresql://db.ministry.example/negotiations")
        self.user_edit = QLineEdit(settings.get(cfg.SERVER_USER))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("&Remember the password in the system keyring"))
        self.remember_box.setChecked(True)
        if self.url_edit.text() and self.user_edit.text():
            self.password_edit.setText(load_password(self.url_edit.text(), self.user_edit.text()))
        self.message = QLabel()
        self.message.setObjectName("connectMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.url_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", self.remember_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(self.tr(
            "A shared store on your delegation's PostgreSQL server. Your colleagues' edits "
            "appear as they are saved; another delegation's national positions stay theirs."))
        intro.setWordWrap(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def login(self) -> ServerLogin:
        return ServerLogin(self.url_edit.text().strip(), self.user_edit.text().strip(),
                           self.password_edit.text(), self.remember_box.isChecked())

    def connect_to_server(self) -> None:
        """Open the store in the background; on failure say why in one line and keep
        everything typed, so the user corrects it and tries again."""
        login = self.login()
        if not login.url or not login.user:
            self.message.setText(self.tr("Give the server's address and your user name."))
            return
        try:
            url = login_url(login.url, login.user, login.password)
        except NegotiatorError as exc:
            self.message.setText(str(exc))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Connecting…"))
        self.tasks.run(self.tr("Connecting to the server…"), lambda ctx: Store(url),
                       on_done=lambda store: self._opened(login, store),
                       on_error=self._failed, key="connect")

    def _opened(self, login: ServerLogin, store: Store) -> None:
        self.buttons.setEnabled(True)
        self.settings.set(cfg.SERVER_URL, bare_url(login.url))
        self.settings.set(cfg.SERVER_USER, login.user)
        self.password_kept = save_password(login.url, login.user, login.password) if login.remember else None
        self.connected.emit(store)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, NegotiatorError):
            log.error("could not connect", exc_info=exc)
        self.message.setText(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
