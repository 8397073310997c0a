"""Worker processes. A batch is split by source (`pipeline._batch`): each worker, started by
`start_worker`, builds whole sources with its writers' libraries, fonts and reference
document loaded once. A single source is split by format (`Renderer`): its PDF and DOCX
render at the same time, in workers forked at the start that import reportlab and
python-docx while the main process compiles. Where fork is unavailable, or with one job,
everything runs in this process.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import Future

from brief.errors import BriefError
from brief.faults import InternalError
from brief.render.writers import needs_layout, reads_brief, writer


def render(fmt: str, brief, document, style, origin: str | None = None, relayout=None
           ) -> tuple[bytes, list[str], object | None]:
    """Return the bytes of `brief` in format `fmt`, the writer's warnings (a glyph its fonts
    lack, items left out to fit the page budget…) and, if it had to leave items out, the
    reduced brief. An unexpected failure comes back as an InternalError, traceback and all:
    the caller reports it against the source."""
    try:
        module = writer(fmt)
        check = getattr(module, "check", None)
        warnings = check(document, style) if check else []
        fit = getattr(module, "render_within", None)
        if fit is None or relayout is None:
            return module.render(brief, document, style), warnings, None
        data, reduced, left_out = fit(brief, document, style, relayout)
        if left_out:
            warnings.append(f"left out to fit {style.pages} page"
                            f"{'s' if style.pages > 1 else ''}: " + ", ".join(left_out))
        return data, warnings, reduced
    except BriefError:
        raise
    except Exception as exc:  # a writer bug must cost one source, not the whole run
        raise InternalError.of(exc) from None


def _warm(fmt: str, style) -> None:
    """Import the writer of `fmt` and let it set up what it can before a brief arrives (the
    PDF writer reads its fonts)."""
    warm = getattr(writer(fmt), "warm", None)
    if warm is not None and style is not None:
        warm(style)
    from brief import regexcache

    regexcache.save()  # the library's patterns: a worker's exit saves nothing


def start_worker(parent: int, formats: tuple[str, ...], style) -> None:
    """Set up a worker that builds whole sources: it ends with `parent`, and has every
    format's writer imported and warmed before the first source arrives."""
    _die_with(parent)
    warm_all(formats, style)


def warm_all(formats: tuple[str, ...], style) -> None:
    """Import and warm the writer of each format that lays out (see `_warm`)."""
    for fmt in formats:
        if needs_layout(fmt):
            try:
                _warm(fmt, style)
            except Exception:  # the first source meets the problem and reports it
                pass


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with(parent: int) -> None:
    """Make this worker end when `parent` does, even by `kill -9`: orphans would otherwise
    wait for work forever (their siblings hold the work queue open)."""
    try:  # Linux: the kernel sends SIGKILL when the parent goes
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it died before that took effect
        os._exit(1)
    import threading

    def watch() -> None:  # anywhere else (and belt and braces): look twice a second
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="brief-orphan-watch", daemon=True).start()


class Renderer:
    """Renders formats, in worker processes when there are at least two heavy renders to do.

    Each heavy format gets its own workers, so each worker imports one library only.
    """

    def __init__(self, formats: tuple[str, ...], sources: int, jobs: int | None = None,
                 style=None) -> None:
        heavy = [f for f in formats if needs_layout(f)]
        jobs = jobs or os.cpu_count() or 1
        self.pools: dict = {}
        if jobs < 2 or len(heavy) * sources < 2 or not hasattr(os, "fork"):
            return
        import multiprocessing  # only here: a JSON-only build should not pay for it
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        try:
            for fmt in heavy:
                workers = max(1, min(sources, jobs // len(heavy)))
                self.pools[fmt] = ProcessPoolExecutor(
                    workers, mp_context=context, initializer=_die_with, initargs=(os.getpid(),))
                for _ in range(workers):  # import the library while the caller compiles
                    self.pools[fmt].submit(_warm, fmt, style)
        except OSError:  # no process to be had (fork's EAGAIN…): render here, slower but sure
            self.close()
            self.pools = {}

    def submit(self, fmt: str, brief, document, style, origin: str | None = None,
               relayout=None) -> Future:
        """Return a future of `render`'s bytes, warnings and reduced brief."""
        if fmt in self.pools:
            from concurrent.futures.process import BrokenProcessPool

            # A writer that renders the document tree alone is not sent the brief: its
            # every sentence, pickled here and copied there, was most of a long article's
            # memory.
            sent = brief if reads_brief(fmt) else None
            try:
                return self.pools[fmt].submit(render, fmt, sent, document, style, origin,
                                              relayout)
            except BrokenProcessPool:  # a worker died (killed, out of memory): go on here
                self.pools.pop(fmt).shutdown(wait=False)
        future: Future = Future()
        try:
            future.set_result(render(fmt, brief, document, style, origin, relayout))
        except Exception as exc:  # the caller reports it against this source
            future.set_exception(exc)
        return future

    def close(self) -> None:
        """Stop the workers."""
        for pool in self.pools.values():
            pool.shutdown()

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

