"""YAML read with line numbers, so every settings or overrides error can name its line.

Every YAML file brief reads (brief.yaml, style.yaml, overrides, front matter) comes through
`load_file` or `parse`, which read a small, safe subset: no anchors or aliases (nine lines of them
expand to gigabytes), no tags, no duplicate keys, nesting at most `MAX_DEPTH` deep, files up
to `MAX_BYTES`. Scalars follow YAML 1.2's core schema: `true`/`false`, `null`, decimal,
`0x`/`0o` and float numbers, `.inf`/`.nan`; everything else is the text as written, so
`2021-04-07` stays that string (not a date object), `12:30` is not the number 750 and `NO` is
not `False`. Where a date is expected, `check_date` validates it.
"""

from __future__ import annotations

import codecs
import difflib
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from brief.errors import BriefError

KeyPath = tuple[Any, ...]
MAX_BYTES = 1_000_000  # an overrides file is a few KB; a megabyte of YAML is a mistake
MAX_DEPTH = 50  # brief's deepest key is three levels down; this bounds the composer's recursion


@dataclass(frozen=True)
class YamlDoc:
    """Parsed YAML plus the line of every key and list item, for error messages."""

    data: Any
    """The plain Python value (dicts, lists, strings, numbers)."""
    path: Path | str
    """The file it came from."""
    lines: dict[KeyPath, int]
    """1-based line of each key path, e.g. `("pin", 0)` -> 7."""

    def line(self, keypath: KeyPath) -> int | None:
        """Return the line of `keypath`, or of its nearest known parent."""
        while keypath:
            if keypath in self.lines:
                return self.lines[keypath]
            keypath = keypath[:-1]
        return self.lines.get((), None)

    def error(self, keypath: KeyPath, message: str, hint: str | None = None) -> BriefError:
        """Return a BriefError located at `keypath`."""
        return BriefError(message, self.path, self.line(keypath), hint)


def load_file(path: Path) -> YamlDoc:
    """Return the YAML file at `path` as a YamlDoc.

    Raises BriefError for a folder, an unreadable, oversized or non-UTF-8 file, and as
    `parse` does.
    """
    try:
        if path.is_dir():
            raise BriefError("this is a folder, not a YAML file", path,
                             hint="remove or rename the folder")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(path, size)
        data = path.read_bytes()
    except OSError as exc:
        raise BriefError(f"cannot open the file: {exc.strerror}", path) from None
    return parse(decode(data, path), path)


def decode(data: bytes, path: Path | str) -> str:
    """Return `data` as text: UTF-8 (a byte-order mark allowed), or UTF-16 with its mark.

    Raises BriefError naming the line of the first byte that is not UTF-8.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    hint = "save it as UTF-8: in your editor, Save As with the encoding UTF-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise BriefError("the file is not UTF-8 text", path, line, hint) from None
    if "\x00" in text:  # valid UTF-8, but no text has NULs: UTF-16 without its mark, or binary
        raise BriefError("the file is not UTF-8 text (it holds NUL bytes: UTF-16 or binary?)",
                         path, text[:text.index("\x00")].count("\n") + 1, hint)
    return text


def parse(text: str, path: Path | str, first_line: int = 1) -> YamlDoc:
    """Return the YAML in `text` as a YamlDoc; `first_line` offsets lines (front matter).

    Raises BriefError naming the line for malformed YAML and for what brief refuses (see the
    module's docstring). Empty text gives `{}`.
    """
    if len(text) > MAX_BYTES:
        raise _too_big(path, len(text.encode("utf-8", "replace")))
    loader = _Loader(text, first_line)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        raise _error(exc, text, path, first_line) from None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _record_lines(node, (), lines, first_line)
    return YamlDoc(data if data is not None else {}, path, lines)


def _too_big(path, size: int) -> BriefError:
    return BriefError(f"the file is {size / 1e6:.1f} MB, too big for brief's YAML", path,
                      hint=f"brief reads YAML files up to {MAX_BYTES // 1_000_000} MB")


def _error(exc: yaml.YAMLError, text: str, path, first_line: int) -> BriefError:
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        line = text[:exc.position].count("\n") + first_line
        return BriefError(f"the character U+{exc.character:04X} is not allowed in YAML", path,
                          line, "delete it; it is invisible in most editors")
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + first_line if mark else None
    if isinstance(exc, _Refused):
        return BriefError(exc.problem, path, line, exc.hint)
    from brief.yamlerrors import explain

    return explain(exc, text, path, first_line)


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that brief does not read, with what to do instead."""

    def __init__(self, problem: str, mark, hint: str | None = None):
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


if yaml.__with_libyaml__:  # libyaml makes the events five times faster; the rules are ours
    from yaml.cyaml import CParser as _Events
else:
    class _Events(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        def __init__(self, text: str):
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class _Loader(yaml.composer.Composer, _Events, yaml.constructor.SafeConstructor,
              yaml.resolver.BaseResolver):
    """Composes nodes from parser events, refusing anchors, aliases, tags, duplicate keys and
    deep nesting before anything is constructed; resolves YAML 1.2's core schema."""

    yaml_implicit_resolvers: dict = {}  # filled below: only these, not YAML 1.1's

    def __init__(self, text: str, first_line: int):
        _Events.__init__(self, text)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)
        self.first_line, self.depth = first_line, 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise _Refused("anchors and aliases (&x, *x) are not allowed", event.start_mark,
                           "write each value out in full")
        if getattr(event, "tag", None) is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(f"YAML tags such as {tag} are not allowed", event.start_mark,
                           "write the value plainly; put text in quotes")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_mapping_node(self, anchor):
        node = super().compose_mapping_node(anchor)
        seen: dict[tuple, yaml.Node] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise _Refused("a key must be plain text, not a list or a mapping",
                               key.start_mark)
            first = seen.setdefault((key.tag, key.value), key)
            if first is not key:
                raise _Refused(f"duplicate key '{key.value}' (first on line "
                               f"{first.start_mark.line + self.first_line})", key.start_mark,
                               "keep one of them: YAML would silently use the last")
        return node

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:  # e.g. an int of more than 4300 digits
            text = str(node.value)
            shown = text if len(text) <= 30 else text[:30] + "…"
            raise _Refused(f"cannot read the value '{shown}'", node.start_mark,
                           str(exc).split(":")[0]) from None


def _construct_int(loader: _Loader, node) -> int:
    text = loader.construct_scalar(node)
    sign, digits = (-1, text[1:]) if text[0] == "-" else (1, text.lstrip("+"))
    base = {"0x": 16, "0o": 8}.get(digits[:2], 10)
    return sign * int(digits[2:] if base != 10 else digits, base)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
for _tag, _pattern, _first in (  # YAML 1.2 core schema; int before float, both match "12"
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    ("float", r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN", "-+.0123456789"),
):
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(rf"\A(?:{_pattern})\Z"),
                                  list(_first))


def _record_lines(node: yaml.Node, keypath: KeyPath, lines: dict, first_line: int) -> None:
    lines.setdefault(keypath, node.start_mark.line + first_line)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = keypath + (key.value,)
            lines[child] = key.start_mark.line + first_line
            _record_lines(value, child, lines, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            _record_lines(value, keypath + (index,), lines, first_line)


def check_mapping(doc: YamlDoc, keypath: KeyPath, value: Any, known: list[str]) -> dict:
    """Return `value` if it is a mapping whose keys are all in `known`.

    Raises BriefError at the first unknown key, suggesting the closest known one.
    """
    if not isinstance(value, dict):
        where = ".".join(map(str, keypath)) or "the file"
        raise doc.error(keypath, f"{where} must be a mapping of keys to values",
                        "known keys: " + ", ".join(known))
    for key in value:
        if key not in known:
            raise unknown_key(doc, keypath + (key,), known)
    return value


def unknown_key(doc: YamlDoc, keypath: KeyPath, known: list[str]) -> BriefError:
    """Return the error for the unknown last key of `keypath`, suggesting the closest one."""
    key = str(keypath[-1])
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
    return doc.error(keypath, f"unknown key '{key}'", hint)


def check_str(doc: YamlDoc, keypath: KeyPath, value: Any) -> str:
    """Return `value` as a string; numbers and dates are accepted as written."""
    if isinstance(value, (dict, list)) or value is None:
        name = ".".join(map(str, keypath))
        raise doc.error(keypath, f"'{name}' must be text", "write it on one line after the colon")
    return str(value)


def check_list(doc: YamlDoc, keypath: KeyPath, value: Any) -> list:
    """Return `value` if it is a list; a single scalar becomes a one-item list."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) or value is None:
        name = ".".join(map(str, keypath))
        raise doc.error(keypath, f"'{name}' must be a list", "e.g. [s3, s7]")
    return [value]


def check_number(doc: YamlDoc, keypath: KeyPath, value: Any, low: float, high: float,
                 unit: str = "") -> float:
    """Return `value` if it is a finite number from `low` to `high`; BriefError naming the
    range otherwise (text, `.nan`, `.inf`, out of range)."""
    if (isinstance(value, bool) or not isinstance(value, int | float)
            or not math.isfinite(value) or not low <= value <= high):
        name = ".".join(map(str, keypath))
        shown = f"'{value}'" if isinstance(value, str) else _yaml_word(value)
        raise doc.error(keypath, f"'{name}' must be a number from {low:g} to {high:g}{unit}, "
                                 f"not {shown}")
    return value


def _yaml_word(value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
    return "nothing" if value is None else str(value).lower() if isinstance(value, bool) \
        else str(value)


_ISO_DATE = re.compile(r"(\d{4})-(\d\d?)-(\d\d?)(?:[Tt ]\s*(\d\d?:\d\d.*))?\Z")
_TIME = re.compile(r"(\d\d?):(\d\d)(?::(\d\d)(?:\.\d+)?)?\Z")


def check_date(doc: YamlDoc, keypath: KeyPath, text: str) -> str:
    """Return `text` if it is not an impossible date or time.

    Free text ("April 2021", "soon") passes; what looks like an ISO date (`2021-04-07`,
    `2021-04-07T10:00:00Z`) or a time (`12:30`) must be a real one: not 2021-02-30, 25:00.
    """
    value, problem = text.strip(), None
    iso, clock = _ISO_DATE.match(value), _TIME.match(value)
    try:
        if iso:
            date(*map(int, iso.groups()[:3]))
            if iso[4]:
                datetime.fromisoformat(f"{int(iso[1]):04}-{int(iso[2]):02}-{int(iso[3]):02}T"
                                       + re.sub(r"^(\d):", r"0\1:", iso[4]).replace("z", "Z"))
        elif clock:
            time(*(int(part or 0) for part in clock.groups()))
    except ValueError as exc:
        problem = str(exc).replace("Invalid isoformat string", "not a valid time")
    if problem:
        raise doc.error(keypath, f"'{value}' is not a real date or time: {problem}",
                        "write a date as YYYY-MM-DD, a time as HH:MM from 00:00 to 23:59")
    return text
