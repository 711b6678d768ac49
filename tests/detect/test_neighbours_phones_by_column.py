"""A column of numbers that only a neighbour's phone plan (Swedish, Finnish, British, German)
accepts is a phone column by its context alone: a name that says phone, the table's
countries, a phone column beside it. Without any, grouped numbers are a code's."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from tests.detect.classified import found

NEIGHBOURS = ["SE", "FI", "GB", "DE"]  # Denmark's eight digits are read as Norway's


def _numbers(region: str, n: int = 40, seed: int = 13) -> list[str]:
    """Numbers the region's plan assigns, written at home, none of them eight digits:
    its example mobile and fixed numbers with their last four digits varied."""
    rng = random.Random(seed)
    numbers: list[str] = []
    while len(numbers) < n:
        kind = rng.choice([PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
        example = phonenumbers.example_number_for_type(region, kind)
        digits = str(example.national_number)
        example.national_number = int(digits[:-4] + f"{rng.randrange(10000):04d}")
        written = phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)
        if phonenumbers.is_valid_number(example) and len(example.national_number.__str__()) != 8:
            numbers.append(written)
    return numbers


def _international(region: str, n: int = 40) -> list[str]:
    return [
        phonenumbers.format_number(phonenumbers.parse(v, region), PhoneNumberFormat.INTERNATIONAL)
        for v in _numbers(region, n, seed=14)
    ]


@pytest.mark.parametrize("region", NEIGHBOURS)
def test_neighbours_numbers_alone_in_a_column_say_nothing_of_a_phone(region):
    assert found("inv.items", ("code", _numbers(region)))["code"] is None


@pytest.mark.parametrize("region", NEIGHBOURS)
def test_neighbours_numbers_under_a_phones_name_are_phones(region):
    assert found("inv.items", ("mobil", _numbers(region)))["mobil"] == "phone"


@pytest.mark.parametrize("region", NEIGHBOURS)
def test_neighbours_numbers_in_a_table_of_their_country_are_phones(region):
    table = found("crm.people", ("country", [region] * 40), ("second", _numbers(region)))
    assert table["second"] == "phone"


@pytest.mark.parametrize("region", NEIGHBOURS)
def test_neighbours_numbers_beside_a_phone_column_of_their_country_are_phones(region):
    written_alike = found(
        "crm.people", ("telefon", _numbers(region)), ("second", _numbers(region, seed=15))
    )
    with_country_codes = found(
        "crm.people", ("phone", _international(region)), ("second", _numbers(region, seed=15))
    )
    assert written_alike == {"telefon": "phone", "second": "phone"}
    assert with_country_codes == {"phone": "phone", "second": "phone"}
