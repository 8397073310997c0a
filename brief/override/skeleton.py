"""The overrides skeleton `brief overrides` writes: every key explained, every sentence listed.

Its examples are taken from the article itself — its own sentence ids, figures, actors and
topics — so that uncommenting any one of them gives a file that builds.
"""

from __future__ import annotations

import json
import re
import textwrap

from brief.model import Brief, Sentence

_HEAD = """\
# Overrides for {source}. Uncomment a line to use it; README, "Overrides", has examples.
# Sentence ids (s1, s2, …) are listed at the end of this file.
#
"""
# Each example with what it does; a None example is a comment line of its own.
_EXAMPLES = (
    ('title: "…"', "replaces the derived title"),
    ('subtitle: "…"', "a line under the title"),
    ("date: 2021-04-07", "the brief's date (ISO dates are spelled out)"),
    ('author: "…"', "the brief's author, over brief.yaml's"),
    ('audience: "…"', 'who the brief is for ("For: …" under the title)'),
    ('marking: "OFFICIAL"', "classification line at the top and bottom of every page"),
    ('summary: "…"', "your own summary instead of the extracted one,"),
    ("summary: {summary}", "  or the sentences that make it up, in order"),
    ("pin: {pin}", "sentences that must appear (where they fit best),"),
    ("pin: {pin_in}", "  or where you say"),
    ("drop: {drop}", "sentences never used,"),
    ("drop: {drop_in}", "  or kept out of one section only"),
    ("order: {order}", "these outcomes first, in this order"),
    ("max_outcomes: 5", "at most this many key outcomes (1-12)"),
    ("summary_words: 60", "at most this many words of summary (20-300)"),
    ("topics: {rename}", "rename a topic label, or one item's"),
    ("emphasis:", None),
    ("  terms: {terms}", "bold wherever they appear, any case"),
    ("  topics: {topics}", "outcomes of these topics first"),
    ("  actors: {actors}", "these actors first, and in bold"),
    ("outcomes:", 'your own outcomes, printed as "Analyst comment"'),
    ('  - text: "…"', None),
    ("    topic: {topic}", None),
    ("implications:", "your own judgement"),
    ('  - "…"', None),
    ("watch:", 'your own "what to watch" entries'),
    ('  - text: "…"', None),
    ('    when: "June 2021"', None),
)
COLUMN = 30  # where the explanations start, when the example leaves room


def of(path) -> str:
    """Return the skeleton for the source at `path`, its examples from the article compiled
    without overrides (the overrides there may be what is broken)."""
    from brief.extract.analyze import analyze
    from brief.extract.compile import compile_brief
    from brief.extract.segment import segment
    from brief.read.source import read

    article = read(path)
    sentences = segment(article)
    return render(path.name, sentences, compile_brief(article, analyze(sentences)))


def render(source: str, sentences: tuple[Sentence, ...], brief: Brief | None = None) -> str:
    """Return the skeleton for `source`: every key commented out, its examples drawn from
    `brief` (the article compiled without overrides), then each sentence as `# s12: …`,
    wrapped, to copy ids from."""
    values = examples(sentences, brief)
    lines = [_HEAD.format(source=source)]
    for example, comment in _EXAMPLES:
        if "{actors}" in example and not values["actors"]:
            continue  # an article without actors has no example to give
        line = "# " + example.format(**values)
        lines.append((line.ljust(COLUMN) + " # " + comment if comment else line) + "\n")
    lines.append("#\n" + f"# Sentences of {source}:\n")
    for sentence in sentences:
        lines.append(textwrap.fill(sentence.text, 96, initial_indent=f"# {sentence.id}: ",
                                   subsequent_indent="#     ") + "\n")
    return "".join(lines)


def examples(sentences: tuple[Sentence, ...], brief: Brief | None) -> dict[str, str]:
    """Return each example's value in YAML, from the article's own ids, figures, actors and
    topics (ids in reading order where there are too few to choose from)."""
    ids = [s.id for s in sentences] or ["s1"]

    def items(section) -> list[str]:
        return [i.sentences[0] for i in (getattr(brief, section) if brief else ()) if
                i.sentences]

    summary, outcomes = items("summary") or ids[:1], items("outcomes")
    used = {i for name in ("summary", "outcomes", "implications", "watch") for i in items(name)}
    unused = [i for i in ids if i not in used] or ids
    placed = {name: found[0] for name in ("outcomes", "implications", "summary", "watch")
              if (found := items(name))}
    topics = list(dict.fromkeys(i.topic for i in (brief.outcomes if brief else ()) if i.topic))
    topic = topics[0] if topics else "Diplomacy"
    people = [a for a in (brief.actors if brief else ()) if a.kind == "person"]
    actors = [people[0].name.split()[-1]] if people else [
        a.name for a in (brief.actors if brief else ())][:1]
    terms = ([f.value for f in brief.figures[:1]] if brief else []) + [
        a.name for a in (brief.actors if brief else ()) if a.kind != "person"][:1]
    return {
        "summary": _flow(summary[:2]),
        "pin": _flow(unused[:2]),
        "pin_in": "{" + ", ".join(f"{name}: [{sid}]" for name, sid in placed.items()) + "}"
                  if placed else _flow(unused[:1]),
        "drop": _flow(outcomes[-1:] or ids[-1:]),
        "drop_in": "{" + f"summary: [{summary[0]}]" + "}",
        "order": _flow(list(reversed(outcomes[:2])) or ids[:1]),
        "rename": "{" + f"{_text(topic)}: \"Your label\", "
                  f"{(outcomes or ids)[0]}: \"Another label\"" + "}",
        "terms": _flow(terms or [next(iter(re.findall(r"\w{4,}", sentences[0].text)), "word")
                                 if sentences else "word"]),
        "topics": _flow(topics[:2] or [topic]),
        "actors": _flow(actors) if actors else "",
        "topic": _text(topic),
    }


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(map(_text, values)) + "]"


def _text(value: str) -> str:
    """Return `value` as YAML: plain where that reads back the same, else double-quoted."""
    if (re.fullmatch(r"[A-Za-z][\w .&'’()-]*[\w)]|[A-Za-z]", value) and "  " not in value
            and value.lower() not in ("true", "false", "null")):
        return value
    return json.dumps(value, ensure_ascii=False)
