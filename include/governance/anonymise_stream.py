"""The streaming path: read the source in bounded chunks, transform in pandas, write back.

For dialects with no SQL form of a rule (HMAC on SQLite and MariaDB, redaction anywhere),
the source is read with a server-side cursor where the driver has one, ``CHUNK_ROWS`` rows
at a time, so memory stays flat whatever the table's size. Each chunk is a pandas frame of
Python objects (no float coercion of nullable integers: a pseudonym of ``7.0`` would not
match SQL's ``7``); each rule maps a column through its Python form, computing each
distinct value once per chunk (ten orders of a customer, the same landing page). Chunks go
back with ``COPY`` on PostgreSQL and multi-row inserts elsewhere.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import Connection, MetaData, Select, Table, func, select

from include.governance.anonymise_plan import KEY_VERSION_COLUMN, OutputColumn, OutputPlan
from include.governance.anonymise_rules import (
    age_band,
    band,
    county,
    ip_network,
    truncate_time,
    user_agent_part,
)
from include.governance.detect import redact
from include.governance.policy import (
    AgeBand,
    Band,
    IpNetwork,
    Keep,
    Pseudonymise,
    Redact,
    Region,
    TruncateTime,
    UserAgent,
)
from include.governance.pseudonym import Pseudonymiser

if TYPE_CHECKING:
    from include.governance.anonymise_incremental import Increment

CHUNK_ROWS = 50_000
Transform = Callable[[object], object]


def source_table(conn: Connection, name: str) -> Table:
    schema, table = name.split(".")
    return Table(table, MetaData(), schema=schema, autoload_with=conn)


def count_rows(conn: Connection, table: Table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def read_chunks(conn: Connection, query: Select, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """The rows of ``query`` as frames of at most ``chunk_rows`` rows, Python objects each."""
    result = conn.execution_options(stream_results=True, yield_per=chunk_rows).execute(query)
    names = list(result.keys())
    for rows in result.partitions(chunk_rows):
        columns = zip(*rows, strict=True)
        yield pd.DataFrame(
            {n: pd.Series(v, dtype=object) for n, v in zip(names, columns, strict=True)}
        )


def column_transform(
    column: OutputColumn, pseudonymise: Pseudonymiser, run_date: date
) -> Transform:
    """The Python form of one output column's rule (None in, None out)."""
    rule = column.rule
    if isinstance(rule, Pseudonymise):
        return partial(pseudonymise, column.name)
    if isinstance(rule, AgeBand):
        return partial(age_band, on=run_date)
    if isinstance(rule, Region):
        return county
    if isinstance(rule, TruncateTime):
        return partial(truncate_time, to=rule.to)
    if isinstance(rule, IpNetwork):
        return ip_network
    if isinstance(rule, UserAgent):
        return partial(user_agent_part, part=column.part)
    if isinstance(rule, Band):
        return partial(band, edges=rule.edges)
    if isinstance(rule, Redact):
        return lambda value: None if value is None else redact(value)
    raise ValueError(f"{column.name}: no Python form of rule {rule.rule!r}")


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


def transform_chunk(
    plan: OutputPlan, chunk: pd.DataFrame, pseudonymise: Pseudonymiser, run_date: date
) -> pd.DataFrame:
    """The output rows of one chunk of source rows, columns in the plan's order."""
    out = {}
    for column in plan.columns:
        values = chunk[column.source]
        if isinstance(column.rule, Keep):
            out[column.name] = values
        else:
            transform = column_transform(column, pseudonymise, run_date)
            unique = column.source == plan.key
            out[column.name] = map_distinct(values, transform, unique)
    out[KEY_VERSION_COLUMN] = pd.Series(pseudonymise.version, index=chunk.index, dtype=object)
    return pd.DataFrame(out)


def write_chunk(conn: Connection, table: Table, frame: pd.DataFrame) -> None:
    if conn.dialect.name == "postgresql":
        _copy_in(conn, table, frame)
    else:
        conn.execute(table.insert(), frame.to_dict("records"))


def _copy_in(conn: Connection, table: Table, frame: pd.DataFrame) -> None:
    """``COPY ... FROM STDIN`` in PostgreSQL's text format, built in memory per chunk."""
    columns = [map_distinct(frame[name], copy_text).tolist() for name in frame.columns]
    buffer = io.StringIO("\n".join(map("\t".join, zip(*columns, strict=True))) + "\n")
    quote = conn.dialect.identifier_preparer.quote
    names = ", ".join(quote(n) for n in frame.columns)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.copy_expert(f"COPY {table.schema}.{quote(table.name)} ({names}) FROM STDIN", buffer)
    finally:
        cursor.close()


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


def stream_build(
    read: Connection,
    write: Connection,
    plan: OutputPlan,
    staging: Table,
    pseudonymise: Pseudonymiser,
    run_date: date,
    chunk_rows: int = CHUNK_ROWS,
    changed_since: Increment | None = None,
) -> int:
    """Fill the staging table from the source (the rows changed since an increment's start,
    if given), chunk by chunk; rows written."""
    source = source_table(read, plan.source)
    wanted = list(dict.fromkeys(c.source for c in plan.columns))
    query = select(*(source.c[n] for n in wanted))
    if changed_since:
        query = query.where(changed_since.changed(source.c[plan.watermark], read.dialect.name))
    written = 0
    for chunk in read_chunks(read, query, chunk_rows):
        write_chunk(write, staging, transform_chunk(plan, chunk, pseudonymise, run_date))
        written += len(chunk)
    return written
