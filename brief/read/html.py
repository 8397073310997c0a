"""The .html/.htm reader: a web page's article text and metadata, through trafilatura.

trafilatura is the field's established main-text extractor: it drops navigation, ads,
related links, comments and footers, and reads title, author, date and site from meta tags
and JSON-LD. It works offline on the bytes given.
"""

from __future__ import annotations

from pathlib import Path

from brief.errors import BriefError
from brief.model import Article, SourceInfo
from brief.read.source import clean_text, paragraphs_of, read_bytes


def read_html(path: Path) -> Article:
    """Return the article of the web page saved in `path`."""
    return article_from_html(read_bytes(path), path)


def article_from_html(data: bytes, path: Path | str, url: str | None = None) -> Article:
    """Return the article in the HTML `data`; `url` is where it came from, if known.

    Raises BriefError naming `path` if the page holds no article text.
    """
    import trafilatura

    head = data[:2048].lower()
    if b"<" not in head or not any(tag in head for tag in (b"<html", b"<!doctype", b"<head",
                                                            b"<body", b"<meta", b"<p")):
        raise BriefError("this is not a web page", path, hint="save the page as .html")
    found = trafilatura.bare_extraction(data, url=url, with_metadata=True,
                                        include_comments=False, include_tables=False,
                                        favor_precision=True)
    document = found.as_dict() if found is not None and hasattr(found, "as_dict") else found
    text = (document or {}).get("text") or ""
    if not text.strip():
        raise BriefError("no article text found in this page", path,
                         hint="save the article's text as .txt instead")
    title = document.get("title") or None
    lines = [clean_text(line) for line in text.splitlines() if line.strip()]
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]  # the headline is metadata, not the article's first sentence
    meta = SourceInfo(
        file=Path(str(path)).name, title=title, source=document.get("sitename") or None,
        url=url or document.get("url") or None, author=document.get("author") or None,
        published=document.get("date") or None,
        language=(document.get("language") or "en").split("-")[0] or "en")
    return Article(meta, paragraphs_of("\n\n".join(lines), path))
