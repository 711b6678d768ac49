"""Names in free text found through the name lists, and found again where they repeat.

A run of capitalised words is a name when it starts with a known given name ("Kari
Nordmann", "Grzegorz Wiśniewski-Lund"), with a word that is no common one before a known
surname ("Audun Berg"), with a known surname and then a given name ("Nguyen Van Hung"),
with initials before a known name ("K. Johansen"), or when it follows a title
("Fru Hansen"), a word for a person with a known name after it ("kunden Kari", "spoke to
Hansen"), or a verb that names ("heiter Gjertrud Tveito"). A word for a person or a date of
birth after the run makes it a name too ("Ulvhild, datteren hans", "Tesfay Aasheim (son)",
"Ulvhild Brekkestø, født ...").

A given name standing alone counts when it is on a home locale's list and not an everyday
word ("ring Lise i morgen"); at a sentence's start, where every word is capitalised, it
must be rarer still; a far locale's name counts only inside a sentence, and if it is no
common word ("ring Grzegorz"). Any given name counts before a verb only a person does ("Finn
ringte", "Arne vil ha") or an initial ("Kari H."). Possessives count as the name: "Karis", "Kari's".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from include.governance.detect.cued_names import PERSON_VERBS, PERSON_WORDS, TALKED_TO
from include.governance.detect.name_lists import (
    COMMON_ZIPF,
    EVERYDAY_ZIPF,
    LEGAL_FORM_AFTER,
    NAME_INITIAL,
    NAME_PARTICLE,
    NAME_TITLES,
    NAME_WORD,
    NOT_PERSON_WORDS,
    SENTENCE_START_ZIPF,
    home_given_names,
    is_given_name,
    is_known_name,
    is_norse_full_name,
    not_person_names,
    surnames,
    zipf,
)
from include.governance.detect.spans import Span

MAX_NAME_WORDS = 4  # the most words a name has; the rest of a longer run is not part of it
# One word of a run, or an initial; an "'s" after it is left out of the word.
_WORD = re.compile(rf"(?<![\w'’-])(?:{NAME_WORD}|{NAME_INITIAL})(?=['’]s(?!\w)|(?![\w'’-]))")
# Words after which a known given name or surname is a person's: "kunden Kari", "Mvh Arne".
_PERSON_CUES = frozenset(
    {
        "kunde", "kunden", "customer", "kontaktperson", "contact", "mottaker", "recipient",
        "pasient", "pasienten", "patient", "søker", "søkeren", "applicant", *TALKED_TO,
        "mvh", "hilsen", "regards", "thanks", "takk", "cheers",
    }
)  # fmt: skip
# Verbs that give a name: what follows is a person's when it is a known name or a full one.
_NAMING = frozenset({"heter", "heiter", "het", "named"})
# What after a run of capitalised words says it is a person: "Ulvhild, datteren hans",
# "Ulvhild, her daughter", "Tesfay Aasheim (son)", "Ulvhild Brekkestø, født 3. mai 1941".
_PEOPLE = "|".join(map(re.escape, PERSON_WORDS))
_WHOSE = r"(?:hennes|hans|deres|hers|his|their|til\s+kunden|of\s+the\s+customer)"
_HIS = r"(?:hennes|hans|deres|her|his|their)"
_PERSON_AFTER = re.compile(
    rf"(?i:\s*\((?:{_PEOPLE})\)|\s*,\s*(?:(?:{_PEOPLE})\s+{_WHOSE}|{_HIS}\s+(?:{_PEOPLE}))\b)"
)
_BORN_AFTER = re.compile(r",?\s*(?:født|f\.|born|b\.|DOB)(?!\w)")
# A verb only a person does after a given name makes it a person's, however everyday: "Per
# ringte", "Arne vil ha".
_PERSON_VERB_AFTER = re.compile(rf"\s+(?:{'|'.join(PERSON_VERBS)})(?!\w)")
_JOIN = re.compile(rf" (?:{NAME_PARTICLE} ){{0,2}}")  # between two words of a run
_CUE_WINDOW = 30  # characters before a run that a cue is looked for in
_SENTENCE_ENDS = '.!?:;"«“•*–—-'


def listed_names(text: str) -> Iterator[Span]:
    """The names in each run of capitalised words; a run with a business word, or followed
    by a legal form, has none."""
    for chain in _word_chains(text):
        words = [text[start:end] for start, end in chain]
        if not NOT_PERSON_WORDS.isdisjoint(words) or LEGAL_FORM_AFTER.match(text, chain[-1][1]):
            continue
        first, last = _name_in_chain(text, chain, words)
        if first < last:
            yield Span("person_name", chain[first][0], chain[last - 1][1])


def repeated_names(text: str, names: list[Span]) -> list[Span]:
    """The words of names already found (not their initials), wherever else they stand
    alone in the text, possessives too: after "Per Hansen", "Per var fornøyd" is his."""
    words = {w for s in names for w in text[s.start : s.end].split() if not w.endswith(".")}
    if not words:
        return []
    return [
        Span("person_name", *m.span())
        for m in _WORD.finditer(text)
        if m[0] in words or (m[0].endswith("s") and m[0][:-1] in words)
    ]


def _word_chains(text: str) -> Iterator[list[tuple[int, int]]]:
    """Runs of capitalised words separated by single spaces or a surname's particles ("de
    la", "van der"), as (start, end) pairs."""
    chain: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        if chain and not _JOIN.fullmatch(text, chain[-1][1], match.start()):
            yield chain
            chain = []
        chain.append(match.span())
    if chain:
        yield chain


def _name_in_chain(text: str, chain: list[tuple[int, int]], words: list[str]) -> tuple[int, int]:
    """Which words of a chain are a name, as a slice (first, last); empty when none. The cue
    or title before a name may be the chain's first word ("Kunde Kari") or precede it."""
    at_start = _starts_sentence(text, chain[0][0])
    before = _words_before(text, chain[0][0])
    for i in range(len(words)):
        cues = before if i == 0 else [words[i - 1].casefold()]
        if _starts_name(words[i:], cues, at_start and i == 0):
            return i, min(len(words), i + MAX_NAME_WORDS)
    # a sentence's first word is not part of the name after it: "Hilsen Kari", "Ring Lise"
    first = 1 if len(words) > 1 and at_start and _sentence_word(words[0]) else 0
    end = chain[-1][1]
    if len(words) == first + 1 and (
        _lone_name(words[first], at_start and not first)
        or (_PERSON_VERB_AFTER.match(text, end) and _listed(words[first], is_given_name))
    ):
        return first, first + 1
    if _PERSON_AFTER.match(text, end) or (
        _BORN_AFTER.match(text, end) and (len(words) > 1 or is_known_name(words[0]))
    ):
        return first, min(len(words), first + MAX_NAME_WORDS)
    return 0, 0


def _starts_name(words: list[str], cues: list[str], at_start: bool) -> bool:
    """Whether a name starts at ``words[0]``, given the (lower-case) words before it."""
    word, rest = words[0], words[1:]
    names = [w for w in rest if not w.endswith(".")]  # past initials: "Ola M. Hansen"
    if cues[-1:] and cues[-1] in NAME_TITLES:
        return True
    if not _PERSON_CUES.isdisjoint(cues) and _listed(word, is_known_name):
        return True
    if cues[-1:] and cues[-1] in _NAMING and (rest or _listed(word, is_known_name)):
        return True
    if word.endswith("."):  # initials before a known name: "E. Sørensen", "K. M. Hansen"
        return bool(names) and is_known_name(names[0])
    if rest and not names:  # a given name and an initial: "Kari H."
        return _listed(word, is_given_name)
    if names and _listed(word, is_given_name):
        return _leads_chain(word, names[0], at_start)
    if rest and is_norse_full_name(word, rest[0]):
        return True
    if rest and rest[0] in surnames() and zipf(word) < COMMON_ZIPF:
        return word not in not_person_names()  # a given name no list has: "Audun Berg"
    # the surname first, as Vietnamese, Chinese and Hungarian names are written
    return bool(rest) and word in surnames() and is_given_name(rest[0]) and zipf(word) < COMMON_ZIPF


def _leads_chain(word: str, after: str, at_start: bool) -> bool:
    """Whether a given name leads the capitalised word after it into a name, as a home
    list's name does unless it starts a sentence as an everyday word ("Mark Topro"). A far
    list's name must not be a common word ("Bergen", "Hamar" are towns before they are
    names). Either does when a known name follows ("Per Hansen")."""
    if is_known_name(after):
        return True
    if _listed(word, home_given_names().__contains__):
        return not at_start or zipf(word) < EVERYDAY_ZIPF
    return zipf(word) < COMMON_ZIPF


def _lone_name(word: str, at_start: bool) -> bool:
    """A given name standing alone: no everyday word if on a home list; if on a far one, no
    common word and not at a sentence's start ("Manus er klart"); no language or country."""
    if word in not_person_names():
        return False
    if _listed(word, home_given_names().__contains__):
        return zipf(word) < (SENTENCE_START_ZIPF if at_start else EVERYDAY_ZIPF)
    return not at_start and _listed(word, is_given_name) and zipf(word) < COMMON_ZIPF


def _sentence_word(word: str) -> bool:
    """A sentence's capitalised first word that is a common word and no given name."""
    return zipf(word) >= COMMON_ZIPF and not is_given_name(word)


def _listed(word: str, is_name: Callable[[str], bool]) -> bool:
    """Whether ``word`` passes ``is_name``, or is a name's possessive: "Karis", "Hansens"."""
    return is_name(word) or (word.endswith("s") and len(word) > 3 and is_name(word[:-1]))


def _starts_sentence(text: str, start: int) -> bool:
    """Whether ``start`` begins the text or a sentence, where any word is capitalised."""
    before = text[max(0, start - _CUE_WINDOW) : start].rstrip()
    if not before:
        return True
    if before[-1] not in _SENTENCE_ENDS:
        return False
    words = before.split()
    last = words[-1].rstrip(".").casefold() if words else ""
    return not (before[-1] == "." and (last in NAME_TITLES or len(last) == 1))


def _words_before(text: str, start: int) -> list[str]:
    """The two words before ``start`` as one cue ("spoke with"), then the word just before
    it ("kunde: Kari", "Mr. Smith"), lower case, without a trailing ``.`` or ``:``; empty
    when no space separates them from ``start``."""
    before = text[max(0, start - _CUE_WINDOW) : start]
    if not before[-1:].isspace():
        return []
    words = [w.rstrip(".:").casefold() for w in before.split()[-2:]]
    return [" ".join(words[i:]) for i in range(len(words))]
