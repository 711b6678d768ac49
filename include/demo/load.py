"""Build the demo warehouse: recreate the demo tables and bulk-load the generated rows.

Only the tables of ``include.demo.schema`` are dropped and created, and only when the demo
made them (``governance.demo_tables``; it refuses to replace anyone else's); other schemas of the
warehouse (governance, analytics, marketing) are left alone. PostgreSQL is loaded with
``COPY`` from CSV held in memory one chunk at a time; SQLite and MariaDB with
``executemany`` per chunk. The build is one transaction: on PostgreSQL, whose DDL is
transactional, readers see the old demo tables or the complete new ones, never a half-loaded
warehouse; SQLite and MariaDB commit the dropping and creating of tables at once.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from time import perf_counter

import numpy as np
from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    MetaData,
    Table,
    delete,
    insert,
    select,
)
from sqlalchemy.schema import AddConstraint, CreateIndex, CreateTable

from include.demo.generate import (
    DEFAULT_SCALE,
    DEFAULT_SEED,
    Columns,
    DemoSpec,
    demo_batches,
    utc_today,
)
from include.demo.schema import DEMO_SCHEMAS, build_metadata
from include.governance.audit import GOVERNANCE_SCHEMA, demo_tables
from include.governance.catalog import Catalog
from include.governance.dialects import dialect_of
from include.governance.pgcopy import copy_in
from include.governance.tables import TableName
from include.governance.warehouse import WarehouseError, default_sqlite_path, ensure_schema

Writer = Callable[[Connection, Table, Columns], None]
_SCALE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$")


@dataclass(frozen=True)
class LoadReport:
    """What a build loaded: rows and write time per table (in load order), and wall time."""

    rows: dict[str, int]
    write_seconds: dict[str, float]
    index_seconds: float  # building indexes and checking foreign keys after the load
    elapsed: float

    def summary(self) -> str:
        """Counts and speeds only: nothing from the rows themselves."""
        lines = [f"{'table':<28}{'rows':>12}{'write s':>10}{'rows/s':>12}"]
        for table, rows in self.rows.items():
            took = self.write_seconds[table]
            lines.append(f"{table:<28}{rows:>12,}{took:>10.2f}{_rate(rows, took):>12}")
        total = sum(self.rows.values())
        lines.append(
            f"{'total':<28}{total:>12,}{self.elapsed:>10.2f}{_rate(total, self.elapsed):>12}"
        )
        writing = sum(self.write_seconds.values())
        generating = self.elapsed - writing - self.index_seconds
        lines.append(
            f"(generating {generating:.1f} s, writing {writing:.1f} s, "
            f"indexes and foreign keys {self.index_seconds:.1f} s)"
        )
        return "\n".join(lines)


def _rate(rows: int, took: float) -> str:
    return f"{rows / took:,.0f}" if took > 0 else "-"


def parse_scale(text: str) -> int:
    """A number of customers: ``2000``, ``50k``, ``1M`` or ``2.5m``."""
    match = _SCALE.match(text)
    if not match:
        raise ValueError(f"not a scale: {text!r} (try 2000, 50k or 1M)")
    number, unit = match.groups()
    return round(float(number) * {"": 1, "k": 1_000, "m": 1_000_000}[unit.lower()])


def build_demo_warehouse(
    engine: Engine,
    scale: int = DEFAULT_SCALE,
    seed: int = DEFAULT_SEED,
    as_of: date | None = None,
) -> dict[str, int]:
    """(Re)build the demo warehouse; rows per table. Same arguments, same contents."""
    return load_demo(engine, DemoSpec(scale, seed, as_of or utc_today())).rows


def load_demo(engine: Engine, spec: DemoSpec) -> LoadReport:
    """Recreate the demo tables on ``engine`` and load ``spec``'s rows, timing each table."""
    started = perf_counter()
    metadata = build_metadata(engine.dialect.name)
    for schema in DEMO_SCHEMAS:
        ensure_schema(engine, schema)
    write: Writer = _copy_csv if dialect_of(engine).copy else _insert_many
    rows: dict[str, int] = defaultdict(int)
    write_seconds: dict[str, float] = defaultdict(float)
    ensure_schema(engine, GOVERNANCE_SCHEMA)
    demo_tables.create(engine, checkfirst=True)
    _refuse_tables_not_ours(engine, metadata)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        _create_tables(conn, metadata)
        _record_tables(conn, metadata)
        for batch in demo_batches(spec):
            for key, columns in batch.items():
                count = len(next(iter(columns.values())))
                began = perf_counter()
                if count:  # a small build has chunks without, say, claims
                    write(conn, metadata.tables[key], columns)
                rows[key] += count
                write_seconds[key] += perf_counter() - began
        began = perf_counter()
        _complete_tables(conn, metadata)
        index_seconds = perf_counter() - began
    return LoadReport(dict(rows), dict(write_seconds), index_seconds, perf_counter() - started)


def _refuse_tables_not_ours(engine: Engine, metadata: MetaData) -> None:
    """The demo replaces only tables it made (``governance.demo_tables``): on MariaDB a
    schema is a server-wide database, and a trial's ``sales.orders`` was lost to a demo
    build. The embedded warehouse's file is the project's own."""
    if engine.url.get_backend_name() == "sqlite" and engine.url.database == str(
        default_sqlite_path()
    ):
        return
    inspector = Catalog(engine)
    with engine.connect() as conn:
        ours = set(conn.execute(select(demo_tables.c.table_name)).scalars())
    theirs = [
        key
        for key, table in metadata.tables.items()
        if key not in ours and inspector.has_table(table.name, schema=table.schema)
    ]
    if theirs:
        raise WarehouseError(
            f"{', '.join(theirs[:5])}{' and others' if len(theirs) > 5 else ''} "
            f"{'is' if len(theirs) == 1 else 'are'} in the warehouse but not made by the "
            "demo, which never replaces a table it did not create: point it at a database "
            "of its own, or drop the tables yourself"
        )


def _record_tables(conn: Connection, metadata: MetaData) -> None:
    now = datetime.now(UTC)
    conn.execute(delete(demo_tables).where(demo_tables.c.table_name.in_(list(metadata.tables))))
    conn.execute(insert(demo_tables), [{"table_name": t, "built_at": now} for t in metadata.tables])


def _create_tables(conn: Connection, metadata: MetaData) -> None:
    """Create the demo tables; on PostgreSQL without indexes and foreign keys for now.

    PostgreSQL's advice for bulk loads: checking foreign keys row by row took three quarters
    of the COPY time here, and building an index once beats updating it per row. The
    schema ends up the same (``_complete_tables``); only the order of the DDL differs.
    """
    if conn.dialect.name != "postgresql":
        metadata.create_all(conn)
        return
    for table in metadata.sorted_tables:
        conn.execute(CreateTable(table, include_foreign_key_constraints=[]))


def _complete_tables(conn: Connection, metadata: MetaData) -> None:
    """Add the indexes and foreign keys left out on PostgreSQL, checking every loaded row."""
    if conn.dialect.name != "postgresql":
        return
    for table in metadata.sorted_tables:
        for index in sorted(table.indexes, key=lambda index: index.name or ""):  # a set
            conn.execute(CreateIndex(index))
        for foreign_key in table.foreign_key_constraints:
            conn.execute(AddConstraint(foreign_key))


def _copy_csv(conn: Connection, table: Table, columns: Columns) -> None:
    """PostgreSQL: one ``COPY ... FROM STDIN`` per chunk, from CSV built in memory."""
    values = _column_values(table, columns, "postgresql")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(zip(*values, strict=True))
    names, target = _names(conn, table)
    copy_in(conn, f"COPY {target} ({names}) FROM STDIN WITH (FORMAT csv)", buffer.getvalue())


def _insert_many(conn: Connection, table: Table, columns: Columns) -> None:
    """SQLite and MariaDB: ``executemany`` per chunk (PyMySQL sends multi-row INSERTs)."""
    values = _column_values(table, columns, conn.dialect.name)
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    names, target = _names(conn, table)
    markers = ", ".join([marker] * len(values))
    conn.exec_driver_sql(
        f"INSERT INTO {target} ({names}) VALUES ({markers})", list(zip(*values, strict=True))
    )


def _names(conn: Connection, table: Table) -> tuple[str, str]:
    """The quoted column list and table name, as the dialect spells them."""
    preparer = conn.dialect.identifier_preparer
    names = ", ".join(preparer.quote(c.name) for c in table.columns)
    return names, TableName(table.schema, table.name).quoted(conn)


def _column_values(table: Table, columns: Columns, dialect: str) -> list[list]:
    """The chunk's values in the table's column order, as the dialect's driver takes them."""
    if set(columns) != set(table.columns.keys()):
        raise ValueError(f"{table.fullname}: generated columns do not match the schema")
    return [_driver_values(column, columns[column.name], dialect) for column in table.columns]


def _driver_values(column: Column, values: np.ndarray | list, dialect: str) -> list:
    if isinstance(values, np.ndarray) and values.dtype.kind == "M":
        return _temporal_text(column, values, dialect)
    return values.tolist() if isinstance(values, np.ndarray) else list(values)


def _temporal_text(column: Column, values: np.ndarray, dialect: str) -> list[str | None]:
    """Dates and UTC timestamps as text each dialect stores exactly as SQLAlchemy would.

    PostgreSQL gets an explicit UTC offset for ``timestamptz``; MariaDB a naive UTC
    DATETIME; SQLite the format SQLAlchemy writes and parses (with microseconds), so SQL
    comparisons against bound datetimes work on the stored text.
    """
    if not isinstance(column.type, DateTime):
        text = np.datetime_as_string(values.astype("datetime64[D]"))
    elif dialect == "postgresql":
        text = np.datetime_as_string(values, unit="s", timezone="UTC")
    else:
        unit = "us" if dialect == "sqlite" else "s"
        text = np.strings.replace(np.datetime_as_string(values, unit=unit), "T", " ")
    missing = np.isnat(values).tolist()
    return [None if gone else t for t, gone in zip(text.tolist(), missing, strict=True)]
