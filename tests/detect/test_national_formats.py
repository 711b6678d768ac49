"""Phone numbers and personal numbers as other countries write them, judged by column: a
name that says phone in any language, a phone column written alike beside it, the table's
countries; and look-alikes in groups of digits (part numbers, references, tracking
numbers) that must stay none."""

from __future__ import annotations

import random

import pytest
from faker import Faker
from stdnum.bg import egn
from stdnum.lt import asmens

from include.governance.detect.national_ids import bare_id_strength
from include.governance.detect.phones import country_regions, is_written_as_phone, mostly_valid
from include.governance.detect.table_context import classify_table
from include.governance.inventory.report import describe_evidence
from include.governance.sampling import ColumnSample, TableSample
from tests.detect.classified import POLICY, found

EMAILS = [f"person{i}@example.org" for i in range(40)]


def _phones(locale: str, n: int = 40, seed: int = 1) -> list[str]:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return [fake.phone_number() for _ in range(n)]


def _grouped(rng: random.Random, groups: tuple[int, ...], lead: str = "") -> str:
    parts = ["".join(str(rng.randrange(10)) for _ in range(n)) for n in groups]
    return lead + " ".join(parts)


@pytest.mark.parametrize("column", ["gsm", "telefonas", "hp_no", "direct_line", "tel1"])
def test_a_column_named_for_a_phone_in_any_language_holds_national_numbers(column: str) -> None:
    assert found("staff", (column, _phones("bg_BG")), ("email", EMAILS))[column] == "phone"


@pytest.mark.parametrize(("locale", "other"), [("bg_BG", "domashen"), ("uk_UA", "robochyi")])
def test_a_second_number_written_like_the_tables_phones_is_a_phone(locale: str, other: str):
    table = found("staff", ("telefon", _phones(locale)), (other, _phones(locale, seed=2)))
    assert table == {"telefon": "phone", other: "phone"}


def _greek_mobiles(n: int = 40) -> list[str]:
    rng = random.Random(4)
    return [_grouped(rng, (3, 4), f"69{rng.randrange(10)} ") for _ in range(n)]


def test_numbers_valid_in_the_tables_countries_are_phones_without_a_name() -> None:
    countries = ["GR", "Greece", "CY"] * 10
    table = found("customers", ("country", countries), ("second", _greek_mobiles()))
    assert table["second"] == "phone"


def test_without_a_name_context_or_a_phone_beside_them_national_numbers_are_not_enough():
    assert found("records", ("second", _greek_mobiles()))["second"] is None
    assert found("records", ("second", _phones("bg_BG")))["second"] is None


def test_a_persons_attribute_rows_of_phones_in_national_formats_are_phones() -> None:
    numbers = _phones("en_US", 40)
    table = found(
        "shop.customer_entity_varchar",
        ("attribute_id", ["151", "152"] * 20),
        ("entity_id", [str(i) for i in range(40)]),
        ("value", numbers),
    )
    assert table["value"] == "phone"
    products = found(
        "shop.catalog_product_entity_varchar",
        ("attribute_id", ["73"] * 40),
        ("value", numbers),
    )
    assert products["value"] is None


def test_numbers_grouped_otherwise_than_the_tables_phones_are_not_taken_for_them() -> None:
    rng = random.Random(8)
    accounts = [_grouped(rng, (4, 2, 5)) for _ in range(40)]  # 1234 56 78901
    norwegian = [_grouped(rng, (2, 2, 3), "9") for _ in range(40)]  # 912 34 567
    assert found("members", ("phone", norwegian), ("other_no", accounts))["other_no"] is None


def test_the_report_says_how_a_national_number_was_judged() -> None:
    sample = TableSample(
        [
            ColumnSample("telefon", "text", _phones("bg_BG")),
            ColumnSample("domashen", "text", _phones("bg_BG", seed=2)),
        ],
        rows_sampled=40,
        method="test",
    )
    finding = classify_table("staff", sample, POLICY)["domashen"]
    line = describe_evidence(finding.evidence, examples=False)
    assert line.startswith("90% of 40 values checked written as a phone as a country writes it")
    assert "written like a phone column" in line


def test_country_columns_name_regions_by_code_or_name() -> None:
    assert country_regions([["DE", "RO", "DE", "HR"]]) == ("DE", "RO", "HR")
    assert country_regions([["Germany", "România", "Hrvatska", "Germany"]])[0] == "DE"
    assert country_regions([["DEU", "ROU", "DEU"]]) == ("DE", "RO")
    assert country_regions([["Red", "Blue", "Green"]]) == ()


def test_a_phone_is_written_with_digits_in_groups_and_a_date_is_not() -> None:
    written = ["(0374) 068-124", "+359(0)798 917215", "010-8128-6144", "+(370) 67869474"]
    assert all(map(is_written_as_phone, written))
    assert not any(
        map(is_written_as_phone, ["30-07-2025", "14 06 2025", "123", "SO-2501-0001", "10.20.30.40"])
    )


def test_validity_is_judged_against_the_regions_given() -> None:
    numbers = _phones("ro_RO", 30)
    assert mostly_valid(numbers * 3, ("RO",), 0.9)
    assert not mostly_valid(numbers, ("US",), 0.5)


@pytest.mark.parametrize(
    ("column", "groups", "lead"),
    [
        ("part_no", (2, 3, 3), "0"),  # 0NN NNN NNN: a Croatian or Bulgarian number's form
        ("sku", (3, 3, 3), "0"),
        ("tracking_no", (2, 4, 4, 4, 2), "00"),  # an SSCC in groups
        ("reference", (4, 3, 3), ""),
        ("waybill", (3, 3, 4), ""),
    ],
)
def test_codes_of_things_in_groups_of_digits_are_no_phones(column, groups, lead) -> None:
    rng = random.Random(7)
    codes = [_grouped(rng, groups, lead) for _ in range(60)]
    beside = _phones("hr_HR", 60)
    assert found("stock", (column, codes))[column] is None
    assert found("stock", ("telefon", beside), (column, codes))[column] is None
    international = [f"+47 {92000000 + i * 7919}" for i in range(60)]
    assert found("stock", (column, international))[column] == "phone"


def _egn(rng: random.Random) -> str:
    head = f"{rng.randrange(40, 99)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
    head += f"{rng.randrange(1000):03d}"
    return head + egn.calc_check_digit(head)


def _asmens(rng: random.Random) -> str:
    head = f"{rng.choice('3456')}{rng.randrange(40, 99)}{rng.randrange(1, 13):02d}"
    head += f"{rng.randrange(1, 29):02d}{rng.randrange(1000):03d}"
    return head + asmens.calc_check_digit(head + "0")


@pytest.mark.parametrize("column", ["egn_no", "asmens_kodas", "personal_code", "nr"])
def test_bare_personal_numbers_with_a_date_and_check_digit_are_national_ids(column) -> None:
    rng = random.Random(5)
    numbers = [_egn(rng) if i % 2 else _asmens(rng) for i in range(60)]
    assert found("staff", (column, numbers), ("email", EMAILS))[column] == "national_id"


@pytest.mark.parametrize("locale", ["uk_UA", "hr_HR", "tr_TR"])
@pytest.mark.parametrize("column", ["personal_code", "id_no", "IdNumber"])
def test_numbers_with_one_check_digit_count_beside_a_name_that_says_so(locale, column) -> None:
    fake = Faker(locale)
    fake.seed_instance(3)
    numbers = [fake.ssn() for _ in range(60)]
    assert found("staff", (column, numbers))[column] == "national_id"
    if locale != "tr_TR":  # a TC Kimlik No has two check digits: it counts unnamed
        assert found("staff", ("paid_no", numbers))["paid_no"] is None


@pytest.mark.parametrize(
    ("number", "strength"),
    [
        ("8501011236", "strong"),  # a Swedish personnummer without its dash
        ("198501011236", "strong"),
        ("85010112387", "strong"),  # a Belgian national number
        ("12345678909", "strong"),  # a CPF: two check digits
        ("3068052317", "weak"),  # an RNOKPP: one
        ("85010112388", None),
        ("850101-1236", None),  # written forms are national_ids.FORMS's
    ],
)
def test_bare_numbers_by_how_few_other_numbers_their_checks_let_through(number, strength):
    assert bare_id_strength(number) == strength


def test_order_numbers_of_ten_or_eleven_digits_are_no_personal_numbers() -> None:
    rng = random.Random(9)
    for digits in (10, 11, 13):
        numbers = ["".join(str(rng.randrange(10)) for _ in range(digits)) for _ in range(80)]
        assert found("orders", ("order_no", numbers), ("nr", numbers))["nr"] is None
