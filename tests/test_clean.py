import pytest

from brief.extract.clean import clean


def core(text: str) -> str | None:
    span = clean(text)
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize(("text", "expected"), [
    ("(CNN)ESPN's Britt McHenry found herself in the news.",
     "ESPN's Britt McHenry found herself in the news."),
    ("New Delhi, India (CNN)As the earth shook in Nepal, tremors were felt.",
     "As the earth shook in Nepal, tremors were felt."),
    ("LONDON, England (Reuters) -- Talks resumed on Monday.", "Talks resumed on Monday."),
    ("By . Daily Mail Reporter . PUBLISHED: 12:01 EST, 1 May 2013 | . UPDATED: 12:02 EST, "
     "1 May 2013 . A man was arrested on Monday.", "A man was arrested on Monday."),
    ("Rhodri Giggs outside Manchester Magistrates Court yesterday, where he was banned from "
     "driving The brother of ex-footballer Ryan Giggs has lost his job.",
     "The brother of ex-footballer Ryan Giggs has lost his job."),
    ("Transport for London (TfL) said it would save £50m.",
     "Transport for London (TfL) said it would save £50m."),
    ("He met The Hague's judges on Monday and left.",
     "He met The Hague's judges on Monday and left."),
    # related-link headlines run together before the sentence, as scraped
    ("BBC team attacked while investigating soldiers' deathsRussian families look for "
     "soldier sonsMr Yashin said the opposition would seek donations.",
     "Mr Yashin said the opposition would seek donations."),
    ("Share this withEmailFacebookTwitterCopy this linkHarry Whitlam died in August 2013.",
     "Harry Whitlam died in August 2013."),
    # a brand's capital is no glue: "iPhone", "McDonald's", "YouTube"
    ("Apple sold the iPhone at McDonald's stores and on YouTube channels last year.",
     "Apple sold the iPhone at McDonald's stores and on YouTube channels last year."),
])
def it_keeps_the_article_text_of_a_sentence(text, expected):
    assert core(text) == expected


@pytest.mark.parametrize("text", [
    "Scroll down for video", "Share this withEmailFacebookMessengerTwitter",
    "Attempt missed.", "Substitution, Wrexham. Jay Harris replaces Rob Evans.",
    "Follow @BBCSport on Twitter", "Click here to read more", "Media playback is unsupported",
    "You can keep up to date with all the scores, fixtures and results with BBC Sport.",
])
def it_drops_page_furniture(text):
    assert core(text) is None
