"""No silent drift: warn when a sentence the overrides name has changed since they named it.

The first build that sees an id in a source's overrides records a short fingerprint of that
sentence in `dist/.brief/NAME.json`; later builds compare. The record of an id is kept while
the overrides name it, so the warning repeats until the analyst looks: they fix the id, or
delete the record to accept the new text.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from brief.fileio import write_atomic
from brief.model import Sentence


def fingerprint(text: str) -> str:
    """Return a short, stable fingerprint of a sentence's text."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def check(record: Path, overrides: Path, referenced: set[str],
          sentences: tuple[Sentence, ...], update: bool = True) -> list[str]:
    """Return a warning for each referenced id whose sentence reads differently than when it
    was first referenced; with `update`, record the ids not yet recorded."""
    try:
        known = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    except (OSError, ValueError):
        known = {}  # a damaged record is ours to rebuild, not the user's problem
    texts = {s.id: s.text for s in sentences}
    warnings = []
    current = {}
    for sid in sorted(referenced & set(texts), key=lambda i: int(i[1:])):
        now = fingerprint(texts[sid])
        current[sid] = known.get(sid, now)
        if current[sid] != now:
            excerpt = texts[sid] if len(texts[sid]) <= 70 else texts[sid][:67] + "…"
            warnings.append(f"{overrides}: {sid} now reads “{excerpt}”; the article changed "
                            f"since the overrides named it (check the id, then delete "
                            f"{record} to accept)")
    if update and current != known:
        try:
            write_atomic(record, (json.dumps(current, indent=1, sort_keys=True) + "\n").encode())
        except OSError:
            pass  # a record is a nicety: a full or read-only dist/ is reported by the build
    return warnings
