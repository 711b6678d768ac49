"""What a retention run would delete and keep, and the guards that refuse it beforehand.

:func:`plan_retention` counts what would go and what is held (and why) for a cutoff derived
from the run's logical date; :func:`check_guards` refuses a run that would delete more than
a set share of the table, or whose cutoff is more recent than the retention period allows.
Nothing is deleted before both have passed. :class:`RuleSql` holds the rule's tables and
conditions as SQLAlchemy expressions, shared by the plan, the deletes and the proof.
"""

from __future__ import annotations

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
    exists,
    false,
    func,
    inspect,
    or_,
    select,
    table,
    true,
)
from sqlalchemy.sql.elements import ColumnElement

from include.governance.audit import (
    ensure_governance_tables,
    legal_holds,
)
from include.governance.dialects import dialect_of
from include.governance.policy import HoldCondition, Period, Policy, RetentionRule
from include.governance.tables import TableName
from include.governance.warehouse import WarehouseError

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
    # CREATE INDEX statements for child references without one: every batch would scan
    missing_indexes: list[str] = field(default_factory=list)

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


def legal_key(key_value: ColumnElement) -> ColumnElement:
    """A legal hold's key as compliance typed it, without the spaces around it."""
    return func.trim(key_value)


def cutoff_for(logical_date: date | datetime, keep_for: Period) -> datetime:
    """Midnight UTC, ``keep_for`` before the run's logical date (its UTC calendar day).

    Calendar arithmetic: ten years before 2026-11-24 is 2016-11-24, and before 2028-02-29
    it is 2018-02-28 (the last day of February that year)."""
    day = _utc_day(logical_date) - relativedelta(
        years=keep_for.years, months=keep_for.months, days=keep_for.days
    )
    return datetime.combine(day, clock_time(), tzinfo=UTC)


class RuleSql:
    """The rule's tables and conditions as SQLAlchemy expressions, for one dialect."""

    def __init__(self, rule: RetentionRule, cutoff: datetime):
        self.rule = rule
        root = TableName.parse(rule.table)
        cleared = [c for clearing in rule.clear_columns for c in clearing.columns]
        self.root = table(
            root.name,
            column(rule.key),
            _timestamp(rule.date_column),
            *(column(c) for c in dict.fromkeys(cleared)),
            schema=root.schema,
        )
        self.key = self.root.c[rule.key]
        self.expired = self.older_than(cutoff)
        self.children = {
            c.table: rule_table(c.table, c.column, *self._hold_columns(c.table))
            for c in rule.children
        }
        self.holds: dict[str, ColumnElement] = {h.name: self._held_by(h) for h in rule.holds}
        self.holds[LEGAL_HOLD] = exists().where(
            self.legal_holds_of_table(),
            legal_key(legal_holds.c.key_value) == cast(self.key, String),
        )
        self.deletable = and_(self.expired, *(~held for held in self.holds.values()))

    def legal_holds_of_table(self) -> ColumnElement:
        """Unreleased legal holds on the rule's table, its name in any case or padding."""
        return and_(
            func.lower(func.trim(legal_holds.c.table_name)) == self.rule.table.lower(),
            legal_holds.c.released_at.is_(None),
        )

    def unmatched_legal_holds(self) -> ColumnElement:
        """Unreleased legal holds on the rule's table naming a key it does not have: a
        typing error that would silently hold nothing."""
        named = legal_key(legal_holds.c.key_value)
        return and_(self.legal_holds_of_table(), ~exists().where(cast(self.key, String) == named))

    def older_than(self, moment: datetime) -> ColumnElement:
        return self.root.c[self.rule.date_column] < moment

    def _hold_columns(self, table_name: str) -> list[str]:
        return [k for hold in self.rule.holds if hold.table == table_name for k in hold.where]

    def not_holding(self, child: str) -> ColumnElement:
        """The rows of ``child`` that hold no root (NULL-safe: a NULL matches no condition):
        the only rows of a hold table a batch may delete."""
        t = self.children[child]
        guards = [
            or_(*(t.c[k].is_(None) | (t.c[k] != v) for k, v in hold.where.items()))
            if hold.where
            else false()
            for hold in self.rule.holds
            if hold.table == child
        ]
        return and_(true(), *guards)

    def orphan(self, child: str) -> ColumnElement:
        """Rows of ``child`` that refer to a root that is gone (a NULL refers to none)."""
        fk = self.child_fk(child)
        return and_(fk.is_not(None), ~exists().where(self.key == fk))

    @staticmethod
    def hold_table(hold: HoldCondition):
        """The table of a hold, with the columns it refers and matches by."""
        return rule_table(hold.table, hold.column, *hold.where)

    @staticmethod
    def holding(hold: HoldCondition, t) -> ColumnElement:
        """The rows of the hold's table ``t`` that match its condition."""
        return and_(true(), *(t.c[k] == v for k, v in hold.where.items()))

    def _held_by(self, hold: HoldCondition) -> ColumnElement:
        t = self.hold_table(hold)
        return exists().where(t.c[hold.column] == self.key, self.holding(hold, t))

    def child_fk(self, child: str):
        return self.children[child].c[_child_column(self.rule, child)]

    def child_of_deletable(self, child: str) -> ColumnElement:
        return self.child_fk(child).in_(select(self.key).where(self.deletable))


def plan_retention(
    engine: Engine,
    policy: Policy,
    rule_name: str,
    logical_date: date | datetime,
    *,
    max_share: float | None = None,
) -> RetentionPlan:
    """What a run for ``logical_date`` would delete and keep; changes nothing."""
    rule = rule_named(policy, rule_name)
    cutoff = cutoff_for(logical_date, rule.keep_for)
    _check_warehouse_has(engine, rule)
    ensure_governance_tables(engine)
    sql = RuleSql(rule, cutoff)
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
            cleared = Clearing(sql, clearing, plan.logical_date)  # of rows that stay
            plan.clear[cleared.label] = count(sql.root, and_(cleared.pending, ~sql.deletable))
    plan.missing_indexes = _missing_indexes(engine, rule)
    with engine.connect() as conn:
        unmatched = _counter(conn)(legal_holds, sql.unmatched_legal_holds())
    if unmatched:
        plan.warnings.append(
            f"{unmatched} unreleased legal holds on {rule.table} name a key it does not have, "
            "and hold nothing: check governance.legal_holds"
        )
    return plan


def check_guards(
    plan: RetentionPlan,
    keep_for: Period,
    now: datetime | None = None,
    *,
    allow_unindexed: bool = False,
) -> None:
    """Refuse, before anything is deleted, a run that deletes too much or too recent data,
    or that would scan a whole child table in every batch (unless ``allow_unindexed``)."""
    now = now or datetime.now(UTC)
    if plan.missing_indexes and not allow_unindexed:
        raise RetentionRefused(
            "child tables refer to the rows to delete through columns without an index, so "
            "every batch would scan them whole (on PostgreSQL past the statement timeout, on "
            "MariaDB locking the table): run "
            + "; ".join(plan.missing_indexes)
            + ", or trigger with allow_unindexed to delete anyway"
        )
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


class Clearing:
    """Columns of a kept root row past their shorter period, still holding a value."""

    def __init__(self, sql: RuleSql, clearing: Any, logical_date: date):
        self.columns = clearing.columns
        self.label = f"{sql.rule.table}({', '.join(clearing.columns)})"
        self.target = sql.root
        self.pending = and_(
            sql.older_than(cutoff_for(logical_date, clearing.keep_for)),
            or_(*(sql.root.c[c].is_not(None) for c in clearing.columns)),
        )


def expired_queries(rule: RetentionRule, cutoff: datetime) -> dict[str, Any]:
    """Per table, a count of the rows that belong to expired roots (held or not)."""
    sql = RuleSql(rule, cutoff)
    queries = {rule.table: select(func.count()).select_from(sql.root).where(sql.expired)}
    for child in sql.children:
        queries[child] = (
            select(func.count())
            .select_from(sql.children[child])
            .where(sql.child_fk(child).in_(select(sql.key).where(sql.expired)))
        )
    return queries


def _counter(conn: Connection) -> Callable[[Any, ColumnElement | None], int]:
    def count(source, where: ColumnElement | None) -> int:
        query = select(func.count()).select_from(source)
        if where is not None:
            query = query.where(where)
        return conn.execute(query).scalar()

    return count


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
        where = TableName.parse(name)
        if not inspector.has_table(where.name, schema=where.schema):
            raise WarehouseError(f"retention: table {name} is not in the warehouse")
        existing = {c["name"] for c in inspector.get_columns(where.name, schema=where.schema)}
        if missing := sorted(columns - existing):
            raise WarehouseError(f"retention: {name} has no column {', '.join(missing)}")


def _missing_indexes(engine: Engine, rule: RetentionRule) -> list[str]:
    """The index each child reference to the root lacks, as the statement that makes it."""
    inspector = inspect(engine)
    statements = []
    for child in rule.children:
        child_table = TableName.parse(child.table)
        indexes = inspector.get_indexes(child_table.name, schema=child_table.schema)
        leading = {i["column_names"][0] for i in indexes}
        primary = inspector.get_pk_constraint(child_table.name, schema=child_table.schema)[
            "constrained_columns"
        ]
        if child.column not in leading and primary[:1] != [child.column]:
            statements.append(
                dialect_of(engine).create_index.format(
                    name=f"ix_{child_table.name}_{child.column}",
                    schema=child_table.schema,
                    table=child_table.name,
                    column=child.column,
                )
            )
    return statements


def _timestamp(name: str):
    """A timestamp column typed so that SQLite compares it in the format it was stored in."""
    return column(name, DateTime(timezone=True))


def _utc_day(moment: date | datetime) -> date:
    return moment.astimezone(UTC).date() if isinstance(moment, datetime) else moment


def rule_table(name: str, *columns: str):
    return TableName.parse(name).clause(*columns)


def _child_column(rule: RetentionRule, child_table: str) -> str:
    return next(c.column for c in rule.children if c.table == child_table)


def rule_named(policy: Policy, name: str) -> RetentionRule:
    if name not in policy.retention:
        raise KeyError(
            f"policy.yml has no retention rule {name!r} (has: {sorted(policy.retention)})"
        )
    return policy.retention[name]
