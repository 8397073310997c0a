"""brief: compile news articles into policy briefs (PDF, DOCX, JSON)."""

__version__ = "0.1.0"
