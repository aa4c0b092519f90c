"""The whole project type-checks (mypy, strict) and lints clean (ruff), as configured
in pyproject.toml: a wrong None, a missing annotation or an unused import fails CI here."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _run_tool(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("mypy") is None,
                    reason="mypy is not installed (pip install -e '.[test]' brings it)")
def test_mypy_passes_on_the_whole_project():
    result = _run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("ruff") is None,
                    reason="ruff is not installed (pip install -e '.[test]' brings it)")
def test_ruff_finds_nothing():
    result = _run_tool("ruff", "check", "negotiator", "ui", "tests", "bench", "tools")
    assert result.returncode == 0, result.stdout + result.stderr
