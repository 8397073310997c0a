"""The terminal rendering of a brief for `brief show`: each item with its sentence ids, topic
and why it was chosen, then every other sentence ranked, with its id."""

from __future__ import annotations

import textwrap

import click

from brief.model import Brief


def render_text(brief: Brief, analysis=None, colour: bool = False) -> str:
    """Return `brief` as text for a terminal; with `colour`, headings and ids are styled."""
    features = {f.sentence.id: f for f in analysis.features} if analysis else {}

    def style(text: str, **how) -> str:
        return click.style(text, **how) if colour else text

    lines = [style(brief.title, bold=True), ""]
    sections = (("Summary", brief.summary), ("Key outcomes", brief.outcomes),
                ("Implications", brief.implications), ("What to watch", brief.watch))
    for name, items in sections:
        lines.append(style(name, fg="blue", bold=True))
        for item in items:
            ids = ", ".join(item.sentences) or "analyst"
            label = getattr(item, "topic", None) or getattr(item, "when", None)
            head = style(f"[{ids}]", fg="cyan") + (f" ({style(label, fg='green')})"
                                                   if label else "")
            lines.append(_wrap(f"{head} {item.text}"))
            reason = why(features.get(item.sentences[0])) if item.sentences else ""
            if reason:
                lines.append("      " + style(reason, dim=True))
        lines.append("")
    lines.append(style("Key figures", fg="blue", bold=True))
    lines.extend(f"  {f.value} — {f.measure} [{', '.join(f.sentences)}]" for f in brief.figures)
    lines += ["", style("Actors", fg="blue", bold=True)]
    lines.extend(f"  {a.name}" + (f", {a.role}" if a.role else f" ({a.kind})")
                 for a in brief.actors)
    used = {sid for _, items in sections for item in items for sid in item.sentences}
    lines += ["", style("Other sentences, most central first (pin an id to use it)", fg="blue",
                        bold=True)]
    others = [s for s in brief.sentences if s.id not in used]
    if features:
        others.sort(key=lambda s: -(features[s.id].centrality + features[s.id].keywords))
    for sentence in others:
        lines.append(_wrap(f"{style(sentence.id + ':', fg='cyan')} {sentence.text}"))
        reason = why(features.get(sentence.id))
        if reason:
            lines.append("      " + style(reason, dim=True))
    return "\n".join(lines) + "\n"


def why(f) -> str:
    """Return why a sentence scores as it does — salience and the cues found in it — and
    what cleaning left out of it or why it is never quoted on its own."""
    from brief.extract.quotable import passed_over

    if f is None:
        return ""
    parts = [f"centrality {f.centrality:.2f}", f"keywords {f.keywords:.2f}"]
    if f.outcome_cues:
        parts.append("outcome: " + ", ".join(f.outcome_cues))
    if f.analytic_cues:
        parts.append("analysis: " + ", ".join(f.analytic_cues))
    if f.figures:
        parts.append("figures: " + ", ".join(fig.value for fig in f.figures))
    if f.core is None:
        return "; ".join(parts + ["page furniture"])
    if f.core != f.sentence.text:
        cut = f.sentence.text[: f.sentence.text.find(f.core)].strip()
        parts.append(f"left out before it: “{cut}”" if cut else "furniture left out")
    reason = passed_over(f)
    if reason:
        parts.append(f"not quoted: {reason}")
    if f.text is None:
        parts.append("leans on an earlier sentence")
    elif f.hook:
        parts.append("teaser or question")
    return "; ".join(parts)


def _wrap(text: str) -> str:
    return textwrap.fill(text, 100, initial_indent="  ", subsequent_indent="      ")
