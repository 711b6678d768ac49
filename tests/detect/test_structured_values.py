"""JSON text and key/value (EAV) tables are judged by the names beside their values; names of
things (companies, products) are no people's, whatever their values look like."""

from __future__ import annotations

import json

from faker import Faker

from include.governance.detect.classify import classify_column
from include.governance.sampling import ColumnSample
from tests.detect.classified import POLICY, found


def category(column: str, values: list) -> str | None:
    finding = classify_column(ColumnSample(column, "text", values), POLICY)
    return finding.category if finding else None


def test_json_of_an_address_is_a_postal_address_in_any_language():
    fake = Faker("es_ES")
    fake.seed_instance(1)
    english = [
        json.dumps({"street": fake.street_address(), "city": fake.city(), "zip": fake.postcode()})
        for _ in range(30)
    ]
    spanish = [
        json.dumps({"calle": fake.street_name(), "ciudad": fake.city(), "pais": "España"})
        for _ in range(30)
    ]
    assert category("extra", english) == "postal_address"
    assert category("datos", spanish) == "postal_address"


def test_json_of_a_products_details_is_no_ones_though_its_text_names_people():
    fake = Faker("en_US")
    fake.seed_instance(2)
    details = [
        json.dumps(
            {
                "colour": fake.color_name(),
                "brand": fake.company(),
                "description": f"Designed by {fake.name()} for {fake.name()}. {fake.sentence()}",
                "sizes": ["S", "M", "L"],
            }
        )
        for _ in range(40)
    ]
    assert category("details", details) is None
    preferences = [json.dumps({"newsletter": True, "language": "fr"}) for _ in range(40)]
    assert category("preferences", preferences) is None


def test_a_key_value_tables_value_column_is_what_its_keys_name():
    fake = Faker("pt_BR")
    fake.seed_instance(3)
    keys = ["telefone_celular", "telefone_residencial", "telefone_trabalho"] * 20
    numbers = [f"{fake.random_int(10, 99)}{fake.random_int(1000000, 9999999)}" for _ in keys]
    table = found(
        "cliente_atributos",
        ("cliente_ref", [str(i) for i in range(60)]),
        ("atributo", keys),
        ("valor", numbers),
    )
    assert table["valor"] == "phone"
    assert table["atributo"] is None


def test_a_key_value_table_of_product_attributes_is_no_ones():
    keys = ["colour", "weight", "width", "material"] * 15
    values = ["red", "12 kg", "40 cm", "oak"] * 15
    assert found("product_attributes", ("attribute", keys), ("value", values))["value"] is None


def test_a_companys_name_is_no_persons_even_in_a_table_of_customers():
    fake = Faker("en_US")
    fake.seed_instance(4)
    companies = [f"{fake.first_name()} {fake.last_name()} Trading" for _ in range(40)]
    people = [fake.name() for _ in range(40)]
    emails = [fake.email() for _ in range(40)]
    table = found(
        "customers", ("company_name", companies), ("contact_name", people), ("email", emails)
    )
    assert table == {"company_name": None, "contact_name": "name", "email": "email"}
