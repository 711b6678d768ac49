"""The subject_request DAG in Airflow (``airflow dags test``): given a request id only, it
finds the person and writes their access package; their identifier appears in no log, no
XCom and no conf that Airflow keeps."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

from include.governance.audit import subject_packages, subject_requests
from include.governance.warehouse import create_warehouse_engine

pytestmark = pytest.mark.slow


def test_an_access_request_is_answered_and_its_identifier_stays_out_of_airflow(
    airflow_env, airflow, pseudonym_keys
):
    airflow_env = dict(airflow_env, **pseudonym_keys)
    engine = create_warehouse_engine(airflow_env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        email, mobile = conn.execute(
            text(
                "SELECT email, mobile FROM crm.customers WHERE email IS NOT NULL"
                " AND mobile IS NOT NULL ORDER BY customer_id LIMIT 1"
            )
        ).one()
    recorded = subprocess.run(
        [
            sys.executable,
            "-m",
            "include.governance.subjects.record",
            "--type",
            "access",
            "--kind",
            "email",
            "--case",
            "CASE-7",
        ],
        input=email.upper() + "\n",
        env=airflow_env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert recorded.returncode == 0, recorded.stderr
    assert email not in recorded.stdout + recorded.stderr
    request_id = int(recorded.stdout.split()[1].rstrip(":"))

    run = airflow(
        airflow_env, "dags", "test", "subject_request", "-c", f'{{"request_id": {request_id}}}'
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-3000:]
    with engine.connect() as conn:
        status = conn.execute(
            select(subject_requests.c.status).where(subject_requests.c.request_id == request_id)
        ).scalar_one()
        files = set(
            conn.execute(
                select(subject_packages.c.name).where(subject_packages.c.request_id == request_id)
            ).scalars()
        )
    assert status == "answered"
    assert {"summary.md", "summary.html", "crm.customers.json", "sales.orders.json"} <= files
    assert "crm.customers: 1 rows" in output
    # Airflow's own records of the run: its metadata database and its task logs
    kept = output + _metadata_text(Path(airflow_env["AIRFLOW_HOME"]) / "airflow.db")
    kept += "".join(
        p.read_text(errors="replace") for p in Path(airflow_env["AIRFLOW_HOME"]).rglob("*.log")
    )
    digits = "".join(c for c in mobile if c.isdigit())[-8:]
    for value in (email, email.upper(), email.lower(), digits):
        assert value not in kept


def _metadata_text(path: Path) -> str:
    """Every text and blob of every table of Airflow's SQLite metadata database."""
    out = []
    with sqlite3.connect(path) as db:
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in db.execute(f'SELECT * FROM "{table}"'):
                out += [
                    v.decode(errors="replace") if isinstance(v, bytes) else str(v)
                    for v in row
                    if v is not None
                ]
    return "\n".join(out)
