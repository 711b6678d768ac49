"""Health information in free text: diagnoses, conditions, injuries and treatments in
Norwegian and English, and ICD-10 codes, which the privacy policy keeps out of analytics.

Norwegian joins words: "hofteprotese", "tarmkreft", "lårhalsbrudd". A condition's stem
is therefore found inside a longer word too ("brystkreft" by "kreft"); short or common
words ("slag", "MS", "KOLS") only as whole words. A condition takes the words that
qualify it ("diabetes type 2", "amputert høyre fot", "Crohn's disease").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from include.governance.detect.spans import Span

# Found inside longer words too (Norwegian compounds); lower case.
_STEMS = (
    "diabet", "kreft", "cancer", "tumor", "tumour", "protese", "prosthe", "fraktur",
    "fracture", "brudd", "parkinson", "alzheimer", "demens", "dementia", "epilep",
    "sklerose", "sclerosis", "artrose", "artritt", "arthritis", "osteopor", "astma",
    "asthma", "dialys", "amput", "hjerneslag", "hjerteinfarkt", "infarkt", "hjertesvikt",
    "heart failure", "stroke", "slagtilfelle", "lammet", "lammelse", "paralys",
    "inkontinen", "incontinen", "stomi", "stoma", "kols", "copd", "depresjon", "depress",
    "angst", "anxiety", "schizofren", "bipolar", "psykose", "psychosis", "autism",
    "adhd", "fibromyalgi", "fibromyalgia", "leddgikt", "revmat", "rheumat", "crohn",
    "kolitt", "colitis", "cøliaki", "coeliac", "celiac", "hepatitt", "hepatitis",
    "tuberkul", "sigdcelle", "sickle cell", "anemi", "anaemi", "anemia", "nyresvikt",
    "kidney failure", "kidney disease", "leversvikt", "ryggmargsskade", "spinal cord",
    "hjerneskade", "brain injury", "cerebral pare", "muskelsyk", "muscular dystrophy",
    "dystrofi", "blindhet", "synshemm", "hørselshemm", "døv", "deaf", "insulin",
    "kjemoterapi", "chemotherapy", "cellegift", "strålebehandling", "radiotherapy",
    "operert", "operasjon", "surgery", "kirurgi", "innlagt", "hospitali", "sykehjem",
    "pleiehjem", "nursing home", "rehabilit", "kneprotese", "korsbånd",
    "menisk", "injury", "injured", "sykdom", "disease", "syndrom",
    "syndrome", "allergi", "allergy", "migrene", "migraine", "hypertensjon", "hypertension",
    "høyt blodtrykk", "blodpropp", "blood clot", "trombose", "thrombosis", "lungebetennelse",
    "pneumonia", "gravid", "pregnan", "svangerskap", "rusavhengig",
    "addiction", "alkoholis", "alcoholi", "selvmord", "suicid", "overdose", "nevropat",
    "neuropat", "svaksynt", "dårlig syn", "dårlig hørsel", "hørselstap", "hearing loss",
    "vision loss", "synstap", "sight loss", "visually impaired", "hearing impaired",
)  # fmt: skip
# Only as whole words (too short, or a common word inside others); case as written for
# the abbreviations.
_WORDS = ("slag", "slaget", "parese", "abort", "blind", "lam", "sår", "wound", "ulcer", "sårskade",
          "gikt", "gout", "ME", "MS", "ALS", "KOLS", "COPD", "CP", "HIV", "AIDS", "PTSD",
          "PTSS", "ADHD", "DVT", "TIA", "KLL", "CLL")  # fmt: skip
_ABBREVIATIONS = {w for w in _WORDS if w.isupper()}
# Everyday words a stem hides in: "bekreft" (confirm) holds "kreft" (cancer).
_NOT_HEALTH = ("bekreft",)
_AFTER = (
    r"(?:'s)?(?:\s+(?:type\s*[12I]{1,2}|disease|syndrome|sykdom|syndrom|grad\s*\d|stage\s*\w+"
    r"|stadium\s*\w+|(?:på\s+)?(?:høyre|venstre|begge|right|left|both)(?:\s+(?:side|sider|"
    r"bein|bena|ben|legg|fot|føtter|arm|armer|hånd|hofte|kne|knær|øye|øyne|øre|leg|legs|foot|"
    r"feet|hand|hip|knee|eye|ear|side))?|above-knee|below-knee|amputation|pump|pumpe))*"
)
# Words that say where or what kind, before a condition: "knee injury", "left hip fracture".
_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:type\s*[12]|left|right|høyre|venstre|both|begge|above-knee|below-knee|"
    r"knee|hip|back|shoulder|ankle|wrist|neck|spine|spinal|leg|arm|foot|head|rheumatoid|"
    r"chronic|kronisk|acute|akutt|severe|alvorlig|mild)\s+){1,3}$",
    re.IGNORECASE,
)
_QUALIFIERS = re.compile(_AFTER, re.IGNORECASE)
# The stems by their first three letters: each place in a text is looked up once, where
# one pattern of all the stems would try each of them there.
_BY_TRIGRAM: dict[str, tuple[str, ...]] = {}
for _stem in _STEMS:
    _BY_TRIGRAM[_stem[:3]] = (*_BY_TRIGRAM.get(_stem[:3], ()), _stem)
_WORD_CHARS = "-'’"
_WORD = re.compile(
    rf"(?<![\w-])(?:{'|'.join(w for w in _WORDS if w not in _ABBREVIATIONS)})(?![\w-]){_AFTER}"
    rf"|(?<![\w-])(?:{'|'.join(_ABBREVIATIONS)})(?![\w-])",
    re.IGNORECASE,
)
# An ICD-10 code: after a cue, or written with its decimal ("E11.9"), never a shelf code.
_ICD = re.compile(
    r"(?:\b(?:ICD(?:-?10)?|diagnosekode|diagnose|diagnosis|dx|kode)\s*:?\s*)"
    r"[A-TV-Z]\d{2}(?:\.\d{1,2})?\b"
    r"|(?<![\w.])[A-TV-Z]\d{2}\.\d{1,2}(?![\w.])",
    re.IGNORECASE,
)


def health_information(text: str) -> Iterator[Span]:
    for match in _ICD.finditer(text):
        yield Span("health", match.start(), match.end())
    yield from _conditions(text)
    for match in _WORD.finditer(text):
        word = match[0]
        if word.upper() in _ABBREVIATIONS and word != word.upper():
            continue  # "me", "ms" as words
        yield Span("health", match.start(), match.end())


def _conditions(text: str) -> Iterator[Span]:
    """Each word holding a stem, with the words that qualify it before and after."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: compare as written
        lower = text
    end = 0
    for i in range(len(lower) - 2):
        if i < end:
            continue
        stem = next(
            (s for s in _BY_TRIGRAM.get(lower[i : i + 3], ()) if lower.startswith(s, i)), None
        )
        if stem is None:
            continue
        start, end = i, i + len(stem)
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _WORD_CHARS):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] in _WORD_CHARS):
            end += 1
        if lower[start:end].startswith(_NOT_HEALTH):
            continue
        if before := _BEFORE.search(text, max(0, start - 60), start):
            start = before.start()
        end = _QUALIFIERS.match(text, end).end()
        yield Span("health", start, end)
