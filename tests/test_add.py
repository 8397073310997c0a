"""`brief add`: web pages served on 127.0.0.1, files, and every way they can go wrong."""

import os
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.cli import main
from brief.errors import BriefError
from brief.model import Article, SourceInfo
from brief.pipeline import compile_source
from brief.read.add import as_markdown
from brief.read.fetch import fetch
from brief.read.source import read

import formats
from conftest import SAMPLE


class Site(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        routes = {
            "/article": lambda: self.page(formats.as_html().encode()),
            "/moved": lambda: self.redirect("/article"),
            "/loop": lambda: self.redirect("/loop"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
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
    ("/to-file", "the server redirects to 'file:///etc/passwd', not a web address"),
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

    from brief.read.source import clean_text

    # As readers give them: NFC, and mojibake ("Â£") repaired as any source's would be.
    paragraphs = [clean_text(unicodedata.normalize("NFC", p)) for p in paragraphs]
    article = Article(SourceInfo(file="a.html", title="T"), tuple(paragraphs))
    path = tmp_path / "round.md"
    path.write_text(as_markdown(article), encoding="utf-8")
    assert read(path).paragraphs == tuple(paragraphs)



# Servers that misbehave below HTTP: raw sockets on 127.0.0.1, one behaviour each.

PAGE = b"<html><head><title>Drip</title></head><body><p>" + b"drip " * 40 + b"</p></body></html>"
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
SIZED = HEAD + b"Content-Length: %d\r\n\r\n" % len(PAGE)


def serves(at_once: bytes, dripped: bytes = b"", every: float = 0.2):
    """Send `at_once`, then `dripped` a byte every `every` seconds, then close."""
    def behaviour(conn, stop):
        conn.sendall(at_once)
        for byte in dripped:
            if stop.wait(every):
                return
            conn.sendall(bytes([byte]))
    return behaviour


def silent(conn, stop):
    stop.wait(5)


@pytest.fixture
def raw():
    """Return a function serving `behaviour(conn, stop)` on 127.0.0.1 and returning its
    address; each connection is closed when its behaviour returns."""
    stop, listeners, threads = threading.Event(), [], []

    def serve(behaviour) -> str:
        listener = socket.create_server(("127.0.0.1", 0))
        listeners.append(listener)

        def run():
            listener.settimeout(0.05)  # closing it would not wake a waiting accept()
            while not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    continue
                with conn:
                    try:
                        conn.settimeout(5)
                        conn.recv(65536)  # the request
                        behaviour(conn, stop)
                    except OSError:
                        pass  # the client gave up, as it should

        threads.append(threading.Thread(target=run, daemon=True))
        threads[-1].start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}/page"

    yield serve
    stop.set()
    for thread in threads:
        thread.join(timeout=5)
    for listener in listeners:
        listener.close()


@pytest.mark.parametrize(("behaviour", "message"), [
    (serves(b""), "the server closed the connection without answering"),
    (serves(HEAD + b"Content-Length: 1000\r\n\r\n<html><body>"),
     "the server closed the connection after 12 of 1000 bytes"),
    (serves(HEAD + b"Transfer-Encoding: chunked\r\n\r\n40\r\n<html><body>"),
     "the server closed the connection before the page ended"),
    (serves(b"SSH-2.0-OpenSSH_9.6\r\n"), "the server does not answer in HTTP"),
    (serves(random.Random(11).randbytes(2000)), "the server does not answer in HTTP"),
    (serves(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(150))
            + b"\r\n"), "the server's answer is not valid HTTP: got more than 100 headers"),
    (serves(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n"),
     "the server's answer has a line over 64 KB"),
    (silent, "no complete answer within 1 s"),
    (serves(b"", SIZED + PAGE), "no complete answer within 1 s"),
    (serves(SIZED, PAGE), "no complete answer within 1 s"),
], ids=["drops", "closes mid-body", "closes mid-chunk", "ssh", "random bytes", "150 headers",
        "64 KB header line", "silent", "drips headers", "drips body"])
def it_ends_a_misbehaving_fetch_in_one_error_within_the_timeout(project, raw, behaviour,
                                                                message):
    url = raw(behaviour)
    start = time.monotonic()
    result = add(project, url, "--timeout", "1")
    elapsed = time.monotonic() - start
    assert result.exit_code == 1, result.output
    [line] = result.output.splitlines()
    assert line.startswith(f"error: {url}: {message} ("), line  # then the remedy
    assert elapsed < 1.8, f"took {elapsed:.2f} s with --timeout 1"
    assert sorted(p.name for p in (project / "sources").iterdir()) == [SAMPLE.name]


@pytest.mark.parametrize(("behaviour", "message"), [
    (serves(b"HTTP/1.1 200 OK\r\n\r\n"), "the secure connection failed: wrong version number"),
    (silent, "no complete answer within 1 s"),
    (serves(b"\x16\x03\x03\x40\x00", b"\x00" * 100), "no complete answer within 1 s"),
], ids=["plain http", "silent", "drips a TLS record"])
def it_ends_a_misbehaving_https_fetch_in_one_error_within_the_timeout(raw, behaviour,
                                                                      message):
    url = raw(behaviour).replace("http://", "https://")
    start = time.monotonic()
    with pytest.raises(BriefError, match=message):
        fetch(url, timeout=1)
    assert time.monotonic() - start < 1.5


def it_bounds_the_whole_fetch_not_each_read(raw):
    # A byte every 0.2 s never lets one read wait 1 s; the page takes ~60 s to drip.
    url = raw(serves(SIZED, PAGE))
    start = time.monotonic()
    with pytest.raises(BriefError, match="no complete answer within 1 s"):
        fetch(url, timeout=1)
    assert 1 <= time.monotonic() - start < 1.5


@pytest.mark.parametrize("timeout", ["nan", "NaN", "inf", "-inf", "0", "-1", "601", "soon"])
def it_refuses_a_timeout_that_is_not_a_sensible_number_of_seconds(project, raw, timeout):
    url = raw(serves(SIZED + PAGE))
    result = add(project, url, "--timeout", timeout)
    assert result.exit_code == 2 and "Invalid value for '--timeout'" in result.output, \
        result.output
    assert sorted(p.name for p in (project / "sources").iterdir()) == [SAMPLE.name]


def it_still_adds_a_page_from_a_well_behaved_raw_server(project, raw):
    result = add(project, raw(serves(SIZED + PAGE)), "--timeout", "1")
    assert result.exit_code == 0, result.output
    assert read(project / "sources" / "drip.md").paragraphs == (("drip " * 40).strip(),)


@pytest.mark.parametrize(("url", "message"), [
    ("http://[::1", "not a valid address: Invalid IPv6 URL"),
    ("http://127.0.0.1:99999/", "not a valid address: Port out of range 0-65535"),
    ("http://127.0.0.1:port/", "not a valid address"),
    ("http://", "not a valid address: no host"),
    ("http://127.0.0.1/a b", "not a valid address: URL can't contain control characters"),
    ("ftp://127.0.0.1/x.html", "only http and https addresses can be fetched"),
    ("FILE:///etc/passwd", "only http and https addresses can be fetched"),
    ("http://" + "a" * 70 + ".invalid/", "not a valid address"),  # an IDNA label over 63
    ("http://127.0.0.1:9/nothing", "cannot reach the page"),
])
def it_says_why_an_address_cannot_be_fetched(project, url, message):
    start = time.monotonic()
    result = add(project, url, "--timeout", "1")
    assert result.exit_code == 1 and result.output.startswith(f"error: {url}: {message}"), \
        result.output
    assert len(result.output.splitlines()) == 1 and time.monotonic() - start < 1.5
    assert sorted(p.name for p in (project / "sources").iterdir()) == [SAMPLE.name]


def _no_dns(*args, **kwargs):
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.text(max_size=60),
    st.builds(str.__add__, st.sampled_from(["http://", "https://", "HTTP://", "ftp://",
                                            "file://", "http://127.0.0.1:", "http://[",
                                            "http://127.0.0.1/", "https://xn--"]),
              st.text(max_size=60))))
def it_turns_any_garbage_address_into_a_brief_error(monkeypatch, url):
    # No name ever resolves, so no example can reach beyond this machine.
    monkeypatch.setattr(socket, "getaddrinfo", _no_dns)
    try:
        fetch(url, timeout=0.5)
    except BriefError as exc:
        assert str(exc).startswith(f"{url}: ")
