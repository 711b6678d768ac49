"""How many groups of an output's quasi-identifiers have each size, kept with the output,
so an in-place build measures its risk from the groups it changed.

The risk of an output (:mod:`..risk`: the smallest group, the share of rows alone in
theirs) is a function of its group sizes only: how many groups have one row, two, ... A
build that can be applied in place (PostgreSQL, a watermark, no minimum k) stages that
histogram beside its table (a few rows), and the swap publishes it with the version it
describes, as it does the rows per bucket (``staging.swap_in``). An increment then
changes only the groups its rows leave (the published rows it replaces or removes) or
join (its staged rows): their sizes are counted in the published table in one scan that
PostgreSQL's workers share, and the histogram is the published one with those groups'
old sizes taken out and their new ones put in, instead of grouping the whole output
again (ten million orders: 11 s). Groups are matched by a text of their values in which
a missing value is unlike any other (``quote_nullable``), as grouping treats it. A
histogram that no longer adds up to the published rows (an erasure deleted some) is made
again by grouping the output as its publish will leave it.
"""

from __future__ import annotations

from sqlalchemy import Connection

from include.governance.anonymise.plan import OutputPlan
from include.governance.anonymise.staging import gone_table_name, group_sizes_name, helper_name
from include.governance.dialects import Publish, dialect_of
from include.governance.tables import TableName


def keeps_sizes(conn: Connection, plan: OutputPlan) -> bool:
    """Whether ``plan``'s output may be built in place, so its group sizes are kept."""
    in_place = dialect_of(conn).publish is Publish.MOVE and plan.watermark is not None
    return in_place and plan.risk is not None and not plan.risk.min_k


def measure_full(conn: Connection, plan: OutputPlan) -> tuple[int | None, float | None]:
    """Stage the group sizes of the staged output; its smallest group and unique share."""
    _stage(conn, plan, _sizes_of(plan, plan.staged.quoted(conn), conn))
    return _measure(conn, plan)


def measure_increment(conn: Connection, plan: OutputPlan) -> tuple[int | None, float | None]:
    """Stage the group sizes of the output as publishing the staged increment will leave
    it; its smallest group and unique share."""
    quote = conn.dialect.identifier_preparer.quote
    key = quote(plan.key_column.name)
    published = TableName.parse(plan.output).quoted(conn)
    staged = plan.staged.quoted(conn)
    gone = gone_table_name(plan.schema, plan.table).quoted(conn)
    stored = group_sizes_name(plan.schema, plan.table, published=True).quoted(conn)
    found = conn.exec_driver_sql(f"SELECT to_regclass('{stored}') IS NOT NULL").scalar()
    if found:
        rows = conn.exec_driver_sql(f"SELECT COALESCE(sum(n * groups), 0) FROM {stored}")
        found = rows.scalar() == conn.exec_driver_sql(f"SELECT count(*) FROM {published}").scalar()
    if not found:
        after = (
            f"SELECT * FROM {published} p WHERE NOT EXISTS (SELECT 1 FROM {staged} s "
            f"WHERE s.{key} = p.{key}) AND NOT EXISTS (SELECT 1 FROM {gone} g "
            f"WHERE g.k = p.{key}) UNION ALL SELECT * FROM {staged}"
        )
        _stage(conn, plan, _sizes_of(plan, f"({after})", conn))
        return _measure(conn, plan)
    group = _group_text(plan, conn)
    # Each quasi-identifier's values in the touched groups narrow the scan down before a
    # row's group is written out as text (one text, one value of each: any row's is the group's).
    names = [quote(n) for n in plan.risk.quasi_identifiers]
    touched, before = (
        helper_name(plan.staged, kind).quoted(conn) for kind in ("touched", "before")
    )
    changes = " UNION ALL ".join(
        f"SELECT {''.join(f'{a}.{c}, ' for c in names)}{group(a)} AS f, {d} AS d FROM {rows}"
        for a, d, rows in (
            ("p", -1, f"{staged} s JOIN {published} p ON p.{key} = s.{key}"),
            ("p", -1, f"{gone} g JOIN {published} p ON p.{key} = g.k"),
            ("s", 1, f"{staged} s"),
        )
    )
    conn.exec_driver_sql(  # the touched groups and the rows each gains (or loses)
        f"CREATE UNLOGGED TABLE {touched} AS SELECT f, sum(d) AS d"
        f"{''.join(f', (array_agg({c}))[1] AS {c}' for c in names)} FROM ({changes}) c GROUP BY f"
    )
    conn.exec_driver_sql(f"ANALYZE {touched}")
    narrowed = "".join(
        f"(p.{c} IS NULL OR p.{c} IN (SELECT {c} FROM {touched})) AND " for c in names
    )
    conn.exec_driver_sql(  # their sizes now, in one scan of the published rows
        f"CREATE UNLOGGED TABLE {before} AS SELECT {group('p')} AS f, "
        f"count(*) AS n FROM {published} p "
        f"WHERE {narrowed}{group('p')} IN (SELECT f FROM {touched}) GROUP BY 1"
    )
    sizes = (
        f"SELECT n, sum(groups) AS groups FROM (SELECT n, groups FROM {stored} "
        f"UNION ALL SELECT n, -count(*) FROM {before} GROUP BY n "
        f"UNION ALL SELECT COALESCE(b.n, 0) + t.d, count(*) FROM {touched} t "
        f"LEFT JOIN {before} b ON b.f = t.f WHERE COALESCE(b.n, 0) + t.d > 0 "
        "GROUP BY 1) h GROUP BY n HAVING sum(groups) <> 0"
    )
    _stage(conn, plan, sizes)
    conn.exec_driver_sql(f"DROP TABLE {touched}, {before}")
    return _measure(conn, plan)


def _sizes_of(plan: OutputPlan, rows: str, conn: Connection) -> str:
    quote = conn.dialect.identifier_preparer.quote
    names = ", ".join(quote(n) for n in plan.risk.quasi_identifiers)
    return (
        f"SELECT n, count(*) AS groups FROM (SELECT count(*) AS n FROM {rows} r "
        f"GROUP BY {names}) g GROUP BY n"
    )


def _group_text(plan: OutputPlan, conn: Connection):
    """The text a row's group is matched by, over the table aliased as given."""
    quote = conn.dialect.identifier_preparer.quote

    def group(alias: str) -> str:
        return " || ',' || ".join(
            f"quote_nullable({alias}.{quote(n)})" for n in plan.risk.quasi_identifiers
        )

    return group


def _stage(conn: Connection, plan: OutputPlan, sizes: str) -> None:
    staged = group_sizes_name(plan.schema, plan.table, published=False).quoted(conn)
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {staged}")
    conn.exec_driver_sql(f"CREATE TABLE {staged} AS {sizes}")


def _measure(conn: Connection, plan: OutputPlan) -> tuple[int | None, float | None]:
    """The smallest group and the share of rows alone in theirs, from the staged sizes."""
    staged = group_sizes_name(plan.schema, plan.table, published=False).quoted(conn)
    smallest, alone, total = conn.exec_driver_sql(
        f"SELECT min(n), COALESCE(sum(groups) FILTER (WHERE n = 1), 0), sum(n * groups) "
        f"FROM {staged} WHERE groups > 0"
    ).one()
    if not total:
        return None, None
    return int(smallest), round(int(alone) / int(total), 6)
