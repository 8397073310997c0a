"""Long articles for the tests and the benchmarks: news-like sentences naming many distinct
people, organisations and places, the same text for the same length every run."""

from __future__ import annotations

import itertools

FIRST = ["Sergey", "Imran", "Shah", "Maria", "Olaf", "Amina", "Javier", "Li", "Fatima", "Kofi",
         "Elena", "Rahul", "Ngozi", "Pierre", "Yuki", "Hassan", "Ingrid", "Tomasz", "Aisha",
         "Carlos", "Mei", "Dmitri", "Noura", "Jonas"]
LAST = ["Petrov", "Qureshi", "Haddad", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski",
        "Mensah", "Ibrahim", "Alvarez", "Chen", "Novak", "Singh", "Eriksen", "Baptiste",
        "Yamamoto", "Rahman", "Fischer", "Costa"]
ROLES = ["Foreign Minister", "Finance Minister", "Prime Minister", "Energy Minister",
         "President", "Ambassador", "Governor", "Defence Minister"]
COUNTRIES = ["Pakistan", "Russia", "China", "India", "Germany", "France", "Brazil", "Nigeria",
             "Kenya", "Japan", "Turkey", "Egypt", "Poland", "Mexico", "Indonesia", "Canada"]
ORGANISATIONS = ["the World Bank", "the International Monetary Fund", "the United Nations",
                 "the African Union", "the European Union", "the World Health Organization",
                 "the Asian Development Bank", "the World Trade Organization"]
SENTENCES = [
    "{role} {name} said on Monday that {a} and {b} would sign a trade agreement worth "
    "${n}bn by the end of the year.",
    "{name}, the {role} of {a}, warned that talks with {org} could collapse if no deal "
    "was reached within {n} days.",
    "Exports from {a} to {b} rose by {n} percent last year, according to figures "
    "published by {org}.",
    "{role} {name} met officials from {org} in {a} to discuss the gas pipeline and the "
    "{n} million tonnes of grain still held in port.",
    "Analysts said the visit by {name}, one of {n} this year, showed that {a} was seeking "
    "a larger role in the region, while {b} remained cautious.",
    "{name} is expected to visit {b} in June to finalise a loan of ${n}bn from {org}.",
    "The agreement between {a} and {b} will create {n},000 jobs, {role} {name} told "
    "reporters.",
    "Critics in {a} argued that the deal with {org} would increase debt, and {name} "
    "promised a review within {n} days.",
]


PEOPLE = [f"{first} {last}" for last, first in itertools.product(LAST, FIRST)]  # 480


def sentence(i: int, k: int = 0) -> str:
    """Return sentence `i` of the recipe (`k` varies it within a paragraph).

    No two (i, k) below 46,560 sentences give the same text — person and number together
    are unique — so a long article does not flatter the benchmarks with repeats that a
    real document would not have."""
    j = i * 4 + k
    return SENTENCES[j % len(SENTENCES)].format(
        name=PEOPLE[j % len(PEOPLE)], role=ROLES[(j // 3) % len(ROLES)],
        a=COUNTRIES[i % len(COUNTRIES)], b=COUNTRIES[(i * 3 + 1) % len(COUNTRIES)],
        org=ORGANISATIONS[(j // 5) % len(ORGANISATIONS)], n=(j // len(PEOPLE)) % 97 + 2)


def article(words: int) -> str:
    """Return an article of about `words` words, in paragraphs of five sentences."""
    sentences, count = [], 0
    for i in itertools.count():
        sentences.append(sentence(i // 4, i % 4))
        count += len(sentences[-1].split())
        if count >= words:
            break
    return "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))
