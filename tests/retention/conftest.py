"""The retention tests' warehouse: the demo's (100 customers, as of 2026-11-24)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, event

from include.demo.load import build_demo_warehouse
from include.governance.audit import ensure_governance_tables
from include.governance.catalog import Catalog
from include.governance.policy import load_policy
from include.governance.tables import TableName
from tests.server_sql import sql

AS_OF = date(2026, 11, 24)


@pytest.fixture
def warehouse(any_engine) -> Engine:
    """The demo warehouse on SQLite, PostgreSQL and MariaDB, with the governance tables."""
    build_demo_warehouse(any_engine, 100, 42, AS_OF)
    ensure_governance_tables(any_engine)  # where compliance records legal holds
    return any_engine


@pytest.fixture
def drop_foreign_keys() -> Callable[[Engine], None]:
    """Drops the foreign keys of the order history's child tables, as in warehouses that
    keep none: ``drop_foreign_keys(engine)``."""

    def drop(engine: Engine) -> None:
        if engine.dialect.name == "sqlite":  # keys are part of a table there: stop enforcing
            event.listen(engine, "connect", _no_foreign_keys)
            engine.dispose()
            return
        inspector = Catalog(engine)
        statement = "DROP FOREIGN KEY" if engine.dialect.name == "mysql" else "DROP CONSTRAINT"
        with engine.begin() as conn:
            for child in load_policy().retention["order_history"].children:
                name = TableName.parse(child.table)
                for fk in inspector.get_foreign_keys(name.name, schema=name.schema):
                    conn.execute(sql(conn, f"ALTER TABLE {child.table} {statement} {fk['name']}"))

    return drop


def _no_foreign_keys(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys = OFF")
