"""The .pdf reader: text in reading order via pypdf, hyphenation at line ends repaired,
running headers, footers and page numbers removed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from brief.errors import BriefError
from brief.model import Article, SourceInfo
from brief.read.source import clean_text, paragraphs_of, read_bytes

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?\s*$", re.I)
_HYPHENATED = re.compile(r"([A-Za-z])-\n([a-z])")


def read_pdf(path: Path) -> Article:
    """Return the article in a PDF file.

    Raises BriefError for a damaged or encrypted PDF, or one with no text (a scan).
    """
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = read_bytes(path)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise BriefError("the PDF is encrypted", path, hint="save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except (PdfReadError, ValueError, KeyError, OSError):
        raise BriefError("not a readable PDF (truncated or damaged)", path,
                         hint="open it and save it again, or save the text as .txt") from None
    text = _join_pages([clean_text(page) for page in pages])
    if not text.strip():
        raise BriefError("the PDF has no text (a scanned image?)", path,
                         hint="run it through OCR, or paste the text into a .txt file")
    meta = SourceInfo(file=path.name, title=(info.get("/Title") or "").strip() or None,
                      author=(info.get("/Author") or "").strip() or None)
    return Article(meta, paragraphs_of(text, path))


def _join_pages(pages: list[str]) -> str:
    """Return the pages' text without running heads, feet and page numbers, lines rejoined."""
    lines = [[line.strip() for line in page.splitlines()] for page in pages]
    edges = Counter(line for page in lines for line in set(page[:2] + page[-2:]) if line)
    running = {line for line, count in edges.items() if count >= 2 and len(pages) >= 2}
    kept = []
    for page in lines:
        body = [line for line in page if line not in running and not _PAGE_NUMBER.match(line)]
        kept.append("\n".join(body))
    text = "\n".join(kept)
    text = _HYPHENATED.sub(r"\1\2", text)  # "nego-\ntiations" -> "negotiations"
    # A line that ends a sentence, followed by one that starts a new one, ends a paragraph;
    # any other line break is the PDF's, not the author's.
    text = re.sub(r"(?<=[.!?:”\"])\n(?=[A-Z“\"])", "\n\n", text)
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text)
