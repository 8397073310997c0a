"""What the preview page shows of one source: the brief as `brief make --format html` writes
it, and every sentence of the article with its id, where the brief uses it and why (the
reasons `brief show` gives). Problems are collected for the page, never raised: the analyst
fixes them with the page open."""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from brief import pipeline
from brief.errors import BriefError
from brief.extract.compile import SECTIONS

SECTION_NAMES = {"summary": "Summary", "outcomes": "Key outcomes",
                 "implications": "Implications", "watch": "What to watch"}


@dataclass(frozen=True)
class Line:
    """A sentence of the article as the page lists it."""

    id: str
    text: str
    sections: tuple[str, ...] = ()
    """The sections of the brief it is used in (keys of SECTION_NAMES)."""
    pinned: str | None = None
    """"anywhere" or the section it is pinned to; None if it is not pinned."""
    dropped: tuple[str, ...] = ()
    """The sections it is kept out of (all of SECTIONS when dropped outright)."""
    why: str = ""
    """Its scores and cues, as `brief show` gives them."""


@dataclass
class View:
    """One source's page."""

    name: str
    """The source's file name in sources/."""
    html: str | None = None
    """The brief as the HTML writer renders it; None if it could not be compiled."""
    lines: list[Line] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    """The brief's topic labels, offered for the analyst's outcomes."""
    sentences: tuple = ()
    """The article's sentences (`Sentence`), which overrides are checked against."""

    @property
    def placed(self) -> dict[str, str]:
        """Return the first section each sentence is used in."""
        return {line.id: line.sections[0] for line in self.lines if line.sections}


def build(root: Path, path: Path) -> View:
    """Return the view of the source at `path` in the project at `root`."""
    from brief.render.parallel import render

    view = View(path.name)
    brief = analysis = sentences = overrides = None
    try:
        project = pipeline.open_project(root)
        pipeline.check_source(project, path)
        # As `brief make --format html` renders it, but the drift record in dist/ is left alone
        brief, document, style, warnings, relayout = pipeline.prepare(
            project, path, ("html",), record=False)
        data, more, _ = render("html", brief, document, style, str(path), relayout)
        view.html = data.decode("utf-8")
        view.warnings = list(dict.fromkeys(warnings + more))
        compiled = pipeline.compile_full(path, project.settings)
        analysis, sentences = compiled.analysis, compiled.sentences
        overrides = _overrides(path, sentences, project.settings.defaults)
    except BriefError as exc:
        view.errors.append(str(exc))
    except Exception as exc:  # a bug must not take the page down: say so there and here
        traceback.print_exc(file=sys.stderr)
        view.errors.append(f"internal error: {type(exc).__name__}: {exc}")
    if sentences is None:  # the overrides or settings are broken: list the article bare
        analysis, sentences = _article(path, view.errors)
    view.sentences = sentences
    view.lines = _lines(brief, analysis, sentences, overrides)
    if brief is not None:
        view.topics = sorted({i.topic for i in brief.outcomes + brief.implications if i.topic})
    return view


def _overrides(path: Path, sentences, defaults):
    from brief.override import apply as override

    return override.load(path.with_suffix(".yaml"), sentences, defaults)


def _article(path: Path, errors: list[str]):
    """Return the article's analysis and sentences without overrides, or (None, ())."""
    from brief.extract.analyze import analyze
    from brief.extract.segment import segment
    from brief.read.source import read

    try:
        sentences = segment(read(path))
        return analyze(sentences), sentences
    except BriefError as exc:
        if str(exc) not in errors:
            errors.append(str(exc))
    except Exception as exc:
        traceback.print_exc(file=sys.stderr)
        errors.append(f"internal error: {type(exc).__name__}: {exc}")
    return None, ()


def _lines(brief, analysis, sentences, overrides) -> list[Line]:
    from brief.show import why

    features = {f.sentence.id: f for f in analysis.features} if analysis else {}
    used: dict[str, list[str]] = {}
    if brief is not None:
        for section in SECTIONS:
            for item in getattr(brief, section):
                for sid in item.sentences:
                    used.setdefault(sid, []).append(section)
    lines = []
    for sentence in sentences:
        sid = sentence.id
        pinned = dropped = None
        if overrides is not None:
            if sid in overrides.pin:
                pinned = overrides.pin[sid] or "anywhere"
            dropped = (tuple(SECTIONS) if sid in overrides.drop else
                       tuple(s for s in SECTIONS if sid in overrides.drop_in.get(s, ())))
        lines.append(Line(sid, sentence.text, tuple(dict.fromkeys(used.get(sid, ()))), pinned,
                          dropped or (), why(features.get(sid))))
    return lines
