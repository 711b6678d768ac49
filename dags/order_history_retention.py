"""The retention DAG: delete what the policy's retention rules say has expired, order
history first (docs/order_history_retention.md); one mapped group of tasks per rule."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from airflow.sdk import Param, dag, get_current_context, task, task_group

from include.airflow_support import (
    failing_at_once,
    logical_date,
    retention_dry_run,
    warehouse_engine,
)
from include.governance.policy import load_policy
from include.governance.reports import report_folder

POLICY = load_policy()  # a malformed policy.yml shows here, as this DAG's import error
DAG_ID = "order_history_retention"


@dag(
    dag_id=DAG_ID,
    schedule="@daily",
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    is_paused_upon_creation=True,  # and scheduled runs delete only once switched on
    doc_md=str(Path(__file__).parent / "docs" / f"{DAG_ID}.md"),
    tags=["privacy", "retention"],
    params={
        "rule": Param(
            None,
            type=["null", "string"],
            enum=[None, *sorted(POLICY.retention)],
            title="Retention rule",
            description="Empty: every rule under retention in policy.yml, each in a group "
            "of tasks of its own.",
        ),
        "dry_run": Param(
            True,
            type="boolean",
            title="Dry run",
            description="Plan and report only; nothing is deleted. The default when you "
            "trigger the DAG here; scheduled runs delete only when the Airflow variable "
            "retention_scheduled_deletes is 'true'.",
        ),
        "batch_size": Param(
            5000,
            type="integer",
            minimum=100,
            maximum=20_000,
            title="Rows per batch",
            description="Rows of a rule's table (orders) deleted, with their child rows, in "
            "one transaction.",
        ),
        "max_delete_share": Param(
            None,
            type=["null", "number"],
            minimum=0,
            maximum=1,
            title="Largest share of a rule's table one run may delete",
            description="Empty: each rule's limit in policy.yml (order history: 0.05, i.e. "
            "5%). A first run over years of backlog needs more, e.g. 0.3.",
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
    def rules(params=None) -> list[str]:
        """The rules this run works on: the one the trigger form names, or every one."""
        from include.governance.retention import steps

        with failing_at_once(KeyError):  # a rule the policy does not have
            return steps.rules_to_run(POLICY, params["rule"])

    @task(map_index_template="{{ rule_name }}")
    def plan(rule: str, params=None, run_id=None, dag_run=None) -> dict:
        """Count what goes and what is held; refuse (deleting nothing) past a guard."""
        from include.governance.retention import steps
        from include.governance.retention.plan import RetentionRefused

        get_current_context()["rule_name"] = rule
        dry_run, why = retention_dry_run(dag_run, params["dry_run"])
        with failing_at_once(RetentionRefused):  # recorded as refused: a retry changes nothing
            return steps.plan_run(
                warehouse_engine(),
                POLICY,
                rule,
                run_id,
                logical_date=logical_date(dag_run),
                dry_run=dry_run,
                dry_run_reason=why,
                max_share=params["max_delete_share"],
                allow_unindexed=params["allow_unindexed"],
            )

    @task(retries=1, map_index_template="{{ rule_name }}")
    def delete(planned: dict, params=None) -> dict | None:
        """Delete in batches (a retry resumes where the last committed batch ended)."""
        from include.governance.retention import steps
        from include.governance.retention.plan import RetentionRefused

        get_current_context()["rule_name"] = planned["plan"]["rule"]
        with failing_at_once(RetentionRefused):  # the share guard, checked again
            return steps.delete(
                warehouse_engine(), POLICY, planned, batch_size=params["batch_size"]
            )

    @task(map_index_template="{{ rule_name }}")
    def verify(planned: dict, execution: dict | None) -> dict:
        """Prove the result with Great Expectations; write the report."""
        from include.governance.retention import steps

        get_current_context()["rule_name"] = planned["plan"]["rule"]
        return steps.verify_run(
            warehouse_engine(),
            POLICY,
            planned,
            execution=execution,
            folder=report_folder(DAG_ID, planned["run_id"]),
        )

    @task_group
    def retention_rule(rule: str):
        planned = plan(rule)
        verify(planned, delete(planned))

    retention_rule.expand(rule=rules())


order_history_retention()
