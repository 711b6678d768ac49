"""Held-out warehouses modelled on open-source applications' own schemas, made blind.

Written (session 11) by someone who had not read the detectors, and labelled before any
detector ran on them: WordPress with WooCommerce (an Australian shop, key/value meta rows,
PHP-serialised values), Odoo (a Swiss and Austrian trading firm: partners that are people
and companies, bank accounts, employees' private data, HTML chatter), OpenMRS (a clinic's
patient records: names, addresses, identifiers, attributes and observations) and SAP ERP
tables under their abbreviated German column names (customers, vendors, addresses, sales
orders, materials, HR infotypes) in Czech, Polish and Swedish. Each function returns one
:class:`EvalSet`, the same every run.
"""

from __future__ import annotations

import hashlib
import random
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta

from faker import Faker
from stdnum import luhn, verhoeff
from stdnum.cz import rc
from stdnum.pt import nif

from benchmarks.inventory_sets.faker_sets import SEED, _birth, _faker, _iban, _table, _when
from benchmarks.inventory_sets.model import EvalSet

HOME_THINGS = [
    "Kettle",
    "Throw Rug",
    "Pendant Lamp",
    "Linen Sheet Set",
    "Coffee Plunger",
    "Bamboo Cutting Board",
    "Beach Towel",
    "Cast Iron Pan",
    "Wool Blanket",
    "Ceramic Planter",
]
REGIONS = {1: ["AUK", "WGN", "CAN", "OTA", "WKO"], 2: ["D", "CO", "G", "KY", "WW"]}  # NZ, IE
TOOLS = [
    "Akkuschrauber",
    "Bohrhammer",
    "Winkelschleifer",
    "Stichsäge",
    "Werkbank",
    "Schraubstock",
    "Drehmomentschlüssel",
    "Kappsäge",
]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _hexhash(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def cols(spec: str) -> list[tuple[str, str]]:
    """Columns written ``name:type name:type``, the generic types of model.py."""
    return [(name, kind) for name, kind in (c.split(":", 1) for c in spec.split())]


def _aadhaar(rng: random.Random) -> str:
    body = str(rng.randrange(2, 10)) + _digits(rng, 10)
    number = body + verhoeff.calc_check_digit(body)
    return f"{number[:4]} {number[4:8]} {number[8:]}"


def _rodne_cislo(rng: random.Random, born: date, *, female: bool) -> str:
    """A Czech birth number (valid: the ten digits divide by 11)."""
    month = born.month + (50 if female else 0)
    head = f"{born:%y}{month:02d}{born:%d}"
    while True:
        number = head + _digits(rng, 4)
        if rc.is_valid(number):
            return f"{number[:6]}/{number[6:]}"


def _nif(rng: random.Random) -> str:
    body = str(rng.randrange(1, 3)) + _digits(rng, 7)
    return body + nif.calc_check_digit(body)


def _serialised(values: dict[str, object]) -> str:
    """A PHP-serialised array, as WordPress stores options and meta."""
    parts = []
    for key, value in values.items():
        parts.append(f's:{len(key)}:"{key}";')
        if isinstance(value, bool):
            parts.append(f"b:{int(value)};")
        elif isinstance(value, int):
            parts.append(f"i:{value};")
        else:
            parts.append(f's:{len(str(value).encode())}:"{value}";')
    return f"a:{len(values)}:{{{''.join(parts)}}}"


# --- WordPress + WooCommerce -------------------------------------------------------------


def faker_wp_woo() -> EvalSet:
    """A WooCommerce shop in Sydney: WordPress's own tables under their ``wp_`` names."""
    fakes = [_faker(loc, 1100 + i) for i, loc in enumerate(("en_AU", "en_NZ", "en_IE"))]
    rng = random.Random(SEED + 1100)
    s = "wordpress"
    people = []
    for uid in range(1, 41):
        f = fakes[0] if uid % 4 else fakes[1 + uid % 8 // 4]
        first, last = f.first_name(), f.last_name()
        login = (
            "shopadmin"
            if uid == 1
            else f"{first.lower()}{rng.choice(['', '.', '_'])}{last.lower()}"[:20]
        )
        people.append(
            {
                "id": uid,
                "first": first,
                "last": last,
                "login": login.replace(" ", ""),
                "email": f"{first.lower()}.{last.lower()}@{f.free_email_domain()}".replace(" ", ""),
                "street": f.street_address(),
                "city": f.city(),
                "postcode": f.postcode(),
                "state": f.state_abbr() if f is fakes[0] else rng.choice(REGIONS[fakes.index(f)]),
                "country": ("AU", "NZ", "IE")[fakes.index(f)],
                "phone": f.phone_number(),
                "ip": f.ipv4_public(),
                "ua": f.user_agent(),
                "registered": _when(rng, 2000),
            }
        )
    staff = {1, 2, 3}
    users = [
        [
            p["id"],
            p["login"],
            "$P$B" + _hexhash("pw", p["id"])[:31],
            p["login"].replace(".", "-").replace("_", "-"),
            p["email"] if p["id"] not in staff else f"{p['login']}@bondibay.com.au",
            rng.choice(["", "", "", f"https://{p['last'].lower()}.id.au"]),
            p["registered"],
            ""
            if rng.random() < 0.8
            else f"{int(p['registered'].timestamp())}:{_hexhash(p['id'])[:32]}",
            0,
            p["login"] if rng.random() < 0.15 else f"{p['first']} {p['last']}",
        ]
        for p in people
    ]
    usermeta = []
    for p in people[2:14]:
        token = _serialised(
            {
                _hexhash("tok", p["id"]): "",
                "expiration": 1767225600,
                "ip": p["ip"],
                "ua": p["ua"],
                "login": 1764000000,
            }
        )
        meta = [
            ("nickname", p["login"]),
            ("first_name", p["first"]),
            ("last_name", p["last"]),
            ("wp_capabilities", _serialised({"customer": True})),
            ("session_tokens", token),
            ("last_update", str(int(p["registered"].timestamp()) + 86400)),
            ("billing_first_name", p["first"]),
            ("billing_last_name", p["last"]),
            ("billing_company", ""),
            ("billing_address_1", p["street"]),
            ("billing_city", p["city"]),
            ("billing_postcode", p["postcode"]),
            ("billing_country", p["country"]),
            ("billing_state", p["state"]),
            ("billing_phone", p["phone"]),
            ("billing_email", p["email"]),
            ("shipping_first_name", p["first"]),
            ("shipping_last_name", p["last"]),
            ("shipping_address_1", p["street"]),
            ("shipping_city", p["city"]),
            ("shipping_postcode", p["postcode"]),
            ("shipping_country", p["country"]),
            ("shipping_state", p["state"]),
            ("wc_last_active", "1764028800"),
        ]
        usermeta += [[len(usermeta) + i + 1, p["id"], k, v] for i, (k, v) in enumerate(meta)]
    products = [
        (100 + i, thing, round(rng.uniform(9, 240), 2)) for i, thing in enumerate(HOME_THINGS)
    ]
    posts, postmeta = [], []

    def meta_of(post_id: int, pairs: list[tuple[str, object]]) -> None:
        postmeta.extend([len(postmeta) + 1, post_id, k, str(v)] for k, v in pairs)

    for pid, thing, price in products:
        posts.append(
            [
                pid,
                1,
                _when(rng, 900),
                f"<p>Our {thing.lower()} is made in small batches.</p>",
                thing,
                f"A {thing.lower()} for every home.",
                "publish",
                thing.lower().replace(" ", "-"),
                "product",
                "",
                f"https://bondibay.com.au/?post_type=product&p={pid}",
                rng.randrange(6),
            ]
        )
        meta_of(
            pid,
            [
                ("_sku", _sku(pid)),
                ("_price", price),
                ("_regular_price", price),
                ("_stock", rng.randrange(80)),
                ("_weight", round(rng.uniform(0.2, 6), 2)),
                ("_length", rng.randrange(10, 90)),
                ("_stock_status", "instock"),
                ("_thumbnail_id", 300 + pid),
            ],
        )
    for pid, title in ((2, "Sample Page"), (5, "Shop"), (6, "Cart"), (7, "My account")):
        posts.append(
            [
                pid,
                1,
                _when(rng, 2000),
                "<!-- wp:paragraph --><p>Welcome</p>",
                title,
                "",
                "publish",
                title.lower().replace(" ", "-"),
                "page",
                "",
                f"https://bondibay.com.au/?page_id={pid}",
                0,
            ]
        )
        meta_of(pid, [("_wp_page_template", "default"), ("_edit_lock", "1733201112:1")])
    orders = []
    for n in range(12):
        oid, p = 500 + n, people[rng.randrange(3, 40)]
        when = _when(rng, 700)
        items = [rng.choice(products) for _ in range(rng.randrange(1, 4))]
        total = round(sum(i[2] for i in items) + 9.95, 2)
        orders.append((oid, p, when, items, total))
        posts.append(
            [
                oid,
                1,
                when,
                "",
                f"Order &ndash; {when:%B %-d, %Y @ %I:%M %p}",
                "",
                rng.choice(["wc-completed", "wc-processing", "wc-refunded"]),
                f"order-{when:%b-%d-%Y-%H%M-%p}".lower(),
                "shop_order",
                f"wc_order_{_hexhash('key', oid)[:13]}",
                f"https://bondibay.com.au/?post_type=shop_order&p={oid}",
                1,
            ]
        )
        meta_of(
            oid,
            [
                ("_order_key", f"wc_order_{_hexhash('key', oid)[:13]}"),
                ("_customer_user", p["id"]),
                ("_payment_method", "stripe"),
                ("_customer_ip_address", p["ip"]),
                ("_customer_user_agent", p["ua"]),
                ("_billing_first_name", p["first"]),
                ("_billing_last_name", p["last"]),
                ("_billing_address_1", p["street"]),
                ("_billing_city", p["city"]),
                ("_billing_state", p["state"]),
                ("_billing_postcode", p["postcode"]),
                ("_billing_country", p["country"]),
                ("_billing_email", p["email"]),
                ("_billing_phone", p["phone"]),
                ("_order_total", total),
                ("_order_currency", "AUD"),
                ("_prices_include_tax", "yes"),
            ],
        )
    comments, commentmeta = [], []
    for n in range(40):
        p, product = people[rng.randrange(3, 40)], rng.choice(products)
        comments.append(
            [
                n + 1,
                product[0],
                f"{p['first']} {p['last']}",
                p["email"],
                "",
                p["ip"],
                _when(rng, 600),
                fakes[0].sentence(nb_words=14),
                0,
                "1",
                p["ua"],
                "review",
                0,
                p["id"],
            ]
        )
        commentmeta += [
            [len(commentmeta) + 1, n + 1, "rating", str(rng.randrange(1, 6))],
            [len(commentmeta) + 2, n + 1, "verified", str(rng.randrange(2))],
        ]
    for oid, _p, when, _items, _total in orders:
        comments.append(
            [
                len(comments) + 1,
                oid,
                "WooCommerce",
                "woocommerce@bondibay.com.au",
                "",
                "",
                when + timedelta(hours=2),
                "Order status changed from Pending payment to Processing.",
                0,
                "1",
                "WooCommerce",
                "order_note",
                0,
                0,
            ]
        )
    options = [
        ("siteurl", "https://bondibay.com.au"),
        ("home", "https://bondibay.com.au"),
        ("blogname", "Bondi Bay Homewares"),
        ("blogdescription", "Homewares made to last"),
        ("admin_email", "webmaster@bondibay.com.au"),
        ("users_can_register", "1"),
        ("default_role", "customer"),
        ("timezone_string", "Australia/Sydney"),
        ("date_format", "j F Y"),
        ("permalink_structure", "/%postname%/"),
        ("woocommerce_store_address", "Shop 4, 180 Campbell Parade"),
        ("woocommerce_store_city", "Bondi Beach"),
        ("woocommerce_store_postcode", "2026"),
        ("woocommerce_default_country", "AU:NSW"),
        ("woocommerce_currency", "AUD"),
        ("woocommerce_email_from_address", "orders@bondibay.com.au"),
        (
            "woocommerce_stripe_settings",
            _serialised(
                {
                    "enabled": "yes",
                    "testmode": "no",
                    "publishable_key": "pk_live_" + _hexhash("pk")[:24],
                }
            ),
        ),
        (
            "active_plugins",
            _serialised(
                {
                    "0": "woocommerce/woocommerce.php",
                    "1": "woocommerce-gateway-stripe/woocommerce-gateway-stripe.php",
                }
            ),
        ),
        ("cron", _serialised({"1764032400": "wc_cleanup_sessions", "version": 2})),
        ("woocommerce_weight_unit", "kg"),
        ("woocommerce_dimension_unit", "cm"),
    ]
    lookup = []
    for cid, p in enumerate(people[3:], start=1):
        guest = cid > 27
        lookup.append(
            [
                cid,
                None if guest else p["id"],
                "" if guest else p["login"],
                p["first"],
                p["last"],
                p["email"],
                _when(rng, 200),
                None if guest else p["registered"],
                p["country"],
                p["postcode"],
                p["city"],
                p["state"],
            ]
        )
    by_person = {p["id"]: cid for cid, p in enumerate(people[3:], start=1)}
    stats = [
        [
            oid,
            0,
            when,
            len(items),
            total,
            round(total / 11, 2),
            9.95,
            round(total - total / 11, 2),
            int(rng.random() < 0.4),
            "wc-completed",
            by_person[p["id"]],
        ]
        for oid, p, when, items, total in orders
    ]
    order_items = []
    for oid, *_, items, _total in orders:
        order_items += [
            [len(order_items) + i + 1, thing, "line_item", oid]
            for i, (_id, thing, _pr) in enumerate(items)
        ]
        order_items.append([len(order_items) + 1, "Flat rate", "shipping", oid])
    product_lookup = [
        [
            pid,
            _sku(pid),
            0,
            0,
            price,
            price,
            int(rng.random() < 0.2),
            rng.randrange(80),
            "instock",
            rng.randrange(30),
            round(rng.uniform(3, 5), 2),
            rng.randrange(300),
            "taxable",
        ]
        for pid, _thing, price in products
    ]
    terms = [
        [i + 1, name, name.lower().replace(" ", "-"), 0]
        for i, name in enumerate(
            [
                "Uncategorized",
                "Kitchen",
                "Bedroom",
                "Outdoor",
                "Bathroom",
                "Gifts",
                "Sale",
                "Bondi",
                "Byron Bay",
                "Summer 2026",
            ]
        )
    ]
    post_fk = ([("post_author",), f"{s}.wp_users", ("ID",)],)
    tables = [
        _table(
            s,
            "wp_users",
            cols(
                "ID:bigint user_login:varchar(60) user_pass:varchar(255) "
                "user_nicename:varchar(50) user_email:varchar(100) user_url:varchar(100) "
                "user_registered:timestamp user_activation_key:varchar(255) user_status:integer "
                "display_name:varchar(250)"
            ),
            ["ID"],
            users,
        ),
        _table(
            s,
            "wp_usermeta",
            cols("umeta_id:bigint user_id:bigint meta_key:varchar(255) meta_value:text"),
            ["umeta_id"],
            usermeta,
            [(("user_id",), f"{s}.wp_users", ("ID",))],
        ),
        _table(
            s,
            "wp_posts",
            cols(
                "ID:bigint post_author:bigint post_date:timestamp post_content:text "
                "post_title:text post_excerpt:text post_status:varchar(20) "
                "post_name:varchar(200) post_type:varchar(20) post_password:varchar(255) "
                "guid:varchar(255) comment_count:bigint"
            ),
            ["ID"],
            sorted(posts),
            post_fk,
        ),
        _table(
            s,
            "wp_postmeta",
            cols("meta_id:bigint post_id:bigint meta_key:varchar(255) meta_value:text"),
            ["meta_id"],
            postmeta,
            [(("post_id",), f"{s}.wp_posts", ("ID",))],
        ),
        _table(
            s,
            "wp_comments",
            cols(
                "comment_ID:bigint comment_post_ID:bigint comment_author:text "
                "comment_author_email:varchar(100) comment_author_url:varchar(200) "
                "comment_author_IP:varchar(100) comment_date:timestamp comment_content:text "
                "comment_karma:integer comment_approved:varchar(20) comment_agent:varchar(255) "
                "comment_type:varchar(20) comment_parent:bigint user_id:bigint"
            ),
            ["comment_ID"],
            comments,
            [(("comment_post_ID",), f"{s}.wp_posts", ("ID",))],
        ),
        _table(
            s,
            "wp_commentmeta",
            cols("meta_id:bigint comment_id:bigint meta_key:varchar(255) meta_value:text"),
            ["meta_id"],
            commentmeta,
            [(("comment_id",), f"{s}.wp_comments", ("comment_ID",))],
        ),
        _table(
            s,
            "wp_options",
            cols(
                "option_id:bigint option_name:varchar(191) option_value:text autoload:varchar(20)"
            ),
            ["option_id"],
            [[i + 1, k, v, "yes"] for i, (k, v) in enumerate(options)],
        ),
        _table(
            s,
            "wp_wc_customer_lookup",
            cols(
                "customer_id:bigint user_id:bigint username:varchar(60) first_name:varchar(255) "
                "last_name:varchar(255) email:varchar(100) date_last_active:timestamp "
                "date_registered:timestamp country:varchar(2) postcode:varchar(20) "
                "city:varchar(100) state:varchar(100)"
            ),
            ["customer_id"],
            lookup,
            [(("user_id",), f"{s}.wp_users", ("ID",))],
        ),
        _table(
            s,
            "wp_wc_order_stats",
            cols(
                "order_id:bigint parent_id:bigint date_created:timestamp num_items_sold:integer "
                "total_sales:numeric(10,2) tax_total:numeric(10,2) shipping_total:numeric(10,2) "
                "net_total:numeric(10,2) returning_customer:integer status:varchar(20) "
                "customer_id:bigint"
            ),
            ["order_id"],
            stats,
            [
                (("order_id",), f"{s}.wp_posts", ("ID",)),
                (("customer_id",), f"{s}.wp_wc_customer_lookup", ("customer_id",)),
            ],
        ),
        _table(
            s,
            "wp_woocommerce_order_items",
            cols(
                "order_item_id:bigint order_item_name:text order_item_type:varchar(200) "
                "order_id:bigint"
            ),
            ["order_item_id"],
            order_items,
            [(("order_id",), f"{s}.wp_posts", ("ID",))],
        ),
        _table(
            s,
            "wp_wc_product_meta_lookup",
            cols(
                "product_id:bigint sku:varchar(100) virtual:integer downloadable:integer "
                "min_price:numeric(19,4) max_price:numeric(19,4) onsale:integer "
                "stock_quantity:float stock_status:varchar(100) rating_count:bigint "
                "average_rating:numeric(3,2) total_sales:bigint tax_status:varchar(100)"
            ),
            ["product_id"],
            product_lookup,
            [(("product_id",), f"{s}.wp_posts", ("ID",))],
        ),
        _table(
            s,
            "wp_terms",
            cols("term_id:bigint name:varchar(200) slug:varchar(200) term_group:bigint"),
            ["term_id"],
            terms,
        ),
    ]
    return EvalSet("faker_wp_woo", "Faker en_AU, en_NZ and en_IE, seeded (faker_blind.py)", tables)


def _sku(product_id: int) -> str:
    """Half the shop's SKUs are shaped like Australian mobile numbers, half like codes."""
    local = random.Random(product_id)
    if product_id % 2:
        return (
            f"04{local.randrange(10, 100)} {local.randrange(1000):03d} {local.randrange(1000):03d}"
        )
    return f"BBH-{local.randrange(1000, 10000)}"


# --- Odoo ------------------------------------------------------------------------------


def _odoo_iban(f: Faker, country: str) -> str:
    raw = f.iban() if country in ("CH", "AT") else _iban("DE", f"{f.random_number(18, True)}")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def faker_odoo_ch() -> EvalSet:
    """A Swiss and Austrian tool wholesaler on Odoo 17: partners, banks, HR, sales, chatter."""
    fakes = {
        c: _faker(loc, 1200 + i)
        for i, (c, loc) in enumerate((("CH", "de_CH"), ("FR", "fr_CH"), ("AT", "de_AT")))
    }
    rng = random.Random(SEED + 1200)
    s = "odoo"
    countries = [
        [1, "Schweiz", "CH", 41],
        [2, "Österreich", "AT", 43],
        [3, "Deutschland", "DE", 49],
        [4, "France", "FR", 33],
        [5, "Italia", "IT", 39],
    ]
    states = [
        [i + 1, c, name, code]
        for i, (c, name, code) in enumerate(
            [
                (1, "Zürich", "ZH"),
                (1, "Bern", "BE"),
                (1, "Genève", "GE"),
                (1, "Vaud", "VD"),
                (1, "Basel-Stadt", "BS"),
                (1, "Luzern", "LU"),
                (2, "Wien", "9"),
                (2, "Tirol", "7"),
                (2, "Salzburg", "5"),
                (2, "Steiermark", "6"),
            ]
        )
    ]
    titles = [
        [1, "Herr", "Hr."],
        [2, "Frau", "Fr."],
        [3, "Monsieur", "M."],
        [4, "Madame", "Mme"],
        [5, "Doktor", "Dr."],
        [6, "Professor", "Prof."],
    ]
    partners: list[list] = []

    def partner(
        *,
        f: Faker,
        name: str,
        company: bool,
        parent: list | None = None,
        title: int | None = None,
        function: str = "",
        ref: str = "",
        home: bool = True,
        comment: str = "",
    ) -> list:
        code = "AT" if f is fakes["AT"] else "CH"
        street, zip_, city = (
            (parent[12], parent[14], parent[15])
            if parent
            else (f.street_address(), f.postcode(), f.city())
        )
        phone = f.phone_number()
        row = [
            len(partners) + 1,
            name,
            f"{parent[1]}, {name}" if parent else name,
            title,
            parent[0] if parent else None,
            ref,
            rng.choice(["de_CH", "fr_CH", "de_DE"]),
            "Europe/Vienna" if code == "AT" else "Europe/Zurich",
            (
                f"CHE-{_digits(rng, 3)}.{_digits(rng, 3)}.{_digits(rng, 3)} MWST"
                if code == "CH"
                else f"ATU{_digits(rng, 8)}"
            )
            if company
            else None,
            f"https://www.{f.domain_word()}.{code.lower()}" if company else None,
            function,
            "contact" if home or company else "delivery",
            street,
            rng.choice(["", "", f"Postfach {rng.randrange(100, 9999)}"]),
            zip_,
            city,
            rng.randrange(7, 11) if code == "AT" else rng.randrange(1, 7),
            2 if code == "AT" else 1,
            f.company_email() if company else f.email(),
            phone if company or rng.random() < 0.6 else "",
            "" if company else f.phone_number(),
            company,
            "company" if company else "person",
            comment,
            True,
            rng.randrange(0, 12),
            0,
            _when(rng, 2500),
        ]
        partners.append(row)
        return row

    own = partner(f=fakes["CH"], name="Alpenwerk Handels AG", company=True)
    companies = []
    for _ in range(15):
        f = rng.choice(list(fakes.values()))
        companies.append(
            partner(
                f=f,
                name=f.company(),
                company=True,
                ref=f"K-{10000 + len(partners)}",
                comment=rng.choice(
                    ["", "<p>Zahlungsziel 30 Tage netto.</p>", "<p>Lieferung nur an Rampe 3.</p>"]
                ),
            )
        )
    people = []
    for n in range(105):
        f = list(fakes.values())[n % 7 % 3]
        female = rng.random() < 0.5
        first = f.first_name_female() if female else f.first_name_male()
        name = f"{first} {f.last_name()}"
        title = (4 if female else 3) if f is fakes["FR"] else (2 if female else 1)
        if n < 25:
            row = partner(
                f=f,
                name=name,
                company=False,
                parent=rng.choice(companies),
                title=title,
                function=rng.choice(
                    [
                        "Einkauf",
                        "Geschäftsführer",
                        "Buchhaltung",
                        "Werkstattleiter",
                        "Responsable achats",
                    ]
                ),
            )
        else:
            note = rng.choice(
                [
                    "",
                    "",
                    "",
                    "<p>Möchte nur vormittags beliefert werden, Rückruf unter "
                    f"{f.phone_number()}.</p>",
                    "<p>Hat am Telefon reklamiert: Akku nach 3 Wochen defekt, Ersatz zugesagt.</p>",
                    "<p>Neue Lieferadresse ab März: "
                    f"{f.street_address()}, {f.postcode()} {f.city()}.</p>",
                    "<p>Stammkunde, wünscht Rechnung per Post statt E-Mail.</p>",
                ]
            )
            row = partner(
                f=f,
                name=name,
                company=False,
                title=title,
                comment=note,
                ref=f"K-{10000 + len(partners)}" if n < 95 else "",
                home=n < 90,
            )
        people.append((row, f, female))
    banks = [
        [1, "UBS Switzerland AG", "UBSWCHZH80A", "Bahnhofstrasse 45", "8001", "Zürich", 1],
        [2, "Zürcher Kantonalbank", "ZKBKCHZZ80A", "Bahnhofstrasse 9", "8001", "Zürich", 1],
        [3, "PostFinance AG", "POFICHBEXXX", "Mingerstrasse 20", "3030", "Bern", 1],
        [
            4,
            "Banque Cantonale Vaudoise",
            "BCVLCH2LXXX",
            "Place St-François 14",
            "1003",
            "Lausanne",
            1,
        ],
        [
            5,
            "Erste Bank der oesterreichischen Sparkassen AG",
            "GIBAATWWXXX",
            "Am Belvedere 1",
            "1100",
            "Wien",
            2,
        ],
        [6, "BAWAG P.S.K.", "BAWAATWWXXX", "Wiedner Gürtel 11", "1100", "Wien", 2],
    ]
    accounts = []
    for row, f, _female in people[25:85] + [(c, fakes["CH"], False) for c in companies[:10]]:
        code = "AT" if f is fakes["AT"] else "CH"
        accounts.append(
            [
                len(accounts) + 1,
                _odoo_iban(f, code),
                rng.randrange(5, 7) if code == "AT" else rng.randrange(1, 5),
                row[0],
                row[1] if rng.random() < 0.8 else "",
                True,
                2 if code == "AT" else 1,
            ]
        )
    departments = [
        [1, "Verwaltung"],
        [2, "Verkauf"],
        [3, "Lager und Logistik"],
        [4, "Werkstatt"],
        [5, "Buchhaltung"],
    ]
    jobs = [
        [1, "Verkaufsberater/in", 2],
        [2, "Lagerist/in", 1],
        [3, "Servicetechniker/in", 0],
        [4, "Buchhalter/in", 0],
        [5, "Geschäftsführer/in", 0],
    ]
    employees = []
    for n in range(40):
        f = (fakes["CH"], fakes["FR"], fakes["AT"])[n % 5 % 3]
        female = rng.random() < 0.5
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name()
        born = _birth(rng)
        work = partner(
            f=fakes["CH"],
            name=f"{first} {last}",
            company=False,
            parent=own,
            title=2 if female else 1,
        )
        accounts.append(
            [
                len(accounts) + 1,
                _odoo_iban(f, "AT" if f is fakes["AT"] else "CH"),
                rng.randrange(1, 7),
                work[0],
                f"{first} {last}",
                True,
                1,
            ]
        )
        dept = 1 + n % 5
        employees.append(
            [
                n + 1,
                f"{first} {last}",
                jobs[n % 5][1],
                f"{_plain(first)}.{_plain(last)}@alpenwerk.ch",
                f"+41 44 500 {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
                f.phone_number(),
                dept,
                1 + n % 5,
                None if n < 5 else 1 + dept - 1,
                None if n < 5 else rng.randrange(1, 6),
                f.street_address(),
                f.postcode(),
                f.city(),
                2 if f is fakes["AT"] else 1,
                f.free_email(),
                f.phone_number(),
                f.ssn(),
                rng.choice(["", "", f"{rng.choice('XSP')}{_digits(rng, 7)}"]),
                born,
                f.city(),
                "female" if female else "male",
                rng.choice(["single", "married", "cohabitant", "divorced"]),
                rng.choice(
                    ["", f"{f.first_name_male() if female else f.first_name_female()} {last}"]
                ),
                rng.randrange(4),
                f"{f.first_name()} {f.last_name()}",
                f.phone_number(),
                rng.randrange(1, 60),
                len(accounts),
                f"0416{_digits(rng, 8)}",
                _digits(rng, 4),
                None,
            ]
        )
    users = []
    for n, emp in enumerate(employees[:10]):
        login = emp[3] if n % 2 else emp[3].split("@")[0].replace(".", "")[:12]
        users.append(
            [
                n + 2,
                login,
                partners[-40 + n][0],
                f"$pbkdf2-sha512$600000${_hexhash('u', n)[:86]}",
                f"<p>Freundliche Grüsse<br>{emp[1]}<br>Alpenwerk Handels AG<br>{emp[4]}</p>",
                True,
                False,
                _when(rng, 1500),
            ]
        )
        emp[-1] = n + 2
    users.insert(0, [1, "__system__", own[0], "", "", False, False, _when(rng, 2500)])
    products = [
        [
            i + 1,
            thing,
            f"0{rng.randrange(41, 80)} {_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}",
            f"76{_digits(rng, 11)}",
            round(rng.uniform(30, 900), 2),
            round(rng.uniform(15, 500), 2),
            round(rng.uniform(0.5, 40), 2),
            "product",
            f"{thing}, Profiqualität, 2 Jahre Garantie",
        ]
        for i, thing in enumerate(TOOLS)
    ]
    customers = [p for p, _f, _fm in people[25:95]] + companies
    orders = []
    for n in range(60):
        c = rng.choice(customers)
        ship = c if rng.random() < 0.8 else rng.choice(customers)
        untaxed = round(rng.uniform(50, 5000), 2)
        orders.append(
            [
                n + 1,
                f"S{n + 1:05d}",
                c[0],
                c[0],
                ship[0],
                rng.randrange(2, 12),
                _when(rng, 700),
                untaxed,
                round(untaxed * 0.081, 2),
                round(untaxed * 1.081, 2),
                rng.choice(["draft", "sent", "sale", "cancel"]),
                rng.choice(["", f"PO-{rng.randrange(1000, 9999)}", f"Best.{_digits(rng, 6)}"]),
                "Es gelten unsere AGB. Lieferung ab Lager Dietikon.",
                "",
            ]
        )
    messages = []
    for n in range(80):
        person, f, _female = rng.choice(people[25:95])
        if n % 3 == 0:
            body = (
                f"<p>Guten Tag, bitte ändern Sie meine Telefonnummer auf {f.phone_number()}. "
                f"Gruss {person[1]}</p>"
            )
            author, email_from, kind = person[0], f'"{person[1]}" <{person[18]}>', "email"
        elif n % 3 == 1:
            body = (
                "<p>Angebot versendet.</p>"
                if n % 2
                else "<p>Status geändert: Auftrag bestätigt</p>"
            )
            author, email_from, kind = (
                own[0],
                '"Alpenwerk Handels AG" <info@alpenwerk.ch>',
                "notification",
            )
        else:
            where = f"{person[12]}, {person[14]} {person[15]}"
            body = f"<p>Kunde angerufen: Lieferung an {where} verschoben.</p>"
            staff = rng.choice(employees[:10])
            author, email_from, kind = (
                partners[-40 + employees.index(staff)][0],
                f'"{staff[1]}" <{staff[3]}>',
                "comment",
            )
        messages.append(
            [
                n + 1,
                "res.partner" if n % 3 != 1 else "sale.order",
                person[0] if n % 3 != 1 else rng.randrange(1, 61),
                body,
                author,
                email_from,
                kind,
                "" if kind != "email" else "Neue Telefonnummer",
                _when(rng, 400),
            ]
        )
    partner_cols = cols(
        "id:integer name:varchar(128) display_name:varchar(256) title:integer parent_id:integer "
        "ref:varchar(32) lang:varchar(8) tz:varchar(32) vat:varchar(32) website:varchar(128) "
        "function:varchar(64) type:varchar(16) street:varchar(128) street2:varchar(128) "
        "zip:varchar(16) city:varchar(64) state_id:integer country_id:integer "
        "email:varchar(128) phone:varchar(32) mobile:varchar(32) is_company:boolean "
        "company_type:varchar(16) comment:text active:boolean customer_rank:integer "
        "supplier_rank:integer create_date:timestamp"
    )
    employee_cols = cols(
        "id:integer name:varchar(128) job_title:varchar(64) work_email:varchar(128) "
        "work_phone:varchar(32) mobile_phone:varchar(32) department_id:integer job_id:integer "
        "parent_id:integer coach_id:integer private_street:varchar(128) private_zip:varchar(16) "
        "private_city:varchar(64) private_country_id:integer private_email:varchar(128) "
        "private_phone:varchar(32) identification_id:varchar(32) passport_id:varchar(32) "
        "birthday:date place_of_birth:varchar(64) gender:varchar(8) marital:varchar(16) "
        "spouse_complete_name:varchar(128) children:integer emergency_contact:varchar(128) "
        "emergency_phone:varchar(32) km_home_work:integer bank_account_id:integer "
        "barcode:varchar(16) pin:varchar(8) user_id:integer"
    )

    def ref(table: str) -> str:
        return f"{s}.{table}"

    tables = [
        _table(
            s,
            "res_country",
            cols("id:integer name:varchar(64) code:varchar(2) phone_code:integer"),
            ["id"],
            countries,
        ),
        _table(
            s,
            "res_country_state",
            cols("id:integer country_id:integer name:varchar(64) code:varchar(8)"),
            ["id"],
            states,
            [(("country_id",), ref("res_country"), ("id",))],
        ),
        _table(
            s,
            "res_partner_title",
            [("id", "integer"), ("name", "varchar(32)"), ("shortcut", "varchar(16)")],
            ["id"],
            titles,
        ),
        _table(
            s,
            "res_partner",
            partner_cols,
            ["id"],
            partners,
            [
                (("title",), ref("res_partner_title"), ("id",)),
                (("parent_id",), ref("res_partner"), ("id",)),
                (("state_id",), ref("res_country_state"), ("id",)),
                (("country_id",), ref("res_country"), ("id",)),
            ],
        ),
        _table(
            s,
            "res_bank",
            cols(
                "id:integer name:varchar(64) bic:varchar(11) street:varchar(128) "
                "zip:varchar(16) city:varchar(64) country:integer"
            ),
            ["id"],
            banks,
            [(("country",), ref("res_country"), ("id",))],
        ),
        _table(
            s,
            "res_partner_bank",
            cols(
                "id:integer acc_number:varchar(64) bank_id:integer partner_id:integer "
                "acc_holder_name:varchar(128) allow_out_payment:boolean currency_id:integer"
            ),
            ["id"],
            accounts,
            [
                (("bank_id",), ref("res_bank"), ("id",)),
                (("partner_id",), ref("res_partner"), ("id",)),
            ],
        ),
        _table(
            s,
            "hr_department",
            cols("id:integer name:varchar(64) complete_name:varchar(128) manager_id:integer"),
            ["id"],
            [[i, n, f"Alpenwerk / {n}", i] for i, n in departments],
            [(("manager_id",), ref("hr_employee"), ("id",))],
        ),
        _table(
            s,
            "hr_job",
            [("id", "integer"), ("name", "varchar(64)"), ("no_of_recruitment", "integer")],
            ["id"],
            jobs,
        ),
        _table(
            s,
            "hr_employee",
            employee_cols,
            ["id"],
            employees,
            [
                (("department_id",), ref("hr_department"), ("id",)),
                (("job_id",), ref("hr_job"), ("id",)),
                (("parent_id",), ref("hr_employee"), ("id",)),
                (("coach_id",), ref("hr_employee"), ("id",)),
                (("private_country_id",), ref("res_country"), ("id",)),
                (("bank_account_id",), ref("res_partner_bank"), ("id",)),
                (("user_id",), ref("res_users"), ("id",)),
            ],
        ),
        _table(
            s,
            "res_users",
            cols(
                "id:integer login:varchar(64) partner_id:integer password:varchar(128) "
                "signature:text active:boolean share:boolean create_date:timestamp"
            ),
            ["id"],
            users,
            [(("partner_id",), ref("res_partner"), ("id",))],
        ),
        _table(
            s,
            "product_template",
            cols(
                "id:integer name:varchar(128) default_code:varchar(32) barcode:varchar(16) "
                "list_price:numeric(10,2) standard_price:numeric(10,2) weight:numeric(8,2) "
                "type:varchar(16) description_sale:text"
            ),
            ["id"],
            products,
        ),
        _table(
            s,
            "sale_order",
            cols(
                "id:integer name:varchar(16) partner_id:integer partner_invoice_id:integer "
                "partner_shipping_id:integer user_id:integer date_order:timestamp "
                "amount_untaxed:numeric(12,2) amount_tax:numeric(12,2) "
                "amount_total:numeric(12,2) state:varchar(16) client_order_ref:varchar(32) "
                "note:text origin:varchar(32)"
            ),
            ["id"],
            orders,
            [
                (("partner_id",), ref("res_partner"), ("id",)),
                (("partner_invoice_id",), ref("res_partner"), ("id",)),
                (("partner_shipping_id",), ref("res_partner"), ("id",)),
                (("user_id",), ref("res_users"), ("id",)),
            ],
        ),
        _table(
            s,
            "mail_message",
            cols(
                "id:integer model:varchar(32) res_id:integer body:text author_id:integer "
                "email_from:varchar(256) message_type:varchar(16) subject:varchar(128) "
                "date:timestamp"
            ),
            ["id"],
            messages,
            [(("author_id",), ref("res_partner"), ("id",))],
        ),
    ]
    return EvalSet("faker_odoo_ch", "Faker de_CH, fr_CH and de_AT, seeded (faker_blind.py)", tables)


def _plain(word: str) -> str:
    """A name as an e-mail address or a login writes it: lower case ASCII, no spaces."""
    word = word.lower().translate(
        str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ł": "l", " ": ""})
    )
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# --- OpenMRS ---------------------------------------------------------------------------

DIAGNOSES = [
    ("Malaria", "B54"),
    ("Pulmonary tuberculosis", "A15.0"),
    ("Type 2 diabetes mellitus", "E11"),
    ("Essential hypertension", "I10"),
    ("HIV disease", "B24"),
    ("Pneumonia", "J18.9"),
    ("Asthma", "J45"),
    ("Dengue fever", "A90"),
    ("Depressive episode", "F32"),
    ("Typhoid fever", "A01.0"),
]
QUESTIONS = [
    "Weight (kg)",
    "Systolic blood pressure",
    "Temperature (C)",
    "Visit diagnoses",
    "Clinical notes",
    "Cause of death",
]
NOTES = [
    "Fever for {d} days, chills and headache. Rapid test ordered.",
    "Cough over {d} weeks, night sweats, weight loss. Sputum sent.",
    "Reports polyuria; fasting glucose raised. Started on metformin 500 mg.",
    "BP high on two visits. Advised low salt diet, review in {d} weeks.",
    "Febre há {d} dias, cefaleia e dores musculares. Pedido teste rápido.",
    "Tosse persistente, perda de peso. Encaminhado para raio-X do tórax.",
    "Doente refere dispneia noturna. Iniciou salbutamol.",
]


def _openmrs_id(rng: random.Random) -> str:
    body = str(rng.randrange(100000, 999999))
    return f"{body}-{luhn.calc_check_digit(body)}"


def faker_openmrs() -> EvalSet:
    """An OpenMRS 2.x clinic network in India and Portugal: people, patients, observations."""
    fakes = [_faker("en_IN", 1300), _faker("pt_PT", 1301)]
    rng = random.Random(SEED + 1300)
    s = "openmrs"
    concepts = [
        [
            i + 1,
            name,
            "",
            "Question" if name in QUESTIONS else "Diagnosis",
            "Numeric" if i < 3 else "Text" if name == "Clinical notes" else "Coded",
            _hexhash("concept", i)[:36],
        ]
        for i, name in enumerate(QUESTIONS + [d for d, _ in DIAGNOSES])
    ]
    diagnosis_ids = [len(QUESTIONS) + 1 + i for i in range(len(DIAGNOSES))]
    terms = [
        [i + 1, len(QUESTIONS) + 1 + i, "ICD-10-WHO", code, name]
        for i, (name, code) in enumerate(DIAGNOSES)
    ]
    locations = [
        [1, "Unknown Location", "", "", "", "", "", None, None],
        [
            2,
            "PHC Ramnagar",
            "NH 309",
            "Ramnagar",
            "Uttarakhand",
            "244715",
            "India",
            "29.3947",
            "79.1265",
        ],
        [
            3,
            "CHC Sitapur",
            "Hospital Road",
            "Sitapur",
            "Uttar Pradesh",
            "261001",
            "India",
            "27.5680",
            "80.6790",
        ],
        [
            4,
            "Centro de Saúde de Évora",
            "Rua do Hospital 1",
            "Évora",
            "Évora",
            "7000-811",
            "Portugal",
            "38.5714",
            "-7.9135",
        ],
        [
            5,
            "USF Ria Formosa",
            "Largo de São Pedro 3",
            "Faro",
            "Faro",
            "8000-145",
            "Portugal",
            "37.0194",
            "-7.9304",
        ],
    ]
    persons, names, addresses, attributes, identifiers, patients = [], [], [], [], [], []
    for pid in range(1, 131):
        f = fakes[pid % 2]
        female = rng.random() < 0.55
        born = _birth(rng) if pid > 10 else date(1960, 1, 1) + timedelta(days=rng.randrange(12000))
        dead = pid > 10 and rng.random() < 0.06
        persons.append(
            [
                pid,
                "F" if female else "M",
                born,
                int(rng.random() < 0.1),
                dead,
                _when(rng, 300).date() if dead else None,
                rng.choice(diagnosis_ids) if dead else None,
                1,
                _when(rng, 2500),
                False,
                _hexhash("person", pid)[:36],
            ]
        )
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name()
        portuguese = f is fakes[1]
        middle = (
            (f.first_name_female() if female else f.first_name_male()) if rng.random() < 0.4 else ""
        )
        names.append(
            [
                len(names) + 1,
                True,
                pid,
                rng.choice(
                    [
                        "",
                        "",
                        ("Sra." if female else "Sr.")
                        if portuguese
                        else ("Mrs." if female else "Mr."),
                    ]
                ),
                first,
                middle,
                rng.choice(["", "", "da", "dos", "de"]) if portuguese else "",
                last,
                f.last_name() if portuguese and rng.random() < 0.6 else "",
                rng.choice(["", "", "", "", "Filho" if portuguese else "Jr."])
                if not female
                else "",
                _hexhash("name", pid)[:36],
            ]
        )
        if female and rng.random() < 0.15:  # a maiden name kept, no longer preferred
            names.append(
                [
                    len(names) + 1,
                    False,
                    pid,
                    "",
                    first,
                    "",
                    "",
                    f.last_name(),
                    "",
                    "",
                    _hexhash("oldname", pid)[:36],
                ]
            )
        lat, lon = (
            f.local_latlng(country_code="IN" if not portuguese else "PT") or ("0", "0", "")
        )[:2]
        addresses.append(
            [
                len(addresses) + 1,
                pid,
                True,
                f.street_address().replace("\n", ", "),
                rng.choice(["", "", "Near bus stand" if not portuguese else "2.º Esq."]),
                f.city(),
                f.state() if not portuguese else f.distrito(),
                f.postcode(),
                "India" if not portuguese else "Portugal",
                f"{float(lat) + rng.uniform(-0.05, 0.05):.5f}",
                f"{float(lon) + rng.uniform(-0.05, 0.05):.5f}",
                f.city() if not portuguese else f.concelho(),
                _when(rng, 2500).date(),
                _hexhash("addr", pid)[:36],
            ]
        )
        if pid <= 10:
            continue
        patients.append(
            [
                pid,
                1,
                _when(rng, 2500),
                rng.choice(["Unknown", "No known allergies", "See list"]),
                False,
            ]
        )
        attributes.append([len(attributes) + 1, pid, f.phone_number(), 1])
        if rng.random() < 0.5:
            attributes.append(
                [len(attributes) + 1, pid, f"{f.first_name_female()} {f.last_name()}", 2]
            )
        if rng.random() < 0.5:
            attributes.append(
                [
                    len(attributes) + 1,
                    pid,
                    rng.choice(["Single", "Married", "Widowed", "Solteiro(a)", "Casado(a)"]),
                    4,
                ]
            )
        if rng.random() < 0.3:
            attributes.append([len(attributes) + 1, pid, f.city(), 3])
        identifiers.append(
            [len(identifiers) + 1, pid, _openmrs_id(rng), 1, 2 + 2 * portuguese, True]
        )
        if rng.random() < 0.85:
            national = _nif(rng) if portuguese else _aadhaar(rng)
            identifiers.append(
                [
                    len(identifiers) + 1,
                    pid,
                    national,
                    3 if portuguese else 2,
                    2 + 2 * portuguese,
                    False,
                ]
            )
    attribute_types = [
        [1, "Telephone Number", "The patient's phone", "java.lang.String"],
        [2, "Mother's Name", "First and last name of the mother", "java.lang.String"],
        [3, "Birthplace", "Town or village of birth", "java.lang.String"],
        [4, "Civil Status", "Marriage status", "org.openmrs.Concept"],
        [5, "Health Center", "The patient's primary clinic", "org.openmrs.Location"],
    ]
    identifier_types = [
        [1, "OpenMRS ID", "Medical record number with a check digit", "\\d{6}-\\d", True],
        [2, "Aadhaar Number", "UIDAI Aadhaar", "\\d{4} \\d{4} \\d{4}", False],
        [3, "NIF", "Número de identificação fiscal", "\\d{9}", False],
        [4, "Old Identification Number", "Paper register number", "", False],
    ]
    users = [
        [1, "admin", "admin", "", "", "", 1, _when(rng, 2500), False],
        [2, "daemon", "daemon", "", "", "", 2, _when(rng, 2500), False],
    ]
    providers = []
    for n in range(3, 11):
        person_name = names[[r[2] for r in names].index(n)]
        login = f"{person_name[4].lower()}.{person_name[7].lower()}".replace(" ", "")
        users.append(
            [
                n,
                f"{n}-{luhn.calc_check_digit(str(n))}",
                login,
                _hexhash("pw", n) * 2,
                _hexhash("salt", n),
                rng.choice(["", "First pet?", "Favourite teacher?"]),
                n,
                _when(rng, 2000),
                False,
            ]
        )
        providers.append([n - 2, n, "", f"PRV-{1000 + n}", False])
    providers.append(
        [len(providers) + 1, None, "Visiting Specialist (Dr. A. Mehta)", "PRV-EXT1", False]
    )
    encounters, obs = [], []
    for n in range(100):
        patient = rng.choice(patients)
        place = 2 + rng.randrange(2) + 2 * (patient[0] % 2)
        when = _when(rng, 900)
        encounters.append(
            [
                n + 1,
                rng.randrange(1, 4),
                patient[0],
                place,
                when,
                rng.randrange(3, 11),
                False,
                _hexhash("enc", n)[:36],
            ]
        )
        for concept in rng.sample([1, 2, 3, 4, 5], 3):
            numeric = {
                1: round(rng.uniform(3, 110), 1),
                2: float(rng.randrange(90, 190)),
                3: round(rng.uniform(35.8, 40.5), 1),
            }.get(concept)
            coded = rng.choice(diagnosis_ids) if concept == 4 else None
            note = rng.choice(NOTES).format(d=rng.randrange(2, 9)) if concept == 5 else None
            obs.append(
                [
                    len(obs) + 1,
                    patient[0],
                    concept,
                    n + 1,
                    when,
                    place,
                    coded,
                    numeric,
                    note,
                    rng.choice([None, None, None, "Repeat in 2 weeks", "Confirmed by lab"]),
                    "FINAL",
                    False,
                ]
            )

    def ref(table: str) -> str:
        return f"{s}.{table}"

    by_person = [(("person_id",), ref("person"), ("person_id",))]
    tables = [
        _table(
            s,
            "users",
            cols(
                "user_id:integer system_id:varchar(50) username:varchar(50) "
                "password:varchar(128) salt:varchar(128) secret_question:varchar(255) "
                "person_id:integer date_created:timestamp retired:boolean"
            ),
            ["user_id"],
            users,
            by_person,
        ),
        _table(
            s,
            "person",
            cols(
                "person_id:integer gender:varchar(50) birthdate:date "
                "birthdate_estimated:integer dead:boolean death_date:date "
                "cause_of_death:integer creator:integer date_created:timestamp voided:boolean "
                "uuid:varchar(38)"
            ),
            ["person_id"],
            persons,
            [
                (("cause_of_death",), ref("concept"), ("concept_id",)),
                (("creator",), ref("users"), ("user_id",)),
            ],
        ),
        _table(
            s,
            "person_name",
            cols(
                "person_name_id:integer preferred:boolean person_id:integer prefix:varchar(50) "
                "given_name:varchar(50) middle_name:varchar(50) family_name_prefix:varchar(50) "
                "family_name:varchar(50) family_name2:varchar(50) "
                "family_name_suffix:varchar(50) uuid:varchar(38)"
            ),
            ["person_name_id"],
            names,
            by_person,
        ),
        _table(
            s,
            "person_address",
            cols(
                "person_address_id:integer person_id:integer preferred:boolean "
                "address1:varchar(255) address2:varchar(255) city_village:varchar(255) "
                "state_province:varchar(255) postal_code:varchar(50) country:varchar(50) "
                "latitude:varchar(50) longitude:varchar(50) county_district:varchar(255) "
                "start_date:date uuid:varchar(38)"
            ),
            ["person_address_id"],
            addresses,
            by_person,
        ),
        _table(
            s,
            "person_attribute_type",
            cols(
                "person_attribute_type_id:integer name:varchar(50) description:text "
                "format:varchar(50)"
            ),
            ["person_attribute_type_id"],
            attribute_types,
        ),
        _table(
            s,
            "person_attribute",
            cols(
                "person_attribute_id:integer person_id:integer value:varchar(50) "
                "person_attribute_type_id:integer"
            ),
            ["person_attribute_id"],
            attributes,
            [
                *by_person,
                (
                    ("person_attribute_type_id",),
                    ref("person_attribute_type"),
                    ("person_attribute_type_id",),
                ),
            ],
        ),
        _table(
            s,
            "patient",
            cols(
                "patient_id:integer creator:integer date_created:timestamp "
                "allergy_status:varchar(50) voided:boolean"
            ),
            ["patient_id"],
            patients,
            [
                (("patient_id",), ref("person"), ("person_id",)),
                (("creator",), ref("users"), ("user_id",)),
            ],
        ),
        _table(
            s,
            "patient_identifier_type",
            cols(
                "patient_identifier_type_id:integer name:varchar(50) description:text "
                "format:varchar(255) required:boolean"
            ),
            ["patient_identifier_type_id"],
            identifier_types,
        ),
        _table(
            s,
            "location",
            cols(
                "location_id:integer name:varchar(255) address1:varchar(255) "
                "city_village:varchar(255) state_province:varchar(255) postal_code:varchar(50) "
                "country:varchar(50) latitude:varchar(50) longitude:varchar(50)"
            ),
            ["location_id"],
            locations,
        ),
        _table(
            s,
            "patient_identifier",
            cols(
                "patient_identifier_id:integer patient_id:integer identifier:varchar(50) "
                "identifier_type:integer location_id:integer preferred:boolean"
            ),
            ["patient_identifier_id"],
            identifiers,
            [
                (("patient_id",), ref("patient"), ("patient_id",)),
                (
                    ("identifier_type",),
                    ref("patient_identifier_type"),
                    ("patient_identifier_type_id",),
                ),
                (("location_id",), ref("location"), ("location_id",)),
            ],
        ),
        _table(
            s,
            "concept",
            cols(
                "concept_id:integer short_name:varchar(255) description:text "
                "class_name:varchar(50) datatype_name:varchar(50) uuid:varchar(38)"
            ),
            ["concept_id"],
            concepts,
        ),
        _table(
            s,
            "concept_reference_term",
            cols(
                "concept_reference_term_id:integer concept_id:integer "
                "concept_source:varchar(50) code:varchar(255) name:varchar(255)"
            ),
            ["concept_reference_term_id"],
            terms,
            [(("concept_id",), ref("concept"), ("concept_id",))],
        ),
        _table(
            s,
            "provider",
            cols(
                "provider_id:integer person_id:integer name:varchar(255) "
                "identifier:varchar(255) retired:boolean"
            ),
            ["provider_id"],
            providers,
            by_person,
        ),
        _table(
            s,
            "encounter",
            cols(
                "encounter_id:integer encounter_type:integer patient_id:integer "
                "location_id:integer encounter_datetime:timestamp creator:integer "
                "voided:boolean uuid:varchar(38)"
            ),
            ["encounter_id"],
            encounters,
            [
                (("patient_id",), ref("patient"), ("patient_id",)),
                (("location_id",), ref("location"), ("location_id",)),
                (("creator",), ref("users"), ("user_id",)),
            ],
        ),
        _table(
            s,
            "obs",
            cols(
                "obs_id:integer person_id:integer concept_id:integer encounter_id:integer "
                "obs_datetime:timestamp location_id:integer value_coded:integer "
                "value_numeric:float value_text:text comments:varchar(255) status:varchar(16) "
                "voided:boolean"
            ),
            ["obs_id"],
            obs,
            [
                *by_person,
                (("concept_id",), ref("concept"), ("concept_id",)),
                (("encounter_id",), ref("encounter"), ("encounter_id",)),
                (("location_id",), ref("location"), ("location_id",)),
                (("value_coded",), ref("concept"), ("concept_id",)),
            ],
        ),
    ]
    return EvalSet("faker_openmrs", "Faker en_IN and pt_PT, seeded (faker_blind.py)", tables)


# --- SAP ERP ---------------------------------------------------------------------------

SAP_REGIONS = {
    "CZ": ["10", "20", "31", "64", "80"],
    "PL": ["02", "06", "12", "14", "30"],
    "SE": ["01", "03", "12", "14", "24"],
}
SAP_LANG = {"CZ": "C", "PL": "L", "SE": "V"}
SALUTATIONS = {"CZ": ("Pan", "Paní"), "PL": ("Pan", "Pani"), "SE": ("Herr", "Fru")}
PARTS = [
    "Ložisko 6204",
    "Hřídel 25 mm",
    "Uszczelka NBR",
    "Pompa zębata",
    "Kullager SKF",
    "Växellåda G3",
    "Řemen klínový",
    "Sprzęgło",
    "Filtr oleje",
    "Ventil DN50",
]


def _sap_person(f: Faker, country: str, rng: random.Random) -> dict:
    female = rng.random() < 0.5
    born = _birth(rng)
    first = f.first_name_female() if female else f.first_name_male()
    last = f.last_name_female() if female and country != "SE" else f.last_name()
    if country == "CZ":
        national = _rodne_cislo(rng, born, female=female)
    elif country == "PL":
        national = f.pesel(
            date_of_birth=datetime(born.year, born.month, born.day), sex="F" if female else "M"
        )
    else:
        body = f"{born:%y%m%d}{_digits(rng, 3)}"
        national = f"{body[:6]}-{body[6:]}{luhn.calc_check_digit(body)}"
    return {"first": first, "last": last, "female": female, "born": born, "national": national}


def _sap_bank(f: Faker, country: str, rng: random.Random) -> tuple[str, str, str]:
    """Bank key, account number, IBAN, as SAP's KNBK / PA0009 / TIBAN hold them."""
    if country == "CZ":
        bban = rng.choice(["0800", "0100", "0300", "2010"]) + _digits(rng, 16)
        return bban[:4], f"{int(bban[4:10]) or ''}-{bban[10:]}".lstrip("-"), _iban("CZ", bban)
    if country == "PL":
        bban = rng.choice(["10201026", "11402004", "10501025"]) + _digits(rng, 16)
        return bban[:8], bban[8:], _iban("PL", bban)
    clearing = rng.choice(["8327", "6000", "5000", "3300"])
    account = _digits(rng, 10)
    return clearing, account, _iban("SE", clearing[:3] + _digits(rng, 17))


def _company_number(f: Faker, country: str, rng: random.Random) -> str:
    """A company's IČO, NIP or organisationsnummer: the tax number SAP's STCD1 holds."""
    if country == "PL":
        return f.nip()
    return _digits(rng, 8) if country == "CZ" else f"556{_digits(rng, 3)}-{_digits(rng, 4)}"


def faker_sap_erp() -> EvalSet:
    """An engineering distributor's SAP ECC tables (client 100) in Czechia, Poland, Sweden."""
    fakes = {
        c: _faker(loc, 1400 + i)
        for i, (c, loc) in enumerate((("CZ", "cs_CZ"), ("PL", "pl_PL"), ("SE", "sv_SE")))
    }
    rng = random.Random(SEED + 1400)
    s, client = "sapsr3", "100"
    countries = [
        [client, "CZ", "Česká republika", "CZE", "420"],
        [client, "PL", "Polska", "POL", "48"],
        [client, "SE", "Sverige", "SWE", "46"],
        [client, "DE", "Deutschland", "DEU", "49"],
    ]
    regions = [
        [client, "E", c, code, f"{c}-{code}"] for c, codes in SAP_REGIONS.items() for code in codes
    ]
    sap_users = ["DDIC", "BATCH_JOBS", "RFC_EDI"]
    employees, addresses_hr, banks_hr = [], [], []
    for n in range(60):
        country = ("CZ", "PL", "SE")[n % 3]
        f = fakes[country]
        p = _sap_person(f, country, rng)
        pernr = f"{10000 + n:08d}"
        married_name = p["female"] and rng.random() < 0.4
        employees.append(
            [
                client,
                pernr,
                date(2015 + n % 10, 1 + n % 12, 1),
                date(9999, 12, 31),
                p["last"],
                p["first"],
                f.last_name_female() if married_name and country != "SE" else "",
                rng.choice(["", "", "Ing.", "Mgr.", "Dr."]) if country != "SE" else "",
                "2" if p["female"] else "1",
                "2" if p["female"] else "1",
                p["born"],
                f.city(),
                country,
                rng.choice(["0", "1", "2"]),
                rng.randrange(4),
                p["national"],
            ]
        )
        addresses_hr.append(
            [
                client,
                pernr,
                "1",
                date(2015, 1, 1),
                date(9999, 12, 31),
                "",
                f.street_name(),
                f.building_number(),
                f.city(),
                f.postcode(),
                country,
                f.phone_number(),
            ]
        )
        if n % 4 == 0:
            addresses_hr.append(
                [
                    client,
                    pernr,
                    "2",
                    date(2024, 1, 1),
                    date(2026, 12, 31),
                    f"c/o {f.first_name()} {f.last_name()}",
                    f.street_name(),
                    f.building_number(),
                    f.city(),
                    f.postcode(),
                    country,
                    "",
                ]
            )
        bank_key, account, iban = _sap_bank(f, country, rng)
        banks_hr.append(
            [
                client,
                pernr,
                "0",
                date(2015, 1, 1),
                country,
                bank_key,
                account,
                iban,
                rng.choice(["", "", f"{p['first']} {p['last']}"]),
                "U",
            ]
        )
        if n < 22:
            login = _plain(p["first"][0] + p["last"]).upper()[:11]
            sap_users.append(login if login not in sap_users else f"{login[:10]}{n % 10}")
    adrc, adr6, customers, vendors, knbk, tiban = [], [], [], [], [], []

    def address(f: Faker, country: str, name1: str, name2: str, *, fax: bool) -> int:
        number = f"{len(adrc) + 1:010d}"
        adrc.append(
            [
                client,
                number,
                date(2018, 1, 1),
                name1,
                name2,
                rng.choice(["", "", "", f"c/o {f.last_name()}"]),
                f.city(),
                f.postcode(),
                f.street_name(),
                f.building_number(),
                country,
                rng.choice(SAP_REGIONS[country]),
                f.phone_number(),
                f.phone_number() if fax else "",
                SAP_LANG[country],
            ]
        )
        if rng.random() < 0.85:
            adr6.append(
                [
                    client,
                    number,
                    "",
                    date(2018, 1, 1),
                    "001",
                    f.company_email() if fax else f.free_email(),
                    "X",
                ]
            )
        return len(adrc) - 1

    for n in range(90):
        country = ("CZ", "PL", "SE")[n % 3]
        f = fakes[country]
        company = n % 10 < 3
        kunnr = f"{100000 + n:010d}"
        if company:
            name1 = f.company()[:35]  # SAP cuts names at 35
            name2 = f"{f.first_name()} {f.last_name()}" if rng.random() < 0.6 else ""
            tax = _company_number(f, country, rng)
            vat, salutation = f"{country}{tax.replace('-', '')}", "Firma"
        else:
            p = _sap_person(f, country, rng)
            name1, name2, tax, vat = f"{p['first']} {p['last']}", "", p["national"], ""
            salutation = SALUTATIONS[country][p["female"]]
        a = adrc[address(f, country, name1, name2, fax=company)]
        customers.append(
            [
                client,
                kunnr,
                country,
                name1,
                name2,
                a[6],
                a[7],
                a[11],
                f"{a[8]} {a[9]}"[:35],
                a[12],
                a[13],
                tax,
                vat,
                SAP_LANG[country],
                _when(rng, 3000).date(),
                rng.choice(sap_users[3:]),
                "KUNA" if n % 9 else "CPD",
                a[1],
                salutation,
                "",
            ]
        )
        if n % 9 < 5:
            bank_key, account, iban = _sap_bank(f, country, rng)
            knbk.append(
                [client, kunnr, country, bank_key, account, "", name1 if rng.random() < 0.7 else ""]
            )
            tiban.append([client, country, bank_key, account, "", iban, date(2019, 1, 1)])
    for n in range(25):
        country = ("CZ", "PL", "SE")[n % 3]
        f = fakes[country]
        name1 = f.company()[:35]
        a = adrc[address(f, country, name1, "", fax=True)]
        vendors.append(
            [
                client,
                f"{200000 + n:010d}",
                country,
                name1,
                a[6],
                a[7],
                f"{a[8]} {a[9]}"[:35],
                a[12],
                a[13],
                _company_number(f, country, rng),
                a[1],
                _when(rng, 3000).date(),
                "LIEF",
            ]
        )
    materials, texts = [], []
    for n, part in enumerate(PARTS * 3):
        matnr = f"{rng.choice([6, 7])}{_digits(rng, 8)}".zfill(18)
        materials.append(
            [
                client,
                matnr,
                _when(rng, 3000).date(),
                rng.choice(["HAWA", "FERT", "ROH"]),
                f"M{n % 6:03d}",
                "ST",
                round(rng.uniform(0.1, 30), 3),
                round(rng.uniform(0.1, 28), 3),
                "KG",
                f"859{_digits(rng, 10)}",
            ]
        )
        texts += [
            [client, matnr, lang, f"{part} {n // len(PARTS) + 1}"] for lang in ("C", "L", "V")
        ]
    orders, items = [], []
    for n in range(120):
        c = rng.choice(customers)
        vbeln = f"{4700000 + n:010d}"
        when = _when(rng, 900)
        lines = [rng.choice(materials) for _ in range(rng.randrange(1, 4))]
        values = [round(rng.uniform(20, 2000), 2) for _ in lines]
        orders.append(
            [
                client,
                vbeln,
                when.date(),
                when.time().replace(microsecond=0),
                rng.choice(sap_users[3:]),
                when.date(),
                "TA",
                round(sum(values), 2),
                {"CZ": "CZK", "PL": "PLN", "SE": "SEK"}[c[2]],
                f"{c[2]}01",
                c[1],
                rng.choice(["", f"PO{_digits(rng, 6)}", f"Obj. {_digits(rng, 4)}/26"]),
            ]
        )
        items += [
            [
                client,
                vbeln,
                f"{10 * (i + 1):06d}",
                m[1],
                texts[materials.index(m) * 3][3],
                rng.randrange(1, 50),
                v,
                f"{c[2]}10",
            ]
            for i, (m, v) in enumerate(zip(lines, values, strict=True))
        ]
    usr02 = [
        [
            client,
            name,
            "S" if name in ("BATCH_JOBS", "RFC_EDI") else "A",
            "SUPER" if name == "DDIC" else "STAFF",
            date(2020, 1, 1),
            date(9999, 12, 31),
            _when(rng, 90).date(),
            "",
            "0000000000000000",
            "{x-issha, 1024}" + _hexhash("sap", name)[:40],
        ]
        for name in sap_users
    ]

    def ref(table: str) -> str:
        return f"{s}.{table}"

    to_kna1 = [(("MANDT", "KUNNR"), ref("KNA1"), ("MANDT", "KUNNR"))]
    to_pa0002 = [(("MANDT", "PERNR"), ref("PA0002"), ("MANDT", "PERNR"))]
    tables = [
        _table(
            s,
            "T005",
            cols(
                "MANDT:varchar(3) LAND1:varchar(3) LANDX:varchar(15) INTCA3:varchar(3) "
                "TELEFTO:varchar(4)"
            ),
            ["MANDT", "LAND1"],
            countries,
        ),
        _table(
            s,
            "T005U",
            cols(
                "MANDT:varchar(3) SPRAS:varchar(1) LAND1:varchar(3) BLAND:varchar(3) "
                "BEZEI:varchar(20)"
            ),
            ["MANDT", "SPRAS", "LAND1", "BLAND"],
            regions,
        ),
        _table(
            s,
            "ADRC",
            cols(
                "CLIENT:varchar(3) ADDRNUMBER:varchar(10) DATE_FROM:date NAME1:varchar(40) "
                "NAME2:varchar(40) NAME_CO:varchar(40) CITY1:varchar(40) POST_CODE1:varchar(10) "
                "STREET:varchar(60) HOUSE_NUM1:varchar(10) COUNTRY:varchar(3) REGION:varchar(3) "
                "TEL_NUMBER:varchar(30) FAX_NUMBER:varchar(30) LANGU:varchar(1)"
            ),
            ["CLIENT", "ADDRNUMBER"],
            adrc,
        ),
        _table(
            s,
            "ADR6",
            cols(
                "CLIENT:varchar(3) ADDRNUMBER:varchar(10) PERSNUMBER:varchar(10) DATE_FROM:date "
                "CONSNUMBER:varchar(3) SMTP_ADDR:varchar(241) FLGDEFAULT:varchar(1)"
            ),
            ["CLIENT", "ADDRNUMBER", "CONSNUMBER"],
            adr6,
            [(("CLIENT", "ADDRNUMBER"), ref("ADRC"), ("CLIENT", "ADDRNUMBER"))],
        ),
        _table(
            s,
            "KNA1",
            cols(
                "MANDT:varchar(3) KUNNR:varchar(10) LAND1:varchar(3) NAME1:varchar(35) "
                "NAME2:varchar(35) ORT01:varchar(35) PSTLZ:varchar(10) REGIO:varchar(3) "
                "STRAS:varchar(35) TELF1:varchar(30) TELFX:varchar(31) STCD1:varchar(16) "
                "STCEG:varchar(20) SPRAS:varchar(1) ERDAT:date ERNAM:varchar(12) "
                "KTOKD:varchar(4) ADRNR:varchar(10) ANRED:varchar(15) LOEVM:varchar(1)"
            ),
            ["MANDT", "KUNNR"],
            customers,
            [(("MANDT", "ADRNR"), ref("ADRC"), ("CLIENT", "ADDRNUMBER"))],
        ),
        _table(
            s,
            "KNBK",
            cols(
                "MANDT:varchar(3) KUNNR:varchar(10) BANKS:varchar(3) BANKL:varchar(15) "
                "BANKN:varchar(18) BKONT:varchar(2) KOINH:varchar(60)"
            ),
            ["MANDT", "KUNNR", "BANKS", "BANKL", "BANKN"],
            knbk,
            to_kna1,
        ),
        _table(
            s,
            "TIBAN",
            cols(
                "MANDT:varchar(3) BANKS:varchar(3) BANKL:varchar(15) BANKN:varchar(35) "
                "BKONT:varchar(2) IBAN:varchar(34) VALID_FROM:date"
            ),
            ["MANDT", "BANKS", "BANKL", "BANKN", "BKONT"],
            tiban,
        ),
        _table(
            s,
            "LFA1",
            cols(
                "MANDT:varchar(3) LIFNR:varchar(10) LAND1:varchar(3) NAME1:varchar(35) "
                "ORT01:varchar(35) PSTLZ:varchar(10) STRAS:varchar(35) TELF1:varchar(30) "
                "TELFX:varchar(31) STCD1:varchar(16) ADRNR:varchar(10) ERDAT:date KTOKK:varchar(4)"
            ),
            ["MANDT", "LIFNR"],
            vendors,
            [(("MANDT", "ADRNR"), ref("ADRC"), ("CLIENT", "ADDRNUMBER"))],
        ),
        _table(
            s,
            "MARA",
            cols(
                "MANDT:varchar(3) MATNR:varchar(18) ERSDA:date MTART:varchar(4) MATKL:varchar(9) "
                "MEINS:varchar(3) BRGEW:numeric(13,3) NTGEW:numeric(13,3) GEWEI:varchar(3) "
                "EAN11:varchar(18)"
            ),
            ["MANDT", "MATNR"],
            materials,
        ),
        _table(
            s,
            "MAKT",
            cols("MANDT:varchar(3) MATNR:varchar(18) SPRAS:varchar(1) MAKTX:varchar(40)"),
            ["MANDT", "MATNR", "SPRAS"],
            texts,
            [(("MANDT", "MATNR"), ref("MARA"), ("MANDT", "MATNR"))],
        ),
        _table(
            s,
            "VBAK",
            cols(
                "MANDT:varchar(3) VBELN:varchar(10) ERDAT:date ERZET:time ERNAM:varchar(12) "
                "AUDAT:date AUART:varchar(4) NETWR:numeric(15,2) WAERK:varchar(5) "
                "VKORG:varchar(4) KUNNR:varchar(10) BSTNK:varchar(20)"
            ),
            ["MANDT", "VBELN"],
            orders,
            to_kna1,
        ),
        _table(
            s,
            "VBAP",
            cols(
                "MANDT:varchar(3) VBELN:varchar(10) POSNR:varchar(6) MATNR:varchar(18) "
                "ARKTX:varchar(40) KWMENG:integer NETWR:numeric(15,2) WERKS:varchar(4)"
            ),
            ["MANDT", "VBELN", "POSNR"],
            items,
            [
                (("MANDT", "VBELN"), ref("VBAK"), ("MANDT", "VBELN")),
                (("MANDT", "MATNR"), ref("MARA"), ("MANDT", "MATNR")),
            ],
        ),
        _table(
            s,
            "PA0002",
            cols(
                "MANDT:varchar(3) PERNR:varchar(8) BEGDA:date ENDDA:date NACHN:varchar(40) "
                "VORNA:varchar(40) NAME2:varchar(40) TITEL:varchar(15) ANRED:varchar(1) "
                "GESCH:varchar(1) GBDAT:date GBORT:varchar(40) NATIO:varchar(3) "
                "FAMST:varchar(1) ANZKD:integer PERID:varchar(20)"
            ),
            ["MANDT", "PERNR"],
            employees,
        ),
        _table(
            s,
            "PA0006",
            cols(
                "MANDT:varchar(3) PERNR:varchar(8) SUBTY:varchar(4) BEGDA:date ENDDA:date "
                "NAME2:varchar(40) STRAS:varchar(60) HSNMR:varchar(10) ORT01:varchar(40) "
                "PSTLZ:varchar(10) LAND1:varchar(3) TELNR:varchar(30)"
            ),
            ["MANDT", "PERNR", "SUBTY", "BEGDA"],
            addresses_hr,
            to_pa0002,
        ),
        _table(
            s,
            "PA0009",
            cols(
                "MANDT:varchar(3) PERNR:varchar(8) SUBTY:varchar(4) BEGDA:date BANKS:varchar(3) "
                "BANKL:varchar(15) BANKN:varchar(18) IBAN:varchar(34) EMFTX:varchar(40) "
                "ZLSCH:varchar(1)"
            ),
            ["MANDT", "PERNR", "SUBTY", "BEGDA"],
            banks_hr,
            to_pa0002,
        ),
        _table(
            s,
            "USR02",
            cols(
                "MANDT:varchar(3) BNAME:varchar(12) USTYP:varchar(1) CLASS:varchar(12) "
                "GLTGV:date GLTGB:date TRDAT:date LTIME:varchar(6) BCODE:varchar(16) "
                "PWDSALTEDHASH:varchar(255)"
            ),
            ["MANDT", "BNAME"],
            usr02,
        ),
    ]
    return EvalSet("faker_sap_erp", "Faker cs_CZ, pl_PL and sv_SE, seeded (faker_blind.py)", tables)


GENERATORS: dict[str, Callable[[], EvalSet]] = {
    "faker_wp_woo": faker_wp_woo,
    "faker_odoo_ch": faker_odoo_ch,
    "faker_openmrs": faker_openmrs,
    "faker_sap_erp": faker_sap_erp,
}
