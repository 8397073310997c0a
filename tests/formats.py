"""The sample article in every format brief reads, made for the tests."""

from __future__ import annotations

import html
import json
from pathlib import Path

from conftest import SAMPLE

TITLE = "Lavrov visits Pakistan"


def paragraphs() -> list[str]:
    return [p for p in SAMPLE.read_text(encoding="utf-8").splitlines() if p.strip()]


def as_html() -> str:
    """Return a news page as sites serve them: navigation, ads, JSON-LD, comments, footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs())
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": TITLE, "datePublished": "2021-04-08",
                     "author": {"@type": "Person", "name": "Staff Reporter"},
                     "publisher": {"@type": "Organization", "name": "Example Times"}})
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Example Times</title>
<meta property="og:title" content="{TITLE}"><meta name="author" content="Staff Reporter">
<meta property="og:site_name" content="Example Times">
<script type="application/ld+json">{ld}</script></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="advert">Advertisement: Subscribe now and save 50% on your first year!</div>
<main><article><h1>{TITLE}</h1><p class="byline">By Staff Reporter, 8 April 2021</p>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Markets rally as oil
prices fall</a></li><li><a href="/b">Cricket: Pakistan win the series</a></li></ul></aside>
<section id="comments"><h2>Comments</h2><div class="comment"><p>Great analysis, thanks for
sharing this with us!</p></div><div class="comment"><p>I disagree with the author.</p></div>
</section></main>
<footer><p>© 2021 Example Times. All rights reserved.</p><p>Privacy · Terms · Contact</p>
</footer></body></html>"""


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = "Staff Reporter"
    document.add_heading(TITLE, level=1)
    for paragraph in paragraphs():
        document.add_paragraph(paragraph)
    document.save(path)
    return path


def write_pdf(path: Path) -> Path:
    """Write the article as a two-page PDF with a running header, footer and page numbers."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from brief.assets import FONTS

    pdfmetrics.registerFont(TTFont("FixtureSans", str(FONTS / "NotoSans-Regular.ttf")))
    style = ParagraphStyle("p", fontName="FixtureSans", fontSize=9, leading=12, spaceAfter=6)

    def page(canvas, doc):
        canvas.setFont("FixtureSans", 7)
        canvas.drawString(40, A5[1] - 25, "Example Times — World news")
        canvas.drawString(40, 20, f"Page {doc.page}")

    doc = SimpleDocTemplate(str(path), pagesize=A5, title=TITLE, author="Staff Reporter")
    doc.build([Paragraph(html.escape(p), style) for p in paragraphs()],
              onFirstPage=page, onLaterPages=page)
    return path
