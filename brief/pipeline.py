"""The one place the stages are chained: read -> segment -> analyze -> compile -> override ->
layout -> write."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from brief import override, template
from brief import settings as settings_module
from brief.analyze import analyze
from brief.compile import compile_brief
from brief.errors import BriefError
from brief.model import Brief
from brief.read import READERS, read
from brief.segment import segment
from brief.settings import Settings


@dataclass(frozen=True)
class Project:
    """A brief project folder and its settings."""

    root: Path
    """The folder holding `brief.yaml`, `sources/` and `dist/`."""
    settings: Settings
    """Its validated settings."""

    @property
    def sources(self) -> Path:
        """Return the folder of source articles."""
        return self.root / "sources"

    @property
    def dist(self) -> Path:
        """Return the output folder."""
        return self.root / "dist"


def open_project(root: Path) -> Project:
    """Return the project at `root` with its settings loaded (defaults without `brief.yaml`)."""
    return Project(root, settings_module.load(root))


def find_sources(project: Project, names: tuple[str, ...] = ()) -> list[Path]:
    """Return the sources to build: those named (a path, or a name in `sources/`), else all.

    Raises BriefError for a named source that does not exist.
    """
    if not names:
        if not project.sources.is_dir():
            raise BriefError("no sources/ folder here", project.root,
                             hint="run `brief init` to create a project, or cd into one")
        return sorted(p for p in project.sources.iterdir()
                      if p.suffix.lower() in READERS and p.is_file())
    found = []
    for name in names:
        candidates = [Path(name), project.sources / name,
                      *(project.sources / (name + ext) for ext in READERS)]
        path = next((c for c in candidates if c.is_file()), None)
        if path is None:
            raise BriefError("no such source", name,
                             hint="give a file path or a name in sources/")
        found.append(path)
    return found


def compile_source(path: Path) -> Brief:
    """Return the brief of the source at `path`, the analyst's overrides applied."""
    article = read(path)
    sentences = segment(article)
    overrides = override.load(path.with_suffix(".yaml"), sentences)
    brief = compile_brief(article, analyze(sentences), choices=override.choices(overrides))
    return override.apply(brief, overrides)


def build(project: Project, path: Path, formats: tuple[str, ...]) -> list[Path]:
    """Write the brief of `path` to `dist/` in each of `formats`; return the files written.

    Nothing is written unless every format rendered: a failing source leaves `dist/` as it was.
    """
    from brief.layout import layout
    from brief.writers import needs_layout, writer

    brief = compile_source(path)
    document = style = None
    if any(needs_layout(f) for f in formats):
        folder = template.find(project.root, project.settings.template)
        style = template.load_style(folder)
        document = layout(brief, project.settings, folder, display_date(brief.date))
    outputs = {project.dist / f"{path.stem}.{f}": writer(f).render(brief, document, style)
               for f in formats}
    for target, data in outputs.items():
        write_atomic(target, data)
    return list(outputs)


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file and a rename: never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def display_date(value: str | None) -> str:
    """Return the date to print: `value` (ISO dates as "7 April 2021"), else today's.

    Today is SOURCE_DATE_EPOCH's day when that is set, so builds are reproducible.
    """
    if value:
        try:
            return _long_date(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    today = (datetime.fromtimestamp(int(epoch), tz=UTC).date() if epoch
             else date.today())
    return _long_date(today)


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
