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
  per distinct value of the slice and joined back, not once per row.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from math import ceil

from sqlalchemy import Connection, Engine, text

from include.governance.anonymise_plan import OutputPlan
from include.governance.anonymise_sql import column_sql, literal, load_secret, pseudonym_sql
from include.governance.policy import Pseudonymise
from include.governance.pseudonym import PseudonymKey

Quote = Callable[[str], str]
MIN_SLICE_PAGES = 1_000  # 8 MB: below this a second connection costs more than it saves


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
                f"{alias} AS (SELECT v, {pseudonym_sql(column.name, 'v')} AS p FROM "
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
) -> tuple[int, int]:
    """Rows counted in the source and written to staging, in one snapshot; ``workers``
    connections at most (default: what the server allows one query)."""
    with engine.connect() as leader:
        leader = leader.execution_options(isolation_level="REPEATABLE READ")
        with leader.begin():
            snapshot = leader.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
            source_rows = leader.exec_driver_sql(f"SELECT count(*) FROM {plan.source}").scalar()
            slices = page_slices(*_pages_and_parts(leader, plan.source, workers))
            quote = leader.dialect.identifier_preparer.quote
            statements = [insert_sql(plan, key.version, run_date, quote, s.where) for s in slices]
            if len(statements) == 1:
                return source_rows, _insert(leader, key, statements[0])
            with ThreadPoolExecutor(len(statements)) as pool:
                futures = [
                    pool.submit(_insert_in_snapshot, engine, snapshot, key, statement)
                    for statement in statements
                ]
                written = [future.result() for future in futures]
    return source_rows, sum(written)


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
    """Run one slice's statement in ``conn``'s transaction, timestamps read in UTC."""
    conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    load_secret(conn, key)
    return conn.exec_driver_sql(statement).rowcount
