"""Plain data that takes longer to work out than to read back, kept between runs in a private
folder under the system's temporary directory (as Jinja2 keeps compiled templates).

Only marshal's plain types go in (no code objects come out: `load` checks the type), the
folder must be the user's own and closed to others, and any problem means working it out
again: a cache costs speed at worst, never a build.
"""

from __future__ import annotations

import marshal
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def folder() -> Path | None:
    """Return the user's private cache folder, made if need be; None if it cannot be had or
    is not safely theirs."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    folder = Path(tempfile.gettempdir()) / f"brief-cache-{uid if uid is not None else 'user'}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o077 or (
            uid is not None and info.st_uid != uid):
        return None
    return folder


def load(name: str, key: str, build: Callable[[], dict]) -> dict:
    """Return the dict stored as `name` for `key` (say, the size and time of the file it
    comes from), else `build()`'s, stored for next time."""
    where = folder()
    path = where / f"{name}-{key}.marshal" if where is not None else None
    if path is not None:
        try:
            value = marshal.loads(path.read_bytes())
            if type(value) is dict:
                return value
        except (OSError, ValueError, EOFError, TypeError):
            pass
    value = build()
    if path is not None:
        try:
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            temporary.write_bytes(marshal.dumps(value))
            os.replace(temporary, path)
        except (OSError, ValueError):
            pass
    return value
