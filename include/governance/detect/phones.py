"""Phone numbers as a country writes them at home, without its country code.

A national number (``(0374) 068-124``, ``0765 484 829``, ``010-8128-6144``) says nothing of
its country, and some country's phone plan accepts almost any group of digits (Germany's
takes nine part numbers in ten), so the value alone cannot tell a phone from a part
number. What can is its table: the countries its rows name (a country column, as ISO codes
or names in the languages of Europe and the policy's names) say which plans to judge it
by. This module holds what that takes: the written form, the regions a table names, and
validity judged once per value and region.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import phonenumbers

from include.governance.detect.validators import MAX_PHONE_DIGITS, digits_of

# Words of names that say a code of a thing: what it numbers is no one's phone.
CODE_WORDS = frozenset({
    "sku", "part", "article", "artikel", "item", "product", "ean", "gtin", "upc", "isbn",
    "barcode", "serial", "lot", "batch", "tracking", "track", "waybill", "awb", "parcel",
    "shipment", "consignment", "order", "invoice", "reference", "ref", "hs", "tariff",
    "model", "catalog", "catalogue", "stock", "bin",
})  # fmt: skip

MIN_DIGITS = 7
MAX_JUDGED = 100  # distinct values read against a table's regions at most
# Digits in groups as people write a phone: an optional ``+`` and country code, a trunk
# prefix or area code in brackets, groups split by spaces, dashes, dots or slashes, an
# extension after it (``x704``, ``ext. 12``).
_WRITTEN = re.compile(r"\+?\(?\+?\d[\d .\-/()]*\d(?: ?(?:x|ext\.?|#) ?\d{1,6})?", re.IGNORECASE)
_SEPARATOR = re.compile(r"[ .\-/()+]")
_DIGITS = re.compile(r"\d+")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")  # an address, not a number
_EXTENSION = re.compile(r" ?(?:x|ext\.?|#) ?\d{1,6}$", re.IGNORECASE)
# Dates and times in groups are no phones: "14 06 2025", "30-07-2025", "2025/06/14".
_DATE = re.compile(r"\d{1,2}([ ./-])\d{1,2}\1(?:19|20)\d{2}|(?:19|20)\d{2}([ ./-])\d{1,2}\2\d{1,2}")
# The languages country names are read in: Europe's, and those of the policy's names.
COUNTRY_LANGUAGES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "nb", "sv", "da", "fi", "is", "pl", "cs", "sk",
    "hu", "ro", "bg", "hr", "sl", "sr", "el", "tr", "lt", "lv", "et", "uk", "ru", "ja", "ko",
)  # fmt: skip
COUNTRY_SHARE = 0.8  # of a column's values naming countries: a country column
MAX_REGIONS = 6  # the table's most frequent countries, tried in turn
FIRST_READ = 20  # a column's first values, read before all of them to tell a country column
_CODE = re.compile(r"[A-Z]{2,3}")


def is_written_as_phone(text: str) -> bool:
    """Seven to fifteen digits in groups (or after a ``+``), as a phone is written; a date
    or an IP address written in groups is not one."""
    text = text.strip()
    if not _WRITTEN.fullmatch(text) or not _SEPARATOR.search(text):
        return False
    if _DATE.fullmatch(text) or _IPV4.fullmatch(text):
        return False
    return MIN_DIGITS <= len(digits_of(_EXTENSION.sub("", text))) <= MAX_PHONE_DIGITS


def layout(text: str) -> str:
    """How a number is written, each group of digits by its length (``(0374) 068-124``:
    ``(4) 3-3``): two columns of one table written alike are written by the same hands, and
    a bank account in groups is grouped otherwise than the table's phones."""
    return _DIGITS.sub(lambda group: str(len(group[0])), text.strip())


def country_regions(columns: Iterable[Sequence[object]]) -> tuple[str, ...]:
    """The regions a table's country columns name (ISO 3166 codes, two or three letters,
    or names), most frequent first; a column counts when most of its values are countries."""
    counts: Counter[str] = Counter()
    for values in columns:
        texts = [v.strip() for v in values if isinstance(v, str) and v.strip()]
        if not texts or not _countries(texts[:FIRST_READ]):
            continue
        regions = [region for text in texts if (region := _region_of(text))]
        if len(regions) >= COUNTRY_SHARE * len(texts):
            counts.update(regions)
    return tuple(region for region, _ in counts.most_common(MAX_REGIONS))


def number_regions(columns: Iterable[Sequence[object]]) -> tuple[str, ...]:
    """The regions of the numbers a table's columns hold with their country code (a phone
    column's ``+40 712 034 567``), most frequent first; a column counts when most of its
    first values are such numbers."""
    counts: Counter[str] = Counter()
    for values in columns:
        texts = [v.strip() for v in values[:FIRST_READ] if isinstance(v, str) and v.strip()]
        international = [t for t in texts if t.startswith(("+", "00")) and is_written_as_phone(t)]
        if not texts or len(international) < COUNTRY_SHARE * len(texts):
            continue
        counts.update(region for text in international if (region := _number_region(text)))
    return tuple(region for region, _ in counts.most_common(MAX_REGIONS))


def _number_region(text: str) -> str | None:
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    return (
        phonenumbers.region_code_for_number(number)
        if phonenumbers.is_valid_number(number)
        else None
    )


def _countries(texts: list[str]) -> bool:
    """Are most of these countries (a column's first values, before all are read)?"""
    return sum(_region_of(text) is not None for text in texts) >= COUNTRY_SHARE * len(texts)


def _region_of(text: str) -> str | None:
    if _CODE.fullmatch(text):
        return _codes().get(text)
    if len(text) < 4 or not text[0].isalpha():
        return None
    return _country_names().get(text.casefold())


@cache
def _codes() -> dict[str, str]:
    """ISO 3166 alpha-2 codes of the regions with a phone plan, and alpha-3 codes (CLDR's
    aliases) of the same."""
    from babel.core import get_global

    regions = phonenumbers.SUPPORTED_REGIONS
    codes = {code: code for code in regions}
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and targets[0] in regions:
            codes.setdefault(alias, targets[0])
    return codes


@cache
def _country_names() -> dict[str, str]:
    """Countries' names, case folded, in the languages above (Babel's CLDR data)."""
    from babel import Locale

    regions = phonenumbers.SUPPORTED_REGIONS
    names: dict[str, str] = {}
    for language in COUNTRY_LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if code in regions:
                names.setdefault(name.casefold(), code)
    return names


def load_country_data() -> None:
    """Read the codes and names before a worker's first table (``detect.warm_up``)."""
    _codes()
    _country_names()


@lru_cache(maxsize=1 << 16)
def is_valid_in(text: str, region: str) -> bool:
    """A number the region's phone plan assigns, read as written there (cached: a column's
    values repeat, and a table's phone columns are read against the same regions)."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, region))
    except phonenumbers.NumberParseException:
        return False


def mostly_valid(values: Sequence[str], regions: Sequence[str], share: float) -> bool:
    """Does a phone plan of one of ``regions`` assign at least ``share`` of the values (the
    first ``MAX_JUDGED``)? Reading stops once the answer is known either way."""
    values = values[:MAX_JUDGED]
    if not values or not regions:
        return False
    needed = share * len(values)
    valid = 0
    for read, value in enumerate(values, start=1):
        valid += any(is_valid_in(value, region) for region in regions)
        if valid >= needed or valid + len(values) - read < needed:
            break
    return valid >= needed
