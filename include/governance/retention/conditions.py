"""A hold's tests as SQL: each test and its exact complement, neither ever NULL.

A batch deletes a row of a hold table only where the hold does not match, so "matches" and
"does not match" must split every row in two, NULLs included: SQL's three-valued logic
would otherwise leave a NULL status out of both (kept by neither, or deleted by both).
Every form here is ``col IS [NOT] NULL`` combined with a comparison, so it is true or
false, never unknown.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, and_, literal, or_
from sqlalchemy.sql.elements import ColumnElement

from include.governance.policy import RUN_DATE, Match


def matching(col: ColumnElement, match: Match, run_date: date) -> ColumnElement:
    """The rows whose ``col`` passes the test (a NULL passes only ``is_null``, ``not`` and
    ``not_in``)."""
    if match.is_null is not None:
        return col.is_(None) if match.is_null else col.is_not(None)
    if match.not_ is not None or match.not_in is not None:  # the complement of equals, in
        return or_(col.is_(None), ~_compared(col, match, run_date))
    return and_(col.is_not(None), _compared(col, match, run_date))


def not_matching(col: ColumnElement, match: Match, run_date: date) -> ColumnElement:
    """The exact complement of :func:`matching`, also never NULL."""
    if match.is_null is not None:
        return col.is_not(None) if match.is_null else col.is_(None)
    if match.not_ is not None or match.not_in is not None:
        return and_(col.is_not(None), _compared(col, match, run_date))
    return or_(col.is_(None), ~_compared(col, match, run_date))


def _compared(col: ColumnElement, match: Match, run_date: date) -> ColumnElement:
    """The comparison of a test without its NULL case (``not`` and ``not_in`` as the
    equality and IN they negate); unknown for a NULL, so always guarded by the callers.
    (Not ``IS DISTINCT FROM``: SQLAlchemy cannot render its value into the SQL that Great
    Expectations runs on SQLite and MariaDB.)"""
    if match.in_ is not None or match.not_in is not None:
        return col.in_(match.in_ or match.not_in)
    if match.on_or_after is not None:
        day = run_date if match.on_or_after == RUN_DATE else match.on_or_after
        # A date bound as a date: a timestamp column compares with its midnight (UTC, the
        # session's zone), and SQLite's text forms order the same way.
        return col >= literal(day, Date)
    return col == (match.equals if match.not_ is None else match.not_)
