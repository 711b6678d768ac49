"""Word lists as grouped alternations match exactly as the plain alternation of the words."""

from __future__ import annotations

import re

import pytest

from include.governance.detect import cued_names
from include.governance.detect.patterns import alternation

# Words that are each other's beginnings, in both orders (the first that fits wins), words
# of one letter, of several words, with signs and letters beyond ASCII, in two cases.
WORDS = [
    ("kunde", "kunden", "kundens", "k", "kone", "Kari"),
    ("kundens", "kunden", "kunde", "c/o", "v/", "it's", "ask for", "søker", "Søster", "ønsker"),
    tuple(sorted((*cued_names.PERSON_WORDS, *cued_names.GREETINGS), key=len, reverse=True)),
]
TEXTS = [
    "kunden Kari ringte",
    "Kundens sønn, Per, c/o Hansen v/ Berg",
    "ask for Ola; it's Søster Marit. ønsker KONE",
    "kundenservice kundens kunde k kone-Kari",
    " ".join(cued_names.PERSON_WORDS + cued_names.GREETINGS).upper(),
    " ".join(w.capitalize() for w in cued_names.PERSON_WORDS) + " slutt",
]


def _matches(pattern: str, flags: int = 0) -> list[list[tuple[int, int, str]]]:
    compiled = re.compile(pattern, flags)
    return [[(m.start(), m.end(), m[0]) for m in compiled.finditer(t)] for t in TEXTS]


@pytest.mark.parametrize("words", WORDS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("around", ["{}", r"(?<![\w-])(?:{})\s*[:,]?\s*(?P<n>[A-ZØ]\w+)"])
def test_a_grouped_alternation_matches_as_the_plain_one(words, flags, around):
    """Same places, same text: with what follows the words too, which decides, when a
    longer word fails, whether a shorter one after it is tried."""
    plain = around.format("|".join(map(re.escape, words)))
    grouped = around.format(alternation(words, ignore_case=bool(flags)))
    assert _matches(grouped, flags) == _matches(plain, flags)
    assert any(_matches(plain, flags))


def test_words_are_grouped_by_their_first_letter():
    assert alternation(["kunden", "kunde", "client"]) == "(?:k(?:unden|unde)|c(?:lient))"
    assert alternation(["Kunde", "kunde", "k"], ignore_case=True) == "(?:K(?:unde|unde|))"
