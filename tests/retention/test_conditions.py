"""Each test a hold can make, and its complement, split every row in two, NULLs included:
a row is held or deletable, never both and never neither; on every dialect."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
    select,
)

from include.governance.policy import Match
from include.governance.retention.conditions import matching, not_matching
from include.governance.warehouse import ensure_schema

RUN_DATE = date(2026, 11, 24)
CASES = MetaData(schema="sales")
CLAIMS = Table(
    "claim_cases",
    CASES,
    Column("case_id", Integer, primary_key=True, autoincrement=False),
    Column("status", String(20)),
    Column("ends_on", Date),
    Column("ends_at", DateTime),
)
ROWS = [  # status, ends_on, ends_at
    ("open", date(2026, 11, 24), datetime(2026, 11, 24, 0, 0)),
    ("closed", date(2026, 11, 23), datetime(2026, 11, 23, 23, 59, 59)),
    ("escalated", date(2027, 1, 1), datetime(2026, 11, 24, 12, 0)),
    (None, None, None),
]


@pytest.fixture
def cases(any_engine):
    ensure_schema(any_engine, "sales")
    any_engine.dispose()  # SQLite: new connections attach the new schema's file
    CASES.create_all(any_engine)
    with any_engine.begin() as conn:
        conn.execute(
            insert(CLAIMS),
            [
                {"case_id": i, "status": s, "ends_on": d, "ends_at": t}
                for i, (s, d, t) in enumerate(ROWS)
            ],
        )
    return any_engine


@pytest.mark.parametrize(
    ("column", "test", "held"),
    [
        ("status", {"equals": "open"}, {0}),
        ("status", {"in": ["open", "escalated"]}, {0, 2}),
        ("status", {"not": "closed"}, {0, 2, 3}),  # an unknown status is not closed
        ("status", {"not_in": ["closed", "open"]}, {2, 3}),
        ("status", {"is_null": True}, {3}),
        ("status", {"is_null": False}, {0, 1, 2}),
        ("ends_on", {"on_or_after": "run_date"}, {0, 2}),  # the run's day included
        ("ends_at", {"on_or_after": "run_date"}, {0, 2}),  # from its midnight (UTC)
        ("ends_on", {"on_or_after": "2027-01-01"}, {2}),
    ],
)
def test_a_test_and_its_complement_split_every_row(cases, column, test, held):
    match = Match.model_validate(test)
    col = CLAIMS.c[column]
    with cases.connect() as conn:
        passing = set(
            conn.execute(select(CLAIMS.c.case_id).where(matching(col, match, RUN_DATE))).scalars()
        )
        failing = set(
            conn.execute(
                select(CLAIMS.c.case_id).where(not_matching(col, match, RUN_DATE))
            ).scalars()
        )
        total = conn.execute(select(func.count()).select_from(CLAIMS)).scalar()
    assert passing == held
    assert failing == set(range(total)) - held
