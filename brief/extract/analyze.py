"""Stage 3, analyze: sentences -> features (salience, cues, topics, figures, actors, dates).

Everything here is linear in the article's length: salience is each sentence's similarity
to the rest of the article, not a sentence graph, so a book-length source stays fast.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from brief.extract import fanout, lexicon
from brief.extract.actors import OPENER, find_actors, gender, is_given_name, short_names
from brief.extract.clean import clean
from brief.extract.quantities import figures_of
from brief.model import Actor, Figure, Sentence


@dataclass(frozen=True, slots=True)
class Features:
    """What the analyzer knows about one sentence."""

    sentence: Sentence
    """The sentence itself."""
    core: str | None
    """The sentence without datelines, bylines or run-in captions; None for page furniture."""
    words: int
    """Length of `core` in words."""
    centrality: float
    """How much of the rest of the article it shares, 0–1 (1 for the article's most central)."""
    keywords: float
    """How many of the article's five commonest content words it holds, 0–1."""
    topic: str | None
    """Best topic label from the lexicon, or None."""
    outcome_cues: tuple[str, ...]
    """Cues of a concrete development found in it."""
    analytic_cues: tuple[str, ...]
    """Cues of analysis or outlook found in it."""
    figures: tuple[Figure, ...]
    """Quantities it states, with what they measure."""
    actors: tuple[str, ...]
    """Names of the people it mentions, its subject first."""
    text: str | None
    """`core` made self-contained (`[Lavrov] stressed…`), or None if it cannot be."""
    hook: bool
    """True for a teaser or question ("It's amazing what make-up can do."), not news."""
    when: str | None
    """For a statement about the future, the date or time it names ("May 1", "soon")."""
    unfinished: bool = False
    """True for a sentence that stops without a full stop in mid-paragraph, where the page
    ran it into the next: a caption, a graphic, or a sentence missing its end."""
    unstopped: bool = False
    """True for a paragraph that ends without a full stop (an article's only sentence
    aside): a picture caption, a heading or a link on a line of its own."""
    continued: tuple[Sentence, ...] = ()
    """The next sentences, when this one opens a quotation they close ("He said: 'We
    will fight. We will win.'"): quoted together, the quotation stays whole."""
    runs_on: bool = False
    """True when the quotation this sentence (with `continued`) leaves open goes on in a new
    paragraph that opens it again ("…where priorities lie. / 'Broadly, Scots want…"): as
    newspapers close no quotation at a paragraph's end, what it quotes is whole."""


@dataclass(frozen=True)
class Analysis:
    """Features of every sentence, and the article's actors."""

    features: tuple[Features, ...]
    """One entry per sentence, in reading order."""
    actors: tuple[Actor, ...]
    """People with roles, then organisations, then countries."""


_WORD = re.compile(r"[^\W_][\w'’-]*")
# Lexicon lists compiled once each: one alternation beats hundreds of small patterns.
_TOPIC_NAMES = list(lexicon.TOPICS)
# Whole words only, with the endings a stem may take: "war" is not Warrington, "law" not
# Lawrence, "import" not important.
_TOPICS = re.compile(r"\b(?:" + "|".join(
    f"(?P<t{i}>" + "|".join(patterns) + ")"
    for i, (_, patterns) in enumerate(lexicon.TOPICS.values())) + r")" + lexicon.ENDINGS + r"\b")
# A development only where it happened or will: "policies could be established" is none.
_OUTCOME_CUES = re.compile(r"\b(?<!could )(?<!would )(?<!might )(?<!may )(?<!could be )"
                           r"(?<!would be )(?<!might be )(?<!may be )(" + "|".join(
    re.escape(cue) + (f"(?!{lexicon.OUTCOME_CUE_NOT[cue]})" if cue in lexicon.OUTCOME_CUE_NOT
                      else "") for cue in lexicon.OUTCOME_CUES) + ")")
_ANALYTIC_CUES = re.compile(r"\b(" + "|".join(
    lexicon.ANALYTIC_CUE_AS.get(cue, re.escape(cue)) for cue in lexicon.ANALYTIC_CUES) + ")")
_DANGLING = re.compile("(?:" + "|".join(map(re.escape, lexicon.PRONOUNS + lexicon.CONNECTIVES))
                       + r")\b")
_EXPLETIVE = re.compile(lexicon.EXPLETIVE_IT + "|" + lexicon.EVERYONE_S)
_FUTURE = re.compile(lexicon.FUTURE)  # case matters: "Will Smith" is not the future
_WHEN = re.compile(lexicon.WHEN)
_FINISHED = re.compile(r"[.!?…'\"”’)]\s*$")
_DEFINITE_PERSON = re.compile(rf"The\s+(?:[\w-]+\s+){{0,3}}{lexicon.PERSON_NOUNS}\b")
# Compiled once, not looked up in re's cache per sentence.
_DIGIT = re.compile(r"\d")
_INNER_CAPITAL = re.compile(r"(?<!^)\b[A-Z][a-z]")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|added|reported|saying|adding|"
                          r"insist(?:ed|ing)|confirm(?:ed|ing)|claim(?:ed|ing)|warn(?:ed|ing))"
                          r"\s+(?:yesterday/)?(?:on\s+)?$")
# An article's first sentence opening on "They", "He" or "She" whose name follows in a later
# clause of it: "They played in grey …, these really are dark days for Newcastle United."
NAMED_LATER = re.compile(r"(?:They|He|She)\s[^\"“”]*?[,;]\s[^\"“”]*?\b(?:[A-Z][\w'’-]+\s)+"
                          r"[A-Z][\w'’-]+")
_PRONOUN = re.compile(r"(He|She)\b")
_PRONOUN_INSIDE = re.compile(r"(he|she)\b")
_OPENING_PRONOUN = re.compile(r"(?:\S+\s+){1,4}?(?:it|they|them|this|these|he|she)\b", re.I)
_SOMEONE_NEW = re.compile(rf"\b(?=[aotsmh])(?:(?:a|an|another|one|two|three|several|some|many)"
                          rf"\s+(?:[\w-]+\s+){{0,2}}{lexicon.PERSON_NOUNS}\b|(?:he|she|they)\b)",
                          re.I)  # (the first letters first: most words fail there)


def analyze(sentences: tuple[Sentence, ...], workers: int = 1) -> Analysis:
    """Return the features of `sentences` and the actors they mention; with `workers` above
    one, a long article's sentences are read by two processes."""
    # What depends on a sentence's text alone is worked out once per distinct text: long
    # sources repeat sentences (page furniture, boilerplate, quoted passages). A helper
    # takes most of them while this process finds the actors, which take some third as long.
    distinct = list(dict.fromkeys(s.text for s in sentences))
    split = fanout.Split(_text, distinct, workers, share=0.8)
    try:
        actors, mentions = find_actors(sentences)
        short = short_names(actors, sentences)
        known = dict(zip(distinct, split.results()))
    finally:
        split.close()
    texts = [known[s.text] for s in sentences]
    centrality, keywords = _salience([t.bag for t in texts])
    roles = {a.name: a.role for a in actors if a.kind == "person"}
    listed = _list_items(sentences, texts)
    features = []
    previous: list[str] = []  # who the sentence before names, its subject first, then rivals
    for index, (sentence, found) in enumerate(zip(sentences, texts)):
        core = found.core
        text, previous = _self_contained(core, mentions[index], previous, short, roles)
        if text is None and index == 0 and core and NAMED_LATER.match(core):
            text = core  # nothing before it to mean: its "they" is the name it gives
        if text and _STATEMENT.search(text):
            text = _issued(text, texts[index - 1].core if index else None)
        features.append(Features(
            sentence=sentence,
            core=core,
            words=found.words,
            centrality=centrality[index],
            keywords=keywords[index],
            topic=found.topic,
            outcome_cues=found.outcome_cues,
            analytic_cues=found.analytic_cues,
            figures=tuple(Figure(value, measure, (sentence.id,), amount, unit)
                          for value, measure, amount, unit in found.figures),
            actors=tuple(mentions[index]),
            text=text,
            hook=found.hook,
            when=found.when,
            unfinished=found.open_ended and index + 1 < len(sentences)
            and sentences[index + 1].paragraph == sentence.paragraph,
            unstopped=found.open_ended and len(sentences) > 1 and (
                index + 1 == len(sentences)
                or sentences[index + 1].paragraph != sentence.paragraph)
            and sentence.paragraph not in listed,
        ))
    return Analysis(tuple(_quotations(features)), actors)


def _list_items(sentences: tuple[Sentence, ...], texts: list[_Text]) -> set[int]:
    """Return the paragraphs that are items of a list a colon opens ("The measures
    include:"): a list's items need no full stop, a caption's line does."""
    last: dict[int, tuple[str, bool]] = {}  # paragraph -> its last sentence, open-ended?
    for sentence, found in zip(sentences, texts):
        last[sentence.paragraph] = (sentence.text, found.open_ended)
    listed: set[int] = set()
    previous = None
    for paragraph in last:
        if previous is not None and not last[paragraph][0].rstrip().endswith(":") and (
                last[previous][0].rstrip().endswith(":")
                or previous in listed and last[previous][1]):
            listed.add(paragraph)  # (one that ends on a colon opens a list, or is a link box)
        previous = paragraph
    return listed


@dataclass(frozen=True)
class _Text:
    """The features of a sentence that its text alone decides (see `Features`)."""

    core: str | None
    bag: Counter
    """Its content words' stems, counted (read only: shared by sentences alike)."""
    words: int
    topic: str | None
    outcome_cues: tuple[str, ...]
    analytic_cues: tuple[str, ...]
    figures: tuple[tuple[str, str, float | None, str | None], ...]
    """Each figure's value, measure, amount and unit."""
    hook: bool
    when: str | None
    open_ended: bool
    """True if `core` does not end as a sentence does (see `Features.unfinished`)."""


def _text(sentence: str) -> _Text:
    span = clean(sentence)
    core = sentence[span[0]:span[1]] if span else None
    # Read once, used by several features: the words, and the text in lower case.
    words = _WORD.findall(core or "")
    lowered = (core or "").lower()
    return _Text(
        core=core,
        bag=Counter(_content_words(words)) if core else Counter(),
        words=len(words),
        topic=_topic(lowered),
        outcome_cues=_cues(lowered, _OUTCOME_CUES),
        analytic_cues=_analytic_cues(core or "", lowered),
        figures=figures_of(sentence) if core else (),
        hook=_is_hook(core),
        when=_when(core),
        open_ended=bool(core) and not _FINISHED.search(core))


# A single quotation mark that opens (after a space, bracket, colon or dash, before a word)
# and one that closes (after a word, stop or closing double mark, before a space or stop).
_OPENS = re.compile(r"(?:^|(?<=[\s(:—–-]))['‘](?=\w)")
_CLOSES = re.compile(r"(?<=[\w.,!?…\"”])['’](?=[\s.,;:!?)—–-]|$)")


# A sentence opening a quotation's next paragraph: "'Broadly, Scots want…".
_REOPENS = re.compile(r"[\"“‘'][A-Z]")


def single_quotes(text: str) -> tuple[int, int]:
    """Return how many single quotation marks `text` opens and closes (apostrophes aside)."""
    return len(_OPENS.findall(text)), len(_CLOSES.findall(text))


def quote_balance(text: str) -> int:
    """Return how many quotations `text` opens and does not close (negative: closes more
    than it opens — a piece of a quotation begun before it)."""
    if not _ANY_QUOTE.search(text):  # most sentences: nothing to count
        return 0
    doubles = text.count("“") - text.count("”") + (text.count('"') % 2)
    opened, closed = single_quotes(text)
    return doubles + opened - closed


_ANY_QUOTE = re.compile("[\"“”'‘’]")


def _quotations(features: list[Features], most: int = 4, words: int = 60) -> list[Features]:
    """Return `features` with each sentence that opens a quotation the next sentences close
    (within `most` of them and `words` words) knowing those sentences."""
    result = list(features)
    balance_of = functools.cache(quote_balance)  # this article's: sentences repeat

    def reopens(at: int) -> bool:  # the sentence at `at` opens a quotation's next paragraph
        return at < len(features) and bool(_REOPENS.match(features[at].sentence.text))

    for index, f in enumerate(features):
        if not f.text or balance_of(f.core or "") <= 0:
            continue
        balance, size = balance_of(f.core or ""), f.words
        # Failing a group that closes the quotation, its first paragraph is whole.
        paragraph = index if balance == 1 and reopens(index + 1) else None
        for end in range(index + 1, min(len(features), index + 1 + most)):
            following = features[end]
            if following.core is None or following.core != following.sentence.text:
                break
            step = balance_of(following.core)
            if re.match(r"['‘“\"]", following.core):
                step -= 1  # a quotation going on into a new paragraph opens it again
            balance += step
            size += following.words
            if size > words:
                break
            if balance <= 0:
                if balance == 0:
                    paragraph = None
                    result[index] = dataclasses.replace(
                        f, continued=tuple(g.sentence for g in features[index + 1: end + 1]))
                break
            if paragraph is None and balance == 1 and reopens(end + 1):
                paragraph = end
        if paragraph is not None:
            result[index] = dataclasses.replace(
                f, continued=tuple(g.sentence for g in features[index + 1: paragraph + 1]),
                runs_on=True)
    return result


def topic_of(text: str) -> str | None:
    """Return the lexicon topic with the highest weighted hit count in `text`, or None."""
    return _topic(text.lower())


_TOPIC_INDEX = {f"t{i}": i for i in range(len(_TOPIC_NAMES))}
_TOPIC_WEIGHTS = [lexicon.TOPICS[topic][0] for topic in _TOPIC_NAMES]


def _topic(lowered: str) -> str | None:
    """Return `topic_of` a text already in lower case."""
    hits = None
    for match in _TOPICS.finditer(lowered):
        if hits is None:
            hits = [0] * len(_TOPIC_NAMES)
        hits[_TOPIC_INDEX[match.lastgroup]] += 1
    if hits is None:
        return None
    best, best_score = None, 0.0
    for index, topic in enumerate(_TOPIC_NAMES):  # lexicon order breaks ties
        score = hits[index] * _TOPIC_WEIGHTS[index]
        if score > best_score:
            best, best_score = topic, score
    return best


def starts_dangling(text: str) -> bool:
    """Return True if `text` opens with a pronoun or connective whose referent lies outside it."""
    lowered = text.lower().lstrip("“\"‘'(")
    return not _EXPLETIVE.match(lowered) and bool(_DANGLING.match(lowered))


# Salience ---------------------------------------------------------------------------------


def _salience(bags: list[Counter]) -> tuple[list[float], list[float]]:
    """Return per sentence its centrality and keyword coverage, each scaled to 0–1.

    Centrality sums, over the sentence's words, the log of how often the *rest* of the
    article uses them, damped for length; keyword coverage counts the article's five
    commonest content words. Both are what a reader skimming for the gist would look for.
    """
    # Sentences alike share one bag (see `_Text`): each distinct bag is counted and scored
    # once, in order of first use, so the words' order (most_common's tie-break) is kept.
    times = Counter(map(id, bags))
    distinct = list({id(bag): bag for bag in bags}.values())
    document: Counter = Counter()
    for bag in distinct:  # not sum(): adding Counters copies them, quadratic in length
        many = times[id(bag)]
        document.update(bag if many == 1 else {w: c * many for w, c in bag.items()})
    top = dict(document.most_common(5))
    scores = {}
    for bag in distinct:
        shared = sum(math.log1p(document[w] - c) for w, c in bag.items())
        scores[id(bag)] = (shared / max(1, len(bag)) ** 0.3,
                           sum(math.log1p(top[w]) for w in bag if w in top))
    return (_scaled([scores[id(bag)][0] for bag in bags]),
            _scaled([scores[id(bag)][1] for bag in bags]))


def _scaled(values: list[float]) -> list[float]:
    peak = max(values, default=0.0)
    return [round(v / peak, 6) if peak else 0.0 for v in values]


def _content_words(words: list[str]) -> list[str]:
    """Return the stems of `words` (as `_WORD` finds them) that are not stopwords."""
    stems, stopwords = _STEMS, lexicon.STOPWORDS
    out = []
    for word in words:
        word = word.lower()
        if len(word) > 2 and word not in stopwords:
            root = stems.get(word)
            if root is None:
                root = stem(word)
                if len(stems) < 200_000:
                    stems[word] = root
            out.append(root)
    return out


_STEMS: dict[str, str] = {}  # a word's stem, worked out once a process (bounded)


def stem(word: str) -> str:
    """Return a crude stem: enough to match trade/trading, ties/tie, within one article."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _analytic_cues(text: str, lowered: str) -> tuple[str, ...]:
    """Return the analytic cues in `text` (`lowered` in lower case); "May" the month is no
    "may", nor "There Must Be a Better World" (a title) a "must"."""
    cues = _cues(lowered, _ANALYTIC_CUES)
    return tuple(c for c in cues if c not in _LOWER_ONLY or re.search(rf"\b{c}\b", text))


_LOWER_ONLY = frozenset(("may", "must"))


def _cues(lowered: str, cues: re.Pattern) -> tuple[str, ...]:
    """Return the distinct cues of `cues` found at word starts in `lowered` (a text in lower
    case), in the order found."""
    return tuple(dict.fromkeys(m.strip() for m in cues.findall(" " + lowered)))


def _is_hook(core: str | None) -> bool:
    """Return True for a question, or a short line with no name and no number."""
    if not core:
        return True
    if core.rstrip("\"”’'").endswith("?"):
        return True
    short = len(core.split()) < 12
    return short and not _DIGIT.search(core) and not _INNER_CAPITAL.search(core)


def _when(core: str | None) -> str | None:
    if not core or not _FUTURE.search(core):
        return None
    for match in _WHEN.finditer(core):  # not the day it was said: "…, police said Monday"
        if not _SAID_BEFORE.search(core[: match.start()]):
            return match.group(0)
    return None


# Self-contained text ----------------------------------------------------------------------


def _self_contained(core: str | None, names: list[str], previous: list[str],
                    short: dict[str, str], roles: dict[str, str | None]
                    ) -> tuple[str | None, list[str]]:
    """Return `core` with an opening he/she resolved to `[Name]`, and the people this
    sentence names (its subject first) for the next one.

    Precision over recall: a wrong name is worse than none. He/she is resolved only to the
    subject of the sentence just before, and only when no one else there could be meant
    (nobody else named, or nobody else of the pronoun's gender). Otherwise the sentence
    cannot stand alone and its text is None.
    """
    if core is None:
        return None, []
    opener = OPENER.match(core)
    at = opener.end() + 1 if opener and core[opener.end():opener.end() + 1] == " " else 0
    pronoun = (_PRONOUN if at == 0 else _PRONOUN_INSIDE).match(core, at)
    if pronoun:
        referent = _antecedent(pronoun.group(1).lower(), previous, roles)
        if referent is None:
            return None, names or previous
        name = short.get(referent, referent)
        if at == 0 and referent.startswith("the "):  # "[The young woman] said"
            name = name[0].upper() + name[1:]
        text = core[:at] + f"[{name}]" + core[pronoun.end():]
        return text, [referent] + _rivals(core, names, referent)
    described = _DEFINITE_PERSON.match(core)
    if described:  # "The top Russian diplomat…": the same person, or in a story that names
        # nobody, the one it is about ("The young woman said…"); else someone unnamed, who
        # stays a rival to anyone the sentence names ("…said she met Anna Berg")
        subject = previous[:1] or (_unnamed(described.group(0)) if not roles else [])
        if not names:
            return _usable(core), previous or subject
        return _usable(core), (subject or [_SOMEONE]) + [n for n in names if n not in subject]
    if not names:  # who a following "he" may mean depends on whom this sentence describes
        return (None if _late_pronoun(core) else _usable(core)), (
            [] if _SOMEONE_NEW.search(core) or _new_speaker(core, previous)
            or _unknown_name(core) else previous)
    if _QUOTED_ONLY.match(core):  # "'… nor would it for Tom (Cruise), I imagine.'": the
        # speaker before is who goes on, and those named in the quotation are rivals
        return _usable(core), (previous[:1] or [_SOMEONE]) + [n for n in names
                                                              if n not in previous[:1]]
    if _someone_else_owns(core, names) or _one_of(core, names[0]):  # "His brother Ryan, is
        # … part of Louis Van Gaal's backroom staff": Ryan, not Van Gaal; "…appealed to fans
        # including Albert Einstein. During…, he and the other writers…": not Einstein
        return _usable(core), [_SOMEONE] + names
    return _usable(core), names[:1] + _rivals(core, names, names[0])


def _unknown_name(core: str) -> bool:
    """Return True if `core` names someone the actors do not list — a given name, alone or
    before another capitalised word, not opening the sentence ("…bringing on board Ron
    Dennis", "…referring to him as 'work-shy William'", "We've followed Alan's career."):
    a "he" after it may mean them."""
    return any(is_given_name(m.group(1)) and m.group(1) not in lexicon.NOT_NAMES
               for m in _GIVEN.finditer(core))


_GIVEN = re.compile(r"(?<=[\s'‘\"“(])([A-Z][a-z]+)(?![\w-])")
# A person named as one of many, not what the sentence is about: "fans including Albert".
_ONE_OF = re.compile(r"\b(?:including|such as|like|among|alongside|along with|as well as)"
                     r"\s+(?:\S+\s+){0,3}$")


def _one_of(core: str, name: str) -> bool:
    """Return True if `core` first names `name` as an example of others ("fans including
    Albert Einstein"), so a "he" after it may mean anyone."""
    at = core.find(name.split()[-1])
    return at >= 0 and bool(_ONE_OF.search(core[:at]))


def _someone_else_owns(core: str, names: list[str]) -> bool:
    """Return True if `core` names its first person only as an owner ("Van Gaal's staff")
    and someone known by a first name alone is there too ("His brother Ryan"): the
    sentence is about them. ("Then came Dr Venter's real breakthrough." is about Venter.)"""
    surname = names[0].split()[-1]
    if not (surname + "'" in core or surname + "’" in core) or re.search(
            rf"\b{re.escape(surname)}\b(?!['’])", core):
        return False
    named = {part for name in names for part in name.split()}
    return any(word not in named and word not in lexicon.NOT_NAMES and is_given_name(word)
               for word in re.findall(r"(?<=\s)[A-Z][a-z]+\b", core))  # not "in June"


# '"…," a statement said.': whose statement is named in the sentence before, or nowhere.
_STATEMENT = re.compile(r"\b([Aa]|[Tt]he) (statement (?:said|says|added|read))\b")
_ISSUER = re.compile(r",\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+){0,4}?[A-Z][\w.&'’-]*)\s+"
                     r"(?:said|says|added|announced|reported)\b|\b[Aa]ccording to\s+(?:the\s+)?"
                     r"((?:[A-Z][\w.&'’-]*\s+){0,4}?[A-Z][\w.&'’-]*)[,.]")

_REPORTED = re.compile(r"\b(?:said|says|added|announced|reported|according to)\b", re.I)


def _issued(text: str, before: str | None) -> str | None:
    """Return `text` with its "a statement said" given the issuer the sentence before names
    ("…, NASA said." → "a [NASA] statement said"), or None where no single one is named: a
    statement nobody issued is no source."""
    issuers = {m.group(1) or m.group(2) for m in _ISSUER.finditer(before or "")}
    if len(issuers) != 1 or len(_REPORTED.findall(before or "")) != 1:  # one, and no other
        return None
    return _STATEMENT.sub(lambda m: f"{m.group(1)} [{issuers.pop()}] {m.group(2)}", text, 1)


# '…," Howe told BBC Radio Solent.': a speaker the name finder did not take for a person.
_SPEAKER = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:said|says|told|added|continued|explained|"
                      r"insisted|admitted|warned|claimed)\b")
_PRONOUN_SPEAKERS = frozenset("He She It They We I You This That".split())


def _new_speaker(core: str, previous: list[str]) -> bool:
    """Return True if `core` gives the floor to someone other than those before: a "he"
    after it may mean that speaker, so it is no longer certain."""
    known = {part for name in previous for part in name.split()}
    return any(m.group(1) not in known and m.group(1) not in _PRONOUN_SPEAKERS
               for m in _SPEAKER.finditer(core)) or bool(_DESCRIBED_SPEAKER.search(core))


# '"…true for me?" the actor asked.': a speaker described, not named.
_DESCRIBED_SPEAKER = re.compile(r"[\"”'’],?\s+the\s+(?:[\w-]+\s+){0,2}(?:said|says|asked|"
                                r"added|told|explained|insisted|continued)\b")


def _rivals(core: str, names: list[str], subject: str | None) -> list[str]:
    """Return the people other than `subject` whom a following "he" or "she" could mean:
    those named in the main clause, not only in an opening phrase ("Addressing a press
    conference with Qureshi, Lavrov said…": the next "He" is Lavrov)."""
    opener = OPENER.match(core)
    main = core[opener.end():] if opener else core
    return [n for n in names if n != subject and n.split()[-1] in main]


# A sentence that is someone's words, the rest of a quotation begun before it.
_QUOTED_ONLY = re.compile(r"[\"“‘'][^\"“”‘’']*$|[\"“‘'][^\"“”]*[\"”’']\s*$")
_SOMEONE = "someone unnamed"  # the subject of a sentence, when no name can be put to it

# Nouns that tell an unnamed person's gender; the others ("the student") do not.
_UNNAMED_GENDER = {
    **dict.fromkeys(("woman", "girl", "mother", "actress", "wife", "daughter", "sister",
                     "grandmother", "chairwoman", "spokeswoman"), "F"),
    **dict.fromkeys(("man", "boy", "father", "actor", "husband", "son", "brother",
                     "grandfather", "chairman", "spokesman"), "M"),
}


def _unnamed(description: str) -> list[str]:
    """Return `[the description]` for someone the story never names ("The young woman
    said…"), whom a following "she" then means; [] for more than one person ("The
    students", "The couple")."""
    noun = description.split()[-1].lower()
    if noun in ("couple", "pair") or noun.endswith("s") and not noun.endswith("ss"):
        return []
    return ["the " + description.split(" ", 1)[1]]


def _antecedent(pronoun: str, previous: list[str], roles: dict[str, str | None]) -> str | None:
    """Return the person `pronoun` ("he", "she") certainly refers to, or None: the subject
    before if no one else there could be meant, else the only one of that gender."""
    wanted = "M" if pronoun == "he" else "F"
    genders = {n: _UNNAMED_GENDER.get(n.split()[-1]) if n.startswith("the ")
               else gender(n, roles.get(n)) for n in previous}
    possible = [n for n in previous if genders[n] in (wanted, None)]
    if previous and possible == [previous[0]]:
        return previous[0] if previous[0] != _SOMEONE else None
    certain = [n for n in possible if genders[n] == wanted]
    return certain[0] if len(certain) == 1 and len(possible) == 1 else None


@functools.lru_cache(maxsize=8192)  # long sources repeat sentences
def _usable(core: str) -> str | None:
    return None if starts_dangling(core) or _leans_on_context(core) else core


def _leans_on_context(text: str) -> bool:
    """Return True for a sentence whose first words hold a pronoun with no name before it to
    anchor it ("Last month it hosted talks…", "As soon as it is signed, the work will
    begin.")."""
    # The first word is starts_dangling's ("It is hoped…" is no reference).
    opening = _OPENING_PRONOUN.match(text)
    if not opening:
        return False
    before = text[: opening.end()].split()[1:-1]
    return not any(word[:1].isupper() for word in before)


def _late_pronoun(core: str) -> bool:
    """Return True for a sentence that names no one and has "he" or "she" further on with
    no one before to be them: "Finally, unable to get an unsecured loan, he mortgaged…",
    "In a report released earlier this week she slammed…". ("McCoy has not decided whether
    he…", "A cleaner who feared a body he found…" have someone.)"""
    late = _LATE_PRONOUN.match(core)
    if not late or quote_balance(core[: late.end()]) or _SOMEONE_BEFORE.search(
            core, 0, late.end()):
        return False
    first, *rest = core[: late.end()].split()[:-1]
    first = first.strip(",").lower()  # "McCoy has…" names someone, "Finally, …" no one
    named = first not in lexicon.STOPWORDS and first not in _OPENING_WORDS \
        and not first.endswith("ly")
    return not (named or any(w[:1].isupper() for w in rest))


_OPENING_WORDS = frozenset("as in by over while when after before despite during although "
                           "though since then now there also yet still even once".split())
_LATE_PRONOUN = re.compile(r"(?:\S+\s+){5,15}?(?:he|she)\b")
_SOMEONE_BEFORE = re.compile(rf"\b(?:who|whose|{lexicon.PERSON_NOUNS})\b|\[", re.I)
