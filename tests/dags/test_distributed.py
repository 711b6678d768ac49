"""The DAGs run the distributed way: a scheduler, a DAG processor, an API server and a
separate Celery worker (Redis as the broker, PostgreSQL for Airflow's metadata), as the
compose file runs them; the inventory and the anonymisation are triggered through the REST
API and succeed, and their reports reach the Governance page although the API server and
the worker share no reports folder."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.slow

PG_SERVER = "postgresql+psycopg2://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/0"
RUN_TIMEOUT_S = 420
# A busy CI machine (the scheduler, worker and API server share 2 cores with the suite)
# has answered a plain GET in over 5 s, httpx's default: allow that, and poll through it.
HTTP_TIMEOUT = httpx.Timeout(60)


@pytest.fixture(scope="module")
def metadata_database() -> Iterator[str]:
    """A PostgreSQL database of its own for Airflow's metadata (Celery needs more than
    SQLite), dropped at the end."""
    name = f"governance_airflow_{os.getpid()}"
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield f"{PG_SERVER}/{name}"
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def cluster(tmp_path_factory, project_airflow_env, pseudonym_keys, metadata_database):
    """Scheduler, DAG processor, API server and Celery worker, each its own process, on a
    Celery queue of this test's own (other workers on the broker never take its tasks)."""
    home = tmp_path_factory.mktemp("distributed")
    port = _free_port()
    queue = f"governance_test_{os.getpid()}"
    env = project_airflow_env(
        home,
        AIRFLOW__CORE__EXECUTOR="CeleryExecutor",
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=metadata_database,
        AIRFLOW__CELERY__BROKER_URL=REDIS,
        AIRFLOW__CELERY__RESULT_BACKEND=f"db+{metadata_database.replace('+psycopg2', '')}",
        AIRFLOW__OPERATORS__DEFAULT_QUEUE=queue,
        AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"http://127.0.0.1:{port}/execution/",
        AIRFLOW__API_AUTH__JWT_SECRET=secrets.token_hex(32),
        AIRFLOW__API__SECRET_KEY=secrets.token_hex(32),
        AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="reviewer:admin",
        AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL="5",
        AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC="2",
        **pseudonym_keys,
    )
    migrated = subprocess.run(["airflow", "db", "migrate"], env=env, capture_output=True)
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    worker_reports, server_reports = home / "worker-reports", home / "server-reports"
    server_reports.mkdir()
    commands = {
        "api-server": (["airflow", "api-server", "--port", str(port)], server_reports),
        "scheduler": (["airflow", "scheduler"], worker_reports),
        "dag-processor": (["airflow", "dag-processor"], worker_reports),
        "worker": (
            ["airflow", "celery", "worker", "--queues", queue, "--concurrency", "2"],
            worker_reports,
        ),
    }
    processes = {}
    try:
        for name, (command, reports) in commands.items():
            log = (home / f"{name}.log").open("w")
            processes[name] = subprocess.Popen(
                command,
                env=dict(env, GOVERNANCE_REPORTS_DIR=str(reports)),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{port}"
        _wait(lambda: _get(f"{base}/api/v2/monitor/health") == 200, "the API server", home)
        yield {"base": base, "home": home, "headers": _login(base, home)}
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
        broker = redis.Redis.from_url(REDIS)  # leave the server as it was: our queue goes
        broker.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
        broker.close()


def test_inventory_and_anonymisation_run_on_a_celery_worker(cluster):
    base, headers, home = cluster["base"], cluster["headers"], cluster["home"]
    for dag_id, logical_date in (
        ("pii_inventory", "2026-11-24T00:00:00Z"),
        ("anonymise_analytics", "2026-11-24T01:00:00Z"),
    ):
        _wait(
            lambda d=dag_id: _get(f"{base}/api/v2/dags/{d}", headers) == 200,
            f"the DAG processor to parse {dag_id}",
            home,
        )
        unpaused = httpx.patch(
            f"{base}/api/v2/dags/{dag_id}",
            json={"is_paused": False},
            headers=headers,
            timeout=HTTP_TIMEOUT,
        )
        assert unpaused.status_code == 200, unpaused.text
        triggered = httpx.post(
            f"{base}/api/v2/dags/{dag_id}/dagRuns",
            json={"logical_date": logical_date, "conf": {}},
            headers=headers,
            timeout=HTTP_TIMEOUT,
        )
        assert triggered.status_code == 200, triggered.text
        run_id = triggered.json()["dag_run_id"]
        state = _wait_for_run(base, headers, dag_id, run_id, home)
        assert state == "success", f"{dag_id} ended {state}; see the logs in {home}"
    worker_log = (home / "worker.log").read_text()
    assert "pii_inventory" in worker_log  # the tasks ran on the Celery worker
    page = httpx.get(f"{base}/governance/", headers=headers, timeout=HTTP_TIMEOUT)
    assert page.status_code == 200
    links = [
        part.split('"')[0]
        for part in page.text.split('href="')[1:]
        if part.startswith("/governance/reports/pii_inventory/")
    ]
    for name, title in (
        ("report.html", "Personal-data inventory"),
        ("record_of_processing.html", "Record of processing activities"),
    ):
        link = next(link for link in links if link.endswith(f"/{name}"))
        served = httpx.get(base + link, headers=headers, timeout=HTTP_TIMEOUT)
        assert served.status_code == 200  # the server's own folder is empty: from the warehouse
        assert title in served.text


def _wait_for_run(base: str, headers: dict, dag_id: str, run_id: str, home: Path) -> str:
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            run = httpx.get(
                f"{base}/api/v2/dags/{dag_id}/dagRuns/{run_id}",
                headers=headers,
                timeout=HTTP_TIMEOUT,
            )
        except httpx.TimeoutException:
            continue  # the run goes on; ask again
        state = run.json().get("state")
        if state in ("success", "failed"):
            return state
        time.sleep(3)
    pytest.fail(f"{dag_id} did not finish in {RUN_TIMEOUT_S} s; see the logs in {home}")


def _wait(ready, what: str, home: Path, seconds: int = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(2)
    pytest.fail(f"waited {seconds} s for {what}; see the logs in {home}")


def _get(url: str, headers: dict | None = None) -> int | None:
    try:
        return httpx.get(url, headers=headers, timeout=HTTP_TIMEOUT).status_code
    except httpx.TransportError:
        return None


def _login(base: str, home: Path) -> dict[str, str]:
    passwords = json.loads((home / "simple_auth_manager_passwords.json.generated").read_text())
    token = httpx.post(
        f"{base}/auth/token",
        json={"username": "reviewer", "password": passwords["reviewer"]},
        timeout=HTTP_TIMEOUT,
    ).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
