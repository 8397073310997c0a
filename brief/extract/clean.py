"""Telling article text from the furniture around it: bylines, datelines, captions, prompts.

A sentence is never rewritten here: `clean` returns the span of it that is article text,
or None when all of it is furniture, so every later stage still quotes the source verbatim.
"""

from __future__ import annotations

import re

# Whole sentences that are page furniture, not reporting.
_FURNITURE = re.compile(
    r"^(?:Scroll down for (?:video|more)\W*$|Share this with|Share (?:this|on)\b|Follow\s+@?\w+|"
    r"Follow (?:us|me|him|her)\b|Subscribe\b|Sign up\b|Click here\b|CLICK HERE\b|"
    r"(?:READ|Read) (?:MORE|more|the full)\b|RELATED\b|WATCH\b|Like us on Facebook|"
    r"Media playback is (?:un)?supported|Copyright\b|©|All rights reserved|"
    r"(?:By|BY)\s*\.|PUBLISHED:|UPDATED:|Last updated at\b|Published:|Updated:|"
    r"(?:Picture|Photo|Photograph|Image|Video)s?(?: credit)?:\s*\S+\s*$|"
    r"Attempt (?:missed|saved|blocked)\.|Substitution,|Corner,|Foul by\b|Offside,|"
    r"(?:First|Second) Half (?:begins|ends)|Match ends,|Hand ball by\b|Delay (?:in|over)\b|"
    r"Loan:|Dangerous play by\b|Penalty conceded by\b|"
    r"(?:You can k|K)eep up to date with\b)")  # "…all the scores … with BBC Sport."
# What may stand before the article's first words: "(CNN)", "LONDON, England (CNN) -- ",
# "(Reuters) - ", "By . Jane Doe . PUBLISHED: … | . UPDATED: … . ", "Scroll down for video ".
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’ ,-]{0,40}\s)?\((?:CNN|CNNMoney|Reuters|AP|AFP|EW\.com|Mashable|CNET|"
    r"The Hollywood Reporter|Variety|Billboard|Time\.com|Health\.com|Rolling Stone|People|"
    r"Fortune|Marie Claire|The Frisky|Travel \+ Leisure|CNN Student News)\)\s*(?:[-–—]{1,2}\s*)?")
_BYLINE = re.compile(r"^(?:By\s*\.\s*)?(?:[^.|]{1,60}\s\.\s*)*?(?:PUBLISHED|UPDATED):[^|]*\|"
                     r"\s*\.?\s*UPDATED:\s*[^.]*\d{4}\s*\.\s*")
_SCROLL = re.compile(r"^(?:Scroll down for (?:video|more)\s*|Share this with\w*?Copy this link|"
                     r"Media playback is (?:not |un)?supported on (?:this|your) device\s*|"
                     r"(?:Listen|Watch|Video|Audio|Read more|Related|See also):[^.!?]*?"
                     r"[a-z](?=(?:The|A|An|It|He|She|They|We|In|On|At|But|This)\s))")
# Related-link headlines run together before the sentence, as scraped: "BBC team attacked
# while investigating soldiers' deathsRussian families look for soldier sonsMr Yashin said…".
# A word all in lower case with a capitalised one glued on ("iPhone", "McDonald" are not).
_GLUED = re.compile(r"\b[a-z]{3,}+(?=[A-Z][a-z]+\b)")  # (possessive: no backtracking)
# A caption's end at a time word, the sentence starting right after it with a capital.
_CAPTION_WHEN = re.compile(r"\b(?:today|yesterday|last night|this week|on (?:Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday))\s+(?=[A-Z])")
# Captions speak in the present: "joins", "speaks", "arrives", "poses", "looks on".
_PRESENT = re.compile(r"\b(?:joins|speaks|arrives|leaves|poses|looks|waves|attends|walks|"
                      r"stands|sits|visits|meets|greets|holds|celebrates|campaigns|talks|"
                      r"is pictured|are pictured|pictured)\b")
# A picture caption run into the first sentence: "Rhodri Giggs outside court yesterday The
# brother of…": a lower-case or closing word, then a capitalised article and a lower-case word.
_CAPTION_END = re.compile(r"(?= (?:The|A|An) [a-z])(?<=[a-z0-9)’'\"]) ")


def clean(text: str) -> tuple[int, int] | None:
    """Return the (start, end) of `text` that is article text, or None if it is furniture."""
    start = 0
    for pattern in (_BYLINE, _SCROLL, _DATELINE):
        match = pattern.match(text, start)
        if match:
            start = match.end()
    if _FURNITURE.match(text[start:]):
        return None
    glued = max(_GLUED.finditer(text, start), key=lambda m: m.end(), default=None)
    if glued and len(text[glued.end():].split()) >= 4 \
            and len(text[start:glued.end()].split()) >= 3 \
            and not re.search(r"[.!?]", text[start:glued.end()]):
        start = glued.end()
    caption = _CAPTION_END.search(text, start)
    if caption and len(text[start:caption.start()].split()) >= 4 and _looks_like_caption(
            text[start:caption.start()]):
        start = caption.end()
    else:  # "Sturgeon joins activists in Glasgow today Scotland's Deputy First Minister said…"
        caption = _CAPTION_WHEN.search(text, start)
        if caption and len(text[start:caption.start()].split()) >= 5 \
                and "." not in text[start:caption.start()] and _PRESENT.search(
                    text[start:caption.start()]):
            start = caption.end()
    rest = text[start:].strip()
    if not re.search(r"[.!?…'\"”’)]\s*$", rest) and _PRESENT.search(rest):
        return None  # a picture caption, its own line once unglued from the next sentence
    if len(rest.split()) < 3:
        return None if start else (0, len(text))
    return start, len(text)


def _looks_like_caption(prefix: str) -> bool:
    """Return True if `prefix` reads like a caption: no full stop, and a label or names."""
    return "." not in prefix.rstrip(".") and (
        ":" in prefix or bool(re.match(r"[A-Z][\w'’-]+ [A-Z][\w'’-]+", prefix)))
