"""The page budget: which extracted item to leave out next when a brief runs over.

Sections give way in order of rank — implications, then "what to watch", then key outcomes
beyond three, then key figures beyond four — each from its lowest-ranked end. The summary
and the analyst's own words are never left out.
"""

from __future__ import annotations

import dataclasses

from brief.model import Brief

# (section, label in warnings, items that always stay)
_ORDER = (("implications", "implication", 0), ("watch", "watch entry", 0),
          ("outcomes", "outcome", 3), ("figures", "figure", 4))


def reduce(brief: Brief) -> tuple[Brief, str | None]:
    """Return `brief` without its lowest-ranked extracted item, and a label naming it
    ("outcome [s15]"); the brief unchanged and None when nothing more can go."""
    for section, label, keep in _ORDER:
        items = list(getattr(brief, section))
        extracted = [i for i, item in enumerate(items)
                     if getattr(item, "origin", "source") == "source"]
        if len(extracted) > keep:
            item = items.pop(extracted[-1])
            return (dataclasses.replace(brief, **{section: tuple(items)}),
                    f"{label} [{', '.join(item.sentences)}]")
    return brief, None
