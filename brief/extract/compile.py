"""Stage 4, compile: features -> `Brief`. Chooses and orders the items.

Every extracted text is a whole sentence's clean core as written, or its self-contained form
from analyze (`[Lavrov] stressed…`). Sentences are never cut: a cut clause can drop a
qualifier ("but warned that it fell short") and reverse the meaning, so the budgets choose
fewer or shorter sentences instead. Only the title is shortened, by deleting words.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from brief.extract import lexicon
from brief.extract.actors import gender, is_given_name
from brief.extract.analyze import Analysis, Features, stem
from brief.extract.dates import in_date_order, resolve
from brief.extract.quotable import (
    QUOTE_ONLY,
    by_pronoun,
    clause_only,
    glued,
    quotable,
    quotes_balanced,
    unattributed_i,
    unattributed_we,
)
from brief.extract.title import derive_title
from brief.model import Article, Brief, Event, Item

# A lead that leans on an earlier sentence: "This week's…", "Mr Brown said…". "The
# population will double…" stands on its own and stays.
_ANAPHORIC = re.compile(r"(?:(?:This|These|That|Those|Its|His|Her|Their)\s+[a-z]|"
                        rf"{lexicon.COURTESY}\s+[A-Z]|"
                        rf"The\s+(?:[\w-]+\s+){{0,3}}{lexicon.PERSON_NOUNS}\b)")
# "Milner also holds the record…": more of something the reader has not been told.
_ADDITIVE = re.compile(r"\b(?:also|too|again|as well)\b")
# "In June, his parents…": whose, the sentence does not say.
_POSSESSIVE = re.compile(r"(?:\S+\s+){0,3}?(?:his|her|their|its)\b", re.I)


@dataclass(frozen=True)
class Budget:
    """How much of each section a brief may hold."""

    summary_words: int = 95
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
    sentence_words: int = 50
    """Outcomes and implications longer than this are passed over for shorter ones."""
    title_words: int = 14
    """Most words in a derived title."""


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
    sections = _select(analysis, budget, choices, article.meta.published)
    summary = sections["summary"]
    kept = {f.sentence.id for f in analysis.features if f.sentence.id not in choices.drop}
    figures = [fig for f in analysis.features if f.sentence.id in kept for fig in f.figures]
    # Texts in the order a reader meets them, so each person is introduced at first sight.
    texts = iter(_introduced(
        [text for _, text in summary]
        + [_text(f) for name in ("outcomes", "implications", "watch") for f in sections[name]],
        analysis.actors))
    return Brief(
        title=article.meta.title or derive_title(analysis, summary[0][0][0] if summary else None,
                                                 budget.title_words),
        source=article.meta,
        summary=tuple(Item(next(texts), tuple(i for f in features for i in _ids(f)),
                           features[0].topic) for features, _ in summary),
        outcomes=tuple(Item(next(texts), _ids(f), f.topic) for f in sections["outcomes"]),
        implications=tuple(Item(next(texts), _ids(f), f.topic)
                           for f in sections["implications"]),
        watch=in_date_order(tuple(Event(next(texts), f.when or "", _ids(f),
                                 on=resolve(f.when or "", article.meta.published))
                           for f in sections["watch"])),
        figures=tuple(_unique_figures(figures))[: budget.figures],
        actors=_actors(_listed(analysis.actors, " ".join(t for _, t in summary)
                               + " ".join(_text(f) for name in ("outcomes", "implications",
                                                                "watch")
                                          for f in sections[name])), budget.people),
        sentences=tuple(f.sentence for f in analysis.features),
        date=None,  # the brief's own date is the analyst's to set; the article's is in source
    )


def _select(analysis: Analysis, budget: Budget, choices: Choices, published: str | None = None
            ) -> dict[str, list]:
    """Return the sentences of each section: the summary first, then outcomes, watch and
    implications from what is left, then the analyst's pins where they asked."""
    # A quotation is quoted whole or not at all: dropping any of its sentences drops it.
    features = [f if not set(_ids(f)[1:]) & choices.drop
                else replace(f, continued=(), runs_on=False)
                for f in analysis.features]
    by_id = {f.sentence.id: f for f in features}
    pinned = set(choices.pin) | set(choices.summary) | set(choices.order)
    # Someone's "we" among their words run on without quotation marks is theirs, whom the
    # brief cannot name: passed over like a sentence the analyst dropped, unless pinned.
    dropped = choices.drop | (_voiced(features) - pinned)
    usable = [f for f in features
              if f.sentence.id not in dropped and (f.text or f.sentence.id in pinned)]
    # Whether a sentence may be quoted is asked as each section picks it, best first: a long
    # article's every sentence need not be asked.
    candidates = [f for f in usable if 6 <= _words(f) <= budget.sentence_words
                  and f.sentence.id not in pinned]

    # The summary: the analyst's sentences, or the bottom line and what follows it.
    if choices.summary:
        summary = [([by_id[sid]], _text(by_id[sid])) for sid in choices.summary]
    else:
        kept_out = dropped | pinned | choices.drop_in.get("summary", frozenset())
        known = frozenset(a.name.split()[-1] for a in analysis.actors
                          if a.kind == "person" and len(a.name.split()) > 1)
        summary = _summary([f for f in features if f.sentence.id not in kept_out], budget,
                           known)
    in_summary = [f for features, _ in summary for f in features]
    taken = {i for f in in_summary for i in _ids(f)} | set(choices.order)

    def free(section: str) -> Callable[[Features], bool]:
        out = taken | choices.drop_in.get(section, frozenset())
        return lambda f: out.isdisjoint(_ids(f))  # a quotation's every sentence

    # What to watch (dated future events) first, then outcomes, the analyst's order first,
    # then implications.
    open_to_watch = free("watch")
    watch = _watch((f for f in usable if f.when and quotable(f) and open_to_watch(f)
                    and not _redundant(f, in_summary)), budget, published)  # dated ones only
    taken |= {i for f in watch for i in _ids(f)}
    outcomes = [by_id[sid] for sid in choices.order] + _outcomes(
        list(filter(free("outcomes"), candidates)), in_summary, budget)
    del outcomes[budget.outcomes[1]:]
    taken |= {i for f in outcomes for i in _ids(f)}
    open_to_implications, before = free("implications"), in_summary + outcomes
    implications = _implications([f for f in candidates if open_to_implications(f)
                                  and not _leans_on_missing(f, before)], budget)
    taken |= {i for f in implications for i in _ids(f)}

    # Pins not placed yet go where the analyst said, or where they fit best.
    sections = {"summary": summary, "outcomes": outcomes, "implications": implications,
                "watch": watch}
    pinned_outcomes = 0  # pinned outcomes lead, in the order the analyst pinned them
    for sid, section in choices.pin.items():
        if sid not in taken:
            pinned_outcomes += _place(by_id[sid], section, sections, pinned_outcomes)
    return sections


def _voiced(features: list[Features]) -> frozenset[str]:
    """Return the ids of sentences whose "we" is someone's run on without quotation marks:
    an unattributed "I" in one of the three sentences before says whose words these are
    ("I thought it was the end of my life. … Sometimes we were forced to kill…"); without
    one, the "we" is the reporter's ("In one property we visited…") and may be quoted."""
    voiced = []
    for index, f in enumerate(features):
        if f.core and unattributed_we(f.core) and any(
                g.core and unattributed_i(g.core) for g in features[max(0, index - 3):index]):
            voiced.append(f.sentence.id)
    return frozenset(voiced)


# The summary ------------------------------------------------------------------------------


def _introducible(f: Features, known: frozenset[str]) -> bool:
    """Return True for a lead that opens on "Mr Schmidt" when the article gives his full
    name: the brief introduces him ("Mr [Eric] Schmidt…"), so the lead can stay."""
    match = re.match(rf"{lexicon.COURTESY}\s+([A-Z][\w'’-]+)", f.text or "")
    return bool(match) and match.group(1) in known


def _summary(features: list[Features], budget: Budget, known: frozenset[str] = frozenset()
             ) -> list[tuple[list[Features], str]]:
    """Return the summary items: the bottom line first, then the article's next whole
    sentences in order that fit the word budget (a longer one is passed over, never cut).

    News puts its bottom line in its lead; a lead that leans on what came before ("This
    week's…") gives way to the article's most central sentence. A sentence that leans on
    the one before it ("But he…") joins that one's item when it directly follows it.
    """
    candidates = list(itertools.islice(  # the bottom line is near the top: 40 suffice
        (f for f in features if 6 <= _words(f) <= 90 and quotable(f)), 40))
    if not candidates:
        return []
    bottom = candidates[0]
    if _ANAPHORIC.match(bottom.text or "") and not _introducible(bottom, known):
        # The most central of the next few reports, the lead itself among them: the bottom
        # line is the reporter's, not a quotation from deep in the story. Failing one,
        # the article's most central sentence.
        reports = [f for f in candidates[1:6] if not _ANAPHORIC.match(f.text or "")
                   and not re.search(r"[\"“”]", f.text or "")
                   and _position(f) - _position(bottom) <= 5
                   and not _POSSESSIVE.match(f.text or "")
                   and not _ADDITIVE.search(f.text or "")]
        reported = [f for f in candidates[:40] if not QUOTE_ONLY.match(f.text or "")
                    and not _ADDITIVE.search(f.text or "")]
        bottom = max([bottom, *reports] if reports else reported or candidates[:40],
                     key=lambda f: f.centrality + f.keywords)
    if _words(bottom) > budget.summary_words:  # whole, so another one
        fitting = [f for f in candidates[:6]
                   if _words(f) <= budget.summary_words
                   and not _ANAPHORIC.match(f.text or "")]
        bottom = max(fitting, key=lambda f: f.centrality + f.keywords, default=bottom)
    chosen = [([bottom], _text(bottom))]
    used = len(chosen[0][1].split())
    start = features.index(bottom)
    for f in features[start + 1: start + 12]:
        if len(chosen) >= budget.summary_sentences and f.text:
            break
        if set(_ids(f)) & {i for features, _ in chosen for c in features for i in _ids(c)}:
            continue  # quoted already, in a quotation that goes on into it
        if f.text and not quotable(f) or f.hook or not (6 <= _words(f) <= 90) \
                or _redundant(f, [c for features, _ in chosen for c in features]):
            continue
        if f.text and _outlook(f) and set(f.analytic_cues) & lexicon.MEANING_CUES:
            continue  # what the news means, said outright, is left for the implications
        if _SETTING.match(f.core or ""):
            continue  # where it was said is no news
        if f.text and _leans_on_missing(f, [c for features, _ in chosen for c in features],
                                        events=False):
            continue  # "The pair signed…" after a sentence passed over that named them
        if f.text is None:
            last = chosen[-1][0][-1]
            # Joined only where the page runs on: not across furniture cut from its start
            if _position(last) + 1 != _position(f) or not f.core \
                    or not f.sentence.text.startswith(f.core) \
                    or not quotes_balanced(f.core) or glued(f.core) or clause_only(f.core) \
                    or unattributed_i(f.core):  # "I am pulling for…": whose words?
                continue
            if _PERSONAL.match(f.core) and not (last.actors or _SOMEONE.search(last.core or "")):
                continue  # "he" with no one named just before: someone from further back
            if by_pronoun(f.core) and not _opens_on_someone(last):
                continue  # "'…,' he said." after "…with Paul Clement the first choice.": the
                # speaker is whoever spoke before, not whoever was named
        text = _text(f) if f.text else f.core or ""
        words = len(text.split())
        if used + words > budget.summary_words:
            break  # the next sentences follow on from this one: no skipping ahead
        _append(chosen, f, text)
        used += words
    return chosen


def _opens_on_someone(f: Features) -> bool:
    """Return True if the sentence of `f` is about the person it names first, named in its
    first words ("Mr Mekdad said…", "But Evans is desperate…"): the "he" of a quotation
    after it is them."""
    if not f.core:
        return False
    if not f.actors:  # one the name finder missed: "Mr Mekdad said", "But Evans is"
        return bool(_NAMED_SUBJECT.match(f.core))
    name = set(f.actors[0].replace("-", " ").split())  # "Mr Mekdad": Faisal al-Mekdad
    return any(word.strip(".,'’") in name for word in f.core.split(maxsplit=3)[:3])


_NAMED_SUBJECT = re.compile(rf"(?:(?:But|And|However,)\s)?(?:{lexicon.COURTESY}\s)?"
                            r"(?!(?:The|A|An|This|That|It|There|In|On|At)\b)[A-Z][a-z][\w'’-]*"
                            r"\s(?:is|was|has|had|said|says|told|added|[a-z]+ed)\b")


def _append(chosen: list[tuple[list[Features], str]], f: Features, text: str) -> None:
    if f.text is None:  # leans on the sentence before: one item with it
        features, previous = chosen[-1]
        chosen[-1] = (features + [f], previous + " " + text)
    else:
        chosen.append(([f], text))


# Outcomes, watch, implications ------------------------------------------------------------


def _outcome_score(f: Features) -> float:
    strong = sum(c in lexicon.STRONG_OUTCOME_CUES for c in f.outcome_cues)
    weak = len(f.outcome_cues) - strong
    specific = f.topic not in (None, "Diplomacy")
    return (min(strong, 2) * 0.8 + min(weak, 3) * 0.15 + (1.0 if f.figures else 0.0)
            + f.centrality + 0.5 * f.keywords + (0.3 if specific else 0.0)
            - 0.15 * len(f.analytic_cues))


def _outcomes(pool: list[Features], summary: list[Features], budget: Budget) -> list[Features]:
    """Return outcomes chosen by score: first one per topic, then the best of the rest. Only
    developments count — a cue of one or a figure, not someone's words alone — and the
    section is never padded with background to reach `low`."""
    low, high = budget.outcomes
    ranked = sorted((f for f in pool if (f.outcome_cues or f.figures)
                     and not QUOTE_ONLY.match(f.text or "") and not _outlook(f)),
                    key=_outcome_score, reverse=True)
    chosen: list[Features] = []
    topics: set[str | None] = set()

    def fits(f: Features) -> bool:  # the brief reads them in the article's order
        return not _redundant(f, chosen + summary) and not _leans_on_missing(
            f, summary + [c for c in chosen if _position(c) < _position(f)])

    for f in ranked:
        if len(chosen) < high and f.topic not in topics and fits(f) and quotable(f):
            chosen.append(f)
            topics.add(f.topic)
    for f in ranked:  # then the next best developments, to a handful; outlook and
        if len(chosen) >= max(low, min(high, 5)):  # comment are left for the implications
            break
        if f not in chosen and fits(f) and quotable(f):
            chosen.append(f)
    # Chosen by score, read in the article's order: news puts what matters most first, and
    # a survey or a person is then introduced before an outcome refers back to them.
    return sorted(chosen, key=_position)


def _outlook(f: Features) -> bool:
    """Return True for outlook ("Nepal will need India's friendship…"): a cue of meaning or
    consequence without a figure or a cue that names a development. It belongs to the
    implications; a reaction ("insisted", "criticised") is a development."""
    return bool(set(f.analytic_cues) & lexicon.IMPLICATION_CUES) and not (
        f.figures or set(f.outcome_cues) & lexicon.STRONG_OUTCOME_CUES)


def _watch(pool: Iterable[Features], budget: Budget, published: str | None = None
           ) -> list[Features]:
    """Return the statements about the future that name when, in reading order; a year
    before the article's own is history, and a forecast of a figure no event, so neither
    is something to watch."""
    year = int(published[:4]) if published and published[:4].isdigit() else None

    def ahead(when: str) -> bool:
        named = re.search(r"\b(\d{4})\b", when)
        return year is None or named is None or int(named.group(1)) >= year

    def later(when: str) -> bool:  # a date the article's own date has passed is history
        on = resolve(when, published)
        return on is None or not published or on >= published[:10]

    return list(itertools.islice((f for f in pool if f.when and ahead(f.when) and later(f.when)
                                  and not (f.figures and _PROJECTION.search(f.core or ""))),
                                 budget.watch))  # read no further than it keeps


_PROJECTION = re.compile(lexicon.PROJECTION)
_SETTING = re.compile(lexicon.SETTING)
# A sentence that opens, or goes on after an opening phrase, with he or she.
_PERSONAL = re.compile(r"^(?:[^,\"“'‘]{0,80},\s+)?(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b"
                       # or further on, with no one before: "Finally, unable…, he mortgaged"
                       r"|^(?:[a-z,;:\s-]|(?<!\S)[A-Z]\w*(?=,?\s[a-z]))*\b(?:he|she)\b")
# Someone a following "he" may mean, though the name finder did not take them for a person:
# a capitalised name of two words or more, "the 62-year-old", "the minister".
_SOMEONE = re.compile(rf"\b[A-Z][a-z]+(?: [A-Z][a-z'’-]+)+\b|\d+-year-old\b|"
                      rf"\b{lexicon.PERSON_NOUNS}\b")


def _implications(pool: list[Features], budget: Budget) -> list[Features]:
    """Return what the source says the news means: risk, consequence, outlook and what must
    be done, the strongest cues first — never a reaction alone, nor how a survey was done."""
    def score(f: Features) -> float:
        strong = sum(c in lexicon.IMPLICATION_CUES for c in f.analytic_cues)
        return min(strong, 3) * 0.6 + min(len(f.analytic_cues) - strong, 2) * 0.15 \
            + f.centrality

    def said_nothing(f: Features) -> bool:  # how a survey was done, or no comment
        lowered = (f.core or "").lower()
        return any(m in lowered for m in lexicon.METHOD) \
            or "comment" in lowered and bool(_NO_COMMENT.search(lowered))

    ranked = sorted((f for f in pool if set(f.analytic_cues) & lexicon.IMPLICATION_CUES
                     and not said_nothing(f)), key=score, reverse=True)
    chosen: list[Features] = []
    for f in ranked:
        if len(chosen) < budget.implications and not _redundant(f, chosen) and quotable(f):
            chosen.append(f)
    return sorted(chosen, key=_position)


_NO_COMMENT = re.compile(lexicon.NO_COMMENT, re.I)


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


# "The club unveiled…", "The pair had only played…", "The 42-year-old was…": a sentence
# opening on a definite description, all of it in lower case (nothing like "of Swansea"
# to say which), before its verb.
_VERB_AFTER = (r"(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|"
               r"also|then)\b")
_DEFINITE = re.compile(
    rf"The ((?:(?!{_VERB_AFTER}|[a-z]+ly\b)[a-z][\w-]* ){{0,3}})"
    rf"(\d+-[\w-]+|(?!{_VERB_AFTER}|[a-z]+ly\b)[a-z][\w-]*)"
    rf"(?=,|(?: [a-z]+ly)? (?:{_VERB_AFTER}|"
    # a verb in -ed, not a participle that says which ("The survey conducted by the
    # University of Swansea"), or in -s, not a plural ("The remaining members of…")
    r"[a-z]+ed\b(?! (?:by|of|at|from|in|for) (?:the )?[A-Z])|"
    r"(?!(?:this|his|its|thus|plus|less|yes|across|unless|perhaps|whereas|always)\b)"
    r"[a-z]{2,}s\b(?! (?:of|in|from|at|for|on|with)\b)))")
_PERSON_NOUN = re.compile(rf"{lexicon.PERSON_NOUNS}$")
# What happened, described: after another event in the brief it reads as that one ("The
# incident led to the BBC deciding not to renew…" after the number-plate row).
_EVENTS = frozenset("incident attack assault crash accident collision shooting stabbing blast "
                    "explosion fire fight match game row scandal".split())
# Someone's relation ("The father created…" after "Alan Lawrence … his newborn son"): whose,
# the brief has said.
_RELATIONS = frozenset("father mother son daughter husband wife brother sister parents "
                       "family".split())
# Two people described as such: one word of these in the brief introduces the others.
_TWO = frozenset("pair couple duo".split())
_WORD_OR_AGE = re.compile(r"\d+-[\w-]+|[a-z][\w-]*")


def _leans_on_missing(f: Features, before: list[Features], events: bool = True) -> bool:
    """Return True for a sentence opening on a description of someone or something that
    happened ("The 42-year-old was…", "The pair…", "The incident…") that no sentence of
    `before` (the brief's so far) gives, unless it is the sentence right after one of them.
    After another person or event, it reads as that one: "The 42-year-old" after "Jason
    Cotterill, 42" was his victim. Where the brief has named no one yet, a person so
    described ("The victim died…" after "a man was shot") is the only one to be meant.
    Things ("The findings…", "The move…") are left to the reader: dropping them lost more
    than it saved, by an editor's reading. Without `events`, "The incident…" is the one the
    lead reported (as the summary's next sentences are)."""
    match = _DEFINITE.match(f.text or "")
    if not match:
        return False
    words = (match.group(1) + match.group(2)).split()
    head = words[-1]
    person = bool(_PERSON_NOUN.match(head))
    if set(words) & lexicon.STOPWORDS or head in _RELATIONS \
            or not (person or events and head in _EVENTS):
        return False
    if any(_position(b) + len(_ids(b)) == _position(f) for b in before):
        return False  # the sentence before it is in the brief, just before it
    if person and not any(b.actors for b in before):
        return False
    said = {w for b in before for w in _WORD_OR_AGE.findall(_text(b).lower())}
    if head in _TWO and said & _TWO or head.startswith("teen") and any(
            re.fullmatch(r"1[3-9]-year-old", w) for w in said):  # "a 14-year-old girl"
        return False
    root = stem(head)  # "The teenager" after "a teen", "The victims" after "the victim"
    return not any(stem(w) == root or len(w) >= 4 and root.startswith(w) for w in said)


def _redundant(f: Features, chosen: list[Features]) -> bool:
    words = _bag(f)
    return any(len(words & other) / max(1, min(len(words), len(other))) > 0.5
               for other in map(_bag, chosen))


def _bag(f: Features) -> frozenset[str]:
    return _long_words(" ".join([f.core or ""] + [s.text for s in f.continued]))


@functools.lru_cache(maxsize=1 << 12)  # each sentence is compared with every one chosen
def _long_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _LONG_WORD.findall(text))


_LONG_WORD = re.compile(r"\w{4,}")


def _position(f: Features) -> int:
    return int(f.sentence.id[1:])


# Writing the items ------------------------------------------------------------------------


# Titles that identify whoever follows them; Mr, Mrs and Ms do not.
_RANKS = "|".join(re.escape(t) for t in lexicon.TITLES if t not in ("Dr", "Dr."))


def _listed(actors, text: str) -> tuple:
    """Return the actors worth a line: people with a role, or named more than once and in the
    brief itself; a name in passing ("…, said Suzanne Presto") is not an actor."""
    return tuple(a for a in actors if a.kind != "person" or a.role or len(a.sentences) > 1
                 and a.name.split()[-1] in text)


def _introduced(texts: list[str], actors) -> list[str]:
    """Return `texts`, read in order, with each person's first mention made whole: a bare
    surname gets the given name inserted ("[Scott] Kelly said"), an inserted surname
    becomes the full name ("[Eric Pickles] added"), a role alone gets the name after it
    ("The Communities Secretary [Eric Pickles] insisted"). Later mentions stay as written."""
    roles = _unique_roles(actors)
    people = [a.name for a in actors if a.kind == "person" and len(a.name.split()) >= 2]
    surnames = Counter(name.split()[-1] for name in people)
    known: set[str] = set()
    result = []
    for text in texts:
        for name in people:
            if name in known:
                continue
            text, referred = _by_role(text, name, roles)
            if referred:
                known.add(name)
                continue
            given, surname = name.rsplit(" ", 1)
            if surnames[surname] > 1:
                continue  # "Giggs" alone may be Ryan or Rhodri: no one's given name goes in
            for match in re.finditer(rf"(\[)?(?<![\w-]){re.escape(surname)}(?![\w-])(\])?", text):
                before = text[: match.start()].rstrip()
                if before.endswith(given):  # the full name, as written
                    known.add(name)
                    break
                previous = before.split()[-1] if before.split() else ""
                if previous[:1].isupper() and is_given_name(previous.strip("[")):
                    continue  # someone else of that surname: "Jim Brown"
                if _NAMED_ALREADY.search(before) and not before.endswith("&"):
                    known.add(name)  # as written in full: "Bafetimbi Gomis", "del Bosque"
                    break
                other = _OF_SEX.get(gender(name))
                if before.endswith("&") or other and other.search(before):
                    continue  # a firm, "Hall & Woodhouse"; "Mrs Cruz" is not Ted Cruz
                if _NAMES_A_WORK.search(before) or _NAMES_A_THING.match(text, match.end()) \
                        or before.endswith(("'", "‘", '"', "“")) \
                        or _NAME_GOES_ON.match(text, match.end()):
                    continue  # not the person: "a report entitled Putin", "McLaren lost its
                    # way", "Memphis Grizzlies games", "Dubbed 'Turing's Law'"
                if re.search(rf"\b(?:{_RANKS})$", before):
                    known.add(name)  # "President Putin" is introduced; "Mr Pickles" is not
                    break
                if match.group(1) and match.group(2):
                    text = text[: match.start()] + f"[{name}]" + text[match.end():]
                elif not match.group(1) and not match.group(2):
                    text = text[: match.start()] + f"[{given}] " + text[match.start():]
                known.add(name)
                break
        result.append(text)
    return result


# A surname that names a work or a thing, not its person: "a report entitled Putin", "the
# team McLaren lost its way".
_NAMES_A_WORK = re.compile(r"\b(?:entitled|titled|named after)$")  # "called Scott a liar"
# Before a surname, what makes it someone's already or a firm's: a capitalised word other
# than Mr, Dr… ("Bafetimbi Gomis", a given name the list lacks), a particle ("del Bosque"),
# "&" ("Hall & Woodhouse").
_NAMED_ALREADY = re.compile(rf"(?:(?<![\w'’-])(?!{lexicon.STYLED}$)"
                            r"[A-Z][\w'’-]*[a-z]|\b(?:de|del|della|der|van|von|da|di|"
                            r"du|le|la|bin|ibn|al|el)|&)$")
# A title must agree with the person: after "Mrs" only a woman, after "Mr" only a man.
_OF_SEX = {"M": re.compile(r"\b(?:Mrs\.?|Ms\.?|Miss)$"), "F": re.compile(r"\bMr\.?$")}
# "Memphis Grizzlies", "Clinton Foundation": the surname begins another name.
_NAME_GOES_ON = re.compile(r"\s[A-Z][a-z]")
_NAMES_A_THING = re.compile(r"\s+(?!(?:said|says|told|added|and|or|but)\b)[a-z]+\s+"
                            r"(?:its|their)\b")  # "McLaren achieved their greatest successes"


def _unique_roles(actors) -> dict[str, str]:
    """Return each person's role of two words or more that no one else's role shares or
    ends with: only then does "the Communities Secretary" certainly mean them."""
    roles = {a.name: a.role for a in actors if a.kind == "person" and a.role
             and len(a.role.split()) >= 2}
    return {name: role for name, role in roles.items()
            if not any(other != name and (o == role or o.endswith(" " + role))
                       for other, o in roles.items())}


def _by_role(text: str, name: str, roles: dict[str, str]) -> tuple[str, bool]:
    """Return `text` with "the <role>" followed by `[name]` where the role comes before any
    mention of the surname, and whether it did."""
    role = roles.get(name)
    if not role:
        return text, False
    match = re.search(rf"\b[Tt]he {re.escape(role)}\b(?!\s+[A-Z])", text)
    surname = re.search(rf"(?<![\w-]){re.escape(name.split()[-1])}(?![\w-])", text)
    if not match or surname and surname.start() < match.start():
        return text, False
    return text[: match.end()] + f" [{name}]" + text[match.end():], True


def _text(f: Features) -> str:
    """Return what a sentence is quoted as: self-contained, else its core (pinned by hand),
    with the sentences that close a quotation it opens. A quotation that goes on in the
    next paragraph is closed where the quote ends, by an editorial insertion ("…lie.[']"):
    the source closes it only paragraphs later, and a reader takes it for cut off."""
    text = " ".join([f.text or f.core or f.sentence.text] + [s.text for s in f.continued])
    return text + f"[{_closing_mark(text)}]" if f.runs_on else text


def _closing_mark(text: str) -> str:
    """Return the mark that closes the quotation `text` leaves open."""
    if text.count("“") > text.count("”"):
        return "”"
    if text.count('"') % 2:
        return '"'
    return "’" if "‘" in text else "'"


def _ids(f: Features) -> tuple[str, ...]:
    """Return the ids of the sentences `_text(f)` quotes."""
    return (f.sentence.id,) + tuple(s.id for s in f.continued)


def _words(f: Features) -> int:
    return f.words + sum(len(s.text.split()) for s in f.continued)


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
