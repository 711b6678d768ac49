"""Faker-made ERP and legacy warehouses whose column names are terse, abbreviated or opaque.

Three tuning sets (session 12), none of them SAP (a held-out set models SAP): an IBM i
(AS/400) shop's physical files in the RPG style (``CUSMST``, ``EMPMST``: six-character
upper-case field names sharing a table prefix, ``CMNAM1``, ``CMBDAT``, ``EMSSN#``, names
and addresses written in capitals, dates as 8-digit numbers), a JD Edwards address book
(``F0101`` and its who's who, addresses, phones and e-mails, ``F060116`` employees, dates
as CYYDDD Julian numbers), and a mid-market ERP's legacy database in German, Belgian
Dutch and Danish with abbreviated snake_case names (``kd_nr``, ``vorn``, ``geb_dat``,
``vnaam``, ``wpl``, ``fnavn``, ``tlf``). Where the names say little, the values carry the
finding. Look-alikes hold no one's data: items, articles, vendors and suppliers
(companies with addresses and phones), warehouses, business units, code tables, places.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from faker import Faker

from benchmarks.inventory_sets.faker_apps import _company, _person
from benchmarks.inventory_sets.faker_conventions import _ascii
from benchmarks.inventory_sets.faker_sets import (
    PEOPLE,
    SEED,
    _birth,
    _cpr,
    _faker,
    _iban,
    _steuer_id,
    _table,
    _when,
)
from benchmarks.inventory_sets.model import EvalSet

ITEMS = ["STEEL BOLT", "HEX NUT", "WASHER", "BRACKET", "HINGE", "GASKET", "VALVE", "PIPE"]
SIZES = ["10MM", "12MM", "1/2IN", "3/4IN", "M8", "M10"]
UK_ITEMS = ["Pallet Wrap", "Cable Tie", "Safety Glove", "Label Roll", "Fuse Box", "Drill Bit"]
DE_ARTICLES = ["Schraube", "Mutter", "Dübel", "Winkel", "Scharnier", "Dichtung"]
DK_ARTICLES = ["Skrue", "Møtrik", "Beslag", "Hængsel", "Pakning", "Rør"]
US_STATES = [
    ("CA", "CALIFORNIA"),
    ("TX", "TEXAS"),
    ("NY", "NEW YORK"),
    ("FL", "FLORIDA"),
    ("IL", "ILLINOIS"),
    ("OH", "OHIO"),
    ("WA", "WASHINGTON"),
    ("GA", "GEORGIA"),
]


def _ymd(day: date) -> int:
    """A date as an 8-digit number (YYYYMMDD), as RPG programs keep dates."""
    return day.year * 10000 + day.month * 100 + day.day


def _julian(day: date) -> int:
    """A date as JD Edwards keeps it: CYYDDD (century since 1900, year, day of year)."""
    return (day.year - 1900) // 100 * 100000 + day.year % 100 * 1000 + day.timetuple().tm_yday


def _ssn(rng: random.Random) -> str:
    """A US social security number python-stdnum accepts (no 000, 666 or 9xx area)."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def _dni(rng: random.Random) -> str:
    number = rng.randrange(10**7, 10**8)
    return f"{number}{'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}"


def _nino(rng: random.Random) -> str:
    letters = "ABCEGHJKLMNPRSTWXYZ"
    prefix = rng.choice(letters) + rng.choice(letters.replace("O", ""))
    digits = "".join(str(rng.randrange(10)) for _ in range(6))
    return f"{prefix}{digits}{rng.choice('ABCD')}"


def _be_nn(born: date, rng: random.Random) -> str:
    """A Belgian national number (rijksregisternummer) as written: YY.MM.DD-SSS.CC."""
    serial = rng.randrange(1, 998)
    base = int(f"{born:%y%m%d}{serial:03d}")
    check = 97 - ((base + 2 * 10**9) if born.year >= 2000 else base) % 97
    return f"{born:%y.%m.%d}-{serial:03d}.{check:02d}"


def _upper(text: str) -> str:
    return text.upper().replace("\n", " ")


# --- IBM i (AS/400), RPG style --------------------------------------------------------


def faker_as400() -> EvalSet:
    """A distributor's IBM i library (en_US and es_ES): customers, employees and their
    dependants, salesmen, order headers with ship-to names and addresses, all in capitals;
    dates as YYYYMMDD numbers. Look-alikes: vendors (companies with addresses and phones),
    items, warehouses, a state table, a code table."""
    rng = random.Random(SEED + 121)
    fakers = [_faker("en_US", 121), _faker("es_ES", 122)]
    customers = []
    for i in range(1, PEOPLE + 1):
        fake = fakers[i % 4 == 0]  # a quarter from Spain
        female, first, last = _person(fake, rng)
        us = fake is fakers[0]
        customers.append(
            (
                10000 + i,
                _upper(f"{first} {last}" if rng.random() < 0.6 else f"{last}, {first}"),
                _upper(fake.street_address()),
                _upper(fake.secondary_address()) if us and rng.random() < 0.3 else "",
                _upper(fake.city()),
                rng.choice(US_STATES)[0] if us else _upper(fake.state()),
                fake.postcode(),
                "US" if us else "ES",
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.3 else "",
                _ymd(_birth(rng)),
                _ssn(rng) if us else _dni(rng),
                "F" if female else "M",
                rng.choice([500, 1000, 2500, 5000]),
                rng.randrange(1, 16),
                _ymd(_when(rng, 5000).date()),
                rng.choice(["A", "A", "A", "I"]),
            )
        )
    us = fakers[0]
    employees, dependants = [], []
    for e in range(1, 61):
        female, first, last = _person(us, rng)
        employees.append(
            (
                e,
                _upper(last),
                _upper(first),
                _upper(us.random_uppercase_letter()),
                _upper(us.street_address()),
                _upper(us.city()),
                rng.choice(US_STATES)[0],
                us.postcode(),
                us.phone_number(),
                _ssn(rng),
                _ymd(_birth(rng)),
                "F" if female else "M",
                _ymd(_when(rng, 9000).date()),
                rng.choice(["ACCT", "WHSE", "SALE", "ADMN"]),
                round(rng.uniform(28000, 120000), 2),
                _upper(f"{first[0]}{last}"[:10]),
            )
        )
        for n in range(rng.choice([0, 0, 1, 2])):
            _f, kin, _l = _person(us, rng)
            dependants.append(
                (
                    e,
                    n + 1,
                    _upper(f"{kin} {last}"),
                    rng.choice(["SP", "CH"]),
                    _ymd(_birth(rng)),
                    _ssn(rng),
                )
            )
    salesmen = []
    for s in range(1, 16):
        _f, first, last = _person(us, rng)
        salesmen.append(
            (
                s,
                _upper(f"{first} {last}"),
                us.phone_number(),
                rng.choice(["W", "E", "S"]),
                rng.choice([2.5, 3.0, 5.0]),
            )
        )
    vendors = []
    for v in range(1, 41):
        fake = fakers[v % 5 == 0]
        vendors.append(
            (
                500 + v,
                _upper(_company(fake, rng)),
                _upper(fake.street_address()),
                _upper(fake.city()),
                rng.choice(US_STATES)[0],
                fake.postcode(),
                fake.phone_number(),
                fake.phone_number(),
                rng.choice(["N30", "N45", "COD"]),
                f"{rng.randrange(10, 99)}-{rng.randrange(10**6, 10**7)}",
            )
        )
    items = []
    for n in range(1, 121):
        item = rng.choice(ITEMS)
        items.append(
            (
                f"{item[:2]}-{10000 + n}",
                f"{item} {rng.choice(SIZES)}",
                rng.choice(["ZINC PLATED", "STAINLESS", "GALVANIZED", ""]),
                rng.choice(["EA", "BX", "CS"]),
                round(rng.uniform(0.1, 90), 2),
                500 + rng.randrange(1, 41),
                round(rng.uniform(0.01, 5), 3),
            )
        )
    orders = []
    for o in range(1, 401):
        c = customers[rng.randrange(PEOPLE)]
        fake = fakers[c[7] == "ES"]
        orders.append(
            (
                700000 + o,
                c[0],
                _ymd(_when(rng, 900).date()),
                c[1],
                _upper(fake.street_address()) if rng.random() < 0.2 else c[2],
                c[4],
                c[5],
                c[6],
                round(rng.uniform(20, 4000), 2),
                rng.choice(["O", "S", "C", "X"]),
            )
        )
    warehouses = [
        (
            w,
            f"{city} DC",
            _upper(us.street_address()),
            city,
            state,
            us.postcode(),
            us.phone_number(),
        )
        for w, (city, state) in enumerate(
            [("DALLAS", "TX"), ("RENO", "NV"), ("ATLANTA", "GA"), ("COLUMBUS", "OH")], start=1
        )
    ]
    states = [(code, name, "US") for code, name in US_STATES]
    codes = [
        ("TERM", "N30", "NET 30 DAYS"),
        ("TERM", "N45", "NET 45 DAYS"),
        ("TERM", "COD", "CASH"),
        ("DEPT", "ACCT", "ACCOUNTING"),
        ("DEPT", "WHSE", "WAREHOUSE"),
        ("DEPT", "SALE", "SALES"),
        ("STAT", "A", "ACTIVE"),
        ("STAT", "I", "INACTIVE"),
        ("REL", "SP", "SPOUSE"),
        ("REL", "CH", "CHILD"),
    ]
    return EvalSet("faker_as400", "faker_erp.py faker_as400", _as400_tables(locals()))


def _as400_tables(v: dict) -> list:
    lib = "prodlib"
    return [
        _table(
            lib,
            "CUSMST",
            [
                ("CMCUST", "integer"),
                ("CMNAM1", "varchar(30)"),
                ("CMADR1", "varchar(50)"),
                ("CMADR2", "varchar(50)"),
                ("CMCITY", "varchar(30)"),
                ("CMSTAT", "varchar(30)"),
                ("CMZIP", "varchar(10)"),
                ("CMCNTY", "varchar(2)"),
                ("CMPHON", "varchar(25)"),
                ("CMFAX", "varchar(25)"),
                ("CMBDAT", "integer"),
                ("CMSSN#", "varchar(11)"),
                ("CMSEX", "varchar(1)"),
                ("CMCRLM", "integer"),
                ("CMSLSM", "integer"),
                ("CMOPDT", "integer"),
                ("CMSTS", "varchar(1)"),
            ],
            ["CMCUST"],
            v["customers"],
            [(["CMSLSM"], f"{lib}.SLSMST", ["SMSLSM"])],
        ),
        _table(
            lib,
            "EMPMST",
            [
                ("EMEMP#", "integer"),
                ("EMLNAM", "varchar(20)"),
                ("EMFNAM", "varchar(15)"),
                ("EMMINI", "varchar(1)"),
                ("EMADR1", "varchar(50)"),
                ("EMCITY", "varchar(20)"),
                ("EMST", "varchar(2)"),
                ("EMZIP", "varchar(10)"),
                ("EMHPHN", "varchar(25)"),
                ("EMSSN#", "varchar(11)"),
                ("EMBRDT", "integer"),
                ("EMSEX", "varchar(1)"),
                ("EMHIRE", "integer"),
                ("EMDEPT", "varchar(4)"),
                ("EMSALY", "numeric(9,2)"),
                ("EMUSER", "varchar(10)"),
            ],
            ["EMEMP#"],
            v["employees"],
        ),
        _table(
            lib,
            "EMPDEP",
            [
                ("EDEMP#", "integer"),
                ("EDSEQ", "integer"),
                ("EDNAME", "varchar(30)"),
                ("EDRELC", "varchar(2)"),
                ("EDBRDT", "integer"),
                ("EDSSN#", "varchar(11)"),
            ],
            ["EDEMP#", "EDSEQ"],
            v["dependants"],
            [(["EDEMP#"], f"{lib}.EMPMST", ["EMEMP#"])],
        ),
        _table(
            lib,
            "SLSMST",
            [
                ("SMSLSM", "integer"),
                ("SMNAME", "varchar(30)"),
                ("SMPHON", "varchar(25)"),
                ("SMREGN", "varchar(1)"),
                ("SMCOMM", "numeric(4,2)"),
            ],
            ["SMSLSM"],
            v["salesmen"],
        ),
        _table(
            lib,
            "VENMST",
            [
                ("VMVEND", "integer"),
                ("VMNAME", "varchar(40)"),
                ("VMADR1", "varchar(50)"),
                ("VMCITY", "varchar(20)"),
                ("VMSTAT", "varchar(2)"),
                ("VMZIP", "varchar(10)"),
                ("VMPHON", "varchar(25)"),
                ("VMFAX", "varchar(25)"),
                ("VMTERM", "varchar(3)"),
                ("VMTXID", "varchar(10)"),
            ],
            ["VMVEND"],
            v["vendors"],
        ),
        _table(
            lib,
            "ITMMST",
            [
                ("IMITEM", "varchar(15)"),
                ("IMDESC", "varchar(30)"),
                ("IMDSC2", "varchar(30)"),
                ("IMUOM", "varchar(2)"),
                ("IMPRIC", "numeric(9,2)"),
                ("IMVEND", "integer"),
                ("IMWGHT", "numeric(9,3)"),
            ],
            ["IMITEM"],
            v["items"],
            [(["IMVEND"], f"{lib}.VENMST", ["VMVEND"])],
        ),
        _table(
            lib,
            "ORDHDR",
            [
                ("OHORD#", "integer"),
                ("OHCUST", "integer"),
                ("OHODAT", "integer"),
                ("OHSHNM", "varchar(30)"),
                ("OHSHA1", "varchar(50)"),
                ("OHSHCT", "varchar(30)"),
                ("OHSHST", "varchar(30)"),
                ("OHSHZP", "varchar(10)"),
                ("OHTOTL", "numeric(11,2)"),
                ("OHSTAT", "varchar(1)"),
            ],
            ["OHORD#"],
            v["orders"],
            [(["OHCUST"], f"{lib}.CUSMST", ["CMCUST"])],
        ),
        _table(
            lib,
            "WHSMST",
            [
                ("WHWHS#", "integer"),
                ("WHDESC", "varchar(30)"),
                ("WHADR1", "varchar(30)"),
                ("WHCITY", "varchar(20)"),
                ("WHSTAT", "varchar(2)"),
                ("WHZIP", "varchar(10)"),
                ("WHPHON", "varchar(25)"),
            ],
            ["WHWHS#"],
            v["warehouses"],
        ),
        _table(
            lib,
            "STATES",
            [("STCODE", "varchar(2)"), ("STNAME", "varchar(20)"), ("STCTRY", "varchar(2)")],
            ["STCODE"],
            v["states"],
        ),
        _table(
            lib,
            "CODTBL",
            [("CTTYPE", "varchar(4)"), ("CTCODE", "varchar(4)"), ("CTDESC", "varchar(30)")],
            ["CTTYPE", "CTCODE"],
            v["codes"],
        ),
    ]


# --- JD Edwards World / EnterpriseOne -------------------------------------------------


def faker_jde() -> EvalSet:
    """A JD Edwards address book (en_GB): ``F0101`` holds people (customers, employees)
    and some companies (suppliers) under one address number, with its who's who, postal
    addresses, phones and e-mails in tables of their own; employees, customers and sales
    orders. Dates as CYYDDD Julian numbers. Look-alikes: items, business units, user
    defined codes, companies."""
    rng = random.Random(SEED + 131)
    fake = _faker("en_GB", 131)
    book, whos, addresses, phones, emails = [], [], [], [], []
    employees, customers = [], []
    for n in range(1, PEOPLE + 1):
        an8 = 1000 + n
        kind = "V" if n % 6 == 0 else ("E" if n % 5 == 0 else "C")
        updated = _julian(_when(rng, 1200).date())
        if kind == "V":
            name = _company(fake, rng).replace(" Inc.", " Ltd").replace(" LLC", " plc")
            book.append(
                (
                    an8,
                    f"V{an8}",
                    f"GB{rng.randrange(10**8, 10**9)}",
                    name,
                    kind,
                    "   LONDON",
                    rng.choice(["", "A1", "B2"]),
                    updated,
                )
            )
        else:
            female, first, last = _person(fake, rng)
            middle = fake.first_name() if rng.random() < 0.3 else ""
            book.append(
                (
                    an8,
                    f"{kind}{an8}",
                    _nino(rng),
                    f"{last}, {first}",
                    kind,
                    "   LONDON",
                    rng.choice(["", "A1", "B2"]),
                    updated,
                )
            )
            whos.append(
                (
                    an8,
                    0,
                    f"{first} {last}",
                    first,
                    middle,
                    last,
                    f"{last}, {first}",
                    "A",
                    (rng.choice(["Ms", "Mrs"]) if female else "Mr") if rng.random() < 0.8 else "",
                )
            )
            if kind == "E":
                employees.append(
                    (
                        an8,
                        f"{last}, {first}",
                        _nino(rng),
                        "F" if female else "M",
                        _julian(_birth(rng)),
                        _julian(_when(rng, 6000).date()),
                        "0",
                        rng.choice(["   LONDON", "   LEEDS"]),
                        rng.choice(["CLERK", "DRIVER", "MGR"]),
                        round(rng.uniform(21000, 80000), 0),
                    )
                )
            else:
                customers.append(
                    (
                        an8,
                        "00001",
                        rng.choice([1000, 5000, 10000]),
                        rng.choice(["N30", "N14"]),
                        "GBP",
                        "UK1",
                    )
                )
            emails.append(
                (an8, 0, 1, "E", f"{_ascii(first)}.{_ascii(last)}@{fake.free_email_domain()}")
            )
        line = fake.street_address().split("\n")
        addresses.append(
            (
                an8,
                updated,
                line[0],
                line[1] if len(line) > 1 else "",
                fake.postcode(),
                fake.city(),
                fake.county(),
                "GB",
            )
        )
        for seq, ptype in enumerate(rng.sample(["HOM", "CAR", "FAX", "BUS"], rng.randrange(1, 3))):
            area, _sep, rest = fake.phone_number().partition(" ")
            phones.append((an8, 0, seq + 1, ptype, area, rest))
    orders = []
    for o in range(1, 301):
        c = customers[rng.randrange(len(customers))][0]
        orders.append(
            (
                "00001",
                400000 + o,
                "SO",
                c,
                c if rng.random() < 0.8 else customers[0][0],
                _julian(_when(rng, 700).date()),
                round(rng.uniform(20, 9000), 2),
                "GBP",
            )
        )
    items = [
        (
            i,
            f"{rng.choice(['PW', 'CT', 'SG'])}{20000 + i}",
            rng.choice(UK_ITEMS),
            rng.choice(["Black", "Clear", "Large", "Small", ""]),
            rng.choice(UK_ITEMS).upper(),
            rng.choice(["EA", "BX", "RL"]),
            rng.choice(["IN10", "IN20"]),
        )
        for i in range(1, 101)
    ]
    units = [
        (
            f"{n:>12}",
            rng.choice(["WH", "OF", "BS"]),
            f"{city} {rng.choice(['Warehouse', 'Depot', 'Office'])}",
            "00001",
        )
        for n, city in enumerate(["London", "Leeds", "Bristol", "Glasgow", "Cardiff", "Norwich"], 1)
    ]
    udc = [
        ("01", "ST", "C", "Customer", "Search type"),
        ("01", "ST", "E", "Employee", "Search type"),
        ("01", "ST", "V", "Supplier", "Search type"),
        ("01", "PH", "HOM", "Home", "Phone type"),
        ("01", "PH", "CAR", "Mobile", "Phone type"),
        ("01", "PH", "FAX", "Fax", "Phone type"),
        ("06", "T", "CLERK", "Clerk", "Job type"),
        ("06", "T", "DRIVER", "Driver", "Job type"),
    ]
    companies = [("00001", "Brightwater Supplies Ltd", "GBP", 124001)]
    return EvalSet("faker_jde", "faker_erp.py faker_jde", _jde_tables(locals()))


def _line_keys(prefix: str) -> list[tuple[str, str]]:
    """The keys of a who's who line's phones and e-mails: address number, who's who line,
    line (``WPAN8``, ``WPIDLN``, ``WPRCK7``)."""
    return [(f"{prefix}{key}", "integer") for key in ("AN8", "IDLN", "RCK7")]


def _jde_tables(v: dict) -> list:
    d = "proddta"
    book = (["ABAN8"], f"{d}.F0101", ["ABAN8"])
    return [
        _table(
            d,
            "F0101",
            [
                ("ABAN8", "integer"),
                ("ABALKY", "varchar(20)"),
                ("ABTAX", "varchar(20)"),
                ("ABALPH", "varchar(40)"),
                ("ABAT1", "varchar(3)"),
                ("ABMCU", "varchar(12)"),
                ("ABAC01", "varchar(3)"),
                ("ABUPMJ", "integer"),
            ],
            ["ABAN8"],
            v["book"],
        ),
        _table(
            d,
            "F0111",
            [
                ("WWAN8", "integer"),
                ("WWIDLN", "integer"),
                ("WWMLNM", "varchar(40)"),
                ("WWGNNM", "varchar(25)"),
                ("WWMDNM", "varchar(25)"),
                ("WWSRNM", "varchar(25)"),
                ("WWALPH", "varchar(40)"),
                ("WWTYC", "varchar(1)"),
                ("WWSALU", "varchar(10)"),
            ],
            ["WWAN8", "WWIDLN"],
            v["whos"],
            [(["WWAN8"], *book[1:])],
        ),
        _table(
            d,
            "F0116",
            [
                ("ALAN8", "integer"),
                ("ALEFTB", "integer"),
                ("ALADD1", "varchar(40)"),
                ("ALADD2", "varchar(40)"),
                ("ALADDZ", "varchar(12)"),
                ("ALCTY1", "varchar(25)"),
                ("ALCOUN", "varchar(25)"),
                ("ALCTR", "varchar(3)"),
            ],
            ["ALAN8", "ALEFTB"],
            v["addresses"],
            [(["ALAN8"], *book[1:])],
        ),
        _table(
            d,
            "F0115",
            [
                *_line_keys("WP"),
                ("WPPHTP", "varchar(4)"),
                ("WPAR1", "varchar(20)"),
                ("WPPH1", "varchar(20)"),
            ],
            [c for c, _ in _line_keys("WP")],
            v["phones"],
            [(["WPAN8"], *book[1:])],
        ),
        _table(
            d,
            "F01151",
            [*_line_keys("EA"), ("EAETP", "varchar(4)"), ("EAEMAL", "varchar(256)")],
            [c for c, _ in _line_keys("EA")],
            v["emails"],
            [(["EAAN8"], *book[1:])],
        ),
        _table(
            d,
            "F060116",
            [
                ("YAAN8", "integer"),
                ("YAALPH", "varchar(40)"),
                ("YASSN", "varchar(12)"),
                ("YASEX", "varchar(1)"),
                ("YADOB", "integer"),
                ("YADST", "integer"),
                ("YAPAST", "varchar(1)"),
                ("YAHMCU", "varchar(12)"),
                ("YAJBCD", "varchar(6)"),
                ("YASAL", "numeric(15,2)"),
            ],
            ["YAAN8"],
            v["employees"],
            [(["YAAN8"], *book[1:])],
        ),
        _table(
            d,
            "F03012",
            [
                ("AIAN8", "integer"),
                ("AICO", "varchar(5)"),
                ("AIACL", "integer"),
                ("AITRAR", "varchar(3)"),
                ("AICRCA", "varchar(3)"),
                ("AIARC", "varchar(3)"),
            ],
            ["AIAN8", "AICO"],
            v["customers"],
            [(["AIAN8"], *book[1:])],
        ),
        _table(
            d,
            "F4201",
            [
                ("SHKCOO", "varchar(5)"),
                ("SHDOCO", "integer"),
                ("SHDCTO", "varchar(2)"),
                ("SHAN8", "integer"),
                ("SHSHAN", "integer"),
                ("SHTRDJ", "integer"),
                ("SHOTOT", "numeric(15,2)"),
                ("SHCRCD", "varchar(3)"),
            ],
            ["SHKCOO", "SHDOCO", "SHDCTO"],
            v["orders"],
            [(["SHAN8"], *book[1:]), (["SHSHAN"], *book[1:])],
        ),
        _table(
            d,
            "F4101",
            [
                ("IMITM", "integer"),
                ("IMLITM", "varchar(25)"),
                ("IMDSC1", "varchar(30)"),
                ("IMDSC2", "varchar(30)"),
                ("IMSRTX", "varchar(30)"),
                ("IMUOM1", "varchar(2)"),
                ("IMGLPT", "varchar(4)"),
            ],
            ["IMITM"],
            v["items"],
        ),
        _table(
            d,
            "F0006",
            [
                ("MCMCU", "varchar(12)"),
                ("MCSTYL", "varchar(2)"),
                ("MCDL01", "varchar(30)"),
                ("MCCO", "varchar(5)"),
            ],
            ["MCMCU"],
            v["units"],
        ),
        _table(
            d,
            "F0005",
            [
                ("DRSY", "varchar(4)"),
                ("DRRT", "varchar(2)"),
                ("DRKY", "varchar(10)"),
                ("DRDL01", "varchar(30)"),
                ("DRDL02", "varchar(30)"),
            ],
            ["DRSY", "DRRT", "DRKY"],
            v["udc"],
        ),
        _table(
            d,
            "F0010",
            [
                ("CCCO", "varchar(5)"),
                ("CCNAME", "varchar(30)"),
                ("CCCRCD", "varchar(3)"),
                ("CCDFYJ", "integer"),
            ],
            ["CCCO"],
            v["companies"],
        ),
    ]


# --- A mid-market ERP's legacy database: German, Belgian Dutch, Danish ----------------


def _german_contact(de: Faker, first: str, last: str) -> tuple[str, ...]:
    """Names, street, house number, postcode, town and phone, as both master files hold them."""
    return (first, last, de.street_name(), de.building_number(), de.postcode(), de.city(),
            de.phone_number())  # fmt: skip


def faker_legacy_erp() -> EvalSet:
    """A wholesaler's legacy ERP database with abbreviated snake_case names in three
    languages: German customers, staff and order headers with delivery names (de_DE),
    Belgian customers (nl_BE), Danish customers (da_DK). Look-alikes: articles in German
    and Danish, suppliers (companies with addresses, phones and faxes), a postcode table."""
    rng = random.Random(SEED + 141)
    de, be, dk = _faker("de_DE", 141), _faker("nl_BE", 142), _faker("da_DK", 143)
    kunden = []
    for i in range(1, 201):
        female, first, last = _person(de, rng)
        kunden.append(
            (
                20000 + i,
                "Frau" if female else "Herr",
                *_german_contact(de, first, last),
                de.phone_number() if rng.random() < 0.4 else None,
                _birth(rng) if rng.random() < 0.8 else None,
                f"{_ascii(first)}.{_ascii(last)}@{de.free_email_domain()}",
                de.iban() if rng.random() < 0.6 else None,
                _when(rng, 4000).date(),
                rng.choice([0, 0, 2, 3, 5]),
                rng.random() < 0.05,
            )
        )
    mitarbeiter = []
    for p in range(1, 51):
        _f, first, last = _person(de, rng)
        mitarbeiter.append(
            (
                p,
                *_german_contact(de, first, last),
                _birth(rng),
                _steuer_id(rng),
                _when(rng, 7000).date(),
                rng.choice(["EK", "VK", "LAG", "BUH"]),
                round(rng.uniform(2200, 6800), 2),
            )
        )
    artikel = [
        (
            f"{rng.randrange(10**5, 10**6)}",
            f"{rng.choice(DE_ARTICLES)} {rng.choice(SIZES)}",
            rng.choice(["verzinkt", "Edelstahl", "schwarz", None]),
            rng.choice(["Stk", "Pck", "m"]),
            round(rng.uniform(0.05, 40), 2),
            300 + rng.randrange(1, 21),
        )
        for _ in range(120)
    ]
    lieferanten = [
        (
            300 + n,
            f"{de.last_name()} {rng.choice(['GmbH', 'KG', 'AG', 'GmbH & Co. KG'])}",
            de.street_name(),
            de.building_number(),
            de.postcode(),
            de.city(),
            de.phone_number(),
            de.phone_number(),
            f"DE{rng.randrange(10**8, 10**9)}",
        )
        for n in range(1, 21)
    ]
    orte = sorted({(de.postcode(), de.city(), de.state()) for _ in range(80)})
    auftraege = []
    for a in range(1, 301):
        k = kunden[rng.randrange(len(kunden))]
        other = rng.random() < 0.2
        name = f"{de.first_name()} {de.last_name()}" if other else f"{k[2]} {k[3]}"
        auftraege.append(
            (
                800000 + a,
                k[0],
                _when(rng, 800).date(),
                name,
                f"{de.street_name()} {de.building_number()}" if other else f"{k[4]} {k[5]}",
                de.postcode() if other else k[6],
                de.city() if other else k[7],
                round(rng.uniform(15, 3000), 2),
            )
        )
    klanten = []
    for i in range(1, 151):
        female, first, last = _person(be, rng)
        born = _birth(rng)
        klanten.append(
            (
                i,
                "Mevr." if female else "Dhr.",
                first,
                last,
                be.street_name(),
                be.building_number(),
                be.postcode(),
                be.city(),
                be.phone_number(),
                f"+32 4{rng.randrange(70, 100)} "
                f"{rng.randrange(10, 100)} {rng.randrange(10, 100)} {rng.randrange(10, 100)}",
                _be_nn(born, rng),
                born,
                f"{_ascii(first)}{rng.randrange(1, 99)}@{be.free_email_domain()}",
            )
        )
    kunder = []
    for i in range(1, 151):
        female, first, last = _person(dk, rng)
        born = _birth(rng)
        kunder.append(
            (
                5000 + i,
                first,
                last,
                dk.street_address(),
                dk.postcode(),
                dk.city(),
                dk.phone_number(),
                dk.phone_number() if rng.random() < 0.5 else None,
                born,
                _cpr(rng, born),
                _iban("DK", f"{rng.randrange(10**13, 10**14)}"),
            )
        )
    varer = [
        (
            f"V{n:05d}",
            f"{rng.choice(DK_ARTICLES)} {rng.choice(SIZES)}",
            rng.choice(["stk", "pk"]),
            round(rng.uniform(1, 400), 2),
        )
        for n in range(1, 81)
    ]
    return EvalSet("faker_legacy_erp", "faker_erp.py faker_legacy_erp", _legacy_tables(locals()))


# What _german_contact makes, as columns
GERMAN_CONTACT = [("vorn", "varchar(40)"), ("nachn", "varchar(40)"), ("str", "varchar(60)"),
                  ("hnr", "varchar(10)"), ("plz", "varchar(5)"), ("ort", "varchar(40)"),
                  ("tel_priv", "varchar(30)")]  # fmt: skip


def _legacy_tables(v: dict) -> list:
    w, b, lg = "warenwirt", "boekhoud", "lager"
    return [
        _table(
            w,
            "kd_stamm",
            [
                ("kd_nr", "integer"),
                ("anr", "varchar(10)"),
                *GERMAN_CONTACT,
                ("tel_gesch", "varchar(30)"),
                ("geb_dat", "date"),
                ("e_mail", "varchar(80)"),
                ("bank_iban", "varchar(34)"),
                ("kd_seit", "date"),
                ("rab_proz", "integer"),
                ("sperr_kz", "boolean"),
            ],
            ["kd_nr"],
            v["kunden"],
        ),
        _table(
            w,
            "ma_stamm",
            [
                ("pers_nr", "integer"),
                *GERMAN_CONTACT,
                ("geb_dat", "date"),
                ("st_id", "varchar(11)"),
                ("eintr_dat", "date"),
                ("abt", "varchar(4)"),
                ("gehalt", "numeric(9,2)"),
            ],
            ["pers_nr"],
            v["mitarbeiter"],
        ),
        _table(
            w,
            "art_stamm",
            [
                ("art_nr", "varchar(10)"),
                ("bez", "varchar(60)"),
                ("bez2", "varchar(60)"),
                ("me", "varchar(4)"),
                ("vk_preis", "numeric(9,2)"),
                ("lief_nr", "integer"),
            ],
            ["art_nr"],
            v["artikel"],
            [(["lief_nr"], f"{w}.lief_stamm", ["lief_nr"])],
        ),
        _table(
            w,
            "lief_stamm",
            [
                ("lief_nr", "integer"),
                ("firma", "varchar(60)"),
                ("str", "varchar(60)"),
                ("hnr", "varchar(10)"),
                ("plz", "varchar(5)"),
                ("ort", "varchar(40)"),
                ("tel", "varchar(30)"),
                ("fax", "varchar(30)"),
                ("ust_id", "varchar(11)"),
            ],
            ["lief_nr"],
            v["lieferanten"],
        ),
        _table(
            w,
            "plz_ort",
            [("plz", "varchar(5)"), ("ort", "varchar(40)"), ("bundesl", "varchar(40)")],
            ["plz", "ort"],
            v["orte"],
        ),
        _table(
            w,
            "auftr_kopf",
            [
                ("auftr_nr", "integer"),
                ("kd_nr", "integer"),
                ("auftr_dat", "date"),
                ("lief_name", "varchar(80)"),
                ("lief_str", "varchar(80)"),
                ("lief_plz", "varchar(5)"),
                ("lief_ort", "varchar(40)"),
                ("summe", "numeric(11,2)"),
            ],
            ["auftr_nr"],
            v["auftraege"],
            [(["kd_nr"], f"{w}.kd_stamm", ["kd_nr"])],
        ),
        _table(
            b,
            "klanten",
            [
                ("klantnr", "integer"),
                ("aanspr", "varchar(6)"),
                ("vnaam", "varchar(40)"),
                ("anaam", "varchar(40)"),
                ("straat", "varchar(60)"),
                ("huisnr", "varchar(10)"),
                ("pc", "varchar(4)"),
                ("wpl", "varchar(40)"),
                ("tel", "varchar(20)"),
                ("gsm", "varchar(20)"),
                ("rijksregnr", "varchar(15)"),
                ("gebdat", "date"),
                ("email", "varchar(80)"),
            ],
            ["klantnr"],
            v["klanten"],
        ),
        _table(
            lg,
            "kunde",
            [
                ("kundenr", "integer"),
                ("fnavn", "varchar(40)"),
                ("enavn", "varchar(40)"),
                ("adr", "varchar(80)"),
                ("postnr", "varchar(4)"),
                ("bynavn", "varchar(40)"),
                ("tlf", "varchar(20)"),
                ("mobil", "varchar(20)"),
                ("fdato", "date"),
                ("cprnr", "varchar(11)"),
                ("kontonr", "varchar(18)"),
            ],
            ["kundenr"],
            v["kunder"],
        ),
        _table(
            lg,
            "vare",
            [
                ("varenr", "varchar(6)"),
                ("vtekst", "varchar(60)"),
                ("enh", "varchar(3)"),
                ("pris", "numeric(9,2)"),
            ],
            ["varenr"],
            v["varer"],
        ),
    ]


GENERATORS: dict[str, Callable[[], EvalSet]] = {
    "faker_as400": faker_as400,
    "faker_jde": faker_jde,
    "faker_legacy_erp": faker_legacy_erp,
}
