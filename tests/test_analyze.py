import pytest

from brief.extract.analyze import analyze, starts_dangling, topic_of
from brief.extract.segment import segment
from brief.model import Article, SourceInfo
from brief.read.source import read

from conftest import SAMPLE


@pytest.fixture(scope="module")
def sample():
    return analyze(segment(read(SAMPLE)))


def features_of(sample, sid):
    return next(f for f in sample.features if f.sentence.id == sid)


def it_finds_people_with_their_titles_and_merges_mentions(sample):
    actors = {a.name: a for a in sample.actors}
    assert actors["Sergey Lavrov"].role == "Russian Foreign Minister"
    assert actors["Shah Mahmood Qureshi"].role == "Foreign Minister"
    assert actors["Imran Khan"].role == "Prime Minister"
    assert actors["Vladimir Putin"].role == "President"
    assert "s23" in actors["Sergey Lavrov"].sentences  # "Lavrov" alone is Sergey Lavrov
    assert "s13" in actors["Imran Khan"].sentences  # so is "The Prime Minister"


def it_resolves_a_leading_pronoun_to_the_previous_subject(sample):
    assert features_of(sample, "s24").text.startswith("[Lavrov], however, stressed")
    # s10 names the Prime Minister and President Putin: "He" in s11 could be either.
    assert features_of(sample, "s11").text is None
    assert features_of(sample, "s28").text.startswith("[Lavrov] recalled")


def it_marks_unresolvable_openings_as_unusable(sample):
    assert features_of(sample, "s17").text is None  # "Moreover, …"
    assert features_of(sample, "s31").text is None  # "These are principles…"


def it_reads_quantities_with_what_they_measure(sample):
    figures = {f.value: f for f in sample.features[22].figures + sample.features[24].figures}
    assert figures["46 percent"].measure == "increase in trade between them"
    assert figures["1.6 billion cubic feet per day"].sentences == ("s25",)


def it_ignores_years_and_dates_as_figures():
    a = Article(SourceInfo(file="a.txt"), ("The summit in June 2019 met on 7 April 2021.",))
    assert analyze(segment(a)).features[0].figures == ()


@pytest.mark.parametrize(("text", "topic"), [
    ("The gas pipeline will carry LNG.", "Energy"),
    ("Troops held joint military exercises.", "Defence & security"),
    ("Trade rose by a third.", "Trade & economy"),
    ("Russia provided 50,000 vaccine doses.", "Health"),
    ("The weather was fine.", None),
])
def it_labels_topics_from_the_lexicon(text, topic):
    assert topic_of(text) == topic


@pytest.mark.parametrize(("text", "dangling"), [
    ("He said so.", True),
    ("However, talks stalled.", True),
    ("These are principles.", True),
    ("It is hoped that he will come.", False),
    ("Heathrow expanded.", False),
    ("Lavrov said so.", False),
    # everyone's "our" ("Our young Earth may have collided…") against someone's
    ("Our young Earth may have collided with a body similar to Mercury.", False),
    ("Our bodies need sleep.", False),
    ("Our team won the final.", True),
])
def it_tells_dangling_openings(text, dangling):
    assert starts_dangling(text) is dangling


def it_works_out_a_repeated_sentence_once_yet_credits_each_occurrence():
    # What a text alone decides is shared between sentences alike (see `analyze._Text`);
    # what depends on the sentence (its id, its neighbours) is still its own.
    repeated = "Foreign Minister Shah Mahmood Qureshi said 46 percent of exports went to Russia."
    paragraphs = [repeated, "Trade talks resumed in Islamabad on Monday after a long pause.",
                  repeated + " He said more talks would follow", repeated]
    article = Article(SourceInfo(file="a.txt"), paragraphs)
    sentences = segment(article)
    analysis = analyze(sentences)
    alike = [f for f in analysis.features if f.sentence.text == repeated]
    assert len(alike) == 3
    assert [f.figures[0].sentences for f in alike] == [(f.sentence.id,) for f in alike]
    assert len({(f.centrality, f.keywords, f.topic, f.core) for f in alike}) == 1
    qureshi = next(a for a in analysis.actors if a.name == "Shah Mahmood Qureshi")
    assert [s for s in qureshi.sentences if s in {f.sentence.id for f in alike}] == [
        f.sentence.id for f in alike]
    russia = next(a for a in analysis.actors if a.name == "Russia")
    assert len(russia.sentences) == 3


@pytest.mark.parametrize(("before", "text"), [
    ("But the hitch will not put the crew at risk, NASA said.",
     '"The craft carried no supplies critical to the station," a [NASA] statement said.'),
    ("According to the Foreign Office, the talks ended without a deal on Monday.",
     '"The talks were frank and useful," the [Foreign Office] statement said.'),
    ("The talks ended without a deal on Monday afternoon in the capital.", None),
    ("The talks ended, the Foreign Office said, but the ministry said more.", None),
])
def it_names_whose_statement_it_is_or_does_not_quote_it(before, text):
    """'…," a statement said.' is quoted only with its issuer, named in the sentence
    before: a statement nobody issued is no source."""
    quote = (text or '"The talks were frank and useful," a statement said.').replace(
        "[NASA] ", "").replace("[Foreign Office] ", "")
    article = Article(SourceInfo(file="a.txt"), [before + " " + quote])
    assert analyze(segment(article)).features[1].text == text


@pytest.mark.parametrize(("first", "text"), [
    # A story that names nobody: "she" is the one it is about.
    ("The young woman said she turned to sex work after her loan ran out.",
     "[The young woman] added that money worries meant she struggled at university."),
    # A story that names someone: the unnamed one is not certain, so no insertion.
    ("The young woman said she met Anna Berg after her loan ran out.", None),
    # More than one: "she" cannot mean "the students".
    ("The students said they turned to sex work after their loans ran out.", None),
])
def it_resolves_she_to_the_one_person_a_story_never_names(first, text):
    article = Article(SourceInfo(file="a.txt"), [
        first + " She added that money worries meant she struggled at university."])
    assert analyze(segment(article)).features[1].text == text


@pytest.mark.parametrize(("text", "quoted"), [
    # an article's first sentence: nothing before it for "they" to mean but the name it gives
    ("They played in grey and put in a dull performance, these really are dark days for "
     "Newcastle United.\nThe club announced record profits.", True),
    # …not a name the pronoun is not ("He told The Hollywood Reporter…"), nor later on
    ('He told The Hollywood Reporter he was "super excited" about the role.\nIt opens soon.',
     False),
    ("The club announced record profits.\nThey played in grey, these are dark days for "
     "Newcastle United.", False),
])
def it_quotes_a_first_sentence_whose_pronoun_its_own_name_explains(write, text, quoted):
    article = read(write("a.txt", text + "\n"))
    features = analyze(segment(article)).features
    opening = features[0] if text.startswith(("They", "He")) else features[1]
    assert (opening.text is not None) is quoted
