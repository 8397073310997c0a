"""Which sentences may be quoted on their own in a brief, and why the others are passed
over: picture references, captions run into the text, quotations without their speaker or
cut off by the sentence splitter."""

from __future__ import annotations

import re

from brief.extract import lexicon
from brief.extract.analyze import Features, quote_balance, single_quotes
from brief.extract.segment import RUNNING_ON

# A sentence that is only someone's words: an opinion, not a development.
QUOTE_ONLY = re.compile(r"^[\"“‘']")
# A quotation inside a sentence; an apostrophe ("don’t") neither opens nor closes one.
_QUOTED = re.compile(r"[\"“].*?[\"”]|‘.*?’(?!\w)|(?<!\w)'.*?'(?!\w)")
# Someone reported as saying something: names a quotation's speaker, and marks a sentence of
# the story even where the page lost its full stop to a caption run in after it.
_SAYS = re.compile(r"\b(?:said|says|saying|told|added|adding|asked|warned|claimed|insisted|"
                   r"explained|wrote|tweeted|according to|statement|announced|declared|"
                   r"stressed|suggested|revealed|admitted|confirmed|denied)\b")
# Picture references left in running text: "(pictured)", "(left)", ", pictured,", "From
# left, …", "(picture posed by model)", "(file photo)".
_PICTURE = re.compile(r"\((?:pictured|picture|photo|file photo|left|right|centre|center|above|"
                      r"below|inset|top|bottom)(?:[^)]{0,60})\)|,\s*pictured\b|"
                      # "(behind Allen, left)", "(second from right)"
                      r"\([^()]{0,40}(?:,\s|\sfrom\s)(?:left|right|centre|center)\)|"
                      # "(seen above)", "(stock image)", "(artist's illustration shown)"
                      r"\([^()]{0,40}\b(?:seen|shown|pictured|illustration|photo|image)"
                      r"(?: above| below| left| right| here)?\)|"
                      r"(?<!was )(?<!were )(?<!is )(?<!are )(?<!been )(?<!being )\bpictured\s+"
                      r"(?:left|right|above|below|with|here|at|in|on|during|outside|inside|"
                      r"leaving|arriving|campaigning|speaking|yesterday|today|last)\b|"
                      r"^(?:From|Left to right|L-R)\s*(?:left|right)?,|\bpictured\)|"
                      r"\b(?:graph|plot|chart|map|picture|image|photo|video|graphic)s? (?:above|"
                      r"below|shows?)\b|\b(?:looks on|poses for|(?:is|are) seen)\b|"
                      # "Manchester United assistant manager Giggs, left, allegedly told…"
                      r"(?-i:\b[A-Z][a-z]+, (?:left|right|centre|center)(?:,| and\b))", re.I)
# What every match of _PICTURE contains (with the same case-blindness): most sentences
# have none of it, and this finds that several times quicker than _PICTURE itself.
_PICTURE_HINT = re.compile(r"\(|pictured|^(?:From|Left to right|L-R)|above|below|show|"
                           r"looks on|poses for|seen|, (?:left|right|cent)", re.I)
# A picture caption's label, opening the sentence or run into it where a full stop was
# lost: "Behind bars: The suspects…", "… was shot Musical team: The Gavers were…". Not a
# speaker ("She added: …", "The tribute read: …") nor a title after a little word ("the
# film Avengers: Age of Ultron" comes after "film"; "in Captain America: Civil War").
_LABEL = re.compile(r"(?:^|(?<![\w'’-])([a-z]+|\d+) )(?!(?:He|She|They|It|We|I|You|If)\b)"
                    r"([A-Z][a-z]+(?: [a-z]+){0,2}): (?=[A-Z])")
_NOT_A_LABEL_AFTER = frozenset("in of on at to the a an and or for from by with as new "
                               "his her their its our my your "
                               "film book show series movie song album novel".split())
_SPOKEN = re.compile(r"\b(?:said|says|added|continued|wrote|writes|told|tweeted|stressed|"
                     r"read|reads|explained|asked|warned|insisted|admitted|declared|"
                     r"replied|concluded|stated)$")
# A caption or graphic run into a sentence without a stop: "… in 306million Without a
# change …", "… the plan Former Deputy Prime Minister …", "… pledge today Scotland's …".
# (?<!\S): the first branch's word is tried from its first letter only; from inside a word
# it would fail the same way (the word must end before the capital), only slower.
_GLUED = re.compile(r"(?<!\S)(\S+)\s+(?:The|A|An|Without|With|In|On|At|This|These|That|Those|"
                    r"There|It|He|She|They|We|"
                    # "…growing the game It’s well-known…"; not a title ("It's My Life")
                    r"(?:It|There|That|He|She|They|We)['’](?:s|re|ll|d|ve)(?!\s[A-Z])|"
                    r"I|Former|President|Prime|Mr|Mrs|Ms|Pictured|Scroll|"
                    # words that open a sentence, never a name: "…one week After a few…",
                    # "…briefs' Following a number…", "…free Moving its legs…"
                    r"(?:After|Following|According|Like|Moving|Meanwhile|However|Although|"
                    r"While|When|Despite|Speaking|Asked|Earlier|Later)(?=\s[a-z])|"  # not
                    # "Frequently Asked Questions"; a connective with its comma: "…to Disney
                    # World However, the court heard…"
                    r"(?:However|Meanwhile|Earlier|Later|Instead|Nevertheless|Moreover|"
                    r"Furthermore|Indeed|Yesterday|Today),|"
                    # "… in British history His brother Ryan, is…"; not "met Her Majesty"
                    r"(?:His|Her|Their)(?!\s(?:Majesty|Royal|Excellency|Holiness|Highness|"
                    r"Grace|Honour|Worship|Lordship|Ladyship)))\s"
                    r"|\b(?:today|yesterday|tonight|last night|(?:this|next) (?:week|month))"
                    r"\s+[A-Z]"  # "…success later this month O'Neill told Betfred: …"
                    r"|[a-z](?:The|It|He|She|They|We|In|On|At|But|This)\s"  # "mentalityThe"
                    # a quotation opening on a sentence after a word, no colon or comma:
                    # "…a comeback at international level ‘We’ve never had…" (the
                    # lookahead first: forty lookbehinds at every letter cost 0.4 s a
                    # 100,000-word article)
                    r"|(?=\s[‘'\"“])" + "".join(rf"(?<!\b{word})" for word in (
                        "said", "says", "say", "added", "told", "tell", "asked", "replied",
                        "wrote", "writes", "read", "reads", "saying", "insisted", "warned",
                        "stressed", "admitted", "declared", "explained", "claimed", "argued",
                        "tweeted", "shouted", "chanted", "screamed", "whispered", "continued",
                        "and", "or", "as", "of", "with", "like", "called", "dubbed", "titled",
                        "entitled", "named", "slogan", "song", "motto", "album", "film",
                        "single")) + r"(?<=[a-z])\s[‘'\"“]"
                    # …and not a title in capitals: "the song 'I Will Always Love You'"
                    r"(?:We|I|It|They|He|She|You|There|This)\b(?!\s[A-Z])")


# A caption run in after a few words in quotation marks: "…the affair was only ever 'about
# sex' Natasha Giggs later filed for divorce…". The words quoted open in lower case: a
# nickname ("J.P. 'The Big Bopper' Richardson had…") is a name's.
_AFTER_WORDS = re.compile(r"(?<=\s)['‘\"“][a-z][^'’\"”]{0,80}[a-z]['’\"”]\s+(?:[A-Z][a-z]+\s){1,3}"
                          r"(?:later\s|also\s|then\s)?(?:[a-z]{3,}ed|said|says|told|was|is|"
                          r"has|had)\b")

# A caption run in before someone named by their role, without a full stop: "…to be with his
# wife Masters chairman Billy Payne talked…", "…in the summer Juventus midfielder Paul Pogba
# is…". The word before it is no little word that could lead into the name ("…said that
# Masters chairman Billy Payne…", "…talks with…").
_ROLE_RUN_IN = re.compile(
    r"(?<![\w'’])(?=[a-z]+\s[A-Z])(?!(?:that|when|as|because|after|before|while|if|and|but|"
    r"or|nor|said|says|say|told|tell|think|thinks|believe|believes|where|since|until|"
    r"although|though|how|why|what|whether|so|then|once|unless|with|by|from|to|for|of|in|"
    r"on|at|into|onto|about|against|between|among|under|over|like|including|than|the|a|"
    r"an|his|her|their|its|our|my|your|this|these|those)\s)[a-z]+\s"
    r"(?:[A-Z][\w'’.-]*\s){1,3}(?:[a-z]+\s)?"
    rf"(?:{lexicon.PERSON_NOUNS}|chairman|chairwoman|CEO|founder|owner|director|veteran|"
    r"executive)\s(?:[A-Z][\w'’.-]*\s){1,3}"
    r"(?:[a-z]{3,}ed|said|says|told|talked|is|was|has|had|will|would|insisted|admitted|"
    r"added)\b")


# "But that her party want 'chaos'…": the second half of "He said that… But that…", split
# off by the page; "But that is not all" has its verb.
_THAT_CLAUSE = re.compile(r"(?:But|And|Or)\s+that\s+(?:the|a|an|his|her|their|its|it|he|she|"
                          r"they|we|this|these|[A-Z][\w'’-]*)\b(?!\s+(?:is|was|are|were)\b)")


def clause_only(core: str) -> bool:
    """Return True for "But that her party want…": no sentence, the rest of one."""
    return bool(_THAT_CLAUSE.match(core))


def quotable(f: Features) -> bool:
    """Return True for a sentence fit to quote on its own: self-contained, news rather than
    a teaser or question, and no picture reference ("(pictured)") in it."""
    return bool(f.text) and not f.hook and passed_over(f) is None


def passed_over(f: Features) -> str | None:
    """Return why a sentence of article text is never quoted on its own, or None."""
    if f.unfinished and not _SAYS.search(f.core or ""):  # reported speech is no caption
        return "no full stop before the next sentence: a caption or graphic run into the text"
    if f.unstopped:  # "Mr Pickles suggested companies would not be forced…", a caption
        return "a line without a full stop: a caption, a heading or a link"
    key = _key(f)
    found = _known.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        found = _unquotable(*key)
        if len(_known) < MOST_KNOWN:
            _known[key] = found
    return found


MOST_KNOWN = 1 << 16
"""Sentences remembered: each is asked about once per section."""
_known: dict[tuple[str, bool, bool], str | None] = {}
_UNKNOWN = object()


def _key(f: Features) -> tuple[str, bool, bool]:
    return (" ".join([f.core or ""] + [s.text for s in f.continued]),
            bool(f.continued) or f.runs_on, bool(f.continued))


def _unquotable(core: str, grouped: bool, several: bool = False) -> str | None:
    if _PICTURE_HINT.search(core) and _PICTURE.search(core):
        return "picture reference"
    if ": " in core and _labelled(core):
        return "a picture caption with its label"
    if clause_only(core) or core[:1] in ",;:)]":  # ", the head of…" after a lost line end
        return "the rest of the sentence before: a clause without its verb"
    if glued(core, speech=not several) or _SUBHEAD.match(core):
        return "a caption or graphic runs into it"
    if len(_RUN_TOGETHER.findall(core)) >= 2:
        return "a list or table run together"
    if _speakerless(core) or unattributed_i(core):
        return "quotation without its speaker"
    if not grouped and not quotes_balanced(core):  # a group closes or ends what it opens
        return "a piece of a quotation"
    return None


# Where a list or table lost its line ends: "…Delhi DaredevilsKevin Pietersen…", "6
# MaySunrisers Hyderabad…", "…the tournament:Eoin Morgan…". One such word may be a name
# ("JetBlue", "YouGov", "WhatsApp"); two in a sentence are a table's cells.
_RUN_TOGETHER = re.compile(r"\b[A-Za-z][a-z]{2,}[A-Z][a-z]{2,}|\d[A-Z][a-z]{2,}|[a-z][:;][A-Z]")
# A list's subhead in capitals run into its first sentence: "BALL OF THE CENTURY Benaud…",
# "INTRODUCING 'AUSTRALIA'S BIGGEST SUMMER OF CRICKET EVER' One of…".
_SUBHEAD = re.compile(r"(?:['‘\"“]?[A-Z][A-Z'’]+[,:!?'’\"”]*\s+){2,}(?=[A-Z][a-z])")


def _labelled(core: str) -> bool:
    """Return True if `core` holds a picture caption's label (see `_LABEL`)."""
    return any(not _SPOKEN.search(m.group(2)) and (m.group(1) or "") not in _NOT_A_LABEL_AFTER
               and not _SPOKEN.search(m.group(1) or "")  # "told Reuters: The plan…"
               for m in _LABEL.finditer(core))


def forget() -> None:
    """Drop what `passed_over` remembers: an article's sentences, once it is compiled."""
    _known.clear()


def quotes_balanced(text: str) -> bool:
    """Return False for a piece of a quotation the sentence splitter cut off ("… the
    committee will keep under review," Mr Wright's letter states.), or one opened and not
    closed ("He said: 'There is an SNP candidate in this constituency.")."""
    opened, closed = single_quotes(text)
    return (text.count('"') % 2 == 0 and text.count("“") == text.count("”")
            and opened <= closed)


_BY_PRONOUN = re.compile(r"[\"”’'],?\s+(?:he|she|they)\s+(?:\w+\s+)?(?:said|says|added|adds|"
                         r"wrote|writes|told|tells|explained|continued|insisted|warned|"
                         r"admitted|stressed|argued|claimed|asked)\b[^\"“”‘’']*$")


def by_pronoun(text: str) -> bool:
    """Return True for a quotation whose speaker is only a pronoun: '"…," he said.'"""
    return bool(QUOTE_ONLY.match(text) and _BY_PRONOUN.search(text))


def _speakerless(text: str) -> bool:
    """Return True for a quotation whose speaker the sentence does not name ("“We share
    positions on several issues,”"): a quote must keep its speaker."""
    if not QUOTE_ONLY.match(text):
        return False
    outside = _QUOTED.sub(" ", text)
    # '"Life was so cheap…," he said.' names no one either: whose "he", the sentence before
    # tells, and a quotation is quoted without it
    return not _SAYS.search(outside) or bool(_BY_PRONOUN.search(text))


# "I" and its forms; "I" after a capitalised word inside a sentence is a numeral ("World War
# I", "Type I diabetes").
_I = re.compile(r"(?:^|(?<=\s))I(?:['’](?:m|ve|d|ll))?(?=[\s,;:.!?]|$)")
# "we" and its forms; "our" and "us" are often everyone's ("Our young Earth…").
_WE = re.compile(r"\b[Ww]e(?:['’](?:re|ve|d|ll))?\b")
# Words that open a sentence before its "I": "Luckily I…", "But I…" ("Type I" is a numeral).
_BEFORE_I = frozenset("But And So Then Now Today Yesterday Here There Still Yet Also Perhaps "
                      "Maybe Sometimes When If As Because Although Though While Once Finally "
                      "Personally Honestly Frankly Obviously Clearly".split())


def unattributed_i(core: str) -> bool:
    """Return True for someone's own words quoted without quotation marks or a speaker, as
    pages have them after a quotation's first paragraph: "Luckily I did manage to escape
    from the jungle…", "…and I related to those for Mozart."."""
    outside = _QUOTED.sub(" ", core)
    if _SAYS.search(outside):
        return False
    for match in _I.finditer(outside):
        before = outside[: match.start()].split()
        if not before or not before[-1][:1].isupper() or len(before) == 1 and (
                before[0].rstrip(",") in _BEFORE_I or before[0].rstrip(",").endswith("ly")):
            return True
    return False


def unattributed_we(core: str) -> bool:
    """Return True for a "we" outside quotation marks with no speaker named: the reporter's
    ("In one property we visited…"), or, among someone's words run on without marks, theirs
    ("Sometimes we were forced to kill…"); which, the sentences before it tell."""
    if "we" not in core and "We" not in core:  # most sentences, without a regex
        return False
    outside = _QUOTED.sub(" ", core)
    return bool(_WE.search(outside)) and not _SAYS.search(outside)


def glued(text: str, speech: bool = False) -> bool:
    """Return True if a caption or graphic runs into `text` without a full stop. With
    `speech`, "I" inside a quotation is someone's own words ("'At university I started
    hearing…'"); not in a quotation of several sentences, whose marks a page may have
    misplaced."""
    if _AFTER_WORDS.search(text) or _ROLE_RUN_IN.search(text):
        return True
    for match in _GLUED.finditer(text):
        before = match.group(1)
        if speech and before is not None and match.group(0).endswith(" I ") \
                and quote_balance(text[:match.end(1)]) > 0:
            continue
        if before is None or (before[-1:].isalnum() or before[-1:] in "%)’'") and (
                before.lower() not in RUNNING_ON and match.start() > 0):
            return True
    return False
