"""The data-subject request DAG: find a person everywhere and answer their access request
(docs/subject_request.md). Triggered with a request id only: the identifier stays in
``governance.subject_requests``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from airflow.sdk import Param, dag, task

from include.airflow_support import failing_at_once, pseudonym_keys, warehouse_engine
from include.governance.policy import load_policy

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
    },
)
def subject_request():
    @task
    def find(params=None) -> dict:
        """Where the person's data is: tables, row counts, how each was found."""
        from include.governance.subjects import steps

        with failing_at_once(steps.UnknownRequest):
            return steps.find(warehouse_engine(), POLICY, params["request_id"], keys=_keys())

    @task
    def access(found: dict, params=None) -> dict:
        """The person's data as one package in governance.subject_packages."""
        from airflow.exceptions import AirflowSkipException

        from include.governance.subjects import steps

        if found["request_type"] != "access":
            raise AirflowSkipException("not an access request")
        return steps.access(warehouse_engine(), POLICY, params["request_id"], keys=_keys())

    access(find())


def _keys() -> dict:
    """The outputs' keys by purpose: their pseudonyms lead to the person's rows there."""
    return {key.purpose: key for key in pseudonym_keys()}


subject_request()
