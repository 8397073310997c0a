"""Stage 4, compile: features -> `Brief`. Chooses, trims and orders the items.

Every extracted text is a sentence as written, or its self-contained form from analyze
(`[Lavrov] stressed…`), or a prefix of either ended at a clause boundary with ` …`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief.analyze import Analysis, Features
from brief.model import Article, Brief, Item

_WORD = re.compile(r"\S+")
# Places a long sentence may be cut: after a clause, before a coordinated one.
_CLAUSE_CUT = re.compile(r",\s|;\s|\s(?:and|as well as|in addition to|while|which|including)\s")


@dataclass(frozen=True)
class Budget:
    """How much of each section a brief may hold."""

    summary_words: int = 90
    """Upper bound on the summary's length in words."""
    summary_sentences: int = 4
    """Most sentences in the summary (at least 2 when the article has them)."""
    outcomes: tuple[int, int] = (3, 7)
    """Fewest and most key outcomes."""
    implications: int = 4
    """Most extracted implications."""
    figures: int = 8
    """Most key figures."""
    sentence_words: int = 45
    """Sentences longer than this are cut at a clause boundary, marked with …."""
    summary_sentence_words: int = 30
    """The same bound for summary sentences, which must be brisker."""


@dataclass(frozen=True)
class Choices:
    """The analyst's constraints on selection (from overrides)."""

    pin: frozenset[str] = field(default_factory=frozenset)
    """Sentence ids that must appear."""
    drop: frozenset[str] = field(default_factory=frozenset)
    """Sentence ids never used."""


def compile_brief(article: Article, analysis: Analysis, budget: Budget = Budget(),
                  choices: Choices = Choices()) -> Brief:
    """Return the brief of `article`: title, summary, outcomes, implications, figures, actors."""
    usable = [f for f in analysis.features
              if f.sentence.id not in choices.drop and (f.text or f.sentence.id in choices.pin)]
    candidates = [f for f in usable if f.text and 6 <= f.words <= 80]
    lead = candidates[:1]
    taken = {f.sentence.id for f in lead}

    outcomes = _outcomes(candidates, taken, budget)
    taken |= {f.sentence.id for f in outcomes}
    summary = lead + _summary_rest(candidates, taken, lead, budget)
    taken |= {f.sentence.id for f in summary}
    implications = _implications(candidates, taken, budget)
    taken |= {f.sentence.id for f in implications}
    outcomes, implications = _add_pinned(usable, choices.pin - taken, outcomes, implications)

    kept = {f.sentence.id for f in usable}
    figures = [fig for f in analysis.features if f.sentence.id in kept for fig in f.figures]
    return Brief(
        title=article.meta.title or derive_title(analysis),
        source=article.meta,
        summary=tuple(_item(f, budget.summary_sentence_words)
                      for f in sorted(summary, key=_position)),
        outcomes=tuple(_item(f, budget.sentence_words) for f in outcomes),
        implications=tuple(_item(f, budget.sentence_words) for f in implications),
        figures=tuple(_unique_figures(figures))[: budget.figures],
        actors=analysis.actors,
        sentences=tuple(f.sentence for f in analysis.features),
        date=article.meta.published,
    )


def derive_title(analysis: Analysis) -> str:
    """Return a headline from the lead sentence's main clause (never the file name).

    The clause is cut before its first coordinated or subordinate part; an article with no
    usable sentence gets "Untitled brief".
    """
    lead = next((f.text for f in analysis.features if f.text), None)
    if lead is None:
        return "Untitled brief"
    lead = lead.rstrip(".!?")
    for match in _CLAUSE_CUT.finditer(lead):
        if len(lead[: match.start()].split()) >= 5:
            lead = lead[: match.start()]
            break
    words = lead.split()
    return " ".join(words[:16]) + (" …" if len(words) > 16 else "")


# Choosing ---------------------------------------------------------------------------------


def _outcome_score(f: Features) -> float:
    specific = f.topic not in (None, "Diplomacy")
    return (0.45 * min(len(f.outcome_cues), 3) + (0.8 if f.figures else 0.0)
            + 1.5 * f.centrality + (0.3 if specific else 0.0) - 0.15 * len(f.analytic_cues))


def _outcomes(candidates: list[Features], taken: set[str], budget: Budget) -> list[Features]:
    """Return outcomes by score: first one per topic, then the best of the rest."""
    low, high = budget.outcomes
    pool = sorted((f for f in candidates if f.sentence.id not in taken
                   and (f.outcome_cues or f.figures)), key=_outcome_score, reverse=True)
    chosen: list[Features] = []
    topics: set[str | None] = set()
    for f in pool:
        if len(chosen) < high and f.topic not in topics and not _redundant(f, chosen):
            chosen.append(f)
            topics.add(f.topic)
    for f in pool:
        if len(chosen) >= low:
            break
        if f not in chosen and not _redundant(f, chosen):
            chosen.append(f)
    return sorted(chosen, key=_outcome_score, reverse=True)


def _summary_rest(candidates: list[Features], taken: set[str], lead: list[Features],
                  budget: Budget) -> list[Features]:
    """Return the sentences after the lead: central, early and not repeating the brief."""
    words = sum(_length(f, budget) for f in lead)
    chosen: list[Features] = []
    pool = [f for f in candidates if f.sentence.id not in taken]
    pool.sort(key=lambda f: f.centrality + 0.4 / (1 + f.sentence.paragraph)
              + 0.1 * min(len(f.analytic_cues), 3), reverse=True)
    for f in pool:
        if len(lead) + len(chosen) >= budget.summary_sentences:
            break
        length = _length(f, budget)
        if words + length <= budget.summary_words and not _redundant(f, lead + chosen):
            chosen.append(f)
            words += length
    return chosen


def _implications(candidates: list[Features], taken: set[str], budget: Budget) -> list[Features]:
    pool = [f for f in candidates if f.sentence.id not in taken and len(f.analytic_cues) >= 1]
    pool.sort(key=lambda f: min(len(f.analytic_cues), 4) * 0.4 + f.centrality, reverse=True)
    chosen: list[Features] = []
    for f in pool:
        if len(chosen) < budget.implications and not _redundant(f, chosen):
            chosen.append(f)
    return sorted(chosen, key=_position)


def _add_pinned(usable: list[Features], pins: set[str], outcomes: list[Features],
                implications: list[Features]) -> tuple[list[Features], list[Features]]:
    """Return the sections with each pinned sentence placed where it fits best."""
    for f in (f for f in usable if f.sentence.id in pins):
        if f.analytic_cues and not (f.outcome_cues or f.figures):
            implications = implications + [f]
        else:
            outcomes = [f] + outcomes
    return outcomes, implications


def _redundant(f: Features, chosen: list[Features]) -> bool:
    words = _bag(f)
    return any(len(words & _bag(c)) / max(1, min(len(words), len(_bag(c)))) > 0.6
               for c in chosen)


def _bag(f: Features) -> set[str]:
    return {w.lower() for w in re.findall(r"\w{4,}", f.sentence.text)}


def _position(f: Features) -> int:
    return int(f.sentence.id[1:])


# Writing the items ------------------------------------------------------------------------


def _item(f: Features, limit: int) -> Item:
    return Item(trim(f.text or f.sentence.text, limit), (f.sentence.id,), f.topic)


def _length(f: Features, budget: Budget) -> int:
    return len(trim(f.text or f.sentence.text, budget.summary_sentence_words).split())


def trim(text: str, limit: int) -> str:
    """Return `text`, or if longer than `limit` words its longest clause-bounded prefix plus ` …`.

    The prefix keeps at least 8 words; a sentence without a usable boundary is kept whole.
    """
    if len(_WORD.findall(text)) <= limit:
        return text
    best = None
    for match in _CLAUSE_CUT.finditer(text):
        words = len(_WORD.findall(text[: match.start()]))
        if 8 <= words <= limit:
            best = match.start()
    return text if best is None else text[:best].rstrip(",;: ") + " …"


def _unique_figures(figures):
    seen = set()
    for fig in figures:
        if fig.value.lower() not in seen:
            seen.add(fig.value.lower())
            yield fig
