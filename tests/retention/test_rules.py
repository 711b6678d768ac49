"""Every rule of the policy, not one: a second rule (web sessions kept 13 months) plans,
deletes, proves and is recorded on its own, beside the order history, in one DAG run."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from include.governance.audit import retention_audit, retention_runs
from include.governance.policy import Period, RetentionRule, load_policy
from include.governance.retention import steps
from tests.server_sql import sql

POLICY = load_policy()
AS_OF = date(2026, 11, 24)
WEB_SESSIONS = RetentionRule(
    description="Visits are kept 13 months, for security and to mend the shop.",
    table="web.sessions",
    key="session_id",
    date_column="started_at",
    keep_for=Period(months=13),
    max_delete_share=1.0,
)
TWO_RULES = POLICY.model_copy(
    update={"retention": {**POLICY.retention, "web_sessions": WEB_SESSIONS}}
)


def sessions_before(engine, cutoff: str) -> int:
    with engine.connect() as conn:
        query = f"SELECT count(*) FROM web.sessions WHERE started_at < '{cutoff}'"
        return conn.execute(sql(conn, query)).scalar()


def test_each_rule_runs_on_its_own_in_one_dag_run(warehouse, tmp_path):
    assert steps.rules_to_run(TWO_RULES, None) == ["order_history", "web_sessions"]
    assert sessions_before(warehouse, "2025-10-24") > 0
    outcomes = {}
    for rule in steps.rules_to_run(TWO_RULES, None):
        planned = steps.plan_run(
            warehouse, TWO_RULES, rule, "run-1", logical_date=AS_OF, dry_run=False, max_share=1.0
        )
        execution = steps.delete(warehouse, TWO_RULES, planned, batch_size=50)
        folder = tmp_path / rule
        outcomes[rule] = steps.verify_run(
            warehouse, TWO_RULES, planned, execution=execution, folder=folder
        )
    assert {rule: o["status"] for rule, o in outcomes.items()} == {
        "order_history": "deleted",
        "web_sessions": "deleted",
    }
    assert sessions_before(warehouse, "2025-10-24") == 0
    with warehouse.connect() as conn:
        runs = dict(conn.execute(select(retention_runs.c.run_id, retention_runs.c.rule)).all())
        audited = dict(
            conn.execute(
                select(retention_audit.c.table_name, func.sum(retention_audit.c.rows_deleted))
                .where(retention_audit.c.run_id == "run-1/web_sessions")
                .group_by(retention_audit.c.table_name)
            ).all()
        )
    assert runs == {"run-1/order_history": "order_history", "run-1/web_sessions": "web_sessions"}
    assert set(audited) == {"web.sessions"}
    assert audited["web.sessions"] > 0


def test_a_run_can_name_its_rule_and_an_unknown_one_is_named():
    assert steps.rules_to_run(TWO_RULES, "web_sessions") == ["web_sessions"]
    with pytest.raises(KeyError, match=r"no retention rule 'web_session' \(has: \['order_history'"):
        steps.rules_to_run(TWO_RULES, "web_session")


def test_a_run_id_too_long_to_record_with_its_rule_is_refused():
    with pytest.raises(ValueError, match="too long to record with its rule"):
        steps.plan_run(
            None, TWO_RULES, "order_history", "m" * 240, logical_date=AS_OF, dry_run=True
        )
