"""Print how many pages the briefs of the corpus take, with each built-in template.

    python benchmarks/pages.py [--corpus DIR] [--limit N]

Every article of `cnndm-dev.jsonl` and `xsum-dev.jsonl` (default DIR: ../shared/corpus) is
compiled and rendered to PDF the way `brief make` does it, page budget included. Printed per
template: how many briefs take 1, 2, 3… pages, the share within 2 pages (issue 5's target:
at least 95 %), how many needed the budget to leave items out to fit, and the sample's
pages.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
from collections import Counter
from pathlib import Path

from pypdf import PdfReader

from brief.pipeline import compile_source
from brief.render.layout import Relayout
from brief.render.template import builtin_root, load_style
from brief.render.writers import pdf
from brief.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sources" / "lavrov-pakistan-2021.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, default=None, help="articles per file")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as where:
        sources = write_sources(options.corpus, Path(where), options.limit)
        for name in ("default", "memo"):
            report(name, [pages(path, name) for path in sources], pages(SAMPLE, name))


def write_sources(corpus: Path, where: Path, limit: int | None) -> list[Path]:
    """Save each corpus article as `ID.txt` in `where`; return their paths."""
    paths = []
    for split in ("cnndm-dev.jsonl", "xsum-dev.jsonl"):
        with (corpus / split).open(encoding="utf-8") as stream:
            for index, line in enumerate(stream):
                if limit is not None and index >= limit:
                    break
                record = json.loads(line)
                path = where / f"{record['id']}.txt"
                path.write_text(record["article"], encoding="utf-8")
                paths.append(path)
    return paths


def pages(path: Path, template: str) -> tuple[int, int]:
    """Return the pages of the PDF brief of `path` and how many items the budget left out."""
    folder = builtin_root() / template
    brief = compile_source(path)
    relayout = Relayout(Settings(), folder, "28 November 2026")
    data, _, left_out = pdf.render_within(brief, relayout(brief), load_style(folder), relayout)
    return len(PdfReader(io.BytesIO(data)).pages), len(left_out)


def report(template: str, results: list[tuple[int, int]], sample: tuple[int, int]) -> None:
    counts = Counter(n for n, _ in results)
    within = sum(v for k, v in counts.items() if k <= 2)
    reduced = sum(1 for _, cut in results if cut)
    print(f"template {template}: {len(results)} corpus briefs")
    print("  pages: " + ", ".join(f"{k}: {counts[k]}" for k in sorted(counts)))
    print(f"  within 2 pages: {100 * within / len(results):.1f} % (target: at least 95 %)")
    print(f"  items left out to fit the page budget in {reduced} briefs")
    print(f"  the sample: {sample[0]} page{'s' if sample[0] > 1 else ''}, "
          f"{sample[1]} items left out")


if __name__ == "__main__":
    main()
