"""Other countries' personal identification numbers, by their check digits, not their shapes:
numbers as Faker writes them for each locale, and the same numbers with a check digit
changed, and look-alikes (order numbers, barcodes) that must not pass."""

from __future__ import annotations

import random

import pytest
from faker import Faker

from include.governance.detect.national_ids import is_personal_id
from include.governance.detect.values import is_national_id


@pytest.mark.parametrize(
    ("locale", "method"),
    [
        ("fr_FR", "ssn"),  # NIR
        ("es_ES", "nif"),  # DNI
        ("es_ES", "nie"),
        ("pt_BR", "cpf"),  # 123.456.789-09
        ("it_IT", "ssn"),  # codice fiscale
        ("nl_NL", "ssn"),  # BSN
        ("en_CA", "ssn"),  # SIN
        ("ro_RO", "ssn"),  # CNP
        ("de_CH", "ssn"),  # AHV
        ("es_MX", "curp"),
        ("en_US", "itin"),
    ],
)
def test_personal_numbers_of_other_countries_pass_their_own_checks(locale, method):
    fake = Faker(locale)
    fake.seed_instance(11)
    values = [getattr(fake, method)() for _ in range(40)]
    assert sum(map(is_national_id, values)) >= 38


def changed_check_digit(number: str) -> str:
    last = number[-1]
    if last.isdigit():
        return number[:-1] + str((int(last) + 1) % 10)
    return number[:-1] + ("B" if last == "A" else "A")


@pytest.mark.parametrize(
    "number",
    [
        "1 85 05 78 006 084 91",  # France: NIR, as written
        "12345678Z",  # Spain: DNI
        "X1234567L",  # Spain: NIE
        "111.444.777-35",  # Brazil: CPF
        "RSSMRA85T10A562S",  # Italy: codice fiscale
        "111222333",  # Netherlands: BSN
        "130 692 544",  # Canada: SIN
        "756.9217.0769.85",  # Switzerland: AHV
        "1234567T",  # Ireland: PPS
        "2345 6789 0124",  # India: Aadhaar (Verhoeff)
        "6214 9832 0257",  # Japan: My Number
        "1237 010180",  # Austria: Versicherungsnummer
        "760311/0120",  # Czechia: rodné číslo
    ],
)
def test_a_number_passes_and_with_its_check_digit_changed_fails(number):
    assert is_personal_id(number)
    assert not is_personal_id(changed_check_digit(number))


def test_bare_digits_of_order_numbers_and_barcodes_mostly_fail():
    rng = random.Random(5)
    for length in (9, 10, 12, 13, 15):
        numbers = ["".join(rng.choice("0123456789") for _ in range(length)) for _ in range(2000)]
        assert sum(map(is_personal_id, numbers)) / len(numbers) < 0.2, length


def test_eleven_bare_digits_are_left_to_the_fodselsnummer_and_to_names():
    assert not is_personal_id("11144477735")  # a CPF's digits: the fødselsnummer's form
    assert not is_national_id("65929970489")  # a Steuer-ID
