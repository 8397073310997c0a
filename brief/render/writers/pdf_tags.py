"""Tagged PDF: the logical structure (PDF/UA style) reportlab does not write.

While reportlab draws, each piece of content is bracketed as marked content: a paragraph,
list item or table cell as `/P <</MCID n>> BDC … EMC` (a part split onto another page gets
its own MCID there, under the same structure element), table rules and backgrounds, repeated
table headers and the running header and footer as `/Artifact`. The structure elements are
recorded as they are drawn; once reportlab has written the file, `Tags.finish` adds the
structure tree, the parent tree and the catalogue entries with pikepdf.

Hooks, all public or long-stable reportlab seams: `Frame` (top-level flowables, carried to
their split parts), `TableRenderCB` (cells, rules, backgrounds; reportlab hands it to split
parts itself) and `_drawBullet` (a list item's label apart from its body).
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass, field

from reportlab.platypus import Frame as RLFrame
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.tables import TableRenderCB

from brief.render.doctree import Heading, ListBlock, Paragraph, Table


@dataclass(eq=False)
class Node:
    """A structure element: its role, its kids in reading order (nodes, and the
    (page, MCID) of its marked content) and its attributes."""

    role: str
    kids: list = field(default_factory=list)
    alt: str | None = None
    attributes: dict | None = None
    links: list = field(default_factory=list)  # (page, index of the annotation on the page)

    def add(self, role: str, **kwargs) -> Node:
        node = Node(role, **kwargs)
        self.kids.append(node)
        return node


class Tags:
    """The structure of one PDF build, filled in while it is drawn."""

    def __init__(self, language: str, logo_alt: str) -> None:
        self.root = Node("Document")
        self.language, self.logo_alt = language, logo_alt
        self.mcids: dict[int, int] = {}  # page index -> MCIDs used on it
        self.open: Node | None = None  # the node whose marked content is open
        self.label: tuple[Node, Node] | None = None  # (Lbl, LBody) awaiting the bullet
        self.annots = 0

    # Flowables -> nodes: called once per document block, in reading order ---------------

    def figure(self, flowable):
        """Tag the logo as a figure with its alternative text."""
        flowable._tag = self.root.add("Figure", alt=self.logo_alt)
        return flowable

    def tag(self, block, parts: list) -> list:
        """Tag the flowables `parts` drawn for `block`; return them."""
        if not parts:
            return parts
        if isinstance(block, Heading):
            parts[0]._tag = self.root.add(f"H{min(max(block.level, 1), 6)}")
        elif isinstance(block, Paragraph):
            node = self.root.add("P")
            if hasattr(parts[0], "_cellvalues"):  # set in a panel: its one cell is the text
                parts[0]._renderCB = _TableTags(self, parts[0], [[node]])
            else:
                parts[0]._tag = node
        elif isinstance(block, ListBlock):
            listing = self.root.add("L", attributes={"O": "List", "ListNumbering":
                                                     "Decimal" if block.ordered else "Disc"})
            for part in parts:
                item = listing.add("LI")
                part._tag = item
                if getattr(part, "bulletText", None):
                    item.label = (item.add("Lbl"), item.add("LBody"))
                else:
                    item.label = (None, item.add("LBody"))
        elif isinstance(block, Table):
            table = self.root.add("Table")
            cells = []
            for r, row in enumerate(block.rows):
                tr = table.add("TR")
                head = r < block.header_rows
                cells.append([tr.add("TH", attributes={"O": "Table", "Scope": "Column"})
                              if head else tr.add("TD") for _ in row])
            parts[0]._renderCB = _TableTags(self, parts[0], cells)
        return parts

    # Marked content ----------------------------------------------------------------------

    def begin(self, canvas, node: Node) -> None:
        """Open `node`'s next piece of marked content on the canvas's current page."""
        page = canvas.getPageNumber() - 1
        mcid = self.mcids.get(page, 0)
        self.mcids[page] = mcid + 1
        node.kids.append((page, mcid))
        canvas._code.append(f"/{node.role} <</MCID {mcid}>> BDC")
        self.open, self.annots = node, len(canvas._annotationrefs)

    def end(self, canvas) -> None:
        """Close the open marked content; links drawn in it become its node's."""
        if self.open is not None:
            page = canvas.getPageNumber() - 1
            self.open.links += [(page, i) for i in range(self.annots,
                                                         len(canvas._annotationrefs))]
            self.open = None
        canvas._code.append("EMC")

    def draw(self, flowable, canvas, x, y, _sW=0) -> None:
        """Draw a top-level flowable inside its node's marked content."""
        node = flowable._tag
        label = getattr(node, "label", None)
        if label is None:
            if node.role == "Figure":
                x0 = flowable._hAlignAdjust(x, _sW)
                width, height = flowable.wrap(0, 0)  # what it draws, an image or a drawing
                node.attributes = {"O": "Layout", "BBox": [x0, y, x0 + width, y + height]}
            self.begin(canvas, node)
        elif label[0] is not None and getattr(flowable, "bulletText", None):
            artifact(canvas)  # the item's tint, until the bullet is drawn
            self.label = label
        else:  # the item's part on a later page, or a right-to-left bullet drawn with it
            self.begin(canvas, label[1])
        try:
            type(flowable).drawOn(flowable, canvas, x, y, _sW)
        finally:
            self.label = None
            self.end(canvas)

    def bullet(self, canvas) -> None:
        """Close what is open before a list item's bullet and open its label."""
        lbl, _ = self.label
        self.end(canvas)
        self.begin(canvas, lbl)

    def body(self, canvas) -> None:
        """Close the label after the bullet and open the item's body."""
        _, lbody = self.label
        self.label = None
        self.end(canvas)
        self.begin(canvas, lbody)

    # The structure tree ------------------------------------------------------------------

    def finish(self, data: bytes) -> bytes:
        """Return the PDF `data` with its structure tree, parent tree and the catalogue
        entries that say it is tagged."""
        import pikepdf
        from pikepdf import Array, Dictionary, Name, String

        pdf = pikepdf.Pdf.open(io.BytesIO(data))
        pages = pdf.pages
        tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        parents: dict[int, list] = {p: [None] * n for p, n in self.mcids.items()}
        links: list = []

        def element(node: Node, parent) -> object | None:
            elem = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.role),
                                                P=parent))
            first = next((kid[0] for kid in _contents(node)), None)
            if first is None:
                return None  # never drawn: nothing to read
            elem.Pg = pages[first].obj
            kids = Array()
            for kid in node.kids:
                if isinstance(kid, Node):
                    child = element(kid, elem)
                    if child is not None:
                        kids.append(child)
                    continue
                page, mcid = kid
                parents[page][mcid] = elem
                kids.append(mcid if page == first else Dictionary(
                    Type=Name.MCR, Pg=pages[page].obj, MCID=mcid))
            for page, index in node.links:
                annot = pages[page].obj.Annots[index]
                link = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Link, P=elem,
                                                    Pg=pages[page].obj))
                link.K = Dictionary(Type=Name.OBJR, Obj=annot, Pg=pages[page].obj)
                annot.StructParent = len(pages) + len(links)
                if "/Contents" not in annot and "/A" in annot and "/URI" in annot.A:
                    annot.Contents = String(f"Link: {annot.A.URI}")
                links.append(link)
                kids.append(link)
            elem.K = kids
            if node.alt is not None:
                elem.Alt = String(node.alt)
            if node.attributes:
                elem.A = Dictionary({f"/{k}": _pdf_value(v) for k, v in node.attributes.items()})
            return elem

        document = element(self.root, tree)
        tree.K = document if document is not None else Array()
        nums = Array()
        for index, page in enumerate(pages):
            page.obj.StructParents = index
            page.obj.Tabs = Name.S  # tab through links in structure order
            nums.extend([index, Array(parents.get(index, []))])
        for index, link in enumerate(links):
            nums.extend([len(pages) + index, link])
        tree.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
        tree.ParentTreeNextKey = len(pages) + len(links)
        root = pdf.Root
        root.StructTreeRoot = tree
        root.MarkInfo = Dictionary(Marked=True)
        if self.language:
            root.Lang = String(self.language)
        preferences = root.get("/ViewerPreferences", Dictionary())
        preferences.DisplayDocTitle = True
        root.ViewerPreferences = preferences
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)  # the same bytes for the same input
        return out.getvalue()


def warm() -> None:
    """Import pikepdf ahead of the first brief: importing it costs more than tagging does."""
    import pikepdf  # noqa: F401


def _contents(node: Node):
    """Yield the (page, MCID) of `node`'s marked content and its descendants'."""
    for kid in node.kids:
        if isinstance(kid, Node):
            yield from _contents(kid)
        else:
            yield kid


def _flowables_of(cell) -> tuple:
    """Return what a table cell holds: reportlab keeps a cell's flowables in a tuple."""
    return tuple(cell) if isinstance(cell, (list, tuple)) else (cell,)


def _pdf_value(value):
    from pikepdf import Array, Name

    if isinstance(value, str):
        return Name("/" + value)
    if isinstance(value, list):
        return Array(round(v, 2) for v in value)
    return value


def artifact(canvas, kind: str | None = None) -> None:
    """Open marked content that is no part of the text: `kind` "Pagination" for the
    running header and footer. Closed by `end`."""
    canvas._code.append(f"/Artifact <</Type /{kind}>> BDC" if kind else "/Artifact BMC")


def end(canvas) -> None:
    canvas._code.append("EMC")


class Frame(RLFrame):
    """A frame that draws each tagged top-level flowable inside its marked content, and
    hands a flowable's tag on to the parts it splits into over pages."""

    def __init__(self, tags: Tags, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.tags = tags

    def __deepcopy__(self, memo):
        # reportlab copies the frame to measure every KeepTogether: the structure tree is the
        # document's, which measuring never touches, so the copy shares it (copying it cost a
        # tenth of the batch's PDF time).
        memo[id(self.tags)] = self.tags
        clone = object.__new__(type(self))
        memo[id(self)] = clone
        clone.__dict__.update(deepcopy(self.__dict__, memo))
        return clone

    def add(self, flowable, canv, trySplit=0):
        canv._tags = self.tags
        if getattr(flowable, "_tag", None) is None:
            return super().add(flowable, canv, trySplit)
        # The frame calls drawOn only once the flowable fits: drawn, it is marked. (Set past
        # __setattr__, which a Drawing, an SVG logo, restricts to its own attributes.)
        object.__setattr__(flowable, "drawOn", lambda canvas, x, y, _sW=0:
                           self.tags.draw(flowable, canvas, x, y, _sW))
        try:
            return super().add(flowable, canv, trySplit)
        finally:
            object.__delattr__(flowable, "drawOn")

    def split(self, flowable, canv):
        parts = super().split(flowable, canv)
        node = getattr(flowable, "_tag", None)
        if node is not None:
            for part in parts:
                if getattr(part, "_tag", None) is None:
                    part._tag = node
        return parts


class _TableTags(TableRenderCB):
    """Tags one table's cells as it and its split parts are drawn: each cell's content under
    its cell's node; rules, backgrounds and a header repeated on a later page as artifacts."""

    def __init__(self, tags: Tags, table, cells: list[list[Node]]) -> None:
        self.tags, self.cells = tags, cells
        # Which of the table's rows a part's row is: split parts keep the cells' flowables,
        # except in a row split across pages, whose pieces are new.
        originals = [(f, r) for r, row in enumerate(table._cellvalues)
                     for cell in row for f in _flowables_of(cell)]
        self.rows = {id(f): r for f, r in originals}
        # Held, not only their ids: once a part is drawn and dropped, a new piece of a row
        # split over pages could take a freed flowable's id and pass for its row.
        self.originals = originals
        self.header = table.repeatRows if isinstance(table.repeatRows, int) else 0
        self.drawn: set[int] = set()
        self.last = -1
        self.map: list[int | None] = []

    def startTable(self, T):
        self.map, started = [], False
        for row in T._cellvalues:
            r = next((self.rows[id(f)] for cell in row for f in _flowables_of(cell)
                      if id(f) in self.rows), None)
            if r is not None and r < self.header and r in self.drawn:
                self.map.append(None)  # the header again: a pagination artifact
                continue
            if r is None:  # the pieces of a row split over pages: the last row's, or the next's
                r = self.last if not started and self.last >= 0 else self.last + 1
            started = True
            self.last = max(self.last, r)
            self.drawn.add(r)
            self.map.append(r)

    def startBG(self, T):
        artifact(T.canv)

    def endBG(self, T):
        end(T.canv)

    def startRow(self, T, rowNo):
        pass

    def startCell(self, T, rowNo, colNo, cellval, cellstyle, pos, size):
        r = self.map[rowNo] if rowNo < len(self.map) else None
        if r is None or r >= len(self.cells) or colNo >= len(self.cells[r]):
            artifact(T.canv, "Pagination")
            self.tags.open = None
        else:
            self.tags.begin(T.canv, self.cells[r][colNo])

    def endCell(self, T):
        self.tags.end(T.canv)

    def endRow(self, T):
        pass

    def startLines(self, T):
        artifact(T.canv)

    def endLines(self, T):
        end(T.canv)

    def endTable(self, T):
        pass


_draw_bullet = rl_paragraph._drawBullet


def _tagged_bullet(canvas, *args, **kwargs):
    """reportlab's bullet drawing, marked as the list item's label when tagging."""
    tags = getattr(canvas, "_tags", None)
    if tags is None or tags.label is None:
        return _draw_bullet(canvas, *args, **kwargs)
    tags.bullet(canvas)
    try:
        return _draw_bullet(canvas, *args, **kwargs)
    finally:
        tags.body(canvas)


# reportlab draws a paragraph's bullet inside the paragraph, by this module-level function:
# wrapping it is the one way to give the bullet its own marked content. It acts only on a
# canvas that is being tagged.
rl_paragraph._drawBullet = _tagged_bullet
