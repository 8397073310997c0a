"""Key figures: quantities as written, normalised, with the words saying what they measure."""

from __future__ import annotations

import re

from brief.extract import lexicon
from brief.model import Figure, Sentence

_WORD_VALUES = {w: v for v, w in enumerate(("zero", "one", "two", "three", "four", "five",
                                            "six", "seven", "eight", "nine", "ten", "eleven",
                                            "twelve"))}
_WORD_VALUES.update({"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                     "hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000,
                     "dozen": 12, "dozens": 12})
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12}
_CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "Rs": "rupees",
               "Rs.": "rupees"}
_SIGNS = sorted(_CURRENCIES, key=len, reverse=True)  # "US$" before "$"

_NUMBER = (r"(?:\d[\d,]*(?:\.\d+)?|(?:" + "|".join(lexicon.NUMBER_WORDS) + r"))"
           r"(?:\s?(?:thousand|million|billion|trillion|m|bn)\b)?")
_UNIT = (r"(?:\s?(?:%|per ?cent|percent|percentage points?)"
         r"|\s(?:(?:billion|million) )?(?:cubic (?:feet|metres|meters)|barrels|tonnes|tons|"
         r"megawatts|gigawatts|kilometres|kilometers|km|miles|metres|meters|doses|people|"
         r"troops|soldiers|fighters|refugees|years|months|weeks|days|hours|deaths|cases|jobs|"
         r"homes|votes|seats|passengers|children|students|workers|members|countries|nations|"
         r"immigrants|migrants|residents|adults|voters|employees|patients|victims|civilians)"
         r"(?: (?:per|a) (?:day|year|month|annum|week))?)")
QUANTITY = re.compile(
    rf"(?<![\w.-])(?:(?P<currency>US\$|[$€£¥]|Rs\.? ?){_NUMBER}|{_NUMBER}{_UNIT}|"
    r"\d[\d,]*\.?\d*\s?(?:thousand|million|billion|trillion))(?![\w-])", re.I)
_MONTH_AFTER = re.compile(r"\s(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)\b")
_ONE_OR_TWO = re.compile(r"(?:one|two)\b", re.I)
_DASH_OR_QUOTE = re.compile(r"\s(?:--|–|—|-)\s|\s-|[\"“”‘’']")
_IT_WAS = re.compile(r"^\s*(?:it|this|that|there) (?:was|is|were|are|has been|had been) ", re.I)
_CLAUSE_END = re.compile(r"[,;:.!?()“”\"]|\s(?:and|but|which|who|while|as|because|comes)\s")


def figures_in(sentence: Sentence) -> tuple[Figure, ...]:
    """Return the quantities `sentence` states; bare numbers, years and dates are not figures."""
    return tuple(Figure(value, measure, (sentence.id,), amount, unit)
                 for value, measure, amount, unit in figures_of(sentence.text))


def figures_of(text: str) -> tuple[tuple[str, str, float | None, str | None], ...]:
    """Return each figure `text` states (see `figures_in`) as its value, measure, amount and
    unit."""
    figures = []
    for match in QUANTITY.finditer(text):
        if match.group().isdecimal() or _MONTH_AFTER.match(text, match.end()):
            continue
        if _ONE_OR_TWO.match(match.group()):  # "two nations" is no key figure
            continue
        measure = _measure(text, match)
        if measure:
            figures.append((match.group(), measure, *normalise(match.group())))
    return tuple(figures)


def normalise(value: str) -> tuple[float | None, str | None]:
    """Return the amount and unit of a quantity as written.

    "46 percent" -> (46, "%"); "$4.5bn" -> (4.5e9, "USD"); "1.6 billion cubic feet per day"
    -> (1.6e9, "cubic feet per day"); "nine years" -> (9, "years").
    """
    text = value.strip()
    sign = next((s for s in _SIGNS if text.startswith(s)), None)
    currency = _CURRENCIES[sign] if sign else None
    if sign:
        text = text[len(sign):].strip()
    match = re.match(r"(\d[\d,]*(?:\.\d+)?|[a-z]+)\s?(thousand|million|billion|trillion|m|bn)?"
                     r"\b\s*(.*)", text, re.I)
    if not match:
        return None, currency
    number, scale, rest = match.groups()
    amount = (float(number.replace(",", "")) if number[0].isdigit()
              else float(_WORD_VALUES.get(number.lower(), 0)) or None)
    if amount is not None and scale:
        amount *= _SCALES[scale.lower()]
    rest = rest.strip().lower()
    if re.fullmatch(r"%|per ?cent|percent", rest):
        unit = "%"
    elif rest.startswith("percentage point"):
        unit = "percentage points"
    else:
        unit = currency or (re.sub(r"^(?:billion|million) ", "", rest) or None)
        if unit and rest.startswith(("billion ", "million ")) and amount is not None:
            amount *= _SCALES[rest.split()[0]]
    return amount, unit


def _measure(text: str, match: re.Match) -> str:
    """Return the words saying what the quantity measures — the phrase after it ("of
    supplies"), else a short one before it — or "" when neither reads as a measure: a
    fragment ("are known to have died so far --") is worse than no figure."""
    after = text[match.end():]
    stop = _CLAUSE_END.search(after)
    phrase = _tidy(after[: stop.start() if stop else len(after)])
    words = phrase.split()
    if (len(words) >= 2 or (words and len(words[0]) > 3)) and _reads_as_measure(words):
        return _tidy(" ".join(words[:8]))  # cut short, it must not end on "the" either
    before = text[: match.start()]
    if before.rstrip().endswith(("(", "[")):  # "7 per cent (£18,786)": the same figure again,
        return ""  # in other terms, with no measure of its own
    start = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("--"))
    # The words nearest the figure: never across a full stop or a quotation mark, which
    # `_tidy` (reading forward) would cut at the far end.
    nearest = re.split(r"[.!?]\s|[\"“”‘’]|(?<!\w)'|'(?!\w)", before[start + 1:])[-1]
    words = _tidy(nearest).split()
    fits = 2 <= len(words) <= 10 and _reads_as_measure(words)
    return " ".join(words) if fits else ""


# Words a measure never starts or ends on: "are known…", "…the number of", "later".
_LOOSE = frozenset(lexicon.STOPWORDS) | {
    "are", "were", "is", "was", "be", "been", "has", "have", "had", "later", "ago", "earlier",
    "then", "far", "more", "less", "so", "said", "says", "with", "that", "than", "some"}


# Words a measure never ends on: "…the number of", "…which are".
_DANGLING_END = frozenset((
    "the", "a", "an", "of", "in", "for", "to", "and", "or", "on", "at", "by", "with", "from",
    "that", "than", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "some", "so", "more", "less", "its", "his", "her", "their", "this", "these", "which",
    "who", "will", "would", "could", "if", "but", "into", "about", "over", "under", "just",
    "between", "around", "nearly", "almost", "approximately", "roughly", "up", "least",
    "it", "there", "or"))


def _tidy(phrase: str) -> str:
    """Return `phrase` cut at a dash and without the little words at either end."""
    phrase = _DASH_OR_QUOTE.split(phrase, 1)[0]
    words = phrase.split()
    phrase = _IT_WAS.sub("", " ".join(words))
    words = phrase.split()
    while words and words[0].lower() in ("of", "in", "for", "to", "and", "or", "on", "at",
                                         "its", "his", "her", "their", "the", "a", "an"):
        words.pop(0)
    while words and (words[-1].lower().strip(".,") in _DANGLING_END
                     or words[-1].count("(") > words[-1].count(")")):  # "… cent ("
        words.pop()
    return " ".join(words)


def _reads_as_measure(words: list[str]) -> bool:
    """Return True unless `words` open loosely, hold a dash, open on the tail of a number
    ("000 in bail…") or are an attribution ("Swinney said")."""
    return bool(words) and words[0].lower() not in _LOOSE and not words[0].isdigit() \
        and not any(w in ("--", "–", "—") for w in words) \
        and not any(w.lower().strip(".,") in _ATTRIBUTION for w in words)


_ATTRIBUTION = frozenset(("said", "says", "told", "added"))
