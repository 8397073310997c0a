import pytest

from brief.extract.quantities import figures_in, normalise
from brief.model import Sentence


@pytest.mark.parametrize(("value", "amount", "unit"), [
    ("46 percent", 46, "%"), ("12 per cent", 12, "%"), ("3 percentage points", 3,
                                                          "percentage points"),
    ("$4.5bn", 4.5e9, "USD"), ("US$3m", 3e6, "USD"), ("£38,831", 38831, "GBP"),
    ("€2 million", 2e6, "EUR"), ("1.6 billion cubic feet per day", 1.6e9, "cubic feet per day"),
    ("50,000 doses", 50000, "doses"), ("nine years", 9, "years"),
])
def it_normalises_quantities(value, amount, unit):
    assert normalise(value) == (pytest.approx(amount), unit)


def it_finds_figures_with_what_they_measure():
    sentence = Sentence("s4", "Trade rose by 46 percent to $2.3bn, and two nations agreed on "
                        "3 May 2021 to ship 50,000 doses of vaccine.", 0, 0, 0)
    found = {f.value: f for f in figures_in(sentence)}
    assert set(found) == {"46 percent", "$2.3bn", "50,000 doses"}
    assert found["50,000 doses"].measure == "vaccine"
    assert found["$2.3bn"].unit == "USD" and found["46 percent"].sentences == ("s4",)


@pytest.mark.parametrize(("text", "value"), [
    # the same figure again in brackets, in other terms: no measure of its own
    ("Aldi came in next, followed by Marks & Spencer, on 7 per cent (£18,786).", "£18,786"),
    # an attribution is no measure ("4.2% — Swinney said")
    ("It would rise by 4.2% Swinney said on Monday.", "4.2%"),
    # the tail of a number the pattern split ("$10,000 in bail…")
    ("A $10, 000 in bail was posted for him after five days.", "five days"),
    # never a measure from the sentence before, across a full stop and a quotation mark
    ("'Scots want a higher minimum wage, rises in pensions and lower energy bills. 'There "
     "is also a preference for spending even if the deficit is not cut in the next five "
     "years and tax increases for the wealthy.", "five years"),
    # a range's first bound: the measure would end on "between"
    ("He is asked to drive two days a week for between £40,000 and £50,000-a-year.",
     "£40,000"),

])
def it_gives_no_figure_whose_measure_would_be_a_fragment(text, value):
    found = {f.value: f.measure for f in figures_in(Sentence("s1", text, 0, 0, 0))}
    assert value not in found, found


def it_cuts_a_long_measure_at_a_word_that_ends_a_phrase():
    text = ("He faces three years behind bars if he fails to pay the fine in full by June.")
    (figure,) = figures_in(Sentence("s1", text, 0, 0, 0))
    assert figure.value == "three years"
    assert figure.measure.split()[-1] not in ("the", "to", "or", "it")
    assert text.find(figure.measure) > 0  # still the source's own words


def it_reads_millions_written_close_up():
    text = "There are approximately 12million undocumented immigrants in the United States."
    (figure,) = figures_in(Sentence("s1", text, 0, 0, 0))
    assert (figure.value, figure.amount) == ("12million", 12e6)
    assert figure.measure == "undocumented immigrants in the United States"
