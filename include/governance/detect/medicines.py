"""Medicines by name in free text: a person's medicine says what they are treated for.

The names come from a maintained list, drug-named-entity-recognition's dictionary (generic
and brand names from DrugBank, MeSH, MedlinePlus and Wikipedia, some 26,000 single words),
less the words frequent in any of the customers' languages (wordfreq's lists of Zipf 3
and over: "tretten", "namn", "lastet" are names of substances there too), and less the
short ones (chemical abbreviations). Its generic names are found in their Nordic
spellings too, as Felleskatalogen and FASS write them ("diklofenak", "spironolakton",
"amoksicillin", "metadon"). It lacks the Nordic brands, which :mod:`health_terms` lists by
ATC class, frequent or not ("Paracet", "Waran", "penicillin").

Read on first use (about a second and a half, once per process), never at import. The
package's module is not imported: it reads a cache in the home folder and may call out;
only its data file is read.
"""

from __future__ import annotations

import bz2
import pickle
import re
from collections.abc import Iterator
from functools import cache
from importlib.metadata import distribution

from include.governance.detect import health_terms
from include.governance.detect.spans import Span

LANGUAGES = ("en", "nb", "sv", "da", "de", "fi", "pl", "lt")
MIN_LETTERS = 5  # shorter names are mostly chemical abbreviations ("dmso", "acth")
_DATA = "drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2"
_WORD = re.compile(r"(?<![\w-])[^\W\d_]{4,}(?=-|(?![\w-]))")
# English and Latin spellings of a generic name as the Nordic countries write it: "c" before
# a hard vowel or consonant as "k", "x" as "ks", "th", "ph", and no final "e" after a
# consonant ("diclofenac" -> "diklofenak", "methadone" -> "metadon").
_NORDIC_SPELLINGS = (
    (re.compile(r"c(?![eiy])"), "k"), (re.compile(r"x"), "ks"), (re.compile(r"th"), "t"),
    (re.compile(r"ph"), "f"), (re.compile(r"(?<=[^aeiouy])e$"), ""),
)  # fmt: skip


def medicine_names(text: str) -> Iterator[Span]:
    """Each word that names a medicine (before a hyphen too: "Humira-sprøyter")."""
    names = _names()
    for match in _WORD.finditer(text):
        if match[0].lower() in names:
            yield Span("health", match.start(), match.end())


def load_medicine_names() -> None:
    """Read the list now, not in the first text a process searches."""
    _names()


@cache
def _names() -> frozenset[str]:
    import wordfreq

    frequent = {w for lang in LANGUAGES for w in wordfreq.iter_wordlist(lang, "small")}
    with bz2.open(distribution("drug-named-entity-recognition").locate_file(_DATA)) as file:
        variants = pickle.load(file)["drug_variant_to_canonical"]  # the package's own data
    names = {name for name in variants if name.isalpha()}
    listed = {
        spelt
        for name in names
        for spelt in (name, _nordic(name))
        if len(spelt) >= MIN_LETTERS and spelt not in frequent
    }
    return frozenset(listed | {name.lower() for name in health_terms.MEDICINES})


def _nordic(name: str) -> str:
    for pattern, replacement in _NORDIC_SPELLINGS:
        name = pattern.sub(replacement, name)
    return name
