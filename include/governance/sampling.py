"""Sample a table's values at a cost that does not grow with the table's size.

PostgreSQL reads a few random pages of a table or materialized view (``TABLESAMPLE
SYSTEM``, sized from the planner's row estimate) and falls back to a bounded read when the
sample comes back short (a stale or missing estimate). Other dialects read a bounded
number of rows. A sparse column (say a national ID that 5% of customers have) then gets
its own bounded read of non-null values, so every column is judged on up to ``size``
values. Long text and binary values are cut to their first ``MAX_TEXT`` characters (bytes)
in the database; binary values come back as ``bytes`` whatever the driver gives, for
``detect.binary`` to decode where they are text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text, types
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.util import ClauseAdapter

from include.governance.catalog import Catalog
from include.governance.dialects import dialect_of
from include.governance.tables import TableName

MAX_TEXT = 2000
STATEMENT_TIMEOUT_MS = 30_000  # PostgreSQL: a sampling query that takes longer is given up


@dataclass(frozen=True)
class ColumnSample:
    name: str
    kind: str  # text, integer, numeric, date, datetime, boolean, binary, other
    values: list[Any]


@dataclass(frozen=True)
class TableSample:
    columns: list[ColumnSample]
    rows_sampled: int
    method: str


def column_kind(sql_type: types.TypeEngine) -> str:
    """A coarse kind that decides which detectors can apply to a column's values."""
    checks = (
        (types.Boolean, "boolean"),
        (types.DateTime, "datetime"),
        (types.Date, "date"),
        (types.Integer, "integer"),
        (types.Numeric, "numeric"),
        (types.Float, "numeric"),
        (types._Binary, "binary"),
        (types.String, "text"),
    )
    return next((kind for cls, kind in checks if isinstance(sql_type, cls)), "other")


def sample_table(engine: Engine, schema: str, name: str, size: int = 1000) -> TableSample:
    """Up to ``size`` non-null values of every column of ``schema.name``."""
    reflected = Catalog(engine).get_columns(name, schema=schema)
    kinds = {c["name"]: column_kind(c["type"]) for c in reflected}
    readable = list(kinds)
    source = TableName(schema, name).clause(*kinds)
    with engine.connect() as conn:
        if timeout := dialect_of(engine).statement_timeout:
            conn.execute(text(timeout.format(ms=STATEMENT_TIMEOUT_MS)))
        rows, method = _sample_rows(conn, source, readable, kinds, size)
        samples = []
        for index, col in enumerate(readable):
            values = [row[index] for row in rows if row[index] is not None][:size]
            if len(values) < size and len(rows) >= size:  # sparse: read non-null values
                values = _non_null_values(conn, source, col, kinds[col], size)
            if kinds[col] == "binary":  # psycopg2 gives memoryview
                values = [bytes(v) for v in values]
            samples.append(ColumnSample(col, kinds[col], values))
    return TableSample(samples, len(rows), method)


def _selected(source, col: str, kind: str) -> ColumnElement:
    expr = source.c[col]
    return func.substr(expr, 1, MAX_TEXT) if kind in ("text", "binary") else expr


def _sample_rows(
    conn: Connection, source, cols: list[str], kinds: dict[str, str], size: int
) -> tuple[list[tuple], str]:
    exprs = [_selected(source, c, kinds[c]) for c in cols] or [text("1")]
    if dialect_of(conn).tablesample:
        estimate = _pg_row_estimate(conn, source.schema, source.name)
        if estimate > size * 10:
            percent = min(100.0, 100.0 * size * 3 / estimate)
            sampled = source.tablesample(func.system(percent))
            rows = conn.execute(select(*(_retarget(e, sampled) for e in exprs)).limit(size))
            rows = [tuple(r) for r in rows]
            if len(rows) >= size:
                return rows, f"tablesample {percent:.4f}%"
    rows = conn.execute(select(*exprs).select_from(source).limit(size))
    return [tuple(r) for r in rows], "bounded read"


def _retarget(expr: ColumnElement, sampled) -> ColumnElement:
    """The same expression over the TABLESAMPLE alias instead of the table."""
    return ClauseAdapter(sampled).traverse(expr)


def _non_null_values(conn: Connection, source, col: str, kind: str, size: int) -> list[Any]:
    query = (
        select(_selected(source, col, kind))
        .select_from(source)
        .where(source.c[col].is_not(None))
        .limit(size)
    )
    if dialect_of(conn).statement_timeout is None:  # no read can time out
        return list(conn.execute(query).scalars())
    try:  # a savepoint, so a timed-out read leaves the sampling transaction usable
        with conn.begin_nested():
            return list(conn.execute(query).scalars())
    except OperationalError:  # a huge, nearly empty column: judge it on no values
        return []


def _pg_row_estimate(conn: Connection, schema: str, name: str) -> float:
    """The planner's row estimate; 0 for what TABLESAMPLE cannot read (views, foreign
    tables), which are read by a bounded read."""
    estimate = conn.execute(
        text(
            "SELECT c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :schema AND c.relname = :name AND c.relkind IN ('r', 'p', 'm')"
        ),
        {"schema": schema, "name": name},
    ).scalar()
    return float(estimate or 0)
