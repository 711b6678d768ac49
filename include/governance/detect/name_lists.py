"""What a person's name looks like, which words are known names, and which are everyday words.

The given names and surnames are Faker's person providers' own lists (never names generated
at random): the Nordic and English locales, whose names most customers of a Norwegian shop
have, the Latin-script locales of the countries many others come from (Poland,
Lithuania, Turkey, Vietnam, Pakistan, India, East and North Africa ...), and the locales
whose names are written in other scripts (Cyrillic, Greek, Armenian, Georgian, Hebrew,
Arabic, Thai, Hangul, Chinese: ``script_names``), which a warehouse abroad holds as written
there and notes in Latin letters never use. Faker has a few
hundred given names a locale, so the given names of ``gender-guesser``'s ``nam_dict`` (Jörg
Michael's 48,000 given names with how common each is in 54 countries and regions) are known
too: those used in a Nordic country as a home locale's, the others only
when they are no common word in Norwegian, Swedish, Danish or English ("Hei", "Ja", "Visa"
are given names somewhere). Each
name is known with its accents and without them ("Wiśniewski", "Wisniewski"; "Nguyễn",
"Nguyen"), as notes are often typed on a Norwegian keyboard.

A word alone has nothing but its list to vouch for it, so a lone given name counts only when
it is not also an everyday Norwegian or English word ("Per", "Dag", "May", "Will"), nor a
language or a country ("Danish", "Jordan"); a far locale's must be rarer still as a word.
How everyday a word is comes from ``wordfreq``'s Zipf frequencies (3 is once in a million
words, 6 once in a thousand).

Everything is read once and only when first needed, so that importing the detectors stays
cheap for DAG files that merely parse.
"""

from __future__ import annotations

import importlib
import math
import re
import unicodedata
from functools import cache

# Where the customers' names come from.
HOME_LOCALES = ("no_NO", "sv_SE", "da_DK", "fi_FI", "en_US", "en_GB")
# Locales whose names Faker writes in their own scripts, with letter case (Cyrillic, Greek,
# Armenian) and without (Georgian, Hebrew, Arabic, Persian, Thai, Hangul, Chinese). Not the
# Indic scripts, whose vowel signs no word pattern here reads; not ja_JP, whose lists are
# a held-out set's source, so that set keeps measuring what a list does not know.
SCRIPT_LOCALES = (
    *("ru_RU", "uk_UA", "bg_BG", "mk_MK", "el_GR", "hy_AM", "ka_GE", "he_IL"),
    *("ar_AA", "ar_SA", "ar_PS", "ar_DZ", "fa_IR", "th_TH", "ko_KR", "zh_CN", "zh_TW"),
)
NAME_LOCALES = (
    *HOME_LOCALES,
    *("is_IS", "en_IE", "de_DE", "nl_NL", "pl_PL", "lt_LT", "lv_LV", "et_EE", "ro_RO"),
    *("hr_HR", "tr_TR", "vi_VN", "en_IN", "en_PK", "en_KE", "fr_DZ"),
    *SCRIPT_LOCALES,
)
# nam_dict's countries whose given names count as a home locale's (Faker has the English ones).
HOME_COUNTRIES = ("norway", "sweden", "denmark", "finland")
# How common (nam_dict's scale: 1 rare ... 13 very common) a name must be in one of them to
# count as a home name, trusted at a sentence's start ("Manus er klart": a Danish name, rare).
HOME_MIN_FREQUENCY = 3
NAM_DICT_MIN_LETTERS = 3  # its two-letter names ("Ea", "Ad") are words in a note
EVERYDAY_LANGUAGES = ("nb", "en")
# A word this frequent is an everyday word before it is a name: "Per", "Dag", "May", "Will".
EVERYDAY_ZIPF = 5.0
# Where every word is capitalised, at a sentence's start, a lone name must be rarer than
# this as a word: "Finn ut ...", "Tom for varer", "Ben og hofte" are no names, "Kari ringte" is.
SENTENCE_START_ZIPF = 4.5
# A common word: a sentence's first word this common that is no given name is not part of
# the name after it ("Hilsen Kari"), and a far list's name this common is a word ("Bergen",
# "Hamar" are towns before they are names).
COMMON_ZIPF = 4.0


# Letters of a name, as character class bodies: Latin, Cyrillic, Greek and Armenian, the
# scripts with letter case. Beyond Latin-1, the Latin blocks (Extended-A and -B, and
# Vietnamese's Extended Additional: Ł, ś, Ė, Đ, ạ ...), Cyrillic's supplement (Ґ, Ғ, Ӊ) and
# Greek's polytonic letters interleave upper and lower case letter by letter, so they count
# as both: in a note, a word with them is a name anyway.
_INTERLEAVED = "Ā-ɏḀ-ỿѠ-ԯἀ-\u1ffe"
_CYRILLIC_LOWER = "а-џ"
NAME_UPPER = f"A-ZÀ-ÖØ-ÞЀ-ЯΆΈ-ΊΌΎ-ΏΑ-ΫԱ-Ֆ{_INTERLEAVED}"
NAME_LOWER = f"a-zß-öø-ÿ{_CYRILLIC_LOWER}ά-ώա-և{_INTERLEAVED}"
# McDonald; Ukrainian writes an apostrophe inside a name (Мар'яна, Лук'ян)
_NAME_PART = (
    rf"[{NAME_UPPER}][{NAME_LOWER}]+(?:['’ʼ][{_CYRILLIC_LOWER}][{NAME_LOWER}]*)?"
    rf"(?:[{NAME_UPPER}][{NAME_LOWER}]+)?"
)
# One word of a name: "Kari", "Anne-Marie", "O'Brien", "al-Sayed", "d'Souza"; never all
# capitals ("AS") nor digits.
NAME_WORD = rf"(?:[{NAME_UPPER}]['’]|(?:al|el)-|d['’])?{_NAME_PART}(?:-{_NAME_PART})*"
NAME_INITIAL = rf"[{NAME_UPPER}]\."  # "E. Sørensen", "Ola M. Hansen"
# Lower-case words inside a surname: "de la Cruz", "van den Berg", "bin Laden", "al Hassan".
NAME_PARTICLE = r"(?:af|al|bin|da|de|del|della|den|der|di|dos|du|el|ibn|la|le|ter|van|von)"
NAME_TITLES = ("dr", "fru", "frk", "herr", "miss", "mr", "mrs", "ms", "prof")
# A title before a name, as in "Dr. Kari Hansen", "Fru Hansen", "mr Smith".
NAME_TITLE = rf"(?i:{'|'.join(NAME_TITLES)})\.?"
# Words that make a run of capitalised words a business, not a person ("Engen Gruppen").
NOT_PERSON_WORDS = frozenset(
    {"Co", "Corp", "Gruppen", "Group", "Holding", "Inc", "Limited", "Llc", "Ltd", "Oy", "Plc"}
)
# A company's legal form written after its name, in capitals or dotted ("Reid Logistics LLC",
# "Berg Bygg AS", "Müller GmbH", "Rossi S.p.A."): the capitalised words before it are a firm.
LEGAL_FORM_AFTER = re.compile(
    r"\s*,?\s*(?:LLC|LLP|L\.L\.C\.|Inc|INC|Ltd|LTD|PLC|plc|Corp|GmbH|AG|KG|AS|ASA|AB|ApS|A/S"
    r"|BV|B\.V|NV|N\.V|SA|S\.A|SAS|SARL|SRL|S\.r\.l|SpA|S\.p\.A|Oyj?|Sp\. z o\.o)(?![\w-])"
)
# Letters that no Unicode decomposition takes apart but a keyboard without them replaces.
_UNDECOMPOSED = str.maketrans("ŁłĐđØøı", "LlDdOoi") | str.maketrans(
    {"ß": "ss", "Æ": "Ae", "æ": "ae"}
)


@cache
def given_names() -> frozenset[str]:
    far = {n for n in _nam_dict() if _zipf_nordic(n) < COMMON_ZIPF}
    return home_given_names() | _provider_names(NAME_LOCALES, "first_names") | _with_unaccented(far)


@cache
def surnames() -> frozenset[str]:
    return _provider_names(NAME_LOCALES, "last_names")


@cache
def home_given_names() -> frozenset[str]:
    """The given names of the home locales, which a word alone is trusted to be even at a
    sentence's start."""
    return _provider_names(HOME_LOCALES, "first_names") | _with_unaccented(
        _nam_dict(HOME_COUNTRIES)
    )


def load_name_lists() -> None:
    """Read every list now (a few seconds), not in the first value a process judges."""
    given_names(), surnames(), not_person_names(), _frequencies()


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a known given name; of "Anne-Marie", its first part."""
    return word.split("-")[0] in given_names()


def is_known_name(word: str) -> bool:
    return is_given_name(word) or word in surnames()


# Norse given names are compounds of a few elements ("Odd-bjørn", "Bryn-hild", "Ås-veig"),
# and most Norwegian surnames a farm's name ("Haug-seth", "Kol-stad", "Tverr-stad"): no
# list holds them all. Each shape alone names places too (Bjørnstad, Kolstad); together,
# the one before the other, a person.
_NORSE_GIVEN = re.compile(
    r"[A-ZÆØÅ][a-zæøå]+(?:bjørn|bjørg|hild|hilde|dis|frid|fríd|veig|laug|run|rún|unn"
    r"|borg|gerd|vald|mund|leiv|leif|geir|stein|ulf|ny)"
)
_FARM_SURNAME = re.compile(
    r"[A-ZÆØÅ][a-zæøå]{2,}(?:stad|seth|set|rud|heim|gard|gård|haug|haugen|bakken|rem|sæter"
    r"|seter|stuen|tveit|tveiten|vold|voll|moen|eng|holm|ås|aas|dal|dahl|vik|nes|land|lid"
    r"|lie|li|bø|by|berg|rød|hus|tun|strand|sund)"
)


def is_norse_full_name(given: str, surname: str) -> bool:
    """A Norse given name's shape before a farm name's: "Oddbjørn Haugseth"."""
    return bool(_NORSE_GIVEN.fullmatch(given) and _FARM_SURNAME.fullmatch(surname))


@cache
def not_person_names() -> frozenset[str]:
    """Capitalised words English writes for no person though some list has them as a name:
    Faker's names of languages and countries ("Danish", "Georgian", "Jordan", "Chad")."""
    person = importlib.import_module("faker.providers.person.en_US").Provider
    address = importlib.import_module("faker.providers.address.en_US").Provider
    return frozenset(
        w for name in (*person.language_names, *address.countries) for w in name.split()
    )


def zipf(word: str) -> float:
    """How everyday ``word`` is in Norwegian or English, whichever is higher; 0 when it is
    rarer than once in a million words (as most names are)."""
    return _frequencies().get(word.casefold(), 0.0)


def without_accents(name: str) -> str:
    """``name`` as typed without its accents: "Wiśniewski" -> "Wisniewski", "Łukasz" -> "Lukasz",
    "Γιώργος" -> "Γιωργος"; Hangul's syllables composed again ("민준" stays "민준")."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _provider_names(locales: tuple[str, ...], key: str) -> frozenset[str]:
    """Every name in the attributes of each locale's provider whose name holds ``key``
    (``first_names_female``, ``male_last_names``), with and without accents."""
    names: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            if key in attribute and not attribute.startswith("_"):
                names.update(n for n in getattr(provider, attribute) if isinstance(n, str))
    return _with_unaccented(names)


def _with_unaccented(names: set[str] | frozenset[str]) -> frozenset[str]:
    return frozenset(names | {without_accents(n) for n in names})


@cache
def _nam_dict(countries: tuple[str, ...] | None = None) -> frozenset[str]:
    """nam_dict's given names, or those at least ``HOME_MIN_FREQUENCY`` common in one of
    ``countries``."""
    from gender_guesser.detector import Detector

    names = {n: g for n, g in _nam_dict_entries().items() if len(n) >= NAM_DICT_MIN_LETTERS}
    if countries is None:
        return frozenset(names)
    columns = [Detector.COUNTRIES.index(country) for country in countries]
    return frozenset(
        name
        for name, by_gender in names.items()
        if any(
            int(values[c], 16) >= HOME_MIN_FREQUENCY
            for values in by_gender.values()
            for c in columns
            if values[c] != " "
        )
    )


@cache
def _nam_dict_entries() -> dict[str, dict[str, str]]:
    """nam_dict's names and their frequencies by country, parsed (48k lines, a second) once
    for every list that reads them."""
    from gender_guesser.detector import Detector

    return Detector().names


def _zipf_nordic(word: str) -> float:
    return max(
        zipf(word), *(_frequencies(language).get(word.casefold(), 0.0) for language in ("sv", "da"))
    )


@cache
def _frequencies(*languages: str) -> dict[str, float]:
    """Zipf frequency of each word in wordfreq's small lists, the highest of the languages
    (default: the everyday ones)."""
    from wordfreq import get_frequency_dict  # imported here: it loads its lists when used

    best: dict[str, float] = {}
    for language in languages or EVERYDAY_LANGUAGES:
        for word, frequency in get_frequency_dict(language, wordlist="small").items():
            value = math.log10(frequency) + 9
            if value > best.get(word, 0.0):
                best[word] = value
    return best
