"""The anonymisation run's steps without Airflow: what a run that never started, a run that
did not publish, and a run that did, record and report."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from include.governance.anonymise import steps
from include.governance.audit import anonymise_runs
from include.governance.marketing import steps as marketing_steps
from include.governance.policy import load_policy
from include.governance.pseudonym import PseudonymKey

POLICY = load_policy()
RUN_DATE = date(2026, 11, 24)
ANALYTICS = PseudonymKey("analytics", "t-1", b"analytics-secret-of-the-steps-test-0")
MARKETING = PseudonymKey("marketing", "t-1", b"marketing-secret-of-the-steps-test-0")


def status(engine, run_id: str) -> tuple[str, str | None]:
    with engine.connect() as conn:
        run = conn.execute(select(anonymise_runs).where(anonymise_runs.c.run_id == run_id)).one()
    return run.status, run.report_path


def test_a_run_that_never_started_is_said_to_be_so(engine, tmp_path):
    with pytest.raises(steps.RunNotStarted, match="did not start"):
        steps.report(engine, "never", folder=tmp_path)
    assert not (tmp_path / "report.md").exists()


def test_a_run_that_did_not_publish_is_recorded_and_reported_then_fails(demo, tmp_path):
    outputs = steps.start_run(demo, POLICY, "run-1", RUN_DATE, keys=[ANALYTICS, MARKETING])
    with pytest.raises(RuntimeError, match="not published: outputs not built in this run"):
        steps.publish(demo, POLICY, "run-1")
    with pytest.raises(steps.RunFailed, match="not every output was built and published"):
        steps.report(demo, "run-1", folder=tmp_path)
    assert status(demo, "run-1") == ("failed", str(tmp_path / "report.md"))
    report = (tmp_path / "report.md").read_text()
    assert all(output not in report for output in outputs)  # none was built


def test_a_run_of_every_step_publishes_and_reports(demo, tmp_path):
    run = {"run_date": RUN_DATE, "folder": tmp_path}
    outputs = steps.start_run(demo, POLICY, "run-1", RUN_DATE, keys=[ANALYTICS, MARKETING])
    for output in outputs:
        built = steps.build(demo, POLICY, "run-1", output, key=ANALYTICS, **run)
        assert built["failures"] == []
        assert (tmp_path / "data_docs" / output.replace(".", "_") / "index.html").is_file()
    assert steps.publish(demo, POLICY, "run-1") == outputs
    segments = marketing_steps.segments(demo, POLICY, "run-1", key=MARKETING, **run)
    assert segments["k_achieved"] >= POLICY.marketing.k
    assert steps.report(demo, "run-1", folder=tmp_path) == {
        "status": "succeeded",
        "report": str(tmp_path / "report.md"),
    }
    assert status(demo, "run-1") == ("succeeded", str(tmp_path / "report.md"))
