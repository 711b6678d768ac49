"""Naming conventions, other countries' numbers and the table as context: kinds of data and
of naming, each written here as a schema nobody on the project designed might write it."""

from __future__ import annotations

import pytest
from faker import Faker

from include.governance.detect.names import normalise
from include.governance.detect.values import is_iban, is_national_id
from tests.detect.classified import category_of, found


@pytest.mark.parametrize(
    ("column", "category"),
    [
        ("fname", "name"),
        ("lname", "name"),
        ("maiden_name", "name"),
        ("strFirstName", "name"),
        ("efternamn", "name"),
        ("Nachname", "name"),
        ("sukunimi", "name"),
        ("custPhone", "phone"),
        ("cust_ph", "phone"),
        ("Fax", "phone"),
        ("billing_state", "postal_address"),
        ("BillingCountry", "postal_address"),
        ("state_province", "postal_address"),
        ("addr_line2", "postal_address"),
        ("zip4", "postal_address"),
        ("postnr", "postal_address"),
        ("Straße", "postal_address"),
        ("by", "postal_address"),
        ("cust_id", "customer_id"),
        ("kunde_nr", "customer_id"),
        ("acct_no", "payment"),
        ("bankkonto", "payment"),
        ("usr_login", "username"),
        ("benutzername", "username"),
        ("ssn", "national_id"),
        ("cpr_nr", "national_id"),
        ("fodelsedatum", "date_of_birth"),
        ("Geschlecht", "gender"),
    ],
)
def test_names_of_other_conventions_and_languages_point_at_their_category(column, category):
    assert category_of(column) == category


@pytest.mark.parametrize(
    "column",
    ["address_id", "city_id", "CountryId", "prescription_id", "addr_type", "created_by"],
)
def test_keys_kinds_and_who_did_it_are_not_the_thing_they_name(column):
    assert category_of(column) is None


def test_a_listed_key_name_still_matches_whole():
    assert category_of("customer_id") == "customer_id"
    assert category_of("device_type") == "device"


def test_normalise_splits_camel_case_digits_and_writes_abbreviations_out():
    assert normalise("BillingPostalCode") == "billing_postal_code"
    assert normalise("addr_line1") == "address_line_1"
    assert normalise("IPAddress") == "ip_address"


@pytest.mark.parametrize("column", ["", "_", "#", "__"])
def test_a_name_without_words_normalises_to_nothing(column):
    assert normalise(column) == ""


@pytest.mark.parametrize("locale", ["en_US", "sv_SE", "fi_FI"])
def test_national_id_accepts_other_countries_numbers_as_faker_writes_them(locale):
    fake = Faker(locale)
    fake.seed_instance(7)
    values = [fake.ssn() for _ in range(50)]
    assert sum(map(is_national_id, values)) >= 45


def test_national_id_accepts_a_nino_and_rejects_look_alikes():
    assert is_national_id("AB 12 34 56 C")
    assert not is_national_id("65929970489")  # a Steuer-ID: eleven digits, found by name
    assert not is_national_id("ZZ 12 34 56 C")  # a prefix never allocated
    assert not is_national_id("123456789")  # nine bare digits: any id
    assert not is_national_id("12345678901")


def test_iban_accepts_check_digits_only():
    fake = Faker("de_DE")
    fake.seed_instance(3)
    assert all(is_iban(fake.iban()) for _ in range(20))
    assert not is_iban("DE00123456781234567890")


def test_names_of_things_in_a_table_of_things_are_not_people():
    fake = Faker("en_US")
    fake.seed_instance(1)
    titles = [f"{fake.first_name()} {fake.word().title()} Blues" for _ in range(10)]
    titles += [fake.catch_phrase().title() for _ in range(30)]
    assert found("album", ("album_id", [str(i) for i in range(40)]), ("title", titles)) == {
        "album_id": None,
        "title": None,
    }


def test_a_name_column_counts_in_a_table_of_people_or_when_most_values_are_names():
    fake = Faker("en_US")
    fake.seed_instance(2)
    names = [fake.name() for _ in range(40)]
    emails = [fake.email() for _ in range(40)]
    assert found("agents", ("name", names), ("email", emails))["name"] == "name"
    assert found("track", ("composer", names))["composer"] == "name"


def test_contact_details_of_companies_and_places_are_not_personal():
    fake = Faker("en_US")
    fake.seed_instance(3)
    companies = [fake.company() for _ in range(40)]
    cities = [fake.city() for _ in range(40)]
    streets = [fake.street_address() for _ in range(40)]
    assert set(found("vendor", ("vendor_nm", companies), ("vendor_city", cities)).values()) == {
        None
    }
    assert found("locations", ("street_address", streets), ("city", cities)) == {
        "street_address": None,
        "city": None,
    }


def test_contact_details_of_people_and_of_an_address_table_are_personal():
    fake = Faker("en_US")
    fake.seed_instance(4)
    cities = [fake.city() for _ in range(40)]
    streets = [fake.street_address() for _ in range(40)]
    people = found("members", ("fname", [fake.first_name() for _ in range(40)]), ("city", cities))
    assert people == {"fname": "name", "city": "postal_address"}
    assert found("address", ("address", streets), ("city", cities)) == {
        "address": "postal_address",
        "city": "postal_address",
    }
    keyed = found("orders", ("cust_id", [str(i) for i in range(40)]), ("ship_city", cities))
    assert keyed["ship_city"] == "postal_address"
