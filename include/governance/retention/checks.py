"""The Great Expectations proof of a retention run: what must be gone is gone, and nothing else.

Proven by key, so that it stays true while other connections write during the run: no
unheld record older than the cutoff is left; none of the keys the run deleted is still
there; no hold (an open claim, a legal hold) refers to a key it deleted; no child of a
deleted root is left (orphans, for the child tables that are swept); and the audit counts
as many deleted roots as the run recorded keys. Every condition is NULL-safe (``NOT
EXISTS``, never ``NOT IN`` over a column that may hold NULL): a NULL must never make a
check pass.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, String, and_, cast, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from include.governance.audit import legal_holds, retention_audit, retention_deleted_keys
from include.governance.policy import Policy
from include.governance.retention.plan import (
    LEGAL_HOLD,
    RetentionPlan,
    RuleSql,
    rule_named,
)
from include.governance.schemas import literal_sql


def verify_expectations(
    engine: Engine, policy: Policy, plan: RetentionPlan, run_id: str, *, checks: Any
) -> list[Any]:
    """Great Expectations after a run: what must be gone is gone, and nothing else."""
    import great_expectations as gx

    rule = rule_named(policy, plan.rule)
    sql = RuleSql.of_plan(rule, plan)
    zero, (keys, audited) = proof_counts(sql, run_id)
    columns = [expr.label(name) for name, (expr, _) in zero.items()]
    query = select(*columns, keys.label("deleted_keys"), audited.label("audited_roots"))
    compiled = literal_sql(engine, query)
    expectations = [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column=name, min_value=0, max_value=0, description=description
        )
        for name, (_, description) in zero.items()
    ]
    expectations.append(
        gx.expectations.ExpectColumnPairValuesToBeEqual(
            column_A="deleted_keys",
            column_B="audited_roots",
            description=f"the audit counts as many deleted rows of {rule.table} as keys recorded",
        )
    )
    return [checks.validate_query(f"{plan.rule}__proof", compiled, expectations)]


def proof_counts(
    sql: RuleSql, run_id: str
) -> tuple[dict[str, tuple[ColumnElement, str]], tuple[ColumnElement, ColumnElement]]:
    """The counts that must be zero, each with what it proves; and the two that must be
    equal: the keys the run recorded and the root rows its audit counts."""
    rule = sql.rule
    deleted = _deleted_key(run_id, rule.table)
    zero = {
        "unheld_expired": (
            _count(sql.root, sql.deletable),
            f"no unheld row of {rule.table} older than the cutoff",
        ),
        "deleted_left": (
            _count(sql.root, deleted(cast(sql.key, String))),
            f"no row of {rule.table} with a key this run deleted",
        ),
    }
    for name, holding in _holds_of_deleted(sql, deleted).items():
        zero[f"held_deleted_{len(zero)}"] = (
            holding,
            f"no {name} refers to a row of {rule.table} this run deleted",
        )
    for child in rule.children:
        if child.sweep_orphans:
            orphans = and_(sql.orphan(child.table), sql.not_holding(child.table))
            zero[f"orphans_{len(zero)}"] = (
                _count(sql.children[child.table], orphans),
                f"no row of {child.table} without its {child.parent or rule.table} row",
            )
    keys = retention_deleted_keys
    recorded = (
        select(func.count())
        .select_from(keys)
        .where(keys.c.run_id == run_id, keys.c.table_name == rule.table)
        .scalar_subquery()
    )
    audit = retention_audit
    audited = (
        select(func.coalesce(func.sum(audit.c.rows_deleted), 0))
        .where(
            audit.c.run_id == run_id,
            audit.c.table_name == rule.table,
            or_(audit.c.action == "deleted", audit.c.action.is_(None)),
        )
        .scalar_subquery()
    )
    return zero, (recorded, audited)


def _holds_of_deleted(sql: RuleSql, deleted) -> dict[str, ColumnElement]:
    """Per hold, how many of its holding rows refer to a key the run deleted."""
    rule = sql.rule
    out = {}
    for hold in rule.holds:
        held = sql.hold_table(hold)
        refers = deleted(cast(held.c[hold.column], String))
        out[f"{hold.name} hold"] = _count(held, and_(sql.holding(hold, held), refers))
    unreleased = and_(
        sql.legal_holds_of_table(), deleted(sql.legal_key_text(legal_holds.c.key_value))
    )
    out[LEGAL_HOLD.replace("_", " ")] = _count(legal_holds, unreleased)
    return out


def _deleted_key(run_id: str, table_name: str):
    """A condition: ``key_text`` is a key of ``table_name`` that the run deleted."""
    keys = retention_deleted_keys

    def deleted(key_text: ColumnElement) -> ColumnElement:
        return exists().where(
            keys.c.run_id == run_id,
            keys.c.table_name == table_name,
            keys.c.key_value == key_text,
        )

    return deleted


def _count(source: Any, where: ColumnElement) -> ColumnElement:
    return select(func.count()).select_from(source).where(where).scalar_subquery()
