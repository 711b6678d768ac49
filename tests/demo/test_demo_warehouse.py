"""The demo warehouse: deterministic, whole (no orphans), and realistic where it matters.

Every expectation is derived from the rules the data must follow (check digits, order
arithmetic, the ten-year retention period), never from values a build happened to produce.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from collections import Counter
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlalchemy import Engine, MetaData, Select, Table, func, select
from stdnum.no import fodselsnummer, kontonr, orgnr

from include.demo import generate
from include.demo.__main__ import main
from include.demo.generate import DemoSpec, years_before
from include.demo.load import build_demo_warehouse, parse_scale
from include.demo.reference import EMAIL_DOMAINS, POSTCODES
from include.demo.schema import DEMO_SCHEMAS, build_metadata
from include.governance.catalog import Catalog
from include.governance.warehouse import WarehouseError, create_warehouse_engine, ensure_schema
from tests.server_sql import sql

AS_OF = date(2026, 11, 24)
SCALE = 300
SEED = 7
SPEC = DemoSpec(SCALE, SEED, AS_OF)
END = datetime(AS_OF.year, AS_OF.month, AS_OF.day, tzinfo=UTC)
CUTOFF = datetime.combine(years_before(AS_OF, 10), datetime.min.time(), tzinfo=UTC)

# References that exist as foreign keys on PostgreSQL and MariaDB only (SQLite cannot
# declare them across attached files) or not at all; the data must honour them anyway.
LOGICAL_REFERENCES = (
    ("sales.orders", "customer_id", "crm.customers", "customer_id"),
    ("web.sessions", "customer_id", "crm.customers", "customer_id"),
    ("service.contacts", "customer_id", "crm.customers", "customer_id"),
    ("health.blue_prescriptions", "customer_id", "crm.customers", "customer_id"),
    ("health.blue_prescriptions", "product_id", "sales.products", "product_id"),
)


@pytest.fixture
def built(engine: Engine) -> Engine:
    build_demo_warehouse(engine, SCALE, SEED, AS_OF)
    return engine


def _metadata(engine: Engine) -> MetaData:
    return build_metadata(engine.dialect.name)


def _utc(moment: datetime | None) -> datetime | None:
    """Timestamps as aware UTC: SQLite and MariaDB return naive UTC, PostgreSQL aware."""
    if moment is None or moment.tzinfo:
        return moment
    return moment.replace(tzinfo=UTC)


def _normal(value: object) -> str:
    """A value as text that is the same whichever dialect returned it."""
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return repr(value)


def _digest(conn, table: Table) -> str:
    """A hash of a table's contents, independent of row order and of the dialect."""
    rows = sorted("|".join(map(_normal, row)) for row in conn.execute(select(table)))
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def _digests(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {key: _digest(conn, table) for key, table in _metadata(engine).tables.items()}


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            key: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for key, table in _metadata(engine).tables.items()
        }


def _rows(engine: Engine, statement: str) -> list:
    """Rows of plain SQL (counts, ids: no dates or decimals, which SQLite returns as text)."""
    with engine.connect() as conn:
        return conn.execute(sql(conn, statement)).all()


def _fetch(engine: Engine, statement: Select) -> list:
    with engine.connect() as conn:
        return conn.execute(statement).all()


def _columns(engine: Engine, table: str, *names: str) -> list:
    """Rows of some columns of a demo table, typed (dates, decimals) on every dialect."""
    columns = _metadata(engine).tables[table].c
    return _fetch(engine, select(*(columns[name] for name in names)))


# --- building and rebuilding -------------------------------------------------------------


def test_build_reports_what_it_loaded(engine: Engine) -> None:
    rows = build_demo_warehouse(engine, SCALE, SEED, AS_OF)
    assert rows == _counts(engine)
    assert set(rows) == set(_metadata(engine).tables)
    assert rows["crm.customers"] == SPEC.customers
    assert rows["sales.orders"] == SPEC.orders
    assert rows["web.sessions"] == SPEC.sessions
    assert rows["service.contacts"] == SPEC.contacts
    assert rows["hr.job_applicants"] == SPEC.applicants
    assert 2.2 < rows["sales.order_lines"] / rows["sales.orders"] < 2.8
    assert 0.015 < rows["sales.claims"] / rows["sales.orders"] < 0.05
    assert 0.03 < rows["health.blue_prescriptions"] / rows["crm.customers"] < 0.1


def test_rebuild_replaces_and_gives_identical_contents(engine: Engine) -> None:
    first_rows = build_demo_warehouse(engine, SCALE, SEED, AS_OF)
    first = _digests(engine)
    second_rows = build_demo_warehouse(engine, SCALE, SEED, AS_OF)
    assert second_rows == first_rows == _counts(engine)  # replaced, not appended
    assert _digests(engine) == first


def test_another_seed_gives_other_people_and_orders(engine: Engine) -> None:
    build_demo_warehouse(engine, SCALE, SEED, AS_OF)
    first = _digests(engine)
    build_demo_warehouse(engine, SCALE, SEED + 1, AS_OF)
    other = _digests(engine)
    for table in ("crm.customers", "sales.orders", "sales.order_lines", "web.sessions"):
        assert other[table] != first[table], table


@pytest.mark.parametrize(
    "other",
    [
        pytest.param("pg_engine", marks=pytest.mark.postgres),
        pytest.param("pg3_engine", marks=pytest.mark.postgres),
        pytest.param("mariadb_engine", marks=pytest.mark.mariadb),
    ],
)
def test_same_contents_on_every_dialect(sqlite_engine: Engine, other: str, request) -> None:
    engine = request.getfixturevalue(other)
    build_demo_warehouse(sqlite_engine, SCALE, SEED, AS_OF)
    build_demo_warehouse(engine, SCALE, SEED, AS_OF)
    assert _digests(engine) == _digests(sqlite_engine)


def test_rebuild_leaves_other_schemas_alone(engine: Engine) -> None:
    build_demo_warehouse(engine, SCALE, SEED, AS_OF)
    ensure_schema(engine, "governance")
    with engine.begin() as conn:
        conn.execute(sql(conn, "CREATE TABLE governance.keep_me (id INTEGER PRIMARY KEY)"))
        conn.execute(sql(conn, "INSERT INTO governance.keep_me VALUES (1)"))
    build_demo_warehouse(engine, SCALE, SEED, AS_OF)
    assert _rows(engine, "SELECT id FROM governance.keep_me") == [(1,)]


def test_chunked_generation_keeps_ids_unique_and_references_whole(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generate, "CHUNK_ROWS", 997)  # many chunks, ragged ends
    rows = build_demo_warehouse(sqlite_engine, SCALE, SEED, AS_OF)
    for key, table in _metadata(sqlite_engine).tables.items():
        key_column, *more = table.primary_key.columns
        if more or key_column.type.python_type is not int:
            continue  # stock (product, location) and sessions (uuid) have no running number
        ids = select(func.min(key_column), func.max(key_column))
        assert tuple(_fetch(sqlite_engine, ids)[0]) == (1, rows[key]), key  # no gaps, no repeats
    assert _orphans(sqlite_engine) == {}


# --- integrity ---------------------------------------------------------------------------


def _orphans(engine: Engine) -> dict[str, int]:
    """Child rows whose parent is missing, per reference (declared or logical)."""
    references = [
        (table.fullname, fk.parent.name, fk.column.table.fullname, fk.column.name)
        for table in _metadata(engine).tables.values()
        for fk in table.foreign_keys
    ]
    found = {}
    for child, column, parent, key in {*references, *LOGICAL_REFERENCES}:
        query = (
            f"SELECT COUNT(*) FROM {child} c LEFT JOIN {parent} p ON p.{key} = c.{column} "
            f"WHERE c.{column} IS NOT NULL AND p.{key} IS NULL"
        )
        missing = _rows(engine, query)[0][0]
        if missing:
            found[f"{child}.{column}"] = missing
    return found


def test_no_orphans(built: Engine) -> None:
    assert _orphans(built) == {}
    if built.dialect.name == "sqlite":
        assert _rows(built, "PRAGMA sales.foreign_key_check") == []


def test_customers_sign_up_before_they_order_or_call(built: Engine) -> None:
    for child, moment in (
        ("sales.orders", "ordered_at"),
        ("service.contacts", "contacted_at"),
        ("web.sessions", "started_at"),
    ):
        query = (
            f"SELECT COUNT(*) FROM {child} x JOIN crm.customers c "
            f"ON c.customer_id = x.customer_id WHERE x.{moment} < c.created_at"
        )
        assert _rows(built, query)[0][0] == 0, child


def test_nothing_happens_on_or_after_the_as_of_date(built: Engine) -> None:
    metadata = _metadata(built)
    with built.connect() as conn:
        for table in metadata.tables.values():
            for column in table.columns:
                if column.type.python_type is datetime:
                    latest = conn.execute(select(func.max(column))).scalar_one()
                    assert latest is None or _utc(latest) < END, f"{table.fullname}.{column.name}"
                elif column.type.python_type is date:
                    latest = conn.execute(select(func.max(column))).scalar_one()
                    assert latest is None or latest < AS_OF, f"{table.fullname}.{column.name}"


# --- identifiers ---------------------------------------------------------------------------


def test_national_ids_are_valid_and_agree_with_birth_date_and_gender(built: Engine) -> None:
    customers = _columns(built, "crm.customers", "national_id", "date_of_birth", "gender")
    with_id = [row for row in customers if row.national_id is not None]
    assert 0.25 < len(with_id) / len(customers) < 0.5
    for number, born, gender in with_id:
        assert fodselsnummer.is_valid(number)
        assert fodselsnummer.get_birth_date(number) == born
        if gender in ("male", "female"):
            assert (fodselsnummer.get_gender(number) == "M") == (gender == "male")


def test_blue_prescriptions_carry_the_customers_own_fodselsnummer(built: Engine) -> None:
    tables = _metadata(built).tables
    prescriptions, customers = tables["health.blue_prescriptions"].c, tables["crm.customers"].c
    rows = _fetch(
        built,
        select(prescriptions.patient_fnr, customers.national_id, customers.date_of_birth).where(
            customers.customer_id == prescriptions.customer_id
        ),
    )
    assert len(rows) == _counts(built)["health.blue_prescriptions"] > 0
    for patient_fnr, national_id, born in rows:
        assert fodselsnummer.is_valid(patient_fnr)
        assert patient_fnr == national_id
        assert fodselsnummer.get_birth_date(patient_fnr) == born


def test_supplier_numbers_are_valid_and_no_bank_account_passes_as_fodselsnummer(
    built: Engine,
) -> None:
    suppliers = _columns(built, "sales.suppliers", "org_number", "bank_account")
    assert len(suppliers) == 25
    for org_number, account in suppliers:
        assert orgnr.is_valid(org_number)
        assert len(account) == 11
        assert kontonr.is_valid(account)
        assert not fodselsnummer.is_valid(account)


# --- orders --------------------------------------------------------------------------------


def test_order_totals_reconcile_with_lines_and_payments(built: Engine) -> None:
    lines = _columns(
        built,
        "sales.order_lines",
        "order_id",
        "quantity",
        "unit_price",
        "discount_pct",
        "line_total",
    )
    sums: Counter[int] = Counter()
    for order_id, quantity, price, discount, line_total in lines:
        exact = quantity * price * (100 - discount) / 100
        assert line_total == exact.quantize(Decimal("0.01"), ROUND_HALF_UP)
        sums[order_id] += line_total
    orders = _columns(built, "sales.orders", "order_id", "total_amount", "shipping_fee")
    assert {o.order_id: o.total_amount for o in orders} == {
        o.order_id: sums[o.order_id] + o.shipping_fee for o in orders
    }
    unpaid = _rows(
        built,
        "SELECT COUNT(*) FROM sales.payments p JOIN sales.orders o ON o.order_id = p.order_id "
        "WHERE p.amount <> o.total_amount",
    )
    assert unpaid == [(0,)]


def test_child_rows_follow_the_order_status(built: Engine) -> None:
    per_status = {
        status: (orders, payments, shipments)
        for status, orders, payments, shipments in _rows(
            built,
            "SELECT o.status, COUNT(*), COUNT(p.payment_id), COUNT(s.shipment_id) "
            "FROM sales.orders o LEFT JOIN sales.payments p ON p.order_id = o.order_id "
            "LEFT JOIN sales.shipments s ON s.order_id = o.order_id GROUP BY o.status",
        )
    }
    for status, (orders, payments, shipments) in per_status.items():
        assert payments == (0 if status == "placed" else orders), status
        shipped = status in ("shipped", "delivered", "returned")
        assert shipments == (orders if shipped else 0), status
    assert per_status["delivered"][0] > 0.8 * sum(o for o, _, _ in per_status.values())


def test_a_fifth_of_orders_are_past_retention_and_some_are_held(built: Engine) -> None:
    tables = _metadata(built).tables
    orders, claims = tables["sales.orders"].c, tables["sales.claims"].c
    count = select(func.count()).select_from(tables["sales.orders"])
    total = _fetch(built, count)[0][0]
    old = _fetch(built, count.where(orders.ordered_at < CUTOFF))[0][0]
    assert 0.10 <= old / total <= 0.30
    held = select(func.count()).where(
        claims.order_id == orders.order_id, claims.status == "open", orders.ordered_at < CUTOFF
    )
    assert _fetch(built, held)[0][0] >= 1
    closed_without_date = _rows(
        built, "SELECT COUNT(*) FROM sales.claims WHERE status = 'closed' AND closed_at IS NULL"
    )
    assert closed_without_date == [(0,)]


def test_order_numbers_look_like_mobile_numbers(built: Engine) -> None:
    numbers = _rows(built, "SELECT order_id, order_number FROM sales.orders")
    assert all(number == 40_000_000 + order_id for order_id, number in numbers)
    assert all(re.fullmatch(r"4\d{7}", str(number)) for _, number in numbers)


def test_only_web_orders_have_an_ip_address(built: Engine) -> None:
    rows = _rows(built, "SELECT channel, ip_address FROM sales.orders")
    assert {channel for channel, _ in rows} == {"web", "phone", "store"}
    assert all((ip is None) == (channel != "web") for channel, ip in rows)
    addresses = [ipaddress.ip_address(ip) for _, ip in rows if ip]
    assert all(address.is_global for address in addresses)
    v6_share = sum(a.version == 6 for a in addresses) / len(addresses)
    assert 0.10 < v6_share < 0.30


def test_cards_are_stored_masked(built: Engine) -> None:
    payments = _rows(built, "SELECT method, card_brand, card_last4, masked_pan FROM sales.payments")
    assert {p.method for p in payments} == {"card", "vipps", "klarna", "invoice"}
    for method, brand, last4, masked in payments:
        if method != "card":
            assert (brand, last4, masked) == (None, None, None)
            continue
        assert re.fullmatch(r"\d{6}\*{6}\d{4}", masked)
        assert masked.endswith(last4)
        assert masked[0] == ("4" if brand == "Visa" else "5")


# --- people --------------------------------------------------------------------------------


def _digits(phone: str) -> str:
    return re.sub(r"^(\+47|0047)", "", phone.replace(" ", ""))


def test_contact_details_look_norwegian(built: Engine) -> None:
    customers = _rows(built, "SELECT email, mobile, postcode, city FROM crm.customers")
    towns = {town.postcode: town.city for town in POSTCODES}
    domains = {domain for domain, _ in EMAIL_DOMAINS}
    shapes = set()
    for email, mobile, postcode, city in customers:
        assert towns[postcode] == city
        if email:
            local, domain = email.split("@")
            assert domain in domains
            assert re.fullmatch(r"[a-z0-9._-]+", local)
        if mobile:
            assert re.fullmatch(r"[49]\d{7}", _digits(mobile)), mobile
            shapes.add(re.sub(r"\d", "9", mobile))
    assert len(shapes) >= 4  # mixed formats, as people type them
    years = [born.year for (born,) in _columns(built, "crm.customers", "date_of_birth")]
    assert sum(1930 <= year <= 1990 for year in years) / len(years) > 0.9


def test_about_a_third_of_service_notes_hold_personal_data(built: Engine) -> None:
    customers = {
        row.customer_id: row
        for row in _rows(built, "SELECT customer_id, first_name, last_name FROM crm.customers")
    }
    notes = _rows(built, "SELECT customer_id, notes FROM service.contacts")

    def personal(customer_id: int | None, note: str | None) -> bool:
        if not note:
            return False
        customer = customers.get(customer_id)
        named = customer and f"{customer.first_name} {customer.last_name}" in note
        numbers = re.findall(r"\+?\d[\d ]{7,}\d", note)
        return bool(
            named
            or "@" in note
            or any(
                fodselsnummer.is_valid(n) or re.fullmatch(r"[49]\d{7}", _digits(n)) for n in numbers
            )
        )

    share = sum(personal(*row) for row in notes) / len(notes)
    assert 0.2 < share < 0.4


def test_sessions_describe_a_consistent_device(built: Engine) -> None:
    sessions = _rows(
        built,
        "SELECT customer_id, device_type, os, browser, user_agent, screen_resolution "
        "FROM web.sessions",
    )
    marker = {
        "Chrome": ("Chrome/", "CriOS/"),
        "Edge": ("Edg/",),
        "Firefox": ("Firefox/",),
        "Safari": ("Version/",),
        "Samsung Internet": ("SamsungBrowser/",),
    }
    system = {
        "Windows": "Windows NT",
        "macOS": "Mac OS X",
        "iOS": "like Mac OS X",
        "Android": "Android",
        "Linux": "Linux",
    }
    for _, device, os, browser, agent, resolution in sessions:
        assert any(m in agent for m in marker[browser]), agent
        assert system[os] in agent
        width, height = map(int, resolution.split("x"))
        assert (width > height) == (device == "desktop"), (device, resolution)
    logged_in = sum(s.customer_id is not None for s in sessions) / len(sessions)
    assert 0.3 < logged_in < 0.5


def test_job_applicants_are_adults_who_applied_recently(built: Engine) -> None:
    applicants = _columns(
        built, "hr.job_applicants", "fornavn", "etternavn", "fodselsdato", "soknadsdato", "cv_tekst"
    )
    for first, last, born, applied, cv in applicants:
        assert 1960 <= born.year <= 2005
        assert (AS_OF - applied).days <= 3 * 366
        assert f"{first} {last}" in cv


def test_product_traps(built: Engine) -> None:
    products = _rows(built, "SELECT name, code FROM sales.products")
    assert len(products) == 60
    assert all(1995 <= int(code) <= 2025 and len(code) == 4 for _, code in products)
    assert any(name.startswith("Topro ") for name, _ in products)


# --- command line --------------------------------------------------------------------------


def test_parse_scale() -> None:
    assert [parse_scale(t) for t in ("2000", "50k", "1M", "2.5m")] == [
        2_000,
        50_000,
        1_000_000,
        2_500_000,
    ]
    with pytest.raises(ValueError, match="not a scale"):
        parse_scale("lots")


def test_cli_builds_and_prints_counts_only(tmp_path, capsys: pytest.CaptureFixture) -> None:
    url = f"sqlite:///{tmp_path}/warehouse.db"
    assert main(["--url", url, "--scale", "300", "--seed", str(SEED), "--as-of", "2026-11-24"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"crm\.customers\s+300\b", out)
    assert all(f"{schema}." in out for schema in DEMO_SCHEMAS)
    engine = create_warehouse_engine(url)
    people = _rows(engine, "SELECT last_name, email, mobile FROM crm.customers")
    engine.dispose()
    assert "@" not in out
    assert not any(value and value in out for row in people for value in row)


@pytest.mark.postgres
def test_cli_builds_through_psycopg_3(pg3_url, pg_engine, capsys: pytest.CaptureFixture) -> None:
    """``make demo`` on ``postgresql+psycopg://`` (SQLAlchemy 2.1's default driver) loads by
    COPY what psycopg2 loads."""
    args = ["--scale", "300", "--seed", str(SEED), "--as-of", "2026-11-24"]
    assert main(["--url", pg3_url, *args]) == 0
    assert re.search(r"crm\.customers\s+300\b", capsys.readouterr().out)
    through_psycopg_3 = _digests(pg_engine)
    build_demo_warehouse(pg_engine, SCALE, SEED, AS_OF)
    assert _digests(pg_engine) == through_psycopg_3


def test_cli_rejects_a_bad_scale(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["--scale", "lots"])
    assert "not a scale" in capsys.readouterr().err


@pytest.mark.parametrize(
    "dialect",
    [
        "sqlite_engine",
        pytest.param("pg_engine", marks=pytest.mark.postgres),
        pytest.param("mariadb_engine", marks=pytest.mark.mariadb),
    ],
)
def test_the_demo_never_replaces_a_table_it_did_not_create(dialect: str, request) -> None:
    """Pointed at a warehouse that has a sales.orders of its own (a trial on MariaDB, where
    schemas are server-wide, lost one), the demo refuses and the table keeps its rows; a
    table the demo made is replaced as before."""
    engine = request.getfixturevalue(dialect)
    ensure_schema(engine, "sales")
    engine.dispose()  # SQLite: new connections attach the new schema's file
    with engine.begin() as conn:
        conn.execute(sql(conn, "CREATE TABLE sales.orders (order_id INTEGER, note VARCHAR(20))"))
        conn.execute(sql(conn, "INSERT INTO sales.orders VALUES (1, 'theirs')"))
    with pytest.raises(WarehouseError, match=r"sales\.orders .*not made by the demo"):
        build_demo_warehouse(engine, scale=20)
    with engine.connect() as conn:
        assert conn.execute(sql(conn, "SELECT note FROM sales.orders")).scalar_one() == "theirs"
        assert not Catalog(conn).has_table("customers", schema="crm")  # nothing half-done
    with engine.begin() as conn:
        conn.execute(sql(conn, "DROP TABLE sales.orders"))
    build_demo_warehouse(engine, scale=20)
    assert build_demo_warehouse(engine, scale=20)["sales.orders"] > 0  # its own: replaced
