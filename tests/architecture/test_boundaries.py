"""The core never loads Qt; the wheel carries the app, its data and the entry point."""

import ast
import pkgutil
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import negotiator
from tests.conftest import ROOT

QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui")


def test_no_negotiator_module_imports_qt_in_its_source():
    offenders = []
    for path in Path(negotiator.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert offenders == []


def test_importing_every_negotiator_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(negotiator.__path__, "negotiator.")
               if ".migrations" not in m.name and not m.name.endswith("__main__")]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert len(modules) >= 6


def test_headless_subcommand_does_not_load_qt(tmp_path):
    code = (
        "import sys\n"
        "from ui.app import main\n"
        f"main(['--db', {str(tmp_path / 's.sqlite')!r}, 'list'])\n"
        "print('PySide6' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr


@pytest.mark.slow
def test_wheel_carries_app_demo_data_migrations_and_entry_point(tmp_path):
    # Built from a copy, so the checkout gets no build/ or .egg-info folders.
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache"))
    done = subprocess.run(
        # In this environment: installing the project already built it in an isolated one.
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (wheel,) = tmp_path.glob("negotiator-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "negotiator = ui.app:main" in z.read(entry_points).decode()
    assert "ui/app.py" in names and "ui/main_window.py" in names
    assert "negotiator/storage/migrations/env.py" in names
    assert {"resources/translations/negotiator_fr.qm", "resources/translations/negotiator_en.qm"} <= names
    assert "negotiator/storage/migrations/versions/0001_initial.py" in names
    demo = {n for n in names if n.startswith("resources/demo/")}
    for expected in ("zero-draft.txt", "rev1.txt", "rev2.txt",
                     "zero-draft.docx", "rev1.docx", "rev2.docx", "demo.json", "demo.sqlite"):
        assert f"resources/demo/{expected}" in demo, sorted(demo)


def test_every_command_has_help():
    from negotiator.cli.main import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"new", "import", "list", "drafts", "show"} <= set(sub.choices)
    for name, cmd_parser in sub.choices.items():
        assert cmd_parser.format_help().startswith("usage: negotiator " + name), name
    done = subprocess.run([sys.executable, "-m", "negotiator", "import", "--help"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and "--label" in done.stdout
