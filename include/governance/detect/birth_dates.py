"""Dates of birth in free text, in the ways people write them: "født 12.03.1948",
"f. 3/4-51", "DOB 1948-03-12", "born 12 March 1948", "fødselsdato: 12. mars 1948",
"fdato 120348", "född 3 maj 1950", "geboren am 4. März 1950", "syntynyt 12. toukokuuta
1950", "27th of May 1938", "DOB 19580317".

A date is someone's date of birth when a cue says so, or when it lies too far back to be
anything a shop's note dates (an order, a delivery): more than ``OLD_YEARS`` years
before today. Only real calendar dates count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from include.governance.detect.patterns import alternation
from include.governance.detect.spans import Span

OLD_YEARS = 16
_MONTHS = {
    "jan": 1, "januar": 1, "feb": 2, "februar": 2, "february": 2,
    "mar": 3, "mars": 3, "march": 3, "apr": 4, "april": 4, "mai": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "des": 12, "desember": 12,
    "dec": 12, "december": 12,
    # Swedish, Danish, German and Finnish (the genitive, as dates write it)
    "februari": 2, "marts": 3, "maj": 5, "augusti": 8, "januar.": 1,
    "jänner": 1, "märz": 3, "maerz": 3, "dezember": 12, "dez": 12, "mär": 3,
    "tammikuuta": 1, "helmikuuta": 2, "maaliskuuta": 3, "huhtikuuta": 4,
    "toukokuuta": 5, "kesäkuuta": 6, "heinäkuuta": 7, "elokuuta": 8, "syyskuuta": 9,
    "lokakuuta": 10, "marraskuuta": 11, "joulukuuta": 12,
}  # fmt: skip
_MONTH = alternation(sorted(_MONTHS, key=len, reverse=True), ignore_case=True, patterns=True)
_NUMERIC = (
    r"(?P<d>\d{1,2})\s?[./-]\s?(?P<m>\d{1,2})\s?[./-]\s?(?P<y>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<cd>\d{2})(?P<cm>\d{2})(?P<cy>\d{2}|(?:19|20)\d{2})"  # 120348, 12031948: after a cue
    r"|(?P<ky>(?:19|20)\d{2})(?P<km>\d{2})(?P<kd>\d{2})"  # 19480312, only after a cue
)
_WORDS = (
    rf"(?P<wd>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<wm>{_MONTH})\.?,?\s+(?P<wy>\d{{4}})"
    rf"|(?P<vm>{_MONTH})\.?\s+(?P<vd>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<vy>\d{{4}})"
)
_DATE = re.compile(rf"(?<![\w.,/-])(?:{_WORDS}|{_NUMERIC})(?![\w]|[./-]\d)", re.IGNORECASE)
_CUE = re.compile(
    r"(?:\b(?:født|fødd|fodt|f|fdato|f\.dato|fødselsdato|fødselsdag|fødd den|dob|d\.o\.b|"
    r"born|b|birth|birthday|date of birth|birth date|geb|geboren|geburtsdatum|urodzony|"
    r"urodzona|född|födelsedatum|födelsedag|fødselsdag|syntynyt|syntymäaika|s)\.?)"
    r"\s*(?:den|on|am|:|-)?\s*$",
    re.IGNORECASE,
)
_CUE_WINDOW = 25
# The (day, month, year) groups of each way of writing a date.
_GROUPS = (("d", "m", "y"), ("id", "im", "iy"), ("cd", "cm", "cy"), ("kd", "km", "ky"),
           ("wd", "wm", "wy"), ("vd", "vm", "vy"))  # fmt: skip


def birth_dates(text: str, *, today: date | None = None) -> Iterator[Span]:
    today = today or date.today()
    for match in _DATE.finditer(text):
        moment = _date_of(match, today)
        if moment is None:
            continue
        cued = bool(_CUE.search(text, max(0, match.start() - _CUE_WINDOW), match.start()))
        compact = match["cd"] is not None or match["kd"] is not None
        if cued or (not compact and today.year - moment.year > OLD_YEARS):
            yield Span("date_of_birth", match.start(), match.end())


def _date_of(match: re.Match[str], today: date) -> date | None:
    groups = match.groupdict()
    for day, month, year in _GROUPS:
        if groups[day] is None:
            continue
        month_value = groups[month]
        number = _MONTHS[month_value.lower()] if month_value.isalpha() else int(month_value)
        year_value = int(groups[year])
        if len(groups[year]) == 2:  # the latest century that puts it in the past
            year_value += 2000 if 2000 + year_value <= today.year else 1900
        try:
            moment = date(year_value, number, int(groups[day]))
        except ValueError:
            return None
        return moment if moment <= today else None
    return None
