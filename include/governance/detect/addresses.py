"""Postal addresses in free text: a street and its number, a postcode and its place, a
post-office box, each alone or together ("Storgata 12B, 0155 Oslo", "Bjørnstjerne
Bjørnsons gate 3", "Postboks 123, 4001 Stavanger", "14 Baker Street, London NW1 6XE").

A street is a word that ends like one in Norwegian, Swedish or Danish ("-gata", "-veien",
"-vägen", "-vej") or a street word after capitalised words ("Thor Olsens gate", "Baker
Street"), with a house number; a name without a number is a place, not an address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from include.governance.detect.spans import Span

_UPPER, _LOWER = "A-ZÆØÅÄÖÜ", "a-zæøåäöüéè"
_CAPITALISED = rf"[{_UPPER}][{_LOWER}'’.-]*"
# Street endings, the end of one word: Storgata, Kirkeveien, Drottningvägen, Østergade.
_ENDINGS = (
    "gata", "gate", "gaten", "gt", "veien", "vegen", "vei", "veg", "vn", "allé", "alle",
    "alléen", "plass", "plassen", "torg", "torget", "stien", "stig", "stigen", "bakken",
    "bakke", "lia", "lien", "åsen", "haugen", "svingen", "kroken", "brekka", "brekke",
    "tunet", "ringen", "hagen", "jordet", "løkka", "kollen", "berget", "dalen", "brygge",
    "bryggen", "kaia", "kaien", "tråkket", "grenda", "sletta", "vägen", "väg", "gatan",
    "vej", "vejen", "gade", "gaden", "stræde", "strasse", "straße", "weg", "ulica",
)  # fmt: skip
# Street words standing alone, after the name's capitalised words.
_STREET_WORDS = (
    "gate", "gata", "vei", "veg", "allé", "plass", "torg", "Street", "St", "Road", "Rd",
    "Avenue", "Ave", "Lane", "Way", "Drive", "Close", "Court", "Place", "Square",
    "Terrace", "Gardens", "Crescent", "Row", "Walk", "Hill", "Park",
)  # fmt: skip
_NUMBER = rf"\d{{1,4}}(?: ?[A-Za-z](?![{_LOWER}]))?(?:[ ,]+[HhUuKk]\d{{4}})?"
_PLACE = rf"[{_UPPER}][{_LOWER}-]+(?: [{_UPPER}][{_LOWER}-]+)?"
_POSTCODE = rf"(?:(?:N|NO)-)?\d{{4}} {_PLACE}"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
_ENDED = "|".join(_ENDINGS)
_NORDIC_STREET = (
    rf"(?:(?:{_CAPITALISED} ){{0,3}}[{_UPPER}][{_LOWER}-]*(?:{_ENDED})"
    rf"|(?:{_CAPITALISED} ){{1,3}}(?:{'|'.join(_STREET_WORDS[:7])}))"
    rf" {_NUMBER}"
)
_ENGLISH_STREET = (
    rf"\d{{1,4}}[A-Za-z]? (?:{_CAPITALISED} ){{1,3}}(?:{'|'.join(_STREET_WORDS[7:])})\b"
)
_BOX = rf"(?:Postboks|Pb\.?|P\.? ?O\.? Box|Box) \d{{1,5}}(?: {_PLACE})?"
_TAIL = rf"(?:,? {_POSTCODE}|,? {_PLACE}(?:,? {_UK_POSTCODE})?|,? {_UK_POSTCODE})?"
_ADDRESS = re.compile(
    rf"(?<![\w-])(?:(?:{_NORDIC_STREET}|{_BOX})(?:,? {_POSTCODE})?|{_ENGLISH_STREET}{_TAIL}"
    rf"|{_POSTCODE})(?![\w-])"
)


def addresses(text: str) -> Iterator[Span]:
    for match in _ADDRESS.finditer(text):
        yield Span("address", match.start(), match.end())
