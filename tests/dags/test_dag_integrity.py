"""DAG files: each imports cleanly, documents itself, and surfaces a broken policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from airflow.dag_processing.dagbag import DagBag

DAGS = Path(__file__).parents[2] / "dags"
DAG_FILES = sorted(p for p in DAGS.glob("*.py") if not p.name.startswith("_"))


@pytest.fixture(scope="module")
def dagbag() -> DagBag:
    return DagBag(dag_folder=str(DAGS))


def test_there_are_dag_files():
    assert DAG_FILES


def test_every_dag_file_imports_without_errors(dagbag):
    assert dagbag.import_errors == {}
    files = {Path(dag.fileloc).name for dag in dagbag.dags.values()}
    assert files == {p.name for p in DAG_FILES}


def test_every_dag_is_documented_and_its_params_have_titles(dagbag):
    for dag in dagbag.dags.values():
        assert dag.doc_md, dag.dag_id
        assert "privacy policy" in dag.doc_md, dag.dag_id
        for name in dag.params:
            param = dag.params.get_param(name)
            assert param.schema.get("title"), f"{dag.dag_id}.{name}"
            assert param.description, f"{dag.dag_id}.{name}"


def test_a_broken_policy_is_an_import_error_naming_the_problem(tmp_path, monkeypatch):
    policy = Path(__file__).parents[2] / "include" / "policy.yml"
    broken = tmp_path / "policy.yml"
    broken.write_text(policy.read_text().replace("    key: customer_id\n", "", 1))
    monkeypatch.setenv("GOVERNANCE_POLICY_FILE", str(broken))
    errors = DagBag(dag_folder=str(DAGS)).import_errors
    assert set(errors) == {str(p) for p in DAG_FILES}
    for message in errors.values():
        assert f"invalid privacy policy {broken}" in message
        assert "tables[crm.customers].key: required but missing" in message


def test_nothing_deletes_by_itself(dagbag):
    """The retention DAG starts paused wherever it is deployed, and `make airflow` leaves
    Airflow's default (every new DAG paused) alone."""
    assert dagbag.dags["order_history_retention"].is_paused_upon_creation is True
    makefile = (DAGS.parent / "Makefile").read_text()
    assert "DAGS_ARE_PAUSED_AT_CREATION" not in makefile


def test_the_leak_check_is_the_inventory_of_the_output_schemas_weekly(dagbag):
    inventory, leak_check = dagbag.dags["pii_inventory"], dagbag.dags["pii_leak_check"]
    assert [t.task_id for t in leak_check.tasks] == [t.task_id for t in inventory.tasks]
    assert (inventory.schedule, leak_check.schedule) == ("@daily", "@weekly")
    assert leak_check.params["include_schemas"] == ["analytics", "marketing"]
    assert inventory.params["include_schemas"] == []
    assert (inventory.params["fail_on_leaks"], leak_check.params["fail_on_leaks"]) == (False, True)
    assert inventory.get_task("finish").outlets  # the anonymisation waits on the inventory
    assert not leak_check.get_task("finish").outlets  # not on the leak check
