"""Stage 2, segment: `Article` -> sentences with stable ids, paragraph index and offsets.

Sentence boundaries come from sentencex (Wikimedia's rule-based segmenter, ~300 languages):
as careful as pysbd on news text, and hundreds of times faster — pysbd took ten seconds
for a 100,000-word source.
"""

from __future__ import annotations

import bisect
import re

from brief.model import Article, Sentence
from brief.read.source import CONTINUES


def segment(article: Article) -> tuple[Sentence, ...]:
    """Return the article's sentences in reading order, ids `s1…sN`.

    Offsets index `article.body`; `body[start:end] == text` always holds. A sentence never
    spans two paragraphs.
    """
    from sentencex import segment as split  # here: `brief check` of settings needs no splitter

    language = article.meta.language.split("-")[0].lower()
    body = article.body
    pieces = [p for piece in split(language, body) for p in piece.split("\n\n")]
    starts = _paragraph_starts(article.paragraphs)
    sentences: list[Sentence] = []
    spans = (part for span in _spans(body, pieces) for piece in _quoted_paragraphs(body, span)
             for part in _unglued(body, piece))
    for start, end in spans:
        paragraph = bisect.bisect_right(starts, start) - 1
        sentences.append(Sentence(f"s{len(sentences) + 1}", body[start:end], paragraph,
                                  start, end))
    return tuple(sentences)


# A sentence run into the next without its full stop, as scraped pages have them ("… after IS
# gained significant territory The overall number…", "… loyalty & mentalityThe slump…"):
# a lower-case word or figure, then a word that only starts a sentence.
# (Each branch looks ahead before it looks behind: most places fail the lookahead at once.)
_MISSING_STOP = re.compile(r"(?=\s)(?<=[a-z0-9%)’'”\"])\s+(?=(?:The|An|It|He|She|They|We|This|"
                           r"These|Those|There|Without|But|However|Meanwhile|Former)\s)"
                           r"|(?=(?:The|It|He|She|They|We|This|But)\s)(?<=[a-z]{3})"
                           # "before 2020 Ms Sturgeon", "are 'all evasion' Mr Brown urged"
                           r"|(?=\s)(?<=[\d'’”])\s+(?=(?:Mr|Mrs|Ms|Dr)\s)")
# Words after which such a word is running text: "told The Times", "said It was".
RUNNING_ON = frozenset("to in on at of by as or and for from with told said than that the "
                            "into like says about via called named reading read watch watched "
                            "see saw star starred film show called titled".split())


def _unglued(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Return `span` split where a sentence runs into the next without a full stop; each
    part keeps at least four words."""
    start, end = span
    parts, cursor = [], start
    for match in _MISSING_STOP.finditer(text, start, end):
        before = text[cursor:match.start()].split()
        after = text[match.end():end].split()
        if len(before) < 4 or len(after) < 4 or before[-1].lower() in RUNNING_ON \
                or not before[-1][:1].islower() and not before[-1][:1].isdigit():
            continue
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, end))
    return parts


# A quotation going on into a new paragraph, run together as scraped pages have them: the
# paragraph ends on its full stop and the next opens the quotation again ("…the question.
# 'But does not the SNP…"), where the splitter sees one quotation and no sentence end. A
# lower-case letter or figure before the stop: "U.S. 'Sanctions" is no paragraph end.
_QUOTE_REOPENS = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[\"'‘“][A-Z])")


def _quoted_paragraphs(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Return `span` split where a quotation reopens in a new paragraph; a quotation mark
    left at the end of a part (the splitter's 'He said: "We will. "') opens the next."""
    start, end = span
    parts, cursor = [], start
    for match in _QUOTE_REOPENS.finditer(text, start, end):
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, end))
    return [(a, b) for a, b in parts if text[a:b].strip()]


def _paragraph_starts(paragraphs: tuple[str, ...]) -> list[int]:
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2  # the blank line between paragraphs in `body`
    return starts


def _spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Return (start, end) of each piece in `text`, located by search, not trusted offsets.

    Should the splitter have altered the text, the rest is split at paragraph breaks only.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:
            break
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    for rest in text[cursor:].split("\n\n"):
        if rest.strip():
            start = text.index(rest.strip(), cursor)
            spans.append((start, start + len(rest.strip())))
            cursor = start + len(rest.strip())
    return _joined(text, _openers_moved(text, spans))


# '"…true for me?" Travolta asked.': the splitter ends a sentence at a question or
# exclamation closing a quotation, though its speaker follows.
_ASKED = re.compile(r"(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}|[Hh]e|[Ss]he|[Tt]hey)\s+"
                    r"(?:asked|said|says|asks|added|wondered|exclaimed|shouted|replied)\b")


# A rank abbreviated before a name, where the splitter saw a sentence end: "…the eighth
# grader's boyfriend, Army Spc." + "Caleb Barnes, to a concert".
_RANK_END = re.compile(r"\b(?:Spc|Sgt|Cpl|Pvt|Pte|Lt|Capt|Col|Maj|Gen|Adm|Cmdr|Brig|Rep|Sen|Gov|"
                       r"Rev|Det|Insp|Supt|Prof|Atty|Amb)\.$")


def _goes_on(text: str, before: tuple[int, int], start: int) -> bool:
    """Whether the piece at `start` goes on the sentence `before`, which the splitter ended
    too soon: at a rank abbreviated before a name ("…boyfriend, Army Spc." + "Caleb Barnes,
    to a concert"), at a quotation's question before its speaker ("…true for me?\"" +
    "Travolta asked."), or inside a title ("…entitled Putin." + "War, is based…")."""
    first, end = before
    between = text[end:start]
    if text[end - 1] == ".":
        ranked = text[start:start + 1].isupper() and _RANK_END.search(text, max(first, end - 6),
                                                                       end)
        return "\n" not in between and bool(ranked or CONTINUES.match(text, start))
    return end - first >= 2 and text[end - 2] in "?!" and text[end - 1] in "\"”'’" \
        and "\n\n" not in between and bool(_ASKED.match(text, start))


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _goes_on(text, joined[-1], start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _openers_moved(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return `spans` with a quotation mark that ends one after a space ('He said: "We
    will. "') moved to the next, whose quotation it opens ('"Then we go."')."""
    moved = list(spans)
    for i in range(len(moved) - 1):
        start, end = moved[i]
        # Opening only if the next word follows it directly: '. " Then' closes a quotation.
        if end - start > 2 and text[end - 1] in "\"“'‘" and text[end - 2].isspace() \
                and moved[i + 1][0] == end:
            moved[i] = (start, len(text[:end - 1].rstrip()))
            moved[i + 1] = (end - 1, moved[i + 1][1])
    return moved
