"""Stages 6-7, layout -> write: the `Brief` through the Jinja2 template to a document tree,
then one writer per format (PDF, DOCX, HTML, Markdown, JSON)."""
