"""Schema names on a MariaDB server shared with others: the URL's ``schema_prefix`` and
``schema_map`` say which databases are the warehouse's, and nothing else is touched."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from include.governance.inventory.discovery import ScanScope, discover_tables
from include.governance.schemas import SchemaNames
from include.governance.tables import TableName
from include.governance.warehouse import WarehouseError, create_warehouse_engine, ensure_schema
from tests.conftest import MARIADB_SERVER_URL, MARIADB_TEST_PREFIX


def test_a_prefix_and_a_map_name_every_schema():
    names = SchemaNames.from_url(
        make_url("mysql://h/db?schema_prefix=shop_&schema_map=analytics:privacy_out")
    )
    assert names["crm"] == "shop_crm"
    assert names["analytics"] == "privacy_out"
    assert names.logical("shop_crm") == "crm"
    assert names.logical("privacy_out") == "analytics"
    assert names.logical("shop_analytics") is None  # analytics lives elsewhere
    assert names.logical("crm") is None  # not the warehouse's: another's database


@pytest.mark.parametrize(
    ("query", "wrong"),
    [
        ("schema_prefix=shop-", "only letters, digits and _"),
        ("schema_map=analytics", "schema:database"),
        ("schema_map=analytics:a;b", "not a plain schema name"),
        ("schema_map=analytics:x,marketing:x", "the same database"),
    ],
)
def test_bad_schema_names_are_named(query, wrong):
    with pytest.raises(WarehouseError, match=wrong):
        create_warehouse_engine(f"mysql://root@127.0.0.1/mysql?{query}")


def test_names_are_refused_where_the_database_in_the_url_holds_the_schemas(tmp_path):
    for url in (
        f"sqlite:///{tmp_path}/w.db?schema_prefix=x_",
        "postgresql://u@h/wh?schema_prefix=x_",
    ):
        with pytest.raises(WarehouseError, match="MariaDB/MySQL"):
            create_warehouse_engine(url)


@pytest.mark.mariadb
def test_the_warehouse_lives_only_in_databases_of_its_names(mariadb_engine):
    """Tables, catalogue and scan use the prefixed databases; a database of another's
    called like a warehouse schema is neither written nor scanned."""
    others = f"gtu{os.getpid()}_crm"  # not this warehouse's prefix: someone else's
    server = create_engine(f"{MARIADB_SERVER_URL}/mysql")
    with server.begin() as conn:
        conn.execute(text(f"CREATE DATABASE {others}"))
        conn.execute(text(f"CREATE TABLE {others}.customers (id INTEGER)"))
    try:
        ensure_schema(mariadb_engine, "crm")
        people = Table("people", MetaData(), Column("id", Integer), schema="crm")
        people.create(mariadb_engine)
        with mariadb_engine.begin() as conn:
            conn.execute(people.insert().values(id=7))
            quoted = TableName("crm", "people").quoted(mariadb_engine)
            assert conn.execute(text(f"SELECT id FROM {quoted}")).scalar_one() == 7
            assert conn.execute(select(people.c.id)).scalar_one() == 7
        assert inspect(server).get_table_names(schema=f"{MARIADB_TEST_PREFIX}crm") == ["people"]
        assert not inspect(server).has_table("people", schema="crm")
        scanned = discover_tables(mariadb_engine, ScanScope())
        assert scanned == {"crm.people": "table"}
        assert "crm.customers" not in discover_tables(mariadb_engine, ScanScope(include=("crm",)))
    finally:
        with server.begin() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {others}"))
        server.dispose()
