"""Warehouse engines: URL resolution, schemas on each dialect, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, Table, Text, event, inspect, select, text

from include.airflow_support import warehouse_url
from include.governance.retention.delete import reclaim_space
from include.governance.schemas import physical
from include.governance.tables import TableName
from include.governance.warehouse import (
    SQLITE_MAX_SCHEMAS,
    WarehouseError,
    check_connection,
    create_warehouse_engine,
    default_sqlite_path,
    ensure_schema,
    resolve_url,
    sqlite_schema_path,
    url_from_connection,
)


def test_url_precedence_explicit_then_environment_then_default_file(monkeypatch):
    monkeypatch.delenv("WAREHOUSE_URL", raising=False)
    assert resolve_url().database == str(default_sqlite_path())
    monkeypatch.setenv("WAREHOUSE_URL", "postgresql://u@db/wh")
    assert resolve_url().database == "wh"
    assert resolve_url("sqlite:////tmp/x.db").database == "/tmp/x.db"


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgres://u@h/db", "postgresql+psycopg2"),
        ("postgresql://u@h/db", "postgresql+psycopg2"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
        ("mariadb://u@h/db", "mysql+pymysql"),
        ("mysql://u@h/db", "mysql+pymysql"),
        ("sqlite:///w.db", "sqlite"),
    ],
)
def test_airflow_style_schemes_map_to_installed_drivers(given, driver):
    assert resolve_url(given).drivername == driver


def test_unsupported_or_malformed_urls_are_named():
    with pytest.raises(WarehouseError, match="unsupported database 'oracle'"):
        resolve_url("oracle://u@h/db")
    with pytest.raises(WarehouseError, match="not a valid database URL"):
        resolve_url("not a url")


def test_url_from_airflow_connection_fields():
    url = url_from_connection(
        "postgres", host="db.example", port=5433, login="etl", password="s3cret", schema="warehouse"
    )
    assert (url.drivername, url.host, url.port, url.database) == (
        "postgresql+psycopg2",
        "db.example",
        5433,
        "warehouse",
    )
    assert url_from_connection("sqlite", host="/data/w.db").database == "/data/w.db"
    assert url_from_connection("sqlite", host="", schema="/data/w.db").database == "/data/w.db"
    with pytest.raises(WarehouseError, match="no file path"):
        url_from_connection("sqlite", host="")
    shared = url_from_connection("mysql", host="db", extra={"schema_prefix": "shop_", "x": "1"})
    assert dict(shared.query) == {"schema_prefix": "shop_"}
    with pytest.raises(WarehouseError, match="has type 'http'"):
        url_from_connection("http", host="example.com")


def test_airflow_connection_wins_over_environment(monkeypatch):
    monkeypatch.setenv("WAREHOUSE_URL", "sqlite:////tmp/env.db")
    monkeypatch.delenv("AIRFLOW_CONN_WAREHOUSE", raising=False)
    assert warehouse_url().database == "/tmp/env.db"
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", "sqlite:///%2Fdata%2Fw.db")
    assert warehouse_url().database == "/data/w.db"
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", "postgres://etl:pw@db.example:5432/wh")
    url = warehouse_url()
    assert (url.drivername, url.host, url.database, url.username) == (
        "postgresql+psycopg2",
        "db.example",
        "wh",
        "etl",
    )
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", "mysql://root@db:3306/x?schema_prefix=shop_")
    assert warehouse_url().query == {"schema_prefix": "shop_"}  # an extra, from the URI


def test_sqlite_schemas_are_attached_files_usable_across_schemas(sqlite_engine, tmp_path):
    ensure_schema(sqlite_engine, "crm")
    ensure_schema(sqlite_engine, "sales")
    ensure_schema(sqlite_engine, "crm")  # idempotent
    with sqlite_engine.begin() as conn:
        conn.execute(text("CREATE TABLE crm.people (id INTEGER PRIMARY KEY)"))
        conn.execute(text("CREATE TABLE sales.orders (id INTEGER PRIMARY KEY, person INTEGER)"))
        conn.execute(text("INSERT INTO crm.people VALUES (1), (2)"))
        conn.execute(text("INSERT INTO sales.orders VALUES (10, 1), (11, 1), (12, 2)"))
    with sqlite_engine.connect() as conn:
        joined = conn.execute(
            text("SELECT count(*) FROM sales.orders o JOIN crm.people p ON p.id = o.person")
        ).scalar()
    assert joined == 3
    assert {"crm", "sales"} <= set(inspect(sqlite_engine).get_schema_names())
    assert sorted(p.name for p in tmp_path.glob("warehouse.*.db")) == [
        "warehouse.crm.db",
        "warehouse.sales.db",
    ]


def test_sqlite_schema_limit_is_a_clear_error(sqlite_engine):
    for i in range(SQLITE_MAX_SCHEMAS):
        ensure_schema(sqlite_engine, f"s{i}")
    with pytest.raises(WarehouseError, match="at most 10 schemas"):
        ensure_schema(sqlite_engine, "one_too_many")


def test_space_is_reclaimed_in_a_sqlite_warehouse_of_the_most_schemas(sqlite_engine):
    """VACUUM on a connection with every schema attached needs one attachment more than a
    warehouse of ten schemas has left (the demo's, with staging): each file is vacuumed
    alone."""
    for i in range(SQLITE_MAX_SCHEMAS - 1):
        ensure_schema(sqlite_engine, f"s{i}")
    ensure_schema(sqlite_engine, "sales")
    with sqlite_engine.begin() as conn:
        conn.execute(text("CREATE TABLE sales.orders (order_id INTEGER, note TEXT)"))
        rows = [{"i": i, "note": "x" * 500} for i in range(2000)]
        conn.execute(text("INSERT INTO sales.orders VALUES (:i, :note)"), rows)
        conn.execute(text("DELETE FROM sales.orders"))
    path = sqlite_schema_path(Path(sqlite_engine.url.database), "sales")
    before = path.stat().st_size
    assert reclaim_space(sqlite_engine, ["sales.orders"]) == ["VACUUM sales"]
    assert path.stat().st_size < before / 10


def test_schema_names_must_be_identifiers(sqlite_engine):
    with pytest.raises(WarehouseError, match="not a plain SQL identifier"):
        ensure_schema(sqlite_engine, "crm; DROP TABLE x")


def test_in_memory_sqlite_is_refused():
    with pytest.raises(WarehouseError, match="needs a file path"):
        create_warehouse_engine("sqlite://")


def test_schemas_on_server_dialects(pg_engine, mariadb_engine):
    for engine in (pg_engine, mariadb_engine):
        check_connection(engine)
        ensure_schema(engine, "crm")
        ensure_schema(engine, "crm")
        people = TableName("crm", "people")
        with engine.begin() as conn:
            conn.execute(text(f"CREATE TABLE {people.quoted(engine)} (id INTEGER PRIMARY KEY)"))
        on_server = people.on_server(engine)
        assert "people" in inspect(engine).get_table_names(schema=on_server.schema)


def test_unreachable_warehouse_is_named_without_its_password():
    engine = create_warehouse_engine("postgresql://etl:topsecret@127.0.0.1:1/wh")
    with pytest.raises(WarehouseError) as caught:
        check_connection(engine)
    message = str(caught.value)
    assert "unreachable" in message
    assert "127.0.0.1:1/wh" in message
    assert "topsecret" not in message


@pytest.mark.mariadb
def test_mariadb_schemas_hold_any_text_whatever_the_server_default(mariadb_engine):
    """On a server whose default character set is latin1 (stock MariaDB), the project's
    schemas are made (or set) utf8mb4, so a note with "Łukasz" or an emoji survives."""
    engine = create_warehouse_engine(mariadb_engine.url)
    event.listen(engine, "connect", _latin1_server_defaults)
    with engine.begin() as conn:  # the trap is real: a plain CREATE DATABASE gets latin1
        conn.execute(text(f"CREATE DATABASE {physical(engine, 'marketing')}"))
    assert _charset(engine, "marketing") == "latin1"
    for schema in ("analytics", "marketing"):  # a new one, and one made latin1 before
        ensure_schema(engine, schema)
        assert _charset(engine, schema) == "utf8mb4"
        notes = Table("notes", MetaData(), Column("note", Text), schema=schema)
        notes.create(engine)
        with engine.begin() as conn:
            conn.execute(notes.insert().values(note=NOTE))
        with engine.connect() as conn:
            assert conn.execute(select(notes.c.note)).scalar_one() == NOTE
    engine.dispose()


NOTE = "Łukasz Żółć ringte om hofteprotesen 🙂"


def _latin1_server_defaults(dbapi_connection, _record) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET SESSION character_set_server = 'latin1'")
        cursor.execute("SET SESSION collation_server = 'latin1_swedish_ci'")


def _charset(engine, schema: str) -> str:
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT default_character_set_name FROM information_schema.schemata "
                "WHERE schema_name = :schema"
            ),
            {"schema": physical(engine, schema)},
        ).scalar_one()


@pytest.mark.postgres
def test_a_statement_runs_again_on_a_table_made_anew_with_other_types(pg_driver_engine):
    """psycopg 3 would prepare the INSERT after five runs, its parameter a date for good."""
    with pg_driver_engine.connect() as conn:
        for sql_type, value in [("date", "2026-11-24")] * 6 + [("text", "0150")]:
            with conn.begin():
                conn.execute(text(f"CREATE TEMP TABLE t (v {sql_type}) ON COMMIT DROP"))
                conn.execute(text("INSERT INTO t VALUES (:v)"), [{"v": value}])
                assert conn.execute(text("SELECT CAST(v AS text) FROM t")).scalar() == value
