"""Postal addresses in free text: a street and its number, a postcode and its place, a
post-office box, each alone or together ("Storgata 12B, 0155 Oslo", "Bjørnstjerne
Bjørnsons gate 3", "Postboks 123, 4001 Stavanger", "14 Baker Street, London NW1 6XE",
"Kungsgatan 5B, 411 19 Göteborg", "Hämeenkatu 14 B 22, 33100 Tampere", "Nørregade 7, 3.
tv., 1165 København K").

A street is a word that ends like one in Norwegian, Swedish, Danish, Finnish or German
("-gata", "-veien", "-vägen", "-vej", "-katu", "-straße") or a street word after
capitalised words ("Thor Olsens gate", "Baker Street"), with a house number (and a
stairway, flat or floor); a name without a number is a place, not an address. A rural
address is often a farm's name and a number before the postcode ("Sørbygda 410, 2410
Hernes", "Nordre Lien, 2665 Lesja"), or its land register numbers ("gnr. 45/bnr. 12").
Typed in lower case (or in capitals), a street counts when its word is a compound with a
street's ending ("sandgata 13", "gamle kongevei 3, 7043 trondheim"), its number said in
words when a postcode follows ("lillevegen fjorten 1164 oslo"). German, Polish and
Lithuanian streets have their word before or after the name ("Am Markt 4", "ul. Długa
15/3", "Pilies g. 4"); a street word may be abbreviated ("Thv. Meyers gt. 20").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from include.governance.detect.patterns import alternation
from include.governance.detect.spans import Span

_UPPER, _LOWER = "A-ZÆØÅÄÖÜĄĆĘŁŃŚŹŻČĖĮŠŲŪŽ", "a-zæøåäöüéèąćęłńóśźżčėįšųūž"
_CAPITALISED = rf"[{_UPPER}][{_LOWER}'’.-]*"
# Street endings, the end of one word: Storgata, Kirkeveien, Drottningvägen, Østergade.
_ENDINGS = (
    "gata", "gate", "gaten", "gt", "veien", "vegen", "vei", "veg", "vn", "allé", "alle",
    "alléen", "plass", "plassen", "torg", "torget", "stien", "stig", "stigen", "bakken",
    "bakke", "lia", "lien", "åsen", "haugen", "svingen", "kroken", "brekka", "brekke",
    "tunet", "ringen", "hagen", "jordet", "løkka", "kollen", "berget", "dalen", "brygge",
    "bryggen", "kaia", "kaien", "tråkket", "grenda", "sletta", "vägen", "väg", "gatan",
    "gränd", "backe", "backen", "leden", "vej", "vejen", "gade", "gaden", "stræde",
    "vænge", "vænget", "plads", "strasse", "straße", "str.", "gasse", "platz", "allee",
    "damm", "weg", "ulica", "katu", "tie", "kuja", "polku", "tori", "väylä", "rinne",
    "kaari", "raitti",
)  # fmt: skip
# Street words standing alone, after the name's capitalised words.
_STREET_WORDS = (
    "gate", "gata", "vei", "veg", "allé", "plass", "torg", "Street", "St", "Road", "Rd",
    "Avenue", "Ave", "Lane", "Way", "Drive", "Close", "Court", "Place", "Square",
    "Terrace", "Gardens", "Crescent", "Row", "Walk", "Hill", "Park", "Grove", "Mews",
    "Rise", "Green", "Parade", "View", "Vale", "Wharf", "Gate",
)  # fmt: skip
# Street words abbreviated after the name: "Thv. Meyers gt. 20", "Kirkegt. 5".
_ABBREVIATED = r"(?:gt|gm|vn|v|pl)\."
# A German street after its preposition ("Am Markt 4", "An der Alster 12"), a Polish one
# after its word ("ul. Długa 15/3"), a Lithuanian one before it ("Pilies g. 4", "Gedimino
# pr. 9-12").
_PREPOSED = (
    r"(?:(?:Am|An der|An den|Auf dem|Auf der|Im|In der|Zum|Zur|Unter den|ul\.|al\.|os\.|pl\.)"
    r" (?:[A-ZÆØÅÄÖÜŁŚŻŹĆŃ][\w'’.-]* ){0,2}[A-ZÆØÅÄÖÜŁŚŻŹĆŃ][\w'’.-]*"
    r"|[A-ZĄČĘĖĮŠŲŪŽ][\w-]* (?:g|pr|al|pl|skg)\.)"
    r" \d{1,4}(?:[/-]\d{1,4})?[A-Za-z]?"
    r"(?:, [A-ZĄČĘĖĮŠŲŪŽ][a-ząčęėįšųūž]+(?![\w-]))?"  # the city without a postcode
)
# A house number, perhaps a letter and a flat ("14 B 22"), a flat number ("H0201"), or a
# Danish floor and side ("3. tv.", "st. th.").
_FLOOR = r"(?:,? (?:(?:\d{1,2}\.|st\.|kl\.) ?(?:tv|th|mf)\.?|\d{1,2}\. sal))"
_NUMBER = (
    rf"\d{{1,4}}(?: ?[A-Za-z](?![{_LOWER}])(?: \d{{1,3}}(?!\d))?)?"
    rf"(?:[ ,]+[HhUuKk]\d{{4}})?{_FLOOR}?"
)
_PLACE = (
    rf"[{_UPPER}][{_LOWER}-]+(?: [{_UPPER}][{_LOWER}-]+| i [{_UPPER}][{_LOWER}-]+)?"
    r"(?: [A-Z](?![\w]))?"
)
# Norwegian and Danish postcodes have four digits, Swedish five (written "411 19"), Finnish
# and German five: five bare digits count only with the country's letters or after a street.
_NORDIC_POSTCODE = r"(?:(?:N|NO|DK)-)?\d{4}|(?:(?:S|SE)-)?\d{3} \d{2}|(?:FI|D|DE)-\d{5}"
_POSTCODE = rf"(?:{_NORDIC_POSTCODE}) {_PLACE}"
_POSTCODE_AFTER_STREET = rf"(?:{_NORDIC_POSTCODE}|\d{{5}}|LT-\d{{5}}|\d{{2}}-\d{{3}}) {_PLACE}"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
_ENDED = alternation(_ENDINGS, patterns=True)
_NORDIC_STREET = (
    rf"(?:(?:{_CAPITALISED} ){{0,3}}[{_UPPER}][{_LOWER}-]*(?:{_ENDED})"
    rf"|(?:{_CAPITALISED} ){{1,3}}(?:{'|'.join(_STREET_WORDS[:7])}|{_ABBREVIATED}))"
    rf" {_NUMBER}"
    rf"|{_PREPOSED}"
)
_ENGLISH_STREET = (
    r"(?:(?:Flat|Apartment|Apt\.?|Unit) \d{1,4}[A-Za-z]?, )?"
    rf"\d{{1,4}}[A-Za-z]? (?:{_CAPITALISED} ){{1,3}}(?:{'|'.join(_STREET_WORDS[7:])})\b"
)
_BOX = rf"(?:Postboks|Pb\.?|P\.? ?O\.? Box|Box|Postbox|PL) \d{{1,5}}(?: {_PLACE})?"
_TAIL = rf"(?:,? {_POSTCODE}|,? {_PLACE}(?:,? {_UK_POSTCODE})?|,? {_UK_POSTCODE})?"
# A farm's or a place's name, perhaps with a number, before a postcode and its place.
_FARM = r"(?: (?:gård|gard|gården|garden|gaard|gårdsbruk|søndre|nordre|øvre|nedre))?"
_RURAL = (
    rf"(?:{_CAPITALISED} ){{0,2}}{_CAPITALISED}{_FARM}(?: \d{{1,4}}[A-Za-z]?{_FLOOR}?)?"
    rf", {_POSTCODE}"
)
_LAND_REGISTER = (
    r"(?i:gnr)\.? ?\d{1,4}\s*[/,]?\s*(?i:bnr)\.? ?\d{1,4}"
    rf"(?:,? {_POSTCODE})?"
)
_ADDRESS = re.compile(
    rf"(?<![\w-])(?:(?:{_NORDIC_STREET}|{_BOX})(?:,? {_POSTCODE_AFTER_STREET})?"
    rf"|{_ENGLISH_STREET}{_TAIL}|{_RURAL}|{_POSTCODE}|{_LAND_REGISTER})(?![\w-])"
)
# In lower case: a compound word with a street's ending and a number, perhaps with the
# postcode and place ("sandgata 13", "gamle kongevei 3, 7043 trondheim").
_LOWER_PREFIX = (
    r"(?:gamle|gamla|nye|nya|store|stora|lille|lilla|øvre|övre|nedre|nordre|søndre|vestre|østre) "
)
# A house number said in words, counted only before a postcode ("lillevegen fjorten 1164").
_NUMBER_WORDS = (
    "en", "ett", "ein", "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni",
    "ti", "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten",
    "nitten", "tjue", "tjueen", "tjueto", "tretti", "førti", "femti",
)  # fmt: skip
_LOWER_POSTCODE = r"(?:\d{4}|\d{3} \d{2}) [a-zæøåäö]+(?: i [a-zæøåäö]+)?"
_LOWER_STREET = re.compile(
    rf"(?<![\w-])(?:{_LOWER_PREFIX})?[a-zæøåäö]{{3,}}(?:{_ENDED})"
    rf"(?: \d{{1,4}}(?: ?[a-z](?![\w]))?(?:,? {_LOWER_POSTCODE})?"
    rf"| (?:{'|'.join(_NUMBER_WORDS)}),? {_LOWER_POSTCODE})(?![\w-])"
)


def addresses(text: str) -> Iterator[Span]:
    for pattern in (_ADDRESS, _LOWER_STREET):
        for match in pattern.finditer(text):
            yield Span("address", match.start(), match.end())
    if _CAPITALS.search(text):  # typed in capitals: as in lower case
        for match in _LOWER_STREET.finditer(text.lower()):
            if text[match.start() : match.end()].isupper():
                yield Span("address", match.start(), match.end())


_CAPITALS = re.compile(rf"[{_UPPER}]{{4,}} \d")
