"""Files written whole or not at all, and a set of files committed together or not at all."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from brief.errors import BriefError


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file and a rename: never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(target, data)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def commit(files: dict[Path, bytes]) -> None:
    """Write every file in `files` or none: all temporaries first, then the renames; if any
    step fails, the temporaries go and the files there before are left as they were.

    Raises BriefError naming the folder (disk full, not writable, not a folder…).
    """
    temporaries: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    replaced: list[Path] = []
    target = next(iter(files), None)
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporaries[target] = _temporary(target, data)
        for target in files:  # a hard link keeps the old file should a later rename fail
            if target.exists():
                backups[target] = _backup(target)
        for target, temporary in temporaries.items():
            os.replace(temporary, target)
            replaced.append(target)
    except OSError as exc:
        for done in replaced:  # put the old set back
            if done in backups:
                os.replace(backups.pop(done), done)
            else:
                done.unlink(missing_ok=True)
        raise os_error(exc, target.parent if target else None) from None
    finally:
        for leftover in [*temporaries.values(), *backups.values()]:
            leftover.unlink(missing_ok=True)


def os_error(exc: OSError, folder: Path | None) -> BriefError:
    """Return the BriefError a user reads for `exc`, met while writing in `folder`."""
    shown = f"{folder}/" if folder is not None else "the output folder"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return BriefError(f"the disk is full: could not write in {shown}",
                          hint="free some space, then run again")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BriefError(f"cannot write in {shown}: permission denied",
                          hint="make it writable, or work in a copy of the project")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST) and folder is not None:
        return BriefError(f"{folder} is not a folder", hint="move that file away; brief "
                          f"writes its outputs in {folder.name}/")
    return BriefError(f"could not write in {shown}: {exc.strerror or exc}")


def _temporary(target: Path, data: bytes) -> Path:
    """Return a new temporary file beside `target` holding `data`."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _backup(target: Path) -> Path:
    """Return a hard link to `target` under a temporary name (a copy where links fail)."""
    name = tempfile.mktemp(prefix=f".{target.name}.old.", dir=target.parent)
    try:
        os.link(target, name)
    except OSError:
        import shutil

        shutil.copy2(target, name)
    return Path(name)
