"""One writer per case file: an OS lock on `<case>.lock`, held for a whole build.

Readers (lookup, the app, exports) never take it: every write is an atomic replace, so a
reader sees the old file or the new one. The lock only keeps two builds from computing on
the same cache and overwriting each other. It is an flock (via `filelock`), so a writer
that dies, even by SIGKILL, releases it with its process; the pid written into the lock
file only names the holder in the message a second writer prints. The holder removes the
file when it is done.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["Busy", "lock_path", "holder", "writing"]


class Busy(Exception):
    """Another process is writing the case file (a one-line, user-facing message)."""


# Reentrancy: a build holds the lock and its final `store.save` asks again.
_held: dict[Path, int] = {}
_guard = threading.Lock()


def lock_path(case: Path | str) -> Path:
    case = Path(case)
    return case.with_name(case.name + ".lock")


def holder(case: Path | str) -> int | None:
    """The pid recorded by the current (or last) writer, if any."""
    try:
        text = lock_path(case).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


@contextmanager
def writing(case: Path | str, wait: float = 0) -> Iterator[None]:
    """Hold the write lock of `case`; wait up to `wait` seconds (< 0: for ever) for it."""
    key = Path(os.path.abspath(case))
    with _guard:
        if key in _held:
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _guard:
                _held[key] -= 1
        return

    from filelock import FileLock, Timeout

    path = lock_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(_busy_message(Path(case), wait)) from None
    except OSError as err:
        raise Busy(f"{case}: cannot lock {path.name}: {err.strerror or err}") from None
    try:
        _record(path, str(os.getpid()))
        with _guard:
            _held[key] = 1
        try:
            yield
        finally:
            with _guard:
                del _held[key]
            # Unlinked while still held, so the folder keeps only the case and its backup. A
            # waiter that opened this inode finds it unlinked after its flock and opens the
            # path again (filelock >= 4.2 checks st_nlink), so exclusion holds.
            path.unlink(missing_ok=True)
    finally:
        lock.release()


def _record(path: Path, text: str) -> None:
    # a second descriptor: flock is advisory, so writing beside filelock's own is safe
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    try:
        os.ftruncate(fd, 0)
        os.write(fd, text.encode("ascii"))
    finally:
        os.close(fd)


def _busy_message(case: Path, wait: float) -> str:
    pid = holder(case)
    who = f"another build (pid {pid})" if pid else "another build"
    waited = f" (waited {wait:g} s)" if wait > 0 else ""
    return f"{case} is being written by {who}{waited}; try again when it has finished"
