"""Templates and the mail subject run in a bounded sandbox; `brief check` finds what `make`
would fail on in a template, and both say it in one line naming the file."""

import email
import shutil
import subprocess
import sys
import time
from email import policy
from pathlib import Path

import pytest

from conftest import cli

BRIEF = Path(sys.executable).parent / "brief"
TEMPLATE = Path("templates") / "house" / "brief.html.j2"




def house(project: Path, text: str, **more: str) -> Path:
    """Give `project` the template `house` with `text` (and other files of the folder)."""
    folder = project / "templates" / "house"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brief.html.j2").write_text(text, encoding="utf-8")
    for name, content in more.items():
        (folder / name.replace("__", "/")).write_text(content, encoding="utf-8")
    (project / "brief.yaml").write_text("template: house\n", encoding="utf-8")
    return folder


FAULTS = {
    # id: (template, other files of the folder, the file named, words of the error)
    "escapes the sandbox": (
        "<p>{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}</p>", {},
        TEMPLATE, "not allowed in a template"),
    "reaches object's subclasses": (
        "<p>{{ ''.__class__.__mro__[1].__subclasses__() }}</p>", {}, TEMPLATE,
        "not allowed in a template"),
    "mutates a list": (
        "{% set seen = [] %}<p>{{ seen.append(1) }}</p>", {}, TEMPLATE,
        "not allowed in a template"),
    "emits <script>": ("<p>hi</p>\n<script>alert(1)</script>", {}, TEMPLATE,
                       "produced <script>"),
    "emits <img>": ('<p>hi</p>\n<img src="x.png">', {}, TEMPLATE, "produced <img>"),
    "includes a missing file": ('<p>hi</p>\n{% include "parts/missing.j2" %}', {}, TEMPLATE,
                                "no template file 'parts/missing.j2'"),
    "uses an undefined variable": ("<p>{{ brief.title }}</p>\n<p>{{ nosuch }}</p>", {},
                                   TEMPLATE, "'nosuch' is undefined"),
    "uses an undefined attribute in an include": (
        '<p>hi</p>\n{% include "part.j2" %}', {"part.j2": "<p>{{ brief.nosuch }}</p>"},
        TEMPLATE.parent / "part.j2", "no attribute 'nosuch'"),
    "has a syntax error": ("<p>{% for x in brief.outcomes %}</p>", {}, TEMPLATE,
                           "Unexpected end of template"),
    "recurses in a macro": (
        "{% macro down(n) %}{{ down(n + 1) }}{% endmacro %}<p>{{ down(1) }}</p>", {},
        TEMPLATE, "calls or includes itself"),
    "includes itself": ('<p>hi</p>{% include "brief.html.j2" %}', {}, TEMPLATE,
                        "calls or includes itself"),
    "counts to a billion": ("<p>{% for i in range(10**9) %}x{% endfor %}</p>", {}, TEMPLATE,
                            "range() of 1,000,000,000 items"),
    "nests silent loops": (
        "{% set r = range(5000) %}<p>{% for i in r %}{% for j in r %}{% endfor %}"
        "{% endfor %}</p>", {}, TEMPLATE, "steps"),
    "writes gigabytes": ('<p>{{ "x" * 10**9 }}</p>', {}, TEMPLATE, "may not repeat text"),
    "pads with a filter": ('<p>{{ "x"|center(10**10) }}</p>', {}, TEMPLATE,
                           "may not pad text wider"),
    "pads with str.format": ('<p>{{ "{:>{w}}".format(1, w=10**10) }}</p>', {}, TEMPLATE,
                             "may not pad text that wide"),
    "pads with %": ('<p>{{ "%*d"|format(10**10, 1) }}</p>', {}, TEMPLATE,
                    "may not pad text that wide"),
    "writes too much HTML": (
        "<p>{% for i in range(10000) %}{{ brief.title * 20 }}{% endfor %}</p>", {}, TEMPLATE,
        "over 5 MB of HTML"),
}


@pytest.mark.parametrize(("text", "files", "named", "words"), FAULTS.values(), ids=FAULTS)
def it_finds_a_faulty_template_with_check_and_make_fails_each_source_alike(
        project, text, files, named, words):
    house(project, text, **files)
    shutil.copy(project / "sources" / "lavrov-pakistan-2021.txt", project / "sources" / "b.txt")
    started = time.monotonic()
    checked = cli(project, "check")
    assert checked.exit_code == 1, checked.output
    errors = [line for line in checked.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {named}"), checked.output
    assert words in errors[0]

    made = subprocess.run([BRIEF, "make", "-f", "html"], cwd=project, capture_output=True,
                          text=True, timeout=60)
    assert made.returncode == 1
    assert "Traceback" not in made.stderr + made.stdout
    errors = [line for line in made.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, made.stderr  # each source, the same clear error
    assert all(e.startswith(f"error: {named}") and words in e for e in errors), made.stderr
    assert not list((project / "dist").glob("*.html"))
    assert not (project / "PWNED").exists()
    assert time.monotonic() - started < 10


def it_checks_the_built_in_templates_clean(project):
    for name in ("default", "memo"):
        (project / "brief.yaml").write_text(f"template: {name}\n", encoding="utf-8")
        result = cli(project, "check")
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"ok: settings, template '{name}'")


def it_keeps_autoescape_on_in_templates(project):
    house(project, "<p>{{ brief.title }}</p>")
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text(
        "title: '<script>alert(1)</script> & co'\n", encoding="utf-8")
    result = cli(project, "make", "-f", "html")
    assert result.exit_code == 0, result.output
    html = (project / "dist" / "lavrov-pakistan-2021.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "<script>" not in html


def it_never_runs_code_compiled_outside_the_sandbox(project):
    """Jinja2's bytecode cache is shared by every unsandboxed Environment of the user: code
    compiled there (by an older brief, say) must not be served to the sandbox."""
    import jinja2

    folder = house(project, '<p>{{ ("x" * 200000)|length }}</p>')
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder.resolve())),
                               bytecode_cache=jinja2.FileSystemBytecodeCache())
    assert plain.get_template("brief.html.j2").render()  # compiled and cached unsandboxed
    result = cli(project, "make", "-f", "html")
    assert result.exit_code == 1 and "may not repeat text" in result.output


# The mail subject ----------------------------------------------------------------------------


def mail_settings(project: Path, subject: str) -> None:
    (project / "brief.yaml").write_text(
        "marking: OFFICIAL\nmail:\n  from: desk@example.org\n  to: [a@example.org]\n"
        f"  subject: {subject}\n", encoding="utf-8")


@pytest.mark.parametrize("subject", [
    "\"{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}\"",
    "\"{{ nosuch }} Brief\"",
    "\"{% for i in range(10**9) %}x{% endfor %}\"",
], ids=["escapes the sandbox", "undefined name", "counts to a billion"])
def it_refuses_a_faulty_subject_in_check_and_mail_naming_its_line(project, subject):
    mail_settings(project, subject)
    for args in (("check",), ("mail", "lavrov-pakistan-2021", "--dry-run")):
        result = cli(project, *args)
        assert result.exit_code == 1, result.output
        errors = [line for line in result.output.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and errors[0].startswith(
            "error: brief.yaml:5: mail.subject does not render"), result.output
    assert not (project / "PWNED").exists()


@pytest.mark.parametrize(("subject", "option"), [
    ('"{{ title }}\\nBcc: evil@example.org"', None),
    ('"{{ marking }}\\r\\nBcc: evil@example.org\\r\\n\\r\\nbody"', None),
    ('"Brief\\u0085Bcc: evil@example.org\\u2028X-Evil: 1\\x07"', None),
    (None, "Today\r\nBcc: evil@example.org\nX-Evil: 1"),
], ids=["newline in the template", "CRLF after the marking", "other line breaks and a bell",
        "--subject with line breaks"])
def it_writes_a_subject_on_one_line_with_no_injected_header(project, subject, option):
    mail_settings(project, subject or '"Brief"')
    args = ["mail", "lavrov-pakistan-2021"] + (["--subject", option] if option else [])
    result = cli(project, *args)
    assert result.exit_code == 0, result.output
    raw = (project / "dist" / "lavrov-pakistan-2021.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=policy.default)
    assert len(message.get_all("Subject")) == 1
    assert message.get_all("Bcc") is None and message.get_all("X-Evil") is None
    assert "Bcc: evil@example.org" in message["Subject"]  # its words kept, on one line
    assert not any(ord(c) < 32 or c in "\x85\u2028" for c in message["Subject"])
