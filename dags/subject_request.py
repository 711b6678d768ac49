"""The data-subject request DAG: find a person everywhere, answer their access request or
erase their data (docs/subject_request.md). Triggered with a request id only: the
identifier stays in ``governance.subject_requests``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from airflow.providers.standard.operators.hitl import HITLBranchOperator
from airflow.sdk import Param, dag, task

from include.airflow_support import failing_at_once, logical_date, pseudonym_keys, warehouse_engine
from include.governance.policy import load_policy
from include.governance.reports import report_folder

POLICY = load_policy()  # a malformed policy.yml shows here, as this DAG's import error
DAG_ID = "subject_request"


@dag(
    dag_id=DAG_ID,
    schedule=None,
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    doc_md=str(Path(__file__).parent / "docs" / f"{DAG_ID}.md"),
    tags=["privacy", "subject requests"],
    params={
        "request_id": Param(
            type="integer",
            minimum=1,
            title="Request id",
            description="The request's id in governance.subject_requests (make "
            "subject-request prints it). Never the person's email, phone or number: what a "
            "trigger form is given, Airflow keeps and shows.",
        ),
        "dry_run": Param(
            True,
            type="boolean",
            title="Dry run",
            description="Erasure: plan and report what would be erased, cleared and kept, and "
            "change nothing. Off: the plan waits for a person's approval, then is carried out.",
        ),
        "batch_size": Param(
            500,
            type="integer",
            minimum=1,
            maximum=10_000,
            title="Rows per batch",
            description="Erasure: rows changed in one transaction, with its audit row.",
        ),
    },
)
def subject_request():
    @task
    def find(params=None) -> dict:
        """Where the person's data is: tables, row counts, how each was found."""
        from include.governance.subjects import steps

        with failing_at_once(steps.UnknownRequest):
            return steps.find(warehouse_engine(), POLICY, params["request_id"], keys=_keys())

    @task.branch
    def route(found: dict) -> str:
        """An access request is answered; an erasure is planned."""
        return "access" if found["request_type"] == "access" else "plan_erasure"

    @task
    def access(params=None) -> dict:
        """The person's data as one package in governance.subject_packages."""
        from include.governance.subjects import steps

        return steps.access(warehouse_engine(), POLICY, params["request_id"], keys=_keys())

    @task
    def plan_erasure(params=None, run_id=None, dag_run=None) -> dict:
        """What the erasure deletes, clears and keeps, and why: kept, and reported."""
        from include.governance.subjects import steps

        with failing_at_once(steps.NotAnErasureRequest):
            return steps.plan_erasure_of(
                warehouse_engine(),
                POLICY,
                params["request_id"],
                keys=_keys(),
                as_of=logical_date(dag_run).date(),
                folder=report_folder(DAG_ID, run_id),
                dry_run=params["dry_run"],
            )

    @task.short_circuit
    def unless_dry_run(planned: dict, params=None) -> bool:
        """A dry run ends with its plan."""
        return not params["dry_run"] and planned["rows"] > 0

    approve = HITLBranchOperator(
        task_id="approve",
        subject="Erase the data of subject request {{ params.request_id }}?",
        body="The erasure plan: {{ ti.xcom_pull(task_ids='plan_erasure')['rows'] }} rows in "
        "{{ ti.xcom_pull(task_ids='plan_erasure')['steps'] }} steps. "
        "[Read the plan]({{ ti.xcom_pull(task_ids='plan_erasure')['report'] }}): per table, "
        "what is deleted, cleared and kept, and why.\n\n**Approve** carries it out in "
        "batches, then proves it; **Reject** closes the request and changes nothing.",
        options=["Approve", "Reject"],
        options_mapping={"Approve": "erase", "Reject": "rejected"},
    )

    @task
    def erase(params=None) -> dict:
        """The approved plan, in batches, each with its audit row."""
        from include.governance.subjects import steps

        return steps.erase(
            warehouse_engine(), params["request_id"], batch_size=params["batch_size"]
        )

    @task
    def rejected(params=None) -> dict:
        """A person declined: the request is closed as rejected, nothing changed."""
        from include.governance.subjects import steps

        return steps.reject(warehouse_engine(), params["request_id"])

    @task
    def verify(params=None, run_id=None) -> dict:
        """The proof (Great Expectations) and the receipt."""
        from include.governance.subjects import steps

        with failing_at_once(steps.ErasureNotProven):
            return steps.verify(
                warehouse_engine(),
                POLICY,
                params["request_id"],
                folder=report_folder(DAG_ID, run_id),
            )

    found = find()
    planned = plan_erasure()
    route(found) >> [access(), planned]
    erased = erase()
    unless_dry_run(planned) >> approve >> [erased, rejected()]
    erased >> verify()


def _keys() -> dict:
    """The outputs' keys by purpose: their pseudonyms lead to the person's rows there."""
    return {key.purpose: key for key in pseudonym_keys()}


subject_request()
