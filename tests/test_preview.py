"""`brief preview`: the page, its edits into sources/NAME.yaml, its refusals — over HTTP, and
end to end in a real browser (the system's headless Chromium, driven by selenium)."""

from __future__ import annotations

import http.client
import json
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from conftest import ROOT, cli, needs

NAME = "lavrov-pakistan-2021.txt"
OVERRIDES = "lavrov-pakistan-2021.yaml"
BRIEF = Path(sys.executable).parent / "brief"  # the installed command


@pytest.fixture
def sample(project: Path) -> Path:
    """Return the sample project with its commented overrides file, as `brief init` makes it."""
    shutil.copy(ROOT / "sources" / OVERRIDES, project / "sources")
    return project


@contextmanager
def serving(project: Path, source: str | None = None):
    """Serve `project` in this process on a free port; yield its Preview."""
    from brief.preview import server

    httpd = server.start(project, source, 0)
    httpd.preview.watcher.start()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield httpd.preview
    finally:
        httpd.shutdown()
        httpd.preview.watcher.stop()
        httpd.server_close()
        thread.join(5)


def request(preview, method: str, path: str, body=None, headers: dict | None = None):
    """Return the status, headers and text of a request to the preview."""
    port = urlsplit(preview.url).port
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    data = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
    connection.request(method, path, body=data, headers=headers or {})
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    connection.close()
    return response.status, response.headers, text


def edit(preview, change: dict, **headers):
    """POST an edit as the page does; `headers` replace the page's (None: left out)."""
    sent = {"Origin": preview.url.rstrip("/"), "X-Brief-Token": preview.token,
            "Content-Type": "application/json"}
    sent.update({key.replace("_", "-"): value for key, value in headers.items()})
    body = {"source": NAME, **change}
    return request(preview, "POST", "/edit", body, {k: v for k, v in sent.items() if v})


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def tree(folder: Path) -> dict:
    """Return every file under `folder` with its bytes: what a request may not change."""
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def valid(project: Path) -> None:
    """Fail unless the sample's overrides pass brief's own validation."""
    from brief.extract.segment import segment
    from brief.override import apply
    from brief.read.source import read

    sentences = segment(read(project / "sources" / NAME))
    assert apply.problems(project / "sources" / OVERRIDES, sentences) == []


# The page -----------------------------------------------------------------------------


def it_shows_the_brief_beside_every_sentence_with_its_id_and_why(sample):
    with serving(sample) as preview:
        status, headers, text = request(preview, "GET", f"/source/{NAME}")
    assert status == 200
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "Key outcomes" in text and "Lavrov" in text  # the brief, in its iframe
    assert "srcdoc=" in text and "<script src=\"/preview.js\"" in text
    ids = re.findall(r'data-sid="(s\d+)"', text)
    assert ids[:3] == ["s1", "s2", "s3"] and len(ids) > 20
    assert "centrality" in text and "passed over" in text and "in Summary" in text
    assert preview.token in text


def it_goes_straight_to_the_only_source_and_lists_several(sample):
    with serving(sample) as preview:
        status, headers, _ = request(preview, "GET", "/")
        assert (status, headers["Location"]) == (303, f"/source/{NAME}")
        (sample / "sources" / "second note.md").write_text("# Note\n\nThe talks ended.\n")
        status, _, text = request(preview, "GET", "/")
    assert status == 200
    assert f'href="/source/{NAME}"' in text and f'href="/source/{quote("second note.md")}"' in text


def it_shows_a_broken_overrides_file_in_the_page_and_still_lists_the_sentences(sample):
    (sample / "sources" / OVERRIDES).write_text("title: x\npin: [s7\n")
    with serving(sample) as preview:
        _, _, text = request(preview, "GET", f"/source/{NAME}")
    assert re.search(r'class="error"[^>]*>error: [^<]*lavrov-pakistan-2021\.yaml:\d+: ', text)
    assert 'data-sid="s7"' in text


def it_writes_nothing_but_what_the_analyst_asks_for(sample):
    (sample / "sources" / OVERRIDES).write_text("pin: [s7]\n")  # drift would be recorded
    before = tree(sample)
    with serving(sample) as preview:
        for path in ("/", f"/source/{NAME}", "/sources", "/preview.js", "/nowhere"):
            request(preview, "GET", path)
    assert tree(sample) == before


@pytest.mark.parametrize("change, expected", [
    ({"action": "pin", "sid": "s9"}, "pin: [s9]"),
    ({"action": "pin", "sid": "S09", "section": "outcomes"}, "pin:\n  outcomes: [S09]"),
    ({"action": "drop", "sid": "s6"}, "drop: [s6]"),
    ({"action": "drop", "sid": "s6", "section": "summary"}, "drop:\n  summary: [s6]"),
    ({"action": "term", "text": "Pakistan Stream"}, "emphasis:\n  terms: [Pakistan Stream]"),
    ({"action": "outcome", "text": "Islamabad gains a supplier.", "topic": "Energy"},
     "outcomes:\n  - text: Islamabad gains a supplier.\n    topic: Energy"),
    ({"action": "implication", "text": "Expect Indian concern."},
     "implications:\n  - Expect Indian concern."),
])
def it_writes_an_edit_into_the_overrides_keeping_their_comments(sample, change, expected):
    path = sample / "sources" / OVERRIDES
    before = path.read_text()
    with serving(sample) as preview:
        status, _, text = edit(preview, change)
        assert status == 200, text
        _, _, page = request(preview, "GET", f"/source/{NAME}")
    after = path.read_text()
    assert after.startswith(before) and after[len(before):] == expected + "\n"
    assert comments(after) == comments(before)
    valid(sample)
    assert json.loads(text)["message"].endswith(f"in sources/{OVERRIDES}")
    if change["action"] == "pin":
        assert re.search(r'data-sid="s9"><span class="sid">s9</span>.*?pinned', page)
    if change["action"] in ("outcome", "implication"):
        assert change["text"] in page


def it_changes_lists_already_there_in_place(sample):
    path = sample / "sources" / OVERRIDES
    path.write_text("# mine\npin: [s7]   # keep these\ndrop: [s6]\n"
                    "emphasis: {topics: [Energy]}   # energy first\n")
    with serving(sample) as preview:
        for change in ({"action": "pin", "sid": "s6"}, {"action": "term", "text": "gas"},
                       {"action": "drop", "sid": "s7"}, {"action": "release", "sid": "s6"}):
            assert edit(preview, change)[0] == 200
    assert path.read_text() == ("# mine\npin: []       # keep these\ndrop: [s7]\n"
                                "emphasis: {topics: [Energy], terms: [gas]} # energy first\n")
    valid(sample)


def it_keeps_each_pin_where_it_is_when_pins_go_by_section(sample):
    path = sample / "sources" / OVERRIDES
    path.write_text("pin: [s7]\n")
    with serving(sample) as preview:
        assert edit(preview, {"action": "pin", "sid": "s9", "section": "summary"})[0] == 200
    assert path.read_text() == "pin:\n  outcomes: [s7]\n  summary: [s9]\n"


@pytest.mark.parametrize("change, message", [
    ({"action": "pin", "sid": "s999"}, "no sentence 's999'"),
    ({"action": "pin", "sid": "s9", "section": "appendix"}, "unknown section"),
    ({"action": "outcome", "text": " "}, "needs some text"),
    ({"action": "rename", "sid": "s9"}, "unknown edit"),
    ({"action": "term", "text": "x" * 3000}, "at most"),
])
def it_refuses_an_edit_that_would_break_the_overrides(sample, change, message):
    path = sample / "sources" / OVERRIDES
    before = path.read_bytes()
    with serving(sample) as preview:
        status, _, text = edit(preview, change)
    assert status == 400 and message in json.loads(text)["error"]
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*"))  # no temporary file left


def it_asks_to_fix_a_broken_file_before_changing_it(sample):
    path = sample / "sources" / OVERRIDES
    path.write_text("pin: [s7\n")
    with serving(sample) as preview:
        status, _, text = edit(preview, {"action": "pin", "sid": "s9"})
    assert status == 400 and json.loads(text)["error"].startswith("fix this first: ")
    assert path.read_text() == "pin: [s7\n"


@pytest.mark.parametrize("headers", [
    {"Origin": None},
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"X_Brief_Token": None},
    {"X_Brief_Token": "guessed"},
    {"Content_Type": "text/plain"},
    {"Sec_Fetch_Site": "cross-site"},
    {"Host": "evil.example"},
], ids=["no origin", "other origin", "null origin", "no token", "wrong token", "not json",
        "cross-site", "rebound host"])
def it_refuses_edits_from_anywhere_but_its_page(sample, headers):
    before = tree(sample)
    with serving(sample) as preview:
        status, _, text = edit(preview, {"action": "pin", "sid": "s9"}, **headers)
    assert status == 403 and "refused" in text
    assert tree(sample) == before


@pytest.mark.parametrize("source", ["../brief.yaml", "brief.yaml", OVERRIDES, "/etc/passwd",
                                    f"sources/{NAME}", "", 7])
def it_edits_only_the_sources_of_its_project(sample, source):
    before = tree(sample)
    with serving(sample) as preview:
        sent = {"Origin": preview.url.rstrip("/"), "X-Brief-Token": preview.token,
                "Content-Type": "application/json"}
        status, _, _ = request(preview, "POST", "/edit",
                               {"source": source, "action": "term", "text": "x"}, sent)
    assert status == 404
    assert tree(sample) == before


def it_does_not_write_through_a_link(sample, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "target.yaml"
    outside.write_text("title: mine\n")
    (sample / "sources" / OVERRIDES).unlink()
    (sample / "sources" / OVERRIDES).symlink_to(outside)
    with serving(sample) as preview:
        status, _, text = edit(preview, {"action": "term", "text": "x"})
    assert status == 400 and "outside the project" in text
    assert outside.read_text() == "title: mine\n"


@pytest.mark.parametrize("changed", ["sources/" + NAME, "sources/" + OVERRIDES, "brief.yaml",
                                     "templates/house/style.yaml", "sources/new.md"])
def it_notices_a_change_to_every_file_the_brief_depends_on(sample, changed):
    from brief.preview.watch import Watcher

    (sample / "templates" / "house").mkdir(parents=True)
    (sample / "templates" / "house" / "style.yaml").write_text("accent: '#123456'\n")
    watcher = Watcher(sample)
    before = watcher.fingerprint()
    path = sample / changed
    path.write_text((path.read_text() if path.exists() else "") + "\n# more\n")
    assert watcher.fingerprint() != before
    (sample / "dist").mkdir(exist_ok=True)
    (sample / "dist" / "x.pdf").write_text("output")  # what it writes itself is no change
    (sample / "sources" / ".swap").write_text("editor")
    assert watcher.fingerprint() == Watcher(sample).fingerprint()


def it_tells_the_page_of_a_change_as_it_happens(sample):
    with serving(sample) as preview:
        port = urlsplit(preview.url).port
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/events", headers={"Host": f"127.0.0.1:{port}"})
        stream = connection.getresponse()
        assert stream.headers["Content-Type"] == "text/event-stream"
        assert stream.readline() == b"retry: 500\n" and stream.readline() == b"\n"
        assert stream.readline() == b"data: 0\n"
        stream.readline()
        (sample / "sources" / OVERRIDES).write_text("title: New\n")
        assert stream.readline() == b"data: 1\n"  # benchmarks/preview.py says how soon
        connection.close()


# The command --------------------------------------------------------------------------


@contextmanager
def running(project: Path, *args: str):
    """Run the installed `brief preview --no-open ARGS` in `project`; yield its address and
    process; stop it with Ctrl-C (SIGINT) however the test ends."""
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen([str(BRIEF), "preview", "--no-open", *args], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env)
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout=30):
                raise AssertionError("brief preview printed no address in 30 s")
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert found, line + process.stderr.read()
        yield found.group(0), process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def it_serves_until_ctrl_c_and_then_stops_cleanly(sample):
    with running(sample) as (url, process):
        port = urlsplit(url).port
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", f"/source/{NAME}")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0 and "preview stopped" in out and err == ""


def it_finds_the_project_from_inside_it(sample):
    with running(sample / "sources") as (url, _):
        connection = http.client.HTTPConnection("127.0.0.1", urlsplit(url).port, timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().getheader("Location") == f"/source/{NAME}"
        connection.close()


def it_says_when_the_port_is_taken(sample):
    with running(sample) as (url, _):
        result = cli(sample, "preview", "--no-open", "--port", str(urlsplit(url).port))
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"error: cannot listen on {url[7:-1]}")
    assert "--port" in result.output


@pytest.mark.parametrize("where, message", [
    ("outside", "is not in this project's sources/ folder"),
    ("missing", "no such source"),
    ("no project", "not in a brief project"),
])
def it_previews_only_sources_of_a_project(sample, tmp_path_factory, where, message):
    arguments = {"outside": [str(ROOT / "sources" / NAME)], "missing": ["nothing-here"],
                 "no project": []}[where]
    folder = sample
    if where == "no project":
        folder = tmp_path_factory.mktemp("empty")
    result = cli(folder, "preview", "--no-open", *arguments)
    assert result.exit_code == 1 and message in result.output
    assert len(result.output.strip().splitlines()) == 1


# In a real browser --------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT = 10  # seconds for what should take one: a loaded machine must not fail the test


@pytest.fixture(scope="module")
def driver():
    """Return headless Chromium from the system, driven over its own chromedriver: selenium
    is given both paths, so its manager never looks for (or downloads) a browser."""
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(argument)
    chrome = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    chrome.set_page_load_timeout(30)
    chrome.set_script_timeout(WAIT)
    yield chrome
    chrome.quit()


def until(condition, what: str):
    """Return condition()'s first true value within WAIT seconds; fail naming `what`."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            value = condition()
        except Exception:  # the page is being swapped under us: look again
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not within {WAIT} s: {what}")


def brief_text(driver) -> str:
    """Return the text of the brief in the page's frame."""
    from selenium.webdriver.common.by import By

    driver.switch_to.frame(driver.find_element(By.CSS_SELECTOR, "#brief iframe"))
    try:
        return driver.find_element(By.TAG_NAME, "body").text
    finally:
        driver.switch_to.default_content()


def sentence(driver, sid: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'[data-sid="{sid}"]')


def in_browser(test):
    """Mark a test that needs the system's Chromium and chromedriver."""
    return needs("chromium")(needs("chromedriver")(test))


@in_browser
def it_shows_the_sample_brief_in_the_browser(sample, driver):
    with running(sample) as (url, _):
        driver.get(url)
        text = until(lambda: brief_text(driver), "the brief shows")
        assert "Lavrov" in text
        for heading in ("Summary", "Key outcomes", "Implications"):
            assert heading in text
        assert "s1" in until(lambda: sentence(driver, "s1").text, "the sentence list")
        assert driver.title == f"{NAME} — brief preview"


@in_browser
def it_follows_an_edit_of_the_overrides_on_disk(sample, driver):
    with running(sample) as (url, _):
        driver.get(url)
        until(lambda: "Lavrov" in brief_text(driver), "the brief shows")
        with open(sample / "sources" / OVERRIDES, "a") as overrides:
            overrides.write('title: "A title of my own"\n')
        until(lambda: "A title of my own" in brief_text(driver), "the new title shows")


@in_browser
def it_pins_a_sentence_from_the_page(sample, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    path = sample / "sources" / OVERRIDES
    before = path.read_text()
    with running(sample) as (url, _):
        driver.get(url)
        sid = until(lambda: driver.find_element(By.CSS_SELECTOR, "#sentences li.passed")
                    .get_attribute("data-sid"), "a sentence passed over")
        brief_before = until(lambda: brief_text(driver), "the brief")

        def pin() -> bool:  # found afresh each try: a rebuild may swap the list meanwhile
            line = sentence(driver, sid)
            Select(line.find_element(By.TAG_NAME, "select")).select_by_value("outcomes")
            line.find_element(By.CSS_SELECTOR, 'button[data-action="pin"]').click()
            return True

        until(pin, f"the pin button of {sid}")
        shown = until(lambda: "pinned to Key outcomes" in sentence(driver, sid).text
                      and sentence(driver, sid).text, f"{sid} shows as pinned")
        assert "in Key outcomes" in shown
        until(lambda: brief_text(driver) != brief_before, "the brief with the pin")
        assert driver.find_element(By.ID, "notice").text.startswith(f"pinned {sid}")
    after = path.read_text()
    assert after == before + f"pin:\n  outcomes: [{sid}]\n"
    assert comments(after) == comments(before)
    valid(sample)


@in_browser
def it_shows_a_broken_overrides_file_in_the_browser(sample, driver):
    from selenium.webdriver.common.by import By

    path = sample / "sources" / OVERRIDES
    with running(sample) as (url, _):
        driver.get(url)
        until(lambda: "Lavrov" in brief_text(driver), "the brief shows")
        path.write_text("pin: [s7\n")
        error = until(lambda: driver.find_element(By.CSS_SELECTOR, "#problems .error").text,
                      "the error shows")
        assert OVERRIDES in error and re.search(r"\.yaml:\d+: ", error)
        path.write_text("pin: [s7]\n")
        until(lambda: not driver.find_elements(By.CSS_SELECTOR, "#problems .error"),
              "the error goes once fixed")
        assert "Lavrov" in brief_text(driver)


@pytest.fixture
def elsewhere():
    """Return the address of another site (another origin) on this machine."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), SimpleHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@in_browser
def it_refuses_an_edit_a_page_of_another_origin_sends(sample, driver, elsewhere):
    before = tree(sample)
    with running(sample) as (url, _):
        driver.get(url)
        token = until(lambda: driver.find_element("css selector", 'meta[name="brief-token"]')
                      .get_attribute("content"), "the page's token")
        driver.get(elsewhere)
        # Even knowing the token: the browser sends the request (its preflight fails), or a
        # plain form-like request that the server refuses for its Origin.
        results = driver.execute_async_script("""
            const [url, token, source, done] = arguments;
            const body = JSON.stringify({source: source, action: "term", text: "pwned"});
            const results = [];
            fetch(url + "edit", {method: "POST", body: body, headers:
                {"Content-Type": "application/json", "X-Brief-Token": token}})
              .then(r => results.push(r.status), e => results.push("blocked"))
              .then(() => fetch(url + "edit", {method: "POST", body: body, mode: "no-cors"}))
              .then(r => results.push(r.type), e => results.push("blocked"))
              .then(() => done(results));
        """, url, token, NAME)
        assert results == ["blocked", "opaque"]
    assert tree(sample) == before
