"""The retention run's steps without Airflow: a refused run deletes nothing and says so, a
dry run plans and reports only, a real run deletes, proves and reports, and a proof that
fails fails the run after recording it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, delete, func, select, text

from include.governance.audit import retention_audit, retention_runs
from include.governance.policy import load_policy
from include.governance.retention import steps
from include.governance.retention.plan import RetentionRefused

POLICY = load_policy()
AS_OF = date(2026, 11, 24)
TABLES = ["sales.orders", "sales.order_lines", "sales.payments", "sales.shipments", "sales.claims"]


def rows(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


def recorded(engine: Engine, run_id: str):
    with engine.connect() as conn:
        return conn.execute(select(retention_runs).where(retention_runs.c.run_id == run_id)).one()


def plan(engine: Engine, run_id: str, *, dry_run: bool, max_share: float | None = None) -> dict:
    return steps.plan_run(
        engine,
        POLICY,
        "order_history",
        run_id,
        logical_date=AS_OF,
        dry_run=dry_run,
        max_share=max_share,
    )


def test_a_real_run_past_the_guard_is_refused_recorded_and_deletes_nothing(warehouse):
    before = rows(warehouse)
    with pytest.raises(RetentionRefused, match=r"more than the 5\.0% one run may delete"):
        plan(warehouse, "run-1", dry_run=False)
    assert recorded(warehouse, "run-1").status == "refused"
    assert rows(warehouse) == before


def test_a_dry_run_past_the_guard_plans_and_reports_only(warehouse, tmp_path, caplog):
    before = rows(warehouse)
    planned = plan(warehouse, "dry-1", dry_run=True)
    assert "a real run would be refused" in caplog.text
    assert planned["dry_run"] is True
    assert planned["plan"]["to_delete"] > 0
    assert steps.delete(warehouse, POLICY, "dry-1", planned, batch_size=100) is None
    outcome = steps.verify_run(warehouse, POLICY, "dry-1", planned, execution=None, folder=tmp_path)
    assert outcome == {"status": "planned", "report": str(tmp_path / "report.md")}
    assert (
        "DRY RUN" in (tmp_path / "report.md").read_text()
        or "dry run" in (tmp_path / "report.md").read_text().lower()
    )
    assert recorded(warehouse, "dry-1").status == "planned"
    assert rows(warehouse) == before


def test_a_real_run_deletes_reclaims_proves_and_reports(warehouse, tmp_path):
    planned = plan(warehouse, "run-1", dry_run=False, max_share=1.0)
    execution = steps.delete(warehouse, POLICY, "run-1", planned, batch_size=100)
    assert execution["rows"]["sales.orders"] == planned["plan"]["to_delete"]
    emptied = {t for t, n in execution["rows"].items() if n}
    statements = execution["reclaimed"]
    if warehouse.dialect.name == "postgresql":
        assert statements == [f"VACUUM (ANALYZE) {t}" for t in TABLES if t in emptied]
    else:
        assert statements == ["VACUUM sales"]
    outcome = steps.verify_run(
        warehouse, POLICY, "run-1", planned, execution=execution, folder=tmp_path
    )
    assert outcome["status"] == "deleted"
    run = recorded(warehouse, "run-1")
    assert run.status == "deleted"
    assert run.deleted == execution["rows"]
    assert run.checks
    assert all(check["success"] for check in run.checks)
    assert (tmp_path / "data_docs" / "index.html").is_file()


def test_a_proof_that_fails_is_recorded_then_fails_the_run(warehouse, tmp_path):
    planned = plan(warehouse, "run-1", dry_run=False, max_share=1.0)
    execution = steps.delete(warehouse, POLICY, "run-1", planned, batch_size=100)
    with warehouse.begin() as conn:  # an audit row lost: the audit no longer reconciles
        first = conn.execute(select(func.min(retention_audit.c.batch_no))).scalar()
        conn.execute(delete(retention_audit).where(retention_audit.c.batch_no == first))
    with pytest.raises(
        steps.RetentionChecksFailed,
        match=r"the audit counts as many deleted rows of sales\.orders as keys recorded",
    ):
        steps.verify_run(warehouse, POLICY, "run-1", planned, execution=execution, folder=tmp_path)
    run = recorded(warehouse, "run-1")
    assert run.status == "failed checks"
    assert run.report_path == str(tmp_path / "report.md")
    assert not all(check["success"] for check in run.checks)
