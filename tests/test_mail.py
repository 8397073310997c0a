"""`brief mail`: the .eml read back with the standard library, and real SMTP servers."""

import email
import ssl
import subprocess
from email import policy
from pathlib import Path

from conftest import cli, needs


def read_eml(path: Path):
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def it_writes_a_message_with_both_renderings_and_both_files(project):
    result = cli(project, "mail", "lavrov-pakistan-2021", "--to", "Ana Silva <ana@example.org>",
                 "--cc", "desk@example.org", "--from", "Jürgen Müller <jm@example.org>")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("wrote dist/lavrov-pakistan-2021.eml\n")
    message = read_eml(project / "dist" / "lavrov-pakistan-2021.eml")
    assert message["From"].addresses[0].display_name == "Jürgen Müller"
    assert str(message["To"]) == "Ana Silva <ana@example.org>"
    assert str(message["Cc"]) == "desk@example.org"
    assert message["Subject"].startswith("Brief: Russian Foreign Minister Sergey Lavrov")
    body = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert "Key outcomes\n------------" in body.get_content().replace("\r\n", "\n")
    assert "<h2" in html.get_content() and "src=" not in html.get_content()
    attachments = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(attachments) == {"lavrov-pakistan-2021.pdf", "lavrov-pakistan-2021.docx"}
    assert attachments["lavrov-pakistan-2021.pdf"].get_content_type() == "application/pdf"
    assert attachments["lavrov-pakistan-2021.docx"].get_content_type() == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    for name, part in attachments.items():
        assert part.get_content() == (project / "dist" / name).read_bytes()


def it_encodes_non_ascii_subjects_and_takes_the_marking(project):
    (project / "brief.yaml").write_text(
        "marking: OFFICIAL\nmail:\n  from: desk@example.org\n  to: [a@example.org]\n",
        encoding="utf-8")
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text(
        "title: Лавров в Исламабаде\n", encoding="utf-8")
    assert cli(project, "mail", "lavrov-pakistan-2021").exit_code == 0
    raw = (project / "dist" / "lavrov-pakistan-2021.eml").read_bytes()
    assert raw.isascii()  # headers encoded, body transfer-encoded
    assert read_eml(project / "dist" / "lavrov-pakistan-2021.eml")["Subject"] == (
        "OFFICIAL Brief: Лавров в Исламабаде")


def it_refuses_an_invalid_address_before_anything_else(project):
    result = cli(project, "mail", "lavrov-pakistan-2021", "--to", "not-an-address",
                 "--from", "desk@example.org")
    assert result.exit_code == 1
    assert "'not-an-address' is not an email address" in result.output
    assert not (project / "dist").exists()


def it_asks_for_recipients_and_a_sender(project):
    result = cli(project, "mail", "lavrov-pakistan-2021", "--from", "desk@example.org")
    assert result.exit_code == 1 and "no recipients for the message" in result.output


def it_shows_a_dry_run_without_sending(project):
    result = cli(project, "mail", "lavrov-pakistan-2021", "--to", "a@example.org", "--from",
                 "d@example.org", "--subject", "Today's brief", "--dry-run")
    assert result.exit_code == 0
    assert "subject: Today's brief" in result.output and "nothing sent" in result.output
    assert "attachment: lavrov-pakistan-2021.pdf" in result.output
    assert not (project / "dist" / "lavrov-pakistan-2021.eml").exists()


def it_warns_when_the_attachments_are_large(project):
    (project / "brief.yaml").write_text("mail: {max_mb: 0.01}\n")
    result = cli(project, "mail", "lavrov-pakistan-2021", "--to", "a@example.org", "--from",
                 "d@example.org")
    assert result.exit_code == 0 and "over the 0.01 MB limit" in result.output


def it_sends_nothing_when_the_brief_fails_to_build(project):
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text("pin: [s999]\n")
    result = cli(project, "mail", "lavrov-pakistan-2021", "--to", "a@example.org", "--from",
                 "d@example.org", "--send")
    assert result.exit_code == 1 and "no sentence 's999'" in result.output
    assert "sent" not in result.output.replace("sentence", "")


def it_rejects_bad_mail_settings_with_their_line(project):
    (project / "brief.yaml").write_text("mail:\n  smtp:\n    security: ssl\n")
    result = cli(project, "mail", "lavrov-pakistan-2021", "--to", "a@example.org")
    assert result.exit_code == 1
    assert "brief.yaml:3: unknown security 'ssl' (use starttls, tls or none)" in result.output


# Real SMTP servers ------------------------------------------------------------------------


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def it_sends_over_plain_smtp(project):
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        (project / "brief.yaml").write_text(
            f"mail:\n  from: desk@example.org\n  to: [ana@example.org]\n  cc: [b@example.org]\n"
            f"  smtp: {{host: 127.0.0.1, port: {port}, security: none}}\n")
        result = cli(project, "mail", "lavrov-pakistan-2021", "--send")
    finally:
        server.stop()
    assert result.exit_code == 0, result.output
    assert "sent to ana@example.org, cc b@example.org" in result.output
    ((sender, recipients, content),) = inbox.messages
    assert sender == "desk@example.org"
    assert recipients == ["ana@example.org", "b@example.org"]
    arrived = email.message_from_bytes(content, policy=policy.default)
    written = read_eml(project / "dist" / "lavrov-pakistan-2021.eml")
    assert arrived["Subject"] == written["Subject"] and arrived["Message-ID"] == written[
        "Message-ID"]
    assert [p.get_content() for p in arrived.iter_attachments()] == [
        p.get_content() for p in written.iter_attachments()]


@needs("openssl")
def it_sends_over_starttls_with_a_login(project, tmp_path):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins = []

    def authenticate(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        ok = (auth_data.login, auth_data.password) == (b"desk", b"s3cret!")
        return AuthResult(success=ok)

    inbox = Inbox()
    port = free_port()
    server = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context,
                        require_starttls=True, authenticator=authenticate, auth_required=True)
    server.start()
    try:
        (project / "brief.yaml").write_text(
            f"mail:\n  from: desk@example.org\n  to: [ana@example.org]\n"
            f"  smtp: {{host: 127.0.0.1, port: {port}, security: starttls, user: desk, "
            f"timeout: 3}}\n")
        env = {"SSL_CERT_FILE": str(cert), "BRIEF_SMTP_PASSWORD": "s3cret!"}
        result = cli(project, "mail", "lavrov-pakistan-2021", "--send", env=env)
        wrong = cli(project, "mail", "lavrov-pakistan-2021", "--send",
                    env={**env, "BRIEF_SMTP_PASSWORD": "wrong-one"})
    finally:
        server.stop()
    assert result.exit_code == 0, result.output
    assert logins[0] == (b"desk", b"s3cret!")
    assert len(inbox.messages) == 1
    assert wrong.exit_code == 1 and "sending failed" in wrong.output
    assert "wrong-one" not in wrong.output and "s3cret" not in result.output


def it_takes_reply_to_from_settings_and_rebuilds_only_when_stale(project):
    (project / "brief.yaml").write_text(
        "mail:\n  from: Desk <desk@example.org>\n  reply_to: team@example.org\n"
        "  to: [a@example.org]\n  subject: 'Brief {{ date }}: {{ title }}'\n")
    assert cli(project, "mail", "lavrov-pakistan-2021").exit_code == 0
    message = read_eml(project / "dist" / "lavrov-pakistan-2021.eml")
    assert str(message["Reply-To"]) == "team@example.org"
    assert message["Subject"].startswith("Brief ") and ": Russian Foreign" in message["Subject"]
    pdf = project / "dist" / "lavrov-pakistan-2021.pdf"
    built = pdf.stat().st_mtime_ns
    assert cli(project, "mail", "lavrov-pakistan-2021").exit_code == 0
    assert pdf.stat().st_mtime_ns == built  # up to date: not built again
    source = project / "sources" / "lavrov-pakistan-2021.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nThe talks ended on Friday.\n",
                      encoding="utf-8")
    assert cli(project, "mail", "lavrov-pakistan-2021").exit_code == 0
    assert pdf.stat().st_mtime_ns != built  # the source changed: built again
