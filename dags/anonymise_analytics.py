"""The anonymisation DAG: analytics tables, marketing segments (docs/anonymise_analytics.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from airflow.sdk import (
    Asset,
    AssetOrTimeSchedule,
    CronTriggerTimetable,
    Param,
    TriggerRule,
    dag,
    get_current_context,
    task,
)

from include.airflow_support import (
    failing_at_once,
    logical_date,
    pseudonym_key,
    pseudonym_keys,
    warehouse_engine,
)
from include.governance.policy import load_policy
from include.governance.reports import report_folder

POLICY = load_policy()  # a malformed policy.yml shows here, as this DAG's import error
DAG_ID = "anonymise_analytics"
PII_INVENTORY = Asset("pii_inventory")
ANONYMISED = Asset("anonymised_analytics")


@dag(
    dag_id=DAG_ID,
    schedule=AssetOrTimeSchedule(
        timetable=CronTriggerTimetable("@daily", timezone="UTC"), assets=[PII_INVENTORY]
    ),
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    doc_md=str(Path(__file__).parent / "docs" / f"{DAG_ID}.md"),
    tags=["privacy", "anonymisation", "marketing"],
    default_args={"retries": 1, "retry_delay": timedelta(minutes=1)},
    params={
        "method": Param(
            "auto",
            type="string",
            enum=["auto", "pushdown", "streaming"],
            values_display={
                "auto": "Automatic: SQL on PostgreSQL, streaming elsewhere",
                "pushdown": "Pushdown: SQL in the warehouse (PostgreSQL)",
                "streaming": "Streaming: chunks through pandas",
            },
            title="How to build the tables",
            description="Automatic pushes the work down as SQL on PostgreSQL (only redacted "
            "text goes through Python) and streams other databases in chunks. Both "
            "give the same output.",
        ),
        "chunk_rows": Param(
            50_000,
            type="integer",
            minimum=1_000,
            maximum=1_000_000,
            title="Rows per chunk (streaming)",
            description="Rows held in memory at a time by the streaming path; memory does "
            "not grow with a table's size, only with this.",
        ),
        "full_refresh": Param(
            False,
            type="boolean",
            title="Full refresh",
            description="Rebuild every output from the whole source. Otherwise a source "
            "with a watermark column in the policy is built from the rows changed since "
            "the last build; both give the same tables.",
        ),
        "key_rotation": Param(
            False,
            type="boolean",
            title="Key rotation",
            description="A key has a new secret under the version the outputs were "
            "published with: rebuild every output and the segments from the whole source "
            "under it. Without this such a run fails; a new secret with a new version "
            "needs nothing, it rebuilds on its own.",
        ),
    },
)
def anonymise_analytics():
    @task
    def prepare(run_id=None, dag_run=None) -> list[str]:
        """Check both keys (present, different), record the run with their versions and
        fingerprints (every later step's key must match them), list the outputs."""
        from include.governance.anonymise import steps

        keys, run_date = pseudonym_keys(), logical_date(dag_run).date()
        return steps.start_run(warehouse_engine(), POLICY, run_id, run_date, keys=keys)

    @task(map_index_template="{{ output_name }}")
    def build(output: str, params=None, run_id=None, dag_run=None) -> dict:
        """Build one output in staging and prove it with Great Expectations."""
        from include.governance.anonymise import steps
        from include.governance.pseudonym import PseudonymKeyError

        get_current_context()["output_name"] = output
        with failing_at_once(PseudonymKeyError):
            return steps.build(
                warehouse_engine(),
                POLICY,
                run_id,
                output,
                key=pseudonym_key("analytics"),
                run_date=logical_date(dag_run).date(),
                folder=report_folder(DAG_ID, run_id),
                method=params["method"],
                chunk_rows=params["chunk_rows"],
                full_refresh=params["full_refresh"],
                rotate_key=params["key_rotation"],
            )

    @task(outlets=[ANONYMISED])
    def publish(results: list[dict], run_id=None) -> list[str]:
        """Swap every proven staging table in, in one transaction, all under the run's key."""
        from include.governance.anonymise import steps
        from include.governance.pseudonym import PseudonymKeyError

        with failing_at_once(PseudonymKeyError):
            return steps.publish(warehouse_engine(), POLICY, run_id)

    @task
    def segments(params=None, run_id=None, dag_run=None) -> dict:
        """Build, prove and publish the k-anonymous marketing segments of consenting customers."""
        from include.governance.marketing import steps
        from include.governance.pseudonym import PseudonymKeyError

        with failing_at_once(PseudonymKeyError):
            return steps.segments(
                warehouse_engine(),
                POLICY,
                run_id,
                key=pseudonym_key("marketing"),
                run_date=logical_date(dag_run).date(),
                folder=report_folder(DAG_ID, run_id),
                method=params["method"],
                chunk_rows=params["chunk_rows"],
                rotate_key=params["key_rotation"],
            )

    @task(trigger_rule=TriggerRule.ALL_DONE)
    def report(run_id=None) -> dict:
        """Record the outcome, write the report; fail when any output was not published."""
        from include.governance.anonymise import steps

        with failing_at_once(steps.RunNotStarted, steps.RunFailed):  # the outcome is recorded
            return steps.report(warehouse_engine(), run_id, folder=report_folder(DAG_ID, run_id))

    outputs = prepare()
    built = build.expand(output=outputs)
    [publish(built), outputs >> segments()] >> report()


anonymise_analytics()
