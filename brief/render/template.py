"""Finding a template folder and reading its `style.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from brief.assets import FONTS, TEMPLATES
from brief.errors import BriefError
from brief.yamlio import check_mapping, check_number, check_str, load_file

TEMPLATE_FILE = "brief.html.j2"
STYLE_FILE = "style.yaml"


@dataclass(frozen=True)
class Style:
    """A template's house style, as `style.yaml` sets it (see README, "Templates")."""

    font_regular: Path = FONTS / "NotoSans-Regular.ttf"
    """PDF body font file."""
    font_bold: Path = FONTS / "NotoSans-Bold.ttf"
    """PDF bold font file."""
    font_italic: Path = FONTS / "NotoSans-Italic.ttf"
    """PDF italic font file."""
    font_bold_italic: Path = FONTS / "NotoSans-BoldItalic.ttf"
    """PDF bold italic font file."""
    docx_font: str = "Calibri"
    """DOCX body font name: one the recipient's Word has."""
    docx_heading_font: str = "Calibri"
    """DOCX heading font name."""
    body_size: float = 9.5
    """Body text size in points."""
    title_size: float = 19.0
    """Title size in points."""
    heading_size: float = 12.0
    """Section heading size in points."""
    accent: str = "#1F4E79"
    """Headings, labels and rules."""
    muted: str = "#5B6573"
    """Source line, references, footers."""
    rule: str = "#C8D2DC"
    """Table lines and panel backgrounds' border."""
    panel: str = "#EEF3F8"
    """Summary panel background."""
    margin_mm: float = 18.0
    """Page margins in millimetres."""
    pages: int = 2
    """The page budget: past it, the lowest-ranked extracted items are left out."""
    paper: str = "a4"
    """`a4` or `letter`, unless brief.yaml says otherwise."""
    logo_position: str = "right"
    """`left` or `right`: the corner of the first page's top the logo sits in."""
    reference_docx: Path | None = None
    """The template's `reference.docx`: Word styles, page set-up, headers and footers."""
    header_left: str = ""
    """Running header, left; placeholders {marking} {organisation} {title} {date} {page}
    {pages}. An empty line prints nothing."""
    header_center: str = "{marking}"
    """Running header, centre."""
    header_right: str = ""
    """Running header, right."""
    footer_left: str = "{title}"
    """Running footer, left."""
    footer_center: str = "{marking}"
    """Running footer, centre."""
    footer_right: str = "Page {page} of {pages}"
    """Running footer, right."""
    logo: Path | None = None
    """A PNG or JPEG printed at the top right of the first page."""
    logo_width_mm: float = 30.0
    """The logo's width; its height follows its proportions."""
    logo_alt: str = "Logo"
    """The logo's alternative text, for screen readers."""

    def running(self, slot: str, values: dict[str, str]) -> str:
        """Return header/footer `slot` with its placeholders filled; "" if any it names is
        empty (no marking, no line)."""
        text = getattr(self, slot)
        names = [n for n in PLACEHOLDERS if "{" + n + "}" in text]
        if any(not values.get(n) for n in names):
            return ""
        for name in names:
            text = text.replace("{" + name + "}", values[name])
        return text


_SECTIONS = {
    "fonts": {"regular": "font_regular", "bold": "font_bold", "italic": "font_italic",
              "bold_italic": "font_bold_italic"},
    "docx": {"font": "docx_font", "heading_font": "docx_heading_font"},
    "sizes": {"body": "body_size", "title": "title_size", "heading": "heading_size"},
    "colours": {"accent": "accent", "muted": "muted", "rule": "rule", "panel": "panel"},
    "page": {"header_left": "header_left", "header_center": "header_center",
             "header_right": "header_right", "footer_left": "footer_left",
             "footer_center": "footer_center", "footer_right": "footer_right"},
    "logo": {"file": "logo", "width_mm": "logo_width_mm", "alt": "logo_alt",
             "position": "logo_position"},
}
PLACEHOLDERS = ("marking", "organisation", "title", "date", "page", "pages")
# The numbers style.yaml may set: lowest, highest, unit (README, "Templates").
RANGES = {"body_size": (6, 24, " (points)"), "heading_size": (6, 36, " (points)"),
          "title_size": (6, 48, " (points)"), "margin_mm": (5, 60, " (mm)"),
          "logo_width_mm": (5, 150, " (mm)")}


def builtin_root() -> Path:
    """Return the built-in templates' folder."""
    return TEMPLATES


def find(project: Path, name: str) -> Path:
    """Return the folder of template `name`: the project's own first, then the built-in one.

    Raises BriefError listing the templates there are if neither has it.
    """
    for root in (project / "templates", builtin_root()):
        if (root / name / TEMPLATE_FILE).is_file():
            return root / name
    known = sorted({p.parent.name for root in (project / "templates", builtin_root())
                    for p in root.glob(f"*/{TEMPLATE_FILE}")})
    raise BriefError(f"no template named '{name}'", project / "brief.yaml",
                     hint="known templates: " + ", ".join(known))


def load_style(folder: Path) -> Style:
    """Return the style in `folder/style.yaml`; defaults for what it does not set."""
    path = folder / STYLE_FILE
    reference = folder / "reference.docx"
    values: dict = {"reference_docx": reference} if reference.is_file() else {}
    if not path.exists():
        return Style(**values)
    doc = load_file(path)
    data = check_mapping(doc, (), doc.data, list(_SECTIONS) + ["margins_mm", "pages", "paper"])
    for section, keys in _SECTIONS.items():
        for key, value in check_mapping(doc, (section,), data.get(section, {}), list(keys)).items():
            name, keypath = keys[key], (section, key)
            if name in RANGES:
                values[name] = float(check_number(doc, keypath, value, *RANGES[name]))
                continue
            text = check_str(doc, keypath, value)
            if section == "fonts":
                values[name] = _font(doc, keypath, folder, text)
            elif name == "logo":
                values[name] = _logo(doc, keypath, folder, text)
            elif section == "page":
                _check_placeholders(doc, keypath, text)
                values[name] = text
            elif name == "logo_position" and text not in ("left", "right"):
                raise doc.error(keypath, f"unknown logo position '{text}'", "use left or right")
            elif section == "colours" and not re.fullmatch(r"#[0-9A-Fa-f]{6}", text):
                raise doc.error(keypath, f"'{text}' is not a colour", "write it as #RRGGBB")
            else:
                values[name] = text
    if "margins_mm" in data:
        values["margin_mm"] = float(check_number(doc, ("margins_mm",), data["margins_mm"],
                                                 *RANGES["margin_mm"]))
    if "paper" in data:
        paper = check_str(doc, ("paper",), data["paper"]).strip().lower()
        if paper not in ("a4", "letter"):
            raise doc.error(("paper",), f"unknown paper size '{paper}'", "use a4 or letter")
        values["paper"] = paper
    if "pages" in data:
        pages = data["pages"]
        if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
            raise doc.error(("pages",), "'pages' must be a whole number of pages, 1 or more")
        values["pages"] = pages
    return Style(**values)


def _file(doc, keypath, folder: Path, name: str) -> Path:
    """Return the file `name` names: in the template folder (or its project), else one of the
    shipped fonts; never a file elsewhere on the machine, which a build would publish."""
    for candidate in (folder / name, FONTS / name):
        if candidate.is_file():
            real = candidate.resolve()
            if not any(real.is_relative_to(root) for root in _allowed_roots(folder)):
                raise doc.error(keypath, f"'{name}' is outside the template and the project",
                                f"copy the file into {folder} and name it from there")
            return candidate
    raise doc.error(keypath, f"file '{name}' not found",
                    f"put it in {folder} (fonts may also name one of the shipped fonts)")


def _allowed_roots(folder: Path) -> list[Path]:
    """Return where a template's files may lie: its folder, the project's own templates/
    folder's project (PROJECT/templates/NAME), the shipped fonts."""
    roots = [folder.resolve(), FONTS.resolve()]
    if folder.parent.name == "templates" and folder.parent.resolve() != TEMPLATES.resolve():
        roots.append(folder.parent.parent.resolve())
    return roots


# The first bytes of the fonts the PDF writer can embed: TrueType outlines, one font or a
# collection. OpenType with PostScript outlines ("OTTO") and web fonts it cannot read.
_FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"true", b"ttcf")


def _font(doc, keypath, folder: Path, name: str) -> Path:
    path = _file(doc, keypath, folder, name)
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
    except OSError as exc:
        raise doc.error(keypath, f"cannot read '{name}': {exc.strerror}") from None
    if head == b"OTTO":
        raise doc.error(keypath, f"'{name}' is an OpenType font with PostScript (CFF) "
                        "outlines, which the PDF writer cannot embed",
                        "use a TrueType font (.ttf)")
    if head[:3] == b"wOF":
        raise doc.error(keypath, f"'{name}' is a web font (WOFF)", "use a TrueType font (.ttf)")
    if head not in _FONT_SIGNATURES:
        raise doc.error(keypath, f"'{name}' is not a font file", "use a TrueType font (.ttf)")
    return path


def _logo(doc, keypath, folder: Path, name: str) -> Path:
    from brief.render import logo

    path = _file(doc, keypath, folder, name)
    try:
        logo.kind(path)
    except BriefError as error:
        raise doc.error(keypath, f"{path.name}: {error.message}", error.hint) from None
    return path


def _check_placeholders(doc, keypath, text: str) -> None:
    for name in re.findall(r"\{(\w*)\}", text):
        if name not in PLACEHOLDERS:
            raise doc.error(keypath, f"unknown placeholder {{{name}}}",
                            "known: " + ", ".join("{" + p + "}" for p in PLACEHOLDERS))
