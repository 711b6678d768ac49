"""Phones written in another country's national format inside free text: found where the
table's rows say which countries they are from (a country column, a phone column's numbers
with their country code), never product codes, order numbers, amounts or dates."""

from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from include.governance.detect.text import find_personal_data
from tests.detect.classified import found

# Regions whose national formats the Nordic defaults do not read (none a held-out set's)
REGIONS = ["RO", "HR", "TR", "GR", "SK", "HU", "BG", "UA", "SI", "RS", "LV", "KR", "ZA", "MX"]


def _national(region: str, kind: PhoneNumberType) -> str:
    """The phone plan's own example number of ``kind``, as written at home."""
    example = phonenumbers.example_number_for_type(region, kind)
    return phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)


def _phones(text: str, regions: tuple[str, ...]) -> list[str]:
    return [
        text[s.start : s.end]
        for s in find_personal_data(text, regions=regions)
        if s.kind == "phone"
    ]


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("kind", [PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
def test_a_national_number_in_a_note_is_a_phone_in_its_country(region, kind):
    number = _national(region, kind)
    assert _phones(f"Kunden ba oss ringe {number} i morgen.", (region,)) == [number]


@pytest.mark.parametrize(
    "note",
    [
        "Ordre 512 345 678 er sendt.",
        "order no. 601 123 456 shipped",
        "SKU 0712-034-567 er utsolgt",
        "art.nr 212 345 678 på lager",
        "sporing 0501 234 56 78",
        "Lot 21 234 567 kassert",
        "Beløp 1 234 567 kr",
        "betalt kr 12 345 678",
        "faktura 612 34 56 78",
        "levert 14 06 2025 kl 10",
    ],
)
def test_codes_orders_amounts_and_dates_in_a_note_are_no_phones_in_any_country(note):
    assert _phones(note, ("PL", "CZ", "ES", "RO", "TR", "LV", "SK")) == []


def _table_of_contacts(countries: list[str], notes: list[str]) -> dict[str, str | None]:
    return found(
        "crm.contacts",
        ("country", countries),
        ("notes", notes),
    )


def test_a_notes_column_with_national_phones_is_personal_where_its_rows_name_countries():
    mobile, fixed = PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE
    kinds = [("GR", mobile), ("MX", mobile), ("MX", fixed), ("RS", mobile)]
    numbers = [_national(region, kind) for region, kind in kinds] * 10
    regions = ["GR", "MX", "RS", "MX"] * 10
    notes = [f"Ring kunden tilbake på {n} etter klokken tre." for n in numbers]
    assert _table_of_contacts(regions, notes)["notes"] == "customer_service"
    # without a country, the same numbers are no phones the note can be judged by
    assert found("crm.contacts", ("notes", notes))["notes"] is None


def test_a_notes_column_of_order_numbers_stays_none_beside_a_country_column():
    notes = [f"Ordre {512345670 + i:,} er sendt til lageret.".replace(",", " ") for i in range(40)]
    assert _table_of_contacts(["PL", "CZ"] * 20, notes)["notes"] is None


def test_a_phone_columns_country_codes_say_which_country_a_notes_numbers_are_from():
    mobile = _national("RO", PhoneNumberType.MOBILE)
    example = phonenumbers.example_number_for_type("RO", PhoneNumberType.MOBILE)
    international = phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL)
    columns = found(
        "crm.contacts",
        ("phone", [international] * 40),
        ("notes", [f"Kunden vil bli ringt på {mobile} heller, etter jobb."] * 40),
    )
    assert columns == {"phone": "phone", "notes": "customer_service"}
