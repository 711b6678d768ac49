"""Retention at scale: 5M expired orders with about 20M child rows on PostgreSQL.

Builds a template database once (orders, order lines, payments, shipments, claims with the
policy's table names; a few minutes), clones it twice, and deletes the same expired rows
from each clone: once with the retention job's batches (one transaction per batch, audit
rows included), once as a single unbatched DELETE per table (the physical limit). Prints
wall time and rows/s of both, their ratio and the longest batch transaction.

    python benchmarks/bench_retention.py [--orders 5000000] [--batch-size 10000] [--rebuild]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from sqlalchemy import create_engine, text

from include.governance.policy import load_policy
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import plan_retention
from include.governance.retention.records import record_run
from include.governance.warehouse import create_warehouse_engine

SERVER = "postgresql://postgres@127.0.0.1:5432"
TEMPLATE = "governance_bench_retention"
AS_OF = date(2026, 11, 24)
SCHEMA = """
CREATE SCHEMA sales;
CREATE TABLE sales.orders (order_id bigint, ordered_at timestamptz NOT NULL,
    ip_address text, total_amount numeric(12,2), status text);
CREATE TABLE sales.order_lines (order_line_id bigint, order_id bigint NOT NULL,
    product_id int, quantity int, line_total numeric(12,2));
CREATE TABLE sales.payments (payment_id bigint, order_id bigint NOT NULL, method text,
    amount numeric(12,2));
CREATE TABLE sales.shipments (shipment_id bigint, order_id bigint NOT NULL, carrier text,
    recipient_name text, delivery_address text);
CREATE TABLE sales.claims (claim_id bigint, order_id bigint NOT NULL, status text);
"""
# Expired orders spread over 2008-2016, a tenth as many recent ones after the cutoff.
LOAD = """
INSERT INTO sales.orders SELECT i,
    CASE WHEN i <= {expired} THEN timestamptz '2008-01-01' + (i::float / {expired}) *
        (timestamptz '2016-11-01' - timestamptz '2008-01-01')
    ELSE timestamptz '2017-01-01' + (i % 100000) * interval '1 hour' END,
    '192.0.2.' || (i % 250), 100, 'delivered' FROM generate_series(1, {orders}) i;
INSERT INTO sales.order_lines SELECT j, (j + 1) / 2, 1, 1, 50
    FROM generate_series(1, 2 * {orders}) j;
INSERT INTO sales.payments SELECT i, i, 'vipps', 100 FROM generate_series(1, {orders}) i;
INSERT INTO sales.shipments SELECT i, i, 'Posten', 'Kari Nordmann', 'Storgata 1'
    FROM generate_series(1, {orders}) i;
INSERT INTO sales.claims SELECT i, i * 100, CASE WHEN i % 10 = 0 THEN 'open' ELSE 'closed' END
    FROM generate_series(1, {orders} / 100) i;
ALTER TABLE sales.orders ADD PRIMARY KEY (order_id);
CREATE INDEX ON sales.orders (ordered_at);
ALTER TABLE sales.order_lines ADD PRIMARY KEY (order_line_id);
ALTER TABLE sales.payments ADD PRIMARY KEY (payment_id);
ALTER TABLE sales.shipments ADD PRIMARY KEY (shipment_id);
ALTER TABLE sales.claims ADD PRIMARY KEY (claim_id);
CREATE INDEX ON sales.order_lines (order_id);
CREATE INDEX ON sales.payments (order_id);
CREATE INDEX ON sales.shipments (order_id);
CREATE INDEX ON sales.claims (order_id);
ALTER TABLE sales.order_lines ADD FOREIGN KEY (order_id) REFERENCES sales.orders;
ALTER TABLE sales.payments ADD FOREIGN KEY (order_id) REFERENCES sales.orders;
ALTER TABLE sales.shipments ADD FOREIGN KEY (order_id) REFERENCES sales.orders;
ALTER TABLE sales.claims ADD FOREIGN KEY (order_id) REFERENCES sales.orders;
"""
UNBATCHED = """
CREATE TEMP TABLE doomed AS SELECT order_id FROM sales.orders o
    WHERE ordered_at < :cutoff AND NOT EXISTS (
        SELECT 1 FROM sales.claims c WHERE c.order_id = o.order_id AND c.status = 'open');
DELETE FROM sales.order_lines WHERE order_id IN (SELECT order_id FROM doomed);
DELETE FROM sales.payments WHERE order_id IN (SELECT order_id FROM doomed);
DELETE FROM sales.shipments WHERE order_id IN (SELECT order_id FROM doomed);
DELETE FROM sales.claims WHERE order_id IN (SELECT order_id FROM doomed);
DELETE FROM sales.orders WHERE order_id IN (SELECT order_id FROM doomed);
"""


def admin():
    return create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")


def build(orders: int) -> None:
    started = time.monotonic()
    with admin().connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {TEMPLATE}"))
    engine = create_engine(f"{SERVER}/{TEMPLATE}")
    with engine.begin() as conn:
        conn.exec_driver_sql(SCHEMA)
        load = LOAD.format(orders=orders, expired=orders * 10 // 11)
        conn.exec_driver_sql(load.replace("%", "%%"))  # the driver takes % as a placeholder
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()
    print(f"built {orders:,} orders and their children in {time.monotonic() - started:.0f} s")


def clone(name: str) -> str:
    with admin().connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}"))
    return f"{SERVER}/{name}"


def drop(name: str) -> None:
    with admin().connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=5_500_000, help="5M of them expired")
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    with admin().connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": TEMPLATE}
        ).scalar()
    if args.rebuild or not exists:
        build(args.orders)
    policy = load_policy()

    engine = create_warehouse_engine(clone(f"{TEMPLATE}_batched"))
    plan = plan_retention(engine, policy, "order_history", AS_OF, max_share=1.0)
    rows = plan.to_delete + sum(plan.children.values())
    print(
        f"to delete: {plan.to_delete:,} orders and {sum(plan.children.values()):,} child "
        f"rows ({rows:,} rows); {plan.held_total:,} orders held by open claims"
    )
    record_run(engine, policy, plan, "bench", dry_run=False)
    started = time.monotonic()
    execution = execute_retention(
        engine, policy, plan, "bench", batch_size=args.batch_size, progress=lambda _message: None
    )
    batched = time.monotonic() - started
    engine.dispose()
    drop(f"{TEMPLATE}_batched")

    engine = create_engine(clone(f"{TEMPLATE}_unbatched"))
    started = time.monotonic()
    with engine.begin() as conn:
        for statement in UNBATCHED.strip().split(";\n"):
            conn.execute(text(statement), {"cutoff": plan.cutoff})
    unbatched = time.monotonic() - started
    engine.dispose()
    drop(f"{TEMPLATE}_unbatched")

    print(
        f"batched ({args.batch_size:,} orders a batch, {execution['batches']} batches): "
        f"{batched:.1f} s, {rows / batched:,.0f} rows/s; longest batch "
        f"{execution['longest_batch_seconds']:.2f} s"
    )
    print(f"unbatched single DELETE per table: {unbatched:.1f} s, {rows / unbatched:,.0f} rows/s")
    print(
        f"batched / unbatched: {batched / unbatched:.2f}x (target <= 1.5x); "
        f"longest batch {'<=' if execution['longest_batch_seconds'] <= 1 else '>'} 1 s"
    )


if __name__ == "__main__":
    main()
