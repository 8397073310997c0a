"""`brief mail`: the brief as an email — HTML and plain-text body, PDF and DOCX attached —
written as an .eml file and, on request, sent over SMTP.

The password never comes from YAML or the command line: from BRIEF_SMTP_PASSWORD, else the
system keyring (if the `keyring` package is installed), and it is never printed.
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from brief.errors import BriefError
from brief.settings import MailSettings

PASSWORD_VARIABLE = "BRIEF_SMTP_PASSWORD"
TYPES = {"pdf": ("application", "pdf"),
         "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")}
_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")


def address(text: str) -> Address:
    """Return `text` ("Name <user@host>" or "user@host") as an Address.

    Raises BriefError naming it if it is not a valid address.
    """
    match = re.fullmatch(r"\s*(?:(.*?)\s*<([^<>]+)>|([^<>]+))\s*", text or "")
    name, email = (match.group(1) or "", match.group(2) or match.group(3)) if match else ("", "")
    email = (email or "").strip()
    if not _ADDRESS.fullmatch(email):
        raise BriefError(f"'{text}' is not an email address",
                         hint="e.g. Ana Silva <ana@example.org>")
    user, domain = email.rsplit("@", 1)
    return Address(display_name=name.strip().strip('"'), username=user, domain=domain)


def subject(template: str, values: dict[str, str], line: int | None = None) -> str:
    """Return the subject rendered from its template (in the sandbox templates render in),
    as one line ("Brief: …" without a marking).

    Raises BriefError naming brief.yaml's `mail.subject` (`line`) if it does not render.
    """
    from brief.render import sandbox

    try:
        template = sandbox.environment(autoescape=False).from_string(template)
        text = sandbox.render(template, **values)
    except sandbox.ERRORS as exc:
        raise BriefError(f"mail.subject does not render: {sandbox.describe(exc)}",
                         "brief.yaml", line, "see README, Mail") from None
    return one_line(text)


def one_line(text: str) -> str:
    """Return `text` with every run of spaces, line breaks and control characters one space:
    a header value must not break into (or inject) another header."""
    return " ".join("".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                            for c in text).split())


def compose(*, sender: Address, to: list[Address], cc: list[Address],
            reply_to: Address | None, subject_line: str, text: str, html: str,
            attachments: dict[str, bytes], date) -> EmailMessage:
    """Return the message: multipart/alternative text and HTML, then the attachments."""
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = one_line(subject_line)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = make_msgid(domain=sender.domain)
    message.set_content(text, cte="quoted-printable")  # 7-bit safe, yet readable raw
    message.add_alternative(html, subtype="html")
    for name, data in attachments.items():
        maintype, subtype = TYPES[name.rsplit(".", 1)[-1]]
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


def password(settings: MailSettings) -> str | None:
    """Return the SMTP password: BRIEF_SMTP_PASSWORD, else the system keyring, else None."""
    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    try:
        import keyring
    except ImportError:
        return None
    return keyring.get_password(f"brief-smtp:{settings.host}", settings.user or "")


def send(message: EmailMessage, settings: MailSettings) -> None:
    """Deliver `message` over SMTP as `settings` say.

    Raises BriefError (without the password) if the server cannot be reached or refuses.
    """
    import smtplib
    import ssl

    if not settings.host:
        raise BriefError("no SMTP server set", "brief.yaml",
                         hint="add mail: {smtp: {host: …, port: …, security: starttls}}")
    port = settings.port or {"tls": 465, "starttls": 587, "none": 25}[settings.security]
    context = ssl.create_default_context()
    secret = password(settings) if settings.user else None
    if settings.user and secret is None:
        raise BriefError(f"no password for {settings.user}",
                         hint=f"set {PASSWORD_VARIABLE}, or store it in the system keyring")
    try:
        if settings.security == "tls":
            client = smtplib.SMTP_SSL(settings.host, port, context=context,
                                      timeout=settings.timeout)
        else:
            client = smtplib.SMTP(settings.host, port, timeout=settings.timeout)
        with client:
            if settings.security == "starttls":
                client.starttls(context=context)
            if settings.user:
                client.login(settings.user, secret)
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        reason = str(exc).replace(secret, "***") if secret else str(exc)
        raise BriefError(f"sending failed: {reason}", f"{settings.host}:{port}",
                         hint="check mail.smtp in brief.yaml") from None


# Putting it together ----------------------------------------------------------------------


@dataclass(frozen=True)
class Envelope:
    """Who a brief goes to and under what subject, as the command line asks."""

    to: tuple[str, ...] = ()
    """Recipients; the settings' when empty."""
    cc: tuple[str, ...] = ()
    """Copy recipients; the settings' when empty."""
    subject: str | None = None
    """The subject; rendered from the settings' template when None."""
    sender: str | None = None
    """From; the settings' when None."""


def message_for(project, path, envelope: Envelope) -> tuple[EmailMessage, list[str]]:
    """Return the email of the brief of `path` (built first if stale) and warnings.

    Raises BriefError before anything is sent: an invalid or missing address, a brief that
    fails to build.
    """
    from datetime import datetime

    from brief import pipeline
    from brief.render.writers.html import to_html
    from brief.render.writers.text import to_text

    # What goes out is the reader's copy, body and attachments, whatever the house's `copy`.
    project = dataclasses.replace(
        project, settings=dataclasses.replace(project.settings, copy="reader"))
    settings = project.settings.mail or MailSettings()
    sender_text = envelope.sender or settings.sender
    sender = address(sender_text) if sender_text else _missing(
        "sender", "give --from ADDR, or set mail: {from: …} in brief.yaml")
    to = [address(a) for a in (envelope.to or settings.to)] or _missing(
        "recipients", "give --to ADDR, or set mail: {to: […]} in brief.yaml")
    cc = [address(a) for a in (envelope.cc or settings.cc)]
    reply_to = address(settings.reply_to) if settings.reply_to else None
    warnings = _ensure_built(project, path)
    brief, document, style, _, _ = pipeline.prepare(project, path, ("html",))
    values = {"marking": brief.marking or project.settings.marking or "", "title": brief.title,
              "date": document.meta.date, "organisation": project.settings.organisation or ""}
    stem = pipeline.output_stem(path)
    attachments = {f"{stem}.{ext}": (project.dist / f"{stem}.{ext}").read_bytes()
                   for ext in ("pdf", "docx")}
    size = sum(map(len, attachments.values())) / 1e6
    if size > settings.max_mb:
        warnings.append(f"the attachments come to {size:.1f} MB, over the {settings.max_mb:g} "
                        "MB limit many mail servers set")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(
        UTC)
    message = compose(sender=sender, to=to, cc=cc, reply_to=reply_to,
                      subject_line=envelope.subject or subject(settings.subject, values,
                                                                settings.subject_line),
                      text=to_text(document), html=to_html(document, style),
                      attachments=attachments, date=date)
    return message, warnings


def _missing(what: str, hint: str):
    raise BriefError(f"no {what} for the message", "brief.yaml", hint=hint)


def _ensure_built(project, path) -> list[str]:
    """Build the PDF and DOCX of `path` unless they are up to date (see `uptodate`)."""
    from brief import pipeline

    for _, result, warnings in pipeline.make(project, [path], ("pdf", "docx")):
        if isinstance(result, BriefError):
            raise result
        return warnings
    return []
