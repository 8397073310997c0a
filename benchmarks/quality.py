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
- an editor's lint of every brief (`editor.py`): titles that are complete headlines, items
  cut with `…`, furniture and caption hits by pattern, people whose first mention is a bare
  surname, quotes without a speaker, vague or past "watch" entries, outcomes without an
  outcome cue, figures with a fragment for a measure — and the five worst briefs;
- against the hand-checked gold set (`gold.json`, 34 articles): headline subject, people
  listed (precision, recall, non-people), names inserted for pronouns that are nobody in
  the article, the key number;
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

import editor

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
    report_editor(cnn + xsum)


def report_editor(rows: list[dict]) -> None:
    """Print the editor's lint over every brief and the gold-set figures."""
    lints = [(row["record"]["id"], editor.lint(row["brief"])) for row in rows]
    every = [lint for _, lint in lints]
    furniture: dict[str, int] = {}
    for lint in every:
        for name in lint.furniture:
            furniture[name] = furniture.get(name, 0) + 1
    outcomes = sum(lint.outcomes for lint in every)
    print(f"Editor's lint over {len(every)} briefs")
    print(f"  titles that are complete headlines: "
          f"{100 * sum(lint.title_complete for lint in every) / len(every):.1f} % "
          f"(at most 14 words: "
          f"{100 * sum(lint.title_words <= 14 for lint in every) / len(every):.1f} %)")
    cut = [f"{name} ({source[:22]})" for source, lint in lints for name in lint.title_faults]
    print(f"  titles cut mid-phrase: {len(cut)}" + (f": {', '.join(cut)}" if cut else ""))
    print(f"  items cut with …: {sum(lint.cut_items for lint in every)}")
    print(f"  furniture or caption hits: {sum(furniture.values())}"
          + "".join(f"; {name}: {count}" for name, count in sorted(furniture.items())))
    bare = [f"{name} ({source[:22]})" for source, lint in lints for name in lint.unintroduced]
    shared = sum(len(lint.shared_surnames) for _, lint in lints)
    print(f"  people first named by a bare surname: {len(bare)} ({shared} of them share it with "
          f"another person of the story, so no first name can be put in)"
          + (f": {', '.join(bare)}" if bare else ""))
    print(f"  quotes without a speaker: {sum(lint.speakerless for lint in every)}")
    print(f"  'what to watch' entries undated, past or not future: "
          f"{sum(lint.past_watch for lint in every)}")
    print(f"  outcomes without an outcome cue or figure: "
          f"{100 * sum(lint.outcomes_without_cue for lint in every) / max(outcomes, 1):.1f} % "
          f"of {outcomes}")
    print(f"  figures with a fragment for a measure: "
          f"{sum(lint.fragment_figures for lint in every)}")
    worst = sorted(lints, key=lambda pair: -pair[1].score)[:5]
    print("  worst five: " + ", ".join(f"{name[:22]} ({lint.score})" for name, lint in worst))

    gold = editor.load_gold()
    checked = [editor.against_gold(row["brief"], gold[row["record"]["id"]])
               for row in rows if row["record"]["id"] in gold]
    if not checked:
        return
    listed = sum(c["people_listed"] for c in checked)
    right = sum(c["people_right"] for c in checked)
    wanted = sum(c["people_wanted"] for c in checked)
    found = sum(c["people_found"] for c in checked)
    keys = [c["key_number"] for c in checked if c["key_number"] is not None]
    wrong = [n for c in checked for n in c["wrong_insertions"]]
    print(f"Gold set, {len(checked)} hand-checked articles")
    print(f"  title names the story's subject: "
          f"{100 * sum(c['subject'] for c in checked) / len(checked):.1f} %")
    print(f"  people: precision {right / max(listed, 1):.2f} ({right} of {listed} listed), "
          f"recall {found / max(wanted, 1):.2f} ({found} of {wanted}); non-people listed: "
          f"{sum(len(c['not_people_listed']) for c in checked)}")
    print(f"  names inserted for pronouns: {sum(c['insertions'] for c in checked)}, "
          f"naming nobody in the gold list: {len(wrong)}" + (f" ({', '.join(wrong)})"
                                                             if wrong else ""))
    print(f"  key number in the brief: {sum(keys)} of {len(keys)}")


if __name__ == "__main__":
    main()
