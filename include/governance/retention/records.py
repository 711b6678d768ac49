"""The record of each retention run in ``governance.retention_runs``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from include.governance.audit import ensure_governance_tables, retention_audit, retention_runs
from include.governance.policy import Policy
from include.governance.retention.plan import RetentionPlan, expired_queries, rule_named

RUN_ID_LENGTH = 250  # governance.retention_runs.run_id


def retention_run_id(dag_run_id: str, rule: str) -> str:
    """The id of one rule's run within a DAG run (``scheduled__2026-12-01T00:00:00+00:00/
    order_history``): the key of its record, audit rows and deleted keys, the same each
    time the DAG run is retried, so that a retry resumes it."""
    run_id = f"{dag_run_id}/{rule}"
    if len(run_id) > RUN_ID_LENGTH:
        raise ValueError(
            f"the run id {dag_run_id[:40]}... is too long to record with its rule "
            f"({len(run_id)} characters, at most {RUN_ID_LENGTH})"
        )
    return run_id


def record_run(
    engine: Engine, policy: Policy, plan: RetentionPlan, run_id: str, *, dry_run: bool
) -> None:
    """Record the run and its plan; the counts before the first attempt are kept, so a
    re-run after a crash is audited against where the run really started. A real run also
    marks the earlier runs of its rule and cutoff that died while deleting (a killed
    worker records nothing) as interrupted, with what their audit says they deleted, and
    records that it continues their work."""
    ensure_governance_tables(engine)
    continued = [] if dry_run else _mark_interrupted(engine, plan, run_id)
    expired_rows = expired_queries(rule_named(policy, plan.rule), plan)
    with engine.begin() as conn:
        existing = conn.execute(
            select(retention_runs.c.before).where(retention_runs.c.run_id == run_id)
        ).first()
        values = {
            "rule": plan.rule,
            "cutoff": plan.cutoff,
            "policy_version": plan.policy_version,
            "dry_run": dry_run,
            "status": "planned" if dry_run else "deleting",
            "plan": plan.as_json(),
            "started_at": datetime.now(UTC),
            "continues": continued or None,
        }
        if existing is None:
            before = None if dry_run else _counts(conn, expired_rows)
            conn.execute(insert(retention_runs).values(run_id=run_id, before=before, **values))
        else:
            if existing.before is None and not dry_run:
                values["before"] = _counts(conn, expired_rows)
            conn.execute(
                update(retention_runs).where(retention_runs.c.run_id == run_id).values(**values)
            )


def continued_runs(engine: Engine, run_id: str) -> dict[str, dict[str, int]]:
    """The earlier, interrupted runs whose work ``run_id`` finished, with the rows their
    committed batches deleted: with this run's own, the true totals for the cutoff."""
    with engine.connect() as conn:
        earlier = conn.execute(
            select(retention_runs.c.continues).where(retention_runs.c.run_id == run_id)
        ).scalar()
    return {run: audited_rows(engine, run) for run in earlier or []}


def _mark_interrupted(engine: Engine, plan: RetentionPlan, run_id: str) -> list[str]:
    """The earlier runs of ``plan``'s rule and cutoff still marked as deleting, now marked
    interrupted with the rows their committed batches deleted."""
    runs = retention_runs
    with engine.connect() as conn:
        stuck = (
            conn.execute(
                select(runs.c.run_id).where(
                    runs.c.rule == plan.rule,
                    runs.c.cutoff == plan.cutoff,
                    runs.c.status == "deleting",
                    runs.c.run_id != run_id,
                )
            )
            .scalars()
            .all()
        )
    for earlier in stuck:
        finish_run(
            engine,
            earlier,
            status="interrupted",
            deleted=audited_rows(engine, earlier),
            error=f"stopped while deleting; {run_id} continued its work",
        )
    return list(stuck)


def finish_run(
    engine: Engine,
    run_id: str,
    *,
    status: str,
    deleted: dict | None = None,
    checks: list | None = None,
    report_path: str | None = None,
    error: str | None = None,
) -> None:
    """Record how the run ended: its status, rows deleted per table, checks, report, and
    the error (our message or the error's class: never a value)."""
    with engine.begin() as conn:
        conn.execute(
            update(retention_runs)
            .where(retention_runs.c.run_id == run_id)
            .values(
                status=status,
                deleted=deleted,
                checks=checks,
                finished_at=datetime.now(UTC),
                report_path=report_path,
                error=error,
            )
        )


def audited_rows(engine: Engine, run_id: str) -> dict[str, int]:
    """Rows the run's committed batches deleted, per table, from its audit: what a run that
    failed midway did."""
    audit = retention_audit
    with engine.connect() as conn:
        rows = conn.execute(
            select(audit.c.table_name, func.sum(audit.c.rows_deleted))
            .where(audit.c.run_id == run_id)
            .group_by(audit.c.table_name)
        ).all()
    return {table_name: int(n) for table_name, n in rows}


def _counts(conn: Connection, queries: dict[str, Any]) -> dict[str, int]:
    return {name: conn.execute(query).scalar() for name, query in queries.items()}
