"""Bugs, as opposed to user errors: one line for the user, the traceback in a log file.

A bug met while building one source costs that source only. The user reads
`sources/x.txt: internal error (ValueError: …); details in dist/.brief/errors.log — please
report it`; the log keeps every such traceback, newest last.
"""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from brief.errors import BriefError

LOG = Path(".brief") / "errors.log"


class InternalError(Exception):
    """An unexpected exception met in a render worker, carried back as plain text (the
    original may not pickle, or may not unpickle in the parent)."""

    def __init__(self, summary: str, details: str) -> None:
        super().__init__(summary, details)
        self.summary = summary
        """`Type: message`, as the user reads it."""
        self.details = details
        """The formatted traceback."""

    @classmethod
    def of(cls, exc: BaseException) -> InternalError:
        """Return `exc` as an InternalError (itself if it is one)."""
        if isinstance(exc, InternalError):
            return exc
        return cls(summary(exc), "".join(traceback.format_exception(exc)))


def summary(exc: BaseException) -> str:
    """Return `Type: message`, on one line and not too long."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 200 else text[:199] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def report(exc: BaseException, source: Path, dist: Path) -> BriefError:
    """Append `exc`'s traceback to dist's error log and return the one-line error of `source`.

    Never raises: if the log cannot be written the message says so, without the path.
    """
    internal = InternalError.of(exc)
    log = dist / LOG
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {datetime.now().astimezone().isoformat(timespec='seconds')} "
                         f"{source}\n{internal.details}\n")
        where = f"details in {log}"
    except OSError:
        where = f"the details could not be written to {log}"
    return BriefError(f"internal error ({internal.summary}); {where} — please report it",
                      source)
