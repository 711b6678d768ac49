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
    BigInteger,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    String,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.sql.elements import ColumnElement

from include.governance.audit import (
    ensure_governance_tables,
    legal_holds,
)
from include.governance.catalog import Catalog
from include.governance.dialects import DigitsOnly, dialect_of
from include.governance.policy import (
    ChildTable,
    HoldCondition,
    Period,
    Policy,
    RetentionRule,
    as_match,
)
from include.governance.retention.conditions import matching, not_matching
from include.governance.schemas import physical
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
    integer_key: bool = False  # legal holds' keys are compared as numbers

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


class RuleSql:
    """The rule's tables and conditions as SQLAlchemy expressions, for one dialect.

    ``run_date`` is the run's logical day (holds such as a warranty that has not ended
    compare with it); ``integer_key``: the root's key is an integer, so a legal hold's
    key is compared as a number ('0042' holds row 42)."""

    def __init__(
        self, rule: RetentionRule, *, cutoff: datetime, run_date: date, integer_key: bool = False
    ):
        self.rule, self.run_date, self.integer_key = rule, run_date, integer_key
        root = TableName.parse(rule.table)
        cleared = [c for clearing in rule.clear_columns for c in clearing.columns]
        self.root = root.clause(rule.key, _timestamp(rule.date_column), *cleared)
        self.key = self.root.c[rule.key]
        self.expired = self.older_than(cutoff)
        self._child = {c.table: c for c in rule.children}
        self.children = {c.table: rule_table(c.table, *self._columns_of(c)) for c in rule.children}
        # Deepest first: a child's rows go before the rows of its parent they are found by.
        self.deletion_order = list(reversed(self.children))
        self.holds: dict[str, ColumnElement] = {h.name: self._held_by(h) for h in rule.holds}
        legal_key = self.legal_key(legal_holds.c.key_value)
        self.holds[LEGAL_HOLD] = exists().where(
            self.legal_holds_of_table(), legal_key == self.key_as_legal
        )
        self.deletable = and_(self.expired, *(~held for held in self.holds.values()))

    @classmethod
    def of_plan(cls, rule: RetentionRule, plan: RetentionPlan) -> RuleSql:
        return cls(
            rule, cutoff=plan.cutoff, run_date=plan.logical_date, integer_key=plan.integer_key
        )

    def _columns_of(self, child: ChildTable) -> list[str]:
        """A child's columns the rule uses: its reference, its holds' and those its own
        children refer to."""
        referred = [c.parent_column for c in self.rule.children if c.parent == child.table]
        return list(dict.fromkeys([child.column, *self._hold_columns(child.table), *referred]))

    @property
    def key_as_legal(self) -> ColumnElement:
        """The root's key as :meth:`legal_key` gives a legal hold's."""
        return self.key if self.integer_key else cast(self.key, String)

    def legal_key(self, key_value: ColumnElement) -> ColumnElement:
        """A legal hold's key as compliance typed it, without the spaces around it and, for
        an integer key, as a number (NULL when it is not one: it then holds nothing)."""
        typed = func.trim(key_value)
        if not self.integer_key:
            return typed
        number = and_(func.length(typed) <= 18, DigitsOnly(typed))
        return case((number, cast(typed, BigInteger)), else_=None)

    def legal_key_text(self, key_value: ColumnElement) -> ColumnElement:
        """A legal hold's key as the text the run records a deleted key as."""
        return cast(self.legal_key(key_value), String) if self.integer_key else func.trim(key_value)

    def legal_holds_of_table(self) -> ColumnElement:
        """Unreleased legal holds on the rule's table, its name in any case or padding."""
        return and_(
            func.lower(func.trim(legal_holds.c.table_name)) == self.rule.table.lower(),
            legal_holds.c.released_at.is_(None),
        )

    def unmatched_legal_holds(self) -> ColumnElement:
        """Unreleased legal holds on the rule's table naming a key it does not have: a
        typing error that would silently hold nothing."""
        named = self.legal_key(legal_holds.c.key_value)
        return and_(
            self.legal_holds_of_table(),
            or_(named.is_(None), ~exists().where(self.key_as_legal == named)),
        )

    def older_than(self, moment: datetime) -> ColumnElement:
        return self.root.c[self.rule.date_column] < moment

    def _hold_columns(self, table_name: str) -> list[str]:
        return [k for hold in self.rule.holds if hold.table == table_name for k in hold.where]

    def not_holding(self, child: str) -> ColumnElement:
        """The rows of ``child`` that hold no root (NULL-safe, the exact complement of each
        hold's tests): the only rows of a hold table a batch may delete."""
        t = self.children[child]
        guards = [
            or_(*(not_matching(t.c[k], as_match(v), self.run_date) for k, v in hold.where.items()))
            if hold.where
            else false()
            for hold in self.rule.holds
            if hold.table == child
        ]
        return and_(true(), *guards)

    def child_fk(self, child: str) -> ColumnElement:
        """The child's column that refers to its parent."""
        return self.children[child].c[self._child[child].column]

    def parent_key(self, child: str) -> ColumnElement:
        """The parent's column a child refers to: the root's key, or another child's column."""
        spec = self._child[child]
        if spec.parent in (None, self.rule.table):
            return self.key
        return self.children[spec.parent].c[spec.parent_column]

    def rows_of(self, child: str, roots: Any) -> ColumnElement:
        """The rows of ``child`` that belong to the roots ``roots`` (keys, or a SELECT of
        keys), through its parents."""
        spec = self._child[child]
        if spec.parent in (None, self.rule.table):
            return self.child_fk(child).in_(roots)
        parents = select(self.parent_key(child)).where(self.rows_of(spec.parent, roots))
        return self.child_fk(child).in_(parents)

    def orphan(self, child: str) -> ColumnElement:
        """Rows of ``child`` that refer to a parent that is gone (a NULL refers to none)."""
        fk = self.child_fk(child)
        return and_(fk.is_not(None), ~exists().where(self.parent_key(child) == fk))

    @staticmethod
    def hold_table(hold: HoldCondition):
        """The table of a hold, with the columns it refers and matches by."""
        return rule_table(hold.table, hold.column, *hold.where)

    def holding(self, hold: HoldCondition, t) -> ColumnElement:
        """The rows of the hold's table ``t`` that pass every test of its condition."""
        tests = (matching(t.c[k], as_match(v), self.run_date) for k, v in hold.where.items())
        return and_(true(), *tests)

    def _held_by(self, hold: HoldCondition) -> ColumnElement:
        t = self.hold_table(hold)
        return exists().where(t.c[hold.column] == self.key, self.holding(hold, t))

    def child_of_deletable(self, child: str) -> ColumnElement:
        return self.rows_of(child, select(self.key).where(self.deletable))


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
    integer_key = _check_warehouse_has(engine, rule_name, rule)
    ensure_governance_tables(engine)
    run_date = _utc_day(logical_date)
    sql = RuleSql(rule, cutoff=cutoff, run_date=run_date, integer_key=integer_key)
    with engine.connect() as conn:
        count = _counter(conn)
        plan = RetentionPlan(
            rule=rule_name,
            table=rule.table,
            logical_date=run_date,
            cutoff=cutoff,
            policy_version=policy.version,
            total_rows=count(sql.root, None),
            expired=count(sql.root, sql.expired),
            to_delete=count(sql.root, sql.deletable),
            held={name: count(sql.root, and_(sql.expired, c)) for name, c in sql.holds.items()},
            held_total=count(sql.root, and_(sql.expired, or_(*sql.holds.values()))),
            children={c: count(sql.children[c], sql.child_of_deletable(c)) for c in sql.children},
            max_share=rule.max_delete_share if max_share is None else max_share,
            integer_key=integer_key,
        )
        for clearing in rule.clear_columns:
            cleared = Clearing(sql, clearing, plan.logical_date)  # of rows that stay
            plan.clear[cleared.label] = count(sql.root, and_(cleared.pending, ~sql.deletable))
        plan.warnings += _legal_hold_warnings(conn, policy, sql)
    plan.missing_indexes = _missing_indexes(engine, rule)
    return plan


def _legal_hold_warnings(conn: Connection, policy: Policy, sql: RuleSql) -> list[str]:
    """Legal holds that hold nothing, though compliance meant them to: a key the table does
    not have, or a table no retention rule covers."""
    warnings = []
    if unmatched := _counter(conn)(legal_holds, sql.unmatched_legal_holds()):
        warnings.append(
            f"{unmatched} unreleased legal holds on {sql.rule.table} name a key it does not "
            "have, and hold nothing: check governance.legal_holds"
        )
    covered = [r.table.lower() for r in policy.retention.values()]
    named = func.lower(func.trim(legal_holds.c.table_name))
    uncovered = conn.execute(
        select(named, func.count())
        .where(legal_holds.c.released_at.is_(None), named.not_in(covered))
        .group_by(named)
        .order_by(named)
    ).all()
    if uncovered:
        warnings.append(
            f"{sum(n for _, n in uncovered)} unreleased legal holds name tables no retention "
            f"rule covers ({', '.join(t for t, _ in uncovered)}), and hold nothing: check "
            "governance.legal_holds"
        )
    return warnings


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


def expired_queries(rule: RetentionRule, plan: RetentionPlan) -> dict[str, Any]:
    """Per table, a count of the rows that belong to expired roots (held or not)."""
    sql = RuleSql.of_plan(rule, plan)
    expired = select(sql.key).where(sql.expired)
    queries = {rule.table: select(func.count()).select_from(sql.root).where(sql.expired)}
    for child in sql.children:
        queries[child] = (
            select(func.count()).select_from(sql.children[child]).where(sql.rows_of(child, expired))
        )
    return queries


def _counter(conn: Connection) -> Callable[[Any, ColumnElement | None], int]:
    def count(source, where: ColumnElement | None) -> int:
        query = select(func.count()).select_from(source)
        if where is not None:
            query = query.where(where)
        return conn.execute(query).scalar()

    return count


def _check_warehouse_has(engine: Engine, name: str, rule: RetentionRule) -> bool:
    """Name what is missing (where the policy names it) before any query: a renamed table
    must not look like no data. Returns whether the root's key is an integer."""
    at = f"retention.{name}"
    tables = {rule.table: at}  # table -> where the policy names it first
    needed = [
        (f"{at}.key", rule.table, rule.key),
        (f"{at}.date_column", rule.table, rule.date_column),
    ]
    for i, child in enumerate(rule.children):
        tables.setdefault(child.table, f"{at}.children[{i}]")
        needed.append((f"{at}.children[{i}].column", child.table, child.column))
        if child.parent_column:
            parent = child.parent or rule.table
            needed.append((f"{at}.children[{i}].parent_column", parent, child.parent_column))
    for i, hold in enumerate(rule.holds):
        tables.setdefault(hold.table, f"{at}.holds[{i}]")
        needed.append((f"{at}.holds[{i}].column", hold.table, hold.column))
        needed += [(f"{at}.holds[{i}].where.{c}", hold.table, c) for c in hold.where]
    for i, clearing in enumerate(rule.clear_columns):
        needed += [
            (f"{at}.clear_columns[{i}].columns[{j}]", rule.table, c)
            for j, c in enumerate(clearing.columns)
        ]
    inspector = Catalog(engine)
    columns: dict[str, dict[str, Any]] = {}
    for table_name, path in tables.items():
        where = TableName.parse(table_name)
        if not inspector.has_table(where.name, schema=where.schema):
            raise WarehouseError(f"{path}.table: table {table_name} is not in the warehouse")
        found = inspector.get_columns(where.name, schema=where.schema)
        columns[table_name] = {c["name"]: c["type"] for c in found}
    for path, table_name, column_name in needed:
        if column_name not in columns[table_name]:
            raise WarehouseError(f"{path}: {table_name} has no column {column_name!r}")
    return isinstance(columns[rule.table][rule.key], Integer)


def _missing_indexes(engine: Engine, rule: RetentionRule) -> list[str]:
    """The index each child reference to the root lacks, as the statement that makes it."""
    inspector = Catalog(engine)
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
                    schema=physical(engine, child_table.schema),
                    table=child_table.name,
                    column=child.column,
                )
            )
    return statements


def _timestamp(name: str):
    """A timestamp column typed so that SQLite compares it in the format it was stored in."""
    return Column(name, DateTime(timezone=True))


def _utc_day(moment: date | datetime) -> date:
    return moment.astimezone(UTC).date() if isinstance(moment, datetime) else moment


def rule_table(name: str, *columns: str):
    return TableName.parse(name).clause(*columns)


def rule_named(policy: Policy, name: str) -> RetentionRule:
    if name not in policy.retention:
        raise KeyError(
            f"policy.yml has no retention rule {name!r} (has: {sorted(policy.retention)})"
        )
    return policy.retention[name]
