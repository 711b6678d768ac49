"""
### Order-history retention

Deletes order history older than ten years, with its child rows (order lines, payments,
shipments, returns and warranty claims). It keeps the privacy policy's promise: *"We are
required to retain order details in connection with accounting, handling fees and charges
and any necessary warranty/returns procedures. This order history will be deleted after
ten years."* The rule itself (table, date column, period, children, holds, limits) is in
`include/policy.yml` under `retention.order_history`.

**Steps.** `plan` counts what would be deleted and what is held, and why: an open warranty
or return claim keeps its whole order, and so does an unreleased row in
`governance.legal_holds` (compliance fills it: table, key, case reference). The cutoff is
midnight UTC ten calendar years before the run's logical date. `delete` removes the rows in
batches of orders, children first, one transaction per batch with its audit rows in
`governance.retention_audit`; a killed run, re-run, finishes the job. `verify` proves the
result with Great Expectations, runs VACUUM, and writes the report (Markdown and HTML,
under `var/reports/order_history_retention/`).

**Guards.** Nothing is deleted when one run would delete more than the policy's share of
the orders (5%), unless the trigger form allows more, or when the cutoff is more recent
than ten years before today.

**Dry run.** A run triggered by hand is a dry run unless *Dry run* is unticked: it plans
and reports, and deletes nothing. Scheduled runs delete.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from airflow.sdk import Param, dag, task

from include.governance.policy import load_policy

log = logging.getLogger("governance.order_history_retention")

POLICY = load_policy()  # a malformed policy.yml shows here, as this DAG's import error
RULE = "order_history"
DAG_ID = "order_history_retention"


@dag(
    dag_id=DAG_ID,
    schedule="@daily",
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["privacy", "retention"],
    params={
        "dry_run": Param(
            True,
            type="boolean",
            title="Dry run",
            description="Plan and report only; nothing is deleted. The default when you "
            "trigger the DAG here; scheduled runs always delete.",
        ),
        "batch_size": Param(
            5000,
            type="integer",
            minimum=100,
            maximum=20_000,
            title="Orders per batch",
            description="Orders deleted (with their child rows) in one transaction.",
        ),
        "max_delete_share": Param(
            None,
            type=["null", "number"],
            minimum=0,
            maximum=1,
            title="Largest share of orders one run may delete",
            description="Empty: the limit in policy.yml (0.05, i.e. 5%). A first run over "
            "years of backlog needs more, e.g. 0.3.",
        ),
    },
)
def order_history_retention():
    @task
    def plan(params=None, run_id=None, dag_run=None) -> dict:
        """Count what goes and what is held; refuse (deleting nothing) past a guard."""
        from include.airflow_support import warehouse_engine
        from include.governance.retention import (
            RetentionRefused,
            check_guards,
            finish_run,
            plan_retention,
            record_run,
        )

        engine = warehouse_engine()
        logical = dag_run.logical_date or dag_run.run_after
        dry_run = params["dry_run"] and dag_run.run_type != "scheduled"
        planned = plan_retention(engine, POLICY, RULE, logical, params["max_delete_share"])
        record_run(engine, POLICY, planned, run_id, dry_run)
        log.info(
            "%s, policy %s, cutoff %s: %d of %d rows of %s expired, %d held %s, %d to delete "
            "(%.2f%%; limit %.2f%%) with %s",
            "DRY RUN" if dry_run else "deleting",
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
            check_guards(planned, POLICY.retention[RULE].keep_for)
        except RetentionRefused as refusal:
            if not dry_run:
                finish_run(engine, run_id, "refused", None, None, None)
                raise
            log.warning("a real run would be refused: %s", refusal)
        return {"dry_run": dry_run, "plan": planned.as_json()}

    @task(retries=1)
    def delete(planned: dict, params=None, run_id=None) -> dict | None:
        """Delete in batches (a retry resumes where the last committed batch ended)."""
        if planned["dry_run"]:
            log.info("dry run: nothing deleted")
            return None
        from include.airflow_support import warehouse_engine
        from include.governance.retention import RetentionPlan, execute_retention, reclaim_space

        engine = warehouse_engine()
        plan_ = RetentionPlan.from_json(planned["plan"])
        execution = execute_retention(engine, POLICY, plan_, run_id, params["batch_size"])
        tables = [t for t, n in execution["rows"].items() if n and "(" not in t]
        execution["reclaimed"] = reclaim_space(engine, tables)
        log.info("deleted %s; reclaimed with %s", execution["rows"], execution["reclaimed"])
        return execution

    @task
    def verify(planned: dict, execution: dict | None, run_id=None) -> dict:
        """Prove the result with Great Expectations; write the report."""
        from include.airflow_support import warehouse_engine
        from include.governance.quality import Checks
        from include.governance.reports import report_folder, write_report
        from include.governance.retention import (
            RetentionPlan,
            finish_run,
            verify_expectations,
        )
        from include.governance.retention_report import render_retention_report

        engine = warehouse_engine()
        plan_ = RetentionPlan.from_json(planned["plan"])
        folder = report_folder(DAG_ID, run_id)
        results, docs = None, None
        if execution is not None:
            checks = Checks(engine, folder / "data_docs")
            results = verify_expectations(engine, POLICY, plan_, run_id, checks)
            docs = str(checks.docs_index)
        report = write_report(
            folder,
            f"Retention {run_id}",
            render_retention_report(
                run_id,
                POLICY,
                plan_,
                planned["dry_run"],
                execution,
                results,
                execution["reclaimed"] if execution else None,
                docs,
            ),
        )
        failures = [f"{r.suite}: {o}" for r in results or [] for o in r.failures]
        status = "planned" if execution is None else "failed checks" if failures else "deleted"
        finish_run(
            engine,
            run_id,
            status,
            execution["rows"] if execution else None,
            [
                {
                    "suite": r.suite,
                    "expectation": o.expectation,
                    "success": o.success,
                    "detail": str(o),
                }
                for r in results or []
                for o in r.outcomes
            ],
            str(report),
        )
        log.info("report: %s", report)
        if failures:
            raise RuntimeError("retention checks failed:\n" + "\n".join(failures))
        return {"status": status, "report": str(report)}

    planned = plan()
    verify(planned, delete(planned))


order_history_retention()
