"""Stage 1, read: a file of any kind -> `Article` (metadata, paragraphs).

One reader per format (`source.READERS`); `fetch` and `add` bring a web page into sources/.
"""
