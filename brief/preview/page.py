"""The preview's HTML: the list of sources, and a source's page (the brief beside its
sentences, with the controls that change its overrides). Plain HTML, one small stylesheet
and one small script served by the preview itself: nothing to build, nothing remote."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from brief.extract.compile import SECTIONS
from brief.preview.view import SECTION_NAMES, View


def source_url(name: str) -> str:
    """Return the page address of the source named `name` in sources/."""
    return "/source/" + quote(name, safe="")


def index(names: list[str], errors: list[str], version: int, token: str) -> str:
    """Return the page listing the project's sources."""
    items = "".join(f'<li><a href="{escape(source_url(n))}">{escape(n)}</a></li>'
                    for n in names)
    body = (f'<ul id="sources" data-live>{items}</ul>' if names else
            '<p id="sources" data-live>No articles in sources/ yet: add a .txt or .md file '
            "(or run <code>brief add URL</code>); this page shows it as soon as it is there.</p>")
    return _page("brief preview", version, token, None, "",
                 _problems(errors, []) + f'<main class="list"><h1>Sources</h1>{body}</main>')


def source(view: View, version: int, token: str, several: bool) -> str:
    """Return the page of one source."""
    back = '<a href="/sources">all sources</a>' if several else ""
    if view.html is not None:
        brief = (f'<iframe title="The brief" sandbox="allow-same-origin" '
                 f'srcdoc="{escape(view.html, quote=True)}"></iframe>')
    else:
        brief = '<p class="empty">The brief cannot be compiled: see the error above.</p>'
    topics = "".join(f'<option value="{escape(t)}">' for t in view.topics)
    sentences = "".join(_line(line) for line in view.lines)
    main = f"""<main class="split">
<section id="brief-pane" aria-label="The brief"><div id="brief" data-live>{brief}</div></section>
<section id="article-pane" aria-label="The article">
<div class="own">
<form data-action="term"><label>Bold a term <input name="text" required
 placeholder="select words in a sentence, or type"></label><button>bold</button></form>
<form data-action="outcome"><label>Your outcome <input name="text" required></label>
<label>topic <input name="topic" list="topics" size="14"></label><button>add</button></form>
<form data-action="implication"><label>Your implication <input name="text" required></label>
<button>add</button></form>
<datalist id="topics" data-live>{topics}</datalist>
</div>
<h2>The article, sentence by sentence</h2>
<ol id="sentences" data-live>{sentences}</ol>
</section>
</main>"""
    return _page(f"{view.name} — brief preview", version, token, view.name, back,
                 _problems(view.errors, view.warnings) + main)


def _line(line) -> str:
    classes = ["used" if line.sections else "passed"]
    status = []
    if line.sections:
        status.append("in " + ", ".join(SECTION_NAMES.get(s, s) for s in line.sections))
    else:
        status.append("passed over")
    if line.pinned:
        classes.append("pinned")
        status.append("pinned" + ("" if line.pinned == "anywhere"
                                  else f" to {SECTION_NAMES.get(line.pinned, line.pinned)}"))
    if line.dropped:
        classes.append("dropped")
        status.append("dropped" + ("" if len(line.dropped) == len(SECTIONS) else " from "
                                   + ", ".join(SECTION_NAMES.get(s, s) for s in line.dropped)))
    options = '<option value="">any section</option>' + "".join(
        f'<option value="{s}">{SECTION_NAMES.get(s, s)}</option>' for s in SECTIONS)
    release = ""
    if line.pinned or line.dropped:
        release = (f'<button type="button" data-action="release">'
                   f'{"unpin" if line.pinned else "undrop"}</button>')
    why = f'<div class="why">{escape(line.why)}</div>' if line.why else ""
    sid = escape(line.id)
    return (f'<li id="sentence-{sid}" class="{" ".join(classes)}" data-sid="{sid}">'
            f'<span class="sid">{sid}</span> <span class="text">{escape(line.text)}</span>'
            f'<div class="status">{escape("; ".join(status))}</div>{why}'
            f'<div class="actions"><select aria-label="section of {sid}">{options}</select>'
            f'<button type="button" data-action="pin">pin</button>'
            f'<button type="button" data-action="drop">drop</button>{release}</div></li>')


def _problems(errors: list[str], warnings: list[str]) -> str:
    items = "".join(f'<p class="error" role="alert">error: {escape(e)}</p>' for e in errors)
    items += "".join(f'<p class="warning">warning: {escape(w)}</p>' for w in warnings)
    return f'<div id="problems" data-live>{items}</div>'


def _page(title: str, version: int, token: str, source: str | None, links: str,
          body: str) -> str:
    source_attr = f' data-source="{escape(source)}"' if source is not None else ""
    shown = f" — {escape(source)}" if source else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="brief-token" content="{escape(token)}">
<title>{escape(title)}</title>
<link rel="stylesheet" href="/preview.css">
<script src="/preview.js" defer></script>
</head>
<body data-version="{version}"{source_attr}>
<header><strong>brief preview</strong>{shown} {links}
<span id="status" role="status">live</span><span id="notice" role="status"></span></header>
{body}
</body>
</html>
"""


STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: #1a1a1a; background: #f4f4f2; }
header { display: flex; gap: 12px; align-items: baseline; padding: 8px 16px;
  background: #1f3a5f; color: #fff; }
header a { color: #cfe0ff; }
#status { margin-left: auto; font-size: 13px; opacity: .8; }
#notice { font-size: 13px; }
#notice.bad { color: #ffd0d0; font-weight: bold; }
#problems p { margin: 0; padding: 6px 16px; font-size: 14px; white-space: pre-wrap; }
#problems .error { background: #fde2e2; color: #8a0000; font-weight: bold; }
#problems .warning { background: #fff4d6; color: #6b4e00; }
main.list { padding: 16px 24px; }
main.split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  height: calc(100vh - 40px); }
#brief-pane { background: #fff; border-right: 1px solid #ccc; }
#brief, #brief iframe { width: 100%; height: 100%; border: 0; display: block; }
.empty { padding: 24px; color: #8a0000; }
#article-pane { overflow-y: auto; padding: 8px 16px 40px; }
#article-pane h2 { font-size: 16px; margin: 12px 0 6px; }
.own form { display: flex; gap: 6px; align-items: center; margin: 4px 0; flex-wrap: wrap; }
.own label { display: flex; gap: 4px; align-items: center; flex: 1; }
.own input[name=text] { flex: 1; min-width: 8em; }
#sentences { list-style: none; padding: 0; margin: 0; }
#sentences li { background: #fff; border-left: 4px solid #ccc; margin: 0 0 6px;
  padding: 6px 8px; }
#sentences li.used { border-left-color: #2e7d32; }
#sentences li.pinned { border-left-color: #1f3a5f; }
#sentences li.dropped { border-left-color: #b00020; }
#sentences li.dropped .text { color: #777; }
.sid { font: bold 12px monospace; color: #1f3a5f; }
.status { font-size: 12px; color: #2e5a2e; }
li.passed .status { color: #777; }
.why { font-size: 12px; color: #777; }
.actions { display: flex; gap: 4px; margin-top: 4px; font-size: 12px; }
.actions button, .actions select { font-size: 12px; }
"""

SCRIPT = """
"use strict";
// Live reload: the server says when a watched file changed; the page fetches itself and
// swaps the parts marked data-live, keeping scroll positions and what is typed in the forms.
const token = document.querySelector('meta[name="brief-token"]').content;
const source = document.body.dataset.source;
let version = document.body.dataset.version;
let running = null;
let again = false;

function say(id, text, bad) {
  const node = document.getElementById(id);
  node.textContent = text;
  node.classList.toggle("bad", Boolean(bad));
}

function swapBrief(old, fresh) {
  const before = old.querySelector("iframe");
  const after = fresh.querySelector("iframe");
  if (before && after && before.getAttribute("srcdoc") === after.getAttribute("srcdoc")) {
    return;
  }
  const y = before && before.contentWindow ? before.contentWindow.scrollY : 0;
  if (after) {
    after.addEventListener("load", () => after.contentWindow.scrollTo(0, y), {once: true});
  }
  old.replaceWith(fresh);
}

async function load() {
  do {
    again = false;
    const response = await fetch(location.pathname, {cache: "no-store"});
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const node of document.querySelectorAll("[data-live]")) {
      const fresh = page.getElementById(node.id);
      if (!fresh) continue;
      const copy = document.importNode(fresh, true);
      if (node.id === "brief") swapBrief(node, copy); else node.replaceWith(copy);
    }
    version = page.body.dataset.version;
    document.body.dataset.version = version;
    document.title = page.title;
  } while (again);
}

async function refresh() {
  if (running) { again = true; return running; }
  running = load().catch(() => say("status", "cannot reach the preview", true));
  try { await running; } finally { running = null; }
}

const events = new EventSource("/events");
events.onmessage = (event) => {
  say("status", "live");
  if (event.data !== version) refresh();
};
events.onerror = () => say("status", "reconnecting…", true);

async function edit(change) {
  say("notice", "saving…");
  let response;
  try {
    response = await fetch("/edit", {
      method: "POST",
      headers: {"Content-Type": "application/json", "X-Brief-Token": token},
      body: JSON.stringify(Object.assign({source: source}, change)),
    });
  } catch (error) {
    say("notice", "the preview is not running", true);
    return false;
  }
  const result = await response.json().catch(() => ({error: response.statusText}));
  say("notice", result.message || result.error, !response.ok);
  if (response.ok) await refresh();
  return response.ok;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-action]");
  const line = button && button.closest("[data-sid]");
  if (!line) return;
  edit({action: button.dataset.action, sid: line.dataset.sid,
        section: line.querySelector("select").value});
});

document.addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const topic = form.elements.topic ? form.elements.topic.value : "";
  if (await edit({action: form.dataset.action, text: form.elements.text.value, topic: topic})) {
    form.reset();
  }
});

// Words selected in a sentence become the term to bold.
document.addEventListener("mouseup", () => {
  const selection = getSelection();
  const text = String(selection).trim();
  const where = selection.anchorNode && selection.anchorNode.parentElement;
  const term = document.querySelector('form[data-action="term"] [name="text"]');
  if (term && text && text.length <= 80 && where && where.closest("#sentences")) {
    term.value = text;
  }
});
"""
