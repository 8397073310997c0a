"""The preview's web server (the standard library's threading HTTP server): 127.0.0.1 only.

GET pages are rebuilt from the files at each request (compiling a source takes tens of
milliseconds); /events tells open pages when a watched file changed (server-sent events);
POST /edit changes a source's overrides. What may change files is guarded: the Host must be
this server's own (no DNS rebinding), the Origin this page's, and the request must carry the
token of this run, which only the page knows; edits go to sources/NAME.yaml of a source of
this project, nowhere else.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from brief import pipeline
from brief.errors import BriefError
from brief.preview import edits, page
from brief.preview.view import SECTION_NAMES, build
from brief.preview.watch import Watcher
from brief.settings import Settings

MAX_BODY = 16_384  # an edit is a few hundred bytes
KEEPALIVE = 15  # seconds between comments on an idle event stream, so a dead page is noticed
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
       "form-action 'none'")


class Preview:
    """What the server serves: a project's sources, the version of its files, this run's
    token."""

    def __init__(self, root: Path, only: str | None, port: int) -> None:
        self.root = root
        self.only = only
        """The file name of the source named on the command line, if one was."""
        self.token = secrets.token_urlsafe(32)
        self.origins = {f"http://127.0.0.1:{port}", f"http://localhost:{port}"}
        self.hosts = {origin.split("//")[1] for origin in self.origins}
        self.url = f"http://127.0.0.1:{port}/"
        self.watcher = Watcher(root)
        self.editing = threading.Lock()  # one edit at a time: each reads, changes, writes

    def sources(self) -> list[Path]:
        """Return the project's sources. Raises BriefError if it has no sources/."""
        return pipeline.find_sources(pipeline.Project(self.root, Settings()))

    def lookup(self, name: str) -> Path | None:
        """Return the source called `name` in sources/, or None: never any other file."""
        try:
            return next((p for p in self.sources() if p.name == name), None)
        except BriefError:
            return None


class Server(ThreadingHTTPServer):
    daemon_threads = True  # open event streams must not hold up Ctrl-C
    block_on_close = False

    def __init__(self, port: int, preview_for) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.preview: Preview = preview_for(self.server_address[1])

    def run(self) -> None:
        """Serve until Ctrl-C (or SIGTERM made KeyboardInterrupt), then stop cleanly."""
        self.preview.watcher.start()
        try:
            self.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.preview.watcher.stop()
            self.server_close()


def start(root: Path, source: str | None = None, port: int = 0) -> Server:
    """Return a preview server of the project at `root` listening on 127.0.0.1:`port` (a
    free port if 0), for `source` or every source.

    Raises BriefError outside a project, if it has no sources/, if `source` is not one of
    its sources, or if the port cannot be had.
    """
    root = pipeline.locate(Path(os.path.abspath(root)))  # from anywhere inside it, as make
    project = pipeline.Project(root, Settings())
    pipeline.find_sources(project)  # a project at all?
    only = None
    if source:
        path = pipeline.find_sources(project, (source,))[0]
        if Path(os.path.abspath(path)).parent != project.sources:
            raise BriefError("is not in this project's sources/ folder", path,
                             hint="the preview shows the project's own sources; copy it there")
        only = path.name
    try:
        return Server(port, lambda bound: Preview(root, only, bound))
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise BriefError(f"cannot listen on 127.0.0.1:{port}: {reason}",
                         hint="choose another port with --port, or leave it out for a free one"
                         ) from None


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "brief-preview"

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass  # problems show in the page; a line per request would bury them

    @property
    def preview(self) -> Preview:
        return self.server.preview

    def do_GET(self) -> None:
        if not self._own_host():
            return
        path = urlsplit(self.path).path
        if path == "/preview.js":
            self._send(200, page.SCRIPT, "text/javascript")
        elif path == "/preview.css":
            self._send(200, page.STYLE, "text/css")
        elif path == "/events":
            self._events()
        elif path in ("/", "/sources"):
            self._index(redirect=path == "/")
        elif path.startswith("/source/"):
            self._source(unquote(path[len("/source/"):]))
        elif path == "/favicon.ico":
            self.send_response(204)  # none: say so rather than log a 404 in the console
            self.end_headers()
        else:
            self._send(404, "not found", "text/plain")

    def do_POST(self) -> None:
        if not self._own_host():
            return
        if urlsplit(self.path).path != "/edit":
            return self._json(404, {"error": "not found"})
        refusal = self._refusal()
        if refusal:
            return self._json(403, {"error": refusal})
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._json(411, {"error": "the request has no length"})
        if not 0 < length <= MAX_BODY:
            return self._json(413, {"error": "the request is too big for an edit"})
        try:
            data = json.loads(self.rfile.read(length))
        except ValueError:
            return self._json(400, {"error": "the request is not JSON"})
        name = data.get("source") if isinstance(data, dict) else None
        source = self.preview.lookup(name) if isinstance(name, str) else None
        if source is None:
            return self._json(404, {"error": f"no source {name!r} in this project's sources/"})
        try:
            with self.preview.editing:
                message = _edit(self.preview.root, source, edits.parse(data))
        except BriefError as exc:
            return self._json(400, {"error": str(exc)})
        self.preview.watcher.bump()
        self._json(200, {"ok": True, "message": message})

    def do_PUT(self) -> None:
        self._json(405, {"error": "only GET and POST"})

    do_DELETE = do_PATCH = do_PUT

    # Guards ---------------------------------------------------------------------------

    def _own_host(self) -> bool:
        """Refuse a request addressed to another name (a DNS rebinding attack reaches this
        port under the attacker's host name)."""
        if self.headers.get("Host") in self.preview.hosts:
            return True
        self._send(403, "refused: this preview answers to 127.0.0.1 only", "text/plain")
        return False

    def _refusal(self) -> str | None:
        """Return why a request that changes files is refused, or None."""
        if self.headers.get("Origin") not in self.preview.origins:
            return "refused: the request does not come from the preview page"
        if self.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
            return "refused: the request does not come from the preview page"
        token = self.headers.get("X-Brief-Token", "").encode()
        if not secrets.compare_digest(token, self.preview.token.encode()):
            return "refused: the request lacks this preview's token (reload the page)"
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            return "refused: an edit is sent as JSON"
        return None

    # Pages ----------------------------------------------------------------------------

    def _index(self, redirect: bool) -> None:
        errors, names = [], []
        try:
            names = [p.name for p in self.preview.sources()]
        except BriefError as exc:
            errors.append(str(exc))
        if redirect and (self.preview.only or len(names) == 1):
            self.send_response(303)
            self.send_header("Location", page.source_url(self.preview.only or names[0]))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        version = self.preview.watcher.version
        self._send(200, page.index(names, errors, version, self.preview.token), "text/html")

    def _source(self, name: str) -> None:
        version = self.preview.watcher.version  # before compiling: a change meanwhile reloads
        path = self.preview.lookup(name)
        if path is None:
            self._send(404, page.index([p.name for p in self._sources()],
                                       [f"no source {name!r} in sources/"], version,
                                       self.preview.token), "text/html")
            return
        view = build(self.preview.root, path)
        several = len(self._sources()) > 1
        self._send(200, page.source(view, version, self.preview.token, several), "text/html")

    def _sources(self) -> list[Path]:
        try:
            return self.preview.sources()
        except BriefError:
            return []

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        watcher = self.preview.watcher
        seen = None
        try:
            self.wfile.write(b"retry: 500\n\n")
            while not watcher.stopped:
                version = watcher.wait(seen, KEEPALIVE)
                message = f"data: {version}\n\n" if version != seen else ": idle\n\n"
                seen = version
                self.wfile.write(message.encode())
                self.wfile.flush()
        except OSError:
            pass  # the page went away

    # Responses ------------------------------------------------------------------------

    def _send(self, status: int, text: str, kind: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if kind == "text/html":
            self.send_header("Content-Security-Policy", CSP)
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: int, value: dict) -> None:
        self._send(status, json.dumps(value), "application/json")


def _edit(root: Path, source: Path, edit: edits.Edit) -> str:
    """Make `edit` in the overrides of `source`; return what was done, in words."""
    target = source.with_suffix(".yaml")
    project = pipeline.open_project(root)  # its defaults: the file must pass with them
    pipeline.check_source(project, source)  # refuses overrides linked out of the project
    view = build(root, source)
    edits.write(target, edit, view.sentences, view.placed, project.settings.defaults)
    section = SECTION_NAMES.get(edit.section or "", "")
    shown = f"sources/{target.name}"
    return {
        "pin": f"pinned {edit.sid}" + (f" to {section}" if section else ""),
        "drop": f"dropped {edit.sid}" + (f" from {section}" if section else ""),
        "release": f"released {edit.sid} (neither pinned nor dropped)",
        "term": f"set “{edit.text}” in bold",
        "outcome": "added your outcome",
        "implication": "added your implication",
    }[edit.action] + f" in {shown}"
