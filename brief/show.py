"""The terminal rendering of a brief for `brief show`: items with ids, then every sentence."""

from __future__ import annotations

import textwrap

from brief.model import Brief, Item


def render_text(brief: Brief) -> str:
    """Return `brief` as plain text: sections with sentence ids and topics, then all sentences."""
    lines = [brief.title, "=" * min(len(brief.title), 78), ""]
    for name, items in (("Summary", brief.summary), ("Key outcomes", brief.outcomes),
                        ("Implications", brief.implications)):
        lines.append(name)
        lines.extend(_item(item) for item in items)
        lines.append("")
    lines.append("What to watch")
    lines.extend(_wrap(f"[{', '.join(e.sentences)}] ({e.when}) {e.text}") for e in brief.watch)
    lines += ["", "Key figures"]
    lines.extend(f"  {f.value} — {f.measure} [{', '.join(f.sentences)}]" for f in brief.figures)
    lines += ["", "Actors"]
    lines.extend(f"  {a.name}" + (f", {a.role}" if a.role else f" ({a.kind})")
                 for a in brief.actors)
    used = {sid for items in (brief.summary, brief.outcomes, brief.implications, brief.watch)
            for item in items for sid in item.sentences}
    lines += ["", "Other sentences (pin an id to use it)"]
    lines.extend(_wrap(f"{s.id}: {s.text}") for s in brief.sentences if s.id not in used)
    return "\n".join(lines) + "\n"


def _item(item: Item) -> str:
    tags = ", ".join(item.sentences) if item.sentences else "analyst"
    topic = f" ({item.topic})" if item.topic else ""
    return _wrap(f"[{tags}]{topic} {item.text}")


def _wrap(text: str) -> str:
    return textwrap.fill(text, 100, initial_indent="  ", subsequent_indent="      ")
