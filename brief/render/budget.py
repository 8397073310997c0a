"""The page budget: which extracted items to leave out when a brief runs over, and how few.

Sections give way in order of rank — implications, then "what to watch", then key outcomes
beyond three, then key figures beyond four — each from its lowest-ranked end. The summary
and the analyst's own words are never left out. A writer measures its document once,
guesses from the overflow how many items must go (`guess`), then settles the fewest that
fit by bisection around that guess (`fewest`): a few builds, never one per item.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from brief.model import Brief

# (section, label in warnings, items that always stay)
_ORDER = (("implications", "implication", 0), ("watch", "watch entry", 0),
          ("outcomes", "outcome", 3), ("figures", "figure", 4))


def reduce(brief: Brief) -> tuple[Brief, str | None]:
    """Return `brief` without its lowest-ranked extracted item, and a label naming it
    ("outcome [s15]"); the brief unchanged and None when nothing more can go."""
    reduced, item, label = _next(brief)
    return reduced, label


def _next(brief: Brief) -> tuple[Brief, object, str | None]:
    for section, label, keep in _ORDER:
        items = list(getattr(brief, section))
        extracted = [i for i, item in enumerate(items)
                     if getattr(item, "origin", "source") == "source"]
        if len(extracted) > keep:
            item = items.pop(extracted[-1])
            return (dataclasses.replace(brief, **{section: tuple(items)}), item,
                    f"{label} [{', '.join(item.sentences)}]")
    return brief, None, None


def removals(brief: Brief) -> list[tuple[Brief, str, int]]:
    """Return, in the order they would go, each step of leaving items out: the brief without
    its k lowest-ranked extracted items, the label of the k-th and its length in
    characters."""
    steps = []
    while True:
        brief, item, label = _next(brief)
        if label is None:
            return steps
        size = len(getattr(item, "text", "") or "") or len(
            f"{getattr(item, 'value', '')} {getattr(item, 'measure', '')}")
        steps.append((brief, label, size))


def guess(steps: list[tuple[Brief, str, int]], overflow: float, chars: int) -> int:
    """Return how many steps likely make up `overflow` (the share of the content beyond
    the budget) of a document of `chars` characters: at least one."""
    need, removed = overflow * chars, 0
    for index, (_, _, size) in enumerate(steps, 1):
        removed += size
        if removed >= need:
            return index
    return len(steps)


def fewest(fits: Callable[[int], bool], n: int, first: int) -> int:
    """Return the fewest steps k in 1..n with `fits(k)` (which holds for every larger k),
    probing `first`, then its neighbour, then by bisection; n if none fits."""
    low, high = 0, n + 1  # fits(0) is known false; n + 1 stands for "none fits"
    probe, settled = min(max(first, 1), n), False
    while high - low > 1:
        if fits(probe):
            high, neighbour = probe, probe - 1
        else:
            low, neighbour = probe, probe + 1
        probe = neighbour if not settled and low < neighbour < high else (low + high) // 2
        settled = True
    return min(high, n)
