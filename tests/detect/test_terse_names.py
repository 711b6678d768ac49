"""Terse, abbreviated and opaque column names, by kind: fields sharing a table's prefix (RPG
and JD Edwards style), names written in capitals or surname first, a table of people
recognised from the lists' given names and surnames where its names say nothing,
salutations whatever their column is called, legacy ERPs' German, Dutch and Nordic
abbreviations, and RPG-style table names."""

from __future__ import annotations

import pytest
from faker import Faker

from include.governance.detect.values import is_person_name
from tests.detect.classified import category_of, found

us = Faker("en_US")
us.seed_instance(12)
gb = Faker("en_GB")
gb.seed_instance(12)
de = Faker("de_DE")
de.seed_instance(12)


def _upper(values: list[str]) -> list[str]:
    return [v.upper().replace("\n", " ") for v in values]


def test_fields_sharing_a_tables_prefix_are_read_without_it():
    columns = found(
        "prodlib.CUSMST",
        ("CMNAM1", _upper([us.name() for _ in range(40)])),
        ("CMADR1", _upper([us.street_address() for _ in range(40)])),
        ("CMCITY", _upper([us.city() for _ in range(40)])),
        ("CMZIP", [us.zipcode() for _ in range(40)]),
        ("CMPHON", [us.phone_number() for _ in range(40)]),
    )
    assert columns == {
        "CMNAM1": "name",
        "CMADR1": "postal_address",
        "CMCITY": "postal_address",
        "CMZIP": "postal_address",
        "CMPHON": "phone",
    }


def test_a_customer_master_files_own_key_named_for_it_is_the_customer_number():
    columns = found(
        "prodlib.CUSMST",
        ("CMCUST", [str(10000 + i) for i in range(40)]),
        ("CMNAM1", _upper([us.name() for _ in range(40)])),
        ("CMCITY", _upper([us.city() for _ in range(40)])),
    )
    assert columns["CMCUST"] == "customer_id"


def test_a_shared_start_that_is_part_of_the_words_is_no_prefix():
    columns = found(
        "crm.member",
        ("postcode", [de.postcode() for _ in range(40)]),
        ("postort", [de.city() for _ in range(40)]),
        ("poststed", [de.city() for _ in range(40)]),
    )
    assert set(columns.values()) == {"postal_address"}


@pytest.mark.parametrize("value", ["JESSICA BELL", "Hill, Denise", "BELL, JESSICA"])
def test_a_name_in_capitals_or_surname_first_is_a_persons(value):
    assert is_person_name(value)


@pytest.mark.parametrize(
    "value", ["ROGERS LOGISTICS LLC", "STEEL BOLT M8", "Lyon, France", "ZINC PLATED"]
)
def test_companies_things_and_places_in_capitals_or_with_a_comma_are_no_persons(value):
    assert not is_person_name(value)


def test_given_names_beside_surnames_make_a_table_of_people_whatever_its_names():
    columns = found(
        "proddta.F0111",
        ("WWGNNM", [gb.first_name() for _ in range(40)]),
        ("WWSRNM", [gb.last_name() for _ in range(40)]),
        ("WWTYC", ["A"] * 40),
    )
    assert columns == {"WWGNNM": "name", "WWSRNM": "name", "WWTYC": None}


def test_given_names_alone_in_a_table_of_things_are_no_persons():
    """Models named like people (``Astrid``, ``Hugo``) beside prices: no surname, no person."""
    columns = found(
        "catalog.products",
        ("mdl", [gb.first_name() for _ in range(40)]),
        ("prc", [f"{i}.95" for i in range(40)]),
    )
    assert columns["mdl"] is None


@pytest.mark.parametrize(
    ("column", "values"),
    [("anr", ["Herr", "Frau"]), ("aanspr", ["Dhr.", "Mevr."]), ("WWSALU", ["Mr", "Ms", "Mrs"])],
)
def test_salutations_say_a_gender_whatever_their_column_is_called(column, values):
    columns = found(
        "crm.kd_stamm",
        (column, [values[i % len(values)] for i in range(40)]),
        ("email", [us.email() for _ in range(40)]),
    )
    assert columns[column] == "gender"


def test_sizes_are_no_gender():
    columns = found("shop.article", ("gr", ["S", "M", "L", "XL"] * 10))
    assert columns["gr"] is None


@pytest.mark.parametrize(
    ("column", "category"),
    [
        ("vorn", "name"),
        ("nachn", "name"),
        ("vnaam", "name"),
        ("anaam", "name"),
        ("fnavn", "name"),
        ("enavn", "name"),
        ("fnamn", "name"),
        ("enamn", "name"),
        ("str", "postal_address"),
        ("hnr", "postal_address"),
        ("huisnr", "postal_address"),
        ("wpl", "postal_address"),
        ("pc", "postal_address"),
        ("lief_str", "postal_address"),
        ("geb_dat", "date_of_birth"),
        ("gebdat", "date_of_birth"),
        ("fdato", "date_of_birth"),
        ("tfn", "phone"),
        ("gsm", "phone"),
        ("kd_nr", "customer_id"),
    ],
)
def test_legacy_erps_german_dutch_and_nordic_abbreviations(column, category):
    assert category_of(column) == category


@pytest.mark.parametrize(
    ("column", "category"),
    [("NAM1", None), ("FNAM", "name"), ("LNAM", "name"), ("PHON", "phone"),
     ("BDAT", "date_of_birth"), ("BRDT", "date_of_birth"), ("CNTY", "postal_address"),
     ("ADD1", "postal_address")],
)  # fmt: skip
def test_rpg_and_jd_edwards_abbreviations(column, category):
    """``NAM1`` is a name's line: a name that needs its values."""
    assert category_of(column) == category


def test_a_warehouse_master_file_holds_no_persons_contact_details():
    columns = found(
        "prodlib.WHSMST",
        ("WHDESC", [f"{us.city().upper()} DC" for _ in range(40)]),
        ("WHADR1", _upper([us.street_address() for _ in range(40)])),
        ("WHCITY", _upper([us.city() for _ in range(40)])),
        ("WHPHON", [us.phone_number() for _ in range(40)]),
    )
    assert set(columns.values()) == {None}


def test_a_table_of_firms_holds_no_persons_contact_details():
    columns = found(
        "warenwirt.lief_stamm",
        ("firma", [f"{de.last_name()} GmbH" for _ in range(40)]),
        ("str", [de.street_name() for _ in range(40)]),
        ("plz", [de.postcode() for _ in range(40)]),
        ("ort", [de.city() for _ in range(40)]),
        ("tel", [de.phone_number() for _ in range(40)]),
    )
    assert set(columns.values()) == {None}


@pytest.mark.parametrize(
    ("column", "category"), [("strNINO", "national_id"), ("dtmDOB", "date_of_birth")]
)
def test_a_hungarian_prefix_before_a_word_in_capitals_is_the_type_not_a_street(column, category):
    """``str`` is a street written short in German, and a string's type before a capital."""
    assert category_of(column) == category


def test_add_is_an_address_only_as_a_numbered_line():
    """RPG and JD Edwards write an address's lines ``ADD1``, ``ALADD2``; elsewhere ``add``
    is what was added and when (``add_date``, ``ADDUSER``), in a table of people too."""
    columns = found(
        "crm.customers",
        ("first_name", [us.first_name() for _ in range(40)]),
        ("last_name", [us.last_name() for _ in range(40)]),
        ("email", [us.email() for _ in range(40)]),
        ("add_date", [us.date_time().isoformat() for _ in range(40)]),
        ("ADDUSER", ["admin", "batch", "sys", "import"] * 10),
        ("add1", [us.street_address() for _ in range(40)]),
    )
    assert (columns["add_date"], columns["ADDUSER"]) == (None, None)
    assert columns["add1"] == "postal_address"
