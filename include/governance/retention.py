"""Retention: delete expired records with their child rows, in batches, with legal holds.

Deleting is the one thing here that cannot be undone, so a run is explicit at each step:

1. :func:`plan_retention` counts what would go and what is held (and why) for a cutoff
   derived from the run's logical date; :func:`check_guards` refuses a run that would
   delete more than a set share of the table, or whose cutoff is more recent than the
   retention period allows. Nothing is deleted before both have passed.
2. :func:`execute_retention` deletes in batches of root keys. Each batch is one
   transaction that deletes the children first, then the roots (with the holds applied
   again as ``NOT EXISTS`` guards), and writes its audit rows in the same transaction: a
   batch is either gone and audited, or neither. A killed run is re-run with the same run
   id and finishes the job.
3. :func:`verify_expectations` proves the result with Great Expectations: no unheld record
   older than the cutoff, no orphaned child, held records still there, and audit totals
   equal to the rows that are actually gone.

No copy of a deleted row is kept anywhere: the audit holds counts and key ranges only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from datetime import time as clock_time
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    String,
    and_,
    cast,
    column,
    delete,
    exists,
    func,
    insert,
    inspect,
    literal,
    or_,
    select,
    table,
    text,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from include.governance.audit import (
    ensure_governance_tables,
    legal_holds,
    retention_audit,
    retention_runs,
)
from include.governance.policy import Period, Policy, RetentionRule
from include.governance.warehouse import WarehouseError, dialect_name

log = logging.getLogger(__name__)

STATEMENT_TIMEOUT_S = 30
MAX_HOLD_RETRIES = 3
LEGAL_HOLD = "legal_hold"


class RetentionRefused(RuntimeError):
    """A guard stopped the run before anything was deleted."""


@dataclass
class RetentionPlan:
    rule: str
    table: str
    logical_date: date
    cutoff: datetime
    policy_version: str
    total_rows: int
    expired: int
    to_delete: int
    held: dict[str, int]  # hold name (or "legal_hold") -> expired rows it keeps
    held_total: int
    children: dict[str, int]  # child table -> rows that go with the roots
    max_share: float
    clear: dict[str, int] = field(default_factory=dict)  # "table.column" -> rows to clear
    warnings: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.to_delete / self.total_rows if self.total_rows else 0.0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RetentionPlan:
        """The plan back from :meth:`as_json` (how it travels between Airflow tasks)."""
        fields = {k: v for k, v in data.items() if k != "share"}
        fields["cutoff"] = datetime.fromisoformat(data["cutoff"])
        fields["logical_date"] = date.fromisoformat(data["logical_date"])
        return cls(**fields)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["cutoff"] = self.cutoff.isoformat()
        data["logical_date"] = self.logical_date.isoformat()
        data["share"] = round(self.share, 6)
        return data


def cutoff_for(logical_date: date | datetime, keep_for: Period) -> datetime:
    """Midnight UTC, ``keep_for`` before the run's logical date (its UTC calendar day).

    Calendar arithmetic: ten years before 2026-11-24 is 2016-11-24, and before 2028-02-29
    it is 2018-02-28 (the last day of February that year)."""
    day = _utc_day(logical_date) - relativedelta(
        years=keep_for.years, months=keep_for.months, days=keep_for.days
    )
    return datetime.combine(day, clock_time(), tzinfo=UTC)


class _Sql:
    """The rule's tables and conditions as SQLAlchemy expressions, for one dialect."""

    def __init__(self, rule: RetentionRule, cutoff: datetime):
        self.rule = rule
        schema, name = rule.table.split(".")
        cleared = [c for clearing in rule.clear_columns for c in clearing.columns]
        self.root = table(
            name,
            column(rule.key),
            _timestamp(rule.date_column),
            *(column(c) for c in dict.fromkeys(cleared)),
            schema=schema,
        )
        self.key = self.root.c[rule.key]
        self.expired = self.older_than(cutoff)
        self.children = {c.table: _table(c.table, c.column) for c in rule.children}
        self.holds: dict[str, ColumnElement] = {
            hold.name: self._held_by(hold.table, hold.column, hold.where) for hold in rule.holds
        }
        self.holds[LEGAL_HOLD] = exists().where(
            legal_holds.c.table_name == rule.table,
            legal_holds.c.key_value == cast(self.key, String),
            legal_holds.c.released_at.is_(None),
        )
        self.deletable = and_(self.expired, *(~held for held in self.holds.values()))

    def older_than(self, moment: datetime) -> ColumnElement:
        return self.root.c[self.rule.date_column] < moment

    def _held_by(self, name: str, col: str, where: dict[str, Any]) -> ColumnElement:
        t = _table(name, col, *where)
        return exists().where(t.c[col] == self.key, *(t.c[k] == v for k, v in where.items()))

    def child_fk(self, child: str):
        return self.children[child].c[_child_column(self.rule, child)]

    def child_of_deletable(self, child: str) -> ColumnElement:
        return self.child_fk(child).in_(select(self.key).where(self.deletable))


def plan_retention(
    engine: Engine,
    policy: Policy,
    rule_name: str,
    logical_date: date | datetime,
    max_share: float | None = None,
) -> RetentionPlan:
    """What a run for ``logical_date`` would delete and keep; changes nothing."""
    rule = _rule(policy, rule_name)
    cutoff = cutoff_for(logical_date, rule.keep_for)
    _check_warehouse_has(engine, rule)
    ensure_governance_tables(engine)
    sql = _Sql(rule, cutoff)
    with engine.connect() as conn:
        count = _counter(conn)
        plan = RetentionPlan(
            rule=rule_name,
            table=rule.table,
            logical_date=_utc_day(logical_date),
            cutoff=cutoff,
            policy_version=policy.version,
            total_rows=count(sql.root, None),
            expired=count(sql.root, sql.expired),
            to_delete=count(sql.root, sql.deletable),
            held={name: count(sql.root, and_(sql.expired, c)) for name, c in sql.holds.items()},
            held_total=count(sql.root, and_(sql.expired, or_(*sql.holds.values()))),
            children={c: count(sql.children[c], sql.child_of_deletable(c)) for c in sql.children},
            max_share=rule.max_delete_share if max_share is None else max_share,
        )
        for clearing in rule.clear_columns:
            cleared = _Clearing(sql, clearing, plan.logical_date)  # of rows that stay
            plan.clear[cleared.label] = count(sql.root, and_(cleared.pending, ~sql.deletable))
    plan.warnings = _unindexed_foreign_keys(engine, rule)
    return plan


def check_guards(plan: RetentionPlan, keep_for: Period, now: datetime | None = None) -> None:
    """Refuse, before anything is deleted, a run that deletes too much or too recent data."""
    now = now or datetime.now(UTC)
    latest_allowed = cutoff_for(now, keep_for)
    if plan.cutoff > latest_allowed:
        raise RetentionRefused(
            f"cutoff {plan.cutoff:%Y-%m-%d} is more recent than the retention period allows "
            f"(at most {latest_allowed:%Y-%m-%d} today): is the logical date in the future?"
        )
    if plan.share > plan.max_share:
        raise RetentionRefused(
            f"this run would delete {plan.to_delete} of {plan.total_rows} rows of {plan.table} "
            f"({plan.share:.1%}), more than the {plan.max_share:.1%} one run may delete; "
            "check the cutoff, or trigger with a higher max_delete_share to allow it"
        )


def record_run(
    engine: Engine, policy: Policy, plan: RetentionPlan, run_id: str, dry_run: bool
) -> None:
    """Record the run and its plan; the counts before the first attempt are kept, so a
    re-run after a crash is audited against where the run really started."""
    ensure_governance_tables(engine)
    expired_rows = _expired_queries(_rule(policy, plan.rule), plan.cutoff)
    with engine.begin() as conn:
        existing = conn.execute(
            select(retention_runs.c.before).where(retention_runs.c.run_id == run_id)
        ).first()
        values = {
            "rule": plan.rule,
            "cutoff": plan.cutoff,
            "policy_version": plan.policy_version,
            "dry_run": dry_run,
            "status": "planned" if dry_run else "deleting",
            "plan": plan.as_json(),
            "started_at": datetime.now(UTC),
        }
        if existing is None:
            before = None if dry_run else _counts(conn, expired_rows)
            conn.execute(insert(retention_runs).values(run_id=run_id, before=before, **values))
        else:
            if existing.before is None and not dry_run:
                values["before"] = _counts(conn, expired_rows)
            conn.execute(
                update(retention_runs).where(retention_runs.c.run_id == run_id).values(**values)
            )


def execute_retention(
    engine: Engine,
    policy: Policy,
    plan: RetentionPlan,
    run_id: str,
    batch_size: int,
    progress: Callable[[str], None] = log.info,
) -> dict[str, Any]:
    """Delete the plan's rows in batches; clear columns past their shorter period.
    Returns rows per table, batches, seconds and the longest batch."""
    rule = _rule(policy, plan.rule)
    sql = _Sql(rule, plan.cutoff)
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
        cleared = _Clearing(sql, clearing, plan.logical_date)
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


def verify_expectations(
    engine: Engine, policy: Policy, plan: RetentionPlan, run_id: str, checks: Any
) -> list[Any]:
    """Great Expectations after a run: what must be gone is gone, and nothing else."""
    import great_expectations as gx

    rule = _rule(policy, plan.rule)
    compile_sql = _literal_sql(engine)
    schema, name = rule.table.split(".")
    key = column(rule.key)
    unheld_expired = and_(
        column(rule.date_column, DateTime(timezone=True)) < plan.cutoff,
        *(_not_held(hold, key) for hold in rule.holds),
        cast(key, String).not_in(
            select(legal_holds.c.key_value).where(
                legal_holds.c.table_name == rule.table, legal_holds.c.released_at.is_(None)
            )
        ),
    )
    root_keys = select(_table(rule.table, rule.key).c[rule.key])
    results = [
        checks.validate(
            f"{plan.rule}__{name}",
            schema,
            name,
            [
                gx.expectations.UnexpectedRowsExpectation(
                    unexpected_rows_query="SELECT * FROM {batch} WHERE "
                    + compile_sql(unheld_expired),
                    description=f"no unheld row of {rule.table} older than the cutoff",
                )
            ],
        )
    ]
    for child in rule.children:
        child_schema, child_name = child.table.split(".")
        orphan = column(child.column).not_in(root_keys)
        results.append(
            checks.validate(
                f"{plan.rule}__{child_name}",
                child_schema,
                child_name,
                [
                    gx.expectations.UnexpectedRowsExpectation(
                        unexpected_rows_query="SELECT * FROM {batch} WHERE " + compile_sql(orphan),
                        description=f"no row of {child.table} without its {rule.table} row",
                    )
                ],
            )
        )
    with engine.connect() as conn:
        before = conn.execute(
            select(retention_runs.c.before).where(retention_runs.c.run_id == run_id)
        ).scalar()
    remaining = _expired_queries(rule, plan.cutoff)
    columns = {}
    for i, (table_name, remaining_now) in enumerate(remaining.items()):
        audited = select(func.coalesce(func.sum(retention_audit.c.rows_deleted), 0)).where(
            retention_audit.c.run_id == run_id, retention_audit.c.table_name == table_name
        )
        columns[f"gone_{i}"] = literal(before[table_name]) - remaining_now.scalar_subquery()
        columns[f"audited_{i}"] = audited.scalar_subquery()
    columns["still_expired"] = remaining[rule.table].scalar_subquery()
    query = compile_sql(select(*(expr.label(label) for label, expr in columns.items())))
    pairs = [
        gx.expectations.ExpectColumnPairValuesToBeEqual(
            column_A=f"gone_{i}",
            column_B=f"audited_{i}",
            description=f"audited deletions from {table_name} equal the rows gone",
        )
        for i, table_name in enumerate(remaining)
    ]
    held = gx.expectations.ExpectColumnValuesToBeBetween(
        column="still_expired",
        min_value=plan.held_total,
        description=f"the {plan.held_total} held rows of {rule.table} are still there",
    )
    results.append(checks.validate_query(f"{plan.rule}__audit", query, [*pairs, held]))
    return results


def finish_run(
    engine: Engine,
    run_id: str,
    status: str,
    deleted: dict | None,
    checks: list | None,
    report_path: str | None,
) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(retention_runs)
            .where(retention_runs.c.run_id == run_id)
            .values(
                status=status,
                deleted=deleted,
                checks=checks,
                finished_at=datetime.now(UTC),
                report_path=report_path,
            )
        )


def reclaim_space(engine: Engine, tables: list[str]) -> list[str]:
    """Make deleted rows physically go: VACUUM (ANALYZE) on PostgreSQL, VACUUM on SQLite.
    Returns the statements run (MariaDB: none; InnoDB reuses the space)."""
    statements = []
    if dialect_name(engine) == "postgresql":
        statements = [f"VACUUM (ANALYZE) {t}" for t in tables]
    elif dialect_name(engine) == "sqlite":
        statements = [f"VACUUM {s}" for s in sorted({t.split(".")[0] for t in tables})]
    if statements:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for statement in statements:
                conn.execute(text(statement))
    return statements


# --- helpers ---


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


class _Clearing:
    """Columns of a kept root row past their shorter period, still holding a value."""

    def __init__(self, sql: _Sql, clearing: Any, logical_date: date):
        self.columns = clearing.columns
        self.label = f"{sql.rule.table}({', '.join(clearing.columns)})"
        self.target = sql.root
        self.pending = and_(
            sql.older_than(cutoff_for(logical_date, clearing.keep_for)),
            or_(*(sql.root.c[c].is_not(None) for c in clearing.columns)),
        )


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


def _expired_queries(rule: RetentionRule, cutoff: datetime) -> dict[str, Any]:
    """Per table, a count of the rows that belong to expired roots (held or not)."""
    sql = _Sql(rule, cutoff)
    queries = {rule.table: select(func.count()).select_from(sql.root).where(sql.expired)}
    for child in sql.children:
        queries[child] = (
            select(func.count())
            .select_from(sql.children[child])
            .where(sql.child_fk(child).in_(select(sql.key).where(sql.expired)))
        )
    return queries


def _counts(conn: Connection, queries: dict[str, Any]) -> dict[str, int]:
    return {name: conn.execute(query).scalar() for name, query in queries.items()}


def _not_held(hold: Any, key: ColumnElement) -> ColumnElement:
    t = _table(hold.table, hold.column, *hold.where)
    held_keys = select(t.c[hold.column]).where(*(t.c[k] == v for k, v in hold.where.items()))
    return key.not_in(held_keys)


def _literal_sql(engine: Engine) -> Callable[[Any], str]:
    def compile_sql(clause: Any) -> str:
        return str(clause.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))

    return compile_sql


def _counter(conn: Connection) -> Callable[[Any, ColumnElement | None], int]:
    def count(source, where: ColumnElement | None) -> int:
        query = select(func.count()).select_from(source)
        if where is not None:
            query = query.where(where)
        return conn.execute(query).scalar()

    return count


def _for_update(conn: Connection, query):
    """Lock the batch's roots on PostgreSQL, so no new child can reference them meanwhile."""
    return query.with_for_update() if dialect_name(conn.engine) == "postgresql" else query


def _statement_timeout(conn: Connection) -> None:
    if dialect_name(conn.engine) == "postgresql":
        conn.execute(text(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_S * 1000}"))


def _check_warehouse_has(engine: Engine, rule: RetentionRule) -> None:
    """Name what is missing before any query: a renamed table must not look like no data."""
    needed: dict[str, set[str]] = {rule.table: {rule.key, rule.date_column}}
    for child in rule.children:
        needed.setdefault(child.table, set()).add(child.column)
    for hold in rule.holds:
        needed.setdefault(hold.table, set()).update({hold.column, *hold.where})
    for clearing in rule.clear_columns:
        needed[rule.table].update(clearing.columns)
    inspector = inspect(engine)
    for name, columns in needed.items():
        schema, table_name = name.split(".")
        if not inspector.has_table(table_name, schema=schema):
            raise WarehouseError(f"retention: table {name} is not in the warehouse")
        existing = {c["name"] for c in inspector.get_columns(table_name, schema=schema)}
        if missing := sorted(columns - existing):
            raise WarehouseError(f"retention: {name} has no column {', '.join(missing)}")


def _unindexed_foreign_keys(engine: Engine, rule: RetentionRule) -> list[str]:
    """Child tables whose reference to the root has no index: every batch would scan them."""
    inspector = inspect(engine)
    warnings = []
    for child in rule.children:
        schema, name = child.table.split(".")
        leading = {i["column_names"][0] for i in inspector.get_indexes(name, schema=schema)}
        primary = inspector.get_pk_constraint(name, schema=schema)["constrained_columns"]
        if child.column not in leading and primary[:1] != [child.column]:
            warnings.append(
                f"{child.table}.{child.column} has no index: each batch scans the whole table "
                "(create one before deleting at scale)"
            )
    return warnings


def _timestamp(name: str):
    """A timestamp column typed so that SQLite compares it in the format it was stored in."""
    return column(name, DateTime(timezone=True))


def _utc_day(moment: date | datetime) -> date:
    return moment.astimezone(UTC).date() if isinstance(moment, datetime) else moment


def _table(name: str, *columns: str):
    schema, table_name = name.split(".")
    return table(table_name, *(column(c) for c in dict.fromkeys(columns)), schema=schema)


def _child_column(rule: RetentionRule, child_table: str) -> str:
    return next(c.column for c in rule.children if c.table == child_table)


def _rule(policy: Policy, name: str) -> RetentionRule:
    if name not in policy.retention:
        raise KeyError(
            f"policy.yml has no retention rule {name!r} (has: {sorted(policy.retention)})"
        )
    return policy.retention[name]
