"""`brief check`: every problem in a project, found without writing anything."""

from __future__ import annotations

from pathlib import Path

from brief.errors import BriefError


def check_project(root: Path) -> tuple[list[BriefError], str]:
    """Return every problem in the project at `root`, and a line saying what was checked."""
    from brief import pipeline, settings
    from brief.extract.segment import segment
    from brief.override import apply as override
    from brief.read.source import read
    from brief.render import logo, template

    problems: list[BriefError] = []
    try:  # not open_project: a missing template is one problem among others here
        project = pipeline.Project(root, settings.load(root))
    except BriefError as exc:
        return [exc], ""
    try:
        folder = template.find(project.root, project.settings.template)
        style = template.load_style(folder)
        if style.logo and logo.kind(style.logo) == "svg":
            logo.drawing(style.logo)  # what a build would only find out source by source
        _compile_template(folder)
    except BriefError as exc:
        problems.append(exc)
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
        problems.extend(override.problems(overrides, sentences, project.settings.defaults))
    checked = (f"settings, template '{project.settings.template}', {len(sources)} sources, "
               f"{with_overrides} overrides files")
    return problems, checked


def _compile_template(folder: Path) -> None:
    """Raise BriefError naming the line of a syntax error in the template."""
    import jinja2

    from brief.render.layout import environment
    from brief.render.template import TEMPLATE_FILE

    try:
        environment(folder).get_template(TEMPLATE_FILE)
    except jinja2.TemplateSyntaxError as exc:
        raise BriefError(f"template error: {exc.message}", folder / TEMPLATE_FILE,
                         exc.lineno) from None
