"""The retention run's steps without Airflow: a refused run deletes nothing and says so, a
dry run plans and reports only, a real run deletes, proves and reports, and a proof that
fails fails the run after recording it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, delete, func, insert, select

from include.governance.audit import legal_holds, retention_audit, retention_runs
from include.governance.overview import governance_overview
from include.governance.policy import load_policy
from include.governance.retention import steps
from include.governance.retention.plan import RetentionRefused
from tests.server_sql import sql

POLICY = load_policy()
AS_OF = date(2026, 11, 24)
TABLES = ["sales.orders", "sales.order_lines", "sales.payments", "sales.shipments", "sales.claims"]


def rows(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(sql(conn, f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


def recorded(engine: Engine, dag_run_id: str):
    """The record of the order-history rule's run in the DAG run ``dag_run_id``."""
    run_id = f"{dag_run_id}/order_history"
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
    assert steps.delete(warehouse, POLICY, planned, batch_size=100) is None
    outcome = steps.verify_run(warehouse, POLICY, planned, execution=None, folder=tmp_path)
    assert outcome == {"status": "planned", "report": str(tmp_path / "report.md")}
    assert (
        "DRY RUN" in (tmp_path / "report.md").read_text()
        or "dry run" in (tmp_path / "report.md").read_text().lower()
    )
    assert recorded(warehouse, "dry-1").status == "planned"
    assert rows(warehouse) == before


def test_a_real_run_deletes_reclaims_proves_and_reports(warehouse, tmp_path):
    planned = plan(warehouse, "run-1", dry_run=False, max_share=1.0)
    execution = steps.delete(warehouse, POLICY, planned, batch_size=100)
    assert execution["rows"]["sales.orders"] == planned["plan"]["to_delete"]
    emptied = {t for t, n in execution["rows"].items() if n}
    statements = execution["reclaimed"]
    expected = {
        "postgresql": [f"VACUUM (ANALYZE) {t}" for t in TABLES if t in emptied],
        "sqlite": ["VACUUM sales"],
        "mysql": [],  # InnoDB reuses the space on its own
    }
    assert statements == expected[warehouse.dialect.name]
    outcome = steps.verify_run(warehouse, POLICY, planned, execution=execution, folder=tmp_path)
    assert outcome["status"] == "deleted"
    run = recorded(warehouse, "run-1")
    assert run.status == "deleted"
    assert run.deleted == execution["rows"]
    assert run.checks
    assert all(check["success"] for check in run.checks)
    assert (tmp_path / "data_docs" / "index.html").is_file()


def test_a_proof_that_fails_is_recorded_then_fails_the_run(warehouse, tmp_path):
    planned = plan(warehouse, "run-1", dry_run=False, max_share=1.0)
    execution = steps.delete(warehouse, POLICY, planned, batch_size=100)
    with warehouse.begin() as conn:  # an audit row lost: the audit no longer reconciles
        first = conn.execute(select(func.min(retention_audit.c.batch_no))).scalar()
        conn.execute(delete(retention_audit).where(retention_audit.c.batch_no == first))
    with pytest.raises(
        steps.RetentionChecksFailed,
        match=r"the audit counts as many deleted rows of sales\.orders as keys recorded",
    ):
        steps.verify_run(warehouse, POLICY, planned, execution=execution, folder=tmp_path)
    run = recorded(warehouse, "run-1")
    assert run.status == "failed checks"
    assert run.report_path == str(tmp_path / "report.md")
    assert not all(check["success"] for check in run.checks)


def test_the_share_guard_holds_again_when_the_deletes_start(warehouse):
    """Rows that became deletable after the plan (here: claims closed) count when the
    deletes start; past the limit nothing is deleted."""
    dry = plan(warehouse, "dry", dry_run=True)["plan"]
    share = dry["to_delete"] / dry["total_rows"]
    planned = plan(warehouse, "run-1", dry_run=False, max_share=share)  # exactly at the limit
    with warehouse.begin() as conn:
        conn.execute(sql(conn, "UPDATE sales.claims SET status = 'closed'"))
    before = rows(warehouse)
    with pytest.raises(RetentionRefused, match="when the deletes started"):
        steps.delete(warehouse, POLICY, planned, batch_size=100)
    assert rows(warehouse) == before
    assert recorded(warehouse, "run-1").status == "refused"


def test_legal_holds_match_in_any_case_or_padding_and_say_when_they_match_nothing(warehouse):
    dry = plan(warehouse, "dry", dry_run=True)["plan"]
    orders = sql(
        warehouse,
        "SELECT min(order_id) FROM sales.orders WHERE ordered_at < :cutoff AND order_id NOT IN "
        "(SELECT order_id FROM sales.claims WHERE status = 'open')",
    )
    now = datetime.now(UTC)
    with warehouse.begin() as conn:
        held = conn.execute(orders, {"cutoff": dry["cutoff"][:10]}).scalar()
        holds = [("Sales.Orders ", f" {held}", "C-1"), ("sales.orders", "nothing", "C-2")]
        for table_name, key, case in holds:
            conn.execute(
                insert(legal_holds).values(
                    table_name=table_name, key_value=key, case_reference=case, placed_at=now
                )
            )
    planned = plan(warehouse, "run-1", dry_run=False, max_share=1.0)
    assert planned["plan"]["held"]["legal_hold"] == 1
    warning = "1 unreleased legal holds on sales.orders name a key it does not have"
    assert any(warning in w for w in planned["plan"]["warnings"])
    steps.delete(warehouse, POLICY, planned, batch_size=100)
    with warehouse.connect() as conn:
        kept = conn.execute(sql(conn, f"SELECT count(*) FROM sales.orders WHERE order_id = {held}"))
        assert kept.scalar() == 1


def test_the_overview_totals_what_every_run_for_a_cutoff_deleted(warehouse, tmp_path):
    planned = plan(warehouse, "run-1", dry_run=False, max_share=1.0)
    execution = steps.delete(warehouse, POLICY, planned, batch_size=100)
    steps.verify_run(warehouse, POLICY, planned, execution=execution, folder=tmp_path)
    totals = {
        (t["table_name"], t["action"]): (t["rows"], t["runs"])
        for t in governance_overview(warehouse)["retention_totals"]
    }
    assert totals[("sales.orders", "deleted")] == (execution["rows"]["sales.orders"], 1)
    assert {table for table, _ in totals} == set(execution["rows"])
