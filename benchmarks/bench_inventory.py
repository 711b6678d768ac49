"""Inventory at scale: 1,000 tables and 10,000 columns on PostgreSQL, some of 10M rows.

Prints wall time and tables/s for the whole scan (run on as many worker processes as
Airflow's executor would give it, 2 by default on this 2-core machine), and the scan time
of the same table shape at 10k and at 10M rows, to show that sampling keeps the cost from
growing with a table's size; and the CPU a table costs its worker, which a machine shared
with other work changes less than the wall time. The warehouse is built once (a few
minutes) and reused.

    python benchmarks/bench_inventory.py [--url URL] [--tables 1000] [--workers 2] [--rebuild]
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import create_engine, inspect, text

from include.governance.detect import warm_up
from include.governance.inventory.discovery import ScanScope
from include.governance.inventory.scan import ScanSummary, scan_table, scan_warehouse
from include.governance.policy import load_policy
from include.governance.warehouse import create_warehouse_engine

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/governance_bench_inventory"
SMALL_ROWS, BIG_ROWS, BIG_TABLES = 10_000, 10_000_000, 3
TARGET_SECONDS = 60
BASELINE = "e6b7f08: 48.8 and 46.8 s at load 3 (CPU a table 0.042 s), 24.3 s at load 1"
# Ten columns a table: personal data, look-alikes and plain data, made by SQL from `i`.
COLUMNS = {
    "id": "bigint",
    "email": "text",
    "mobile": "text",
    "note": "text",
    "ip": "text",
    "created_at": "timestamptz",
    "amount": "numeric(12,2)",
    "status": "text",
    "code": "text",
    "active": "boolean",
}
VALUES = {
    "id": "i",
    "email": "'kunde' || i || '@example.no'",
    "mobile": "'+47 9' || lpad((i % 10000000)::text, 7, '0')",
    "note": "CASE WHEN i % 10 = 0 THEN 'Kunden ringte, tlf 9' || lpad((i % 10000000)::text, 7,"
    " '0') ELSE 'Levering avtalt for ordre ' || i END",
    "ip": "'10.' || (i % 250) || '.' || (i % 199) || '.' || (i % 97)",
    "created_at": "timestamptz '2020-01-01' + (i % 100000) * interval '1 minute'",
    "amount": "(i % 100000) / 100.0",
    "status": "(ARRAY['new','paid','shipped'])[1 + i % 3]",
    "code": "(1990 + i % 35)::text",
    "active": "i % 2 = 0",
}


def create_database(url: str) -> None:
    """The URL's database on its server, made if it is not there (the benchmark's own)."""
    admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    database = url.rsplit("/", 1)[1]
    with admin.connect() as conn:
        if not conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": database}
        ).scalar():
            conn.execute(text(f"CREATE DATABASE {database}"))
    admin.dispose()


def build(url: str, tables: int) -> None:
    """Schema ``bench``: ``tables`` tables of 10k rows, the first few of them with 10M."""
    create_database(url)
    engine = create_warehouse_engine(url)
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS.items())
    values = ", ".join(VALUES.values())
    started = time.monotonic()
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS bench CASCADE"))
        conn.execute(text("CREATE SCHEMA bench"))
    for n in range(tables):
        rows = BIG_ROWS if n < BIG_TABLES else SMALL_ROWS
        with engine.begin() as conn:
            conn.execute(text(f"CREATE TABLE bench.t{n:04d} ({columns})"))
            conn.execute(
                text(
                    f"INSERT INTO bench.t{n:04d} SELECT {values} "
                    f"FROM generate_series(1, {rows}) AS i"
                )
            )
        if n < BIG_TABLES or n % 100 == 0:
            print(f"  built {n + 1}/{tables} tables ({time.monotonic() - started:.0f} s)")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    print(f"built in {time.monotonic() - started:.0f} s")


# Each worker process's engine and policy, made once by _start_worker (and the detectors'
# lists loaded), as a DAG task makes them once for all the tables of its batch.
_worker: dict[str, Any] = {}


def _start_worker(url: str, scan_id: str) -> None:
    _worker.update(engine=create_warehouse_engine(url), policy=load_policy(), scan_id=scan_id)
    warm_up()


def _scan_one(table: str) -> tuple[str, tuple[float, float]]:
    started, cpu = time.monotonic(), time.process_time()
    scan_table(_worker["engine"], _worker["policy"], _worker["scan_id"], table, sample_size=1000)
    return table, (time.monotonic() - started, time.process_time() - cpu)


@dataclass
class LibraryScan:
    """A whole scan's wall time and summary, and each table's own seconds: wall and its
    worker's CPU (which a machine shared with other work changes less)."""

    wall: float
    summary: ScanSummary
    timings: dict[str, float]
    cpu: dict[str, float]


def ensure_warehouse(url: str, tables: int, *, rebuild: bool = False) -> None:
    """Build the warehouse unless it holds ``tables`` tables already."""
    try:
        existing = len(inspect(create_warehouse_engine(url)).get_table_names(schema="bench"))
    except Exception:
        existing = 0
    if rebuild or existing != tables:
        build(url, tables)


def library_scan(url: str, workers: int) -> LibraryScan:
    """The whole scan through the library (``scan_warehouse``), its tables on ``workers``
    processes, as many as Airflow's executor would run at once."""
    engine = create_warehouse_engine(url)
    scan_id = f"bench-{datetime.now(UTC):%Y%m%dT%H%M%S}"
    seconds: dict[str, tuple[float, float]] = {}

    def scan_tables(tables: list[str]) -> dict[str, tuple[float, float]]:
        with ProcessPoolExecutor(
            workers, initializer=_start_worker, initargs=(url, scan_id)
        ) as pool:
            seconds.update(pool.map(_scan_one, tables, chunksize=4))
        return seconds

    started = time.monotonic()
    summary = scan_warehouse(
        engine,
        load_policy(),
        scan_id,
        scanned_at=datetime.now(UTC),
        scope=ScanScope(("bench",)),
        sample_size=1000,
        full_scan=True,  # what is measured is a full scan (a second run would carry tables)
        scan_tables=scan_tables,
    )
    wall = time.monotonic() - started
    timings = {t: s[0] for t, s in seconds.items()}
    return LibraryScan(wall, summary, timings, {t: s[1] for t, s in seconds.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    ensure_warehouse(args.url, args.tables, rebuild=args.rebuild)
    scan = library_scan(args.url, args.workers)
    wall, summary, timings = scan.wall, scan.summary, scan.timings
    tables = sorted(timings)

    big = [timings[f"bench.t{n:04d}"] for n in range(BIG_TABLES)]
    small = [timings[t] for t in tables[BIG_TABLES:]]
    print(
        f"inventory of {len(tables)} tables, {summary.columns_scanned} columns "
        f"({args.workers} workers): {wall:.1f} s, {len(tables) / wall:.1f} tables/s, "
        f"{summary.columns_scanned / wall:.0f} columns/s; {summary.findings} personal-data "
        f"columns found"
    )
    print(
        f"one table of {SMALL_ROWS:,} rows: median {statistics.median(small):.3f} s; "
        f"of {BIG_ROWS:,} rows: median {statistics.median(big):.3f} s "
        f"(ratio {statistics.median(big) / statistics.median(small):.2f})"
    )
    cpu = scan.cpu.values()
    print(
        f"CPU a table (its worker's process time): median {statistics.median(cpu):.4f} s, "
        f"{sum(cpu):.1f} s in all"
    )
    print(
        f"baseline: {BASELINE}; target: 1,000 tables in <= {TARGET_SECONDS} s:",
        "met" if wall <= TARGET_SECONDS else "NOT met",
    )


if __name__ == "__main__":
    main()
