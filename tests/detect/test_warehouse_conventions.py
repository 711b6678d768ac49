"""A data warehouse's conventions and a French business schema's, by kind: surrogate and
business keys, places and premises named in other languages, things named like people,
salutations and logins in columns of other names, French abbreviations, creators of works."""

from __future__ import annotations

import pytest
from faker import Faker

from include.governance.detect.values import is_person_name
from tests.detect.classified import category_of, found

fake = Faker("en_US")
fake.seed_instance(16)
fr = Faker("fr_FR")
fr.seed_instance(16)


@pytest.mark.parametrize(
    "column",
    ["CustomerKey", "CustomerAlternateKey", "customer_sk", "ClientBusinessKey"],
)
def test_surrogate_and_business_keys_of_customers_are_customer_numbers(column):
    assert category_of(column) == "customer_id"


@pytest.mark.parametrize("column", ["ProductKey", "GeographyKey", "AddressKey", "CityAlternateKey"])
def test_other_warehouse_keys_are_no_category(column):
    assert category_of(column) is None


@pytest.mark.parametrize(
    "column", ["cp", "cp_livraison", "date_naiss", "dt_naiss", "fecha_nac", "data_nasc"]
)
def test_french_spanish_and_portuguese_abbreviations(column):
    expected = "postal_address" if column.startswith("cp") else "date_of_birth"
    assert category_of(column) == expected


@pytest.mark.parametrize("column", ["LoginID", "logon_id"])
def test_a_login_id_is_the_login(column):
    assert category_of(column) == "username"


@pytest.mark.parametrize(
    "table", ["dw.DimGeography", "dw.DimSalesTerritory", "ref.villes", "geo.ciudades"]
)
def test_a_table_of_places_holds_no_persons_address_nor_ip(table):
    columns = found(
        table,
        ("City", [fake.city() for _ in range(40)]),
        ("PostalCode", [fake.zipcode() for _ in range(40)]),
        ("StateProvinceName", [fake.state() for _ in range(40)]),
        ("IpAddressLocator", [fake.ipv4_public() for _ in range(40)]),
    )
    assert set(columns.values()) == {None}


@pytest.mark.parametrize("table", ["gestion.magasins", "ventas.sucursales", "it.negozi"])
def test_a_table_of_shops_in_other_languages_holds_no_persons_contact_details(table):
    columns = found(
        table,
        ("nom_magasin", [f"Maison Durand {fr.city()}" for _ in range(40)]),
        ("adresse", [fr.street_address() for _ in range(40)]),
        ("ville", [fr.city() for _ in range(40)]),
        ("telephone", [fr.phone_number() for _ in range(40)]),
    )
    assert set(columns.values()) == {None}


def test_a_people_table_keeps_its_ip_address():
    columns = found(
        "web.visits",
        ("email", [fake.email() for _ in range(40)]),
        ("ip_address", [fake.ipv4_public() for _ in range(40)]),
    )
    assert columns["ip_address"] == "ip_address"


@pytest.mark.parametrize("column", ["ModelName", "nom_modele", "modelo_nombre"])
def test_a_models_name_is_a_things_though_it_reads_like_a_persons(column):
    models = [f"{fake.first_name()} {fake.random_element(['Classic', 'Studio'])}"]
    columns = found(
        "dw.DimProduct",
        ("EnglishProductName", [f"{m} Chair, Black" for m in models * 40]),
        (column, [f"{fake.first_name()} Classic" for _ in range(40)]),
    )
    assert columns[column] is None


def test_a_title_column_of_salutations_is_a_gender_of_job_titles_nothing():
    columns = found(
        "dw.DimCustomer",
        ("FirstName", [fake.first_name() for _ in range(40)]),
        ("Title", [fake.random_element(["Mr.", "Ms.", "Mrs."]) for _ in range(40)]),
    )
    assert columns["Title"] == "gender"
    jobs = found(
        "dw.DimEmployee",
        ("FirstName", [fake.first_name() for _ in range(40)]),
        ("Title", [fake.job() for _ in range(40)]),
    )
    assert jobs["Title"] is None


def test_a_works_author_is_a_person_in_a_table_of_works():
    columns = found(
        "gestion.ouvrages",
        ("titre", [fr.catch_phrase() for _ in range(40)]),
        ("auteur", [fr.name() for _ in range(40)]),
    )
    assert columns == {"titre": None, "auteur": "name"}


def test_a_works_title_naming_people_is_no_gender():
    """``title`` confirms a gender by salutations only, never by names found in its text."""
    columns = found(
        "music.album",
        (
            "Title",
            [f"Songs for {fake.name()}" if i % 5 == 0 else fake.catch_phrase() for i in range(40)],
        ),
        ("Price", [str(fake.random_int(5, 20)) for _ in range(40)]),
    )
    assert columns["Title"] is None


@pytest.mark.parametrize("value", ["Éric Dupont", "Émile Le Menard", "Pénélope Labbé-Roux"])
def test_a_given_name_written_with_its_accents_is_known_by_its_letters(value):
    """The lists know "Eric", "Emile", "Penelope"; a French keyboard writes the accents."""
    assert is_person_name(value)


@pytest.mark.parametrize(
    "table", ["dw.DimReseller", "sales.dealers", "crm.distributors", "ref.wholesalers"]
)
def test_a_table_of_trading_partners_holds_no_persons_contact_details(table):
    columns = found(
        table,
        (
            "BusinessType",
            [fake.random_element(["Warehouse", "Specialty Store"]) for _ in range(40)],
        ),
        ("Phone", [fake.phone_number() for _ in range(40)]),
        ("AddressLine1", [fake.street_address() for _ in range(40)]),
    )
    assert set(columns.values()) == {None}


@pytest.mark.parametrize(
    ("column", "category"),
    [
        ("num_client", "customer_id"),
        ("no_client", "customer_id"),
        ("cle_client", "customer_id"),
        ("numero_client", "customer_id"),
        ("telecopie", "phone"),
        ("date_nais", "date_of_birth"),
    ],
)
def test_french_names_written_head_first_and_other_french_words(column, category):
    """French puts the head first (``numéro client``) and abbreviates it (``num``, ``no``,
    ``clé``)."""
    assert category_of(column) == category


def test_french_salutations_in_a_titre_and_genders_in_words():
    columns = found(
        "crm.contacts",
        ("prenom", [fr.first_name() for _ in range(40)]),
        ("titre", [fr.random_element(["M.", "Mme", "Mlle"]) for _ in range(40)]),
        ("genre", [fr.random_element(["Homme", "Femme"]) for _ in range(40)]),
    )
    assert columns == {"prenom": "name", "titre": "gender", "genre": "gender"}


def test_a_films_genre_is_no_gender():
    columns = found(
        "app.film",
        ("title", [fake.catch_phrase() for _ in range(40)]),
        ("genre", [fake.random_element(["Drama", "Comedy", "Thriller"]) for _ in range(40)]),
    )
    assert columns == {"title": None, "genre": None}


def test_a_suffix_of_generations_is_part_of_a_persons_name_a_streets_is_not():
    columns = found(
        "dw.DimCustomer",
        ("FirstName", [fake.first_name() for _ in range(40)]),
        ("Suffix", [fake.random_element(["Jr.", "Sr.", "II", "III"]) for _ in range(12)]),
        ("StreetSuffix", [fake.street_suffix() for _ in range(40)]),
    )
    assert columns["Suffix"] == "name"
    assert columns["StreetSuffix"] != "name"


def test_a_products_generation_suffix_is_no_persons_name():
    columns = found(
        "dw.DimProduct",
        ("EnglishProductName", [f"Atlas Chair {i}" for i in range(40)]),
        ("Suffix", [fake.random_element(["II", "III", "IV"]) for _ in range(40)]),
    )
    assert columns["Suffix"] is None
