"""Stage 4, compile: features -> `Brief`. Chooses and orders the items.

Every extracted text is a whole sentence's clean core as written, or its self-contained form
from analyze (`[Lavrov] stressed…`). Sentences are never cut: a cut clause can drop a
qualifier ("but warned that it fell short") and reverse the meaning, so the budgets choose
fewer or shorter sentences instead. Only the title is shortened, by deleting words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from brief.extract import lexicon
from brief.extract.actors import is_given_name
from brief.extract.analyze import Analysis, Features, single_quotes
from brief.extract.dates import in_date_order, resolve
from brief.extract.segment import RUNNING_ON
from brief.model import Article, Brief, Event, Item

# Where a headline may end: before a clause that adds circumstance to the news.
_TITLE_CUT = re.compile(r",\s|;\s|:\s|\s(?:--|–|—|-)\s|\s(?:after|before|because|while|as|when|"
                        r"amid|despite|following|in order to|in a bid to|so that|which|who|"
                        r"but|until|unless|although|though|since|if|whereas|in what|"
                        r"in protest|in a bid|in an attempt|in order|under|during)\s"
                        # "visited Pakistan and held talks": a second verb phrase
                        r"|\sand\s(?=(?:\w+ed|held|met|said|made|took|gave|told|won|lost|left|"
                        r"began|became|sent|spent|brought|kept|urged|signed|agreed)\s)")
# Where a headline may end as a last resort: before a phrase of place, time or purpose.
_PHRASE_CUT = re.compile(r"\s(?=(?:at|for|in|on|over|from|into|during|by|with)\s)")
_VERB = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|"
                   r"should|did|does|says|said|told|left|made|took|gave|won|lost|met|sent|"
                   r"held|went|came|found|\w{3,}ed)\b")
_AUXILIARY = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|could|can|may|might|"
                        r"must|should|did|does|says|said|told)\b")
_AUXILIARIES = frozenset("was were been be is are has have had being".split())
_MODALS = frozenset("will would could can may might must should shall to not".split())


def _dangles(head: str) -> bool:
    """Return True if `head` stops where what follows is wanted: on a participle with no
    auxiliary ("originally bound", "trying"), or a verb after a modal ("will call", "to
    comply"). "was arrested" is a whole statement."""
    words = head.split()
    last, before = words[-1].lower(), words[-2].lower() if len(words) > 1 else ""
    if last in ("bound", "due", "set", "able", "ready", "about", "likely", "than", "yet",
                "twice", "more", "less", "so", "too", "as", "much", "many",
                "enough", "forced", "going", "trying", "used", "want", "wants", "plan", "plans"):
        return True
    if re.fullmatch(r"\w+(?:ed|ing)", last) and before not in _AUXILIARIES:
        return True
    return before in _MODALS


def _complete(head: str) -> bool:
    """Return True if `head` reads as a statement: 8 words or more, a verb, one after any
    "that", and not ending on a participle or a little word."""
    clause = head.rsplit(" that ", 1)[-1]
    return (len(head.split()) >= 8 and bool(_VERB.search(head)) and bool(_VERB.search(clause))
            and not _OPEN_END.search(head) and not _dangles(head))


# "Jilted lover who sent … to her daughter has been jailed": the clause between the subject
# and its verb, which a headline drops ("Jilted lover has been jailed").
_RELATIVE = re.compile(r"^((?:\S+\s){1,4}?\S+)\s(?:who|which|that)\s[^,;:\"]{5,200}?\s"
                       r"(?=(?:has|have|had|is|are|was|were|will|would|could|can)\s)")
# A headline never ends on one of these: "Brown warned that", "the first of".
_OPEN_END = re.compile(r"\b(?:that|the|a|an|of|to|and|or|but|his|her|its|their|is|are|was|were|"
                       r"has|have|had|be|been|will|would|could|should|may|might|not|no|very|"
                       r"more|most|than|as|in|on|at|by|for|with|from|into|who|which|whose)$",
                       re.I)
# A closing attribution: ", police said.", ", according to a study.", ", it emerged today."
_ATTRIBUTION = re.compile(
    r",?\s+(?:according to\s[^,;]+|(?:(?:the|a|an)\s)?[\w.'’ -]{1,40}?\s(?:said|says|"
    r"told\s[\w .'’-]{1,40}?|reported|added|claimed|confirmed|revealed|explained|insisted|"
    r"warned|admitted)(?:\s(?:on|last|this)\s\w+|\stoday|\syesterday|\s[A-Z][a-z]+day)?|it\s(?:has\s)?(?:emerged|"
    r"was\sclaimed|was\sreported|is\sunderstood|has\sbeen\sclaimed|was\srevealed)"
    r"(?:\stoday|\syesterday|\slast\snight)?)(?=[.!]?$)")
# A lead that leans on an earlier sentence: "This week's…", "Mr Brown said…". "The
# population will double…" stands on its own and stays.
_ANAPHORIC = re.compile(r"(?:(?:This|These|That|Those|Its|His|Her|Their)\s+[a-z]|"
                        r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]|"
                        rf"The\s+(?:[\w-]+\s+){{0,2}}{lexicon.PERSON_NOUNS}\b)")
# A sentence that is only someone's words: an opinion, not a development.
_QUOTE_ONLY = re.compile(r"^[\"“‘']")
_SAYS = re.compile(r"\b(?:said|says|told|added|asked|warned|claimed|insisted|explained|wrote|"
                   r"tweeted|according to|statement|announced|declared|stressed)\b")
# Someone reported as saying something: a sentence of the story, even where the page lost
# its full stop to a caption run in after it.
_REPORTED = re.compile(r"\b(?:said|says|suggested|told|added|warned|claimed|insisted|announced|"
                       r"revealed|admitted|confirmed|denied)\b")
# Picture references left in running text: "(pictured)", "(left)", ", pictured,", "From
# left, …", "(picture posed by model)", "(file photo)".
_PICTURE = re.compile(r"\((?:pictured|picture|photo|file photo|left|right|centre|center|above|"
                      r"below|inset|top|bottom)(?:[^)]{0,40})\)|,\s*pictured\b|"
                      r"(?<!was )(?<!were )(?<!is )(?<!are )(?<!been )(?<!being )\bpictured\s+"
                      r"(?:left|right|above|below|with|here|at|in|on|during|outside|inside|"
                      r"leaving|arriving|campaigning|speaking|yesterday|today|last)\b|"
                      r"^(?:From|Left to right|L-R)\s*(?:left|right)?,|\bpictured\)|"
                      r"\b(?:graph|plot|chart|map|picture|image|photo|video|graphic)s? (?:above|"
                      r"below|shows?)\b|\b(?:looks on|poses for|(?:is|are) seen)\b", re.I)
# A caption or graphic run into a sentence without a stop: "… in 306million Without a
# change …", "… the plan Former Deputy Prime Minister …", "… pledge today Scotland's …".
_GLUED = re.compile(r"(\S+)\s+(?:The|A|An|Without|With|In|On|At|This|These|That|Those|There|It|"
                    r"He|She|They|We|"
                    r"I|Former|President|Prime|Mr|Mrs|Ms|Pictured|Scroll)\s"
                    r"|\b(?:today|yesterday|tonight|last night)\s+[A-Z]"
                    r"|[a-z](?:The|It|He|She|They|We|In|On|At|But|This)\s")  # "mentalityThe"

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
        date=article.meta.published,
    )


def _select(analysis: Analysis, budget: Budget, choices: Choices, published: str | None = None
            ) -> dict[str, list]:
    """Return the sentences of each section: the summary first, then outcomes, watch and
    implications from what is left, then the analyst's pins where they asked."""
    # A quotation is quoted whole or not at all: dropping any of its sentences drops it.
    features = [f if not set(_ids(f)[1:]) & choices.drop else replace(f, continued=())
                for f in analysis.features]
    by_id = {f.sentence.id: f for f in features}
    pinned = set(choices.pin) | set(choices.summary) | set(choices.order)
    usable = [f for f in features
              if f.sentence.id not in choices.drop and (f.text or f.sentence.id in pinned)]
    candidates = [f for f in usable if _quotable(f) and 6 <= _words(f) <= budget.sentence_words
                  and f.sentence.id not in pinned]

    # The summary: the analyst's sentences, or the bottom line and what follows it.
    if choices.summary:
        summary = [([by_id[sid]], _text(by_id[sid])) for sid in choices.summary]
    else:
        kept_out = choices.drop | pinned | choices.drop_in.get("summary", frozenset())
        known = frozenset(a.name.split()[-1] for a in analysis.actors
                          if a.kind == "person" and len(a.name.split()) > 1)
        summary = _summary([f for f in features if f.sentence.id not in kept_out], budget,
                           known)
    in_summary = [f for features, _ in summary for f in features]
    taken = {i for f in in_summary for i in _ids(f)} | set(choices.order)

    def free(section: str) -> Callable[[Features], bool]:
        out = taken | choices.drop_in.get(section, frozenset())
        return lambda f: f.sentence.id not in out

    # What to watch (dated future events) first, then outcomes, the analyst's order first,
    # then implications.
    watch = _watch([f for f in usable if _quotable(f) and free("watch")(f)], budget, published)
    taken |= {i for f in watch for i in _ids(f)}
    outcomes = [by_id[sid] for sid in choices.order] + _outcomes(
        list(filter(free("outcomes"), candidates)), in_summary, budget)
    del outcomes[budget.outcomes[1]:]
    taken |= {i for f in outcomes for i in _ids(f)}
    implications = _implications(list(filter(free("implications"), candidates)), budget)
    taken |= {i for f in implications for i in _ids(f)}

    # Pins not placed yet go where the analyst said, or where they fit best.
    sections = {"summary": summary, "outcomes": outcomes, "implications": implications,
                "watch": watch}
    pinned_outcomes = 0  # pinned outcomes lead, in the order the analyst pinned them
    for sid, section in choices.pin.items():
        if sid not in taken:
            pinned_outcomes += _place(by_id[sid], section, sections, pinned_outcomes)
    return sections


def derive_title(analysis: Analysis, lead: Features | None = None, most: int = 14) -> str:
    """Return a headline made by deleting words from the bottom-line sentence (never the
    file name, never a fragment ending in …).

    The closing attribution, bracketed asides and a leading article go; a sentence still
    longer than `most` words ends before a clause that only adds circumstance, at the last
    place where what is left is a complete statement. An article with no usable sentence
    gets "Untitled brief".
    """
    if lead is None:
        lead = next((f for f in analysis.features if _quotable(f)), None)
    if lead is None or not (lead.text or lead.core):
        return "Untitled brief"
    title = _shortened(lead, most)
    if len(title.split()) > most + 6:  # too long to read as a headline: the next sentence
        start = analysis.features.index(lead) if lead in analysis.features else 0
        subject = {w.lower().strip(".,'’s") for w in title.split()[:4] if len(w) > 3}
        for f in analysis.features[start + 1: start + 3]:  # may state the news shortly,
            other = _shortened(f, most) if _quotable(f) else ""  # about the same subject
            words = {w.lower().strip(".,'’s") for w in other.split()}
            if 6 <= len(other.split()) <= most + 6 and subject & words:
                return other
    return title


def _shortened(lead: Features, most: int) -> str:
    """Return the headline made from one sentence by deleting words."""
    text = _headline_words(lead.text or lead.core or "")
    if len(text.split()) > most:  # a relative clause between subject and verb can go
        clause = _RELATIVE.match(text)
        if clause and not _AUXILIARY.search(clause.group(1)):  # "Family was told that …"
            shorter = clause.group(1) + " " + text[clause.end():]
            text = shorter if len(shorter.split()) >= 5 else text
    if len(text.split()) > most:
        heads = [text[: m.start()].rstrip(" ,;:") for m in _TITLE_CUT.finditer(text)]
        heads = [h for h in heads if len(h.split()) >= 6 and not _OPEN_END.search(h)
                 and not _dangles(h) and not h.startswith("With ")
                 and h.count("(") == h.count(")") and h.count('"') % 2 == 0
                 and len(re.findall(r"(?<!\w)['‘]|['’](?!\w)", h)) % 2 == 0]
        if not any(len(h.split()) <= most + 3 for h in heads):  # before a phrase, then
            heads += [text[: m.start()] for m in _PHRASE_CUT.finditer(text)
                      if _complete(text[: m.start()])]
        fitting = [h for h in heads if len(h.split()) <= most + 3]
        text = max(fitting, key=len) if fitting else min(heads, key=len, default=text)
    return text[:1].upper() + text[1:]


def _headline_words(text: str) -> str:
    """Return `text` with what a headline leaves out deleted: the attribution at its end,
    asides in brackets or between dashes, a leading article, the full stop."""
    text = text.strip()
    match = _ATTRIBUTION.search(text.rstrip(" .!"))
    if match and len(text[: match.start()].split()) >= 5 and '"' not in text[match.start():]:
        text = text[: match.start()]
    text = re.sub(r"\s*\([^()]{0,60}\)", "", text)
    text = re.sub(r"\s+(?:--|–|—)\s[^–—]{0,80}?\s(?:--|–|—|-)\s", " ", text)
    text = re.sub(r"\s(?:today|yesterday|tonight|last night|this week|this morning|"
                  r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", "", text)
    opening = re.match(r"(?:As|While|When|After|Before|Although|Though|Since|Despite|Amid|"
                       r"Following|In|On|Last|This|Earlier|Later)\b[^,]{3,80}, "
                       r"(?=[a-z]+ |[A-Z])", text)
    if opening and len(text[opening.end():].split()) >= 6:  # the main clause comes after it
        text = text[opening.end():]
    scene = re.match(r"(?:With|Amid|After|As)\b[^–—]{3,160}?\s(?:-|–|—)\s(?=\w)", text)
    if scene and len(text[scene.end():].split()) >= 5:  # "With his lively eyebrows … - this
        text = text[scene.end():]  # robotic head is menacingly lifelike"
    text = re.sub(r"^(?:The|A|An)\s+", "", text)
    # Headline style: no articles, no filler adverbs (outside quotations).
    parts = re.split(r"((?<!\w)['‘\"“][^'’\"”]*['’\"”](?!\w))", text)
    for index in range(0, len(parts), 2):
        parts[index] = re.sub(r"\b(?:the|an?(?! (?:year|month|week|day|head)\b)|originally|just|"
                              r"also|currently|now|already|vehemently|reportedly|actually|"
                              r"really)\s+", "", parts[index])
    return "".join(parts).rstrip(" .!,;:")


# The summary ------------------------------------------------------------------------------


def _introducible(f: Features, known: frozenset[str]) -> bool:
    """Return True for a lead that opens on "Mr Schmidt" when the article gives his full
    name: the brief introduces him ("Mr [Eric] Schmidt…"), so the lead can stay."""
    match = re.match(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][\w'’-]+)", f.text or "")
    return bool(match) and match.group(1) in known


def _summary(features: list[Features], budget: Budget, known: frozenset[str] = frozenset()
             ) -> list[tuple[list[Features], str]]:
    """Return the summary items: the bottom line first, then the article's next whole
    sentences in order that fit the word budget (a longer one is passed over, never cut).

    News puts its bottom line in its lead; a lead that leans on what came before ("This
    week's…") gives way to the article's most central sentence. A sentence that leans on
    the one before it ("But he…") joins that one's item when it directly follows it.
    """
    candidates = [f for f in features if _quotable(f) and 6 <= _words(f) <= 90]
    if not candidates:
        return []
    bottom = candidates[0]
    if _ANAPHORIC.match(bottom.text or "") and not _introducible(bottom, known):
        bottom = max(candidates[:40], key=lambda f: f.centrality + f.keywords)
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
        if f.text and not _quotable(f) or f.hook or not (6 <= _words(f) <= 90) \
                or _redundant(f, [c for features, _ in chosen for c in features]):
            continue
        if f.text is None:
            last = chosen[-1][0][-1]
            if _position(last) + 1 != _position(f) or not f.core \
                    or not _quotes_balanced(f.core) or _glued(f.core):
                continue
        text = _text(f) if f.text else f.core or ""
        words = len(text.split())
        if used + words > budget.summary_words:
            break  # the next sentences follow on from this one: no skipping ahead
        _append(chosen, f, text)
        used += words
    return chosen


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
    """Return outcomes by score: first one per topic, then the best of the rest. Only
    developments count — a cue of one or a figure, not someone's words alone — and the
    section is never padded with background to reach `low`."""
    low, high = budget.outcomes
    ranked = sorted((f for f in pool if (f.outcome_cues or f.figures)
                     and not _QUOTE_ONLY.match(f.text or "") and not _outlook(f)),
                    key=_outcome_score, reverse=True)
    chosen: list[Features] = []
    topics: set[str | None] = set()
    for f in ranked:
        if len(chosen) < high and f.topic not in topics and not _redundant(f, chosen + summary):
            chosen.append(f)
            topics.add(f.topic)
    for f in ranked:  # then the next best developments, to a handful; outlook and
        if len(chosen) >= max(low, min(high, 5)):  # comment are left for the implications
            break
        if f not in chosen and not _redundant(f, chosen + summary):
            chosen.append(f)
    return sorted(chosen, key=_outcome_score, reverse=True)


def _outlook(f: Features) -> bool:
    """Return True for outlook or comment ("Nepal will need India's friendship…"): analytic
    cues without a figure or a cue that names a development. It belongs to the
    implications."""
    return bool(f.analytic_cues) and not (
        f.figures or set(f.outcome_cues) & lexicon.STRONG_OUTCOME_CUES)


def _watch(pool: list[Features], budget: Budget, published: str | None = None
           ) -> list[Features]:
    """Return the statements about the future that name when, in reading order; a year
    before the article's own is history, not something to watch."""
    year = int(published[:4]) if published and published[:4].isdigit() else None

    def ahead(when: str) -> bool:
        named = re.search(r"\b(\d{4})\b", when)
        return year is None or named is None or int(named.group(1)) >= year

    def later(when: str) -> bool:  # a date the article's own date has passed is history
        on = resolve(when, published)
        return on is None or not published or on >= published[:10]

    return [f for f in pool if f.when and ahead(f.when) and later(f.when)][: budget.watch]


def _implications(pool: list[Features], budget: Budget) -> list[Features]:
    """Return what the source says the news means: risk, cause, consequence, reaction and
    outlook, the strongest cues first — never how a survey was done."""
    def score(f: Features) -> float:
        strong = sum(c in lexicon.STRONG_ANALYTIC_CUES for c in f.analytic_cues)
        return min(strong, 3) * 0.6 + min(len(f.analytic_cues) - strong, 2) * 0.15 \
            + f.centrality

    ranked = sorted((f for f in pool if set(f.analytic_cues) & lexicon.STRONG_ANALYTIC_CUES
                     and not any(m in (f.core or "").lower() for m in lexicon.METHOD)),
                    key=score, reverse=True)
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
    return any(len(words & _bag(c)) / max(1, min(len(words), len(_bag(c)))) > 0.5
               for c in chosen)


def _bag(f: Features) -> set[str]:
    return {w.lower() for w in re.findall(r"\w{4,}", f.core or "")}


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
    becomes the full name ("[Eric Pickles] added"). Later mentions stay as written."""
    people = [a.name for a in actors if a.kind == "person" and len(a.name.split()) >= 2]
    known: set[str] = set()
    result = []
    for text in texts:
        for name in people:
            if name in known:
                continue
            given, surname = name.rsplit(" ", 1)
            for match in re.finditer(rf"(\[)?(?<![\w-]){re.escape(surname)}(?![\w-])(\])?", text):
                before = text[: match.start()].rstrip()
                if before.endswith(given):  # the full name, as written
                    known.add(name)
                    break
                previous = before.split()[-1] if before.split() else ""
                if previous[:1].isupper() and is_given_name(previous.strip("[")):
                    continue  # someone else of that surname: "Jim Brown"
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


def _quotable(f: Features) -> bool:
    """Return True for a sentence fit to quote on its own: self-contained, news rather than
    a teaser or question, and no picture reference ("(pictured)") in it."""
    return bool(f.text) and not f.hook and passed_over(f) is None


def passed_over(f: Features) -> str | None:
    """Return why a sentence of article text is never quoted on its own, or None."""
    if f.unfinished and not _REPORTED.search(f.core or ""):  # reported speech is no caption
        return "no full stop before the next sentence: a caption or graphic run into the text"
    return _unquotable(" ".join([f.core or ""] + [s.text for s in f.continued]),
                       bool(f.continued))


@functools.lru_cache(maxsize=8192)  # asked of each sentence once per section
def _unquotable(core: str, grouped: bool) -> str | None:
    if _PICTURE.search(core):
        return "picture reference"
    if _glued(core):
        return "a caption or graphic runs into it"
    if _speakerless(core):
        return "quotation without its speaker"
    if not grouped and not _quotes_balanced(core):  # a group closes what it opens
        return "a piece of a quotation"
    return None


def _quotes_balanced(text: str) -> bool:
    """Return False for a piece of a quotation the sentence splitter cut off ("… the
    committee will keep under review," Mr Wright's letter states.), or one opened and not
    closed ("He said: 'There is an SNP candidate in this constituency.")."""
    opened, closed = single_quotes(text)
    return (text.count('"') % 2 == 0 and text.count("“") == text.count("”")
            and opened <= closed)


def _speakerless(text: str) -> bool:
    """Return True for a quotation whose speaker the sentence does not name ("“We share
    positions on several issues,”"): a quote must keep its speaker."""
    if not _QUOTE_ONLY.match(text):
        return False
    outside = re.sub(r"[\"“‘'][^\"”’]*[\"”’](?!\w)", " ", text)
    return not _SAYS.search(outside)


def _glued(text: str) -> bool:
    """Return True if a caption or graphic runs into `text` without a full stop."""
    for match in _GLUED.finditer(text):
        before = match.group(1)
        if before is None or (before[-1:].isalnum() or before[-1:] in "%)’'") and (
                before.lower() not in RUNNING_ON and match.start() > 0):
            return True
    return False


def _text(f: Features) -> str:
    """Return what a sentence is quoted as: self-contained, else its core (pinned by hand),
    with the sentences that close a quotation it opens."""
    return " ".join([f.text or f.core or f.sentence.text] + [s.text for s in f.continued])


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
