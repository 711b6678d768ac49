"""The Great Expectations proof of a retention run: what must be gone is gone, and nothing else.

No unheld record older than the cutoff, no orphaned child, held records still there, and
audit totals equal to the rows that are actually gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import DateTime, Engine, String, and_, cast, column, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from include.governance.audit import legal_holds, retention_audit, retention_runs
from include.governance.policy import Policy
from include.governance.retention.plan import RetentionPlan, expired_queries, rule_named, rule_table
from include.governance.tables import TableName


def verify_expectations(
    engine: Engine, policy: Policy, plan: RetentionPlan, run_id: str, *, checks: Any
) -> list[Any]:
    """Great Expectations after a run: what must be gone is gone, and nothing else."""
    import great_expectations as gx

    rule = rule_named(policy, plan.rule)
    compile_sql = _literal_sql(engine)
    root = TableName.parse(rule.table)
    key = column(rule.key)
    unheld_expired = and_(
        column(rule.date_column, DateTime(timezone=True)) < plan.cutoff,
        *(_not_held(hold, key) for hold in rule.holds),
        cast(key, String).not_in(
            select(legal_holds.c.key_value).where(
                legal_holds.c.table_name == rule.table, legal_holds.c.released_at.is_(None)
            )
        ),
    )
    root_keys = select(rule_table(rule.table, rule.key).c[rule.key])
    results = [
        checks.validate(
            f"{plan.rule}__{root.name}",
            root.schema,
            root.name,
            [
                gx.expectations.UnexpectedRowsExpectation(
                    unexpected_rows_query="SELECT * FROM {batch} WHERE "
                    + compile_sql(unheld_expired),
                    description=f"no unheld row of {rule.table} older than the cutoff",
                )
            ],
        )
    ]
    for child in rule.children:
        child_table = TableName.parse(child.table)
        orphan = column(child.column).not_in(root_keys)
        results.append(
            checks.validate(
                f"{plan.rule}__{child_table.name}",
                child_table.schema,
                child_table.name,
                [
                    gx.expectations.UnexpectedRowsExpectation(
                        unexpected_rows_query="SELECT * FROM {batch} WHERE " + compile_sql(orphan),
                        description=f"no row of {child.table} without its {rule.table} row",
                    )
                ],
            )
        )
    with engine.connect() as conn:
        before = conn.execute(
            select(retention_runs.c.before).where(retention_runs.c.run_id == run_id)
        ).scalar()
    remaining = expired_queries(rule, plan.cutoff)
    columns = {}
    for i, (table_name, remaining_now) in enumerate(remaining.items()):
        audited = select(func.coalesce(func.sum(retention_audit.c.rows_deleted), 0)).where(
            retention_audit.c.run_id == run_id, retention_audit.c.table_name == table_name
        )
        columns[f"gone_{i}"] = literal(before[table_name]) - remaining_now.scalar_subquery()
        columns[f"audited_{i}"] = audited.scalar_subquery()
    columns["still_expired"] = remaining[rule.table].scalar_subquery()
    query = compile_sql(select(*(expr.label(label) for label, expr in columns.items())))
    pairs = [
        gx.expectations.ExpectColumnPairValuesToBeEqual(
            column_A=f"gone_{i}",
            column_B=f"audited_{i}",
            description=f"audited deletions from {table_name} equal the rows gone",
        )
        for i, table_name in enumerate(remaining)
    ]
    held = gx.expectations.ExpectColumnValuesToBeBetween(
        column="still_expired",
        min_value=plan.held_total,
        description=f"the {plan.held_total} held rows of {rule.table} are still there",
    )
    results.append(checks.validate_query(f"{plan.rule}__audit", query, [*pairs, held]))
    return results


def _not_held(hold: Any, key: ColumnElement) -> ColumnElement:
    t = rule_table(hold.table, hold.column, *hold.where)
    held_keys = select(t.c[hold.column]).where(*(t.c[k] == v for k, v in hold.where.items()))
    return key.not_in(held_keys)


def _literal_sql(engine: Engine) -> Callable[[Any], str]:
    def compile_sql(clause: Any) -> str:
        return str(clause.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))

    return compile_sql
