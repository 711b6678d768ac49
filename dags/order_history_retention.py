"""The retention DAG: delete expired order history (docs/order_history_retention.md)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from airflow.sdk import Param, dag, task

from include.airflow_support import failing_at_once, logical_date, warehouse_engine
from include.governance.policy import load_policy
from include.governance.reports import report_folder

POLICY = load_policy()  # a malformed policy.yml shows here, as this DAG's import error
RULE = "order_history"
DAG_ID = "order_history_retention"


@dag(
    dag_id=DAG_ID,
    schedule="@daily",
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    doc_md=str(Path(__file__).parent / "docs" / f"{DAG_ID}.md"),
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
        "allow_unindexed": Param(
            False,
            type="boolean",
            title="Delete although a child table's reference has no index",
            description="Without an index every batch scans the whole child table; the run "
            "is refused and names the CREATE INDEX to run, unless this is ticked.",
        ),
    },
)
def order_history_retention():
    @task
    def plan(params=None, run_id=None, dag_run=None) -> dict:
        """Count what goes and what is held; refuse (deleting nothing) past a guard."""
        from include.governance.retention import steps
        from include.governance.retention.plan import RetentionRefused

        with failing_at_once(RetentionRefused):  # recorded as refused: a retry changes nothing
            return steps.plan_run(
                warehouse_engine(),
                POLICY,
                RULE,
                run_id,
                logical_date=logical_date(dag_run),
                dry_run=params["dry_run"] and dag_run.run_type != "scheduled",
                max_share=params["max_delete_share"],
                allow_unindexed=params["allow_unindexed"],
            )

    @task(retries=1)
    def delete(planned: dict, params=None, run_id=None) -> dict | None:
        """Delete in batches (a retry resumes where the last committed batch ended)."""
        from include.governance.retention import steps
        from include.governance.retention.plan import RetentionRefused

        with failing_at_once(RetentionRefused):  # the share guard, checked again
            return steps.delete(
                warehouse_engine(), POLICY, run_id, planned, batch_size=params["batch_size"]
            )

    @task
    def verify(planned: dict, execution: dict | None, run_id=None) -> dict:
        """Prove the result with Great Expectations; write the report."""
        from include.governance.retention import steps

        return steps.verify_run(
            warehouse_engine(),
            POLICY,
            run_id,
            planned,
            execution=execution,
            folder=report_folder(DAG_ID, run_id),
        )

    planned = plan()
    verify(planned, delete(planned))


order_history_retention()
