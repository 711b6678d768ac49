"""A batch that fails on the database leaves no row value in the error, the log, the run's
record or its report: the driver's message (PostgreSQL's ``DETAIL: Failing row contains``,
SQLAlchemy's bound parameters) is replaced by the error's class."""

from __future__ import annotations

import traceback
from datetime import date

import pytest
from sqlalchemy import select

from include.demo.load import build_demo_warehouse
from include.governance.audit import ensure_governance_tables, retention_runs
from include.governance.policy import ClearColumns, Period, load_policy
from include.governance.retention import steps
from tests.server_sql import sql

POLICY = load_policy()
AS_OF = date(2026, 11, 24)
PLANTED = "planted.leak.4711@example.no"


@pytest.mark.postgres
def test_a_failing_batch_leaves_no_row_value_anywhere(pg_engine, tmp_path, caplog):
    build_demo_warehouse(pg_engine, 60, 42, AS_OF)
    ensure_governance_tables(pg_engine)
    with pg_engine.begin() as conn:  # a column of personal data, and a constraint a DBA added
        conn.execute(sql(conn, "ALTER TABLE sales.orders ADD COLUMN contact_email varchar(80)"))
        conn.execute(sql(conn, f"UPDATE sales.orders SET contact_email = '{PLANTED}'"))
        conn.execute(sql(conn, "UPDATE sales.orders SET ip_address = '192.0.2.1'"))
        conn.execute(sql(conn, "ALTER TABLE sales.orders ALTER COLUMN ip_address SET NOT NULL"))
    clearing = ClearColumns(columns=["ip_address"], keep_for=Period(months=13), reason="x")
    rule = POLICY.retention["order_history"].model_copy(update={"clear_columns": [clearing]})
    policy = POLICY.model_copy(update={"retention": {"order_history": rule}})
    planned = steps.plan_run(
        pg_engine,
        policy,
        "order_history",
        "run-1",
        logical_date=AS_OF,
        dry_run=False,
        max_share=1.0,
    )

    with pytest.raises(steps.RetentionFailed) as failed:  # clearing the IP addresses fails
        steps.delete(pg_engine, policy, planned, batch_size=100)
    error = failed.value
    assert str(error) == "delete failed: IntegrityError (NotNullViolation)"
    assert error.__suppress_context__  # no driver message in the traceback Airflow logs
    assert PLANTED not in "".join(traceback.format_exception(error))
    assert PLANTED not in caplog.text
    with pg_engine.connect() as conn:
        run = conn.execute(
            select(retention_runs).where(retention_runs.c.run_id == planned["run_id"])
        ).one()
    assert PLANTED not in str(tuple(run))
    assert (run.status, run.error) == ("failed", str(error))
    assert run.deleted["sales.orders"] == planned["plan"]["to_delete"]  # what it did first
