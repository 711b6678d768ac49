"""Staging tables, in a schema of their own, and the atomic swap that publishes them.

Each output is built as ``governance_staging.<schema>__<table>``, checked, and only then
moved into its schema: readers see the previous version or the new one, never a
half-built table, and an analyst who may read ``analytics`` sees no staging table there
(the staging schema is the project's own: no grant on PostgreSQL, the owner's file only
on SQLite). Outputs that belong together (all of ``analytics``, or the segments and their
members) are swapped in one step, as the dialect's :class:`~..dialects.Publish` says:

* PostgreSQL (``MOVE``): ``DROP``, ``ALTER TABLE ... SET SCHEMA`` and ``RENAME`` in one
  transaction (DDL is transactional). A table's privileges are its own, so the new version
  gets the published one's grants and its schema's default privileges, as a table made
  there would; the key's unique index moves with its table and is renamed;
* MariaDB (``RENAME``): one ``RENAME TABLE a TO a__old, staging.s__a TO a, ...`` across
  databases, atomic for all pairs (grants are by name there, and stay);
* SQLite (``COPY``): schemas are files, and a table cannot leave its file: the staged
  table is copied into the published schema's file and its index made there, in one
  explicit transaction (Python's driver would otherwise commit each DDL statement).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Connection, Engine, MetaData, String, Table, text
from sqlalchemy.schema import CreateTable

from include.governance.audit import GOVERNANCE_SCHEMA, STAGING_SCHEMA
from include.governance.catalog import Catalog
from include.governance.dialects import Dialect, Publish, dialect_of
from include.governance.pseudonym import PSEUDONYM_LENGTH
from include.governance.schemas import physical
from include.governance.tables import TableName
from include.governance.warehouse import ensure_schema

_OLD_SUFFIX = "__old"
_GONE_SUFFIX = "__gone"
_BUCKETS_SUFFIX = "__buckets"
_SIZES_SUFFIX = "__sizes"


def staged_name(schema: str, table: str) -> TableName:
    """Where ``schema.table`` is built before it is published."""
    return TableName(STAGING_SCHEMA, f"{schema}__{table}")


def gone_table_name(schema: str, table: str) -> TableName:
    """Where an in-place build of ``schema.table`` stages the keys its publish deletes."""
    return staged_name(schema, table + _GONE_SUFFIX)


def helper_name(staged: TableName, kind: str) -> TableName:
    """A helper table of a build (a lookup, a search's interim rows), beside its staging
    table ``staged``."""
    return TableName(staged.schema, f"{staged.name}__{kind}")


def bucket_counts_name(schema: str, table: str, *, published: bool) -> TableName:
    """The rows of ``schema.table`` per time bucket (``b``, ``n``): staged with a build and
    kept in the governance schema while the version they count is published (the swap
    moves them there), for an in-place build's search for rows gone from the source."""
    return _kept_with_version(schema, table, _BUCKETS_SUFFIX, published=published)


def group_sizes_name(schema: str, table: str, *, published: bool) -> TableName:
    """How many groups of ``schema.table``'s quasi-identifiers have each size (``n``,
    ``groups``), kept as the rows per bucket are, for an in-place build's risk."""
    return _kept_with_version(schema, table, _SIZES_SUFFIX, published=published)


def _kept_with_version(schema: str, table: str, suffix: str, *, published: bool) -> TableName:
    staged = staged_name(schema, table + suffix)
    return TableName(GOVERNANCE_SCHEMA, staged.name) if published else staged


def gone_table(schema: str, table: str) -> Table:
    name = gone_table_name(schema, table)
    column = Column("k", String(PSEUDONYM_LENGTH), primary_key=True)
    return Table(name.name, MetaData(), column, schema=name.schema)


def staging_table(schema: str, table: str, columns: list[Column]) -> Table:
    """The SQLAlchemy table ``schema.table`` is staged in; ``recreate`` it to start a build."""
    staged = staged_name(schema, table)
    return Table(staged.name, MetaData(), *columns, schema=staged.schema)


def ensure_staging_schema(engine: Engine) -> None:
    ensure_schema(engine, STAGING_SCHEMA, private=True)


def recreate(engine: Engine, table: Table) -> None:
    """Drop what a failed earlier build left, then create ``table`` empty."""
    ensure_staging_schema(engine)
    table.drop(engine, checkfirst=True)
    table.create(engine)


def drop_staging(engine: Engine, schema: str, tables: list[str]) -> None:
    """Drop the staging tables of ``schema``'s ``tables`` where they exist."""
    if STAGING_SCHEMA not in Catalog(engine).get_schema_names():
        return
    with engine.begin() as conn:
        for name in tables:
            for staged in (
                staged_name(schema, name),
                gone_table_name(schema, name),
                bucket_counts_name(schema, name, published=False),
                group_sizes_name(schema, name, published=False),
            ):
                Table(staged.name, MetaData(), schema=staged.schema).drop(conn, checkfirst=True)


def clear_staging(engine: Engine) -> list[str]:
    """Drop every table in the staging schema, which only runs write to (one at a time):
    what a killed build left must not wait there for the next run; the tables dropped."""
    if STAGING_SCHEMA not in Catalog(engine).get_schema_names():
        return []
    left = Catalog(engine).get_table_names(schema=STAGING_SCHEMA)
    with engine.begin() as conn:
        for name in left:
            Table(name, MetaData(), schema=STAGING_SCHEMA).drop(conn)
    return left


def index_key(engine: Engine, schema: str, table: str, column: str) -> None:
    """A unique index on the staging table's key (on SQLite, where an index cannot leave
    its file, it is made on the published table at the swap instead)."""
    dialect = dialect_of(engine)
    if dialect.publish is Publish.COPY:
        return
    staged = staged_name(schema, table)
    with engine.begin() as conn:
        conn.execute(
            text(
                f"CREATE UNIQUE INDEX {_index_name(staged.name, dialect)} "
                f"ON {staged.quoted(engine)} ({_quote(engine, column)})"
            )
        )


def _index_name(table: str, dialect: Dialect) -> str:
    if dialect.index_names_per_table:
        return "key_unique"  # index names are per table there; renaming keeps it
    return f"{table}_key"


def swap_in(engine: Engine, schema: str, keys: dict[str, str]) -> None:
    """Replace each ``schema.<table>`` by its staging table, all in one step.

    ``keys`` maps each table to its key column (indexed unique).
    """
    staged = set(Catalog(engine).get_table_names(schema=STAGING_SCHEMA))
    missing = [t for t in keys if staged_name(schema, t).name not in staged]
    if missing:
        raise RuntimeError(f"nothing staged to publish for {', '.join(missing)} in {schema}")
    published = set(Catalog(engine).get_table_names(schema=schema)) & set(keys)
    publish = dialect_of(engine).publish
    if publish is Publish.MOVE:  # only here is an increment staged to apply in place
        in_place = {t for t in keys if gone_table_name(schema, t).name in staged}
        _swap_by_moving(engine, schema, keys, published, in_place, staged)
    elif publish is Publish.RENAME:
        _swap_by_one_rename(engine, schema, keys, published)
    else:
        _swap_by_copying(engine, schema, keys, published)


def _swap_by_moving(
    engine: Engine,
    schema: str,
    keys: dict[str, str],
    published: set[str],
    in_place: set[str],
    staged_tables: set[str],
) -> None:
    with engine.begin() as conn:
        for table, key in keys.items():
            final, staged = TableName(schema, table), staged_name(schema, table)
            for kept in (bucket_counts_name, group_sizes_name):
                _keep_with_version(conn, kept(schema, table, published=True), staged_tables)
            if table in in_place:
                _apply_in_place(conn, final, staged, gone_table_name(schema, table), key)
                continue
            grants = _grants(conn, final) if table in published else []
            grants += _default_grants(conn, schema)
            if table in published:
                conn.execute(text(f"DROP TABLE {final.quoted(conn)}"))
            conn.execute(
                text(f"ALTER TABLE {staged.quoted(conn)} SET SCHEMA {_schema(conn, schema)}")
            )
            moved = TableName(schema, staged.name)
            conn.execute(text(f"ALTER TABLE {moved.quoted(conn)} RENAME TO {_quote(conn, table)}"))
            index = TableName(schema, _index_name(staged.name, dialect_of(conn)))
            conn.execute(
                text(f"ALTER INDEX {index.quoted(conn)} RENAME TO {_quote(conn, table + '_key')}")
            )
            for privilege, grantee, grantable in sorted(set(grants)):
                conn.execute(
                    text(
                        f"GRANT {privilege} ON {final.quoted(conn)} TO {grantee}"
                        + (" WITH GRANT OPTION" if grantable else "")
                    )
                )


def _keep_with_version(conn: Connection, kept: TableName, staged: set[str]) -> None:
    """Publish what was counted of the staged version (its rows per bucket, its group
    sizes) with it, as ``kept``; a version staged without (another method, no time bucket)
    leaves none that would count an older one."""
    conn.execute(text(f"DROP TABLE IF EXISTS {kept.quoted(conn)}"))
    if kept.name in staged:
        counted = TableName(STAGING_SCHEMA, kept.name).quoted(conn)
        governance = _schema(conn, GOVERNANCE_SCHEMA)
        conn.execute(text(f"ALTER TABLE {counted} SET SCHEMA {governance}"))


def _apply_in_place(
    conn: Connection, final: TableName, staged: TableName, gone: TableName, key: str
) -> None:
    """Replace the published rows of the staged keys and delete those of the ``gone`` keys,
    inside the swap's transaction: readers see the old version until it commits."""
    names = [c["name"] for c in Catalog(conn).get_columns(staged.name, schema=staged.schema)]
    columns = ", ".join(_quote(conn, n) for n in names)
    k = _quote(conn, key)
    published, delta, removed = final.quoted(conn), staged.quoted(conn), gone.quoted(conn)
    for statement in (
        f"DELETE FROM {published} p USING {delta} d WHERE p.{k} = d.{k}",
        f"DELETE FROM {published} p USING {removed} g WHERE p.{k} = g.k",
        f"INSERT INTO {published} ({columns}) SELECT {columns} FROM {delta}",
        f"DROP TABLE {delta}",
        f"DROP TABLE {removed}",
    ):
        conn.execute(text(statement))


def _grants(conn: Connection, table: TableName) -> list[tuple[str, str, bool]]:
    """The privileges granted on ``table`` to others than its owner (PUBLIC included)."""
    return _acl(
        conn,
        "pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a",
        "c.oid = to_regclass(:name) AND a.grantee <> c.relowner",
        name=table.quoted(conn),
    )


def _default_grants(conn: Connection, schema: str) -> list[tuple[str, str, bool]]:
    """The privileges the current role's tables made in ``schema`` would get by default
    (``ALTER DEFAULT PRIVILEGES IN SCHEMA``): a table made elsewhere and moved in lacks them."""
    return _acl(
        conn,
        "pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace "
        "CROSS JOIN LATERAL aclexplode(d.defaclacl) a",
        "n.nspname = :schema AND d.defaclobjtype = 'r' "
        "AND d.defaclrole = current_user::regrole AND a.grantee <> d.defaclrole",
        schema=schema,
    )


def _acl(conn: Connection, entries: str, where: str, **params: str) -> list[tuple[str, str, bool]]:
    """(privilege, grantee as SQL, grantable) of the access-control ``entries`` (exploded
    as ``a``) that ``where`` selects; PUBLIC for the grantee 0."""
    rows = conn.execute(
        text(
            "SELECT a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC' "
            f"ELSE quote_ident(r.rolname) END, a.is_grantable FROM {entries} "
            f"LEFT JOIN pg_roles r ON r.oid = a.grantee WHERE {where}"
        ),
        params,
    )
    return [tuple(row) for row in rows]


def _swap_by_one_rename(
    engine: Engine, schema: str, keys: dict[str, str], published: set[str]
) -> None:
    pairs = []
    olds = [TableName(schema, table + _OLD_SUFFIX).quoted(engine) for table in keys]
    for table, old in zip(keys, olds, strict=True):
        final = TableName(schema, table).quoted(engine)
        if table in published:
            pairs.append(f"{final} TO {old}")
        pairs.append(f"{staged_name(schema, table).quoted(engine)} TO {final}")
    with engine.begin() as conn:
        for old in olds:
            conn.execute(text(f"DROP TABLE IF EXISTS {old}"))
        conn.execute(text("RENAME TABLE " + ", ".join(pairs)))
        for old in olds:
            conn.execute(text(f"DROP TABLE IF EXISTS {old}"))


def _swap_by_copying(
    engine: Engine, schema: str, keys: dict[str, str], published: set[str]
) -> None:
    statements = []
    for table, key in keys.items():
        final, staged = TableName(schema, table), staged_name(schema, table)
        reflected = Table(staged.name, MetaData(), schema=staged.schema, autoload_with=engine)
        copy = reflected.to_metadata(MetaData(), schema=schema, name=table)
        if table in published:
            statements.append(f"DROP TABLE {final.quoted(engine)}")
        statements += [
            str(CreateTable(copy).compile(dialect=engine.dialect)),
            f"INSERT INTO {final.quoted(engine)} SELECT * FROM {staged.quoted(engine)}",
            f"CREATE UNIQUE INDEX {_schema(engine, schema)}.{_quote(engine, table + '_key')} "
            f"ON {_quote(engine, table)} ({_quote(engine, key)})",
            f"DROP TABLE {staged.quoted(engine)}",
        ]
    with _raw_transaction(engine) as execute:
        for statement in statements:
            execute(statement)


def _quote(bind: Engine | Connection, name: str) -> str:
    return bind.dialect.identifier_preparer.quote(name)


def _schema(bind: Engine | Connection, schema: str) -> str:
    return bind.dialect.identifier_preparer.quote_schema(physical(bind, schema))


@contextmanager
def _raw_transaction(engine: Engine) -> Iterator[Any]:
    """One transaction that DDL cannot end early, on SQLite."""
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
