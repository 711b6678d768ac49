"""The pushdown path on PostgreSQL: one statement PostgreSQL's workers may share, in the
snapshot the rows were counted in, with the secret in no statement."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError

from include.demo.load import build_demo_warehouse
from include.governance.anonymise.methods import pushdown as anonymise_pushdown
from include.governance.anonymise.methods.pushdown import fill_by_pushdown
from include.governance.anonymise.methods.slices import Slice, slices_of_rows
from include.governance.anonymise.plan import plan_output
from include.governance.anonymise.sql import ensure_pgcrypto, load_secret, pseudonym_sql
from include.governance.anonymise.staging import recreate, staging_table
from include.governance.catalog import Catalog
from include.governance.policy import load_policy
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.warehouse import ensure_schema

POLICY = load_policy()
RUN_DATE = date(2026, 11, 24)
KEY = PseudonymKey("analytics", "v1", b"analytics-secret-for-the-tests-0001")


def test_slices_cover_every_page_once_and_the_last_is_open():
    assert slices_of_rows(10, 1000, 300) == [Slice(0, 3), Slice(3, 6), Slice(6, 9), Slice(9)]
    assert slices_of_rows(0, 0, 300) == [Slice(0, None)]
    assert Slice().where() == "TRUE"
    assert Slice(5, 9).where() == "src.ctid >= '(5,0)'::tid AND src.ctid < '(9,0)'::tid"
    assert Slice(5).where("o") == "o.ctid >= '(5,0)'::tid"


@pytest.fixture
def warehouse(pg_driver_engine):
    """The demo warehouse through psycopg2, then psycopg 3 (the key's secret goes by COPY)."""
    build_demo_warehouse(pg_driver_engine, scale=400, as_of=RUN_DATE)
    ensure_schema(pg_driver_engine, "analytics")
    ensure_pgcrypto(pg_driver_engine)
    return pg_driver_engine


def build(engine, output: str) -> tuple[int, int, list[tuple]]:
    plan = plan_output(engine, POLICY, output)
    recreate(engine, staging_table(plan.schema, plan.table, plan.table_columns()))
    filled = fill_by_pushdown(engine, plan, key=KEY, run_date=RUN_DATE)
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT * FROM {plan.staged}")).all()
    return filled.source_rows, filled.output_rows, sorted(tuple(map(str, r)) for r in rows)


def planned_workers(node: dict) -> int:
    own = node.get("Workers Planned", 0)
    return max([own, *(planned_workers(child) for child in node.get("Plans", []))])


@pytest.mark.postgres
@pytest.mark.parametrize("output", ["analytics.orders", "analytics.web_sessions"])
def test_the_fill_is_one_statement_parallel_workers_may_share(warehouse, output):
    """PostgreSQL runs no ``INSERT ... SELECT`` in parallel, nor anything that reads a
    temporary table below its workers' gather (the secret's, read once by the leader, is
    fine): a fill is one ``CREATE TABLE ... AS SELECT``, its lookups ordinary tables."""
    plan = plan_output(warehouse, POLICY, output)
    recreate(warehouse, staging_table(plan.schema, plan.table, plan.table_columns()))
    with warehouse.connect() as conn:
        transaction = conn.begin()
        conn.execute(text("SET LOCAL parallel_setup_cost = 0"))
        conn.execute(text("SET LOCAL parallel_tuple_cost = 0"))
        conn.execute(text("SET LOCAL min_parallel_table_scan_size = 0"))
        load_secret(conn, KEY)
        anonymise_pushdown.make_in_python(conn, plan, key=KEY, run_date=RUN_DATE, where="TRUE")
        *prepare, statement = anonymise_pushdown.fill_sql(
            plan,
            run_date=RUN_DATE,
            bind=conn,
        )
        for step in prepare:
            conn.execute(text(step))
        explained = conn.execute(text(f"EXPLAIN (FORMAT JSON) {statement}")).scalar()
        transaction.rollback()
    assert planned_workers(explained[0]["Plan"]) >= 1


def node_types(node: dict) -> set[str]:
    return {node["Node Type"]}.union(*(node_types(child) for child in node.get("Plans", [])))


@pytest.mark.postgres
def test_a_lookups_distinct_values_are_sorted_from_a_scan_not_read_through_an_index(warehouse):
    """Read in its index's order, a lookup's DISTINCT fetches the row's page of every value
    at random where the visibility map is not set (a bulk-loaded table): 18 s for the
    customers of 10M orders, against 4 s sorted from a sequential scan. A server tuned
    for SSDs (``random_page_cost`` 1.1) plans the index unless told otherwise."""
    plan = plan_output(warehouse, POLICY, "analytics.orders")
    recreate(warehouse, staging_table(plan.schema, plan.table, plan.table_columns()))
    with warehouse.connect() as conn:
        transaction = conn.begin()
        conn.execute(text("SET LOCAL random_page_cost = 1.1"))
        load_secret(conn, KEY)
        statements = anonymise_pushdown.fill_sql(plan, run_date=RUN_DATE, bind=conn)
        lookup = next(s for s in statements if s.startswith("CREATE UNLOGGED TABLE"))
        for step in statements[: statements.index(lookup)]:
            conn.execute(text(step))
        explained = conn.execute(text(f"EXPLAIN (FORMAT JSON) {lookup}")).scalar()
        transaction.rollback()
    scans = {t for t in node_types(explained[0]["Plan"]) if "Scan" in t}
    assert scans
    assert not {t for t in scans if "Index" in t}


@pytest.mark.postgres
def test_a_transaction_that_did_not_load_the_secret_fails(warehouse):
    """Never an empty key: a setting made for one transaction reads '' in the next."""
    hashed = pseudonym_sql("order_key", "1")
    with warehouse.connect() as conn:
        with conn.begin():
            load_secret(conn, KEY)
            first = conn.execute(text(f"SELECT {hashed}")).scalar()
        assert first == Pseudonymiser(KEY)("order_key", 1)
        with pytest.raises(DBAPIError), conn.begin():
            conn.execute(text(f"SELECT {hashed}"))


@pytest.mark.postgres
@pytest.mark.parametrize("output", ["analytics.orders", "analytics.service_contacts"])
def test_no_statement_or_parameter_holds_the_secret(warehouse, output):
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, *args):
        seen.append(f"{statement} {parameters!r}")

    event.listen(Engine, "before_cursor_execute", record)
    try:
        source_rows, written, rows = build(warehouse, output)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert source_rows == written == len(rows) > 0
    secret = KEY.secret
    forms = [secret.hex(), secret.decode(), repr(secret), secret.hex().upper()]
    assert seen
    assert not [s for s in seen for form in forms if form in s]


@pytest.mark.postgres
@pytest.mark.parametrize("output", ["analytics.orders", "analytics.web_sessions"])
def test_the_staged_table_has_the_columns_of_the_staging_table(warehouse, output):
    plan = plan_output(warehouse, POLICY, output)
    staged = plan.staged

    def columns() -> list[tuple]:
        found = Catalog(warehouse).get_columns(staged.name, schema=staged.schema)
        return [(c["name"], str(c["type"]), c["nullable"]) for c in found]

    recreate(warehouse, staging_table(plan.schema, plan.table, plan.table_columns()))
    empty = columns()
    fill_by_pushdown(warehouse, plan, key=KEY, run_date=RUN_DATE)
    assert columns() == empty


@pytest.mark.postgres
def test_the_fill_reads_the_snapshot_the_rows_were_counted_in(warehouse, monkeypatch):
    """A row committed after the count, before the rows are read, is in neither."""
    real = anonymise_pushdown._count
    added = []

    def commit_a_new_order_after_counting(*args):
        counted = real(*args)
        with warehouse.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO sales.orders SELECT order_id + 1000000, order_number + 1, "
                    "customer_id, ordered_at, status, channel, currency, total_amount, "
                    "shipping_fee, ip_address, updated_at FROM sales.orders "
                    "ORDER BY order_id DESC LIMIT 1"
                )
            )
        added.append(True)
        return counted

    monkeypatch.setattr(anonymise_pushdown, "_count", commit_a_new_order_after_counting)
    try:
        source_rows, written, rows = build(warehouse, "analytics.orders")
        with warehouse.connect() as conn:
            now = conn.execute(text("SELECT count(*) FROM sales.orders")).scalar()
    finally:
        with warehouse.begin() as conn:
            conn.execute(text("DELETE FROM sales.orders WHERE order_id > 1000000"))
    assert added == [True]
    assert source_rows == written == len(rows) == now - 1


@pytest.mark.postgres
@pytest.mark.parametrize("validated", [True, False])
def test_a_full_builds_lookup_is_made_from_the_table_a_foreign_key_refers_to(warehouse, validated):
    """Every customer_id of an order is a customer's where a validated foreign key says so:
    the lookup hashes crm.customers' keys (a million), not the distinct values sorted out of
    every order (ten million). A key added ``NOT VALID`` may refer to no row: there the
    lookup is made from the orders, and every order still gets its customer's pseudonym."""
    if not validated:
        with warehouse.begin() as conn:
            conn.execute(text("ALTER TABLE sales.orders DROP CONSTRAINT orders_customer_id_fkey"))
            conn.execute(
                text(
                    "INSERT INTO sales.orders SELECT order_id + 1000000, order_number + 1000000, "
                    "99999999, ordered_at, status, channel, currency, total_amount, "
                    "shipping_fee, ip_address, updated_at FROM sales.orders "
                    "ORDER BY order_id LIMIT 1"
                )
            )
            conn.execute(
                text(
                    "ALTER TABLE sales.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY "
                    "(customer_id) REFERENCES crm.customers (customer_id) NOT VALID"
                )
            )
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        build(warehouse, "analytics.orders")
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    lookups = [s for s in seen if s.startswith("CREATE UNLOGGED TABLE") and "__lookup_" in s]
    assert len(lookups) == 1
    assert ("FROM crm.customers" in lookups[0]) == validated
    pseudonymise = Pseudonymiser(KEY)
    with warehouse.connect() as conn:
        made = set(
            conn.execute(
                text("SELECT order_key, customer_key FROM governance_staging.analytics__orders")
            ).all()
        )
        orders = conn.execute(text("SELECT order_id, customer_id FROM sales.orders")).all()
    assert made == {
        (pseudonymise("order_key", o), pseudonymise("customer_key", c)) for o, c in orders
    }


@pytest.mark.postgres
def test_the_key_version_is_not_null_by_its_columns_definition_not_by_a_scan(warehouse):
    """``SET NOT NULL`` reads every staged row for a NULL (10M orders: 1.5 s); a column
    added NOT NULL with the key version as its default is written in the catalogue alone,
    every row holding it. After its statement the fill reads the staged rows only to
    count them per day."""
    plan = plan_output(warehouse, POLICY, "analytics.orders")
    recreate(warehouse, staging_table(plan.schema, plan.table, plan.table_columns()))
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        filled = fill_by_pushdown(warehouse, plan, key=KEY, run_date=RUN_DATE)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    made = next(i for i, s in enumerate(seen) if s.startswith(f"CREATE TABLE {plan.staged} ("))
    reads_staged = re.compile(rf"FROM {re.escape(str(plan.staged))}\b(?!__)")
    after = seen[made + 1 :]
    assert not [s for s in after if "SET NOT NULL" in s]
    (counted,) = [s for s in after if reads_staged.search(s)]
    assert "GROUP BY" in counted
    with warehouse.connect() as conn:
        versions = conn.execute(
            text(f"SELECT pseudonym_key_version, count(*) FROM {plan.staged} GROUP BY 1")
        ).all()
    assert versions == [(KEY.version, filled.source_rows)]
    assert filled.source_rows == filled.output_rows > 0
