"""Where the files the package ships lie: fonts, built-in templates, the sample project."""

from pathlib import Path

PACKAGE = Path(__file__).parent
FONTS = PACKAGE / "fonts"
"""Noto Sans and Noto Naskh Arabic (OFL), embedded in every PDF."""
TEMPLATES = PACKAGE / "templates"
"""The built-in templates, one folder each."""
DATA = PACKAGE / "data"
"""The sample article, its overrides and the brief.yaml that `brief init` copies."""
