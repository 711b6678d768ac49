"""Deleting expired rows in batches of root keys, each batch one transaction with its audit rows.

Each batch deletes the children first, then the roots (with the holds applied again as
``NOT EXISTS`` guards), and writes its audit rows in the same transaction: a batch is
either gone and audited, or neither. A killed run is re-run with the same run id and
resumes after the last committed batch. No copy of a deleted row is kept anywhere: the
audit holds counts and key ranges only."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update

from include.governance.audit import retention_audit
from include.governance.dialects import dialect_of
from include.governance.policy import Policy
from include.governance.retention.plan import Clearing, RetentionPlan, RuleSql, rule_named

log = logging.getLogger(__name__)

STATEMENT_TIMEOUT_S = 30


MAX_HOLD_RETRIES = 3


def execute_retention(
    engine: Engine,
    policy: Policy,
    plan: RetentionPlan,
    run_id: str,
    *,
    batch_size: int,
    progress: Callable[[str], None] = log.info,
) -> dict[str, Any]:
    """Delete the plan's rows in batches; clear columns past their shorter period.
    Returns rows per table, batches, seconds and the longest batch."""
    rule = rule_named(policy, plan.rule)
    sql = RuleSql(rule, plan.cutoff)
    stats = _BatchStats(progress, expected=plan.to_delete, root=rule.table)
    with engine.connect() as conn:
        done = conn.execute(
            select(func.coalesce(func.max(retention_audit.c.batch_no), 0)).where(
                retention_audit.c.run_id == run_id
            )
        ).scalar()
    batches = _Batches(engine, run_id, plan, batch_size, stats, done)

    def delete_batch(conn: Connection, keys: list) -> dict[str, int]:
        counts = {
            child: conn.execute(
                delete(sql.children[child]).where(sql.child_fk(child).in_(keys))
            ).rowcount
            for child in sql.children
        }
        gone = conn.execute(delete(sql.root).where(sql.key.in_(keys), sql.deletable))
        if gone.rowcount != len(keys):  # a hold was placed while the batch ran: undo it
            raise _HoldAppeared
        counts[rule.table] = gone.rowcount
        return counts

    batches.run(select(sql.key).where(sql.deletable), sql.key, delete_batch)
    for clearing in rule.clear_columns:
        cleared = Clearing(sql, clearing, plan.logical_date)
        key = cleared.target.c[rule.key]

        def clear_batch(conn: Connection, keys: list, cleared=cleared, key=key) -> dict:
            done = conn.execute(
                update(cleared.target)
                .where(key.in_(keys), cleared.pending)
                .values(dict.fromkeys(cleared.columns))
            )
            return {cleared.label: done.rowcount}

        batches.run(select(key).where(cleared.pending), key, clear_batch)
    return stats.summary()


class _HoldAppeared(RuntimeError):
    pass


def reclaim_space(engine: Engine, tables: list[str]) -> list[str]:
    """Make deleted rows physically go: VACUUM (ANALYZE) on PostgreSQL, VACUUM on SQLite.
    Returns the statements run (MariaDB: none; InnoDB reuses the space)."""
    statements = dialect_of(engine).reclaim_statements(tables)
    if statements:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for statement in statements:
                conn.execute(text(statement))
    return statements


class _BatchStats:
    """Progress for the log (batches, rows/s, ETA) and totals for the audit and report."""

    def __init__(self, progress: Callable[[str], None], expected: int, root: str):
        self.progress, self.expected, self.root = progress, expected, root
        self.rows: dict[str, int] = {}
        self.batches, self.roots, self.longest = 0, 0, 0.0
        self.started = time.monotonic()

    def batch_done(self, counts: dict[str, int], seconds: float) -> None:
        for table_name, n in counts.items():
            self.rows[table_name] = self.rows.get(table_name, 0) + n
        self.batches += 1
        self.roots += counts.get(self.root, 0)
        self.longest = max(self.longest, seconds)
        elapsed = time.monotonic() - self.started
        rate = sum(self.rows.values()) / elapsed if elapsed else 0.0
        root_rate = self.roots / elapsed if elapsed else 0.0
        left = max(self.expected - self.roots, 0)
        eta = f", about {left / root_rate:.0f} s left" if root_rate else ""
        self.progress(
            f"batch {self.batches}: {sum(counts.values())} rows in {seconds:.2f} s; "
            f"{self.roots} of {self.expected} roots deleted, {rate:,.0f} rows/s{eta}"
        )

    def summary(self) -> dict[str, Any]:
        seconds = time.monotonic() - self.started
        return {
            "rows": self.rows,
            "batches": self.batches,
            "seconds": round(seconds, 3),
            "rows_per_second": round(sum(self.rows.values()) / seconds) if seconds else 0,
            "longest_batch_seconds": round(self.longest, 3),
        }


class _Batches:
    """Runs work over keys in batches: one transaction per batch, with its audit rows."""

    def __init__(self, engine, run_id, plan, batch_size, stats, done: int):
        self.engine, self.run_id, self.plan = engine, run_id, plan
        self.batch_size, self.stats, self.batch_no = batch_size, stats, done

    def run(self, keys_query, key, work: Callable[[Connection, list], dict[str, int]]) -> None:
        last_key, retries = None, 0
        while True:
            query = keys_query.order_by(key).limit(self.batch_size)
            if last_key is not None:  # keyset: never rescan the held rows at the front
                query = query.where(key > last_key)
            started = time.monotonic()
            try:
                with self.engine.begin() as conn:
                    _statement_timeout(conn)
                    keys = conn.execute(_for_update(conn, query)).scalars().all()
                    if not keys:
                        return
                    counts = work(conn, keys)
                    _audit(conn, self.run_id, self.batch_no + 1, counts, keys, self.plan)
            except _HoldAppeared:
                retries += 1
                if retries > MAX_HOLD_RETRIES:
                    raise RuntimeError("rows kept changing hold while being deleted") from None
                log.warning("a legal hold was placed during a batch: batch undone, retrying")
                continue
            self.batch_no += 1
            last_key = keys[-1]
            self.stats.batch_done(counts, time.monotonic() - started)


def _audit(conn: Connection, run_id, batch_no, counts, keys, plan: RetentionPlan) -> None:
    now = datetime.now(UTC)
    conn.execute(
        insert(retention_audit),
        [
            {
                "run_id": run_id,
                "batch_no": batch_no,
                "table_name": table_name,
                "rows_deleted": n,
                "key_min": str(min(keys)),
                "key_max": str(max(keys)),
                "cutoff": plan.cutoff,
                "policy_version": plan.policy_version,
                "deleted_at": now,
            }
            for table_name, n in counts.items()
        ],
    )


def _for_update(conn: Connection, query):
    """Lock the batch's roots on PostgreSQL, so no new child can reference them meanwhile."""
    return query.with_for_update() if dialect_of(conn).row_locks else query


def _statement_timeout(conn: Connection) -> None:
    if timeout := dialect_of(conn).statement_timeout:
        conn.execute(text(timeout.format(ms=STATEMENT_TIMEOUT_S * 1000)))
