"""Airflow of its own for the DAG tests: a migrated home, the project's DAGs and plugins, a
demo warehouse, the command run in it, and ``airflow standalone`` for the browser tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from include.demo.load import build_demo_warehouse
from include.governance.warehouse import create_warehouse_engine
from tests.dags.browser import CHROMIUM

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


@pytest.fixture(scope="module")
def airflow_ui(tmp_path_factory) -> Iterator[dict[str, str]]:
    """``airflow standalone`` (scheduler, DAG processor, triggerer, UI) on a free local port,
    its DAGs paused until someone unpauses them, and the reviewer (an admin) who signs in."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: run make test (scripts/test-prerequisites installs it)")
    home = tmp_path_factory.mktemp("standalone")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = _project_airflow_env(
        home,
        AIRFLOW__API__PORT=str(port),
        AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"http://127.0.0.1:{port}/execution/",
        AIRFLOW__CORE__PARALLELISM="4",
        AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="True",
        AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="reviewer:admin",
        **_PSEUDONYM_KEYS,  # the outputs' keys, which a subject request's find reads
    )
    log = (home / "standalone.log").open("w")
    server = subprocess.Popen(
        ["airflow", "standalone"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(180):
            passwords = home / "simple_auth_manager_passwords.json.generated"
            try:
                up = httpx.get(f"{base}/api/v2/monitor/health", timeout=2).status_code == 200
            except httpx.TransportError:
                up = False
            if up and passwords.exists():
                break
            time.sleep(1)
        else:
            pytest.fail(f"airflow standalone did not start; see {home / 'standalone.log'}")
        password = json.loads(passwords.read_text())["reviewer"]
        yield {
            "base": base,
            "user": "reviewer",
            "password": password,
            "warehouse_url": env["WAREHOUSE_URL"],
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()


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
