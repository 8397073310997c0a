"""The tagged PDF: its structure tree read back with pikepdf, checked against the content."""

import io
import subprocess

import pikepdf
import pytest

from brief.pipeline import compile_source
from brief.render.doctree import Document, Heading, ListBlock, Meta, Paragraph, Span, Table
from brief.render.layout import layout
from brief.render.template import Style, builtin_root
from brief.render.writers import writer
from brief.settings import Settings

from conftest import SAMPLE, needs

FOLDER = builtin_root() / "default"
TEXT_SHOWN = {"Tj", "TJ", "'", '"', "Do"}  # what puts text or an image on the page


@pytest.fixture(scope="module")
def sample():
    brief = compile_source(SAMPLE)
    return brief, layout(brief, Settings(), FOLDER, "7 April 2021")


def render(document, style=None) -> bytes:
    return writer("pdf").render(None, document, style or Style())


def words(n: int, word: str = "evidence") -> tuple[Span, ...]:
    return (Span(" ".join(f"{word}{i}" for i in range(n))),)


def long_document() -> Document:
    """A brief whose paragraph, list item and table each run over a page."""
    meta = Meta(title="Split", author="A", subject="S", keywords=(), language="fr-FR",
                marking="OFFICIAL", date="today")
    rows = [(words(1, "Actor"), words(1, "Role"))]
    # Row 20 is taller than a page: reportlab splits it within the row.
    rows += [(words(2, f"a{r}x"), words(700 if r == 20 else 8, f"r{r}x")) for r in range(40)]
    return Document(meta, (
        Heading(1, words(3, "Title")),
        Paragraph(words(900)),
        ListBlock((words(10, "short"), words(700, "item")), ordered=True),
        Heading(2, words(2, "Actors")),
        Table(tuple(rows), header_rows=1),
        Paragraph((Span("مرحبا بالعالم " * 40),)),
        ListBlock(((Span("قال الوزير " * 30),), words(4)), item_classes=(("analyst",), ())),
    ))


def tree(data: bytes):
    """Return the PDF, its structure root and its Document element."""
    pdf = pikepdf.Pdf.open(io.BytesIO(data))
    root = pdf.Root.StructTreeRoot
    return pdf, root, root.K


def elements(elem):
    """Yield the structure elements under `elem` depth first, in reading order."""
    for kid in kids(elem):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            yield kid
            yield from elements(kid)


def kids(elem) -> list:
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def references(pdf, elem) -> list[tuple[int, int]]:
    """Return every (page, MCID) the structure tree under `elem` refers to."""
    pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
    refs = []
    for node in [elem, *elements(elem)]:
        for kid in kids(node):
            if isinstance(kid, int):
                refs.append((pages[node.Pg.objgen], int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                refs.append((pages[kid.Pg.objgen], int(kid.MCID)))
    return refs


def marked(pdf) -> tuple[list[tuple[int, int]], list[tuple[int, str]], list[str]]:
    """Return the (page, MCID)s of each page's marked content, the (page, kind) of its
    artifacts that show something, and any operator showing text or images outside both."""
    mcids, artifacts, loose = [], [], []
    for number, page in enumerate(pdf.pages):
        stack = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" else {}
                if "/MCID" in props:
                    mcids.append((number, int(props["/MCID"])))
                kind = str(props.get("/Type", "")) if tag == "/Artifact" else None
                stack.append((tag, kind))
            elif op == "EMC":
                stack.pop()
            elif op in TEXT_SHOWN:
                if not stack:
                    loose.append(op)
                elif stack[-1][0] == "/Artifact":
                    artifacts.append((number, stack[-1][1]))
        assert not stack, f"page {number + 1}: marked content left open"
    return mcids, artifacts, loose


def expected_roles(document: Document) -> list[str]:
    roles = []
    for block in document.blocks:
        if isinstance(block, Heading):
            roles.append(f"H{block.level}")
        elif isinstance(block, Paragraph):
            roles.append("P")
        elif isinstance(block, ListBlock):
            roles.append("L")
        elif isinstance(block, Table):
            roles.append("Table")
    return roles


def it_gives_the_sample_its_structure_in_reading_order(sample):
    _, document = sample
    pdf, root, top = tree(render(document))
    assert top.S == "/Document" and top.P.objgen == root.objgen
    assert [str(e.S)[1:] for e in kids(top)] == expected_roles(document)
    roles = [str(e.S)[1:] for e in elements(top)]
    assert roles[:2] == ["P", "H1"]  # the kicker, then the title
    assert roles.count("H2") == sum(isinstance(b, Heading) and b.level == 2
                                    for b in document.blocks)
    items = sum(len(b.items) for b in document.blocks if isinstance(b, ListBlock))
    assert roles.count("LI") == roles.count("Lbl") == roles.count("LBody") == items
    for item in (e for e in elements(top) if e.S == "/LI"):
        assert [str(k.S) for k in kids(item)] == ["/Lbl", "/LBody"]


def it_marks_table_header_cells_with_their_scope(sample):
    _, document = sample
    pdf, _, top = tree(render(document))
    (table_block,) = [b for b in document.blocks if isinstance(b, Table)][:1]
    table = next(e for e in elements(top) if e.S == "/Table")
    rows = kids(table)
    assert [r.S for r in rows] == ["/TR"] * len(table_block.rows)
    head = kids(rows[0])
    assert head and all(c.S == "/TH" and c.A.Scope == "/Column" and c.A.O == "/Table"
                        for c in head)
    assert all(c.S == "/TD" for row in rows[table_block.header_rows:] for c in kids(row))


@pytest.mark.parametrize("case", ["sample", "split"])
def it_refers_to_every_piece_of_marked_content_exactly_once(sample, case):
    document = sample[1] if case == "sample" else long_document()
    pdf, _, top = tree(render(document))
    refs = references(pdf, top)
    mcids, _, loose = marked(pdf)
    assert len(refs) == len(set(refs))
    assert sorted(refs) == sorted(mcids)
    assert not loose  # nothing shown is left neither content nor artifact
    parents = pdf.Root.StructTreeRoot.ParentTree.Nums
    for number, page in enumerate(pdf.pages):
        assert page.StructParents == number and page.Tabs == "/S"
        index = list(parents).index(number)
        assert len(parents[index + 1]) == sum(1 for p, _ in mcids if p == number)


def it_gives_each_split_part_its_own_marked_content_under_one_element():
    pdf, _, top = tree(render(long_document()))
    assert len(pdf.pages) >= 4
    on_pages = {}
    for elem in [top, *elements(top)]:
        pages = {p for p, _ in references(pdf, elem)}
        on_pages.setdefault(str(elem.S), []).append(len(pages))
    assert max(on_pages["/P"]) >= 2  # the long paragraph, one element on two pages
    assert max(on_pages["/LBody"]) >= 2
    assert max(on_pages["/Table"]) >= 2
    table = next(e for e in elements(top) if e.S == "/Table")
    rows = kids(table)
    assert len(rows) == 41 and all(len(kids(row)) == 2 for row in rows)  # each row once
    heads = [e for e in elements(table) if e.S == "/TH"]
    assert len(heads) == 2  # the header repeated on later pages is an artifact
    assert len({p for head in heads for p, _ in references(pdf, head)}) == 1
    assert len({p for p, _ in references(pdf, rows[21])}) >= 2  # the row split in two
    for row in rows:  # one piece of each cell on each page the row is on
        refs = references(pdf, row)
        assert len(refs) == 2 * len({p for p, _ in refs})
    _, artifacts, _ = marked(pdf)
    assert {(p, kind) for p, kind in artifacts if p > 0 and kind == "/Pagination"}


def it_marks_running_header_and_footer_as_pagination_artifacts(sample):
    pdf, *_ = tree(render(sample[1]))
    _, artifacts, _ = marked(pdf)
    for number in range(len(pdf.pages)):
        assert (number, "/Pagination") in artifacts


@pytest.mark.parametrize("kind", ["png", "svg"])
def it_gives_the_logo_its_alternative_text(sample, tmp_path, kind):
    from PIL import Image

    logo = tmp_path / f"logo.{kind}"
    if kind == "png":
        Image.new("RGB", (120, 40), "navy").save(logo)
    else:
        logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
                        '<rect width="120" height="40" fill="navy"/></svg>')
    pdf, _, top = tree(render(sample[1], Style(logo=logo, logo_alt="Ministry crest")))
    figure = kids(top)[0]
    assert figure.S == "/Figure" and str(figure.Alt) == "Ministry crest"
    x0, y0, x1, y1 = (float(v) for v in figure.A.BBox)
    assert figure.A.O == "/Layout" and x1 > x0 and y1 > y0


def it_says_the_pdf_is_tagged_in_which_language_and_titled(sample):
    pdf, *_ = tree(render(sample[1]))
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == sample[1].meta.language
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert pdf.Root.Outlines.Count != 0  # the bookmarks survive
    fr, *_ = tree(render(long_document()))
    assert str(fr.Root.Lang) == "fr-FR"


def it_puts_each_link_in_a_link_element():
    meta = Meta(title="Links", author="A", subject="S", keywords=(), language="en",
                marking=None, date="today")
    link = Span("the source", href="https://example.org/a")
    document = Document(meta, (Paragraph((Span("Read "), link)),
                               Table((((Span("Source"),),), ((link,),)), header_rows=1)))
    pdf, root, top = tree(render(document))
    annots = [a for page in pdf.pages for a in page.get("/Annots", [])
              if a.Subtype == "/Link"]
    assert len(annots) == 2
    links = [e for e in elements(top) if e.S == "/Link"]
    assert len(links) == len(annots)
    parents = dict(zip(list(root.ParentTree.Nums)[::2], list(root.ParentTree.Nums)[1::2],
                       strict=True))
    for annot in annots:
        link = parents[int(annot.StructParent)]
        assert link.S == "/Link" and link.K.Obj.objgen == annot.objgen
        assert str(annot.Contents).startswith("Link: ")


@needs("qpdf")
@pytest.mark.parametrize("case", ["sample", "split"])
def it_passes_qpdf_s_check(sample, case, tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(render(sample[1] if case == "sample" else long_document()))
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


@needs("pdfinfo")
def it_lists_the_structure_in_poppler(sample, tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(render(sample[1]))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info
    done = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                          text=True)
    lines = [line.strip() for line in done.stdout.splitlines()]
    assert lines[0] == "Document"
    assert "H1 (block)" in lines and "TH:" in lines and "/Scope /Column" in lines
    assert '"•"' in lines  # the bullet, read as the item's label
    assert "Summary" in done.stdout


def it_keeps_a_tables_cells_alive_while_it_tags_the_tables_parts():
    """A row split over pages gets new pieces; were the cells of a part already drawn freed,
    a piece could take a freed cell's id and be tagged as that cell's row (seen as a row's
    second half filed under the row after it, depending on what ran before)."""
    import gc
    import weakref

    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table as RLTable

    from brief.render.writers.pdf_tags import Tags, _TableTags

    cell = RLParagraph("evidence")
    table = RLTable([[cell]])
    tags = _TableTags(Tags("en", ""), table, [[None]])
    alive = weakref.ref(cell)
    del cell, table
    gc.collect()
    assert alive() is not None and tags.rows


def it_leads_each_bookmark_to_the_page_of_its_heading():
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render(long_document())))
    entries = [e for e in reader.outline if not isinstance(e, list)]
    entries += [e for group in reader.outline if isinstance(group, list) for e in group]
    pages = [page.extract_text() for page in reader.pages]
    assert {e.title.split()[0] for e in entries} == {"Title0", "Actors0"}
    for entry in entries:
        number = reader.get_destination_page_number(entry)
        assert entry.title.split()[0] in pages[number], (entry.title, number)
    assert reader.get_destination_page_number(entries[-1]) >= 2  # not the first one's page
