"""Faker-made warehouses whose phone numbers and ID numbers are other countries', written
as those countries write them.

Two tuning sets (session 12), in locales no held-out set uses: a distributor's CRM whose
customers and suppliers' contacts live in six countries (en_US, de_DE, el_GR, ro_RO, hr_HR,
tr_TR), some tables with a country column (ISO codes or English names), and staff tables of
five subsidiaries (bg_BG, sk_SK, lt_LT, uk_UA, ko_KR) named in their own languages, without
one. Phones in each locale's national formats (Faker's), in columns named for a phone and
in columns whose name says nothing of it (``contact_no``, ``domashen``); national ID
numbers valid by python-stdnum. Look-alikes that are no one's: order numbers, references
and tracking numbers in groups of digits, dates, amounts, SKUs shaped like a national
phone number, EANs, ISBNs, customs codes, companies' switchboards.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from faker import Faker
from stdnum import ean, isbn
from stdnum.bg import egn
from stdnum.kr import rrn
from stdnum.lt import asmens

from benchmarks.inventory_sets.faker_conventions import _ascii
from benchmarks.inventory_sets.faker_sets import (
    PEOPLE,
    SEED,
    _birth,
    _faker,
    _steuer_id,
    _table,
    _when,
)
from benchmarks.inventory_sets.model import EvalSet

# The CRM's countries: (Faker locale, ISO code, English name)
COUNTRIES = [
    ("en_US", "US", "United States"),
    ("de_DE", "DE", "Germany"),
    ("el_GR", "GR", "Greece"),
    ("ro_RO", "RO", "Romania"),
    ("hr_HR", "HR", "Croatia"),
    ("tr_TR", "TR", "Turkey"),
]
SEGMENTS = ["retail", "wholesale", "online", "key account"]
MATERIALS = ["Steel", "Brass", "PVC"]
GOODS = ["Pump", "Valve", "Filter", "Gasket", "Bearing", "Hose"]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _personal_code(fake: Faker, iso: str, rng: random.Random) -> str:
    """The country's own personal number (valid), as written there: a Steuer-ID, else
    Faker's (a US SSN, a Greek AMKA, a Romanian CNP, a Croatian OIB, a TC Kimlik No)."""
    return _steuer_id(rng) if iso == "DE" else fake.ssn()


def _order_ref(rng: random.Random) -> str:
    return f"{rng.randrange(1000, 9999)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}"


def faker_contacts_intl() -> EvalSet:
    """A distributor's CRM: customers in six countries (an ISO country column), suppliers
    (companies) and their contact persons (an English country name), orders and products
    with numbers shaped like phones."""
    rng = random.Random(SEED + 121)
    fakers = {iso: _faker(locale, 121 + i) for i, (locale, iso, _) in enumerate(COUNTRIES)}
    names = {iso: name for _, iso, name in COUNTRIES}
    customers = []
    for i in range(1, PEOPLE + 1):
        iso = COUNTRIES[i % len(COUNTRIES)][1]
        fake = fakers[iso]
        first, last = fake.first_name(), fake.last_name()
        customers.append(
            (
                i,
                first,
                last,
                fake.email(),
                iso,
                fake.city(),
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.7 else None,
                _personal_code(fake, iso, rng),
                rng.choice(SEGMENTS),
                _when(rng, 2000),
            )
        )
    suppliers, contacts = [], []
    for s in range(1, 41):
        iso = COUNTRIES[s % len(COUNTRIES)][1]
        fake = fakers[iso]
        suppliers.append((s, fake.company(), iso, fake.phone_number(), f"{iso}{_digits(rng, 9)}"))
        for _ in range(rng.randrange(1, 4)):
            first, last = fake.first_name(), fake.last_name()
            contacts.append(
                (
                    len(contacts) + 1,
                    s,
                    f"{first} {last}",
                    names[iso],
                    fake.phone_number(),
                    fake.phone_number() if rng.random() < 0.8 else None,
                    fake.phone_number() if rng.random() < 0.3 else None,
                    f"{_ascii(fake.user_name())}@{fake.domain_name()}",
                )
            )
    products = []
    for p in range(1, 81):
        ean13 = _digits(rng, 12)
        book = "978" + _digits(rng, 9)
        products.append(
            (
                p,
                f"{rng.choice(MATERIALS)} {rng.choice(GOODS)} {rng.randrange(10, 99)}",
                f"0{rng.randrange(100, 999)}-{rng.randrange(100, 999)}-{rng.randrange(100, 999)}",
                ean13 + ean.calc_check_digit(ean13),
                isbn.format(book + ean.calc_check_digit(book)),
                f"{rng.randrange(8400, 8499)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
                round(rng.uniform(2, 900), 2),
            )
        )
    orders = []
    for o in range(1, 501):
        c = customers[rng.randrange(PEOPLE)]
        placed = _when(rng, 900)
        orders.append(
            (
                o,
                c[0],
                f"SO-{placed:%y%m%d}-{o:04d}",
                _order_ref(rng),
                f"{placed:%d-%m-%Y}",
                f"{rng.randrange(1, 9)} {rng.randrange(100, 999)},{rng.randrange(10, 99)}",
                "00" + " ".join(_digits(rng, n) for n in (2, 4, 4, 4, 2)),  # an SSCC
                rng.randrange(1, 20),
            )
        )
    tables = [
        _table(
            "crm",
            "customers",
            [
                ("customer_id", "integer"),
                ("first_name", "varchar(60)"),
                ("last_name", "varchar(60)"),
                ("email", "varchar(120)"),
                ("country", "varchar(2)"),
                ("city", "varchar(80)"),
                ("phone", "varchar(40)"),
                ("contact_no", "varchar(40)"),
                ("personal_code", "varchar(20)"),
                ("segment", "varchar(20)"),
                ("created_at", "timestamp"),
            ],
            ["customer_id"],
            customers,
        ),
        _table(
            "crm",
            "suppliers",
            [
                ("supplier_id", "integer"),
                ("company", "varchar(120)"),
                ("country", "varchar(2)"),
                ("switchboard", "varchar(40)"),
                ("vat_no", "varchar(20)"),
            ],
            ["supplier_id"],
            suppliers,
        ),
        _table(
            "crm",
            "supplier_contacts",
            [
                ("contact_id", "integer"),
                ("supplier_id", "integer"),
                ("full_name", "varchar(120)"),
                ("country_name", "varchar(40)"),
                ("direct_line", "varchar(40)"),
                ("gsm", "varchar(40)"),
                ("fax_no", "varchar(40)"),
                ("email", "varchar(120)"),
            ],
            ["contact_id"],
            contacts,
            [(["supplier_id"], "crm.suppliers", ["supplier_id"])],
        ),
        _table(
            "catalog",
            "products",
            [
                ("product_id", "integer"),
                ("title", "varchar(80)"),
                ("sku", "varchar(20)"),
                ("ean", "varchar(13)"),
                ("isbn", "varchar(20)"),
                ("hs_code", "varchar(12)"),
                ("list_price", "numeric(10,2)"),
            ],
            ["product_id"],
            products,
        ),
        _table(
            "sales",
            "orders",
            [
                ("order_id", "integer"),
                ("customer_id", "integer"),
                ("order_no", "varchar(20)"),
                ("reference", "varchar(20)"),
                ("ordered_on", "varchar(10)"),
                ("total", "varchar(12)"),
                ("tracking_no", "varchar(30)"),
                ("items", "integer"),
            ],
            ["order_id"],
            orders,
            [(["customer_id"], "crm.customers", ["customer_id"])],
        ),
    ]
    return EvalSet("faker_contacts_intl", "faker_phones.py faker_contacts_intl", tables)


# --- staff of five subsidiaries, each in its own language --------------------------------


def _egn(rng: random.Random, born: date) -> str:
    month = born.month + (40 if born.year >= 2000 else 0)
    head = f"{born:%y}{month:02d}{born:%d}{rng.randrange(1000):03d}"
    return head + egn.calc_check_digit(head)


def _rodne_cislo(rng: random.Random, born: date, female: bool) -> str:
    month = born.month + (50 if female else 0)
    head = int(f"{born:%y}{month:02d}{born:%d}{rng.randrange(1000):03d}")
    last = (-head * 10) % 11
    if last == 10:
        return _rodne_cislo(rng, born, female)
    number = f"{head:09d}{last}"
    return f"{number[:6]}/{number[6:]}"


def _asmens_kodas(rng: random.Random, born: date, female: bool) -> str:
    century = (3 if born.year < 2000 else 5) + female
    head = f"{century}{born:%y%m%d}{rng.randrange(1000):03d}"
    return head + asmens.calc_check_digit(head + "0")  # it reads all but the last


def _jumin(rng: random.Random, born: date, female: bool) -> str:
    sex = (4 if female else 3) if born.year >= 2000 else (2 if female else 1)
    place, serial = rng.randrange(97), rng.randrange(1000)
    head = f"{born:%y%m%d}{sex}{place:02d}{serial:03d}"
    return f"{head[:6]}-{head[6:]}{rrn.calc_check_digit(head)}"


def _staff(
    fake: Faker, rng: random.Random, row: Callable[[int, Faker, bool, date], tuple], count: int
) -> list[tuple]:
    return [row(i, fake, rng.random() < 0.5, _birth(rng)) for i in range(1, count + 1)]


def faker_staff_local() -> EvalSet:
    """Staff of five subsidiaries, each table named in its country's language (Bulgarian,
    Slovak, Lithuanian, Ukrainian transliterated; Korean in English): names, national
    numbers, phones named for phones and not; warehouse stock and shipments with numbers
    in groups as look-alikes, and the subsidiaries' offices (their switchboards)."""
    rng = random.Random(SEED + 131)
    bg, sk, lt = _faker("bg_BG", 131), _faker("sk_SK", 132), _faker("lt_LT", 133)
    ua, kr = _faker("uk_UA", 134), _faker("ko_KR", 135)
    count = PEOPLE // 3
    jobs = ["Счетоводител", "Склададжия", "Шофьор", "Мениджър"]

    def bulgarian(i: int, fake: Faker, female: bool, born: date) -> tuple:
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name_female() if female else fake.last_name_male()
        return (
            i, first, last, _egn(rng, born), fake.phone_number(),
            fake.phone_number() if rng.random() < 0.6 else None, rng.choice(jobs),
            rng.randrange(1500, 6000),
        )  # fmt: skip

    def slovak(i: int, fake: Faker, female: bool, born: date) -> tuple:
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name_female() if female else fake.last_name_male()
        return (
            i, first, last, _rodne_cislo(rng, born, female), fake.phone_number(),
            fake.phone_number() if rng.random() < 0.5 else None,
            rng.choice(["skladník", "účtovníčka", "vodič", "manažér"]),
        )  # fmt: skip

    def lithuanian(i: int, fake: Faker, female: bool, born: date) -> tuple:
        first, last = fake.first_name(), fake.last_name()
        return (
            i, first, last, _asmens_kodas(rng, born, female), fake.phone_number(),
            f"{_ascii(first)}.{_ascii(last)}@{fake.free_email_domain()}",
            rng.choice(["sandėlininkas", "buhalterė", "vairuotojas"]),
        )  # fmt: skip

    def ukrainian(i: int, fake: Faker, female: bool, born: date) -> tuple:
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name_female() if female else fake.last_name_male()
        return (
            i, first, last, fake.ssn(), fake.phone_number(),
            fake.phone_number() if rng.random() < 0.5 else None,
            rng.choice(["комірник", "бухгалтер", "водій"]),
        )  # fmt: skip

    def korean(i: int, fake: Faker, female: bool, born: date) -> tuple:
        return (
            f"E{20000 + i}", fake.name(), _jumin(rng, born, female),
            f"010-{rng.randrange(2000, 9999)}-{rng.randrange(1000, 9999)}", fake.phone_number(),
            rng.choice(["영업부", "물류팀", "회계팀"]),
        )  # fmt: skip

    stock = [
        (
            s,
            f"{rng.choice('ABCD')}-{rng.randrange(1, 40):02d}-{rng.randrange(1, 9)}",
            f"LOT {rng.randrange(10, 99)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
            f"0{rng.randrange(10, 99)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}",
            rng.randrange(0, 500),
        )
        for s in range(1, 151)
    ]
    shipments = [
        (
            s,
            f"{rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
            f"{rng.randrange(1, 28):02d} {rng.randrange(1, 12):02d} {rng.randrange(2019, 2026)}",
            f"{rng.randrange(1, 900)}.{rng.randrange(10, 99)} kg",
        )
        for s in range(1, 201)
    ]
    offices = [
        (1, "Sofia", bg.phone_number()),
        (2, "Bratislava", sk.phone_number()),
        (3, "Vilnius", lt.phone_number()),
        (4, "Kyiv", ua.phone_number()),
        (5, "Seoul", kr.phone_number()),
    ]
    text, tel = "varchar(60)", "varchar(40)"
    tables = [
        _table(
            "hr_bg",
            "sluzhiteli",
            [
                ("id", "integer"), ("ime", text), ("familia", text), ("egn", "varchar(10)"),
                ("telefon", tel), ("domashen", tel), ("dlazhnost", text), ("zaplata", "integer"),
            ],
            ["id"],
            _staff(bg, rng, bulgarian, count),
        ),
        _table(
            "hr_sk",
            "zamestnanci",
            [
                ("id", "integer"), ("meno", text), ("priezvisko", text), ("rodne_cislo", tel),
                ("mobil", tel), ("pevna_linka", tel), ("pozicia", text),
            ],
            ["id"],
            _staff(sk, rng, slovak, count),
        ),
        _table(
            "hr_lt",
            "darbuotojai",
            [
                ("id", "integer"), ("vardas", text), ("pavarde", text), ("asmens_kodas", tel),
                ("telefonas", tel), ("el_pastas", "varchar(120)"), ("pareigos", text),
            ],
            ["id"],
            _staff(lt, rng, lithuanian, count),
        ),
        _table(
            "hr_ua",
            "spivrobitnyky",
            [
                ("id", "integer"), ("imia", text), ("prizvyshche", text), ("ipn", "varchar(10)"),
                ("telefon", tel), ("robochyi", tel), ("posada", text),
            ],
            ["id"],
            _staff(ua, rng, ukrainian, count),
        ),
        _table(
            "hr_kr",
            "employees",
            [
                ("emp_no", "varchar(8)"), ("emp_name", text), ("rrn", "varchar(14)"),
                ("hp_no", tel), ("office_line", tel), ("dept", text),
            ],
            ["emp_no"],
            _staff(kr, rng, korean, count),
        ),
        _table(
            "inv",
            "stock",
            [
                ("stock_id", "integer"), ("bin", "varchar(10)"), ("lot", "varchar(20)"),
                ("part_no", "varchar(20)"), ("qty", "integer"),
            ],
            ["stock_id"],
            stock,
        ),
        _table(
            "inv",
            "shipments",
            [
                ("shipment_id", "integer"), ("waybill", "varchar(20)"), ("shipped", "varchar(10)"),
                ("weight", "varchar(12)"),
            ],
            ["shipment_id"],
            shipments,
        ),
        _table(
            "ref",
            "offices",
            [("office_id", "integer"), ("city", text), ("switchboard", tel)],
            ["office_id"],
            offices,
        ),
    ]  # fmt: skip
    return EvalSet("faker_staff_local", "faker_phones.py faker_staff_local", tables)


GENERATORS: dict[str, Callable[[], EvalSet]] = {
    "faker_contacts_intl": faker_contacts_intl,
    "faker_staff_local": faker_staff_local,
}
