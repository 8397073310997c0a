"""When a "what to watch" entry happens, as a date: "June 4" in an article of 7 April 2021
is 2021-06-04, "next Monday" is the Monday after it. Only what the text and the article's
own date settle; anything vaguer ("later this year", "by 2030") stays as written."""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DATES = (re.compile(rf"\b{_MONTH}\s+{_DAY}{_YEAR}\b"),
          re.compile(rf"\b{_DAY}\s+{_MONTH}{_YEAR}\b"))
_IN = re.compile(r"\bin\s+(?:about\s+|around\s+|some\s+)?(?P<count>a|an|one|two|three|four|five|"
                 r"six|\d+)\s+(?P<unit>day|week)s?\b", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def resolve(when: str, published: str | None) -> str | None:
    """Return the ISO date `when` names, or None when the text or the article's date
    (`published`, ISO) do not settle it."""
    today = _day(published)
    for pattern in _DATES:
        match = pattern.search(when)
        if match and match.group("month").lower() in _MONTHS:
            year = int(match.group("year")) if match.group("year") else None
            if year is None and today is None:
                return None
            try:
                found = date(year or today.year, _MONTHS[match.group("month").lower()],
                             int(match.group("day")))
            except ValueError:
                return None
            if year is None and found < today:  # "January 5" in a December article
                found = found.replace(year=found.year + 1)
            return found.isoformat()
    if today is None:
        return None
    weekday = next((d for d in _WEEKDAYS if re.search(rf"\b{d}\b", when, re.I)), None)
    if weekday:
        ahead = (_WEEKDAYS.index(weekday) - today.weekday()) % 7 or 7
        return (today + timedelta(days=ahead)).isoformat()
    match = _IN.search(when)
    if match:
        count = _COUNTS.get(match.group("count").lower()) or int(match.group("count"))
        days = count * (7 if match.group("unit").lower() == "week" else 1)
        return (today + timedelta(days=days)).isoformat()
    return None


def in_date_order(events: tuple) -> tuple:
    """Return "what to watch" entries (`Event`s) in date order, those with no settled date
    last, in the order they came (the sort is stable)."""
    return tuple(sorted(events, key=lambda e: (e.on is None, e.on or "")))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
