"""The pushdown path: each output built inside PostgreSQL, slices of the source at once.

Every rule but redaction has a SQL form (``anonymise_sql``), so an output is one
``INSERT ... SELECT`` over its source. The HMAC is what costs (pgcrypto's ``hmac`` takes
about 1.5 µs a value, several times what copying the row does), so:

* the source's pages are cut into slices (TID ranges: any key type, every row read once)
  and each slice is written by its own connection at the same time, as many as the server
  lets one query use (``max_parallel_workers_per_gather``, plus the leader), because
  PostgreSQL never runs an ``INSERT ... SELECT`` in parallel itself;
* every connection reads the snapshot the leader exported (``pg_export_snapshot``, as
  ``pg_dump --jobs`` does), the one the source's rows are counted in, so the output
  reconciles with that count however the source changes meanwhile;
* a pseudonymised column other than the key (an order's ``customer_id``) is computed once
  per distinct value of the slice and joined back, not once per row (``MATERIALIZED``:
  else the planner folds the lookup into the join and hashes every row again);
* each statement may hash and aggregate in ``WORK_MEM`` rather than spill to disk.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from math import ceil

from sqlalchemy import Connection, DateTime, Engine, literal_column, text

from include.governance.anonymise_incremental import Increment, latest_change, merge_published
from include.governance.anonymise_plan import Filled, OutputColumn, OutputPlan
from include.governance.anonymise_sql import column_sql, literal, load_secret, pseudonym_sql
from include.governance.policy import Pseudonymise, TruncateTime
from include.governance.pseudonym import PseudonymKey

Quote = Callable[[str], str]
MIN_SLICE_PAGES = 1_000  # 8 MB: below this a second connection costs more than it saves
WORK_MEM = "64MB"
TIMESTAMPTZ = DateTime(timezone=True)


@dataclass(frozen=True)
class Slice:
    """Pages ``[first, end)`` of the source; ``end`` None: to the end of the table."""

    first: int = 0
    end: int | None = None

    @property
    def where(self) -> str:
        if self.first == 0 and self.end is None:
            return "TRUE"
        lower = f"src.ctid >= '({self.first},0)'::tid"
        return lower if self.end is None else f"{lower} AND src.ctid < '({self.end},0)'::tid"


def page_slices(pages: int, parts: int) -> list[Slice]:
    """``parts`` slices of about equal pages (fewer for a small table); the last is open, so
    a page added after the size was read is still covered."""
    parts = max(1, min(parts, pages // MIN_SLICE_PAGES))
    step = ceil(pages / parts) if pages else 0
    starts = [i * step for i in range(parts)]
    return [Slice(a, b) for a, b in zip(starts, [*starts[1:], None], strict=True)]


def insert_sql(
    plan: OutputPlan, key_version: str, run_date: date, quote: Quote, where: str = "TRUE"
) -> str:
    """The ``INSERT ... SELECT`` filling the plan's staging table from the source rows that
    ``where`` selects (over the source aliased ``src``)."""
    expressions, lookups, joins = [], [], []
    for column in plan.columns:
        source = f"src.{quote(column.source)}"
        if isinstance(column.rule, Pseudonymise) and column is not plan.key_column:
            alias = f"p{len(lookups)}"
            lookups.append(
                f"{alias} AS MATERIALIZED (SELECT v, {pseudonym_sql(column.name, 'v')} AS p FROM "
                f"(SELECT DISTINCT {source} AS v FROM {plan.source} AS src WHERE {where}) AS d)"
            )
            joins.append(f" LEFT JOIN {alias} ON {alias}.v = {source}")
            expressions.append(f"{alias}.p")
            continue
        expression = column_sql(column, source, run_date)
        if expression is None:
            raise ValueError(f"{plan.output}.{column.name}: rule {column.rule.rule} has no SQL")
        expressions.append(expression)
    expressions.append(literal(key_version))
    names = ", ".join(quote(name) for name in plan.output_names)
    with_clause = f"WITH {', '.join(lookups)} " if lookups else ""
    return (
        f"{with_clause}INSERT INTO {plan.schema}.{quote(plan.staging)} ({names}) "
        f"SELECT {', '.join(expressions)} FROM {plan.source} AS src{''.join(joins)} "
        f"WHERE {where}"
    )


def fill_by_pushdown(
    engine: Engine,
    plan: OutputPlan,
    key: PseudonymKey,
    run_date: date,
    workers: int | None = None,
) -> Filled:
    """Fill staging from the whole source, ``workers`` connections at most (default: what
    the server allows one query)."""
    with engine.connect() as leader:
        leader = leader.execution_options(isolation_level="REPEATABLE READ")
        with leader.begin():
            snapshot = leader.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
            source_rows, watermark = _count(leader, plan)
            slices = page_slices(*_pages_and_parts(leader, plan.source, workers))
            quote = leader.dialect.identifier_preparer.quote
            statements = [insert_sql(plan, key.version, run_date, quote, s.where) for s in slices]
            if len(statements) == 1:
                return Filled(source_rows, _insert(leader, key, statements[0]), watermark)
            with ThreadPoolExecutor(len(statements)) as pool:
                futures = [
                    pool.submit(_insert_in_snapshot, engine, snapshot, key, statement)
                    for statement in statements
                ]
                written = [future.result() for future in futures]
    return Filled(source_rows, sum(written), watermark)


def fill_changes_by_pushdown(
    engine: Engine, plan: OutputPlan, key: PseudonymKey, run_date: date, since: Increment
) -> Filled:
    """Fill staging from the published output and the source rows changed ``since``, in
    one transaction (few rows: one connection)."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            source_rows, watermark = _count(conn, plan)
            quote = conn.dialect.identifier_preparer.quote
            watermark_column = literal_column(f"src.{quote(plan.watermark)}", TIMESTAMPTZ)
            changed_rows = since.changed(watermark_column, "postgresql").compile(
                dialect=conn.dialect, compile_kwargs={"literal_binds": True}
            )
            statement = insert_sql(plan, key.version, run_date, quote, str(changed_rows))
            changed = _insert(conn, key, statement)
            copied, removed = merge_published(
                conn, plan, source_rows, lambda: _remove_gone(conn, plan, run_date, quote)
            )
    return Filled(
        source_rows, changed + copied - removed, watermark, "incremental", changed, removed
    )


def _remove_gone(conn: Connection, plan: OutputPlan, run_date: date, quote: Quote) -> int:
    """Delete the staging rows whose source row is gone; rows deleted. Only the keys of the
    time buckets that lost rows are pseudonymised (a retention run deletes whole days), or
    every key when the output has no truncated time."""
    staging = f"{plan.schema}.{quote(plan.staging)}"
    key = quote(plan.key_column.name)
    present = f"SELECT {pseudonym_sql(plan.key_column.name, f'src.{quote(plan.key)}')} AS k "
    present += f"FROM {plan.source} AS src"
    bucket = time_bucket(plan)
    if bucket is None:
        return conn.exec_driver_sql(
            f"WITH present AS ({present}) DELETE FROM {staging} s "
            f"WHERE NOT EXISTS (SELECT 1 FROM present p WHERE p.k = s.{key})"
        ).rowcount
    derived = column_sql(bucket, f"src.{quote(bucket.source)}", run_date)
    kept = quote(bucket.name)
    return conn.exec_driver_sql(
        f"WITH lost AS (SELECT o.b FROM (SELECT {kept} AS b, count(*) AS n FROM {staging} "
        f"GROUP BY {kept}) o LEFT JOIN (SELECT {derived} AS b, count(*) AS n "
        f"FROM {plan.source} AS src GROUP BY 1) i ON i.b = o.b WHERE o.n > COALESCE(i.n, 0)), "
        f"present AS ({present} WHERE {derived} IN (SELECT b FROM lost)) "
        f"DELETE FROM {staging} s WHERE s.{kept} IN (SELECT b FROM lost) "
        f"AND NOT EXISTS (SELECT 1 FROM present p WHERE p.k = s.{key})"
    ).rowcount


def time_bucket(plan: OutputPlan) -> OutputColumn | None:
    """The first truncated time the source always has (a NULL is in no bucket)."""
    times = (c for c in plan.columns if isinstance(c.rule, TruncateTime) and not c.nullable)
    return next(times, None)


def _count(conn: Connection, plan: OutputPlan) -> tuple[int, datetime | None]:
    """The source's rows and latest change, in ``conn``'s snapshot, timestamps in UTC."""
    conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    rows = conn.exec_driver_sql(f"SELECT count(*) FROM {plan.source}").scalar()
    return rows, latest_change(conn, plan)


def _pages_and_parts(conn: Connection, source: str, workers: int | None) -> tuple[int, int]:
    """The source's pages now, and how many slices to cut: one for a view or a partitioned
    table (no pages of their own)."""
    row = conn.execute(
        text(
            "SELECT c.relkind, pg_relation_size(c.oid) / current_setting('block_size')::int, "
            "current_setting('max_parallel_workers_per_gather')::int + 1 "
            "FROM pg_class c WHERE c.oid = to_regclass(:source)"
        ),
        {"source": source},
    ).one()
    kind, pages, allowed = row
    return (pages, workers or allowed) if kind == "r" else (0, 1)


def _insert_in_snapshot(engine: Engine, snapshot: str, key: PseudonymKey, statement: str) -> int:
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.execute(text("SET TRANSACTION SNAPSHOT :id"), {"id": snapshot})
            return _insert(conn, key, statement)


def _insert(conn: Connection, key: PseudonymKey, statement: str) -> int:
    """Run one statement in ``conn``'s transaction, timestamps read in UTC."""
    conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    conn.exec_driver_sql(f"SET LOCAL work_mem = '{WORK_MEM}'")
    load_secret(conn, key)
    return conn.exec_driver_sql(statement).rowcount
