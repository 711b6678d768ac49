"""The inventory DAGs: find personal data in every table and column (docs/pii_inventory.md),
and check the output schemas for leaks every week (docs/pii_leak_check.md).

Both are one inventory, made by :func:`inventory_dag`: the leak check scans the schemas of
the policy's outputs, under scan ids of its own, and fails on a leak."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from airflow.sdk import Asset, Param, TriggerRule, dag, get_current_context, task

from include.airflow_support import failing_at_once, logical_date, task_slots, warehouse_engine
from include.governance.inventory.leaks import output_schemas
from include.governance.policy import load_policy
from include.governance.reports import report_folder

POLICY = load_policy()  # a malformed policy.yml shows here, as this DAG's import error
PII_INVENTORY = Asset("pii_inventory")
MAX_SCAN_TASKS = 1000  # below Airflow's max_map_length (1024): more tables share tasks


def inventory_dag(
    dag_id: str,
    *,
    schedule: str,
    include_schemas: list[str],
    fail_on_leaks: bool,
    outlets: list[Asset],
    scan_id_prefix: str = "",
):
    """An inventory DAG: start ► scan (mapped over batches of tables) ► finish."""

    @dag(
        dag_id=dag_id,
        schedule=schedule,
        start_date=datetime(2026, 1, 1, tzinfo=UTC),
        catchup=False,
        max_active_runs=1,
        doc_md=str(Path(__file__).parent / "docs" / f"{dag_id}.md"),
        tags=["privacy", "inventory"],
        default_args={"retries": 1, "retry_delay": timedelta(minutes=1)},
        params={
            "include_schemas": Param(
                include_schemas,
                type="array",
                items={"type": "string"},
                title="Schemas to scan",
                description="Leave empty to scan every schema the warehouse connection can "
                "see but the project's own (governance, analytics, marketing), which are "
                "scanned only when named here.",
            ),
            "exclude_schemas": Param(
                [],
                type="array",
                items={"type": "string"},
                title="Schemas to skip",
                description="System schemas are always skipped.",
            ),
            "sample_size": Param(
                1000,
                type="integer",
                minimum=10,
                maximum=100_000,
                title="Values sampled per column",
                description="Non-null values read per column. The cost of a scan does not "
                "grow with a table's size, only with this number and the number of columns.",
            ),
            "full_scan": Param(
                False,
                type="boolean",
                title="Full scan",
                description="Sample every table again. Otherwise a table whose columns and "
                "change counters show no change since its last scan keeps that scan's "
                "findings; every table is sampled again every policy.yml "
                "inventory.full_scan_every_days days anyway.",
            ),
            "tables_per_task": Param(
                None,
                type=["null", "integer"],
                minimum=1,
                maximum=1000,
                title="Tables per scan task",
                description="Empty: chosen from the number of tables and how many tasks "
                "Airflow can run at once (parallelism, the DAG's max active tasks), so that "
                "a task's start-up costs less than its scan and every slot is used. 1 gives "
                "each table its own task (its own line in the grid). Above 1,000 tables, "
                "tables are grouped whatever this says.",
            ),
            "fail_on_ungoverned": Param(
                False,
                type="boolean",
                title="Fail on ungoverned personal data",
                description="Fail the run (not just warn) when a column holds personal data "
                "that no rule in policy.yml governs.",
            ),
            "fail_on_leaks": Param(
                fail_on_leaks,
                type="boolean",
                title="Fail on leaks",
                description="Fail the run (not just warn) when an output schema (analytics, "
                "marketing) holds personal data that no rule of policy.yml puts there.",
            ),
        },
    )
    def inventory():
        @task
        def start(params=None, run_id=None, dag_run=None, dag=None) -> list[list[str]]:
            """Record the scan and list the tables in scope, grouped for the scan tasks."""
            from include.governance.inventory import steps

            return steps.start(
                warehouse_engine(),
                POLICY,
                scan_id_prefix + run_id,
                scanned_at=logical_date(dag_run),
                include_schemas=params["include_schemas"],
                exclude_schemas=params["exclude_schemas"],
                sample_size=params["sample_size"],
                tables_per_task=params["tables_per_task"],
                task_slots=task_slots(dag, "scan"),
                max_tasks=MAX_SCAN_TASKS,
                full_scan=params["full_scan"],
            )

        @task(map_index_template="{{ scanned_tables }}")
        def scan(tables: list[str], params=None, run_id=None) -> int:
            """Sample each table of the batch and classify its columns; returns the finds."""
            from include.governance.inventory import steps

            more = f" (+{len(tables) - 1})" if len(tables) > 1 else ""
            get_current_context()["scanned_tables"] = tables[0] + more
            return steps.scan_batch(
                warehouse_engine(),
                POLICY,
                scan_id_prefix + run_id,
                tables,
                sample_size=params["sample_size"],
            )

        @task(outlets=outlets, trigger_rule=TriggerRule.ALL_DONE_MIN_ONE_SUCCESS)
        def finish(batches: list[list[str]], params=None, run_id=None) -> dict:
            """Record changes, update the register, write the report; fail on failed
            tables, and on leaks or ungoverned data when asked to."""
            from include.governance.inventory import steps

            # a retry cannot govern the data nor mend a leak
            with failing_at_once(steps.UngovernedData, steps.LeakFound):
                return steps.finish(
                    warehouse_engine(),
                    POLICY,
                    scan_id_prefix + run_id,
                    folder=report_folder(dag_id, run_id),
                    fail_on_ungoverned=params["fail_on_ungoverned"],
                    fail_on_leaks=params["fail_on_leaks"],
                )

        batches = start()
        finish(batches).set_upstream(scan.expand(tables=batches))

    return inventory()


inventory_dag(
    "pii_inventory",
    schedule="@daily",
    include_schemas=[],
    fail_on_leaks=False,
    outlets=[PII_INVENTORY],
)
# The project's outputs, checked weekly: personal data there that the policy does not put
# there is a leak. Its scan ids are its own: its runs share run ids with the daily ones.
inventory_dag(
    "pii_leak_check",
    schedule="@weekly",
    include_schemas=output_schemas(POLICY),
    fail_on_leaks=True,
    outlets=[],
    scan_id_prefix="pii_leak_check/",
)
