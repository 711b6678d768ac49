"""Sample a table's values at a cost that does not grow with the table's size.

PostgreSQL reads a few random pages of a table or materialized view (``TABLESAMPLE
SYSTEM``, sized from the planner's row estimate) and falls back to a bounded read when the
sample comes back short (a stale or missing estimate). Other dialects read a bounded
number of rows. A sparse column (say a national ID that 5% of customers have) then gets
its own bounded read of non-null values, so every column is judged on up to ``size``
values. Long text and binary values are cut to their first ``MAX_TEXT`` characters (bytes)
in the database; binary values come back as ``bytes`` whatever the driver gives, for
``detect.binary`` to decode where they are text.

The same data is judged the same on every database, so what a dialect stores or hands back
in its own way is read as one kind: an enum type and JSON as their text (PostgreSQL has no
``substr`` of an enum, and its drivers parse JSON into objects), MariaDB's ``TINYINT(1)``
(its ``BOOLEAN``) as yes/no where it holds only 0 and 1, dates and timestamps SQLite keeps
as ISO text as dates, and MariaDB's zero date as no date (PostgreSQL's NULL).

A read that fails (a statement timeout on PostgreSQL, or any other database error) is no
evidence of no personal data: when the rows cannot be read, each column is read on its own,
and a column none of whose values could be read is *not sampled*, with the error's class
as the reason (never its message, which can quote values). On PostgreSQL each read is
given up after ``STATEMENT_TIMEOUT_MS`` and a table's reads together after
``TABLE_BUDGET_TIMEOUTS`` of them, so a slow view costs a bounded time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Text, cast, func, select, text, types
from sqlalchemy.dialects.mysql import TINYINT
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.util import ClauseAdapter

from include.governance.catalog import Catalog
from include.governance.dialects import dialect_of
from include.governance.tables import TableName
from include.governance.warehouse import describe_error

MAX_TEXT = 2000
STATEMENT_TIMEOUT_MS = 30_000  # PostgreSQL: a sampling query that takes longer is given up
TABLE_BUDGET_TIMEOUTS = 4  # PostgreSQL: a table's reads together, in statement timeouts
BUDGET_SPENT = "SamplingBudgetSpent"  # why a column is left unread once the budget is spent
ZERO_DATE = "0000-00-00"
T = TypeVar("T")
# Types a database keeps as text but reads its own way: selected as their text.
_READ_AS_TEXT = (types.Enum, types.JSON)


@dataclass(frozen=True)
class ColumnSample:
    name: str
    kind: str  # text, integer, numeric, date, datetime, boolean, binary, other
    values: list[Any]
    not_sampled: str | None = None  # why no value could be read: an error class, no message


@dataclass(frozen=True)
class TableSample:
    columns: list[ColumnSample]
    rows_sampled: int
    method: str

    @property
    def not_sampled(self) -> dict[str, str]:
        """The columns that could not be read, and why."""
        return {c.name: c.not_sampled for c in self.columns if c.not_sampled}


def column_kind(sql_type: types.TypeEngine) -> str:
    """A coarse kind that decides which detectors can apply to a column's values."""
    if isinstance(sql_type, TINYINT) and sql_type.display_width == 1:
        return "boolean"  # MariaDB's BOOLEAN is TINYINT(1), reflected as an integer
    checks = (
        (types.Boolean, "boolean"),
        (types.DateTime, "datetime"),
        (types.Date, "date"),
        (types.Integer, "integer"),
        (types.Numeric, "numeric"),
        (types.Float, "numeric"),
        (types._Binary, "binary"),
        (types.String, "text"),
        (types.JSON, "text"),
    )
    return next((kind for cls, kind in checks if isinstance(sql_type, cls)), "other")


def sample_table(engine: Engine, schema: str, name: str, size: int = 1000) -> TableSample:
    """Up to ``size`` non-null values of every column of ``schema.name``."""
    reflected = Catalog(engine).get_columns(name, schema=schema)
    kinds = {c["name"]: column_kind(c["type"]) for c in reflected}
    as_text = {c["name"] for c in reflected if isinstance(c["type"], _READ_AS_TEXT)}
    source = TableName(schema, name).clause(*kinds)
    with engine.connect() as conn:
        reads = _Reads(conn)
        sampled, failed = reads.attempt(lambda: _sample_rows(conn, source, kinds, as_text, size))
        rows, method = sampled or ([], "column by column")
        samples = []
        for index, col in enumerate(kinds):
            values = [row[index] for row in rows if row[index] is not None][:size]
            reason = None
            if failed or (len(values) < size and len(rows) >= size):  # sparse: non-null values
                more, reason = reads.attempt(
                    lambda col=col: _non_null_values(
                        conn, source, col, kinds[col], col in as_text, size
                    )
                )
                if more is not None:
                    values = more
                elif values:  # judged on the values the rows gave
                    reason = None
            kind = kinds[col]
            if kind == "binary":
                values = [_as_bytes(v) for v in values]
            elif kind in ("date", "datetime"):
                values = [v for v in values if not _is_zero_date(v)]
                values = [_as_temporal(v, kind) for v in values]
            elif kind == "boolean" and not set(values) <= {0, 1}:
                kind = "integer"  # a TINYINT(1) holding codes (gender 1 or 2), not yes/no
            samples.append(ColumnSample(col, kind, values, reason))
    return TableSample(samples, len(rows), method)


class _Reads:
    """One table's reads on one connection: each given up after the statement timeout and
    all of them within the table's budget; a read that fails leaves the others to run."""

    def __init__(self, conn: Connection):
        self.conn, self.dialect = conn, dialect_of(conn)
        self.deadline = time.monotonic() + TABLE_BUDGET_TIMEOUTS * STATEMENT_TIMEOUT_MS / 1000

    def attempt(self, read: Callable[[], T]) -> tuple[T | None, str | None]:
        """The read's result, or None and why it failed (an error class, never a message)."""
        if timeout := self.dialect.statement_timeout:
            left = int((self.deadline - time.monotonic()) * 1000)
            if left <= 0:
                return None, BUDGET_SPENT
            self.conn.execute(text(timeout.format(ms=min(STATEMENT_TIMEOUT_MS, left))))
        aborts = self.dialect.failed_statement_aborts  # a savepoint keeps the rest usable
        try:
            with self.conn.begin_nested() if aborts else nullcontext():
                return read(), None
        except DBAPIError as exc:
            return None, describe_error(exc)


def _as_bytes(value: Any) -> bytes:
    """A binary column's value as bytes: psycopg2 gives memoryview, and SQLite keeps what
    a BLOB column is given (text, a number) as it was given."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    return str(value).encode()


def _is_zero_date(value: Any) -> bool:
    """MariaDB's (and a MySQL dump's) 0000-00-00, its driver's text for no date: where
    PostgreSQL holds NULL, so no value, not one that fails every check."""
    return isinstance(value, str) and value.startswith(ZERO_DATE)


def _as_temporal(value: Any, kind: str) -> Any:
    """A date or timestamp as one, where the database kept it as ISO text (SQLite keeps
    what it is given); other text stays as it is."""
    if not isinstance(value, str):
        return value
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    return parsed.date() if kind == "date" else parsed


def _selected(source, col: str, kind: str, as_text: bool) -> ColumnElement:
    expr = cast(source.c[col], Text) if as_text else source.c[col]
    return func.substr(expr, 1, MAX_TEXT) if kind in ("text", "binary") else expr


def _sample_rows(
    conn: Connection, source, kinds: dict[str, str], as_text: set[str], size: int
) -> tuple[list[tuple], str]:
    exprs = [_selected(source, c, kind, c in as_text) for c, kind in kinds.items()] or [text("1")]
    if dialect_of(conn).tablesample:
        estimate = _pg_row_estimate(conn, source.schema, source.name)
        if estimate > size * 10:
            percent = min(100.0, 100.0 * size * 3 / estimate)
            sampled = source.tablesample(func.system(percent))
            query = select(*(_retarget(e, sampled) for e in exprs)).limit(size)
            rows = [tuple(r) for r in conn.execute(query).fetchall()]  # not row by row
            if len(rows) >= size:
                return rows, f"tablesample {percent:.4f}%"
    rows = conn.execute(select(*exprs).select_from(source).limit(size)).fetchall()
    return [tuple(r) for r in rows], "bounded read"


def _retarget(expr: ColumnElement, sampled) -> ColumnElement:
    """The same expression over the TABLESAMPLE alias instead of the table."""
    return ClauseAdapter(sampled).traverse(expr)


def _non_null_values(
    conn: Connection, source, col: str, kind: str, as_text: bool, size: int
) -> list[Any]:
    query = (
        select(_selected(source, col, kind, as_text))
        .select_from(source)
        .where(source.c[col].is_not(None))
        .limit(size)
    )
    return list(conn.execute(query).scalars())


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
