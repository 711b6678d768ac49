"""Does one value look like a kind of personal data? One detector per ``ValueDetector``.

A detector says yes only to a value that is validated, not merely shaped like the kind: a
phone number a phone plan assigns, a fødselsnummer with both check digits (another
country's number by its own checks), an IBAN by its check digits, a card number
of a known scheme that passes Luhn. Precision matters as much as recall, because the
inventory runs every detector over every sampled column: integers are never phone numbers
or postcodes (8-digit order numbers, 4-digit years), a bare year is not a birth date, a
product or company is not a person. Detectors that still accept common non-personal values
(any recent date, any four digits, ``M``) are meant to be combined with the column's name.

Each detector rejects values of the wrong type first and runs a precompiled regex before
any expensive validator, since it sees about a thousand values of each of many columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from numbers import Integral
from types import MappingProxyType

from include.governance.detect.name_lists import (
    LEGAL_FORM_AFTER,
    NAME_PARTICLE,
    NAME_TITLE,
    NAME_UPPER,
    NAME_WORD,
    NOT_PERSON_WORDS,
    given_names,
    not_person_names,
    surnames,
    without_accents,
)
from include.governance.detect.script_names import is_caseless_name, without_titles
from include.governance.detect.text import contains_personal_data
from include.governance.detect.validators import (
    NATIONAL_ID_SHAPE,
    digits_of,
    is_masked_card,
    is_valid_card,
    is_valid_email,
    is_valid_foreign_id,
    is_valid_iban,
    is_valid_ip,
    is_valid_national_id,
    is_valid_phone,
)

MAX_AGE_YEARS = 110
MIN_FREE_TEXT_LENGTH = 20
SCREEN_PIXELS = range(200, 8001)

_PHONE_SHAPE = re.compile(r"\(?\+?[\d ()-]{7,22}")
_IPV4_SHAPE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_IPV6_SHAPE = re.compile(r"[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?")
_CARD_SHAPE = re.compile(r"\d(?:[ -]?\d){12,18}")
_MASKED_CARD_SHAPE = re.compile(r"[\d*xX•](?:[ -]?[\d*xX•]){12,18}")
_CARD_SEPARATORS = str.maketrans("", "", " -")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NORWEGIAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_POSTCODE = re.compile(r"(?!0000)\d{4}")
_USER_AGENT = re.compile(
    r"^Mozilla/\d|\bMSIE \d|\b(?:AppleWebKit|Chrome|CriOS|Dalvik|Edg(?:e|A|iOS)?|Firefox|FxiOS"
    r"|Gecko|Opera|OPR|Safari|SamsungBrowser|Trident|Version|YaBrowser)/\d"
)
_SCREEN = re.compile(r"(\d{3,4})\s*[x×X]\s*(\d{3,4})")
_FULL_NAME = re.compile(
    rf"(?:{NAME_TITLE} )?({NAME_WORD})"
    rf"(?: (?:{NAME_PARTICLE} )*(?:{NAME_WORD}|[{NAME_UPPER}]\.)){{1,3}}"
)
_GENDER_WORDS = frozenset(
    {
        "f", "m", "k", "x", "female", "male", "woman", "man", "kvinne", "mann", "kvinnelig",
        "mannlig", "jente", "gutt", "other", "annet", "annen", "non-binary", "nonbinary",
        "ikke-binær", "ikkebinær", "unknown", "ukjent", "not specified", "ikke oppgitt",
        "prefer not to say", "vil ikke oppgi",
        # the words for women and men: French, Spanish, Portuguese, Italian, German, Dutch,
        # Polish, Swedish
        "femme", "homme", "féminin", "masculin", "mujer", "hombre", "femenino", "masculino",
        "mulher", "homem", "feminino", "donna", "uomo", "femmina", "maschio", "weiblich",
        "männlich", "vrouw", "kobieta", "mężczyzna", "kvinna",
    }
)  # fmt: skip
# Salutations, which say a gender: English, German, Nordic, French, Spanish, Portuguese,
# Italian, Dutch, Polish.
SALUTATIONS = frozenset(
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "herr", "frau", "fru",
        "frk", "frk.", "monsieur", "madame", "mademoiselle", "m.", "mme", "mme.", "mlle",
        "mlle.", "señor", "señora", "señorita", "sr", "sr.", "sra", "sra.", "srta.", "senhor",
        "senhora", "signor", "signore", "signora", "signorina", "sig.", "sig.ra", "dhr.",
        "mevr.", "heer", "mevrouw", "pan", "pani",
    }
)  # fmt: skip
GENDERS = _GENDER_WORDS | SALUTATIONS
# Salutations no other column holds as often (not ``Sr.``, a generation's suffix too, nor
# ``pan``, ``m.``): a column of them is someone's gender, whatever it is called.
SALUTATIONS_ALONE = SALUTATIONS - {"sr", "sr.", "pan", "m.", "heer"}


def is_null(value: object) -> bool:
    """None, NaN, pandas' NaT and NA: what a sampled column holds where it holds nothing."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pandas.NA refuses to be a bool
        return True


def is_email(value: object) -> bool:
    return isinstance(value, str) and "@" in value and is_valid_email(value.strip())


def is_phone(value: object) -> bool:
    """A phone number as text, Norwegian or with its country code; integers never are
    (8-digit order numbers would pass). Other countries' national numbers are phones by
    their table (``national_formats``)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return _PHONE_SHAPE.fullmatch(text) is not None and is_valid_phone(text, neighbours=False)


def is_ip_address(value: object) -> bool:
    """An IPv4 or IPv6 address as text (an integer may be anything)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    shaped = _IPV4_SHAPE.fullmatch(text) or (":" in text and _IPV6_SHAPE.fullmatch(text))
    return bool(shaped) and is_valid_ip(text)


def is_payment_card(value: object) -> bool:
    """A full card number (text or integer), or a masked one: both are card data."""
    if isinstance(value, Integral) and not isinstance(value, bool):
        return 10**12 <= value < 10**19 and is_valid_card(str(value))
    if not isinstance(value, str):
        return False
    text = value.strip()
    if _CARD_SHAPE.fullmatch(text):
        return is_valid_card(digits_of(text))
    return _MASKED_CARD_SHAPE.fullmatch(text) is not None and is_masked_card(
        text.translate(_CARD_SEPARATORS)
    )


def is_national_id(value: object) -> bool:
    """A fødselsnummer or D-number, as text (``010190 12345``) or an integer, whose leading
    zero (born on day 1 to 9) a numeric column has dropped; or, as text, another country's
    number as it is written there (``validators.is_valid_foreign_id``)."""
    if isinstance(value, Integral) and not isinstance(value, bool):
        return 10**9 <= value < 10**11 and is_valid_national_id(f"{value:011d}")
    if not isinstance(value, str):
        return False
    text = value.strip()
    if NATIONAL_ID_SHAPE.fullmatch(text) and is_valid_national_id(digits_of(text)):
        return True
    return is_valid_foreign_id(text)


def is_iban(value: object) -> bool:
    """An IBAN as text, compact or in groups of four: a bank account of any country."""
    return isinstance(value, str) and is_valid_iban(value.strip().upper())


def is_date_of_birth(value: object, today: date | None = None) -> bool:
    """A date that makes its person 0 to 110 years old on ``today`` (default: the real
    today). A timestamp with a time of day is an event, a bare year may be anything."""
    born = _as_date(value)
    if born is None:
        return False
    today = today or date.today()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return born <= today and age <= MAX_AGE_YEARS


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):  # pandas' NaT is one, and has no time
        return value.date() if not is_null(value) and value.time() == time() else None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    elif match := _NORWEGIAN_DATE.fullmatch(text):
        day, month, year = match.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def is_postcode(value: object) -> bool:
    """Four digits as text, like every Norwegian postcode (``0150``); not an integer."""
    return isinstance(value, str) and _POSTCODE.fullmatch(value.strip()) is not None


def is_gender(value: object) -> bool:
    return isinstance(value, str) and value.strip().casefold() in GENDERS


def is_salutation(value: object) -> bool:
    """``Herr``, ``Mevr.``, ``Ms``: a gender said by a salutation, needing no column name."""
    return isinstance(value, str) and value.strip().casefold() in SALUTATIONS_ALONE


def is_user_agent(value: object) -> bool:
    return isinstance(value, str) and len(value) >= 10 and _USER_AGENT.search(value) is not None


def is_screen_resolution(value: object) -> bool:
    if not isinstance(value, str):
        return False
    match = _SCREEN.fullmatch(value.strip())
    return match is not None and all(int(side) in SCREEN_PIXELS for side in match.groups())


def is_person_name(value: object) -> bool:
    """Two to four capitalised words whose first is a known given name, or a known surname
    before one: ``Kari Nordmann``, ``Anne-Marie de la Cruz``, ``Dr. Kari M. Hansen``,
    ``Éric Dupont`` (a name the lists know without its accents), ``Колобов Александр
    Алексеевич``, ``Γιώργος Παπαδόπουλος``; in a script without case, its own shape
    (``script_names``: ``김민준``, ``მამუკა ჭელიძე``). Digits, all-capital words (``AS``,
    ``ATR``), ``&`` and business words (``Ltd``) make it a product or a company. A legacy
    system's name in capitals (``JESSICA BELL``) is read as written in words, and a sort
    name, surname first (``Hill, Denise``), in its usual order unless it names a place
    (``Lyon, France``)."""
    if not isinstance(value, str):
        return False
    text = without_titles(value.strip())
    if is_caseless_name(text):
        return True
    if text.isupper():
        if any(LEGAL_FORM_AFTER.fullmatch(f" {word}") for word in text.split()[1:]):
            return False  # KARI NORDMANN AS: a firm in capitals
        text = text.title()
    surname, comma, given = text.partition(", ")
    if comma and "," not in given:
        if given.split(" ", 1)[0] in not_person_names():
            return False
        text = f"{given} {surname}"
    match = _FULL_NAME.fullmatch(text)
    if match is None or not NOT_PERSON_WORDS.isdisjoint(text.split()):
        return False
    if not text.isascii() and _mixes_scripts(text):  # "Ганьо Street": a street, a product
        return False
    first = match[1].split("-")[0]
    if _is_given(first):
        return True
    second = text[match.end(1) :].split()[0]  # surname first: "Колобов Александр", "Nagy Ádám"
    return (match[1] in surnames() or without_accents(match[1]) in surnames()) and _is_given(
        second.split("-")[0]
    )


def _mixes_scripts(text: str) -> bool:
    """Letters of two scripts (Latin beside Cyrillic, Greek or Armenian) in one name."""
    return len({unicodedata.name(c, "").split(" ", 1)[0] for c in text if c.isalpha()}) > 1


def _is_given(word: str) -> bool:
    return word in given_names() or without_accents(word) in given_names()


# The suffixes that tell generations apart in a person's name (English, Spanish, Portuguese)
NAME_SUFFIXES = frozenset(
    {"jr", "jr.", "jnr", "sr", "sr.", "snr", "ii", "iii", "iv", "v", "2nd", "3rd", "filho", "neto"}
)


def is_name_suffix(value: object) -> bool:
    """``Jr.``, ``Sr.``, ``III``: a part of a person's name (beside a name signal only)."""
    return isinstance(value, str) and value.strip().casefold() in NAME_SUFFIXES


def is_free_text(value: object) -> bool:
    """Prose (at least 20 characters, with spaces) that contains personal data."""
    return (
        isinstance(value, str)
        and len(value) >= MIN_FREE_TEXT_LENGTH
        and " " in value
        and contains_personal_data(value)
    )


DETECTORS: Mapping[str, Callable[[object], bool]] = MappingProxyType(
    {
        "email": is_email,
        "phone": is_phone,
        "ip_address": is_ip_address,
        "payment_card": is_payment_card,
        "iban": is_iban,
        "national_id": is_national_id,
        "date_of_birth": is_date_of_birth,
        "postcode": is_postcode,
        "gender": is_gender,
        "salutation": is_salutation,
        "user_agent": is_user_agent,
        "screen_resolution": is_screen_resolution,
        "person_name": is_person_name,
        "name_suffix": is_name_suffix,
        "free_text": is_free_text,
    }
)


def match_rate(detector: str, values: Sequence[object]) -> float:
    """The share of non-null values that ``detector`` accepts; 0.0 when all are null."""
    try:
        accepts = DETECTORS[detector]
    except KeyError:
        raise ValueError(f"unknown detector {detector!r} (known: {', '.join(DETECTORS)})") from None
    present = [value for value in values if not is_null(value)]
    return sum(map(accepts, present)) / len(present) if present else 0.0


# What each detector's validator checks, in the words a reviewer reads in the report.
VALIDATED_BY: Mapping[str, str] = MappingProxyType(
    {
        "email": "an address with a valid domain",
        "phone": "a number a phone plan assigns (phonenumbers): Norway's, or any country's"
        " with its country code",
        "ip_address": "an address that can point at someone (not loopback, multicast, reserved)",
        "payment_card": "a known card scheme and length with the Luhn check, or a masked card",
        "national_id": "a fødselsnummer's birth date and both mod-11 check digits, or another"
        " country's personal number by its own checks (python-stdnum)",
        "date_of_birth": "a date 0 to 110 years ago",
        "postcode": "four digits",
        "gender": "a word for a gender",
        "salutation": "a salutation (Herr, Mevr., Ms)",
        "user_agent": "a browser's product tokens",
        "screen_resolution": "width x height in pixels",
        "person_name": "capitalised words led by a known given name",
        "name_suffix": "a generation's suffix (Jr., Sr., III)",
        "free_text": "prose holding personal data",
    }
)
