"""
### Anonymised analytics and marketing segments

Builds the `analytics.*` tables analysts query and the `marketing.segments` marketing
builds target groups from, free of personal data. It keeps the privacy policy's promises
*"Development and analysis: we process personal data to better understand what our
customers want"* on anonymised data only, and *"defining target groups"* for marketing
only for customers who consented.

**What goes in.** Only what `include/policy.yml` names a rule for (default deny): keyed
pseudonyms (HMAC-SHA256, one secret key per purpose), age bands on the run's logical date,
counties, timestamps cut to the hour or day, IP networks, browser/OS/device families,
free text with personal data redacted. Health data, national ID numbers and job applicants
never reach analytics: the policy refuses such a rule.

**Steps.** `prepare` checks the keys and records the run; `build` runs once per output
(dynamic task mapping): the table is made in `analytics.<table>__staging`, pushed down as
SQL on PostgreSQL (redacted text alone made in Python) or streamed in chunks elsewhere,
and proven with Great Expectations (no email, phone, fødselsnummer or card number; no raw
identifier; unique pseudonyms; row counts that reconcile). `publish` swaps all staging
tables in at once, only when every output passed, so analysts never see a half-built or
unproven table. `segments` builds the k-anonymous `marketing.segments` and
`marketing.segment_members` the same way. `report` writes the run report with links to
the Data Docs.

**Incremental builds.** A source with a `watermark` column in the policy (customers,
orders) is built from the rows changed since the last build, merged with the published
table; rows gone from the source (retention, erasure) are removed. The trigger form's
*Full refresh* rebuilds from scratch; a policy change, a new key or a merge that does not
reconcile with the source does so on its own, and the reason is recorded.

**Keys.** The Airflow variables `pseudonym_secret_analytics` and
`pseudonym_secret_marketing`, as `VERSION:SECRET` (or connections of those ids: login is
the version, password the secret). A new version re-pseudonymises everything from source.

**Where the results are.** `governance.anonymise_runs`, `governance.anonymise_outputs`,
`governance.segment_runs`; the report under `var/reports/anonymise_analytics/`.

**Schedule.** Daily, and whenever the personal-data inventory has run (asset
`pii_inventory`). A run emits the asset `anonymised_analytics`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

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

from include.governance.policy import load_policy

log = logging.getLogger("governance.anonymise_analytics")

POLICY = load_policy()  # a malformed policy.yml shows here, as this DAG's import error
DAG_ID = "anonymise_analytics"
PII_INVENTORY = Asset("pii_inventory")
ANONYMISED = Asset("anonymised_analytics")


def _run_date(dag_run):
    """The logical date (an asset-triggered run has none: then when it was due)."""
    return (dag_run.logical_date or dag_run.run_after).date()


def _docs_dir(run_id: str, name: str):
    from include.governance.reports import report_folder

    return report_folder(DAG_ID, run_id) / "data_docs" / name.replace(".", "_")


@dag(
    dag_id=DAG_ID,
    schedule=AssetOrTimeSchedule(
        timetable=CronTriggerTimetable("@daily", timezone="UTC"), assets=[PII_INVENTORY]
    ),
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
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
    },
)
def anonymise_analytics():
    @task
    def prepare(run_id=None, dag_run=None) -> list[str]:
        """Check both keys (present, different), record the run, list the outputs."""
        from include.airflow_support import pseudonym_keys, warehouse_engine
        from include.governance.anonymise import start_run

        keys = pseudonym_keys()
        outputs = start_run(warehouse_engine(), POLICY, run_id, _run_date(dag_run))
        log.info(
            "policy %s; key versions: %s; outputs: %s",
            POLICY.version,
            ", ".join(f"{k.purpose} {k.version}" for k in keys),
            ", ".join(outputs),
        )
        return outputs

    @task(map_index_template="{{ output_name }}")
    def build(output: str, params=None, run_id=None, dag_run=None) -> dict:
        """Build one output in staging and prove it with Great Expectations."""
        from include.airflow_support import pseudonym_key, warehouse_engine
        from include.governance.anonymise import build_output
        from include.governance.quality import Checks

        get_current_context()["output_name"] = output
        engine = warehouse_engine()
        result = build_output(
            engine,
            POLICY,
            run_id,
            output,
            pseudonym_key("analytics"),
            _run_date(dag_run),
            Checks(engine, _docs_dir(run_id, output)),
            params["method"],
            params["chunk_rows"],
            params["full_refresh"],
        )
        log.info(
            "%s: %d rows (%s, %s build), %d expectations passed in %.1f s",
            output,
            result.output_rows,
            result.method,
            result.build,
            result.checks,
            result.seconds,
        )
        return result.as_dict()

    @task(outlets=[ANONYMISED])
    def publish(results: list[dict], run_id=None) -> list[str]:
        """Swap every proven staging table in, in one transaction."""
        from include.airflow_support import warehouse_engine
        from include.governance.anonymise import publish as swap_all

        published = swap_all(warehouse_engine(), POLICY, run_id)
        log.info("published %s", ", ".join(published))
        return published

    @task
    def segments(params=None, run_id=None, dag_run=None) -> dict:
        """Build, prove and publish the k-anonymous marketing segments of consenting customers."""
        from include.airflow_support import pseudonym_key, warehouse_engine
        from include.governance.anonymise_segments import build_segments
        from include.governance.quality import Checks

        engine = warehouse_engine()
        result = build_segments(
            engine,
            POLICY,
            run_id,
            pseudonym_key("marketing"),
            _run_date(dag_run),
            Checks(engine, _docs_dir(run_id, "marketing")),
            params["method"],
            params["chunk_rows"],
        )
        log.info(
            "%d segments of %d consenting customers (k %d, smallest %s, average %s); "
            "%d suppressed (budget %d); levels %s",
            result.segments,
            result.consenting,
            POLICY.marketing.k,
            result.k_achieved,
            result.average_size,
            result.suppressed,
            result.max_suppressed,
            result.levels,
        )
        return result.as_dict()

    @task(trigger_rule=TriggerRule.ALL_DONE)
    def report(run_id=None) -> dict:
        """Record the outcome, write the report; fail (without retries: the outcome is
        recorded) when any output was not published."""
        from airflow.sdk.exceptions import AirflowFailException

        from include.airflow_support import warehouse_engine
        from include.governance.anonymise import finish_run, record_report
        from include.governance.anonymise_report import render_anonymise_report
        from include.governance.reports import report_folder, write_report

        engine = warehouse_engine()
        status = finish_run(engine, run_id)
        if status == "not started":
            raise AirflowFailException("the run did not start: see the log of the prepare task")
        path = write_report(
            report_folder(DAG_ID, run_id),
            f"Anonymisation {run_id}",
            render_anonymise_report(engine, run_id),
        )
        record_report(engine, run_id, str(path))
        log.info("run %s; report: %s", status, path)
        if status != "succeeded":
            raise AirflowFailException(f"not every output was built and published; see {path}")
        return {"status": status, "report": str(path)}

    outputs = prepare()
    built = build.expand(output=outputs)
    [publish(built), outputs >> segments()] >> report()


anonymise_analytics()
