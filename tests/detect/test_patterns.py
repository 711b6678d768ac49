"""Word lists as grouped alternations match exactly as the plain alternation of the words."""

from __future__ import annotations

import re

import pytest

from include.governance.detect import addresses, cued_names
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


def test_patterns_are_grouped_as_written():
    """Street endings are patterns ("str." ends "Hauptstr." and "Hauptstrø"): a greedy word
    before them backtracks through each, as in the plain alternation."""
    texts = ["Storgata 5, Kirkeveien 12", "Hauptstr. 7 Hauptstrø 8 Lindenallee 3", "Ågata 1"]
    around = r"(?<![\w-])[A-ZÆØÅ][a-zæøåäöüé-]*(?:{}) \d+"
    plain = re.compile(around.format("|".join(addresses._ENDINGS)))
    grouped = re.compile(around.format(alternation(addresses._ENDINGS, patterns=True)))
    found = [[m.span() for m in plain.finditer(t)] for t in texts]
    assert [[m.span() for m in grouped.finditer(t)] for t in texts] == found
    assert all(found)
    with pytest.raises(ValueError, match="letter"):
        alternation(["(?:a|b)c"], patterns=True)
