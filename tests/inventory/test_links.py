"""Keys to tables of people are recorded as links in the register, on every warehouse."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from faker import Faker
from sqlalchemy import (
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
    text,
)

from include.governance.audit import ensure_governance_tables, pii_columns, pii_scan_tables
from include.governance.catalog import Catalog
from include.governance.inventory.discovery import ScanScope
from include.governance.inventory.report import render_inventory_report
from include.governance.inventory.scan import finish_scan, scan_table, start_scan
from include.governance.policy import load_policy
from include.governance.schemas import physical
from include.governance.warehouse import ensure_schema
from tests import scans

POLICY = load_policy()


def people(meta: MetaData, name: str, key: str) -> Table:
    """A table of people: its key, a first name and an email."""
    return Table(
        name,
        meta,
        Column(key, Integer, primary_key=True),
        Column("first_name", String(40)),
        Column("email", String(80)),
    )


def fill_people(engine, tables: list[Table], seed: int) -> None:
    """Thirty people in each of ``tables``, numbered from 1."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    with engine.begin() as conn:
        for table in tables:
            key = next(iter(table.primary_key.columns)).name
            conn.execute(
                insert(table),
                [
                    {key: i, "first_name": fake.first_name(), "email": fake.email()}
                    for i in range(1, 31)
                ],
            )


def build(engine) -> None:
    ensure_schema(engine, "shop")
    meta = MetaData(schema="shop")
    staff = people(meta, "staff", "staff_id")
    Table(
        "tickets",
        meta,
        Column("ticket_id", Integer, primary_key=True),
        Column("staff_id", Integer, ForeignKey(staff.c.staff_id)),  # declared
        Column("reviewer_id", Integer),
        Column("priority", String(10)),
    )
    Table("products", meta, Column("product_id", Integer, primary_key=True))
    Table(
        "lines",
        meta,
        Column("line_id", Integer, primary_key=True),
        Column("product_id", Integer),  # named for a table of things: no link
        Column("staff_id", Integer),  # named for a table of people: a weaker link
    )
    meta.create_all(engine)
    fill_people(engine, [staff], seed=5)


def test_keys_to_people_are_links_of_their_own_not_the_category_they_point_at(any_engine):
    build(any_engine)
    scan_id = "links-1"
    tables = start_scan(
        any_engine,
        POLICY,
        scan_id,
        scanned_at=datetime(2026, 11, 24, tzinfo=UTC),
        scope=ScanScope(("shop",)),
        sample_size=1000,
    )
    for table in tables:
        scan_table(any_engine, POLICY, scan_id, table, sample_size=1000)
    summary = finish_scan(any_engine, POLICY, scan_id)
    with any_engine.connect() as conn:
        rows = {
            f"{r.table_name}.{r.column_name}": (r.category, r.links_to, r.evidence.get("link"))
            for r in conn.execute(select(pii_columns))
        }
    assert rows["tickets.staff_id"] == (
        None,
        "shop.staff",
        {"to": "shop.staff", "how": "foreign key", "column": "staff_id"},
    )
    assert rows["lines.staff_id"] == (None, "shop.staff", {"to": "shop.staff", "how": "name"})
    assert "lines.product_id" not in rows
    assert "tickets.reviewer_id" not in rows
    assert rows["staff.first_name"][0] == "name"
    assert summary.findings == 2  # links are no findings of a category
    report = render_inventory_report(any_engine, POLICY, summary)
    assert "## Links to personal data" in report
    assert "`shop.tickets.staff_id`" in report


def test_a_register_from_an_earlier_version_gains_links_and_a_category_that_may_be_empty(
    any_engine,
):
    ensure_schema(any_engine, "governance")
    earlier = Table(  # the register as the version before links made it
        "pii_columns",
        MetaData(schema="governance"),
        *[
            Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
            for c in pii_columns.columns
            if c.name not in ("category", "links_to")
        ],
        Column("category", String(64), nullable=False),
    )
    earlier.create(any_engine)
    with any_engine.begin() as conn:
        conn.execute(
            earlier.insert().values(
                schema_name="s",
                table_name="t",
                column_name="c",
                category="email",
                confidence=0.9,
                evidence={},
                governed=False,
                first_seen=datetime(2026, 1, 1, tzinfo=UTC),
                last_seen=datetime(2026, 1, 1, tzinfo=UTC),
                last_scan_id="old",
            )
        )
    ensure_governance_tables(any_engine)
    ensure_governance_tables(any_engine)
    columns = {
        c["name"]: c for c in Catalog(any_engine).get_columns("pii_columns", schema="governance")
    }
    assert columns["category"]["nullable"]
    assert "links_to" in columns
    with any_engine.connect() as conn:
        assert conn.execute(select(pii_columns.c.category)).scalar_one() == "email"


def test_a_key_named_for_what_an_extension_table_extends_links_to_it(any_engine):
    """``customer_id`` beside ``customer_entity`` (an EAV entity): named for its table."""
    ensure_schema(any_engine, "eav")
    meta = MetaData(schema="eav")
    entity = Table(
        "customer_entity",
        meta,
        Column("entity_id", Integer, primary_key=True),
        Column("firstname", String(40)),
        Column("email", String(80)),
    )
    Table(
        "newsletter_subscriber",
        meta,
        Column("id", Integer, primary_key=True),
        Column("customer_id", Integer),
    )
    meta.create_all(any_engine)
    fake = Faker("en_US")
    fake.seed_instance(6)
    with any_engine.begin() as conn:
        conn.execute(
            insert(entity),
            [
                {"entity_id": i, "firstname": fake.first_name(), "email": fake.email()}
                for i in range(1, 31)
            ],
        )
    scan_id = "links-eav"
    scanned_at = datetime(2026, 11, 24, tzinfo=UTC)
    scope = ScanScope(("eav",))
    for table in start_scan(
        any_engine, POLICY, scan_id, scanned_at=scanned_at, scope=scope, sample_size=1000
    ):
        scan_table(any_engine, POLICY, scan_id, table, sample_size=1000)
    finish_scan(any_engine, POLICY, scan_id)
    with any_engine.connect() as conn:
        rows = {
            f"{r.table_name}.{r.column_name}": (r.category, r.links_to)
            for r in conn.execute(select(pii_columns).where(pii_columns.c.schema_name == "eav"))
        }
    assert rows["newsletter_subscriber.customer_id"] == ("customer_id", "eav.customer_entity")
    assert rows["customer_entity.entity_id"][0] == "customer_id"  # the customers' own key


def build_erp(engine) -> None:
    """Customers and staff, and invoices whose keys to them say nothing of whom."""
    ensure_schema(engine, "erp")
    meta = MetaData(schema="erp")
    customer, staff = people(meta, "customer", "id"), people(meta, "staff", "id")
    Table(
        "invoice",
        meta,
        Column("id", Integer, primary_key=True),
        Column("buyer", Integer, ForeignKey(customer.c.id)),  # nothing in its name
        Column("clerk", Integer, ForeignKey(staff.c.id)),
    )
    meta.create_all(engine)
    fill_people(engine, [customer, staff], seed=7)


def erp_register(engine) -> dict[str, Any]:
    with engine.connect() as conn:
        return {
            f"{r.table_name}.{r.column_name}": r
            for r in conn.execute(select(pii_columns).where(pii_columns.c.schema_name == "erp"))
        }


def test_a_foreign_key_to_a_customer_number_holds_that_customer_number(any_engine):
    """A key to the customers' own key holds the same numbers, whatever its name: it is the
    customer number as well as a link; a key to staff is a link only (no category)."""
    build_erp(any_engine)
    summary = scans.run_scan(any_engine, POLICY, "erp-1", include=["erp"])
    rows = erp_register(any_engine)
    assert rows["customer.id"].category == "customer_id"
    buyer = rows["invoice.buyer"]
    assert (buyer.category, buyer.links_to) == ("customer_id", "erp.customer")
    assert buyer.evidence["link"] == {"to": "erp.customer", "how": "foreign key", "column": "id"}
    clerk = rows["invoice.clerk"]
    assert (clerk.category, clerk.links_to) == (None, "erp.staff")
    assert "erp.invoice.buyer" in {u["column"] for u in summary.ungoverned}
    report = render_inventory_report(any_engine, POLICY, summary)
    assert "holds the values of `erp.customer.id`" in report


def test_a_held_customer_number_goes_when_what_it_refers_to_is_no_longer_one(any_engine):
    """The invoices are unchanged (on PostgreSQL, whose change counters say so, their
    findings are carried), but the customers' table no longer holds anyone's data: its key
    is no customer number, so neither is the key to it, and the change is recorded."""
    build_erp(any_engine)
    scans.run_scan(any_engine, POLICY, "erp-1", include=["erp"])
    with any_engine.begin() as conn:
        for column in ("first_name", "email"):
            customer = f"{physical(conn, 'erp')}.customer"
            conn.execute(text(f"ALTER TABLE {customer} DROP COLUMN {column}"))
    summary = scans.run_scan(any_engine, POLICY, "erp-2", day=25, include=["erp"])
    with any_engine.connect() as conn:
        carried_from = conn.execute(
            select(pii_scan_tables.c.carried_from).where(
                pii_scan_tables.c.scan_id == "erp-2", pii_scan_tables.c.table_name == "invoice"
            )
        ).scalar_one()
    if any_engine.dialect.name == "postgresql":
        assert carried_from == "erp-1"
    rows = erp_register(any_engine)
    assert "customer.id" not in rows
    assert "invoice.buyer" not in rows  # nor a link: no table of people is left
    gone = {
        (c["table_name"], c["column_name"]) for c in summary.changes if c["change"] == "removed"
    }
    assert ("invoice", "buyer") in gone


def build_tenant_erp(engine) -> None:
    """An ERP whose every key starts with the client (SAP's ``MANDT``): customers keyed by
    (client, number), an address book they refer to, orders referring to a customer, and
    order lines keyed by (order, line) referring to their order."""
    ensure_schema(engine, "erp")
    meta = MetaData(schema="erp")
    address = Table(
        "adrc",
        meta,
        Column("client", String(3), primary_key=True),
        Column("addrnumber", String(10), primary_key=True),
        Column("city1", String(40)),
    )
    customer = Table(
        "kna1",
        meta,
        Column("mandt", String(3), primary_key=True),
        Column("kunnr", String(10), primary_key=True),
        Column("first_name", String(40)),
        Column("email", String(80)),
        Column("adrnr", String(10)),
        ForeignKeyConstraint(["mandt", "adrnr"], [address.c.client, address.c.addrnumber]),
    )
    order = Table(
        "vbak",
        meta,
        Column("mandt", String(3), primary_key=True),
        Column("vbeln", String(10), primary_key=True),
        Column("kunnr", String(10)),
        ForeignKeyConstraint(["mandt", "kunnr"], [customer.c.mandt, customer.c.kunnr]),
    )
    Table(
        "vbap",
        meta,
        Column("mandt", String(3), primary_key=True),
        Column("vbeln", String(10), primary_key=True),
        Column("posnr", String(6), primary_key=True),
        Column("matnr", String(18)),
        ForeignKeyConstraint(["mandt", "vbeln"], [order.c.mandt, order.c.vbeln]),
    )
    meta.create_all(engine)
    fake = Faker("en_US")
    fake.seed_instance(11)
    with engine.begin() as conn:
        numbers = [f"{100000 + i:010d}" for i in range(30)]
        conn.execute(
            insert(address),
            [{"client": "100", "addrnumber": f"{i:010d}", "city1": fake.city()} for i in range(30)],
        )
        conn.execute(
            insert(customer),
            [
                {
                    "mandt": "100",
                    "kunnr": n,
                    "first_name": fake.first_name(),
                    "email": fake.email(),
                    "adrnr": f"{i:010d}",
                }
                for i, n in enumerate(numbers)
            ],
        )
        conn.execute(
            insert(order),
            [{"mandt": "100", "vbeln": f"{i:010d}", "kunnr": n} for i, n in enumerate(numbers)],
        )


def test_a_key_written_with_its_client_first_links_by_the_rest_of_it(any_engine):
    """(``MANDT``, ``KUNNR``) to the customers is a link by ``KUNNR`` (the client starts
    keys to two tables: it is no one's); a key of two columns none of which is a client
    (an order line's) links nothing; an address's record number is no address."""
    build_tenant_erp(any_engine)
    scans.run_scan(any_engine, POLICY, "erp-1", include=["erp"])
    rows = erp_register(any_engine)
    buyer = rows["vbak.kunnr"]
    assert buyer.links_to == "erp.kna1"
    assert buyer.category == "customer_id"
    assert "vbak.mandt" not in rows
    assert not any(name.startswith("vbap.") for name in rows)
    assert "kna1.adrnr" not in rows or rows["kna1.adrnr"].category != "postal_address"
