"""Faker-made warehouses in locales and naming conventions the demo does not use.

Each function returns one :class:`EvalSet`, the same for the same seed: people tables
named with abbreviations and prefixes (``fname``, ``cust_ph``), German, Swedish, Danish,
Finnish and Polish words, camelCase, UPPER_CASE and Hungarian prefixes (``strFirstName``);
other countries' national IDs (valid by python-stdnum), IBANs and bank accounts, fax
numbers, usernames, states and regions in addresses; and look-alikes that hold no
personal data: product, book and film titles, company names and addresses, descriptions,
lookup tables of places, foreign keys to a person or address table.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from faker import Faker
from stdnum import iban as iban_check
from stdnum.de import idnr

from benchmarks.inventory_sets.model import EvalSet, ForeignKey, TableData

SEED = 20261124
PEOPLE = 300
AS_OF = datetime(2026, 11, 24, 12, 0)
# Kinds of product, for titles that are names of things
US_THINGS = ["Chair", "Lamp", "Desk", "Kettle", "Backpack"]
DE_THINGS = ["Kaffeemaschine", "Wasserkocher", "Rucksack", "Schreibtischlampe", "Bürostuhl"]
DK_THINGS = ["Sofa", "Lampe", "Reol", "Spisebord", "Kontorstol"]
FR_THINGS = ["Cafetière", "Bouilloire", "Sac à dos", "Lampe de bureau", "Fauteuil"]
JA_THINGS = ["電気ケトル", "リュック", "デスクライト", "オフィスチェア", "炊飯器"]
ES_THINGS = ["Cafetera", "Mochila", "Lámpara", "Silla", "Estantería"]


def _faker(locale: str, salt: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(SEED + salt)
    return fake


def _when(rng: random.Random, days: int = 1500) -> datetime:
    return AS_OF - timedelta(days=rng.randrange(days), seconds=rng.randrange(86400))


def _birth(rng: random.Random) -> date:
    return date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 65))


def _iban(country: str, bban: str) -> str:
    """A valid IBAN for a country whose Faker locale gives none of its own."""
    check = iban_check.calc_check_digits(f"{country}00{bban}")
    return f"{country}{check}{bban}"


def _steuer_id(rng: random.Random) -> str:
    while True:  # a valid German tax identification number
        digits = str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(10))
        if idnr.is_valid(digits):
            return digits


def _cpr(rng: random.Random, born: date) -> str:
    century = 4 if born.year >= 2000 else rng.randrange(4)  # the 7th digit gives the century
    return f"{born:%d%m%y}-{century}{rng.randrange(1000):03d}"


def _hash(value: str) -> str:
    return hashlib.sha1(value.encode()).hexdigest()


def _table(schema, name, columns, pk, rows, fks=()) -> TableData:
    return TableData(
        schema,
        name,
        list(columns),
        list(pk),
        [ForeignKey(list(c), t, list(r)) for c, t, r in fks],
        [list(r) for r in rows],
    )


def faker_us_crm() -> EvalSet:
    """en_US: abbreviated column names, an UPPER_CASE ticket table, company look-alikes."""
    fake, rng = _faker("en_US", 1), random.Random(SEED + 1)
    states = [(fake.state_abbr(), fake.state()) for _ in range(40)]
    states = list(dict(states).items())
    cust, addr, orders, tickets = [], [], [], []
    for i in range(1, PEOPLE + 1):
        first, last = fake.first_name(), fake.last_name()
        login = f"{first[0].lower()}{last.lower()}{rng.randrange(100)}"
        cust.append(
            (
                i,
                first,
                last,
                rng.choice("ABCDEFGHJKLMNPRSTW"),
                fake.last_name(),
                _birth(rng),
                fake.ssn(),
                fake.phone_number(),
                fake.basic_phone_number(),
                fake.phone_number() if rng.random() < 0.3 else None,
                f"{login}@{fake.free_email_domain()}",
                login,
                _hash(login),
                fake.street_address(),
                fake.city(),
                rng.choice(states)[0],
                fake.zipcode(),
                fake.bban()[-10:],
                fake.aba(),
                _when(rng).date(),
                rng.choice(["bronze", "silver", "gold"]),
                round(rng.uniform(500, 20000), 2),
            )
        )
        addr.append(
            (
                i,
                i,
                fake.street_address(),
                fake.secondary_address() if rng.random() < 0.4 else None,
                fake.city(),
                rng.choice(states)[0],
                fake.zipcode_plus4(),
                rng.choice(["billing", "shipping"]),
            )
        )
    for i in range(1, PEOPLE + 1):
        orders.append(
            (
                i,
                rng.randrange(1, PEOPLE + 1),
                _when(rng),
                rng.randrange(1, PEOPLE + 1),
                round(rng.uniform(5, 900), 2),
                fake.ipv4_public(),
                rng.choice(["NEW", "SHIPPED", "RETURNED"]),
            )
        )
        body = fake.paragraph(nb_sentences=3)
        if rng.random() < 0.35:
            body += f" Customer asked to be called back on {fake.phone_number()}."
        if rng.random() < 0.2:
            body += f" New address: {fake.address().replace(chr(10), ', ')}."
        tickets.append(
            (
                i,
                rng.randrange(1, PEOPLE + 1),
                _when(rng),
                fake.sentence(nb_words=5).rstrip("."),
                body,
                fake.name(),
                rng.choice(["P1", "P2", "P3"]),
            )
        )
    vendors = [
        (
            i,
            fake.company() + rng.choice(["", " Inc", " LLC", " Corp."]),
            fake.street_address(),
            fake.city(),
            rng.choice(states)[0],
            fake.ein(),
            fake.phone_number(),
            fake.url(),
        )
        for i in range(1, 61)
    ]
    products = [
        (
            i,
            fake.bothify("SKU-####-??").upper(),
            f"{fake.color_name()} {fake.word().title()} {rng.choice(US_THINGS)}",
            fake.paragraph(nb_sentences=2),
            rng.choice(vendors)[1],
            round(rng.uniform(3, 400), 2),
            rng.randrange(1, 61),
        )
        for i in range(1, 201)
    ]
    cities = [
        (i, fake.city(), rng.choice(states)[0], fake.zipcode()[:3], rng.randrange(5_000, 900_000))
        for i in range(1, 121)
    ]
    tables = [
        _table(
            "crm",
            "cust",
            [
                ("cust_id", "integer"),
                ("fname", "varchar(40)"),
                ("lname", "varchar(40)"),
                ("mi", "varchar(1)"),
                ("maiden_name", "varchar(40)"),
                ("dob", "date"),
                ("ssn", "varchar(11)"),
                ("cust_ph", "varchar(30)"),
                ("cell_no", "varchar(30)"),
                ("fax", "varchar(30)"),
                ("email_addr", "varchar(120)"),
                ("usr_login", "varchar(40)"),
                ("pwd_hash", "varchar(40)"),
                ("billing_street", "varchar(120)"),
                ("billing_city", "varchar(60)"),
                ("billing_state", "varchar(2)"),
                ("billing_zip", "varchar(10)"),
                ("acct_no", "varchar(20)"),
                ("routing_no", "varchar(9)"),
                ("cust_since", "date"),
                ("cust_tier", "varchar(10)"),
                ("credit_limit", "numeric(10,2)"),
            ],
            ["cust_id"],
            cust,
        ),
        _table(
            "crm",
            "cust_addr",
            [
                ("addr_id", "integer"),
                ("cust_id", "integer"),
                ("addr_line1", "varchar(120)"),
                ("addr_line2", "varchar(60)"),
                ("city", "varchar(60)"),
                ("st", "varchar(2)"),
                ("zip4", "varchar(10)"),
                ("addr_type", "varchar(10)"),
            ],
            ["addr_id"],
            addr,
            [(["cust_id"], "crm.cust", ["cust_id"])],
        ),
        _table(
            "crm",
            "ord_hdr",
            [
                ("ord_id", "integer"),
                ("cust_id", "integer"),
                ("ord_dt", "timestamp"),
                ("ship_to_addr_id", "integer"),
                ("total_amt", "numeric(10,2)"),
                ("ip_addr", "varchar(45)"),
                ("ord_status", "varchar(10)"),
            ],
            ["ord_id"],
            orders,
            [
                (["cust_id"], "crm.cust", ["cust_id"]),
                (["ship_to_addr_id"], "crm.cust_addr", ["addr_id"]),
            ],
        ),
        _table(
            "crm",
            "SUPPORT_TICKET",
            [
                ("TICKET_ID", "integer"),
                ("CUST_ID", "integer"),
                ("OPENED_AT", "timestamp"),
                ("SUBJECT", "varchar(120)"),
                ("BODY", "text"),
                ("AGENT_NAME", "varchar(80)"),
                ("PRIORITY", "varchar(2)"),
            ],
            ["TICKET_ID"],
            tickets,
            [(["CUST_ID"], "crm.cust", ["cust_id"])],
        ),
        _table(
            "crm",
            "vendor",
            [
                ("vendor_id", "integer"),
                ("vendor_nm", "varchar(120)"),
                ("vendor_addr", "varchar(120)"),
                ("vendor_city", "varchar(60)"),
                ("vendor_st", "varchar(2)"),
                ("tax_id", "varchar(10)"),
                ("main_ph", "varchar(30)"),
                ("web_url", "varchar(120)"),
            ],
            ["vendor_id"],
            vendors,
        ),
        _table(
            "crm",
            "prod",
            [
                ("prod_id", "integer"),
                ("sku", "varchar(20)"),
                ("prod_title", "varchar(120)"),
                ("prod_desc", "text"),
                ("brand", "varchar(120)"),
                ("unit_cost", "numeric(10,2)"),
                ("vendor_id", "integer"),
            ],
            ["prod_id"],
            products,
            [(["vendor_id"], "crm.vendor", ["vendor_id"])],
        ),
        _table(
            "ref",
            "us_state",
            [("state_cd", "varchar(2)"), ("state_nm", "varchar(40)"), ("region", "varchar(20)")],
            ["state_cd"],
            [(cd, nm, rng.choice(["South", "West", "Midwest", "Northeast"])) for cd, nm in states],
        ),
        _table(
            "ref",
            "city",
            [
                ("city_id", "integer"),
                ("city_nm", "varchar(60)"),
                ("state_cd", "varchar(2)"),
                ("zip_prefix", "varchar(3)"),
                ("pop", "integer"),
            ],
            ["city_id"],
            cities,
            [(["state_cd"], "ref.us_state", ["state_cd"])],
        ),
    ]
    return EvalSet("faker_us_crm", "Faker en_US, seeded (faker_sets.py)", tables)


def faker_de_shop() -> EvalSet:
    """de_DE: German column names (Vorname, PLZ, Bundesland), Steuer-ID, IBAN, camelCase."""
    fake, rng = _faker("de_DE", 2), random.Random(SEED + 2)
    kunden, adressen, bestellungen, abos = [], [], [], []
    for i in range(1, PEOPLE + 1):
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        kunden.append(
            (
                10000 + i,
                "Frau" if female else "Herr",
                first,
                last,
                fake.last_name() if female and rng.random() < 0.4 else None,
                _birth(rng),
                fake.street_name(),
                fake.building_number(),
                fake.postcode(),
                fake.city(),
                fake.state(),
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.25 else None,
                fake.phone_number(),
                fake.email(),
                fake.user_name(),
                fake.iban(),
                fake.swift(),
                _steuer_id(rng),
                "w" if female else rng.choice("md"),
                rng.random() < 0.4,
            )
        )
        adressen.append(
            (
                i,
                10000 + rng.randrange(1, PEOPLE + 1),
                fake.street_address(),
                fake.postcode(),
                fake.city(),
                "DE",
            )
        )
        bestellungen.append(
            (
                500000 + i,
                10000 + rng.randrange(1, PEOPLE + 1),
                _when(rng),
                rng.randrange(1, PEOPLE + 1),
                round(rng.uniform(5, 900), 2),
                fake.ipv4_public() if rng.random() < 0.7 else fake.ipv6(),
            )
        )
        abos.append(
            (
                i,
                fake.free_email(),
                _when(rng),
                rng.choice(["sommer24", "herbst25", "blackfriday"]),
                fake.user_agent(),
            )
        )
    lieferanten = [
        (
            i,
            f"{fake.last_name()} {rng.choice(['GmbH', 'GmbH & Co. KG', 'AG', 'KG', 'e.K.'])}",
            fake.street_address(),
            fake.postcode(),
            fake.city(),
            fake.phone_number(),
            f"DE{rng.randrange(100000000, 999999999)}",
        )
        for i in range(1, 51)
    ]
    artikel = [
        (
            i,
            fake.ean13(),
            f"{rng.choice(DE_THINGS)} {fake.word().title()} {rng.randrange(100, 999)}",
            fake.paragraph(nb_sentences=2),
            rng.choice(lieferanten)[1],
            round(rng.uniform(3, 400), 2),
        )
        for i in range(1, 201)
    ]
    buecher = [
        (
            fake.isbn13(),
            fake.catch_phrase(),
            f"{fake.last_name()} Verlag",
            rng.randrange(1950, 2026),
            round(rng.uniform(8, 40), 2),
        )
        for _ in range(150)
    ]
    orte = [(i, fake.city(), fake.postcode(), fake.state()) for i in range(1, 121)]
    tables = [
        _table(
            "shop",
            "Kunden",
            [
                ("KundenNr", "integer"),
                ("Anrede", "varchar(5)"),
                ("Vorname", "varchar(40)"),
                ("Nachname", "varchar(40)"),
                ("Geburtsname", "varchar(40)"),
                ("Geburtsdatum", "date"),
                ("Strasse", "varchar(80)"),
                ("Hausnummer", "varchar(6)"),
                ("PLZ", "varchar(5)"),
                ("Ort", "varchar(60)"),
                ("Bundesland", "varchar(40)"),
                ("Telefon", "varchar(30)"),
                ("Fax", "varchar(30)"),
                ("Mobilfunk", "varchar(30)"),
                ("EMail", "varchar(120)"),
                ("Benutzername", "varchar(40)"),
                ("IBAN", "varchar(34)"),
                ("BIC", "varchar(11)"),
                ("SteuerID", "varchar(11)"),
                ("Geschlecht", "varchar(1)"),
                ("Newsletter", "boolean"),
            ],
            ["KundenNr"],
            kunden,
        ),
        _table(
            "shop",
            "Adressen",
            [
                ("AdressID", "integer"),
                ("KundenNr", "integer"),
                ("StrasseHausnr", "varchar(120)"),
                ("PLZ", "varchar(5)"),
                ("Ort", "varchar(60)"),
                ("Land", "varchar(2)"),
            ],
            ["AdressID"],
            adressen,
            [(["KundenNr"], "shop.Kunden", ["KundenNr"])],
        ),
        _table(
            "shop",
            "Bestellungen",
            [
                ("BestellNr", "integer"),
                ("KundenNr", "integer"),
                ("Bestelldatum", "timestamp"),
                ("LieferadresseID", "integer"),
                ("Gesamtbetrag", "numeric(10,2)"),
                ("IP_Adresse", "varchar(45)"),
            ],
            ["BestellNr"],
            bestellungen,
            [
                (["KundenNr"], "shop.Kunden", ["KundenNr"]),
                (["LieferadresseID"], "shop.Adressen", ["AdressID"]),
            ],
        ),
        _table(
            "shop",
            "newsletterAbos",
            [
                ("aboId", "integer"),
                ("emailAdresse", "varchar(120)"),
                ("angemeldetAm", "timestamp"),
                ("quelleKampagne", "varchar(20)"),
                ("userAgent", "text"),
            ],
            ["aboId"],
            abos,
        ),
        _table(
            "shop",
            "Lieferanten",
            [
                ("LieferantNr", "integer"),
                ("Firma", "varchar(120)"),
                ("Strasse", "varchar(120)"),
                ("PLZ", "varchar(5)"),
                ("Ort", "varchar(60)"),
                ("Telefon", "varchar(30)"),
                ("UStIdNr", "varchar(11)"),
            ],
            ["LieferantNr"],
            lieferanten,
        ),
        _table(
            "shop",
            "Artikel",
            [
                ("ArtikelNr", "integer"),
                ("EAN", "varchar(13)"),
                ("Bezeichnung", "varchar(120)"),
                ("Beschreibung", "text"),
                ("Hersteller", "varchar(120)"),
                ("Preis", "numeric(10,2)"),
            ],
            ["ArtikelNr"],
            artikel,
        ),
        _table(
            "shop",
            "Buecher",
            [
                ("ISBN", "varchar(17)"),
                ("Titel", "varchar(200)"),
                ("Verlag", "varchar(120)"),
                ("Erscheinungsjahr", "integer"),
                ("Preis", "numeric(10,2)"),
            ],
            ["ISBN"],
            list({b[0]: b for b in buecher}.values()),
        ),
        _table(
            "shop",
            "Orte",
            [
                ("OrtID", "integer"),
                ("OrtName", "varchar(60)"),
                ("PLZ", "varchar(5)"),
                ("Bundesland", "varchar(40)"),
            ],
            ["OrtID"],
            orte,
        ),
    ]
    return EvalSet("faker_de_shop", "Faker de_DE, seeded (faker_sets.py)", tables)


def faker_nordic_hr() -> EvalSet:
    """sv_SE and da_DK: Swedish HR columns (personnummer, län), Danish customers (CPR)."""
    sv, rng = _faker("sv_SE", 3), random.Random(SEED + 3)
    dk = _faker("da_DK", 4)
    anstallda = []
    for i in range(1, PEOPLE + 1):
        pnr = sv.ssn()  # YYMMDD-NNNN, valid check digit
        born = date(
            1900 + int(pnr[:2]) if int(pnr[:2]) > 25 else 2000 + int(pnr[:2]),
            int(pnr[2:4]),
            int(pnr[4:6]),
        )
        female = rng.random() < 0.5
        anstallda.append(
            (
                i,
                sv.first_name_female() if female else sv.first_name_male(),
                sv.last_name(),
                pnr,
                born,
                "K" if female else "M",
                sv.street_address(),
                sv.postcode(),
                sv.city(),
                sv.administrative_unit(),
                sv.phone_number(),
                sv.phone_number(),
                sv.email(),
                f"{rng.randrange(3000, 9999)}-{rng.randrange(10**6, 10**10)}",
                _iban("SE", "".join(str(rng.randrange(10)) for _ in range(20))),
                sv.user_name(),
                rng.randrange(28000, 90000),
                _when(rng, 6000).date(),
                rng.randrange(1, 21),
                rng.randrange(1, i) if i > 1 else None,
            )
        )
    avdelningar = [
        (i, sv.bs().capitalize()[:60], f"KS{rng.randrange(100, 999)}", sv.city())
        for i in range(1, 21)
    ]
    kommuner = [
        (f"{rng.randrange(100, 2999):04d}", sv.city(), sv.administrative_unit()) for _ in range(150)
    ]
    kommuner = list({k[0]: k for k in kommuner}.values())
    kunder, ordrer = [], []
    for i in range(1, PEOPLE + 1):
        born = _birth(rng)
        kunder.append(
            (
                i,
                dk.name(),
                _cpr(rng, born),
                dk.street_address(),
                dk.postcode(),
                dk.city(),
                dk.phone_number(),
                dk.email(),
                f"{rng.randrange(1000, 9999)} {rng.randrange(10**9, 10**10)}",
            )
        )
        ordrer.append(
            (i, rng.randrange(1, PEOPLE + 1), _when(rng).date(), round(rng.uniform(50, 9000), 2))
        )
    produkter = [
        (
            i,
            f"{rng.choice(DK_THINGS)} {dk.word().title()}",
            dk.paragraph(nb_sentences=2),
            dk.company(),
            round(rng.uniform(50, 9000), 2),
        )
        for i in range(1, 151)
    ]
    tables = [
        _table(
            "hr",
            "anstallda",
            [
                ("anst_id", "integer"),
                ("fornamn", "varchar(40)"),
                ("efternamn", "varchar(40)"),
                ("personnummer", "varchar(13)"),
                ("fodelsedatum", "date"),
                ("kon", "varchar(1)"),
                ("gatuadress", "varchar(80)"),
                ("postnr", "varchar(6)"),
                ("postort", "varchar(60)"),
                ("lan", "varchar(40)"),
                ("telefon", "varchar(30)"),
                ("mobil", "varchar(30)"),
                ("epost", "varchar(120)"),
                ("bankkonto", "varchar(20)"),
                ("iban", "varchar(34)"),
                ("anvandarnamn", "varchar(40)"),
                ("manadslon", "integer"),
                ("anstalld_datum", "date"),
                ("avd_id", "integer"),
                ("chef_id", "integer"),
            ],
            ["anst_id"],
            anstallda,
            [
                (["avd_id"], "hr.avdelningar", ["avd_id"]),
                (["chef_id"], "hr.anstallda", ["anst_id"]),
            ],
        ),
        _table(
            "hr",
            "avdelningar",
            [
                ("avd_id", "integer"),
                ("avd_namn", "varchar(60)"),
                ("kostnadsstalle", "varchar(5)"),
                ("ort", "varchar(60)"),
            ],
            ["avd_id"],
            avdelningar,
        ),
        _table(
            "hr",
            "kommuner",
            [
                ("kommun_kod", "varchar(4)"),
                ("kommun_namn", "varchar(60)"),
                ("lan_namn", "varchar(40)"),
            ],
            ["kommun_kod"],
            kommuner,
        ),
        _table(
            "dk",
            "kunder",
            [
                ("kunde_nr", "integer"),
                ("navn", "varchar(80)"),
                ("cpr_nr", "varchar(11)"),
                ("adresse", "varchar(80)"),
                ("postnr", "varchar(4)"),
                ("by", "varchar(60)"),
                ("tlf", "varchar(20)"),
                ("email", "varchar(120)"),
                ("kontonr", "varchar(16)"),
            ],
            ["kunde_nr"],
            kunder,
        ),
        _table(
            "dk",
            "ordrer",
            [
                ("ordre_nr", "integer"),
                ("kunde_nr", "integer"),
                ("ordre_dato", "date"),
                ("beloeb", "numeric(10,2)"),
            ],
            ["ordre_nr"],
            ordrer,
            [(["kunde_nr"], "dk.kunder", ["kunde_nr"])],
        ),
        _table(
            "dk",
            "produkter",
            [
                ("varenr", "integer"),
                ("varenavn", "varchar(80)"),
                ("beskrivelse", "text"),
                ("leverandoer", "varchar(120)"),
                ("pris", "numeric(10,2)"),
            ],
            ["varenr"],
            produkter,
        ),
    ]
    return EvalSet("faker_nordic_hr", "Faker sv_SE and da_DK, seeded (faker_sets.py)", tables)


def faker_uk_app() -> EvalSet:
    """en_GB, fi_FI, pl_PL: Hungarian prefixes, UPPER_CASE Finnish, camelCase Polish."""
    gb, rng = _faker("en_GB", 5), random.Random(SEED + 5)
    fi, pl = _faker("fi_FI", 6), _faker("pl_PL", 7)
    members, addresses, orders = [], [], []
    for i in range(1, PEOPLE + 1):
        first, last = gb.first_name(), gb.last_name()
        members.append(
            (
                i,
                first,
                last,
                gb.last_name() if rng.random() < 0.3 else None,
                _birth(rng),
                gb.ssn(),
                gb.street_address().replace("\n", ", "),
                gb.secondary_address() if rng.random() < 0.3 else None,
                gb.city(),
                gb.county(),
                gb.postcode(),
                gb.cellphone_number(),
                gb.phone_number() if rng.random() < 0.6 else None,
                gb.email(),
                gb.user_name(),
                rng.random() < 0.3,
                gb.numerify("##-##-##"),
                gb.numerify("########"),
            )
        )
        addresses.append(
            (
                i,
                rng.randrange(1, PEOPLE + 1),
                gb.street_address().replace("\n", ", "),
                gb.city(),
                gb.postcode(),
            )
        )
        orders.append(
            (
                i,
                rng.randrange(1, PEOPLE + 1),
                rng.randrange(1, PEOPLE + 1),
                _when(rng),
                round(rng.uniform(5, 600), 2),
                gb.ipv4_public(),
                rng.choice(["mobile", "desktop", "tablet"]),
                rng.choice(["Chrome", "Safari", "Firefox", "Edge"]),
            )
        )
    films = [
        (
            i,
            gb.catch_phrase().title(),
            gb.paragraph(nb_sentences=3),
            rng.choice(["Drama", "Comedy", "Thriller", "Documentary"]),
            date(rng.randrange(1960, 2026), rng.randrange(1, 13), rng.randrange(1, 29)),
            rng.choice(["U", "PG", "12A", "15", "18"]),
        )
        for i in range(1, 201)
    ]
    companies = [
        (
            i,
            f"{gb.company()} {rng.choice(['Ltd', 'Limited', 'PLC', 'LLP'])}",
            gb.bothify("SC######") if rng.random() < 0.2 else gb.numerify("0#######"),
            gb.street_address().replace("\n", ", "),
            gb.postcode(),
        )
        for i in range(1, 81)
    ]
    towns = [(i, gb.city(), gb.county(), gb.postcode().split(" ")[0]) for i in range(1, 121)]
    asiakas = [
        (
            i,
            fi.first_name(),
            fi.last_name(),
            fi.ssn(),
            fi.street_address(),
            fi.postcode(),
            fi.city(),
            fi.administrative_unit(),
            fi.phone_number(),
            fi.email(),
            fi.iban(),
        )
        for i in range(1, 201)
    ]
    klienci = [
        (
            i,
            pl.first_name(),
            pl.last_name(),
            pl.ssn(),
            pl.street_address(),
            pl.postcode(),
            pl.city(),
            pl.administrative_unit(),
            pl.phone_number(),
            pl.email(),
            pl.iban(),
        )
        for i in range(1, 201)
    ]
    tables = [
        _table(
            "app",
            "tblMember",
            [
                ("intMemberID", "integer"),
                ("strFirstName", "varchar(40)"),
                ("strLastName", "varchar(40)"),
                ("strMaidenName", "varchar(40)"),
                ("dtmBirth", "date"),
                ("strNINO", "varchar(13)"),
                ("strAddress1", "varchar(80)"),
                ("strAddress2", "varchar(40)"),
                ("strTown", "varchar(60)"),
                ("strCounty", "varchar(40)"),
                ("strPostCode", "varchar(8)"),
                ("strMobile", "varchar(20)"),
                ("strLandline", "varchar(20)"),
                ("strEmail", "varchar(120)"),
                ("strUserName", "varchar(40)"),
                ("blnNewsletter", "boolean"),
                ("strSortCode", "varchar(8)"),
                ("strAccountNo", "varchar(8)"),
            ],
            ["intMemberID"],
            members,
        ),
        _table(
            "app",
            "tblAddress",
            [
                ("intAddressID", "integer"),
                ("intMemberID", "integer"),
                ("strLine1", "varchar(80)"),
                ("strTown", "varchar(60)"),
                ("strPostCode", "varchar(8)"),
            ],
            ["intAddressID"],
            addresses,
            [(["intMemberID"], "app.tblMember", ["intMemberID"])],
        ),
        _table(
            "app",
            "tblOrder",
            [
                ("intOrderID", "integer"),
                ("intMemberID", "integer"),
                ("intDeliveryAddressID", "integer"),
                ("dtmOrdered", "timestamp"),
                ("decTotal", "numeric(10,2)"),
                ("strIPAddress", "varchar(45)"),
                ("strDeviceType", "varchar(10)"),
                ("strBrowser", "varchar(20)"),
            ],
            ["intOrderID"],
            orders,
            [
                (["intMemberID"], "app.tblMember", ["intMemberID"]),
                (["intDeliveryAddressID"], "app.tblAddress", ["intAddressID"]),
            ],
        ),
        _table(
            "app",
            "tblFilm",
            [
                ("intFilmID", "integer"),
                ("strTitle", "varchar(120)"),
                ("strSynopsis", "text"),
                ("strGenre", "varchar(20)"),
                ("dtmRelease", "date"),
                ("strCertificate", "varchar(3)"),
            ],
            ["intFilmID"],
            films,
        ),
        _table(
            "app",
            "tblCompany",
            [
                ("intCompanyID", "integer"),
                ("strCompanyName", "varchar(120)"),
                ("strCompanyNo", "varchar(8)"),
                ("strRegisteredAddress", "varchar(80)"),
                ("strPostCode", "varchar(8)"),
            ],
            ["intCompanyID"],
            companies,
        ),
        _table(
            "app",
            "tblTown",
            [
                ("intTownID", "integer"),
                ("strTownName", "varchar(60)"),
                ("strCounty", "varchar(40)"),
                ("strPostcodeArea", "varchar(4)"),
            ],
            ["intTownID"],
            towns,
        ),
        _table(
            "app",
            "FI_ASIAKAS",
            [
                ("ASIAKAS_ID", "integer"),
                ("ETUNIMI", "varchar(40)"),
                ("SUKUNIMI", "varchar(40)"),
                ("HETU", "varchar(11)"),
                ("KATUOSOITE", "varchar(80)"),
                ("POSTINUMERO", "varchar(5)"),
                ("POSTITOIMIPAIKKA", "varchar(60)"),
                ("MAAKUNTA", "varchar(40)"),
                ("PUHELIN", "varchar(20)"),
                ("SAHKOPOSTI", "varchar(120)"),
                ("TILINUMERO", "varchar(34)"),
            ],
            ["ASIAKAS_ID"],
            asiakas,
        ),
        _table(
            "app",
            "plKlienci",
            [
                ("idKlienta", "integer"),
                ("imie", "varchar(40)"),
                ("nazwisko", "varchar(40)"),
                ("pesel", "varchar(11)"),
                ("ulica", "varchar(80)"),
                ("kodPocztowy", "varchar(6)"),
                ("miasto", "varchar(60)"),
                ("wojewodztwo", "varchar(40)"),
                ("telefon", "varchar(20)"),
                ("email", "varchar(120)"),
                ("numerKonta", "varchar(34)"),
            ],
            ["idKlienta"],
            klienci,
        ),
    ]
    return EvalSet("faker_uk_app", "Faker en_GB, fi_FI and pl_PL, seeded (faker_sets.py)", tables)


def _fr_phone(rng: random.Random, first: str) -> str:
    """A French number's shape (04 78 12 34 56), for product codes that only look like one."""
    return " ".join([f"0{first}"] + [f"{rng.randrange(100):02d}" for _ in range(4)])


def faker_fr_crm() -> EvalSet:
    """fr_FR: a wide denormalised SCREAMING_CASE export (NIR, IBAN, JSON text), French names
    of columns; product codes shaped like phone numbers, companies (SARL, SAS), communes."""
    fake, rng = _faker("fr_FR", 8), random.Random(SEED + 8)
    export, commandes, contacts = [], [], []
    for i in range(1, PEOPLE + 1):
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        login = f"{first[0].lower()}.{last.lower().replace(' ', '')}{rng.randrange(10, 99)}"
        city, postcode = fake.city(), fake.postcode()
        export.append(
            (
                700000 + i,
                "Mme" if female else "M.",
                last.upper(),
                first,
                fake.last_name().upper() if female and rng.random() < 0.4 else None,
                _birth(rng),
                fake.ssn(),
                fake.street_address(),
                rng.choice(["Bâtiment B", "Appartement 12", "Résidence les Tilleuls"])
                if rng.random() < 0.25
                else None,
                postcode,
                city.upper(),
                fake.department_name(),
                fake.phone_number(),
                _fr_phone(rng, rng.choice("67")),
                fake.phone_number() if rng.random() < 0.15 else None,
                fake.email(),
                login,
                fake.iban(),
                json.dumps(
                    {"rue": fake.street_address(), "cp": fake.postcode(), "ville": fake.city()},
                    ensure_ascii=False,
                ),
                json.dumps(
                    {
                        "newsletter": rng.random() < 0.5,
                        "langue": rng.choice(["fr", "en"]),
                        "canal": rng.choice(["sms", "courrier", "aucun"]),
                    }
                ),
                fake.ipv4_public(),
                fake.user_agent(),
                round(rng.uniform(20, 12000), 2),
                rng.choice(["A", "B", "C", "VIP"]),
                _when(rng),
                rng.randrange(0, 60),
                fake.siret() if rng.random() < 0.6 else None,
            )
        )
        commandes.append(
            (
                f"CMD-{2026000000 + i}",
                700000 + rng.randrange(1, PEOPLE + 1),
                _when(rng),
                round(rng.uniform(5, 900), 2),
                rng.choice(["CB", "virement", "chèque", "PayPal"]),
                rng.choice(["livrée", "en cours", "annulée"]),
            )
        )
        note = fake.paragraph(nb_sentences=3)
        if rng.random() < 0.3:
            note += f" Rappeler la cliente au {fake.phone_number()}."
        contacts.append(
            (
                i,
                700000 + rng.randrange(1, PEOPLE + 1),
                _when(rng),
                rng.choice(["téléphone", "courriel", "boutique"]),
                note,
            )
        )
    entreprises = [
        (
            i,
            f"{fake.last_name()} {rng.choice(['SARL', 'SAS', 'SA', 'EURL'])}",
            fake.siren(),
            fake.street_address(),
            fake.postcode(),
            fake.city(),
            fake.phone_number(),
        )
        for i in range(1, 61)
    ]
    articles = [
        (
            _fr_phone(rng, rng.choice("1234")),
            f"{fake.word().capitalize()} {rng.choice(FR_THINGS)} {rng.randrange(10, 99)}",
            fake.paragraph(nb_sentences=2),
            rng.choice(entreprises)[1],
            round(rng.uniform(2, 300), 2),
            fake.ean13(),
        )
        for _ in range(200)
    ]
    communes = [
        (
            f"{rng.randrange(1000, 95999):05d}",
            fake.city(),
            fake.postcode(),
            fake.department_name(),
            fake.region(),
            rng.randrange(80, 500_000),
        )
        for _ in range(150)
    ]
    tables = [
        _table(
            "crm",
            "EXPORT_CLIENTS",
            [
                ("ID_CLIENT", "integer"),
                ("CIVILITE", "varchar(3)"),
                ("NOM", "varchar(60)"),
                ("PRENOM", "varchar(60)"),
                ("NOM_NAISSANCE", "varchar(60)"),
                ("DATE_NAISS", "date"),
                ("NUM_SECU", "varchar(15)"),
                ("ADR_L1", "varchar(120)"),
                ("ADR_L2", "varchar(60)"),
                ("CP", "varchar(5)"),
                ("VILLE", "varchar(80)"),
                ("DEPT", "varchar(40)"),
                ("TEL_FIXE", "varchar(30)"),
                ("TEL_PORT", "varchar(30)"),
                ("FAX", "varchar(30)"),
                ("COURRIEL", "varchar(120)"),
                ("LOGIN", "varchar(60)"),
                ("IBAN", "varchar(34)"),
                ("ADR_LIVRAISON_JSON", "text"),
                ("PREFS_JSON", "text"),
                ("DERNIERE_IP", "varchar(45)"),
                ("NAVIGATEUR", "text"),
                ("CA_CUMULE", "numeric(10,2)"),
                ("SEGMENT", "varchar(3)"),
                ("DATE_CREATION", "timestamp"),
                ("NB_CMD", "integer"),
                ("SIRET_EMPLOYEUR", "varchar(20)"),
            ],
            ["ID_CLIENT"],
            export,
        ),
        _table(
            "crm",
            "commandes",
            [
                ("num_commande", "varchar(20)"),
                ("id_client", "integer"),
                ("date_commande", "timestamp"),
                ("montant_ttc", "numeric(10,2)"),
                ("mode_paiement", "varchar(10)"),
                ("statut", "varchar(10)"),
            ],
            ["num_commande"],
            commandes,
            [(["id_client"], "crm.EXPORT_CLIENTS", ["ID_CLIENT"])],
        ),
        _table(
            "crm",
            "historique_contacts",
            [
                ("id_contact", "integer"),
                ("id_client", "integer"),
                ("date_contact", "timestamp"),
                ("canal", "varchar(12)"),
                ("compte_rendu", "text"),
            ],
            ["id_contact"],
            contacts,
            [(["id_client"], "crm.EXPORT_CLIENTS", ["ID_CLIENT"])],
        ),
        _table(
            "crm",
            "entreprises",
            [
                ("id_entreprise", "integer"),
                ("raison_sociale", "varchar(80)"),
                ("siren", "varchar(11)"),
                ("adresse_siege", "varchar(120)"),
                ("code_postal", "varchar(5)"),
                ("ville", "varchar(80)"),
                ("tel_standard", "varchar(30)"),
            ],
            ["id_entreprise"],
            entreprises,
        ),
        _table(
            "catalogue",
            "articles",
            [
                ("ref_interne", "varchar(14)"),
                ("libelle", "varchar(120)"),
                ("description", "text"),
                ("marque", "varchar(80)"),
                ("prix_ht", "numeric(10,2)"),
                ("code_ean", "varchar(13)"),
            ],
            ["ref_interne"],
            list({a[0]: a for a in articles}.values()),
        ),
        _table(
            "ref",
            "communes",
            [
                ("code_insee", "varchar(5)"),
                ("nom_commune", "varchar(80)"),
                ("code_postal", "varchar(5)"),
                ("departement", "varchar(40)"),
                ("region", "varchar(40)"),
                ("population", "integer"),
            ],
            ["code_insee"],
            list({c[0]: c for c in communes}.values()),
        ),
    ]
    return EvalSet("faker_fr_crm", "Faker fr_FR, seeded (faker_sets.py)", tables)


def faker_es_br_eav() -> EvalSet:
    """es_ES and pt_BR: key/value (EAV) tables, one of contact numbers and one of product
    attributes; Spanish double surnames and DNI, Brazilian CPF, RG and Pix keys (camelCase),
    a JSON address; companies (S.L., Ltda), a lookup of municipalities."""
    es, rng = _faker("es_ES", 9), random.Random(SEED + 9)
    br = _faker("pt_BR", 10)
    clientes, contacto = [], []
    for i in range(1, PEOPLE + 1):
        female = rng.random() < 0.5
        clientes.append(
            (
                i,
                es.first_name_female() if female else es.first_name_male(),
                es.last_name(),
                es.last_name(),
                es.nif(),
                _birth(rng),
                "M" if female else "H",
                es.street_address(),
                es.postcode(),
                es.city(),
                es.state(),
                es.email(),
                es.user_name(),
            )
        )
        for kind in rng.sample(["movil", "fijo", "fax", "trabajo"], rng.randrange(1, 4)):
            contacto.append((len(contacto) + 1, i, kind, es.phone_number()))
    productos, atributos = [], []
    for i in range(1, 151):
        productos.append(
            (
                i,
                f"{rng.choice(ES_THINGS)} {es.color_name().lower()} {rng.randrange(10, 99)}",
                es.paragraph(nb_sentences=2),
                f"{es.last_name()} {rng.choice(['S.L.', 'S.A.', 'S.Coop.'])}",
                round(rng.uniform(2, 400), 2),
            )
        )
        for key, value in (
            ("color", es.color_name()),
            ("talla", rng.choice(["S", "M", "L", "XL"])),
            ("peso_g", str(rng.randrange(50, 9000))),
            ("material", rng.choice(["algodón", "madera", "acero", "poliéster"])),
            (
                "ref_proveedor",
                f"{rng.randrange(600, 699)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}",
            ),
        ):
            atributos.append((len(atributos) + 1, i, key, value))
    nomes = []
    for i in range(1, PEOPLE + 1):
        pix = rng.choice(["cpf", "email", "phone", "random"])
        cpf = br.cpf()
        email = br.email()
        phone = br.cellphone_number()
        nomes.append(
            (
                5000 + i,
                br.name(),
                cpf,
                br.rg(),
                _birth(rng),
                phone,
                email,
                br.postcode(),
                br.street_name(),
                br.building_number(),
                br.neighborhood(),
                br.city(),
                br.estado_sigla(),
                {"cpf": cpf, "email": email, "phone": phone, "random": br.uuid4()}[pix],
                json.dumps(
                    {
                        "logradouro": br.street_name(),
                        "numero": br.building_number(),
                        "cep": br.postcode(),
                        "cidade": br.city(),
                    },
                    ensure_ascii=False,
                ),
            )
        )
    empresas = [
        (
            br.cnpj(),
            f"{br.last_name()} {rng.choice(['Ltda.', 'S.A.', 'ME', 'EIRELI'])}",
            br.company(),
            br.phone_number(),
            f"{br.street_name()}, {br.building_number()}",
            br.city(),
        )
        for _ in range(60)
    ]
    municipios = [
        (rng.randrange(1_100_000, 5_300_000), br.city(), br.estado_sigla(), br.estado_nome())
        for _ in range(150)
    ]
    tables = [
        _table(
            "es",
            "clientes",
            [
                ("id_cliente", "integer"),
                ("nombre", "varchar(40)"),
                ("primer_apellido", "varchar(40)"),
                ("segundo_apellido", "varchar(40)"),
                ("nif", "varchar(9)"),
                ("fecha_nacimiento", "date"),
                ("sexo", "varchar(1)"),
                ("direccion", "varchar(120)"),
                ("cod_postal", "varchar(5)"),
                ("municipio", "varchar(60)"),
                ("provincia", "varchar(40)"),
                ("correo", "varchar(120)"),
                ("usuario", "varchar(40)"),
            ],
            ["id_cliente"],
            clientes,
        ),
        _table(
            "es",
            "cliente_contacto",
            [
                ("id", "integer"),
                ("id_cliente", "integer"),
                ("tipo", "varchar(10)"),
                ("valor", "varchar(30)"),
            ],
            ["id"],
            contacto,
            [(["id_cliente"], "es.clientes", ["id_cliente"])],
        ),
        _table(
            "es",
            "productos",
            [
                ("id_producto", "integer"),
                ("nombre", "varchar(120)"),
                ("descripcion", "text"),
                ("fabricante", "varchar(80)"),
                ("precio", "numeric(10,2)"),
            ],
            ["id_producto"],
            productos,
        ),
        _table(
            "es",
            "producto_atributo",
            [
                ("id", "integer"),
                ("id_producto", "integer"),
                ("clave", "varchar(20)"),
                ("valor", "varchar(40)"),
            ],
            ["id"],
            atributos,
            [(["id_producto"], "es.productos", ["id_producto"])],
        ),
        _table(
            "br",
            "clientes",
            [
                ("codCliente", "integer"),
                ("nomeCompleto", "varchar(120)"),
                ("cpf", "varchar(14)"),
                ("rg", "varchar(12)"),
                ("dataNascimento", "date"),
                ("celular", "varchar(20)"),
                ("email", "varchar(120)"),
                ("cep", "varchar(9)"),
                ("logradouro", "varchar(120)"),
                ("numero", "varchar(6)"),
                ("bairro", "varchar(60)"),
                ("cidade", "varchar(60)"),
                ("uf", "varchar(2)"),
                ("chavePix", "varchar(120)"),
                ("enderecoEntregaJson", "text"),
            ],
            ["codCliente"],
            nomes,
        ),
        _table(
            "br",
            "empresas",
            [
                ("cnpj", "varchar(18)"),
                ("razaoSocial", "varchar(120)"),
                ("nomeFantasia", "varchar(120)"),
                ("telefone", "varchar(20)"),
                ("endereco", "varchar(120)"),
                ("municipio", "varchar(60)"),
            ],
            ["cnpj"],
            list({e[0]: e for e in empresas}.values()),
        ),
        _table(
            "br",
            "municipios",
            [
                ("codigoIbge", "integer"),
                ("nome", "varchar(60)"),
                ("uf", "varchar(2)"),
                ("estado", "varchar(40)"),
            ],
            ["codigoIbge"],
            list({m[0]: m for m in municipios}.values()),
        ),
    ]
    return EvalSet("faker_es_br_eav", "Faker es_ES and pt_BR, seeded (faker_sets.py)", tables)


# ICD-10 codes and the Italian words a doctor's note uses for them (sick-leave certificates)
IT_CONDITIONS = [
    ("J06.9", "infezione acuta delle vie respiratorie superiori"),
    ("J11.1", "sindrome influenzale con febbre"),
    ("M54.5", "lombalgia acuta"),
    ("S62.5", "frattura del pollice"),
    ("K52.9", "gastroenterite"),
    ("F43.2", "disturbo dell'adattamento, stress"),
    ("H10.9", "congiuntivite"),
]


def faker_it_nl_ja() -> EvalSet:
    """it_IT staff (codice fiscale) with sick-leave certificates (ICD-10 codes, doctors'
    notes); nl_NL customers (BSN, initials and tussenvoegsel, PascalCase Dutch); ja_JP
    customers whose columns are named in Japanese; sensor readings and products, no people."""
    it, rng = _faker("it_IT", 11), random.Random(SEED + 11)
    nl, ja = _faker("nl_NL", 12), _faker("ja_JP", 13)
    dipendenti, certificati = [], []
    for i in range(1, PEOPLE + 1):
        female = rng.random() < 0.5
        dipendenti.append(
            (
                f"M{40000 + i}",
                it.first_name_female() if female else it.first_name_male(),
                it.last_name(),
                it.ssn(),
                _birth(rng),
                "F" if female else "M",
                it.street_address(),
                it.postcode(),
                it.city(),
                it.state_abbr(),
                it.phone_number(),
                f"{it.user_name()}@{rng.choice(['azienda.it', 'gruppo-rossi.it'])}",
                it.iban(),
                rng.randrange(24000, 90000),
                _when(rng, 7000).date(),
                rng.choice(["Produzione", "Logistica", "Vendite", "Amministrazione"]),
            )
        )
    for i in range(1, 201):
        code, words = rng.choice(IT_CONDITIONS)
        start = _when(rng).date()
        certificati.append(
            (
                i,
                f"M{40000 + rng.randrange(1, PEOPLE + 1)}",
                start,
                start + timedelta(days=rng.randrange(1, 21)),
                code,
                f"Paziente con {words}; prognosi di {rng.randrange(2, 20)} giorni.",
            )
        )
    klanten = []
    for i in range(1, PEOPLE + 1):
        first = nl.first_name()
        klanten.append(
            (
                90000 + i,
                ".".join(n[0] for n in [first, *([nl.first_name()] if rng.random() < 0.4 else [])])
                + ".",
                rng.choice(["", "", "van", "de", "van der", "van den"]) or None,
                nl.last_name().split(" ")[-1],
                nl.ssn(),
                _birth(rng),
                nl.street_name(),
                nl.building_number(),
                nl.postcode(),
                nl.city(),
                nl.province(),
                nl.phone_number(),
                nl.email(),
                nl.iban(),
            )
        )
    kokyaku = [
        (
            i,
            ja.name(),
            ja.kana_name(),
            _birth(rng),
            rng.choice(["男", "女"]),
            ja.zipcode(),
            ja.address(),
            ja.phone_number(),
            ja.email(),
            rng.choice(["一般", "シルバー", "ゴールド"]),
        )
        for i in range(1, PEOPLE + 1)
    ]
    shohin = [
        (
            ja.jan13(),
            f"{rng.choice(JA_THINGS)} {ja.word()} {rng.randrange(100, 999)}",
            ja.company(),
            rng.randrange(300, 30000),
        )
        for _ in range(150)
    ]
    letture = [
        (
            i,
            f"SN-{rng.randrange(1000, 9999)}-{rng.randrange(10, 99)}",
            _when(rng, 30),
            round(rng.uniform(-5, 35), 1),
            round(rng.uniform(20, 95), 1),
            rng.choice(["ok", "ok", "ok", "allarme", "manutenzione"]),
        )
        for i in range(1, 301)
    ]
    gemeenten = [(f"GM{rng.randrange(1, 2000):04d}", nl.city(), nl.province()) for _ in range(150)]
    tables = [
        _table(
            "hr",
            "dipendenti",
            [
                ("matricola", "varchar(6)"),
                ("nome", "varchar(40)"),
                ("cognome", "varchar(40)"),
                ("codice_fiscale", "varchar(16)"),
                ("data_nascita", "date"),
                ("sesso", "varchar(1)"),
                ("indirizzo", "varchar(120)"),
                ("cap", "varchar(5)"),
                ("comune", "varchar(60)"),
                ("provincia", "varchar(2)"),
                ("cellulare", "varchar(20)"),
                ("email_aziendale", "varchar(120)"),
                ("iban", "varchar(34)"),
                ("ral", "integer"),
                ("data_assunzione", "date"),
                ("reparto", "varchar(20)"),
            ],
            ["matricola"],
            dipendenti,
        ),
        _table(
            "hr",
            "certificati_malattia",
            [
                ("id_certificato", "integer"),
                ("matricola", "varchar(6)"),
                ("data_inizio", "date"),
                ("data_fine", "date"),
                ("codice_diagnosi", "varchar(6)"),
                ("note_medico", "text"),
            ],
            ["id_certificato"],
            certificati,
            [(["matricola"], "hr.dipendenti", ["matricola"])],
        ),
        _table(
            "iot",
            "letture_sensori",
            [
                ("id_lettura", "integer"),
                ("id_sensore", "varchar(12)"),
                ("rilevato_il", "timestamp"),
                ("temperatura", "numeric(4,1)"),
                ("umidita", "numeric(4,1)"),
                ("stato", "varchar(12)"),
            ],
            ["id_lettura"],
            letture,
        ),
        _table(
            "nl",
            "Klanten",
            [
                ("KlantNummer", "integer"),
                ("Voorletters", "varchar(10)"),
                ("Tussenvoegsel", "varchar(10)"),
                ("Achternaam", "varchar(60)"),
                ("BSN", "varchar(9)"),
                ("Geboortedatum", "date"),
                ("Straat", "varchar(80)"),
                ("Huisnummer", "varchar(6)"),
                ("Postcode", "varchar(7)"),
                ("Woonplaats", "varchar(60)"),
                ("Provincie", "varchar(40)"),
                ("Telefoon", "varchar(20)"),
                ("Email", "varchar(120)"),
                ("Rekeningnummer", "varchar(34)"),
            ],
            ["KlantNummer"],
            klanten,
        ),
        _table(
            "nl",
            "Gemeenten",
            [("GemeenteCode", "varchar(6)"), ("Naam", "varchar(60)"), ("Provincie", "varchar(40)")],
            ["GemeenteCode"],
            list({g[0]: g for g in gemeenten}.values()),
        ),
        _table(
            "jp",
            "kokyaku",
            [
                ("顧客ID", "integer"),
                ("氏名", "varchar(40)"),
                ("氏名カナ", "varchar(40)"),
                ("生年月日", "date"),
                ("性別", "varchar(1)"),
                ("郵便番号", "varchar(8)"),
                ("住所", "varchar(120)"),
                ("電話番号", "varchar(20)"),
                ("メールアドレス", "varchar(120)"),
                ("会員ランク", "varchar(10)"),
            ],
            ["顧客ID"],
            kokyaku,
        ),
        _table(
            "jp",
            "shohin",
            [
                ("商品コード", "varchar(13)"),
                ("商品名", "varchar(80)"),
                ("メーカー", "varchar(80)"),
                ("価格", "integer"),
            ],
            ["商品コード"],
            list({p[0]: p for p in shohin}.values()),
        ),
    ]
    return EvalSet("faker_it_nl_ja", "Faker it_IT, nl_NL and ja_JP, seeded (faker_sets.py)", tables)


GENERATORS: dict[str, Callable[[], EvalSet]] = {
    "faker_us_crm": faker_us_crm,
    "faker_de_shop": faker_de_shop,
    "faker_nordic_hr": faker_nordic_hr,
    "faker_uk_app": faker_uk_app,
    "faker_fr_crm": faker_fr_crm,
    "faker_es_br_eav": faker_es_br_eav,
    "faker_it_nl_ja": faker_it_nl_ja,
}
