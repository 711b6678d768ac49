"""Held-out warehouses modelled on four more open-source applications' schemas, made blind.

Written (session 13) by someone who had not read the detectors, and labelled before any
detector ran on them, in locales no other set uses: Saleor (a Django shop selling in
Argentina and Chile: accounts, addresses as rows of their own, orders, payments with masked
card data, gift cards, JSON metadata holding DNI and RUT), Zammad (a Rails helpdesk of an
Indonesian, Thai and Vietnamese cloud provider: users, organisations, tickets and their
articles, devices), OrangeHRM (staff of a Slovenian, Russian and Israeli logistics firm
under its ``hs_hr_`` / ``ohrm_`` tables and ``emp_`` abbreviations: personal numbers,
dependants, bank transfers, passports, candidates, leave) and Gibbon (a Taipei school in
camelCase ``gibbon*`` tables: students, parents and staff in one person table, families,
medical records, behaviour notes, invoicees, a log with PHP-serialised values). Each
function returns one :class:`EvalSet`, the same every run.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

from faker import Faker
from stdnum import luhn
from stdnum.ar import cuit
from stdnum.cl import rut
from stdnum.ru import inn
from stdnum.si import ddv, emso
from stdnum.th import pin

from benchmarks.inventory_sets.faker_blind import _digits, _hexhash, cols
from benchmarks.inventory_sets.faker_sets import AS_OF, _birth, _faker, _iban, _table, _when
from benchmarks.inventory_sets.model import EvalSet

SEED2 = 2026120413  # this module's own stream of random choices


def _rng(salt: int) -> random.Random:
    return random.Random(SEED2 + salt)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _e164(phone: str) -> str:
    """A phone as Django's phonenumber field stores it: +, country code, digits."""
    return "+" + re.sub(r"\D", "", phone.split("x")[0])


def _uuid(*parts: object) -> str:
    h = _hexhash(*parts)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:32]}"


def _js(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _pbkdf2(rng: random.Random) -> str:
    return f"pbkdf2_sha256$720000${rng.getrandbits(64):016x}${_hexhash(rng.random())[:43]}"


def _admin(fake: Faker) -> str:
    try:
        return fake.administrative_unit()
    except AttributeError:
        return ""


# --- Saleor: a Django shop in Argentina and Chile -------------------------------------

AR_PRODUCTS = [
    ("Mate de calabaza", "Mates"),
    ("Bombilla de alpaca", "Mates"),
    ("Yerba orgánica 1 kg", "Almacén"),
    ("Dulce de leche 400 g", "Almacén"),
    ("Poncho de lana", "Textiles"),
    ("Manta de vicuña", "Textiles"),
    ("Cuchillo criollo", "Cocina"),
    ("Parrilla portátil", "Cocina"),
    ("Vino Malbec 750 ml", "Bodega"),
    ("Carménère reserva", "Bodega"),
    ("Alfajores x12", "Almacén"),
    ("Termo 1 L", "Mates"),
]
CARD_BRANDS = ["visa", "mastercard", "amex", "naranja", "cabal"]


def _dni(rng: random.Random) -> str:
    number = rng.randrange(10_000_000, 45_000_000)
    return f"{number // 1_000_000}.{number // 1000 % 1000:03d}.{number % 1000:03d}"


def _cuit_person(dni_text: str, *, female: bool) -> str:
    body = ("27" if female else "20") + dni_text.replace(".", "").zfill(8)
    return cuit.format(body + cuit.calc_check_digit(body))


def _rut(rng: random.Random) -> str:
    body = str(rng.randrange(5_000_000, 26_000_000))
    return rut.format(body + rut.calc_check_digit(body))


def faker_saleor_latam() -> EvalSet:
    """Saleor 3 (Django): accounts with JSON metadata, addresses as rows of their own."""
    rng = _rng(1)
    fakers = {"AR": _faker("es_AR", 2001), "CL": _faker("es_CL", 2002)}
    addresses, users = [], []
    staff = set(range(1, 9))
    for uid in range(1, 241):
        country = "AR" if rng.random() < 0.6 else "CL"
        fake = fakers[country]
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        own = []
        for _ in range(1 if rng.random() < 0.7 else 2):
            aid = len(addresses) + 1
            own.append(aid)
            addresses.append(
                [
                    aid,
                    first,
                    last,
                    fake.company() if rng.random() < 0.1 else "",
                    fake.street_address(),
                    f"Piso {rng.randrange(1, 15)} Dto {rng.choice('ABCD')}"
                    if rng.random() < 0.3
                    else "",
                    fake.city(),
                    fake.commune() if country == "CL" else "",
                    fake.postcode(),
                    country,
                    _admin(fake),
                    _e164(fake.phone_number()),
                ]
            )
        login = _ascii(f"{first}.{last}".lower()).replace(" ", "")
        mailer = rng.choice(["gmail.com", "hotmail.com", "yahoo.com.ar", "outlook.cl"])
        email = f"{login}{rng.randrange(100)}@{mailer}"
        if uid in staff:
            email = f"{login}@tiendaandina.com"
        national = _dni(rng) if country == "AR" else _rut(rng)
        private = (
            {"dni": national, "cuit": _cuit_person(national, female=female)}
            if country == "AR" and rng.random() < 0.5
            else {"dni": national}
            if country == "AR"
            else {"rut": national}
        )
        joined = _when(rng)
        users.append(
            [
                uid,
                email,
                first,
                last,
                _pbkdf2(rng),
                uid in staff,
                rng.random() < 0.95,
                joined,
                rng.choice(
                    [
                        None,
                        None,
                        f"Cliente mayorista, pide factura A a nombre de {first} {last}.",
                        "Reclamó por un envío demorado; se le reintegró el costo.",
                        f"Prefiere que la llamen al {addresses[own[0] - 1][11]} por la tarde.",
                    ]
                )
                if uid not in staff
                else None,
                own[0],
                own[-1],
                "es-AR" if country == "AR" else "es-CL",
                _js({"newsletter": rng.random() < 0.4, "talle": rng.choice(["S", "M", "L"])}),
                _js(private) if uid not in staff else "{}",
            ]
        )
    customers = [u for u in users if u[0] not in staff]
    channels = [
        [1, "Tienda Argentina", "tienda-ar", "ARS", "AR"],
        [2, "Tienda Chile", "tienda-cl", "CLP", "CL"],
    ]
    warehouses = []
    for i, city in enumerate(["Rosario", "Córdoba", "Santiago", "Valparaíso"]):
        fake = fakers["AR" if i < 2 else "CL"]
        warehouses.append(
            [
                _uuid("wh", i),
                f"Depósito {city}",
                f"deposito-{_ascii(city).lower()}",
                f"deposito.{_ascii(city).lower()}@tiendaandina.com",
                "Tienda Andina S.R.L." if i < 2 else "Tienda Andina SpA",
                fake.street_address(),
                city,
                fake.postcode(),
                "AR" if i < 2 else "CL",
                _e164(fake.phone_number()),
            ]
        )
    products, variants = [], []
    for pid, (title, kind) in enumerate(AR_PRODUCTS, start=1):
        products.append(
            [
                pid,
                title,
                _ascii(title).lower().replace(" ", "-"),
                _js({"blocks": [{"type": "paragraph", "data": {"text": f"{title}: {kind}."}}]}),
                kind,
                round(rng.uniform(3, 5), 1),
            ]
        )
        for v in range(3):
            sku = (
                f"{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
            )
            variants.append(
                [
                    len(variants) + 1,
                    sku,
                    f"{title} {['chico', 'mediano', 'grande'][v]}",
                    pid,
                    rng.uniform(0.1, 3),
                ]
            )
    orders, lines, fulfilments, payments, events = [], [], [], [], []
    for number in range(1001, 1281):
        user = rng.choice(customers)
        address = addresses[user[10] - 1]
        oid = _uuid("order", number)
        currency = "ARS" if address[9] == "AR" else "CLP"
        chosen = rng.sample(variants, rng.randrange(1, 4))
        total = 0.0
        for variant in chosen:
            price = round(rng.uniform(2000, 60000), 2)
            quantity = rng.randrange(1, 4)
            total += price * quantity
            lines.append(
                [
                    len(lines) + 1,
                    oid,
                    products[variant[3] - 1][1],
                    variant[2].split()[-1],
                    variant[1],
                    quantity,
                    price,
                    0.21 if currency == "ARS" else 0.19,
                ]
            )
        created = _when(rng, 700)
        status = rng.choice(["fulfilled", "fulfilled", "unfulfilled", "canceled"])
        orders.append(
            [
                oid,
                number,
                created,
                status,
                user[0],
                user[1],
                user[9],
                user[10],
                currency,
                round(total, 2),
                rng.choice(["Andreani", "OCA", "Correo Argentino", "Chilexpress", "Starken"]),
                1 if currency == "ARS" else 2,
            ]
        )
        if status == "fulfilled":
            fulfilments.append(
                [
                    len(fulfilments) + 1,
                    1,
                    oid,
                    "fulfilled",
                    f"{rng.choice(['CP', 'RR', 'LA'])}{_digits(rng, 9)}{address[9]}",
                    created + timedelta(days=rng.randrange(1, 6)),
                ]
            )
        fake = fakers[address[9]]
        card = rng.random() < 0.8
        exp = created + timedelta(days=rng.randrange(100, 1500))
        payments.append(
            [
                len(payments) + 1,
                "mirumee.payments.mercadopago"
                if currency == "ARS"
                else "mirumee.payments.transbank",
                True,
                "fully-charged" if status != "canceled" else "refunded",
                round(total, 2),
                currency,
                user[1],
                address[1],
                address[2],
                address[3],
                address[4],
                address[5],
                address[6],
                address[8],
                address[9],
                address[10],
                f"{rng.choice(['4', '5'])}{_digits(rng, 5)}" if card else "",
                _digits(rng, 4) if card else "",
                rng.choice(CARD_BRANDS) if card else "",
                exp.month if card else None,
                exp.year if card else None,
                fake.ipv4_public() if rng.random() < 0.7 else fake.ipv6(),
                f"{rng.randrange(10**10, 10**11)}",
                oid,
                created,
                "card" if card else "transfer",
            ]
        )
        events.append(
            [len(events) + 1, created, "placed_order", _js({"order_number": number}), oid, user[0]]
        )
    for user in rng.sample(customers, 60):
        kind = rng.choice(["account_created", "password_reset_link_sent", "email_changed"])
        events.append(
            [len(events) + 1, _when(rng), kind, _js({"count": rng.randrange(1, 4)}), None, user[0]]
        )
    notes = []
    for user in rng.sample(customers, 70):
        notes.append(
            [
                len(notes) + 1,
                _when(rng),
                rng.choice(
                    [
                        f"Llamó {user[2]} para cambiar la dirección de entrega del pedido.",
                        f"La clienta pidió la baja del newsletter; escribe desde {user[1]}.",
                        "Devolución aceptada: el termo llegó con una abolladura.",
                        f"Se le explicó a {user[2]} {user[3]} cómo usar la cuota sin interés.",
                        "Reclamo por cobro duplicado, derivado a pagos.",
                    ]
                ),
                rng.random() < 0.2,
                user[0],
                rng.choice(sorted(staff)),
            ]
        )
    giftcards = []
    for i in range(1, 81):
        used = rng.choice(customers) if rng.random() < 0.6 else None
        creator = users[rng.choice(sorted(staff)) - 1]  # issued by staff
        amount = rng.choice([5000, 10000, 20000, 50000])
        code = "-".join(
            "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(4))
            for _ in range(3)
        )
        giftcards.append(
            [
                i,
                code,
                creator[0],
                used[0] if used else None,
                creator[1],
                used[1] if used else None,
                amount,
                rng.randrange(0, amount),
                (AS_OF + timedelta(days=rng.randrange(30, 700))).date(),
            ]
        )
    checkouts = []
    for _ in range(120):
        user = rng.choice(customers) if rng.random() < 0.7 else None
        fake = fakers[rng.choice(["AR", "CL"])]
        email = user[1] if user else fake.free_email()
        checkouts.append(
            [
                _hexhash("checkout", rng.random())[:32],
                _when(rng, 120),
                _when(rng, 60),
                email,
                user[0] if user else None,
                user[9] if user else None,
                user[10] if user else None,
                "ARS" if not user or user[11] == "es-AR" else "CLP",
                round(rng.uniform(2000, 90000), 2),
                1 if not user or user[11] == "es-AR" else 2,
                user[11] if user else "es-AR",
            ]
        )
    recipients = [[i, users[s - 1][1], True, s] for i, s in enumerate(sorted(staff)[:5], start=1)]
    recipients.append([6, "pedidos@tiendaandina.com", True, None])
    s = "saleor"
    tables = [
        _table(
            s,
            "account_address",
            cols(
                "id:integer first_name:varchar(256) last_name:varchar(256) "
                "company_name:varchar(256) street_address_1:varchar(256) "
                "street_address_2:varchar(256) city:varchar(256) city_area:varchar(128) "
                "postal_code:varchar(20) country:varchar(2) country_area:varchar(128) "
                "phone:varchar(128)"
            ),
            ["id"],
            addresses,
        ),
        _table(
            s,
            "account_user",
            cols(
                "id:integer email:varchar(254) first_name:varchar(256) last_name:varchar(256) "
                "password:varchar(128) is_staff:boolean is_active:boolean date_joined:timestamp "
                "note:text default_billing_address_id:integer "
                "default_shipping_address_id:integer language_code:varchar(35) metadata:text "
                "private_metadata:text"
            ),
            ["id"],
            users,
            [
                (["default_billing_address_id"], f"{s}.account_address", ["id"]),
                (["default_shipping_address_id"], f"{s}.account_address", ["id"]),
            ],
        ),
        _table(
            s,
            "account_customernote",
            cols(
                "id:integer date:timestamp content:text is_public:boolean customer_id:integer "
                "user_id:integer"
            ),
            ["id"],
            notes,
            [
                (["customer_id"], f"{s}.account_user", ["id"]),
                (["user_id"], f"{s}.account_user", ["id"]),
            ],
        ),
        _table(
            s,
            "account_customerevent",
            cols(
                "id:integer date:timestamp type:varchar(255) parameters:text "
                "order_id:varchar(36) user_id:integer"
            ),
            ["id"],
            events,
            [(["user_id"], f"{s}.account_user", ["id"])],
        ),
        _table(
            s,
            "account_staffnotificationrecipient",
            cols("id:integer staff_email:varchar(254) active:boolean user_id:integer"),
            ["id"],
            recipients,
            [(["user_id"], f"{s}.account_user", ["id"])],
        ),
        _table(
            s,
            "channel_channel",
            cols(
                "id:integer name:varchar(250) slug:varchar(255) currency_code:varchar(3) "
                "default_country:varchar(2)"
            ),
            ["id"],
            channels,
        ),
        _table(
            s,
            "warehouse_warehouse",
            cols(
                "id:varchar(36) name:varchar(250) slug:varchar(255) email:varchar(254) "
                "company_name:varchar(256) street_address_1:varchar(256) city:varchar(256) "
                "postal_code:varchar(20) country:varchar(2) phone:varchar(128)"
            ),
            ["id"],
            warehouses,
        ),
        _table(
            s,
            "product_product",
            cols(
                "id:integer name:varchar(250) slug:varchar(255) description:text "
                "product_type:varchar(100) rating:float"
            ),
            ["id"],
            products,
        ),
        _table(
            s,
            "product_productvariant",
            cols("id:integer sku:varchar(255) name:varchar(255) product_id:integer weight:float"),
            ["id"],
            variants,
            [(["product_id"], f"{s}.product_product", ["id"])],
        ),
        _table(
            s,
            "order_order",
            cols(
                "id:varchar(36) number:integer created_at:timestamp status:varchar(32) "
                "user_id:integer user_email:varchar(254) billing_address_id:integer "
                "shipping_address_id:integer currency:varchar(3) "
                "total_gross_amount:numeric(20,3) shipping_method_name:varchar(255) "
                "channel_id:integer"
            ),
            ["id"],
            orders,
            [
                (["user_id"], f"{s}.account_user", ["id"]),
                (["billing_address_id"], f"{s}.account_address", ["id"]),
                (["shipping_address_id"], f"{s}.account_address", ["id"]),
                (["channel_id"], f"{s}.channel_channel", ["id"]),
            ],
        ),
        _table(
            s,
            "order_orderline",
            cols(
                "id:integer order_id:varchar(36) product_name:varchar(386) "
                "variant_name:varchar(255) product_sku:varchar(255) quantity:integer "
                "unit_price_gross_amount:numeric(20,3) tax_rate:numeric(5,4)"
            ),
            ["id"],
            lines,
            [(["order_id"], f"{s}.order_order", ["id"])],
        ),
        _table(
            s,
            "order_fulfillment",
            cols(
                "id:integer fulfillment_order:integer order_id:varchar(36) status:varchar(32) "
                "tracking_number:varchar(255) created_at:timestamp"
            ),
            ["id"],
            fulfilments,
            [(["order_id"], f"{s}.order_order", ["id"])],
        ),
        _table(
            s,
            "payment_payment",
            cols(
                "id:integer gateway:varchar(255) is_active:boolean charge_status:varchar(20) "
                "total:numeric(20,3) currency:varchar(3) billing_email:varchar(254) "
                "billing_first_name:varchar(256) billing_last_name:varchar(256) "
                "billing_company_name:varchar(256) billing_address_1:varchar(256) "
                "billing_address_2:varchar(256) billing_city:varchar(256) "
                "billing_postal_code:varchar(256) billing_country_code:varchar(2) "
                "billing_country_area:varchar(256) cc_first_digits:varchar(6) "
                "cc_last_digits:varchar(4) cc_brand:varchar(40) cc_exp_month:integer "
                "cc_exp_year:integer customer_ip_address:varchar(39) psp_reference:varchar(512) "
                "order_id:varchar(36) created_at:timestamp payment_method_type:varchar(256)"
            ),
            ["id"],
            payments,
            [(["order_id"], f"{s}.order_order", ["id"])],
        ),
        _table(
            s,
            "giftcard_giftcard",
            cols(
                "id:integer code:varchar(16) created_by_id:integer used_by_id:integer "
                "created_by_email:varchar(254) used_by_email:varchar(254) "
                "initial_balance_amount:numeric(12,3) current_balance_amount:numeric(12,3) "
                "expiry_date:date"
            ),
            ["id"],
            giftcards,
            [
                (["created_by_id"], f"{s}.account_user", ["id"]),
                (["used_by_id"], f"{s}.account_user", ["id"]),
            ],
        ),
        _table(
            s,
            "checkout_checkout",
            cols(
                "token:varchar(36) created_at:timestamp last_change:timestamp email:varchar(254) "
                "user_id:integer billing_address_id:integer shipping_address_id:integer "
                "currency:varchar(3) total_gross_amount:numeric(20,3) channel_id:integer "
                "language_code:varchar(35)"
            ),
            ["token"],
            checkouts,
            [
                (["user_id"], f"{s}.account_user", ["id"]),
                (["billing_address_id"], f"{s}.account_address", ["id"]),
                (["shipping_address_id"], f"{s}.account_address", ["id"]),
            ],
        ),
    ]
    return EvalSet("faker_saleor_latam", "Faker es_AR and es_CL, seeded (faker_blind2.py)", tables)


# --- Zammad: a Rails helpdesk in Indonesia, Thailand and Vietnam -----------------------

ZAMMAD_LOCALES = ["id_ID", "th_TH", "vi_VN"]
DOMAINS = {"id_ID": "co.id", "th_TH": "co.th", "vi_VN": "com.vn"}
OSES = [
    (
        "Windows 11",
        "Chrome 131",
        "desktop",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36",
    ),
    (
        "macOS 14",
        "Safari 17",
        "desktop",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.5 Safari/605.1.15",
    ),
    (
        "Android 14",
        "Chrome Mobile 130",
        "smartphone",
        "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/130.0.0.0 Mobile Safari/537.36",
    ),
    (
        "iOS 17",
        "Mobile Safari 17",
        "smartphone",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    ),
    (
        "Ubuntu",
        "Firefox 133",
        "desktop",
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    ),
]
TICKET_TITLES = [
    "Cannot log in to the control panel",
    "Invoice shows the wrong amount",
    "VPS is not reachable since this morning",
    "Tidak bisa akses email kantor",
    "Permintaan upgrade paket",
    "ขอใบกำกับภาษีเดือนที่แล้ว",
    "Yêu cầu hoàn tiền",
    "SSL certificate renewal failed",
    "Domain transfer stuck",
]


def _nik(rng: random.Random, born: date, *, female: bool) -> str:
    region = rng.choice(["317101", "327302", "357801", "517101", "127101"])
    day = born.day + (40 if female else 0)
    return f"{region}{day:02d}{born:%m%y}{rng.randrange(1, 10000):04d}"


def _thai_pin(rng: random.Random) -> str:
    body = str(rng.randrange(1, 9)) + _digits(rng, 11)
    number = body + pin.calc_check_digit(body)
    return f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"


def _cccd(rng: random.Random, born: date, *, female: bool) -> str:
    """A Vietnamese citizen identity card number: province, century and sex, year, serial."""
    century = (0 if born.year < 2000 else 2) + (1 if female else 0)
    return f"{rng.choice(['001', '031', '048', '079', '092'])}{century}{born:%y}{_digits(rng, 6)}"


def _zammad_body(rng: random.Random, user: list, title: str) -> str:
    name, phone, login = f"{user[4]} {user[5]}", user[7] or user[9] or "-", user[2]
    return rng.choice(
        [
            f"<p>Hello,</p><p>{title}. My account is {login}. Please call me back on {phone}."
            f"</p><p>Regards,<br>{name}</p>",
            f"<p>Halo tim support,</p><p>{title}. Bisa dihubungi di {phone}.</p>"
            f"<p>Terima kasih,<br>{name}</p>",
            f"<p>Dear {name},</p><p>thank you for your message. We have reset the password of "
            f"{login}; you will get an e-mail at {user[6]}.</p>",
            f"<p>{title}</p><p>Screenshot attached. -- {name}</p>",
            f"<p>Customer called from {phone}: {title.lower()}. Verified with date of birth.</p>",
        ]
    )


def faker_zammad() -> EvalSet:
    """Zammad 6 (Rails): users that are customers and agents, tickets and HTML articles."""
    rng = _rng(2)
    fakers = {loc: _faker(loc, 2010 + i) for i, loc in enumerate(ZAMMAD_LOCALES)}
    orgs = []
    for oid in range(1, 41):
        loc = rng.choice(ZAMMAD_LOCALES)
        company = fakers[loc].company()
        word = (_ascii(company).split() or ["firma"])[-1].lower().strip(".,()")
        domain = f"{word}{oid}.{DOMAINS[loc]}"
        orgs.append(
            [
                oid,
                company,
                rng.random() < 0.8,
                domain,
                rng.random() < 0.3,
                rng.choice(["", "Reseller, net 30 days", "Enterprise SLA"]),
                rng.random() < 0.1,
                True,
                _when(rng),
            ]
        )
    users = []
    agents = range(2, 22)
    for uid in range(1, 281):
        loc = ZAMMAD_LOCALES[0] if uid < 22 else rng.choices(ZAMMAD_LOCALES, [5, 3, 2])[0]
        fake = fakers[loc]
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        born = _birth(rng)
        agent = uid in agents
        if uid == 1:  # Zammad's system user
            users.append(
                [
                    1,
                    None,
                    "-",
                    None,
                    "-",
                    "",
                    "",
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    False,
                    False,
                    True,
                    None,
                    "",
                    0,
                    False,
                    "{}",
                    None,
                    AS_OF,
                ]
            )
            continue
        login = _ascii(f"{first}.{last}".lower()).replace(" ", "") or fake.user_name()
        login = f"{login}{uid}" if not agent else login
        email = f"{login}@nusacloud.co.id" if agent else fake.free_email()
        street, city, zip_ = fake.street_address(), fake.city(), fake.postcode()
        has_address = not agent and rng.random() < 0.6
        national = (
            _nik(rng, born, female=female)
            if loc == "id_ID"
            else _thai_pin(rng)
            if loc == "th_TH"
            else _cccd(rng, born, female=female)
        )
        users.append(
            [
                uid,
                None if agent else rng.choice([None, *range(1, 41)]),
                login,
                f"{_hexhash('avatar', uid)[:40]}" if rng.random() < 0.3 else "none",
                first,
                last,
                email,
                fake.phone_number() if rng.random() < 0.7 else None,
                fake.phone_number() if not agent and rng.random() < 0.1 else None,
                fake.phone_number() if rng.random() < 0.5 else None,
                "Technical Support" if agent else rng.choice([None, None, "Finance", "IT"]),
                street if has_address else None,
                zip_ if has_address else None,
                city if has_address else None,
                {"id_ID": "Indonesia", "th_TH": "Thailand", "vi_VN": "Vietnam"}[loc]
                if has_address
                else None,
                f"{street}\n{zip_} {city}" if has_address and rng.random() < 0.5 else None,
                rng.random() < 0.05,
                True,
                True,
                rng.choice(
                    [
                        None,
                        None,
                        f"Prefers WhatsApp. Speaks {loc[:2]}.",
                        "Asked to be called only after 17:00.",
                        f"Escalated twice about billing, see {first}'s e-mails.",
                    ]
                )
                if not agent
                else None,
                "$2a$12$" + _hexhash("pw", uid)[:53],
                rng.choice([0, 0, 0, 1, 3]),
                agent and rng.random() < 0.1,
                _js(
                    {
                        "notification_config": {
                            "matrix": {"create": {"criteria": {"owned_by_me": True}}}
                        },
                        "locale": loc.replace("_", "-").lower(),
                    }
                ),
                national if not agent and rng.random() < 0.7 else None,
                _when(rng),
            ]
        )
    customers = [u for u in users if u[0] > 21]
    groups = [
        [1, "Users", 0, True, 1, 1, "Standard group", True],
        [2, "Billing", 240, True, 2, 1, "Invoices, refunds", True],
        [3, "Technical", 60, True, 1, 2, "Servers, network", True],
    ]
    email_addresses = [
        [1, "NusaCloud Support", "support@nusacloud.co.id", True],
        [2, "NusaCloud Billing", "billing@nusacloud.co.id", True],
    ]
    signatures = [
        [
            1,
            "default",
            "#{user.firstname} #{user.lastname}\n--\n Support\n NusaCloud\n"
            " Email: support@nusacloud.co.id\n  --",
        ],
        [2, "technical", "Salam,\n#{user.firstname}\nNusaCloud Technical Team, +62 21 5099 1234"],
    ]
    states = [
        [i, n, True]
        for i, n in enumerate(
            ["new", "open", "pending reminder", "closed", "merged", "pending close"], start=1
        )
    ]
    priorities = [
        [1, "1 low", False, "low-priority"],
        [2, "2 normal", True, None],
        [3, "3 high", False, "high-priority"],
    ]
    tickets, articles, tags = [], [], []
    for tid in range(1, 261):
        customer = rng.choice(customers)
        created = _when(rng, 900)
        title = rng.choice(TICKET_TITLES)
        n_articles = rng.randrange(1, 4)
        owner = rng.choice(list(agents))
        state = rng.randrange(1, 7)
        tickets.append(
            [
                tid,
                rng.randrange(1, 4),
                rng.randrange(1, 4),
                state,
                customer[1],
                f"{created:%Y%m%d}{10000 + tid}",
                title,
                owner,
                customer[0],
                created + timedelta(hours=rng.randrange(1, 30)),
                created + timedelta(days=rng.randrange(1, 9)) if state == 4 else None,
                n_articles,
                created,
            ]
        )
        agent = users[owner - 1]
        for a in range(n_articles):
            from_customer = a % 2 == 0
            sender, other = (customer, agent) if from_customer else (agent, customer)
            kind = (
                "note"
                if not from_customer and rng.random() < 0.2
                else rng.choice(["email", "email", "web", "phone"])
            )
            articles.append(
                [
                    len(articles) + 1,
                    tid,
                    kind,
                    "Customer" if from_customer else "Agent",
                    f"{sender[4]} {sender[5]} <{sender[6]}>",
                    "NusaCloud Support <support@nusacloud.co.id>"
                    if from_customer
                    else f"{other[4]} {other[5]} <{other[6]}>",
                    f"{rng.choice(customers)[6]}" if rng.random() < 0.1 else None,
                    title if a == 0 else f"RE: {title}",
                    f"<{_hexhash('msg', tid, a)[:20]}@{'gmail.com' if from_customer else 'nusa'}>",
                    "text/html",
                    _zammad_body(rng, customer, title),
                    kind == "note",
                    sender[0],
                    created + timedelta(hours=a * rng.randrange(1, 12)),
                ]
            )
        for tag in rng.sample(range(1, 9), rng.randrange(0, 3)):
            tags.append([len(tags) + 1, tag, tid, "Ticket"])
    tag_items = [
        [i, n, n.lower()]
        for i, n in enumerate(
            ["refund", "VPS", "email", "DNS", "SSL", "upgrade", "Jakarta-DC", "Bangkok-DC"], start=1
        )
    ]
    devices = []
    for user in rng.sample(users[1:], 160):
        os_, browser, kind, agent_string = rng.choice(OSES)
        fake = fakers["id_ID"]
        model = (
            "Samsung Galaxy A54"
            if "SM-A546E" in agent_string
            else "Apple iPhone"
            if "iPhone" in agent_string
            else ""
        )
        devices.append(
            [
                len(devices) + 1,
                user[0],
                os_,
                browser,
                _js({"type": kind, "model": model}),
                agent_string,
                fake.ipv4_public(),
                _when(rng, 200),
            ]
        )
    modules = [
        [
            1,
            "Greeting",
            "hello hi",
            "Dear #{ticket.customer.firstname},<br><br>thank you for contacting NusaCloud.",
            True,
        ],
        [
            2,
            "Password reset",
            "password",
            "You can reset your password at https://panel.nusacloud.co.id/reset.",
            True,
        ],
        [
            3,
            "Salam",
            "halo",
            "Halo #{ticket.customer.firstname}, terima kasih telah menghubungi kami.",
            True,
        ],
        [
            4,
            "Closing",
            "bye",
            "If there is anything else, reply to this e-mail. Ticket ##{ticket.number}.",
            True,
        ],
    ]
    calendars = [
        [
            1,
            "Jakarta",
            "Asia/Jakarta",
            _js({"mon": {"active": True, "timeframes": [["08:00", "17:00"]]}}),
            _js({"2026-08-17": {"active": True, "summary": "Hari Kemerdekaan"}}),
            "https://www.google.com/calendar/ical/id.indonesian%23holiday%40group.v.calendar.google.com/public/basic.ics",
        ],
        [
            2,
            "Bangkok",
            "Asia/Bangkok",
            _js({"mon": {"active": True, "timeframes": [["09:00", "18:00"]]}}),
            _js({"2026-04-13": {"active": True, "summary": "Songkran"}}),
            None,
        ],
    ]
    s = "zammad"
    tables = [
        _table(
            s,
            "organizations",
            cols(
                "id:integer name:varchar(150) shared:boolean domain:varchar(250) "
                "domain_assignment:boolean note:varchar(5000) vip:boolean active:boolean "
                "created_at:timestamp"
            ),
            ["id"],
            orgs,
        ),
        _table(
            s,
            "users",
            cols(
                "id:integer organization_id:integer login:varchar(255) image:varchar(100) "
                "firstname:varchar(100) lastname:varchar(100) email:varchar(255) "
                "phone:varchar(100) fax:varchar(100) mobile:varchar(100) department:varchar(200) "
                "street:varchar(120) zip:varchar(100) city:varchar(100) country:varchar(100) "
                "address:varchar(500) vip:boolean verified:boolean active:boolean "
                "note:varchar(5000) password:varchar(100) login_failed:integer "
                "out_of_office:boolean preferences:text id_card:varchar(40) created_at:timestamp"
            ),
            ["id"],
            users,
            [(["organization_id"], f"{s}.organizations", ["id"])],
        ),
        _table(
            s,
            "groups",
            cols(
                "id:integer name:varchar(160) assignment_timeout:integer "
                "follow_up_possible:boolean email_address_id:integer signature_id:integer "
                "note:varchar(250) active:boolean"
            ),
            ["id"],
            groups,
        ),
        _table(
            s,
            "email_addresses",
            cols("id:integer realname:varchar(250) email:varchar(255) active:boolean"),
            ["id"],
            email_addresses,
        ),
        _table(s, "signatures", cols("id:integer name:varchar(100) body:text"), ["id"], signatures),
        _table(
            s, "ticket_states", cols("id:integer name:varchar(250) active:boolean"), ["id"], states
        ),
        _table(
            s,
            "ticket_priorities",
            cols("id:integer name:varchar(250) default_create:boolean ui_color:varchar(25)"),
            ["id"],
            priorities,
        ),
        _table(
            s,
            "tickets",
            cols(
                "id:integer group_id:integer priority_id:integer state_id:integer "
                "organization_id:integer number:varchar(60) title:varchar(250) owner_id:integer "
                "customer_id:integer first_response_at:timestamp close_at:timestamp "
                "article_count:integer created_at:timestamp"
            ),
            ["id"],
            tickets,
            [
                (["group_id"], f"{s}.groups", ["id"]),
                (["state_id"], f"{s}.ticket_states", ["id"]),
                (["priority_id"], f"{s}.ticket_priorities", ["id"]),
                (["owner_id"], f"{s}.users", ["id"]),
                (["customer_id"], f"{s}.users", ["id"]),
                (["organization_id"], f"{s}.organizations", ["id"]),
            ],
        ),
        _table(
            s,
            "ticket_articles",
            cols(
                "id:integer ticket_id:integer type:varchar(50) sender:varchar(50) "
                "from:varchar(3000) to:varchar(3000) cc:varchar(3000) subject:varchar(3000) "
                "message_id:varchar(3000) content_type:varchar(20) body:text internal:boolean "
                "created_by_id:integer created_at:timestamp"
            ),
            ["id"],
            articles,
            [(["ticket_id"], f"{s}.tickets", ["id"]), (["created_by_id"], f"{s}.users", ["id"])],
        ),
        _table(
            s,
            "tag_items",
            cols("id:integer name:varchar(250) name_downcase:varchar(250)"),
            ["id"],
            tag_items,
        ),
        _table(
            s,
            "tags",
            cols("id:integer tag_item_id:integer o_id:integer tag_object:varchar(250)"),
            ["id"],
            tags,
            [(["tag_item_id"], f"{s}.tag_items", ["id"])],
        ),
        _table(
            s,
            "user_devices",
            cols(
                "id:integer user_id:integer os:varchar(150) browser:varchar(250) "
                "device_details:text user_agent:varchar(250) ip:varchar(160) "
                "updated_at:timestamp"
            ),
            ["id"],
            devices,
            [(["user_id"], f"{s}.users", ["id"])],
        ),
        _table(
            s,
            "text_modules",
            cols("id:integer name:varchar(250) keywords:varchar(500) content:text active:boolean"),
            ["id"],
            modules,
        ),
        _table(
            s,
            "calendars",
            cols(
                "id:integer name:varchar(250) timezone:varchar(250) business_hours:text "
                "public_holidays:text ical_url:varchar(500)"
            ),
            ["id"],
            calendars,
        ),
    ]
    return EvalSet("faker_zammad", "Faker id_ID, th_TH and vi_VN, seeded (faker_blind2.py)", tables)


# --- OrangeHRM: staff of a logistics firm in Slovenia, Russia and Israel ---------------

HRM_OFFICES = [
    ("sl_SI", "SI", "EUR", "Ljubljana"),
    ("ru_RU", "RU", "RUB", "Sankt-Peterburg"),
    ("he_IL", "IL", "ILS", "Haifa"),
]
SICK_NOTES = {
    "SI": [
        "Operacija meniskusa, bolniška 3 tedne",
        "Gripa z vročino",
        "Fizioterapija po poškodbi hrbta",
    ],
    "RU": ["Грипп, больничный лист", "Операция на колене, реабилитация", "Обострение гастрита"],
    "IL": ["ניתוח ברך והחלמה", "שפעת עם חום גבוה", "פיזיותרפיה לגב"],
}
LEAVE_NOTES = {
    "SI": ["Dopust na morju", "Selitev"],
    "RU": ["Отпуск на даче", "Свадьба сестры"],
    "IL": ["חופשה משפחתית", "מילואים"],
}
JOB_TITLES = [
    "Warehouse Operator",
    "Forklift Driver",
    "Dispatcher",
    "Customs Broker",
    "Accountant",
    "HR Generalist",
    "Fleet Manager",
    "Software Developer",
]
SUBUNITS = [
    "Operations",
    "Warehouse Ljubljana",
    "Warehouse Sankt-Peterburg",
    "Port of Haifa Terminal",
    "Finance",
    "Human Resources",
    "IT",
]


def _emso(rng: random.Random, born: date, *, female: bool) -> str:
    serial = rng.randrange(500, 1000) if female else rng.randrange(0, 500)
    body = f"{born:%d%m}{born.year % 1000:03d}50{serial:03d}"
    return body + emso.calc_check_digit(body)


def _snils(rng: random.Random) -> str:
    body = _digits(rng, 9)
    total = sum(int(d) * (9 - i) for i, d in enumerate(body)) % 101
    check = 0 if total == 100 else total
    return f"{body[:3]}-{body[3:6]}-{body[6:]} {check:02d}"


def _teudat_zehut(rng: random.Random) -> str:
    body = _digits(rng, 8)
    return body + luhn.calc_check_digit(body)


def _inn_person(rng: random.Random) -> str:
    body = f"{rng.choice(['77', '78', '50'])}{_digits(rng, 8)}"
    return body + inn.calc_personal_check_digits(body)


def _si_tax(rng: random.Random) -> str:
    while True:
        body = str(rng.randrange(1, 10)) + _digits(rng, 6)
        check = ddv.calc_check_digit(body)
        if check != "0" or rng.random() < 0.1:
            return body + check


def faker_orangehrm() -> EvalSet:
    """OrangeHRM 5: hs_hr_employee with its emp_ columns and the ohrm_ tables around it."""
    rng = _rng(3)
    fakers = {loc: _faker(loc, 2020 + i) for i, (loc, *_) in enumerate(HRM_OFFICES)}
    employees, emergency, dependents, salaries, debits, passports = [], [], [], [], [], []
    for number in range(1, 221):
        loc, country, currency, _city = HRM_OFFICES[rng.choices([0, 1, 2], [45, 30, 25])[0]]
        fake = fakers[loc]
        female = rng.random() < 0.45
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name_female() if female and loc == "ru_RU" else fake.last_name()
        middle = (
            (fake.middle_name_female() if female else fake.middle_name_male())
            if loc == "ru_RU"
            else ""
        )
        born = _birth(rng)
        national = (
            _emso(rng, born, female=female)
            if country == "SI"
            else _snils(rng)
            if country == "RU"
            else _teudat_zehut(rng)
        )
        tax = _si_tax(rng) if country == "SI" else _inn_person(rng) if country == "RU" else None
        user = fake.user_name()
        employees.append(
            [
                number,
                f"{number:04d}",
                last,
                first,
                middle,
                rng.choice(["", "", first[:3]]) if loc != "he_IL" else "",
                rng.random() < 0.2,
                born,
                {"SI": 1, "RU": 2, "IL": 3}[country] if rng.random() < 0.9 else 4,
                2 if female else 1,
                rng.choice(["Single", "Married", "Other"]),
                national,
                tax,
                rng.randrange(1, 4),
                rng.randrange(1, len(JOB_TITLES) + 1),
                rng.randrange(1, len(SUBUNITS) + 1),
                fake.street_address(),
                f"stan {rng.randrange(1, 40)}" if country == "SI" and rng.random() < 0.2 else "",
                fake.city(),
                country,
                _admin(fake),
                fake.postcode(),
                fake.phone_number() if rng.random() < 0.5 else "",
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.4 else "",
                f"{user}@adriatik-logistics.com",
                fake.free_email() if rng.random() < 0.6 else "",
                _when(rng, 6000).date(),
                rng.choice(["S", "M", "L", "XL"]),
            ]
        )
        for seq in range(1, rng.randrange(1, 3) + 1):
            emergency.append(
                [
                    number,
                    seq,
                    fake.name(),
                    rng.choice(["Spouse", "Mother", "Father", "Sister", "Brother", "Friend"]),
                    fake.phone_number() if rng.random() < 0.5 else "",
                    fake.phone_number(),
                    fake.phone_number() if rng.random() < 0.2 else "",
                ]
            )
        for seq in range(1, rng.randrange(0, 3) + 1):
            dependents.append(
                [
                    number,
                    seq,
                    f"{fake.first_name()} {last}",
                    "child",
                    "",
                    date(rng.randrange(2000, 2025), rng.randrange(1, 13), rng.randrange(1, 29)),
                ]
            )
        sid = len(salaries) + 1
        amount = {"SI": 2400, "RU": 120000, "IL": 14000}[country] * rng.uniform(0.7, 2.2)
        salaries.append(
            [
                sid,
                number,
                rng.randrange(1, 6),
                currency,
                round(amount, 2),
                4,
                "Base salary",
                rng.choice([None, "Annual review 2026", "Promotion"]),
            ]
        )
        account = (
            _iban("SI", f"{rng.choice(['02010', '03100', '04515', '19100'])}{_digits(rng, 10)}")
            if country == "SI"
            else f"40817810{_digits(rng, 12)}"
            if country == "RU"
            else _iban(
                "IL", f"{rng.choice(['010', '012', '020'])}{_digits(rng, 3)}{_digits(rng, 13)}"
            )
        )
        routing = {
            "SI": "02010",
            "RU": f"04452{_digits(rng, 4)}",
            "IL": f"{rng.choice(['10', '12', '20'])}{_digits(rng, 3)}",
        }[country]
        debits.append(
            [
                len(debits) + 1,
                sid,
                routing,
                account,
                round(amount, 2),
                rng.choice(["CHECKING", "SAVINGS"]),
                "BLANK",
            ]
        )
        if rng.random() < 0.6:
            issued = _when(rng, 3000).date()
            passport = (
                f"P{rng.choice('ABCE')}{_digits(rng, 7)}"
                if country == "SI"
                else f"{rng.randrange(70, 77)}{_digits(rng, 7)}"
                if country == "RU"
                else _digits(rng, 8)
            )
            passports.append(
                [
                    number,
                    1,
                    passport,
                    issued,
                    issued + timedelta(days=3652),
                    rng.choice([None, "", "Work permit for the EU attached"]),
                    1,
                    None,
                    None,
                    country,
                ]
            )
    reportto = []
    for sub in range(9, 221):
        reportto.append([rng.randrange(1, 9), sub, 1])
    users = [[1, 1, 1, "Admin", "$2y$10$" + _hexhash("admin")[:53], False, True, _when(rng), None]]
    for number in rng.sample(range(2, 221), 70):
        employee = employees[number - 1]
        name = employee[25].split("@")[0]
        users.append(
            [
                len(users) + 1,
                rng.choice([2, 2, 2, 3]),
                number,
                name,
                "$2y$10$" + _hexhash("pw", number)[:53],
                False,
                True,
                _when(rng),
                1,
            ]
        )
    titles = [
        [i, t, f"{t}: duties and requirements", "", False]
        for i, t in enumerate(JOB_TITLES, start=1)
    ]
    subunits = [
        [i, n, f"OU{i:02d}", "", 2 * i, 2 * i + 1, 1 if i > 1 else 0]
        for i, n in enumerate(SUBUNITS, start=1)
    ]
    locations = []
    for i, (loc, country, _cur, city) in enumerate(HRM_OFFICES, start=1):
        fake = fakers[loc]
        locations.append(
            [
                i,
                f"{city} office",
                country,
                _admin(fake),
                city,
                fake.street_address(),
                fake.postcode(),
                fake.phone_number(),
                fake.phone_number(),
                "Reception 8-16",
            ]
        )
    nationalities = [[1, "Slovenian"], [2, "Russian"], [3, "Israeli"], [4, "Croatian"]]
    vacancies = [
        [
            i,
            rng.randrange(1, 9),
            rng.randrange(1, 30),
            f"{JOB_TITLES[i % 8]} - {HRM_OFFICES[i % 3][3]}",
            "We are hiring.",
            rng.randrange(1, 4),
            1,
            _when(rng, 400),
        ]
        for i in range(1, 13)
    ]
    candidates, applied = [], []
    for cid in range(1, 141):
        loc = HRM_OFFICES[rng.randrange(3)][0]
        fake = fakers[loc]
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        manager = employees[rng.randrange(0, 30)]
        candidates.append(
            [
                cid,
                first,
                (fake.middle_name_female() if female else fake.middle_name_male())
                if loc == "ru_RU"
                else "",
                fake.last_name_female() if female and loc == "ru_RU" else fake.last_name(),
                fake.free_email(),
                fake.phone_number(),
                1,
                rng.choice(
                    [
                        f"Strong warehouse experience; expects {rng.randrange(20, 60)}00 a "
                        f"month. Second interview with {manager[3]} {manager[2]}.",
                        "Good English, weak Excel. Rejected after the test task.",
                        "Previously at a competitor, left after 2 years. Notice period 3 months.",
                        None,
                    ]
                ),
                rng.choice([1, 2]),
                _when(rng, 500).date(),
                rng.choice(
                    [
                        "SAP EWM, forklift licence, English C1",
                        "Excel, customs, Russian",
                        "Python, SQL, logistics",
                        "Hebrew, dispatching, HGV licence C+E",
                    ]
                ),
                manager[0],
                rng.random() < 0.7,
            ]
        )
        applied.append(
            [
                cid,
                cid,
                rng.randrange(1, 13),
                rng.choice(["APPLICATION INITIATED", "SHORTLISTED", "REJECTED", "HIRED"]),
                candidates[-1][9],
            ]
        )
    leave = []
    for lid in range(1, 241):
        employee = rng.choice(employees)
        sick = rng.random() < 0.4
        note = (
            rng.choice(SICK_NOTES[employee[19]])
            if sick
            else rng.choice([None, *LEAVE_NOTES[employee[19]]])
        )
        leave.append([lid, 2 if sick else 1, _when(rng, 700).date(), employee[0], note])
    s = "orangehrm"
    emp = f"{s}.hs_hr_employee"
    tables = [
        _table(
            s,
            "hs_hr_employee",
            cols(
                "emp_number:integer employee_id:varchar(50) emp_lastname:varchar(100) "
                "emp_firstname:varchar(100) emp_middle_name:varchar(100) "
                "emp_nick_name:varchar(100) emp_smoker:boolean emp_birthday:date "
                "nation_code:integer emp_gender:integer emp_marital_status:varchar(20) "
                "emp_ssn_num:varchar(100) emp_sin_num:varchar(100) emp_status:integer "
                "job_title_code:integer work_station:integer emp_street1:varchar(100) "
                "emp_street2:varchar(100) city_code:varchar(100) coun_code:varchar(100) "
                "provin_code:varchar(100) emp_zipcode:varchar(20) emp_hm_telephone:varchar(50) "
                "emp_mobile:varchar(50) emp_work_telephone:varchar(50) "
                "emp_work_email:varchar(50) emp_oth_email:varchar(50) joined_date:date "
                "custom1:varchar(250)"
            ),
            ["emp_number"],
            employees,
            [
                (["nation_code"], f"{s}.ohrm_nationality", ["id"]),
                (["job_title_code"], f"{s}.ohrm_job_title", ["id"]),
                (["work_station"], f"{s}.ohrm_subunit", ["id"]),
            ],
        ),
        _table(
            s,
            "hs_hr_emp_emergency_contacts",
            cols(
                "emp_number:integer eec_seqno:integer eec_name:varchar(100) "
                "eec_relationship:varchar(100) eec_home_no:varchar(100) "
                "eec_mobile_no:varchar(100) eec_office_no:varchar(100)"
            ),
            ["emp_number", "eec_seqno"],
            emergency,
            [(["emp_number"], emp, ["emp_number"])],
        ),
        _table(
            s,
            "hs_hr_emp_dependents",
            cols(
                "emp_number:integer ed_seqno:integer ed_name:varchar(100) "
                "ed_relationship_type:varchar(10) ed_relationship:varchar(100) "
                "ed_date_of_birth:date"
            ),
            ["emp_number", "ed_seqno"],
            dependents,
            [(["emp_number"], emp, ["emp_number"])],
        ),
        _table(
            s,
            "hs_hr_emp_basicsalary",
            cols(
                "id:integer emp_number:integer sal_grd_code:integer currency_id:varchar(6) "
                "ebsal_basic_salary:numeric(12,2) payperiod_code:integer "
                "salary_component:varchar(100) comments:varchar(255)"
            ),
            ["id"],
            salaries,
            [(["emp_number"], emp, ["emp_number"])],
        ),
        _table(
            s,
            "hs_hr_emp_directdebit",
            cols(
                "id:integer salary_id:integer dd_routing_num:varchar(9) dd_account:varchar(100) "
                "dd_amount:numeric(11,2) dd_account_type:varchar(20) "
                "dd_transaction_type:varchar(20)"
            ),
            ["id"],
            debits,
            [(["salary_id"], f"{s}.hs_hr_emp_basicsalary", ["id"])],
        ),
        _table(
            s,
            "hs_hr_emp_passport",
            cols(
                "emp_number:integer ep_seqno:integer ep_passport_num:varchar(100) "
                "ep_passportissueddate:date ep_passportexpiredate:date ep_comments:varchar(255) "
                "ep_passport_type_flg:integer ep_i9_status:varchar(100) ep_i9_review_date:date "
                "cou_code:varchar(6)"
            ),
            ["emp_number", "ep_seqno"],
            passports,
            [(["emp_number"], emp, ["emp_number"])],
        ),
        _table(
            s,
            "hs_hr_emp_reportto",
            cols(
                "erep_sup_emp_number:integer erep_sub_emp_number:integer "
                "erep_reporting_mode:integer"
            ),
            ["erep_sup_emp_number", "erep_sub_emp_number"],
            reportto,
            [
                (["erep_sup_emp_number"], emp, ["emp_number"]),
                (["erep_sub_emp_number"], emp, ["emp_number"]),
            ],
        ),
        _table(
            s,
            "ohrm_user",
            cols(
                "id:integer user_role_id:integer emp_number:integer user_name:varchar(40) "
                "user_password:varchar(255) deleted:boolean status:boolean "
                "date_entered:timestamp created_by:integer"
            ),
            ["id"],
            users,
            [(["emp_number"], emp, ["emp_number"]), (["created_by"], f"{s}.ohrm_user", ["id"])],
        ),
        _table(
            s,
            "ohrm_job_title",
            cols(
                "id:integer job_title:varchar(100) job_description:varchar(400) "
                "note:varchar(400) is_deleted:boolean"
            ),
            ["id"],
            titles,
        ),
        _table(
            s,
            "ohrm_subunit",
            cols(
                "id:integer name:varchar(100) unit_id:varchar(100) description:varchar(400) "
                "lft:integer rgt:integer level:integer"
            ),
            ["id"],
            subunits,
        ),
        _table(
            s,
            "ohrm_location",
            cols(
                "id:integer name:varchar(110) country_code:varchar(3) province:varchar(60) "
                "city:varchar(60) address:varchar(255) zip_code:varchar(35) phone:varchar(35) "
                "fax:varchar(35) notes:varchar(255)"
            ),
            ["id"],
            locations,
        ),
        _table(s, "ohrm_nationality", cols("id:integer name:varchar(100)"), ["id"], nationalities),
        _table(
            s,
            "ohrm_job_vacancy",
            cols(
                "id:integer job_title_code:integer hiring_manager_id:integer name:varchar(100) "
                "description:text no_of_positions:integer status:integer defined_time:timestamp"
            ),
            ["id"],
            vacancies,
            [
                (["job_title_code"], f"{s}.ohrm_job_title", ["id"]),
                (["hiring_manager_id"], emp, ["emp_number"]),
            ],
        ),
        _table(
            s,
            "ohrm_job_candidate",
            cols(
                "id:integer first_name:varchar(30) middle_name:varchar(30) last_name:varchar(30) "
                "email:varchar(100) contact_number:varchar(30) status:integer comment:text "
                "mode_of_application:integer date_of_application:date keywords:varchar(255) "
                "added_person:integer consent_to_keep_data:boolean"
            ),
            ["id"],
            candidates,
            [(["added_person"], emp, ["emp_number"])],
        ),
        _table(
            s,
            "ohrm_job_candidate_vacancy",
            cols(
                "id:integer candidate_id:integer vacancy_id:integer status:varchar(100) "
                "applied_date:date"
            ),
            ["id"],
            applied,
            [
                (["candidate_id"], f"{s}.ohrm_job_candidate", ["id"]),
                (["vacancy_id"], f"{s}.ohrm_job_vacancy", ["id"]),
            ],
        ),
        _table(
            s,
            "ohrm_leave_request",
            cols(
                "id:integer leave_type_id:integer date_applied:date emp_number:integer "
                "comments:varchar(256)"
            ),
            ["id"],
            leave,
            [(["emp_number"], emp, ["emp_number"])],
        ),
    ]
    return EvalSet(
        "faker_orangehrm", "Faker sl_SI, ru_RU and he_IL, seeded (faker_blind2.py)", tables
    )


# --- Gibbon: a school in Taipei (camelCase gibbon* tables) -----------------------------

TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"  # A=10 ... Z=33, I=34, O=35
CONDITIONS = [
    (
        "Asthma",
        "Cold air, running",
        "Wheezing, shortness of breath",
        "Give inhaler (Ventolin), call parents",
        "Salbutamol inhaler",
    ),
    (
        "Peanut allergy",
        "Peanuts, tree nuts",
        "Swelling, hives",
        "EpiPen in nurse's office, call 119",
        "EpiPen 0.3 mg",
    ),
    (
        "Type 1 diabetes",
        "Missed snack",
        "Shaking, sweating",
        "Glucose tablets, check blood sugar",
        "Insulin pump",
    ),
    (
        "Epilepsy",
        "Flashing lights, tiredness",
        "Seizure",
        "Time the seizure, recovery position",
        "Levetiracetam",
    ),
    ("ADHD", "", "", "Extra time in tests", "Methylphenidate"),
]
BEHAVIOUR = [
    "{child} pushed a classmate during lunch; spoke with {parent} on the phone.",
    "{child} helped a new student find the library. Well done!",
    "Late to class three times this week. {parent} informed by e-mail.",
    "{child} used a phone in the exam; phone kept until {parent} picked it up.",
    "Excellent science fair project on typhoons.",
]
COURSES = [
    ("Mathematics", "MAT"),
    ("English Language", "ENG"),
    ("Mandarin Chinese", "CHI"),
    ("Science", "SCI"),
    ("Humanities", "HUM"),
    ("Music", "MUS"),
    ("Physical Education", "PE"),
]


def _taiwan_id(rng: random.Random, *, female: bool, resident: bool = False) -> str:
    """A Taiwanese national ID, or (resident) a foreign resident's ARC of the 2021 format."""
    letter = rng.choice("ABCEFHJKLNOPQT")
    value = TW_LETTERS.index(letter) + 10
    second = (9 if female else 8) if resident else (2 if female else 1)
    body = [second] + [rng.randrange(10) for _ in range(7)]
    total = (
        value // 10
        + (value % 10) * 9
        + sum(d * w for d, w in zip(body, range(8, 0, -1), strict=True))
    )
    return f"{letter}{''.join(map(str, body))}{(10 - total % 10) % 10}"


def _tw_mobile(rng: random.Random) -> str:
    return f"09{rng.randrange(10, 90)}-{rng.randrange(1000):03d}-{rng.randrange(1000):03d}"


def _person_row(
    rng: random.Random,
    *,
    pid: int,
    fake: Faker,
    tw: Faker,
    role: int,
    locale: str,
    surname: str | None = None,
) -> list:
    female = rng.random() < 0.5
    if locale == "zh_TW":
        chinese = fake.name_female() if female else fake.name_male()
        last = (surname or fake.last_romanized_name()).title()
        first = (
            fake.first_romanized_name_female() if female else fake.first_romanized_name_male()
        ).title()
    else:
        chinese = ""
        last = surname or fake.last_name()
        first = fake.first_name_female() if female else fake.first_name_male()
    adult = role != 3
    born = (
        _birth(rng)
        if adult
        else date(rng.randrange(2008, 2020), rng.randrange(1, 13), rng.randrange(1, 29))
    )
    username = _ascii(f"{first[0]}{last}".lower()).replace(" ", "").replace("-", "")[:14] + str(pid)
    foreign = locale != "zh_TW"
    passport = None
    if foreign:
        passport = (
            f"A{rng.choice('PQRS')}{_digits(rng, 6)}"
            if locale == "es_CO"
            else f"P{_digits(rng, 7)}{rng.choice('ABC')}"
        )
    home = (
        f"+57 3{rng.randrange(0, 25):02d} {_digits(rng, 3)} {_digits(rng, 4)}"
        if locale == "es_CO"
        else f"+63 9{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 4)}"
    )
    return [
        pid,
        ("Ms." if female else "Mr.") if adult else "",
        last,
        first,
        first if rng.random() < 0.8 else fake.first_name(),
        f"{first} {last}",
        chinese,
        "F" if female else "M",
        username,
        _hexhash("pw", pid),
        _hexhash("salt", pid)[:22],
        "Full" if rng.random() < 0.9 else "Left",
        role,
        born,
        f"{username}@{'taipei-is.edu.tw' if role != 4 else fake.free_email_domain()}",
        fake.free_email() if adult and rng.random() < 0.4 else "",
        f"uploads/{rng.randrange(2019, 2027)}/{rng.randrange(1, 13):02d}/"
        f"{_hexhash('img', pid)[:16]}_240.jpg",
        tw.ipv4_public() if rng.random() < 0.7 else "",
        "Mobile",
        _tw_mobile(rng) if adult else "",
        ("Home" if foreign else "Work") if adult and rng.random() < 0.5 else "",
        (home if foreign else tw.phone_number()) if adult and rng.random() < 0.5 else "",
        {"zh_TW": "Mandarin", "es_CO": "Spanish", "fil_PH": "Tagalog"}[locale],
        {"zh_TW": "Taiwan", "es_CO": "Colombia", "fil_PH": "Philippines"}[locale],
        passport,
        _taiwan_id(rng, female=female, resident=foreign) if rng.random() < 0.8 else "",
        (tw.job() if locale == "zh_TW" else fake.job()) if role == 4 else "",
        (tw.company() if locale == "zh_TW" else fake.company())
        if role == 4 and rng.random() < 0.8
        else "",
        f"S{rng.randrange(2015, 2027)}{pid:04d}" if role == 3 else "",
        _js({"001": rng.choice(["Bus route 3", "Bus route 7", "Walks home"])}),
    ]


def faker_gibbon() -> EvalSet:
    """Gibbon (PHP school platform): gibbonPerson for students, parents and staff alike."""
    rng = _rng(4)
    tw = _faker("zh_TW", 2030)
    fakers = {"zh_TW": tw, "es_CO": _faker("es_CO", 2031), "fil_PH": _faker("fil_PH", 2032)}
    people, families, adults, children = [], [], [], []
    for pid in range(1, 31):  # staff: role 1 administrator, 2 teacher
        locale = rng.choices(list(fakers), [6, 2, 2])[0]
        people.append(
            _person_row(
                rng, pid=pid, fake=fakers[locale], tw=tw, role=1 if pid < 4 else 2, locale=locale
            )
        )
    for fid in range(1, 101):
        locale = rng.choices(list(fakers), [60, 25, 15])[0]
        fake = fakers[locale]
        surname = fake.last_romanized_name() if locale == "zh_TW" else fake.last_name()
        members = []
        for _ in range(rng.randrange(1, 3)):
            pid = len(people) + 1
            people.append(
                _person_row(rng, pid=pid, fake=fake, tw=tw, role=4, locale=locale, surname=surname)
            )
            adults.append(
                [
                    len(adults) + 1,
                    fid,
                    pid,
                    "",
                    "Y",
                    len(members) + 1,
                    "Y",
                    "Y",
                    rng.choice(["Y", "N"]),
                    "N",
                ]
            )
            members.append(people[-1])
        for _ in range(rng.randrange(1, 3)):
            pid = len(people) + 1
            people.append(
                _person_row(rng, pid=pid, fake=fake, tw=tw, role=3, locale=locale, surname=surname)
            )
            children.append([len(children) + 1, fid, pid, ""])
        heads = " & ".join(f"{m[1]} {m[2]}" for m in members)
        address = tw.street_address() if rng.random() < 0.6 else tw.address().replace("\n", " ")
        families.append(
            [
                fid,
                f"{surname.title()} Family",
                heads,
                address,
                tw.city(),
                "Taiwan",
                rng.choice(["Married", "Separated", "Single"]),
                people[members[0][0] - 1][22],
                f"{fid:05d}",
            ]
        )
    by_id = {p[0]: p for p in people}
    students = [p for p in people if p[12] == 3]
    parents = {c[2]: [a[2] for a in adults if a[1] == c[1]] for c in children}
    years = [[i, f"Year {i + 5}", f"Y{i + 5:02d}", i, rng.randrange(4, 31)] for i in range(1, 8)]
    forms = [
        [
            i,
            f"{5 + (i + 1) // 2}{'AB'[i % 2]}",
            f"{5 + (i + 1) // 2}{'AB'[i % 2]}",
            rng.randrange(4, 31),
            i,
            "",
        ]
        for i in range(1, 15)
    ]
    enrolments = [
        [i, s[0], 26, rng.randrange(1, 8), rng.randrange(1, 15), rng.randrange(1, 30)]
        for i, s in enumerate(students, start=1)
    ]
    spaces = [
        [
            i,
            n,
            t,
            rng.randrange(10, 40),
            "Y" if t == "Lab" else "N",
            f"{rng.randrange(2, 5)}{i:03d}",
        ]
        for i, (n, t) in enumerate(
            [
                ("Science Lab 1", "Lab"),
                ("Science Lab 2", "Lab"),
                ("Library", "Library"),
                ("Gym", "Sports"),
                ("Room 201", "Classroom"),
                ("Room 202", "Classroom"),
                ("Music Room", "Performance"),
                ("Computer Lab", "Lab"),
            ],
            start=1,
        )
    ]
    departments = [
        [i, n, c, "Learning Area", f"The {n} department."]
        for i, (n, c) in enumerate(COURSES, start=1)
    ]
    courses = [
        [i, f"{n} {y}", f"{c}{y}", f"{n} for Year {y}.", 1 + (i - 1) % len(COURSES)]
        for i, ((n, c), y) in enumerate(((c, y) for y in range(6, 13) for c in COURSES), start=1)
    ]
    medical, conditions = [], []
    for student in rng.sample(students, 90):
        mid = len(medical) + 1
        long_term = rng.random() < 0.3
        medical.append(
            [
                mid,
                student[0],
                rng.choice(["A+", "B+", "O+", "AB+", "O-", ""]),
                "Y" if long_term else "N",
                "Inhaler before sport" if long_term else "",
                rng.choice(["Y", "N", ""]),
                rng.choice(["", "Wears glasses", "Mild hearing loss in left ear"]),
            ]
        )
        for _ in range(rng.randrange(0, 3)):
            name, triggers, reaction, response, medication = rng.choice(CONDITIONS)
            episode = date(2026, 1, 1) - timedelta(days=rng.randrange(900))
            conditions.append(
                [
                    len(conditions) + 1,
                    mid,
                    name,
                    rng.randrange(1, 4),
                    triggers,
                    reaction,
                    response,
                    medication,
                    episode,
                    rng.choice(
                        [
                            "",
                            "Seen by the school nurse",
                            "Taken to Taipei Veterans General Hospital",
                        ]
                    ),
                    rng.choice(["", "", "Carries own medication", "Care plan updated by parents"]),
                ]
            )
    behaviour = []
    for bid in range(1, 161):
        student = rng.choice(students)
        parent = by_id[rng.choice(parents[student[0]])]
        text = rng.choice(BEHAVIOUR).format(child=student[4], parent=f"{parent[1]} {parent[2]}")
        behaviour.append(
            [
                bid,
                student[0],
                _when(rng, 600).date(),
                "Positive" if "Well done" in text or "Excellent" in text else "Negative",
                rng.choice(["Respect", "Punctuality", "Kindness", "Academic honesty"]),
                rng.choice(["", "Level 1", "Level 2"]),
                text,
                rng.randrange(4, 31),
            ]
        )
    invoicees, invoices = [], []
    for student in students:
        company = rng.random() < 0.2
        fake = fakers[rng.choice(list(fakers))]
        contact = fake.name() if company else ""
        invoicees.append(
            [
                len(invoicees) + 1,
                student[0],
                "Company" if company else "Family",
                fake.company() if company else "",
                contact,
                fake.address().replace("\n", ", ") if company else "",
                fake.free_email() if company else "",
                "Y" if company else "N",
                _tw_mobile(rng) if company else "",
                "Y",
            ]
        )
        for term in range(2):
            invoices.append(
                [
                    len(invoices) + 1,
                    len(invoicees),
                    invoicees[-1][2],
                    rng.choice(["Paid", "Issued", "Refunded"]),
                    date(2026, 2 + term * 6, 15),
                    round(rng.uniform(120000, 380000), 0),
                    f"ch_{_hexhash('inv', len(invoices))[:24]}",
                ]
            )
    log = []
    for lid in range(1, 281):
        person = rng.choice(people)
        ok = rng.random() < 0.85
        log.append(
            [
                lid,
                1,
                person[0],
                "Login - Success" if ok else "Login - Failed",
                _when(rng, 90),
                person[17] or tw.ipv4_public(),
                f'a:1:{{s:8:"username";s:{len(person[8])}:"{person[8]}";}}',
            ]
        )
    # emergency contacts of students: their own parents, by name and phone
    for p in students:
        parent = by_id[rng.choice(parents[p[0]])]
        p.extend([f"{parent[3]} {parent[2]}", parent[19], "Parent"])
    for p in people:
        if p[12] != 3:
            p.extend(["", "", ""])
    s = "gibbon"
    person = f"{s}.gibbonPerson"
    tables = [
        _table(
            s,
            "gibbonPerson",
            cols(
                "gibbonPersonID:integer title:varchar(5) surname:varchar(60) "
                "firstName:varchar(60) preferredName:varchar(60) officialName:varchar(150) "
                "nameInCharacters:varchar(60) gender:varchar(12) username:varchar(20) "
                "passwordStrong:varchar(255) passwordStrongSalt:varchar(255) status:varchar(8) "
                "gibbonRoleIDPrimary:integer dob:date email:varchar(75) "
                "emailAlternate:varchar(75) image_240:varchar(255) lastIPAddress:varchar(15) "
                "phone1Type:varchar(10) phone1:varchar(20) phone2Type:varchar(10) "
                "phone2:varchar(20) languageFirst:varchar(30) countryOfBirth:varchar(30) "
                "citizenship1Passport:varchar(30) nationalIDCardNumber:varchar(30) "
                "profession:varchar(90) employer:varchar(90) studentID:varchar(15) fields:text "
                "emergency1Name:varchar(90) emergency1Number1:varchar(30) "
                "emergency1Relationship:varchar(30)"
            ),
            ["gibbonPersonID"],
            people,
        ),
        _table(
            s,
            "gibbonFamily",
            cols(
                "gibbonFamilyID:integer name:varchar(100) nameAddress:varchar(100) "
                "homeAddress:text homeAddressDistrict:varchar(255) "
                "homeAddressCountry:varchar(255) status:varchar(12) "
                "languageHomePrimary:varchar(30) familySync:varchar(50)"
            ),
            ["gibbonFamilyID"],
            families,
        ),
        _table(
            s,
            "gibbonFamilyAdult",
            cols(
                "gibbonFamilyAdultID:integer gibbonFamilyID:integer gibbonPersonID:integer "
                "comment:text childDataAccess:varchar(1) contactPriority:integer "
                "contactCall:varchar(1) contactSMS:varchar(1) contactEmail:varchar(1) "
                "contactMail:varchar(1)"
            ),
            ["gibbonFamilyAdultID"],
            adults,
            [
                (["gibbonFamilyID"], f"{s}.gibbonFamily", ["gibbonFamilyID"]),
                (["gibbonPersonID"], person, ["gibbonPersonID"]),
            ],
        ),
        _table(
            s,
            "gibbonFamilyChild",
            cols(
                "gibbonFamilyChildID:integer gibbonFamilyID:integer gibbonPersonID:integer "
                "comment:text"
            ),
            ["gibbonFamilyChildID"],
            children,
            [
                (["gibbonFamilyID"], f"{s}.gibbonFamily", ["gibbonFamilyID"]),
                (["gibbonPersonID"], person, ["gibbonPersonID"]),
            ],
        ),
        _table(
            s,
            "gibbonPersonMedical",
            cols(
                "gibbonPersonMedicalID:integer gibbonPersonID:integer bloodType:varchar(3) "
                "longTermMedication:varchar(1) longTermMedicationDetails:text "
                "tetanusWithin10Years:varchar(1) comment:text"
            ),
            ["gibbonPersonMedicalID"],
            medical,
            [(["gibbonPersonID"], person, ["gibbonPersonID"])],
        ),
        _table(
            s,
            "gibbonPersonMedicalCondition",
            cols(
                "gibbonPersonMedicalConditionID:integer gibbonPersonMedicalID:integer "
                "name:varchar(100) gibbonAlertLevelID:integer triggers:varchar(255) "
                "reaction:varchar(255) response:varchar(255) medication:varchar(255) "
                "lastEpisode:date lastEpisodeTreatment:varchar(255) comment:text"
            ),
            ["gibbonPersonMedicalConditionID"],
            conditions,
            [(["gibbonPersonMedicalID"], f"{s}.gibbonPersonMedical", ["gibbonPersonMedicalID"])],
        ),
        _table(
            s,
            "gibbonYearGroup",
            cols(
                "gibbonYearGroupID:integer name:varchar(15) nameShort:varchar(4) "
                "sequenceNumber:integer gibbonPersonIDHOY:integer"
            ),
            ["gibbonYearGroupID"],
            years,
            [(["gibbonPersonIDHOY"], person, ["gibbonPersonID"])],
        ),
        _table(
            s,
            "gibbonFormGroup",
            cols(
                "gibbonFormGroupID:integer name:varchar(20) nameShort:varchar(8) "
                "gibbonPersonIDTutor:integer gibbonSpaceID:integer website:varchar(255)"
            ),
            ["gibbonFormGroupID"],
            forms,
            [(["gibbonPersonIDTutor"], person, ["gibbonPersonID"])],
        ),
        _table(
            s,
            "gibbonStudentEnrolment",
            cols(
                "gibbonStudentEnrolmentID:integer gibbonPersonID:integer "
                "gibbonSchoolYearID:integer gibbonYearGroupID:integer gibbonFormGroupID:integer "
                "rollOrder:integer"
            ),
            ["gibbonStudentEnrolmentID"],
            enrolments,
            [
                (["gibbonPersonID"], person, ["gibbonPersonID"]),
                (["gibbonYearGroupID"], f"{s}.gibbonYearGroup", ["gibbonYearGroupID"]),
                (["gibbonFormGroupID"], f"{s}.gibbonFormGroup", ["gibbonFormGroupID"]),
            ],
        ),
        _table(
            s,
            "gibbonSpace",
            cols(
                "gibbonSpaceID:integer name:varchar(30) type:varchar(20) capacity:integer "
                "computer:varchar(1) phoneInternal:varchar(5)"
            ),
            ["gibbonSpaceID"],
            spaces,
        ),
        _table(
            s,
            "gibbonDepartment",
            cols(
                "gibbonDepartmentID:integer name:varchar(40) nameShort:varchar(4) "
                "type:varchar(16) blurb:text"
            ),
            ["gibbonDepartmentID"],
            departments,
        ),
        _table(
            s,
            "gibbonCourse",
            cols(
                "gibbonCourseID:integer name:varchar(60) nameShort:varchar(12) description:text "
                "gibbonDepartmentID:integer"
            ),
            ["gibbonCourseID"],
            courses,
            [(["gibbonDepartmentID"], f"{s}.gibbonDepartment", ["gibbonDepartmentID"])],
        ),
        _table(
            s,
            "gibbonBehaviour",
            cols(
                "gibbonBehaviourID:integer gibbonPersonID:integer date:date type:varchar(8) "
                "descriptor:varchar(100) level:varchar(100) comment:text "
                "gibbonPersonIDCreator:integer"
            ),
            ["gibbonBehaviourID"],
            behaviour,
            [
                (["gibbonPersonID"], person, ["gibbonPersonID"]),
                (["gibbonPersonIDCreator"], person, ["gibbonPersonID"]),
            ],
        ),
        _table(
            s,
            "gibbonFinanceInvoicee",
            cols(
                "gibbonFinanceInvoiceeID:integer gibbonPersonID:integer invoiceTo:varchar(8) "
                "companyName:varchar(100) companyContact:varchar(100) "
                "companyAddress:varchar(255) companyEmail:text companyCCFamily:varchar(1) "
                "companyPhone:varchar(20) companyAll:varchar(1)"
            ),
            ["gibbonFinanceInvoiceeID"],
            invoicees,
            [(["gibbonPersonID"], person, ["gibbonPersonID"])],
        ),
        _table(
            s,
            "gibbonFinanceInvoice",
            cols(
                "gibbonFinanceInvoiceID:integer gibbonFinanceInvoiceeID:integer "
                "invoiceTo:varchar(8) status:varchar(10) invoiceIssueDate:date "
                "paidAmount:numeric(13,2) paymentTransactionID:varchar(50)"
            ),
            ["gibbonFinanceInvoiceID"],
            invoices,
            [
                (
                    ["gibbonFinanceInvoiceeID"],
                    f"{s}.gibbonFinanceInvoicee",
                    ["gibbonFinanceInvoiceeID"],
                )
            ],
        ),
        _table(
            s,
            "gibbonLog",
            cols(
                "gibbonLogID:integer gibbonModuleID:integer gibbonPersonID:integer "
                "title:varchar(50) timestamp:timestamp ipAddress:varchar(15) "
                "serialisedArray:text"
            ),
            ["gibbonLogID"],
            log,
            [(["gibbonPersonID"], person, ["gibbonPersonID"])],
        ),
    ]
    return EvalSet(
        "faker_gibbon", "Faker zh_TW, es_CO and fil_PH, seeded (faker_blind2.py)", tables
    )


GENERATORS: dict[str, Callable[[], EvalSet]] = {
    "faker_saleor_latam": faker_saleor_latam,
    "faker_zammad": faker_zammad,
    "faker_orangehrm": faker_orangehrm,
    "faker_gibbon": faker_gibbon,
}
