"""Whatever text an article holds, compiling it ends in a brief or one clear BriefError."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.errors import BriefError
from brief.extract.analyze import starts_dangling
from brief.pipeline import compile_source

from conftest import grounded

WORDS = st.sampled_from([
    "The", "minister", "said", "he", "But", "Pakistan", "agreed", "on", "Monday", "46",
    "percent", "$4.5bn", "(CNN)", "--", "“", "”", "however,", "It", "will", "visit", "May 1",
    "President Vladimir Putin", "Foreign Minister Sergey Lavrov", "Lavrov", "gas", "pipeline",
    "trade", "rose", ".", "?", "!", ",", "Share this with", "Scroll down for video", "\n",
    "\n\n", "U.S.", "Dr.", "e.g.", "…", "[", "]", "{{", "}}", "&", "<b>", "é", "Ж", "北京",
])
ARTICLES = st.lists(WORDS, min_size=1, max_size=120).map(" ".join)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ARTICLES)
def it_compiles_any_text_faithfully_or_says_why_not(tmp_path, text):
    path = tmp_path / "sources" / "a.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        brief = compile_source(path)
    except BriefError:
        return
    by_id = {s.id: s.text for s in brief.sentences}
    for item in brief.summary + brief.outcomes + brief.implications + brief.watch:
        source = " ".join(by_id[i] for i in item.sentences)
        assert grounded(item.text, source), (item.text, source)
        assert not starts_dangling(re.sub(r"^\[[^\]]*\]", "X", item.text)), item.text
    for figure in brief.figures:
        assert figure.value in " ".join(by_id[i] for i in figure.sentences)
