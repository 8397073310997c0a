"""Project settings from `brief.yaml`: defaults, then the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from brief.errors import BriefError
from brief.model import MARKING_CHARS
from brief.yamlio import YamlDoc, check_list, check_mapping, check_number, check_str, load_file

FILENAME = "brief.yaml"
PAPERS = ("a4", "letter")
KEYS = ["organisation", "author", "template", "formats", "paper", "marking", "copy",
        "provenance", "defaults", "mail"]
COPIES = ("reader", "review")
PROVENANCE = ("none", "endnotes")


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
    copy: str = "reader"
    """`reader`: the copy sent out, without sentence ids or file names; `review`: the
    analyst's copy, every statement tagged with the ids of its source sentences."""
    provenance: str = "none"
    """In the reader's copy: `none`, or `endnotes` — a small number after each extracted
    statement and, at the end, the paragraphs of the article it quotes."""
    defaults: YamlDoc | None = None
    """`brief.yaml` itself when it has `defaults:`, overrides every source starts from."""
    mail: object | None = None
    """The `mail:` section (`MailSettings`), or None."""


def load(root: Path) -> Settings:
    """Return the settings of the project at `root`; defaults if it has no `brief.yaml`.

    Raises BriefError naming the line for an unknown key, a wrong type or value.
    """
    path = root / FILENAME
    if not path.exists():
        return Settings()
    doc = load_file(path)
    if isinstance(doc.data, dict):
        for key in doc.data:
            if key in KEYS or key not in override_keys():
                continue
            from brief.override.apply import ID_KEYS

            if key in ID_KEYS:  # sentence ids differ per source
                raise doc.error((key,), f"'{key}' names sentences, so it belongs in a source's "
                                "overrides file, not brief.yaml",
                                "put it in sources/NAME.yaml (`brief overrides NAME` "
                                "writes one)")
            raise doc.error((key,), f"'{key}' belongs under 'defaults:' in brief.yaml",
                            "indent it under a line `defaults:`, where it applies to every "
                            "brief, or put it in one source's overrides file")
    data = check_mapping(doc, (), doc.data, KEYS)
    values: dict = {}
    for key in ("organisation", "author", "template", "marking"):
        if key in data:
            values[key] = check_str(doc, (key,), data[key]).strip()
    if len(values.get("marking") or "") > MARKING_CHARS:
        raise doc.error(("marking",), f"'marking' is longer than {MARKING_CHARS} characters",
                        "it prints whole in every page's header and footer; shorten it")
    if "paper" in data:
        paper = check_str(doc, ("paper",), data["paper"]).strip().lower()
        if paper not in PAPERS:
            raise doc.error(("paper",), f"unknown paper size '{paper}'", "use a4 or letter")
        values["paper"] = paper
    if "copy" in data:
        copy = check_str(doc, ("copy",), data["copy"]).strip().lower()
        if copy not in COPIES:
            raise doc.error(("copy",), f"unknown copy '{copy}'",
                            "use reader (the copy sent out) or review (with sentence ids)")
        values["copy"] = copy
    if "provenance" in data:
        provenance = check_str(doc, ("provenance",), data["provenance"]).strip().lower()
        if provenance not in PROVENANCE:
            raise doc.error(("provenance",), f"unknown provenance '{provenance}'",
                            "use none, or endnotes (numbered notes naming the paragraphs)")
        values["provenance"] = provenance
    if "defaults" in data:
        check_mapping(doc, ("defaults",), data["defaults"], override_keys())
        values["defaults"] = doc
    if "mail" in data:

        values["mail"] = parse_mail(doc)
    if "formats" in data:
        raw = check_list(doc, ("formats",), data["formats"])
        values["formats"] = parse_formats([check_str(doc, ("formats",), f) for f in raw],
                                          doc.path, doc.line(("formats",)))
    return Settings(**values)


def override_keys() -> list[str]:
    """Return the keys `defaults:` may hold: those of an overrides file."""
    from brief.override.apply import KEYS as OVERRIDE_KEYS

    return OVERRIDE_KEYS


def parse_formats(values: list[str] | tuple[str, ...], path=None, line=None) -> tuple[str, ...]:
    """Return the formats named in `values` (each may be comma-separated), in order, once each.

    Raises BriefError listing the known formats if one is unknown, or if there is none.
    """
    from brief.render.writers import WRITERS

    formats: list[str] = []
    for value in values:
        for name in (part.strip().lower() for part in value.split(",")):
            if name and name not in WRITERS:
                raise BriefError(f"unknown format '{name}'", path, line,
                                 "known formats: " + ", ".join(WRITERS))
            if name and name not in formats:
                formats.append(name)
    if not formats:  # a build that writes nothing is a mistake, not a success
        raise BriefError("formats is empty" if path else "--format names no format", path, line,
                         "name at least one of: " + ", ".join(WRITERS))
    return tuple(formats)


MAIL_KEYS = ["from", "reply_to", "to", "cc", "subject", "max_mb", "smtp"]
SMTP_KEYS = ["host", "port", "security", "user", "timeout"]
SECURITY = ("starttls", "tls", "none")
DEFAULT_SUBJECT = "{{ marking }} Brief: {{ title }}"


@dataclass(frozen=True)
class MailSettings:
    """The `mail:` section of brief.yaml."""

    sender: str | None = None
    """From: "Desk Officer <desk@example.org>"."""
    reply_to: str | None = None
    """Reply-To, if replies should go elsewhere."""
    to: tuple[str, ...] = ()
    """Default recipients."""
    cc: tuple[str, ...] = ()
    """Default copy recipients."""
    subject: str = DEFAULT_SUBJECT
    """Jinja2 template of the subject: marking, title, date, organisation."""
    subject_line: int | None = None
    """The line of `mail.subject` in brief.yaml, for its errors."""
    max_mb: float = 10.0
    """Warn when the attachments together pass this size."""
    host: str | None = None
    """SMTP server."""
    port: int | None = None
    """SMTP port; 587 for starttls, 465 for tls, 25 for none when not set."""
    security: str = "starttls"
    """`starttls`, `tls` or `none`."""
    user: str | None = None
    """SMTP user name, if the server wants a login."""
    timeout: float = 30.0
    """Seconds to wait for the server before giving up."""


def parse_mail(doc: YamlDoc) -> MailSettings:
    """Return the `mail:` section of brief.yaml, validated (file and line on error)."""
    data = check_mapping(doc, ("mail",), doc.data["mail"], MAIL_KEYS)
    values: dict = {}
    for key, field in (("from", "sender"), ("reply_to", "reply_to"), ("subject", "subject")):
        if key in data:
            values[field] = check_str(doc, ("mail", key), data[key]).strip()
    if "subject" in data:
        values["subject_line"] = doc.line(("mail", "subject"))
    for key in ("to", "cc"):
        if key in data:
            values[key] = tuple(check_str(doc, ("mail", key, i), v).strip()
                                for i, v in enumerate(check_list(doc, ("mail", key), data[key])))
    if "max_mb" in data:
        values["max_mb"] = float(check_number(doc, ("mail", "max_mb"), data["max_mb"],
                                              0.01, 1000, " (MB)"))
    smtp = check_mapping(doc, ("mail", "smtp"), data.get("smtp", {}), SMTP_KEYS)
    for key in ("host", "user"):
        if key in smtp:
            values[key] = check_str(doc, ("mail", "smtp", key), smtp[key]).strip()
    if "port" in smtp:
        port = smtp["port"]
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise doc.error(("mail", "smtp", "port"), "'port' must be a number from 1 to 65535")
        values["port"] = smtp["port"]
    if "timeout" in smtp:
        values["timeout"] = float(check_number(doc, ("mail", "smtp", "timeout"),
                                               smtp["timeout"], 1, 600, " (seconds)"))
    if "security" in smtp:
        security = check_str(doc, ("mail", "smtp", "security"), smtp["security"]).lower()
        if security not in SECURITY:
            raise doc.error(("mail", "smtp", "security"), f"unknown security '{security}'",
                            "use starttls, tls or none")
        values["security"] = security
    return MailSettings(**values)
