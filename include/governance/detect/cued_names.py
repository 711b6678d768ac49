"""Names after the words that introduce a person: "kunde: Sivakumar Rajendran", "Navn:
Trine", "her daughter Aisha", "Mannen, Trygve, har ...", "Kunden (Shazia Rana)".

After such a cue a name is any capitalised words, from any country: no list of names
knows them all. After a label ("Navn:", "Name") a name typed in lower case counts too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from include.governance.detect.name_lists import NAME_PARTICLE, NAME_WORD, NOT_PERSON_WORDS
from include.governance.detect.spans import Span

# Words that introduce a person; a plural or a definite form is the same cue.
_PEOPLE = (
    "kunde", "kunden", "kundens", "customer", "client", "klient", "pasient", "pasienten",
    "patient", "søker", "søkeren", "applicant", "kontaktperson", "contact", "pårørende",
    "mottaker", "mottakeren", "recipient", "bruker", "brukeren", "user", "beboer",
    "beboeren", "resident", "nabo", "naboen", "neighbour", "neighbor", "verge", "vergen",
    "guardian", "mann", "mannen", "ektemann", "husband", "kone", "kona", "wife", "sambo",
    "samboer", "samboeren", "partner", "partneren", "sønn", "sønnen", "son", "datter",
    "datteren", "dattera", "daughter", "mor", "mora", "moren", "mother", "mum", "mom",
    "far", "faren", "father", "dad", "bror", "broren", "brother", "søster", "søsteren",
    "sister", "barnebarn", "barnebarnet", "grandson", "granddaughter", "grandchild",
    "svigersønn", "svigerdatter", "svigermor", "svigerfar", "son-in-law",
    "daughter-in-law", "mother-in-law", "father-in-law", "onkel", "uncle", "tante", "aunt",
    "nevø", "niece", "nephew", "venn", "vennen", "venninne", "friend", "hjemmesykepleier",
    "sykepleier", "nurse", "carer", "caregiver", "helper", "hjelper", "ringte", "called",
    "signed", "signert", "attn", "att", "v/", "c/o",
)  # fmt: skip
_LABELS = ("navn", "name", "fullt navn", "full name", "kontakt", "contact name")
_POSSESSIVE = (
    r"(?:\s+(?:hennes|hans|deres|sin|si|sitt|hers|his|their|til\s+kunden|of\s+the\s+customer))?"
)
_NAME = rf"{NAME_WORD}(?:\s+(?:{NAME_PARTICLE}\s+)?{NAME_WORD}){{0,3}}"
_LOWER_NAME = r"[a-zæøå][a-zæøå-]+(?:\s+[a-zæøå][a-zæøå-]+)?"
_CUED = re.compile(
    rf"(?<![\w-])(?i:{'|'.join(map(re.escape, _PEOPLE))}){_POSSESSIVE}\s*[:,(]?\s*(?P<name>{_NAME})"
)
_LABELLED = re.compile(
    rf"(?<![\w-])(?i:{'|'.join(_LABELS)})\s*:?\s*(?P<name>{_NAME}|{_LOWER_NAME})(?=\s*[.,;)(]|\s+\(|$)"
)
# Capitalised words a cue is often followed by that are not a name.
_NOT_NAMES = frozenset(
    {
        "AS", "ASA", "Service", "Support", "Kundeservice", "Ordre", "Order", "Nr", "No",
        "ID", "Id", "IBAN", "Tlf", "Mobil", "Phone", "Epost", "E-post", "Email", "The",
        "Den", "Det", "Han", "Hun", "He", "She", "They", "De", "Vi", "We", "I", "Og", "And",
        "Har", "Has", "Is", "Er", "Was", "Var", "Vil", "Will", "Skal", "Kan", "Can",
    }
)  # fmt: skip


def cued_names(text: str) -> Iterator[Span]:
    for pattern in (_CUED, _LABELLED):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            words = text[start:end].split()
            while words and (words[-1] in _NOT_NAMES or words[-1] in NOT_PERSON_WORDS):
                words.pop()
            if not words or words[0] in _NOT_NAMES:
                continue
            yield Span("person_name", start, start + len(" ".join(words)))
