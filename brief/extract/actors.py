"""Actors: people named with a title, organisations and countries, each mention merged.

"Lavrov" and "the Russian Foreign Minister" are Sergey Lavrov once he has been introduced as
"Russian Foreign Minister Sergey Lavrov"; per sentence, `find_actors` also says who is
mentioned, the subject (the first mention outside an opening phrase) first.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter

from brief import diskcache
from brief.extract import lexicon
from brief.model import Actor, Sentence

# Capitals beyond ASCII: Çavuşoğlu, Łukasz, Δένδιας, Лавров start names too.
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isupper())
_NAME = rf"(?:[{_UPPER}][\w'’.-]+)"
_TITLE = "|".join(re.escape(t) for t in sorted(lexicon.TITLES, key=len, reverse=True))
_PERSON = re.compile(  # (a capital first: most places fail that at once)
    rf"(?=[A-Z])\b((?:[A-Z][a-z]+ ){{0,2}}(?:{_TITLE}))\s+({_NAME}(?:\s+{_NAME}){{0,3}})")
_ORG_WORDS = "|".join(lexicon.ORGANISATION_WORDS)
_CAPITALS = rf"[{_UPPER}][\w&'’-]*(?:\s[{_UPPER}][\w&'’-]*){{0,2}}"
_ORGANISATION = re.compile(
    rf"(?=[{_UPPER}])\b((?:[{_UPPER}][\w&'’.-]*\s(?:(?:of|for|on)\s(?:the\s)?)?){{1,5}}"
    rf"(?:{_ORG_WORDS}))\b"
    # what it is of: "Federal Bureau of Investigation", "Department of Public Safety"
    # "Department for Environment, Food and Rural Affairs", "Organisation for the
    # Prohibition of Chemical Weapons"
    rf"((?:\s(?:of|for)\s(?:the\s)?{_CAPITALS}(?:(?:,\s{_CAPITALS})*\sand\s{_CAPITALS})?){{0,2}})"
    r"(?:\s\(([A-Z]{2,6})\))?")
# Words before an organisation's name that are none of it: "When Air Force bosses…", "Now
# Champions League quarter-finalists Porto", "Ten-year Cottonwood Police veteran…".
_NOT_OF_THE_NAME = re.compile(r"^(?:(?:The|A|An|In|At|On|By|For|When|Now|After|Before|While|As|"
                              r"If|But|And|So|Then|Since|During|Under|With|From|To|Meanwhile|"
                              r"Last|This|That|Former)\s|[A-Z][a-z]+-[a-z][\w-]*\s)+")
# A possessive in a name ("National Women's Soccer League", "National Farmers' Union"), not
# an owner before one ("Real Madrid's Champions League", "Kabul's Supreme Court").
_OWNER = re.compile(r"(?<!\bWomen)(?<!\bMen)(?<!\bChildren)(?<!\bPeople)(?<!\bAttorney)['’]s\s")
_TITLE_WORD = re.compile(rf"(?=[A-Z])\b(?:{_TITLE})\b")
# A name with no title before it: a given name and one or two capitalised words
# ("American astronaut Scott Kelly"); whether the first is a given name is checked apart.
_BARE_PERSON = re.compile(rf"(?=[A-Z])(?<![\w.’'-])([A-Z][a-z]+)((?:\s+{_NAME}){{1,2}})")
# What comes before a thing called by a name: "his Jack Russell", "a little Jack Russell"
# ("his brother Ryan Giggs" is a person).
_OWNED = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|[Ii]ts|[Aa]n?)\s"
                    r"(?:(?:little|beloved|pet|old|faithful|loyal|tiny|trusty|prized)\s)?$")
# A country that is also a given name, after a word that introduces a place: "in France".
_COUNTRY_NAMES = frozenset(lexicon.COUNTRIES)
_AT_PLACE = re.compile(r"\b(?:in|to|from|across|into|visit|visited|visiting|via)\s$")
_FORMER = re.compile(r"\b(?:former|ex-)\s?$", re.I)
# Particles that open a surname, not a given name: "Del Bosque", "Al Nahyan".
_PARTICLES = frozenset(("Al", "El", "Le", "La", "Del", "De", "Da", "Di", "Du", "Van", "Von",
                        "Bin", "Ibn", "Abu"))
# Places that open with a word that is also a given name.
_NOT_PEOPLE = frozenset(("Hong Kong", "Sierra Leone", "Costa Rica", "Santa Monica", "Santa Fe",
                         "San Diego", "San Francisco", "Santa Barbara", "Santa Clara",
                         "Victoria Falls", "Virginia Beach", "Carson City", "Marshall Islands",
                         "Buenos Aires", "Las Vegas", "Los Angeles", "Del Mar"))


def _common_word(word: str, lowered: set[str]) -> bool:
    """Return True if `word` is used in lower case in the article ("Project", "Jets"): a
    common noun in a title, not a surname."""
    plain = word.lower()
    return plain in lowered or plain.rstrip("s") in lowered


# Party labels written before a name: "Tory Ruth Davidson".
_ORGANISATION_WORDS = frozenset(lexicon.ORGANISATION_WORDS) | {
    "Security", "Program", "Programme", "Society", "Services", "Group", "Systems", "Media"}
_PARTY_WORDS = frozenset(("Tory", "Labour", "Democrat", "Democratic", "Republican", "Liberal",
                          "Conservative", "Socialist", "Green", "Unionist", "Nationalist"))
# Words that make "Given Surname" a place or an institution: "Victoria Station".
_PLACE_WORDS = frozenset(("Street", "Road", "Avenue", "Square", "Station", "Beach", "Park",
                          "Hospital", "University", "College", "School", "Church", "Centre",
                          "Center", "Hall", "House", "Club", "Airport", "Bridge", "Prize",
                          "Award", "Foundation", "Institute", "Island", "Islands", "County",
                          "City", "Valley", "Bay", "Lake", "River", "Mountain", "Cup", "Trust",
                          "Court", "Morning", "Day", "Tower", "Museum", "Hotel", "Stadium",
                          "Infirmary", "Clinic", "Academy", "Gardens", "Palace", "Cathedral",
                          "Abbey", "Prison", "Station", "Arena", "Theatre", "Theater", "Zoo",
                          "Jets", "Project", "Expo", "Festival", "Games", "Olympics",
                          # schools known by name and kind: "Alston Primary"
                          "Primary", "Secondary", "Infants", "Juniors", "Grammar", "High"))
_COUNTRY = re.compile(  # not \b: "U.S." ends in a full stop
    r"(?=[A-Z])(?<!\w)(" + "|".join(map(re.escape, sorted(lexicon.COUNTRIES, key=len,
                                                         reverse=True)))
    + r")(?![\w-])")
# An opening participle or prepositional phrase ("Addressing … with Qureshi, Lavrov said")
# is not the subject: mentions before its comma come after the subject.
OPENER = re.compile(r"(?:[A-Z]\w+ing|During|After|Before|With|At|In|On|Speaking|Asked)\b[^,]*,")
# At most this many people and organisations are followed through the text, the most often
# named: every later pass costs a pattern of their names, and a brief lists a handful.
MOST_PEOPLE = 60
MOST_ORGANISATIONS = 60


def find_actors(sentences: tuple[Sentence, ...]) -> tuple[tuple[Actor, ...], list[list[str]]]:
    """Return the article's actors (people, then organisations, then countries) and, per
    sentence, the names of the people it mentions, its subject first."""
    people, mentions = _people(sentences)
    return people + _organisations(sentences) + _countries(sentences), mentions


def short_names(actors: tuple[Actor, ...], sentences: tuple[Sentence, ...]) -> dict[str, str]:
    """Return for each person the name to insert in brackets: the surname if the article uses
    it alone ("Lavrov"), else the full name ("Imran Khan")."""
    people = [a.name.split() for a in actors if a.kind == "person"]
    if not people:
        return {}
    text = "\n".join(s.text for s in sentences)
    # One pass over the text for all names: a pattern per person costs a pass each.
    alternatives = "|".join(sorted({re.escape(p[-1]) for p in people}
                                   | {re.escape(p[0]) + r"\s+" + re.escape(p[-1]) for p in people},
                                   key=len, reverse=True))
    counts = Counter(" ".join(m.group(0).split())
                     for m in re.finditer(rf"\b(?:{alternatives})\b", text))
    shared = Counter(parts[-1] for parts in people)  # a surname two people carry names neither
    short = {}
    for parts in people:
        name = " ".join(parts)
        alone = counts[parts[-1]] > 0 and shared[parts[-1]] == 1
        short[name] = parts[-1] if len(parts) > 1 and alone else name
    return short


# People -----------------------------------------------------------------------------------

# Titles that name a person whatever follows ("Mr Brown"); any other title ("General",
# "Premier") needs a given name after it: "General Election" and "Premier League" are not
# people.
_HONORIFICS = frozenset(("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir",
                         "Dame", "Lord", "Lady", "Professor", "Prof.", "Sen.", "Rep.",
                         "Senator", "President", "Prime Minister", "Pope", "King", "Queen",
                         "Prince", "Princess", "Chancellor", "Governor", "Gov."))
_MALE_WORDS = frozenset(("Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Pope", "Sheikh", "Emir"))
_FEMALE_WORDS = frozenset(("Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady", "Queen",
                           "Princess", "Chairwoman", "Spokeswoman"))


@functools.cache
def _given_names() -> dict[str, str]:
    """Return given names and their gender ("M", "F", or "?" for either) from the name
    dictionary gender-guesser ships (about 40,000 names): parsed once, then read back from
    the disk cache (parsing takes longer than compiling a brief)."""
    from importlib.resources import as_file, files

    with as_file(files("gender_guesser") / "data" / "nam_dict.txt") as path:
        info = os.stat(path)
        return diskcache.load("given-names-1", f"{info.st_size}-{info.st_mtime_ns}",
                              lambda: _parse_names(path.read_bytes()))


def _parse_names(data: bytes) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in data.split(b"\n"):
        kind = line[:2].strip()
        if kind[:1] in (b"M", b"F", b"?", b"=", b"1") and len(line) > 3:
            name = line[3:29].rstrip()
            if b"+" not in name and b"<" not in name:
                gender = "M" if kind in (b"M", b"1M", b"?M") else (
                    "F" if kind in (b"F", b"1F", b"?F") else "?")
                names.setdefault(name.decode("latin-1"), gender)
    return names


def is_given_name(word: str) -> bool:
    """Return True if `word` is a known given name ("Scott", "Nicola"), not a common word."""
    return word in _given_names()


def gender(name: str, role: str | None = None) -> str | None:
    """Return "M" or "F" for a person when their title or given name tells, else None."""
    words = (role or "").split()
    if any(w in _MALE_WORDS for w in words):
        return "M"
    if any(w in _FEMALE_WORDS for w in words):
        return "F"
    first = name.split()[0] if name.split() else ""
    found = _given_names().get(first)
    return found if found in ("M", "F") else None


def _is_person(name: str, role: str) -> bool:
    """Return True if `name` after the title `role` is a person: two names or more ("Foreign
    Minister Shah Mahmood Qureshi"), or a surname after a title only people carry ("Mr
    Brown", "President Obama"). "General Election" and "Premier League" are not people; a
    given name alone ("George") is not enough to list someone."""
    words = name.split()
    if not words:
        return False
    bare = role.split()[-1] if role.split() else role
    honorific = role in _HONORIFICS or bare in _HONORIFICS or role.endswith("Minister")
    if len(words) >= 2:  # a title and two names: "Foreign Minister Shah Mahmood Qureshi"; after
        # a title others carry too, a given name first ("Premier League Supporters" is none)
        return honorific or is_given_name(words[0]) or bool(_INITIAL.fullmatch(words[0]))
    return honorific and not is_given_name(words[0])


def _people(sentences: tuple[Sentence, ...]) -> tuple[tuple[Actor, ...], list[list[str]]]:
    """Return the people named with a title, and per sentence the people it mentions."""
    # Each distinct text is read once: a source that repeats sentences pays for them once.
    texts = list(dict.fromkeys(s.text for s in sentences))
    lowered = {w for text in texts for w in re.findall(r"(?<![.!?] )\b[a-z]{3,}\b", text)}
    found: dict[str, tuple[str, str]] = {}  # surname -> (fullest name, role)
    named: Counter = Counter()  # surname -> how often found, to keep the most named
    sharing: dict[str, dict[str, str]] = {}  # surname -> each full name and its role
    apart: Counter = Counter()  # full name -> how often found, for those
    first_titled: dict[str, int] = {}  # surname -> the sentence that first gave it a title
    titled = _once_each(_titled)
    for index, sentence in enumerate(sentences):
        for name, role in titled(sentence.text):
            surname = name.split()[-1]
            named[surname] += 1
            first_titled.setdefault(surname, index)
            _share(sharing, apart, name, role)
            known = found.get(surname)
            if known is None or len(name) > len(known[0]):
                found[surname] = (name, known[1] if known and len(known[1]) > len(role) else role)
    bare = _once_each(lambda text: _untitled(text, lowered))
    for index, sentence in enumerate(sentences):  # people named without a title, once
        for name in bare(sentence.text):  # they are known names
            surname = name.split()[-1]
            named[surname] += 1
            _share(sharing, apart, name, "")
            known = found.get(surname)
            if known is None:
                found[surname] = (name, "")
            elif len(known[0].split()) == 1 and index <= first_titled.get(surname, index):
                found[surname] = (name, known[1])  # "Claire Putnam, an obstetrician…", then
                # "Dr Putnam"; not "Dr Hughes told…", then "Robert Hughes, 67, died…"
    whole = "\n".join(texts)
    things: dict[str, int] = {}  # a name after "village", "club"…: where it first does so
    for match in _THING_NAMED.finditer(whole):  # one pass, not one per person
        things.setdefault(match.group(1), match.start())
    suspects = {surname: name for surname, (name, role) in found.items()
                if not role and surname in things}
    if suspects:  # each found once: one pass over the text for all of them
        titled_somewhere = {m.group(1) for m in _HONORIFIC_NAME.finditer(whole)}
        first: dict[str, int] = {}
        for m in re.finditer("|".join(map(re.escape, sorted(set(suspects.values()),
                                                             key=len, reverse=True))), whole):
            first.setdefault(m.group(0), m.start())
        for surname, name in suspects.items():  # "his village Poundbury" before "George
            # Poundbury is…", a caption run in; "Mr Swinney" is someone, whatever came first
            if surname not in titled_somewhere and things[surname] < first.get(name, -1):
                del found[surname]
    # "Hillary Clinton Twitter" once, "Hillary Clinton" alone elsewhere: two words. One pass
    # over the text finds every pair of names standing alone.
    pairs = {m.group(0) for text in texts
             for m in re.finditer(rf"(?<![\w’'-]){_NAME}\s{_NAME}(?!\s{_NAME})", text)}
    for surname, (name, role) in list(found.items()):
        words = name.split()
        if len(words) == 3 and " ".join(words[:2]) in pairs:
            del found[surname]
            found.setdefault(words[1], (" ".join(words[:2]), role))
            named[words[1]] += named[surname]
    for surname, full in sharing.items():  # "Lizzi Crawford" and her mother "Mary Crawford":
        if len(full) > 1 and surname in found:  # two people, each known by the full name
            del found[surname]
            for name, role in full.items():
                found[name] = (name, role)
                named[name] = apart[name]
    if len(found) > MOST_PEOPLE:
        kept = set(sorted(found, key=lambda n: -named[n])[:MOST_PEOPLE])  # stable: first named
        found = {surname: entry for surname, entry in found.items() if surname in kept}
    pattern, names = _mention_pattern(found)
    mentioned = _once_each(lambda text: _mentions(text, pattern, names))
    mentions = [mentioned(sentence.text) for sentence in sentences]  # read only: shared
    ids: dict[str, list[str]] = {name: [] for name, _ in found.values()}
    for sentence, people in zip(sentences, mentions):  # one pass, not one per person
        for name in people:
            ids[name].append(sentence.id)
    actors = [Actor(name, role or None, tuple(ids[name]), "person")
              for name, role in found.values()]
    return tuple(actors), mentions


# What a name after it names, when it is not a person: "the village Poundbury".
_THING_NOUNS = (r"(?:village|town|city|estate|suburb|district|county|region|island|street|"
                r"club|team|side|company|firm|brand|band|group|label|show|series|film|book|"
                r"album|magazine|newspaper|ship|horse)")
_HONORIFIC_NAME = re.compile(rf"\b{lexicon.STYLED}\s([A-Z][\w'’-]*)")
_THING_NAMED = re.compile(rf"\b{_THING_NOUNS}\s([A-Z][\w'’-]*)(?![\w'’-])")


def _share(sharing: dict[str, dict[str, str]], apart: Counter, name: str, role: str) -> None:
    """Record `name` under its surname when it opens on a given name of its own, and count
    it in `apart`: two such names of one surname are two people ("Ryan Giggs", "Rhodri
    Giggs")."""
    words = name.split()
    if len(words) < 2 or not is_given_name(words[0]):
        return
    full = sharing.setdefault(words[-1], {})
    same = next((n for n in full if n.split()[0] == words[0] or n.endswith(" " + name)
                 or name.endswith(" " + n)), None)  # "Even Ryan Giggs" is Ryan Giggs
    if same is None:
        full[name] = role
        apart[name] += 1
        return
    # The fullest form of one person, but not a word run on before it ("Even Ryan Giggs")
    tail = same.endswith(" " + name) or name.endswith(" " + same)
    longer = (min if tail else max)((name, same), key=len)
    role = role if len(role) > len(full[same]) else full[same]
    count = apart.pop(same) + 1
    del full[same]
    full[longer], apart[longer] = role, count


def _once_each(work):
    """Return `work` (a function of a text) remembering its result for each text it is given,
    for this article only: the article is read once per distinct sentence."""
    return functools.cache(work)


def _titled(text: str) -> list[tuple[str, str]]:
    """Return the people `text` names with a title ("Foreign Minister Shah Mahmood Qureshi"),
    each as its name and title."""
    people = []
    for match in _PERSON.finditer(text):
        role, name = match.group(1), _trim_name(match.group(2))
        if _FORMER.search(text, max(0, match.start() - 8), match.start()):
            role = "former " + role  # "former New York Mayor Michael Bloomberg" is no mayor
        if set(name.split()) & _PLACE_WORDS:
            continue  # "Queen Mother Square", "Prince George House"
        if name and not _inside_quotes(text, match.start()) and _is_person(name, role):
            people.append((name, role))
    return people


def _untitled(text: str, lowered: set[str]) -> list[str]:
    """Return the people `text` names without a title: a known given name and a surname that
    the article (whose lower-case words are `lowered`) never uses as a common word."""
    people = []
    for match in _BARE_PERSON.finditer(text):
        # A name ends at its possessive: "Michael Jackson’s Thriller" is Michael Jackson.
        name = _trim_name(re.sub(r"(?<=\w)[’']s\b.*", "", match.group(1) + match.group(2)))
        words = name.split()
        if set(match.group(2).split()) & _PLACE_WORDS:
            continue  # "Cleveland Metroparks Zoo"
        if _OWNED.search(text, max(0, match.start() - 20), match.start()):
            continue  # "his Jack Russell": a dog, a boat, a painting; not a person
        if match.group(1) in _COUNTRY_NAMES and _AT_PLACE.search(
                text, max(0, match.start() - 10), match.start()):
            continue  # "…recovering in France Gomis is put through…": a caption run in
        following = text[match.end():].split(maxsplit=1)
        following = following[0].strip(".,;:") if following else ""
        if (len(words) < 2 or name in _NOT_PEOPLE or following[:1].isupper()
                or following.capitalize() in _PLACE_WORDS
                or any(w.isupper() and len(w) > 1 for w in words)
                or _common_word(words[-1], lowered)
                or _given_names().get(words[0], "?") not in ("M", "F")
                or words[0] in lexicon.NOT_NAMES or set(words) & _PLACE_WORDS
                or set(words) & _ORGANISATION_WORDS or words[0] in _PARTICLES
                or not words[-1][:1].isupper() or not words[-1][-1:].isalpha()
                or re.search(r"-[a-z]", words[-1])  # "Emmy Award-winning comedy"
                or _TITLE_WORD.search(name) or _inside_quotes(text, match.start())
                or text[match.end():].startswith((" Street", " of ", " Co", " &"))):
            continue
        people.append(name)
    return people


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


# Compiled once: _trim_name runs for every name found.
_POSSESSIVE_END = re.compile(r"\w[’']s$")
_INITIAL = re.compile(r"[A-Z]\.?")
_STOPPED = re.compile(r"\w*[^\W\d_]{3,}\.")


@functools.lru_cache(maxsize=1 << 12)  # a long article names its people again and again
def _trim_name(name: str) -> str:
    words = name.split()
    for index, word in enumerate(words):  # "David Cameron's Big Society" is David Cameron
        if _POSSESSIVE_END.search(word):
            words = words[:index] + [word[:-2]]
            break
        if word.endswith(("s'", "s’")):  # "Prince Charles' estate"
            words = words[:index] + [word[:-1]]
            break
        if word.endswith(("-", "–")):  # "Queen Elizabeth II- Britain's longest reigning…"
            words = words[:index] + [word.rstrip("-–")]
            break
    while len(words) > 1 and (words[-1].isupper() or not words[-1].rstrip(".")[-1:].isalpha()):
        words.pop()  # "Anas Sarwar MP", "Jane Doe QC", "Wendy Davis WHERE'S SCOOBY?"
    if len(words) == 3 and is_given_name(words[0]) and not (
            is_given_name(words[1]) or _INITIAL.fullmatch(words[1])):
        words = words[:2]  # "Hillary Clinton Twitter", "Robert Gentile Connecticut"
    while words and words[0] in _PARTY_WORDS:
        words.pop(0)  # "Tory Ruth Davidson"
    if words and _STOPPED.fullmatch(words[-1]) and not words[-1].isupper():
        words[-1] = words[-1][:-1]  # the sentence's full stop, not an initial ("J.")
    while words and (words[-1] in lexicon.NOT_NAMES or words[-1].endswith((".", "’s", "'s"))
                     or len(words) > 1 and words[-1] in _PARTICLES):
        words.pop()  # "… Bin Zayed Al" cut before "Nahyan": the particle goes too
    return " ".join(w for w in words if w not in lexicon.NOT_NAMES)


def _mention_pattern(found: dict[str, tuple[str, str]]) -> tuple[re.Pattern | None, dict]:
    """Return one pattern for every person's mentions — the surname, or "the <title>" not
    followed by a name — and the map from what it matches to the person's full name."""
    forms: dict[str, str] = {}
    for surname, (name, role) in found.items():
        forms[surname] = name
        if role:
            forms.setdefault(_bare_title(role), name)
    if not forms:
        return None, forms
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    return re.compile(rf"\b(?:[Tt]he )?({alternatives})\b(?! {_NAME})"), forms


def _mentions(text: str, pattern: re.Pattern | None, forms: dict[str, str]) -> list[str]:
    """Return the people mentioned in `text`, its subject first."""
    if pattern is None:
        return []
    hits = [(match.start(), forms[match.group(1)]) for match in pattern.finditer(text)
            if match.group(0)[0] in "Tt" or match.group(1).split()[-1] == match.group(1)
            or forms[match.group(1)] == match.group(1)]  # a full name: "Mary Crawford"
    opener = OPENER.match(text)
    cut = opener.end() if opener else 0
    people: list[str] = []
    for _, name in sorted(hits, key=lambda h: (h[0] < cut, h[0])):
        if name not in people:
            people.append(name)
    return people


# Organisations and countries --------------------------------------------------------------


def _organisations(sentences: tuple[Sentence, ...], most: int = 6) -> tuple[Actor, ...]:
    """Return the organisations named, most mentioned first; an acronym defined in brackets
    ("Shanghai Cooperation Organization (SCO)") counts as its full name."""
    forms: dict[str, str] = {name: name for name in lexicon.ORGANISATIONS}
    named: Counter = Counter()
    named_in = _once_each(_organisations_in)
    for sentence in sentences:
        for name, acronym in named_in(sentence.text):
            named[name] += 1
            forms.setdefault(name, name)
            if acronym:
                forms[acronym] = name
    if len(named) > MOST_ORGANISATIONS:  # the most named, and the lexicon's own
        kept = {name for name, _ in named.most_common(MOST_ORGANISATIONS)}
        kept.update(lexicon.ORGANISATIONS)
        forms = {form: name for form, name in forms.items() if name in kept}
    pattern = re.compile(r"(?<!\w)(" + "|".join(
        map(re.escape, sorted(forms, key=len, reverse=True))) + r")(?![\w-])")
    found: dict[str, list[str]] = {}
    mentioned = _once_each(lambda text: [forms[m] for m in pattern.findall(text)])
    for sentence in sentences:
        for name in mentioned(sentence.text):
            found.setdefault(name, []).append(sentence.id)
    return _ranked(found, "organisation", most)


def _organisations_in(text: str) -> list[tuple[str, str | None]]:
    """Return the organisations `text` names, each with the acronym it defines, if any."""
    named = []
    for match in _ORGANISATION.finditer(text):
        name = _NOT_OF_THE_NAME.sub("", match.group(1))
        if _OWNER.search(name):
            continue  # "Real Madrid's Champions League": whose, not who
        whole = name + match.group(2)  # "… of Public Safety", unless it runs on into a title
        name = whole if not _TITLE_WORD.search(match.group(2)) else name
        if (name.split()[0] not in lexicon.NOT_NAMES and len(name.split()) >= 2
                and not _TITLE_WORD.search(name)):
            named.append((name, match.group(3)))
    return named


def _countries(sentences: tuple[Sentence, ...], most: int = 8) -> tuple[Actor, ...]:
    """Return the countries named, most mentioned first ("U.S." is the United States)."""
    found: dict[str, dict[str, None]] = {}  # name -> sentence ids, in order, each once
    named_in = _once_each(lambda text: [
        lexicon.COUNTRY_ALIASES.get(match.group(1), match.group(1))
        for match in _COUNTRY.finditer(text) if _is_country(text, match)])
    for sentence in sentences:
        for name in named_in(sentence.text):
            found.setdefault(name, {})[sentence.id] = None
    return _ranked({name: list(ids) for name, ids in found.items()}, "country", most)


# Countries whose names are also given names or words: they need a preposition before them.
_AMBIGUOUS = frozenset(("Jordan", "Georgia", "Chad", "Turkey", "Niger", "Israel", "Kenya",
                        "Jamaica", "India", "China", "Guinea", "Malta", "Cuba", "Oman"))
_PLACE_BEFORE = frozenset("in to from of with and visit visited visiting across into via "
                          "between against by for on at".split())


def _is_country(text: str, match: re.Match) -> bool:
    """Return True if the country name in `match` means the country: not part of a name
    ("Scotland Yard", "Michael Jordan", "Anatole France") and, for a name that is also a
    given name ("Jordan", "Chad"), after a word that introduces a place."""
    # A word either side is all it looks at: a long sentence costs no more per name.
    before = text[max(0, match.start() - 60): match.start()].split()
    after = text[match.end(): match.end() + 60].split(maxsplit=1)
    following = after[0] if after else ""
    previous = before[-1] if before else ""
    if following[:1].isupper() and not match.group(1).replace(".", "").isupper():
        return False  # "Scotland Yard", "Georgia Tech", "Jordan Henderson" (not "US Senate")
    if previous[:1].isupper() and previous not in lexicon.NOT_NAMES \
            and is_given_name(previous.strip("[")):
        return False  # "Michael Jordan"
    if match.group(1) in _AMBIGUOUS and match.group(1) not in ("India", "China"):
        return previous.lower() in _PLACE_BEFORE
    return True


def _ranked(found: dict[str, list[str]], kind: str, most: int) -> tuple[Actor, ...]:
    counts = Counter({name: len(set(ids)) for name, ids in found.items()})
    order = sorted(found, key=lambda n: (-counts[n], int(found[n][0][1:])))
    return tuple(Actor(name, None, tuple(dict.fromkeys(found[name])), kind)
                 for name in order[:most])
