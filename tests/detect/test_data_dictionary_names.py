"""Column names of an ERP's data dictionary and of application schemas, by kind: SAP's
German field names cut to five characters (the same in every SAP system), an address's
record number (a key, not a house number), a place of birth (neither a date of birth nor
an address), flags about a value (``birthdate_estimated``) but what is said about health
(``allergy_status``), passports, causes of death, a bank account's holder, a table keyed
by a personnel number, and a business partner's own key."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.detect.classified import category_of, found


@pytest.mark.parametrize(
    ("column", "category"),
    [
        ("KUNNR", "customer_id"),  # Kundennummer
        ("STRAS", "postal_address"),  # Straße
        ("PSTLZ", "postal_address"),  # Postleitzahl
        ("HSNMR", "postal_address"),  # Hausnummer
        ("REGIO", "postal_address"),
        ("TELF1", "phone"),
        ("TELFX", "phone"),  # Telefax
        ("TELNR", "phone"),
        ("SMTP_ADDR", "email"),
        ("BANKN", "payment"),  # the bank account's number
        ("KOINH", "name"),  # Kontoinhaber: the account's holder
        ("GBDAT", "date_of_birth"),  # Geburtsdatum
        ("GESCH", "gender"),  # Geschlecht
        ("ANRED", "gender"),  # Anrede: the salutation
        ("VORNA", "name"),
        ("NACHN", "name"),
        ("BNAME", "username"),  # Benutzername
        ("ERNAM", "username"),  # who created the record, by their logon name
        ("AENAM", "username"),
        ("account_holder", "name"),
        ("kontohaver", "name"),
        ("passport_id", "national_id"),
        ("cause_of_death", "health"),
        ("todesursache", "health"),
    ],
)
def test_names_that_say_what_they_hold(column, category):
    assert category_of(column) == category


@pytest.mark.parametrize(
    "column",
    [
        "ADRNR",  # SAP: the address's record number, a key to ADRC
        "ADDRNUMBER",
        "addressnumber",  # Dataverse's customeraddress
        "place_of_birth",
        "birth_place",
        "birth_country",
        "lieu_de_naissance",
        "lugar_nacimiento",
        "birthdate_estimated",
        "dob_estimated",
    ],
)
def test_names_that_hold_none_of_it(column):
    assert category_of(column) is None


def test_a_house_number_is_still_an_address():
    assert category_of("house_number") == "postal_address"
    assert category_of("hausnummer") == "postal_address"


@pytest.mark.parametrize("column", ["allergy_status", "diagnosis_type", "prescription_count"])
def test_what_a_name_says_about_health_data_is_health_data(column):
    assert category_of(column) == "health"


def test_an_address_keyed_by_a_personnel_number_is_a_persons():
    """SAP's addresses of employees (``PA0006``): no name beside them but a ``c/o`` line,
    keyed by the personnel number (``PERNR``)."""
    fake = Faker("cs_CZ")
    fake.seed_instance(3)
    columns = found(
        "sapsr3.PA0006",
        ("PERNR", [f"{10000 + i:08d}" for i in range(40)]),
        ("NAME2", ["" if i % 3 else f"c/o {fake.name()}" for i in range(40)]),
        ("STRAS", [fake.street_name() for _ in range(40)]),
        ("HSNMR", [fake.building_number() for _ in range(40)]),
        ("ORT01", [fake.city() for _ in range(40)]),
        ("PSTLZ", [fake.postcode() for _ in range(40)]),
    )
    assert {c: columns[c] for c in ("STRAS", "HSNMR", "ORT01", "PSTLZ")} == dict.fromkeys(
        ("STRAS", "HSNMR", "ORT01", "PSTLZ"), "postal_address"
    )
    assert columns["PERNR"] is None  # a personnel number is no national ID


def test_a_business_partners_own_key_is_the_customer_number():
    """Odoo's ``res_partner`` (and a CRM's partners): the people and firms it sells to."""
    fake = Faker("de_CH")
    fake.seed_instance(4)
    columns = found(
        "odoo.res_partner",
        ("id", [str(i) for i in range(1, 41)]),
        ("name", [fake.name() for _ in range(40)]),
        ("email", [fake.email() for _ in range(40)]),
    )
    assert columns["id"] == "customer_id"


def test_a_members_own_key_named_for_them_is_the_customer_number():
    fake = Faker("en_GB")
    fake.seed_instance(5)
    columns = found(
        "app.tblMember",
        ("intMemberID", [str(i) for i in range(1, 41)]),
        ("strFirstName", [fake.first_name() for _ in range(40)]),
        ("strEmail", [fake.email() for _ in range(40)]),
    )
    assert columns["intMemberID"] == "customer_id"


def test_blank_values_are_no_values():
    """SAP writes blanks, not NULLs: a second name line blank in most rows holds names."""
    fake = Faker("sv_SE")
    fake.seed_instance(6)
    names = ["" if i % 5 else fake.name() for i in range(100)]
    assert found("sapsr3.KNA1", ("NAME2", names))["NAME2"] == "name"


def test_a_surnames_particles_are_a_name_though_lower_case():
    particles = ["van", "de", "ten", "von", "de", "van", "dos", "da"] * 5
    columns = found("crm.klant", ("tussenvoegsel", particles))
    assert columns["tussenvoegsel"] == "name"


def test_an_address_line_of_streets_named_after_people_is_an_address():
    fake = Faker("en_GB")
    fake.seed_instance(7)
    streets = [f"{fake.first_name()} {fake.street_suffix()}" for _ in range(40)]
    assert found("crm.addresses", ("address2", streets))["address2"] == "postal_address"
