"""The one place the stages are chained: read -> segment -> analyze -> compile -> override ->
layout -> write."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from brief import settings as settings_module
from brief.errors import BriefError
from brief.fileio import write_atomic
from brief.model import Brief
from brief.read.source import READERS, read
from brief.render import template
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


def open_project(root: Path, template_name: str | None = None) -> Project:
    """Return the project at `root` with its settings loaded (defaults without `brief.yaml`);
    `template_name`, if given, wins over the settings' template.

    Raises BriefError for bad settings or a template that does not exist.
    """
    settings = settings_module.load(root)
    if template_name:
        settings = dataclasses.replace(settings, template=template_name)
    try:
        template.find(root, settings.template)  # fail now, naming the templates there are
    except BriefError as exc:
        if template_name:  # the option was wrong, not brief.yaml
            exc.path = None
        raise
    return Project(root, settings)


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


@dataclass(frozen=True)
class Compiled:
    """A source compiled, with what it was compiled from."""

    brief: Brief
    """The brief, overrides applied."""
    sentences: tuple
    """The source's sentences."""
    referenced: set[str]
    """Sentence ids the overrides name."""
    analysis: object
    """What analyze found (`brief.analyze.Analysis`), for `brief show`."""


def compile_source(path: Path, settings: Settings | None = None) -> Brief:
    """Return the brief of the source at `path`, the analyst's overrides (over the project's
    `defaults:`) applied."""
    return compile_full(path, settings).brief


def compile_full(path: Path, settings: Settings | None = None) -> Compiled:
    """Return the compiled source at `path` with its sentences and the ids its overrides name."""
    # Imported on first use: `brief make` forks its render workers before paying for these.
    from brief.extract.analyze import analyze
    from brief.extract.compile import compile_brief
    from brief.extract.segment import segment
    from brief.override import apply as override

    article = read(path)
    sentences = segment(article)
    defaults = settings.defaults if settings else None
    overrides = override.load(path.with_suffix(".yaml"), sentences, defaults)
    analysis = analyze(sentences)
    brief = compile_brief(article, analysis, choices=override.choices(overrides))
    return Compiled(override.apply(brief, overrides), sentences, overrides.referenced(),
                    analysis)


def make(project: Project, paths: list[Path], formats: tuple[str, ...], jobs: int | None = None
         ) -> Iterator[tuple[Path, list[Path] | BriefError, list[str]]]:
    """Build each source in `paths` into `dist/`; yield it with its files written or its error,
    and its warnings.

    Sources are compiled here and rendered by worker processes as they go. A source whose
    formats did not all render writes nothing: `dist/` never mixes old and new.
    """
    from brief.render.parallel import Renderer
    from brief.render.writers import needs_layout

    stems: dict[str, Path] = {}
    house_style = None  # read once: the workers set up its fonts while this process compiles
    if any(needs_layout(f) for f in formats):
        try:
            house_style = template.load_style(
                template.find(project.root, project.settings.template))
        except BriefError:
            pass  # each source reports the problem
    with Renderer(formats, len(paths), jobs, house_style) as renderer:
        pending = []
        for path in paths:
            try:
                if path.stem in stems:
                    raise BriefError(f"has the same name as {stems[path.stem]}", path,
                                     hint=f"rename one: both would write dist/{path.stem}.*")
                stems[path.stem] = path
                brief, document, style, warnings, relayout = prepare(project, path, formats,
                                                                     house_style)
            except BriefError as exc:
                pending.append((path, exc, [], (None, None)))
                continue
            futures = {f: renderer.submit(f, brief, document, style, str(path), relayout)
                       for f in formats}
            pending.append((path, futures, warnings, (style, relayout)))
        for path, work, warnings, (style, relayout) in pending:
            if isinstance(work, BriefError):
                yield path, work, warnings
                continue
            written, more = _write_all(project.dist / path.stem, work, path, style, relayout)
            yield path, written, warnings + [f"{path}: {w}" for w in more]


def prepare(project: Project, path: Path, formats: tuple[str, ...], style=None):
    """Return the brief of `path`, its document tree and style (`style` if given, else the
    template's) if a format needs them, and warnings of drift between the overrides and the
    article."""
    from brief.override import drift
    from brief.render.writers import needs_layout

    compiled = compile_full(path, project.settings)
    brief = compiled.brief
    warnings = drift.check(project.dist / ".brief" / f"{path.stem}.json",
                           path.with_suffix(".yaml"), compiled.referenced, compiled.sentences)
    if not any(needs_layout(f) for f in formats):
        return brief, None, None, warnings, None
    from brief.render.layout import Relayout

    folder = template.find(project.root, project.settings.template)
    relayout = Relayout(project.settings, folder, display_date(brief.date))
    return brief, relayout(brief), style or template.load_style(folder), warnings, relayout


def _write_all(stem: Path, futures: dict, source: Path, style, relayout
               ) -> tuple[list[Path] | BriefError, list[str]]:
    """Write every output once all have rendered; return the files (or the error) and the
    writers' warnings, each said once.

    If the PDF had to leave items out to keep to its page budget, the other formats are
    rendered again from the same reduced brief: every format says the same thing.
    """
    from brief.render.parallel import render

    try:
        outputs = {fmt: future.result() for fmt, future in futures.items()}
        reduced = next((r for _, _, r in outputs.values() if r is not None), None)
        if reduced is not None:
            document = relayout(reduced)
            for fmt, (_, _, was_reduced) in list(outputs.items()):
                if was_reduced is None:
                    outputs[fmt] = render(fmt, reduced, document, style, str(source))
    except BriefError as exc:
        return exc, []
    written = []
    for fmt, (data, _, _) in outputs.items():
        written.append(stem.with_name(f"{stem.name}.{fmt}"))
        write_atomic(written[-1], data)
    warnings = [w for _, found, _ in outputs.values() for w in found]
    return written, list(dict.fromkeys(warnings))


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
