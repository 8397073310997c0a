"""Stage 1, read: a source file -> `Article`. One reader per file extension."""

from __future__ import annotations

import codecs
import importlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from brief.errors import BriefError
from brief.model import Article, SourceInfo
from brief.yamlio import check_date, check_mapping, check_str, parse

FRONT_MATTER_KEYS = ["title", "source", "url", "author", "published", "retrieved", "language"]

# C0/C1 controls (but tab and newline) and non-characters.
# UTF-8 decoded as Windows-1252 or Latin-1: "Ã©" for é, "Â£" for £, "â€™" for ’.
_MOJIBAKE = re.compile("[ÂÃ][\u0080-\u00bf]|â€")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


def read_text(path: Path) -> Article:
    """Return the article in a text file; blank lines (or, if none, newlines) part paragraphs.
    A headline on a line of its own, set apart by a blank line, titles it."""
    meta, body = _split_front_matter(path, _decode(path))
    paragraphs = paragraphs_of(body, path)
    headline = _HEADLINE.match(body.lstrip("\n"))
    if headline and len(paragraphs) > 1 and 2 <= len(headline[1].split()) <= 20:
        paragraphs = paragraphs[1:]
        if meta.title is None:
            meta = SourceInfo(**{**meta.__dict__, "title": " ".join(headline[1].split())})
    return Article(meta, paragraphs)


# A headline: one line, then a blank line; no sentence's closing punctuation, not a byline or
# dateline, no "|" (a site's name): what people paste above an article.
_HEADLINE = re.compile(r"[ \t]*(?!By\b|\()([^\n|]*[^\s.!?…:;,|\"”’'])[ \t]*\n[ \t]*\n")


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
    return Article(meta, paragraphs_of("\n".join(lines), path))


# Extension -> reader: a function here, or "module:function" imported on first use (the
# HTML, Word and PDF readers pull in large libraries a text-only project never needs).
READERS: dict[str, Callable[[Path], Article] | str] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": "brief.read.html:read_html",
    ".htm": "brief.read.html:read_html",
    ".docx": "brief.read.docx:read_docx",
    ".pdf": "brief.read.pdf:read_pdf",
}
MAX_BYTES = 20_000_000  # no article is this long; a file this big is a mistake


def read(path: Path) -> Article:
    """Return the article in `path`, choosing the reader by extension.

    Raises BriefError for an unknown extension, an empty, binary, oversized or unreadable
    file.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise BriefError(f"cannot read '{path.suffix}' files", path,
                         hint="known kinds: " + ", ".join(sorted(READERS)))
    if isinstance(reader, str):
        module, function = reader.split(":")
        reader = getattr(importlib.import_module(module), function)
    return reader(path)


def read_bytes(path: Path) -> bytes:
    """Return the bytes of `path`; BriefError if it cannot be opened, is empty or too big."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BriefError(f"the file is {size / 1e6:.0f} MB, too big for an article", path,
                             hint=f"brief reads files up to {MAX_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise BriefError(f"cannot open the file: {exc.strerror}", path) from None
    if not data.strip():
        raise BriefError("the file is empty", path, hint="paste the article's text into it")
    return data


def decode(data: bytes, path: Path) -> str:
    """Return `data` as text: UTF-8 or UTF-16 by their byte-order marks, else UTF-8, else the
    encoding charset-normalizer finds most likely (cp1252, latin-1…), never a guess that
    leaves control characters.

    Raises BriefError for a binary file.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise BriefError("this is a binary file, not an article", path,
                         hint="save the article as text (.txt or .md), or as .docx or .pdf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise BriefError("this is a binary file, not an article", path,
                         hint="save the article as text (.txt or .md)")
    # A short text fits several code pages about as well; Windows-1252, the commonest for
    # the Western news this tool reads, wins a near tie.
    western = next((m for m in matches if m.encoding in ("cp1252", "latin_1")), None)
    if western is not None and western.chaos <= best.chaos + 0.05:
        return str(western)
    return str(best)


def _decode(path: Path) -> str:
    text = decode(read_bytes(path), path)
    return clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_text(text: str) -> str:
    """Return `text` in NFC with tabs as spaces and control characters dropped.

    XML (so DOCX) cannot hold C0 controls, and no article means them; every text a user
    supplies passes here once, so later stages need not care. Mojibake — UTF-8 read as
    Windows-1252 somewhere upstream, "Â£10m", "Britainâ€™s" — is repaired by ftfy, imported
    only when a telltale sequence is there (it is slow to import).
    """
    if _MOJIBAKE.search(text):
        import ftfy

        text = ftfy.fix_encoding(text)
    return _CONTROL.sub("", unicodedata.normalize("NFC", text).replace("\t", " "))


def _split_front_matter(path: Path, text: str) -> tuple[SourceInfo, str]:
    match = _FRONT.match(text)
    if not match:
        return SourceInfo(file=path.name), text
    doc = parse(match.group(1) or "", path, first_line=2)
    fields = check_mapping(doc, (), doc.data, FRONT_MATTER_KEYS)
    values = {key: check_str(doc, (key,), value).strip() for key, value in fields.items()}
    for key in ("published", "retrieved"):
        if key in values:
            check_date(doc, (key,), values[key])
    return SourceInfo(file=path.name, **values), text[match.end():]


def paragraphs_of(body: str, path: Path | str) -> tuple[str, ...]:
    """Return the paragraphs of `body`: blocks between blank lines, or, in text without
    blank lines, its lines — rejoined where a line was broken inside a sentence (hard-wrapped
    e-mail, one-sentence-a-line files)."""
    if re.search(r"\n[ ]*\n", body.strip()):
        blocks = re.split(r"\n[ ]*\n", body)
    else:
        blocks = _rejoined([line for line in body.split("\n") if line.strip()])
    paragraphs = tuple(" ".join(block.split()) for block in blocks if block.strip())
    if not paragraphs:
        raise BriefError("the file has front matter but no article text", path,
                         hint="paste the article's text below the closing ---")
    return paragraphs


# A line that cannot end a sentence: it ends on a word that needs one after it.
_OPEN_LINE = re.compile(r"\b(?:and|or|but|the|a|an|of|to|in|on|at|by|for|with|from|that|"
                        r"which|who|is|are|was|were|has|have|had|will|would|than|as|his|her|"
                        r"its|their|our|my|your|this|these|between|into|about)$|,$", re.I)


# A line that ends on a name run into the scraped text before it ("…Copy this linkHarry"):
# the name goes on, on the next line ("Whitlam died…").
_GLUED_NAME = re.compile(r"[a-z]{3}[A-Z][a-z]+$")
# A line's last word, when a sentence ends there: "…before going to bed at 02:00" + "BST.",
# or + "BST.Harry's mother…" where the next sentence was run into it.
_TAIL = re.compile(r"^\S+(?:\s\S+)?[.!?][\"'”’)]*(?:$|[A-Z][a-z])")
# A line that goes on the word before it, with no space: punctuation or a contraction
# ("\"Meanwhile" + ", the head of…", "He" + "'s come up trumps").
_GOES_ON = re.compile(r"[,;:)\]]|['’](?:s|t|re|ve|ll|d|m)\b")
# A line that opens on one word, a comma and a verb is the end of a name or title the line
# before broke at its full stop: "…a report entitled Putin." + "War, is based on facts…".
# No statement starts so ("However, it is" has a word between); a question might ("So, is
# it over?"), hence no pronoun after the verb.
CONTINUES = re.compile(r"[A-Z][\w'’-]*, (?:is|was|are|were|has|have|had|will|would) "
                       r"(?!(?:it|this|that|there|he|she|they|we|you|I)\b)")
_ENDED = re.compile(r"[.!?:;…\"'”’)\]]$")


def _rejoined(lines: list[str]) -> list[str]:
    """Return `lines` with each one broken inside a sentence joined to the next: the next
    starts in lower case, with a digit, a comma or a contraction, with a sentence's last
    word or two, or with a word, a comma and a verb; the line ends on "and", "the", a comma,
    a currency sign or a name run into what came before, or a quotation opened on the line
    closes on the next."""
    joined: list[str] = []
    for line in lines:
        line = line.strip()
        if joined:
            last = joined[-1]
            inside_quote = last.count('"') % 2 == 1 or last.count("“") > last.count("”")
            # "£" + "2,980,815" is one amount; "He" + "'s" one word
            if last[-1:] in "£$€¥" or _GOES_ON.match(line):
                joined[-1] = last + line
                continue
            if line[:1].islower() or line[:1].isdigit() or _OPEN_LINE.search(last) \
                    or inside_quote or _GLUED_NAME.search(last) and line[:1].isupper() \
                    or _TAIL.match(line) and not _ENDED.search(last) \
                    or CONTINUES.match(line):
                joined[-1] = f"{last} {line}"
                continue
        joined.append(line)
    return joined


def _strip_markdown(line: str) -> str:
    """Return `line` without Markdown markup; backslash-escaped characters are kept, bare."""
    line = re.sub(r"(?<!\\)!?\[([^\]]*)(?<!\\)\]\([^)]*\)", r"\1", line)  # links keep text
    line = re.sub(r"(?<!\\)(\*\*|__|`)(.+?)(?<!\\)\1", r"\2", line)
    line = re.sub(r"(?<![\w\\])[*_](\S.*?\S|\S)(?<!\\)[*_](?!\w)", r"\1", line)
    line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
    return re.sub(r"\\([\\`*_\[\]#>+\-.)!])", r"\1", line)
