"""Norwegian identifiers with valid check digits: fødselsnummer, org. numbers, bank accounts.

A scanner that validates check digits must find the real fødselsnummer and must not be
fooled by bank account numbers, which are also 11 digits with a mod-11 check digit; so the
demo data needs both kinds to be valid, and no account number may pass as a fødselsnummer.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from stdnum.no import fodselsnummer, kontonr, orgnr

_FNR_WEIGHTS_1 = np.array([3, 7, 6, 1, 8, 9, 4, 5, 2])
_FNR_WEIGHTS_2 = np.array([5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
_PLACES = 10 ** np.arange(8, -1, -1)  # digit places of a 9-digit number, most significant first


def _check_digit(digits: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The mod-11 check digit of each row of ``digits``; 10 means no valid digit exists."""
    return (11 - (digits @ weights) % 11) % 11


def fodselsnummer_from(birth_dates: np.ndarray, male: np.ndarray, u: np.ndarray) -> list[str]:
    """A valid fødselsnummer per person, consistent with birth date and sex.

    Digits: DDMMYY, a three-digit individual number (000-499 for births in 1900-1999,
    500-999 for 2000-2039; odd for men, even for women), then two check digits. ``u`` picks
    the individual number; when a check digit would be 10, the next number of the same sex
    is tried, as the population register does. Checked against python-stdnum in the tests.
    """
    days = birth_dates.astype("datetime64[D]")
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    if years.size and (years.min() < 1900 or years.max() > 2039):
        raise ValueError("fødselsnummer are built here for births in 1900-2039 only")
    months = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
    day_of_month = (days - days.astype("datetime64[M]")).astype(np.int64) + 1
    date_part = day_of_month * 10_000 + months * 100 + years % 100
    first_individual = np.where(years >= 2000, 500, 0) + np.asarray(male, dtype=np.int64)
    step = (np.asarray(u) * 250).astype(np.int64)  # which of the 250 numbers of that sex
    numbers = np.full(len(days), -1, dtype=np.int64)
    for attempt in range(250):
        todo = np.flatnonzero(numbers < 0)
        if not todo.size:
            break
        individual = first_individual[todo] + 2 * ((step[todo] + attempt) % 250)
        prefix = date_part[todo] * 1000 + individual
        digits = prefix[:, None] // _PLACES % 10
        check1 = _check_digit(digits, _FNR_WEIGHTS_1)
        check2 = _check_digit(np.column_stack([digits, check1]), _FNR_WEIGHTS_2)
        valid = (check1 < 10) & (check2 < 10)
        numbers[todo[valid]] = (prefix * 100 + check1 * 10 + check2)[valid]
    return [f"{number:011d}" for number in numbers.tolist()]


def _with_check_digit(base: str, is_valid: Callable[[str], bool]) -> str | None:
    """``base`` plus the one check digit that makes it valid, or None when none does."""
    return next((base + d for d in "0123456789" if is_valid(base + d)), None)


def org_number(rng: np.random.Generator) -> str:
    """A valid 9-digit organisation number (they start with 8 or 9)."""
    while True:
        base = str(rng.integers(8, 10)) + "".join(map(str, rng.integers(0, 10, 7)))
        number = _with_check_digit(base, orgnr.is_valid)
        if number:
            return number


def bank_account(rng: np.random.Generator, bank_codes: tuple[str, ...]) -> str:
    """A valid 11-digit bank account number (kontonummer) that is not a valid fødselsnummer."""
    while True:
        base = str(rng.choice(bank_codes)) + "".join(map(str, rng.integers(0, 10, 6)))
        number = _with_check_digit(base, kontonr.is_valid)
        if number and not fodselsnummer.is_valid(number):
            return number


def mobile_numbers(u_leading: np.ndarray, u_rest: np.ndarray, u_format: np.ndarray) -> list[str]:
    """Norwegian mobile numbers (8 digits from 4 or 9) in the formats people type them."""
    leading = np.where(u_leading < 0.45, 4, 9)
    rest = (u_rest * 10_000_000).astype(np.int64)
    numbers = (leading * 10_000_000 + rest).tolist()
    formats = np.searchsorted([0.3, 0.6, 0.7, 0.9], u_format, side="right").tolist()
    return [_format_mobile(n, f) for n, f in zip(numbers, formats, strict=True)]


def _format_mobile(number: int, style: int) -> str:
    digits = str(number)
    grouped = f"{digits[:3]} {digits[3:5]} {digits[5:]}"
    return (digits, f"+47 {grouped}", grouped, f"0047 {digits}", f"+47{digits}")[style]
