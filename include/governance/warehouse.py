"""Warehouse access: an engine from a URL, schemas on every dialect, errors without values.

The warehouse is PostgreSQL in production, MariaDB/MySQL where a user has one, or an
embedded SQLite file for a first run. SQLite has no schemas, so a SQLite warehouse is a
family of files: ``warehouse.db`` plus one ``warehouse.<schema>.db`` beside it per schema,
each attached under its schema's name on every connection. ``crm.customers`` then names
the same table in SQL on all three dialects, and SQLAlchemy reflection sees the schemas.
SQLite attaches at most 10 databases per connection, which bounds a SQLite warehouse to
10 schemas; PostgreSQL and MariaDB have no such bound.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from include.governance.dialects import SchemaKind, dialect_named, dialect_of
from include.governance.paths import project_root
from include.governance.schemas import (
    SCHEMA_MAP_PARAM,
    SCHEMA_NAME_PARAMS,
    SCHEMA_PREFIX_PARAM,
    SchemaNames,
    physical,
)

WAREHOUSE_URL_ENV = "WAREHOUSE_URL"
SQLITE_MAX_SCHEMAS = 10
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# Airflow connection types (and URL schemes) -> SQLAlchemy driver names.
_DRIVERS = {
    "postgres": "postgresql+psycopg2",
    "postgresql": "postgresql+psycopg2",
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
    "sqlite": "sqlite",
}
# psycopg 3 prepares a statement on the server once it has run five times and keeps its
# parameter types: run again on a table made anew with other column types (a staging or
# temporary table) it fails. psycopg2 never prepares; the warehouse's psycopg 3 neither.
_DRIVER_CONNECT_ARGS = {"postgresql+psycopg": {"prepare_threshold": None}}


class WarehouseError(RuntimeError):
    """The warehouse cannot be reached or used as configured."""


def default_sqlite_path() -> Path:
    """Where the embedded demo warehouse lives when nothing else is configured."""
    return project_root() / "var" / "warehouse" / "warehouse.db"


def resolve_url(url: str | URL | None = None) -> URL:
    """The warehouse URL: the one given, else ``$WAREHOUSE_URL``, else the default SQLite file.

    Airflow-style schemes (``postgres://``, ``mariadb://``) are mapped to the drivers this
    project installs, so a URL copied from an Airflow connection works as it is.
    """
    raw = url or os.environ.get(WAREHOUSE_URL_ENV) or f"sqlite:///{default_sqlite_path()}"
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise WarehouseError(f"warehouse URL is not a valid database URL: {exc}") from None
    backend = parsed.get_backend_name()
    if backend not in _DRIVERS:
        raise WarehouseError(
            f"warehouse URL uses unsupported database {backend!r}; "
            "use postgresql://, mysql:// (MariaDB) or sqlite:///"
        )
    if "+" not in parsed.drivername:
        parsed = parsed.set(drivername=_DRIVERS[backend])
    return parsed


def url_from_connection(
    conn_type: str,
    *,
    host: str | None = None,
    port: int | None = None,
    login: str | None = None,
    password: str | None = None,
    schema: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> URL:
    """A SQLAlchemy URL from an Airflow connection's fields.

    Airflow keeps the database name in ``schema``; a SQLite file's path is in ``host`` when
    the connection was made in the UI and in ``schema`` when it came from a URI. The
    schemas' names on a shared MariaDB server (``schemas``) are the connection's extras
    ``schema_prefix`` and ``schema_map`` (a URI's query parameters become extras).
    """
    driver = _DRIVERS.get((conn_type or "").lower())
    if driver is None:
        raise WarehouseError(
            f"Airflow connection 'warehouse' has type {conn_type!r}; "
            f"expected one of {sorted(_DRIVERS)}"
        )
    if driver == "sqlite":
        if not (host or schema):
            raise WarehouseError("Airflow connection 'warehouse' (sqlite) has no file path")
        return URL.create("sqlite", database=host or schema)
    names = {k: str(v) for k, v in (extra or {}).items() if k in SCHEMA_NAME_PARAMS}
    return URL.create(
        driver,
        username=login,
        password=password,
        host=host,
        port=port,
        database=schema,
        query=names,
    )


def masked(url: URL) -> str:
    """The URL as text with its password hidden, safe for logs and error messages."""
    return url.render_as_string(hide_password=True)


def create_warehouse_engine(url: str | URL | None = None) -> Engine:
    """An engine for the warehouse, set up for its dialect (see the module docstring), with
    the server's names for its schemas where the URL gives them (``schemas``)."""
    resolved = resolve_url(url)
    names = warehouse_schema_names(resolved)
    if resolved.get_backend_name() == "sqlite":
        return _sqlite_engine(resolved)
    engine = create_engine(resolved, pool_pre_ping=True, **engine_options(resolved))
    if names.translates:
        event.listen(engine, "do_connect", _without_schema_params)
        engine = engine.execution_options(schema_translate_map=names)
    return engine


def warehouse_schema_names(url: URL) -> SchemaNames:
    """What the URL's ``schema_prefix`` and ``schema_map`` call the schemas on the server;
    only where schemas are server-wide (MariaDB): elsewhere the URL's database holds them."""
    try:
        names = SchemaNames.from_url(url)
    except ValueError as exc:
        raise WarehouseError(f"warehouse URL {masked(url)}: {exc}") from None
    backend = url.get_backend_name()
    if names.translates and dialect_named(backend).schemas is not SchemaKind.DATABASE:
        raise WarehouseError(
            f"{SCHEMA_PREFIX_PARAM} and {SCHEMA_MAP_PARAM} are for MariaDB/MySQL, where every "
            f"schema is a database of the whole server; on {backend} the warehouse's schemas "
            "live inside the URL's own database (or file): give it one of its own instead"
        )
    return names


def _without_schema_params(dialect, conn_rec, cargs, cparams) -> None:
    """The driver rejects parameters it does not know; the engine's URL keeps them."""
    for param in SCHEMA_NAME_PARAMS:
        cparams.pop(param, None)


def engine_options(url: URL) -> dict[str, Any]:
    """``create_engine`` options every connection to the warehouse gets, also in engines
    that other libraries create from its URL (Great Expectations): the schemas on SQLite,
    sessions in UTC elsewhere (``dialects.Dialect.connect_args``), and the driver's own
    (``_DRIVER_CONNECT_ARGS``)."""
    if url.get_backend_name() == "sqlite":
        return sqlite_engine_options(url)
    connect_args = dict(dialect_named(url.get_backend_name()).connect_args)
    return {"connect_args": connect_args | _DRIVER_CONNECT_ARGS.get(url.drivername, {})}


def check_connection(engine: Engine) -> None:
    """Fail early, with the (password-masked) URL, when the warehouse does not answer."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = str(exc.orig) if getattr(exc, "orig", None) else type(exc).__name__
        raise WarehouseError(
            f"warehouse {masked(engine.url)} is unreachable: {reason.strip().splitlines()[0]}"
        ) from None


def ensure_schema(engine: Engine, schema: str, *, private: bool = False) -> None:
    """Create ``schema`` if it does not exist (a database on MySQL, in full UTF-8 whatever
    the server's default; a file on SQLite). A ``private`` schema is kept from every other
    role (on SQLite: a file only its owner may open)."""
    _check_identifier(schema)
    dialect = dialect_of(engine)
    if dialect.schemas is SchemaKind.FILE:
        path = sqlite_schema_path(Path(engine.url.database), schema)
        if not path.exists():
            if len(_sqlite_schema_files(Path(engine.url.database))) >= SQLITE_MAX_SCHEMAS:
                raise WarehouseError(
                    f"cannot add schema {schema!r}: a SQLite warehouse holds at most "
                    f"{SQLITE_MAX_SCHEMAS} schemas; use PostgreSQL for more"
                )
            sqlite3.connect(path).close()
        if private:
            path.chmod(0o600)
        return
    options = dialect.schema_options
    name = engine.dialect.identifier_preparer.quote_schema(physical(engine, schema))
    with engine.begin() as conn:
        conn.execute(text(f"{dialect.schemas.value} IF NOT EXISTS {name} {options}".rstrip()))
        if options and dialect.schemas is SchemaKind.DATABASE:  # made before: new tables too
            conn.execute(text(f"ALTER DATABASE {name} {options}"))
        if private and dialect.private_schema:
            conn.execute(text(dialect.private_schema.format(schema=name)))


def vacuum_schema_file(engine: Engine, schema: str) -> None:
    """``VACUUM`` one schema of a SQLite warehouse on a connection to its file alone: on
    the warehouse's connections every schema is attached, and a ``VACUUM`` there needs one
    more attachment than a warehouse of SQLite's maximum of schemas has left."""
    _check_identifier(schema)
    conn = sqlite3.connect(sqlite_schema_path(Path(engine.url.database), schema), timeout=60)
    try:
        conn.execute("VACUUM")
    finally:
        conn.close()


def sqlite_schema_path(main_db: Path, schema: str) -> Path:
    """The file that holds ``schema`` of the SQLite warehouse whose main file is ``main_db``."""
    return main_db.with_name(f"{main_db.stem}.{schema}.db")


def _sqlite_schema_files(main_db: Path) -> dict[str, Path]:
    prefix = f"{main_db.stem}."
    found = {}
    for path in sorted(main_db.parent.glob(f"{main_db.stem}.*.db")):
        schema = path.name[len(prefix) : -len(".db")]
        if _IDENTIFIER.match(schema):
            found[schema] = path
    return found


def _sqlite_engine(url: URL) -> Engine:
    # NullPool: every connection is fresh, so it attaches schemas created since the last one.
    return create_engine(
        url.set(database=str(_sqlite_main_file(url))),
        poolclass=NullPool,
        **sqlite_engine_options(url),
    )


def sqlite_engine_options(url: URL) -> dict[str, Any]:
    """``create_engine`` options that give every connection the warehouse's schemas; also
    for engines that other libraries create from a URL (Great Expectations)."""
    return {"creator": partial(_sqlite_connect, _sqlite_main_file(url))}


def _sqlite_main_file(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise WarehouseError("a SQLite warehouse needs a file path, not an in-memory database")
    main_db = Path(url.database).expanduser().resolve()
    main_db.parent.mkdir(parents=True, exist_ok=True)
    return main_db


def _sqlite_connect(main_db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(main_db, timeout=60)
    conn.execute("PRAGMA foreign_keys = ON")
    # SQLite stores whatever bytes it is given: never fail a read on invalid UTF-8.
    conn.text_factory = _decode_leniently
    for schema, path in _sqlite_schema_files(main_db).items():
        conn.execute("ATTACH DATABASE ? AS " + schema, (str(path),))
    return conn


def _decode_leniently(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _check_identifier(name: str) -> None:
    if not _IDENTIFIER.match(name):
        raise WarehouseError(f"{name!r} is not a plain SQL identifier (letters, digits, _)")


def utc(moment: datetime | None) -> datetime | None:
    """A timestamp in UTC; a naive one is read as UTC, as the warehouse stores it (every
    session runs in UTC)."""
    if moment is None:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def describe_error(exc: Exception) -> str:
    """An error for the record without its message: database errors can quote values."""
    origin = getattr(exc, "orig", None) or exc
    return f"{type(exc).__name__} ({type(origin).__name__})"
