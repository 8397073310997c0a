"""The `brief` command's entry point: a plain `make` with nothing to do is answered by
`brief.noop` before click and the rest of brief are imported; everything else by `brief.cli`."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Run the `brief` command."""
    from brief import noop

    if noop.replay(sys.argv[1:]):
        return
    from brief import regexcache

    regexcache.install()  # before click, brief and the writers' libraries compile theirs
    # A build allocates millions of small objects that live until it ends (sentences,
    # features): a young-generation collection every 700 allocations finds next to nothing
    # to free. Collecting every 10,000 saves some 2 % of a long article's build; garbage
    # cycles wait a little longer.
    gc.set_threshold(10_000, 10, 10)
    from brief.cli import main as cli

    cli()
