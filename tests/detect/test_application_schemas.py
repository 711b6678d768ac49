"""Applications' schemas, by kind: names run together (``gendercode``, ``internalemailaddress``),
option-set codes, card columns written ``cc_``, keys of a record's owner, an organisation's
mailboxes and legal forms, workflow states, titles, OAuth clients, dates, ISO codes in a
column named as a key, and JSON that names a person among technical keys."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

import pytest
from faker import Faker

from benchmarks.inventory_sets.faker_apps import php_serialise
from include.governance.detect.classify import classify_column
from include.governance.detect.table_context import named_for_addresses, named_for_people
from include.governance.sampling import ColumnSample
from tests.detect.classified import POLICY, category_of, found

fake = Faker("en_US")
fake.seed_instance(11)
rng = random.Random(11)
COMPANIES = [  # firms named for people, with their legal form after the name
    f"{f.last_name()} {rng.choice(['Logistics', 'Foods', 'Media', 'Textiles'])} {form}"
    for f in (fake, Faker("nl_NL"))
    for form in ("LLC", "Inc.", "Ltd", "B.V.", "GmbH")
    for _ in range(6)
]
PHONES = [f"+1 202-555-{rng.randrange(100, 200):04d}" for _ in range(40)]
STREETS = [fake.street_address() for _ in range(40)]
UUIDS = [f"{rng.getrandbits(128):032x}" for _ in range(40)]


def _category(name: str, kind: str, values: list) -> str | None:
    finding = classify_column(ColumnSample(name, kind, values), POLICY)
    return finding.category if finding else None


@pytest.mark.parametrize(
    ("column", "category"),
    [
        ("gendercode", "gender"),
        ("lastnamephonetic", "name"),
        ("alternatename", "name"),
        ("yomifirstname", "name"),
        ("internalemailaddress", "email"),
        ("nickname", "name"),
        ("Preferred_Name__c", "name"),
        ("cc_last_4", "payment"),
        ("cc_exp_year", "payment"),
        ("cc_number", "payment"),
    ],
)
def test_application_column_names(column, category):
    assert category_of(column) == category


@pytest.mark.parametrize(
    "column", ["address1_addresstypecode", "familystatuscode", "address_type_code", "cc_type"]
)
def test_option_set_codes_say_what_kind_a_value_is(column):
    assert category_of(column) is None


def test_a_record_owners_key_does_not_make_a_table_of_people():
    columns = found(
        "suitecrm.accounts",
        ("name", COMPANIES[:40]),
        ("billing_address_street", STREETS),
        ("phone_office", PHONES),
        ("assigned_user_id", UUIDS),
        ("created_by", UUIDS),
    )
    assert columns["billing_address_street"] is None
    assert columns["phone_office"] is None


def test_a_key_to_a_person_still_makes_a_table_of_people():
    columns = found("crm.tickets", ("contact_id", UUIDS), ("callback_phone", PHONES))
    assert columns["callback_phone"] == "phone"


def test_an_organisations_mailboxes_are_not_a_persons_email():
    columns = found(
        "dataverse.account",
        ("name", COMPANIES[:40]),
        (
            "emailaddress1",
            [f"{rng.choice(['info', 'sales', 'contact'])}@co{i}.example" for i in range(40)],
        ),
        ("telephone1", PHONES),
        ("address1_line1", STREETS),
    )
    assert set(columns.values()) == {None}


def test_peoples_emails_beside_a_company_name_are_personal():
    columns = found(
        "crm.account",
        ("name", COMPANIES[:40]),
        ("email", [f"{fake.first_name().lower()}.{i}@example.com" for i in range(40)]),
    )
    assert columns["email"] == "email"


@pytest.mark.parametrize("column", ["Company", "account_name", "name"])
def test_company_names_with_a_legal_form_name_no_person(column):
    assert _category(column, "text", COMPANIES) is None


def test_workflow_states_are_no_address():
    states = ["pending", "processing", "complete", "canceled", "holded"] * 8
    assert _category("state", "text", states) is None
    assert _category("state", "text", [fake.state() for _ in range(40)]) == "postal_address"


def test_titles_with_numbers_name_no_person():
    courses = [f"Organic Chemistry {rng.choice(['I', 'II'])} ({2020 + i % 5})" for i in range(40)]
    assert found("moodle.mdl_course", ("fullname", courses))["fullname"] is None
    people = [fake.name() for _ in range(40)]
    assert found("moodle.mdl_course", ("fullname", people))["fullname"] == "name"


def test_oauth_clients_are_no_customers():
    clients = ["account", "account-console", "admin-cli", "moodle-lms", "security-admin-console"]
    assert _category("client_id", "text", clients * 8) is None
    assert _category("client_id", "text", [f"C-{1000 + i}" for i in range(40)]) == "customer_id"


def test_a_moment_is_no_login():
    moments = [datetime(2026, 1, 1) + timedelta(hours=7 * i) for i in range(40)]
    assert _category("LastLoginDate", "datetime", moments) is None


def test_iso_country_codes_in_a_column_named_as_a_key_are_the_address_country():
    columns = found(
        "magento.customer_address_entity",
        ("street", STREETS),
        ("country_id", [rng.choice(["US", "MX", "CA"]) for _ in range(40)]),
        ("region_id", [str(rng.randrange(1, 60)) for _ in range(40)]),
    )
    assert columns["country_id"] == "postal_address"
    assert columns["region_id"] is None


def test_a_thing_named_in_one_word_does_not_make_its_table_a_things():
    ips = [fake.ipv4_public() for _ in range(40)]
    columns = found(
        "moodle.mdl_logstore_standard_log",
        ("eventname", ["\\core\\event\\course_viewed"] * 40),
        ("ip", ips),
    )
    assert columns["ip"] == "ip_address"


def test_json_naming_a_person_among_technical_keys_is_theirs():
    events = [
        json.dumps(
            {
                "auth_method": "openid-connect",
                "redirect_uri": "https://lms.example/cb",
                "code_id": u,
                "username": f"{fake.user_name()}{i}",
            }
        )
        for i, u in enumerate(UUIDS)
    ]
    assert _category("details_json", "text", events) == "username"


def test_json_nulls_beside_objects_are_no_values():
    failed = [json.dumps({"username": fake.user_name(), "reason": 3}) for _ in range(10)]
    assert _category("other", "text", ["null"] * 30 + failed) == "username"


def test_json_of_technical_keys_is_no_ones():
    credentials = [json.dumps({"hashIterations": 27500, "algorithm": "pbkdf2-sha256"})] * 40
    assert _category("credential_data", "text", credentials) is None


def test_a_table_extending_another_is_of_what_it_extends():
    assert named_for_people("magento.customer_entity_varchar")
    assert named_for_people("suitecrm.contacts_cstm")
    assert named_for_people("moodle.mdl_user_info_data")
    assert named_for_addresses("magento.customer_address_entity")
    assert not named_for_people("magento.catalog_product_entity_varchar")


def test_the_own_key_of_a_table_of_customers_is_the_customer_number():
    ids = [str(i) for i in range(1, 41)]
    emails = [f"{fake.first_name().lower()}.{i}@example.com" for i in range(40)]
    columns = found("magento.customer_entity", ("entity_id", ids), ("email", emails))
    assert columns["entity_id"] == "customer_id"
    columns = found("magento.customer_address_entity", ("entity_id", ids), ("street", STREETS))
    assert columns["entity_id"] is None


def test_a_table_called_client_without_personal_data_is_no_customers():
    clients = ["account-console", "admin-cli", "moodle-lms", "broker"] * 10
    columns = found("keycloak.client", ("id", UUIDS), ("client_id", clients))
    assert set(columns.values()) == {None}


def test_a_persons_attribute_rows_hold_what_a_few_values_validate_as():
    born = [datetime(1950, 1, 1) + timedelta(days=900 * i) for i in range(12)]
    cnps = [_cnp(b) for b in born]
    data = cnps + [str(rng.randrange(1, 5)) for _ in range(40)]
    users = [str(rng.randrange(1, 300)) for _ in data]
    fields = [str(rng.randrange(1, 5)) for _ in data]
    columns = found(
        "moodle.mdl_user_info_data", ("userid", users), ("fieldid", fields), ("data", data)
    )
    assert columns["data"] == "national_id"
    options = ["atto", "0", "1", "true", "title"] * 10
    columns = found(
        "moodle.mdl_user_info_data",
        ("userid", users[:50]),
        ("fieldid", fields[:50]),
        ("data", options),
    )
    assert columns["data"] is None


def test_product_attribute_rows_are_no_ones():
    cnps = [_cnp(datetime(1960, 1, 1) + timedelta(days=700 * i)) for i in range(12)]
    columns = found(
        "shop.catalog_product_entity_varchar",
        ("attribute_id", ["73"] * 40),
        ("value", cnps + ["Nordic Desk Lamp"] * 28),
    )
    assert columns["value"] is None


def _cnp(born: datetime) -> str:
    body = f"1{born:%y%m%d}{rng.randrange(1, 47):02d}{rng.randrange(1000):03d}"
    check = sum(int(d) * int(w) for d, w in zip(body, "279146358279", strict=True)) % 11
    return body + str(1 if check == 10 else check)


def test_php_serialised_arrays_say_what_they_hold_by_their_keys():
    places = [
        php_serialise({"city": fake.city(), "zipcode": fake.zipcode(), "latitude": 59.9, "isp": ""})
        for _ in range(40)
    ]
    assert _category("ip_details", "text", places) == "postal_address"
    handles = [php_serialise({"twitter": {"profile": {"username": f"@{fake.user_name()}"}}})] * 15
    assert _category("social_cache", "text", handles + ["a:0:{}"] * 25) == "username"
    ratings = [php_serialise({"rating": 3, "last_segment": "vip", "note": "é"})] * 40
    assert _category("internal", "text", ratings) is None


def test_civility_is_the_french_made_applications_salutation():
    assert _category("civility", "text", ["MME", "MR", "MLE"] * 14) == "gender"
