"""The .docx reader: paragraphs and headings via python-docx, core properties as metadata."""

from __future__ import annotations

import zipfile
from pathlib import Path

from brief.errors import BriefError
from brief.model import Article, SourceInfo
from brief.read.source import clean_text, paragraphs_of, read_bytes

MAX_UNPACKED = 100_000_000  # a Word article unpacks to a few MB; more is a zip bomb
MAX_RATIO = 200             # a part that expands two hundredfold is not text


def read_docx(path: Path) -> Article:
    """Return the article in a Word file: its first heading (or Title) as title when the
    document properties have none; the rest of its paragraphs as the text.

    Raises BriefError for a truncated or damaged file, or one that unpacks suspiciously big.
    """
    import io

    data = read_bytes(path)
    _check_archive(data, path)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds for a damaged package
        raise BriefError("not a readable Word file (truncated or damaged)", path,
                         hint="open it in Word and save it again, or save it as .txt") from None
    props = document.core_properties
    title = (props.title or "").strip() or None
    paragraphs = []
    for paragraph in document.paragraphs:
        text = clean_text(paragraph.text).strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style == "Title" or style.startswith("Heading"):
            if title is None and not paragraphs:
                title = text
            continue  # headings are structure, not sentences of the article
        paragraphs.append(text)
    meta = SourceInfo(file=path.name, title=title, author=(props.author or "").strip() or None,
                      published=props.created.date().isoformat() if props.created else None,
                      language=((props.language or "en").split("-")[0] or "en"))
    return Article(meta, paragraphs_of("\n\n".join(paragraphs), path))


def _check_archive(data: bytes, path: Path) -> None:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except zipfile.BadZipFile:
        raise BriefError("not a readable Word file (truncated or damaged)", path,
                         hint="open it in Word and save it again, or save it as .txt") from None
    unpacked = sum(e.file_size for e in entries)
    ratio = max((e.file_size / max(e.compress_size, 1) for e in entries), default=0)
    if unpacked > MAX_UNPACKED or ratio > MAX_RATIO:
        raise BriefError("this Word file unpacks to far more than any article (a zip bomb?)",
                         path, hint="brief will not open it")
