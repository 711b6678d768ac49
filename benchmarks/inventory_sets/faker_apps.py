"""Faker-made warehouses under the real table and column names of well-known applications.

Five tuning sets, each modelled on schemas people run (none of WordPress, WooCommerce,
Odoo, OpenMRS or SAP, the held-out sets of session 11): Magento 2 (``customer_entity``,
its addresses, orders and their addresses, EAV value tables, serialised payment data),
SuiteCRM (``contacts``, ``*_cstm`` custom fields, ``email_addresses`` shared through a
relation table, HTML notes), Microsoft Dynamics 365 and Salesforce (``address1_line1``,
``emailaddress1``, ``MailingStreet``, custom ``__c`` fields, cases), Moodle and Keycloak
(``mdl_user``, profile fields as rows, logs with JSON text, ``user_attribute``
key/value rows, events as JSON), and phpBB, Mautic and Dolibarr (PHP-serialised values,
``llx_`` tables with French names). Look-alikes that are no one's personal data sit beside
them: companies, courses, attribute catalogues, preferences, OAuth clients.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta

from faker import Faker

from benchmarks.inventory_sets.faker_conventions import _ascii
from benchmarks.inventory_sets.faker_sets import PEOPLE, SEED, _birth, _faker, _table, _when
from benchmarks.inventory_sets.model import EvalSet

PRODUCTS = ["Trail Backpack", "Espresso Maker", "Desk Lamp", "Yoga Mat", "Rain Jacket"]
COMPANY_WORDS = ["Logistics", "Foods", "Consulting", "Solar", "Textiles", "Media"]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _person(fake: Faker, rng: random.Random) -> tuple[bool, str, str]:
    female = rng.random() < 0.5
    first = fake.first_name_female() if female else fake.first_name_male()
    return female, first, fake.last_name()


def _email(first: str, last: str, fake: Faker, rng: random.Random) -> str:
    return f"{_ascii(first)}.{_ascii(last)}{rng.randrange(1, 99)}@{fake.free_email_domain()}"


def _company(fake: Faker, rng: random.Random) -> str:
    return f"{fake.last_name()} {rng.choice(COMPANY_WORDS)} {rng.choice(['Inc.', 'LLC', 'Ltd'])}"


# --- Magento 2 ------------------------------------------------------------------------


def faker_magento() -> EvalSet:
    """A Magento 2 shop (en_US and es_MX): customers with EAV custom attributes, address
    book, orders with their own copies of addresses, the order grid's one-line names and
    addresses, payments, newsletter, reviews, admin users; product EAV and the attribute
    catalogue (whose codes name personal kinds but hold none) as look-alikes."""
    rng = random.Random(SEED + 61)
    fakers = [_faker("es_MX", 62), _faker("en_US", 61)]  # odd customers: en_US
    customers, addresses, varchar = [], [], []
    for i in range(1, PEOPLE + 1):
        fake = fakers[i % 2]
        female, first, last = _person(fake, rng)
        middle = fake.first_name() if rng.random() < 0.2 else None
        created = _when(rng, 2000)
        address_id = 2 * i - 1
        customers.append(
            (
                i,
                1,
                _email(first, last, fake, rng),
                rng.choice([1, 1, 2, 3]),
                rng.choice(["Default Store View", "Tienda México"]),
                (rng.choice(["Ms.", "Mrs."]) if female else "Mr.") if rng.random() < 0.5 else None,
                first,
                middle,
                last,
                rng.choice(["Jr.", "Sr."]) if rng.random() < 0.04 else None,
                _birth(rng) if rng.random() < 0.7 else None,
                f"{uuid.UUID(int=rng.getrandbits(128)).hex}:{rng.getrandbits(64):016x}:3_32_2_67108864",
                address_id,
                address_id + (rng.random() < 0.3),
                rng.choice([1, 2, 3]) if rng.random() < 0.8 else 0,
                created,
                created + timedelta(days=rng.randrange(400)),
                rng.random() < 0.95,
                rng.randrange(0, 3),
            )
        )
        for n in range(2):
            addresses.append(
                (
                    address_id + n,
                    i,
                    created,
                    fake.city(),
                    _company(fake, rng) if rng.random() < 0.15 else None,
                    "US" if i % 2 else "MX",
                    fake.phone_number() if rng.random() < 0.05 else None,
                    first,
                    last,
                    middle,
                    fake.postcode(),
                    fake.state(),
                    rng.randrange(1, 60),
                    fake.street_address()
                    + (f"\n{fake.secondary_address()}" if i % 2 and rng.random() < 0.3 else ""),
                    fake.phone_number(),
                    rng.random() < 0.97,
                )
            )
        if rng.random() < 0.6:
            varchar.append((len(varchar) + 1, 151, i, fake.phone_number()))  # mobile_number
        if rng.random() < 0.4:
            varchar.append((len(varchar) + 1, 152, i, fake.phone_number()))  # work_phone
    attributes = [
        (5, 1, "firstname", "varchar", "text", "First Name"),
        (6, 1, "middlename", "varchar", "text", "Middle Name/Initial"),
        (7, 1, "lastname", "varchar", "text", "Last Name"),
        (9, 1, "email", "static", "text", "Email"),
        (11, 1, "dob", "datetime", "date", "Date of Birth"),
        (18, 1, "gender", "int", "select", "Gender"),
        (26, 2, "street", "static", "multiline", "Street Address"),
        (29, 2, "postcode", "static", "text", "Zip/Postal Code"),
        (31, 2, "telephone", "static", "text", "Phone Number"),
        (73, 4, "name", "varchar", "text", "Product Name"),
        (74, 4, "sku", "static", "text", "SKU"),
        (93, 4, "color", "int", "select", "Color"),
        (121, 4, "url_key", "varchar", "text", "URL Key"),
        (151, 1, "mobile_number", "varchar", "text", "Mobile Number"),
        (152, 1, "work_phone", "varchar", "text", "Work Phone"),
    ]
    products, product_varchar = [], []
    for p in range(1, 61):
        title = f"{rng.choice(['Summit', 'Coastal', 'Urban', 'Nordic'])} {rng.choice(PRODUCTS)}"
        products.append((p, 4, "simple", f"MG-{10000 + p}", _when(rng, 900)))
        product_varchar.append((2 * p - 1, 73, 0, p, title))
        product_varchar.append((2 * p, 121, 0, p, title.lower().replace(" ", "-") + f"-{p}"))
    orders, order_addresses, grid, payments = [], [], [], []
    for o in range(1, 421):
        guest = rng.random() < 0.15
        c = customers[rng.randrange(PEOPLE)]
        fake = fakers[c[0] % 2]
        if guest:
            female, first, last = _person(fake, rng)
            email, dob, cid = _email(first, last, fake, rng), None, None
        else:
            first, last, email, dob, cid = c[6], c[8], c[2], c[10], c[0]
        placed = _when(rng, 900)
        bill, ship = 2 * o - 1, 2 * o
        total = round(rng.uniform(12, 900), 2)
        street, city, postcode = fake.street_address(), fake.city(), fake.postcode()
        region, phone = fake.state(), fake.phone_number()
        for aid, kind in ((bill, "billing"), (ship, "shipping")):
            order_addresses.append(
                (
                    aid,
                    o,
                    None if guest else 2 * cid - 1,
                    cid,
                    region,
                    postcode,
                    last,
                    street,
                    city,
                    email,
                    phone,
                    "US" if c[0] % 2 else "MX",
                    first,
                    kind,
                    None,
                )
            )
        status = rng.choice(["pending", "processing", "complete", "complete", "canceled"])
        orders.append(
            (
                o,
                f"{'1' if c[0] % 2 else '2'}{o:08d}",
                status,
                status,
                cid,
                email,
                first,
                last,
                dob,
                guest,
                rng.choice(
                    [None, None, "Please leave at the back door", f"Call {phone} on arrival"]
                ),
                fake.ipv4_public(),
                total,
                "USD" if c[0] % 2 else "MXN",
                bill,
                ship,
                rng.choice(["Flat Rate - Fixed", "Best Way - Table Rate", "Free Shipping"]),
                rng.choice([None, None, "WELCOME10", "SUMMER24"]),
                placed,
            )
        )
        grid.append(
            (
                o,
                orders[-1][1],
                status,
                cid,
                f"{first} {last}",
                f"{first} {last}",
                f"{street},{city},{region},{postcode}",
                f"{street},{city},{region},{postcode}",
                email,
                f"{first} {last}",
                rng.choice(["General", "Wholesale", "Retailer", "NOT LOGGED IN"]),
                total,
                placed,
            )
        )
        card = rng.random() < 0.6
        payments.append(
            (
                o,
                o,
                "braintree" if card else "checkmo",
                f"{rng.randrange(10000):04d}" if card else None,
                rng.randrange(1, 13) if card else None,
                rng.randrange(2025, 2031) if card else None,
                rng.choice(["VI", "MC", "AE"]) if card else None,
                f"{first} {last}" if card else None,
                json.dumps(
                    {"method_title": "Credit Card" if card else "Check / Money order"}
                    | ({"cc_trans_id": f"{rng.getrandbits(40):010x}"} if card else {})
                ),
            )
        )
    subscribers = []
    for s in range(1, 181):
        if rng.random() < 0.7:
            c = customers[rng.randrange(PEOPLE)]
            cid, email = c[0], c[2]
        else:
            fake = fakers[s % 2]
            _f, first, last = _person(fake, rng)
            cid, email = 0, _email(first, last, fake, rng)
        subscribers.append(
            (
                s,
                1,
                _when(rng, 700),
                cid,
                email,
                rng.choice([1, 1, 1, 3]),
                f"{rng.getrandbits(64):016x}",
            )
        )
    reviews = []
    for r in range(1, 121):
        c = customers[rng.randrange(PEOPLE)]
        reviews.append(
            (
                r,
                r,
                1,
                rng.choice(["Great value", "Broke after a week", "Does the job", "Love it!"]),
                fakers[0].paragraph(nb_sentences=3),
                c[6] if rng.random() < 0.8 else f"{c[6]} {c[8][0]}.",
                c[0] if rng.random() < 0.8 else None,
            )
        )
    admins = []
    us = fakers[1]
    for a in range(1, 16):
        _f, first, last = _person(us, rng)
        admins.append(
            (
                a,
                first,
                last,
                f"{_ascii(first)}.{_ascii(last)}@summit-outdoor.example",
                f"{_ascii(first)[0]}{_ascii(last)}",
                f"{rng.getrandbits(256):064x}:{rng.getrandbits(128):032x}:3",
                _when(rng, 2000),
                _when(rng, 30),
                rng.randrange(1, 900),
                rng.random() < 0.9,
                "en_US",
            )
        )
    return EvalSet("faker_magento", "faker_apps.py faker_magento", _magento_tables(locals()))


def _magento_tables(v: dict) -> list:
    m = "magento"
    return [
        _table(
            m,
            "customer_entity",
            [
                ("entity_id", "integer"),
                ("website_id", "integer"),
                ("email", "varchar(255)"),
                ("group_id", "integer"),
                ("created_in", "varchar(255)"),
                ("prefix", "varchar(40)"),
                ("firstname", "varchar(255)"),
                ("middlename", "varchar(255)"),
                ("lastname", "varchar(255)"),
                ("suffix", "varchar(40)"),
                ("dob", "date"),
                ("password_hash", "varchar(128)"),
                ("default_billing", "integer"),
                ("default_shipping", "integer"),
                ("gender", "integer"),
                ("created_at", "timestamp"),
                ("updated_at", "timestamp"),
                ("is_active", "boolean"),
                ("failures_num", "integer"),
            ],
            ["entity_id"],
            v["customers"],
        ),
        _table(
            m,
            "customer_address_entity",
            [
                ("entity_id", "integer"),
                ("parent_id", "integer"),
                ("created_at", "timestamp"),
                ("city", "varchar(255)"),
                ("company", "varchar(255)"),
                ("country_id", "varchar(2)"),
                ("fax", "varchar(255)"),
                ("firstname", "varchar(255)"),
                ("lastname", "varchar(255)"),
                ("middlename", "varchar(255)"),
                ("postcode", "varchar(255)"),
                ("region", "varchar(255)"),
                ("region_id", "integer"),
                ("street", "text"),
                ("telephone", "varchar(255)"),
                ("is_active", "boolean"),
            ],
            ["entity_id"],
            v["addresses"],
            [(["parent_id"], f"{m}.customer_entity", ["entity_id"])],
        ),
        _table(
            m,
            "eav_attribute",
            [
                ("attribute_id", "integer"),
                ("entity_type_id", "integer"),
                ("attribute_code", "varchar(255)"),
                ("backend_type", "varchar(8)"),
                ("frontend_input", "varchar(50)"),
                ("frontend_label", "varchar(255)"),
            ],
            ["attribute_id"],
            v["attributes"],
        ),
        _table(
            m,
            "customer_entity_varchar",
            [
                ("value_id", "integer"),
                ("attribute_id", "integer"),
                ("entity_id", "integer"),
                ("value", "varchar(255)"),
            ],
            ["value_id"],
            v["varchar"],
            [
                (["attribute_id"], f"{m}.eav_attribute", ["attribute_id"]),
                (["entity_id"], f"{m}.customer_entity", ["entity_id"]),
            ],
        ),
        _table(
            m,
            "catalog_product_entity",
            [
                ("entity_id", "integer"),
                ("attribute_set_id", "integer"),
                ("type_id", "varchar(32)"),
                ("sku", "varchar(64)"),
                ("created_at", "timestamp"),
            ],
            ["entity_id"],
            v["products"],
        ),
        _table(
            m,
            "catalog_product_entity_varchar",
            [
                ("value_id", "integer"),
                ("attribute_id", "integer"),
                ("store_id", "integer"),
                ("entity_id", "integer"),
                ("value", "varchar(255)"),
            ],
            ["value_id"],
            v["product_varchar"],
            [
                (["attribute_id"], f"{m}.eav_attribute", ["attribute_id"]),
                (["entity_id"], f"{m}.catalog_product_entity", ["entity_id"]),
            ],
        ),
        _table(
            m,
            "sales_order",
            [
                ("entity_id", "integer"),
                ("increment_id", "varchar(32)"),
                ("state", "varchar(32)"),
                ("status", "varchar(32)"),
                ("customer_id", "integer"),
                ("customer_email", "varchar(128)"),
                ("customer_firstname", "varchar(128)"),
                ("customer_lastname", "varchar(128)"),
                ("customer_dob", "date"),
                ("customer_is_guest", "boolean"),
                ("customer_note", "text"),
                ("remote_ip", "varchar(45)"),
                ("grand_total", "numeric(20,4)"),
                ("order_currency_code", "varchar(3)"),
                ("billing_address_id", "integer"),
                ("shipping_address_id", "integer"),
                ("shipping_description", "varchar(255)"),
                ("coupon_code", "varchar(255)"),
                ("created_at", "timestamp"),
            ],
            ["entity_id"],
            v["orders"],
            [(["customer_id"], f"{m}.customer_entity", ["entity_id"])],
        ),
        _table(
            m,
            "sales_order_address",
            [
                ("entity_id", "integer"),
                ("parent_id", "integer"),
                ("customer_address_id", "integer"),
                ("customer_id", "integer"),
                ("region", "varchar(255)"),
                ("postcode", "varchar(255)"),
                ("lastname", "varchar(255)"),
                ("street", "varchar(255)"),
                ("city", "varchar(255)"),
                ("email", "varchar(255)"),
                ("telephone", "varchar(255)"),
                ("country_id", "varchar(2)"),
                ("firstname", "varchar(255)"),
                ("address_type", "varchar(255)"),
                ("vat_id", "text"),
            ],
            ["entity_id"],
            v["order_addresses"],
            [(["parent_id"], f"{m}.sales_order", ["entity_id"])],
        ),
        _table(
            m,
            "sales_order_grid",
            [
                ("entity_id", "integer"),
                ("increment_id", "varchar(50)"),
                ("status", "varchar(32)"),
                ("customer_id", "integer"),
                ("billing_name", "varchar(255)"),
                ("shipping_name", "varchar(255)"),
                ("billing_address", "varchar(255)"),
                ("shipping_address", "varchar(255)"),
                ("customer_email", "varchar(255)"),
                ("customer_name", "varchar(255)"),
                ("customer_group", "varchar(255)"),
                ("grand_total", "numeric(20,4)"),
                ("created_at", "timestamp"),
            ],
            ["entity_id"],
            v["grid"],
        ),
        _table(
            m,
            "sales_order_payment",
            [
                ("entity_id", "integer"),
                ("parent_id", "integer"),
                ("method", "varchar(128)"),
                ("cc_last_4", "varchar(4)"),
                ("cc_exp_month", "integer"),
                ("cc_exp_year", "integer"),
                ("cc_type", "varchar(32)"),
                ("cc_owner", "varchar(128)"),
                ("additional_information", "text"),
            ],
            ["entity_id"],
            v["payments"],
            [(["parent_id"], f"{m}.sales_order", ["entity_id"])],
        ),
        _table(
            m,
            "newsletter_subscriber",
            [
                ("subscriber_id", "integer"),
                ("store_id", "integer"),
                ("change_status_at", "timestamp"),
                ("customer_id", "integer"),
                ("subscriber_email", "varchar(150)"),
                ("subscriber_status", "integer"),
                ("subscriber_confirm_code", "varchar(32)"),
            ],
            ["subscriber_id"],
            v["subscribers"],
        ),
        _table(
            m,
            "review_detail",
            [
                ("detail_id", "integer"),
                ("review_id", "integer"),
                ("store_id", "integer"),
                ("title", "varchar(255)"),
                ("detail", "text"),
                ("nickname", "varchar(128)"),
                ("customer_id", "integer"),
            ],
            ["detail_id"],
            v["reviews"],
            [(["customer_id"], f"{m}.customer_entity", ["entity_id"])],
        ),
        _table(
            m,
            "admin_user",
            [
                ("user_id", "integer"),
                ("firstname", "varchar(32)"),
                ("lastname", "varchar(32)"),
                ("email", "varchar(128)"),
                ("username", "varchar(40)"),
                ("password", "varchar(255)"),
                ("created", "timestamp"),
                ("logdate", "timestamp"),
                ("lognum", "integer"),
                ("is_active", "boolean"),
                ("interface_locale", "varchar(16)"),
            ],
            ["user_id"],
            v["admins"],
        ),
    ]


# --- SuiteCRM -------------------------------------------------------------------------


def _belgian_mobile(rng: random.Random) -> str:
    pairs = " ".join(f"{rng.randrange(100):02d}" for _ in range(3))
    return f"+32 4{rng.randrange(70, 100)} {pairs}"


def _passport(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice(letters) + rng.choice(letters) + f"{rng.randrange(10**6):06d}"


def faker_suitecrm() -> EvalSet:
    """A SuiteCRM 7 instance (nl_BE and en_GB): contacts and leads with primary and
    alternative addresses, their ``*_cstm`` custom fields, accounts (companies), e-mail
    addresses kept apart and related to any record by a relation table, users, HTML notes
    of calls with customers."""
    rng = random.Random(SEED + 71)
    fakers = [_faker("en_GB", 72), _faker("nl_BE", 71)]  # odd rows: nl_BE
    users = []
    for u in range(1, 13):
        fake = fakers[u % 2]
        _f, first, last = _person(fake, rng)
        users.append(
            (
                _uuid(rng),
                f"{_ascii(first)}.{_ascii(last)}",
                f"{rng.getrandbits(128):032x}",
                first,
                last,
                rng.choice(["Account Manager", "Sales Rep", "Support Agent"]),
                rng.choice(["Sales", "Support"]),
                fake.phone_number(),
                _belgian_mobile(rng),
                rng.choice(["Active", "Active", "Inactive"]),
                rng.random() < 0.2,
                users[0][0] if users else None,
            )
        )
    accounts = []
    for a in range(1, 61):
        fake = fakers[a % 2]
        accounts.append(
            (
                _uuid(rng),
                _company(fake, rng),
                _when(rng, 2500),
                rng.choice(["Customer", "Partner", "Prospect", "Reseller"]),
                rng.choice(["Retail", "Energy", "Manufacturing", "Transportation"]),
                fake.street_address(),
                fake.city(),
                fake.postcode(),
                "Belgium" if a % 2 else "United Kingdom",
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.3 else None,
                f"www.{_ascii(fake.last_name())}.example",
                rng.randrange(5, 5000),
                rng.choice(users)[0],
            )
        )
    contacts, custom, emails, relations = [], [], [], []
    for c in range(1, PEOPLE + 1):
        fake = fakers[c % 2]
        female, first, last = _person(fake, rng)
        cid = _uuid(rng)
        moved = rng.random() < 0.25
        contacts.append(
            (
                cid,
                _when(rng, 2000),
                rng.choice(users)[0],
                rng.choice(["Mrs.", "Ms."]) if female else rng.choice(["Mr.", "Dr."]),
                first,
                last,
                rng.choice(["Purchasing Manager", "Owner", "Office Manager", None]),
                rng.choice(["Purchasing", "Finance", None]),
                rng.random() < 0.1,
                fake.phone_number() if rng.random() < 0.5 else None,
                _belgian_mobile(rng) if c % 2 else fake.phone_number(),
                fake.phone_number(),
                fake.street_address(),
                fake.city(),
                fake.postcode(),
                "Belgium" if c % 2 else "United Kingdom",
                fake.street_address() if moved else None,
                fake.city() if moved else None,
                fake.postcode() if moved else None,
                fake.name() if rng.random() < 0.2 else None,
                rng.choice(["Web Site", "Cold Call", "Trade Show", "Email"]),
                _birth(rng) if rng.random() < 0.6 else None,
                rng.choice(["Consent", "Contract", "Legitimate Interest"]),
                None,
            )
        )
        custom.append(
            (
                cid,
                _email(first, last, fake, rng) if rng.random() < 0.5 else None,
                _belgian_mobile(rng) if rng.random() < 0.4 else None,
                _passport(rng) if rng.random() < 0.7 else None,
                rng.choice(["nl", "fr", "en"]),
                rng.choice(["Gold", "Silver", "Bronze"]),
            )
        )
        eid = _uuid(rng)
        address = _email(first, last, fake, rng)
        emails.append((eid, address, address.upper(), False, rng.random() < 0.1, _when(rng)))
        relations.append((_uuid(rng), eid, cid, "Contacts", True, _when(rng)))
    for a in accounts[:40]:
        eid = _uuid(rng)
        address = f"{rng.choice(['info', 'sales', 'accounts'])}@{a[11][4:]}"
        emails.append((eid, address, address.upper(), False, False, _when(rng)))
        relations.append((_uuid(rng), eid, a[0], "Accounts", True, _when(rng)))
    for i in range(0, len(contacts), 5):  # some contacts report to another
        contacts[i] = (*contacts[i][:-1], contacts[rng.randrange(len(contacts))][0])
    links = [(_uuid(rng), c[0], rng.choice(accounts)[0], _when(rng), False) for c in contacts[:250]]
    leads = []
    for n in range(1, 121):
        fake = fakers[n % 2]
        female, first, last = _person(fake, rng)
        leads.append(
            (
                _uuid(rng),
                rng.choice(["Mrs.", "Ms."]) if female else "Mr.",
                first,
                last,
                _company(fake, rng),
                fake.phone_number(),
                _belgian_mobile(rng) if n % 2 else fake.phone_number(),
                fake.street_address(),
                fake.city(),
                fake.postcode(),
                "Belgium" if n % 2 else "United Kingdom",
                rng.choice(["New", "Assigned", "Converted", "Dead"]),
                rng.choice(["Web Site", "Partner", "Conference"]),
                rng.choice(contacts)[0] if rng.random() < 0.3 else None,
                _when(rng, 600),
            )
        )
    notes = []
    for _ in range(200):
        c = rng.choice(contacts)
        phone, street = c[10], c[12]
        body = rng.choice(
            [
                f"<p>Called {c[4]} {c[5]} on {phone}: wants the invoice sent again.</p>",
                f"<p>Customer moved, new address: <b>{street}, {c[14]} {c[13]}</b></p>",
                "<p>Follow-up on the quote, no answer.</p><p>Try again next week.</p>",
                f"<p>{c[4]} asked to be removed from the mailing list.</p>",
            ]
        )
        notes.append(
            (
                _uuid(rng),
                rng.choice(["Call back", "Address change", "Quote follow-up", "Opt-out"]),
                body,
                c[0],
                "Contacts",
                c[0],
                rng.choice([None, None, "invoice_2024.pdf"]),
                _when(rng, 700),
            )
        )
    return EvalSet("faker_suitecrm", "faker_apps.py faker_suitecrm", _suitecrm_tables(locals()))


def _address(prefix: str) -> list[tuple[str, str]]:
    return [
        (f"{prefix}_street", "varchar(150)"),
        (f"{prefix}_city", "varchar(100)"),
        (f"{prefix}_postalcode", "varchar(20)"),
    ]


def _suitecrm_tables(v: dict) -> list:
    s = "suitecrm"
    uid = ("id", "varchar(36)")
    return [
        _table(
            s,
            "users",
            [
                uid,
                ("user_name", "varchar(60)"),
                ("user_hash", "varchar(255)"),
                ("first_name", "varchar(255)"),
                ("last_name", "varchar(255)"),
                ("title", "varchar(50)"),
                ("department", "varchar(50)"),
                ("phone_work", "varchar(50)"),
                ("phone_mobile", "varchar(50)"),
                ("status", "varchar(100)"),
                ("is_admin", "boolean"),
                ("reports_to_id", "varchar(36)"),
            ],
            ["id"],
            v["users"],
        ),
        _table(
            s,
            "accounts",
            [
                uid,
                ("name", "varchar(150)"),
                ("date_entered", "timestamp"),
                ("account_type", "varchar(50)"),
                ("industry", "varchar(50)"),
                *_address("billing_address"),
                ("billing_address_country", "varchar(255)"),
                ("phone_office", "varchar(100)"),
                ("phone_fax", "varchar(100)"),
                ("website", "varchar(255)"),
                ("employees", "integer"),
                ("assigned_user_id", "varchar(36)"),
            ],
            ["id"],
            v["accounts"],
        ),
        _table(
            s,
            "contacts",
            [
                uid,
                ("date_entered", "timestamp"),
                ("assigned_user_id", "varchar(36)"),
                ("salutation", "varchar(255)"),
                ("first_name", "varchar(100)"),
                ("last_name", "varchar(100)"),
                ("title", "varchar(100)"),
                ("department", "varchar(255)"),
                ("do_not_call", "boolean"),
                ("phone_home", "varchar(100)"),
                ("phone_mobile", "varchar(100)"),
                ("phone_work", "varchar(100)"),
                *_address("primary_address"),
                ("primary_address_country", "varchar(255)"),
                *_address("alt_address"),
                ("assistant", "varchar(75)"),
                ("lead_source", "varchar(255)"),
                ("birthdate", "date"),
                ("lawful_basis", "text"),
                ("reports_to_id", "varchar(36)"),
            ],
            ["id"],
            v["contacts"],
        ),
        _table(
            s,
            "contacts_cstm",
            [
                ("id_c", "varchar(36)"),
                ("secondary_email_c", "varchar(255)"),
                ("mobile2_c", "varchar(100)"),
                ("passport_no_c", "varchar(20)"),
                ("preferred_language_c", "varchar(10)"),
                ("loyalty_tier_c", "varchar(20)"),
            ],
            ["id_c"],
            v["custom"],
        ),
        _table(
            s,
            "email_addresses",
            [
                uid,
                ("email_address", "varchar(255)"),
                ("email_address_caps", "varchar(255)"),
                ("invalid_email", "boolean"),
                ("opt_out", "boolean"),
                ("date_created", "timestamp"),
            ],
            ["id"],
            v["emails"],
        ),
        _table(
            s,
            "email_addr_bean_rel",
            [
                uid,
                ("email_address_id", "varchar(36)"),
                ("bean_id", "varchar(36)"),
                ("bean_module", "varchar(100)"),
                ("primary_address", "boolean"),
                ("date_created", "timestamp"),
            ],
            ["id"],
            v["relations"],
        ),
        _table(
            s,
            "accounts_contacts",
            [
                uid,
                ("contact_id", "varchar(36)"),
                ("account_id", "varchar(36)"),
                ("date_modified", "timestamp"),
                ("deleted", "boolean"),
            ],
            ["id"],
            v["links"],
        ),
        _table(
            s,
            "leads",
            [
                uid,
                ("salutation", "varchar(255)"),
                ("first_name", "varchar(100)"),
                ("last_name", "varchar(100)"),
                ("account_name", "varchar(255)"),
                ("phone_work", "varchar(100)"),
                ("phone_mobile", "varchar(100)"),
                *_address("primary_address"),
                ("primary_address_country", "varchar(255)"),
                ("status", "varchar(100)"),
                ("lead_source", "varchar(100)"),
                ("contact_id", "varchar(36)"),
                ("date_entered", "timestamp"),
            ],
            ["id"],
            v["leads"],
        ),
        _table(
            s,
            "notes",
            [
                uid,
                ("name", "varchar(255)"),
                ("description", "text"),
                ("contact_id", "varchar(36)"),
                ("parent_type", "varchar(255)"),
                ("parent_id", "varchar(36)"),
                ("filename", "varchar(255)"),
                ("date_entered", "timestamp"),
            ],
            ["id"],
            v["notes"],
        ),
    ]


# --- Microsoft Dynamics 365 and Salesforce --------------------------------------------

SF_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _sf_id(prefix: str, rng: random.Random) -> str:
    """A Salesforce record id: the object's key prefix and 15 more characters."""
    return prefix + "".join(rng.choice(SF_ALPHABET) for _ in range(15))


def faker_crm_cloud() -> EvalSet:
    """Two cloud CRMs' tables as exported to a warehouse (en_US and nl_NL): Dynamics 365
    (Dataverse ``contact``, ``account``, ``customeraddress``, ``systemuser``,
    ``annotation``: lower-case names run together, numbered ``address1_``, ``telephone1``,
    ``emailaddress1``, option-set codes, ``new_`` custom columns) and Salesforce
    (``Contact``, ``Account``, ``Lead``, ``Case``, ``User``: PascalCase, ``Mailing*`` and
    ``Other*`` addresses, ``Supplied*`` web-to-case fields, custom ``__c`` fields)."""
    rng = random.Random(SEED + 81)
    fakers = [_faker("nl_NL", 82), _faker("en_US", 81)]  # odd rows: en_US
    v: dict[str, list] = {k: [] for k in ("users", "accounts", "contacts", "addresses", "notes")}
    for u in range(1, 16):
        fake = fakers[u % 2]
        _f, first, last = _person(fake, rng)
        login = f"{_ascii(first)[0]}{_ascii(last)}"
        v["users"].append(
            (
                _uuid(rng),
                f"{login}@contoso.onmicrosoft.com" if u % 3 else f"CONTOSO\\{login}",
                first,
                last,
                f"{first} {last}",
                f"{login}@contoso.example",
                fake.phone_number(),
                rng.choice(["Account Manager", "Customer Service Rep", "Sales Director"]),
                v["users"][0][0] if v["users"] else None,  # the first user is everyone's manager
                u > 13,
            )
        )
    for a in range(1, 51):
        fake = fakers[a % 2]
        v["accounts"].append(
            (
                _uuid(rng),
                _company(fake, rng),
                f"ACC-{rng.randrange(10000, 99999)}",
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.4 else None,
                f"info@{_ascii(fake.last_name())}.example",
                f"https://www.{_ascii(fake.last_name())}.example",
                fake.street_address(),
                fake.city(),
                fake.postcode(),
                "United States" if a % 2 else "Nederland",
                None,
                rng.randrange(3, 4000),
                round(rng.uniform(1e5, 5e7), 2),
                rng.choice(v["users"])[0],
            )
        )
    for c in range(1, PEOPLE + 1):
        fake = fakers[c % 2]
        female, first, last = _person(fake, rng)
        middle = fake.first_name() if rng.random() < 0.15 else None
        street, city, postcode = fake.street_address(), fake.city(), fake.postcode()
        state = fake.state() if c % 2 else fake.province()
        country = "United States" if c % 2 else "Nederland"
        married = rng.random() < 0.4
        cid = _uuid(rng)
        v["contacts"].append(
            (
                cid,
                rng.choice(v["accounts"])[0] if rng.random() < 0.5 else None,
                (rng.choice(["Ms.", "Mrs."]) if female else "Mr.")
                if c % 2
                else ("Mevr." if female else "Dhr."),
                first,
                middle,
                last,
                " ".join(p for p in (first, middle, last) if p),
                first[:3] if rng.random() < 0.1 else None,
                rng.choice(["Buyer", "CFO", "Owner", None]),
                _email(first, last, fake, rng),
                _email(first, last, fake, rng) if rng.random() < 0.3 else None,
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.3 else None,
                fake.phone_number(),
                street,
                f"Apt {rng.randrange(1, 40)}" if rng.random() < 0.2 else None,
                city,
                state,
                postcode,
                country,
                float(fake.latitude()),
                float(fake.longitude()),
                rng.choice([1, 2, 3, 4]),
                f"{street}\r\n{city}, {state} {postcode}\r\n{country}",
                _birth(rng) if rng.random() < 0.7 else None,
                2 if female else 1,
                rng.choice([1, 2, 3, 4]) if rng.random() < 0.6 else None,
                fake.first_name() + " " + last if married else None,
                fake.ssn() if rng.random() < 0.5 else None,
                float(rng.randrange(0, 20) * 500),
                rng.choice([1, 2, 3, 4, 5]),
                rng.choice(v["users"])[0],
                _when(rng, 2500),
                rng.choice([0, 0, 0, 1]),
                rng.choice(["Downtown", "Mall", "Online", "Airport"]),
            )
        )
        for n in range(rng.choice([0, 1, 1, 2])):
            v["addresses"].append(
                (
                    _uuid(rng),
                    cid,
                    n + 3,
                    rng.choice(["Home", "Work", "Holiday home"]),
                    fake.street_address(),
                    fake.city(),
                    fake.postcode(),
                    country,
                    fake.phone_number() if rng.random() < 0.3 else None,
                    rng.choice([1, 2, 3]),
                )
            )
        if rng.random() < 0.4:
            v["notes"].append(
                (
                    _uuid(rng),
                    cid,
                    "contact",
                    rng.choice(["Phone call", "Complaint", "Delivery"]),
                    rng.choice(
                        [
                            f"{first} called from {v['contacts'][-1][13]} about a late delivery.",
                            f"Delivery address changed to {fake.street_address()}, {fake.city()}.",
                            "Sent the brochure and price list as requested.",
                            f"Spoke with {first} {last}; will renew the contract in March.",
                        ]
                    ),
                    _when(rng, 800),
                )
            )
    v["accounts"] = [(*a[:11], rng.choice(v["contacts"])[0], *a[12:]) for a in v["accounts"]]
    _salesforce_rows(v, fakers, rng)
    return EvalSet("faker_crm_cloud", "faker_apps.py faker_crm_cloud", _crm_cloud_tables(v))


def _salesforce_rows(v: dict, fakers: list[Faker], rng: random.Random) -> None:
    """Salesforce's users, accounts, contacts, leads and cases, into ``v``."""
    sf = {k: [] for k in ("sf_users", "sf_accounts", "sf_contacts", "sf_leads", "sf_cases")}
    for u in range(1, 16):
        fake = fakers[u % 2]
        _f, first, last = _person(fake, rng)
        alias = (_ascii(first)[0] + _ascii(last))[:8]
        sf["sf_users"].append(
            (
                _sf_id("005", rng),
                f"{_ascii(first)}.{_ascii(last)}@acme.com.prod",
                alias,
                first,
                last,
                f"{_ascii(first)}.{_ascii(last)}@acme.example",
                f"{alias}{rng.randrange(10, 99)}",
                fake.phone_number(),
                rng.choice(["America/New_York", "Europe/Amsterdam"]),
                rng.choice(["en_US", "nl_NL"]),
                u < 14,
                _when(rng, 60),
            )
        )
    for a in range(1, 51):
        fake = fakers[a % 2]
        sf["sf_accounts"].append(
            (
                _sf_id("001", rng),
                _company(fake, rng),
                rng.choice(["Customer - Direct", "Partner", "Prospect"]),
                fake.street_address(),
                fake.city(),
                fake.postcode(),
                "USA" if a % 2 else "Netherlands",
                fake.phone_number(),
                f"www.{_ascii(fake.last_name())}.example",
                rng.choice(["Retail", "Energy", "Banking"]),
                rng.randrange(5, 9000),
                rng.choice(sf["sf_users"])[0],
            )
        )
    for c in range(1, PEOPLE + 1):
        fake = fakers[c % 2]
        female, first, last = _person(fake, rng)
        other = rng.random() < 0.2
        sf["sf_contacts"].append(
            (
                _sf_id("003", rng),
                rng.choice(sf["sf_accounts"])[0],
                rng.choice(["Ms.", "Mrs."]) if female else rng.choice(["Mr.", "Dr."]),
                first,
                last,
                rng.choice(["VP Sales", "Buyer", "Office Manager", None]),
                _email(first, last, fake, rng),
                fake.phone_number(),
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.4 else None,
                fake.street_address(),
                fake.city(),
                fake.state() if c % 2 else fake.province(),
                fake.postcode(),
                "USA" if c % 2 else "Netherlands",
                fake.street_address() if other else None,
                fake.city() if other else None,
                _birth(rng) if rng.random() < 0.5 else None,
                fake.name() if rng.random() < 0.2 else None,
                rng.choice(["Web", "Phone Inquiry", "Partner Referral"]),
                rng.choice(sf["sf_users"])[0],
                None,
                _when(rng, 2000),
                rng.random() < 0.1,
                _passport(rng) if rng.random() < 0.3 else None,
                _email(first, last, fake, rng) if rng.random() < 0.3 else None,
                first if rng.random() < 0.7 else fake.first_name(),
                rng.choice(["English", "Dutch", "English;Dutch"]),
            )
        )
    contacts = sf["sf_contacts"]
    sf["sf_contacts"] = [
        (*c[:21], contacts[rng.randrange(len(contacts))][0] if i % 6 == 0 else None, *c[22:])
        for i, c in enumerate(contacts)
    ]
    for n in range(1, 121):
        fake = fakers[n % 2]
        _f, first, last = _person(fake, rng)
        converted = rng.random() < 0.25
        sf["sf_leads"].append(
            (
                _sf_id("00Q", rng),
                first,
                last,
                _company(fake, rng),
                rng.choice(["CEO", "Procurement", None]),
                fake.street_address(),
                fake.city(),
                fake.state() if n % 2 else fake.province(),
                fake.postcode(),
                "USA" if n % 2 else "Netherlands",
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.5 else None,
                _email(first, last, fake, rng),
                "Closed - Converted" if converted else rng.choice(["Open", "Working"]),
                rng.choice(["Web", "Trade Show", "Advertisement"]),
                rng.choice(["Hot", "Warm", "Cold"]),
                rng.choice(contacts)[0] if converted else None,
                converted,
            )
        )
    for k in range(1, 201):
        c = rng.choice(contacts)
        fake = fakers[k % 2]
        web = rng.random() < 0.5
        sf["sf_cases"].append(
            (
                _sf_id("500", rng),
                f"{k:08d}",
                None if web else c[0],
                None if web else c[1],
                rng.choice(["Order not received", "Refund request", "Wrong size"]),
                rng.choice(
                    [
                        f"Customer says the parcel never arrived at {c[10]}, {c[11]}.",
                        f"Please call me back on {c[7]}. Thanks, {c[3]}",
                        "Item arrived damaged, photo attached.",
                        f"Refund to the card of {c[3]} {c[4]} approved.",
                    ]
                ),
                f"{c[3]} {c[4]}" if web else None,
                c[6] if web else None,
                c[7] if web and rng.random() < 0.6 else None,
                _company(fake, rng) if web and rng.random() < 0.3 else None,
                rng.choice(["New", "Working", "Closed"]),
                "Web" if web else rng.choice(["Phone", "Email"]),
                rng.choice(["High", "Medium", "Low"]),
                _when(rng, 700),
            )
        )
    v |= sf


def _crm_cloud_tables(v: dict) -> list:
    d, s = "dataverse", "salesforce"
    guid = "varchar(36)"
    sfid = "varchar(18)"
    return [
        _table(
            d,
            "systemuser",
            [
                ("systemuserid", guid),
                ("domainname", "varchar(1024)"),
                ("firstname", "varchar(64)"),
                ("lastname", "varchar(64)"),
                ("fullname", "varchar(200)"),
                ("internalemailaddress", "varchar(100)"),
                ("mobilephone", "varchar(64)"),
                ("title", "varchar(128)"),
                ("parentsystemuserid", guid),
                ("isdisabled", "boolean"),
            ],
            ["systemuserid"],
            v["users"],
        ),
        _table(
            d,
            "account",
            [
                ("accountid", guid),
                ("name", "varchar(160)"),
                ("accountnumber", "varchar(20)"),
                ("telephone1", "varchar(50)"),
                ("fax", "varchar(50)"),
                ("emailaddress1", "varchar(100)"),
                ("websiteurl", "varchar(200)"),
                ("address1_line1", "varchar(250)"),
                ("address1_city", "varchar(80)"),
                ("address1_postalcode", "varchar(20)"),
                ("address1_country", "varchar(80)"),
                ("primarycontactid", guid),
                ("numberofemployees", "integer"),
                ("revenue", "numeric(19,2)"),
                ("ownerid", guid),
            ],
            ["accountid"],
            v["accounts"],
        ),
        _table(
            d,
            "contact",
            [
                ("contactid", guid),
                ("parentcustomerid", guid),
                ("salutation", "varchar(100)"),
                ("firstname", "varchar(50)"),
                ("middlename", "varchar(50)"),
                ("lastname", "varchar(50)"),
                ("fullname", "varchar(160)"),
                ("nickname", "varchar(100)"),
                ("jobtitle", "varchar(100)"),
                ("emailaddress1", "varchar(100)"),
                ("emailaddress2", "varchar(100)"),
                ("telephone1", "varchar(50)"),
                ("telephone2", "varchar(50)"),
                ("mobilephone", "varchar(50)"),
                ("address1_line1", "varchar(250)"),
                ("address1_line2", "varchar(250)"),
                ("address1_city", "varchar(80)"),
                ("address1_stateorprovince", "varchar(50)"),
                ("address1_postalcode", "varchar(20)"),
                ("address1_country", "varchar(80)"),
                ("address1_latitude", "float"),
                ("address1_longitude", "float"),
                ("address1_addresstypecode", "integer"),
                ("address1_composite", "text"),
                ("birthdate", "date"),
                ("gendercode", "integer"),
                ("familystatuscode", "integer"),
                ("spousesname", "varchar(100)"),
                ("governmentid", "varchar(50)"),
                ("creditlimit", "numeric(19,2)"),
                ("preferredcontactmethodcode", "integer"),
                ("ownerid", guid),
                ("createdon", "timestamp"),
                ("statecode", "integer"),
                ("new_preferredstore", "varchar(100)"),
            ],
            ["contactid"],
            v["contacts"],
        ),
        _table(
            d,
            "customeraddress",
            [
                ("customeraddressid", guid),
                ("parentid", guid),
                ("addressnumber", "integer"),
                ("name", "varchar(200)"),
                ("line1", "varchar(250)"),
                ("city", "varchar(80)"),
                ("postalcode", "varchar(20)"),
                ("country", "varchar(80)"),
                ("telephone1", "varchar(50)"),
                ("addresstypecode", "integer"),
            ],
            ["customeraddressid"],
            v["addresses"],
            [(["parentid"], f"{d}.contact", ["contactid"])],
        ),
        _table(
            d,
            "annotation",
            [
                ("annotationid", guid),
                ("objectid", guid),
                ("objecttypecode", "varchar(64)"),
                ("subject", "varchar(500)"),
                ("notetext", "text"),
                ("createdon", "timestamp"),
            ],
            ["annotationid"],
            v["notes"],
        ),
        _table(
            s,
            "User",
            [
                ("Id", sfid),
                ("Username", "varchar(80)"),
                ("Alias", "varchar(8)"),
                ("FirstName", "varchar(40)"),
                ("LastName", "varchar(80)"),
                ("Email", "varchar(128)"),
                ("CommunityNickname", "varchar(40)"),
                ("Phone", "varchar(40)"),
                ("TimeZoneSidKey", "varchar(40)"),
                ("LocaleSidKey", "varchar(40)"),
                ("IsActive", "boolean"),
                ("LastLoginDate", "timestamp"),
            ],
            ["Id"],
            v["sf_users"],
        ),
        _table(
            s,
            "Account",
            [
                ("Id", sfid),
                ("Name", "varchar(255)"),
                ("Type", "varchar(40)"),
                ("BillingStreet", "varchar(255)"),
                ("BillingCity", "varchar(40)"),
                ("BillingPostalCode", "varchar(20)"),
                ("BillingCountry", "varchar(80)"),
                ("Phone", "varchar(40)"),
                ("Website", "varchar(255)"),
                ("Industry", "varchar(40)"),
                ("NumberOfEmployees", "integer"),
                ("OwnerId", sfid),
            ],
            ["Id"],
            v["sf_accounts"],
            [(["OwnerId"], f"{s}.User", ["Id"])],
        ),
        _table(
            s,
            "Contact",
            [
                ("Id", sfid),
                ("AccountId", sfid),
                ("Salutation", "varchar(40)"),
                ("FirstName", "varchar(40)"),
                ("LastName", "varchar(80)"),
                ("Title", "varchar(128)"),
                ("Email", "varchar(80)"),
                ("Phone", "varchar(40)"),
                ("MobilePhone", "varchar(40)"),
                ("HomePhone", "varchar(40)"),
                ("MailingStreet", "varchar(255)"),
                ("MailingCity", "varchar(40)"),
                ("MailingState", "varchar(80)"),
                ("MailingPostalCode", "varchar(20)"),
                ("MailingCountry", "varchar(80)"),
                ("OtherStreet", "varchar(255)"),
                ("OtherCity", "varchar(40)"),
                ("Birthdate", "date"),
                ("AssistantName", "varchar(40)"),
                ("LeadSource", "varchar(40)"),
                ("OwnerId", sfid),
                ("ReportsToId", sfid),
                ("CreatedDate", "timestamp"),
                ("HasOptedOutOfEmail", "boolean"),
                ("Passport_Number__c", "varchar(20)"),
                ("Secondary_Email__c", "varchar(80)"),
                ("Preferred_Name__c", "varchar(40)"),
                ("Languages__c", "varchar(100)"),
            ],
            ["Id"],
            v["sf_contacts"],
            [
                (["AccountId"], f"{s}.Account", ["Id"]),
                (["OwnerId"], f"{s}.User", ["Id"]),
                (["ReportsToId"], f"{s}.Contact", ["Id"]),
            ],
        ),
        _table(
            s,
            "Lead",
            [
                ("Id", sfid),
                ("FirstName", "varchar(40)"),
                ("LastName", "varchar(80)"),
                ("Company", "varchar(255)"),
                ("Title", "varchar(128)"),
                ("Street", "varchar(255)"),
                ("City", "varchar(40)"),
                ("State", "varchar(80)"),
                ("PostalCode", "varchar(20)"),
                ("Country", "varchar(80)"),
                ("Phone", "varchar(40)"),
                ("MobilePhone", "varchar(40)"),
                ("Email", "varchar(80)"),
                ("Status", "varchar(40)"),
                ("LeadSource", "varchar(40)"),
                ("Rating", "varchar(40)"),
                ("ConvertedContactId", sfid),
                ("IsConverted", "boolean"),
            ],
            ["Id"],
            v["sf_leads"],
            [(["ConvertedContactId"], f"{s}.Contact", ["Id"])],
        ),
        _table(
            s,
            "Case",
            [
                ("Id", sfid),
                ("CaseNumber", "varchar(30)"),
                ("ContactId", sfid),
                ("AccountId", sfid),
                ("Subject", "varchar(255)"),
                ("Description", "text"),
                ("SuppliedName", "varchar(80)"),
                ("SuppliedEmail", "varchar(80)"),
                ("SuppliedPhone", "varchar(40)"),
                ("SuppliedCompany", "varchar(80)"),
                ("Status", "varchar(40)"),
                ("Origin", "varchar(40)"),
                ("Priority", "varchar(40)"),
                ("CreatedDate", "timestamp"),
            ],
            ["Id"],
            v["sf_cases"],
            [
                (["ContactId"], f"{s}.Contact", ["Id"]),
                (["AccountId"], f"{s}.Account", ["Id"]),
            ],
        ),
    ]


# --- Moodle and Keycloak ---------------------------------------------------------------

COURSES = ["Organic Chemistry", "Linear Algebra", "European History", "Data Structures"]
PREFERENCES = [
    ("email_bounce_count", "0"),
    ("email_send_count", "12"),
    ("htmleditor", "atto"),
    ("auth_forcepasswordchange", "0"),
    ("login_failed_count_since_success", "1"),
    ("drawer-open-nav", "true"),
    ("block_myoverview_user_sort_preference", "title"),
]


def _cnp(born: date, female: bool, rng: random.Random) -> str:
    """A Romanian personal numeric code (CNP) with its check digit."""
    first = (6 if female else 5) if born.year >= 2000 else (2 if female else 1)
    body = f"{first}{born:%y%m%d}{rng.randrange(1, 47):02d}{rng.randrange(1000):03d}"
    total = sum(int(d) * int(w) for d, w in zip(body, "279146358279", strict=True))
    check = total % 11
    return body + str(1 if check == 10 else check)


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def faker_moodle_keycloak() -> EvalSet:
    """A university's Moodle and the Keycloak realm it signs in through (hu_HU and ro_RO):
    ``mdl_user`` (Unix-time integers, country codes, the last IP), custom profile fields
    kept as rows (``mdl_user_info_data``: an integer field id and the value), preferences
    as name/value rows, logs with JSON ``other``, courses (their ``fullname`` a title);
    Keycloak's ``user_entity``, ``user_attribute`` name/value rows, credentials as JSON,
    OAuth clients (a ``client_id`` that is no customer's) and login events as JSON."""
    rng = random.Random(SEED + 91)
    fakers = [_faker("hu_HU", 91), _faker("ro_RO", 92)]
    v: dict[str, list] = {
        k: [] for k in ("users", "info_data", "prefs", "log", "kc_users", "kc_attrs", "creds")
    }
    fields = [
        (1, "mobile", "Mobile phone", "text", 1, False),
        (2, "cnp", "Personal numeric code (CNP)", "text", 1, False),
        (3, "studyyear", "Year of study", "menu", 2, True),
        (4, "dob", "Date of birth", "datetime", 1, False),
    ]
    courses = [
        (
            c,
            1 + c % 3,
            f"{rng.choice(COURSES)} {rng.choice(['I', 'II'])} ({2023 + c % 3})",
            f"{''.join(w[0] for w in COURSES[c % 4].split())}{100 + c}",
            f"CRS-{c:04d}",
            f"<p>Weekly lectures and labs. Module {c}.</p>",
            _epoch(_when(rng, 900)),
            True,
        )
        for c in range(1, 25)
    ]
    realm = "3f1c9a4e-2b7d-4c1e-9a55-6d2f0c8b7e11"
    clients = [
        (_uuid(rng), name, f"${{client_{name}}}", realm, True, base, "openid-connect")
        for name, base in (
            ("account", "/realms/university/account/"),
            ("account-console", "/realms/university/account/"),
            ("admin-cli", None),
            ("moodle-lms", "https://moodle.university.example/"),
            ("security-admin-console", "/admin/university/console/"),
            ("library-portal", "https://library.university.example/"),
        )
    ]
    for u in range(1, PEOPLE + 1):
        fake = fakers[u % 2]
        female, first, last = _person(fake, rng)
        login = f"{_ascii(first)}.{_ascii(last)}{u}"
        email = f"{login}@student.university.example" if u % 3 else _email(first, last, fake, rng)
        born = _birth(rng)
        created = _when(rng, 2000)
        v["users"].append(
            (
                u,
                rng.choice(["manual", "oidc", "oidc"]),
                True,
                False,
                rng.random() < 0.03,
                1,
                login,
                f"$2y$10${rng.getrandbits(256):064x}"[:60],
                f"S{2019 + u % 6}{u:05d}",
                first,
                last,
                email,
                fake.phone_number() if rng.random() < 0.6 else "",
                fake.phone_number() if rng.random() < 0.2 else "",
                "Universitatea din Cluj" if u % 2 else "University of Szeged",
                rng.choice(["Chemistry", "Mathematics", "History", "Computer Science"]),
                fake.street_address() if rng.random() < 0.4 else "",
                fake.city(),
                "RO" if u % 2 else "HU",
                "ro" if u % 2 else "hu",
                "99",
                _epoch(created),
                _epoch(_when(rng, 30)),
                fake.ipv4_public(),
                rng.choice([0, 0, rng.randrange(1000, 9999)]),
                _epoch(created),
                last.upper() if rng.random() < 0.1 else "",
                fake.first_name() if rng.random() < 0.1 else "",
                fake.first_name() if rng.random() < 0.1 else "",
            )
        )
        for field_id, value in (
            (1, fake.phone_number() if rng.random() < 0.7 else None),
            (2, _cnp(born, female, rng) if u % 2 and rng.random() < 0.8 else None),
            (3, str(rng.randrange(1, 5))),
            (
                4,
                str(_epoch(datetime(born.year, born.month, born.day)))
                if rng.random() < 0.6
                else None,
            ),
        ):
            if value is not None:
                v["info_data"].append((len(v["info_data"]) + 1, u, field_id, value, 0))
        for name, value in rng.sample(PREFERENCES, 3):
            v["prefs"].append((len(v["prefs"]) + 1, u, name, value))
        kc_id = _uuid(rng)
        v["kc_users"].append(
            (
                kc_id,
                email,
                email,
                rng.random() < 0.8,
                True,
                None,
                first,
                last,
                realm,
                login,
                _epoch(created) * 1000,
                None,
                0,
            )
        )
        for name, value in (
            ("phoneNumber", fake.phone_number() if rng.random() < 0.8 else None),
            ("locale", ("ro" if u % 2 else "hu") if rng.random() < 0.6 else None),
            ("birthdate", born.isoformat() if rng.random() < 0.4 else None),
        ):
            if value is not None:
                v["kc_attrs"].append((name, value, kc_id, _uuid(rng)))
        v["creds"].append(
            (
                _uuid(rng),
                None,
                "password",
                kc_id,
                _epoch(created) * 1000,
                None,
                json.dumps(
                    {
                        "value": f"{rng.getrandbits(256):064x}",
                        "salt": f"{rng.getrandbits(96):024x}",
                        "additionalParameters": {},
                    }
                ),
                json.dumps(
                    {
                        "hashIterations": 27500,
                        "algorithm": "pbkdf2-sha256",
                        "additionalParameters": {},
                    }
                ),
                10,
            )
        )
    users = v["users"]
    for n in range(1, 501):
        u = rng.choice(users)
        failed = rng.random() < 0.15
        event = rng.choice(
            [
                "\\core\\event\\course_viewed",
                "\\mod_quiz\\event\\attempt_submitted",
                "\\core\\event\\user_loggedin",
            ]
        )
        v["log"].append(
            (
                n,
                "\\core\\event\\user_login_failed" if failed else event,
                "core",
                "failed" if failed else rng.choice(["viewed", "submitted", "loggedin"]),
                "user_login" if failed else rng.choice(["course", "attempt", "user"]),
                None if failed else rng.randrange(1, 500),
                "r",
                rng.randrange(1, 300),
                0 if failed else u[0],
                rng.randrange(1, 25),
                rng.choice(users)[0] if rng.random() < 0.1 else None,
                json.dumps({"username": u[6], "reason": rng.choice([1, 2, 3])})
                if failed
                else "null",
                _epoch(_when(rng, 200)),
                "web",
                u[23] if rng.random() < 0.5 else fakers[0].ipv4_public(),
            )
        )
    kc = v["kc_users"]
    events = []
    for _ in range(400):
        u = rng.choice(kc)
        ok = rng.random() < 0.85
        client = rng.choice(["moodle-lms", "account-console", "library-portal"])
        details = {
            "auth_method": "openid-connect",
            "auth_type": "code",
            "redirect_uri": f"https://{client}.university.example/auth/callback",
            "code_id": _uuid(rng),
            "username": u[9],
        }
        events.append(
            (
                _uuid(rng),
                client,
                json.dumps(details),
                None if ok else rng.choice(["invalid_user_credentials", "user_not_found"]),
                fakers[1].ipv4_public(),
                realm,
                _uuid(rng) if ok else None,
                _epoch(_when(rng, 90)) * 1000,
                "LOGIN" if ok else "LOGIN_ERROR",
                u[0] if ok else None,
            )
        )
    v |= {
        "fields": fields,
        "courses": courses,
        "clients": clients,
        "events": events,
        "realms": [(realm, "university", True, "EXTERNAL")],
    }
    return EvalSet(
        "faker_moodle_keycloak", "faker_apps.py faker_moodle_keycloak", _moodle_tables(v)
    )


def _moodle_tables(v: dict) -> list:
    m, k = "moodle", "keycloak"
    uid = ("id", "varchar(36)")
    return [
        _table(
            m,
            "mdl_user",
            [
                ("id", "bigint"),
                ("auth", "varchar(20)"),
                ("confirmed", "boolean"),
                ("deleted", "boolean"),
                ("suspended", "boolean"),
                ("mnethostid", "bigint"),
                ("username", "varchar(100)"),
                ("password", "varchar(255)"),
                ("idnumber", "varchar(255)"),
                ("firstname", "varchar(100)"),
                ("lastname", "varchar(100)"),
                ("email", "varchar(100)"),
                ("phone1", "varchar(20)"),
                ("phone2", "varchar(20)"),
                ("institution", "varchar(255)"),
                ("department", "varchar(255)"),
                ("address", "varchar(255)"),
                ("city", "varchar(120)"),
                ("country", "varchar(2)"),
                ("lang", "varchar(30)"),
                ("timezone", "varchar(100)"),
                ("firstaccess", "bigint"),
                ("lastaccess", "bigint"),
                ("lastip", "varchar(45)"),
                ("picture", "bigint"),
                ("timecreated", "bigint"),
                ("lastnamephonetic", "varchar(255)"),
                ("middlename", "varchar(255)"),
                ("alternatename", "varchar(255)"),
            ],
            ["id"],
            v["users"],
        ),
        _table(
            m,
            "mdl_user_info_field",
            [
                ("id", "bigint"),
                ("shortname", "varchar(255)"),
                ("name", "text"),
                ("datatype", "varchar(255)"),
                ("categoryid", "bigint"),
                ("required", "boolean"),
            ],
            ["id"],
            v["fields"],
        ),
        _table(
            m,
            "mdl_user_info_data",
            [
                ("id", "bigint"),
                ("userid", "bigint"),
                ("fieldid", "bigint"),
                ("data", "text"),
                ("dataformat", "integer"),
            ],
            ["id"],
            v["info_data"],
            [
                (["userid"], f"{m}.mdl_user", ["id"]),
                (["fieldid"], f"{m}.mdl_user_info_field", ["id"]),
            ],
        ),
        _table(
            m,
            "mdl_user_preferences",
            [
                ("id", "bigint"),
                ("userid", "bigint"),
                ("name", "varchar(255)"),
                ("value", "varchar(1333)"),
            ],
            ["id"],
            v["prefs"],
            [(["userid"], f"{m}.mdl_user", ["id"])],
        ),
        _table(
            m,
            "mdl_course",
            [
                ("id", "bigint"),
                ("category", "bigint"),
                ("fullname", "varchar(254)"),
                ("shortname", "varchar(255)"),
                ("idnumber", "varchar(100)"),
                ("summary", "text"),
                ("startdate", "bigint"),
                ("visible", "boolean"),
            ],
            ["id"],
            v["courses"],
        ),
        _table(
            m,
            "mdl_logstore_standard_log",
            [
                ("id", "bigint"),
                ("eventname", "varchar(255)"),
                ("component", "varchar(100)"),
                ("action", "varchar(100)"),
                ("target", "varchar(100)"),
                ("objectid", "bigint"),
                ("crud", "varchar(1)"),
                ("contextid", "bigint"),
                ("userid", "bigint"),
                ("courseid", "bigint"),
                ("relateduserid", "bigint"),
                ("other", "text"),
                ("timecreated", "bigint"),
                ("origin", "varchar(10)"),
                ("ip", "varchar(45)"),
            ],
            ["id"],
            v["log"],
        ),
        _table(
            k,
            "realm",
            [
                uid,
                ("name", "varchar(255)"),
                ("enabled", "boolean"),
                ("ssl_required", "varchar(255)"),
            ],
            ["id"],
            v["realms"],
        ),
        _table(
            k,
            "client",
            [
                uid,
                ("client_id", "varchar(255)"),
                ("name", "varchar(255)"),
                ("realm_id", "varchar(36)"),
                ("enabled", "boolean"),
                ("base_url", "varchar(255)"),
                ("protocol", "varchar(255)"),
            ],
            ["id"],
            v["clients"],
            [(["realm_id"], f"{k}.realm", ["id"])],
        ),
        _table(
            k,
            "user_entity",
            [
                uid,
                ("email", "varchar(255)"),
                ("email_constraint", "varchar(255)"),
                ("email_verified", "boolean"),
                ("enabled", "boolean"),
                ("federation_link", "varchar(255)"),
                ("first_name", "varchar(255)"),
                ("last_name", "varchar(255)"),
                ("realm_id", "varchar(255)"),
                ("username", "varchar(255)"),
                ("created_timestamp", "bigint"),
                ("service_account_client_link", "varchar(255)"),
                ("not_before", "integer"),
            ],
            ["id"],
            v["kc_users"],
        ),
        _table(
            k,
            "user_attribute",
            [("name", "varchar(255)"), ("value", "varchar(255)"), ("user_id", "varchar(36)"), uid],
            ["id"],
            v["kc_attrs"],
            [(["user_id"], f"{k}.user_entity", ["id"])],
        ),
        _table(
            k,
            "credential",
            [
                uid,
                ("salt", "varchar(255)"),
                ("type", "varchar(255)"),
                ("user_id", "varchar(36)"),
                ("created_date", "bigint"),
                ("user_label", "varchar(255)"),
                ("secret_data", "text"),
                ("credential_data", "text"),
                ("priority", "integer"),
            ],
            ["id"],
            v["creds"],
            [(["user_id"], f"{k}.user_entity", ["id"])],
        ),
        _table(
            k,
            "event_entity",
            [
                uid,
                ("client_id", "varchar(255)"),
                ("details_json", "text"),
                ("error", "varchar(255)"),
                ("ip_address", "varchar(255)"),
                ("realm_id", "varchar(255)"),
                ("session_id", "varchar(255)"),
                ("event_time", "bigint"),
                ("type", "varchar(255)"),
                ("user_id", "varchar(255)"),
            ],
            ["id"],
            v["events"],
        ),
    ]


# --- phpBB, Mautic and Dolibarr --------------------------------------------------------


def php_serialise(value: object) -> str:
    """PHP's serialize() of strings, numbers, None and nested arrays (dicts)."""
    if value is None:
        return "N;"
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, float):
        return f"d:{value};"
    if isinstance(value, dict):
        body = "".join(php_serialise(k) + php_serialise(v) for k, v in value.items())
        return f"a:{len(value)}:{{{body}}}"
    text = str(value)
    return f's:{len(text.encode())}:"{text}";'


def faker_php_apps() -> EvalSet:
    """Three PHP applications' tables (it_IT, fr_FR and pt_PT): phpBB (users with birthdays
    written ``d-m-Y``, sessions with the browser's user agent, posts with the poster's IP,
    custom profile fields), Mautic (contacts with PHP-serialised ``internal`` and
    ``social_cache`` values, IP addresses with serialised geolocation) and Dolibarr
    (``llx_societe``, third parties that are mostly companies, and ``llx_socpeople``,
    their contacts, with French column names and JSON social networks)."""
    rng = random.Random(SEED + 101)
    fakers = [_faker("it_IT", 101), _faker("fr_FR", 102), _faker("pt_PT", 103)]
    v: dict[str, list] = {
        k: []
        for k in (
            "users",
            "sessions",
            "posts",
            "profile",
            "leads",
            "ips",
            "xref",
            "societe",
            "socpeople",
        )
    }
    for u in range(1, 201):
        fake = fakers[u % 3]
        _f, first, last = _person(fake, rng)
        login = f"{_ascii(first)}{rng.randrange(10, 999)}"
        born = _birth(rng)
        ip = fake.ipv4_public()
        v["users"].append(
            (
                u,
                rng.choice([0, 0, 0, 3]),
                login,
                login.lower(),
                _email(first, last, fake, rng),
                ip,
                1600000000 + rng.randrange(10**8),
                f"{born.day:2d}-{born.month:2d}-{born.year}" if rng.random() < 0.6 else "",
                rng.choice(["it", "fr", "pt"]),
                "Europe/Rome" if u % 3 == 0 else "Europe/Paris" if u % 3 == 1 else "Europe/Lisbon",
                rng.choice(["", "", "[b]Ciao a tutti![/b]", "Sent from my phone"]),
                rng.randrange(0, 900),
            )
        )
        if rng.random() < 0.5:
            v["profile"].append(
                (
                    u,
                    fake.city(),
                    rng.choice(["", "https://example.org/blog"]),
                    rng.choice(["chess", "cycling", "photography", ""]),
                )
            )
        if rng.random() < 0.6:
            v["sessions"].append(
                (
                    f"{rng.getrandbits(128):032x}",
                    u,
                    ip,
                    rng.choice(
                        [
                            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                            "(KHTML, like Gecko) Chrome/120.0 Safari/537.36",
                            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) "
                            "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148",
                        ]
                    ),
                    1700000000 + rng.randrange(10**7),
                    "index.php",
                )
            )
    for p in range(1, 301):
        u = rng.choice(v["users"])
        v["posts"].append(
            (
                p,
                rng.randrange(1, 20),
                u[0],
                u[5] if rng.random() < 0.7 else fakers[0].ipv4_public(),
                1650000000 + rng.randrange(10**8),
                rng.choice(["Re: help", "Question", "Hello"]),
                fakers[0].paragraph(nb_sentences=2),
                "" if rng.random() < 0.9 else u[2],
            )
        )
    for n in range(1, 251):
        fake = fakers[n % 3]
        female, first, last = _person(fake, rng)
        ip = fake.ipv4_public()
        city = fake.city()
        v["ips"].append(
            (
                n,
                ip,
                php_serialise(
                    {
                        "city": city,
                        "region": fake.region() if hasattr(fake, "region") else "",
                        "zipcode": fake.postcode(),
                        "country": fake.current_country_code(),
                        "latitude": float(fake.latitude()),
                        "longitude": float(fake.longitude()),
                        "isp": "",
                        "timezone": "Europe/Rome",
                        "organization": "",
                    }
                ),
            )
        )
        v["leads"].append(
            (
                n,
                rng.choice([1, 2, None]),
                ("Sig.ra" if female else "Sig.")
                if n % 3 == 0
                else ("Mme" if female else "M.")
                if n % 3 == 1
                else ("Sra." if female else "Sr."),
                first,
                last,
                _company(fake, rng) if rng.random() < 0.3 else None,
                rng.choice(["Buyer", "Designer", None]),
                _email(first, last, fake, rng),
                fake.phone_number() if rng.random() < 0.5 else None,
                fake.phone_number(),
                fake.street_address(),
                city,
                fake.postcode(),
                rng.choice(["Italy", "France", "Portugal"]),
                rng.randrange(0, 200),
                _when(rng, 300),
                php_serialise(
                    {
                        "rating": rng.randrange(1, 5),
                        "last_segment": rng.choice(["newsletter", "vip"]),
                    }
                ),
                php_serialise(
                    {"twitter": {"profile": {"username": f"@{_ascii(first)}{n}", "followers": 12}}}
                )
                if rng.random() < 0.4
                else "a:0:{}",
            )
        )
        v["xref"].append((n, n))
    for s in range(1, 81):
        fake = fakers[s % 3]
        v["societe"].append(
            (
                s,
                _company(fake, rng),
                fake.street_address(),
                fake.postcode(),
                fake.city(),
                rng.choice([1, 2, 3]),
                fake.phone_number(),
                f"contact@{_ascii(fake.last_name())}.example",
                f"{rng.randrange(10**8, 10**9)}",
                rng.choice([1, 2, 3]),
                rng.choice([0, 1]),
                rng.choice(["", "Paga a 60 giorni", "Cliente storico"]),
            )
        )
    for c in range(1, 201):
        fake = fakers[c % 3]
        female, first, last = _person(fake, rng)
        v["socpeople"].append(
            (
                c,
                rng.randrange(1, 81),
                "MME" if female else "MR",
                last,
                first,
                fake.street_address(),
                fake.postcode(),
                fake.city(),
                _birth(rng) if rng.random() < 0.4 else None,
                rng.choice(["Acheteur", "Comptable", "Direttore"]),
                fake.phone_number(),
                fake.phone_number() if rng.random() < 0.4 else None,
                fake.phone_number(),
                _email(first, last, fake, rng),
                json.dumps(
                    {
                        "linkedin": f"{_ascii(first)}-{_ascii(last)}-{c}",
                        "skype": f"{_ascii(first)}.{c}",
                    }
                )
                if rng.random() < 0.5
                else None,
                rng.choice(
                    ["", "Préfère être appelé le matin", f"Assistante: {fake.first_name()}"]
                ),
            )
        )
    return EvalSet("faker_php_apps", "faker_apps.py faker_php_apps", _php_tables(v))


def _php_tables(v: dict) -> list:
    b, m, d = "phpbb", "mautic", "dolibarr"
    return [
        _table(
            b,
            "phpbb_users",
            [
                ("user_id", "integer"),
                ("user_type", "integer"),
                ("username", "varchar(255)"),
                ("username_clean", "varchar(255)"),
                ("user_email", "varchar(100)"),
                ("user_ip", "varchar(40)"),
                ("user_regdate", "bigint"),
                ("user_birthday", "varchar(10)"),
                ("user_lang", "varchar(30)"),
                ("user_timezone", "varchar(100)"),
                ("user_sig", "text"),
                ("user_posts", "integer"),
            ],
            ["user_id"],
            v["users"],
        ),
        _table(
            b,
            "phpbb_profile_fields_data",
            [
                ("user_id", "integer"),
                ("pf_phpbb_location", "varchar(255)"),
                ("pf_phpbb_website", "varchar(255)"),
                ("pf_phpbb_interests", "text"),
            ],
            ["user_id"],
            v["profile"],
            [(["user_id"], f"{b}.phpbb_users", ["user_id"])],
        ),
        _table(
            b,
            "phpbb_sessions",
            [
                ("session_id", "varchar(32)"),
                ("session_user_id", "integer"),
                ("session_ip", "varchar(40)"),
                ("session_browser", "varchar(150)"),
                ("session_time", "bigint"),
                ("session_page", "varchar(255)"),
            ],
            ["session_id"],
            v["sessions"],
            [(["session_user_id"], f"{b}.phpbb_users", ["user_id"])],
        ),
        _table(
            b,
            "phpbb_posts",
            [
                ("post_id", "integer"),
                ("forum_id", "integer"),
                ("poster_id", "integer"),
                ("poster_ip", "varchar(40)"),
                ("post_time", "bigint"),
                ("post_subject", "varchar(255)"),
                ("post_text", "text"),
                ("post_username", "varchar(255)"),
            ],
            ["post_id"],
            v["posts"],
            [(["poster_id"], f"{b}.phpbb_users", ["user_id"])],
        ),
        _table(
            m,
            "leads",
            [
                ("id", "integer"),
                ("owner_id", "integer"),
                ("title", "varchar(191)"),
                ("firstname", "varchar(191)"),
                ("lastname", "varchar(191)"),
                ("company", "varchar(191)"),
                ("position", "varchar(191)"),
                ("email", "varchar(191)"),
                ("phone", "varchar(191)"),
                ("mobile", "varchar(191)"),
                ("address1", "varchar(191)"),
                ("city", "varchar(191)"),
                ("zipcode", "varchar(191)"),
                ("country", "varchar(191)"),
                ("points", "integer"),
                ("last_active", "timestamp"),
                ("internal", "text"),
                ("social_cache", "text"),
            ],
            ["id"],
            v["leads"],
        ),
        _table(
            m,
            "ip_addresses",
            [("id", "integer"), ("ip_address", "varchar(45)"), ("ip_details", "text")],
            ["id"],
            v["ips"],
        ),
        _table(
            m,
            "lead_ips_xref",
            [("lead_id", "integer"), ("ip_id", "integer")],
            ["lead_id", "ip_id"],
            v["xref"],
            [(["lead_id"], f"{m}.leads", ["id"]), (["ip_id"], f"{m}.ip_addresses", ["id"])],
        ),
        _table(
            d,
            "llx_societe",
            [
                ("rowid", "integer"),
                ("nom", "varchar(128)"),
                ("address", "varchar(255)"),
                ("zip", "varchar(25)"),
                ("town", "varchar(50)"),
                ("fk_pays", "integer"),
                ("phone", "varchar(20)"),
                ("email", "varchar(128)"),
                ("siren", "varchar(128)"),
                ("client", "integer"),
                ("fournisseur", "integer"),
                ("note_public", "text"),
            ],
            ["rowid"],
            v["societe"],
        ),
        _table(
            d,
            "llx_socpeople",
            [
                ("rowid", "integer"),
                ("fk_soc", "integer"),
                ("civility", "varchar(6)"),
                ("lastname", "varchar(50)"),
                ("firstname", "varchar(50)"),
                ("address", "varchar(255)"),
                ("zip", "varchar(25)"),
                ("town", "varchar(255)"),
                ("birthday", "date"),
                ("poste", "varchar(80)"),
                ("phone", "varchar(30)"),
                ("phone_perso", "varchar(30)"),
                ("phone_mobile", "varchar(30)"),
                ("email", "varchar(255)"),
                ("socialnetworks", "text"),
                ("note_private", "text"),
            ],
            ["rowid"],
            v["socpeople"],
            [(["fk_soc"], f"{d}.llx_societe", ["rowid"])],
        ),
    ]


GENERATORS: dict[str, Callable[[], EvalSet]] = {
    "faker_magento": faker_magento,
    "faker_suitecrm": faker_suitecrm,
    "faker_crm_cloud": faker_crm_cloud,
    "faker_moodle_keycloak": faker_moodle_keycloak,
    "faker_php_apps": faker_php_apps,
}
