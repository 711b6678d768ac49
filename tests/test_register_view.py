"""The register as compliance reads it at warehouse scale: 4,000 findings grouped by schema
and table with counts per category, filtered in SQL, paged by table, exported as CSV."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest
from sqlalchemy import Column, MetaData, Table, insert

from include.governance.audit import GOVERNANCE_SCHEMA, ensure_governance_tables, pii_columns
from include.governance.overview import governance_overview, open_register
from include.governance.policy import load_policy
from include.governance.register_view import (
    CSV_FIELDS,
    TABLES_PER_PAGE,
    RegisterFilter,
    register_csv,
    sensitivities,
)
from include.governance.warehouse import ensure_schema
from tests.registers import fill_register, register_row

SENSITIVITY = sensitivities(load_policy())


def matching(rows: list[dict], filters: RegisterFilter) -> list[dict]:
    """The filter applied by hand, in the register's order: the tests' reference."""
    return sorted(
        (
            r
            for r in rows
            if filters.schema in (None, r["schema_name"])
            and filters.category in (None, r["category"])
            and filters.sensitivity in (None, SENSITIVITY.get(r["category"]))
            and filters.confirmed in (None, bool(r["confirmed"]))
            and filters.governed in (None, r["governed"])
        ),
        key=lambda r: (r["schema_name"], r["table_name"], r["column_name"]),
    )


@pytest.fixture
def filled(engine):
    return engine, fill_register(engine)


def test_the_register_is_grouped_by_schema_and_table_with_counts_per_category(filled):
    engine, rows = filled
    register = open_register(engine, sensitivity=SENSITIVITY)
    page = register.page(RegisterFilter())

    assert (page.columns, page.tables, page.pages) == (4000, 1000, 1000 // TABLES_PER_PAGE)
    assert page.categories == Counter(r["category"] for r in rows)
    by_schema = {s.schema: s for s in page.schemas}
    assert sorted(by_schema) == [f"shop_{i:02d}" for i in range(10)]
    for name, schema in by_schema.items():
        own = [r for r in rows if r["schema_name"] == name]
        assert (schema.tables, schema.columns) == (100, 400)
        assert schema.categories == Counter(r["category"] for r in own)

    assert len(page.groups) == TABLES_PER_PAGE
    first = page.groups[0]
    assert (first.schema, first.table) == ("shop_00", "table_000")
    assert [c["column_name"] for c in first.columns] == [
        "email_0",
        "name_1",
        "phone_2",
        "postal_address_3",
    ]
    assert first.categories == {"email": 1, "name": 1, "phone": 1, "postal_address": 1}
    assert first.columns[0]["sensitivity"] == "normal"
    assert first.columns[0]["confirmed"] is True
    assert first.columns[1]["confirmed"] is False
    last = register.page(RegisterFilter(page=999))  # past the end: the last page
    assert last.page == last.pages == 20
    assert (last.groups[-1].schema, last.groups[-1].table) == ("shop_09", "table_099")


@pytest.mark.parametrize(
    "filters",
    [
        RegisterFilter(schema="shop_03"),
        RegisterFilter(category="health"),
        RegisterFilter(sensitivity="high"),
        RegisterFilter(confirmed=True),
        RegisterFilter(confirmed=False),
        RegisterFilter(governed=False),
        RegisterFilter(schema="shop_07", category="email", governed=True, confirmed=False),
        RegisterFilter(sensitivity="special", governed=True),
        RegisterFilter(schema="nowhere"),
    ],
)
def test_each_filter_selects_what_it_names_in_the_database(filled, filters):
    engine, rows = filled
    register = open_register(engine, sensitivity=SENSITIVITY)
    expected = matching(rows, filters)
    page = register.page(filters)

    assert page.columns == len(expected)
    assert page.tables == len({(r["schema_name"], r["table_name"]) for r in expected})
    assert page.categories == Counter(r["category"] for r in expected)
    shown = [c["column_name"] for g in page.groups for c in g.columns]
    first_tables = sorted({(r["schema_name"], r["table_name"]) for r in expected})[:TABLES_PER_PAGE]
    assert shown == [
        r["column_name"] for r in expected if (r["schema_name"], r["table_name"]) in first_tables
    ]
    exported = list(csv.DictReader(io.StringIO("".join(register_csv(register.rows(filters))))))
    assert [(r["schema"], r["table"], r["column"]) for r in exported] == [
        (r["schema_name"], r["table_name"], r["column_name"]) for r in expected
    ]


def test_the_csv_holds_names_categories_and_the_evidence_as_stored(filled):
    engine, rows = filled
    register = open_register(engine, sensitivity=SENSITIVITY)
    text = "".join(register_csv(register.rows(RegisterFilter(schema="shop_00"))))
    exported = list(csv.DictReader(io.StringIO(text)))

    assert list(exported[0]) == list(CSV_FIELDS)
    assert len(exported) == 400
    first = exported[0]
    assert first["column"] == "email_0"
    assert first["category"] == "email"
    assert first["sensitivity"] == "normal"
    assert first["governed"] == "yes"
    assert first["confirmed"] == "yes"
    assert float(first["confidence"]) == rows[0]["confidence"]
    assert json.loads(first["evidence"]) == rows[0]["evidence"]
    assert "kari.nordmann@example.no" not in text
    assert "912 34 567" not in text
    assert "k***" in text  # the masked example, as stored


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_quoted(sqlite_engine):
    ensure_governance_tables(sqlite_engine)
    with sqlite_engine.begin() as conn:
        conn.execute(insert(pii_columns), [dict(_row(), column_name="=HYPERLINK(1)")])
    register = open_register(sqlite_engine, sensitivity=SENSITIVITY)
    (row,) = csv.DictReader(io.StringIO("".join(register_csv(register.rows(RegisterFilter())))))
    assert row["column"] == "'=HYPERLINK(1)"


def test_a_register_kept_from_before_confirmation_reads_as_not_confirmed(sqlite_engine):
    """Nor a leak, and its objects read as tables, until its next scan adds the columns."""
    ensure_schema(sqlite_engine, GOVERNANCE_SCHEMA)
    later = ("confirmed", "leak", "object_type")
    old = Table(
        "pii_columns",
        MetaData(schema=GOVERNANCE_SCHEMA),
        *(
            Column(c.name, c.type, primary_key=c.primary_key)
            for c in pii_columns.columns
            if c.name not in later
        ),
    )
    old.create(sqlite_engine)
    row = {k: v for k, v in _row().items() if k not in later}
    with sqlite_engine.begin() as conn:
        conn.execute(insert(old), [row])
    register = open_register(sqlite_engine, sensitivity=SENSITIVITY)

    assert register.page(RegisterFilter()).groups[0].columns[0]["confirmed"] is False
    assert register.page(RegisterFilter(confirmed=True)).columns == 0
    assert register.page(RegisterFilter(confirmed=False)).columns == 1
    assert register.page(RegisterFilter(leak=True)).columns == 0
    assert register.page(RegisterFilter()).groups[0].columns[0]["object_type"] == "table"


def test_filters_come_from_query_parameters_and_go_back_into_links():
    filters = RegisterFilter.parse(
        schema="shop_01",
        category="",
        sensitivity="high",
        confirmed="no",
        governed="maybe",
        page="3",
    )
    assert filters == RegisterFilter(schema="shop_01", sensitivity="high", confirmed=False, page=3)
    assert filters.query() == "schema=shop_01&sensitivity=high&confirmed=no&page=3"
    assert filters.query(page=1) == "schema=shop_01&sensitivity=high&confirmed=no"
    assert RegisterFilter.parse(page="-2").page == RegisterFilter.parse(page="x").page == 1
    assert RegisterFilter(schema="a&b").query() == "schema=a%26b"
    assert not RegisterFilter(page=4).active
    assert filters.active


def test_the_overview_caps_the_gaps_it_lists_and_counts_them_all(filled):
    engine, rows = filled
    overview = governance_overview(
        engine, register_filter=RegisterFilter(category="email"), sensitivity=SENSITIVITY
    )
    ungoverned = [r for r in rows if not r["governed"]]
    assert overview["ungoverned_total"] == len(ungoverned)
    assert len(overview["ungoverned"]) < len(ungoverned)
    assert overview["register"].categories == {"email": sum(r["category"] == "email" for r in rows)}
    assert overview["register_options"]["schemas"] == [f"shop_{i:02d}" for i in range(10)]
    assert overview["scans"][-1]["scan_id"] == "scan-8"  # oldest first, for the chart


def test_an_empty_warehouse_has_no_register_yet(engine):
    overview = governance_overview(engine)
    assert overview["register"] is None
    assert overview["ungoverned"] == []
    assert open_register(engine, sensitivity=SENSITIVITY) is None


def _row() -> dict:
    return register_row("shop", "people", "email")


def test_leaks_and_views_are_shown_and_filtered(sqlite_engine):
    """The leak check's findings (issue 16 §2) can be picked out; a view says it is one."""
    ensure_schema(sqlite_engine, GOVERNANCE_SCHEMA)
    pii_columns.create(sqlite_engine)
    with sqlite_engine.begin() as conn:
        conn.execute(
            insert(pii_columns),
            [
                dict(
                    _row(),
                    schema_name="analytics",
                    table_name="export",
                    leak=True,
                    object_type=None,
                ),
                dict(_row(), table_name="v_people", object_type="view", leak=None),
            ],
        )
    register = open_register(sqlite_engine, sensitivity=SENSITIVITY)

    (leak,) = register.page(RegisterFilter(leak=True)).groups
    assert (leak.table, leak.columns[0]["leak"]) == ("export", True)
    (view,) = register.page(RegisterFilter(leak=False)).groups
    assert view.columns[0]["object_type"] == "view"
    rows = list(csv.DictReader(io.StringIO("".join(register_csv(register.rows(RegisterFilter()))))))
    assert sorted((r["leak"], r["object_type"]) for r in rows) == [("no", "view"), ("yes", "table")]
