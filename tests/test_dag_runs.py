"""DAGs run end to end in Airflow (``airflow dags test``) on a SQLite demo warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from include.demo.load import build_demo_warehouse
from include.demo.schema import SEEDED_PERSONAL_DATA
from include.governance.audit import pii_columns, pii_scan_runs
from include.governance.warehouse import create_warehouse_engine

ROOT = Path(__file__).parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def airflow_env(tmp_path_factory) -> dict[str, str]:
    """A migrated Airflow home of its own, the project's DAGs, and a demo warehouse."""
    home = tmp_path_factory.mktemp("airflow")
    warehouse = home / "warehouse" / "warehouse.db"
    env = dict(
        os.environ,
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(ROOT / "dags"),
        AIRFLOW__CORE__PLUGINS_FOLDER=str(ROOT / "plugins"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        PYTHONPATH=str(ROOT),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        WAREHOUSE_URL=f"sqlite:///{warehouse}",
        GOVERNANCE_REPORTS_DIR=str(home / "reports"),
    )
    env.pop("AIRFLOW_CONN_WAREHOUSE", None)
    subprocess.run(["airflow", "db", "migrate"], env=env, check=True, capture_output=True)
    build_demo_warehouse(create_warehouse_engine(env["WAREHOUSE_URL"]), 300, 42, date(2026, 11, 24))
    return env


def airflow(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["airflow", *args], env=env, capture_output=True, text=True, check=False)


def test_inventory_dag_builds_the_register_and_logs_no_personal_data(airflow_env):
    run = airflow(airflow_env, "dags", "test", "pii_inventory", "2026-11-24")
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-3000:]

    engine = create_warehouse_engine(airflow_env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        registered = conn.execute(select(func.count()).select_from(pii_columns)).scalar()
        scan = conn.execute(select(pii_scan_runs)).one()
        personal = conn.execute(
            text("SELECT first_name, last_name, email, mobile, national_id FROM crm.customers")
        ).all()
    assert registered == len(SEEDED_PERSONAL_DATA)
    assert scan.status == "succeeded"
    assert scan.scanned_at.date() == date(2026, 11, 24)
    report = Path(scan.report_path)
    assert report.is_file()
    assert report.with_suffix(".html").is_file()
    assert report.is_relative_to(airflow_env["GOVERNANCE_REPORTS_DIR"])

    values = {v for row in personal for v in row if v and len(v) >= 6}
    assert len(values) > 500
    assert {v for v in values if v in output} == set()
    assert "13 tables to scan in 13 tasks" in output
