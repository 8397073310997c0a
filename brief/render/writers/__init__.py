"""Writers, one module per format: each has `render(brief, document, style) -> bytes`.

The registry names modules rather than importing them, so a build pays only for the formats
it writes (reportlab and python-docx are slow to import).
"""

from __future__ import annotations

import importlib
import re
import sys
from types import ModuleType

from brief.errors import BriefError

# Right-to-left letters: Hebrew, Arabic, Syriac, Thaana… and Arabic presentation forms.
RTL_LETTERS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"
# A right-to-left run: from its first such letter to its last, with the spaces, digits and
# punctuation between them (they take the run's direction), nothing before or after.
RTL_RUN = re.compile(f"[{RTL_LETTERS}](?:[{RTL_LETTERS}\\s\\d.,:;!?'\"()«»\\-]*[{RTL_LETTERS}])?")

_STRONG = re.compile(f"([{RTL_LETTERS}])|[^\\W\\d_]")


def starts_right_to_left(text: str) -> bool:
    """Return True if the first letter of `text` is right-to-left: the paragraph direction
    of the Unicode bidi algorithm (rules P2 and P3)."""
    match = _STRONG.search(text)
    return bool(match and match.group(1))


def shorten(text: str, limit: int) -> str:
    """Return `text` in at most `limit` characters: whole, or cut at a word boundary (mid-word
    if the first word is too long) and ended with "…". For titles in document properties,
    bookmarks and running heads; the body keeps the full text."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return (text[:cut] if cut > limit // 2 else text[:limit - 1]).rstrip(" ,;:.-–—") + "…"


RANGE_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")
"""The hyphen of a date or number range ("6-7 April", "2020-21"), which must not end a
line: writers set it as a non-breaking hyphen."""


SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""A note's number in formats without superscript (text, Markdown): "¹²"."""


def column_shares(rows: tuple[tuple[tuple, ...], ...]) -> list[float]:
    """Return each column's share of a table's width, from what its cells hold: room for
    its longest word at least, and for its typical cell (long ones capped, so one long
    cell does not starve the others). PDF and DOCX both use it, so their tables match."""
    columns = max((len(row) for row in rows), default=0)
    weights = []
    for index in range(columns):
        cells = ["".join(span.text for span in row[index]) for row in rows if index < len(row)]
        longest_word = max((len(w) for cell in cells for w in cell.split()), default=1)
        lengths = sorted(min(len(cell), 60) for cell in cells)
        typical = lengths[(len(lengths) * 3) // 4] if lengths else 1  # the 75th percentile
        weights.append(max(longest_word * 1.2, typical, 4))
    total = sum(weights) or 1
    return [w / total for w in weights]


WRITERS: dict[str, str] = {
    "pdf": "brief.render.writers.pdf",
    "docx": "brief.render.writers.docx",
    "json": "brief.render.writers.json",
    "html": "brief.render.writers.html",
    "md": "brief.render.writers.md",
    "txt": "brief.render.writers.text",
}


def writer(name: str) -> ModuleType:
    """Return the writer module for format `name`.

    Raises BriefError listing the known formats if `name` is not one.
    """
    if name not in WRITERS:
        raise BriefError(f"unknown format '{name}'", hint="known formats: " + ", ".join(WRITERS))
    if name == "pdf" and "reportlab.platypus.paragraph" not in sys.modules:
        _import_paragraph()
    return importlib.import_module(WRITERS[name])


# reportlab compiles, when imported, a case-insensitive pattern of web addresses over most of
# Unicode (35 ms, a tenth of a cold build) that it needs only to break an address too long
# for its line: it is compiled on first use instead.
_ADDRESS_PATTERN = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class _OnFirstUse:
    """A regular expression compiled when first used."""

    def __init__(self, compile, *args) -> None:
        self._compile, self._args, self._pattern = compile, args, None

    def __getattr__(self, name: str):
        if self._pattern is None:
            self._pattern = self._compile(*self._args)
        return getattr(self._pattern, name)


def _import_paragraph() -> None:
    compile = re.compile

    def deferring(pattern, flags=0):
        if isinstance(pattern, str) and pattern.startswith(_ADDRESS_PATTERN):
            return _OnFirstUse(compile, pattern, flags)
        return compile(pattern, flags)

    re.compile = deferring
    try:
        importlib.import_module("reportlab.platypus.paragraph")
    finally:
        re.compile = compile


def needs_layout(name: str) -> bool:
    """Return True if format `name` renders the document tree (only JSON does not)."""
    return name != "json"


def reads_brief(name: str) -> bool:
    """Return True if the writer of format `name` reads the brief, not only its document
    tree: JSON, and the PDF when it lays a brief out again to fit its page budget."""
    return name in ("json", "pdf")
