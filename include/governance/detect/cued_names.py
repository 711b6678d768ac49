"""Names after the words that introduce a person: "kunde: Sivakumar Rajendran", "Navn:
Trine", "her daughter Aisha", "Mannen, Trygve, har ...", "Kunden (Shazia Rana)", "mannen til
Ulvhild", "customer (Mrs. Olsen)".

After such a cue a name is any capitalised words, from any country: no list of names knows
them all; a title between the cue and the name is not part of it. A name typed in lower case
counts after a label ("Navn: kari"), after a cue or a call when it is a home locale's given
name and no everyday word ("ringte kari tilbake", "ring ingrid berg", but not "ringte per
telefon"), before a verb only a person does as well ("kari ringte", "arne vil ha"), and
after a title when it is any known name ("fru hansen").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from include.governance.detect.name_lists import (
    COMMON_ZIPF,
    EVERYDAY_ZIPF,
    NAME_INITIAL,
    NAME_LOWER,
    NAME_PARTICLE,
    NAME_TITLE,
    NAME_TITLES,
    NAME_WORD,
    NOT_PERSON_WORDS,
    home_given_names,
    is_known_name,
    surnames,
    zipf,
)
from include.governance.detect.patterns import alternation
from include.governance.detect.spans import Span

# Words for a person; a plural or a definite form is the same cue.
_CLIENTS = (
    "kunde", "kunden", "kundens", "customer", "client", "klient", "pasient", "pasienten",
    "patient", "søker", "søkeren", "applicant", "kontaktperson", "contact", "pårørende",
    "mottaker", "mottakeren", "recipient", "bruker", "brukeren", "user", "beboer",
    "beboeren", "resident", "hjemmesykepleier", "sykepleier", "nurse", "carer", "caregiver",
    "helper", "hjelper", "kortholder", "kortinnehaver", "cardholder", "kontoeier",
    "kontohaver", "kontoinnehaver", "account holder", "sjåfør", "sjåføren", "driver",
    "montør", "montøren", "tekniker", "teknikeren", "technician", "kollega",
    "colleague",
)  # fmt: skip
# Family, friends and others close to a person: "mannen til Ulvhild", "wife of John" too.
RELATIVES = (
    "nabo", "naboen", "neighbour", "neighbor", "verge", "vergen", "guardian", "mann",
    "mannen", "ektemann", "husband", "kone", "kona", "wife", "sambo", "samboer",
    "samboeren", "partner", "partneren", "sønn", "sønnen", "son", "datter", "datteren",
    "dattera", "daughter", "mor", "mora", "moren", "mother", "mum", "mom", "far", "faren",
    "father", "dad", "bror", "broren", "brother", "søster", "søsteren", "sister",
    "barnebarn", "barnebarnet", "grandson", "granddaughter", "grandchild", "svigersønn",
    "svigerdatter", "svigermor", "svigerfar", "son-in-law", "daughter-in-law",
    "mother-in-law", "father-in-law", "onkel", "uncle", "tante", "aunt", "nevø", "niece",
    "nephew", "venn", "vennen", "venninne", "friend", "bestemor", "bestefar", "mormor",
    "farmor", "morfar", "farfar",
    # Nynorsk
    "sonen", "dottera", "dotter", "brukar", "brukaren", "systera", "bestemora",
)  # fmt: skip
# The same in the neighbours' languages and the customers' others: only a capitalised name
# counts after them, as their everyday words are no Norwegian's ("Tėtis turi": Dad has).
RELATIVES_ABROAD = (
    # Swedish
    "dottern", "maken", "hustru", "hustrun", "mamma", "pappa", "syster", "systern",
    "brodern", "kund", "brukare", "brukaren", "patienten", "granne", "grannen",
    # Danish
    "søn", "sønnen", "manden", "konen", "hustruen",
    # Finnish
    "poika", "poikansa", "tytär", "tyttärensä", "vaimo", "vaimonsa", "miehensä", "äiti",
    "isä", "omainen", "asiakas", "hoitaja",
    # German
    "Sohn", "Tochter", "Ehemann", "Ehefrau", "Enkel", "Enkelin", "Mutter", "Vater",
    "Bruder", "Schwester", "Familie", "Kundin", "Patientin", "Nachbar", "Nachbarin",
    "Betreuer", "Betreuerin", "Pfleger", "Pflegerin",
    # Polish
    "syn", "córka", "żona", "mąż", "babcia", "dziadek", "klient", "klientka", "pacjent",
    "pacjentka", "sąsiad", "sąsiadka",
    # Lithuanian
    "žmona", "vyras", "sūnus", "dukra", "duktė", "tėtis", "močiutė", "senelis",
    "klientas", "klientė", "pacientas", "pacientė",
)  # fmt: skip
PERSON_WORDS = (*_CLIENTS, *RELATIVES)
# Words a name follows as its sender or addressee: "ringte Kari", "signert Ola", "c/o Berg",
# a greeting ("Hei Kari", "Dear Mr Smith"), a sign-off ("Helsing Atle", "Regards Tesfay") or
# a writer introducing themself ("this is Ngozi", "it's Oksana", "jeg heter Bilal").
_SENDERS = (
    "ringte", "called", "signed", "signert", "attn", "att", "v/", "c/o", "ask for",
    "asked for", "spør etter", "spørre etter", "fråga efter", "note fra", "notat fra",
)  # fmt: skip
GREETINGS = ("hei", "hej", "hallo", "hi", "hello", "dear", "kjære", "kære", "hejsan", "moi")
SIGN_OFFS = (
    "hilsen", "hilsener", "helsing", "hälsningar", "hälsning", "mvh", "vh", "regards",
    "cheers", "thanks", "thank you", "takk", "tack", "tak", "venlig hilsen", "terveisin",
)  # fmt: skip
INTRODUCTIONS = (
    "this is", "it's", "its", "it is", "i am", "i'm", "im", "my name is", "name's", "jeg er",
    "jeg heter", "eg heter", "eg heiter", "jag heter", "jag är", "jeg hedder", "mitt navn er",
    "navnet mitt er", "namnet mitt er", "mitt namn er", "mitt namn är", "navnet hennes er",
    "navnet hans er", "namnet hennar er", "namnet hans er", "her name is", "his name is",
    "dette er", "eg er", "det är", "här är", "jeg hedder", "mit navn er", "ich bin",
    "ich heiße", "mein name ist", "hier ist", "olen", "nimeni on", "tässä on", "nazywam się",
    "jestem", "mam na imię", "mano vardas", "aš esu", "čia",
)  # fmt: skip
_LABELS = (
    "navn på kortet", "navn på kort", "name on the card", "name on card", "fullt navn",
    "full name", "contact name", "navn", "namn", "name", "nimi", "kontakt", "signatur",
    "signature",
)  # fmt: skip
_POSSESSIVE = (
    r"(?:\s+(?:hennes|hans|deres|sin|si|sitt|hers|his|their|til\s+kunden|of\s+the\s+customer))?"
)
_CUE_WORDS = frozenset(
    w.casefold()
    for w in (*PERSON_WORDS, *RELATIVES_ABROAD, *GREETINGS, *SIGN_OFFS, *INTRODUCTIONS)
    if " " not in w
)
_ALL_CUES = (*PERSON_WORDS, *_SENDERS, *GREETINGS, *SIGN_OFFS, *INTRODUCTIONS)
_CUES = alternation(sorted(_ALL_CUES, key=len, reverse=True), ignore_case=True)
_CUES_ANYWHERE = alternation(
    sorted((*_ALL_CUES, *RELATIVES_ABROAD), key=len, reverse=True), ignore_case=True
)
_OF = rf"{alternation(RELATIVES, ignore_case=True)}\s+(?:til|of)"
# "Hansen", "de la Cruz"; on the same line (a signature's next line is its address)
_NAME_AFTER = rf"[^\S\n]+(?:{NAME_PARTICLE}[^\S\n]+){{0,2}}{NAME_WORD}"
_NAME = rf"(?:{NAME_INITIAL}\s?){{0,2}}{NAME_WORD}(?:{_NAME_AFTER}){{0,3}}"  # "K. M. Berg" too
_LOWER_NAME = r"[a-zæøå][a-zæøå-]+(?:\s+[a-zæøå][a-zæøå-]+)?"
_CUED = re.compile(
    rf"(?<![\w-])(?i:{_OF}|(?:{_CUES_ANYWHERE}){_POSSESSIVE})\s*[:,(]?\s*(?:{NAME_TITLE}\s+)?"
    rf"(?P<name>{_NAME})"
)
# Words a known name follows when another could too: "spoke to Hansen", "snakket med kari".
TALKED_TO = ("snakket med", "snakka med", "pratet med", "spoke to", "spoke with", "talked to")
# A name typed in lower case after a cue, a call or a title: "ringte kari tilbake", "ring
# jan-erik", "snakket med ingrid berg", "fru hansen"; the name is looked at, not taken.
_CALLS = alternation(("ring", "ringe", "ringer", "call", *TALKED_TO), ignore_case=True)
_SPACE = r"\s*:?\s+"  # between a cue and a lower-case name: "kunde: marit", "hei håkon"
_LOWER_WORD = rf"[{NAME_LOWER}]+(?:-[{NAME_LOWER}]+)?"
_LOWER_CUED = re.compile(
    rf"(?<![\w-])(?i:(?P<title>{'|'.join(NAME_TITLES)})\.?|{_CUES}|{_CALLS})"
    rf"(?={_SPACE}(?P<name>{_LOWER_WORD})(?:\s+(?P<surname>{_LOWER_WORD}))?(?![\w'’-]))"
)
# Verbs only a person does, speaking or wanting: a name before one is a person's ("kari
# ringte", "ola sa at", "arne vil ha").
PERSON_VERBS = (
    "ringte", "ringer", "rang", "called", "calls", "phoned", "sa", "sier", "said", "says",
    "skrev", "skriver", "wrote", "writes", "spurte", "asked", "mailet", "emailed", "lurer",
    "wonders", "vil", "ville", "ønsker", "wants", "wanted", "trenger", "needs", "needed",
)  # fmt: skip
_WORDS_BEFORE = 60  # characters before such a verb that the name is looked for in
_PERSON_VERB = re.compile(rf"(?<=\s)(?:{'|'.join(PERSON_VERBS)})(?!\w)")
# The one or two words such a verb follows (found from the verb: it is rarer).
_BEFORE_VERB = re.compile(
    rf"(?<![\w'’-])(?:(?P<first>{_LOWER_WORD})\s+)?(?P<second>{_LOWER_WORD})\s+$"
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


# The words a message ends with, alone after its last sentence or line, as a writer signs:
# "... kan de kome? Torgeir", "...\nShazia", "... asap. mari", "...\nSølvi\n997 48 367";
# and a writer naming themself before "her" ("Sunniva her, datteren til ...").
_SIGNED = re.compile(
    rf"(?:^|[.!?\n]\s*)(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}|{_LOWER_WORD})"
    r"[\s!]*(?:\+?\d[\d .-]{6,}\s*)?$"
)
_HERE = re.compile(rf"(?:^|[.!?\n]\s*|\b(?i:hei|hej|hallo)\W+)(?P<name>{NAME_WORD}) her\b")


def cued_names(text: str) -> Iterator[Span]:
    yield from _capitalised(text)
    yield from _lower_case(text)
    yield from _signed(text)


def _capitalised(text: str) -> Iterator[Span]:
    for pattern in (_CUED, _LABELLED):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            words = text[start:end].split()
            while words and (words[-1] in _NOT_NAMES or words[-1] in NOT_PERSON_WORDS):
                words.pop()
            if not words or words[0] in _NOT_NAMES or _everyday(words[0]):
                continue
            yield Span("person_name", start, start + len(" ".join(words)))


def _signed(text: str) -> Iterator[Span]:
    """The name a message is signed with, or its writer names before "her"."""
    for pattern in (_SIGNED, _HERE):
        match = pattern.search(text)
        if not match:
            continue
        words = match["name"].split()
        if all(_signature_word(w) for w in words):
            yield Span("person_name", *match.span("name"))


def _signature_word(word: str) -> bool:
    if word[0].islower():
        return _lower_case_name(word, _is_home_given_name)
    return not (word in _NOT_NAMES or word in NOT_PERSON_WORDS or _everyday(word)) and (
        zipf(word) < COMMON_ZIPF
    )


def _everyday(word: str) -> bool:
    """A cue, or a common word that is no home given name nor surname: "Hi, This is",
    "Dear Team", "Kunde: Hei" name no one."""
    if word.casefold() in _CUE_WORDS:
        return True
    return zipf(word) >= COMMON_ZIPF and word not in home_given_names() and word not in surnames()


def _lower_case(text: str) -> Iterator[Span]:
    """Names in lower case: after a title any known name, after another cue a home given
    name; before a verb only a person does a home given name. A known surname after the given name
    is part of the name. None is an everyday word nor a word for a person ("bror")."""
    for match in _LOWER_CUED.finditer(text):
        is_name = is_known_name if match["title"] else _is_home_given_name
        if _lower_case_name(match["name"], is_name):
            yield _with_surname(match, "name", "surname")
    for verb in _PERSON_VERB.finditer(text):
        match = _BEFORE_VERB.search(text, max(0, verb.start() - _WORDS_BEFORE), verb.start())
        if not match:
            continue
        if match["first"] and _lower_case_name(match["first"], _is_home_given_name):
            yield _with_surname(match, "first", "second")
        elif _lower_case_name(match["second"], _is_home_given_name):
            yield Span("person_name", *match.span("second"))  # "kunden kari ringte"


def _with_surname(match: re.Match[str], given: str, surname: str) -> Span:
    """The span of the ``given`` group, and of the ``surname`` group too if it is one."""
    start, end = match.span(given)
    if match[surname] and _lower_case_name(match[surname], surnames().__contains__):
        end = match.end(surname)
    return Span("person_name", start, end)


def _lower_case_name(word: str, is_name: Callable[[str], bool]) -> bool:
    """Whether each part of ``word`` capitalised is a name, and the whole no everyday word
    ("per", "dag")."""
    return (
        all(is_name(p.capitalize()) for p in word.split("-"))
        and zipf(word) < EVERYDAY_ZIPF
        and word not in PERSON_WORDS
    )


def _is_home_given_name(word: str) -> bool:
    return word in home_given_names()
