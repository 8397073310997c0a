"""Compiled regular expressions kept between runs: a cold build compiles some 200 patterns of
brief's and more of its libraries' (reportlab's are the largest), which took a fifth of its
time in the main process alone.

`install` wraps the standard library's pattern compiler so that a pattern it compiled once
is built again from the code it made then, through the same `_sre.compile` call: the same
pattern object, minus the parsing. The codes are kept per Python build (they are its
internals) in the private disk cache (see `diskcache`); `_sre.compile` checks any code it
is given, and a problem of any kind means compiling as usual.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys

MOST = 400
"""Patterns kept, the least recently used dropped first: some are made anew for each article
(its people's names) or each process (reportlab's, from a set in hash order)."""
_known: dict = {}
"""(pattern, flags) -> what `_sre.compile` was given for it, the least recently used first."""
_changed = False
_path = None
_stamp = None
"""The cache file's size and time when read: another process may save meanwhile."""


def install() -> None:
    """Wrap `re`'s compiler with the cache, loading what earlier runs saved."""
    global _path, _stamp
    try:
        import _sre
        from re import _compiler

        from brief import diskcache
    except ImportError:
        return
    if getattr(_compiler.compile, "_brief_cached", False):
        return
    folder = diskcache.folder()
    if folder is None:
        return
    build = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    _path = folder / f"regex-{build}.marshal"
    _stamp = _stat(_path)
    _known.update(_read(_path))
    compile_as_usual = _compiler.compile

    def compile(p, flags=0):
        global _changed
        if type(p) not in (str, bytes) or flags & _compiler.SRE_FLAG_DEBUG:
            return compile_as_usual(p, flags)
        flags = int(flags)
        key = (p, flags)
        args = _known.pop(key, None)
        if args is not None:
            try:
                pattern = _sre.compile(p, *args)
                _known[key] = args  # now the most recently used
                return pattern
            except Exception:  # not what this build makes: compile it afresh
                pass
        parsed = _compiler._parser.parse(p, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # marshal takes no enums
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
                tuple(indexgroup))
        _known[key], _changed = args, True
        return _sre.compile(p, *args)

    compile._brief_cached = True
    _compiler.compile = compile
    atexit.register(save)


def _stat(path):
    try:
        info = path.stat()
        return info.st_size, info.st_mtime_ns
    except OSError:
        return None


def _read(path) -> dict:
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return value if type(value) is dict else {}


def save() -> None:
    """Save the patterns known, if this process compiled any anew (a process forked from
    one that saves must call it: its parent's exit handlers do not run in it)."""
    global _changed, _stamp
    if not _changed or _path is None:
        return
    _changed = False
    known = _known
    if _stat(_path) != _stamp:  # another process saved meanwhile: keep its patterns too
        known = {**_read(_path), **_known}
    try:
        temporary = _path.with_name(f".{_path.name}.{os.getpid()}")
        temporary.write_bytes(marshal.dumps(dict(list(known.items())[-MOST:])))
        os.replace(temporary, _path)
        _stamp = _stat(_path)
    except (OSError, ValueError):
        pass
