"""`brief add`: web pages served on 127.0.0.1, files, and every way they can go wrong."""

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.cli import main
from brief.model import Article, SourceInfo
from brief.pipeline import compile_source
from brief.read.add import as_markdown
from brief.read.source import read

import formats
from conftest import SAMPLE


class Site(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        routes = {
            "/article": lambda: self.page(formats.as_html().encode()),
            "/moved": lambda: self.redirect("/article"),
            "/loop": lambda: self.redirect("/loop"),
            "/missing": lambda: self.send_error(404, "Not Found"),
            "/image": lambda: self.page(b"\x89PNG\r\n\x1a\n", "image/png"),
            "/slow": self.slow,
            "/huge": self.huge,
        }
        routes.get(self.path, lambda: self.send_error(404, "Not Found"))()

    def page(self, data: bytes, kind: str = "text/html; charset=utf-8"):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, where: str):
        self.send_response(302)
        self.send_header("Location", where)
        self.end_headers()

    def slow(self):
        time.sleep(2)
        self.page(b"<html><body><p>late</p></body></html>")

    def huge(self):  # 50 MB, sent without a length, as a misbehaving server would
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 1_000_000 + b"</p>"
        try:
            for _ in range(50):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = False  # closing waits for every handler: none writes into a later test
    block_on_close = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (the timeout and size tests) is what those tests want


@pytest.fixture(scope="module")
def site():
    server = Server(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def add(project, *args):
    cwd = os.getcwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(main, ["add", *args], catch_exceptions=False)
    finally:
        os.chdir(cwd)


def it_saves_a_web_page_as_a_source_with_front_matter(project, site):
    result = add(project, f"{site}/moved")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("added sources/lavrov-visits-pakistan.md")
    saved = project / "sources" / "lavrov-visits-pakistan.md"
    article = read(saved)
    assert article.meta.title == formats.TITLE and article.meta.author == "Staff Reporter"
    assert article.meta.url == f"{site}/article" and article.meta.retrieved
    assert [i.text for i in compile_source(saved).outcomes] == [
        i.text for i in compile_source(project / "sources" / SAMPLE.name).outcomes]


def it_never_overwrites(project, site):
    assert add(project, f"{site}/article", "--name", "x").exit_code == 0
    before = (project / "sources" / "x.md").read_text()
    again = add(project, f"{site}/article", "--name", "x")
    assert again.exit_code == 1 and "already exists" in again.output
    assert (project / "sources" / "x.md").read_text() == before


def it_adds_a_file_by_its_path(project, tmp_path):
    formats.write_docx(tmp_path / "report.docx")
    result = add(project, str(tmp_path / "report.docx"), "--name", "report")
    assert result.exit_code == 0
    assert read(project / "sources" / "report.md").paragraphs == tuple(formats.paragraphs())


@pytest.mark.parametrize(("path", "message"), [
    ("/missing", "the server answered 404 Not Found"),
    ("/image", "this is not a web page but image/png"),
    ("/loop", "redirect"),
    ("/huge", "the page is over 10 MB"),
])
def it_says_why_a_page_cannot_be_added(project, site, path, message):
    result = add(project, f"{site}{path}")
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (project / "sources").iterdir()) == [SAMPLE.name]


def it_gives_up_on_a_slow_server(project, site):
    result = add(project, f"{site}/slow", "--timeout", "0.5")
    assert result.exit_code == 1 and "no complete answer within 0.5 s" in result.output


def it_refuses_an_address_nothing_answers(project):
    result = add(project, "http://127.0.0.1:9/nothing", "--timeout", "2")
    assert result.exit_code == 1 and "cannot reach the page" in result.output


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                        min_size=1, max_size=80).map(lambda t: " ".join(t.split()))
                .filter(bool), min_size=1, max_size=3))
def it_writes_markdown_that_reads_back_as_the_same_paragraphs(tmp_path, paragraphs):
    import unicodedata

    paragraphs = [unicodedata.normalize("NFC", p) for p in paragraphs]  # as readers give them
    article = Article(SourceInfo(file="a.html", title="T"), tuple(paragraphs))
    path = tmp_path / "round.md"
    path.write_text(as_markdown(article), encoding="utf-8")
    assert read(path).paragraphs == tuple(paragraphs)
