"""National ID numbers in notes as people read them out and type them, beyond the written
forms the number runs of :mod:`text` take (``ddmmyy nnnnn``, ``yymmdd-nnnn``).

* A fødselsnummer or D-number read out in pairs ("12 06 47 924 48"): both mod-11 check
  digits and a birth date let about one random number in 300 through, as in its written
  forms.
* A Swedish personnummer with its century and without its dash (``yyyymmddnnnn``): a date
  in the last 130 years and a Luhn digit.
* Ten bare digits are as often a phone or an order number, so a Danish CPR number (a date)
  or a Swedish personnummer (a date and a Luhn digit) without its dash counts only after
  the word that names it ("CPR 2204531594", "Personnummer: 4607124432").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.dk import cpr
from stdnum.se import personnummer

from include.governance.detect.spans import Span
from include.governance.detect.validators import is_valid_national_id

_NOT_BEFORE, _NOT_AFTER = r"(?<![\w.,+/-])", r"(?![\w/]|[.,]\d| \d)"
_IN_PAIRS = re.compile(rf"{_NOT_BEFORE}\d\d \d\d \d\d (?:\d{{3}} ?\d\d|\d{{5}}){_NOT_AFTER}")
_WITH_CENTURY = re.compile(rf"{_NOT_BEFORE}(?:19|20)\d{{10}}{_NOT_AFTER}")
_TEN = re.compile(rf"{_NOT_BEFORE}\d{{10}}{_NOT_AFTER}")
# The words naming the number, then a separator or "is": "CPR-nr.:", "personnummer är".
_NAMED = re.compile(
    r"\b(?i:cpr|personnummer|personnr|pers\.?\s?nr|pnr|person\s?id|personbeteckning"
    r"|personal\s+(?:id|identity)(?:\s+number)?|henkilötunnus|fødselsnummer|fødselsnr)"
    r"(?i:[\s-]?(?:nr|nummer|number|no|numret|nummeret))?\.?\s*[:#]?\s*"
    r"(?i:(?:er|is|är|on|ist|lyder)\s+)?$"
)
_CUE_WINDOW = 40


# Any of the forms above holds one of these; led by a digit, it is looked for quickly.
_ANY = re.compile(r"\d{10}|\d\d \d\d \d\d \d")


def national_ids_as_said(text: str) -> Iterator[Span]:
    if not _ANY.search(text):
        return
    for match in _IN_PAIRS.finditer(text):
        if is_valid_national_id(match[0].replace(" ", "")):
            yield Span("national_id", match.start(), match.end())
    for match in _WITH_CENTURY.finditer(text):
        if personnummer.is_valid(match[0]):
            yield Span("national_id", match.start(), match.end())
    for match in _TEN.finditer(text):
        named = _NAMED.search(text, max(0, match.start() - _CUE_WINDOW), match.start())
        if named and (cpr.is_valid(match[0]) or personnummer.is_valid(match[0])):
            yield Span("national_id", match.start(), match.end())
