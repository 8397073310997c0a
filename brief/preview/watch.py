"""Noticing changes: a version number that goes up when a file the preview depends on changes
(brief.yaml, anything in sources/, the project's templates/), by polling their mtimes —
a handful of files, so a stat of each a few times a second costs nothing and works on every
file system, network and container mounts included."""

from __future__ import annotations

import os
import threading
from pathlib import Path

INTERVAL = 0.2  # seconds: a change shows within a second, compile and reload included


class Watcher:
    """Counts changes to a project's watched files, on a thread of its own."""

    def __init__(self, root: Path, interval: float = INTERVAL) -> None:
        self.root = root
        self.interval = interval
        self.version = 0
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="brief-preview-watch",
                                        daemon=True)

    def start(self) -> Watcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        with self._changed:
            self._changed.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def bump(self) -> None:
        """Count a change now (the preview wrote a file: no need to wait for the poll)."""
        with self._changed:
            self.version += 1
            self._changed.notify_all()

    def wait(self, seen: int | None, timeout: float) -> int:
        """Return the version once it differs from `seen`, or after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen or self.stopped, timeout)
            return self.version

    def _run(self) -> None:
        last = self.fingerprint()
        while not self._stop.wait(self.interval):
            now = self.fingerprint()
            if now != last:
                last = now
                self.bump()

    def fingerprint(self) -> frozenset:
        """Return the name, size, mtime and inode of every watched file (an editor that
        saves by renaming changes the inode, perhaps nothing else)."""
        found = set()
        _stat(self.root / "brief.yaml", found)
        for folder, deep in ((self.root / "sources", False), (self.root / "templates", True)):
            _scan(folder, deep, found)
        return frozenset(found)


def _scan(folder: Path, deep: bool, found: set) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):  # editors' swap files, the preview's temporary file
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if deep:
                    _scan(Path(entry.path), deep, found)
                continue
            stat = entry.stat()
        except OSError:
            continue
        found.add((entry.path, stat.st_size, stat.st_mtime_ns, stat.st_ino))


def _stat(path: Path, found: set) -> None:
    try:
        stat = path.stat()
    except OSError:
        return
    found.add((str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino))
