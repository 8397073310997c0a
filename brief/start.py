"""The `brief` command's entry point: a plain `make` with nothing to do is answered by
`brief.noop` before click and the rest of brief are imported; everything else by `brief.cli`."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the `brief` command."""
    from brief import noop

    if noop.replay(sys.argv[1:]):
        return
    from brief import regexcache

    regexcache.install()  # before click, brief and the writers' libraries compile theirs
    from brief.cli import main as cli

    cli()
