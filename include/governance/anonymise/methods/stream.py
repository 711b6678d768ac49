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

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import Connection, Table, select

from include.governance.anonymise.chunks import (
    CHUNK_ROWS,
    map_distinct,
    read_chunks,
    source_table,
    write_chunk,
)
from include.governance.anonymise.forms import column_transform, forms_of
from include.governance.anonymise.plan import KEY_VERSION_COLUMN, OutputPlan
from include.governance.dialects import dialect_of
from include.governance.pseudonym import Pseudonymiser
from include.governance.restrictions import unrestricted

if TYPE_CHECKING:
    from include.governance.anonymise.incremental import Increment


def transform_chunk(
    plan: OutputPlan, chunk: pd.DataFrame, pseudonymise: Pseudonymiser, run_date: date
) -> pd.DataFrame:
    """The output rows of one chunk of source rows, columns in the plan's order."""
    out = {}
    for column in plan.columns:
        values = chunk[column.source]
        if forms_of(column.rule).keeps:
            out[column.name] = values
        else:
            transform = column_transform(column, pseudonymise, run_date)
            unique = column.source == plan.key
            out[column.name] = map_distinct(values, transform, unique)
    out[KEY_VERSION_COLUMN] = pd.Series(pseudonymise.version, index=chunk.index, dtype=object)
    return pd.DataFrame(out)


def stream_build(
    read: Connection,
    write: Connection,
    plan: OutputPlan,
    *,
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
    query = query.where(unrestricted(read, plan.source, source.c[plan.key]))
    if changed_since:
        query = query.where(changed_since.changed(source.c[plan.watermark], dialect_of(read)))
    written = 0
    for chunk in read_chunks(read, query, chunk_rows):
        write_chunk(write, staging, transform_chunk(plan, chunk, pseudonymise, run_date))
        written += len(chunk)
    return written
