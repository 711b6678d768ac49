"""The proof of an erasure, with Great Expectations, run in the warehouse: by key, every
row the plan deleted is gone and every column it cleared is empty; by value, no column
that holds identifiers, and no free text, still holds one of the person's (except in the
rows a hold keeps whole). The queries name the plan's and the identifiers' tables, never a
value, so the suites and their Data Docs hold none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    MetaData,
    String,
    Table,
    and_,
    cast,
    column,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.sql import ColumnElement

from include.governance.audit import (
    CLEAR,
    DELETE,
    GOVERNANCE_SCHEMA,
    KEEP,
    subject_erasure_rows,
    subject_identifiers,
)
from include.governance.policy import Policy
from include.governance.quality import Checks, SuiteResult, unexpected_rows
from include.governance.schemas import literal_sql, physical
from include.governance.subjects.find import CONTACT_KINDS, typed_table
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.matching import compact
from include.governance.subjects.places import find_places
from include.governance.tables import TableName

Check = tuple[str, ColumnElement]  # what it shows, the rows that must not be there


def verify_erasure(
    engine: Engine, policy: Policy, request_id: int, *, docs_dir: Path
) -> list[SuiteResult]:
    """One suite per table the plan touched or that may hold one of their identifiers."""
    governance = MetaData(schema=physical(engine, GOVERNANCE_SCHEMA))
    plan = subject_erasure_rows.to_metadata(governance)
    ids = subject_identifiers.to_metadata(governance)
    with engine.connect() as conn:
        steps = _steps(conn, plan, request_id)
        keys = {
            (t, k): typed_table(conn, t, k).c[k] for t, _, k, _ in steps
        }  # compared in the key's own type: the key's index finds the rows
    checks: dict[str, list[Check]] = {}
    for table_name, action, key_column, columns in steps:
        keyed = _planned(plan, request_id, table_name, action, keys[table_name, key_column])
        if action == DELETE:
            checks.setdefault(table_name, []).append(("the rows erased are gone", keyed))
        elif action == CLEAR:
            filled = or_(
                *(and_(column(c).is_not(None), cast(column(c), String) != "") for c in columns)
            )
            checks.setdefault(table_name, []).append(
                (f"{', '.join(columns)} cleared in the rows kept", and_(keyed, filled))
            )
    kept = {t: _planned(plan, request_id, t, KEEP, keys[t, k]) for t, a, k, _ in steps if a == KEEP}
    places = find_places(engine, policy)
    for kind in CONTACT_KINDS:
        for table_name, name in places.holding[IdentifierKind(kind)]:
            theirs = exists().where(
                ids.c.request_id == request_id,
                ids.c.kind == kind,
                _equals(kind, column(name), ids.c.value),
            )
            checks.setdefault(table_name, []).append(
                (f"no {kind} of theirs in {name}", _outside(theirs, kept.get(table_name)))
            )
    for table_name, name in places.free_text:
        text = column(name)
        quoted = exists().where(
            ids.c.request_id == request_id,
            or_(
                and_(
                    ids.c.kind == IdentifierKind.EMAIL.value, func.lower(text).contains(ids.c.value)
                ),
                and_(ids.c.kind != IdentifierKind.EMAIL.value, compact(text).contains(ids.c.value)),
            ),
        )
        checks.setdefault(table_name, []).append(
            (f"nothing of theirs quoted in {name}", _outside(quoted, kept.get(table_name)))
        )
    quality = Checks(engine, docs_dir)
    results = []
    for table_name, conditions in sorted(checks.items()):
        name = TableName.parse(table_name)
        expectations = [
            unexpected_rows(
                "SELECT * FROM {batch} WHERE "
                + literal_sql(engine, condition).replace("{", "{{").replace("}", "}}"),
                description,
            )
            for description, condition in conditions
        ]
        suite = f"erasure_{request_id}_{table_name}"
        results.append(quality.validate(suite, name.schema, name.name, expectations))
    return results


def _steps(conn: Connection, plan: Table, request_id: int) -> list[tuple[str, str, str, Any]]:
    """Each step of the plan: table, action, key column, columns (as its first row has them)."""
    rows = conn.execute(
        select(plan.c.step, plan.c.table_name, plan.c.action, plan.c.key_column, plan.c.columns)
        .where(plan.c.request_id == request_id)
        .order_by(plan.c.step)
    )
    steps: dict[int, tuple[str, str, str, Any]] = {}
    for step, table_name, action, key_column, columns in rows:
        steps.setdefault(step, (table_name, action, key_column, columns))
    return list(steps.values())


def _planned(plan: Table, request_id: int, table_name: str, action: str, key: ColumnElement):
    """The batch's rows that the plan gave ``action``: the plan's keys (text) cast to the
    type of the table's ``key``, which is then compared as it is, so its index is used."""
    return column(key.name, key.type).in_(
        select(cast(plan.c.key_value, key.type)).where(
            plan.c.request_id == request_id,
            plan.c.table_name == table_name,
            plan.c.action == action,
            plan.c.key_column == key.name,
        )
    )


def _equals(kind: str, value: ColumnElement, identifier: ColumnElement) -> ColumnElement:
    if kind == IdentifierKind.EMAIL.value:
        return func.lower(func.trim(cast(value, String))) == identifier
    return compact(value) == identifier


def _outside(condition: ColumnElement, kept: ColumnElement | None) -> ColumnElement:
    """``condition`` in rows a hold does not keep whole."""
    return condition if kept is None else and_(condition, ~kept)
