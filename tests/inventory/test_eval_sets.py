"""The inventory's evaluation sets are sound: labels name every column of their set and no
other, use known categories only, and a set loads (SQLite, quickly)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import inspect

from benchmarks.bench_inventory_accuracy import Score, scored_differently
from benchmarks.inventory_sets.model import ForeignKey, TableData
from benchmarks.inventory_sets.samples import EXTRACTORS, SOURCES, keep_consistent, oe_tables
from benchmarks.inventory_sets.sets import (
    GENERATORS,
    NOT_PERSONAL,
    available,
    known_categories,
    load_into,
    read_labels,
    set_columns,
    set_names,
)
from include.governance.warehouse import create_warehouse_engine

SETS = set_names()


# Held out until session 9, when tuners had seen their figures in aggregate: tuning since.
SEEN_SETS = ("sakila", "northwind", "oracle_co", "faker_de_shop", "faker_uk_app")


def test_sets_once_held_out_are_tuning_now() -> None:
    assert [read_labels(name).split for name in SEEN_SETS] == ["tuning"] * len(SEEN_SETS)


def test_held_out_sets_are_public_samples_and_faker_made() -> None:
    held_out = [read_labels(name) for name in SETS if read_labels(name).split == "held_out"]
    kinds = [info.kind for info in held_out]
    assert kinds.count("sample") >= 3
    assert kinds.count("faker") >= 2


@pytest.mark.parametrize("name", [n for n in SETS if read_labels(n).kind == "sample"])
def test_sample_sets_can_be_made_again(name: str) -> None:
    """Their data is not committed: samples.py must know where each comes from."""
    assert name in EXTRACTORS
    _repository, commit, licence = SOURCES[name]
    assert len(commit) == 40
    assert licence


@pytest.mark.parametrize("name", SETS)
def test_labels_cover_exactly_the_sets_columns(name: str) -> None:
    info = read_labels(name)
    if not available(info):
        pytest.skip(f"{name}: the sample database's data is not on this machine")
    columns = set(set_columns(name))
    assert sorted(set(info.labels) - columns) == []  # labels of columns that do not exist
    assert sorted(columns - set(info.labels)) == []  # columns left unlabelled


@pytest.mark.parametrize("name", SETS)
def test_labels_use_known_categories_and_links(name: str) -> None:
    info = read_labels(name)
    categories = known_categories() | {NOT_PERSONAL}
    tables = {column.rsplit(".", 1)[0] for column in info.labels}
    for column, label in info.labels.items():
        assert label.category in categories, column
        assert label.link is None or label.link in tables, column
    assert info.split in {"tuning", "held_out"}
    assert info.kind in {"sample", "faker", "demo"}


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_faker_sets_are_deterministic(name: str) -> None:
    first, again = GENERATORS[name](), GENERATORS[name]()
    assert [t.rows for t in first.tables] == [t.rows for t in again.tables]


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_a_faker_set_loads_on_sqlite(tmp_path, name: str) -> None:
    """Every table, under its own name (Japanese, SCREAMING_CASE, camelCase), with its rows."""
    engine = create_warehouse_engine(f"sqlite:///{tmp_path}/warehouse.db")
    load_into(engine, name)
    inspector = inspect(engine)
    for table in GENERATORS[name]().tables:
        assert table.name in inspector.get_table_names(schema=table.schema)
        columns = [c["name"] for c in inspector.get_columns(table.name, schema=table.schema)]
        assert columns == [c for c, _ in table.columns]
    engine.dispose()


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_a_faker_sets_texts_fit_their_declared_lengths(name: str) -> None:
    """SQLite takes any length; PostgreSQL and MariaDB refuse a value longer than its type."""
    too_long = [
        f"{table.qualified}.{column}"
        for table in GENERATORS[name]().tables
        for i, (column, kind) in enumerate(table.columns)
        if (size := re.fullmatch(r"varchar\((\d+)\)", kind))
        and any(isinstance(row[i], str) and len(row[i]) > int(size[1]) for row in table.rows)
    ]
    assert too_long == []


def test_kept_rows_point_at_kept_rows_through_a_cycle() -> None:
    """Sakila's stores and staff refer to each other and customers to stores: a store cut
    for its address takes its staff and its customers with it (PostgreSQL checks every key
    at commit; MariaDB's load does not)."""
    address = TableData("s", "address", [("address_id", "integer")], ["address_id"])
    address.rows = [[1], [2], [3]]
    customer = TableData(
        "s",
        "customer",
        [("customer_id", "integer"), ("store_id", "integer")],
        ["customer_id"],
        [ForeignKey(["store_id"], "s.store", ["store_id"])],
        [[i, 1 + i % 3] for i in range(1, 10)],
    )
    staff = TableData(
        "s",
        "staff",
        [("staff_id", "integer"), ("store_id", "integer")],
        ["staff_id"],
        [ForeignKey(["store_id"], "s.store", ["store_id"])],
        [[1, 1], [2, 2], [3, 3]],
    )
    store = TableData(
        "s",
        "store",
        [("store_id", "integer"), ("manager_staff_id", "integer"), ("address_id", "integer")],
        ["store_id"],
        [
            ForeignKey(["address_id"], "s.address", ["address_id"]),
            ForeignKey(["manager_staff_id"], "s.staff", ["staff_id"]),
        ],
        [[1, 1, 1], [2, 2, 2], [3, 3, 3]],
    )
    kept = {t.name: t.rows for t in keep_consistent([address, customer, staff, store], 2)}
    assert kept["address"] == [[1], [2]]
    assert kept["store"] == [[1, 1, 1], [2, 2, 2]]
    assert kept["staff"] == [[1, 1], [2, 2]]
    assert kept["customer"] == [[1, 2], [3, 1]]  # the first two whose store is kept


def test_the_bench_names_the_sets_a_dialect_scored_differently() -> None:
    """--dialect all runs every set on every dialect: a set whose counts differ by dialect
    is named (the same data must get the same findings everywhere)."""
    alike, apart = Score(tp=3, fp=1), Score(tp=3, fp=1)
    by_set = {
        "alike": {"sqlite": alike, "postgresql": alike, "mariadb": Score(tp=3, fp=1)},
        "apart": {"sqlite": apart, "postgresql": apart, "mariadb": Score(tp=3, fp=2)},
        "one": {"sqlite": Score(tp=1)},
    }
    assert scored_differently(by_set) == ["apart"]


def test_oracle_order_entry_is_read_flat() -> None:
    """Order Entry's scripts: a customer's address object becomes columns and its phone
    list one text, the geometry goes, a continued line that starts "rem" stays part of its
    text, a 12-hour timestamp and a two-digit birth year are read right."""
    customers = """Rem a comment line
INSERT INTO customers VALUES
    (101,'Constantin','Welles',cust_address_typ
    ('514 W Superior St','46901','Kokomo','IN','US'),PHONE_LIST_TYP
    ('+1 317 123 4104','+1 317 123 4105'),'us','AMERICA','100','C.W@ANHINGA.EXAMPLE.COM',
    149,MDSYS.SDO_GEOMETRY(2001, 8307, MDSYS.SDO_POINT_TYPE (-86.13631, 40.485424,NULL),
    NULL,NULL));
"""
    orders = """INSERT INTO orders VALUES (2458
	,TO_TIMESTAMP('16-AUG-07 02.34.12.234359 PM'
	,'DD-MON-RR HH.MI.SS.FF AM'
	,'NLS_DATE_LANGUAGE=American')
	,'direct',101,0,78279.6,153,NULL);
INSERT INTO product_information VALUES (3225-
, 'Card Organizer'-
, 'Lid is-
removable.'
, 32,1, to_yminterval('+00-02'), 103095, 'orderable', 47, 39, 'http://x/p3225.html');
UPDATE customers c
SET
c.date_of_birth    = '20-FEB-22'
, c.marital_status   = 'married'
, c.gender           = 'M'
, c.income_level     = 'B: 30,000 - 49,999'
WHERE c.customer_id = 101;
"""
    tables = {t.name: t for t in oe_tables([customers, orders])}
    names = [c for c, _ in tables["customers"].columns]
    customer = dict(zip(names, tables["customers"].rows[0], strict=True))
    assert customer == {
        "customer_id": 101,
        "cust_first_name": "Constantin",
        "cust_last_name": "Welles",
        "street_address": "514 W Superior St",
        "postal_code": "46901",
        "city": "Kokomo",
        "state_province": "IN",
        "country_id": "US",
        "phone_numbers": "+1 317 123 4104, +1 317 123 4105",
        "nls_language": "us",
        "nls_territory": "AMERICA",
        "credit_limit": "100",
        "cust_email": "C.W@ANHINGA.EXAMPLE.COM",
        "account_mgr_id": 149,
        "date_of_birth": "1922-02-20",
        "marital_status": "married",
        "gender": "M",
        "income_level": "B: 30,000 - 49,999",
    }
    assert tables["orders"].rows[0][1] == "2007-08-16T14:34:12.234359"
    assert tables["product_information"].rows[0][2] == "Lid is removable."
