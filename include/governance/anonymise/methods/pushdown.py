"""The pushdown path: each output built inside PostgreSQL by one statement.

Every rule but redaction has a SQL form (``anonymise.sql``), so an output is one
``CREATE TABLE ... AS SELECT`` over its source, in place of its empty staging table. The
HMAC is what costs (pgcrypto's ``hmac`` takes about 2 µs a value, several times what
copying the row does), so:

* the statement is one PostgreSQL may run with its parallel workers (as many as
  ``max_parallel_workers_per_gather``), its parallel setup and tuple costs set to zero for
  it (their defaults plan a 10M-row scan alone: they do not weigh the HMAC). An ``INSERT
  ... SELECT`` never runs in parallel, nor a statement that reads a temporary table below
  its workers' gather: what the statement joins is an ordinary unlogged table in the
  staging schema, made and dropped in the fill's transaction (a killed fill leaves none).
  The key's secret is in a temporary table (:func:`.sql.load_secret`), read once, by the
  leader, and handed to the workers as a parameter;
* the rows are counted in the statement's own snapshot (one REPEATABLE READ transaction),
  so the output reconciles with that count however the source changes meanwhile;
* a pseudonymised column other than the key (an order's ``customer_id``) is computed once
  per distinct value into a lookup table and joined back, not once per row. The distinct
  values are sorted from a scan of the table, never hashed, nor read in the order of the
  column's index: hashed on the planner's estimate of their number, they spill and spill
  again when it is low (an order's key in its lines, 10M values in 25M lines estimated at
  1.7M: 24 minutes hashed, 9 s sorted); read through the index, every value's row is
  fetched from its page at random wherever the visibility map is not set, as in a table
  just loaded (the customers of 10M orders: 18 s, against 4 s sorted from the scan). A
  full build whose column a validated foreign key constrains takes the values from the
  smaller table it refers to instead (:func:`referenced_keys`), with no sort;
* each statement may hash and aggregate in ``WORK_MEM`` rather than spill to disk.

The types are cast to the staging table's (the rules' outputs are bounded labels and
64-digit pseudonyms, no cast shortens one; kept columns keep their source's type).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    MetaData,
    Table,
    bindparam,
    literal_column,
    text,
)

from include.governance.anonymise.chunks import CHUNK_ROWS, map_distinct, write_chunk
from include.governance.anonymise.columns import OutputColumn
from include.governance.anonymise.forms import column_sql, column_transform, forms_of
from include.governance.anonymise.incremental import (
    Increment,
    Watermark,
    not_reconciled,
    rows_and_latest_change,
)
from include.governance.anonymise.methods.buckets import (
    count_full_build,
    count_increment,
    count_out_gone,
    count_source,
    counted_bucket,
    drop_source_counts,
    lost_buckets,
    time_bucket,
)
from include.governance.anonymise.plan import KEY_VERSION_COLUMN, Filled, OutputPlan
from include.governance.anonymise.sql import literal, load_secret, pseudonym_sql
from include.governance.anonymise.staging import gone_table, gone_table_name, helper_name
from include.governance.dialects import dialect_of
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.restrictions import unrestricted_sql
from include.governance.tables import TableName

Quote = Callable[[str], str]
_SORTED = ("enable_hashagg", "enable_indexscan", "enable_indexonlyscan")  # a lookup's DISTINCT
WORK_MEM = "64MB"
TIMESTAMPTZ = DateTime(timezone=True)


def fill_sql(
    plan: OutputPlan,
    *,
    run_date: date,
    bind: Connection,
    where: str = "TRUE",
    referenced: Mapping[str, Referenced] | None = None,
) -> list[str]:
    """The statements filling the plan's staging table from the source rows that ``where``
    selects (over the source aliased ``src``): a lookup table per repeated pseudonym (of
    the table a column's values are ``referenced`` in, where given: :func:`referenced_keys`),
    then the empty staging table replaced by a ``CREATE TABLE ... AS SELECT`` of the rules'
    columns (which joins what :func:`make_in_python` made). :func:`finish_sql` follows them
    (the key version's column is added there)."""
    quote = bind.dialect.identifier_preparer.quote
    statements, expressions, joins = [], [], []
    for column in plan.columns:
        source = f"src.{quote(column.source)}"
        if column in plan.python_only:
            made = _helper(plan, "made", plan.python_only.index(column)).quoted(bind)
            joins.append(f" LEFT JOIN {made} ON {made}.k = src.{quote(plan.key)}")
            expressions.append(f"{made}.v")
            continue
        if forms_of(column.rule).pseudonym and column is not plan.key_column:
            lookup = _helper(plan, "lookup", len(joins)).quoted(bind)
            values = f"SELECT DISTINCT {source} AS v FROM {plan.source} AS src WHERE {where}"
            if referenced and column.source in referenced:
                values = referenced[column.source].values()
            statements += [
                f"CREATE UNLOGGED TABLE {lookup} AS SELECT v, "
                f"{pseudonym_sql(column.name, 'v')} AS p FROM ({values}) AS d",
                f"ANALYZE {lookup}",  # so the join hashes the lookup, not the source
            ]
            joins.append(f" LEFT JOIN {lookup} ON {lookup}.v = {source}")
            expressions.append(f"{lookup}.p")
            continue
        expression = column_sql(column, source, run_date)
        if expression is None:
            raise ValueError(f"{plan.output}.{column.name}: rule {column.rule.rule} has no SQL")
        expressions.append(expression)
    if statements:  # each lookup's DISTINCT sorted from a scan (see the module's docstring)
        statements = [*(f"SET LOCAL {s} = off" for s in _SORTED), *statements]
        statements += [f"RESET {s}" for s in _SORTED]
    made = [c for c in plan.table_columns() if c.name != KEY_VERSION_COLUMN]
    types = [c.type.compile(dialect=bind.dialect) for c in made]
    names = ", ".join(quote(c.name) for c in made)
    casts = ", ".join(f"CAST({e} AS {t})" for e, t in zip(expressions, types, strict=True))
    staged = plan.staged.quoted(bind)
    return [
        *statements,
        f"DROP TABLE {staged}",
        f"CREATE TABLE {staged} ({names}) AS SELECT {casts} "
        f"FROM {plan.source} AS src{''.join(joins)} WHERE {where}",
    ]


@dataclass(frozen=True)
class Referenced:
    """The unique column (of a smaller table) that a foreign key of the source refers to."""

    table: str  # quoted
    column: str  # quoted

    def values(self) -> str:
        """Its values, each once (they are unique): a superset of the source column's."""
        return f"SELECT {self.column} AS v FROM {self.table}"


def referenced_keys(conn: Connection, plan: OutputPlan) -> dict[str, Referenced]:
    """For each source column pseudonymised beside the key, the unique column its validated
    single-column foreign key refers to, of its own type, in a table estimated to hold
    fewer rows than the source: every value of the column is one of that column's, so a
    full build's lookup is made from them (a million customers) rather than from the
    source's distinct values sorted out of every row (ten million orders), and each value
    is written as the source's is (tables never analysed are compared by their size). A
    key not validated (``NOT VALID``) may have values it refers to no row of: there, and
    for any other column, the source's values."""
    columns = [c.source for c in plan.pseudonyms if c is not plan.key_column]
    if not columns:
        return {}
    rows = conn.execute(
        text(
            "SELECT a.attname, quote_ident(n.nspname) || '.' || quote_ident(r.relname), "
            "quote_ident(ra.attname) FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "JOIN pg_class s ON s.oid = c.conrelid "
            "JOIN pg_class r ON r.oid = c.confrelid "
            "JOIN pg_namespace n ON n.oid = r.relnamespace "
            "JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1] "
            "WHERE c.contype = 'f' AND c.convalidated AND cardinality(c.conkey) = 1 "
            "AND c.conrelid = to_regclass(:source) AND a.attname IN :columns "
            "AND a.atttypid = ra.atttypid AND CASE WHEN r.reltuples >= 0 AND s.reltuples >= 0 "
            "THEN r.reltuples < s.reltuples "  # else never analysed: their sizes on disk
            "ELSE pg_relation_size(r.oid) < pg_relation_size(s.oid) END"
        ).bindparams(bindparam("columns", expanding=True)),
        {"source": TableName.parse(plan.source).quoted(conn), "columns": columns},
    )
    return {column: Referenced(table, key) for column, table, key in rows}


def finish_sql(plan: OutputPlan, bind: Connection, *, key_version: str) -> list[str]:
    """After :func:`fill_sql`: the key version's column added as the staging table defines
    it, its value every row's default, then the default dropped (later rows name theirs);
    and the helper tables dropped. ``CREATE TABLE ... AS`` makes no column NOT NULL, and
    ``SET NOT NULL`` reads every row for a NULL (10M orders: 1.5-2 s); a column added with
    a constant default is written in the catalogue alone, every row holding the value, so
    PostgreSQL keeps it NOT NULL unread."""
    staged = plan.staged.quoted(bind)
    version = next(c for c in plan.table_columns() if c.name == KEY_VERSION_COLUMN)
    name = bind.dialect.identifier_preparer.quote(version.name)
    defined = (
        f"{version.type.compile(dialect=bind.dialect)}{'' if version.nullable else ' NOT NULL'}"
    )
    helpers = [_helper(plan, "made", i) for i in range(len(plan.python_only))]
    helpers += [_helper(plan, "lookup", i) for i in range(len(plan.columns))]
    return [
        f"ALTER TABLE {staged} ADD COLUMN {name} {defined} DEFAULT {literal(key_version)}",
        f"ALTER TABLE {staged} ALTER COLUMN {name} DROP DEFAULT",
        *(f"DROP TABLE IF EXISTS {h.quoted(bind)}" for h in helpers),
    ]


def _helper(plan: OutputPlan, kind: str, number: int) -> TableName:
    """A helper table of the plan's fill, beside its staging table."""
    return helper_name(plan.staged, f"{kind}_{number}")


def fill_by_pushdown(
    engine: Engine, plan: OutputPlan, *, key: PseudonymKey, run_date: date
) -> Filled:
    """Fill staging from the whole source (but the rows an erasure restricted), counted in
    the same snapshot."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            allowed = _allowed(conn, plan)
            source_rows, watermark = _count(conn, plan, allowed)
            referenced = referenced_keys(conn, plan)
            written = _fill(conn, plan, key, run_date, allowed, referenced=referenced)
            if (bucket := counted_bucket(plan)) is not None:
                count_full_build(conn, plan, bucket)
    return Filled(source_rows, written, watermark.latest, future_rows=watermark.future_rows)


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
            allowed = _allowed(conn, plan)
            bucket = time_bucket(plan)
            source_rows, watermark = _count(conn, plan, allowed, bucket)
            quote = conn.dialect.identifier_preparer.quote
            watermark_column = literal_column(f"src.{quote(plan.watermark)}", TIMESTAMPTZ)
            changed_rows = since.changed(watermark_column, dialect_of(conn)).compile(
                dialect=conn.dialect, compile_kwargs={"literal_binds": True}
            )
            changed = _fill(conn, plan, key, run_date, f"({changed_rows}) AND {allowed}")
            removed = _stage_gone(
                conn,
                plan,
                bucket,
                run_date,
                quote,
                source_rows=source_rows,
                changed=changed,
                allowed=allowed,
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
    bucket: OutputColumn | None,
    run_date: date,
    quote: Quote,
    *,
    source_rows: int,
    changed: int,
    allowed: str,
) -> int:
    """Stage the keys of the published rows, not rebuilt, whose source row is gone (or was
    restricted by an erasure: ``allowed`` selects the others), when more such rows are
    published than the source has unchanged; the keys staged.
    Only the keys of the time buckets that lost rows are pseudonymised (a retention run
    deletes whole days: :mod:`.buckets`; the source's rows per ``bucket`` were counted
    with its rows), read through the bucket's range of source times (an index on them
    serves it), or every key when the output has no truncated time (``bucket`` None). Each
    search is a statement of its own that PostgreSQL's workers may share (an ``INSERT ...
    SELECT`` runs alone): only the keys found are inserted."""
    gone_table(plan.schema, plan.table).create(conn)
    key = quote(plan.key_column.name)
    published = TableName.parse(plan.output).quoted(conn)
    staged = plan.staged.quoted(conn)
    gone_name = gone_table_name(plan.schema, plan.table).quoted(conn)
    kept = (
        f"SELECT * FROM {published} p "
        f"WHERE NOT EXISTS (SELECT 1 FROM {staged} s WHERE s.{key} = p.{key})"
    )
    published_rows = conn.exec_driver_sql(f"SELECT count(*) FROM {published}").scalar()
    replaced = conn.exec_driver_sql(  # by the published key's unique index, row by staged row
        f"SELECT count(*) FROM {staged} s "
        f"WHERE EXISTS (SELECT 1 FROM {published} p WHERE p.{key} = s.{key})"
    ).scalar()
    published_kept = published_rows - replaced
    if bucket is not None:
        counted = count_increment(conn, plan, bucket, kept, published_rows=published_rows)
    removed = 0
    if published_kept + changed > source_rows:
        present = f"SELECT {pseudonym_sql(plan.key_column.name, f'src.{quote(plan.key)}')} AS k "
        present += f"FROM {plan.source} AS src WHERE {allowed}"
        if bucket is None:
            query = (
                f"WITH present AS ({present}) INSERT INTO {gone_name} (k) SELECT p.{key} "
                f"FROM ({kept}) p WHERE NOT EXISTS (SELECT 1 FROM present x WHERE x.k = p.{key})"
            )
            removed = conn.exec_driver_sql(query).rowcount
        else:
            removed = _stage_gone_of_lost_buckets(
                conn,
                plan,
                bucket,
                run_date,
                quote,
                counted=counted,
                present=present,
                kept=kept,
            )
    if published_kept - removed + changed != source_rows:
        raise not_reconciled(published_kept - removed + changed, source_rows)
    if bucket is not None:
        count_out_gone(conn, plan, bucket, source_rows=source_rows)
        drop_source_counts(conn, plan)
    return removed


def _stage_gone_of_lost_buckets(
    conn: Connection,
    plan: OutputPlan,
    bucket: OutputColumn,
    run_date: date,
    quote: Quote,
    *,
    counted: str,
    present: str,
    kept: str,
) -> int:
    """Stage the keys of the ``kept`` published rows of the buckets with fewer source rows
    than ``counted`` ones whose key is not among the ``present`` source keys of those
    buckets; the keys staged."""
    source_time = f"src.{quote(bucket.source)}"
    derived = column_sql(bucket, source_time, run_date)
    lost, found, gone = (
        _helper(plan, kind, 0).quoted(conn) for kind in ("lost", "present", "gone_keys")
    )
    span = (  # the source times of the lost buckets, which an index on them can read
        f"{source_time} >= (SELECT min(b) FROM {lost}) "
        f"AND {source_time} < (SELECT max(b) FROM {lost}) + interval '1 {bucket.rule.to}'"
    )
    key, at = quote(plan.key_column.name), quote(bucket.name)
    gone_name = gone_table_name(plan.schema, plan.table).quoted(conn)
    for statement in (
        f"CREATE UNLOGGED TABLE {lost} AS {lost_buckets(conn, plan, counted)}",
        f"CREATE UNLOGGED TABLE {found} AS {present} AND {span} "
        f"AND {derived} IN (SELECT b FROM {lost})",
        f"ANALYZE {found}",
        f"CREATE UNLOGGED TABLE {gone} AS SELECT p.{key} AS k FROM ({kept}) p "
        f"WHERE p.{at} IN (SELECT b FROM {lost}) "
        f"AND NOT EXISTS (SELECT 1 FROM {found} x WHERE x.k = p.{key})",
    ):
        conn.exec_driver_sql(statement)
    removed = conn.exec_driver_sql(f"INSERT INTO {gone_name} (k) SELECT k FROM {gone}").rowcount
    conn.exec_driver_sql(f"DROP TABLE {lost}, {found}, {gone}")
    return removed


def _allowed(conn: Connection, plan: OutputPlan) -> str:
    """The source rows an output may hold (over the source aliased ``src``)."""
    quote = conn.dialect.identifier_preparer.quote
    return unrestricted_sql(conn, plan.source, f"src.{quote(plan.key)}")


def _count(
    conn: Connection, plan: OutputPlan, allowed: str, bucket: OutputColumn | None = None
) -> tuple[int, Watermark]:
    """The source's rows ``allowed`` selects and its latest change, in ``conn``'s snapshot
    and one scan, timestamps in UTC; with a ``bucket``, its rows per bucket staged in that
    scan (:func:`.buckets.count_source`)."""
    if bucket is not None:
        return count_source(conn, plan, bucket, allowed=allowed)
    conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    return rows_and_latest_change(conn, plan, counted=allowed)


def _fill(
    conn: Connection,
    plan: OutputPlan,
    key: PseudonymKey,
    run_date: date,
    where: str,
    *,
    referenced: Mapping[str, Referenced] | None = None,
) -> int:
    """Fill staging from the source rows ``where`` selects, in ``conn``'s transaction,
    timestamps read in UTC, lookups made from the ``referenced`` columns given; rows
    written."""
    conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    conn.exec_driver_sql(f"SET LOCAL work_mem = '{WORK_MEM}'")
    conn.exec_driver_sql("SET LOCAL parallel_setup_cost = 0")
    conn.exec_driver_sql("SET LOCAL parallel_tuple_cost = 0")
    load_secret(conn, key)
    make_in_python(conn, plan, key=key, run_date=run_date, where=where)
    statements = fill_sql(
        plan,
        run_date=run_date,
        bind=conn,
        where=where,
        referenced=referenced,
    )
    for statement in statements:
        written = conn.exec_driver_sql(statement).rowcount
    for statement in finish_sql(plan, conn, key_version=key.version):
        conn.exec_driver_sql(statement)
    return written


def make_in_python(
    conn: Connection, plan: OutputPlan, *, key: PseudonymKey, run_date: date, where: str
) -> None:
    """Each column with no SQL form (redaction runs the inventory's detectors) made in
    Python into a helper table of the source's key and the output value: the source
    read with a server-side cursor in this transaction's snapshot, ``CHUNK_ROWS`` rows at
    a time, each distinct value made once a chunk."""
    quote = conn.dialect.identifier_preparer.quote
    pseudonymise = Pseudonymiser(key)
    for i, column in enumerate(plan.python_only):
        helper = _helper(plan, "made", i)
        made = Table(helper.name, MetaData(), schema=helper.schema)
        conn.exec_driver_sql(
            f"CREATE UNLOGGED TABLE {helper.quoted(conn)} AS SELECT src.{quote(plan.key)} AS k, "
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
        conn.exec_driver_sql(f"ANALYZE {helper.quoted(conn)}")
