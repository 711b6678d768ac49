"""Fixtures: real warehouses on SQLite, PostgreSQL (psycopg2 and psycopg 3) and MariaDB,
each emptied per test.

PostgreSQL and MariaDB must be running (``.ci/run`` starts PostgreSQL when it is down);
a test that needs one fails, never skips, when it is not there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from include.demo.load import build_demo_warehouse
from include.governance.warehouse import create_warehouse_engine

# Airflow reads its home on import: a folder of the project's, unless `make` set one.
os.environ.setdefault("AIRFLOW_HOME", str(Path(__file__).parents[1] / "var" / "airflow"))

PG_SERVER_URL = os.environ.get("TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432")
MARIADB_SERVER_URL = os.environ.get("TEST_MARIADB_URL", "mysql+pymysql://root@127.0.0.1:3306")
# One database per test session, so sessions side by side cannot drop each other's.
PG_TEST_DATABASE = f"governance_test_{os.getpid()}"
# MariaDB's schemas are databases of the whole server: this session's all start with its
# own prefix (the warehouse URL's ``schema_prefix``), and only those are ever dropped.
MARIADB_TEST_PREFIX = f"gt{os.getpid()}_"
MARIADB_TEST_URL = f"{MARIADB_SERVER_URL}/mysql?schema_prefix={MARIADB_TEST_PREFIX}"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at its end."""
    admin = create_engine(f"{PG_SERVER_URL}/postgres", isolation_level="AUTOCOMMIT")
    drop = text(f"DROP DATABASE IF EXISTS {PG_TEST_DATABASE} WITH (FORCE)")
    with admin.connect() as conn:
        conn.execute(drop)
        conn.execute(text(f"CREATE DATABASE {PG_TEST_DATABASE}"))
    yield f"{PG_SERVER_URL}/{PG_TEST_DATABASE}"
    with admin.connect() as conn:
        conn.execute(drop)
    admin.dispose()


@pytest.fixture(scope="session")
def pg3_url(pg_url) -> str:
    """The session's PostgreSQL database through psycopg 3 (``postgresql+psycopg://``)."""
    url = make_url(pg_url).set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _empty_postgres(engine: Engine) -> None:
    with engine.begin() as conn:
        schemas = (
            conn.execute(
                text(
                    "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                    "AND nspname NOT IN ('information_schema', 'public')"
                )
            )
            .scalars()
            .all()
        )
        for schema in schemas:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def _empty_mariadb(engine: Engine) -> None:
    """Drop this session's databases (those with its prefix), and no other."""
    like = MARIADB_TEST_PREFIX.replace("_", "\\_") + "%"
    with engine.begin() as conn:
        conn.execute(text("SET FOREIGN_KEY_CHECKS = 0"))  # the demo has cross-database keys
        ours = conn.execute(
            text("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE :p"),
            {"p": like},
        ).scalars()
        for name in list(ours):
            conn.execute(text(f"DROP DATABASE `{name}`"))


@pytest.fixture
def sqlite_engine(tmp_path) -> Iterator[Engine]:
    engine = create_warehouse_engine(f"sqlite:///{tmp_path}/warehouse.db")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_engine(pg_url) -> Iterator[Engine]:
    engine = create_warehouse_engine(pg_url)
    _empty_postgres(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def pg3_engine(pg3_url) -> Iterator[Engine]:
    engine = create_warehouse_engine(pg3_url)
    _empty_postgres(engine)
    yield engine
    engine.dispose()


@pytest.fixture(
    params=[
        pytest.param("psycopg2", marks=pytest.mark.postgres),
        pytest.param("psycopg", marks=pytest.mark.postgres),
    ]
)
def pg_driver_engine(request) -> Engine:
    """An empty PostgreSQL warehouse through psycopg2, then through psycopg 3: the paths
    that reach the driver itself (COPY, server-side cursors) run on both."""
    return request.getfixturevalue(_PG_DRIVER_FIXTURES[request.param])


@pytest.fixture
def mariadb_engine() -> Iterator[Engine]:
    engine = create_warehouse_engine(MARIADB_TEST_URL)
    _empty_mariadb(engine)
    yield engine
    _empty_mariadb(engine)
    engine.dispose()


_PG_DRIVER_FIXTURES = {"psycopg2": "pg_engine", "psycopg": "pg3_engine"}
_ENGINE_FIXTURES = {
    "sqlite": "sqlite_engine",
    "postgresql": "pg_engine",
    "mariadb": "mariadb_engine",
}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request) -> Engine:
    """An empty warehouse on SQLite, then on PostgreSQL."""
    return request.getfixturevalue(_ENGINE_FIXTURES[request.param])


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
    ]
)
def any_engine(request) -> Engine:
    """An empty warehouse on each dialect the project supports."""
    return request.getfixturevalue(_ENGINE_FIXTURES[request.param])


@pytest.fixture
def demo(engine: Engine) -> Engine:
    """The demo warehouse (300 customers, as of 2026-11-24) on SQLite, then PostgreSQL."""
    build_demo_warehouse(engine, scale=300, as_of=date(2026, 11, 24))
    return engine
