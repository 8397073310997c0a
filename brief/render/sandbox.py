"""The Jinja2 sandbox every template and the mail subject render in.

Templates are code the user (or whoever shared a template folder) wrote: they must not reach
Python's internals (Jinja2's immutable sandbox), nor hang or exhaust memory (the bounds
here: steps, recursion, output size, time), and each fault must read as one line naming the
template file and line.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_RANGE = 10_000
"""Longest `range()` a template may make."""
MAX_STEPS = 200_000
"""Loop iterations, calls and attribute look-ups one rendering may make (the built-in
templates make some hundreds for the sample brief, a few thousand for a long one)."""
MAX_SECONDS = 5.0
"""Wall-clock bound of one rendering, checked as steps are counted."""
MAX_OUTPUT = 5_000_000
"""Characters of output one rendering may produce (a brief is some tens of thousands)."""
MAX_ITEMS = 100_000
"""Longest string or list `*` may make in a template, and widest `%` padding."""
_STEP_FILTER = "_brief_step"  # wraps every for-loop's iterable so iterations are counted


class TemplateLimit(SecurityError):
    """A template went past one of the bounds above."""


class _Budget(threading.local):
    steps = 0
    deadline = float("inf")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox (no `__globals__`, no mutating lists and dicts) with
    bounds on work, recursion, output and the size of what `*`, `**` and `%` make."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.budget = _Budget()
        self.globals["range"] = _bounded_range
        self.filters[_STEP_FILTER] = self._counted
        for name, position in (("center", 1), ("indent", 1), ("batch", 1)):
            self.filters[name] = _width_checked(self.filters[name], position)
        self.filters["format"] = _format_checked(self.filters["format"])

    def _parse(self, source, name, filename):
        # Every `{% for %}` iterates through the step filter, so loops with no output and no
        # calls (nested loops over one list) are bounded too.
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _STEP_FILTER, [], [], None, None,
                                     lineno=loop.iter.lineno)
        return tree

    def step(self) -> None:
        """Count one step; raise TemplateLimit past the bounds."""
        budget = self.budget
        budget.steps += 1
        if budget.steps & 1023 == 0:
            if budget.steps > MAX_STEPS:
                raise TemplateLimit(f"the template takes over {MAX_STEPS:,} steps (an endless "
                                    "or very long loop?)")
            if time.monotonic() > budget.deadline:
                raise TemplateLimit(f"the template takes over {MAX_SECONDS:g} seconds")

    def _counted(self, iterable):
        for item in iterable:
            self.step()
            yield item

    def getattr(self, obj, attribute):
        self.step()
        if isinstance(obj, str) and attribute in ("format", "format_map") and _WIDE_SPEC.search(
                obj):
            raise TemplateLimit("a template may not pad text that wide")
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self.step()
        return super().getitem(obj, argument)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        __self.step()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator: str, left, right):
        self.step()
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and (
                right > 64 and abs(left) > 1):
            raise TemplateLimit(f"{left} ** {right} is too large a number for a template")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and (
                        len(seq) * times > MAX_ITEMS):
                    raise TemplateLimit(f"a template may not repeat text or lists past "
                                        f"{MAX_ITEMS:,} items")
        if operator == "%" and isinstance(left, str):
            _check_percent(left)
        return super().call_binop(context, operator, left, right)


_WIDE_SPEC = re.compile(r"\{[^{}]*:[^{}]*(\d{6,}|\{)")  # "{:>1000000}", "{:{width}}"


def _check_width(width) -> None:
    if isinstance(width, int) and width > MAX_ITEMS:
        raise TemplateLimit(f"a template may not pad text wider than {MAX_ITEMS:,}")


def _check_percent(text: str) -> None:
    """Refuse `%` formats that pad past MAX_ITEMS or take their width from an argument."""
    for width in re.findall(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)", text):
        if width == "*" or (width and int(width) > MAX_ITEMS):
            raise TemplateLimit("a template may not pad text that wide")


def _width_checked(function, position: int):
    """Return filter `function` refusing a width (its argument at `position`) past the bound."""

    def checked(*args, **kwargs):
        if len(args) > position:
            _check_width(args[position])
        for value in kwargs.values():
            _check_width(value)
        return function(*args, **kwargs)

    return checked


def _format_checked(function):
    def checked(value, *args, **kwargs):
        if isinstance(value, str):
            _check_percent(value)
        return function(value, *args, **kwargs)

    return checked


def _bounded_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise TemplateLimit(f"range() of {len(rng):,} items; a template may count to "
                            f"{MAX_RANGE:,}")
    return rng


def environment(**options) -> BoundedEnvironment:
    """Return a bounded sandbox with `options` (loader, autoescape…); undefined names are an
    error unless `options` say otherwise."""
    options.setdefault("undefined", jinja2.StrictUndefined)
    return BoundedEnvironment(**options)


def render(template: jinja2.Template, **values) -> str:
    """Return `template` rendered with `values` within the bounds.

    Raises Jinja2's errors, TemplateLimit for a bound passed, RecursionError for a template
    that calls or includes itself without end.
    """
    env = template.environment
    budget = env.budget
    budget.steps, budget.deadline = 0, time.monotonic() + MAX_SECONDS
    parts, size = [], 0
    for part in template.generate(**values):
        size += len(part)
        if size > MAX_OUTPUT:
            raise TemplateLimit(f"the template writes over {MAX_OUTPUT // 1_000_000} MB "
                                "of HTML")
        parts.append(part)
    return "".join(parts)


def where(exc: BaseException, folder: Path | None) -> tuple[Path | None, int | None]:
    """Return the template file (under `folder`) and line the innermost template frame of
    `exc`'s traceback was at, or (None, None)."""
    found: tuple[Path | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if folder is not None and name.startswith(str(folder)):
            found = (Path(name), tb.tb_lineno)
        tb = tb.tb_next
    return found


def describe(exc: BaseException) -> str:
    """Return what went wrong with a template, in a phrase."""
    if isinstance(exc, RecursionError):
        return "the template calls or includes itself without end"
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"no template file '{exc.name}' to include"
    if isinstance(exc, TemplateLimit):
        return str(exc)
    if isinstance(exc, SecurityError):
        return f"not allowed in a template: {exc}"
    if isinstance(exc, jinja2.UndefinedError):
        return f"{exc} (no such variable or attribute)"
    if isinstance(exc, jinja2.TemplateError):
        return exc.message or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


# The errors a template can cause while rendering, and nothing else: a bug in brief's own
# filters stays a bug.
ERRORS = (jinja2.TemplateError, RecursionError, MemoryError, OverflowError, TypeError,
          ValueError, ZeroDivisionError, KeyError, IndexError, AttributeError)
