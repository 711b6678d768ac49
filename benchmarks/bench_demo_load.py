"""Benchmark: build the demo warehouse at scale on PostgreSQL; print rows/s and peak memory.

    PYTHONPATH=. python benchmarks/bench_demo_load.py [SCALE] [--url URL]

SCALE is the number of customers (default 100k; ~10 orders each, so 1M builds ~10M
orders and ~60M rows in all). The database in the URL is created when it is missing.
"""

from __future__ import annotations

import argparse
import resource
import sys

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from include.demo.generate import DemoSpec
from include.demo.load import load_demo, parse_scale
from include.governance.warehouse import create_warehouse_engine, masked

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/governance_bench"


def ensure_database(url: str) -> None:
    """Create the URL's PostgreSQL database when it does not exist yet."""
    target = make_url(url).set(drivername="postgresql+psycopg2")
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
        ).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def peak_rss_mib() -> float:
    """This process's peak resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", nargs="?", default="100k", type=parse_scale)
    parser.add_argument("--url", default=DEFAULT_URL, help=f"PostgreSQL URL ({DEFAULT_URL})")
    args = parser.parse_args(argv)
    ensure_database(args.url)
    engine = create_warehouse_engine(args.url)
    spec = DemoSpec(scale=args.scale)
    print(f"demo warehouse, {spec.scale:,} customers, on {masked(engine.url)}")
    report = load_demo(engine, spec)
    engine.dispose()
    print(report.summary())
    print(f"peak RSS {peak_rss_mib():,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
