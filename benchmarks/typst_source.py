"""Typst markup for the peer row of `speed.py`: the brief's own Markdown (`brief make -f md`)
turned into the same document in Typst, since pandoc before 3.1 has no Typst writer.

It converts what that Markdown holds and no more: headings, paragraphs, bullets, **bold**
and pipe tables; every other character Typst gives a meaning is escaped.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\#$*_@<>\[\]`~=+/-])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text: str) -> str:
    """Return `text` as Typst markup: special characters escaped, **bold** kept."""
    parts = [_SPECIAL.sub(r"\\\1", part) for part in _BOLD.split(text)]  # odd: bold
    return "".join(f"*{part}*" if index % 2 else part for index, part in enumerate(parts))


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def from_markdown(markdown: str) -> str:
    """Return a Typst document saying what `markdown` (brief's Markdown output) says."""
    out = ['#set page(paper: "a4", margin: 2cm)', '#set text(size: 10pt)', ""]
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("|"):
            rows = []
            while index < len(lines) and lines[index].startswith("|"):
                if not re.fullmatch(r"\|[\s|:-]+\|", lines[index].strip()):
                    rows.append(_cells(lines[index]))
                index += 1
            cells = ", ".join(f"[{_inline(cell)}]" for row in rows for cell in row)
            out.append(f"#table(columns: {len(rows[0])}, {cells})")
            continue
        heading = re.match(r"(#+) (.*)", line)
        if heading:
            out.append("=" * len(heading.group(1)) + " " + _inline(heading.group(2)))
        elif line.startswith("- "):
            out.append("- " + _inline(line[2:]))
        else:
            out.append(_inline(line))
        index += 1
    return "\n".join(out) + "\n"
