"""Per-sentence work shared with a second process: a long article's features take two cores
where the build has them, with the same results in the same order as one process gives."""

from __future__ import annotations

import gc
import os
import pickle
import signal

MIN_ITEMS = 1000
"""Fewest items worth a helper: for fewer, forking and pickling cost more than they save."""


class Split:
    """`work` applied to each of `items`, the last `share` of them in a forked helper.

    Start it, do other work, then ask for `results()`: this process works out the first
    items meanwhile. Without a second core to use, fork, or enough items, it is all done
    here; so is the helper's share if the helper fails in any way.
    """

    def __init__(self, work, items: list, workers: int, share: float) -> None:
        self.work, self.items, self.cut, self.pid = work, items, len(items), None
        if workers < 2 or len(items) < MIN_ITEMS or not hasattr(os, "fork"):
            return
        cut = len(items) - int(len(items) * share)
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to be had: all here
            os.close(read)
            os.close(write)
            return
        if pid == 0:
            self._help(read, write, cut)
        os.close(write)
        self.pid, self.read, self.cut = pid, read, cut

    def _help(self, read: int, write: int, cut: int) -> None:
        """Work out the items from `cut` on, send them pickled, and end (the helper)."""
        status = 1
        try:
            os.close(read)
            gc.disable()  # short-lived; a collection would touch, and so copy, shared pages
            data = pickle.dumps([self.work(item) for item in self.items[cut:]],
                                pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as stream:
                stream.write(data)
            status = 0
        finally:
            os._exit(status)  # never the parent's exit handlers or buffered output

    def results(self) -> list:
        """Return `work(item)` for every item, in order."""
        try:
            head = [self.work(item) for item in self.items[:self.cut]]
        except BaseException:
            self.close()
            raise
        if self.pid is None:
            return head
        with os.fdopen(self.read, "rb") as stream:
            data = stream.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        tail = None
        if status == 0:
            try:
                tail = pickle.loads(data)
            except Exception:  # cut short: worked out here instead
                pass
        if tail is None or len(tail) != len(self.items) - self.cut:
            tail = [self.work(item) for item in self.items[self.cut:]]
        return head + tail

    def close(self) -> None:
        """End the helper if its results will not be asked for (something failed meanwhile):
        not left blocked on a full pipe, nor a zombie. After `results`, nothing to do."""
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            os.close(self.read)
            self.pid = None
