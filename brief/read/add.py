"""`brief add`: a web page or a file becomes `sources/NAME.md` with front matter, for the
analyst to correct before `brief make`."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import yaml

from brief.errors import BriefError
from brief.model import Article

_SPECIAL = re.compile(r"([\\`*_\[\]])")


def add(sources: Path, target: str, name: str | None = None, timeout: float = 20.0) -> Path:
    """Save the article at `target` (an http(s) address or a file) as `sources/NAME.md`.

    NAME is `name`, else made from the title. Raises BriefError if the page or file cannot be
    read, or if that file exists already: brief never overwrites.
    """
    if re.match(r"[a-z][a-z0-9+.-]*://", target, re.IGNORECASE):  # fetch refuses all but http(s)
        from brief.read.fetch import fetch
        from brief.read.html import article_from_html

        data, final = fetch(target, timeout)
        article = article_from_html(data, target, url=final)
    else:
        from brief.read.source import read

        path = Path(target)
        if not path.is_file():
            raise BriefError("no such file", target, hint="give a file path or an http(s) address")
        article = read(path)
    stem = _slug(name or article.meta.title or Path(target).stem)
    destination = sources / f"{stem}.md"
    if destination.exists():
        raise BriefError("already exists; brief never overwrites a source", destination,
                         hint="choose another --name")
    text, created = as_markdown(article), False
    try:
        sources.mkdir(parents=True, exist_ok=True)
        with open(destination, "x", encoding="utf-8") as stream:  # never overwrite
            created = True
            stream.write(text)
    except OSError as exc:
        if created:  # half a source (a full disk) is worse than none
            destination.unlink(missing_ok=True)
        raise BriefError(f"cannot write it: {(exc.strerror or str(exc)).lower()}", destination,
                         hint="check that sources/ is a writable folder") from None
    return destination


def as_markdown(article: Article) -> str:
    """Return the article as Markdown with YAML front matter; the text escaped so that the
    Markdown reader gives back exactly these paragraphs."""
    meta = article.meta
    fields = {"title": meta.title, "source": meta.source, "url": meta.url,
              "author": meta.author, "published": meta.published,
              "retrieved": date.today().isoformat(), "language": meta.language}
    front = yaml.safe_dump({k: v for k, v in fields.items() if v}, allow_unicode=True,
                           sort_keys=False, width=1000)
    body = "\n\n".join(_escape(p) for p in article.paragraphs)
    return f"---\n{front}---\n{body}\n"


def _escape(paragraph: str) -> str:
    text = _SPECIAL.sub(r"\\\1", paragraph)
    text = re.sub(r"^([#>+-])", r"\\\1", text)  # not a heading, quote or bullet
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)  # nor a numbered item: "1\."


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = "-".join(slug.split("-")[:8])
    if len(slug) > MAX_SLUG:  # one very long word: cut it, a file name has a limit
        slug = slug[:MAX_SLUG].rstrip("-")
    return slug or "article"


MAX_SLUG = 80
