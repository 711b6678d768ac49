"""The rows of the demo warehouse, generated chunk by chunk with numpy.

``demo_batches(spec)`` yields batches ``{"schema.table": {column: values}}`` in load order,
parents before children, each holding at most ``CHUNK_ROWS`` rows of its main table, so
memory stays flat from 2,000 customers to millions. Values are numpy arrays or lists:
timestamps ``datetime64[s]`` in UTC and dates ``datetime64[D]`` (NaT is NULL), money as
floats with two decimals, text as ``str`` (None is NULL).

The history runs from 2008-01-01 up to (not including) the as-of date, growing 15 % a year,
so about a fifth of all orders are older than the ten years the policy keeps them. The
traps a personal-data scanner must get right are placed on purpose: 8-digit order numbers
from 40000001 (like mobile numbers), product ``name``s, years in ``code``, 11-digit bank
account numbers with a valid check digit (like a fødselsnummer), emails in landing-page
URLs and personal data inside free-text notes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain
from urllib.parse import quote

import numpy as np

from include.demo import reference as ref
from include.demo.identifiers import bank_account, org_number
from include.demo.people import People, Profile, pools
from include.demo.randomness import Timeline, chunk_rng, pick, seconds

Values = np.ndarray | list
Columns = dict[str, Values]
Batch = dict[str, Columns]

DEFAULT_SCALE = 2_000
DEFAULT_SEED = 42
CHUNK_ROWS = 50_000  # rows of a chunk's main table; part of the output (it keys the rng)
HISTORY_START = date(2008, 1, 1)
RETENTION_YEARS = 10  # the policy's order_history; open claims beyond it are legal holds
ORDERS_PER_CUSTOMER = 10
SESSIONS_PER_CUSTOMER = 3
SESSION_WINDOW_DAYS = 3 * 365
SUPPLIERS = 25

CUSTOMER = Profile(male_share=0.42, oldest=1930, typical=1945, youngest=2000)
APPLICANT = Profile(male_share=0.5, oldest=1960, typical=1990, youngest=2005)
RECIPIENT = Profile(male_share=0.45, oldest=1940, typical=1965, youngest=2000)

DAY = np.timedelta64(1, "D")
DAY_SECONDS = 86_400
HOUR_SECONDS = 3_600
_WEIGHTS_BY_PRODUCT = [
    ref.CATEGORY_WEIGHTS[p.category] / sum(q.category == p.category for q in ref.PRODUCTS)
    for p in ref.PRODUCTS
]
_PRICES_ORE = np.array([p.price_nok * 100 for p in ref.PRODUCTS], dtype=np.int64)
_BLUE_PRODUCTS = np.array([i + 1 for i, p in enumerate(ref.PRODUCTS) if p.blue_prescription])
# Order status by age in days: the newest orders are still on their way.
_STATUS_BY_AGE: tuple[tuple[float, dict[str, float]], ...] = (
    (1, {"placed": 40, "paid": 60}),
    (3, {"paid": 20, "shipped": 80}),
    (7, {"shipped": 40, "delivered": 60}),
    (math.inf, {"delivered": 95, "returned": 2, "cancelled": 3}),
)
_SHIPPED = ("shipped", "delivered", "returned")
_PAYMENT_METHODS = ("card", "vipps", "klarna", "invoice")
_METHOD_WEIGHTS_BY_CHANNEL = {
    "web": (45, 25, 20, 10),
    "phone": (30, 0, 0, 70),
    "store": (85, 15, 0, 0),
}
_VIPPS_FROM = np.datetime64("2015-06-01T00:00:00")
_KLARNA_FROM = np.datetime64("2012-01-01T00:00:00")
_CHAT_FROM = np.datetime64("2016-01-01T00:00:00")
_AGENTS = ref.USER_AGENTS
_TRACKING = {"Posten": ("3707", 14), "PostNord": ("0037", 16), "Helthjem": ("HH", 12)}


def utc_today() -> date:
    """The default as-of date: today in UTC, the warehouse's time zone."""
    return datetime.now(UTC).date()


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (28 February for a 29th with no leap year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class DemoSpec:
    """What to build: the output is a function of these three values only."""

    scale: int = DEFAULT_SCALE  # number of customers
    seed: int = DEFAULT_SEED
    as_of: date = field(default_factory=utc_today)

    def __post_init__(self) -> None:
        if self.scale < 1:
            raise ValueError("scale (the number of customers) must be at least 1")
        if self.seed < 0:
            raise ValueError("seed must not be negative")
        earliest = date(HISTORY_START.year + SESSION_WINDOW_DAYS // 365, 1, 1)
        if self.as_of < earliest:
            raise ValueError(f"as_of must be {earliest} or later")

    @property
    def customers(self) -> int:
        return self.scale

    @property
    def orders(self) -> int:
        return ORDERS_PER_CUSTOMER * self.scale

    @property
    def sessions(self) -> int:
        return SESSIONS_PER_CUSTOMER * self.scale

    @property
    def contacts(self) -> int:
        return max(1, self.scale // 2)

    @property
    def applicants(self) -> int:
        return max(50, self.scale // 20)

    @property
    def end(self) -> np.datetime64:
        """Midnight UTC at the start of the as-of day: nothing happens at or after it."""
        return np.datetime64(self.as_of.isoformat(), "s")

    @property
    def timeline(self) -> Timeline:
        return Timeline(np.datetime64(HISTORY_START.isoformat(), "s"), self.end)

    @property
    def retention_cutoff(self) -> np.datetime64:
        """Orders placed before this are past the policy's ten years."""
        return np.datetime64(years_before(self.as_of, RETENTION_YEARS).isoformat(), "s")


def demo_batches(spec: DemoSpec) -> Iterator[Batch]:
    """Every batch of the demo warehouse, in load order."""
    return chain(
        _reference_batches(spec),
        _customer_batches(spec),
        _order_batches(spec),
        _session_batches(spec),
        _contact_batches(spec),
        _applicant_batches(spec),
    )


def _chunks(total: int) -> Iterator[tuple[int, np.ndarray]]:
    """(chunk number, the 0-based positions in it) for ``total`` rows."""
    for chunk, start in enumerate(range(0, total, CHUNK_ROWS)):
        yield chunk, np.arange(start, min(start + CHUNK_ROWS, total), dtype=np.int64)


def _choose(options: tuple[str, ...] | list[str], index: np.ndarray) -> np.ndarray:
    return np.asarray(options, dtype=object)[index]


def _weighted(rng: np.random.Generator, table: tuple[tuple[str, float], ...], n: int) -> np.ndarray:
    """``n`` names drawn from a ``(name, weight)`` table."""
    return _choose([name for name, _ in table], pick(rng.random(n), [w for _, w in table]))


def _money(ore: np.ndarray) -> np.ndarray:
    """Kroner with two decimals from whole øre (exact: every sum was made in integers)."""
    return ore / 100


def _nullable(values: Values, present: np.ndarray) -> list:
    return [v if keep else None for v, keep in zip(list(values), present.tolist(), strict=True)]


def _zero_padded(numbers: np.ndarray, width: int) -> np.ndarray:
    """Numbers as text of ``width`` digits, ready to concatenate with other text."""
    text = numbers.astype(str)
    return (np.strings.zfill(text, width) if len(text) else text).astype(object)


def _between(rng: np.random.Generator, start: np.ndarray, end: np.datetime64) -> np.ndarray:
    """A moment in [start, end) for each start."""
    span = (end - start) / np.timedelta64(1, "s")
    return start + seconds(rng.random(len(start)) * span)


# --- products, stock, suppliers -------------------------------------------------------


def _reference_batches(spec: DemoSpec) -> Iterator[Batch]:
    rng = chunk_rng(spec.seed, "sales.products", 0)
    yield {
        "sales.products": _products(rng),
        "sales.stock": _stock(rng, spec.end),
        "sales.suppliers": _suppliers(rng, spec.seed),
    }


def _products(rng: np.random.Generator) -> Columns:
    """The catalogue; ``code`` is the model year as text (a trap: it looks like a year)."""
    ids = np.arange(1, len(ref.PRODUCTS) + 1)
    return {
        "product_id": ids,
        "sku": [
            f"TP-{ref.CATEGORY_CODES[p.category]}-{i:04d}"
            for i, p in zip(ids, ref.PRODUCTS, strict=True)
        ],
        "name": [p.name for p in ref.PRODUCTS],
        "category": [p.category for p in ref.PRODUCTS],
        "code": rng.integers(1995, 2026, len(ids)).astype(str).tolist(),
        "unit_price": _money(_PRICES_ORE),
    }


def _stock(rng: np.random.Generator, end: np.datetime64) -> Columns:
    """Every product at every warehouse; some sold out."""
    products = len(ref.PRODUCTS)
    locations = len(ref.WAREHOUSE_LOCATIONS)
    quantity = rng.integers(0, 400, products * locations)
    quantity[rng.random(products * locations) < 0.08] = 0
    return {
        "product_id": np.repeat(np.arange(1, products + 1), locations),
        "location": list(ref.WAREHOUSE_LOCATIONS) * products,
        "quantity": quantity,
        "updated_at": end
        - seconds(rng.random(products * locations) * 30 * DAY_SECONDS)
        - seconds(1),
    }


def _suppliers(rng: np.random.Generator, seed: int) -> Columns:
    """Companies with a valid org. number and a bank account that looks like a fødselsnummer."""
    companies = pools(seed).companies
    names = companies[rng.choice(len(companies), SUPPLIERS, replace=False)]
    return {
        "supplier_id": np.arange(1, SUPPLIERS + 1),
        "name": names.tolist(),
        "org_number": [org_number(rng) for _ in range(SUPPLIERS)],
        "bank_account": [bank_account(rng, ref.BANK_CODES) for _ in range(SUPPLIERS)],
        "country": _weighted(rng, ref.SUPPLIER_COUNTRIES, SUPPLIERS).tolist(),
    }


# --- customers and blue prescriptions --------------------------------------------------


def _customers(spec: DemoSpec, ids: np.ndarray) -> People:
    """The customers ``ids`` as people: the same wherever a table looks them up."""
    return People(spec.seed, "crm.customers", ids, CUSTOMER)


def _customer_created_at(spec: DemoSpec, ids: np.ndarray) -> np.ndarray:
    """Customer numbers follow sign-up order along the timeline: customer 1 came first."""
    return spec.timeline.at((np.asarray(ids) - 1) / spec.customers)


def _customers_known_at(spec: DemoSpec, when: np.ndarray) -> np.ndarray:
    """How many customers had signed up by ``when`` (at least the first one)."""
    signed_up = np.floor(spec.timeline.position(when) * spec.customers).astype(np.int64) + 1
    return np.clip(signed_up, 1, spec.customers)


def _stored_email(people: People) -> list[str | None]:
    """The email the shop has on file; older customers more often gave none."""
    return _nullable(people.email, people.uniform("email_on_file") >= 0.08)


def _stored_mobile(people: People) -> list[str | None]:
    return _nullable(people.mobile, people.uniform("mobile_on_file") >= 0.06)


def _has_blue_prescription(people: People) -> np.ndarray:
    return people.uniform("blue_prescription") < 0.05


def _stored_national_id(people: People) -> list[str | None]:
    """About a third gave their fødselsnummer; every blue-prescription customer did."""
    present = (people.uniform("national_id_on_file") < 0.32) | _has_blue_prescription(people)
    return _nullable(people.fodselsnummer, present)


def _customer_batches(spec: DemoSpec) -> Iterator[Batch]:
    next_prescription = 1
    for chunk, positions in _chunks(spec.customers):
        people = _customers(spec, positions + 1)
        prescriptions = _blue_prescriptions(spec, people, chunk, next_prescription)
        next_prescription += len(prescriptions["prescription_id"])
        yield {
            "crm.customers": _customer_columns(spec, people),
            "health.blue_prescriptions": prescriptions,
        }


def _gender(people: People) -> list[str | None]:
    """Recorded gender: mostly as registered; a few chose 'other' or left it empty."""
    u = people.uniform("gender_recorded")
    label = np.where(people.male, "male", "female").astype(object)
    label[(u >= 0.05) & (u < 0.06)] = "other"
    return _nullable(label, u >= 0.05)


def _consent(
    people: People, field: str, share: float, created_at: np.ndarray, end: np.datetime64
) -> tuple[np.ndarray, np.ndarray]:
    """Whether a customer opted in to ``field``, and when (NaT when not)."""
    given = people.uniform(field) < share
    span = (end - created_at) / np.timedelta64(1, "s")
    at = created_at + seconds(people.uniform(f"{field}_at") * span)
    return given, np.where(given, at, np.datetime64("NaT"))


def _customer_columns(spec: DemoSpec, people: People) -> Columns:
    created_at = _customer_created_at(spec, people.ids)
    consent, consent_at = _consent(people, "marketing_consent", 0.6, created_at, spec.end)
    newsletter, newsletter_at = _consent(people, "newsletter", 0.45, created_at, spec.end)
    last_change = np.fmax(created_at, np.fmax(consent_at, newsletter_at))
    span = (spec.end - last_change) / np.timedelta64(1, "s")
    return {
        "customer_id": people.ids,
        "first_name": people.first_name,
        "last_name": people.last_name,
        "street_address": people.street_address,
        "postcode": people.postcode,
        "city": people.city,
        "email": _stored_email(people),
        "mobile": _stored_mobile(people),
        "date_of_birth": people.birth_date,
        "gender": _gender(people),
        "national_id": _stored_national_id(people),
        "marketing_consent": consent,
        "marketing_consent_at": consent_at,
        "newsletter": newsletter,
        "newsletter_at": newsletter_at,
        "created_at": created_at,
        "updated_at": last_change + seconds(people.uniform("updated_at") * span),
    }


def _blue_prescriptions(spec: DemoSpec, people: People, chunk: int, first_id: int) -> Columns:
    """One or two HELFO reimbursements per blue-prescription customer, after sign-up."""
    rng = chunk_rng(spec.seed, "health.blue_prescriptions", chunk)
    holders = np.flatnonzero(_has_blue_prescription(people))
    rows = np.repeat(holders, 1 + (rng.random(len(holders)) < 0.3))
    n = len(rows)
    prescribed = _between(rng, _customer_created_at(spec, people.ids[rows]), spec.end)
    products = _BLUE_PRODUCTS[rng.integers(0, len(_BLUE_PRODUCTS), n)]
    reimbursed = _PRICES_ORE[products - 1] * rng.uniform(0.6, 1.0, n) // 100 * 100
    years = prescribed.astype("datetime64[Y]").astype(np.int64) + 1970
    serials = rng.integers(0, 10_000_000, n)
    return {
        "prescription_id": np.arange(first_id, first_id + n),
        "customer_id": people.ids[rows],
        "patient_fnr": [people.fodselsnummer[i] for i in rows.tolist()],
        "prescribed_on": prescribed.astype("datetime64[D]"),
        "diagnosis_code": _choose(
            ref.DIAGNOSIS_CODES, rng.integers(0, len(ref.DIAGNOSIS_CODES), n)
        ),
        "product_id": products,
        "reimbursed_nok": _money(reimbursed.astype(np.int64)),
        "helfo_reference": [
            f"HELFO-{y}-{s:07d}" for y, s in zip(years.tolist(), serials.tolist(), strict=True)
        ],
    }


# --- orders and their children ---------------------------------------------------------


@dataclass(frozen=True)
class _OrderChunk:
    """One chunk of orders: what the child tables need to agree with their order."""

    ids: np.ndarray
    customer_ids: np.ndarray
    ordered_at: np.ndarray
    status: np.ndarray
    channel: np.ndarray


def _order_batches(spec: DemoSpec) -> Iterator[Batch]:
    next_ids = dict.fromkeys(("order_lines", "payments", "shipments", "claims"), 1)
    for chunk, positions in _chunks(spec.orders):
        rng = chunk_rng(spec.seed, "sales.orders", chunk)
        orders = _order_chunk(spec, rng, positions)
        lines, subtotal = _order_lines(spec, rng, orders, next_ids["order_lines"])
        fee = _shipping_fee(orders, subtotal)
        total = subtotal + fee
        payments, paid_at = _payments(spec, rng, orders, total, next_ids["payments"])
        shipments, shipped_at, delivered_at = _shipments(spec, rng, orders, next_ids["shipments"])
        claims, claimed_at = _claims(spec, rng, orders, delivered_at, next_ids["claims"])
        children = {
            "order_lines": lines,
            "payments": payments,
            "shipments": shipments,
            "claims": claims,
        }
        for name, columns in children.items():
            next_ids[name] += len(columns["order_id"])
        updated_at = orders.ordered_at
        for moment in (paid_at, shipped_at, delivered_at, claimed_at):
            updated_at = np.fmax(updated_at, moment)
        yield {
            "sales.orders": {
                "order_id": orders.ids,
                "order_number": 40_000_000 + orders.ids,  # 8 digits from 4: like a mobile number
                "customer_id": orders.customer_ids,
                "ordered_at": orders.ordered_at,
                "status": orders.status,
                "channel": orders.channel,
                "currency": ["NOK"] * len(orders.ids),
                "total_amount": _money(total),
                "shipping_fee": _money(fee),
                "ip_address": _order_ip_addresses(rng, orders.channel),
                "updated_at": updated_at,
            },
            **{f"sales.{name}": columns for name, columns in children.items()},
        }


def _order_chunk(spec: DemoSpec, rng: np.random.Generator, positions: np.ndarray) -> _OrderChunk:
    """Orders in time order; each by a customer who had signed up by then."""
    n = len(positions)
    ordered_at = spec.timeline.at((positions + rng.random(n)) / spec.orders)
    known = _customers_known_at(spec, ordered_at)
    customer_ids = 1 + (known * np.sqrt(rng.random(n))).astype(np.int64)  # newer ones buy more
    web_share = 0.45 + 0.4 * spec.timeline.position(ordered_at)  # the web shop took over
    u = rng.random(n)
    channel = np.where(
        u < web_share, "web", np.where(u < web_share + (1 - web_share) * 2 / 3, "phone", "store")
    )
    return _OrderChunk(
        ids=positions + 1,
        customer_ids=customer_ids,
        ordered_at=ordered_at,
        status=_order_status(rng, spec.end, ordered_at),
        channel=channel.astype(object),
    )


def _order_status(
    rng: np.random.Generator, end: np.datetime64, ordered_at: np.ndarray
) -> np.ndarray:
    age_days = (end - ordered_at) / np.timedelta64(1, "D")
    u = rng.random(len(ordered_at))
    status = np.empty(len(ordered_at), dtype=object)
    younger = np.zeros(len(ordered_at), dtype=bool)
    for max_age, weights in _STATUS_BY_AGE:
        rows = (age_days < max_age) & ~younger
        status[rows] = _choose(list(weights), pick(u[rows], list(weights.values())))
        younger |= rows
    return status


def _order_lines(
    spec: DemoSpec, rng: np.random.Generator, orders: _OrderChunk, first_id: int
) -> tuple[Columns, np.ndarray]:
    """1-8 lines an order (2.5 on average) at the price of the day; and each order's sum."""
    per_order = 1 + np.minimum(rng.poisson(1.5, len(orders.ids)), 7)
    order_rows = np.repeat(np.arange(len(orders.ids)), per_order)
    n = len(order_rows)
    first_rows = np.repeat(np.cumsum(per_order) - per_order, per_order)
    products = pick(rng.random(n), _WEIGHTS_BY_PRODUCT)
    quantity = 1 + pick(rng.random(n), (85, 11, 3, 1))
    years_ago = (spec.end - orders.ordered_at[order_rows]) / np.timedelta64(1, "D") / 365.25
    unit_ore = np.round(_PRICES_ORE[products] / 100 * 1.025**-years_ago).astype(np.int64) * 100
    discount = np.array([0, 5, 10, 15, 20, 25])[pick(rng.random(n), (76, 6, 8, 4, 4, 2))]
    line_ore = (quantity * unit_ore * (100 - discount) + 50) // 100  # rounded half up
    subtotal = np.bincount(order_rows, weights=line_ore, minlength=len(orders.ids)).astype(np.int64)
    return {
        "order_line_id": np.arange(first_id, first_id + n),
        "order_id": orders.ids[order_rows],
        "line_no": np.arange(n) - first_rows + 1,
        "product_id": products + 1,
        "quantity": quantity,
        "unit_price": _money(unit_ore),
        "discount_pct": discount.astype(np.float64),
        "line_total": _money(line_ore),
    }, subtotal


def _per_order(orders: int, rows: np.ndarray, moments: np.ndarray) -> np.ndarray:
    """Moments of child rows placed at their orders' positions (NaT for orders without)."""
    placed = np.full(orders, np.datetime64("NaT"), dtype="datetime64[s]")
    placed[rows] = moments
    return placed


def _shipping_fee(orders: _OrderChunk, subtotal: np.ndarray) -> np.ndarray:
    """Free in stores and above 1,500 NOK; 99 NOK before 2018, 149 NOK since (in øre)."""
    fee = np.where(orders.ordered_at < np.datetime64("2018-01-01T00:00:00"), 9_900, 14_900)
    return np.where((orders.channel == "store") | (subtotal >= 150_000), 0, fee)


def _payments(
    spec: DemoSpec, rng: np.random.Generator, orders: _OrderChunk, total: np.ndarray, first_id: int
) -> tuple[Columns, np.ndarray]:
    """One payment per order once paid for; cards only as brand, last four and masked PAN."""
    rows = np.flatnonzero(orders.status != "placed")
    n = len(rows)
    ordered_at = orders.ordered_at[rows]
    u = rng.random(n)
    method = np.empty(n, dtype=object)
    for channel, weights in _METHOD_WEIGHTS_BY_CHANNEL.items():
        mine = orders.channel[rows] == channel
        method[mine] = _choose(_PAYMENT_METHODS, pick(u[mine], weights))
    method[(method == "vipps") & (ordered_at < _VIPPS_FROM)] = "card"
    method[(method == "klarna") & (ordered_at < _KLARNA_FROM)] = "invoice"
    invoice = method == "invoice"
    delay = np.where(invoice, rng.uniform(7, 28, n) * DAY_SECONDS, rng.uniform(5, 900, n))
    paid_at = ordered_at + seconds(delay)
    late = paid_at >= spec.end
    pending = invoice & late  # an invoice not paid yet: paid_at is when it was sent
    paid_at[late] = ordered_at[late] + (spec.end - ordered_at[late]) // 2
    card = method == "card"
    brand = _weighted(rng, ref.CARD_BRANDS, n)
    bin_first = np.where(brand == "Visa", 400_000, 510_000) + rng.integers(0, 50_000, n)
    last4 = _zero_padded(rng.integers(0, 10_000, n), 4)
    masked = bin_first.astype(str).astype(object) + "******" + last4
    status = np.select(
        [orders.status[rows] == "cancelled", orders.status[rows] == "returned", pending],
        ["voided", "refunded", "pending"],
        "captured",
    ).astype(object)
    return {
        "payment_id": np.arange(first_id, first_id + n),
        "order_id": orders.ids[rows],
        "paid_at": paid_at,
        "method": method,
        "card_brand": _nullable(brand, card),
        "card_last4": _nullable(last4, card),
        "masked_pan": _nullable(masked, card),
        "amount": _money(total[rows]),
        "status": status,
    }, _per_order(len(orders.ids), rows, paid_at)


def _shipments(
    spec: DemoSpec, rng: np.random.Generator, orders: _OrderChunk, first_id: int
) -> tuple[Columns, np.ndarray, np.ndarray]:
    """A delivery per shipped order, to the customer or to family at another address."""
    rows = np.flatnonzero(np.isin(orders.status, _SHIPPED))
    n = len(rows)
    ids = np.arange(first_id, first_id + n)
    shipped_at = orders.ordered_at[rows] + seconds(rng.uniform(2, 20, n) * HOUR_SECONDS)
    delivered_at = shipped_at + seconds(rng.uniform(20, 48, n) * HOUR_SECONDS)
    delivered_at[orders.status[rows] == "shipped"] = np.datetime64("NaT")
    customer = _customers(spec, orders.customer_ids[rows])
    other = People(spec.seed, "sales.shipments.recipient", ids, RECIPIENT)
    to_family = rng.random(n) < 0.10
    elsewhere = rng.random(n) < 0.12
    carrier = _weighted(rng, ref.CARRIERS, n)
    tracking = np.empty(n, dtype=object)
    for name, (prefix, digits) in _TRACKING.items():
        mine = carrier == name
        tracking[mine] = prefix + _zero_padded(rng.integers(0, 10**digits, mine.sum()), digits)
    return (
        {
            "shipment_id": ids,
            "order_id": orders.ids[rows],
            "carrier": carrier,
            "tracking_number": tracking,
            "shipped_at": shipped_at,
            "delivered_at": delivered_at,
            "recipient_name": np.where(
                to_family, other.first_name + " " + customer.last_name, customer.full_name
            ),
            "delivery_address": np.where(elsewhere, other.street_address, customer.street_address),
            "delivery_postcode": np.where(elsewhere, other.postcode, customer.postcode),
            "delivery_city": np.where(elsewhere, other.city, customer.city),
        },
        _per_order(len(orders.ids), rows, shipped_at),
        _per_order(len(orders.ids), rows, delivered_at),
    )


def _claims(
    spec: DemoSpec,
    rng: np.random.Generator,
    orders: _OrderChunk,
    delivered_at: np.ndarray,
    first_id: int,
) -> tuple[Columns, np.ndarray]:
    """Returns (every returned order) and warranty claims (1 % of deliveries), about 3 %.

    A claim stays open until settled; one in ten claims on orders past the retention period
    is still open, a legal hold that must keep its order from deletion.
    """
    returned = orders.status == "returned"
    warranty = (orders.status == "delivered") & (rng.random(len(orders.ids)) < 0.011)
    rows = np.flatnonzero(returned | warranty)
    n = len(rows)
    is_return = returned[rows]
    delivered = delivered_at[rows]
    wait_days = np.where(is_return, rng.uniform(1, 14, n), rng.uniform(14, 720, n))
    opened_at = delivered + seconds(wait_days * DAY_SECONDS)
    late = opened_at >= spec.end
    opened_at[late] = _between(rng, delivered[late], spec.end)
    closed_at = opened_at + seconds(rng.uniform(2, 45, n) * DAY_SECONDS)
    expired = orders.ordered_at[rows] < spec.retention_cutoff
    held = expired & ((np.cumsum(expired) - 1) % 10 == 0)
    is_open = (closed_at >= spec.end) | held
    closed_at[is_open] = np.datetime64("NaT")
    reason = np.where(
        is_return,
        _choose(ref.RETURN_REASONS, rng.integers(0, len(ref.RETURN_REASONS), n)),
        _choose(ref.WARRANTY_REASONS, rng.integers(0, len(ref.WARRANTY_REASONS), n)),
    )
    return {
        "claim_id": np.arange(first_id, first_id + n),
        "order_id": orders.ids[rows],
        "claim_type": np.where(is_return, "return", "warranty").astype(object),
        "status": np.where(is_open, "open", "closed").astype(object),
        "reason": reason,
        "opened_at": opened_at,
        "closed_at": closed_at,
    }, _per_order(len(orders.ids), rows, np.fmax(opened_at, closed_at))


def _ip_addresses(rng: np.random.Generator, n: int) -> np.ndarray:
    """Public-looking addresses of Norwegian providers; about one in five is IPv6."""
    v6 = rng.random(n) < 0.2
    v4_prefix = _choose(ref.IPV4_PREFIXES, rng.integers(0, len(ref.IPV4_PREFIXES), n))
    v6_prefix = _choose(ref.IPV6_PREFIXES, rng.integers(0, len(ref.IPV6_PREFIXES), n))
    octets = rng.integers([0, 1], [256, 255], (n, 2)).tolist()
    groups = rng.integers(0, 65_536, (n, 6)).tolist()
    addresses = np.empty(n, dtype=object)
    for i in np.flatnonzero(v6).tolist():
        addresses[i] = v6_prefix[i] + "".join(f":{g:x}" for g in groups[i])
    for i in np.flatnonzero(~v6).tolist():
        addresses[i] = f"{v4_prefix[i]}.{octets[i][0]}.{octets[i][1]}"
    return addresses


def _order_ip_addresses(rng: np.random.Generator, channel: np.ndarray) -> list[str | None]:
    """Web orders keep the address they came from; phone and store orders have none."""
    return _nullable(_ip_addresses(rng, len(channel)), channel == "web")


# --- web sessions, service contacts, job applicants ------------------------------------


def _session_batches(spec: DemoSpec) -> Iterator[Batch]:
    """Visits in the last three years; 40 % of visitors are logged in."""
    span = SESSION_WINDOW_DAYS * DAY_SECONDS
    for chunk, positions in _chunks(spec.sessions):
        rng = chunk_rng(spec.seed, "web.sessions", chunk)
        n = len(positions)
        offsets = (positions + rng.random(n)) / spec.sessions * span
        started_at = spec.end - seconds(span) + seconds(offsets)
        logged_in = rng.random(n) < 0.4
        customer_ids = 1 + (_customers_known_at(spec, started_at) * rng.random(n)).astype(np.int64)
        agent = pick(rng.random(n), [a.weight for a in _AGENTS])
        device = _choose([a.device_type for a in _AGENTS], agent)
        page_views = np.minimum(rng.geometric(0.35, n), 60)
        yield {
            "web.sessions": {
                "session_id": _uuids(rng, n),
                "customer_id": _nullable(customer_ids.tolist(), logged_in),
                "started_at": started_at,
                "ended_at": np.minimum(
                    started_at + seconds(page_views * rng.uniform(20, 120, n)),
                    spec.end - seconds(1),
                ),
                "ip_address": _ip_addresses(rng, n),
                "user_agent": _choose([a.user_agent for a in _AGENTS], agent),
                "device_type": device,
                "os": _choose([a.os for a in _AGENTS], agent),
                "browser": _choose([a.browser for a in _AGENTS], agent),
                "screen_resolution": _screen_resolutions(rng, device),
                "landing_page": _landing_pages(spec, rng, customer_ids, logged_in),
                "page_views": page_views,
            }
        }


def _uuids(rng: np.random.Generator, n: int) -> list[str]:
    """Version-4 UUIDs as text, drawn from ``rng`` so that they are reproducible."""
    high, low = rng.integers(0, 2**64, (2, n), dtype=np.uint64)
    high = (high & np.uint64(0xFFFFFFFFFFFF0FFF)) | np.uint64(0x4000)  # version 4
    low = (low & np.uint64(0x3FFFFFFFFFFFFFFF)) | np.uint64(0x8000000000000000)  # variant
    texts = (f"{hi:016x}{lo:016x}" for hi, lo in zip(high.tolist(), low.tolist(), strict=True))
    return [f"{t[:8]}-{t[8:12]}-{t[12:16]}-{t[16:20]}-{t[20:]}" for t in texts]


def _screen_resolutions(rng: np.random.Generator, device: np.ndarray) -> np.ndarray:
    resolution = np.empty(len(device), dtype=object)
    for kind, sizes in ref.SCREEN_RESOLUTIONS.items():
        mine = device == kind
        resolution[mine] = _choose(sizes, rng.integers(0, len(sizes), mine.sum()))
    return resolution


def _landing_pages(
    spec: DemoSpec, rng: np.random.Generator, customer_ids: np.ndarray, logged_in: np.ndarray
) -> np.ndarray:
    """Mostly shop pages, some from campaigns; a newsletter confirmation carries the email."""
    n = len(customer_ids)
    pages = _weighted(rng, ref.LANDING_PAGES, n)
    campaign = rng.random(n) < 0.15
    pages[campaign] = pages[campaign] + _choose(
        ref.UTM_SUFFIXES, rng.integers(0, len(ref.UTM_SUFFIXES), campaign.sum())
    )
    confirming = np.flatnonzero(logged_in & (rng.random(n) < 0.03))
    emails = _stored_email(_customers(spec, customer_ids[confirming]))
    for row, email in zip(confirming.tolist(), emails, strict=True):
        if email:
            pages[row] = ref.NEWSLETTER_CONFIRM_PAGE + quote(email)
    return pages


def _contact_batches(spec: DemoSpec) -> Iterator[Batch]:
    for chunk, positions in _chunks(spec.contacts):
        rng = chunk_rng(spec.seed, "service.contacts", chunk)
        n = len(positions)
        contacted_at = spec.timeline.at((positions + rng.random(n)) / spec.contacts)
        known = rng.random(n) < 0.92
        customer_ids = 1 + (_customers_known_at(spec, contacted_at) * rng.random(n)).astype(
            np.int64
        )
        channel = _choose(("phone", "email", "chat"), pick(rng.random(n), (55, 30, 15)))
        channel[(channel == "chat") & (contacted_at < _CHAT_FROM)] = "email"
        recent = contacted_at > spec.end - 14 * DAY
        yield {
            "service.contacts": {
                "contact_id": positions + 1,
                "customer_id": _nullable(customer_ids.tolist(), known),
                "contacted_at": contacted_at,
                "channel": channel,
                "topic": _weighted(rng, ref.SERVICE_TOPICS, n),
                "notes": _notes(spec, rng, customer_ids, known),
                "agent_code": [f"AG-{a:03d}" for a in rng.integers(1, 49, n).tolist()],
                "resolved": ~recent | (rng.random(n) < 0.5),
            }
        }


def _notes(
    spec: DemoSpec, rng: np.random.Generator, customer_ids: np.ndarray, known: np.ndarray
) -> list[str | None]:
    """Agents' notes; about 30 % quote the customer's email, phone, name or fødselsnummer."""
    n = len(customer_ids)
    notes: list[str | None] = _choose(
        ref.PLAIN_NOTES, rng.integers(0, len(ref.PLAIN_NOTES), n)
    ).tolist()
    for row in np.flatnonzero(rng.random(n) < 0.05).tolist():
        notes[row] = None
    personal = np.flatnonzero(known & (rng.random(n) < 0.32))
    people = _customers(spec, customer_ids[personal])
    kinds = _weighted(rng, ref.PERSONAL_NOTE_KINDS, len(personal))
    template_draws = rng.random(len(personal)).tolist()
    details = {
        "email": people.email,
        "phone": people.mobile,
        "name": people.full_name.tolist(),
        "fnr": people.fodselsnummer,
    }
    for i, (row, kind) in enumerate(zip(personal.tolist(), kinds.tolist(), strict=True)):
        templates = ref.PERSONAL_NOTES[kind]
        template = templates[int(template_draws[i] * len(templates))]
        notes[row] = template.format(**{kind: details[kind][i]})
    return notes


def _applicant_batches(spec: DemoSpec) -> Iterator[Batch]:
    for chunk, positions in _chunks(spec.applicants):
        rng = chunk_rng(spec.seed, "hr.job_applicants", chunk)
        n = len(positions)
        people = People(spec.seed, "hr.job_applicants", positions + 1, APPLICANT)
        applied = np.datetime64(spec.as_of) - (1 + rng.integers(0, 3 * 365, n)) * DAY
        fresh = applied > np.datetime64(spec.as_of) - 30 * DAY
        status = np.where(
            fresh,
            _choose(("mottatt", "intervju"), pick(rng.random(n), (70, 30))),
            _choose(
                ("avslått", "ansatt", "trukket", "intervju"), pick(rng.random(n), (65, 12, 13, 10))
            ),
        )
        title = _choose(ref.JOB_TITLES, rng.integers(0, len(ref.JOB_TITLES), n))
        email = _nullable(people.email, rng.random(n) >= 0.03)
        yield {
            "hr.job_applicants": {
                "applicant_id": people.ids,
                "fornavn": people.first_name,
                "etternavn": people.last_name,
                "epost": email,
                "telefon": people.mobile,
                "adresse": people.street_address,
                "postnummer": people.postcode,
                "poststed": people.city,
                "fodselsdato": people.birth_date,
                "stilling": title,
                "soknadsdato": applied,
                "cv_tekst": _cvs(spec, rng, people, title, applied),
                "status": status,
            }
        }


def _cvs(
    spec: DemoSpec,
    rng: np.random.Generator,
    people: People,
    titles: np.ndarray,
    applied: np.ndarray,
) -> list[str]:
    """A CV summary as applicants write it: name, contact details, experience, education."""
    n = len(people.ids)
    companies = pools(spec.seed).companies
    employers = companies[rng.integers(0, len(companies), n)].tolist()
    education = _choose(ref.EDUCATION, rng.integers(0, len(ref.EDUCATION), n)).tolist()
    adult_years = (applied - people.birth_date) / np.timedelta64(1, "D") / 365.25 - 18
    years = np.maximum(1, rng.random(n) * np.minimum(adult_years, 30)).astype(np.int64).tolist()
    born = people.birth_date.tolist()
    rows = zip(
        people.full_name.tolist(),
        born,
        people.email,
        people.mobile,
        years,
        titles.tolist(),
        employers,
        education,
        strict=True,
    )
    return [
        f"{name}, født {dob:%d.%m.%Y}. E-post: {email}, mobil {phone}. {y} års erfaring som "
        f"{title.lower()} hos {employer}. {edu}."
        for name, dob, email, phone, y, title, employer, edu in rows
    ]
