"""The record of each retention run in ``governance.retention_runs``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from include.governance.audit import ensure_governance_tables, retention_runs
from include.governance.policy import Policy
from include.governance.retention.plan import RetentionPlan, expired_queries, rule_named


def record_run(
    engine: Engine, policy: Policy, plan: RetentionPlan, run_id: str, *, dry_run: bool
) -> None:
    """Record the run and its plan; the counts before the first attempt are kept, so a
    re-run after a crash is audited against where the run really started."""
    ensure_governance_tables(engine)
    expired_rows = expired_queries(rule_named(policy, plan.rule), plan.cutoff)
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


def finish_run(
    engine: Engine,
    run_id: str,
    *,
    status: str,
    deleted: dict | None = None,
    checks: list | None = None,
    report_path: str | None = None,
) -> None:
    """Record how the run ended: its status, rows deleted per table, checks and report."""
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
            )
        )


def _counts(conn: Connection, queries: dict[str, Any]) -> dict[str, int]:
    return {name: conn.execute(query).scalar() for name, query in queries.items()}
