"""The inventory against real warehouses: right findings, no traps, changes, awkward tables."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import VARBINARY, Engine, LargeBinary, String, Text, insert, select, text
from sqlalchemy import Column as SAColumn
from sqlalchemy import MetaData as SAMetaData
from sqlalchemy import Table as SATable
from sqlalchemy.dialects.mysql import LONGTEXT

from include.demo.load import build_demo_warehouse
from include.demo.schema import SEEDED_PERSONAL_DATA, TRAPS
from include.governance import sampling
from include.governance.audit import pii_changes, pii_columns, pii_scan_runs, pii_scan_tables
from include.governance.catalog import Catalog
from include.governance.detect.classify import REPORT_AT
from include.governance.inventory import steps
from include.governance.inventory.discovery import (
    MIN_TABLES_PER_TASK,
    TASKS_PER_SLOT,
    ScanScope,
    plan_batches,
    tables_per_task,
)
from include.governance.inventory.report import render_inventory_report
from include.governance.inventory.scan import ScanSummary, finish_scan, scan_table, start_scan
from include.governance.policy import load_policy
from include.governance.warehouse import ensure_schema
from tests import scans
from tests.server_sql import sql

AS_OF = date(2026, 11, 24)
POLICY = load_policy()


def run_scan(engine: Engine, scan_id: str, day: int = 24, **scope) -> ScanSummary:
    return scans.run_scan(engine, POLICY, scan_id, day=day, **scope)


def register(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(select(pii_columns)).all()
    return {f"{r.schema_name}.{r.table_name}.{r.column_name}": r.category for r in rows}


@pytest.mark.parametrize("fixture", ["sqlite_engine", "pg_engine", "mariadb_engine"])
def test_demo_warehouse_register_matches_what_was_seeded(request, fixture):
    engine = request.getfixturevalue(fixture)
    build_demo_warehouse(engine, scale=300, as_of=AS_OF)
    summary = run_scan(engine, "scan-1")
    found = register(engine)

    missed = {k: v for k, v in SEEDED_PERSONAL_DATA.items() if k not in found}
    assert missed == {}
    wrong = {
        k: (found[k], expected)
        for k, expected in SEEDED_PERSONAL_DATA.items()
        if expected != "free_text" and found[k] != expected
    }
    assert wrong == {}
    assert set(found) - set(SEEDED_PERSONAL_DATA) == set()  # no false positives at all
    assert TRAPS.isdisjoint(found)
    assert summary.ungoverned == []  # the policy governs every column of the demo
    assert summary.stale_policy == []
    assert summary.status == "succeeded"
    assert {c["change"] for c in summary.changes} == {"new"}
    assert len(summary.changes) == len(found)


def test_free_text_finding_names_what_it_found_inside(sqlite_engine):
    build_demo_warehouse(sqlite_engine, scale=300, as_of=AS_OF)
    run_scan(sqlite_engine, "scan-1")
    with sqlite_engine.connect() as conn:
        notes = conn.execute(select(pii_columns).where(pii_columns.c.column_name == "notes")).one()
    kinds = notes.evidence["free_text"]["kinds"]
    assert {"email", "phone"} <= set(kinds)
    assert 0 < notes.evidence["free_text"]["share"] < 1
    assert notes.governed
    assert notes.policy_category == "customer_service"


def test_evidence_and_report_hold_no_personal_values(sqlite_engine, tmp_path):
    build_demo_warehouse(sqlite_engine, scale=300, as_of=AS_OF)
    summary = run_scan(sqlite_engine, "scan-1")
    report = render_inventory_report(sqlite_engine, POLICY, summary)
    with sqlite_engine.connect() as conn:
        evidence = json.dumps(
            [r.evidence for r in conn.execute(select(pii_columns.c.evidence))], ensure_ascii=False
        )
        seeded = conn.execute(
            text("SELECT email, mobile, national_id, last_name FROM crm.customers")
        ).all()
    values = {v for row in seeded for v in row if v and len(v) >= 5}
    assert values
    leaked = {v for v in values if v in evidence or v in report}
    assert leaked == set()
    assert "crm.customers" in report
    assert "## Coverage gaps" in report


def test_changes_between_scans_and_an_idempotent_rerun(engine):
    build_demo_warehouse(engine, scale=300, as_of=AS_OF)
    run_scan(engine, "scan-1", day=22)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE crm.customers ADD backup_email VARCHAR(254)"))
        conn.execute(text("UPDATE crm.customers SET backup_email = email"))
        conn.execute(text("ALTER TABLE crm.customers DROP COLUMN mobile"))
        conn.execute(text("DROP TABLE hr.job_applicants"))

    second = run_scan(engine, "scan-2", day=23)
    changes = {
        (c["table_name"], c["column_name"]): (c["change"], c["old_category"], c["new_category"])
        for c in second.changes
    }
    assert changes.pop(("customers", "backup_email")) == ("new", None, "email")
    assert changes.pop(("customers", "mobile")) == ("removed", "phone", None)
    dropped = {k: v for k, v in changes.items() if k[0] == "job_applicants"}
    assert len(dropped) == 9
    assert all(v[0] == "removed" for v in dropped.values())
    assert changes.keys() == dropped.keys()
    assert [(u["column"], u["category"]) for u in second.ungoverned] == [
        ("crm.customers.backup_email", "email")
    ]
    assert second.ungoverned[0]["confidence"] >= REPORT_AT
    assert "crm.customers.mobile (column not found)" in second.stale_policy
    assert "hr.job_applicants (table not found)" in second.stale_policy
    found = register(engine)
    assert found["crm.customers.backup_email"] == "email"
    assert "crm.customers.mobile" not in found
    assert not any(k.startswith("hr.") for k in found)

    rerun = run_scan(engine, "scan-2", day=23)
    assert rerun.changes == second.changes
    assert register(engine) == found

    third = run_scan(engine, "scan-3", day=24)
    assert third.changes == []  # a dropped table is reported once, not every night
    with engine.connect() as conn:
        runs = conn.execute(select(pii_scan_runs.c.scan_id, pii_scan_runs.c.changes)).all()
        recorded = conn.execute(
            select(pii_changes.c.scan_id).where(pii_changes.c.scan_id == "scan-2")
        ).all()
    assert sorted(runs) == [
        ("scan-1", len(SEEDED_PERSONAL_DATA)),
        ("scan-2", len(second.changes)),
        ("scan-3", 0),
    ]
    assert len(recorded) == len(second.changes)


def test_recategorised_column(sqlite_engine):
    ensure_schema(sqlite_engine, "crm")
    with sqlite_engine.begin() as conn:
        conn.execute(text("CREATE TABLE crm.leads (id INTEGER PRIMARY KEY, contact TEXT)"))
        conn.execute(
            text("INSERT INTO crm.leads VALUES (:id, :contact)"),
            [{"id": i, "contact": f"lead{i}@example.no"} for i in range(50)],
        )
    run_scan(sqlite_engine, "scan-1", day=22)
    with sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE crm.leads SET contact = '+47 ' || (41000000 + id * 7919)"))
    second = run_scan(sqlite_engine, "scan-2", day=23)
    assert [
        (c["column_name"], c["change"], c["old_category"], c["new_category"])
        for c in second.changes
    ] == [("contact", "recategorised", "email", "phone")]


def test_scope_skips_project_and_excluded_schemas(sqlite_engine):
    build_demo_warehouse(sqlite_engine, scale=100, as_of=AS_OF)
    summary = run_scan(sqlite_engine, "scan-1", exclude=("hr", "health"))
    with sqlite_engine.connect() as conn:
        schemas = set(conn.execute(select(pii_scan_tables.c.schema_name).distinct()).scalars())
    assert schemas == {"crm", "sales", "web", "service"}
    inspector = Catalog(sqlite_engine)
    in_scope = sum(len(inspector.get_table_names(schema=s)) for s in schemas)
    assert summary.tables_scanned == in_scope
    only = run_scan(sqlite_engine, "scan-2", day=25, include=("crm",))
    assert only.tables_scanned == len(inspector.get_table_names(schema="crm"))


@pytest.mark.parametrize("fixture", ["sqlite_engine", "pg_engine", "mariadb_engine"])
def test_awkward_tables_do_not_crash_the_scan(request, fixture):
    engine = request.getfixturevalue(fixture)
    ensure_schema(engine, "scan_test")
    md = SAMetaData(schema="scan_test")
    SATable("empty", md, SAColumn("id", String(10), primary_key=True), SAColumn("email", Text))
    all_null = SATable(
        "all_null", md, SAColumn("id", String(10), primary_key=True), SAColumn("phone", Text)
    )
    blobs = SATable(
        "blobs",
        md,
        SAColumn("id", String(10), primary_key=True),
        SAColumn("photo", LargeBinary),
        SAColumn("epost", Text),
    )
    wide = SATable(
        "wide",
        md,
        SAColumn("id", String(10), primary_key=True),
        *(SAColumn(f"c{i:03d}", Text) for i in range(300)),
    )
    odd = SATable(
        "Kunde Register",
        md,
        SAColumn("ID", String(10), primary_key=True),
        SAColumn("E-Post", String(254)),
        SAColumn("Fritekst", Text().with_variant(LONGTEXT, "mysql")),
    )
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(all_null), [{"id": str(i), "phone": None} for i in range(30)])
        conn.execute(
            insert(blobs),
            [
                {"id": str(i), "photo": bytes(range(256)) * 40, "epost": f"a{i}@b.no"}
                for i in range(30)
            ],
        )
        conn.execute(insert(wide), [{"id": str(i), "c150": f"x{i}"} for i in range(30)])
        conn.execute(
            insert(odd),
            [
                {
                    "ID": str(i),
                    "E-Post": f"kunde{i}@firma.no",
                    "Fritekst": "lang tekst " * (100_000 if i < 3 else 1),
                }
                for i in range(30)
            ],
        )
        if engine.dialect.name == "sqlite":  # SQLite keeps whatever bytes it is given
            conn.execute(text("INSERT INTO scan_test.empty VALUES ('x', CAST(x'c328ff' AS TEXT))"))
            conn.execute(text("DELETE FROM scan_test.empty"))
            conn.execute(text("INSERT INTO scan_test.all_null VALUES ('bad', CAST(x'ff' AS TEXT))"))

    summary = run_scan(engine, "scan-1", include=("scan_test",))
    assert summary.tables_failed == []
    assert summary.tables_scanned == 5
    assert summary.columns_scanned == 2 + 2 + 3 + 301 + 3
    found = register(engine)
    assert found == {
        "scan_test.blobs.epost": "email",
        "scan_test.Kunde Register.E-Post": "email",
        # named for personal data, so registered, on the evidence of the name alone
        "scan_test.empty.email": "email",
        "scan_test.all_null.phone": "phone",
    }
    with engine.connect() as conn:
        evidence = conn.execute(
            select(pii_columns.c.evidence).where(pii_columns.c.table_name == "empty")
        ).scalar()
    assert evidence == {"sampled": 0, "column_name": {"how": "exact", "matched": "email"}}
    assert "Kunde Register" in Catalog(engine).get_table_names(schema="scan_test")


def test_a_failing_table_is_recorded_and_leaves_its_register_rows(sqlite_engine):
    build_demo_warehouse(sqlite_engine, scale=100, as_of=AS_OF)
    run_scan(sqlite_engine, "scan-1", day=22)
    tables = start_scan(
        sqlite_engine,
        POLICY,
        "scan-2",
        scanned_at=datetime(2026, 11, 23, tzinfo=UTC),
        scope=ScanScope(),
        sample_size=200,
    )
    with sqlite_engine.begin() as conn:
        conn.execute(text("DROP TABLE crm.customers"))  # gone between listing and scanning
    for name in tables:
        if name == "crm.customers":
            with pytest.raises(Exception, match="customers"):
                scan_table(sqlite_engine, POLICY, "scan-2", name, sample_size=200)
        else:
            scan_table(sqlite_engine, POLICY, "scan-2", name, sample_size=200)
    summary = finish_scan(sqlite_engine, POLICY, "scan-2")
    assert summary.status == "partial"
    assert summary.tables_failed == ["crm.customers"]
    assert summary.changes == []
    assert register(sqlite_engine)["crm.customers.email"] == "email"
    with sqlite_engine.connect() as conn:
        error = conn.execute(
            select(pii_scan_tables.c.error).where(pii_scan_tables.c.status == "failed")
        ).scalar()
    assert error == "NoSuchTableError (NoSuchTableError)"


@pytest.mark.parametrize(
    ("tables", "per_batch", "max_batches", "sizes"),
    [
        (5, 1, 1000, [1, 1, 1, 1, 1]),
        (5, 2, 1000, [2, 2, 1]),
        (2500, 1, 1000, [3] * 833 + [1]),
        (0, 1, 1000, []),
    ],
)
def test_tables_are_batched_under_airflows_mapping_limit(tables, per_batch, max_batches, sizes):
    names = [f"s.t{i}" for i in range(tables)]
    batches = plan_batches(names, per_batch, max_batches)
    assert [len(b) for b in batches] == sizes
    assert [t for b in batches for t in b] == names
    assert len(batches) <= max_batches


@pytest.mark.parametrize("slots", [1, 2, 4, 16, 32])
@pytest.mark.parametrize("tables", [1, 13, 120, 1000, 10_000])
def test_tables_per_task_keeps_every_slot_busy_and_start_up_below_the_scan(tables, slots):
    """Every slot gets a task while there are tables for it; a task holds enough tables that
    its start-up costs less than its scan, unless that would leave slots idle; on a large
    warehouse each slot runs several tasks in turn, so the grid shows progress."""
    per_task = tables_per_task(tables, slots=slots)
    tasks = len(plan_batches([f"s.t{i}" for i in range(tables)], per_task, 1000))
    assert per_task <= math.ceil(tables / slots)  # no task takes more than a slot's share
    if per_task < MIN_TABLES_PER_TASK:  # few tables: spread over the slots, one task each
        assert per_task == math.ceil(tables / slots)
        assert tasks <= slots
    if tables >= TASKS_PER_SLOT * slots * MIN_TABLES_PER_TASK:
        assert tasks > 2 * slots


ODD_NAMES = ("e`post", 'mail "privat"', "Mixed Case Mail", "kunde epost")


@pytest.mark.parametrize("fixture", ["sqlite_engine", "pg_engine", "mariadb_engine"])
def test_every_identifier_is_quoted_by_the_dialect(request, fixture):
    """A backtick, a double quote, mixed case or a space in a name: the table is scanned."""
    engine = request.getfixturevalue(fixture)
    ensure_schema(engine, "scan_test")
    odd = SATable(
        'Kunder `med` "rare" navn',
        SAMetaData(schema="scan_test"),
        SAColumn("id", String(10), primary_key=True),
        *(SAColumn(name, String(80)) for name in ODD_NAMES),
    )
    odd.create(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(odd),
            [{"id": str(i), **{n: f"kunde{i}@firma.no" for n in ODD_NAMES}} for i in range(30)],
        )
    summary = run_scan(engine, "scan-1", include=("scan_test",))
    assert summary.tables_failed == []
    assert register(engine) == {f"scan_test.{odd.name}.{n}": "email" for n in ODD_NAMES}


@pytest.mark.parametrize("fixture", ["sqlite_engine", "pg_engine", "mariadb_engine"])
def test_binary_columns_holding_text_are_decoded_and_classified(request, fixture):
    """bytea, BLOB, VARBINARY: UTF-8 text, or latin-1 text, is read; real binary is not."""
    engine = request.getfixturevalue(fixture)
    ensure_schema(engine, "scan_test")
    binary = SATable(
        "legacy",
        SAMetaData(schema="scan_test"),
        SAColumn("id", String(10), primary_key=True),
        SAColumn("kontakt", LargeBinary),
        SAColumn("merknad", LargeBinary),
        SAColumn("bilde", LargeBinary),
        SAColumn("signatur", LargeBinary().with_variant(VARBINARY(64), "mysql")),
    )
    binary.create(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(binary),
            [
                {
                    "id": str(i),
                    "kontakt": f"kunde{i}@firma.no".encode(),
                    "merknad": f"Ring Øystein på 4{i + 1000000:07d} før kl. 16, mvh Åse".encode(
                        "latin-1"
                    ),
                    "bilde": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
                    "signatur": bytes([i, 0, 255, 7]) * 8,
                }
                for i in range(40)
            ],
        )
        if engine.dialect.name == "sqlite":  # SQLite keeps text in a BLOB column as text
            conn.execute(
                text("UPDATE scan_test.legacy SET kontakt = 'tekst@firma.no' WHERE id = '0'")
            )
    run_scan(engine, "scan-1", include=("scan_test",))
    with engine.connect() as conn:
        rows = {r.column_name: r for r in conn.execute(select(pii_columns))}
    assert sorted(rows) == ["kontakt", "merknad"]
    assert rows["kontakt"].category == "email"
    assert rows["kontakt"].evidence["decoded"] == "utf-8"
    # a note holding a phone number and names is a customer-service record (free text)
    assert rows["merknad"].category == "customer_service"
    assert rows["merknad"].evidence["decoded"] == "latin-1"


def people_with_views(engine: Engine) -> dict[str, str]:
    """``scan_test.people`` and views of it (on PostgreSQL a materialized view and a
    foreign table too); the object type each should be recorded as."""
    ensure_schema(engine, "scan_test")
    people = SATable(
        "people",
        SAMetaData(schema="scan_test"),
        SAColumn("id", String(10), primary_key=True),
        SAColumn("kontakt", String(80)),
    )
    people.create(engine)
    expected = {"people": "table", "people_view": "view"}
    with engine.begin() as conn:
        conn.execute(
            insert(people), [{"id": str(i), "kontakt": f"p{i}@firma.no"} for i in range(40)]
        )
        conn.execute(
            sql(
                conn,
                "CREATE VIEW scan_test.people_view AS "
                "SELECT id, kontakt AS adr FROM scan_test.people",
            )
        )
        if engine.dialect.name == "postgresql":
            conn.execute(
                text(
                    "CREATE MATERIALIZED VIEW scan_test.people_mat AS "
                    "SELECT kontakt FROM scan_test.people"
                )
            )
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgres_fdw SCHEMA scan_test"))
            database = conn.execute(text("SELECT current_database()")).scalar()
            conn.execute(
                text(
                    "CREATE SERVER scan_test_self FOREIGN DATA WRAPPER postgres_fdw "
                    f"OPTIONS (host '127.0.0.1', dbname '{database}')"
                )
            )
            conn.execute(text("CREATE USER MAPPING FOR CURRENT_USER SERVER scan_test_self"))
            conn.execute(
                text(
                    "CREATE FOREIGN TABLE scan_test.people_remote "
                    "(id varchar(10), kontakt varchar(80)) "
                    "SERVER scan_test_self OPTIONS (schema_name 'scan_test', table_name 'people')"
                )
            )
            expected |= {"people_mat": "materialized view", "people_remote": "foreign table"}
    return expected


def test_views_materialized_views_and_foreign_tables_are_scanned_and_said_to_be(any_engine):
    expected = people_with_views(any_engine)
    summary = run_scan(any_engine, "scan-1", include=("scan_test",))
    assert summary.tables_failed == []
    assert summary.tables_scanned == len(expected)
    with any_engine.connect() as conn:
        scanned = {r.table_name: r.object_type for r in conn.execute(select(pii_scan_tables))}
        found = {r.table_name: r.object_type for r in conn.execute(select(pii_columns))}
    assert scanned == expected
    assert found == expected  # each holds the emails
    report = render_inventory_report(any_engine, POLICY, summary)
    assert "### `scan_test.people_view` (view)" in report
    if "people_mat" in expected:
        assert "### `scan_test.people_mat` (materialized view)" in report
        assert "### `scan_test.people_remote` (foreign table)" in report


@pytest.mark.postgres
def test_a_column_that_times_out_is_not_sampled_and_its_table_not_scanned_clean(
    pg_engine, monkeypatch, tmp_path
):
    """A statement timeout is no evidence of no personal data: the column is recorded as
    not sampled, by its error class, and the table is not counted as scanned."""
    monkeypatch.setattr(sampling, "STATEMENT_TIMEOUT_MS", 300)
    ensure_schema(pg_engine, "scan_test")
    with pg_engine.begin() as conn:
        conn.execute(text("CREATE TABLE scan_test.people (id int PRIMARY KEY, kontakt text)"))
        conn.execute(
            text("INSERT INTO scan_test.people VALUES (:id, :kontakt)"),
            [{"id": i, "kontakt": f"p{i}@firma.no"} for i in range(50)],
        )
        conn.execute(  # immutable, so a read of the view's other columns never calls it
            text(
                "CREATE FUNCTION scan_test.slow(t text) RETURNS text IMMUTABLE LANGUAGE plpgsql "
                "AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN t; END $$"
            )
        )
        conn.execute(
            text(
                "CREATE VIEW scan_test.slow_people AS "
                "SELECT id, kontakt, scan_test.slow(kontakt) AS backup_kontakt "
                "FROM scan_test.people"
            )
        )
    summary = run_scan(pg_engine, "scan-1", include=("scan_test",))
    timed_out = {"backup_kontakt": "OperationalError (QueryCanceled)"}
    assert summary.not_sampled == {"scan_test.slow_people": timed_out}
    assert summary.status == "partial"
    assert summary.tables_scanned == 1
    with pg_engine.connect() as conn:
        view = conn.execute(
            select(pii_scan_tables).where(pii_scan_tables.c.table_name == "slow_people")
        ).one()
    assert (view.status, view.not_sampled) == ("not sampled", timed_out)
    assert register(pg_engine) == {"scan_test.people.kontakt": "email"}  # the view: not yet
    report = render_inventory_report(pg_engine, POLICY, summary)
    assert "## Columns that could not be sampled" in report
    assert (
        "| `scan_test.slow_people` | `backup_kontakt` | OperationalError (QueryCanceled) |"
        in report
    )
    assert "p1@firma.no" not in report
    with pytest.raises(steps.ScanFailed, match=r"slow_people: backup_kontakt \(Operational"):
        steps.finish(pg_engine, POLICY, "scan-1", folder=tmp_path, fail_on_ungoverned=False)
