"""The proof of an erasure, with Great Expectations, run in the warehouse: by key, every
row the plan deleted is gone and every column it cleared is empty; by value, no column
that holds identifiers, and no free text, still holds one of the person's (except in the
rows a hold keeps whole), and no column of customer numbers holds theirs in a row the plan
did not handle. The queries name the plan's and the identifiers' tables, never a
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
    SHARED,
    subject_erasure_rows,
    subject_identifiers,
)
from include.governance.dialects import dialect_of
from include.governance.policy import Policy
from include.governance.quality import Checks, SuiteResult, unexpected_rows
from include.governance.schemas import literal_sql, physical
from include.governance.subjects.find import CONTACT_KINDS, typed_table
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.matching import compact, lowered_or_compact_like
from include.governance.subjects.places import Places, find_places
from include.governance.tables import TableName

Check = tuple[str, ColumnElement]  # what it shows, the rows that must not be there
THEIR_ROWS = (DELETE, CLEAR, KEEP)  # a plan's SHARED and REDACT rows are someone else's


def verify_erasure(
    engine: Engine, policy: Policy, request_id: int, *, docs_dir: Path
) -> list[SuiteResult]:
    """One suite per table the plan touched or that may hold one of their identifiers."""
    governance = MetaData(schema=physical(engine, GOVERNANCE_SCHEMA))
    plan = subject_erasure_rows.to_metadata(governance)
    ids = subject_identifiers.to_metadata(governance)
    with engine.connect() as conn:
        steps = _steps(conn, plan, request_id)
        # each table's key, typed as the catalogue has it: its index finds the plan's rows
        keyed_tables = {(t, k) for t, _, k, _, _ in steps}
        keys = {(t, k): typed_table(conn, t, k).c[k] for t, k in keyed_tables}
    checks: dict[str, list[Check]] = {}
    for table_name, action, key_column, columns, empty in steps:
        keyed = _named_in_plan(
            plan, request_id, table_name, action, keys[table_name, key_column], empty
        )
        if action == DELETE:
            checks.setdefault(table_name, []).append(("the rows erased are gone", keyed))
        elif action == CLEAR:
            filled = or_(
                *(and_(column(c).is_not(None), cast(column(c), String) != "") for c in columns)
            )
            checks.setdefault(table_name, []).append(
                (f"{', '.join(columns)} cleared in the rows kept", and_(keyed, filled))
            )
    kept = _planned_rows(plan, request_id, steps, keys, KEEP)  # rows a hold keeps whole
    shared = _planned_rows(plan, request_id, steps, keys, SHARED)
    places = find_places(engine, policy)
    for kind in CONTACT_KINDS:
        for table_name, name in places.holding[IdentifierKind(kind)]:
            theirs = exists().where(
                ids.c.request_id == request_id,
                ids.c.kind == kind,
                _equals(kind, column(name), ids.c.value),
            )
            others = [kept.get(table_name), shared.get(table_name)]
            checks.setdefault(table_name, []).append(
                (f"no {kind} of theirs in {name}", _outside(theirs, *others))
            )
    with engine.connect() as conn:
        numbers = _customer_number_checks(conn, plan, request_id, places, steps)
    for table_name, check in numbers.items():
        checks.setdefault(table_name, []).append(check)
    like_any = dialect_of(engine).like_any
    for table_name, names in places.free_text_by_table().items():
        quoted = or_(*(_quoted(column(n), ids, request_id, like_any=like_any) for n in names))
        checks.setdefault(table_name, []).append(
            (
                f"nothing of theirs quoted in {', '.join(names)}",
                _outside(quoted, kept.get(table_name)),
            )
        )
    quality = Checks(engine, docs_dir)
    results = []
    for table_name in sorted(checks):
        name = TableName.parse(table_name)
        expectations = [
            unexpected_rows(
                "SELECT * FROM {batch} WHERE " + _escaped(literal_sql(engine, condition)),
                description,
            )
            for description, condition in checks[table_name]
        ]
        suite = f"erasure_{request_id}_{table_name}"
        results.append(quality.validate(suite, name.schema, name.name, expectations))
    return results


def _customer_number_checks(
    conn: Connection, plan: Table, request_id: int, places: Places, steps: list
) -> dict[str, Check]:
    """No column holding customer numbers has one of theirs in a row the plan did not
    handle (a row of a table without a key that the column it was found by cannot name).
    Their numbers are the plan's keys of their own rows (not someone else's that share a
    phone or quote them) in the tables whose own key is the customer number."""
    holding = places.holding[IdentifierKind.CUSTOMER_ID]
    own = [(t, c) for t, c in holding if places.keys[t] == c]
    if not own:
        return {}
    theirs = and_(
        plan.c.request_id == request_id,
        plan.c.action.in_(THEIR_ROWS),
        or_(*(and_(plan.c.table_name == t, plan.c.key_column == c) for t, c in own)),
    )
    handled_by: dict[str, dict[str, tuple[str, ...]]] = {}  # key column: columns empty
    for table_name, _, key_column, _, empty in steps:
        handled_by.setdefault(table_name, {})[key_column] = tuple(empty or ())
    checks = {}
    for table_name, name in holding:
        keys = handled_by.get(table_name, {})
        table = typed_table(conn, table_name, name, *keys)
        number = column(name, table.c[name].type)
        handled = (
            and_(
                column(k).is_not(None),
                _in_plan(plan, request_id, table_name, table.c[k]),
                *_empty(empty),
            )
            for k, empty in sorted(keys.items())
        )
        checks[table_name] = (
            f"no customer number of theirs in {name} outside the plan's rows",
            and_(
                number.in_(select(cast(plan.c.key_value, number.type)).where(theirs)),
                *(~h for h in handled),
            ),
        )
    return checks


def _quoted(text: ColumnElement, ids: Table, request_id: int, *, like_any: bool):
    """Free text quotes one of the identifiers kept for the proof: with ``like_any`` each
    text lowered and compacted once a row, compared with all their patterns (arrays made
    once, so parallel workers can share the scan); elsewhere an ``EXISTS`` of them, each
    found by ``INSTR`` (MariaDB's and SQLite's; a ``LIKE`` would read an underscore of
    theirs as any character)."""
    email = ids.c.kind == IdentifierKind.EMAIL.value
    if not like_any:
        return exists().where(
            ids.c.request_id == request_id,
            or_(
                and_(email, func.instr(func.lower(text), ids.c.value) > 0),
                and_(~email, func.instr(compact(text), ids.c.value) > 0),
            ),
        )

    def patterns(kind: ColumnElement) -> ColumnElement:
        found = select(_like_pattern(ids.c.value)).where(ids.c.request_id == request_id, kind)
        return func.array(found.scalar_subquery())

    return lowered_or_compact_like(text, emails=patterns(email), numbers=patterns(~email))


def _like_pattern(value: ColumnElement) -> ColumnElement:
    """:func:`matching.like_pattern` in SQL (the backslash written ``chr(92)``, so that no
    literal's own escaping is in play)."""
    backslash = func.chr(92)
    escaped = func.replace(value, backslash, func.concat(backslash, backslash))
    for special in ("%", "_"):
        escaped = func.replace(escaped, special, func.concat(backslash, special))
    return func.concat("%", escaped, "%")


def _escaped(sql: str) -> str:
    """SQL text in a GX query template, where braces are placeholders."""
    return sql.replace("{", "{{").replace("}", "}}")


def _steps(conn: Connection, plan: Table, request_id: int) -> list[tuple[str, str, str, Any, Any]]:
    """Each step of the plan: table, action, key column, columns, columns empty in its rows
    (as its first row has them)."""
    p = plan.c
    rows = conn.execute(
        select(p.step, p.table_name, p.action, p.key_column, p.columns, p.empty_columns)
        .where(p.request_id == request_id)
        .order_by(p.step)
    )
    steps: dict[int, tuple[str, str, str, Any, Any]] = {}
    for step, *described in rows:
        steps.setdefault(step, tuple(described))
    return list(steps.values())


def _planned_rows(
    plan: Table, request_id: int, steps: list, keys: dict, action: str
) -> dict[str, ColumnElement]:
    """Per table, its rows the plan gave ``action``, by each column naming them."""
    naming: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for table_name, step_action, key_column, _, empty in steps:
        if step_action == action:
            naming.setdefault(table_name, set()).add((key_column, tuple(empty or ())))
    return {
        table_name: or_(
            *(
                _named_in_plan(plan, request_id, table_name, action, keys[table_name, k], e)
                for k, e in sorted(names)
            )
        )
        for table_name, names in naming.items()
    }


def _named_in_plan(
    plan: Table, request_id: int, table_name: str, action: str, key: ColumnElement, empty
) -> ColumnElement:
    """The rows the plan gave ``action`` by ``key``, where its ``empty`` columns are."""
    return and_(_planned(plan, request_id, table_name, action, key), *_empty(empty))


def _empty(columns) -> list[ColumnElement]:
    """The columns empty in a step's rows (a table without a key: those naming rows before)."""
    return [column(c).is_(None) for c in columns or ()]


def _planned(plan: Table, request_id: int, table_name: str, action: str, key: ColumnElement):
    """The batch's rows that the plan gave ``action``: the plan's keys (text) cast to the
    type of the table's ``key``, which is then compared as it is, so its index is used."""
    return _in_plan(plan, request_id, table_name, key, plan.c.action == action)


def _in_plan(plan: Table, request_id: int, table_name: str, key: ColumnElement, *where):
    """The batch's rows the plan has, by ``key`` (of the steps ``where`` picks)."""
    return column(key.name, key.type).in_(
        select(cast(plan.c.key_value, key.type)).where(
            plan.c.request_id == request_id,
            plan.c.table_name == table_name,
            plan.c.key_column == key.name,
            *where,
        )
    )


def _equals(kind: str, value: ColumnElement, identifier: ColumnElement) -> ColumnElement:
    if kind == IdentifierKind.EMAIL.value:
        return func.lower(func.trim(cast(value, String))) == identifier
    return compact(value) == identifier


def _outside(condition: ColumnElement, *kept: ColumnElement | None) -> ColumnElement:
    """``condition`` in rows neither a hold keeps whole nor someone else's (``kept``)."""
    return and_(condition, *(~k for k in kept if k is not None))
