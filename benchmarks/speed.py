"""Print how fast `brief make` is, as whole processes, the way a user waits for it: every row
of issue 14's table with its goal and the value measured in this run.

    python benchmarks/speed.py [--runs N] [--corpus DIR] [--quick]

Rows: the sample cold (PDF + DOCX); a second `make` with nothing changed (and whether it
rewrote anything); a 200-source batch in ms per brief; brief against pandoc (DOCX) + typst
(PDF) run per document, rendering only, when both are installed; a 100,000-word and a
1,000,000-word article; the peak memory of the batch. Memory is the peak, over the run, of
the proportional set size (PSS) of every process of the build summed: shared pages counted
once, so forked workers are not counted twice (Linux; elsewhere the row says so).
`--quick` measures 50 sources and a 300,000-word article instead, for a fast look;
`--baseline BRIEF` measures another install beside this one (say, the branch's merge base),
the two taking turns run by run.

Measure a regular install (`pip install .`): pip compiles the bytecode then, while an editable
install under PYTHONDONTWRITEBYTECODE recompiles every module on every run. The machine's
load average is printed: other work on it slows every row.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from longtext import sentence

ROOT = Path(__file__).resolve().parent.parent
BRIEF = [str(Path(sys.executable).parent / "brief")]
if not Path(BRIEF[0]).exists():
    BRIEF = [sys.executable, "-m", "brief"]


# Processes and their memory -----------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    """Return `pid` and its descendants (Linux /proc): through each process's children
    list where the kernel keeps one (cheap), else by reading every process's parent."""
    found, todo = [], [pid]
    try:
        while todo:
            current = todo.pop()
            found.append(current)
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as f:
                todo.extend(int(child) for child in f.read().split())
        return found
    except FileNotFoundError:
        if found and found[-1] != pid:
            return found  # a process that just ended
    except OSError:
        pass
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class Run:
    """One `brief make`: its wall time, and the peak summed PSS of its processes."""

    command = BRIEF  # the brief to measure (see --baseline)

    def __init__(self, project: Path, *args: str, memory: bool = False) -> None:
        self.peak_kb = 0
        start = time.perf_counter()
        process = subprocess.Popen([*self.command, "make", *args], cwd=project,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        watcher = None
        if memory and os.path.exists("/proc/self/smaps_rollup"):
            watcher = threading.Thread(target=self._watch, args=(process,), daemon=True)
            watcher.start()
        self.stdout, self.stderr = process.communicate()
        self.seconds = time.perf_counter() - start
        if watcher is not None:
            watcher.join()
        if process.returncode != 0:
            sys.exit(f"brief make {' '.join(args)} failed in {project}:\n{self.stderr}")

    def _watch(self, process: subprocess.Popen) -> None:
        while process.poll() is None:
            total = sum(_pss_kb(pid) for pid in _tree(process.pid))
            self.peak_kb = max(self.peak_kb, total)
            time.sleep(0.05)

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024


# Projects ------------------------------------------------------------------------------------


def sample_project(where: Path) -> Path:
    project = where / "sample"
    shutil.copytree(ROOT / "sources", project / "sources")
    shutil.copy(ROOT / "brief.yaml", project)
    return project


def batch_project(where: Path, corpus: Path, count: int) -> tuple[Path, str, int]:
    """Return a project of `count` sources (fewer if the corpus holds fewer articles), what
    they are, and how many there are: per-brief figures divide by that number."""
    project = where / f"batch{count}"
    sources = project / "sources"
    sources.mkdir(parents=True)
    data = corpus / "cnndm-dev.jsonl"
    if data.exists():
        with data.open(encoding="utf-8") as stream:
            written = 0
            for index, line in zip(range(count), stream):
                article = json.loads(line)["article"]
                (sources / f"article-{index:03d}.txt").write_text(article, encoding="utf-8")
                written += 1
        return project, f"{data.name}, first {written} articles", written
    for index in range(count):
        shutil.copy(ROOT / "sources" / "lavrov-pakistan-2021.txt",
                    sources / f"copy-{index:03d}.txt")
    return project, f"{count} copies of the sample", count


def long_article(words: int) -> str:
    """Return a news-like article of about `words` words naming 480 people (the recipe of
    `longtext.py`, which the tests use too) after the sample's text. No sentence repeats:
    a real long document does not, and repeats would flatter per-sentence caching."""
    sample = (ROOT / "sources" / "lavrov-pakistan-2021.txt").read_text(encoding="utf-8")
    paragraphs, count = sample.strip().split("\n\n"), len(sample.split())
    for i in itertools.count():
        text = " ".join(sentence(i, k) for k in range(4))
        paragraphs.append(text)
        count += len(text.split())
        if count >= words:
            return "\n\n".join(paragraphs) + "\n"
    raise AssertionError  # unreachable: the loop returns


def long_project(where: Path, words: int) -> Path:
    project = where / f"long{words}"
    (project / "sources").mkdir(parents=True)
    (project / "sources" / "long.txt").write_text(long_article(words), encoding="utf-8")
    return project


def cold(project: Path, *args: str, memory: bool = False) -> Run:
    """Return a run of `brief make` into an empty dist/ (what --force does, for any brief)."""
    shutil.rmtree(project / "dist", ignore_errors=True)
    return Run(project, *args, memory=memory)


def _times(dist: Path) -> dict[str, int]:
    return {p.as_posix(): p.stat().st_mtime_ns for p in dist.rglob("*") if p.is_file()}


# Peers ---------------------------------------------------------------------------------------


def peers(project: Path, runs: int) -> tuple[str, str, str] | None:
    """Return the peer row: per document, pandoc's DOCX and typst's PDF, each a whole process,
    from the brief's own Markdown (turned into Typst by `typst_source`), against brief's PDF
    + DOCX from the source, compiling included; None without both tools. Typst is its PyPI
    package (a Python binding, no CLI), so its process pays for starting Python too."""
    import importlib.util

    pandoc = shutil.which("pandoc")
    if not (pandoc and importlib.util.find_spec("typst")):
        return None
    from typst_source import from_markdown

    cold(project, "--format", "md")
    peers_dir = project.parent / "peers"  # out of dist/, which each cold build empties
    peers_dir.mkdir(exist_ok=True)
    built = next((project / "dist").glob("*.md"))
    markdown = peers_dir / built.name
    shutil.copy(built, markdown)
    typ = markdown.with_suffix(".typ")
    typ.write_text(from_markdown(markdown.read_text(encoding="utf-8")), encoding="utf-8")
    typst = [sys.executable, "-c", "import sys, typst; typst.compile(sys.argv[1], "
             "output=sys.argv[2])", str(typ), str(markdown.with_suffix(".peer.pdf"))]
    peer, ours = [], []
    for _ in range(runs):  # taking turns: a machine that gets busier slows both alike
        start = time.perf_counter()
        subprocess.run([pandoc, str(markdown), "-o", str(markdown.with_suffix(".peer.docx"))],
                       check=True)
        subprocess.run(typst, check=True)
        peer.append(time.perf_counter() - start)
        ours.append(cold(project).seconds)
    ratio = statistics.median(peer) / statistics.median(ours)
    verdict = f"{ratio:.1f}× faster" if ratio >= 1 else f"{1 / ratio:.1f}× slower"
    return (f"{verdict} (brief {statistics.median(ours):.3f} s, pandoc + typst "
            f"{statistics.median(peer):.3f} s)", "≥ 4× faster", "met" if ratio >= 4 else "NOT MET")


# The table -----------------------------------------------------------------------------------


def _paired(commands: list[list[str]], runs: int, step) -> list[list]:
    """Return, per command, the results of `step()` run `runs` times, the commands taking
    turns: a machine that gets busier slows each alike."""
    results: list[list] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            Run.command = command
            results[index].append(step(index))
    Run.command = commands[0]
    return results


def measure(where: Path, options, count: int, huge: int, commands: list[list[str]]
            ) -> list[tuple[str, list[str], str, str]]:
    """Return the table's rows: case, the value measured for each of `commands` (brief
    executables, the one under test first), goal, and the verdict for the first."""
    rows: list[tuple[str, list[str], str, str]] = []
    n = len(commands)
    samples = [sample_project(where / f"brief{i}") for i in range(n)]
    _paired(commands, 1, lambda i: Run(samples[i]))  # caches warm; not counted
    colds = _paired(commands, options.runs, lambda i: cold(samples[i]).seconds)
    medians = [statistics.median(c) for c in colds]
    rows.append(("sample, cold, PDF + DOCX",
                 [f"{m:.3f} s (median of {len(c)}; {min(c):.3f}–{max(c):.3f})"
                  for m, c in zip(medians, colds)],
                 "≤ 0.25 s", "met" if medians[0] <= 0.25 else "NOT MET"))

    before = [_times(s / "dist") for s in samples]
    noops = _paired(commands, options.runs, lambda i: Run(samples[i]))
    texts, good = [], False
    for i, runs in enumerate(noops):
        rewritten = before[i] != _times(samples[i] / "dist")
        median = statistics.median(run.seconds for run in runs)
        texts.append(f"{median:.3f} s, {'files rewritten' if rewritten else 'nothing rewritten'}")
        if i == 0:
            skipped = all("up to date" in run.stdout for run in runs)
            good = median <= 0.10 and not rewritten and skipped
    rows.append(("second `brief make`, nothing changed", texts, "≤ 0.10 s, nothing rewritten",
                 "met" if good else "NOT MET"))

    batches = [batch_project(where / f"brief{i}", options.corpus, count) for i in range(n)]
    runs = [r[0] for r in _paired(commands, 1, lambda i: cold(batches[i][0], memory=True))]
    batch_size = batches[0][2]  # the corpus may hold fewer articles than asked for
    per = [run.seconds / batch_size * 1000 for run in runs]
    rows.append((f"batch, ms per brief (PDF + DOCX), {batch_size} sources",
                 [f"{p:.1f} ms ({r.seconds:.2f} s; {batches[0][1]})" for p, r in zip(per, runs)],
                 "≤ 20 ms", "met" if per[0] <= 20 else "NOT MET"))
    peaks = [run.peak_mb for run in runs]

    peer = peers(samples[0], options.runs)
    rows.append(("vs pandoc (DOCX) + typst (PDF), per document, rendering only",
                 [peer[0] if peer else "skipped: needs pandoc and the typst package"]
                 + [""] * (n - 1), "≥ 4× faster", peer[2] if peer else "—"))

    longs = [long_project(where / f"brief{i}", 100_000) for i in range(n)]
    seconds = [statistics.median(r)
               for r in _paired(commands, 3, lambda i: cold(longs[i]).seconds)]
    rows.append(("100,000-word article, PDF + DOCX",
                 [f"{s:.2f} s (median of 3)" for s in seconds], "≤ 1 s",
                 "met" if seconds[0] <= 1 else "NOT MET"))

    huges = [long_project(where / f"brief{i}", huge) for i in range(n)]
    runs = [r[0] for r in _paired(commands, 1, lambda i: cold(huges[i], memory=True))]
    texts = []
    for i, run in enumerate(runs):
        built = "builds" if (huges[i] / "dist" / "long.pdf").exists() else "FAILED"
        memory = f", {run.peak_mb:.0f} MB" if run.peak_kb else ""
        texts.append(f"{built}, {run.seconds:.2f} s{memory}")
    first = runs[0]
    good = ((huges[0] / "dist" / "long.pdf").exists() and first.seconds <= 10
            and (not first.peak_kb or first.peak_mb <= 300))
    rows.append((f"{huge:,}-word article, PDF + DOCX", texts, "builds, ≤ 10 s, ≤ 300 MB",
                 "met" if good else "NOT MET"))

    if os.path.exists("/proc/self/smaps_rollup"):
        rows.append((f"peak memory, {batch_size}-source batch, all processes (PSS)",
                     [f"{p:.0f} MB" for p in peaks], "≤ 150 MB",
                     "met" if peaks[0] <= 150 else "NOT MET"))
    else:
        rows.append((f"peak memory, {batch_size}-source batch", ["not measured (needs /proc)"] * n,
                     "≤ 150 MB", "—"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of the short cases (7)")
    parser.add_argument("--corpus", type=Path, default=next(
        (p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
         if p.is_dir()), ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--quick", action="store_true",
                        help="50 sources and 300,000 words instead of 200 and 1,000,000")
    parser.add_argument("--baseline", type=Path, metavar="BRIEF",
                        help="another install's `brief` executable (say, of the main branch), "
                             "measured in the same run: a loaded machine slows both alike")
    options = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} CPU cores, Python {sys.version.split()[0]}, "
          f"load average {load:.2f} at the start")
    import brief

    if not (Path(brief.__file__).parent / "__pycache__").is_dir():
        print(f"note: {Path(brief.__file__).parent} has no bytecode cache, so every run "
              "compiles brief anew; an installed copy (pip install .) is faster")
    count, huge = (50, 300_000) if options.quick else (200, 1_000_000)
    commands = [BRIEF] + ([[str(options.baseline)]] if options.baseline else [])
    with tempfile.TemporaryDirectory() as where:
        rows = measure(Path(where), options, count, huge, commands)
    _print([(case, *values, goal, verdict) for case, values, goal, verdict in rows],
           ["case", "measured", *(["baseline"] if options.baseline else []), "goal", ""])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nload average {load:.2f} at the end")


def _print(rows: list[tuple], header: list[str]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = " | ".join(f"{{:<{w}}}" for w in widths)
    print()
    print(line.format(*header))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(line.format(*row))


if __name__ == "__main__":
    main()
