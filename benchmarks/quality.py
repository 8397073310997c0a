"""Print how good the extracted briefs are against summaries written by people.

    python benchmarks/quality.py [--corpus DIR] [--limit N]

Every article of `cnndm-dev.jsonl` and `xsum-dev.jsonl` (default DIR: ../shared/corpus)
goes through the public pipeline exactly as `brief make --format json` would take it: saved
as `sources/ID.txt` and compiled by `brief.pipeline.compile_source`. Printed, beside Lead-3
and Lead-1 computed in the same run on the same sentence split:

- ROUGE-1, ROUGE-2, ROUGE-Lsum F1 x100 (`rouge-score`, Porter stemming, one sentence a
  line) of the summary and of the key outcomes against the CNN/DailyMail highlights;
- ROUGE of the summary's first sentence against the XSum one-sentence summary;
- the share of items grounded in their source sentences (verbatim but for [insertions] and
  … elisions), the share opening with an unresolved pronoun or connective, the share of the
  highlights' numbers found in the brief;
- compile time per article, and for one 100,000-word article.

Needs the benchmark extra: pip install '.[bench]'.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from brief.extract.analyze import starts_dangling
from brief.model import Brief
from brief.pipeline import compile_source

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, default=None,
                        help="articles per file (for a quick look)")
    options = parser.parse_args()
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        sys.exit("rouge-score is missing: pip install '.[bench]'")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    with tempfile.TemporaryDirectory() as where:
        cnn = run_split(options.corpus / "cnndm-dev.jsonl", Path(where), options.limit)
        xsum = run_split(options.corpus / "xsum-dev.jsonl", Path(where), options.limit)
        long_time = time_long_article(options.corpus / "cnndm-dev.jsonl", Path(where))
    report(cnn, xsum, scorer, long_time)


def run_split(path: Path, where: Path, limit: int | None) -> list[dict]:
    """Return, per article of `path`, its record, brief, sentences and compile time."""
    rows = []
    with path.open(encoding="utf-8") as stream:
        for index, line in enumerate(stream):
            if limit is not None and index >= limit:
                break
            record = json.loads(line)
            source = where / "sources" / f"{record['id']}.txt"
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_text(record["article"], encoding="utf-8")
            start = time.perf_counter()
            brief = compile_source(source)
            elapsed = time.perf_counter() - start
            rows.append({"record": record, "brief": brief, "seconds": elapsed,
                         "sentences": [s.text for s in brief.sentences]})
    return rows


def time_long_article(path: Path, where: Path) -> tuple[int, float]:
    """Return the word count and compile time of an article of about 100,000 words."""
    with path.open(encoding="utf-8") as stream:
        articles = [json.loads(line)["article"] for line in stream]
    text, words = [], 0
    while words < 100_000:
        for article in articles:
            text.append(article)
            words += len(article.split())
            if words >= 100_000:
                break
    source = where / "sources" / "long.txt"
    source.write_text("\n\n".join(text), encoding="utf-8")
    start = time.perf_counter()
    compile_source(source)
    return words, time.perf_counter() - start


# Scoring ----------------------------------------------------------------------------------


def rouge(scorer, candidate: list[str], reference: list[str]) -> tuple[float, float, float]:
    """Return ROUGE-1, -2, -Lsum F1 x100; candidates are split one sentence a line (an item
    may join a sentence to the one it leans on)."""
    from sentencex import segment as split

    lines = [s.strip() for text in candidate for s in split("en", text) if s.strip()]
    scores = scorer.score("\n".join(reference), "\n".join(lines))
    return tuple(100 * scores[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum"))


def triple(scores: tuple[float, ...]) -> str:
    return " / ".join(f"{score:6.2f}" for score in scores)


def mean(rows: list[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(statistics.fmean(column) for column in zip(*rows))


def items(brief: Brief):
    return [i for i in brief.summary + brief.outcomes + brief.implications
            if i.origin == "source"]


def grounded(text: str, source: str) -> bool:
    position = 0
    for piece in (p.strip() for p in re.split(r"\[[^\]]*\]|…", text)):
        if not piece:
            continue
        found = source.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def brief_texts(brief: Brief) -> list[str]:
    return ([i.text for i in items(brief)] + [e.text for e in brief.watch]
            + [f.value for f in brief.figures])


def numbers_found(highlights: list[str], texts: list[str]) -> tuple[int, int]:
    wanted = {n.replace(",", "") for h in highlights for n in NUMBER.findall(h)}
    text = " ".join(texts)
    have = {n.replace(",", "") for n in NUMBER.findall(text)}
    return len(wanted & have), len(wanted)


def report(cnn: list[dict], xsum: list[dict], scorer, long_time: tuple[int, float]) -> None:
    summary, outcomes, lead3 = [], [], []
    for row in cnn:
        reference = row["record"]["highlights"]
        summary.append(rouge(scorer, [i.text for i in row["brief"].summary], reference))
        outcomes.append(rouge(scorer, [i.text for i in row["brief"].outcomes], reference))
        lead3.append(rouge(scorer, row["sentences"][:3], reference))
    first, lead1 = [], []
    for row in xsum:
        reference = [row["record"]["summary"]]
        top = row["brief"].summary[:1]
        first.append(rouge(scorer, [top[0].text] if top else [], reference))
        lead1.append(rouge(scorer, row["sentences"][:1], reference))

    every = [(row["brief"], item) for row in cnn + xsum
             for item in items(row["brief"]) + list(row["brief"].watch)]
    by_id = {id(row["brief"]): {s.id: s.text for s in row["brief"].sentences}
             for row in cnn + xsum}
    ground = sum(grounded(i.text, " ".join(by_id[id(b)][s] for s in i.sentences))
                 for b, i in every)
    dangling = sum(starts_dangling(i.text) for _, i in every)
    lead_sentences = [s for row in cnn for s in row["sentences"][:3]]
    lead_dangling = sum(starts_dangling(s) for s in lead_sentences)
    found = [numbers_found(row["record"]["highlights"], brief_texts(row["brief"]))
             for row in cnn]
    lead_found = [numbers_found(row["record"]["highlights"], row["sentences"][:3])
                  for row in cnn]
    times = [row["seconds"] * 1000 for row in cnn + xsum]

    print(f"CNN/DailyMail, {len(cnn)} articles: ROUGE-1 / ROUGE-2 / ROUGE-Lsum (F1 x100)")
    print("  brief summary      " + triple(mean(summary)))
    print("  brief key outcomes " + triple(mean(outcomes)))
    print("  Lead-3             " + triple(mean(lead3)))
    print(f"XSum, {len(xsum)} articles: first summary sentence against the BBC's one sentence")
    print("  brief summary[0]   " + triple(mean(first)))
    print("  Lead-1             " + triple(mean(lead1)))
    print(f"Faithfulness over {len(every)} extracted items")
    print(f"  grounded in their source sentences: {100 * ground / len(every):.1f} %")
    lead_share = 100 * lead_dangling / len(lead_sentences)
    print(f"  opening with an unresolved pronoun or connective: "
          f"{100 * dangling / len(every):.1f} % (Lead-3: {lead_share:.1f} %)")
    hit, want = map(sum, zip(*found))
    lead_hit, _ = map(sum, zip(*lead_found))
    print(f"  highlights' numbers found in the brief: {100 * hit / max(want, 1):.1f} % "
          f"of {want} (Lead-3: {100 * lead_hit / max(want, 1):.1f} %)")
    p90 = sorted(times)[int(0.9 * len(times))]
    print(f"Compile time: median {statistics.median(times):.1f} ms, 90th percentile "
          f"{p90:.1f} ms, max {max(times):.1f} ms an article; "
          f"{long_time[0]:,} words in {long_time[1]:.2f} s")


if __name__ == "__main__":
    main()
