"""Column names in the other major European languages, in Japanese, and in the legacy
conventions (Hungarian prefixes, SCREAMING_CASE run together, keys written first), each
written here as a schema nobody on the project designed might write it."""

from __future__ import annotations

import pytest
from faker import Faker

from include.governance.detect.classify import classify_column
from include.governance.detect.names import name_signals, normalise
from include.governance.sampling import ColumnSample
from tests.detect.classified import POLICY, category_of, found


@pytest.mark.parametrize(
    ("column", "category"),
    [
        # French
        ("prénom", "name"),
        ("nom_de_famille", "name"),
        ("code_postal", "postal_address"),
        ("ville_client", "postal_address"),
        ("courriel", "email"),
        ("téléphone_portable", "phone"),
        ("date_de_naissance", "date_of_birth"),
        ("civilité", "gender"),
        ("numero_securite_sociale", "national_id"),
        # Spanish
        ("apellidos", "name"),
        ("dirección", "postal_address"),
        ("correo_electrónico", "email"),
        ("teléfono_móvil", "phone"),
        ("fecha_nacimiento", "date_of_birth"),
        ("sexo", "gender"),
        ("dni", "national_id"),
        ("id_cliente", "customer_id"),
        # Portuguese
        ("sobrenome", "name"),
        ("endereço", "postal_address"),
        ("cep", "postal_address"),
        ("celular", "phone"),
        ("data_nascimento", "date_of_birth"),
        ("cpf", "national_id"),
        ("chave_pix", "payment"),
        # Italian
        ("cognome", "name"),
        ("indirizzo", "postal_address"),
        ("città", "postal_address"),
        ("cellulare", "phone"),
        ("data_di_nascita", "date_of_birth"),
        ("codice_fiscale", "national_id"),
        # Dutch
        ("achternaam", "name"),
        ("tussenvoegsel", "name"),
        ("woonplaats", "postal_address"),
        ("telefoonnummer", "phone"),
        ("geboortedatum", "date_of_birth"),
        ("geslacht", "gender"),
        ("bsn", "national_id"),
        ("klantnummer", "customer_id"),
        # Polish
        ("imię", "name"),
        ("nazwisko", "name"),
        ("kodPocztowy", "postal_address"),
        ("województwo", "postal_address"),
        ("ulica", "postal_address"),
        ("pesel", "national_id"),
        ("idKlienta", "customer_id"),
        # German and Finnish gaps
        ("Mobilfunk", "phone"),
        ("Land", "postal_address"),
        ("MAAKUNTA", "postal_address"),
        ("ASIAKAS_ID", "customer_id"),
        ("IP_Adresse", "ip_address"),
        # Japanese
        ("氏名", "name"),
        ("顧客氏名", "name"),
        ("住所", "postal_address"),
        ("郵便番号", "postal_address"),
        ("電話番号", "phone"),
        ("メールアドレス", "email"),
        ("生年月日", "date_of_birth"),
        ("性別", "gender"),
        ("顧客ID", "customer_id"),
        # Hungarian prefixes, run-together abbreviations, English gaps
        ("strPostCode", "postal_address"),
        ("dtmBirth", "date_of_birth"),
        ("strLandline", "phone"),
        ("strLine1", "postal_address"),
        ("CUSTPH", "phone"),
        ("EMAILADDR", "email"),
        ("CNTRY", "postal_address"),
        ("Extension", "phone"),
        ("TitleOfCourtesy", "gender"),
    ],
)
def test_names_in_other_languages_and_conventions_point_at_their_category(column, category):
    assert category_of(column) == category


@pytest.mark.parametrize(
    "column",
    ["company_name", "CompanyName", "nom_produit", "nombre_empresa", "product_name", "ship_via"],
)
def test_a_things_name_is_no_persons_name(column):
    assert not any(s.category == "name" for s in name_signals(column, POLICY))


def test_a_things_word_that_is_the_listed_word_still_matches():
    assert category_of("street_name") == "postal_address"


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("strPostCode", "post_code"),
        ("tblMember", "member"),
        ("TBL_MEMBER", "member"),
        ("idKlienta", "klienta_id"),
        ("fk_customer", "customer_fk"),
        ("CUSTNM", "customer_name"),
        ("phonenumber", "phone_number"),
        ("Código_Postal", "codigo_postal"),
        ("顧客ID", "顧客_id"),
        ("stripe", "stripe"),  # not a prefix before a capital
        ("Internal", "internal"),
        ("description", "description"),
    ],
)
def test_normalise_drops_prefixes_moves_keys_last_and_splits_run_together_words(raw, normalised):
    assert normalise(raw) == normalised


@pytest.mark.parametrize("column", ["precio_sin_iva", "supplier_id", "ship_via", "nombre_producto"])
def test_look_alikes_in_other_languages_point_at_nothing(column):
    assert category_of(column) is None


def test_a_column_called_a_name_of_lone_surnames_is_a_persons_in_a_table_of_people():
    fake = Faker("fr_FR")
    fake.seed_instance(6)
    surnames = [fake.last_name() for _ in range(40)]
    given = [fake.first_name() for _ in range(40)]
    people = found("clients", ("nom", surnames), ("prenom", given))
    assert people == {"nom": "name", "prenom": "name"}
    products = found("produits", ("nom", [fake.word().title() for _ in range(40)]))
    assert products == {"nom": None}


def test_salutations_in_other_languages_are_a_gender_beside_their_name():
    values = ["Herr", "Frau", "Mme", "M.", "Señora", "Sr.", "Dhr.", "Mevr.", "Pani", "Pan"] * 4
    finding = classify_column(ColumnSample("aanhef", "text", values), POLICY)
    assert finding.category == "gender"
    assert finding.evidence["values"]["match_rate"] == 1.0
    assert classify_column(ColumnSample("code", "text", values), POLICY) is None


@pytest.mark.parametrize(
    "column",
    [
        "prijmeni", "priezvisko",  # Czech, Slovak
        "prezime", "priimek", "bashtino_ime",  # Croatian, Serbian, Slovenian; Bulgarian
        "pavarde", "uzvards", "eesnimi", "perekonnanimi",  # Lithuanian, Latvian, Estonian
        "prizvyshche", "po_batkovi", "familiya", "otchestvo",  # Ukrainian, Russian
        "prenume", "keresztnev", "vezeteknev", "utonev",  # Romanian, Hungarian
        "eponymo", "soyadi",  # Greek, Turkish
    ],
)  # fmt: skip
def test_names_of_people_in_central_and_eastern_european_languages(column):
    assert category_of(column) == "name"


def test_words_of_those_names_inside_other_names_are_not_names():
    """Whole words only: ``time`` holds ``ime``, ``menu`` is no ``meno``."""
    assert [category_of(c) for c in ("time", "regime", "menu", "volume")] == [None] * 4
