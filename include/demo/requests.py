"""The demo's data-subject requests: one access request (by email) and one erasure (by
customer number) for seeded customers, recorded as compliance would, run through the
``subject_request`` DAG by id, the erasure approved through Airflow's REST API as a person
would in *Required actions* (an API server of its own, for the approval only)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import Engine, func, select

from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.requests import RequestType, record_request
from include.governance.tables import TableName

DAG_ID = "subject_request"
APPROVAL_WAIT_S = 600


def record_demo_requests(engine: Engine) -> tuple[int, int]:
    """An access request by the email of the first customer with one, and an erasure by the
    customer number of the last customer with orders: their ids."""
    customers = TableName("crm", "customers").clause("customer_id", "email")
    orders = TableName("sales", "orders").clause("customer_id")
    with engine.connect() as conn:
        email = conn.execute(
            select(customers.c.email)
            .where(customers.c.email.is_not(None))
            .order_by(customers.c.customer_id)
            .limit(1)
        ).scalar()
        customer = conn.execute(select(func.max(orders.c.customer_id))).scalar()
    access = record_request(
        engine,
        request_type=RequestType.ACCESS,
        identifier_kind=IdentifierKind.EMAIL,
        identifier=email,
        case_reference="DEMO-ACCESS",
    )
    erasure = record_request(
        engine,
        request_type=RequestType.ERASURE,
        identifier_kind=IdentifierKind.CUSTOMER_ID,
        identifier=str(customer),
        case_reference="DEMO-ERASURE",
    )
    return access, erasure


def run_approved(command: list[str], log_file: Path) -> bool:
    """Run ``command`` (an ``airflow dags test`` of the DAG) and approve the erasure it waits
    for; True when it succeeded."""
    with _api_server(log_file.with_suffix(".api.log")) as base, log_file.open("w") as out:
        run = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        approved = _approve_when_asked(base, run.poll)
        run.wait()
    return approved and run.returncode == 0


def _approve_when_asked(base: str, finished: Callable[[], int | None]) -> bool:
    deadline = time.monotonic() + APPROVAL_WAIT_S
    while time.monotonic() < deadline and finished() is None:
        waiting = httpx.get(
            f"{base}/api/v2/dags/~/dagRuns/~/hitlDetails",
            params={"dag_id": DAG_ID, "response_received": False},
            timeout=60,
        ).json()["hitl_details"]
        if waiting:
            ti = waiting[0]["task_instance"]
            answer = httpx.patch(
                f"{base}/api/v2/dags/{DAG_ID}/dagRuns/{ti['dag_run_id']}/taskInstances/"
                f"{ti['task_id']}/{ti['map_index']}/hitlDetails",
                json={"chosen_options": ["Approve"]},
                timeout=60,
            )
            return answer.status_code == 200
        time.sleep(1)
    return False


@contextmanager
def _api_server(log_file: Path) -> Iterator[str]:
    """Airflow's API server on a free local port, every user an admin (the demo's own,
    for as long as the approval takes)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS="True")
    with log_file.open("w") as out:
        server = subprocess.Popen(
            ["airflow", "api-server", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(180):
                try:
                    if httpx.get(f"{base}/api/v2/monitor/health", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(1)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=60)
