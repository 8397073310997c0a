"""JSON writer: the `Brief` itself, the contract for tools and tests."""

from __future__ import annotations

import json


def dumps(brief) -> str:
    """Return `brief` as stable, human-readable JSON (UTF-8 text, keys in model order)."""
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render(brief, document=None, style=None) -> bytes:
    """Return the JSON bytes of `brief`; the document tree is not needed."""
    return dumps(brief).encode("utf-8")
