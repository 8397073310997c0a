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
