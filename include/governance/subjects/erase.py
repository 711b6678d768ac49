"""Carry out an erasure plan in batches: each batch changes its rows, marks them done and
writes its audit row in one transaction, so a killed run's re-run carries on where it
stopped and the audit always says what was changed. Keys are kept as text in the plan and
compared as the column's own type."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    String,
    and_,
    delete,
    func,
    insert,
    select,
    update,
)

from include.governance.audit import (
    CLEAR,
    DELETE,
    KEEP,
    REDACT,
    SHARED,
    ensure_governance_tables,
    subject_erasure_audit,
    subject_erasure_rows,
    subject_identifiers,
)
from include.governance.catalog import Catalog
from include.governance.detect.text import redact
from include.governance.subjects.erasure_plan import ErasurePlan
from include.governance.subjects.find import typed_table
from include.governance.subjects.matching import stored_forms
from include.governance.tables import TableName

rows_c = subject_erasure_rows.c


class PlanAlreadyStarted(RuntimeError):
    """A plan some of whose rows are done is carried on, never replaced."""


def store_plan(engine: Engine, request_id: int, plan: ErasurePlan) -> None:
    """Keep the plan (and the person's identifiers, for the verification) in the warehouse;
    a plan not started yet is replaced by a newer one."""
    ensure_governance_tables(engine)
    with engine.begin() as conn:
        if started(conn, request_id):
            raise PlanAlreadyStarted(f"the erasure of request {request_id} has begun: re-run it")
        conn.execute(delete(subject_erasure_rows).where(rows_c.request_id == request_id))
        conn.execute(
            delete(subject_identifiers).where(subject_identifiers.c.request_id == request_id)
        )
        rows = [
            {
                "request_id": request_id,
                "step": number,
                "key_value": str(key),
                "table_name": step.table,
                "action": step.action,
                "key_column": step.key_column,
                "columns": list(step.columns),
                "reason": step.reason,
                "empty_columns": list(step.empty) or None,
            }
            for number, step in enumerate(plan.steps)
            for key in sorted(step.keys, key=str)
        ]
        if rows:
            conn.execute(insert(subject_erasure_rows), rows)
        identifiers = sorted(
            {(k, form) for k, v in plan.identifiers for form in stored_forms(k, v)}
        )
        if identifiers:
            conn.execute(
                insert(subject_identifiers),
                [{"request_id": request_id, "kind": k, "value": v} for k, v in identifiers],
            )


def started(conn: Connection, request_id: int) -> bool:
    return (
        conn.execute(
            select(func.count())
            .select_from(subject_erasure_rows)
            .where(rows_c.request_id == request_id, rows_c.done_at.is_not(None))
        ).scalar_one()
        > 0
    )


def run_erasure(engine: Engine, request_id: int, *, batch_size: int) -> dict[str, dict[str, int]]:
    """Every row of the plan not done yet, step by step, ``batch_size`` rows a transaction.
    Returns rows changed now per table and action (a re-run after a full run changes none)."""
    changed: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        steps = [
            (*row, *_columns_of(conn, request_id, row.step))
            for row in conn.execute(
                select(rows_c.step, rows_c.table_name, rows_c.action, rows_c.key_column)
                .where(rows_c.request_id == request_id)
                .group_by(rows_c.step, rows_c.table_name, rows_c.action, rows_c.key_column)
                .order_by(rows_c.step)
            )
        ]
    for step, table_name, action, key_column, columns, empty in steps:
        while True:
            with engine.begin() as conn:
                keys = (
                    conn.execute(
                        select(rows_c.key_value)
                        .where(
                            rows_c.request_id == request_id,
                            rows_c.step == step,
                            rows_c.done_at.is_(None),
                        )
                        .order_by(rows_c.key_value)
                        .limit(batch_size)
                    )
                    .scalars()
                    .all()
                )
                if not keys:
                    break
                count = _apply(
                    conn,
                    table_name,
                    action,
                    key_column,
                    columns=list(columns),
                    empty=list(empty or ()),
                    keys=keys,
                )
                now = datetime.now(UTC)
                conn.execute(
                    update(subject_erasure_rows)
                    .where(
                        rows_c.request_id == request_id,
                        rows_c.step == step,
                        rows_c.key_value.in_(keys),
                    )
                    .values(done_at=now)
                )
                batch = conn.execute(
                    select(func.count())
                    .select_from(subject_erasure_audit)
                    .where(
                        subject_erasure_audit.c.request_id == request_id,
                        subject_erasure_audit.c.step == step,
                    )
                ).scalar_one()
                conn.execute(
                    insert(subject_erasure_audit).values(
                        request_id=request_id,
                        step=step,
                        batch=batch,
                        table_name=table_name,
                        action=action,
                        columns=list(columns),
                        rows=count,
                        at=now,
                    )
                )
            per_table = changed.setdefault(table_name, {})
            per_table[action] = per_table.get(action, 0) + count
    return changed


def _columns_of(conn: Connection, request_id: int, step: int) -> tuple[list, list | None]:
    """A step's columns, cleared or redacted, and those empty in its rows (the same on each
    of its rows; JSON has no equality to group by)."""
    return conn.execute(
        select(rows_c.columns, rows_c.empty_columns)
        .where(rows_c.request_id == request_id, rows_c.step == step)
        .limit(1)
    ).one()


def _apply(
    conn: Connection,
    table_name: str,
    action: str,
    key_column: str,
    *,
    columns: list[str],
    empty: list[str],
    keys: list[str],
) -> int:
    table = typed_table(conn, table_name, key_column, *columns, *empty)
    key = table.c[key_column]
    typed = [int(k) for k in keys] if isinstance(key.type, Integer) else list(keys)
    where = and_(key.in_(typed), *(table.c[e].is_(None) for e in empty))
    if action == DELETE:
        return conn.execute(delete(table).where(where)).rowcount
    if action == CLEAR:
        nullable = _nullable(conn, table_name)
        values = {c: None if nullable[c] else "" for c in columns}
        return conn.execute(update(table).where(where).values(**values)).rowcount
    if action == REDACT:
        return _redact(conn, table, key, columns, where)
    if action in (KEEP, SHARED):
        return len(typed)
    raise ValueError(f"unknown erasure action {action!r}")


def _redact(conn: Connection, table, key, columns: list[str], where) -> int:
    """Notes about someone else that quote the person: every piece of personal data in
    them replaced, as the analytics redaction does (the quote cannot be told from the rest
    without keeping the person's values here)."""
    count = 0
    for row in conn.execute(select(key, *(table.c[c] for c in columns)).where(where)).all():
        values = {
            c: redact(v) if isinstance(v, str) else v for c, v in zip(columns, row[1:], strict=True)
        }
        count += conn.execute(update(table).where(key == row[0]).values(**values)).rowcount
    return count


def _nullable(conn: Connection, table_name: str) -> dict[str, bool]:
    name = TableName.parse(table_name)
    return {
        c["name"]: bool(c["nullable"]) or not isinstance(c["type"], String)
        for c in Catalog(conn).get_columns(name.name, schema=name.schema)
    }


def erasure_audit(engine: Engine, request_id: int) -> list[dict[str, Any]]:
    """What the erasure changed, step by step (batches summed)."""
    a = subject_erasure_audit.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(a.step, a.table_name, a.action, func.sum(a.rows), func.count())
            .where(a.request_id == request_id)
            .group_by(a.step, a.table_name, a.action)
            .order_by(a.step)
        )
        return [
            {"step": s, "table": t, "action": act, "rows": int(n), "batches": b}
            for s, t, act, n, b in rows
        ]


def stored_plan(engine: Engine, request_id: int) -> list[dict[str, Any]]:
    """The plan as kept, step by step: table, action, columns, why, rows and rows done."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                rows_c.step,
                rows_c.table_name,
                rows_c.action,
                rows_c.reason,
                func.count(),
                func.count(rows_c.done_at),
            )
            .where(rows_c.request_id == request_id)
            .group_by(rows_c.step, rows_c.table_name, rows_c.action, rows_c.reason)
            .order_by(rows_c.step)
        ).all()
        return [
            {
                "table": table_name,
                "action": action,
                "columns": _columns_of(conn, request_id, step)[0],
                "reason": reason,
                "rows": rows_planned,
                "done": rows_done,
            }
            for step, table_name, action, reason, rows_planned, rows_done in rows
        ]


def forget_identifiers(engine: Engine, request_id: int) -> None:
    """Once the erasure is proven, the person's identifiers have no reason to stay."""
    with engine.begin() as conn:
        conn.execute(
            delete(subject_identifiers).where(subject_identifiers.c.request_id == request_id)
        )
