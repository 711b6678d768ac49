"""Retention while other connections write: a claim opened during a batch keeps its order,
with and without foreign keys, on every database; the proof reconciles by key."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, event, func, select, text

from include.demo.load import build_demo_warehouse
from include.demo.schema import build_metadata
from include.governance.audit import ensure_governance_tables
from include.governance.policy import load_policy
from include.governance.quality import Checks
from include.governance.retention.checks import verify_expectations
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import plan_retention
from include.governance.retention.records import record_run
from include.governance.tables import TableName
from tests.server_sql import sql

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
            sql(conn, f"SELECT order_id FROM sales.claims WHERE claim_id = {RACED_CLAIM}")
        ).scalar()
        order = conn.execute(
            sql(conn, f"SELECT count(*) FROM sales.orders WHERE order_id = {order_id}")
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


@pytest.mark.postgres
def test_claims_during_many_batches_undo_each_once_and_the_run_goes_on(
    pg_engine, drop_foreign_keys, tmp_path
):
    """A claim opened on an order of each of the first five batches, just before the batch
    deletes its orders, undoes that batch once; the run retries each and finishes (the
    retry limit is per batch, not per run). PostgreSQL without foreign keys: there the
    claim commits at once, so every batch is undone, deterministically."""
    build_demo_warehouse(pg_engine, 60, 42, AS_OF.date())
    ensure_governance_tables(pg_engine)
    drop_foreign_keys(pg_engine)
    plan = plan_retention(pg_engine, POLICY, "order_history", AS_OF, max_share=1.0)
    record_run(pg_engine, POLICY, plan, "run-1", dry_run=False)
    claimed: list[int] = []
    root_deletes = []  # a batch's first try (undone by the claim), then its retry
    claims = build_metadata("postgresql").tables["sales.claims"]

    def claim_before_the_roots_go(conn, cursor, statement, parameters, context, many) -> None:
        if not statement.startswith("DELETE FROM sales.orders"):
            return
        root_deletes.append(statement)
        if len(claimed) == 5 or len(root_deletes) % 2 == 0:  # let the retry through
            return
        order_id = first_deletable(pg_engine)  # the batch's first order: it is not gone yet
        with pg_engine.begin() as other:
            other.execute(
                claims.insert().values(
                    claim_id=RACED_CLAIM + len(claimed),
                    order_id=order_id,
                    claim_type="warranty",
                    status="open",
                    reason="defect",
                    opened_at=AS_OF,
                )
            )
        claimed.append(order_id)

    event.listen(pg_engine, "before_cursor_execute", claim_before_the_roots_go)
    try:
        done = execute_retention(pg_engine, POLICY, plan, "run-1", batch_size=10)
    finally:
        event.remove(pg_engine, "before_cursor_execute", claim_before_the_roots_go)
    assert len(set(claimed)) == 5
    assert done["rows"]["sales.orders"] == plan.to_delete - 5
    with pg_engine.connect() as conn:
        kept = conn.execute(
            select(func.count())
            .select_from(TableName("sales", "orders").clause())
            .where(text(f"order_id IN ({', '.join(map(str, claimed))})"))
        ).scalar()
    assert kept == 5
    results = verify_expectations(
        pg_engine, POLICY, plan, "run-1", checks=Checks(pg_engine, tmp_path)
    )
    assert [str(o) for r in results for o in r.failures] == []
