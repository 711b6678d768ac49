"""The project's own schemas: scanned when asked for, and the output schemas checked for
personal data the policy does not put there (a leak)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, select, text

from include.governance.anonymise import steps as anonymise_steps
from include.governance.audit import pii_columns
from include.governance.inventory import steps
from include.governance.inventory.discovery import ScanScope
from include.governance.inventory.leaks import output_schemas
from include.governance.marketing import steps as marketing_steps
from include.governance.policy import load_policy
from include.governance.pseudonym import PseudonymKey
from include.governance.warehouse import ensure_schema
from tests.server_sql import sql

POLICY = load_policy()
RUN_DATE = date(2026, 11, 24)
ANALYTICS = PseudonymKey("analytics", "t-1", b"analytics-secret-of-the-leaks-test-0")
MARKETING = PseudonymKey("marketing", "t-1", b"marketing-secret-of-the-leaks-test-0")
EMAILS = [f"kari.nordmann{i}@example.no" for i in range(40)]


def campaign_export(engine: Engine) -> None:
    """An analyst's own table in analytics, full of raw emails."""
    ensure_schema(engine, "analytics")
    with engine.begin() as conn:
        conn.execute(sql(conn, "CREATE TABLE analytics.campaign_export (id INT, mottaker TEXT)"))
        conn.execute(
            sql(conn, "INSERT INTO analytics.campaign_export VALUES (:id, :to)"),
            [{"id": i, "to": e} for i, e in enumerate(EMAILS)],
        )


def leak_check(engine: Engine, run_id: str, folder, **finish) -> dict:
    batches = steps.start(
        engine,
        POLICY,
        run_id,
        scanned_at=datetime(2026, 11, 24, tzinfo=UTC),
        include_schemas=output_schemas(POLICY),
        sample_size=500,
        tables_per_task=100,
        max_tasks=1000,
    )
    for batch in batches:
        steps.scan_batch(engine, POLICY, run_id, batch, sample_size=500)
    return steps.finish(engine, POLICY, run_id, folder=folder, fail_on_ungoverned=True, **finish)


def test_the_output_schemas_are_the_policys():
    assert output_schemas(POLICY) == ["analytics", "marketing"]


@pytest.mark.parametrize("schema", ["analytics", "marketing", "governance", "governance_staging"])
def test_project_schemas_are_skipped_unless_named(schema):
    assert not ScanScope().covers(schema)
    assert not ScanScope(exclude=("crm",)).covers(schema)
    assert ScanScope(include=(schema,)).covers(schema)
    assert not ScanScope(include=(schema,), exclude=(schema,)).covers(schema)


def test_raw_emails_in_an_output_schema_are_a_leak(any_engine, tmp_path):
    campaign_export(any_engine)
    with pytest.raises(steps.LeakFound, match=r"1 leak: analytics\.campaign_export\.mottaker"):
        leak_check(any_engine, "leak-1", tmp_path, fail_on_leaks=True)
    report = (tmp_path / "report.md").read_text()
    assert "## Leaks: personal data where the policy puts none" in report
    assert "`analytics.campaign_export.mottaker` | email" in report
    assert not any(e in report for e in EMAILS)
    with any_engine.connect() as conn:
        row = conn.execute(select(pii_columns)).one()
    assert (row.table_name, row.category, row.leak, row.governed) == (
        "campaign_export",
        "email",
        True,
        False,
    )


def test_the_anonymised_outputs_hold_no_leak_and_a_raw_column_added_to_one_does(demo, tmp_path):
    run = {"run_date": RUN_DATE, "folder": tmp_path / "anonymise"}
    outputs = anonymise_steps.start_run(
        demo, POLICY, "run-1", RUN_DATE, keys=[ANALYTICS, MARKETING]
    )
    for output in outputs:
        anonymise_steps.build(demo, POLICY, "run-1", output, key=ANALYTICS, **run)
    anonymise_steps.publish(demo, POLICY, "run-1")
    marketing_steps.segments(demo, POLICY, "run-1", key=MARKETING, **run)

    clean = leak_check(demo, "leak-1", tmp_path / "leak-1", fail_on_leaks=True)
    assert clean["leaks"] == []
    assert clean["ungoverned"] == []  # what the outputs hold is judged as leak or not
    assert clean["personal_data_columns"] > 0  # gender, ip_network, ...: expected there

    with demo.begin() as conn:  # an output whose rule let the raw data through
        conn.execute(
            text(
                "UPDATE analytics.customers "
                "SET region = substr(customer_key, 1, 12) || '@example.no'"
            )
        )
    leaked = leak_check(demo, "leak-2", tmp_path / "leak-2")
    assert leaked["leaks"] == ["analytics.customers.region"]
