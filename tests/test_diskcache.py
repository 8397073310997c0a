"""The disk cache: what it gives back equals what it would work out; a damaged entry or a
folder others may write is never trusted."""

from __future__ import annotations

import os
import sys

import pytest

from brief import diskcache


@pytest.fixture
def temp(tmp_path, monkeypatch):
    monkeypatch.setattr(diskcache.tempfile, "gettempdir", lambda: str(tmp_path))
    return tmp_path


def it_works_a_value_out_once_and_reads_it_back_after(temp):
    calls = []

    def build():
        calls.append(1)
        return {"Scott": "M", "Nicola": "F"}

    assert diskcache.load("names", "k1", build) == {"Scott": "M", "Nicola": "F"}
    assert diskcache.load("names", "k1", build) == {"Scott": "M", "Nicola": "F"}
    assert len(calls) == 1
    diskcache.load("names", "k2", build)  # the source changed: worked out again
    assert len(calls) == 2


def it_works_a_damaged_entry_out_again(temp):
    diskcache.load("names", "k", lambda: {"a": "M"})
    (entry,) = [p for p in temp.rglob("names-k.marshal")]
    entry.write_bytes(b"\x00garbage")
    assert diskcache.load("names", "k", lambda: {"b": "F"}) == {"b": "F"}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def it_does_not_use_a_folder_others_may_write(temp):
    folder = temp / f"brief-cache-{os.getuid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert diskcache.load("names", "k", lambda: {"a": "M"}) == {"a": "M"}
    assert list(folder.iterdir()) == []


def it_gives_the_given_names_it_would_parse():
    from importlib.resources import files

    from brief.extract import actors

    data = (files("gender_guesser") / "data" / "nam_dict.txt").read_bytes()
    assert actors._given_names() == actors._parse_names(data)
