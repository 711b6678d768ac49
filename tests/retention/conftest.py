"""The retention tests' warehouse: the demo's (100 customers, as of 2026-11-24)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from include.demo.load import build_demo_warehouse
from include.governance.audit import ensure_governance_tables

AS_OF = date(2026, 11, 24)


@pytest.fixture
def warehouse(engine) -> Engine:
    """The demo warehouse on SQLite, then PostgreSQL, with the governance tables."""
    build_demo_warehouse(engine, 100, 42, AS_OF)
    ensure_governance_tables(engine)  # where compliance records legal holds
    return engine
