"""SQL written by a test, run on the warehouse whatever its schemas are called there.

A test's own statements name tables as the policy does (``sales.orders``); on the test
MariaDB server those schemas are databases with the session's prefix (``schemas``).
Only a test's own SQL is rewritten here: the project's must find the names itself, and
the tests run it as it is.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, text
from sqlalchemy.sql.elements import TextClause

from include.governance.schemas import physical

TEST_SCHEMAS = (
    "crm",
    "sales",
    "web",
    "service",
    "hr",
    "health",
    "governance",
    "governance_staging",
    "analytics",
    "marketing",
    "scan_test",
)
# A schema name before a dot, not inside a quoted value ('sales.orders') nor after a dot.
_QUALIFIED = re.compile(rf"(?<!['\w.])({'|'.join(TEST_SCHEMAS)})\.(?=[A-Za-z_\"`])")


def on_server(bind: Engine | Connection, statement: str) -> str:
    return _QUALIFIED.sub(lambda m: physical(bind, m[1]) + ".", statement)


def sql(bind: Engine | Connection, statement: str) -> TextClause:
    """``text(statement)`` with each ``schema.`` the server's name for it."""
    return text(on_server(bind, statement))
