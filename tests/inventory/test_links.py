"""Keys to tables of people are recorded as links in the register, on every warehouse."""

from __future__ import annotations

from datetime import UTC, datetime

from faker import Faker
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, insert, select

from include.governance.audit import ensure_governance_tables, pii_columns
from include.governance.catalog import Catalog
from include.governance.inventory.discovery import ScanScope
from include.governance.inventory.report import render_inventory_report
from include.governance.inventory.scan import finish_scan, scan_table, start_scan
from include.governance.policy import load_policy
from include.governance.warehouse import ensure_schema

POLICY = load_policy()


def build(engine) -> None:
    ensure_schema(engine, "shop")
    meta = MetaData(schema="shop")
    staff = Table(
        "staff",
        meta,
        Column("staff_id", Integer, primary_key=True),
        Column("first_name", String(40)),
        Column("email", String(80)),
    )
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
    fake = Faker("en_US")
    fake.seed_instance(5)
    with engine.begin() as conn:
        conn.execute(
            insert(staff),
            [
                {"staff_id": i, "first_name": fake.first_name(), "email": fake.email()}
                for i in range(1, 31)
            ],
        )


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
        {"to": "shop.staff", "how": "foreign key"},
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
