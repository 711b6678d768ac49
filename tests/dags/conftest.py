"""Airflow of its own for the DAG tests: a migrated home, the project's DAGs and plugins, a
demo warehouse, and the command run in it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from include.demo.load import build_demo_warehouse
from include.governance.warehouse import create_warehouse_engine

ROOT = Path(__file__).parents[2]
# Keys for the anonymisation DAG in Airflow runs (the Makefile's are for the demo).
_PSEUDONYM_KEYS = {
    "AIRFLOW_VAR_PSEUDONYM_SECRET_ANALYTICS": "t-1:analytics-secret-of-the-dag-test-000",
    "AIRFLOW_VAR_PSEUDONYM_SECRET_MARKETING": "t-1:marketing-secret-of-the-dag-test-000",
}


@pytest.fixture(scope="module")
def airflow_env(tmp_path_factory) -> dict[str, str]:
    """A migrated Airflow home of its own, the project's DAGs, and a demo warehouse."""
    home = tmp_path_factory.mktemp("airflow")
    env = _project_airflow_env(home)
    subprocess.run(["airflow", "db", "migrate"], env=env, check=True, capture_output=True)
    return env


@pytest.fixture
def pseudonym_keys() -> dict[str, str]:
    """Keys for the anonymisation DAG, as the environment variables Airflow reads."""
    return dict(_PSEUDONYM_KEYS)


@pytest.fixture
def airflow() -> Callable[..., subprocess.CompletedProcess]:
    """Runs the ``airflow`` command in a test's Airflow home: ``airflow(env, *args)``."""

    def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["airflow", *args], env=env, capture_output=True, text=True, check=False
        )

    return run


@pytest.fixture(scope="module")
def project_airflow_env() -> Callable[..., dict[str, str]]:
    """Makes the environment of an Airflow of its own: ``project_airflow_env(home, **settings)``."""
    return _project_airflow_env


def _project_airflow_env(home: Path, **settings: str) -> dict[str, str]:
    """The environment of an Airflow of its own in ``home``: the project's DAGs and plugins,
    and a demo warehouse (300 customers) in a SQLite file there."""
    env = dict(
        os.environ,
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(ROOT / "dags"),
        AIRFLOW__CORE__PLUGINS_FOLDER=str(ROOT / "plugins"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        PYTHONPATH=str(ROOT),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        WAREHOUSE_URL=f"sqlite:///{home}/warehouse/warehouse.db",
        GOVERNANCE_REPORTS_DIR=str(home / "reports"),
        **settings,
    )
    env.pop("AIRFLOW_CONN_WAREHOUSE", None)
    build_demo_warehouse(create_warehouse_engine(env["WAREHOUSE_URL"]), 300, 42, date(2026, 11, 24))
    return env
