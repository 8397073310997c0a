"""The package as a user installs it: every module and data file in place, and the installed
`brief` command building one source of every kind from a folder outside the checkout."""

import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import brief

import formats
from conftest import ROOT, SAMPLE

INSTALLED = Path(brief.__file__).resolve().parent
COMMAND = Path(sys.executable).parent / "brief"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(COMMAND), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=180)


def it_tests_the_installed_package_not_the_checkout():
    assert (ROOT / "brief").resolve() != INSTALLED, (
        f"brief was imported from {INSTALLED}: install it (pip install '.[test]') and run "
        "pytest, not python -m pytest, so the tests see what users get")


def it_installs_every_module_and_data_file_of_the_checkout():
    checkout = ROOT / "brief"
    shipped = {p.relative_to(checkout) for p in checkout.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    installed = {p.relative_to(INSTALLED) for p in INSTALLED.rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    assert shipped - installed == set()


@pytest.fixture(scope="module")
def outside(tmp_path_factory):
    """A project folder holding one article of every kind the readers take."""
    folder = tmp_path_factory.mktemp("elsewhere")
    sources = folder / "sources"
    sources.mkdir()
    (sources / "a-text.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (sources / "a-markdown.md").write_text(
        f"# {formats.TITLE}\n\n" + "\n\n".join(formats.paragraphs()) + "\n", encoding="utf-8")
    (sources / "a-web-page.html").write_text(formats.as_html(), encoding="utf-8")
    formats.write_docx(sources / "a-word-file.docx")
    formats.write_pdf(sources / "a-pdf.pdf")
    return folder


def it_builds_every_kind_of_source_with_the_installed_command(outside):
    assert COMMAND.is_file(), f"no installed `brief` at {COMMAND}"
    result = run("make", "--format", "pdf,docx,json", cwd=outside)
    assert result.returncode == 0, result.stderr
    for name in ("a-text", "a-markdown", "a-web-page", "a-word-file", "a-pdf"):
        for ext in ("pdf", "docx", "json"):
            assert (outside / "dist" / f"{name}.{ext}").stat().st_size > 1000


@pytest.fixture
def site(tmp_path):
    (tmp_path / "article.html").write_text(formats.as_html(), encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/article.html"
    server.shutdown()
    server.server_close()


def it_adds_a_local_file_and_a_web_page_with_the_installed_command(tmp_path, site):
    project = tmp_path / "project"
    assert run("init", str(project), cwd=tmp_path).returncode == 0
    page = tmp_path / "page.html"
    page.write_text(formats.as_html(), encoding="utf-8")
    for what, name in ((str(page), "from-file"), (site, "from-web")):
        result = run("add", what, "--name", name, cwd=project)
        assert result.returncode == 0, result.stderr
        assert formats.TITLE in (project / "sources" / f"{name}.md").read_text(encoding="utf-8")
    result = run("make", "from-file", "from-web", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "dist" / "from-web.pdf").is_file()


def _imports() -> dict[str, set[str]]:
    """Return each module of the installed package and the package modules it imports,
    those imported inside functions included."""
    import ast

    modules = {}
    for path in INSTALLED.rglob("*.py"):
        parts = path.relative_to(INSTALLED.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("brief"):
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name in modules)
        graph[name] = found - {name, "brief"}
    return graph


def it_imports_in_one_direction_without_cycles():
    graph = _imports()
    # Each stage may use what comes before it in the pipeline, never what comes after.
    later = {"brief.read": ("brief.extract", "brief.override", "brief.render", "brief.pipeline"),
             "brief.extract": ("brief.override", "brief.render", "brief.pipeline"),
             "brief.override": ("brief.render", "brief.pipeline"),
             "brief.render": ("brief.pipeline",)}
    for module, targets in graph.items():
        for stage, forbidden in later.items():
            if module.startswith(stage):
                assert not [t for t in targets if t.startswith(forbidden)], module
    visiting, done = [], set()

    def visit(module):
        assert module not in visiting, " -> ".join(visiting[visiting.index(module):] + [module])
        if module in done:
            return
        visiting.append(module)
        for target in sorted(graph.get(module, ())):
            visit(target)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
