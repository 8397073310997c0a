"""Cold start: a command imports what it needs when it needs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLE

REPORT = """
import json, sys
from brief.cli import main
try:
    main(["make", "-j", "1"])
except SystemExit:
    pass
heavy = ("jinja2", "reportlab", "docx", "brief.extract.analyze", "multiprocessing", "shutil")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def _imported(project: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-c", REPORT], cwd=project, capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def it_imports_no_renderer_or_extractor_when_everything_is_up_to_date(tmp_path):
    (tmp_path / "sources").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sources")
    shutil.copy(ROOT / "brief.yaml", tmp_path)
    assert "reportlab" in _imported(tmp_path)  # the first make builds
    assert _imported(tmp_path) == []  # the second has nothing to build


def it_compiles_reportlabs_address_pattern_on_first_use_and_it_matches_the_same():
    code = """
import re
from brief.render.writers import writer
writer("pdf")
import reportlab.platypus.paragraph as paragraph
lazy = type(paragraph.uri_pat).__name__
real = re.compile(paragraph.uri_pat.pattern, paragraph.uri_pat.flags)
cases = ["https://example.org/a/b?c=1", "HTTP://Example.ORG", "ftp://10.0.0.1:21/x", "nope",
         "https://ex-ample.co.uk/" + "x" * 80, "mailto:someone@example.org"]
same = all(bool(paragraph.uri_pat.match(c)) == bool(real.match(c)) for c in cases)
print(lazy, same, paragraph._uri_split_pairs("https://example.org/a/b")[0])
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split(maxsplit=2)[:2] == ["_OnFirstUse", "True"]
    assert "https://example.org/a/" in result.stdout
