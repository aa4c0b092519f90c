"""The core's packages form layers: each imports only the layers below it.

The order is the architecture (docs/ARCHITECTURE.md): domain vocabulary at the
bottom, then reading texts, diffing them, storing them, drafts and positions
built on the store, the read models the faces show, Word export, and the
command line on top. A test per rule keeps the picture true.
"""

from __future__ import annotations

import ast
from pathlib import Path

import negotiator

# Lower number = lower layer. Packages on one level may not import each other.
LAYERS = {
    "domain": 0,
    "text": 1,
    "storage": 1,
    "diff": 2,
    "drafts": 3,
    "positions": 4,
    "views": 5,
    "demo": 5,
    "export": 6,
    "cli": 7,
}
ROOT = Path(negotiator.__file__).parent


def _layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "negotiator" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
            out += [f"{node.module}.{a.name}" for a in node.names]
    return out


def test_every_core_module_belongs_to_a_layer() -> None:
    unplaced = sorted({p.relative_to(ROOT).parts[0].removesuffix(".py")
                       for p in ROOT.rglob("*.py")} - set(LAYERS) - {"__init__", "__main__"})
    assert unplaced == [], "add the new package to LAYERS and docs/ARCHITECTURE.md"


def test_each_layer_imports_only_the_layers_below() -> None:
    offences = []
    for path in sorted(ROOT.rglob("*.py")):
        own = path.relative_to(ROOT).parts[0].removesuffix(".py")
        if own not in LAYERS:
            continue
        for module in _imports(path):
            other = _layer_of(module)
            if other is None or other == own or other not in LAYERS:
                continue
            if LAYERS[other] >= LAYERS[own]:
                offences.append(f"{path.relative_to(ROOT)} ({own}) imports {module} ({other})")
    assert offences == []


def test_the_window_holds_no_sql_and_no_orm_models() -> None:
    """ui/ asks the core; it never queries the store itself."""
    ui_root = ROOT.parent / "ui"
    offences = [f"{path.relative_to(ui_root.parent)}: {module}"
                for path in sorted(ui_root.rglob("*.py"))
                for module in _imports(path)
                if module.split(".")[0] == "sqlalchemy" or module.startswith("negotiator.storage.models")]
    assert offences == []


def test_the_window_does_not_import_the_application_that_starts_it() -> None:
    """application -> main_window -> the window's helpers, never back (even inside
    a function): only the entry point (app.py) starts the application."""
    ui_root = ROOT.parent / "ui"
    back = [f"{path.name}: {module}" for path in sorted(ui_root.rglob("*.py"))
            if path.name not in ("application.py", "app.py")
            for module in _imports(path) if module.startswith("ui.application")]
    assert back == []
