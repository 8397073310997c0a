"""The one place the stages are chained: read -> segment -> analyze -> compile -> override ->
layout -> write."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from brief import settings as settings_module
from brief.errors import BriefError
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


def find_root(start: Path) -> Path | None:
    """Return the project `start` is in: the nearest folder upward, `start` itself first,
    that holds brief.yaml or sources/, as git finds its repository; None if there is none.

    The folder is given as a path from the current one ("..", not /home/…/proj), so that
    messages naming its files stay short."""
    here = Path(os.path.abspath(start))
    for folder in (here, *here.parents):
        if (folder / settings_module.FILENAME).is_file() or (folder / "sources").is_dir():
            if folder == here:
                return start
            try:
                return Path(os.path.relpath(folder))
            except ValueError:  # another drive, on Windows
                return folder
    return None


def locate(start: Path) -> Path:
    """Return the project `start` is in (see `find_root`).

    Raises BriefError saying so, and what to do, when it is in none."""
    root = find_root(start)
    if root is None:
        where = None if Path(os.path.abspath(start)) == Path.cwd() else start
        raise BriefError("not in a brief project: no brief.yaml or sources/ folder here or in "
                         "any folder above", where,
                         hint="run `brief init DIR` to create one, or cd into a project, "
                              "or give its folder with -C DIR")
    return root


def open_project(root: Path, template_name: str | None = None, *, create: bool = False
                 ) -> Project:
    """Return the project `root` is in (see `find_root`) with its settings loaded (defaults
    without `brief.yaml`); `template_name`, if given, wins over the settings' template.
    With `create`, a folder in no project is taken as a new one (`brief add` starts one).

    Raises BriefError outside any project, for bad settings or a template that does not
    exist.
    """
    root = (find_root(root) or root) if create else locate(root)
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
    """Return the sources to build: those named (a path, or a name in `sources/`), else all
    the files in `sources/` a reader knows (folders and hidden files are not articles).

    Raises BriefError for a named source that does not exist, is a folder, or is a link out
    of the project (see `check_source`).
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
            if any(c.is_dir() for c in candidates[:2]):
                raise BriefError("is a folder, not an article", name,
                                 hint="name a file in sources/")
            raise BriefError("no such source", name, hint=_sources_like(project, name))
        check_source(project, path)
        found.append(path)
    return found


def _sources_like(project: Project, name: str) -> str:
    """Return what to say of a source `name` that does not exist: the sources it is
    close to, else those there are."""
    known = find_sources(project) if project.sources.is_dir() else []
    if not known:
        return f"there are no articles in {project.sources}; add a .txt or .md file"
    stems = {path.stem: path for path in known}
    wanted = Path(name).stem.lower()
    close = [stem for stem in stems if wanted and wanted in stem.lower()]
    close += [stem for stem in difflib.get_close_matches(wanted, list(stems), n=3, cutoff=0.6)
              if stem not in close]
    if close:
        return "did you mean " + " or ".join(close[:3]) + "?"
    listed = sorted(stems)
    more = f" and {len(listed) - 10} more" if len(listed) > 10 else ""
    return "the sources are: " + ", ".join(listed[:10]) + more


IGNORED = {".yaml"}
"""Suffixes in sources/ that are not articles but belong there: overrides files."""


def unread_files(project: Project) -> list[Path]:
    """Return the files in sources/ no reader takes (`notes.rtf`), so no build will use:
    not the overrides files, hidden files or editors' backups (`x.txt~`)."""
    if not project.sources.is_dir():
        return []
    return sorted(path for path in project.sources.iterdir()
                  if path.suffix.lower() not in READERS and path.suffix.lower() not in IGNORED
                  and not path.name.startswith(".") and not path.name.endswith("~")
                  and path.is_file())


def unread_warning(path: Path) -> str:
    """Return the warning for a file in sources/ that no reader takes."""
    kind = f"{path.suffix} files" if path.suffix else "files without an extension"
    hint = ("an overrides file ends in .yaml" if path.suffix.lower() == ".yml" else
            "save the article as " + ", ".join(sorted(READERS)) + " to build it")
    return f"{path}: skipped: brief reads no {kind} ({hint})"


def check_source(project: Project, path: Path) -> None:
    """Raise BriefError unless `path` is a regular file and, if it lies in the project, really
    does: a link from sources/ to a file elsewhere (say /etc/passwd) would publish that file.
    The same holds for its overrides file."""
    if not path.is_file():
        raise BriefError("is not a regular file", path, hint="an article is a file in sources/")
    if output_stem(path).endswith(".review"):
        raise BriefError("has a name ending in '.review', which brief keeps for review copies",
                         path, hint="rename it: its outputs would be taken for the review "
                         "copy of another source")
    root = project.root.resolve()
    for file in (path, path.with_suffix(".yaml")):
        inside = Path(os.path.abspath(file)).is_relative_to(os.path.abspath(project.root))
        if inside and file.exists() and not file.resolve().is_relative_to(root):
            raise BriefError(f"is a link to {file.resolve()}, outside the project", file,
                             hint="copy the file into the project instead of linking to it")


MAX_STEM_BYTES = 100
# What may not appear in an output's name: separators, controls, bidirectional overrides.
_UNSAFE = re.compile(r"[/\\\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+")


def output_stem(path: Path) -> str:
    """Return the name the outputs of source `path` take in dist/ (NAME.pdf…): its stem, with
    no path separator, control character or leading dot (`..txt` must not write `dist.pdf`
    beside dist/), at most MAX_STEM_BYTES long (a long name is cut and given a short hash of
    the whole, so two long names do not collide)."""
    stem = _UNSAFE.sub("_", path.stem)
    stem = re.sub(r"\.{2,}", ".", stem).strip(" .") or "untitled"
    if len(stem.encode()) > MAX_STEM_BYTES:
        digest = hashlib.sha1(path.name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        cut = stem.encode()[:MAX_STEM_BYTES - 9].decode("utf-8", "ignore").rstrip(" .")
        stem = f"{cut}-{digest}"
    return stem


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


def compile_full(path: Path, settings: Settings | None = None, workers: int = 1) -> Compiled:
    """Return the compiled source at `path` with its sentences and the ids its overrides name;
    with `workers` above one, a long source is analysed by two processes."""
    # Imported on first use: `brief make` forks its render workers before paying for these.
    from brief.extract import quotable
    from brief.extract.analyze import analyze
    from brief.extract.compile import compile_brief
    from brief.extract.segment import segment
    from brief.override import apply as override

    article = read(path)
    sentences = segment(article)
    defaults = settings.defaults if settings else None
    overrides = override.load(path.with_suffix(".yaml"), sentences, defaults)
    analysis = analyze(sentences, workers)
    brief = compile_brief(article, analysis, choices=override.choices(overrides))
    quotable.forget()  # what it remembered of this article's sentences
    return Compiled(override.apply(brief, overrides), sentences, overrides.referenced(),
                    analysis)


def make(project: Project, paths: list[Path], formats: tuple[str, ...], jobs: int | None = None,
         force: bool = False
         ) -> Iterator[tuple[Path, list[Path] | BriefError, list[str]]]:
    """Build each source in `paths` into `dist/`; yield it with its files written or its error,
    and its warnings.

    A source whose outputs are current (see `uptodate`) is not built again unless `force`:
    it comes back with an `uptodate.UpToDate` list of its outputs and the warnings its build
    gave. The others are compiled here and rendered by worker processes as they go. A
    source whose formats did not all render writes nothing: `dist/` never mixes old and new.
    """
    from brief import uptodate

    try:
        folder = template.find(project.root, project.settings.template)
    except BriefError:
        folder = None  # each source reports the problem
    options = {"template": project.settings.template, "copy": project.settings.copy}
    stems: dict[str, Path] = {}
    todo: list[tuple[Path, str | BriefError]] = []
    for path in paths:
        try:
            # The review copy is written beside the reader's, as NAME.review.*: never the
            # one sent by mistake.
            stem = output_stem(path) + (".review" if project.settings.copy == "review" else "")
            if stem in stems:
                raise BriefError(f"has the same name as {stems[stem]}", path,
                                 hint=f"rename one: both would write dist/{stem}.*")
            stems[stem] = path
            check_source(project, path)
        except Exception as exc:
            todo.append((path, _failed(project, path, exc)))
            continue
        done = None if force or folder is None else uptodate.current(
            project.root, project.dist, path, stem, formats, folder, options)
        if done is not None:
            yield path, done, done.warnings
        else:
            todo.append((path, stem))
    if todo:
        yield from _build(project, todo, formats, jobs, folder, options)


def noop_record(project: Project, paths: list[Path], formats: tuple[str, ...]):
    """Return what a plain `make` of `paths` in `formats` depends on ([kind, path] each, for
    `noop.save`) and each source's outputs as `make` finds them now (`uptodate.UpToDate`,
    with their warnings); None if any source is not up to date."""
    from brief import uptodate

    try:
        folder = template.find(project.root, project.settings.template)
    except BriefError:
        return None
    options = {"template": project.settings.template, "copy": project.settings.copy}
    watch = [["file", "brief.yaml"], ["list", str(project.sources)],
             ["list", str(project.root / "templates")], ["folder", str(folder)]]
    done = []
    for path in paths:
        stem = output_stem(path) + (".review" if project.settings.copy == "review" else "")
        outputs = uptodate.current(project.root, project.dist, path, stem, formats, folder,
                                   options)
        if outputs is None:
            return None
        done.append(outputs)
        overrides = path.with_suffix(".yaml")
        watch += [["file", str(path)], ["real", str(path)], ["file", str(overrides)],
                  ["real", str(overrides)], ["file", str(uptodate.record_path(project.dist, stem))],
                  *(["file", str(project.dist / ".brief" / f"{name}.json")]
                    for name in dict.fromkeys((stem, output_stem(path)))),
                  *(["file", str(output)] for output in outputs),
                  *(["file", str(name)] for name in outputs.files)]
    return watch, done


@dataclass(frozen=True)
class _Job:
    """What every source of one `make` is built with."""

    project: Project
    formats: tuple[str, ...]
    folder: Path | None
    """The template folder, None if it cannot be found (each source reports that)."""
    extra: tuple[str, ...]
    """Files the style names outside the template folder (see `_style_files`)."""
    options: dict[str, str]
    """The options that change outputs, for the up-to-date records."""
    style: object | None
    """The house style, read once."""


def _build(project: Project, todo: list, formats: tuple[str, ...], jobs: int | None, folder,
           options: dict[str, str]):
    """Build the sources in `todo` (each with its output stem, or the error it failed with
    already); yield as `make` does.

    A batch is split by source over one worker process per core, each building whole
    sources (compile, lay out, render every format, write) with its fonts, template and
    reference document loaded once; a single source is rendered one format per worker.
    """
    from brief.render.writers import needs_layout

    house_style = None  # read once: the workers set up its fonts while this process compiles
    if folder is not None and any(needs_layout(f) for f in formats):
        try:
            house_style = template.load_style(folder)
        except Exception:  # each source reports the problem
            pass
    job = _Job(project, formats, folder, _style_files(house_style, folder), options,
               house_style)
    sources = sum(1 for _, stem in todo if isinstance(stem, str))
    jobs = jobs or os.cpu_count() or 1
    if sources >= 2 and jobs >= 2 and hasattr(os, "fork"):
        yield from _batch(job, todo, min(jobs, sources))
    else:
        yield from _one_by_one(job, todo, jobs)


def _batch(job: _Job, todo: list, workers: int):
    """Yield as `make` does, each source built whole by one of `workers` processes; at most
    two sources a worker wait at a time, so memory does not grow with the batch."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from brief.render.parallel import start_worker, warm_all

    # The writers' libraries, fonts and reference document loaded once, here, before the
    # workers fork: they share those pages instead of each holding a copy. So is the
    # extraction stack, whose patterns each worker would otherwise compile anew.
    warm_all(job.formats, job.style)
    _warm_extraction()
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=start_worker,
                                   initargs=(os.getpid(), job.formats, job.style))
    except OSError:  # no process to be had: build here, slower but sure
        yield from _one_by_one(job, todo, 1)
        return
    window: deque = deque()
    waiting = iter(todo)
    with pool:
        while True:
            while len(window) < 2 * workers:
                path, stem = next(waiting, (None, None))
                if path is None:
                    break
                if isinstance(stem, BriefError):
                    future: Future = Future()
                    future.set_exception(stem)
                else:
                    try:
                        future = pool.submit(_build_source, job, path, stem)
                    except (BrokenProcessPool, RuntimeError):  # a worker died: go on here
                        future = Future()
                        future.set_result(None)
                window.append((path, stem, future))
            if not window:
                return
            path, stem, future = window.popleft()
            try:
                result = future.result()
                if result is None:
                    result = _build_source(job, path, stem)
                files, warnings = result
            except BrokenProcessPool:
                try:
                    files, warnings = _build_source(job, path, stem)
                except Exception as exc:
                    yield path, _failed(job.project, path, exc), []
                    continue
            except Exception as exc:
                yield path, _failed(job.project, path, exc), []
                continue
            yield path, files, warnings


def _warm_extraction() -> None:
    """Import what compiling a source needs, and the given-name dictionary it reads."""
    from brief.extract import actors, analyze, compile, segment  # noqa: F401
    from brief.override import apply  # noqa: F401

    actors.is_given_name("Anna")


def _build_source(job: _Job, path: Path, stem: str) -> tuple[list[Path], list[str]]:
    """Build `path` whole in this process: compile, lay out, render each format (the PDF
    first: if it leaves items out, the others render the reduced brief), write. Returns the
    files and warnings; raises BriefError, or InternalError for a bug."""
    from brief import uptodate
    from brief.faults import InternalError
    from brief.render.parallel import render

    try:
        found = uptodate.inputs(job.project.root, path, job.folder, job.extra)
        brief, document, style, warnings, relayout = prepare(job.project, path, job.formats,
                                                             job.style)
        outputs: dict = {}
        for fmt in sorted(job.formats, key=lambda f: f != "pdf"):
            outputs[fmt] = render(fmt, brief, document, style, str(path), relayout)
            reduced = outputs[fmt][2]
            if reduced is not None:
                brief, document, relayout = reduced, relayout(reduced), None
        return _finish(job, path, stem, found, outputs, warnings, style, None)
    except BriefError:
        raise
    except Exception as exc:
        raise InternalError.of(exc) from None


def _one_by_one(job: _Job, todo: list, jobs: int):
    """Yield as `make` does, compiling here and rendering each format in its own worker."""
    from brief import uptodate
    from brief.render.parallel import Renderer

    project, formats = job.project, job.formats
    sources = sum(1 for _, stem in todo if isinstance(stem, str))
    with Renderer(formats, sources, jobs, job.style) as renderer:
        pending = []
        for path, stem in todo:
            if isinstance(stem, BriefError):
                pending.append((path, stem, [], None))
                continue
            try:  # anything at all that goes wrong costs this source only
                found = uptodate.inputs(project.root, path, job.folder, job.extra)
                # Its render workers idle while it compiles: a long source takes two cores.
                brief, document, style, warnings, relayout = prepare(project, path, formats,
                                                                     job.style, workers=jobs)
                futures = {f: renderer.submit(f, brief, document, style, str(path), relayout)
                           for f in formats}
            except Exception as exc:
                pending.append((path, _failed(project, path, exc), [], None))
                continue
            pending.append((path, futures, warnings, (stem, style, relayout, found)))
        for path, work, warnings, context in pending:
            if isinstance(work, BriefError):
                yield path, work, warnings
                continue
            stem, style, relayout, found = context
            try:
                outputs = {fmt: future.result() for fmt, future in work.items()}
                files, warnings = _finish(job, path, stem, found, outputs, warnings, style,
                                          relayout)
            except Exception as exc:
                yield path, _failed(project, path, exc), warnings
                continue
            yield path, files, warnings


def _finish(job: _Job, path: Path, stem: str, found: dict[str, str], outputs: dict,
            warnings: list[str], style, relayout) -> tuple[list[Path], list[str]]:
    """Write the rendered `outputs` of `path` and its up-to-date record, all or none; return
    the files and every warning."""
    from brief import uptodate
    from brief.fileio import commit

    dist = job.project.dist
    files, more = _render_all(dist / stem, outputs, path, style, relayout)
    warnings = warnings + [f"{path}: {w}" for w in more]
    record = uptodate.record(dist, stem, found, job.extra, files, job.options, warnings)
    commit({**files, uptodate.record_path(dist, stem): record})
    return list(files), warnings


def _style_files(style, folder: Path | None) -> tuple[str, ...]:
    """Return the files `style` names that lie outside its template folder and the package
    (a font in the project, say): a build depends on them too."""
    if style is None or folder is None:
        return ()
    from brief.assets import PACKAGE

    named = (style.font_regular, style.font_bold, style.font_italic, style.font_bold_italic,
             style.logo, style.reference_docx)
    return tuple(sorted({str(p) for p in named if p is not None
                         and not Path(p).is_relative_to(folder)
                         and not Path(p).is_relative_to(PACKAGE)}))


def _failed(project: Project, path: Path, exc: Exception) -> BriefError:
    """Return the error `path` failed with: `exc` if it is a BriefError (naming the source if
    it names no file), else an internal error, its traceback logged under dist/."""
    if isinstance(exc, BriefError):
        if exc.path is None:
            exc.path = path
        return exc
    from brief import faults

    return faults.report(exc, path, project.dist)


def check_output(project: Project) -> None:
    """Raise BriefError if dist/ cannot hold outputs because something else has its name."""
    if project.dist.exists() and not project.dist.is_dir():
        raise BriefError("is not a folder", project.dist,
                         hint="move that file away: brief writes its outputs in dist/")


def prepare(project: Project, path: Path, formats: tuple[str, ...], style=None,
            record: bool = True, workers: int = 1):
    """Return the brief of `path`, its document tree and style (`style` if given, else the
    template's) if a format needs them, and warnings of drift between the overrides and the
    article; without `record`, the drift record in dist/ is read, never written. `workers`:
    the processes its analysis may take (see `compile_full`)."""
    from brief.override import drift
    from brief.render.writers import needs_layout

    compiled = compile_full(path, project.settings, workers)
    brief = compiled.brief
    warnings = drift.check(project.dist / ".brief" / f"{output_stem(path)}.json",
                           path.with_suffix(".yaml"), compiled.referenced, compiled.sentences,
                           update=record)
    if not any(needs_layout(f) for f in formats):
        return brief, None, None, warnings, None
    from brief.render.layout import Relayout, brief_date

    folder = template.find(project.root, project.settings.template)
    relayout = Relayout(project.settings, folder, brief_date(brief))
    return brief, relayout(brief), style or template.load_style(folder), warnings, relayout


def _render_all(stem: Path, outputs: dict, source: Path, style, relayout
                ) -> tuple[dict[Path, bytes], list[str]]:
    """Return every output (`render`'s result, by format) by file, and the writers'
    warnings, each said once.

    If the PDF had to leave items out to keep to its page budget, the other formats are
    rendered again from the same reduced brief: every format says the same thing.
    """
    from brief.render.parallel import render

    reduced = next((r for _, _, r in outputs.values() if r is not None), None)
    if reduced is not None and relayout is not None:
        document = relayout(reduced)
        for fmt, (_, _, was_reduced) in list(outputs.items()):
            if was_reduced is None:
                outputs[fmt] = render(fmt, reduced, document, style, str(source))
    files = {stem.with_name(f"{stem.name}.{fmt}"): data for fmt, (data, _, _) in outputs.items()}
    warnings = [w for _, found, _ in outputs.values() for w in found]
    return files, list(dict.fromkeys(warnings))
