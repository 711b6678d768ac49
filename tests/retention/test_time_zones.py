"""The cutoff is midnight UTC whatever time zone the database or the session is in, for
columns with and without a time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, create_engine

from include.demo.load import build_demo_warehouse
from include.governance.audit import ensure_governance_tables
from include.governance.policy import load_policy
from include.governance.quality import Checks
from include.governance.retention.checks import verify_expectations
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import plan_retention
from include.governance.retention.records import record_run
from include.governance.warehouse import create_warehouse_engine
from tests.server_sql import sql

POLICY = load_policy()
AS_OF = date(2026, 11, 24)  # cutoff: 2016-11-24 00:00 UTC
OLDER, YOUNGER = 990_000_001, 990_000_002  # 30 minutes either side of the cutoff
BOUNDARY = {OLDER: "2016-11-23 23:30:00", YOUNGER: "2016-11-24 00:30:00"}  # UTC


def add_boundary_orders(engine: Engine, utc_suffix: str) -> None:
    """Two orders 30 minutes either side of the cutoff, written as UTC (``utc_suffix``
    marks them so for a column with a time zone)."""
    with engine.begin() as conn:
        customer = conn.execute(sql(conn, "SELECT min(customer_id) FROM crm.customers")).scalar()
        for order_id, at in BOUNDARY.items():
            conn.execute(
                sql(
                    conn,
                    "INSERT INTO sales.orders (order_id, order_number, customer_id, ordered_at, "
                    "status, channel, currency, total_amount, shipping_fee, updated_at) VALUES "
                    f"({order_id}, {order_id}, {customer}, '{at}{utc_suffix}', 'delivered', "
                    f"'web', 'NOK', 100, 0, '{at}{utc_suffix}')",
                )
            )


def run_retention(engine: Engine, tmp_path) -> set[int]:
    """Plan, delete and prove; the boundary orders left."""
    plan = plan_retention(engine, POLICY, "order_history", AS_OF, max_share=1.0)
    assert plan.cutoff == datetime(2016, 11, 24, tzinfo=UTC)
    record_run(engine, POLICY, plan, "run-1", dry_run=False)
    execute_retention(engine, POLICY, plan, "run-1", batch_size=5_000)
    results = verify_expectations(engine, POLICY, plan, "run-1", checks=Checks(engine, tmp_path))
    assert [str(o) for r in results for o in r.failures] == []
    with engine.connect() as conn:
        left = conn.execute(
            sql(conn, f"SELECT order_id FROM sales.orders WHERE order_id >= {OLDER}")
        )
        return set(left.scalars())


@pytest.mark.postgres
@pytest.mark.parametrize("zone", ["Europe/Oslo", "America/Los_Angeles"])
@pytest.mark.parametrize("naive", [False, True], ids=["timestamptz", "timestamp"])
def test_the_cutoff_is_utc_in_a_database_of_another_time_zone(pg_engine, tmp_path, zone, naive):
    build_demo_warehouse(pg_engine, 60, 42, AS_OF)
    ensure_governance_tables(pg_engine)
    if naive:  # the UTC wall time without its zone, as many warehouses keep timestamps
        with pg_engine.begin() as conn:
            conn.execute(
                sql(
                    conn,
                    "ALTER TABLE sales.orders ALTER COLUMN ordered_at TYPE timestamp "
                    "USING ordered_at AT TIME ZONE 'UTC'",
                )
            )
    add_boundary_orders(pg_engine, "" if naive else "+00")
    database = pg_engine.url.database
    with pg_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sql(conn, f"ALTER DATABASE {database} SET TimeZone = '{zone}'"))
    try:
        plain = create_engine(pg_engine.url)  # a session as the database makes it
        with plain.connect() as conn:
            assert conn.execute(sql(conn, "SHOW TimeZone")).scalar() == zone
        plain.dispose()
        engine = create_warehouse_engine(pg_engine.url)
        assert run_retention(engine, tmp_path) == {YOUNGER}
        engine.dispose()
    finally:
        with pg_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sql(conn, f"ALTER DATABASE {database} RESET TimeZone"))


@pytest.mark.mariadb
def test_the_cutoff_is_utc_for_timestamp_columns_written_in_another_session_zone(
    mariadb_engine, tmp_path
):
    """MariaDB converts ``TIMESTAMP`` columns to the session's zone: the project's sessions
    are in UTC, whatever zone wrote the rows or is the server's default."""
    build_demo_warehouse(mariadb_engine, 60, 42, AS_OF)
    ensure_governance_tables(mariadb_engine)
    with mariadb_engine.begin() as conn:
        assert conn.execute(sql(conn, "SELECT @@session.time_zone")).scalar() == "+00:00"
        conn.execute(sql(conn, "ALTER TABLE sales.orders MODIFY ordered_at TIMESTAMP NULL"))
        conn.execute(sql(conn, "SET time_zone = '+01:00'"))  # a writer in Oslo's winter time
        customer = conn.execute(sql(conn, "SELECT min(customer_id) FROM crm.customers")).scalar()
        for order_id, local in {
            OLDER: "2016-11-24 00:30:00",
            YOUNGER: "2016-11-24 01:30:00",
        }.items():  # 23:30 and 00:30 UTC
            conn.execute(
                sql(
                    conn,
                    "INSERT INTO sales.orders (order_id, order_number, customer_id, ordered_at, "
                    "status, channel, currency, total_amount, shipping_fee, updated_at) VALUES "
                    f"({order_id}, {order_id}, {customer}, '{local}', 'delivered', 'web', 'NOK', "
                    f"100, 0, '{local}')",
                )
            )
        conn.execute(sql(conn, "SET time_zone = '+00:00'"))
    assert run_retention(mariadb_engine, tmp_path) == {YOUNGER}
