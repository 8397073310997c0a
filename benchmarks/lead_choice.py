"""Print what choosing the summary's opening sentence otherwise would do to ROUGE: the XSum
goal (first sentence ROUGE-1 ≥ 20) against CNN/DailyMail's (summary above Lead-3).

    python benchmarks/lead_choice.py [--corpus DIR]

XSum articles are BBC stories without their opening sentence (it became the reference
summary), so their first sentence is rarely the bottom line; CNN/DailyMail articles keep
theirs. brief opens on the lead unless it leans on something missing. This tries the
alternative a ROUGE-minded extractor would take — the most central of the first k
candidates, the lead kept unless another beats it by a margin — and prints, for each, XSum
summary[0] ROUGE-1 and the CNN/DailyMail summary's ROUGE-1/2/Lsum, beside the oracle (the
best of the first k sentences with hindsight). A rule that reaches 20 on XSum and stays
above Lead-3 on CNN/DailyMail would show here.

Needs the benchmark extra: pip install '.[bench]'.
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

from quality import ROOT, mean, rouge, triple

import brief.extract.compile as compile_module
from brief.pipeline import compile_source

# Where the patched `_summary` asks the strategy for its bottom line.
_ANCHOR = "    if _words(bottom) > budget.summary_words:  # whole, so another one"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    options = parser.parse_args()
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        sys.exit("rouge-score is missing: pip install '.[bench]'")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    source = inspect.getsource(compile_module._summary)
    if _ANCHOR not in source:
        sys.exit("compile._summary changed: update _ANCHOR in benchmarks/lead_choice.py")
    namespace = compile_module.__dict__
    exec(source.replace(_ANCHOR, "    bottom = _CHOOSE(candidates, bottom)\n" + _ANCHOR),
         namespace)  # a copy of _summary that asks _CHOOSE, in the module's own namespace
    strategies = [("brief (the lead unless it leans)", lambda candidates, bottom: bottom)]
    strategies += [(f"most central of first {k}, lead kept within {margin}",
                    central(k, margin)) for k in (2, 3, 4) for margin in (0.0, 0.4)]
    with tempfile.TemporaryDirectory() as where:
        folder = Path(where) / "sources"
        folder.mkdir()
        records = {name: load(options.corpus / f"{name}-dev.jsonl", folder)
                   for name in ("cnndm", "xsum")}
        print(f"{'opening sentence':45} | XSum R-1 | CNN/DM summary R-1 / R-2 / R-Lsum")
        for label, choose in strategies:
            namespace["_CHOOSE"] = choose
            xsum = statistics.fmean(
                rouge(scorer, first(path), [record["summary"]])[0]
                for record, path in records["xsum"])
            cnn = mean([rouge(scorer, [i.text for i in compile_source(path).summary],
                              record["highlights"])
                        for record, path in records["cnndm"]])
            print(f"{label:45} | {xsum:8.2f} | {triple(cnn)}")
        lead3 = mean([rouge(scorer, [s.text for s in compile_source(path).sentences[:3]],
                            record["highlights"])
                      for record, path in records["cnndm"]])
        print(f"{'Lead-3 (CNN/DM)':45} | {'':8} | {triple(lead3)}")
        for k in (1, 2, 3, 5):
            oracle = statistics.fmean(
                max((rouge(scorer, [s.text], [record["summary"]])[0]
                     for s in compile_source(path).sentences[:k]), default=0.0)
                for record, path in records["xsum"])
            print(f"{f'XSum oracle: best of first {k}':45} | {oracle:8.2f} |")


def load(path: Path, folder: Path) -> list[tuple[dict, Path]]:
    """Return each record of `path` with the source file written for it."""
    rows = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            source = folder / f"{record['id']}.txt"
            source.write_text(record["article"], encoding="utf-8")
            rows.append((record, source))
    return rows


def first(path: Path) -> list[str]:
    summary = compile_source(path).summary
    return [summary[0].text] if summary else []


def central(k: int, margin: float):
    """Return a strategy: the most central (centrality + keywords) of the first `k`
    candidates that lean on nothing, the lead kept unless one beats it by `margin`."""
    def choose(candidates, bottom):
        if bottom is not candidates[0]:
            return bottom  # brief already gave the lead up
        rivals = [f for f in candidates[1:k] if not compile_module._ANAPHORIC.match(f.text or "")
                  and not re.search(r"[\"“”]", f.text or "")]
        best = max([bottom, *rivals], key=lambda f: f.centrality + f.keywords)
        lead = bottom.centrality + bottom.keywords
        return best if best.centrality + best.keywords > lead + margin else bottom
    return choose


if __name__ == "__main__":
    main()
