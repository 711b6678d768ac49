"""Retention at scale: 5M expired orders with about 20M child rows on PostgreSQL.

Builds a template database once (orders, order lines, payments, shipments, claims with the
policy's table names; a few minutes), clones it three times, and deletes the same expired
rows from each clone: once with the retention job's batches (one transaction per batch,
audit rows included), once as a single unbatched DELETE per table (the physical limit), and
once more with the job's batches while a second connection writes as the shop does: new
orders at a steady rate and, every few of them, a claim opened on an expired order. Prints
wall time and rows/s of each, their ratios and the longest batch; the writer's waits; and
whether every order the writer put on hold during the run is still there.

    python benchmarks/bench_retention.py [--orders 5000000] [--batch-size 10000] [--rebuild]
        [--writer-rate 20] [--claim-every 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from collections import Counter
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import count
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from include.governance.policy import Policy, load_policy
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import RetentionPlan, plan_retention
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
# One writer transaction: an order placed now, with two lines, a payment and a shipment.
NEW_ORDER = """
INSERT INTO sales.orders VALUES (:order_id, :now, '192.0.2.1', 100, 'paid');
INSERT INTO sales.order_lines VALUES (:line_id, :order_id, 1, 1, 50),
    (:line_id + 1, :order_id, 2, 1, 50);
INSERT INTO sales.payments VALUES (:payment_id, :order_id, 'vipps', 100);
INSERT INTO sales.shipments VALUES (:shipment_id, :order_id, 'Posten', 'Ola Nordmann',
    'Storgata 2')
"""
# The agent looks the order up and opens a claim on it in one go: nothing if it is gone.
OPEN_CLAIM = """
INSERT INTO sales.claims SELECT :claim_id, order_id, 'open' FROM sales.orders
    WHERE order_id = :order_id AND ordered_at < :cutoff
"""
CLAIM_ATTEMPTS = 50  # random expired ids tried per claim; late in the run most are gone
ID_COLUMNS = {
    "orders": "order_id",
    "order_lines": "order_line_id",
    "payments": "payment_id",
    "shipments": "shipment_id",
    "claims": "claim_id",
}


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


@dataclass
class Run:
    """One timed run of the retention job on a clone."""

    execution: dict[str, Any]
    seconds: float

    @property
    def rows(self) -> int:
        """Rows the run really deleted: with a writer, fewer than planned (new holds)."""
        return sum(self.execution["rows"].values()) + sum(self.execution["orphans"].values())

    @property
    def rate(self) -> float:
        return self.rows / self.seconds


class WriterFailed(Exception):
    """The writer thread died: its figures would be of a writer that stopped writing."""


class Writer(AbstractContextManager):
    """A second connection writing as the shop does while retention deletes: a new order
    with its lines, payment and shipment per transaction, at a fixed rate, and every
    ``claim_every`` transactions a claim opened on a random expired order, the hold the
    job must respect even when it appears mid-run. Records each transaction's wall time
    (what a customer or agent waits) and the claims it committed."""

    def __init__(self, engine: Engine, rate: float, claim_every: int, cutoff: datetime):
        self.engine = create_warehouse_engine(engine.url)  # its own pool and connection
        self.interval, self.claim_every, self.cutoff = 1 / rate, claim_every, cutoff
        self.waits: list[float] = []
        self.claim_waits: list[float] = []
        self.claims: list[int] = []  # claim ids committed
        self.too_late = 0  # claims whose order a batch deleted while the claim waited
        self.unclaimable = 0  # no expired order left among CLAIM_ATTEMPTS random ids
        self.errors: Counter[str] = Counter()
        self.seconds = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="writer", daemon=True)
        self._failure: BaseException | None = None

    def __enter__(self) -> Writer:
        with self.engine.connect() as conn:
            self._ids = {t: count(_max_id(conn, t) + 1) for t in ID_COLUMNS}
            self._last_expired = conn.execute(
                text("SELECT max(order_id) FROM sales.orders WHERE ordered_at < :cutoff"),
                {"cutoff": self.cutoff},
            ).scalar()
        self._started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.seconds = time.monotonic() - self._started
        if self._failure is not None and exc[0] is None:
            raise WriterFailed("the writer thread failed") from self._failure

    def _run(self) -> None:
        """Transactions on a fixed schedule; one that runs late starts the next at once and
        the schedule resumes from there (no burst to catch up)."""
        try:
            with self.engine.connect() as conn:
                due, n = time.monotonic(), 0
                while not self._stop.wait(max(due - time.monotonic(), 0)):
                    n += 1
                    self._transaction(conn, claim=n % self.claim_every == 0)
                    due = max(due + self.interval, time.monotonic())
        except BaseException as failure:  # surfaced by __exit__, not lost with the thread
            self._failure = failure
        finally:
            self.engine.dispose()

    def _transaction(self, conn: Connection, claim: bool) -> None:
        started = time.monotonic()
        claim_id = None
        try:
            with conn.begin():
                conn.execute(text(NEW_ORDER), self._new_order())
                if claim:
                    claim_id = self._open_claim(conn)
        except DBAPIError as error:  # counted by class, and the shop carries on
            self.errors[type(error.orig).__name__] += 1
        else:
            if claim_id is not None:
                self.claims.append(claim_id)
        wait = time.monotonic() - started  # a failed transaction was waited for too
        self.waits.append(wait)
        if claim:
            self.claim_waits.append(wait)

    def _new_order(self) -> dict[str, Any]:
        line_id = next(self._ids["order_lines"])
        next(self._ids["order_lines"])  # its second line
        return {
            "order_id": next(self._ids["orders"]),
            "now": datetime.now(UTC),
            "line_id": line_id,
            "payment_id": next(self._ids["payments"]),
            "shipment_id": next(self._ids["shipments"]),
        }

    def _open_claim(self, conn: Connection) -> int | None:
        """A claim on a random expired order still there, in a savepoint: if a batch
        holds the order, the claim waits for it and fails when the batch deleted it, and
        the new order of the transaction stays."""
        claim_id = next(self._ids["claims"])
        for _ in range(CLAIM_ATTEMPTS):
            order_id = random.randint(1, self._last_expired)
            params = {"claim_id": claim_id, "order_id": order_id, "cutoff": self.cutoff}
            try:
                with conn.begin_nested():
                    opened = conn.execute(text(OPEN_CLAIM), params).rowcount
            except IntegrityError:
                self.too_late += 1
                return None
            if opened:
                return claim_id
        self.unclaimable += 1
        return None

    def held_missing(self) -> int:
        """How many claims the writer opened are no longer there, open, with their order:
        each one an order the job deleted although it was held."""
        with self.engine.connect() as conn:
            kept = conn.execute(
                text(
                    "SELECT count(*) FROM sales.claims c JOIN sales.orders o "
                    "ON o.order_id = c.order_id "
                    "WHERE c.claim_id = ANY(:ids) AND c.status = 'open'"
                ),
                {"ids": self.claims},
            ).scalar()
        self.engine.dispose()
        return len(self.claims) - kept


def _max_id(conn: Connection, table_name: str) -> int:
    column = ID_COLUMNS[table_name]
    return conn.execute(text(f"SELECT coalesce(max({column}), 0) FROM sales.{table_name}")).scalar()


def planned(name: str, policy: Policy) -> tuple[Engine, RetentionPlan]:
    """A fresh clone with the run planned and recorded, as the DAG's tasks leave it."""
    engine = create_warehouse_engine(clone(name))
    plan = plan_retention(engine, policy, "order_history", AS_OF, max_share=1.0)
    record_run(engine, policy, plan, "bench", dry_run=False)
    return engine, plan


def batched(
    engine: Engine,
    policy: Policy,
    plan: RetentionPlan,
    batch_size: int,
    during: AbstractContextManager | None = None,
) -> Run:
    """The retention job's batches, timed; ``during`` runs alongside exactly that long."""
    started = time.monotonic()
    with during or nullcontext():
        execution = execute_retention(
            engine, policy, plan, "bench", batch_size=batch_size, progress=lambda _message: None
        )
    return Run(execution, time.monotonic() - started)


def percentile(values: list[float], p: int) -> float:
    """The ``p``-th percentile (inclusive method; 0 without values)."""
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def waits_summary(waits: list[float]) -> str:
    p50, p99 = percentile(waits, 50), percentile(waits, 99)
    worst = max(waits, default=0.0)
    return f"wait p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max {worst * 1000:.1f} ms"


def report_runs(alone: Run, shared: Run) -> None:
    """The run alone against the run with the writer."""
    for label, run in (("alone", alone), ("with the writer", shared)):
        print(
            f"batched {label}: {run.seconds:.1f} s, {run.rows:,} rows, {run.rate:,.0f} rows/s; "
            f"longest batch {run.execution['longest_batch_seconds']:.2f} s"
        )
    ratio = shared.seconds / alone.seconds
    print(f"with the writer / alone: {ratio:.2f}x (target <= 1.5x)")


def report_writer(writer: Writer, args: argparse.Namespace) -> None:
    """What the writer waited, and whether every order it put on hold is still there."""
    waits, claims = writer.waits, writer.claim_waits
    verdict = "met" if percentile(waits, 99) < 1 else "MISSED"
    print(
        f"writer: {len(waits):,} transactions in {writer.seconds:.1f} s "
        f"({len(waits) / writer.seconds:.1f}/s, target {args.writer_rate:g}/s), "
        f"{waits_summary(waits)} (p99 target < 1 s: {verdict})"
    )
    print(f"writer's claim transactions: {len(claims):,}, {waits_summary(claims)}")
    if writer.errors:
        print(f"writer's failed transactions: {dict(writer.errors)}")
    missing = writer.held_missing()
    print(
        f"claims opened on expired orders: {len(writer.claims):,} "
        f"({writer.too_late} came too late: a batch deleted the order while the claim waited; "
        f"{writer.unclaimable} found no expired order left); "
        f"held orders still there: {len(writer.claims) - missing:,} of {len(writer.claims):,}"
    )
    if missing:
        print(f"FAIL: {missing} orders held by a claim the writer opened were deleted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=5_500_000, help="5M of them expired")
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--writer-rate", type=float, default=20, help="transactions/s")
    parser.add_argument("--claim-every", type=int, default=5, help="writer transactions")
    args = parser.parse_args()
    with admin().connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": TEMPLATE}
        ).scalar()
    if args.rebuild or not exists:
        build(args.orders)
    policy = load_policy()

    engine, plan = planned(f"{TEMPLATE}_batched", policy)
    rows = plan.to_delete + sum(plan.children.values())
    print(
        f"to delete: {plan.to_delete:,} orders and {sum(plan.children.values()):,} child "
        f"rows ({rows:,} rows); {plan.held_total:,} orders held by open claims"
    )
    alone = batched(engine, policy, plan, args.batch_size)
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

    longest = alone.execution["longest_batch_seconds"]
    print(
        f"batched ({args.batch_size:,} orders a batch, {alone.execution['batches']} batches): "
        f"{alone.seconds:.1f} s, {rows / alone.seconds:,.0f} rows/s; longest batch "
        f"{longest:.2f} s"
    )
    print(f"unbatched single DELETE per table: {unbatched:.1f} s, {rows / unbatched:,.0f} rows/s")
    print(
        f"batched / unbatched: {alone.seconds / unbatched:.2f}x (target <= 1.5x); "
        f"longest batch {'<=' if longest <= 1 else '>'} 1 s"
    )

    engine, plan = planned(f"{TEMPLATE}_writer", policy)
    writer = Writer(engine, args.writer_rate, args.claim_every, plan.cutoff)
    try:
        shared = batched(engine, policy, plan, args.batch_size, during=writer)
    except RuntimeError as error:  # the job gave up: what the writer saw still counts
        print(f"FAIL: the run with the writer stopped: {error}")
    else:
        report_runs(alone, shared)
    report_writer(writer, args)
    engine.dispose()
    drop(f"{TEMPLATE}_writer")


if __name__ == "__main__":
    main()
