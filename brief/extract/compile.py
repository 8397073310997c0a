"""Stage 4, compile: features -> `Brief`. Chooses, trims and orders the items.

Every extracted text is a sentence's clean core as written, or its self-contained form from
analyze (`[Lavrov] stressed…`), with at most a clause cut at its end and marked ` …`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from brief.extract import lexicon
from brief.extract.analyze import Analysis, Features
from brief.model import Article, Brief, Event, Item

_WORD = re.compile(r"\S+")
# Places a sentence may be cut: before a subordinate or coordinated clause.
_CLAUSE_CUT = re.compile(r",\s|;\s|\s(?:--|–|—)\s|\s(?:and|but|while|as well as|in addition to|"
                         r"which|who|where|when|after|before|because|including)\s")
# A closing attribution: ", police said.", ", according to a study.", ", it emerged today."
_ATTRIBUTION = re.compile(
    r",?\s+(?:according to\s[^,;]+|(?:(?:the|a|an)\s)?[\w.'’ -]{1,40}?\s(?:said|says|"
    r"told\s[\w .'’-]{1,40}?|reported|added|claimed|confirmed|revealed|explained|insisted|"
    r"warned|admitted)(?:\s(?:on|last|this)\s\w+|\stoday|\syesterday)?|it\s(?:has\s)?(?:emerged|"
    r"was\sclaimed|was\sreported|is\sunderstood|has\sbeen\sclaimed|was\srevealed)"
    r"(?:\stoday|\syesterday|\slast\snight)?)(?=[.!]?$)")
# A lead that leans on an earlier sentence: "The biologist…", "This week's…".
_ANAPHORIC = re.compile(r"(?:(?:The|This|These|That|Those|Its|His|Her|Their)\s+[a-z]|"
                        r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z])")


@dataclass(frozen=True)
class Budget:
    """How much of each section a brief may hold."""

    summary_words: int = 85
    """Upper bound on the summary's length in words."""
    summary_sentences: int = 4
    """Most sentences in the summary."""
    outcomes: tuple[int, int] = (3, 7)
    """Fewest and most key outcomes."""
    implications: int = 4
    """Most extracted implications."""
    watch: int = 4
    """Most entries in "what to watch"."""
    figures: int = 8
    """Most key figures."""
    people: int = 12
    """Most people among the actors: the most mentioned, in the article's order."""
    sentence_words: int = 45
    """Outcomes and implications longer than this are cut at a clause, marked with …."""


SECTIONS = ("summary", "outcomes", "implications", "watch")


@dataclass(frozen=True)
class Choices:
    """The analyst's constraints on selection (from overrides)."""

    pin: dict[str, str | None] = field(default_factory=dict)
    """Sentence ids that must appear, each with its section (one of SECTIONS) or None."""
    drop: frozenset[str] = field(default_factory=frozenset)
    """Sentence ids never used."""
    drop_in: dict[str, frozenset[str]] = field(default_factory=dict)
    """Sentence ids kept out of one section only, by section."""
    summary: tuple[str, ...] = ()
    """Sentence ids making up the summary, in order; empty to choose."""
    order: tuple[str, ...] = ()
    """Outcome sentence ids to put first, in this order."""
    max_outcomes: int | None = None
    """Most key outcomes, over the budget's."""
    summary_words: int | None = None
    """Upper bound on the summary's words, over the budget's."""


def compile_brief(article: Article, analysis: Analysis, budget: Budget = Budget(),
                  choices: Choices = Choices()) -> Brief:
    """Return the brief of `article`: title, summary, outcomes, implications, watch, figures,
    actors — each extracted item with the ids of its sentences."""
    budget = _budget(budget, choices)
    sections = _select(analysis, budget, choices)
    summary = sections["summary"]
    kept = {f.sentence.id for f in analysis.features if f.sentence.id not in choices.drop}
    figures = [fig for f in analysis.features if f.sentence.id in kept for fig in f.figures]
    return Brief(
        title=article.meta.title or derive_title(analysis, summary[0][0][0] if summary else None),
        source=article.meta,
        summary=tuple(Item(text, tuple(f.sentence.id for f in features), features[0].topic)
                      for features, text in summary),
        outcomes=tuple(_item(f, budget.sentence_words) for f in sections["outcomes"]),
        implications=tuple(_item(f, budget.sentence_words) for f in sections["implications"]),
        watch=tuple(Event(_item(f, budget.sentence_words).text, f.when or "", (f.sentence.id,))
                    for f in sections["watch"]),
        figures=tuple(_unique_figures(figures))[: budget.figures],
        actors=_actors(analysis.actors, budget.people),
        sentences=tuple(f.sentence for f in analysis.features),
        date=article.meta.published,
    )


def _select(analysis: Analysis, budget: Budget, choices: Choices) -> dict[str, list]:
    """Return the sentences of each section: the summary first, then outcomes, watch and
    implications from what is left, then the analyst's pins where they asked."""
    by_id = {f.sentence.id: f for f in analysis.features}
    pinned = set(choices.pin) | set(choices.summary) | set(choices.order)
    usable = [f for f in analysis.features
              if f.sentence.id not in choices.drop and (f.text or f.sentence.id in pinned)]
    candidates = [f for f in usable if f.text and not f.hook and 6 <= f.words <= 90
                  and f.sentence.id not in pinned]

    # The summary: the analyst's sentences, or the bottom line and what follows it.
    if choices.summary:
        summary = [([by_id[sid]], _text(by_id[sid])) for sid in choices.summary]
    else:
        kept_out = choices.drop | pinned | choices.drop_in.get("summary", frozenset())
        summary = _summary([f for f in analysis.features if f.sentence.id not in kept_out],
                           budget)
    in_summary = [f for features, _ in summary for f in features]
    taken = {f.sentence.id for f in in_summary} | set(choices.order)

    def free(section: str) -> Callable[[Features], bool]:
        out = taken | choices.drop_in.get(section, frozenset())
        return lambda f: f.sentence.id not in out

    # Outcomes, the analyst's order first; then what to watch; then implications.
    outcomes = [by_id[sid] for sid in choices.order] + _outcomes(
        list(filter(free("outcomes"), candidates)), in_summary, budget)
    del outcomes[budget.outcomes[1]:]
    taken |= {f.sentence.id for f in outcomes}
    watch = _watch([f for f in usable if f.text and free("watch")(f)], budget)
    taken |= {f.sentence.id for f in watch}
    implications = _implications(list(filter(free("implications"), candidates)), budget)
    taken |= {f.sentence.id for f in implications}

    # Pins not placed yet go where the analyst said, or where they fit best.
    sections = {"summary": summary, "outcomes": outcomes, "implications": implications,
                "watch": watch}
    pinned_outcomes = 0  # pinned outcomes lead, in the order the analyst pinned them
    for sid, section in choices.pin.items():
        if sid not in taken:
            pinned_outcomes += _place(by_id[sid], section, sections, pinned_outcomes)
    return sections


def derive_title(analysis: Analysis, lead: Features | None = None) -> str:
    """Return a headline from the bottom-line sentence's main clause (never the file name).

    The clause is cut before its first coordinated or subordinate part; an article with no
    usable sentence gets "Untitled brief".
    """
    if lead is None:
        lead = next((f for f in analysis.features if f.text and not f.hook), None)
    if lead is None or not lead.text:
        return "Untitled brief"
    text = _drop_attribution(lead.text).rstrip(" .!?…")
    for match in _CLAUSE_CUT.finditer(text):
        if len(text[: match.start()].split()) >= 5:
            text = text[: match.start()]
            break
    words = text.split()
    return " ".join(words[:16]) + (" …" if len(words) > 16 else "")


# The summary ------------------------------------------------------------------------------


def _summary(features: list[Features], budget: Budget) -> list[tuple[list[Features], str]]:
    """Return the summary items: the bottom line first, then the article's next sentences in
    order, within the word budget; the last may be cut at a clause.

    News puts its bottom line in its lead; a lead that leans on what came before ("The
    biologist…") gives way to the article's most central sentence. A sentence that leans on
    the one before it ("But he…") joins that one's item when it directly follows it.
    """
    candidates = [f for f in features if f.text and not f.hook and 6 <= f.words <= 90]
    if not candidates:
        return []
    bottom = candidates[0]
    if _ANAPHORIC.match(bottom.text or ""):
        bottom = max(candidates[:40], key=lambda f: f.centrality + f.keywords)
    text = _drop_attribution(bottom.text)
    if len(text.split()) > budget.summary_words:
        text = _cut(text, budget.summary_words) or text
    chosen = [([bottom], text)]
    used = len(text.split())
    for f in features:
        if len(chosen) >= budget.summary_sentences and f.text or f is bottom or f.hook:
            continue
        if f.text is None:
            last = chosen[-1][0][-1]
            if _position(last) + 1 != _position(f) or not f.core or chosen[-1][1].endswith("…"):
                continue
        text = _drop_attribution(f.text or f.core)
        words = len(text.split())
        if used + words > budget.summary_words:
            cut = _cut(text, budget.summary_words - used)
            if cut:
                _append(chosen, f, cut)
            break
        _append(chosen, f, text)
        used += words
    return chosen


def _append(chosen: list[tuple[list[Features], str]], f: Features, text: str) -> None:
    if f.text is None:  # leans on the sentence before: one item with it
        features, previous = chosen[-1]
        chosen[-1] = (features + [f], previous + " " + text)
    else:
        chosen.append(([f], text))


def _drop_attribution(text: str) -> str:
    """Return `text` without a closing attribution, the cut marked: "… the edge …"."""
    match = _ATTRIBUTION.search(text.rstrip())
    if not match or len(text[: match.start()].split()) < 8:
        return text
    return text[: match.start()].rstrip(" ,") + " …"


def _cut(text: str, limit: int, shortest: int = 6) -> str | None:
    """Return the longest clause-bounded prefix of `text` of `shortest` to `limit` words,
    plus " …"; None if there is no such boundary."""
    best = None
    for match in _CLAUSE_CUT.finditer(text):
        if shortest <= len(text[: match.start()].split()) <= limit:
            best = match.start()
    return text[:best].rstrip(",;: ") + " …" if best else None


# Outcomes, watch, implications ------------------------------------------------------------


def _outcome_score(f: Features) -> float:
    strong = sum(c in lexicon.STRONG_OUTCOME_CUES for c in f.outcome_cues)
    weak = len(f.outcome_cues) - strong
    specific = f.topic not in (None, "Diplomacy")
    return (min(strong, 2) * 0.8 + min(weak, 3) * 0.15 + (1.0 if f.figures else 0.0)
            + f.centrality + 0.5 * f.keywords + (0.3 if specific else 0.0)
            - 0.15 * len(f.analytic_cues))


def _outcomes(pool: list[Features], summary: list[Features], budget: Budget) -> list[Features]:
    """Return outcomes by score: first one per topic, then the best of the rest."""
    low, high = budget.outcomes
    ranked = sorted((f for f in pool if f.outcome_cues or f.figures),
                    key=_outcome_score, reverse=True)
    chosen: list[Features] = []
    topics: set[str | None] = set()
    for f in ranked:
        if len(chosen) < high and f.topic not in topics and not _redundant(f, chosen + summary):
            chosen.append(f)
            topics.add(f.topic)
    for f in ranked + sorted(pool, key=lambda f: f.centrality, reverse=True):
        if len(chosen) >= low:
            break
        if f not in chosen and not _redundant(f, chosen + summary):
            chosen.append(f)
    return sorted(chosen, key=_outcome_score, reverse=True)


def _watch(pool: list[Features], budget: Budget) -> list[Features]:
    """Return the statements about the future that name when, in reading order."""
    return [f for f in pool if f.when][: budget.watch]


def _implications(pool: list[Features], budget: Budget) -> list[Features]:
    ranked = sorted((f for f in pool if f.analytic_cues),
                    key=lambda f: min(len(f.analytic_cues), 4) * 0.4 + f.centrality,
                    reverse=True)
    chosen: list[Features] = []
    for f in ranked:
        if len(chosen) < budget.implications and not _redundant(f, chosen):
            chosen.append(f)
    return sorted(chosen, key=_position)


def _place(f: Features, section: str | None, sections: dict[str, list], first: int) -> int:
    """Put a pinned sentence in `section`, or where it fits best when that is None; an
    outcome goes at index `first`. Return 1 if it went to the outcomes, else 0."""
    if section is None:
        section = "implications" if f.analytic_cues and not (
            f.outcome_cues or f.figures) else "outcomes"
    if section == "summary":
        sections["summary"].append(([f], _text(f)))
    elif section == "outcomes":
        sections["outcomes"].insert(first, f)
        return 1
    else:
        sections[section].append(f)
    return 0


def _budget(budget: Budget, choices: Choices) -> Budget:
    if choices.max_outcomes:
        low, _ = budget.outcomes
        budget = replace(budget, outcomes=(min(low, choices.max_outcomes), choices.max_outcomes))
    if choices.summary_words:
        budget = replace(budget, summary_words=choices.summary_words)
    return budget


def _redundant(f: Features, chosen: list[Features]) -> bool:
    words = _bag(f)
    return any(len(words & _bag(c)) / max(1, min(len(words), len(_bag(c)))) > 0.6
               for c in chosen)


def _bag(f: Features) -> set[str]:
    return {w.lower() for w in re.findall(r"\w{4,}", f.core or "")}


def _position(f: Features) -> int:
    return int(f.sentence.id[1:])


# Writing the items ------------------------------------------------------------------------


def _item(f: Features, limit: int) -> Item:
    return Item(trim(_text(f), limit), (f.sentence.id,), f.topic)


def _text(f: Features) -> str:
    """Return what a sentence is quoted as: self-contained, else its core (pinned by hand)."""
    return f.text or f.core or f.sentence.text


def trim(text: str, limit: int) -> str:
    """Return `text`, or if longer than `limit` words its longest clause-bounded prefix plus ` …`.

    The prefix keeps at least 8 words; a sentence without a usable boundary is kept whole.
    """
    if len(_WORD.findall(text)) <= limit:
        return text
    return _cut(text, limit, shortest=8) or text


def _actors(actors, people: int):
    """Return `actors` with at most `people` people, the most mentioned (organisations and
    countries are capped where they are found)."""
    persons = [a for a in actors if a.kind == "person"]
    kept = {id(a) for a in sorted(persons, key=lambda a: -len(a.sentences))[:people]}
    return tuple(a for a in actors if a.kind != "person" or id(a) in kept)


def _unique_figures(figures):
    seen = set()
    for fig in figures:
        if fig.value.lower() not in seen:
            seen.add(fig.value.lower())
            yield fig
