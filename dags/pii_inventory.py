"""
### Personal-data inventory

Finds personal data in every table and column of the warehouse, with evidence and a
confidence, and records what changed since the last scan. It keeps the promise of the
privacy policy's *"What personal data do we process?"*: the retailer knows what it holds
(name, address, email, mobile, IP address, date of birth, gender, orders, payments,
customer-service contacts, website usage, job applicants, blue-prescription health data).

**Steps.** `start` lists the tables in scope; `scan` runs once per table (dynamic task
mapping, so the executor spreads the work; on large warehouses a few tables per task) and
samples a bounded number of values, never the whole table; `finish` writes the register
and the changes, and the run report.

**Where the results are.** In the warehouse: `governance.pii_columns` (the current register),
`governance.pii_changes`, `governance.pii_scan_runs`; the run report (Markdown and HTML) under
`var/reports/pii_inventory/`. Personal data that no rule in `include/policy.yml` governs is
listed in the log as a warning. The run emits the `pii_inventory` asset, on which the
anonymisation DAG is scheduled.

**Params.** Schemas to include or exclude (the project's own `governance`, `analytics` and
`marketing` schemas are never scanned), the number of values sampled per column, and
whether ungoverned personal data fails the run.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from airflow.sdk import Asset, Param, TriggerRule, dag, get_current_context, task

from include.governance.policy import load_policy

log = logging.getLogger("governance.pii_inventory")

POLICY = load_policy()  # a malformed policy.yml shows here, as this DAG's import error
PII_INVENTORY = Asset("pii_inventory")
MAX_SCAN_TASKS = 1000  # below Airflow's max_map_length (1024): more tables share tasks


@dag(
    dag_id="pii_inventory",
    schedule="@daily",
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["privacy", "inventory"],
    default_args={"retries": 1, "retry_delay": timedelta(minutes=1)},
    params={
        "include_schemas": Param(
            [],
            type="array",
            items={"type": "string"},
            title="Schemas to scan",
            description="Leave empty to scan every schema the warehouse connection can see.",
        ),
        "exclude_schemas": Param(
            [],
            type="array",
            items={"type": "string"},
            title="Schemas to skip",
            description="System schemas and the project's governance, analytics and marketing "
            "schemas are always skipped.",
        ),
        "sample_size": Param(
            1000,
            type="integer",
            minimum=10,
            maximum=100_000,
            title="Values sampled per column",
            description="Non-null values read per column. The cost of a scan does not grow "
            "with a table's size, only with this number and the number of columns.",
        ),
        "tables_per_task": Param(
            1,
            type="integer",
            minimum=1,
            maximum=1000,
            title="Tables per scan task",
            description="1 gives each table its own task (its own line in the grid); more "
            "saves Airflow's per-task overhead on large warehouses. Above 1,000 tables, "
            "tables are grouped whatever this says.",
        ),
        "fail_on_ungoverned": Param(
            False,
            type="boolean",
            title="Fail on ungoverned personal data",
            description="Fail the run (not just warn) when a column holds personal data that "
            "no rule in policy.yml governs.",
        ),
    },
)
def pii_inventory():
    @task
    def start(params=None, run_id=None, dag_run=None) -> list[list[str]]:
        """Record the scan and list the tables in scope, grouped for the scan tasks."""
        from include.airflow_support import warehouse_engine
        from include.governance.inventory import ScanScope, plan_batches, start_scan

        scope = ScanScope(tuple(params["include_schemas"]), tuple(params["exclude_schemas"]))
        tables = start_scan(
            warehouse_engine(),
            POLICY,
            run_id,
            dag_run.logical_date or dag_run.run_after,
            scope,
            params["sample_size"],
        )
        batches = plan_batches(tables, params["tables_per_task"], MAX_SCAN_TASKS)
        log.info(
            "policy %s: %d tables to scan in %d tasks", POLICY.version, len(tables), len(batches)
        )
        return batches

    @task(map_index_template="{{ scanned_tables }}")
    def scan(tables: list[str], params=None, run_id=None) -> int:
        """Sample each table of the batch and classify its columns; returns the finds."""
        from include.airflow_support import warehouse_engine
        from include.governance.inventory import describe_error, scan_table

        more = f" (+{len(tables) - 1})" if len(tables) > 1 else ""
        get_current_context()["scanned_tables"] = tables[0] + more
        engine = warehouse_engine()
        found, failed = 0, []
        for table in tables:
            try:
                result = scan_table(engine, POLICY, run_id, table, params["sample_size"])
            except Exception as exc:  # recorded; the others in the batch still get scanned
                failed.append(f"{table}: {describe_error(exc)}")
                continue
            found += result["personal_data_columns"]
            log.info(
                "%s: %d of %d columns hold personal data (%d rows sampled)",
                table,
                result["personal_data_columns"],
                result["columns"],
                result["rows_sampled"],
            )
        if failed:  # error classes only: a database's message can quote the values
            raise RuntimeError(f"could not scan {'; '.join(failed)}")
        return found

    @task(outlets=[PII_INVENTORY], trigger_rule=TriggerRule.ALL_DONE_MIN_ONE_SUCCESS)
    def finish(batches: list[list[str]], params=None, run_id=None) -> dict:
        """Record changes, update the register, write the report; fail on failed tables."""
        from include.airflow_support import warehouse_engine
        from include.governance.inventory import finish_scan, record_report
        from include.governance.inventory_report import render_inventory_report
        from include.governance.reports import report_folder, write_report

        engine = warehouse_engine()
        summary = finish_scan(engine, POLICY, run_id)
        report = write_report(
            report_folder("pii_inventory", run_id),
            f"Personal-data inventory {run_id}",
            render_inventory_report(engine, POLICY, summary),
        )
        record_report(engine, run_id, str(report))
        log.info(
            "%d tables scanned, %d columns, %d hold personal data; %d changes; report: %s",
            summary.tables_scanned,
            summary.columns_scanned,
            summary.findings,
            len(summary.changes),
            report,
        )
        for change in summary.changes:
            log.info(
                "change: %s.%s.%s %s (%s -> %s)",
                change["schema_name"],
                change["table_name"],
                change["column_name"],
                change["change"],
                change["old_category"],
                change["new_category"],
            )
        if summary.ungoverned:
            log.warning(
                "%d columns hold personal data that no rule in policy.yml governs:\n%s",
                len(summary.ungoverned),
                "\n".join(
                    f"  {u['column']} ({u['category']}, {u['confidence']})"
                    for u in summary.ungoverned
                ),
            )
        if summary.stale_policy:
            log.warning("policy.yml governs what the warehouse lacks: %s", summary.stale_policy)
        if summary.tables_failed:
            raise RuntimeError(f"tables that could not be scanned: {summary.tables_failed}")
        if summary.ungoverned and params["fail_on_ungoverned"]:
            raise RuntimeError(f"{len(summary.ungoverned)} ungoverned personal-data columns")
        return {
            "personal_data_columns": summary.findings,
            "ungoverned": [u["column"] for u in summary.ungoverned],
            "changes": len(summary.changes),
            "report": str(report),
        }

    batches = start()
    finish(batches).set_upstream(scan.expand(tables=batches))


pii_inventory()
