"""Print how long `brief make` takes as a whole process, the way a user waits for it.

    python benchmarks/speed.py [--runs N] [--corpus DIR]

1. The sample project (PDF + DOCX): median wall time of N cold runs, each a new process
   building into an empty dist/.
2. A 50-source project: articles from the corpus (CNN/DailyMail, else copies of the sample),
   PDF + DOCX, one run, total and per source.

Target (issue 2): the sample in at most 0.35 s on a 2-core machine.

Measure a regular install (`pip install .`): pip compiles the bytecode then, while an editable
install under PYTHONDONTWRITEBYTECODE recompiles every module on every run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEF = [sys.executable, "-m", "brief"]


def timed_make(project: Path, *args: str) -> float:
    """Return the wall time of one `brief make` in `project`, its dist/ emptied first."""
    shutil.rmtree(project / "dist", ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([*BRIEF, "make", *args], cwd=project, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"brief make failed:\n{result.stderr}")
    return elapsed


def sample_project(where: Path) -> Path:
    project = where / "sample"
    shutil.copytree(ROOT / "sources", project / "sources")
    shutil.copy(ROOT / "brief.yaml", project)
    return project


def fifty_source_project(where: Path, corpus: Path) -> tuple[Path, str]:
    project = where / "fifty"
    sources = project / "sources"
    sources.mkdir(parents=True)
    data = corpus / "cnndm-dev.jsonl"
    if data.exists():
        with data.open(encoding="utf-8") as stream:
            for index, line in zip(range(50), stream):
                article = json.loads(line)["article"]
                (sources / f"article-{index:02d}.txt").write_text(article, encoding="utf-8")
        return project, f"{data.name}, first 50 articles"
    for index in range(50):
        shutil.copy(ROOT / "sources" / "lavrov-pakistan-2021.txt",
                    sources / f"copy-{index:02d}.txt")
    return project, "50 copies of the sample"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="cold runs of the sample (default 7)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    options = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPU cores, Python {sys.version.split()[0]}")
    import brief

    cache = Path(brief.__file__).parent / "__pycache__"
    if not cache.is_dir():
        print(f"note: {Path(brief.__file__).parent} has no bytecode cache, so every run "
              "compiles brief anew; an installed copy (pip install .) is faster")
    with tempfile.TemporaryDirectory() as where:
        project = sample_project(Path(where))
        timed_make(project)  # first run writes bytecode caches; not counted
        runs = [timed_make(project) for _ in range(options.runs)]
        print(f"sample, pdf+docx: median {statistics.median(runs):.3f} s over {len(runs)} runs "
              f"(min {min(runs):.3f}, max {max(runs):.3f}); target 0.35 s")
        json_runs = [timed_make(project, "--format", "json") for _ in range(options.runs)]
        print(f"sample, json only: median {statistics.median(json_runs):.3f} s")
        fifty, origin = fifty_source_project(Path(where), options.corpus)
        total = timed_make(fifty)
        print(f"50 sources ({origin}), pdf+docx: {total:.2f} s, "
              f"{total / 50 * 1000:.0f} ms a source")


if __name__ == "__main__":
    main()
