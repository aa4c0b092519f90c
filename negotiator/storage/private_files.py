"""Files Negotiator writes hold restricted material: on POSIX they are created
readable by the user only (0600, folders 0700), and written whole or not at
all through a temporary ``.NAME.part`` beside the target.

The one place that knows these modes; the store, backups, packages, briefs,
amendments and the signing key file all go through it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
PART_SUFFIX = ".part"
POSIX = os.name == "posix"


def temp_name(path: Path) -> Path:
    """The temporary file a write to ``path`` goes through (hidden, same folder)."""
    return path.with_name(f".{path.name}{PART_SUFFIX}")


def make_private(path: Path) -> None:
    """Restrict an existing file to its owner (no-op elsewhere than POSIX, or
    on a file we do not own)."""
    if POSIX:
        with suppress(OSError):
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, FILE_MODE)


def private_dir(path: Path) -> Path:
    """Create a folder (and missing parents) only its owner can enter; an
    existing folder of ours is tightened to 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if POSIX:
        with suppress(OSError):
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, DIR_MODE)
    return path


def create_private(path: Path) -> None:
    """Create an empty file at 0600 if none exists (so whatever writes it next,
    SQLite included, keeps that mode)."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


@contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a fresh private temporary file to write; on success it replaces
    ``path``, on any failure (or interruption) it is removed. A stale temporary
    left by a killed write to the same target is cleaned first."""
    target = Path(path)
    tmp = temp_name(target)
    with suppress(FileNotFoundError):
        tmp.unlink()
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    try:
        yield tmp
        make_private(tmp)  # a writer that replaced the file may have widened it
        os.replace(tmp, target)
    finally:
        with suppress(FileNotFoundError):
            tmp.unlink()


def write_private(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all, readable by the owner only."""
    with atomic_target(path) as tmp:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())


def clean_stale_parts(folder: Path, stem: str) -> list[Path]:
    """Remove temporaries (``.STEM*.part``) a killed write left in ``folder``."""
    removed = []
    with suppress(OSError):
        for leftover in folder.glob(f".{stem}*{PART_SUFFIX}"):
            with suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed
