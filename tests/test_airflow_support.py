"""What the DAGs take from Airflow: nothing deletes by itself. A scheduled retention run is
a dry run, and says why, until the Airflow variable switches scheduled deletes on; a run
triggered by hand is what its form says; and every DAG starts paused."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from include.airflow_support import retention_dry_run

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
