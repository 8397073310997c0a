"""An editor's lint over compiled briefs, and the hand-checked gold set (`gold.json`).

ROUGE counts shared words; it cannot see a title cut mid-phrase, a caption inside a sentence
or a surname nobody introduced. These checks count what an editor strikes first. They read
only the JSON contract (`Brief`), so they judge what a reader gets.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from brief.extract import lexicon
from brief.model import Brief

GOLD = Path(__file__).resolve().parent / "gold.json"

# Page furniture and caption residue, by the name printed in the report.
FURNITURE = {
    "picture reference": r"\((?:pictured|picture|photo|left|right|centre|center|above|below)"
                         r"[^)]{0,40}\)|,\s*pictured\b|"
                         r"(?<!was )(?<!were )\bpictured\s+(?:left|right|above|with)",
    "caption 'From left'": r"^From (?:left|right)\b",
    # "Behind bars: The suspects…", "… was shot Musical team: The Gavers…"; not a speaker
    # ("She added: …") nor a title ("the new Avengers: Age of Ultron"). Written apart from
    # brief's own rule (quotable._labelled) on purpose: the lint checks it, not repeats it.
    "caption label": r"(?:^|(?<![\w'’-])(?!(?:in|of|on|at|to|the|a|an|and|or|for|from|by|"
                     r"with|as|new)\b)[a-z]+ |\d )(?!(?:He|She|They|It|We|I|You|If)\b)"
                     r"[A-Z][a-z]+(?: (?!(?:said|says|added|wrote|told|read|continued|"
                     r"explained|insisted|warned|tweeted|stressed)\b)[a-z]+){0,2}: [A-Z]",
    "picture side ('Giggs, left,')": r"\b[A-Z][a-z]+, (?:left|right|centre|center)"
                                     r"(?:,| and\b)",
    "scroll/share/follow": r"\bScroll down\b|\bShare this\b|\bFollow @|\bClick here\b|"
                           r"\bREAD MORE\b|\bRead more\b",
    "embedded media": r"Media playback is|Watch the video|End of Twitter post|"
                      r"Image copyright|Getty Images|Image caption",
    "dateline": r"^[A-Z][A-Z .'-]{2,30}(?:, [A-Z][\w. ]+)? (?:--|—|–) ",
    "byline": r"\bPUBLISHED:|\bUPDATED:|^By \. ",
}
_FURNITURE = {name: re.compile(pattern) for name, pattern in FURNITURE.items()}
_OPEN_END = re.compile(r"\b(?:that|the|a|an|of|to|and|or|but|his|her|its|their|is|are|was|"
                       r"were|has|have|had|be|been|will|would|than|as|in|on|at|by|for|with|"
                       r"from|into|who|which)$", re.I)
# Titles cut mid-phrase, each by what an editor would say of it.
TITLE_FAULTS = {
    # "After weeks of speculation about whether the Governor would extend his time"
    # ("If your name is Nigel you are twice as likely…" has one: not counted)
    "no main clause": r"^(?:After|Before|Although|Though|Because|Since|Despite|Amid|"
                      r"Following|Whether)\b[^,]*$",
    # "Angus Carpenter, of Liverpool, who has played in the city centre for 30 years"
    "subject's aside left open": r"^(?:[A-Z][\w'’.-]*\s?){1,4}, (?:who|whose|which|of|aged|"
                                 r"from)\b"
                                 r"(?:[^,]*|[^,]*, (?:who|whose|which)\b[^,]*)$",
    # "… after a short battle with skin cancer but man"
    "cut after 'but'": r"\bbut(?: \S+){1,2}$",
    # "… a blue machine that, all-of-a-sudden"
    "cut inside a clause": r"\b(?:that|which|who),(?: \S+){1,2}$",
}
_TITLE_FAULTS = {name: re.compile(pattern) for name, pattern in TITLE_FAULTS.items()}
_SAYS = re.compile(r"\b(?:said|says|told|added|asked|warned|claimed|insisted|explained|wrote|"
                   r"according to|statement|announced|declared|stressed)\b")
_OUTCOME = re.compile(r"\b(?:" + "|".join(map(re.escape, lexicon.OUTCOME_CUES)) + ")", re.I)
_FUTURE = re.compile(lexicon.FUTURE)
_STOP = lexicon.STOPWORDS | {"then", "later", "far", "so", "were", "was", "are", "is", "--"}
_RANK = re.compile(r"(?:" + "|".join(map(re.escape, lexicon.TITLES)) + r")\s*$")


@dataclass
class Lint:
    """What an editor would strike in one brief."""

    title_complete: bool = True
    title_faults: list[str] = field(default_factory=list)
    title_words: int = 0
    cut_items: int = 0
    furniture: list[str] = field(default_factory=list)
    unintroduced: list[str] = field(default_factory=list)
    shared_surnames: list[str] = field(default_factory=list)
    """Of `unintroduced`, those whose surname another listed person carries too."""
    speakerless: int = 0
    past_watch: int = 0
    outcomes: int = 0
    outcomes_without_cue: int = 0
    fragment_figures: int = 0

    @property
    def score(self) -> int:
        """Faults, each counted once: the higher, the worse."""
        return ((not self.title_complete) * 2 + self.cut_items * 2 + len(self.furniture) * 2
                + len(self.unintroduced) + self.speakerless + self.past_watch
                + self.outcomes_without_cue + self.fragment_figures)


def lint(brief: Brief) -> Lint:
    """Return the editor's lint of `brief`."""
    result = Lint()
    title = brief.title.strip()
    result.title_words = len(title.split())
    result.title_faults = [name for name, pattern in _TITLE_FAULTS.items()
                           if pattern.search(title)]
    result.title_complete = (not title.endswith(("…", "...")) and not _OPEN_END.search(title)
                             and 3 <= result.title_words <= 20 and not result.title_faults)
    sources = {s.id: s.text for s in brief.sentences}
    extracted = [i for i in brief.summary + brief.outcomes + brief.implications
                 if i.origin == "source"] + [e for e in brief.watch if e.origin == "source"]
    for item in extracted:
        source = " ".join(sources.get(i, "") for i in item.sentences)
        if item.text.count("…") > source.count("…"):
            result.cut_items += 1
        for name, pattern in _FURNITURE.items():
            if pattern.search(item.text):
                result.furniture.append(name)
        if re.match(r"[\"“‘']", item.text):
            outside = re.sub(r"[\"“‘'][^\"”’]*[\"”’](?!\w)", " ", item.text)
            result.speakerless += not _SAYS.search(outside)
    result.unintroduced = unintroduced(brief, [i.text for i in extracted])
    surnames = Counter(a.name.split()[-1] for a in brief.actors if a.kind == "person")
    result.shared_surnames = [n for n in result.unintroduced if surnames[n.split()[-1]] > 1]
    year = int(brief.date[:4]) if brief.date and brief.date[:4].isdigit() else None
    for event in brief.watch:
        named = re.search(r"\b(\d{4})\b", event.when or "")
        past = year is not None and named is not None and int(named.group(1)) < year
        vague = (event.when or "").lower() in ("", "soon", "deadline")
        result.past_watch += past or vague or not _FUTURE.search(event.text)
    for item in brief.outcomes:
        if item.origin != "source":
            continue
        result.outcomes += 1
        figure = any(f.value in item.text for f in brief.figures)
        result.outcomes_without_cue += not (_OUTCOME.search(item.text) or figure)
    for figure in brief.figures:
        words = figure.measure.lower().split()
        result.fragment_figures += (not words or words[0] in _STOP or words[-1] in _STOP
                                    or "--" in figure.measure)
    return result


def unintroduced(brief: Brief, texts: list[str]) -> list[str]:
    """Return the people whose first mention in the brief, read in order, is a bare surname
    (not after their given name, a bracketed given name or a title such as "President")."""
    people = [a.name for a in brief.actors if a.kind == "person" and len(a.name.split()) > 1]
    text = "\n".join(texts)
    found = []
    for name in people:
        given, surname = name.rsplit(" ", 1)
        match = re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)
        if match is None:
            continue
        before = text[: match.start()].rstrip(" []")
        if before.endswith(given.split()[-1]) or _RANK.search(before):
            continue
        found.append(name)
    return found


# The gold set -----------------------------------------------------------------------------


def load_gold() -> dict:
    """Return the hand-checked facts of 34 dev articles: headline subject, people, the key
    number, pronoun traps."""
    return json.loads(GOLD.read_text(encoding="utf-8"))


def against_gold(brief: Brief, gold: dict) -> dict:
    """Return how `brief` does against one article's gold facts."""
    people = [a.name for a in brief.actors if a.kind == "person"]
    gold_names = [p["name"] for p in gold["people"]]
    surnames = {n.split()[-1] for n in gold_names}

    def known(name: str) -> bool:
        return name in gold_names or name.split()[-1] in surnames

    texts = [i.text for i in brief.summary + brief.outcomes + brief.implications + brief.watch]
    everything = " ".join(texts + [f.value for f in brief.figures])
    # Names put in for a pronoun ("[Lavrov] said"), not given names completing one that
    # follows ("[Scott] Kelly") nor a statement's issuer ("a [NASA] statement said") nor
    # the description of someone a story never names ("[The young woman] added"), nor the
    # mark closing a quotation ("…lie.[']").
    inserted = [m.group(1) for t in texts
                for m in re.finditer(r"\[(?![Tt]he )([^\]'\"’”]+)\](?! [A-Z])(?! statement\b)",
                                     t)]
    subject = all(any(alt.lower() in brief.title.lower() for alt in group)
                  for group in gold["subject"])
    key = gold.get("key_number")
    return {
        "subject": subject,
        "people_listed": len(people),
        "people_right": sum(known(p) for p in people),
        "people_wanted": len(gold_names),
        "people_found": sum(any(n.split()[-1] == g.split()[-1] for n in people)
                            for g in gold_names),
        "not_people_listed": [p for p in people if p in gold.get("not_people", [])],
        "insertions": len(inserted),
        "wrong_insertions": [n for n in inserted
                             if n.split()[-1] not in surnames and not known(n)],
        "key_number": None if key is None else key.replace(",", "") in everything.replace(",", ""),
    }
