"""A batch that would wait long on another writer's lock gives up instead (and deletes
nothing), on PostgreSQL and MariaDB; and MariaDB's limits, which are set for the session,
do not stay on the pooled connection after the batch."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import Engine, exc, select

from include.demo.load import build_demo_warehouse
from include.governance.audit import ensure_governance_tables, retention_audit
from include.governance.policy import load_policy
from include.governance.retention import delete
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import plan_retention
from include.governance.retention.records import record_run
from include.governance.tables import TableName
from tests.server_sql import sql

POLICY = load_policy()
AS_OF = date(2026, 11, 24)
HOLD_LOCK_S = 20  # longer than the limit below, shorter than the databases' defaults


@pytest.fixture(
    params=[
        pytest.param("pg_engine", marks=pytest.mark.postgres),
        pytest.param("mariadb_engine", marks=pytest.mark.mariadb),
    ]
)
def locking_warehouse(request) -> Engine:
    engine = request.getfixturevalue(request.param)
    build_demo_warehouse(engine, 60, 42, AS_OF)
    ensure_governance_tables(engine)
    return engine


def test_a_batch_gives_up_on_a_lock_held_too_long(locking_warehouse, monkeypatch):
    engine = locking_warehouse
    monkeypatch.setattr(delete, "BATCH_LIMIT_S", 1)
    plan = plan_retention(engine, POLICY, "order_history", AS_OF, max_share=1.0)
    record_run(engine, POLICY, plan, "run-1", dry_run=False)
    locked, release = threading.Event(), threading.Event()

    def writer() -> None:  # a customer service agent editing every order, for a while
        with engine.begin() as conn:
            conn.execute(sql(conn, "SELECT order_id FROM sales.orders FOR UPDATE"))
            locked.set()
            release.wait(HOLD_LOCK_S)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert locked.wait(10)
        with pytest.raises(exc.OperationalError):  # PostgreSQL: canceled; MariaDB: lock wait
            execute_retention(engine, POLICY, plan, "run-1", batch_size=100)
        assert thread.is_alive(), "the batch waited until the writer let go"
    finally:
        release.set()
        thread.join()
    with engine.connect() as conn:
        assert conn.execute(select(retention_audit)).all() == []


@pytest.mark.mariadb
def test_mariadb_limits_end_with_the_batch(mariadb_engine):
    engine = mariadb_engine
    build_demo_warehouse(engine, 60, 42, AS_OF)
    ensure_governance_tables(engine)
    engine.dispose()
    with engine.connect() as conn:
        defaults = conn.execute(
            sql(conn, "SELECT @@session.max_statement_time, @@session.innodb_lock_wait_timeout")
        ).one()
    seen = []

    def observe(conn, keys, batch):  # what a batch runs under
        seen.append(
            conn.execute(
                sql(conn, "SELECT @@session.max_statement_time, @@session.innodb_lock_wait_timeout")
            ).one()
        )
        return {}

    plan = plan_retention(engine, POLICY, "order_history", AS_OF, max_share=1.0)
    batches = delete._Batches(engine, "run-1", plan, 1000, delete._BatchStats(print, 0, ""), 0)
    orders = TableName("sales", "orders").clause("order_id")
    batches.run(select(orders.c.order_id), orders.c.order_id, observe)
    assert seen
    assert all(tuple(s) == (delete.BATCH_LIMIT_S, delete.BATCH_LIMIT_S) for s in seen)
    with engine.connect() as conn:  # the pool's one connection, after the batches
        after = conn.execute(
            sql(conn, "SELECT @@session.max_statement_time, @@session.innodb_lock_wait_timeout")
        ).one()
    assert tuple(after) == tuple(defaults)
