"""Every expectation of the retention proof fails when what it guards is broken, NULLs in
hold keys included; and it passes after an honest run."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, delete, func, insert, select

from include.governance.audit import legal_holds, retention_audit, retention_deleted_keys
from include.governance.policy import HoldCondition, load_policy
from include.governance.quality import Checks
from include.governance.retention.checks import verify_expectations
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import plan_retention
from include.governance.retention.records import record_run
from tests.server_sql import sql

POLICY = load_policy()
AS_OF = date(2026, 11, 24)
EXPIRED = "2010-05-01 12:00:00"


@pytest.fixture
def after_a_run(warehouse, drop_foreign_keys, tmp_path):
    """The demo warehouse after a run deleted its expired orders, foreign keys dropped so
    that the tests can break what the proof guards; and the proof, to run again."""
    drop_foreign_keys(warehouse)
    plan = plan_retention(warehouse, POLICY, "order_history", AS_OF, max_share=1.0)
    record_run(warehouse, POLICY, plan, "run-1", dry_run=False)
    execute_retention(warehouse, POLICY, plan, "run-1", batch_size=200)

    def failures() -> list[str]:
        checks = Checks(warehouse, tmp_path / f"docs{len(list(tmp_path.iterdir()))}")
        results = verify_expectations(warehouse, POLICY, plan, "run-1", checks=checks)
        return [o.expectation for r in results for o in r.failures]

    assert failures() == []
    return warehouse, failures


def a_deleted_key(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.min(retention_deleted_keys.c.key_value))).scalar())


def add_order(engine: Engine, order_id: int, at: str = EXPIRED) -> None:
    with engine.begin() as conn:
        customer = conn.execute(sql(conn, "SELECT min(customer_id) FROM crm.customers")).scalar()
        conn.execute(
            sql(
                conn,
                "INSERT INTO sales.orders (order_id, order_number, customer_id, ordered_at, "
                "status, channel, currency, total_amount, shipping_fee, updated_at) VALUES "
                f"({order_id}, {order_id}, {customer}, '{at}', 'delivered', 'web', 'NOK', 100, 0, "
                f"'{at}')",
            )
        )


def add_claim(engine: Engine, claim_id: int, order_id: int | None, status: str = "open") -> None:
    order = "NULL" if order_id is None else order_id
    with engine.begin() as conn:
        conn.execute(
            sql(
                conn,
                "INSERT INTO sales.claims (claim_id, order_id, claim_type, status, reason, "
                f"opened_at) VALUES ({claim_id}, {order}, 'warranty', '{status}', 'defect', "
                f"'{EXPIRED}')",
            )
        )


def test_an_unheld_expired_row_left_fails(after_a_run):
    engine, failures = after_a_run
    add_order(engine, 980_000_002)
    assert failures() == ["no unheld row of sales.orders older than the cutoff"]


def test_a_hold_row_with_a_null_key_makes_no_check_pass(warehouse, tmp_path):
    """``key NOT IN (SELECT held_key ...)`` is true for no row once one held key is NULL:
    the proof must not pass because of it."""
    with warehouse.begin() as conn:
        conn.execute(
            sql(conn, "CREATE TABLE sales.warranty_holds (order_id INTEGER, state VARCHAR(10))")
        )
        conn.execute(sql(conn, "INSERT INTO sales.warranty_holds VALUES (NULL, 'active')"))
    hold = HoldCondition(
        name="warranty_hold",
        description="an active warranty hold",
        table="sales.warranty_holds",
        column="order_id",
        where={"state": "active"},
    )
    rule = POLICY.retention["order_history"]
    rule = rule.model_copy(update={"holds": [*rule.holds, hold]})
    policy = POLICY.model_copy(update={"retention": {"order_history": rule}})
    plan = plan_retention(warehouse, policy, "order_history", AS_OF, max_share=1.0)
    assert plan.held["warranty_hold"] == 0  # a NULL holds no order
    record_run(warehouse, policy, plan, "run-1", dry_run=False)
    execute_retention(warehouse, policy, plan, "run-1", batch_size=200)
    add_order(warehouse, 980_000_002)  # expired, and no hold of its own
    checks = Checks(warehouse, tmp_path)
    results = verify_expectations(warehouse, policy, plan, "run-1", checks=checks)
    assert [o.expectation for r in results for o in r.failures] == [
        "no unheld row of sales.orders older than the cutoff"
    ]


def test_a_deleted_key_back_in_the_table_fails(after_a_run):
    engine, failures = after_a_run
    add_order(engine, a_deleted_key(engine), at="2020-01-01 00:00:00")  # young: not expired
    assert failures() == ["no row of sales.orders with a key this run deleted"]


def test_a_hold_on_a_deleted_row_fails(after_a_run):
    engine, failures = after_a_run
    add_claim(engine, 980_000_003, a_deleted_key(engine))
    assert failures() == ["no open_claim hold refers to a row of sales.orders this run deleted"]
    add_claim(engine, 980_000_004, a_deleted_key(engine), status="closed")  # holds nothing
    with engine.begin() as conn:
        conn.execute(sql(conn, "DELETE FROM sales.claims WHERE claim_id = 980000003"))
        conn.execute(
            insert(legal_holds).values(
                table_name="sales.orders",
                key_value=str(a_deleted_key(engine)),
                case_reference="CASE-LATE",
                placed_at=datetime.now(UTC),
            )
        )
    assert sorted(failures()) == [
        "no legal hold refers to a row of sales.orders this run deleted",
        "no row of sales.claims without its sales.orders row",  # the closed claim
    ]


@pytest.mark.parametrize(
    "child", ["sales.order_lines", "sales.payments", "sales.shipments", "sales.claims"]
)
def test_an_orphan_left_in_a_swept_child_table_fails(after_a_run, child):
    engine, failures = after_a_run
    with engine.begin() as conn:  # a row of a kept order, moved to an order that is gone
        conn.execute(
            sql(
                conn,
                f"UPDATE {child} SET order_id = {a_deleted_key(engine)} WHERE order_id = "
                f"(SELECT max(order_id) FROM {child} WHERE status IS NULL OR status <> 'open')"
                if child == "sales.claims"
                else f"UPDATE {child} SET order_id = {a_deleted_key(engine)} "
                f"WHERE order_id = (SELECT max(order_id) FROM {child})",
            )
        )
    assert failures() == [f"no row of {child} without its sales.orders row"]


def test_an_audit_that_does_not_reconcile_fails(after_a_run):
    engine, failures = after_a_run
    with engine.begin() as conn:
        first = conn.execute(select(func.min(retention_audit.c.batch_no))).scalar()
        conn.execute(
            delete(retention_audit).where(
                retention_audit.c.batch_no == first,
                retention_audit.c.table_name == "sales.orders",
            )
        )
    assert failures() == ["the audit counts as many deleted rows of sales.orders as keys recorded"]
