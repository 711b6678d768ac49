"""Checks shared by the whole-value detectors and the search inside free text.

Each takes a candidate that already has the right shape (found by a cheap regex) and says
whether it is the real thing: a number that a phone plan, a check digit or a card scheme
accepts. Keeping them here means a value and the same value inside a sentence are judged
alike.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Container

import phonenumbers
from stdnum import iban, luhn
from stdnum.dk import cpr
from stdnum.fi import hetu
from stdnum.no import fodselsnummer
from stdnum.se import personnummer
from stdnum.us import ssn

from include.governance.detect.national_ids import is_personal_id

DEFAULT_REGION = "NO"
# Where a number written without its country code may be from besides Norway, tried in turn
# when it is written in groups as people write phone numbers ("079-227 93 84", "60 78 55 26").
NEIGHBOUR_REGIONS = ("SE", "DK", "FI", "GB", "DE")
# How they are written: a trunk prefix and an area code, then groups ("079-227 93 84",
# "07745 181280"), or a Danish number in pairs ("60 78 55 26").
_NEIGHBOUR_PHONE = re.compile(r"0\d{1,4}(?:[ -]\d{2,6}){1,4}|[2-9]\d(?: \d{2}){3}")
NO_NUMBER_DIGITS = 8  # every Norwegian phone number has eight digits, none a trunk prefix
MAX_PHONE_DIGITS = 15  # E.164

_EMAIL_ATOM = r"[\w!#$%&'*+/=?^`{|}~-]+"
_EMAIL_DOMAIN = r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}"
EMAIL = re.compile(rf"{_EMAIL_ATOM}(?:\.{_EMAIL_ATOM})*@{_EMAIL_DOMAIN}")
# Inside text and URLs the local part is held to the characters people use, so that a
# quote, ``epost=`` or a path before the address is not taken for part of it, and the ``@``
# may be percent-encoded (``?epost=kari%40online.no``).
EMAIL_AT = re.compile("@|%40")
EMAIL_IN_TEXT = re.compile(
    rf"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*(?:{EMAIL_AT.pattern}){_EMAIL_DOMAIN}(?!\w)"
)

# Dates that phone plans accept as numbers: "15 01 2024", "25-12-1990", "2024-01-15".
_DATE_LIKE = re.compile(r"\d{2}([ -])\d{2}\1(?:19|20)\d{2}|(?:19|20)\d{2}([ -])\d{2}\2\d{2}")
_NOT_DIGIT = re.compile(r"\D")
_MASKED_PAN = re.compile(r"(\d{0,6})[*xX•]{3,}(\d{4})")

# A fødselsnummer as written: eleven digits, perhaps a space or dash after the birth date.
NATIONAL_ID_SHAPE = re.compile(r"\d{6}[ -]?\d{5}")
# A Swedish personnummer (YYMMDD-NNNN, YYYYMMDD-NNNN) or a Danish CPR number (DDMMYY-NNNN) as
# written, with the dash: ten bare digits are as often a phone or an order number.
NORDIC_ID_SHAPE = re.compile(r"(?:\d{2})?\d{6}-\d{4}")
# A Finnish henkilötunnus: DDMMYY, the century sign, three digits and a check character.
HETU = re.compile(r"(?<![\w-])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\w-])")

# Other countries' numbers as written: a US social security number with its dashes (nine
# bare digits are any id), a British National Insurance number (two letters that HMRC
# allocates, six digits, A-D). Eleven bare digits are left to the fødselsnummer: a Polish
# PESEL's or a German Steuer-ID's check digit lets one Norwegian account number in ten
# through, so those columns are found by their names (``pesel``, ``steuer_id``).
SSN_SHAPE = re.compile(r"\d{3}-\d{2}-\d{4}")
NINO = re.compile(
    r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?: ?\d{2}){3} ?[A-D]"
)
IBAN_SHAPE = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}")

# Card schemes by issuer prefix: (first prefix, last prefix, lengths of their numbers).
_CARD_SCHEMES: tuple[tuple[str, str, Container[int]], ...] = (
    ("4", "4", (13, 16, 19)),  # Visa
    ("51", "55", (16,)),  # Mastercard
    ("2221", "2720", (16,)),  # Mastercard 2-series
    ("34", "34", (15,)),  # American Express
    ("37", "37", (15,)),  # American Express
    ("300", "305", range(14, 20)),  # Diners Club
    ("36", "36", range(14, 20)),  # Diners Club
    ("38", "39", range(14, 20)),  # Diners Club
    ("3528", "3589", range(16, 20)),  # JCB
    ("2200", "2204", range(16, 20)),  # Mir
    ("50", "50", range(12, 20)),  # Maestro
    ("56", "69", range(12, 20)),  # Maestro, Discover, UnionPay, RuPay
)


def digits_of(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def is_valid_email(text: str) -> bool:
    return EMAIL.fullmatch(text) is not None


def is_valid_phone(text: str, *, neighbours: bool = True) -> bool:
    """A number a phone plan assigns. Without ``+`` or ``00`` it is Norwegian (eight
    digits), or, when written in groups and ``neighbours`` may be read, a neighbour's
    (Swedish, Danish, Finnish, British, German); bare digit strings of other lengths are
    ids, and dates are not phones. A column's values are read without the neighbours: their
    plans take most numbers in groups, so a column needs its table to say phone
    (``national_formats``); a note's number has the words around it."""
    digits = digits_of(text)
    international = is_international(text)
    if len(digits) < NO_NUMBER_DIGITS or len(digits) > MAX_PHONE_DIGITS:
        return False
    if _DATE_LIKE.fullmatch(text):
        return False
    if (international or len(digits) == NO_NUMBER_DIGITS) and _assigned(text, DEFAULT_REGION):
        return True
    if international or not neighbours or not _NEIGHBOUR_PHONE.fullmatch(text):
        return False
    if NATIONAL_ID_SHAPE.fullmatch(text):
        return False
    return any(_assigned(text, region) for region in NEIGHBOUR_REGIONS)


def _assigned(text: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, region))
    except phonenumbers.NumberParseException:
        return False


def phone_prefix_digits(text: str) -> int:
    """How many leading digits of a valid phone number are its international prefix (``00``)
    and country code: what a masked example may show of it."""
    if not is_international(text):
        return 0
    country_code = phonenumbers.parse(text, DEFAULT_REGION).country_code
    return len(str(country_code)) + (2 if text.lstrip("(").startswith("00") else 0)


def is_international(number: str) -> bool:
    """Written with ``+`` before the country code, or ``00`` and a separator after it
    (``0047 912 34 567``): bare digits led by zeros are zero-padded ids, not phone numbers."""
    stripped = number.lstrip("(")
    return stripped.startswith("+") or (stripped.startswith("00") and not stripped.isdigit())


def is_valid_national_id(digits: str) -> bool:
    """A fødselsnummer or D-number: a real birth date and both mod-11 check digits.

    The second check digit is computed as a bank account number's (kontonummer) is, so every
    account number passes it; the H-numbers of health services (month + 40) are left out,
    as they let account numbers of more banks through (``1644``, ``2050``)."""
    return digits[2] in "01" and fodselsnummer.is_valid(digits)


def is_valid_nordic_id(text: str) -> bool:
    """A Swedish personnummer (its Luhn check digit), or a Danish CPR number (a real birth
    date: CPR numbers have had no check digit since 2007), as written with its dash."""
    if not NORDIC_ID_SHAPE.fullmatch(text):
        return False
    return personnummer.is_valid(text) or (len(text) == 11 and cpr.is_valid(text))


def is_valid_hetu(text: str) -> bool:
    return hetu.is_valid(text)


def is_valid_foreign_id(text: str) -> bool:
    """Another country's national identity number, as written: a Swedish personnummer, a
    Danish CPR or a Finnish henkilötunnus (as in free text), a US SSN or a UK NINO, or one
    of the other countries' in ``national_ids``, each judged by its own checks
    (python-stdnum)."""
    if is_valid_nordic_id(text) or (len(text) == 11 and is_valid_hetu(text)):
        return True
    if SSN_SHAPE.fullmatch(text) and ssn.is_valid(text):
        return True
    return NINO.fullmatch(text.upper()) is not None or is_personal_id(text)


def is_valid_iban(text: str) -> bool:
    """An IBAN of any country, compact or in groups of four, by its check digits."""
    return IBAN_SHAPE.fullmatch(text) is not None and iban.is_valid(text)


def card_lengths(prefix: str) -> Container[int] | None:
    """The lengths a card number starting with ``prefix`` may have, None for no known scheme.
    A prefix shorter than a scheme's matches it when it is the start of one of its prefixes."""
    for first, last, lengths in _CARD_SCHEMES:
        n = min(len(first), len(prefix))
        if first[:n] <= prefix[:n] <= last[:n]:
            return lengths
    return None


def is_valid_card(digits: str) -> bool:
    """A full card number (PAN): a known scheme, a length it issues, and the Luhn check."""
    lengths = card_lengths(digits)
    return lengths is not None and len(digits) in lengths and luhn.is_valid(digits)


def is_masked_card(compact: str) -> bool:
    """A masked PAN without separators (``457110******1234``, ``************1234``): at most
    the first six and the last four digits shown, and a scheme's prefix if any is shown."""
    match = _MASKED_PAN.fullmatch(compact)
    if match is None or not 13 <= len(compact) <= 19:
        return False
    return not match[1] or card_lengths(match[1]) is not None


def is_valid_ip(text: str) -> bool:
    """An IPv4 or IPv6 address that can point at someone: not unspecified, loopback,
    multicast or reserved (``0.0.0.0``, ``127.0.0.1``, ``255.255.255.255`` say nothing)."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return not (
        address.is_unspecified or address.is_loopback or address.is_multicast or address.is_reserved
    )
