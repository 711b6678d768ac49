"""What the DAGs take from Airflow: nothing deletes by itself. A scheduled retention run is
a dry run, and says why, until the Airflow variable switches scheduled deletes on; a run
triggered by hand is what its form says; and every DAG starts paused."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from airflow.sdk.exceptions import AirflowFailException

from include.airflow_support import pseudonym_key, retention_dry_run, task_slots

ROOT = Path(__file__).parents[1]

SWITCH = "AIRFLOW_VAR_RETENTION_SCHEDULED_DELETES"


@pytest.mark.parametrize("value", [None, "false", "yes", ""])
def test_a_scheduled_run_is_a_dry_run_until_switched_on(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(SWITCH, raising=False)
    else:
        monkeypatch.setenv(SWITCH, value)
    dry_run, why = retention_dry_run(SimpleNamespace(run_type="scheduled"), requested=False)
    assert dry_run is True
    assert "retention_scheduled_deletes" in why


@pytest.mark.parametrize("value", ["true", " True "])
def test_a_scheduled_run_deletes_once_switched_on(monkeypatch, value):
    monkeypatch.setenv(SWITCH, value)
    assert retention_dry_run(SimpleNamespace(run_type="scheduled"), requested=True) == (
        False,
        None,
    )


@pytest.mark.parametrize("requested", [True, False])
def test_a_run_by_hand_is_what_its_form_says_whatever_the_switch(monkeypatch, requested):
    monkeypatch.setenv(SWITCH, "true")
    assert retention_dry_run(SimpleNamespace(run_type="manual"), requested) == (requested, None)
    monkeypatch.delenv(SWITCH)
    assert retention_dry_run(SimpleNamespace(run_type="manual"), requested) == (requested, None)


DEMO_KEY = "demo-1:demo-analytics-secret-not-for-real-data"  # the Makefile's, public
TEST_KEY = "t-1:analytics-secret-of-the-dag-test-000"  # tests/dags/conftest.py's, public
STRONG_KEY = "v7:" + "9f1c2e7a5b3d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6"
KEY_VARIABLE = "AIRFLOW_VAR_PSEUDONYM_SECRET_ANALYTICS"


@pytest.mark.parametrize("value", [DEMO_KEY, TEST_KEY, "v1:" + "a" * 32, "v1:" + "ab" * 20])
def test_a_public_or_guessable_key_is_refused_beside_a_real_warehouse(monkeypatch, value):
    monkeypatch.setenv("WAREHOUSE_URL", "postgresql://governance@warehouse.example/shop")
    monkeypatch.setenv(KEY_VARIABLE, value)
    with pytest.raises(AirflowFailException) as refused:
        pseudonym_key("analytics")
    message = str(refused.value)
    assert "analytics key" in message
    assert value.split(":", 1)[1] not in message  # names the problem, never the secret


@pytest.mark.parametrize("value", [DEMO_KEY, TEST_KEY])
def test_the_demo_keys_work_on_the_embedded_demo_warehouse(monkeypatch, tmp_path, value):
    monkeypatch.setenv("WAREHOUSE_URL", f"sqlite:///{tmp_path}/warehouse.db")
    monkeypatch.setenv(KEY_VARIABLE, value)
    assert pseudonym_key("analytics").version == value.split(":")[0]


def test_a_strong_key_of_ones_own_works_anywhere(monkeypatch):
    monkeypatch.setenv("WAREHOUSE_URL", "mysql://root@127.0.0.1/shop")
    monkeypatch.setenv(KEY_VARIABLE, STRONG_KEY)
    assert pseudonym_key("analytics").version == "v7"


def test_the_demo_keys_reach_the_demo_only():
    """The Makefile sets the public keys for `make demo` only: `make airflow` and every other
    target use the keys set in Airflow (an environment variable would beat them)."""
    database = subprocess.run(
        ["make", "-n", "-p", "demo"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    setting = re.compile(r"^(?:(\S+): )?(?:export )?AIRFLOW_VAR_PSEUDONYM_SECRET_\w+ \S?=", re.M)
    targets = [m.group(1) for m in setting.finditer(database)]
    assert targets
    assert set(targets) == {"demo"}


@pytest.mark.parametrize(
    ("parallelism", "max_active_tasks", "per_dag", "slots"),
    [(4, 16, None, 4), (32, 3, None, 3), (32, 16, 2, 2), (1, 16, None, 1)],
)
def test_task_slots_are_the_smallest_limit_airflow_shows_a_task(
    monkeypatch, parallelism, max_active_tasks, per_dag, slots
):
    """Airflow's parallelism, the DAG's max_active_tasks and the task's own limit, read
    from the configuration and the DAG as a running task sees them."""
    from airflow.sdk import DAG, task

    monkeypatch.setenv("AIRFLOW__CORE__PARALLELISM", str(parallelism))
    with DAG("slots_test", schedule=None, max_active_tasks=max_active_tasks) as dag:

        @task(max_active_tis_per_dag=per_dag)
        def scan(): ...

        scan()
    assert task_slots(dag, "scan") == slots
