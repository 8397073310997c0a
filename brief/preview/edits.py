"""The analyst's changes made from the preview page, written into sources/NAME.yaml.

ruamel.yaml's round trip keeps the file's comments, quoting, key order and indentation. A
change is written only if the file then still passes brief's own validation
(brief.override.apply), through a temporary file and a rename: the page never leaves the
file half-written or invalid.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from brief.errors import BriefError
from brief.extract.compile import SECTIONS
from brief.override import apply as override
from brief.yamlio import MAX_BYTES, decode

ACTIONS = ("pin", "drop", "release", "term", "outcome", "implication")
MAX_TEXT = 2000  # an outcome is a sentence or two; more is not something typed in a page


@dataclass(frozen=True)
class Edit:
    """One change asked for from the page."""

    action: str
    """One of ACTIONS: pin or drop a sentence, release it (neither), bold a term, add an
    outcome or an implication of the analyst's own."""
    sid: str | None = None
    """The sentence pinned, dropped or released."""
    section: str | None = None
    """The section (one of SECTIONS) to pin it to or drop it from; None: where it fits, or
    everywhere."""
    text: str | None = None
    """The term, outcome or implication."""
    topic: str | None = None
    """An outcome's topic."""


def parse(data) -> Edit:
    """Return the edit a request's JSON asks for. Raises BriefError for anything else."""
    if not isinstance(data, dict):
        raise BriefError("an edit is a JSON object")
    action = data.get("action")
    if action not in ACTIONS:
        raise BriefError(f"unknown edit {action!r}", hint="one of " + ", ".join(ACTIONS))
    fields = {}
    for key in ("sid", "section", "text", "topic"):
        value = data.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise BriefError(f"'{key}' must be text of at most {MAX_TEXT} characters")
        fields[key] = " ".join(value.split())
    if action in ("pin", "drop", "release") and not fields.get("sid"):
        raise BriefError(f"'{action}' needs a sentence id")
    if action in ("term", "outcome", "implication") and not fields.get("text"):
        raise BriefError(f"'{action}' needs some text")
    if fields.get("section") not in (None, *SECTIONS):
        raise BriefError(f"unknown section {fields['section']!r}", hint="one of "
                         + ", ".join(SECTIONS))
    return Edit(action, **fields)


def write(path: Path, edit: Edit, sentences, placed: dict[str, str], defaults=None) -> None:
    """Make `edit` in the overrides file `path` (created if missing) of a source with
    `sentences`; `placed` gives the section each sentence is in now (a list of pins turned
    into pins by section keeps each where it is).

    Raises BriefError if the file is invalid now, or would be after the change: nothing is
    written then.
    """
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise BriefError("is not a plain file; the preview changes only plain files", path,
                         hint="edit it by hand")
    found = override.problems(path, sentences, defaults)
    if found:
        raise BriefError(f"fix this first: {found[0]}")
    old = ""
    if path.exists():
        if path.stat().st_size > MAX_BYTES:
            raise BriefError("is too big to change from the page", path)
        old = decode(path.read_bytes(), path)
    new = edited(old, edit, placed)
    temporary = path.with_name(f".{path.name}.preview~")  # hidden: no reader takes it
    try:
        temporary.write_text(new, encoding="utf-8")
        found = override.problems(temporary, sentences, defaults)
        if found:
            raise BriefError(f"not written: the change would make it invalid: "
                             f"{found[0].message}", path, found[0].line, found[0].hint)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def edited(text: str, edit: Edit, placed: dict[str, str]) -> str:
    """Return the overrides `text` with `edit` made, its comments and layout kept."""
    yaml = _yaml(text)
    try:
        data = yaml.load(text) if text.strip() else None
    except YAMLError:
        raise BriefError("the file is not valid YAML", hint="fix it first") from None
    if data is None:  # empty, or only comments (as `brief init` writes it): keep them all
        data = CommentedMap()
        _change(data, edit, placed)
        return (text if not text or text.endswith("\n") else text + "\n") + _dump(yaml, data)
    if not isinstance(data, CommentedMap):
        raise BriefError("overrides must be a mapping of keys to values")
    _change(data, edit, placed)
    return _dump(yaml, data)


def _change(data: CommentedMap, edit: Edit, placed: dict[str, str]) -> None:
    sid = edit.sid
    if edit.action == "release":
        _remove(data.get("pin"), sid)
        _remove(data.get("drop"), sid)
    elif edit.action == "pin":  # a sentence is pinned or dropped, not both
        _remove(data.get("drop"), sid)
        _pin(data, sid, edit.section, placed)
    elif edit.action == "drop":
        _remove(data.get("pin"), sid)
        _drop(data, sid, edit.section)
    elif edit.action == "term":
        terms = _list(_mapping(data, "emphasis"), "terms")
        if edit.text not in terms:
            terms.append(edit.text)
    elif edit.action == "outcome":
        entry = edit.text
        if edit.topic:
            entry = CommentedMap(text=edit.text, topic=edit.topic)
        _list(data, "outcomes", flow=False).append(entry)
    elif edit.action == "implication":
        _list(data, "implications", flow=False).append(edit.text)


def _pin(data: CommentedMap, sid: str, section: str | None, placed: dict[str, str]) -> None:
    pins = data.get("pin")
    if pins is None:
        data["pin"] = _flow([sid]) if section is None else _by_section({section: [sid]})
    elif isinstance(pins, list):
        if section is None:
            _add(pins, sid)
            return
        # `pin: [s7]` means "where it fits": each goes under the section it is in now
        by_section = _by_section({})
        for old in pins:
            where = placed.get(_id(old), section)
            by_section.setdefault(where, _flow([])).append(old)
        _add(by_section.setdefault(section, _flow([])), sid)
        data["pin"] = by_section
    elif isinstance(pins, dict):
        section = section or placed.get(sid)
        if section is None:
            raise BriefError("this file pins sentences by section",
                             hint="choose the section to pin it to")
        _add(_list(pins, section), sid)


def _drop(data: CommentedMap, sid: str, section: str | None) -> None:
    drops = data.get("drop")
    if drops is None:
        data["drop"] = _flow([sid]) if section is None else _by_section({section: [sid]})
    elif isinstance(drops, list):
        if section is None:
            _add(drops, sid)
            return
        # `drop: [s6]` means "never used": every section keeps them out
        by_section = _by_section({name: list(drops) for name in SECTIONS})
        _add(by_section[section], sid)
        data["drop"] = by_section
    elif isinstance(drops, dict):
        for name in (section,) if section else SECTIONS:
            _add(_list(drops, name), sid)


def _remove(node, sid: str) -> None:
    """Take `sid` out of a list of ids, or out of each list of a mapping by section."""
    lists = node.values() if isinstance(node, dict) else [node]
    for ids in lists:
        if isinstance(ids, list):
            for index in reversed(range(len(ids))):
                if _id(ids[index]) == sid:
                    del ids[index]


def _add(ids: list, value: str) -> None:
    if not ids and isinstance(ids, CommentedSeq):  # `[]` would come back as a block list
        ids.fa.set_flow_style()
    if not any(_id(v) == _id(value) for v in ids):
        ids.append(value)


def _id(value) -> str:
    """Return a sentence id as brief reads it ("S07" is s7), anything else as it is."""
    text = str(value).strip()
    return f"s{int(text[1:])}" if re.fullmatch(r"[sS]\d+", text) else text


def _mapping(data: CommentedMap, key: str) -> CommentedMap:
    if data.get(key) is None:
        data[key] = CommentedMap()
    if not isinstance(data[key], dict):
        raise BriefError(f"'{key}' is not a mapping", hint="fix it by hand first")
    return data[key]


def _list(data: CommentedMap, key: str, flow: bool = True) -> list:
    if data.get(key) is None:
        data[key] = _flow([]) if flow else CommentedSeq()
    if not isinstance(data[key], list):
        raise BriefError(f"'{key}' is not a list", hint="fix it by hand first")
    return data[key]


def _flow(items: list) -> CommentedSeq:
    """Return a list written `[s7, s25]`, as the skeleton writes lists of ids."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _by_section(sections: dict) -> CommentedMap:
    return CommentedMap((name, _flow(ids)) for name, ids in sections.items())


def _yaml(text: str) -> YAML:
    """Return a round-trip YAML that writes new entries indented as `text` is."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the analyst's long lines
    sequence, offset = 4, 2  # as the skeleton writes `outcomes:` then `  - text: …`
    if text.strip():
        try:
            _, guessed, guessed_offset = load_yaml_guess_indent(text)
            if guessed_offset is not None:  # the file has a block list: indent as it does
                sequence, offset = guessed, guessed_offset
        except YAMLError:
            pass  # `edited` reports it
    nested = re.search(r"^[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*( +)[^\s#-]",
                       text, re.M)
    yaml.indent(mapping=len(nested.group(1)) if nested else 2, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: YAML, data) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
