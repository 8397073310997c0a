"""Only http, https and mailto addresses become live links, in every format; anything else
stays plain text. Each output is read back for the links it really holds."""

import email
import html
import io
import re
import zipfile
from email import policy
from pathlib import Path
from xml.etree import ElementTree

import pytest

from brief.render.doctree import Span, safe_href

from conftest import cli

SOURCE = "lavrov-pakistan-2021"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"




def links(project: Path) -> dict[str, list[str]]:
    """Return the link targets each output of the sample source holds."""
    dist = project / "dist"
    found = {"html": [html.unescape(h) for h in re.findall(
        r'href="([^"]*)"', (dist / f"{SOURCE}.html").read_text(encoding="utf-8"))]}
    found["md"] = re.findall(r"\]\(([^)]*)\)", (dist / f"{SOURCE}.md").read_text("utf-8"))
    from pypdf import PdfReader

    found["pdf"] = [str(a.get_object()["/A"]["/URI"])
                    for page in PdfReader(io.BytesIO((dist / f"{SOURCE}.pdf").read_bytes())).pages
                    for a in page.get("/Annots") or ()
                    if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]]
    with zipfile.ZipFile(dist / f"{SOURCE}.docx") as docx:
        found["docx"] = [rel.get("Target") for name in docx.namelist() if name.endswith(".rels")
                         for rel in ElementTree.fromstring(docx.read(name))
                         if rel.get("Type") == HYPERLINK]
    message = email.message_from_bytes((dist / f"{SOURCE}.eml").read_bytes(),
                                       policy=policy.default)
    found["eml html"] = [html.unescape(h) for h in re.findall(
        r'href="([^"]*)"', message.get_body(("html",)).get_content())]
    # Plain text links as a mail reader finds them: "text <address>", or a bare address.
    plain = message.get_body(("plain",)).get_content()
    found["eml text"] = [a or b for a, b in re.findall(
        r"<((?:https?|mailto):[^>\s]+)>|(?<![<\w])(https?://[^\s<>]+)", plain)]
    return found


def build(project: Path, url: str, template: str | None = None) -> dict[str, list[str]]:
    text = (project / "sources" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    (project / "sources" / f"{SOURCE}.txt").write_text(
        f'---\ntitle: Links\nurl: "{url}"\n---\n{text}', encoding="utf-8")
    settings = "mail:\n  from: desk@example.org\n  to: [a@example.org]\n"
    if template is not None:
        folder = project / "templates" / "house"
        folder.mkdir(parents=True)
        (folder / "brief.html.j2").write_text(template, encoding="utf-8")
        settings += "template: house\n"
    (project / "brief.yaml").write_text(settings, encoding="utf-8")
    result = cli(project, "make", "-f", "html", "-f", "md", "-f", "pdf", "-f", "docx")
    assert result.exit_code == 0, result.output
    assert cli(project, "mail", SOURCE).exit_code == 0
    return links(project)


UNSAFE = {
    "javascript": "javascript:alert(1)",
    "mixed case and a space": " JaVaScRiPt:alert(document.cookie)",
    "tab inside": "java\\tscript:alert(1)",
    "newline inside": "java\\nscript:alert(1)",
    "an entity": "&#106;avascript:alert(1)",
    "data": "data:text/html,<script>alert(1)</script>",
    "vbscript": "vbscript:msgbox(1)",
    "file": "file:///etc/passwd",
    "protocol-relative": "//evil.example.org/x",
}


@pytest.mark.parametrize("url", UNSAFE.values(), ids=UNSAFE)
def it_links_no_unsafe_front_matter_url_in_any_format_but_shows_it(project, url):
    found = build(project, url)
    assert found == {k: [] for k in found}, found
    page = (project / "dist" / f"{SOURCE}.html").read_text(encoding="utf-8")
    shown = url.replace("\\t", " ").replace("\\n", " ").strip()
    assert html.escape(shown.split("(")[0], quote=False) in page  # still there, as text


def it_links_a_safe_url_in_every_format(project):
    url = "https://example.org/brief?a=1&b=2"
    found = build(project, url)
    assert found == {k: [url] for k in found}, found


def it_links_no_unsafe_address_a_template_writes_itself(project):
    template = ('<h1>{{ brief.title }}</h1>\n<p><a href="jav&#x09;ascript:alert(1)">one</a> '
                '<a href=" JaVaScRiPt:alert(1)">two</a> <a href="data:text/html,x">three</a> '
                '<a href="mailto:desk@example.org">four</a></p>\n')
    found = build(project, "https://example.org/a", template)
    assert found == {k: ["mailto:desk@example.org"] for k in found}, found
    page = (project / "dist" / f"{SOURCE}.html").read_text(encoding="utf-8")
    assert all(word in page for word in ("one", "two", "three", "four"))


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "\x01javascript:alert(1)",
    "java\tscript:alert(1)", "java\r\nscript:alert(1)", "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "file:///etc/passwd", "ftp://x.org/",
    "//evil.example.org", "/relative", "page.html", "#top", "http:javascript:alert(1)",
    "https://", "mailto:", "http://x.org/\x7f", "http://[::1", ""])
def it_refuses_every_address_but_http_https_and_mailto(url):
    assert safe_href(url) is None
    assert Span("text", href=url).href is None


@pytest.mark.parametrize(("url", "kept"), [
    ("https://example.org/a?b=c#d", "https://example.org/a?b=c#d"),
    ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
    ("mailto:desk@example.org", "mailto:desk@example.org"),
    (" https://example.org/ ", "https://example.org/"),
    ("ht\ttp://exam\nple.org/", "http://example.org/"),
])
def it_keeps_http_https_and_mailto_links_as_a_browser_reads_them(url, kept):
    assert safe_href(url) == kept
    assert Span("text", href=url).href == kept
