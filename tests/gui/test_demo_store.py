"""The throwaway store of ``negotiator --demo`` never outlives its run: removed
on a normal exit, and after a crash (kill -9) at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ui.demo_store import MARKER, PREFIX, create_demo_folder, process_running, remove_stale_demo_folders

ROOT = Path(__file__).resolve().parents[2]
# Starting the app in a child process takes a few seconds on a loaded machine.
START_TIMEOUT_S = 90


def child_env(tmp_path: Path) -> dict[str, str]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp),
            "NEGOTIATOR_HOME": str(tmp_path / "home")}


def start_demo(tmp_path: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as err:  # the child keeps its own handle
        return subprocess.Popen([sys.executable, "-m", "ui.app", "--demo"], env=child_env(tmp_path), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=err)


def demo_folders(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "tmp").glob(PREFIX + "*"))


def wait_for_store(tmp_path: Path, child: subprocess.Popen[bytes], log: Path) -> Path:
    """The child's demo folder, once its store holds the demo."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert child.poll() is None, log.read_text(errors="replace")
        for folder in demo_folders(tmp_path):
            marker = folder / MARKER
            if marker.exists() and marker.read_text() == str(child.pid) and (folder / "demo.sqlite").exists():
                return folder
        time.sleep(0.1)
    raise AssertionError("the demo store never appeared")


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_a_killed_demo_leaves_a_folder_that_the_next_start_removes(tmp_path: Path) -> None:
    log = tmp_path / "stderr.txt"
    first = start_demo(tmp_path, log)
    try:
        crashed = wait_for_store(tmp_path, first, log)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    assert crashed.exists()  # nothing runs on kill -9
    assert not process_running(first.pid)

    second = start_demo(tmp_path, log)
    try:
        own = wait_for_store(tmp_path, second, log)
        deadline = time.monotonic() + START_TIMEOUT_S
        while crashed.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not crashed.exists()
        assert own.exists()  # a running demo's folder is never touched
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait(30)


def test_a_normal_exit_removes_the_demo_store(tmp_path: Path) -> None:
    script = ("import sys; from ui.application import make_demo_store; "
              "store, folder = make_demo_store(); print(folder); sys.exit(0)")
    done = subprocess.run([sys.executable, "-c", script], env=child_env(tmp_path), cwd=ROOT,
                          capture_output=True, timeout=START_TIMEOUT_S)
    assert done.returncode == 0, done.stderr.decode()
    folder = Path(done.stdout.decode().strip())
    assert folder.parent == tmp_path / "tmp" and folder.name.startswith(PREFIX)
    assert not folder.exists()


def test_stale_folders_only(tmp_path: Path) -> None:
    ours = create_demo_folder(tmp_path)
    dead = tmp_path / f"{PREFIX}dead"
    dead.mkdir()
    (dead / MARKER).write_text("999999999")
    someone_elses = tmp_path / f"{PREFIX}alive"
    someone_elses.mkdir()
    (someone_elses / MARKER).write_text(str(os.getppid()))
    being_created = tmp_path / f"{PREFIX}new"  # no marker yet
    being_created.mkdir()
    assert remove_stale_demo_folders(tmp_path) == [dead]
    assert ours.exists() and someone_elses.exists() and being_created.exists()
    old = time.time() - 3600
    os.utime(being_created, (old, old))
    assert remove_stale_demo_folders(tmp_path) == [being_created]
