"""Incremental builds: only the source rows changed since the last build are anonymised.

A source whose policy names a ``watermark`` column (set to the time of every insert and
update) is built from the published output: the rows changed since that output's build
are anonymised into staging, the published rows that were not replaced are copied beside
them, and rows whose source row is gone (a retention run, an erasure) are removed. The
result is what a full build gives, row for row, and passes the same checks.

A full build is made instead, with the reason recorded, when the published output cannot
be trusted as a start: there is none, the policy or the key changed since (its version, or
its fingerprint where none was recorded: a new secret under a recorded version is refused
before, in :func:`.records.refuse_new_secret`), an age band would have moved with the run
date, the policy keeps a minimum k on the output (generalisation and suppression are chosen
on the whole of it: :mod:`.risk`), or the merge does not reconcile with the source.

Rows changed in the ``WATERMARK_OVERLAP`` before the last build's latest change are read
again: a transaction that stamped its rows before that build but committed after it is
not missed. Reading a row again is harmless: it replaces its earlier version by key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    Row,
    String,
    Table,
    case,
    func,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
)

from include.governance.anonymise.chunks import read_chunks
from include.governance.anonymise.plan import OutputPlan
from include.governance.catalog import Catalog
from include.governance.dialects import Dialect, dialect_of
from include.governance.pseudonym import PSEUDONYM_LENGTH, Pseudonymiser, PseudonymKey
from include.governance.restrictions import unrestricted
from include.governance.schemas import literal_sql
from include.governance.tables import TableName
from include.governance.warehouse import utc

WATERMARK_OVERLAP = timedelta(hours=1)


class FullBuildNeeded(Exception):
    """An incremental build cannot give what a full one would; says why."""


@dataclass(frozen=True)
class Increment:
    """Where an incremental build starts: rows changed after ``since`` are rebuilt."""

    since: datetime  # UTC

    def changed(self, watermark: ColumnElement, dialect: Dialect) -> ColumnElement[bool]:
        """The rows changed since (or with no watermark: they may have changed); naive UTC
        where the database keeps no time zone."""
        since = self.since if dialect.aware_timestamps else self.since.replace(tzinfo=None)
        return or_(watermark.is_(None), watermark > since)


def starting_point(
    engine: Engine,
    plan: OutputPlan,
    published: Row | None,
    *,
    policy_version: str,
    key: PseudonymKey,
    run_date: date,
) -> Increment | str:
    """Where an incremental build of ``plan`` starts from the ``published`` output's record
    (:func:`.records.last_published`), or why it must be a full build."""
    if not plan.watermark:
        return "the source has no watermark column in the policy"
    if plan.risk and plan.risk.min_k:
        return "its minimum k is kept on the whole output"
    if plan.table not in Catalog(engine).get_table_names(schema=plan.schema):
        return "no published output yet"
    if published is None or published.watermark is None:
        return "the published output has no recorded watermark"
    if published.policy_version != policy_version:
        return "the policy changed since the published output was built"
    if published.key_version != key.version:
        return f"the key changed since (version {published.key_version} to {key.version})"
    if published.key_fingerprint != key.fingerprint:
        was = published.key_fingerprint or "none recorded"
        return f"the key's fingerprint changed since ({was} to {key.fingerprint})"
    last_full = utc(published.last_full_run_date)
    if last_full and (run_date - last_full.date()).days >= plan.full_build_every_days:
        return (
            f"the last full build was {(run_date - last_full.date()).days} days before this "
            f"run (the policy asks for one every {plan.full_build_every_days} days)"
        )
    if plan.dated and utc(published.run_date).date() != run_date:
        return "age bands are taken on the run date, which changed"
    return Increment(utc(published.watermark) - WATERMARK_OVERLAP)


@dataclass(frozen=True)
class Watermark:
    """The latest change a build holds: the source's latest watermark, but never later than
    the database's time at the build's snapshot. A row stamped in the future (a clock gone
    wrong, a placeholder ``2099-01-01``) would otherwise become the next build's start, and
    every change made before 2099 would be missed; capped, such a row is read again each
    build (it is always "changed"), and counted."""

    latest: datetime | None
    future_rows: int = 0

    @classmethod
    def capped(cls, latest: datetime | None, now: datetime, future_rows: int) -> Watermark:
        """The latest change ``latest`` (UTC, or none), capped at ``now``."""
        latest = utc(latest)
        return cls(min(latest, now) if latest else None, future_rows)


def latest_change(conn: Connection, plan: OutputPlan) -> Watermark:
    """The source's :class:`Watermark` in the reading connection's snapshot."""
    return rows_and_latest_change(conn, plan)[1] if plan.watermark else Watermark(None)


@dataclass(frozen=True)
class Grouped:
    """Where :func:`rows_and_latest_change` counts by group as well: by the SQL ``by`` (over
    the source aliased ``src``), each group's rows, latest change and future rows written
    to a new table ``into`` (quoted) as ``b, n, latest, future``."""

    by: str
    into: str


def rows_and_latest_change(
    conn: Connection, plan: OutputPlan, *, counted: str = "1 = 1", grouped: Grouped | None = None
) -> tuple[int, Watermark]:
    """The source's rows that ``counted`` selects (SQL over the source aliased ``src``) and
    its :class:`Watermark`, in one scan of the reading connection's snapshot; ``grouped``,
    the same per group in that scan, staged, the totals summed from them. The column is
    named, not reflected: the callers have read the source's columns already (``DateTime``
    reads SQLite's text as a timestamp, as reflection would)."""
    rows = func.sum(case((text(counted), 1), else_=0))  # MariaDB has no FILTER
    if not plan.watermark:
        if grouped is not None:
            raise ValueError(f"{plan.source}: counting by group needs its watermark column")
        source = TableName.parse(plan.source).clause().alias("src")
        return int(conn.execute(select(rows).select_from(source)).scalar() or 0), Watermark(None)
    now = utc(conn.execute(select(type_coerce(func.current_timestamp(), DateTime()))).scalar())
    at = now if dialect_of(conn).aware_timestamps else now.replace(tzinfo=None)
    source = TableName.parse(plan.source).clause(Column(plan.watermark, DateTime())).alias("src")
    watermark = source.c[plan.watermark]
    totals = [rows, func.max(watermark), func.sum(case((watermark > at, 1), else_=0))]
    if grouped is None:
        counted_rows, latest, future = conn.execute(select(*totals).select_from(source)).one()
    else:
        counted_rows, latest, future = _grouped(conn, source, totals, grouped)
    return int(counted_rows or 0), Watermark.capped(latest, now, int(future or 0))


def _grouped(conn: Connection, source, totals: list, grouped: Grouped) -> Row:
    """The ``totals`` (rows, latest, future) of each of the ``grouped`` groups, written to
    its table (``CREATE TABLE ... AS``, which PostgreSQL's workers may share: an ``INSERT
    ... SELECT`` runs alone), then summed from it."""
    by = literal_column(grouped.by)
    names = ("n", "latest", "future")
    query = select(by.label("b"), *(t.label(n) for t, n in zip(totals, names, strict=True)))
    query = query.select_from(source).group_by(by)
    conn.exec_driver_sql(f"CREATE TABLE {grouped.into} AS {literal_sql(conn, query)}")
    totals_of_groups = text(
        f"SELECT sum(n) AS n, max(latest) AS latest, sum(future) AS future FROM {grouped.into}"
    )  # typed: SQLite's table keeps no type for latest, and reads it back as text
    return conn.execute(
        totals_of_groups.columns(n=Integer(), latest=DateTime(), future=Integer())
    ).one()


def merge_published(
    write: Connection,
    plan: OutputPlan,
    source_rows: int,
    remove_gone: Callable[[], int],
) -> tuple[int, int]:
    """Copy the published rows not rebuilt into staging beside the changed ones, then remove
    rows gone from the source; (rows copied, rows removed). ``remove_gone`` deletes the
    staging rows whose key is no longer in the source and says how many it deleted."""
    quote = write.dialect.identifier_preparer.quote
    names = ", ".join(quote(n) for n in plan.output_names)
    key = quote(plan.key_column.name)
    staging = plan.staged.quoted(write)
    if dialect_of(write).anti_join:  # NOT IN would not hash a big set
        rebuilt = f"NOT EXISTS (SELECT 1 FROM {staging} s WHERE s.{key} = p.{key})"
    else:  # an indexed lookup of the subquery, where NOT EXISTS would scan it per row
        rebuilt = f"p.{key} NOT IN (SELECT {key} FROM {staging})"
    published = TableName.parse(plan.output).quoted(write)
    copied = write.exec_driver_sql(
        f"INSERT INTO {staging} ({names}) SELECT {names} FROM {published} p WHERE {rebuilt}"
    ).rowcount
    total = write.exec_driver_sql(f"SELECT count(*) FROM {staging}").scalar()
    removed = remove_gone() if total > source_rows else 0
    if total - removed != source_rows:
        raise not_reconciled(total - removed, source_rows)
    return copied, removed


def not_reconciled(rows: int, source_rows: int) -> FullBuildNeeded:
    """Why a merge cannot stand: it would publish ``rows`` for the source's."""
    return FullBuildNeeded(
        f"the merged output has {rows} rows where the source has {source_rows} "
        "(rows changed without their watermark?)"
    )


def remove_gone_by_streaming(
    read: Connection,
    write: Connection,
    plan: OutputPlan,
    *,
    source: Table,
    pseudonymise: Pseudonymiser,
    rows: int,
) -> int:
    """Delete the staging rows whose source row is gone (or restricted by an erasure), by
    the pseudonyms of the keys of ``source`` (reflected before anything was written: SQLite
    would wait for the writer) read ``rows`` at a time into a temporary table; rows
    deleted."""
    present = Table(
        "governance_present_keys",
        MetaData(),
        Column("k", String(PSEUDONYM_LENGTH), primary_key=True),
        prefixes=["TEMPORARY"],
    )
    present.create(write)
    name = plan.key_column.name
    allowed = unrestricted(read, plan.source, source.c[plan.key])
    for chunk in read_chunks(read, select(source.c[plan.key]).where(allowed), rows):
        keys = [{"k": pseudonymise(name, v)} for v in chunk[plan.key].tolist()]
        write.execute(present.insert(), keys)
    quote = write.dialect.identifier_preparer.quote
    removed = write.exec_driver_sql(
        f"DELETE FROM {plan.staged.quoted(write)} "
        f"WHERE {quote(name)} NOT IN (SELECT k FROM {present.name})"
    ).rowcount
    present.drop(write)
    return removed
