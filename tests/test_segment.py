import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.extract.segment import segment
from brief.model import Article, SourceInfo


def article(*paragraphs: str) -> Article:
    return Article(SourceInfo(file="a.txt"), tuple(paragraphs))


def it_numbers_sentences_in_reading_order_with_paragraphs_and_offsets():
    a = article("Mr. Smith went to Washington. He met the U.S. President.", "Talks ended.")
    sentences = segment(a)
    assert [s.id for s in sentences] == ["s1", "s2", "s3"]
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert sentences[0].text == "Mr. Smith went to Washington."
    assert sentences[1].text == "He met the U.S. President."
    for s in sentences:
        assert a.body[s.start:s.end] == s.text


def it_gives_the_same_ids_every_time():
    a = article("One thing happened. Another followed.", "Then a third.")
    assert segment(a) == segment(a)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                        min_size=1, max_size=120).map(lambda t: " ".join(t.split()))
                .filter(bool), min_size=1, max_size=4))
def it_never_loses_or_alters_text(paragraphs):
    a = article(*paragraphs)
    sentences = segment(a)
    for s in sentences:
        assert a.body[s.start:s.end] == s.text
        assert "\n" not in s.text
    covered = "".join(s.text for s in sentences)
    assert covered.replace(" ", "") == "".join(paragraphs).replace(" ", "")


@pytest.mark.parametrize("text, parts", [
    ("The number of fighters soared by 71 per cent after IS gained territory The overall "
     "number has risen sharply, the panel said.",
     ["The number of fighters soared by 71 per cent after IS gained territory",
      "The overall number has risen sharply, the panel said."]),
    ("Listen to the show on loyalty and mentalityThe slump started in 2013 for the team.",
     ["Listen to the show on loyalty and mentality", "The slump started in 2013 for the team."]),
    ("The minister said her answers on the issue are 'all evasion' Mr Brown urged people "
     "to vote Labour to end the bedroom tax.",
     ["The minister said her answers on the issue are 'all evasion'",
      "Mr Brown urged people to vote Labour to end the bedroom tax."]),
    # Running text, not a missing stop: kept whole.
    ("The minister told The Times that the talks had gone well.", None),
    ("She was reading The Guardian on the train to work.", None),
    ("Lavrov met President Vladimir Putin in Moscow on Monday.", None),
])
def it_splits_a_sentence_run_into_the_next_without_its_full_stop(text, parts):
    article = Article(SourceInfo(file="a.txt"), (text,))
    assert [s.text for s in segment(article)] == (parts or [text])


@pytest.mark.parametrize("text, parts", [
    # A quotation going on into a new paragraph, run together as scraped: the splitter saw
    # one quotation and no sentence end.
    ("She cannot give a straight answer to the question. 'But does not the candidate tell "
     "the truth?' he asked.",
     ["She cannot give a straight answer to the question.",
      "'But does not the candidate tell the truth?' he asked."]),
    # The splitter leaves the next paragraph's opening mark on this one: moved where it opens.
    ('He said: "We will fight this decision all the way. "Then we go to court," he added.',
     ['He said: "We will fight this decision all the way.',
      '"Then we go to court," he added.']),
    # A mark set off by spaces on both sides closes the quotation before it.
    ('He said: "We will fight this decision all the way. " Then the meeting ended early.',
     ['He said: "We will fight this decision all the way. "',
      'Then the meeting ended early.']),
    # A question closing a quotation is not the end of a sentence whose speaker follows.
    ('"So why would I say something that was not true for me?" Travolta asked. "It would '
     'not make sense."',
     ['"So why would I say something that was not true for me?" Travolta asked.',
      '"It would not make sense."']),
    # An abbreviation's stop is no paragraph end; a closing mark is no opening one.
    ("Talks with the U.S. 'Sanctions Committee' ended late on Friday.", None),
    ("He said: 'We are ready.' 'Good,' she replied.", ["He said: 'We are ready.'",
                                                       "'Good,' she replied."]),
])
def it_splits_where_a_quotation_reopens_in_a_new_paragraph(text, parts):
    article = Article(SourceInfo(file="a.txt"), (text,))
    assert [s.text for s in segment(article)] == (parts or [text])


@pytest.mark.parametrize("text, parts", [
    ("She drove her daughter and her boyfriend, Army Spc. Caleb Barnes, to a concert.", None),
    ("The vote was led by Sen. Jeff Sessions of Alabama.", None),
    # a rank at a paragraph's end, or before a word in lower case, ends nothing new
    ("He was promoted to Sgt. in 2010. Then he left.",
     ["He was promoted to Sgt. in 2010.", "Then he left."]),
])
def it_keeps_a_rank_with_the_name_after_it(text, parts):
    assert [s.text for s in segment(article(text))] == (parts or [text])


@pytest.mark.parametrize("text, parts", [
    # a title with a full stop inside it: a sentence never opens on a word, a comma, a verb
    ("Most of the report, entitled Putin. War, is based on facts. It was published.",
     ["Most of the report, entitled Putin. War, is based on facts.", "It was published."]),
    # a connective, a question, a list: real sentence starts stay apart
    ("The talks ended. However, it is not over.", ["The talks ended.", "However, it is not over."]),
    ("The talks ended. So, is it over?", ["The talks ended.", "So, is it over?"]),
    ("The talks ended. Today, we are ready.", ["The talks ended.", "Today, we are ready."]),
])
def it_keeps_a_title_with_a_full_stop_in_one_sentence(text, parts):
    assert [s.text for s in segment(article(text))] == parts
