"""What the retention DAG's tasks call, one function a task: plan, delete, verify.

Deleting is the one thing here that cannot be undone, so a run is explicit at each step:
:func:`plan_run` counts and records, and refuses (deleting nothing) a real run past a
guard, where a dry run only warns; :func:`delete` deletes in audited batches and reclaims
the space; :func:`verify_run` proves the result with Great Expectations and writes the
report. The plan travels between the steps as JSON (an XCom): counts and dates only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from include.governance.policy import Policy
from include.governance.quality import Checks
from include.governance.reports import data_docs_folder, store_report, write_report
from include.governance.retention.checks import verify_expectations
from include.governance.retention.delete import execute_retention, reclaim_space
from include.governance.retention.plan import (
    RetentionPlan,
    RetentionRefused,
    check_guards,
    plan_retention,
    rule_named,
)
from include.governance.retention.records import (
    audited_rows,
    continued_runs,
    finish_run,
    record_run,
    retention_run_id,
)
from include.governance.retention.report import render_retention_report
from include.governance.warehouse import WarehouseError, describe_error

log = logging.getLogger(__name__)


class RetentionChecksFailed(RuntimeError):
    """The proof after deleting failed; lists the failing expectations (names, no values)."""


class RetentionFailed(RuntimeError):
    """A step failed on an error of the database or the code; names the step and the
    error's class only (drivers quote row values and bound keys in their messages)."""


# Errors whose messages this project wrote, with names and counts only.
SAFE_ERRORS = (RetentionRefused, RetentionChecksFailed, WarehouseError, KeyError)


@contextmanager
def _scrubbed(engine: Engine, run_id: str, step: str) -> Iterator[None]:
    """Record a failure of ``step`` in the run (with what its committed batches deleted)
    and raise it with no database message; our own errors pass as they are."""
    try:
        yield
    except SAFE_ERRORS:
        raise
    except Exception as exc:
        error = f"{step} failed: {describe_error(exc)}"
        try:
            deleted = audited_rows(engine, run_id)
            finish_run(engine, run_id, status="failed", deleted=deleted, error=error)
        except Exception:  # the database may be gone: the task log still says what failed
            log.warning("could not record the failure of run %s", run_id)
        raise RetentionFailed(error) from None


def rules_to_run(policy: Policy, rule: str | None) -> list[str]:
    """The rules a DAG run works on: the one its conf names, else every rule of the policy."""
    if rule is None:
        return sorted(policy.retention)
    rule_named(policy, rule)  # a clear error naming the rules there are
    return [rule]


def plan_run(
    engine: Engine,
    policy: Policy,
    rule: str,
    dag_run_id: str,
    *,
    logical_date: date | datetime,
    dry_run: bool,
    dry_run_reason: str | None = None,
    max_share: float | None = None,
    allow_unindexed: bool = False,
) -> dict[str, Any]:
    """Count what goes and what is held, and record the rule's run (its id:
    :func:`retention_run_id`); a real run past a guard is recorded as refused and raises
    :class:`RetentionRefused`, a dry run only warns."""
    run_id = retention_run_id(dag_run_id, rule)
    with _scrubbed(engine, run_id, "plan"):
        planned = plan_retention(engine, policy, rule, logical_date, max_share=max_share)
        if dry_run_reason:  # said in the log and the report: a dry run nobody asked for
            planned.warnings.insert(0, dry_run_reason)
        record_run(engine, policy, planned, run_id, dry_run=dry_run)
        log.info(
            "%s %s, policy %s, cutoff %s: %d of %d rows of %s expired, %d held %s, %d to "
            "delete (%.2f%%; limit %.2f%%) with %s",
            "DRY RUN" if dry_run else "deleting",
            rule,
            planned.policy_version,
            planned.cutoff.date(),
            planned.expired,
            planned.total_rows,
            planned.table,
            planned.held_total,
            planned.held,
            planned.to_delete,
            planned.share * 100,
            planned.max_share * 100,
            planned.children,
        )
        for warning in planned.warnings:
            log.warning(warning)
        try:
            check_guards(planned, policy.retention[rule].keep_for, allow_unindexed=allow_unindexed)
        except RetentionRefused as refusal:
            if not dry_run:
                finish_run(engine, run_id, status="refused")
                raise
            log.warning("a real run would be refused: %s", refusal)
        return {"run_id": run_id, "dry_run": dry_run, "plan": planned.as_json()}


def delete(
    engine: Engine, policy: Policy, planned: dict[str, Any], *, batch_size: int
) -> dict[str, Any] | None:
    """Delete the planned rows in batches (a re-run resumes after the last committed
    batch) and reclaim their space; nothing on a dry run."""
    run_id = planned["run_id"]
    with _scrubbed(engine, run_id, "delete"):
        if planned["dry_run"]:
            log.info("dry run: nothing deleted")
            return None
        plan = RetentionPlan.from_json(planned["plan"])
        _recheck_share(engine, policy, plan, run_id)
        execution = execute_retention(engine, policy, plan, run_id, batch_size=batch_size)
        emptied = [
            t
            for t in (plan.table, *plan.children)
            if execution["rows"].get(t) or execution["orphans"].get(t)
        ]
        execution["reclaimed"] = reclaim_space(engine, emptied)
        log.info("deleted %s; reclaimed with %s", execution["rows"], execution["reclaimed"])
        return execution


def _recheck_share(engine: Engine, policy: Policy, plan: RetentionPlan, run_id: str) -> None:
    """The share guard again, on what is deletable when the deletes start (rows may have
    expired, lost their hold or been added since the plan was counted); a refusal is
    recorded, and nothing is deleted."""
    now = plan_retention(engine, policy, plan.rule, plan.logical_date, max_share=plan.max_share)
    if now.share > plan.max_share:
        refusal = RetentionRefused(
            f"when the deletes started, {now.to_delete} of {now.total_rows} rows of "
            f"{now.table} ({now.share:.1%}) were deletable, more than the "
            f"{plan.max_share:.1%} one run may delete (the plan counted {plan.to_delete}); "
            "nothing was deleted"
        )
        finish_run(engine, run_id, status="refused", error=str(refusal))
        raise refusal


def verify_run(
    engine: Engine,
    policy: Policy,
    planned: dict[str, Any],
    *,
    execution: dict[str, Any] | None,
    folder: Path,
) -> dict[str, str]:
    """Prove a real run with Great Expectations, write the report into ``folder`` and
    record the outcome; raise :class:`RetentionChecksFailed` (after both) on a failure."""
    run_id = planned["run_id"]
    with _scrubbed(engine, run_id, "verify"):
        plan = RetentionPlan.from_json(planned["plan"])
        results, docs = None, None
        if execution is not None:
            checks = Checks(engine, data_docs_folder(folder))
            results = verify_expectations(engine, policy, plan, run_id, checks=checks)
            docs = str(checks.docs_index)
        report = write_report(
            folder,
            f"Retention {run_id}",
            render_retention_report(
                run_id,
                policy,
                plan,
                dry_run=planned["dry_run"],
                execution=execution,
                checks=results,
                reclaimed=execution["reclaimed"] if execution else None,
                docs_index=docs,
                continued=continued_runs(engine, run_id),
            ),
        )
        store_report(engine, folder)
        failures = [f"{r.suite}: {o}" for r in results or [] for o in r.failures]
        status = "planned" if execution is None else "failed checks" if failures else "deleted"
        finish_run(
            engine,
            run_id,
            status=status,
            deleted=execution["rows"] if execution else None,
            checks=[
                {
                    "suite": r.suite,
                    "expectation": o.expectation,
                    "success": o.success,
                    "detail": str(o),
                }
                for r in results or []
                for o in r.outcomes
            ],
            report_path=str(report),
        )
        log.info("report: %s", report)
        if failures:
            raise RetentionChecksFailed("retention checks failed:\n" + "\n".join(failures))
        return {"status": status, "report": str(report)}
