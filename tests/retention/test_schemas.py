"""A retention rule for a schema nobody here designed, written without any ``tables:``
entry: a root whose key (``id``) is not named like its children's references
(``purchase_id``), children of children (a purchase's deliveries, then their tracking
events), and holds beyond equality (IN, NOT, IS NULL, a warranty that ends on or after
the run's date); on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime

import pytest
import yaml
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
)

from include.governance.audit import ensure_governance_tables, legal_holds
from include.governance.policy import default_policy_path, load_policy
from include.governance.quality import Checks
from include.governance.retention.checks import verify_expectations
from include.governance.retention.delete import execute_retention
from include.governance.retention.plan import check_guards, plan_retention
from include.governance.retention.records import record_run
from include.governance.warehouse import WarehouseError, ensure_schema

AS_OF = date(2026, 11, 24)
OLD, RECENT = datetime(2010, 3, 1, 10), datetime(2022, 3, 1, 10)
RULE = {
    "description": "Purchases are kept ten years, with what was delivered and claimed.",
    "table": "sales.purchases",
    "key": "id",
    "date_column": "bought_at",
    "keep_for": {"years": 10},
    "max_delete_share": 1.0,
    "children": [
        {"table": "sales.purchase_items", "column": "purchase_id"},
        {"table": "sales.deliveries", "column": "purchase_id"},
        {
            "table": "sales.delivery_events",
            "column": "delivery",
            "parent": "sales.deliveries",
            "parent_column": "delivery_no",
        },
        {"table": "sales.warranties", "column": "purchase_id"},
    ],
    "holds": [
        {
            "name": "open_warranty",
            "description": "A warranty case being handled.",
            "table": "sales.warranties",
            "column": "purchase_id",
            "where": {"state": {"in": ["open", "escalated"]}},
        },
        {
            "name": "unclosed_warranty",
            "description": "A case never closed, unless the customer withdrew it.",
            "table": "sales.warranties",
            "column": "purchase_id",
            "where": {"closed_at": {"is_null": True}, "state": {"not": "withdrawn"}},
        },
        {
            "name": "running_warranty",
            "description": "A warranty that has not ended by the run's date.",
            "table": "sales.warranties",
            "column": "purchase_id",
            "where": {"ends_on": {"on_or_after": "run_date"}},
        },
    ],
}
# purchase id -> (state, closed_at, ends_on) of its warranty, and whether it holds
WARRANTIES = {
    1: (("open", None, "2012-01-01"), True),
    2: (("escalated", "2011-01-01", "2012-01-01"), True),
    3: ((None, None, "2012-01-01"), True),  # unknown state, never closed: not withdrawn
    4: (("closed", "2011-01-01", "2027-01-01"), True),  # the warranty still runs
    5: (("closed", "2011-01-01", "2026-11-24"), True),  # ends on the run's day
    6: (("closed", "2011-01-01", "2026-11-23"), False),
    7: (("withdrawn", None, "2012-01-01"), False),
    8: (("closed", "2011-01-01", None), False),  # no end date: not running
}
EXPIRED, YOUNG = range(1, 21), range(21, 26)
SCHEMA = MetaData(schema="sales")
PURCHASES = Table(
    "purchases", SCHEMA, Column("id", Integer, primary_key=True), Column("bought_at", DateTime)
)
ITEMS = Table(
    "purchase_items",
    SCHEMA,
    Column("item_id", Integer, primary_key=True),
    Column("purchase_id", Integer, index=True),
)
DELIVERIES = Table(
    "deliveries",
    SCHEMA,
    Column("delivery_no", Integer, primary_key=True),
    Column("purchase_id", Integer, index=True),
    Column("recipient", String(80)),
)
EVENTS = Table(
    "delivery_events",
    SCHEMA,
    Column("event_id", Integer, primary_key=True),
    Column("delivery", Integer, index=True),
    Column("place", String(80)),
)
WARRANTY = Table(
    "warranties",
    SCHEMA,
    Column("warranty_id", Integer, primary_key=True),
    Column("purchase_id", Integer, index=True),
    Column("state", String(20)),
    Column("closed_at", DateTime),
    Column("ends_on", Date),
)


@pytest.fixture
def policy(tmp_path):
    """The demo policy with the purchases rule added and no ``tables:`` entry for it,
    loaded (and so checked) from a file as the DAGs load theirs."""
    data = yaml.safe_load(default_policy_path().read_text())
    data["retention"]["purchases"] = RULE
    path = tmp_path / "policy.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return load_policy(path)


@pytest.fixture
def purchases(any_engine) -> Engine:
    """Twenty expired purchases and five young ones, each with two items and a delivery
    with two tracking events; the warranties above; and orphans at both levels (a
    delivery whose purchase is gone, with an event; an event whose delivery is gone)."""
    engine = any_engine
    ensure_schema(engine, "sales")
    engine.dispose()  # SQLite: new connections attach the new schema's file
    SCHEMA.create_all(engine)
    ids = [*EXPIRED, *YOUNG]
    with engine.begin() as conn:
        conn.execute(
            insert(PURCHASES),
            [{"id": i, "bought_at": OLD if i in EXPIRED else RECENT} for i in ids],
        )
        conn.execute(
            insert(ITEMS), [{"item_id": i * 10 + n, "purchase_id": i} for i in ids for n in (1, 2)]
        )
        deliveries = [{"delivery_no": i * 100, "purchase_id": i, "recipient": "Kari"} for i in ids]
        conn.execute(
            insert(DELIVERIES),
            [*deliveries, {"delivery_no": 99900, "purchase_id": 999, "recipient": "Ola"}],
        )
        events = [
            {"event_id": i * 1000 + n, "delivery": i * 100, "place": "Oslo"}
            for i in ids
            for n in (1, 2)
        ]
        orphans = [
            {"event_id": 99901, "delivery": 99900, "place": "Bergen"},
            {"event_id": 99902, "delivery": 88800, "place": "Bergen"},
        ]
        conn.execute(insert(EVENTS), [*events, *orphans])
        conn.execute(
            insert(WARRANTY),
            [
                {
                    "warranty_id": i,
                    "purchase_id": i,
                    "state": state,
                    "closed_at": closed and datetime.fromisoformat(closed),
                    "ends_on": ends and date.fromisoformat(ends),
                }
                for i, ((state, closed, ends), _) in WARRANTIES.items()
            ],
        )
    ensure_governance_tables(engine)
    return engine


def ids_left(engine: Engine, t: Table, column: str) -> set[int]:
    with engine.connect() as conn:
        return set(conn.execute(select(t.c[column])).scalars())


def test_a_rule_standing_alone_deletes_through_two_levels_and_keeps_what_its_holds_hold(
    purchases, policy, tmp_path
):
    engine = purchases
    held = {i for i, (_, holds) in WARRANTIES.items() if holds}
    plan = plan_retention(engine, policy, "purchases", AS_OF)
    assert plan.integer_key
    assert plan.missing_indexes == []
    assert (plan.expired, plan.to_delete) == (20, 20 - len(held))
    assert plan.held == {
        "open_warranty": 2,
        "unclosed_warranty": 2,  # purchases 1 (open) and 3
        "running_warranty": 2,
        "legal_hold": 0,
    }
    gone = set(EXPIRED) - held
    assert plan.children == {
        "sales.purchase_items": 2 * len(gone),
        "sales.deliveries": len(gone),
        "sales.delivery_events": 2 * len(gone),
        "sales.warranties": len(gone & set(WARRANTIES)),
    }
    check_guards(plan, policy.retention["purchases"].keep_for)
    record_run(engine, policy, plan, "run-1", dry_run=False)
    done = execute_retention(engine, policy, plan, "run-1", batch_size=4)

    assert done["rows"]["sales.purchases"] == len(gone)
    swept = {table: n for table, n in done["orphans"].items() if n}
    # the delivery whose purchase is gone, its event, and the event of a missing delivery
    assert swept == {"sales.deliveries": 1, "sales.delivery_events": 2}
    kept = set(EXPIRED) - gone | set(YOUNG)
    assert ids_left(engine, PURCHASES, "id") == kept
    assert ids_left(engine, ITEMS, "purchase_id") == kept
    assert ids_left(engine, DELIVERIES, "purchase_id") == kept
    assert ids_left(engine, EVENTS, "delivery") == {i * 100 for i in kept}
    assert ids_left(engine, WARRANTY, "purchase_id") == held
    checks = Checks(engine, tmp_path / "docs")
    results = verify_expectations(engine, policy, plan, "run-1", checks=checks)
    assert [o.expectation for r in results for o in r.failures] == [], [
        str(o) for r in results for o in r.failures
    ][:2]


def test_the_proof_finds_a_grandchild_left_without_its_parent(purchases, policy, tmp_path):
    engine = purchases
    plan = plan_retention(engine, policy, "purchases", AS_OF)
    record_run(engine, policy, plan, "run-1", dry_run=False)
    execute_retention(engine, policy, plan, "run-1", batch_size=50)
    with engine.begin() as conn:  # a tracking event loaded after the run, its delivery gone
        conn.execute(insert(EVENTS).values(event_id=77701, delivery=600, place="Oslo"))
    checks = Checks(engine, tmp_path / "docs")
    results = verify_expectations(engine, policy, plan, "run-1", checks=checks)
    failures = [str(o) for r in results for o in r.failures]
    assert len(failures) == 1
    assert "no row of sales.delivery_events without its sales.deliveries row" in failures[0]


def test_a_grandchild_reference_without_an_index_is_named(purchases, policy):
    engine = purchases
    next(iter(EVENTS.indexes)).drop(engine)
    plan = plan_retention(engine, policy, "purchases", AS_OF)
    assert len(plan.missing_indexes) == 1
    assert "delivery_events" in plan.missing_indexes[0]
    assert "(delivery)" in plan.missing_indexes[0]


def test_legal_hold_keys_compare_as_the_key_column_s_type(purchases, policy):
    """'0012 ' holds purchase 12; a key that is not a number holds nothing and is reported,
    without failing on the cast; so is a hold on a table no rule covers."""
    engine = purchases
    placed = datetime(2026, 1, 1, tzinfo=UTC)
    hold = {"case_reference": "SAK-1", "placed_at": placed}
    with engine.begin() as conn:
        conn.execute(
            insert(legal_holds),
            [
                {**hold, "table_name": "Sales.Purchases", "key_value": "0012 "},
                {**hold, "table_name": "sales.purchases", "key_value": "twelve"},
                {**hold, "table_name": "sales.purchases", "key_value": "99999999999999999999999"},
                {**hold, "table_name": "sales.invoices", "key_value": "12"},
            ],
        )
    plan = plan_retention(engine, policy, "purchases", AS_OF)
    assert plan.held["legal_hold"] == 1
    assert any(
        "2 unreleased legal holds on sales.purchases name a key it does not have" in w
        for w in plan.warnings
    ), plan.warnings
    assert any(
        "1 unreleased legal holds name tables no retention rule covers (sales.invoices)" in w
        for w in plan.warnings
    ), plan.warnings
    record_run(engine, policy, plan, "run-1", dry_run=False)
    execute_retention(engine, policy, plan, "run-1", batch_size=50)
    assert 12 in ids_left(engine, PURCHASES, "id")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda r: r.update(date_column="bought_on"),
            "retention.purchases.date_column: sales.purchases has no column 'bought_on'",
        ),
        (
            lambda r: r["children"][0].update(table="sales.items"),
            "retention.purchases.children[0].table: table sales.items is not in the warehouse",
        ),
        (
            lambda r: r["children"][2].update(parent_column="delivery_id"),
            "retention.purchases.children[2].parent_column: sales.deliveries has no column "
            "'delivery_id'",
        ),
        (
            lambda r: r["holds"][1]["where"].update(closed_on={"is_null": True}),
            "retention.purchases.holds[1].where.closed_on: sales.warranties has no column "
            "'closed_on'",
        ),
    ],
)
def test_what_a_rule_names_is_checked_against_the_warehouse_when_it_plans(
    purchases, tmp_path, change, message
):
    rule = copy.deepcopy(RULE)
    change(rule)
    data = yaml.safe_load(default_policy_path().read_text())
    data["retention"]["purchases"] = rule
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(WarehouseError) as raised:
        plan_retention(purchases, load_policy(path), "purchases", AS_OF)
    assert str(raised.value) == message
