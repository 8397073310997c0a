"""`brief check`: every problem in a project, found without writing anything."""

from __future__ import annotations

from pathlib import Path

from brief.errors import BriefError

SAMPLE = "lavrov-pakistan-2021.txt"
"""The built-in sample article: what `check` lays out to try the template."""


def check_project(root: Path, warnings: list[str] | None = None
                  ) -> tuple[list[BriefError], str]:
    """Return every problem in the project `root` is in, and a line saying what was checked;
    add to `warnings` what `make` would warn of (files no reader takes, drift)."""
    from brief import pipeline, settings
    from brief.extract.segment import segment
    from brief.override import apply as override
    from brief.override import drift
    from brief.read.source import read
    from brief.render import logo, template

    warnings = [] if warnings is None else warnings
    problems: list[BriefError] = []
    try:  # not open_project: a missing template is one problem among others here
        root = pipeline.locate(root)
        project = pipeline.Project(root, settings.load(root))
    except BriefError as exc:
        return [exc], ""
    try:
        folder = template.find(project.root, project.settings.template)
        style = template.load_style(folder)
        if style.logo and logo.kind(style.logo) == "svg":
            logo.drawing(style.logo)  # what a build would only find out source by source
    except BriefError as exc:
        problems.append(exc)
    else:
        problems.extend(_render_template(project, folder))
    problems.extend(_render_subject(project))
    try:
        sources = pipeline.find_sources(project)
    except BriefError as exc:
        return problems + [exc], ""
    with_overrides = 0
    for path in sources:
        try:
            pipeline.check_source(project, path)
            sentences = segment(read(path))
        except BriefError as exc:
            problems.append(exc)
            continue
        overrides = path.with_suffix(".yaml")
        with_overrides += overrides.exists()
        found = override.problems(overrides, sentences, project.settings.defaults)
        problems.extend(found)
        if overrides.exists() and not found:  # drift, as `make` warns of it, recording nothing
            named = override.load(overrides, sentences, project.settings.defaults).referenced()
            record = project.dist / ".brief" / f"{pipeline.output_stem(path)}.json"
            warnings.extend(drift.check(record, overrides, named, sentences, update=False))
    warnings.extend(pipeline.unread_warning(path) for path in pipeline.unread_files(project))
    problems = list({str(p): p for p in problems}.values())  # brief.yaml's defaults: once
    checked = (f"settings, template '{project.settings.template}', {len(sources)} sources, "
               f"{with_overrides} overrides files")
    return problems, checked


def _render_template(project, folder: Path) -> list[BriefError]:
    """Return the template's problem, if it has one, found by laying the sample brief out as
    `make` would: syntax, undefined names, missing includes, disallowed tags, loops and
    recursion past the sandbox's bounds."""
    from brief.assets import DATA
    from brief.pipeline import compile_source
    from brief.render.layout import brief_date, layout

    try:
        brief = compile_source(DATA / SAMPLE, project.settings)
        layout(brief, project.settings, folder, brief_date(brief))
    except BriefError as exc:
        return [exc]
    return []


def _render_subject(project) -> list[BriefError]:
    """Return the problem of brief.yaml's `mail.subject`, if it has one."""
    from brief.mail import subject

    mail = project.settings.mail
    if mail is None:
        return []
    values = {"marking": "OFFICIAL", "title": "Sample", "date": "1 January 2021",
              "organisation": "Organisation"}
    try:
        subject(mail.subject, values, mail.subject_line)
    except BriefError as exc:
        return [exc]
    return []
