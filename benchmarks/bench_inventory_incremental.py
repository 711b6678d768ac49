"""Incremental inventory at scale: 10,000 tables on PostgreSQL, 1% of them changed.

Scans every table once (a full scan, timed once: several minutes), then three times
changes one row in place in a different 1% of the tables, from a connection of its own,
and scans incrementally (best of 3): only the changed tables are sampled, the others'
findings carried. Prints both times, the ratio and the target (at most 10%). The tables
are sampled on as many worker processes as Airflow's executor would give the scan tasks
(2 by default on this 2-core machine), as ``bench_inventory.py`` does. The warehouse (its
own database) is built once and reused.

    python benchmarks/bench_inventory_incremental.py [--url URL] [--tables 10000]
        [--rows 200] [--workers 2] [--rebuild]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta

from bench_inventory import COLUMNS, VALUES, _scan_one, _start_worker, create_database
from sqlalchemy import text

from include.governance.inventory.discovery import ScanScope
from include.governance.inventory.scan import ScanSummary, scan_warehouse
from include.governance.policy import load_policy
from include.governance.warehouse import create_warehouse_engine

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/governance_bench_incremental"
SCHEMA = "bench_incr"
CHANGED_SHARE = 0.01
TARGET = 0.10
TABLES_PER_TRANSACTION = 200  # each CREATE TABLE holds a lock until commit


def build(url: str, tables: int, rows: int) -> None:
    """``tables`` tables of ``rows`` rows and ten columns each, in schema ``bench_incr``."""
    engine = create_warehouse_engine(url)
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS.items())
    values = ", ".join(VALUES.values())
    started = time.monotonic()
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    for first in range(0, tables, TABLES_PER_TRANSACTION):
        with engine.begin() as conn:
            for n in range(first, min(first + TABLES_PER_TRANSACTION, tables)):
                conn.execute(text(f"CREATE TABLE {SCHEMA}.t{n:05d} ({columns})"))
                conn.execute(
                    text(
                        f"INSERT INTO {SCHEMA}.t{n:05d} SELECT {values} "
                        f"FROM generate_series(1, {rows}) AS i"
                    )
                )
        if first % 2000 == 0:
            print(
                f"  built {first + TABLES_PER_TRANSACTION}/{tables} tables "
                f"({time.monotonic() - started:.0f} s)",
                flush=True,
            )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
    print(f"built in {time.monotonic() - started:.0f} s", flush=True)


def change(url: str, tables: list[str]) -> None:
    """One row of each table updated in place, from a connection of its own, its counters
    sent to the statistics at once (they would be within seconds)."""
    writer = create_warehouse_engine(url)
    with writer.connect() as conn:
        with conn.begin():
            for table in tables:
                conn.execute(text(f"UPDATE {table} SET status = 'changed' WHERE id = 1"))
        conn.execute(text("SELECT pg_stat_force_next_flush()"))
        conn.commit()
    writer.dispose()


def scan(
    url: str, scan_id: str, at: datetime, workers: int, *, full: bool
) -> tuple[float, ScanSummary]:
    """One scan as the DAG runs it (``scan_warehouse``), the tables to sample on
    ``workers`` processes. Its wall time and summary."""
    engine = create_warehouse_engine(url)

    def scan_tables(tables: list[str]) -> Iterator[tuple[str, float]]:
        with ProcessPoolExecutor(
            workers, initializer=_start_worker, initargs=(url, scan_id)
        ) as pool:
            yield from pool.map(_scan_one, tables, chunksize=4)

    started = time.monotonic()
    summary = scan_warehouse(
        engine,
        load_policy(),
        scan_id,
        scanned_at=at,
        scope=ScanScope((SCHEMA,)),
        sample_size=1000,
        full_scan=full,
        scan_tables=scan_tables,
    )
    wall = time.monotonic() - started
    engine.dispose()
    return wall, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    create_database(args.url)
    engine = create_warehouse_engine(args.url)
    with engine.connect() as conn:
        existing = conn.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = :s"), {"s": SCHEMA}
        ).scalar()
    engine.dispose()
    if args.rebuild or existing != args.tables:
        build(args.url, args.tables, args.rows)

    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%S}"
    at = datetime.now(UTC)
    full, first = scan(args.url, f"bench-full-{stamp}", at, args.workers, full=True)
    print(
        f"full scan: {first.tables_scanned} tables, {first.columns_scanned} columns sampled in "
        f"{full:.1f} s ({first.tables_scanned / full:.1f} tables/s)",
        flush=True,
    )
    changed = max(1, round(args.tables * CHANGED_SHARE))
    incremental = []
    for round_no in range(3):
        tables = [f"{SCHEMA}.t{(round_no * changed + k) % args.tables:05d}" for k in range(changed)]
        change(args.url, tables)
        wall, summary = scan(
            args.url,
            f"bench-incr-{stamp}-{round_no}",
            at + timedelta(hours=round_no + 1),
            args.workers,
            full=False,
        )
        incremental.append(wall)
        print(
            f"incremental scan {round_no + 1}: {summary.tables_rescanned} tables sampled, "
            f"{summary.tables_carried} carried, {wall:.1f} s",
            flush=True,
        )
    best = min(incremental)
    print(
        f"{args.tables:,} tables, {changed} changed: incremental {best:.1f} s (best of 3) "
        f"against full {full:.1f} s: {best / full:.1%} (target <= {TARGET:.0%}: "
        f"{'met' if best / full <= TARGET else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
