"""The overrides skeleton `brief overrides` writes: every key explained, every sentence listed."""

from __future__ import annotations

import textwrap

from brief.model import Sentence

_KEYS = """\
# Overrides for {source}. Uncomment a line to use it; README, "Overrides", has examples.
# Sentence ids (s1, s2, …) are listed at the end of this file.
#
# title: "…"                 # replaces the derived title
# subtitle: "…"              # a line under the title
# date: 2021-04-07           # the brief's date (ISO dates are spelled out)
# author: "…"                # the brief's author, over brief.yaml's
# audience: "…"              # who the brief is for ("For: …" under the title)
# marking: "OFFICIAL"        # classification line at the top and bottom of every page
# summary: "…"               # your own summary instead of the extracted one,
# summary: [s1, s7]          #   or the sentences that make it up, in order
# pin: [s7, s25]             # sentences that must appear (where they fit best),
# pin: {{outcomes: [s7], implications: [s20], summary: [s1], watch: [s16]}}  # or where you say
# drop: [s6]                 # sentences never used,
# drop: {{summary: [s1]}}      #   or kept out of one section only
# order: [s25, s7]           # these outcomes first, in this order
# max_outcomes: 5            # at most this many key outcomes (1-12)
# summary_words: 60          # at most this many words of summary (20-300)
# topics: {{Diplomacy: Foreign relations, s7: Counter-terrorism}}   # rename a topic label
# emphasis:
#   terms: ["Pakistan Stream", "46 percent"]   # bold wherever they appear, any case
#   topics: [Energy]                           # outcomes of these topics first
#   actors: [Putin]                            # these actors first, and in bold
# outcomes:                  # your own outcomes, printed as "Analyst comment"
#   - text: "…"
#     topic: Energy
# implications:              # your own judgement
#   - "…"
# watch:                     # your own "what to watch" entries
#   - text: "…"
#     when: "June 2021"
#
# Sentences of {source}:
"""


def render(source: str, sentences: tuple[Sentence, ...]) -> str:
    """Return the skeleton for `source`: every key commented out, then each sentence as
    `# s12: …`, wrapped, to copy ids from."""
    lines = [_KEYS.format(source=source)]
    for sentence in sentences:
        lines.append(textwrap.fill(sentence.text, 96, initial_indent=f"# {sentence.id}: ",
                                   subsequent_indent="#     ") + "\n")
    return "".join(lines)
