"""Retention on SQLite and PostgreSQL: cutoffs, holds, guards, batches, faults, proof."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select

from include.demo.schema import build_metadata
from include.governance.audit import legal_holds, retention_audit, retention_runs
from include.governance.policy import ClearColumns, Period, load_policy
from include.governance.quality import Checks
from include.governance.retention.checks import verify_expectations
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import (
    RetentionPlan,
    RetentionRefused,
    check_guards,
    cutoff_for,
    plan_retention,
)
from include.governance.retention.records import record_run
from include.governance.warehouse import WarehouseError
from tests.server_sql import sql

POLICY = load_policy()
RULE = POLICY.retention["order_history"]
AS_OF = date(2026, 11, 24)
CUTOFF = datetime(2016, 11, 24, tzinfo=UTC)
CHILDREN = ["sales.order_lines", "sales.payments", "sales.shipments", "sales.claims"]
ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize(
    ("logical", "cutoff"),
    [
        (date(2026, 11, 24), datetime(2016, 11, 24, tzinfo=UTC)),
        (date(2028, 2, 29), datetime(2018, 2, 28, tzinfo=UTC)),  # no 29 February in 2018
        (date(2024, 2, 29), datetime(2014, 2, 28, tzinfo=UTC)),
        (
            datetime(2026, 11, 24, 0, 30, tzinfo=timezone(timedelta(hours=1))),
            datetime(2016, 11, 23, tzinfo=UTC),
        ),  # 00:30 in Oslo is still the 23rd in UTC
        (datetime(2026, 11, 24, 23, 59, tzinfo=UTC), datetime(2016, 11, 24, tzinfo=UTC)),
    ],
)
def test_cutoff_is_calendar_correct_in_utc(logical, cutoff):
    assert cutoff_for(logical, Period(years=10)) == cutoff


def add_order(engine: Engine, order_id: int, ordered_at: datetime, claim: str | None = None):
    """An order with one line, one payment and maybe a claim, placed at ``ordered_at``."""
    md = build_metadata(engine.dialect.name)
    t = md.tables
    if engine.dialect.name != "postgresql":  # stored as UTC wall time, like the demo's
        ordered_at = ordered_at.astimezone(UTC)
    with engine.begin() as conn:
        customer = conn.execute(select(func.min(t["crm.customers"].c.customer_id))).scalar()
        product = conn.execute(select(func.min(t["sales.products"].c.product_id))).scalar()
        conn.execute(
            insert(t["sales.orders"]).values(
                order_id=order_id,
                order_number=90_000_000 + order_id,
                customer_id=customer,
                ordered_at=ordered_at,
                status="delivered",
                channel="web",
                currency="NOK",
                total_amount=100,
                shipping_fee=0,
                ip_address="192.0.2.1",
                updated_at=ordered_at,
            )
        )
        conn.execute(
            insert(t["sales.order_lines"]).values(
                order_line_id=order_id,
                order_id=order_id,
                line_no=1,
                product_id=product,
                quantity=1,
                unit_price=100,
                discount_pct=0,
                line_total=100,
            )
        )
        conn.execute(
            insert(t["sales.payments"]).values(
                payment_id=order_id,
                order_id=order_id,
                paid_at=ordered_at,
                method="vipps",
                amount=100,
                status="paid",
            )
        )
        if claim:
            conn.execute(
                insert(t["sales.claims"]).values(
                    claim_id=order_id,
                    order_id=order_id,
                    claim_type="warranty",
                    status=claim,
                    reason="defect",
                    opened_at=ordered_at,
                )
            )


def order_ids(engine: Engine, ids: list[int]) -> set[int]:
    orders = build_metadata(engine.dialect.name).tables["sales.orders"]
    with engine.connect() as conn:
        return set(
            conn.execute(select(orders.c.order_id).where(orders.c.order_id.in_(ids))).scalars()
        )


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t: conn.execute(sql(conn, f"SELECT count(*) FROM {t}")).scalar()
            for t in ["sales.orders", *CHILDREN]
        }


def run(engine: Engine, run_id: str, batch_size: int = 50, max_share: float = 1.0, **kwargs):
    plan = plan_retention(engine, POLICY, "order_history", AS_OF, max_share=max_share)
    record_run(engine, POLICY, plan, run_id, dry_run=False)
    execution = execute_retention(engine, POLICY, plan, run_id, batch_size=batch_size, **kwargs)
    return plan, execution


def prove(engine: Engine, plan: RetentionPlan, run_id: str, tmp_path: Path) -> list[str]:
    results = verify_expectations(
        engine, POLICY, plan, run_id, checks=Checks(engine, tmp_path / "gx")
    )
    return [f"{r.suite}: {o}" for r in results for o in r.failures]


def test_boundaries_holds_and_proof(warehouse, tmp_path):
    oslo = timezone(timedelta(hours=1))
    add_order(warehouse, 1_000_001, CUTOFF)  # exactly ten years: kept
    add_order(warehouse, 1_000_002, CUTOFF - timedelta(seconds=1))  # a second older: goes
    add_order(warehouse, 1_000_003, datetime(2016, 11, 24, 0, 30, tzinfo=oslo))  # 23:30 UTC
    add_order(warehouse, 1_000_004, datetime(2009, 1, 1, tzinfo=UTC), claim="open")  # held
    add_order(warehouse, 1_000_005, datetime(2009, 1, 1, tzinfo=UTC), claim="closed")
    add_order(warehouse, 1_000_006, datetime(2009, 1, 1, tzinfo=UTC))  # legal hold
    add_order(warehouse, 1_000_007, datetime(2009, 1, 1, tzinfo=UTC))  # released hold
    with warehouse.begin() as conn:
        conn.execute(
            insert(legal_holds),
            [
                {
                    "table_name": "sales.orders",
                    "key_value": "1000006",
                    "case_reference": "K-1",
                    "placed_at": CUTOFF,
                    "released_at": None,
                },
                {
                    "table_name": "sales.orders",
                    "key_value": "1000007",
                    "case_reference": "K-2",
                    "placed_at": CUTOFF,
                    "released_at": CUTOFF + timedelta(days=1),
                },
                {
                    "table_name": "sales.shipments",
                    "key_value": "1000005",
                    "case_reference": "K-3",
                    "placed_at": CUTOFF,
                    "released_at": None,
                },  # a hold on another table holds no order
            ],
        )
    crafted = list(range(1_000_001, 1_000_008))
    before = counts(warehouse)

    plan, execution = run(warehouse, "run-1")
    assert order_ids(warehouse, crafted) == {1_000_001, 1_000_004, 1_000_006}
    assert plan.held["open_claim"] >= 1
    assert plan.held["legal_hold"] == 1
    after = counts(warehouse)
    assert {t: before[t] - after[t] for t in before} == {t: n for t, n in execution["rows"].items()}
    assert execution["rows"]["sales.orders"] == plan.to_delete
    assert execution["batches"] > 1
    with warehouse.connect() as conn:
        audited = conn.execute(
            select(retention_audit.c.table_name, func.sum(retention_audit.c.rows_deleted))
            .where(retention_audit.c.run_id == "run-1")
            .group_by(retention_audit.c.table_name)
        ).all()
    assert dict(audited) == execution["rows"]
    assert prove(warehouse, plan, "run-1", tmp_path) == []

    again = execute_retention(
        warehouse, POLICY, plan, "run-1", batch_size=50
    )  # re-run: nothing more
    assert again["rows"] == {}
    assert counts(warehouse) == after
    assert prove(warehouse, plan, "run-1", tmp_path) == []


def test_verification_catches_a_wrong_state(warehouse, tmp_path):
    plan, _ = run(warehouse, "run-1")
    add_order(warehouse, 1_000_010, datetime(2010, 1, 1, tzinfo=UTC))  # expired, unheld
    with warehouse.begin() as conn:  # and an orphan that the delete would never leave
        off = {
            "sqlite": "PRAGMA foreign_keys = OFF",
            "mysql": "SET FOREIGN_KEY_CHECKS = 0",
            "postgresql": "SET session_replication_role = replica",
        }
        conn.execute(sql(conn, off[warehouse.dialect.name]))
        conn.execute(sql(conn, "DELETE FROM sales.orders WHERE order_id = 1000010"))
    add_order(warehouse, 1_000_011, datetime(2010, 1, 1, tzinfo=UTC))
    failures = prove(warehouse, plan, "run-1", tmp_path)
    assert any("no unheld row of sales.orders older than the cutoff" in f for f in failures)
    assert any("no row of sales.order_lines without its sales.orders row" in f for f in failures)


def test_guards_refuse_without_deleting(warehouse):
    before = counts(warehouse)
    plan = plan_retention(warehouse, POLICY, "order_history", AS_OF)
    assert plan.share > RULE.max_delete_share  # the demo's backlog is larger than 5%
    with pytest.raises(RetentionRefused, match=r"more than the 5\.0% one run may delete"):
        check_guards(plan, RULE.keep_for, now=datetime(2026, 11, 24, 12, tzinfo=UTC))
    allowed = plan_retention(warehouse, POLICY, "order_history", AS_OF, max_share=0.5)
    check_guards(allowed, RULE.keep_for, now=datetime(2026, 11, 24, 12, tzinfo=UTC))
    future = plan_retention(warehouse, POLICY, "order_history", date(2027, 6, 1), max_share=1.0)
    with pytest.raises(RetentionRefused, match="more recent than the retention period allows"):
        check_guards(future, RULE.keep_for, now=datetime(2026, 11, 24, 12, tzinfo=UTC))
    record_run(warehouse, POLICY, plan, "dry", dry_run=True)  # a dry run records, no more
    assert counts(warehouse) == before


def test_missing_table_or_column_is_named(warehouse):
    with warehouse.begin() as conn:
        conn.execute(sql(conn, "DROP TABLE sales.claims"))
    with pytest.raises(WarehouseError, match=r"table sales\.claims is not in the warehouse"):
        plan_retention(warehouse, POLICY, "order_history", AS_OF)


def test_an_unindexed_child_key_refuses_the_run_unless_allowed(warehouse, drop_foreign_keys):
    if warehouse.dialect.name == "mysql":  # InnoDB keeps an index for every foreign key
        drop_foreign_keys(warehouse)
        drop = "DROP INDEX ix_claims_order_id ON sales.claims"
    else:
        drop = "DROP INDEX sales.ix_claims_order_id"
    with warehouse.begin() as conn:
        conn.execute(sql(conn, drop))
    plan = plan_retention(warehouse, POLICY, "order_history", AS_OF, max_share=1.0)
    [statement] = plan.missing_indexes
    assert "ix_claims_order_id" in statement
    assert statement.endswith("claims (order_id)")
    with pytest.raises(RetentionRefused, match=re.escape(f"run {statement}, or trigger with")):
        check_guards(plan, RULE.keep_for)
    check_guards(plan, RULE.keep_for, allow_unindexed=True)
    with warehouse.begin() as conn:  # the statement the refusal names makes the index
        conn.execute(sql(conn, statement))
    assert plan_retention(warehouse, POLICY, "order_history", AS_OF).missing_indexes == []


def test_an_error_between_batches_then_a_rerun_finishes(warehouse, tmp_path):
    expected = plan_retention(warehouse, POLICY, "order_history", AS_OF, max_share=1.0)
    seen = []

    def fail_on_third_batch(message: str) -> None:
        seen.append(message)
        if len(seen) == 3:
            raise ConnectionError("the worker lost its connection")

    with pytest.raises(ConnectionError):
        run(warehouse, "run-1", progress=fail_on_third_batch)
    with warehouse.connect() as conn:
        batches = conn.execute(
            select(func.count(func.distinct(retention_audit.c.batch_no)))
        ).scalar()
    assert batches == 3  # the third batch committed before the error; none half-done
    plan, _ = run(warehouse, "run-1")
    final = plan_retention(warehouse, POLICY, "order_history", AS_OF)
    assert final.to_delete == 0
    assert final.held_total == expected.held_total
    assert prove(warehouse, plan, "run-1", tmp_path) == []


@pytest.mark.parametrize("rerun", ["run-1", "run-2"], ids=["same run id", "a new trigger"])
def test_a_killed_worker_then_a_rerun_finishes(warehouse, tmp_path, rerun):
    """SIGKILL in the middle of a batch transaction: the batch rolls back, the rerun ends."""
    url = warehouse.url.render_as_string(hide_password=False)
    script = textwrap.dedent(f"""
        import os, sys, time
        from datetime import date
        from include.governance.policy import load_policy
        from include.governance.retention.delete import execute_retention
        from include.governance.retention.plan import plan_retention
        from include.governance.retention.records import record_run
        from include.governance.warehouse import create_warehouse_engine
        import include.governance.retention.delete as retention_delete
        engine = create_warehouse_engine({url!r})
        policy = load_policy()
        plan = plan_retention(engine, policy, "order_history", date(2026, 11, 24), max_share=1.0)
        record_run(engine, policy, plan, "run-1", dry_run=False)
        batches = 0
        real_audit = retention_delete._audit
        def audit_then_hang(*args):
            global batches
            real_audit(*args)
            batches += 1
            if batches == 3:  # inside the third batch's transaction, after its deletes
                print("in batch 3", flush=True)
                time.sleep(60)
        retention_delete._audit = audit_then_hang
        execute_retention(engine, policy, plan, "run-1", batch_size=50)
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    worker = subprocess.Popen(
        [sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True
    )
    assert worker.stdout.readline().strip() == "in batch 3"
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    with warehouse.connect() as conn:
        batches = conn.execute(
            select(func.count(func.distinct(retention_audit.c.batch_no)))
        ).scalar()
    assert batches == 2  # the killed batch left neither deletions nor audit rows
    plan, _ = run(warehouse, rerun)
    assert plan_retention(warehouse, POLICY, "order_history", AS_OF).to_delete == 0
    assert prove(warehouse, plan, rerun, tmp_path) == []
    with warehouse.connect() as conn:
        runs = {r.run_id: r for r in conn.execute(select(retention_runs))}
    if rerun == "run-2":  # the killed run says what it did, and who finished its work
        assert runs["run-1"].status == "interrupted"
        assert runs["run-1"].deleted["sales.orders"] == 100  # two batches of 50 orders
        assert runs["run-2"].continues == ["run-1"]
    else:
        assert runs["run-1"].continues is None


def test_shorter_period_clears_columns(warehouse, tmp_path):
    clearing = ClearColumns(columns=["ip_address"], keep_for=Period(months=13), reason="x")
    rule = RULE.model_copy(update={"clear_columns": [clearing]})
    policy = POLICY.model_copy(update={"retention": {"order_history": rule}})
    add_order(warehouse, 1_000_020, datetime(2025, 1, 1, tzinfo=UTC))  # past 13 months
    add_order(warehouse, 1_000_021, datetime(2026, 1, 1, tzinfo=UTC))  # within 13 months
    plan = plan_retention(warehouse, policy, "order_history", AS_OF, max_share=1.0)
    assert plan.clear["sales.orders(ip_address)"] >= 1
    record_run(warehouse, policy, plan, "run-1", dry_run=False)
    execution = execute_retention(warehouse, policy, plan, "run-1", batch_size=50)
    assert execution["rows"]["sales.orders(ip_address)"] == plan.clear["sales.orders(ip_address)"]
    with warehouse.connect() as conn:
        ips = dict(
            conn.execute(
                sql(
                    conn,
                    "SELECT order_id, ip_address FROM sales.orders "
                    "WHERE order_id IN (1000020, 1000021)",
                )
            ).all()
        )
    assert ips == {1_000_020: None, 1_000_021: "192.0.2.1"}
    again = plan_retention(warehouse, policy, "order_history", AS_OF, max_share=1.0)
    assert again.clear["sales.orders(ip_address)"] == 0
