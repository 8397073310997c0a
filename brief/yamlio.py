"""YAML read with line numbers, so every settings or overrides error can name its line."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from brief.errors import BriefError

KeyPath = tuple[Any, ...]


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


def parse(text: str, path: Path | str, first_line: int = 1) -> YamlDoc:
    """Return the YAML in `text` as a YamlDoc; `first_line` offsets lines (front matter).

    Raises BriefError naming the line for malformed YAML. Empty text gives `{}`.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and start and start.line + first_line != line:
            problem += f" ({context} started on line {start.line + first_line})"
        raise BriefError(f"malformed YAML: {problem}", path, line,
                         "check indentation, colons and quotes") from None
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _record_lines(node, (), lines, first_line)
    return YamlDoc(data if data is not None else {}, path, lines)


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
