"""Staging tables and the atomic swap that publishes them.

Each output is built as ``<table>__staging`` beside the published table, checked, and only
then swapped in: readers see the previous version or the new one, never a half-built table.
Outputs that belong together (all of ``analytics``, or the segments and their members) are
swapped in one step:

* PostgreSQL: ``DROP`` and ``ALTER TABLE ... RENAME`` in one transaction (DDL is
  transactional); the key's unique index is renamed with its table;
* SQLite: the same in one explicit transaction (Python's driver would otherwise commit
  each DDL statement on its own); the index is made inside it;
* MariaDB: one ``RENAME TABLE a TO a__old, a__staging TO a, ...``, atomic for all pairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Engine, MetaData, Table, text

from include.governance.catalog import Catalog
from include.governance.dialects import Dialect, dialect_of
from include.governance.tables import TableName

STAGING_SUFFIX = "__staging"
_OLD_SUFFIX = "__old"


def staging_table(schema: str, table: str, columns: list[Column]) -> Table:
    """The SQLAlchemy table of ``schema.<table>__staging``; ``create`` it to start a build."""
    return Table(table + STAGING_SUFFIX, MetaData(), *columns, schema=schema)


def recreate(engine: Engine, table: Table) -> None:
    """Drop what a failed earlier build left, then create ``table`` empty."""
    table.drop(engine, checkfirst=True)
    table.create(engine)


def drop_staging(engine: Engine, schema: str, tables: list[str]) -> None:
    with engine.begin() as conn:
        for name in tables:
            Table(name + STAGING_SUFFIX, MetaData(), schema=schema).drop(conn, checkfirst=True)


def index_key(engine: Engine, schema: str, table: str, column: str) -> None:
    """A unique index on the staging table's key, named as the published one's will be
    (SQLite, whose index names are unique per schema, makes it at the swap instead)."""
    dialect = dialect_of(engine)
    if dialect.index_at_swap:
        return
    with engine.begin() as conn:
        conn.execute(
            text(
                f"CREATE UNIQUE INDEX {_index_name(table, dialect, staged=True)} "
                f"ON {_name(engine, schema, table + STAGING_SUFFIX)} ({column})"
            )
        )


def _index_name(table: str, dialect: Dialect, staged: bool = False) -> str:
    if dialect.index_names_per_table:
        return "key_unique"  # index names are per table there; renaming keeps it
    return f"{table}{STAGING_SUFFIX if staged else ''}_key"


def swap_in(engine: Engine, schema: str, keys: dict[str, str]) -> None:
    """Replace each ``schema.<table>`` by its staging table, all in one step.

    ``keys`` maps each table to its key column (indexed unique).
    """
    existing = set(Catalog(engine).get_table_names(schema=schema))
    missing = [t for t in keys if t + STAGING_SUFFIX not in existing]
    if missing:
        raise RuntimeError(f"nothing staged to publish for {', '.join(missing)} in {schema}")
    dialect = dialect_of(engine)
    if dialect.atomic_rename:
        _swap_by_one_rename(engine, schema, list(keys), existing)
        return
    statements = []
    for table, key in keys.items():
        if table in existing:
            statements.append(f"DROP TABLE {_name(engine, schema, table)}")
        staged_table = _name(engine, schema, table + STAGING_SUFFIX)
        statements.append(f"ALTER TABLE {staged_table} RENAME TO {table}")
        if not dialect.index_at_swap:  # the staged index is renamed with its table's name
            staged, final = _index_name(table, dialect, staged=True), _index_name(table, dialect)
            statements.append(f"ALTER INDEX {_name(engine, schema, staged)} RENAME TO {final}")
        else:
            index = _name(engine, schema, _index_name(table, dialect))
            statements.append(f"CREATE UNIQUE INDEX {index} ON {table} ({key})")
    with _transaction(engine) as execute:
        for statement in statements:
            execute(statement)


def _swap_by_one_rename(engine: Engine, schema: str, tables: list[str], existing: set[str]) -> None:
    pairs = []
    for table in tables:
        published, old = _name(engine, schema, table), _name(engine, schema, table + _OLD_SUFFIX)
        if table in existing:
            pairs.append(f"{published} TO {old}")
        pairs.append(f"{_name(engine, schema, table + STAGING_SUFFIX)} TO {published}")
    olds = [_name(engine, schema, table + _OLD_SUFFIX) for table in tables]
    with engine.begin() as conn:
        for old in olds:
            conn.execute(text(f"DROP TABLE IF EXISTS {old}"))
        conn.execute(text("RENAME TABLE " + ", ".join(pairs)))
        for old in olds:
            conn.execute(text(f"DROP TABLE IF EXISTS {old}"))


def _name(engine: Engine, schema: str, table: str) -> str:
    return TableName(schema, table).quoted(engine)


@contextmanager
def _transaction(engine: Engine) -> Iterator[Any]:
    """One transaction that DDL cannot end early, on PostgreSQL and on SQLite."""
    if not dialect_of(engine).raw_transactions:
        with engine.begin() as conn:
            yield lambda sql: conn.execute(text(sql))
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.isolation_level = None  # the driver's implicit commits off: BEGIN/COMMIT are ours
        raw.execute("BEGIN IMMEDIATE")
        try:
            yield raw.execute
        except BaseException:
            raw.execute("ROLLBACK")
            raise
        raw.execute("COMMIT")
