"""The pushdown path on PostgreSQL: slices written at once read one snapshot, lose no row."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from include.demo.load import build_demo_warehouse
from include.governance.anonymise.methods import pushdown as anonymise_pushdown
from include.governance.anonymise.methods.pushdown import fill_by_pushdown
from include.governance.anonymise.methods.slices import Slice, even_slices, slices_of_rows
from include.governance.anonymise.plan import plan_output
from include.governance.anonymise.sql import ensure_pgcrypto
from include.governance.anonymise.staging import recreate, staging_table
from include.governance.policy import load_policy
from include.governance.pseudonym import PseudonymKey
from include.governance.warehouse import ensure_schema

POLICY = load_policy()
RUN_DATE = date(2026, 11, 24)
KEY = PseudonymKey("analytics", "v1", b"analytics-secret-for-the-tests-0001")


def test_slices_cover_every_page_once_and_the_last_is_open():
    assert even_slices(0, 4, 1000) == [Slice(0, None)]
    assert even_slices(999, 4, 1000) == [Slice(0, None)]  # too small for a second connection
    assert even_slices(10_001, 3, 1000) == [Slice(0, 3334), Slice(3334, 6668), Slice(6668, None)]
    assert even_slices(2_500, 8, 1000) == [Slice(0, 1250), Slice(1250, None)]
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


def build(engine, output: str, workers: int) -> tuple[int, int, list[tuple]]:
    plan = plan_output(engine, POLICY, output)
    recreate(engine, staging_table(plan.schema, plan.table, plan.table_columns()))
    filled = fill_by_pushdown(engine, plan, key=KEY, run_date=RUN_DATE, workers=workers)
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT * FROM {plan.staged}")).all()
    return filled.source_rows, filled.output_rows, sorted(tuple(map(str, r)) for r in rows)


@pytest.mark.postgres
@pytest.mark.parametrize("output", ["analytics.orders", "analytics.order_lines"])
def test_slices_at_once_give_what_one_statement_gives(warehouse, monkeypatch, output):
    one = build(warehouse, output, workers=1)
    monkeypatch.setattr(anonymise_pushdown, "MIN_SLICE_PAGES", 1)  # slice the small demo
    statements = []
    real = anonymise_pushdown._insert_in_snapshot
    monkeypatch.setattr(
        anonymise_pushdown,
        "_insert_in_snapshot",
        lambda *args: statements.append(args[-1]) or real(*args),
    )
    many = build(warehouse, output, workers=3)
    assert len(statements) == 3
    assert many == one
    assert one[0] == one[1] == len(one[2]) > 0


@pytest.mark.postgres
def test_every_slice_reads_the_snapshot_the_rows_were_counted_in(warehouse, monkeypatch):
    """A row committed after the count, before the slices read, is in neither."""
    monkeypatch.setattr(anonymise_pushdown, "MIN_SLICE_PAGES", 1)
    real = anonymise_pushdown.even_slices  # called after the count, before any slice reads
    added = []

    def commit_a_new_order_first(*args):
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
        return real(*args)

    monkeypatch.setattr(anonymise_pushdown, "even_slices", commit_a_new_order_first)
    try:
        source_rows, written, rows = build(warehouse, "analytics.orders", workers=2)
        with warehouse.connect() as conn:
            now = conn.execute(text("SELECT count(*) FROM sales.orders")).scalar()
    finally:
        with warehouse.begin() as conn:
            conn.execute(text("DELETE FROM sales.orders WHERE order_id > 1000000"))
    assert added == [True]
    assert source_rows == written == len(rows) == now - 1
