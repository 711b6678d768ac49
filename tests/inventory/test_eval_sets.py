"""The inventory's evaluation sets are sound: labels name every column of their set and no
other, use known categories only, and a set loads (SQLite, quickly)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from benchmarks.inventory_sets.faker_sets import GENERATORS
from benchmarks.inventory_sets.sets import (
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


def test_there_are_tuning_and_held_out_sets() -> None:
    splits = [read_labels(name).split for name in SETS]
    assert set(splits) == {"tuning", "held_out"}
    assert abs(splits.count("tuning") - splits.count("held_out")) <= 2


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


def test_faker_sets_are_deterministic() -> None:
    first, again = GENERATORS["faker_nordic_hr"](), GENERATORS["faker_nordic_hr"]()
    assert [t.rows for t in first.tables] == [t.rows for t in again.tables]


def test_a_set_loads_on_sqlite(tmp_path) -> None:
    engine = create_warehouse_engine(f"sqlite:///{tmp_path}/warehouse.db")
    load_into(engine, "faker_uk_app")
    inspector = inspect(engine)
    assert "tblMember" in inspector.get_table_names(schema="app")
    engine.dispose()
