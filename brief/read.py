"""Stage 1, read: a source file -> `Article`. One reader per file extension."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from brief.errors import BriefError
from brief.model import Article, SourceInfo
from brief.yamlio import check_mapping, check_str, parse

FRONT_MATTER_KEYS = ["title", "source", "url", "author", "published", "language"]

# C0/C1 controls (but tab and newline) and non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


def read_text(path: Path) -> Article:
    """Return the article in a text file; blank lines (or, if none, newlines) part paragraphs."""
    meta, body = _split_front_matter(path, _decode(path))
    return Article(meta, _paragraphs(body, path))


def read_markdown(path: Path) -> Article:
    """Return the article in a Markdown file, markup stripped; a leading `# Heading` titles it."""
    meta, body = _split_front_matter(path, _decode(path))
    heading = re.match(r"\s*#\s+(.+)\n", body)
    if heading:
        body = body[heading.end():]
        if meta.title is None:
            meta = SourceInfo(**{**meta.__dict__, "title": _strip_markdown(heading.group(1))})
    lines = [_strip_markdown(line) for line in body.split("\n")
             if not line.lstrip().startswith("#")]
    return Article(meta, _paragraphs("\n".join(lines), path))


READERS: dict[str, Callable[[Path], Article]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
}


def read(path: Path) -> Article:
    """Return the article in `path`, choosing the reader by extension.

    Raises BriefError for an unknown extension, an empty, binary or undecodable file.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise BriefError(f"cannot read '{path.suffix}' files", path,
                         hint="known kinds: " + ", ".join(sorted(READERS)))
    return reader(path)


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BriefError(f"cannot open the file: {exc.strerror}", path) from None
    if not data.strip():
        raise BriefError("the file is empty", path, hint="paste the article's text into it")
    if b"\x00" in data[:8192]:
        raise BriefError("this is a binary file, not an article", path,
                         hint="save the article as plain text (.txt or .md)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BriefError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", path, line,
                         "save the file as UTF-8") from None
    return clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_text(text: str) -> str:
    """Return `text` in NFC with tabs as spaces and control characters dropped.

    XML (so DOCX) cannot hold C0 controls, and no article means them; every text a user
    supplies passes here once, so later stages need not care.
    """
    return _CONTROL.sub("", unicodedata.normalize("NFC", text).replace("\t", " "))


def _split_front_matter(path: Path, text: str) -> tuple[SourceInfo, str]:
    match = _FRONT.match(text)
    if not match:
        return SourceInfo(file=path.name), text
    doc = parse(match.group(1) or "", path, first_line=2)
    fields = check_mapping(doc, (), doc.data, FRONT_MATTER_KEYS)
    values = {key: check_str(doc, (key,), value).strip() for key, value in fields.items()}
    return SourceInfo(file=path.name, **values), text[match.end():]


def _paragraphs(body: str, path: Path) -> tuple[str, ...]:
    separator = r"\n[ ]*\n" if re.search(r"\n[ ]*\n", body.strip()) else r"\n"
    paragraphs = tuple(
        " ".join(block.split()) for block in re.split(separator, body) if block.strip()
    )
    if not paragraphs:
        raise BriefError("the file has front matter but no article text", path,
                         hint="paste the article's text below the closing ---")
    return paragraphs


def _strip_markdown(line: str) -> str:
    line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links and images keep their text
    line = re.sub(r"(\*\*|__|`)(.+?)\1", r"\2", line)
    line = re.sub(r"(?<!\w)[*_](\S.*?\S|\S)[*_](?!\w)", r"\1", line)
    return re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
