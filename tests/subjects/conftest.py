from __future__ import annotations

from datetime import date

import pytest

from include.demo.load import build_demo_warehouse


@pytest.fixture
def warehouse(any_engine):
    """A demo warehouse of 100 customers on each database the project supports."""
    build_demo_warehouse(any_engine, 100, 42, date(2026, 11, 24))
    return any_engine
