"""The pushdown path: each output built inside PostgreSQL, slices of the source at once.

Every rule but redaction has a SQL form (``anonymise.sql``), so an output is one
``INSERT ... SELECT`` over its source. The HMAC is what costs (pgcrypto's ``hmac`` takes
about 1.5 µs a value, several times what copying the row does), so:

* the source's pages are cut into slices (TID ranges: any key type, every row read once)
  and each slice is written by its own connection at the same time, as many as the server
  lets one query use (``max_parallel_workers_per_gather``), because
  PostgreSQL never runs an ``INSERT ... SELECT`` in parallel itself;
* every connection reads the snapshot the leader exported (``pg_export_snapshot``, as
  ``pg_dump --jobs`` does), the one the source's rows are counted in, so the output
  reconciles with that count however the source changes meanwhile;
* a pseudonymised column other than the key (an order's ``customer_id``) is computed once
  per distinct value of the slice into a temporary lookup table (dropped at commit, seen
  by no other session) and joined back, not once per row;
* each statement may hash and aggregate in ``WORK_MEM`` rather than spill to disk.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pandas as pd
from sqlalchemy import Connection, DateTime, Engine, MetaData, Table, literal_column

from include.governance.anonymise.chunks import CHUNK_ROWS, map_distinct, write_chunk
from include.governance.anonymise.columns import OutputColumn
from include.governance.anonymise.forms import column_sql, column_transform, forms_of
from include.governance.anonymise.incremental import (
    Increment,
    Watermark,
    latest_change,
    not_reconciled,
)
from include.governance.anonymise.methods.slices import (
    Slice,
    even_slices,
    export_snapshot,
    import_snapshot,
    table_pages,
)
from include.governance.anonymise.plan import Filled, OutputPlan
from include.governance.anonymise.sql import literal, load_secret, pseudonym_sql
from include.governance.anonymise.staging import gone_table, gone_table_name
from include.governance.dialects import dialect_of
from include.governance.policy import TruncateTime
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.tables import TableName

Quote = Callable[[str], str]
LOOKUP_PREFIX = "pg_temp.governance_lookup_"
MADE_IN_PYTHON = "pg_temp.governance_made_"
MIN_SLICE_PAGES = 1_000  # 8 MB: below this a second connection costs more than it saves
WORK_MEM = "64MB"
TIMESTAMPTZ = DateTime(timezone=True)


def insert_sql(
    plan: OutputPlan, *, key_version: str, run_date: date, quote: Quote, where: str = "TRUE"
) -> list[str]:
    """The statements filling the plan's staging table from the source rows that ``where``
    selects (over the source aliased ``src``): a lookup table per repeated pseudonym, then
    the ``INSERT ... SELECT`` (which joins what ``make_in_python`` made)."""
    statements, expressions, joins = [], [], []
    for column in plan.columns:
        source = f"src.{quote(column.source)}"
        if column in plan.python_only:
            made = f"{MADE_IN_PYTHON}{plan.python_only.index(column)}"
            joins.append(f" LEFT JOIN {made} ON {made}.k = src.{quote(plan.key)}")
            expressions.append(f"{made}.v")
            continue
        if forms_of(column.rule).pseudonym and column is not plan.key_column:
            lookup = f"{LOOKUP_PREFIX}{len(joins)}"
            statements += [
                f"CREATE TEMP TABLE {lookup} ON COMMIT DROP AS SELECT v, "
                f"{pseudonym_sql(column.name, 'v')} AS p FROM (SELECT DISTINCT {source} AS v "
                f"FROM {plan.source} AS src WHERE {where}) AS d",
                f"ANALYZE {lookup}",  # so the join hashes the lookup, not the source
            ]
            joins.append(f" LEFT JOIN {lookup} ON {lookup}.v = {source}")
            expressions.append(f"{lookup}.p")
            continue
        expression = column_sql(column, source, run_date)
        if expression is None:
            raise ValueError(f"{plan.output}.{column.name}: rule {column.rule.rule} has no SQL")
        expressions.append(expression)
    expressions.append(literal(key_version))
    names = ", ".join(quote(name) for name in plan.output_names)
    return [
        *statements,
        f"INSERT INTO {plan.staged.schema}.{quote(plan.staged.name)} ({names}) "
        f"SELECT {', '.join(expressions)} FROM {plan.source} AS src{''.join(joins)} "
        f"WHERE {where}",
    ]


def fill_by_pushdown(
    engine: Engine,
    plan: OutputPlan,
    *,
    key: PseudonymKey,
    run_date: date,
    workers: int | None = None,
) -> Filled:
    """Fill staging from the whole source, ``workers`` connections at most (default: what
    the server allows one query)."""
    with engine.connect() as leader:
        leader = leader.execution_options(isolation_level="REPEATABLE READ")
        with leader.begin():
            snapshot = export_snapshot(leader)
            source_rows, watermark = _count(leader, plan)
            wheres = [s.where() for s in _slices(leader, plan.source, workers)]
            if len(wheres) == 1:
                written = [_insert(leader, plan, key, run_date, wheres[0])]
            else:
                with ThreadPoolExecutor(len(wheres)) as pool:
                    futures = [
                        pool.submit(_insert_in_snapshot, engine, snapshot, plan, key, run_date, w)
                        for w in wheres
                    ]
                    written = [future.result() for future in futures]
    return Filled(source_rows, sum(written), watermark.latest, future_rows=watermark.future_rows)


def fill_changes_by_pushdown(
    engine: Engine, plan: OutputPlan, *, key: PseudonymKey, run_date: date, since: Increment
) -> Filled:
    """Stage only the source rows changed ``since``, and the keys of the published rows
    whose source row is gone, in one transaction (few rows: one connection). Publishing
    applies both to the published table in place (``staging.swap_in``): the whole table is
    neither copied, nor re-indexed, nor proven again (its unique index keeps the key
    unique). Raise :class:`FullBuildNeeded` when the result would not reconcile."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            source_rows, watermark = _count(conn, plan)
            quote = conn.dialect.identifier_preparer.quote
            watermark_column = literal_column(f"src.{quote(plan.watermark)}", TIMESTAMPTZ)
            changed_rows = since.changed(watermark_column, dialect_of(conn)).compile(
                dialect=conn.dialect, compile_kwargs={"literal_binds": True}
            )
            changed = _insert(conn, plan, key, run_date, str(changed_rows))
            removed = _stage_gone(
                conn, plan, run_date, quote, source_rows=source_rows, changed=changed
            )
    return Filled(
        source_rows,
        source_rows,
        watermark.latest,
        "incremental",
        changed,
        removed,
        watermark.future_rows,
        in_place=True,
    )


def _stage_gone(
    conn: Connection,
    plan: OutputPlan,
    run_date: date,
    quote: Quote,
    *,
    source_rows: int,
    changed: int,
) -> int:
    """Stage the keys of the published rows, not rebuilt, whose source row is gone, when
    more such rows are published than the source has unchanged; the keys staged.
    Only the keys of the time buckets that lost rows are pseudonymised (a retention run
    deletes whole days), or every key when the output has no truncated time."""
    gone_table(plan.schema, plan.table).create(conn)
    key = quote(plan.key_column.name)
    published = TableName.parse(plan.output).quoted(conn)
    staged = plan.staged.quoted(conn)
    gone_name = gone_table_name(plan.schema, plan.table).quoted(conn)
    kept = (
        f"SELECT * FROM {published} p "
        f"WHERE NOT EXISTS (SELECT 1 FROM {staged} s WHERE s.{key} = p.{key})"
    )
    published_kept = conn.exec_driver_sql(f"SELECT count(*) FROM ({kept}) k").scalar()
    removed = 0
    if published_kept + changed > source_rows:
        present = f"SELECT {pseudonym_sql(plan.key_column.name, f'src.{quote(plan.key)}')} AS k "
        present += f"FROM {plan.source} AS src"
        bucket = time_bucket(plan)
        if bucket is None:
            query = (
                f"WITH present AS ({present}) INSERT INTO {gone_name} (k) SELECT p.{key} "
                f"FROM ({kept}) p WHERE NOT EXISTS (SELECT 1 FROM present x WHERE x.k = p.{key})"
            )
        else:
            derived = column_sql(bucket, f"src.{quote(bucket.source)}", run_date)
            at = quote(bucket.name)
            query = (
                f"WITH lost AS (SELECT o.b FROM (SELECT {at} AS b, count(*) AS n FROM "
                f"(SELECT {at} FROM ({kept}) k UNION ALL SELECT {at} FROM {staged}) o "
                f"GROUP BY {at}) o LEFT JOIN (SELECT {derived} AS b, count(*) AS n "
                f"FROM {plan.source} AS src GROUP BY 1) i ON i.b = o.b "
                f"WHERE o.n > COALESCE(i.n, 0)), "
                f"present AS ({present} WHERE {derived} IN (SELECT b FROM lost)) "
                f"INSERT INTO {gone_name} (k) SELECT p.{key} FROM ({kept}) p "
                f"WHERE p.{at} IN (SELECT b FROM lost) "
                f"AND NOT EXISTS (SELECT 1 FROM present x WHERE x.k = p.{key})"
            )
        removed = conn.exec_driver_sql(query).rowcount
    if published_kept - removed + changed != source_rows:
        raise not_reconciled(published_kept - removed + changed, source_rows)
    return removed


def time_bucket(plan: OutputPlan) -> OutputColumn | None:
    """The first truncated time the source always has (a NULL is in no bucket)."""
    times = (c for c in plan.columns if isinstance(c.rule, TruncateTime) and not c.nullable)
    return next(times, None)


def _count(conn: Connection, plan: OutputPlan) -> tuple[int, Watermark]:
    """The source's rows and latest change, in ``conn``'s snapshot, timestamps in UTC."""
    conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    rows = conn.exec_driver_sql(f"SELECT count(*) FROM {plan.source}").scalar()
    return rows, latest_change(conn, plan)


def _slices(conn: Connection, source: str, workers: int | None) -> list[Slice]:
    """As many slices as ``workers`` (default: what the server allows one query), or the
    whole table as one where it cannot be sliced or is small."""
    pages = table_pages(conn, source)
    if pages is None:
        return [Slice()]
    allowed = conn.exec_driver_sql("SHOW max_parallel_workers_per_gather").scalar()
    return even_slices(pages, workers or int(allowed), MIN_SLICE_PAGES)


def _insert_in_snapshot(
    engine: Engine, snapshot: str, plan: OutputPlan, key: PseudonymKey, run_date: date, where: str
) -> int:
    with engine.connect() as conn, conn.begin():
        import_snapshot(conn, snapshot)
        return _insert(conn, plan, key, run_date, where)


def _insert(
    conn: Connection, plan: OutputPlan, key: PseudonymKey, run_date: date, where: str
) -> int:
    """Fill staging from the source rows ``where`` selects, in ``conn``'s transaction,
    timestamps read in UTC; rows written."""
    conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    conn.exec_driver_sql(f"SET LOCAL work_mem = '{WORK_MEM}'")
    load_secret(conn, key)
    make_in_python(conn, plan, key=key, run_date=run_date, where=where)
    quote = conn.dialect.identifier_preparer.quote
    for statement in insert_sql(
        plan, key_version=key.version, run_date=run_date, quote=quote, where=where
    ):
        result = conn.exec_driver_sql(statement)
    return result.rowcount


def make_in_python(
    conn: Connection, plan: OutputPlan, *, key: PseudonymKey, run_date: date, where: str
) -> None:
    """Each column with no SQL form (redaction runs the inventory's detectors) made in
    Python into a temporary table of the source's key and the output value: the source
    read with a server-side cursor in this transaction's snapshot, ``CHUNK_ROWS`` rows at
    a time, each distinct value made once a chunk."""
    quote = conn.dialect.identifier_preparer.quote
    pseudonymise = Pseudonymiser(key)
    for i, column in enumerate(plan.python_only):
        made = Table(f"{MADE_IN_PYTHON.split('.')[1]}{i}", MetaData(), schema="pg_temp")
        conn.exec_driver_sql(
            f"CREATE TEMP TABLE {made.name} ON COMMIT DROP AS SELECT src.{quote(plan.key)} AS k, "
            f"CAST(NULL AS text) AS v FROM {plan.source} AS src LIMIT 0"
        )
        transform = column_transform(column, pseudonymise, run_date)
        cursor = conn.connection.dbapi_connection.cursor(name=f"governance_read_{i}")
        try:
            cursor.execute(
                f"SELECT src.{quote(plan.key)}, src.{quote(column.source)} "
                f"FROM {plan.source} AS src WHERE {where}"
            )
            while rows := cursor.fetchmany(CHUNK_ROWS):
                keys, values = zip(*rows, strict=True)
                frame = pd.DataFrame(
                    {
                        "k": pd.Series(keys, dtype=object),
                        "v": map_distinct(pd.Series(values, dtype=object), transform),
                    }
                )
                write_chunk(conn, made, frame)
        finally:
            cursor.close()
        conn.exec_driver_sql(f"ANALYZE {made.name}")
