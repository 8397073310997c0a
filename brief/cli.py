"""The `brief` command: parses options, calls the pipeline, turns errors into messages."""

from __future__ import annotations

import dataclasses
import errno
import os
import shlex
import sys
from pathlib import Path

import click

from brief.assets import DATA
from brief.errors import BriefError

SAMPLE = "lavrov-pakistan-2021"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="brief")
@click.option("-C", "--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), help="Work in this project folder instead of the current one.")
@click.pass_context
def main(ctx: click.Context, project_dir: Path) -> None:
    """Compile news articles into policy briefs (PDF, DOCX, JSON).

    Put articles in sources/, run `brief make`, find the briefs in dist/.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not epoch.strip().isdigit():  # every writer dates by it
        _fail(f"SOURCE_DATE_EPOCH is '{epoch}', not a whole number of seconds since 1970 "
              "(unset it, or set it as reproducible builds do: $(git log -1 --format=%ct))")
    ctx.obj = project_dir


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
def init(directory: Path) -> None:
    """Create a brief project in DIRECTORY (default: here).

    Writes brief.yaml, a sample article in sources/ and a commented overrides example
    beside it. Existing files are never overwritten.
    """
    files = {
        directory / "brief.yaml": DATA / "brief.yaml",
        directory / "sources" / f"{SAMPLE}.txt": DATA / f"{SAMPLE}.txt",
        directory / "sources" / f"{SAMPLE}.yaml": DATA / f"{SAMPLE}.yaml",
    }
    for target, origin in files.items():
        if target.exists():
            click.echo(f"kept {target} (already there)")
            continue
        with _os_errors(f"cannot create the project in {directory}"):
            target.parent.mkdir(parents=True, exist_ok=True)
            import shutil  # here: every other command would pay for it

            shutil.copyfile(origin, target)
        click.echo(f"wrote {target}")
    with _os_errors(f"cannot create the project in {directory}"):
        (directory / "dist").mkdir(exist_ok=True)
    # quoted: the line is for pasting, and "My Briefs" is two words to a shell
    go = "" if directory == Path(".") else f"cd {shlex.quote(str(directory))} && "
    click.echo(f"Next: {go}brief make")


@main.command()
@click.argument("sources", nargs=-1)
@click.option("-f", "--format", "formats", multiple=True, metavar="LIST",
              help="Formats to write, comma-separated: pdf, docx, json, html, md. May be repeated. "
                   "Default: `formats` in brief.yaml, else pdf,docx.")
@click.option("-t", "--template", metavar="NAME",
              help="Template to lay out with: a folder in templates/ or a built-in one "
                   "(default, memo). Default: `template` in brief.yaml, else default.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Processes to render with (default: one per CPU core).")
@click.option("--copy", type=click.Choice(["reader", "review"]), default=None,
              help="reader: the copy sent out, no sentence ids or file names; review: every "
                   "statement tagged with its sentence ids, written as NAME.review.pdf… "
                   "Default: `copy` in brief.yaml, else reader.")
@click.option("--force", is_flag=True,
              help="Build every source, even those whose outputs are up to date.")
@click.pass_obj
def make(project_dir: Path, sources: tuple[str, ...], formats: tuple[str, ...],
         template: str | None, jobs: int | None, copy: str | None, force: bool) -> None:
    """Build briefs into dist/: every article in sources/, or only the SOURCES named.

    A source whose outputs are up to date (nothing it is built from changed) is skipped.
    Prints a line per brief with the files written and a line per source that failed; the
    others still build. Exits with status 1 if any failed.
    """
    from brief import pipeline
    from brief.settings import parse_formats

    with _user_errors():
        project = pipeline.open_project(project_dir, template)
        if copy:
            project = dataclasses.replace(
                project, settings=dataclasses.replace(project.settings, copy=copy))
        chosen = parse_formats(formats) if formats else project.settings.formats
        paths = pipeline.find_sources(project, sources)
        pipeline.check_output(project)
    unread = [] if sources else [  # building them all: files in sources/ that never build
        f"warning: {pipeline.unread_warning(Path(_show(p)))}"
        for p in pipeline.unread_files(project)]
    for warning in unread:
        click.secho(warning, fg="yellow", err=True)
    if not paths:
        _fail(f"no articles in {_show(project.sources)} (add a .txt or .md file)")
    failures = 0
    for path, result, warnings in pipeline.make(project, paths, chosen, jobs, force):
        for warning in warnings:
            click.secho(f"warning: {warning}", fg="yellow", err=True)
        if isinstance(result, BriefError):
            failures += 1
            click.secho(f"error: {result}", fg="red", err=True)
        elif type(result).__name__ == "UpToDate":  # not imported: a no-op build stays lean
            click.echo(f"up to date: {_show(path)}")
        else:
            click.echo(f"built {_show(path)} -> " + ", ".join(_show(p) for p in result))
    if failures:
        click.secho(f"{failures} of {len(paths)} sources failed", fg="red", err=True)
        sys.exit(1)
    if not (sources or formats or template or copy or force) \
            and os.path.abspath(project.root) == os.getcwd():
        _leave_stamp(project, paths, chosen, unread)


def _leave_stamp(project, paths: list[Path], formats: tuple[str, ...], unread: list[str]
                 ) -> None:
    """Let the next plain `brief make` here, if nothing changes, print what it would and stop
    before importing anything heavy (see `brief.noop`)."""
    from brief import noop, pipeline

    found = pipeline.noop_record(project, paths, formats)
    if found is None:
        noop.forget()
        return
    watch, done = found
    lines = [["err", warning] for warning in unread]
    for path, outputs in zip(paths, done):
        lines += [["err", f"warning: {warning}"] for warning in outputs.warnings]
        lines.append(["out", f"up to date: {_show(path)}"])
    noop.save(watch, lines)


@main.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the brief as JSON (the contract).")
@click.pass_obj
def show(project_dir: Path, source: str, as_json: bool) -> None:
    """Print the compiled brief of SOURCE: each item with its sentence ids, topic and why it
    was chosen, then every other sentence, most central first, with its id — all you need to
    write overrides. Coloured on a terminal, plain when piped.
    """
    from brief import pipeline
    from brief.render.writers.json import dumps
    from brief.show import render_text

    with _user_errors():
        project = pipeline.open_project(project_dir)
        path = pipeline.find_sources(project, (source,))[0]
        compiled = pipeline.compile_full(path, project.settings)
    if as_json:
        click.echo(dumps(compiled.brief), nl=False)
        return
    colour = sys.stdout.isatty()
    click.echo(render_text(compiled.brief, compiled.analysis, colour), nl=False, color=colour)


@main.command()
@click.argument("source")
@click.option("-o", "--output", metavar="FILE",
              help="Write here instead of beside the source; '-' prints it.")
@click.pass_obj
def overrides(project_dir: Path, source: str, output: str | None) -> None:
    """Write an overrides skeleton for SOURCE: every key explained, every sentence listed.

    It goes beside the source (sources/NAME.yaml) and never replaces a file that exists;
    `-o -` prints it instead.
    """
    from brief import pipeline
    from brief.override import skeleton

    with _user_errors():
        project = pipeline.open_project(project_dir)
        path = pipeline.find_sources(project, (source,))[0]
        text = skeleton.of(path)
    if output == "-":
        click.echo(text, nl=False)
        return
    target = Path(output) if output else path.with_suffix(".yaml")
    if target.exists() or target.is_symlink():
        _fail(f"{_show(target)} already exists; it is yours, so brief leaves it alone "
              "(use -o - to print the skeleton)")
    # "x": never replace a file, even one that appeared since the check above
    with _os_errors(f"cannot write {_show(target)}"):
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as out:
            out.write(text)
    click.echo(f"wrote {_show(target)}")


@main.command()
@click.argument("source", required=False)
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port on 127.0.0.1 to serve on (default: a free one).")
@click.option("--no-open", is_flag=True, help="Do not open the page in the browser.")
@click.pass_obj
def preview(project_dir: Path, source: str | None, port: int, no_open: bool) -> None:
    """Show the brief of SOURCE beside its article in the browser, following every change to
    the source, its overrides, brief.yaml or the template; pin, drop, bold and add your own
    outcomes from the page (written to sources/NAME.yaml). Without SOURCE, every source.
    Serves on 127.0.0.1 only; Ctrl-C stops it.
    """
    import signal
    import webbrowser

    from brief.preview import server

    with _user_errors():
        httpd = server.start(project_dir, source, port)
    click.echo(f"preview at {httpd.preview.url} (Ctrl-C stops it)")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop as cleanly as on Ctrl-C
    if not no_open:
        webbrowser.open(httpd.preview.url)
    httpd.run()
    click.echo("preview stopped")


class _Seconds(click.FloatRange):
    """A number of seconds in a range; unlike FloatRange, refuses nan (which no bound stops)."""

    def convert(self, value, param, ctx):
        seconds = super().convert(value, param, ctx)
        if seconds != seconds:  # nan, the one value unequal to itself
            self.fail(f"{value!r} is not a number of seconds.", param, ctx)
        return seconds


@main.command()
@click.argument("target")
@click.option("--name", metavar="NAME", help="Save as sources/NAME.md (default: from the title).")
@click.option("--timeout", type=_Seconds(min=0.1, max=600), default=20.0, show_default=True,
              help="Seconds the whole fetch may take (0.1 to 600).")
@click.pass_obj
def add(project_dir: Path, target: str, name: str | None, timeout: float) -> None:
    """Add an article: fetch the web page at TARGET (an http or https address) or read the
    file TARGET (.html, .docx, .pdf, .txt, .md), and save its text as sources/NAME.md with
    front matter (title, source, url, author, published, retrieved) to check before
    `brief make`. Never overwrites.
    """
    from brief import pipeline
    from brief.read.add import add as add_article

    with _user_errors():
        project = pipeline.open_project(project_dir, create=True)
        saved = add_article(project.sources, target, name, timeout)
    click.echo(f"added {_show(saved)}; check its front matter, then run brief make")


@main.command()
@click.pass_obj
def check(project_dir: Path) -> None:
    """Check the project without writing anything: settings, template, every source and its
    overrides. Lists every problem found and exits with status 1 if there is any."""
    from brief.check import check_project

    warnings: list[str] = []
    found, checked = check_project(project_dir, warnings)
    for warning in warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    for problem in found:
        click.secho(f"error: {problem}", fg="red", err=True)
    if found:
        click.secho(f"{len(found)} problem{'s' if len(found) != 1 else ''} found", fg="red",
                    err=True)
        sys.exit(1)
    click.echo(f"ok: {checked}")


@main.command()
@click.argument("source")
@click.option("--to", "to", multiple=True, metavar="ADDR", help="A recipient (repeatable).")
@click.option("--cc", "cc", multiple=True, metavar="ADDR", help="A copy recipient (repeatable).")
@click.option("--from", "sender", metavar="ADDR", help="The sender, over mail.from.")
@click.option("--subject", metavar="TEXT", help="The subject, over the mail.subject template.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the .eml (default: dist/NAME.eml).")
@click.option("--send", is_flag=True, help="Deliver it over SMTP (mail.smtp in brief.yaml).")
@click.option("--dry-run", is_flag=True, help="Show recipients, subject and sizes; send nothing.")
@click.pass_obj
def mail(project_dir: Path, source: str, to: tuple[str, ...], cc: tuple[str, ...],
         sender: str | None, subject: str | None, out: Path | None, send: bool,
         dry_run: bool) -> None:
    """Write the brief of SOURCE as an email (dist/NAME.eml): the brief as its body, the PDF
    and DOCX attached. Builds them first if they are out of date.

    With --send it goes out over SMTP; the password comes from BRIEF_SMTP_PASSWORD or the
    system keyring, never from brief.yaml or the command line. Nothing is sent if anything
    fails to build or an address is invalid.
    """
    from brief import mail as mailing
    from brief import pipeline

    with _user_errors():
        project = pipeline.open_project(project_dir)
        path = pipeline.find_sources(project, (source,))[0]
        message, warnings = mailing.message_for(
            project, path, mailing.Envelope(to, cc, subject, sender))
    for warning in warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    data = message.as_bytes()
    if dry_run:
        click.echo(f"from: {message['From']}")
        click.echo(f"to: {message['To']}")
        if message["Cc"]:
            click.echo(f"cc: {message['Cc']}")
        click.echo(f"subject: {message['Subject']}")
        for part in message.iter_attachments():
            click.echo(f"attachment: {part.get_filename()} "
                       f"({len(part.get_content()) / 1024:.0f} KB)")
        click.echo(f"message: {len(data) / 1024:.0f} KB; nothing sent (dry run)")
        return
    from brief.fileio import write_atomic

    target = out or project.dist / f"{pipeline.output_stem(path)}.eml"
    with _os_errors(f"cannot write {_show(target)}"):
        write_atomic(target, data)
    click.echo(f"wrote {_show(target)}")
    if send:
        with _user_errors():
            mailing.send(message, project.settings.mail or mailing.MailSettings())
        click.echo(f"sent to {message['To']}" + (f", cc {message['Cc']}" if message["Cc"] else ""))


def _show(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class _user_errors:
    """Turn a BriefError into one message on stderr and exit status 1: never a traceback."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if isinstance(exc, BriefError):
            _fail(str(exc))
        return False


class _os_errors:
    """Turn an OSError into one message, `what` and the system's reason: never a traceback."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if isinstance(exc, OSError):
            reason = {errno.ENOTDIR: "a part of the path is a file, not a folder",
                      errno.EEXIST: "a part of the path is a file, not a folder"
                      }.get(exc.errno, (exc.strerror or str(exc)).lower())
            where = f" ({exc.filename})" if exc.filename else ""
            _fail(f"{self.what}: {reason}{where}")
        return False


def _fail(message: str) -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(1)
