"""Rows per time bucket of a published output, kept with it, for in-place builds.

An in-place build (:func:`.pushdown.fill_changes_by_pushdown`) looks for the published
rows whose source row is gone (a retention run, an erasure) only in the time buckets (an
order's day) that now have fewer source rows than published ones, because finding them
means hashing every source key of those buckets. The published output's rows per bucket
are counted once, when a version is built, and published with it in the swap's
transaction (``staging.swap_in``): an increment's counts are the published ones with the
replaced and gone rows taken out and the staged ones added, so no build groups the whole
published table again. A build that never publishes leaves the published counts as they
were; counts that no longer add up to the published rows (an erasure deleted some) are
made again from them; and counts that do not add up to the source's rows stop the
increment (a full build follows), so a count gone wrong cannot hide a gone row.
"""

from __future__ import annotations

from sqlalchemy import Connection

from include.governance.anonymise.columns import OutputColumn
from include.governance.anonymise.incremental import (
    FullBuildNeeded,
    Grouped,
    Watermark,
    rows_and_latest_change,
)
from include.governance.anonymise.plan import OutputPlan
from include.governance.anonymise.sql import truncate_sql
from include.governance.anonymise.staging import (
    bucket_counts_name,
    gone_table_name,
    helper_name,
)
from include.governance.policy import TruncateTime
from include.governance.tables import TableName


def time_bucket(plan: OutputPlan) -> OutputColumn | None:
    """The first truncated time the source always has (a NULL is in no bucket)."""
    times = (c for c in plan.columns if isinstance(c.rule, TruncateTime) and not c.nullable)
    return next(times, None)


def counted_bucket(plan: OutputPlan) -> OutputColumn | None:
    """The bucket a full build counts its rows by: only for an output that can be built
    in place (a watermark, no minimum k, whose suppressions would change the counts)."""
    if not plan.watermark or (plan.risk and plan.risk.min_k):
        return None
    return time_bucket(plan)


def count_source(
    conn: Connection, plan: OutputPlan, bucket: OutputColumn, *, allowed: str
) -> tuple[int, Watermark]:
    """The source's rows that ``allowed`` selects and its :class:`Watermark`, as
    :func:`.incremental.rows_and_latest_change` gives them, and in the same scan its
    rows per bucket, staged for :func:`lost_buckets`: an increment's search for gone rows
    grouped the source a second time (10M orders: 4.3 s at load 6, against 1.4 s to
    count and 6.8 s to group again with the bucket's zone named; timestamps in UTC)."""
    quote = conn.dialect.identifier_preparer.quote
    source_time = f"src.{quote(bucket.source)}"
    derived = truncate_sql(source_time, bucket.rule.to, bucket.type, session_in_utc=True)
    conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    counts = Grouped(derived, _source_counts(conn, plan))
    return rows_and_latest_change(conn, plan, counted=allowed, grouped=counts)


def count_full_build(conn: Connection, plan: OutputPlan, bucket: OutputColumn) -> None:
    """Stage the staged output's rows per bucket (its bucket made already). Not counted
    in the source's count (:func:`count_source`), though that would spare a scan: with no
    statistics of the bucket's SQL PostgreSQL expects a group a row, and groups the
    source in one process (10M orders: 2.4 s, against 1.0 s to count it and 1.1 s to
    group the staged table, both shared by its workers, the table never analysed)."""
    at = conn.dialect.identifier_preparer.quote(bucket.name)
    conn.exec_driver_sql(
        f"CREATE TABLE {_staged_counts(conn, plan)} AS SELECT {at} AS b, count(*) AS n "
        f"FROM {plan.staged.quoted(conn)} GROUP BY 1"
    )


def drop_source_counts(conn: Connection, plan: OutputPlan) -> None:
    """Drop what :func:`count_source` staged, once used."""
    conn.exec_driver_sql(f"DROP TABLE {_source_counts(conn, plan)}")


def lost_buckets(conn: Connection, plan: OutputPlan, counted: str) -> str:
    """The buckets where the output, as ``counted``, has more rows than the source has
    as :func:`count_source` counted them: those that lost rows. A query."""
    return (
        f"SELECT o.b FROM {counted} o LEFT JOIN {_source_counts(conn, plan)} i ON i.b = o.b "
        "WHERE o.n > COALESCE(i.n, 0)"
    )


def count_increment(
    conn: Connection, plan: OutputPlan, bucket: OutputColumn, kept: str, *, published_rows: int
) -> str:
    """Stage the rows per bucket of the published output with the staged rows in place of
    those they replace (``kept``: the published rows not replaced); the staged table's name.
    From the published counts, or, where there are none or they no longer add up to the
    ``published_rows``, by grouping the published rows."""
    quote = conn.dialect.identifier_preparer.quote
    at, key = quote(bucket.name), quote(plan.key_column.name)
    published = TableName.parse(plan.output).quoted(conn)
    staged = plan.staged.quoted(conn)
    kept_counts = bucket_counts_name(plan.schema, plan.table, published=True).quoted(conn)
    found = conn.exec_driver_sql(f"SELECT to_regclass('{kept_counts}') IS NOT NULL").scalar()
    if found:  # rows deleted outside a build (an erasure's) leave the stored counts behind
        stored = conn.exec_driver_sql(f"SELECT COALESCE(sum(n), 0) FROM {kept_counts}").scalar()
        found = stored == published_rows
    if found:
        counts = (
            f"SELECT b, sum(n) AS n FROM (SELECT b, n FROM {kept_counts} "
            f"UNION ALL SELECT p.{at}, -count(*) FROM {published} p "
            f"JOIN {staged} s ON s.{key} = p.{key} GROUP BY 1 "
            f"UNION ALL SELECT {at}, count(*) FROM {staged} GROUP BY 1) c GROUP BY b"
        )
    else:
        counts = (
            f"SELECT {at} AS b, count(*) AS n FROM "
            f"(SELECT {at} FROM ({kept}) k UNION ALL SELECT {at} FROM {staged}) o GROUP BY 1"
        )
    counted = _staged_counts(conn, plan)
    conn.exec_driver_sql(f"CREATE TABLE {counted} AS {counts}")
    return counted


def count_out_gone(
    conn: Connection, plan: OutputPlan, bucket: OutputColumn, *, source_rows: int
) -> None:
    """Take the staged gone rows out of the staged counts, which must then add up to the
    source's rows; raise :class:`FullBuildNeeded` where they do not."""
    quote = conn.dialect.identifier_preparer.quote
    at, key = quote(bucket.name), quote(plan.key_column.name)
    published = TableName.parse(plan.output).quoted(conn)
    gone = gone_table_name(plan.schema, plan.table).quoted(conn)
    counted = _staged_counts(conn, plan)
    conn.exec_driver_sql(
        f"UPDATE {counted} c SET n = c.n - g.n FROM (SELECT p.{at} AS b, count(*) AS n "
        f"FROM {published} p JOIN {gone} g ON g.k = p.{key} GROUP BY 1) g WHERE c.b = g.b"
    )
    conn.exec_driver_sql(f"DELETE FROM {counted} WHERE n = 0")
    total = conn.exec_driver_sql(f"SELECT COALESCE(sum(n), 0) FROM {counted}").scalar()
    if total != source_rows:
        raise FullBuildNeeded(
            f"the output's rows per {bucket.name} add up to {total} where the source has "
            f"{source_rows}"
        )


def _source_counts(conn: Connection, plan: OutputPlan) -> str:
    return helper_name(plan.staged, "source_buckets").quoted(conn)


def _staged_counts(conn: Connection, plan: OutputPlan) -> str:
    return bucket_counts_name(plan.schema, plan.table, published=False).quoted(conn)
