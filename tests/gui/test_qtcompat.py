"""The binding work-arounds of ui/qtcompat.py keep PySide6's own behaviour."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import ui.qtcompat  # noqa: F401  (the work-arounds under test)

pytestmark = pytest.mark.gui


def test_feature_switching_still_sees_which_modules_use_pyside(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if "shibokensupport.feature" not in sys.modules:
        pytest.skip("this binding does not scan imported modules")
    feature = sys.modules["shibokensupport.feature"]
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "plain_python_here.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("uses_qt_here", "plain_python_here"):
        __import__(name)  # an import statement: what PySide6 hooks
        monkeypatch.delitem(sys.modules, name)
    # 0: PySide features may be switched on in it; -1: PySide leaves it alone.
    assert feature.pyside_feature_dict["uses_qt_here"] == 0
    assert feature.pyside_feature_dict["plain_python_here"] == -1
    # ... and their sources are not kept for the life of the process.
    assert str(tmp_path / "uses_qt_here.py") not in linecache.cache
