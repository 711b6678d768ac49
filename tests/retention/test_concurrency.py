"""Retention while other connections write: a claim opened during a batch keeps its order,
with and without foreign keys, on every database; the proof reconciles by key."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, event, select, text

from include.demo.load import build_demo_warehouse
from include.demo.schema import build_metadata
from include.governance.audit import ensure_governance_tables
from include.governance.policy import load_policy
from include.governance.quality import Checks
from include.governance.retention.checks import verify_expectations
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import plan_retention
from include.governance.retention.records import record_run

POLICY = load_policy()
AS_OF = datetime(2026, 11, 24, tzinfo=UTC)
RACED_CLAIM = 900_000_001


@pytest.fixture(params=[True, False], ids=["foreign keys", "no foreign keys"])
def warehouse(request, any_engine, drop_foreign_keys) -> Engine:
    """The demo warehouse, with or without the foreign keys of its child tables."""
    build_demo_warehouse(any_engine, 60, 42, AS_OF.date())
    ensure_governance_tables(any_engine)
    if not request.param:
        drop_foreign_keys(any_engine)
    return any_engine


def first_deletable(engine: Engine) -> int:
    plan = plan_retention(engine, POLICY, "order_history", AS_OF, max_share=1.0)
    assert plan.to_delete > 0
    orders = build_metadata(engine.dialect.name).tables["sales.orders"]
    claims = build_metadata(engine.dialect.name).tables["sales.claims"]
    with engine.connect() as conn:
        open_claims = select(claims.c.order_id).where(claims.c.status == "open")
        return conn.execute(
            select(orders.c.order_id)
            .where(orders.c.ordered_at < plan.cutoff, orders.c.order_id.not_in(open_claims))
            .order_by(orders.c.order_id)
            .limit(1)
        ).scalar_one()


def open_claim_during_the_first_delete(engine: Engine, order_id: int) -> dict:
    """Just before the run's first DELETE, another connection opens a warranty claim on
    ``order_id`` (which the batch chose to delete) and commits, or waits on the batch's
    locks; what it managed is returned."""
    outcome: dict = {}
    claims = build_metadata(engine.dialect.name).tables["sales.claims"]

    def racer() -> None:
        try:
            with engine.begin() as conn:
                conn.execute(
                    claims.insert().values(
                        claim_id=RACED_CLAIM,
                        order_id=order_id,
                        claim_type="warranty",
                        status="open",
                        reason="defect",
                        opened_at=AS_OF,
                    )
                )
            outcome["committed"] = True
        except Exception as exc:  # the batch deleted the order first: a foreign key refuses
            outcome["refused"] = type(exc).__name__

    def before_execute(conn, cursor, statement, parameters, context, executemany) -> None:
        if "thread" in outcome or not statement.lstrip().upper().startswith("DELETE"):
            return
        outcome["thread"] = threading.Thread(target=racer)
        outcome["thread"].start()
        outcome["thread"].join(timeout=3)  # blocked by the batch's locks: it goes on later

    event.listen(engine, "before_cursor_execute", before_execute)
    outcome["listener"] = before_execute
    return outcome


def test_a_claim_opened_during_a_batch_keeps_its_order(warehouse, tmp_path):
    order_id = first_deletable(warehouse)
    plan = plan_retention(warehouse, POLICY, "order_history", AS_OF, max_share=1.0)
    record_run(warehouse, POLICY, plan, "run-1", dry_run=False)
    race = open_claim_during_the_first_delete(warehouse, order_id)
    execute_retention(warehouse, POLICY, plan, "run-1", batch_size=10_000)
    event.remove(warehouse, "before_cursor_execute", race["listener"])
    race["thread"].join(timeout=30)
    assert race.keys() & {"committed", "refused"}
    with warehouse.connect() as conn:
        claim = conn.execute(
            text(f"SELECT order_id FROM sales.claims WHERE claim_id = {RACED_CLAIM}")
        ).scalar()
        order = conn.execute(
            text(f"SELECT count(*) FROM sales.orders WHERE order_id = {order_id}")
        ).scalar()
    if race.get("committed"):
        assert claim == order_id  # the open claim was not deleted with its order ...
        assert order == 1  # ... and it held the order
    else:
        assert order == 0  # the order went before the claim could be opened
    results = verify_expectations(
        warehouse, POLICY, plan, "run-1", checks=Checks(warehouse, tmp_path)
    )
    assert [str(o) for r in results for o in r.failures] == []
