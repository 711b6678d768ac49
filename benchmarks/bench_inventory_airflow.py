"""The inventory end to end through Airflow: the pii_inventory DAG over 1,000 tables.

The warehouse of bench_inventory.py (built once, reused) is scanned by the real DAG, with
its default params, under ``airflow standalone`` (scheduler, dag-processor, triggerer, API
server) with LocalExecutor and parallelism 4, in an Airflow home of its own in a temporary
folder and a metadata database of its own on PostgreSQL (``governance_bench_airflow``,
made anew each run and dropped after; no other database is touched). Prints the wall time
from the trigger to the run's success beside the library's own scan of the same tables
(bench_inventory.py's, run first) and the target, and how the run was split into tasks.

    python benchmarks/bench_inventory_airflow.py [--url URL] [--tables 1000]
        [--parallelism 4] [--no-library] [--keep-home]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from benchmarks.bench_inventory import DEFAULT_URL, ensure_warehouse, library_scan

ROOT = Path(__file__).resolve().parents[1]
SERVER = "postgresql+psycopg2://postgres@127.0.0.1:5432"
METADATA_DATABASE = "governance_bench_airflow"
DAG_ID = "pii_inventory"
TARGET_SECONDS = 120
BASELINE = "11 min 50 s with one table per task (issue 16)"
READY_TIMEOUT, RUN_TIMEOUT = 300, 1800  # seconds


def fresh_metadata_database() -> str:
    """The benchmark's own metadata database, made anew (only it is ever dropped)."""
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {METADATA_DATABASE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {METADATA_DATABASE}"))
    admin.dispose()
    return f"{SERVER}/{METADATA_DATABASE}"


def drop_metadata_database() -> None:
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {METADATA_DATABASE} WITH (FORCE)"))
    admin.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def airflow_env(home: Path, metadata_url: str, warehouse_url: str, parallelism: int) -> dict:
    """Airflow of its own: the project's DAGs, LocalExecutor, no runs by schedule (only the
    triggered one), the API server on a free port (and the tasks told where it is)."""
    port = free_port()
    return dict(
        os.environ,
        AIRFLOW_HOME=str(home),
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=metadata_url,
        AIRFLOW__CORE__EXECUTOR="LocalExecutor",
        AIRFLOW__CORE__PARALLELISM=str(parallelism),
        AIRFLOW__CORE__DAGS_FOLDER=str(ROOT / "dags"),
        AIRFLOW__CORE__PLUGINS_FOLDER=str(ROOT / "plugins"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE="False",
        AIRFLOW__API__PORT=str(port),
        AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"http://localhost:{port}/execution/",
        # a task's calls to the API server wait longer than 5 s on a machine shared with
        # other work (the first answers slowly), rather than fail the task
        AIRFLOW__WORKERS__EXECUTION_API_TIMEOUT="60",
        AIRFLOW__LOGGING__LOGGING_LEVEL="WARNING",
        AIRFLOW_CONN_WAREHOUSE=warehouse_url.replace("postgresql://", "postgres://", 1),
        GOVERNANCE_REPORTS_DIR=str(home / "reports"),
        PYTHONPATH=str(ROOT),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    )


def airflow(env: dict, *args: str) -> str:
    run = subprocess.run(["airflow", *args], env=env, capture_output=True, text=True)
    if run.returncode:
        raise RuntimeError(f"airflow {' '.join(args)} failed:\n{run.stderr[-2000:]}")
    return run.stdout


def wait_for(what: str, query: str, timeout: float, metadata, params=None):
    """Poll the metadata database until ``query`` gives a row; that row."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with metadata.connect() as conn:
            row = conn.execute(text(query), params or {}).first()
        if row is not None:
            return row
        time.sleep(1)
    raise TimeoutError(f"{what}: nothing after {timeout} s")


def wait_for_api(execution_api: str, timeout: float) -> None:
    """Until the API server answers tasks (its first answer is slow), so that the run's
    time is the DAG's and not the server's start."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{execution_api}health", timeout=30).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise TimeoutError(f"the API server did not answer in {timeout} s")


def run_dag(env: dict, home: Path) -> dict:
    """Start Airflow, trigger the DAG once it is parsed, wait for the run to end; its
    timings and tasks. Airflow is stopped (its process group) whatever happens."""
    metadata = create_engine(env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"])
    log = (home / "standalone.log").open("w")
    server = subprocess.Popen(
        ["airflow", "standalone"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=home,
        start_new_session=True,
    )  # fmt: skip
    try:
        wait_for(
            "the DAG parsed",
            "SELECT 1 FROM serialized_dag WHERE dag_id = :d",
            READY_TIMEOUT,
            metadata,
            {"d": DAG_ID},
        )
        wait_for_api(env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"], READY_TIMEOUT)
        airflow(env, "dags", "unpause", DAG_ID)
        triggered = time.monotonic()
        # a full scan: after the library's scan of the same tables every one would be carried
        airflow(env, "dags", "trigger", DAG_ID, "--conf", json.dumps({"full_scan": True}))
        run = wait_for(
            "the run finished",
            "SELECT run_id, state, queued_at, start_date, end_date FROM dag_run "
            "WHERE dag_id = :d AND state IN ('success', 'failed')",
            RUN_TIMEOUT,
            metadata,
            {"d": DAG_ID},
        )
        wall = time.monotonic() - triggered
        with metadata.connect() as conn:
            durations = (
                conn.execute(
                    text(
                        "SELECT duration FROM task_instance WHERE dag_id = :d AND run_id = :r "
                        "AND task_id = 'scan' ORDER BY map_index"
                    ),
                    {"d": DAG_ID, "r": run.run_id},
                )
                .scalars()
                .all()
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
        metadata.dispose()
    return {
        "state": run.state,
        "wall": wall,
        "queued_to_end": (run.end_date - run.queued_at).total_seconds(),
        "scan_tasks": len(durations),
        "scan_task_median": statistics.median(d for d in durations if d is not None)
        if any(d is not None for d in durations)
        else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--parallelism", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="the library scan's processes")
    parser.add_argument("--no-library", action="store_true", help="skip the library scan")
    parser.add_argument("--keep-home", action="store_true", help="keep the Airflow home")
    args = parser.parse_args()
    ensure_warehouse(args.url, args.tables)
    library = None if args.no_library else library_scan(args.url, args.workers).wall

    home = Path(tempfile.mkdtemp(prefix="bench_inventory_airflow_"))
    try:
        env = airflow_env(home, fresh_metadata_database(), args.url, args.parallelism)
        airflow(env, "db", "migrate")
        result = run_dag(env, home)
    finally:
        drop_metadata_database()
        if args.keep_home:
            print(f"Airflow home kept: {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)

    median = result["scan_task_median"]
    print(
        f"{DAG_ID} through Airflow (LocalExecutor, parallelism {args.parallelism}), "
        f"{args.tables} tables: {result['state']} in {result['wall']:.1f} s from trigger to "
        f"end ({result['queued_to_end']:.1f} s queued to end); {result['scan_tasks']} scan "
        f"tasks" + (f", median {median:.1f} s each" if median is not None else "")
    )
    if library is not None:
        print(f"the library's scan of the same tables ({args.workers} workers): {library:.1f} s")
    met = result["state"] == "success" and result["wall"] <= TARGET_SECONDS
    print(
        f"baseline: {BASELINE}; target: {args.tables} tables in <= {TARGET_SECONDS} s:",
        "met" if met else "NOT met",
    )


if __name__ == "__main__":
    main()
