"""The one exception type a user ever sees, and how it reads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class BriefError(Exception):
    """A problem the user can fix: where it is, what is wrong, what to do."""

    message: str
    """What is wrong, in the user's words."""
    path: Path | str | None = None
    """The file at fault, if there is one."""
    line: int | None = None
    """The 1-based line in that file, if known."""
    hint: str | None = None
    """What would fix it."""
    excerpt: str | None = None
    """The line at fault with a caret under the spot, printed below the message."""

    def __reduce__(self):
        # Exceptions pickle their `args`, which a dataclass leaves empty: workers need this.
        return (type(self), (self.message, self.path, self.line, self.hint, self.excerpt))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        excerpt = f"\n{self.excerpt}" if self.excerpt else ""
        return f"{where}{self.message}{hint}{excerpt}"
