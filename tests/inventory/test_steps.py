"""The inventory's failure policy, without Airflow: a failing table does not stop its batch,
failed tables fail the run, ungoverned personal data warns or fails as asked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, String, Table, insert, select

from include.governance.audit import pii_scan_runs, pii_scan_tables
from include.governance.inventory import steps
from include.governance.policy import load_policy
from include.governance.warehouse import ensure_schema
from tests.server_sql import sql

POLICY = load_policy()
SCANNED_AT = datetime(2026, 11, 24, tzinfo=UTC)
EMAILS = [f"kari.nordmann{i}@example.no" for i in range(40)]


def people_tables(engine: Engine, *names: str) -> None:
    """Tables of ``scan_test`` holding emails that no rule of the policy governs."""
    ensure_schema(engine, "scan_test")
    metadata = MetaData(schema="scan_test")
    for name in names:
        Table(name, metadata, Column("id", Integer, primary_key=True), Column("email", String(80)))
    metadata.create_all(engine)
    with engine.begin() as conn:
        for table in metadata.tables.values():
            conn.execute(insert(table), [{"id": i, "email": e} for i, e in enumerate(EMAILS, 1)])


def start(
    engine: Engine, run_id: str, *, at: datetime = SCANNED_AT, full_scan: bool = False
) -> list[list[str]]:
    return steps.start(
        engine,
        POLICY,
        run_id,
        scanned_at=at,
        include_schemas=["scan_test"],
        sample_size=100,
        tables_per_task=10,
        max_tasks=1000,
        full_scan=full_scan,
    )


def test_a_failing_table_does_not_stop_its_batch_and_fails_the_run(any_engine, tmp_path):
    people_tables(any_engine, "a_gone", "b_kept")
    [batch] = start(any_engine, "scan-1")
    assert batch == ["scan_test.a_gone", "scan_test.b_kept"]
    with any_engine.begin() as conn:  # dropped between the listing and the scan
        conn.execute(sql(conn, "DROP TABLE scan_test.a_gone"))

    with pytest.raises(steps.ScanFailed, match=r"could not scan scan_test\.a_gone: ") as failed:
        steps.scan_batch(any_engine, POLICY, "scan-1", batch, sample_size=100)
    assert "b_kept" not in str(failed.value)
    assert not any(email in str(failed.value) for email in EMAILS)
    with any_engine.connect() as conn:
        t = pii_scan_tables
        statuses = {r.table_name: r.status for r in conn.execute(select(t))}
    assert statuses == {"a_gone": "failed", "b_kept": "scanned"}  # the rest of the batch ran

    with pytest.raises(steps.ScanFailed, match="tables that could not be scanned"):
        steps.finish(any_engine, POLICY, "scan-1", folder=tmp_path, fail_on_ungoverned=False)
    assert (tmp_path / "report.md").is_file()  # the report is written before the run fails
    with any_engine.connect() as conn:
        run = conn.execute(select(pii_scan_runs)).one()
    assert (run.status, run.tables_failed, run.report_path) == (
        "partial",
        1,
        str(tmp_path / "report.md"),
    )


@pytest.mark.parametrize("fail_on_ungoverned", [False, True])
def test_ungoverned_personal_data_warns_or_fails_as_asked(engine, tmp_path, fail_on_ungoverned):
    people_tables(engine, "people")
    [batch] = start(engine, "scan-1")
    assert steps.scan_batch(engine, POLICY, "scan-1", batch, sample_size=100) == 1
    finish = {"folder": tmp_path, "fail_on_ungoverned": fail_on_ungoverned}
    if fail_on_ungoverned:
        with pytest.raises(steps.UngovernedData, match="1 ungoverned personal-data columns"):
            steps.finish(engine, POLICY, "scan-1", **finish)
    else:
        outcome = steps.finish(engine, POLICY, "scan-1", **finish)
        assert outcome["ungoverned"] == ["scan_test.people.email"]
        assert outcome["personal_data_columns"] == 1
    assert (tmp_path / "report.md").is_file()


def test_only_changed_tables_are_given_to_the_scan_tasks_unless_a_full_scan_is_asked(
    sqlite_engine, tmp_path
):
    people_tables(sqlite_engine, "people")
    [batch] = start(sqlite_engine, "scan-1")
    steps.scan_batch(sqlite_engine, POLICY, "scan-1", batch, sample_size=100)
    steps.finish(sqlite_engine, POLICY, "scan-1", folder=tmp_path, fail_on_ungoverned=False)
    next_day = SCANNED_AT + timedelta(days=1)
    assert start(sqlite_engine, "scan-2", at=next_day) == []
    assert start(sqlite_engine, "scan-2", at=next_day, full_scan=True) == [["scan_test.people"]]
