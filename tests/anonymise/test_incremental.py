"""Incremental builds on the source's watermark give what a full build gives, row for row."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    event,
    func,
    select,
    text,
)

from include.demo.load import build_demo_warehouse
from include.governance.anonymise.build import build_output
from include.governance.anonymise.chunks import source_table
from include.governance.anonymise.incremental import (
    WATERMARK_OVERLAP,
    Grouped,
    rows_and_latest_change,
)
from include.governance.anonymise.methods import pushdown as anonymise_pushdown
from include.governance.anonymise.plan import OutputPlan
from include.governance.anonymise.records import finish_run
from include.governance.anonymise.report import render_anonymise_report
from include.governance.anonymise.staging import (
    bucket_counts_name,
    clear_staging,
    group_sizes_name,
)
from include.governance.anonymise.steps import publish, start_run
from include.governance.audit import anonymise_outputs
from include.governance.dialects import dialect_of
from include.governance.policy import load_policy
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.quality import Checks
from include.governance.tables import TableName
from include.governance.warehouse import ensure_schema, utc
from tests.policies import without_min_k
from tests.server_sql import sql

WATERMARKED = ("analytics.customers", "analytics.orders")
FULL_POLICY = without_min_k(load_policy())
POLICY = FULL_POLICY.model_copy(  # the outputs with a watermark only: quicker runs
    update={
        "tables": {
            name: table
            if table.anonymise_to in WATERMARKED
            else table.model_copy(update={"anonymise_to": None})
            for name, table in FULL_POLICY.tables.items()
        }
    }
)
RUN_DATE = date(2026, 11, 24)
KEY = PseudonymKey("analytics", "v1", b"analytics-secret-for-the-tests-0001")
ORDER_CHILDREN = [c.table for c in POLICY.retention["order_history"].children]


def run(engine: Engine, run_id: str, docs: Path, **options) -> dict[str, dict]:
    """Build and publish every output; what each build recorded, by output."""
    run_date = options.pop("run_date", RUN_DATE)
    built = start_run(engine, POLICY, run_id, run_date, keys=[KEY])
    checks = Checks(engine, docs / run_id)  # after start_run: it makes the schemas
    for output in built:
        build_output(
            engine, POLICY, run_id, output, key=KEY, run_date=run_date, checks=checks, **options
        )
    publish(engine, POLICY, run_id)
    assert finish_run(engine, run_id) == "succeeded"
    with engine.connect() as conn:
        rows = conn.execute(select(anonymise_outputs).where(anonymise_outputs.c.run_id == run_id))
        return {r.output: r._asdict() for r in rows}


def outputs(engine: Engine) -> dict[str, list]:
    with engine.connect() as conn:
        return {
            output: sorted(
                tuple(map(str, r)) for r in conn.execute(sql(conn, f"SELECT * FROM {output}"))
            )
            for output in WATERMARKED
        }


def ids(conn, query: str, **params) -> str:
    return ", ".join(str(i) for i in conn.execute(sql(conn, query), params).scalars())


def a_day_of_changes(engine: Engine, first_new_order: int = 1000000) -> None:
    """Customers move, orders change status, new orders come in, old ones are deleted (their
    children first), all stamped a day after the latest change."""
    with engine.begin() as conn:
        orders = source_table(conn, "sales.orders")
        now = conn.execute(select(func.max(orders.c.updated_at))).scalar()
        later = {"at": now + timedelta(days=1)}
        movers = ids(conn, "SELECT customer_id FROM crm.customers ORDER BY customer_id LIMIT 5")
        conn.execute(
            sql(
                conn,
                "UPDATE crm.customers SET postcode = '9990', updated_at = :at "
                f"WHERE customer_id IN ({movers})",
            ),
            later,
        )
        returned = ids(conn, "SELECT order_id FROM sales.orders ORDER BY order_id DESC LIMIT 5")
        conn.execute(
            sql(
                conn,
                "UPDATE sales.orders SET status = 'returned', ip_address = '10.1.2.3', "
                f"updated_at = :at WHERE order_id IN ({returned})",
            ),
            later,
        )
        copied = ids(conn, "SELECT order_id FROM sales.orders ORDER BY order_id LIMIT 3")
        conn.execute(
            sql(
                conn,
                f"INSERT INTO sales.orders SELECT order_id + {first_new_order}, "
                f"order_number + {first_new_order}, "
                "customer_id, ordered_at, status, channel, currency, total_amount, "
                f"shipping_fee, ip_address, :at FROM sales.orders WHERE order_id IN ({copied})",
            ),
            later,
        )
        gone = ids(
            conn,
            "SELECT order_id FROM sales.orders WHERE updated_at < :at AND order_id NOT IN "
            "(SELECT order_id FROM sales.claims) ORDER BY ordered_at LIMIT 4",
            **later,
        )
        for table in [*ORDER_CHILDREN, "sales.orders"]:
            conn.execute(sql(conn, f"DELETE FROM {table} WHERE order_id IN ({gone})"))


@pytest.fixture
def demo(any_engine: Engine) -> Engine:
    build_demo_warehouse(any_engine, scale=300, as_of=RUN_DATE)
    return any_engine


def test_an_incremental_build_equals_a_full_one(demo, tmp_path):
    first = run(demo, "run-1", tmp_path)
    assert {first[o]["build"] for o in first} == {"full"}
    assert first["analytics.orders"]["build_reason"] == "no published output yet"
    unchanged = run(demo, "run-2", tmp_path)  # nothing changed: only the overlap is re-read
    assert unchanged["analytics.orders"]["build"] == "incremental"
    assert unchanged["analytics.orders"]["removed_rows"] == 0
    assert outputs(demo) == (before := outputs(demo))

    a_day_of_changes(demo)
    incremental = run(demo, "run-3", tmp_path)
    after = outputs(demo)
    full = run(demo, "run-4", tmp_path, full_refresh=True)
    assert outputs(demo) == after != before
    orders, customers = incremental["analytics.orders"], incremental["analytics.customers"]
    assert (orders["build"], customers["build"]) == ("incremental", "incremental")
    for output, source in (
        ("analytics.orders", "sales.orders"),
        ("analytics.customers", "crm.customers"),
    ):
        since = utc(unchanged[output]["watermark"]) - WATERMARK_OVERLAP
        with demo.connect() as conn:  # the day's changes, and what the overlap reads again
            changed = conn.execute(
                select(func.count())
                .select_from(TableName.parse(source).clause())
                .where(text("updated_at > :since")),
                {
                    "since": since
                    if demo.dialect.name == "postgresql"
                    else since.replace(tzinfo=None)
                },
            ).scalar()
        assert incremental[output]["changed_rows"] == changed
    assert orders["changed_rows"] >= 8
    assert customers["changed_rows"] >= 5
    assert (orders["removed_rows"], customers["removed_rows"]) == (4, 0)
    assert orders["output_rows"] == full["analytics.orders"]["output_rows"]
    assert full["analytics.orders"]["build_reason"] == "a full refresh was asked for"
    assert orders["watermark"] > first["analytics.orders"]["watermark"]


def test_a_full_build_when_the_increment_cannot_be_trusted(demo, tmp_path):
    run(demo, "run-1", tmp_path)
    with demo.begin() as conn:  # a row stamped in the past: its watermark hides it
        conn.execute(
            sql(
                conn,
                "INSERT INTO sales.orders SELECT order_id + 1000000, order_number + 1000000, "
                "customer_id, ordered_at, status, channel, currency, total_amount, "
                "shipping_fee, ip_address, ordered_at FROM sales.orders "
                "ORDER BY order_id LIMIT 1",
            )
        )
    hidden = run(demo, "run-2", tmp_path)["analytics.orders"]
    assert hidden["build"] == "full"
    assert hidden["build_reason"].startswith("the merged output has")
    assert hidden["source_rows"] == hidden["output_rows"]

    next_day = run(demo, "run-3", tmp_path, run_date=RUN_DATE + timedelta(days=1))
    assert next_day["analytics.customers"]["build_reason"] == (
        "age bands are taken on the run date, which changed"
    )
    assert next_day["analytics.orders"]["build"] == "incremental"


@pytest.mark.postgres
@pytest.mark.parametrize("bucketed", [True, False])
def test_a_deleted_customer_is_removed(pg_engine, tmp_path, monkeypatch, bucketed):
    """By the day the customer was created, or (no truncated time) among every key."""
    if not bucketed:
        monkeypatch.setattr(anonymise_pushdown, "time_bucket", lambda plan: None)
    build_demo_warehouse(pg_engine, scale=300, as_of=RUN_DATE)
    run(pg_engine, "run-1", tmp_path)
    with pg_engine.begin() as conn:
        customer = conn.execute(
            sql(
                conn,
                "SELECT customer_id FROM crm.customers c WHERE customer_id NOT IN "
                "(SELECT customer_id FROM sales.orders UNION ALL SELECT customer_id FROM "
                "service.contacts WHERE customer_id IS NOT NULL UNION ALL "
                "SELECT customer_id FROM health.blue_prescriptions) LIMIT 1",
            )
        ).scalar()
        conn.execute(sql(conn, f"DELETE FROM crm.customers WHERE customer_id = {customer}"))
    customers = run(pg_engine, "run-2", tmp_path)["analytics.customers"]
    assert (customers["build"], customers["removed_rows"]) == ("incremental", 1)


@pytest.mark.parametrize("chunk_rows", [7])
@pytest.mark.parametrize("stamp", ["a day later", "now"])
def test_touching_only_the_watermark_keeps_an_incremental_build_whole(
    demo, tmp_path, stamp, chunk_rows
):
    """Rows whose only change is their watermark are rebuilt as they were: none is lost."""
    run(demo, "run-1", tmp_path, chunk_rows=chunk_rows)
    with demo.begin() as conn:
        orders = source_table(conn, "sales.orders")
        latest = conn.execute(select(func.max(orders.c.updated_at))).scalar()
        at = latest + timedelta(days=1) if stamp == "a day later" else None
        touched = ids(conn, "SELECT order_id FROM sales.orders ORDER BY order_id LIMIT 20")
        new_stamp = ":at" if at else "CURRENT_TIMESTAMP"
        conn.execute(
            sql(
                conn,
                f"UPDATE sales.orders SET updated_at = {new_stamp} WHERE order_id IN ({touched})",
            ),
            {"at": at} if at else {},
        )
        total = conn.execute(sql(conn, "SELECT count(*) FROM sales.orders")).scalar()
    second = run(demo, "run-2", tmp_path, chunk_rows=chunk_rows)["analytics.orders"]
    assert (second["build"], second["build_reason"]) == ("incremental", None)
    assert second["output_rows"] == second["source_rows"] == total
    assert second["changed_rows"] >= 20


def test_a_row_stamped_in_the_future_does_not_stop_later_changes(demo, tmp_path):
    """One order stamped 2099: the watermark is capped at the build's time, the row
    counted and reported, and a change made afterwards still reaches the output."""
    with demo.begin() as conn:
        conn.execute(
            sql(
                conn,
                "UPDATE sales.orders SET updated_at = '2099-01-01 00:00:00' "
                "WHERE order_id = (SELECT min(order_id) FROM sales.orders)",
            )
        )
    first = run(demo, "run-1", tmp_path)["analytics.orders"]
    assert first["future_rows"] == 1
    assert utc(first["watermark"]).year < 2099
    assert "1 rows have a watermark after the time of this build" in render_anonymise_report(
        demo, "run-1"
    )
    with demo.begin() as conn:  # a change made after the build, stamped when it is made
        conn.execute(
            sql(
                conn,
                "UPDATE sales.orders SET status = 'cancelled', updated_at = CURRENT_TIMESTAMP "
                "WHERE order_id = (SELECT max(order_id) FROM sales.orders)",
            )
        )
    second = run(demo, "run-2", tmp_path)["analytics.orders"]
    assert second["build"] == "incremental"
    with demo.connect() as conn:
        cancelled = conn.execute(
            sql(conn, "SELECT count(*) FROM analytics.orders WHERE status = 'cancelled'")
        ).scalar()
        in_source = conn.execute(
            sql(conn, "SELECT count(*) FROM sales.orders WHERE status = 'cancelled'")
        ).scalar()
    assert cancelled == in_source


def test_an_incremental_output_is_built_in_full_every_week(demo, tmp_path):
    run(demo, "run-1", tmp_path)
    three_days = run(demo, "run-2", tmp_path, run_date=RUN_DATE + timedelta(days=3))
    assert three_days["analytics.orders"]["build"] == "incremental"
    week = run(demo, "run-3", tmp_path, run_date=RUN_DATE + timedelta(days=7))
    assert (week["analytics.orders"]["build"], week["analytics.orders"]["build_reason"]) == (
        "full",
        "the last full build was 7 days before this run (the policy asks for one every 7 days)",
    )
    after = run(demo, "run-4", tmp_path, run_date=RUN_DATE + timedelta(days=8))
    assert after["analytics.orders"]["build"] == "incremental"  # counted from the new one


@pytest.mark.postgres
def test_postgresql_applies_an_increment_to_the_published_table_in_place(pg_engine, tmp_path):
    """Only the changed rows are staged and proven; publish deletes and inserts them in the
    published table (the same table: readers keep their grants, nothing is copied)."""
    build_demo_warehouse(pg_engine, scale=300, as_of=RUN_DATE)
    run(pg_engine, "run-1", tmp_path)
    oid = "SELECT 'analytics.orders'::regclass::oid"
    with pg_engine.connect() as conn:
        table_before = conn.execute(text(oid)).scalar()
    before = outputs(pg_engine)["analytics.orders"]
    a_day_of_changes(pg_engine)
    for output in start_run(pg_engine, POLICY, "run-2", RUN_DATE, keys=[KEY]):
        build_output(
            pg_engine,
            POLICY,
            "run-2",
            output,
            key=KEY,
            run_date=RUN_DATE,
            checks=Checks(pg_engine, tmp_path / "run-2"),
        )
    with pg_engine.connect() as conn:
        staged = conn.execute(
            text("SELECT count(*) FROM governance_staging.analytics__orders")
        ).scalar()
        gone = conn.execute(
            text("SELECT count(*) FROM governance_staging.analytics__orders__gone")
        ).scalar()
        total = conn.execute(text("SELECT count(*) FROM sales.orders")).scalar()
        recorded = conn.execute(
            select(anonymise_outputs).where(
                anonymise_outputs.c.run_id == "run-2",
                anonymise_outputs.c.output == "analytics.orders",
            )
        ).one()
    assert outputs(pg_engine)["analytics.orders"] == before  # built, not yet published
    assert (recorded.build, recorded.changed_rows, recorded.removed_rows) == (
        "incremental",
        staged,
        gone,
    )
    assert 8 <= staged < total / 10
    assert gone == 4
    publish(pg_engine, POLICY, "run-2")
    with pg_engine.connect() as conn:
        assert conn.execute(text(oid)).scalar() == table_before
        published = conn.execute(text("SELECT count(*) FROM analytics.orders")).scalar()
    assert published == total == recorded.output_rows


@pytest.mark.postgres
def test_rows_per_day_are_kept_with_the_published_output_through_builds(pg_engine, tmp_path):
    """The search for rows gone from the source compares its rows per day with the
    published output's, which are stored with it (grouping the whole published table was
    half the search's cost): right after a full build, after increments with a second
    connection writing between builds, and untouched by a build that never published."""
    build_demo_warehouse(pg_engine, scale=300, as_of=RUN_DATE)
    stored = bucket_counts_name("analytics", "orders", published=True).quoted(pg_engine)

    def counts() -> tuple[list, list]:
        with pg_engine.connect() as conn:
            kept = conn.execute(text(f"SELECT b, n FROM {stored} ORDER BY b")).all()
            grouped = conn.execute(
                text("SELECT ordered_at, count(*) FROM analytics.orders GROUP BY 1 ORDER BY 1")
            ).all()
        return kept, grouped

    run(pg_engine, "run-1", tmp_path)
    kept, grouped = counts()
    assert kept == grouped
    assert len(grouped) > 10
    a_day_of_changes(pg_engine)
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        second = run(pg_engine, "run-2", tmp_path)["analytics.orders"]
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert (second["build"], second["removed_rows"]) == ("incremental", 4)
    kept, grouped = counts()
    assert kept == grouped
    grouping_published = [s for s in statements if ") k UNION ALL SELECT" in s]
    assert not grouping_published
    # PostgreSQL's workers share no INSERT ... SELECT: none reads the source's every row
    inserting = [s for s in statements if s.startswith(("INSERT", "WITH"))]
    assert inserting
    assert not [s for s in inserting if "FROM sales.orders" in s]
    a_day_of_changes(pg_engine, 2000000)  # built, never published: as a killed run leaves
    start_run(pg_engine, POLICY, "run-3", RUN_DATE, keys=[KEY])
    build_output(
        pg_engine,
        POLICY,
        "run-3",
        "analytics.orders",
        key=KEY,
        run_date=RUN_DATE,
        checks=Checks(pg_engine, tmp_path / "run-3"),
    )
    clear_staging(pg_engine)
    assert counts()[0] == grouped
    fourth = run(pg_engine, "run-4", tmp_path)["analytics.orders"]
    assert (fourth["build"], fourth["removed_rows"]) == ("incremental", 4)
    kept, grouped = counts()
    assert kept == grouped


@pytest.mark.postgres
def test_an_in_place_build_measures_its_risk_from_the_groups_it_changed(pg_engine, tmp_path):
    """The smallest group and the unique share recorded are those of the output as
    published, from the group sizes kept with it (grouping the whole output took 11 s of
    an increment's 33 s at 10M orders); and, with no sizes kept (a version published
    before they were), by grouping it."""
    build_demo_warehouse(pg_engine, scale=300, as_of=RUN_DATE)
    names = ", ".join(POLICY.tables["sales.orders"].risk.quasi_identifiers)

    def measured() -> tuple[int, float]:
        with pg_engine.connect() as conn:
            smallest, alone, total = conn.execute(
                text(
                    "SELECT min(n), sum(n) FILTER (WHERE n = 1), sum(n) FROM (SELECT count(*) "
                    f"AS n FROM analytics.orders GROUP BY {names}) g"
                )
            ).one()
        return smallest, round(float(alone) / float(total), 6)

    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    run(pg_engine, "run-1", tmp_path)
    for run_id, first_new_order in (("run-2", 1000000), ("run-3", 2000000)):
        a_day_of_changes(pg_engine, first_new_order)
        statements.clear()
        event.listen(Engine, "before_cursor_execute", record)
        try:
            built = run(pg_engine, run_id, tmp_path)["analytics.orders"]
        finally:
            event.remove(Engine, "before_cursor_execute", record)
        assert built["build"] == "incremental"
        assert (built["k_smallest"], built["unique_share"]) == measured()
        whole = [
            s
            for s in statements
            if "GROUP BY" in s and "analytics.orders" in s
            if not any(f"__{kind}" in s for kind in ("touched", "buckets"))
        ]
        assert not whole
    kept = group_sizes_name("analytics", "orders", published=True).quoted(pg_engine)
    with pg_engine.begin() as conn:
        conn.execute(text(f"DROP TABLE {kept}"))
    a_day_of_changes(pg_engine, 3000000)
    built = run(pg_engine, "run-4", tmp_path)["analytics.orders"]
    assert built["build"] == "incremental"
    assert (built["k_smallest"], built["unique_share"]) == measured()


def orders_without_children(conn, order: str, limit: int) -> str:
    return ids(
        conn,
        "SELECT order_id FROM sales.orders WHERE order_id NOT IN "
        f"(SELECT order_id FROM sales.claims) ORDER BY {order} LIMIT {limit}",
    )


def delete_orders(conn, orders: str) -> None:
    for table in [*ORDER_CHILDREN, "sales.orders"]:
        conn.execute(sql(conn, f"DELETE FROM {table} WHERE order_id IN ({orders})"))


def published_keys(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT order_key FROM analytics.orders")).scalars())


def source_keys(engine: Engine) -> set[str]:
    pseudonymise = Pseudonymiser(KEY)
    with engine.connect() as conn:
        orders = conn.execute(text("SELECT order_id FROM sales.orders")).scalars()
        return {pseudonymise("order_key", o) for o in orders}


@pytest.mark.postgres
def test_a_row_deleted_from_a_day_that_gained_one_is_found(pg_engine, tmp_path):
    """The source's rows per day, counted with its rows, find the days that lost rows:
    one order deleted and another added on its day leave that day's count as it was
    published, and the deleted one is still found (the day's count is compared with the
    published count plus the rows staged for it)."""
    build_demo_warehouse(pg_engine, scale=300, as_of=RUN_DATE)
    run(pg_engine, "run-1", tmp_path)
    with pg_engine.begin() as conn:
        gone = orders_without_children(conn, "ordered_at, order_id", 1)
        latest = conn.execute(sql(conn, "SELECT max(updated_at) FROM sales.orders")).scalar()
        conn.execute(
            sql(
                conn,
                "INSERT INTO sales.orders SELECT order_id + 1000000, order_number + 1000000, "
                "customer_id, ordered_at + interval '1 second', status, channel, currency, "
                f"total_amount, shipping_fee, ip_address, :at FROM sales.orders "
                f"WHERE order_id = {gone}",
            ),
            {"at": latest + timedelta(days=1)},
        )
        delete_orders(conn, gone)
    second = run(pg_engine, "run-2", tmp_path)["analytics.orders"]
    assert (second["build"], second["removed_rows"]) == ("incremental", 1)
    assert published_keys(pg_engine) == source_keys(pg_engine)


@pytest.mark.postgres
def test_rows_deleted_by_another_connection_during_a_build_are_removed_by_the_next(
    pg_engine, tmp_path
):
    """An in-place build counts, fills and searches in one snapshot: an order deleted by a
    second connection while it looks for the days that lost rows is not in that snapshot
    (the build reconciles without it), and the next build removes it."""
    build_demo_warehouse(pg_engine, scale=300, as_of=RUN_DATE)
    run(pg_engine, "run-1", tmp_path)
    a_day_of_changes(pg_engine)
    deleted: list[str] = []

    def delete_meanwhile(conn, cursor, statement, *args):
        if "__lost_0 AS" in statement and not deleted:
            with pg_engine.begin() as other:
                deleted.append(orders_without_children(other, "ordered_at DESC", 1))
                delete_orders(other, deleted[0])

    event.listen(Engine, "before_cursor_execute", delete_meanwhile)
    try:
        second = run(pg_engine, "run-2", tmp_path)["analytics.orders"]
    finally:
        event.remove(Engine, "before_cursor_execute", delete_meanwhile)
    assert deleted
    assert (second["build"], second["removed_rows"]) == ("incremental", 4)
    assert second["source_rows"] == len(source_keys(pg_engine)) + 1
    assert published_keys(pg_engine) - source_keys(pg_engine) == {
        Pseudonymiser(KEY)("order_key", int(deleted[0]))
    }
    third = run(pg_engine, "run-3", tmp_path)["analytics.orders"]
    assert (third["build"], third["removed_rows"]) == ("incremental", 1)
    assert published_keys(pg_engine) == source_keys(pg_engine)


@pytest.mark.parametrize("grouped", [False, True])
def test_the_sources_rows_and_latest_change_are_counted_in_one_scan_whole_or_by_group(
    any_engine, grouped
):
    """One function counts the rows a build may hold, its latest change (capped at the
    snapshot's time) and the rows stamped in the future, over the whole source or, in
    the same scan, per group (an increment's and a full build's rows per day): the same
    totals either way, and each group its own."""
    ensure_schema(any_engine, "crm")
    events = Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("kind", String(10)),
        Column("updated_at", DateTime(timezone=True)),
        schema="crm",
    )
    events.create(any_engine)
    aware = dialect_of(any_engine).aware_timestamps

    def at(day: int, year: int = 2026) -> datetime:
        stamp = datetime(year, 11, day, 12, tzinfo=UTC)
        return stamp if aware else stamp.replace(tzinfo=None)

    with any_engine.begin() as conn:
        conn.execute(
            events.insert(),
            [
                {"id": 1, "kind": "a", "updated_at": at(1)},
                {"id": 2, "kind": "a", "updated_at": at(2)},  # not counted: restricted
                {"id": 3, "kind": "b", "updated_at": at(3)},
                {"id": 4, "kind": "b", "updated_at": at(1, 2099)},  # a clock gone wrong
                {"id": 5, "kind": "c", "updated_at": None},
            ],
        )
    plan = OutputPlan("crm.events", "analytics.events", "id", (), watermark="updated_at")
    with any_engine.begin() as conn:
        into = TableName("crm", "event_counts").quoted(conn)
        counted = rows_and_latest_change(
            conn,
            plan,
            counted="src.id <> 2",
            grouped=Grouped("src.kind", into) if grouped else None,
        )
        groups = (
            conn.execute(text(f"SELECT b, n, future FROM {into} ORDER BY b")).all()
            if grouped
            else []
        )
    rows, watermark = counted
    assert (rows, watermark.future_rows) == (4, 1)
    assert utc(at(3)) < watermark.latest < utc(at(1, 2099))  # the snapshot's time
    assert [tuple(g) for g in groups] == (
        [("a", 1, 0), ("b", 2, 1), ("c", 1, 0)] if grouped else []
    )
