from pathlib import Path

import pytest

from brief.errors import BriefError
from brief.read.source import read


def it_reads_each_line_of_an_unwrapped_text_as_a_paragraph(write):
    article = read(write("a.txt", "First para. Still first.\nSecond para.\n"))
    assert article.paragraphs == ("First para. Still first.", "Second para.")
    assert article.meta.file == "a.txt"


def it_joins_hard_wrapped_lines_when_blank_lines_part_paragraphs(write):
    article = read(write("a.txt", "One line\nwrapped here.\n\nTwo.\n"))
    assert article.paragraphs == ("One line wrapped here.", "Two.")


@pytest.mark.parametrize(("text", "expected"), [
    # a name run into a share bar goes on on the next line
    ("Share this withEmailCopy this linkHarry\nWhitlam died in August 2013.\n",
     ("Share this withEmailCopy this linkHarry Whitlam died in August 2013.",)),
    # a sentence's last word on a line of its own
    ("The court heard he went to bed at 02:00\nBST.\nHis mother spoke.\n",
     ("The court heard he went to bed at 02:00 BST.", "His mother spoke.")),
    # the next sentence run into that last word
    ("The court heard he went to bed at 02:00\nBST.Harry's mother spoke.\n",
     ("The court heard he went to bed at 02:00 BST.Harry's mother spoke.",)),
    ("Ukrainian forces downed flight\nMH17.The claim was never verified.\n",
     ("Ukrainian forces downed flight MH17.The claim was never verified.",)),
    # a line that opens on punctuation or a contraction goes on the word before it
    ('"Meanwhile\n, the head of the committee spoke."\n',
     ('"Meanwhile, the head of the committee spoke."',)),
    ("What else could he do?\"He\n's come up trumps again.\n",
     ("What else could he do?\"He's come up trumps again.",)),
    ("The Scots lost to Iceland\n, ranked one place above them.\n",
     ("The Scots lost to Iceland, ranked one place above them.",)),
    # a title with a full stop in it, broken there: "War, is" starts no sentence
    ("Most of the report, entitled Putin.\nWar, is based on facts.\nIt was read.\n",
     ("Most of the report, entitled Putin. War, is based on facts.", "It was read.")),
    ("The talks ended.\nSo, is it over?\n", ("The talks ended.", "So, is it over?")),
    # a currency sign and its amount are one
    ("UKIP spent £\n2,980,815 in May.\n", ("UKIP spent £2,980,815 in May.",)),
    # a headline line stays apart from the sentence under it
    ("Talks resume in Islamabad\nThe talks resumed.\n",
     ("Talks resume in Islamabad", "The talks resumed.")),
])
def it_rejoins_lines_broken_inside_a_sentence(write, text, expected):
    assert read(write("a.txt", text)).paragraphs == expected


def it_takes_metadata_from_front_matter(write):
    text = ("---\ntitle: Talks resume\nsource: Dawn\nurl: https://example.org/a\n"
            "author: A. Writer\npublished: 2021-04-07\nlanguage: en-GB\n---\nBody text here.\n")
    meta = read(write("a.txt", text)).meta
    assert (meta.title, meta.source, meta.url, meta.author, meta.published, meta.language) == (
        "Talks resume", "Dawn", "https://example.org/a", "A. Writer", "2021-04-07", "en-GB")


def it_accepts_a_byte_order_mark_and_crlf(write):
    article = read(write("a.txt", "\ufeffHello there.\r\nAgain.\r\n".encode()))
    assert article.paragraphs == ("Hello there.", "Again.")


def it_drops_control_characters_xml_cannot_hold(write):
    article = read(write("a.txt", "Bell\x07 and\x0b tab\there.\n"))
    assert article.paragraphs == ("Bell and tab here.",)


def it_strips_markdown_and_takes_the_heading_as_title(write):
    article = read(write("a.md", "# Deal signed\n\nThe **deal** was [signed](http://x) today.\n"
                         "\n## Background\n\n- It took *years*.\n"))
    assert article.meta.title == "Deal signed"
    assert article.paragraphs == ("The deal was signed today.", "It took years.")


def it_takes_a_headline_set_apart_above_a_text_as_its_title(write):
    article = read(write("a.txt", "Talks resume in Islamabad\n\n"
                                  "The talks resumed. They went well.\n\nBoth sides spoke.\n"))
    assert article.meta.title == "Talks resume in Islamabad"
    assert article.paragraphs == ("The talks resumed. They went well.", "Both sides spoke.")
    fronted = read(write("b.txt", "---\ntitle: Mine\n---\nTalks resume\n\nThe talks resumed.\n"))
    assert fronted.meta.title == "Mine" and fronted.paragraphs == ("The talks resumed.",)


@pytest.mark.parametrize("text", [
    "The talks resumed on Monday.\n\nBoth sides spoke.\n",  # a sentence, not a headline
    "By Jane Doe\n\nThe talks resumed.\n",  # a byline
    "Dawn | Talks resume\n\nThe talks resumed.\n",  # a site's title bar
    "(CNN) Talks resume\n\nThe talks resumed.\n",  # a dateline
    "Talks resume in Islamabad\nThe talks resumed.\nBoth sides spoke.\n",  # no blank line
    "Talks resume in Islamabad\n",  # nothing else to title
    " ".join(["word"] * 21) + "\n\nThe talks resumed.\n",  # too long for a headline
])
def it_keeps_a_first_line_that_is_no_headline_as_text(write, text):
    article = read(write("a.txt", text))
    assert article.meta.title is None
    assert " ".join(article.paragraphs) == " ".join(text.split())


@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty"),
    ("  \n\n ", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("---\ntitle: x\n---\n", "no article text"),
])
def it_rejects_unreadable_input_with_one_clear_message(write, content, message):
    path = write("bad.txt", content)
    with pytest.raises(BriefError) as caught:
        read(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(("data", "expected"), [
    ("The minister said “yes” to the café’s plan in Zürich.".encode("cp1252"),
     "The minister said “yes” to the café’s plan in Zürich."),
    ("Ελλάδα και Россия: talks resumed on Monday.".encode("utf-16"),
     "Ελλάδα και Россия: talks resumed on Monday."),
    ("Crème brûlée at the Élysée Palace, façade and all, on Monday.".encode("latin-1"),
     "Crème brûlée at the Élysée Palace, façade and all, on Monday."),
])
def it_detects_the_encoding_rather_than_assume_it(write, data, expected):
    assert read(write("a.txt", data)).paragraphs == (expected,)


def it_refuses_a_file_too_big_to_be_an_article(write, monkeypatch):
    import brief.read.source

    monkeypatch.setattr(brief.read.source, "MAX_BYTES", 1000)
    with pytest.raises(BriefError, match="too big for an article"):
        read(write("big.txt", "word " * 1000))


def it_names_the_line_of_an_unknown_front_matter_key(write):
    with pytest.raises(BriefError) as caught:
        read(write("a.txt", "---\ntitle: x\nautor: y\n---\nBody.\n"))
    assert caught.value.line == 3
    assert "did you mean 'author'" in str(caught.value)


def it_names_the_line_of_malformed_front_matter(write):
    with pytest.raises(BriefError) as caught:
        read(write("a.txt", "---\ntitle: x\nurl: [unclosed\n---\nBody.\n"))
    assert caught.value.line is not None and caught.value.line >= 3
    assert "the '[' here is never closed with ']'" in str(caught.value)


def it_refuses_unknown_extensions(tmp_path: Path):
    path = tmp_path / "a.rtf"
    path.write_text("x")
    with pytest.raises(BriefError, match="cannot read '.rtf' files"):
        read(path)
