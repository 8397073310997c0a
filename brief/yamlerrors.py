"""YAML syntax errors in plain words: what is wrong at which line, and that line shown with a
caret, instead of the parser's "expected <block end>, but found '<block mapping start>'".

PyYAML's own parser and libyaml word their errors differently; both are read here.
"""

from __future__ import annotations

import re

from brief.errors import BriefError

QUOTE_HINT = "put the whole value in quotes"


def explain(exc, text: str, path, first_line: int) -> BriefError:
    """Return the BriefError for the syntax error `exc` found in `text` (its first line being
    `first_line` of the file `path`)."""
    lines = text.split("\n")
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None)
    start = getattr(exc, "context_mark", None)
    at = (mark.line, mark.column) if mark else (0, 0)
    opened = (start.line, start.column) if start else at
    message, hint, at = _plain(problem, context, lines, at, opened)
    row, column = at
    shown = lines[row] if row < len(lines) else ""
    return BriefError(message, path, row + first_line, hint,
                      excerpt=caret(shown, column, row + first_line))


def caret(line: str, column: int, number: int) -> str:
    """Return `line` numbered `number` with a caret under `column`, as compilers show it."""
    column = min(column, len(line))
    pad = "".join("\t" if c == "\t" else " " for c in line[:column])
    gutter = " " * len(str(number))
    return f"  {number} | {line}\n  {gutter} | {pad}^"


def _plain(problem: str, context: str, lines: list[str], at: tuple[int, int],
           opened: tuple[int, int]) -> tuple[str, str | None, tuple[int, int]]:
    """Return the message, hint and (row, column) to show for the parser's `problem`."""
    row, column = at
    line = lines[row] if row < len(lines) else ""
    char = line[column:column + 1]
    if "cannot start any token" in problem:
        if char == "\t":
            return ("a tab here: YAML indents with spaces, never tabs",
                    "replace the tab with spaces", at)
        return (f"a value cannot start with '{char}' unquoted", QUOTE_HINT, at)
    if "mapping values are not allowed" in problem:
        return _stray_colon(lines, at)
    if "sequence entries are not allowed" in problem:
        return ("a list item ('- ') cannot follow its key on the same line",
                "write key: [a, b], or put each '- item' on a line of its own below the key, "
                "indented", at)
    if "flow sequence" in context or "flow mapping" in context:
        return _unclosed(context, problem, at, opened)
    if "quoted scalar" in context:
        if "escape" in problem:
            return ("a backslash inside \"…\" starts an escape such as \\n",
                    "write \\\\ for a backslash, or use single quotes '…'", at)
        return ("the quote opened here is never closed",
                "end the value with the same quote mark; inside '…' write ' as ''", opened)
    if "could not find expected ':'" in problem:
        return ("this line has no ': ' after its key",
                "write key: value; a line continuing a value is indented more than its key",
                (opened[0], len(lines[opened[0]]) - len(lines[opened[0]].lstrip())))
    if "block scalar" in context:
        return ("nothing but a comment may follow '|' or '>' on its line",
                "put the text on the lines below, indented", at)
    if "single document" in context:
        return ("a second document begins here: brief reads one",
                "remove the line '---'", at)
    if "directive" in context or "document start" in problem:
        row = next((r for r, text in enumerate(lines) if text.startswith("%")), row)
        return ("a line cannot start with '%'", QUOTE_HINT, (row, 0))
    if "block mapping" in context or "block collection" in context or "block end" in problem:
        return _misplaced(lines, at, "block mapping" in context)
    return (f"YAML cannot read this: {problem}", "check indentation, colons and quotes", at)


def _stray_colon(lines: list[str], at: tuple[int, int]):
    """A ': ' YAML cannot take as a key's: inside a value, or after a line without one."""
    row, column = at
    before = lines[row][:column]
    if ": " in before or before.rstrip().endswith(":"):
        return ("a second ': ' on this line: YAML reads the text before it as a key",
                f"{QUOTE_HINT}, as in title: \"Russia: a new partner\"", at)
    above = next((r for r in range(row - 1, -1, -1) if lines[r].strip()), None)
    if above is not None and not _has_key(lines[above]):
        indent = len(lines[above]) - len(lines[above].lstrip())
        return ("this line has no ': ' after its key",
                "write key: value, with a space after the colon", (above, indent))
    return ("a ': ' where YAML expects no key", QUOTE_HINT, at)


def _has_key(line: str) -> bool:
    text = line.split(" #")[0].rstrip()
    return ": " in text or text.endswith(":") or text.lstrip().startswith(("- ", "#"))


def _unclosed(context: str, problem: str, at, opened):
    """An unclosed or miswritten [list] or {mapping}."""
    mapping = "mapping" in context
    left, right = ("{", "}") if mapping else ("[", "]")
    if at[0] != opened[0] or "end" in problem:
        return (f"the '{left}' here is never closed with '{right}'",
                f"close it with '{right}' on the same line", opened)
    if mapping:
        return (f"inside {left}…{right}, write key: value pairs separated by commas",
                "e.g. {terms: [Gas], topics: [Energy]}", at)
    return (f"inside {left}…{right}, separate the items with commas",
            f"e.g. [s3, s7]; {QUOTE_HINT} if it holds a comma or colon", at)


def _misplaced(lines: list[str], at: tuple[int, int], in_mapping: bool):
    """A line or value where the structure around it allows none: mostly indentation."""
    row, column = at
    line = lines[row] if row < len(lines) else ""
    indent = len(line) - len(line.lstrip(" "))
    if column > indent:
        if line[:column].rstrip()[-1:] in ("'", '"'):
            return ("text after the closing quote: a quoted value ends at its quote",
                    "quote the whole value; inside '…' write ' as ''", at)
        return ("unexpected text here", QUOTE_HINT, at)
    if in_mapping and line.lstrip().startswith("- "):
        above = _columns(lines[:row])
        return ("a list item where a key was expected",
                "indent it under the key whose list it is" if above else None, at)
    columns = _columns(lines[:row])
    spaces = f"{indent} space{'s' if indent != 1 else ''}"
    message = f"this line is indented {spaces}, which lines it up with no key above it"
    if not columns:
        return message, None, at
    best = min(columns, key=lambda c: (abs(c - indent), -columns[c]))
    where = f"indent it {best} space{'s' if best != 1 else ''}" if best else "start it at " \
        "the margin"
    return message, f"{where}, as on line {columns[best] + 1}, or check the lines above", at


def _columns(lines: list[str]) -> dict[int, int]:
    """Return the columns keys start at in `lines`, each with the last row it does so."""
    found: dict[int, int] = {}
    for row, line in enumerate(lines):
        text = line.rstrip()
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        indent = len(text) - len(text.lstrip(" "))
        match = re.match(r"(?:- +)+", text[indent:])
        if match:  # "- text: …": the key after the dash
            indent += len(match.group())
        found[indent] = row
    return found
