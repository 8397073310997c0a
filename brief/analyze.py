"""Stage 3, analyze: sentences -> features (cues, topics, quantities, actors, centrality).

Everything here is linear in the article's length: centrality is similarity to the whole
document, not a sentence graph, so a book-length source stays fast.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from brief import lexicon
from brief.model import Actor, Figure, Sentence


@dataclass(frozen=True)
class Features:
    """What the analyzer knows about one sentence."""

    sentence: Sentence
    """The sentence itself."""
    words: int
    """Its length in words."""
    centrality: float
    """Cosine similarity (0–1) of its content words to the whole article's."""
    topic: str | None
    """Best topic label from the lexicon, or None."""
    outcome_cues: tuple[str, ...]
    """Cues of a concrete development found in it."""
    analytic_cues: tuple[str, ...]
    """Cues of analysis or outlook found in it."""
    figures: tuple[Figure, ...]
    """Quantities it states, with what they measure."""
    actors: tuple[str, ...]
    """Names of the actors it mentions, in order of mention."""
    text: str | None
    """The sentence made self-contained (`[Lavrov] stressed…`), or None if it cannot be."""


@dataclass(frozen=True)
class Analysis:
    """Features of every sentence, and the article's actors."""

    features: tuple[Features, ...]
    """One entry per sentence, in reading order."""
    actors: tuple[Actor, ...]
    """People with roles, in order of first mention."""


_WORD = re.compile(r"[^\W_][\w'’-]*")
_NAME = r"(?:[A-Z][\w'’.-]+)"
_TITLE = "|".join(re.escape(t) for t in sorted(lexicon.TITLES, key=len, reverse=True))
_PERSON = re.compile(
    rf"\b((?:[A-Z][a-z]+ )?(?:{_TITLE}))\s+({_NAME}(?:\s+{_NAME}){{0,3}})")
_NUMBER = (r"(?:\d[\d,]*(?:\.\d+)?|(?:" + "|".join(lexicon.NUMBER_WORDS) + r"))"
           r"(?:\s(?:thousand|million|billion|trillion|m|bn))?")
_UNIT = (r"(?:\s?(?:%|per ?cent|percent|percentage points?)"
         r"|\s(?:billion |million )?(?:cubic (?:feet|metres|meters)|barrels|tonnes|tons|"
         r"megawatts|gigawatts|kilometres|kilometers|km|miles|doses|people|troops|soldiers|"
         r"years|months|weeks|days|hours|deaths|cases|jobs|homes|votes|seats)"
         r"(?: (?:per|a) (?:day|year|month|annum))?)")
_QUANTITY = re.compile(
    rf"(?<![\w.-])(?:(?:[$€£¥]|US\$|Rs\.? ?){_NUMBER}|{_NUMBER}{_UNIT}|\d[\d,]*\.?\d*\s"
    r"(?:thousand|million|billion|trillion))(?![\w-])", re.I)
# Lexicon lists compiled once each: one alternation beats hundreds of small patterns.
_TOPICS = {topic: (weight, re.compile(r"\b(?:" + "|".join(patterns) + ")"))
           for topic, (weight, patterns) in lexicon.TOPICS.items()}
_OUTCOME_CUES = re.compile(r"(?<=\W)(" + "|".join(map(re.escape, lexicon.OUTCOME_CUES)) + ")")
_ANALYTIC_CUES = re.compile(r"(?<=\W)(" + "|".join(map(re.escape, lexicon.ANALYTIC_CUES)) + ")")
_DANGLING = re.compile("(?:" + "|".join(map(re.escape, lexicon.PRONOUNS + lexicon.CONNECTIVES))
                       + r")\b")
_EXPLETIVE = re.compile(lexicon.EXPLETIVE_IT)
_CLAUSE_END = re.compile(r"[,;:.!?()“”\"]|\s(?:and|but|which|who|while|as|because|comes)\s")


def analyze(sentences: tuple[Sentence, ...]) -> Analysis:
    """Return the features of `sentences` and the actors they mention."""
    bags = [Counter(_content_words(s.text)) for s in sentences]
    document: Counter = Counter()
    for bag in bags:  # not sum(): adding Counters copies them, quadratic in length
        document.update(bag)
    document_norm = math.sqrt(sum(c * c for c in document.values()))
    actors, mentions = _actors(sentences)
    surnames = _short_names(actors, sentences)
    features = []
    subject: str | None = None
    for sentence, bag, names in zip(sentences, bags, mentions):
        text, subject = _self_contained(sentence.text, names, subject, surnames)
        features.append(Features(
            sentence=sentence,
            words=len(_WORD.findall(sentence.text)),
            centrality=_cosine(bag, document, document_norm),
            topic=topic_of(sentence.text),
            outcome_cues=_cues(sentence.text, _OUTCOME_CUES),
            analytic_cues=_cues(sentence.text, _ANALYTIC_CUES),
            figures=_figures(sentence),
            actors=tuple(names),
            text=text,
        ))
    return Analysis(tuple(features), actors)


def topic_of(text: str) -> str | None:
    """Return the lexicon topic with the highest weighted hit count in `text`, or None."""
    lowered = text.lower()
    best, best_score = None, 0.0
    for topic, (weight, pattern) in _TOPICS.items():
        hits = len(pattern.findall(lowered))
        if hits * weight > best_score:
            best, best_score = topic, hits * weight
    return best


def starts_dangling(text: str) -> bool:
    """Return True if `text` opens with a pronoun or connective whose referent lies outside it."""
    lowered = text.lower().lstrip("“\"‘'(")
    return not _EXPLETIVE.match(lowered) and bool(_DANGLING.match(lowered))


def _content_words(text: str) -> list[str]:
    words = (w.lower() for w in _WORD.findall(text))
    return [_stem(w) for w in words if w not in lexicon.STOPWORDS and len(w) > 2]


def _stem(word: str) -> str:
    """Return a crude stem: enough to match trade/trading, ties/tie, within one article."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _cosine(bag: Counter, document: Counter, document_norm: float) -> float:
    dot = sum(count * document[word] for word, count in bag.items())
    norm = math.sqrt(sum(c * c for c in bag.values())) * document_norm
    return dot / norm if norm else 0.0


def _cues(text: str, cues: re.Pattern) -> tuple[str, ...]:
    """Return the distinct cues of `cues` found at word starts in `text`, in lexicon order."""
    return tuple(dict.fromkeys(m.strip() for m in cues.findall(" " + text.lower())))


def _figures(sentence: Sentence) -> tuple[Figure, ...]:
    figures = []
    for match in _QUANTITY.finditer(sentence.text):
        if re.fullmatch(r"\d+", match.group()) or _is_date(sentence.text, match):
            continue
        measure = _measure(sentence.text, match)
        if measure:
            figures.append(Figure(match.group(), measure, (sentence.id,)))
    return tuple(figures)


def _is_date(text: str, match: re.Match) -> bool:
    after = text[match.end(): match.end() + 12]
    return bool(re.match(r"\s(?:January|February|March|April|May|June|July|August|September|"
                         r"October|November|December)\b", after))


def _measure(text: str, match: re.Match) -> str:
    """Return the words saying what the quantity measures: the phrase after it, else before."""
    after = text[match.end():]
    stop = _CLAUSE_END.search(after)
    phrase = after[: stop.start() if stop else len(after)].strip()
    phrase = re.sub(r"^(?:of|in|for)\s+", "", phrase)
    words = phrase.split()
    if len(words) >= 2 or (words and len(words[0]) > 3):
        return " ".join(words[:9])
    before = text[: match.start()]
    start = max(before.rfind(","), before.rfind(";"), before.rfind(":"))
    phrase = re.sub(r"\s+(?:in|for|of|by|to|at|over|about)$", "", before[start + 1:].strip())
    return " ".join(phrase.split()[-10:])


# Actors -----------------------------------------------------------------------------------


def _actors(sentences: tuple[Sentence, ...]) -> tuple[tuple[Actor, ...], list[list[str]]]:
    """Return the people named with a title, and per sentence the actors it mentions."""
    found: dict[str, tuple[str, str]] = {}  # surname -> (fullest name, role)
    for sentence in sentences:
        for match in _PERSON.finditer(sentence.text):
            role, name = match.group(1), _trim_name(match.group(2))
            if not name or _inside_quotes(sentence.text, match.start()):
                continue
            surname = name.split()[-1]
            known = found.get(surname)
            if known is None or len(name) > len(known[0]):
                found[surname] = (name, known[1] if known and len(known[1]) > len(role) else role)
    patterns = _mention_patterns(found)
    mentions = [_mentions(sentence.text, patterns) for sentence in sentences]
    actors = []
    for name, role in found.values():
        ids = tuple(s.id for s, m in zip(sentences, mentions) if name in m)
        actors.append(Actor(name, role, ids))
    return tuple(actors), mentions


def _inside_quotes(text: str, position: int) -> bool:
    """Return True if `position` is inside a “quoted phrase” (a label, not a person)."""
    before = text[:position]
    return before.count("“") > before.count("”")


def _bare_title(role: str) -> str:
    """Return `role` without a qualifier: "Russian Foreign Minister" -> "Foreign Minister"."""
    if role in lexicon.TITLES:
        return role
    rest = role.split(" ", 1)[-1]
    return rest if rest in lexicon.TITLES else role


def _trim_name(name: str) -> str:
    words = name.split()
    while words and (words[-1] in lexicon.NOT_NAMES or words[-1].endswith((".", "’s", "'s"))):
        words.pop()
    return " ".join(w for w in words if w not in lexicon.NOT_NAMES)


def _mention_patterns(found: dict[str, tuple[str, str]]) -> list[tuple[re.Pattern, str]]:
    """Return, per actor, the patterns of its mentions: surname, and "the <title>" alone."""
    patterns = []
    for surname, (name, role) in found.items():
        patterns.append((re.compile(rf"\b{re.escape(surname)}\b"), name))
        bare = re.escape(_bare_title(role))
        patterns.append((re.compile(rf"\b[Tt]he {bare}\b(?! {_NAME})"), name))
    return patterns


def _mentions(text: str, patterns: list[tuple[re.Pattern, str]]) -> list[str]:
    """Return actors mentioned in `text` by surname or by bare role, in order of mention."""
    hits = [(match.start(), name) for pattern, name in patterns
            for match in pattern.finditer(text)]
    # An opening participle or prepositional phrase ("Addressing … with Qureshi, Lavrov said")
    # is not the subject: mentions before its comma come after the subject.
    opener = re.match(r"(?:[A-Z]\w+ing|During|After|Before|With|At|In|On)\b[^,]*,", text)
    cut = opener.end() if opener else 0
    ordered = sorted(hits, key=lambda h: (h[0] < cut, h[0]))
    names: list[str] = []
    for _, name in ordered:
        if name not in names:
            names.append(name)
    return names


def _short_names(actors: tuple[Actor, ...], sentences: tuple[Sentence, ...]) -> dict[str, str]:
    """Return for each actor the name to insert in brackets: the surname if the article uses it."""
    short = {}
    text = "\n".join(s.text for s in sentences)
    for actor in actors:
        parts = actor.name.split()
        full = len(re.findall(rf"\b{re.escape(parts[0])}\s+{re.escape(parts[-1])}\b", text))
        alone = len(re.findall(rf"\b{re.escape(parts[-1])}\b", text)) > full
        short[actor.name] = parts[-1] if len(parts) > 1 and alone else actor.name
    return short


def _self_contained(text: str, names: list[str], subject: str | None,
                    short: dict[str, str]) -> tuple[str | None, str | None]:
    """Return `text` with a leading he/she resolved to `[Name]`, and the sentence's subject.

    The text is None when it opens with a pronoun or connective that cannot be resolved.
    """
    opening = re.match(r"(He|She)\b", text)
    if opening and subject:
        return f"[{short.get(subject, subject)}]" + text[opening.end():], subject
    if opening:
        return None, subject
    if names:
        subject = names[0]
    return (None if starts_dangling(text) or _leans_on_context(text) else text), subject


def _leans_on_context(text: str) -> bool:
    """Return True for a sentence with a pronoun but no name to anchor it ("As soon as it is…")."""
    named = re.search(r"(?<!^)(?<![.!?“\"] )\b[A-Z]", text)
    return not named and bool(re.search(r"\b(?:it|they|them|this|these|he|she)\b", text, re.I))
