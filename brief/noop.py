"""`brief make` with nothing to do, answered before click, YAML or the pipeline are imported.

A plain `brief make` that found every source up to date (or built them all) leaves a stamp,
`dist/.brief/make.json`: a digest of everything the next plain `make` would look at (brief
itself, SOURCE_DATE_EPOCH, brief.yaml, the listings of sources/ and templates/, every source,
its overrides, links, outputs, records and drift record, the template folder, the files the
style names) and the lines that `make` printed. The next plain `brief make` in that folder
recomputes the digest from the stamp's list of paths alone; if it is the same, it prints the
same lines and stops. Anything else, or any doubt, goes the ordinary way.

Only the standard library's lightest modules are imported here: this is the whole cost of
the commonest `brief make`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys

STAMP = os.path.join("dist", ".brief", "make.json")
FORMAT = 1


def file_digest(path: str | os.PathLike) -> str:
    """Return the digest of the file at `path`: "-" if there is none, "?" if unreadable."""
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except FileNotFoundError:
        return "-"
    except OSError:
        return "?"  # unreadable: never equal to what a build saw


def _folder(path: str) -> str:
    """Every file under `path`, by name and content."""
    digest = hashlib.sha256()
    for top, folders, files in os.walk(path):
        folders.sort()
        if any(os.path.islink(os.path.join(top, name)) for name in folders):
            return "?" + os.urandom(8).hex()  # what it links to is not watched: never current
        for name in sorted(files):
            full = os.path.join(top, name)
            digest.update(f"{os.path.relpath(full, path)}\0{file_digest(full)}\0".encode(
                "utf-8", "surrogateescape"))
    return digest.hexdigest()


def _listing(path: str) -> str:
    """The names in folder `path`, each with what it is (a link, with where it leads)."""
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError:
        return "-"
    parts = []
    for entry in entries:
        kind = "l" + os.path.realpath(entry.path) if entry.is_symlink() else (
            "d" if entry.is_dir() else "f")
        parts.append(f"{entry.name}\0{kind}")
    return "\0\0".join(parts)


_KINDS = {"file": file_digest, "folder": _folder, "list": _listing, "real": os.path.realpath}


def _brief_itself() -> str:
    """What identifies this brief: its version and the files that decide what make prints."""
    from brief import __version__

    here = os.path.dirname(os.path.abspath(__file__))
    stats = []
    for name in ("__init__.py", "cli.py", "noop.py", "pipeline.py", "uptodate.py"):
        try:
            info = os.stat(os.path.join(here, name))
            stats.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            stats.append(f"{name}:-")
    return f"{__version__} {' '.join(stats)}"


def digest(watch: list[list[str]]) -> str:
    """Return the digest of the current state of what `watch` lists ([kind, path] each)."""
    whole = hashlib.sha256()
    for value in (_brief_itself(), os.environ.get("SOURCE_DATE_EPOCH", "-"), os.getcwd()):
        whole.update(value.encode("utf-8", "surrogateescape") + b"\0")
    for kind, path in watch:
        whole.update(f"{kind}\0{path}\0{_KINDS[kind](path)}\0".encode(
            "utf-8", "surrogateescape"))
    return whole.hexdigest()


def save(watch: list[list[str]], lines: list[list[str]]) -> None:
    """Leave the stamp: the paths a plain `make` with nothing changed depends on, and the
    lines it prints, in order (["out" or "err", text] each). Best effort: without it, make is
    only slower."""
    text = json.dumps({"format": FORMAT, "watch": watch, "digest": digest(watch),
                       "lines": lines})
    try:
        with open(STAMP, encoding="utf-8") as stream:
            if stream.read() == text:
                return  # a make with nothing to do writes nothing
    except (OSError, ValueError):
        pass
    try:
        os.makedirs(os.path.dirname(STAMP), exist_ok=True)
        temporary = f"{STAMP}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, STAMP)
    except OSError:
        forget()


def forget() -> None:
    """Remove the stamp: make's next run looks at everything."""
    try:
        os.remove(STAMP)
    except OSError:
        pass


def replay(args: list[str]) -> bool:
    """If `args` is a plain `make` run in a project folder whose stamp is current, print what
    it printed and return True; else return False, having done nothing."""
    if args != ["make"]:
        return False
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not epoch.strip().isdigit():
        return False  # the ordinary way says what is wrong with it
    if not (os.path.isfile("brief.yaml") or os.path.isdir("sources")):
        return False  # not a project's own folder: the ordinary way finds the project
    streams = {"out": sys.stdout, "err": sys.stderr}
    try:
        with open(STAMP, encoding="utf-8") as stream:
            stamp = json.load(stream)
        if stamp.get("format") != FORMAT:
            return False
        lines = [(streams[where], text) for where, text in stamp["lines"]
                 if isinstance(text, str)]
        if len(lines) != len(stamp["lines"]) or not lines:
            return False
        if any(stream is sys.stderr for stream, _ in lines) and sys.stderr.isatty():
            return False  # warnings are coloured on a terminal: click does that
        if digest(stamp["watch"]) != stamp["digest"]:
            return False
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    for stream, text in lines:
        stream.write(text + "\n")
        stream.flush()  # as click.echo does: the two streams stay in order
    return True

