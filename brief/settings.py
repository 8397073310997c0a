"""Project settings from `brief.yaml`: defaults, then the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from brief.errors import BriefError
from brief.yamlio import YamlDoc, check_list, check_mapping, check_str, parse

FILENAME = "brief.yaml"
PAPERS = ("a4", "letter")
KEYS = ["organisation", "author", "template", "formats", "paper", "marking", "defaults", "mail"]


@dataclass(frozen=True)
class Settings:
    """House settings for every brief of a project."""

    organisation: str | None = None
    """Shown in the title block and document metadata."""
    author: str | None = None
    """The brief's author (metadata and title block); not the article's author."""
    template: str = "default"
    """Name of the template folder."""
    formats: tuple[str, ...] = ("pdf", "docx")
    """What `brief make` writes when `--format` is not given."""
    paper: str | None = None
    """`a4` or `letter`; when unset, the template's style.yaml decides (A4 if it does not)."""
    marking: str | None = None
    """Default classification marking for every brief."""
    defaults: YamlDoc | None = None
    """`brief.yaml` itself when it has `defaults:`, overrides every source starts from."""
    mail: object | None = None
    """The `mail:` section (`brief.mail.MailSettings`), or None."""


def load(root: Path) -> Settings:
    """Return the settings of the project at `root`; defaults if it has no `brief.yaml`.

    Raises BriefError naming the line for an unknown key, a wrong type or value.
    """
    path = root / FILENAME
    if not path.exists():
        return Settings()
    doc = parse(path.read_text(encoding="utf-8-sig"), path)
    data = check_mapping(doc, (), doc.data, KEYS)
    values: dict = {}
    for key in ("organisation", "author", "template", "marking"):
        if key in data:
            values[key] = check_str(doc, (key,), data[key]).strip()
    if "paper" in data:
        paper = check_str(doc, ("paper",), data["paper"]).strip().lower()
        if paper not in PAPERS:
            raise doc.error(("paper",), f"unknown paper size '{paper}'", "use a4 or letter")
        values["paper"] = paper
    if "defaults" in data:
        check_mapping(doc, ("defaults",), data["defaults"], override_keys())
        values["defaults"] = doc
    if "mail" in data:
        from brief.mail import parse as parse_mail

        values["mail"] = parse_mail(doc)
    if "formats" in data:
        raw = check_list(doc, ("formats",), data["formats"])
        values["formats"] = parse_formats([check_str(doc, ("formats",), f) for f in raw],
                                          doc.path, doc.line(("formats",)))
    return Settings(**values)


def override_keys() -> list[str]:
    """Return the keys `defaults:` may hold: those of an overrides file."""
    from brief.override import KEYS as OVERRIDE_KEYS

    return OVERRIDE_KEYS


def parse_formats(values: list[str] | tuple[str, ...], path=None, line=None) -> tuple[str, ...]:
    """Return the formats named in `values` (each may be comma-separated), in order, once each.

    Raises BriefError listing the known formats if one is unknown.
    """
    from brief.writers import WRITERS

    formats: list[str] = []
    for value in values:
        for name in (part.strip().lower() for part in value.split(",")):
            if name and name not in WRITERS:
                raise BriefError(f"unknown format '{name}'", path, line,
                                 "known formats: " + ", ".join(WRITERS))
            if name and name not in formats:
                formats.append(name)
    return tuple(formats)
