"""Anonymisation at scale on PostgreSQL: pushdown and streaming against a plain copy.

Builds the demo warehouse once at SCALE customers (about ten orders each: 1M customers is
10M orders) and, for ``analytics.customers`` and ``analytics.orders``, fills a table from
its source three ways, each in a fresh worker process whose peak memory is reported:

* copy: ``CREATE TABLE ... AS SELECT`` of the same source columns, the physical limit;
* pushdown: the ``INSERT ... SELECT`` the DAG runs on PostgreSQL (HMAC, generalisation);
* streaming: the chunked pandas path the DAG runs on other databases.

Then one full build (staging, Great Expectations proof) of each table by the pushdown path,
and an incremental build of orders after 0.1% of them were updated, as many added and as
many deleted.
Targets: pushdown at least half the copy's rows/s; streaming at least 250k rows/s with a
peak under 500 MB whatever the table's size.

    PYTHONPATH=. python benchmarks/bench_anonymise.py [SCALE] [--url URL] [--rebuild]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from sqlalchemy import inspect, text

from include.demo.generate import DemoSpec
from include.demo.load import load_demo, parse_scale
from include.governance.warehouse import create_warehouse_engine, ensure_schema

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/governance_bench_anonymise"
OUTPUTS = ("analytics.customers", "analytics.orders")
RUN_DATE = date(2026, 11, 24)
SECRET = b"benchmark-only-secret-of-32-bytes-or-more"
FIRST_BENCH_ORDER = 100_000_000  # orders the incremental benchmark adds and removes


def ensure_warehouse(url: str, scale: int, rebuild: bool) -> None:
    from bench_demo_load import ensure_database

    ensure_database(url)
    engine = create_warehouse_engine(url)
    ensure_schema(engine, "analytics")
    with engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pgcrypto"))
    built = 0
    if "crm" in inspect(engine).get_schema_names():
        with engine.connect() as conn:
            built = conn.execute(text("SELECT count(*) FROM crm.customers")).scalar()
    if rebuild or built != scale:
        print(f"building the demo warehouse: {scale:,} customers ...", flush=True)
        report = load_demo(engine, DemoSpec(scale, 42, RUN_DATE))
        print(f"  built in {report.elapsed:.0f} s", flush=True)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))


def measure(url: str, output: str, method: str) -> tuple[int, float, float, float]:
    """In a fresh worker: (rows, seconds, baseline MB, peak MB) of one way to fill a table."""
    from include.governance.anonymise.build import Build, fill_staging
    from include.governance.anonymise.plan import plan_output
    from include.governance.anonymise.staging import drop_staging, recreate, staging_table
    from include.governance.policy import load_policy
    from include.governance.pseudonym import PseudonymKey

    engine = create_warehouse_engine(url)
    plan = plan_output(engine, load_policy(), output)
    table = staging_table(plan.schema, plan.table, plan.table_columns())
    recreate(engine, table)
    baseline = _peak_mb()
    started = time.perf_counter()
    if method == "copy":
        columns = ", ".join(dict.fromkeys(c.source for c in plan.columns))
        with engine.begin() as conn:
            conn.execute(text(f"DROP TABLE {plan.staged}"))
            target = str(plan.staged)
            statement = f"CREATE TABLE {target} AS SELECT {columns} FROM {plan.source}"
            rows = conn.execute(text(statement)).rowcount
    else:
        key = PseudonymKey("analytics", "bench", SECRET)
        rows = fill_staging(Build(engine, plan, table, key, RUN_DATE, method)).output_rows
    seconds = time.perf_counter() - started
    drop_staging(engine, plan.schema, [plan.table])
    return rows, seconds, baseline, _peak_mb()


def full_build(url: str, output: str) -> tuple[int, float, int, float]:
    """In a fresh worker: the DAG's build of one output (staging and GX proof)."""
    from include.governance.anonymise.plan import plan_output
    from include.governance.anonymise.staging import drop_staging
    from include.governance.policy import load_policy

    engine = create_warehouse_engine(url)
    result, seconds = _build(engine, output, "bench", full_refresh=True)
    drop_staging(engine, "analytics", [plan_output(engine, load_policy(), output).table])
    return result.output_rows, seconds, result.checks, _peak_mb()


def incremental_build(url: str, changes: int) -> tuple[float, float, object]:
    """In a fresh worker: a full build of analytics.orders, published; then ``changes``
    orders updated, as many new and as many deleted; then the incremental build and its
    publish (applied in place). Seconds of each, and what the incremental one recorded."""
    from include.governance.anonymise.records import record_output
    from include.governance.anonymise.staging import swap_in

    engine = create_warehouse_engine(url)
    first = FIRST_BENCH_ORDER
    with engine.begin() as conn:  # orders this benchmark adds: none have children
        conn.execute(text(f"DELETE FROM sales.orders WHERE order_id >= {first}"))
        _copy_orders(conn, first, changes, "updated_at")
    full_seconds = _build(engine, "analytics.orders", "bench-full", full_refresh=True)[1]
    swap_in(engine, "analytics", {"orders": "order_key"})
    record_output(engine, "bench-full", "analytics.orders", "sales.orders", status="published")
    with engine.begin() as conn:
        later = "(SELECT max(updated_at) + interval '1 day' FROM sales.orders)"
        conn.execute(
            text(
                f"UPDATE sales.orders SET status = 'returned', updated_at = {later} "
                f"WHERE order_id IN (SELECT order_id FROM sales.orders ORDER BY order_id "
                f"LIMIT {changes})"
            )
        )
        conn.execute(text(f"DELETE FROM sales.orders WHERE order_id >= {first}"))
        _copy_orders(conn, first + changes, changes, later)
    result, seconds = _build(engine, "analytics.orders", "bench-incremental")
    started = time.perf_counter()
    swap_in(engine, "analytics", {"orders": "order_key"})  # in place on PostgreSQL
    seconds += time.perf_counter() - started
    with engine.begin() as conn:
        conn.execute(text(f"DELETE FROM sales.orders WHERE order_id >= {first}"))
    return full_seconds, seconds, result


def _copy_orders(conn, first: int, rows: int, updated_at: str) -> None:
    """``rows`` new orders (ids from ``first``), copies of the oldest, stamped ``updated_at``."""
    conn.execute(
        text(
            f"INSERT INTO sales.orders SELECT order_id + {first}, order_number + {first}, "
            "customer_id, ordered_at, status, channel, currency, total_amount, shipping_fee, "
            f"ip_address, {updated_at} FROM sales.orders ORDER BY order_id LIMIT {rows}"
        )
    )


def _build(engine, output: str, run_id: str, full_refresh: bool = False):
    """The DAG's build of ``output`` (staging and GX proof) in run ``run_id``; seconds."""
    from include.governance.anonymise.build import build_output
    from include.governance.anonymise.steps import start_run
    from include.governance.policy import load_policy
    from include.governance.pseudonym import PseudonymKey
    from include.governance.quality import Checks

    policy = load_policy()
    key = PseudonymKey("analytics", "bench", SECRET)
    start_run(engine, policy, run_id, RUN_DATE, keys=[key])
    with tempfile.TemporaryDirectory() as docs:
        checks = Checks(engine, Path(docs))
        started = time.perf_counter()
        result = build_output(
            engine,
            policy,
            run_id,
            output,
            key=key,
            run_date=RUN_DATE,
            checks=checks,
            full_refresh=full_refresh,
        )
        return result, time.perf_counter() - started


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _in_worker(function, *args):
    """Run in a fresh process, so each figure's peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", nargs="?", default="1M", help="customers: 100k, 1M, ...")
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    scale = parse_scale(args.scale)
    ensure_warehouse(args.url, scale, args.rebuild)

    print(
        f"{'output':<22}{'method':<11}{'rows':>12}{'seconds':>9}{'rows/s':>11}"
        f"{'of copy':>9}{'peak MB':>9}{'(start)':>9}"
    )
    fills = {}
    for output in OUTPUTS:
        copy_rate = None
        for method in ("copy", "pushdown", "streaming"):
            rows, seconds, baseline, peak = _in_worker(measure, args.url, output, method)
            rate = rows / seconds
            copy_rate = copy_rate or rate
            if method == "pushdown":
                fills[output] = seconds
            print(
                f"{output:<22}{method:<11}{rows:>12,}{seconds:>9.1f}{rate:>11,.0f}"
                f"{rate / copy_rate:>9.0%}{peak:>9.0f}{baseline:>9.0f}",
                flush=True,
            )
    for output in OUTPUTS:
        rows, seconds, checks, peak = _in_worker(full_build, args.url, output)
        print(
            f"full build of {output} (pushdown, {checks} GX expectations): {rows:,} rows in "
            f"{seconds:.1f} s, {rows / seconds:,.0f} rows/s, peak {peak:.0f} MB; "
            f"{seconds / fills[output]:.1f}x the fill alone (target 2x)",
            flush=True,
        )
    changes = parse_scale(args.scale) // 100  # 0.1% of the orders
    full, incremental, recorded = _in_worker(incremental_build, args.url, changes)
    print(
        f"incremental build of analytics.orders after {changes:,} updates, {changes:,} new "
        f"and {changes:,} deleted orders, and its publish: {incremental:.1f} s "
        f"({recorded.build}), against {full:.1f} s for the full build it started from: "
        f"{incremental / full:.0%} (target 10%)"
    )
    print("targets: pushdown >= 50% of copy; streaming >= 250,000 rows/s, peak < 500 MB")


if __name__ == "__main__":
    main()
