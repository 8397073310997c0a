"""Stage 5, override: the analyst's YAML beside a source -> changes to the `Brief`.

`load` validates the file against the sentences it refers to; `choices` hands pin/drop to
compile (selection is compile's job); `apply` sets everything else on the compiled brief.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from brief.compile import Choices
from brief.model import Brief, Item, Sentence
from brief.read import clean_text
from brief.yamlio import YamlDoc, check_list, check_mapping, check_str, parse

KEYS = ["title", "marking", "pin", "drop", "emphasis", "outcomes", "implications"]
EMPHASIS_KEYS = ["terms", "topics"]
ITEM_KEYS = ["text", "topic"]


@dataclass(frozen=True)
class Overrides:
    """The analyst's choices for one brief, validated."""

    title: str | None = None
    """Replaces the derived title."""
    marking: str | None = None
    """Classification marking for header and footer."""
    pin: frozenset[str] = frozenset()
    """Sentence ids that must appear."""
    drop: frozenset[str] = frozenset()
    """Sentence ids never used."""
    terms: tuple[str, ...] = ()
    """Terms set in bold wherever they appear."""
    topics: tuple[str, ...] = ()
    """Topics whose outcomes come first, in this order."""
    outcomes: tuple[Item, ...] = ()
    """The analyst's own outcomes."""
    implications: tuple[Item, ...] = ()
    """The analyst's own implications (judgement)."""


def load(path: Path, sentences: tuple[Sentence, ...]) -> Overrides:
    """Return the overrides in `path` (empty if there is no such file).

    Raises BriefError naming the file and line for malformed YAML, an unknown key, a wrong
    type, a sentence id that does not exist, or an id both pinned and dropped.
    """
    if not path.exists():
        return Overrides()
    doc = parse(path.read_text(encoding="utf-8-sig"), path)
    data = check_mapping(doc, (), doc.data, KEYS)
    ids = {s.id for s in sentences}
    emphasis = check_mapping(doc, ("emphasis",), data.get("emphasis", {}), EMPHASIS_KEYS)
    overrides = Overrides(
        title=_optional_str(doc, data, "title"),
        marking=_optional_str(doc, data, "marking"),
        pin=_ids(doc, data, "pin", ids),
        drop=_ids(doc, data, "drop", ids),
        terms=_strings(doc, ("emphasis", "terms"), emphasis.get("terms", [])),
        topics=_strings(doc, ("emphasis", "topics"), emphasis.get("topics", [])),
        outcomes=_items(doc, data, "outcomes"),
        implications=_items(doc, data, "implications"),
    )
    both = sorted(overrides.pin & overrides.drop, key=lambda i: int(i[1:]))
    if both:
        index = check_list(doc, ("drop",), data["drop"]).index(both[0])
        raise doc.error(("drop", index), f"{both[0]} is both pinned and dropped",
                        "remove it from one of the two lists")
    return overrides


def choices(overrides: Overrides) -> Choices:
    """Return the selection constraints compile must respect."""
    return Choices(pin=overrides.pin, drop=overrides.drop)


def apply(brief: Brief, overrides: Overrides) -> Brief:
    """Return `brief` with the analyst's title, marking, emphasis and own items applied."""
    rank = {topic.lower(): i for i, topic in enumerate(overrides.topics)}
    outcomes = sorted(brief.outcomes,
                      key=lambda item: rank.get((item.topic or "").lower(), len(rank)))
    return dataclasses.replace(
        brief,
        title=overrides.title or brief.title,
        marking=overrides.marking or brief.marking,
        emphasis=overrides.terms,
        outcomes=tuple(outcomes) + overrides.outcomes,
        implications=brief.implications + overrides.implications,
    )


def _optional_str(doc: YamlDoc, data: dict, key: str) -> str | None:
    if key not in data:
        return None
    return " ".join(clean_text(check_str(doc, (key,), data[key])).split()) or None


def _strings(doc: YamlDoc, keypath: tuple, value) -> tuple[str, ...]:
    values = check_list(doc, keypath, value)
    return tuple(check_str(doc, keypath + (i,), v) for i, v in enumerate(values))


def _ids(doc: YamlDoc, data: dict, key: str, known: set[str]) -> frozenset[str]:
    ids = _strings(doc, (key,), data.get(key, []))
    for index, sid in enumerate(ids):
        if sid not in known:
            last = max(int(k[1:]) for k in known) if known else 0
            raise doc.error((key, index), f"no sentence '{sid}' in the source",
                            f"valid ids are s1 to s{last}; `brief show SOURCE` lists them")
    return frozenset(ids)


def _items(doc: YamlDoc, data: dict, key: str) -> tuple[Item, ...]:
    items = []
    for index, value in enumerate(check_list(doc, (key,), data.get(key, []))):
        keypath = (key, index)
        if isinstance(value, dict):
            fields = check_mapping(doc, keypath, value, ITEM_KEYS)
            if "text" not in fields:
                raise doc.error(keypath, f"an item in '{key}' has no text", "add `text: …`")
            text = check_str(doc, keypath + ("text",), fields["text"])
            topic = check_str(doc, keypath + ("topic",), fields["topic"]) if "topic" in fields \
                else None
        else:
            text, topic = check_str(doc, keypath, value), None
        items.append(Item(" ".join(clean_text(text).split()), (), topic, "analyst"))
    return tuple(items)
