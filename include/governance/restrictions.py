"""Rows an erasure kept for an obligation, restricted to it (GDPR art. 17(3) and 18).

An erasure keeps some of the person's rows: orders accounting and warranty keep for their
period (cleared of what those purposes do not need), the customer row they refer to (as a
stub), records under a hold. Those rows may serve only the purposes that keep them, so no
analytics or marketing build may process them again: every build reads its source through
:func:`unrestricted`, and counts its source's rows through it too, so outputs still
reconcile with what they may hold. The rows are those of ``governance.subject_erasure_rows``
an erasure has carried out (``done_at``) with an action that keeps the row; their keys are
compared as text, as the plan keeps them.
"""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    cast,
    exists,
    literal_column,
    select,
    true,
)

from include.governance.audit import CLEAR, GOVERNANCE_SCHEMA, KEEP, subject_erasure_rows
from include.governance.catalog import Catalog
from include.governance.schemas import literal_sql

_rows = subject_erasure_rows.c


def restricted_keys(table: str) -> Select:
    """The keys (as text) of ``table``'s rows an erasure kept and restricted."""
    return select(_rows.key_value).where(
        _rows.table_name == table,
        _rows.action.in_((CLEAR, KEEP)),
        _rows.done_at.is_not(None),
    )


def unrestricted(conn: Connection, table: str, key: ColumnElement) -> ColumnElement[bool]:
    """True for the rows of ``table`` (keyed by ``key``) no erasure restricted; plain TRUE
    where none is, so a source no erasure touched is read as it always was."""
    if not Catalog(conn).has_table(subject_erasure_rows.name, GOVERNANCE_SCHEMA):
        return true()
    if not conn.execute(select(exists(restricted_keys(table)))).scalar():
        return true()
    return cast(key, String).not_in(restricted_keys(table))


def unrestricted_sql(conn: Connection, table: str, key_sql: str) -> str:
    """:func:`unrestricted` as SQL text over the key expression ``key_sql`` (``src.id``),
    values inline and the server's schema names, for statements written as text."""
    return literal_sql(conn, unrestricted(conn, table, literal_column(key_sql)))
