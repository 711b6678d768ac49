"""Deleting expired rows in batches of root keys, each batch one transaction with its audit rows.

Each batch, in its own transaction: locks and re-selects the roots of its keys that are
still deletable (a hold may have appeared since the keys were chosen), deletes the
children of exactly those roots, deepest first (rows of a hold table only where they hold
nothing, so a claim opened meanwhile survives), then the roots with the holds applied
again; if a root
is no longer deletable by then, the whole batch is undone and tried again. Its audit rows
and the deleted roots' keys are written in the same transaction: a batch is either gone
and audited, or neither. Every statement and lock wait of a batch is bounded
(:data:`BATCH_LIMIT_S`). Then children whose parent is gone (orphans) are swept in
batches of their own, and columns past a shorter period are cleared. A killed run is re-run with
the same run id and resumes after the last committed batch. No copy of a deleted row is
kept anywhere: the audit holds counts, key ranges and the deleted roots' keys.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    String,
    and_,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
    text,
    update,
)

from include.governance.audit import retention_audit, retention_deleted_keys
from include.governance.dialects import SchemaKind, dialect_of
from include.governance.policy import Policy
from include.governance.retention.plan import Clearing, RetentionPlan, RuleSql, rule_named
from include.governance.tables import TableName
from include.governance.warehouse import vacuum_schema_file

log = logging.getLogger(__name__)

BATCH_LIMIT_S = 30  # seconds a statement of a batch, or a lock wait, may take


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
    sql = RuleSql.of_plan(rule, plan)
    stats = _BatchStats(progress, expected=plan.to_delete, root=rule.table)
    with engine.connect() as conn:
        done = conn.execute(
            select(func.coalesce(func.max(retention_audit.c.batch_no), 0)).where(
                retention_audit.c.run_id == run_id
            )
        ).scalar()
    batches = _Batches(engine, run_id, plan, batch_size, stats, done)
    batches.run(select(sql.key).where(sql.deletable), sql.key, partial(_delete_roots, sql))
    for child in rule.children:  # parents first: a swept row's own children become orphans
        if child.sweep_orphans:
            sweepable = and_(sql.orphan(child.table), sql.not_holding(child.table))
            orphans = select(sql.child_fk(child.table)).where(sweepable).distinct()
            sweep = partial(_sweep_orphans, sql, child.table)
            batches.run(orphans, sql.child_fk(child.table), sweep, kind="orphans")
    for clearing in rule.clear_columns:
        cleared = Clearing(sql, clearing, plan.logical_date)
        key = cleared.target.c[rule.key]

        def clear_batch(conn: Connection, keys: list, _batch, cleared=cleared, key=key) -> dict:
            done = conn.execute(
                update(cleared.target)
                .where(key.in_(keys), cleared.pending)
                .values(dict.fromkeys(cleared.columns))
            )
            return {cleared.label: done.rowcount}

        batches.run(select(key).where(cleared.pending), key, clear_batch, kind="cleared")
    return stats.summary()


class _HoldAppeared(RuntimeError):
    pass


def _delete_roots(sql: RuleSql, conn: Connection, keys: list, batch: dict) -> dict[str, int]:
    """Delete the roots of ``keys`` that are still deletable, children first."""
    roots = _lock_deletable(conn, sql, keys)
    if not roots:
        return {}
    counts = {
        child: conn.execute(
            delete(sql.children[child]).where(sql.rows_of(child, roots), sql.not_holding(child))
        ).rowcount
        for child in sql.deletion_order
    }
    _record_keys(conn, sql, roots, batch)  # while the rows are there: the database copies
    gone = conn.execute(delete(sql.root).where(sql.key.in_(roots), sql.deletable))
    if gone.rowcount != len(roots):  # a hold appeared after the re-check: undo the batch
        raise _HoldAppeared
    counts[sql.rule.table] = gone.rowcount
    return counts


def _lock_deletable(conn: Connection, sql: RuleSql, keys: list) -> list:
    """Those of ``keys`` whose roots are still deletable, locked where the database can."""
    query = select(sql.key).where(sql.key.in_(keys), sql.deletable).order_by(sql.key)
    return list(conn.execute(_for_update(conn, query)).scalars())


def _sweep_orphans(
    sql: RuleSql, child: str, conn: Connection, keys: list, _batch: dict
) -> dict[str, int]:
    """Delete the rows of ``child`` that refer to the parents ``keys``, which are gone, and
    hold nothing (an open claim of a deleted order stays). Children are swept in the
    rule's order, parents first, so a swept row's own children are orphans by their turn."""
    swept = conn.execute(
        delete(sql.children[child]).where(
            sql.child_fk(child).in_(keys), sql.orphan(child), sql.not_holding(child)
        )
    )
    return {child: swept.rowcount}


def _record_keys(conn: Connection, sql: RuleSql, roots: list, batch: dict) -> None:
    """The keys of the roots a batch deletes, for the proof by key and for re-applying the
    deletions after a backup is restored; never anything else of the rows."""
    keys = select(
        literal(batch["run_id"]),
        literal(batch["batch_no"]),
        literal(sql.rule.table),
        cast(sql.key, String),
    ).where(sql.key.in_(roots))
    columns = ["run_id", "batch_no", "table_name", "key_value"]
    conn.execute(insert(retention_deleted_keys).from_select(columns, keys))


def reclaim_space(engine: Engine, tables: list[str]) -> list[str]:
    """Make deleted rows physically go: VACUUM (ANALYZE) on PostgreSQL, VACUUM on SQLite.
    Returns the statements run (MariaDB: none; InnoDB reuses the space)."""
    dialect = dialect_of(engine)
    statements = dialect.reclaim_statements(tables)
    if dialect.schemas is SchemaKind.FILE:  # each file alone: VACUUM needs an attach slot
        for schema in sorted({TableName.parse(t).schema for t in tables}):
            vacuum_schema_file(engine, schema)
    elif statements:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for statement in statements:
                conn.execute(text(statement))
    return statements


class _BatchStats:
    """Progress for the log (batches, rows/s, ETA) and totals for the audit and report:
    rows of expired roots and their children (and cleared columns) per table, and orphans
    swept per table."""

    def __init__(self, progress: Callable[[str], None], expected: int, root: str):
        self.progress, self.expected, self.root = progress, expected, root
        self.rows: dict[str, int] = {}
        self.orphans: dict[str, int] = {}
        self.batches, self.roots, self.longest = 0, 0, 0.0
        self.started = time.monotonic()

    def batch_done(self, counts: dict[str, int], seconds: float, kind: str) -> None:
        totals = self.orphans if kind == "orphans" else self.rows
        for table_name, n in counts.items():
            totals[table_name] = totals.get(table_name, 0) + n
        self.batches += 1
        self.roots += counts.get(self.root, 0) if kind == "deleted" else 0
        self.longest = max(self.longest, seconds)
        elapsed = time.monotonic() - self.started
        done = sum(self.rows.values()) + sum(self.orphans.values())
        rate = done / elapsed if elapsed else 0.0
        root_rate = self.roots / elapsed if elapsed else 0.0
        left = max(self.expected - self.roots, 0)
        eta = f", about {left / root_rate:.0f} s left" if root_rate and left else ""
        self.progress(
            f"batch {self.batches} ({kind}): {sum(counts.values())} rows in {seconds:.2f} s; "
            f"{self.roots} of {self.expected} roots deleted, {rate:,.0f} rows/s{eta}"
        )

    def summary(self) -> dict[str, Any]:
        seconds = time.monotonic() - self.started
        done = sum(self.rows.values()) + sum(self.orphans.values())
        return {
            "rows": self.rows,
            "orphans": self.orphans,
            "batches": self.batches,
            "seconds": round(seconds, 3),
            "rows_per_second": round(done / seconds) if seconds else 0,
            "longest_batch_seconds": round(self.longest, 3),
        }


class _Batches:
    """Runs work over keys in batches: one transaction per batch, with its audit rows."""

    def __init__(self, engine, run_id, plan, batch_size, stats, done: int):
        self.engine, self.run_id, self.plan = engine, run_id, plan
        self.batch_size, self.stats, self.batch_no = batch_size, stats, done

    def run(
        self,
        keys_query,
        key,
        work: Callable[[Connection, list, dict], dict[str, int]],
        kind: str = "deleted",
    ) -> None:
        """``work`` on the keys ``keys_query`` gives, ``batch_size`` at a time in key order,
        each batch in one transaction with its audit rows (``kind``: deleted, orphans or
        cleared); a batch a hold appeared in is undone and tried again."""
        last_key, retries = None, 0
        while True:
            query = keys_query.order_by(key).limit(self.batch_size)
            if last_key is not None:  # keyset: never rescan the held rows at the front
                query = query.where(key > last_key)
            started = time.monotonic()
            try:
                with self.engine.connect() as conn, _limits_reset(conn), conn.begin():
                    _limit_batch(conn)
                    keys = conn.execute(query).scalars().all()
                    if not keys:
                        return
                    batch = {"run_id": self.run_id, "batch_no": self.batch_no + 1}
                    counts = work(conn, keys, batch)
                    _audit(conn, batch, kind, counts, keys, self.plan)
            except _HoldAppeared:
                retries += 1
                if retries > MAX_HOLD_RETRIES:
                    raise RuntimeError("rows kept changing hold while being deleted") from None
                log.warning("a hold was placed during a batch: batch undone, retrying")
                continue
            retries = 0  # the limit is per batch: a long run meets many new claims
            self.batch_no += 1
            last_key = keys[-1]
            self.stats.batch_done(counts, time.monotonic() - started, kind)


def _audit(conn: Connection, batch: dict, kind: str, counts, keys, plan: RetentionPlan) -> None:
    if not counts:  # every root of the batch became held before it was deleted
        return
    now = datetime.now(UTC)
    conn.execute(
        insert(retention_audit),
        [
            {
                **batch,
                "table_name": table_name,
                "action": kind,
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
    """Lock the batch's roots where the database can, so that no new child or hold can
    refer to them until the batch commits (a foreign key waits on the lock)."""
    return query.with_for_update() if dialect_of(conn).row_locks else query


def _limit_batch(conn: Connection) -> None:
    """Bound every statement and lock wait of the batch: one that would scan a huge table or
    wait long fails (and the batch is undone) instead of blocking other writers."""
    if limits := dialect_of(conn).batch_limits:
        conn.execute(text(limits.format(seconds=BATCH_LIMIT_S)))


@contextmanager
def _limits_reset(conn: Connection) -> Iterator[None]:
    """End the batch's limits where they outlive its transaction (MariaDB: the session's),
    since the pool hands the connection out again."""
    try:
        yield
    finally:
        if reset := dialect_of(conn).batch_limits_reset:
            try:
                conn.execute(text(reset))
                conn.commit()
            except Exception:  # a broken connection: the pool must not hand it out again
                conn.invalidate()
