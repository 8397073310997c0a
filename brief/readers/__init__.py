"""Readers of rich formats (HTML, Word, PDF): one module each, registered in brief.read."""
