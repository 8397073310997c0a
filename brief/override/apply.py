"""Stage 5, override: the analyst's YAML beside a source -> changes to the `Brief`.

`load` validates the file (over the project's `defaults:`) against the sentences it refers
to; `choices` hands what selects sentences to compile (selection is compile's job);
`apply` sets everything else on the compiled brief. README, "Overrides", documents each key.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import BriefError
from brief.extract.compile import SECTIONS, Choices
from brief.extract.dates import in_date_order, resolve
from brief.model import MARKING_CHARS, Brief, Event, Item, Sentence
from brief.read.source import clean_text
from brief.yamlio import (
    YamlDoc,
    check_date,
    check_list,
    check_mapping,
    check_str,
    load_file,
    unknown_key,
)

TEXT_KEYS = ["title", "subtitle", "date", "author", "audience", "marking"]
ID_KEYS = ["pin", "drop", "order"]  # they name sentences: never in project defaults
KEYS = TEXT_KEYS + ["summary", "pin", "drop", "emphasis", "outcomes", "implications", "watch",
                    "order", "max_outcomes", "summary_words", "topics"]
EMPHASIS_KEYS = ["terms", "topics", "actors"]
ITEM_KEYS = ["text", "topic"]
WATCH_KEYS = ["text", "when"]


@dataclass(frozen=True)
class Overrides:
    """The analyst's choices for one brief, validated."""

    title: str | None = None
    """Replaces the derived title."""
    subtitle: str | None = None
    """A line under the title."""
    date: str | None = None
    """The brief's date, as it should be printed (ISO dates are spelled out)."""
    author: str | None = None
    """The brief's author, over `author` in brief.yaml."""
    audience: str | None = None
    """Who the brief is for ("For: …" under the title)."""
    marking: str | None = None
    """Classification marking for header and footer."""
    summary_text: str | None = None
    """The analyst's own summary, replacing the extracted one."""
    summary_ids: tuple[str, ...] = ()
    """Sentences making up the summary, in this order."""
    pin: dict[str, str | None] = field(default_factory=dict)
    """Sentence ids that must appear, each with its section or None for "where it fits"."""
    drop: frozenset[str] = frozenset()
    """Sentence ids never used."""
    drop_in: dict[str, frozenset[str]] = field(default_factory=dict)
    """Sentence ids kept out of one section only, by section."""
    terms: tuple[str, ...] = ()
    """Terms set in bold wherever they appear."""
    topics: tuple[str, ...] = ()
    """Topics whose outcomes come first, in this order."""
    actors: tuple[str, ...] = ()
    """Actors listed first and set in bold."""
    outcomes: tuple[Item, ...] = ()
    """The analyst's own outcomes."""
    implications: tuple[Item, ...] = ()
    """The analyst's own implications (judgement)."""
    watch: tuple[Event, ...] = ()
    """The analyst's own entries for "what to watch"."""
    order: tuple[str, ...] = ()
    """Outcome sentence ids in the order they should come first."""
    max_outcomes: int | None = None
    """Most key outcomes (1–12)."""
    summary_words: int | None = None
    """Upper bound on the summary's length in words (20–300)."""
    rename: dict[str, str] = field(default_factory=dict)
    """New topic labels, by old label or by sentence id."""

    def referenced(self) -> set[str]:
        """Return every sentence id these overrides name."""
        return (set(self.pin) | set(self.drop) | set(self.summary_ids) | set(self.order)
                | {sid for ids in self.drop_in.values() for sid in ids}
                | {key for key in self.rename if _is_id(key)})


def load(path: Path, sentences: tuple[Sentence, ...], defaults: YamlDoc | None = None
         ) -> Overrides:
    """Return the overrides in `path` over the project's defaults (empty if neither exists).

    Raises the first BriefError of `problems` (file and line named).
    """
    overrides, errors = _load(path, sentences, defaults)
    if errors:
        raise errors[0]
    return overrides


def problems(path: Path, sentences: tuple[Sentence, ...], defaults: YamlDoc | None = None
             ) -> list[BriefError]:
    """Return every problem in `path` and the defaults, not only the first."""
    return _load(path, sentences, defaults)[1]


def choices(overrides: Overrides) -> Choices:
    """Return the selection constraints compile must respect."""
    return Choices(pin=overrides.pin, drop=frozenset(overrides.drop), drop_in=overrides.drop_in,
                   summary=overrides.summary_ids, order=overrides.order,
                   max_outcomes=overrides.max_outcomes, summary_words=overrides.summary_words)


def apply(brief: Brief, overrides: Overrides) -> Brief:
    """Return `brief` with the analyst's texts, emphasis, topics and own items applied."""
    rank = {topic.lower(): i for i, topic in enumerate(overrides.topics)}
    outcomes = sorted(brief.outcomes,
                      key=lambda item: rank.get((item.topic or "").lower(), len(rank)))
    first = {name.lower() for name in overrides.actors}
    actors = sorted(brief.actors, key=lambda a: not any(f in a.name.lower() for f in first))
    summary = brief.summary
    if overrides.summary_text:
        summary = (Item(overrides.summary_text, (), None, "analyst"),)
    return dataclasses.replace(
        brief,
        title=overrides.title or brief.title,
        subtitle=overrides.subtitle or brief.subtitle,
        date=overrides.date or brief.date,
        author=overrides.author or brief.author,
        audience=overrides.audience or brief.audience,
        marking=overrides.marking or brief.marking,
        emphasis=tuple(dict.fromkeys(overrides.terms + overrides.actors)),
        summary=summary,
        outcomes=_renamed(tuple(outcomes) + overrides.outcomes, overrides.rename),
        implications=_renamed(brief.implications + overrides.implications, overrides.rename),
        watch=in_date_order(brief.watch + tuple(
            dataclasses.replace(e, on=resolve(e.when, overrides.date or brief.date
                                              or brief.source.published))
            for e in overrides.watch)),
        actors=tuple(actors),
    )


# Loading ----------------------------------------------------------------------------------


def _load(path: Path, sentences, defaults: YamlDoc | None) -> tuple[Overrides, list]:
    errors: list[BriefError] = []
    ids = {s.id for s in sentences}
    values: dict[str, Any] = {}
    docs: list[tuple[YamlDoc, tuple]] = []
    if defaults is not None:
        values.update(_values(defaults, ("defaults",), ids, errors, allow_ids=False))
        docs.append((defaults, ("defaults",)))
    if path.exists():
        try:
            doc = load_file(path)
        except BriefError as exc:
            return Overrides(), [exc]
        own = _values(doc, (), ids, errors, allow_ids=True)
        if "emphasis" in own and "emphasis" in values:  # the source's file wins, key by key
            own["emphasis"] = {**values["emphasis"], **own["emphasis"]}
        values.update(own)
        docs.append((doc, ()))
        if not errors:
            _check_pinned_and_dropped(doc, own, errors)
        # Actors differ per source: brief.yaml's defaults may name one this source lacks.
        _check_actors(doc, own, sentences, errors)
    labels = _labels(values.get("rename", {}))
    for each, at in docs:
        _check_labels(each, at, labels, errors)
    values.update(_canonical_topics(values, labels))
    if isinstance(values.get("drop"), dict):
        values["drop_in"] = values.pop("drop")
    emphasis = values.pop("emphasis", {})
    summary = values.pop("summary", None)
    return Overrides(
        **values,
        terms=emphasis.get("terms", ()), topics=emphasis.get("topics", ()),
        actors=emphasis.get("actors", ()),
        summary_text=summary if isinstance(summary, str) else None,
        summary_ids=summary if isinstance(summary, tuple) else (),
    ), errors


def _values(doc: YamlDoc, at: tuple, ids: set[str], errors: list, allow_ids: bool) -> dict:
    """Return the validated values of the mapping at `doc`'s root, recording each problem."""
    data = doc.data
    for key in at:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    if not isinstance(data, dict):
        errors.append(doc.error(at, "overrides must be a mapping of keys to values",
                                "see README, Overrides"))
        return {}
    readers: dict[str, Callable] = {
        **{key: _text for key in TEXT_KEYS}, "date": _date, "marking": _marking,
        "summary": _summary, "pin": _pins, "drop": _drop, "order": _order,
        "emphasis": _emphasis, "outcomes": _items, "implications": _items, "watch": _events,
        "max_outcomes": _bounded(1, 12), "summary_words": _bounded(20, 300), "topics": _topics,
    }
    values: dict[str, Any] = {}
    for key, value in data.items():
        keypath = at + (key,)
        try:
            if key not in readers:
                raise unknown_key(doc, keypath, KEYS)
            if key in ID_KEYS and not allow_ids:
                raise doc.error(keypath, f"'{key}' names sentences, which differ per source",
                                "put it in the source's own overrides file")
            values["rename" if key == "topics" else key] = readers[key](
                _Field(doc, keypath, ids), value)
        except BriefError as exc:
            errors.append(exc)
    return values


@dataclass(frozen=True)
class _Field:
    doc: YamlDoc
    keypath: tuple
    ids: set[str]

    def at(self, *more) -> _Field:
        return _Field(self.doc, self.keypath + more, self.ids)

    def error(self, message: str, hint: str | None = None) -> BriefError:
        return self.doc.error(self.keypath, message, hint)

    def sentence_id(self, value) -> str:
        sid = _normal_id(check_str(self.doc, self.keypath, value))
        if sid not in self.ids:
            last = max((int(k[1:]) for k in self.ids), default=0)
            hint = f"valid ids are s1 to s{last}; `brief show SOURCE` lists them"
            numbers = _NUMBER.findall(sid)
            if len(numbers) > 1:
                listed = ", ".join(f"s{int(n)}" for n in numbers)
                hint = f"one id per item: write a list, [{listed}]"
            elif numbers and f"s{int(numbers[0])}" in self.ids:
                hint = f"did you mean 's{int(numbers[0])}'? {hint}"
            raise self.error(f"no sentence '{sid}' in the source", hint)
        return sid


_NUMBER = re.compile(r"\d+")  # "7", "#7", "s 7", "sentence 7" all mean s7


def _normal_id(text: str) -> str:
    """Return a sentence id as brief writes it: " S07 " is s7."""
    sid = text.strip()
    return f"s{int(sid[1:])}" if _is_id(sid.lower()) else sid


def _text(f: _Field, value) -> str | None:
    return " ".join(clean_text(check_str(f.doc, f.keypath, value)).split()) or None


def _date(f: _Field, value) -> str | None:
    """Read the brief's date: any text, but what looks like an ISO date must be a real one."""
    text = _text(f, value)
    return check_date(f.doc, f.keypath, text) if text else None


def _marking(f: _Field, value) -> str | None:
    text = _text(f, value)
    if text and len(text) > MARKING_CHARS:
        raise f.error(f"'marking' is longer than {MARKING_CHARS} characters",
                      "it prints whole in every page's header and footer; shorten it")
    return text


def _summary(f: _Field, value) -> str | tuple[str, ...]:
    if isinstance(value, list):
        return tuple(f.at(i).sentence_id(v) for i, v in enumerate(value))
    text = _text(f, value)
    if not text:
        raise f.error("'summary' is empty", "write your summary, or list sentence ids")
    return text


def _ids(f: _Field, value) -> tuple[str, ...]:
    return tuple(f.at(i).sentence_id(v) for i, v in enumerate(check_list(f.doc, f.keypath,
                                                                           value)))


def _drop(f: _Field, value) -> frozenset[str] | dict[str, frozenset[str]]:
    """Read `drop: [s6]` (never used) or `drop: {summary: [s1]}` (kept out of one section)."""
    if not isinstance(value, dict):
        return frozenset(_ids(f, value))
    sections = check_mapping(f.doc, f.keypath, value, list(SECTIONS))
    return {section: frozenset(_ids(f.at(section), ids)) for section, ids in sections.items()}


def _order(f: _Field, value) -> tuple[str, ...]:
    return _ids(f, value)


def _pins(f: _Field, value) -> dict[str, str | None]:
    """Read `pin: [s7]` (where each fits) or `pin: {outcomes: [s7], summary: [s1]}`."""
    if not isinstance(value, dict):
        return dict.fromkeys(_ids(f, value))
    sections = check_mapping(f.doc, f.keypath, value, list(SECTIONS))
    return {sid: section for section, ids in sections.items()
            for sid in _ids(f.at(section), ids)}


def _emphasis(f: _Field, value) -> dict[str, tuple[str, ...]]:
    fields = check_mapping(f.doc, f.keypath, value, EMPHASIS_KEYS)
    return {key: _strings(f.at(key), items) for key, items in fields.items()}


def _strings(f: _Field, value) -> tuple[str, ...]:
    values = check_list(f.doc, f.keypath, value)
    return tuple(" ".join(clean_text(check_str(f.doc, f.keypath + (i,), v)).split())
                 for i, v in enumerate(values))


def _items(f: _Field, value) -> tuple[Item, ...]:
    items = []
    for index, entry in enumerate(check_list(f.doc, f.keypath, value)):
        fields = _entry(f.at(index), entry, ITEM_KEYS)
        items.append(Item(fields["text"], (), fields.get("topic"), "analyst"))
    return tuple(items)


def _events(f: _Field, value) -> tuple[Event, ...]:
    events = []
    for index, entry in enumerate(check_list(f.doc, f.keypath, value)):
        fields = _entry(f.at(index), entry, WATCH_KEYS)
        if "when" not in fields:
            raise f.at(index).error("a 'watch' entry needs 'when'", "e.g. when: 1 May 2021")
        if fields["when"]:
            check_date(f.doc, f.keypath + (index, "when"), fields["when"])
        events.append(Event(fields["text"], fields["when"], (), "analyst"))
    return tuple(events)


def _entry(f: _Field, entry, keys: list[str]) -> dict[str, str]:
    """Return an item written as text, or as a mapping of `keys` that has `text`."""
    if not isinstance(entry, dict):
        entry = {"text": entry}
    fields = check_mapping(f.doc, f.keypath, entry, keys)
    if "text" not in fields:
        raise f.error(f"an entry in '{f.keypath[-2]}' has no text", "add `text: …`")
    values = {key: _text(f.at(key), value) for key, value in fields.items()}
    if not values["text"]:
        raise f.error("the text is empty")
    return values


def _bounded(low: int, high: int) -> Callable[[_Field, Any], int]:
    def read(f: _Field, value) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise f.error(f"'{f.keypath[-1]}' must be a whole number from {low} to {high}")
        return value
    return read


def _topics(f: _Field, value) -> dict[str, str]:
    """Read topic renames: `{Diplomacy: Foreign relations, s7: Counter-terrorism}`."""
    fields = value if isinstance(value, dict) else None
    if fields is None:
        raise f.error("'topics' must map a topic or a sentence id to a new label",
                      "e.g. topics: {Diplomacy: Foreign relations}")
    renames = {}
    for key, label in fields.items():
        if _is_id(str(key)):
            f.at(key).sentence_id(key)
        renames[str(key)] = _text(f.at(key), label) or str(key)
    return renames


def _check_pinned_and_dropped(doc: YamlDoc, own: dict, errors: list) -> None:
    pins, drop = own.get("pin", {}), own.get("drop", frozenset())
    if isinstance(drop, dict):
        return
    for sid in sorted(set(pins) & drop, key=lambda i: int(i[1:])):
        index = next(i for i, value in enumerate(check_list(doc, ("drop",), doc.data["drop"]))
                     if _normal_id(str(value)) == sid)
        errors.append(doc.error(("drop", index), f"{sid} is both pinned and dropped",
                                "remove it from one of the two lists"))


def _labels(rename: dict[str, str]) -> dict[str, str]:
    """Return the topic labels an override may name, by their lower case: the analyzer's and
    those the overrides rename to."""
    from brief.extract.lexicon import TOPICS

    known = list(TOPICS) + [label for key, label in rename.items() if not _is_id(key)]
    return {label.lower(): label for label in known}


def _check_labels(doc: YamlDoc, at: tuple, labels: dict[str, str], errors: list) -> None:
    """Record an error for each topic named in `doc` (at `at`) that is no label: emphasis
    topics, the topic of an analyst's outcome or implication, a label to rename. A typo
    there would otherwise do nothing, or invent a label of its own."""
    data = doc.data
    for key in at:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    if not isinstance(data, dict):
        return
    named: list[tuple[tuple, Any]] = []
    emphasis = data.get("emphasis")
    if isinstance(emphasis, dict) and "topics" in emphasis:
        topics = emphasis["topics"]
        named += [(("emphasis", "topics", i), t)
                  for i, t in enumerate(topics if isinstance(topics, list) else [topics])]
    for section in ("outcomes", "implications"):
        entries = data.get(section)
        for i, entry in enumerate(entries if isinstance(entries, list) else [entries]):
            if isinstance(entry, dict) and entry.get("topic") is not None:
                named.append(((section, i, "topic"), entry["topic"]))
    renames = data.get("topics")
    if isinstance(renames, dict):
        named += [(("topics", key), key) for key in renames if not _is_id(str(key))]
    # "Defense" is closest to a word of "Defence & security", not to the whole label
    words = {**{w: label for label in labels.values() for w in label.lower().split()
                if len(w) > 2}, **labels}
    for keypath, value in named:
        if isinstance(value, (dict, list)) or value is None:
            continue  # not text: the key's own check says so
        topic = " ".join(clean_text(str(value)).split())
        if topic.lower() not in labels:
            close = difflib.get_close_matches(topic.lower(), list(words), n=1, cutoff=0.6)
            hint = (f"did you mean '{words[close[0]]}'?" if close else
                    "the labels are: " + ", ".join(labels.values()))
            errors.append(doc.error(at + keypath, f"no topic label '{topic}'", hint))


def _canonical_topics(values: dict, labels: dict[str, str]) -> dict:
    """Return the values naming topics, each label spelt as the brief prints it."""
    def spelt(topic: str | None) -> str | None:
        return labels.get(topic.lower(), topic) if topic else topic

    changed: dict[str, Any] = {}
    for section in ("outcomes", "implications"):
        if section in values:
            changed[section] = tuple(dataclasses.replace(item, topic=spelt(item.topic))
                                     for item in values[section])
    if "topics" in values.get("emphasis", {}):
        changed["emphasis"] = {**values["emphasis"],
                               "topics": tuple(map(spelt, values["emphasis"]["topics"]))}
    return changed


def _check_actors(doc: YamlDoc, own: dict, sentences, errors: list) -> None:
    """Record an error for each emphasised actor the source does not have (a name matches
    an actor it is part of, as `apply` matches them: "Putin" is Vladimir Putin)."""
    wanted = own.get("emphasis", {}).get("actors", ())
    if not wanted or "actors" not in (doc.data.get("emphasis") or {}):
        return
    from brief.extract.actors import find_actors

    names = [actor.name for actor in find_actors(sentences)[0]]
    words = list(dict.fromkeys(names + [w for n in names for w in n.split() if len(w) > 2]))
    for index, name in enumerate(wanted):
        if any(name.lower() in actor.lower() for actor in names):
            continue
        close = difflib.get_close_matches(name, words, n=1, cutoff=0.6)
        hint = (f"did you mean '{close[0]}'?" if close else
                "its actors: " + (", ".join(names) or "none found")
                + "; to set other words in bold, use emphasis: terms")
        errors.append(doc.error(("emphasis", "actors", index),
                                f"no actor '{name}' in the source", hint))


def _renamed(items: tuple[Item, ...], rename: dict[str, str]) -> tuple[Item, ...]:
    if not rename:
        return items
    lowered = {key.lower(): label for key, label in rename.items()}
    return tuple(dataclasses.replace(item, topic=next(
        (rename[s] for s in item.sentences if s in rename),
        lowered.get((item.topic or "").lower(), item.topic))) for item in items)


def _is_id(key: str) -> bool:
    return key[:1] == "s" and key[1:].isdigit()
