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
from include.governance.subjects.matching import compact
from include.governance.subjects.places import find_places
from include.governance.tables import TableName

Check = tuple[str, ColumnElement]  # what it shows, the rows that must not be there
LOWERED, COMPACTED = "governance_lowered", "governance_compacted"  # a free text's forms


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
        keyed_tables = {(t, k) for t, _, k, _ in steps}
        keys = {(t, k): typed_table(conn, t, k).c[k] for t, k in keyed_tables}
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
    held = {t: keys[t, k] for t, a, k, _ in steps if a == KEEP}  # the key of rows kept whole
    kept = {t: _planned(plan, request_id, t, KEEP, key) for t, key in held.items()}
    shared = {
        t: _planned(plan, request_id, t, SHARED, keys[t, k]) for t, a, k, _ in steps if a == SHARED
    }
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
    texts: dict[str, list[Check]] = {}
    for table_name, name in places.free_text:
        lowered, compacted = column(LOWERED), column(COMPACTED)
        quoted = exists().where(
            ids.c.request_id == request_id,
            or_(
                and_(ids.c.kind == IdentifierKind.EMAIL.value, lowered.contains(ids.c.value)),
                and_(ids.c.kind != IdentifierKind.EMAIL.value, compacted.contains(ids.c.value)),
            ),
        )
        texts.setdefault(table_name, []).append((name, _outside(quoted, kept.get(table_name))))
    quality = Checks(engine, docs_dir)
    results = []
    for table_name in sorted(checks.keys() | texts.keys()):
        name = TableName.parse(table_name)
        expectations = [
            unexpected_rows(
                "SELECT * FROM {batch} WHERE " + _escaped(literal_sql(engine, condition)),
                description,
            )
            for description, condition in checks.get(table_name, [])
        ]
        expectations += [
            unexpected_rows(
                _text_search(engine, text, held.get(table_name))
                + _escaped(literal_sql(engine, condition)),
                f"nothing of theirs quoted in {text}",
            )
            for text, condition in texts.get(table_name, [])
        ]
        suite = f"erasure_{request_id}_{table_name}"
        results.append(quality.validate(suite, name.schema, name.name, expectations))
    return results


def _text_search(engine: Engine, text: str, key: ColumnElement | None) -> str:
    """The head of a free-text check's query: the text lowered and compacted once a row (in
    a fenced subquery: the identifiers' search would compute them again for each of them),
    beside the key a hold is told by."""
    made = {LOWERED: func.lower(column(text)), COMPACTED: compact(column(text))}
    if key is not None:
        made[key.name] = column(key.name)
    quote = engine.dialect.identifier_preparer.quote
    head = ", ".join(f"{_escaped(literal_sql(engine, e))} AS {quote(n)}" for n, e in made.items())
    fence = dialect_of(engine).fence
    return f"SELECT * FROM (SELECT {head} FROM {{batch}} {fence}) AS t WHERE "


def _escaped(sql: str) -> str:
    """SQL text in a GX query template, where braces are placeholders."""
    return sql.replace("{", "{{").replace("}", "}}")


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


def _outside(condition: ColumnElement, *kept: ColumnElement | None) -> ColumnElement:
    """``condition`` in rows neither a hold keeps whole nor someone else's (``kept``)."""
    return and_(condition, *(~k for k in kept if k is not None))
