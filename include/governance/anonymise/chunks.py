"""Reading and writing rows in bounded chunks, shared by every build path.

The source is read with a server-side cursor where the driver has one, a chunk at a time,
so memory stays flat whatever the table's size. Each chunk is a pandas frame of Python
objects (no float coercion of nullable integers: a pseudonym of ``7.0`` would not match
SQL's ``7``). Chunks go back with ``COPY`` on PostgreSQL and multi-row inserts elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Connection, MetaData, Select, Table, func, select, text

from include.governance.anonymise.rules import Transform
from include.governance.dialects import dialect_of
from include.governance.pgcopy import copy_in
from include.governance.restrictions import unrestricted
from include.governance.tables import TableName

CHUNK_ROWS = 50_000


def source_table(conn: Connection, name: str) -> Table:
    where = TableName.parse(name)
    # resolve_fks=False: a referred table comes back in the server's schema name (``schemas``)
    return Table(where.name, MetaData(), schema=where.schema, autoload_with=conn, resolve_fks=False)


def count_rows(conn: Connection, table: Table, *, name: str, key: str) -> int:
    """The rows of ``table`` (the source ``name``, keyed by ``key``) an output may hold:
    not those an erasure restricted."""
    allowed = unrestricted(conn, name, table.c[key])
    return conn.execute(select(func.count()).select_from(table).where(allowed)).scalar_one()


def read_chunks(conn: Connection, query: Select, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """The rows of ``query`` as frames of at most ``chunk_rows`` rows, Python objects each."""
    result = conn.execution_options(stream_results=True, yield_per=chunk_rows).execute(query)
    names = list(result.keys())
    for rows in result.partitions(chunk_rows):
        columns = zip(*rows, strict=True)
        yield pd.DataFrame(
            {n: pd.Series(v, dtype=object) for n, v in zip(names, columns, strict=True)}
        )


def map_distinct(values: pd.Series, transform: Transform, unique: bool = False) -> pd.Series:
    """``transform`` of each value, computed once per distinct value of the chunk (no cache
    for a column of unique values, such as a key)."""
    if unique:
        return pd.Series(list(map(transform, values.tolist())), dtype=object, index=values.index)
    done: dict[object, object] = {}
    out = []
    for value in values.tolist():
        if value not in done:
            done[value] = transform(value)
        out.append(done[value])
    return pd.Series(out, dtype=object, index=values.index)


def write_chunk(conn: Connection, table: Table, frame: pd.DataFrame) -> None:
    if dialect_of(conn).copy:
        _copy_in(conn, table, frame)
    else:
        conn.execute(table.insert(), frame.to_dict("records"))


def _copy_in(conn: Connection, table: Table, frame: pd.DataFrame) -> None:
    """``COPY ... FROM STDIN`` in PostgreSQL's text format, built in memory per chunk."""
    columns = [map_distinct(frame[name], copy_text).tolist() for name in frame.columns]
    lines = "\n".join(map("\t".join, zip(*columns, strict=True))) + "\n"
    quote = conn.dialect.identifier_preparer.quote
    names = ", ".join(quote(n) for n in frame.columns)
    copy_in(conn, f"COPY {table.schema}.{quote(table.name)} ({names}) FROM STDIN", lines)


_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]")


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(value: object) -> str:
    """A value in COPY's text format; computed once per distinct value of a column."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def snapshot(conn: Connection) -> None:
    """Where the database has them: one snapshot for the count and the read, and
    timestamps in UTC."""
    if dialect_of(conn).snapshot_reads:
        conn.execution_options(isolation_level="REPEATABLE READ")
        conn.execute(text("SET TIME ZONE 'UTC'"))
        conn.commit()
