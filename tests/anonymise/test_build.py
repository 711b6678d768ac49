"""Analytics outputs on real warehouses: default deny, no personal data, stable, atomic."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from include.demo.load import build_demo_warehouse
from include.governance.anonymise import forms as anonymise_forms
from include.governance.anonymise.build import build_output
from include.governance.anonymise.plan import (
    KEY_VERSION_COLUMN,
    OutputPlan,
    PlanError,
    output_sources,
    plan_output,
)
from include.governance.anonymise.records import ChecksFailed, finish_run
from include.governance.anonymise.steps import publish, start_run
from include.governance.audit import anonymise_outputs, anonymise_runs
from include.governance.catalog import Catalog
from include.governance.detect.shapes import REDACTED_TEXT_SHAPES
from include.governance.marketing.segments import build_segments
from include.governance.policy import load_policy
from include.governance.pseudonym import PseudonymKey
from include.governance.quality import Checks
from tests.server_sql import sql

POLICY = load_policy()
RUN_DATE = date(2026, 11, 24)
KEY = PseudonymKey("analytics", "v1", b"analytics-secret-for-the-tests-0001")
NEW_KEY = PseudonymKey("analytics", "v2", b"analytics-secret-for-the-tests-0002")
MARKETING_KEY = PseudonymKey("marketing", "m1", b"marketing-secret-for-the-tests-0001")
OUTPUTS = list(output_sources(POLICY))
# Where the demo seeds personal data that must never reach an output.
SEEDED = {
    "crm.customers": [
        "first_name",
        "last_name",
        "street_address",
        "email",
        "mobile",
        "national_id",
    ],
    "sales.shipments": ["recipient_name", "delivery_address", "tracking_number"],
    "hr.job_applicants": ["fornavn", "etternavn", "epost", "telefon", "adresse"],
    "health.blue_prescriptions": ["patient_fnr", "helfo_reference"],
}


def run_analytics(
    engine: Engine,
    run_id: str,
    docs: Path,
    key: PseudonymKey = KEY,
    method: str = "auto",
    chunk_rows: int = 50_000,
) -> dict:
    outputs = start_run(engine, POLICY, run_id, RUN_DATE, keys=[key, MARKETING_KEY])
    checks = Checks(engine, docs / run_id)
    results = {
        o: build_output(
            engine,
            POLICY,
            run_id,
            o,
            key=key,
            run_date=RUN_DATE,
            checks=checks,
            method=method,
            chunk_rows=chunk_rows,
        )
        for o in outputs
    }
    publish(engine, POLICY, run_id)
    assert finish_run(engine, run_id) == "succeeded"
    return results


def read_outputs(engine: Engine, schemas: tuple[str, ...] = ("analytics",)) -> dict[str, list]:
    """Every row of every table in ``schemas``, sorted, as plain values."""
    tables = {}
    with engine.connect() as conn:
        for schema in schemas:
            for name in Catalog(conn).get_table_names(schema=schema):
                rows = conn.execute(sql(conn, f"SELECT * FROM {schema}.{name}")).all()
                tables[f"{schema}.{name}"] = sorted(tuple(map(str, r)) for r in rows)
    return tables


def seeded_values(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        found = set()
        for table, columns in SEEDED.items():
            for row in conn.execute(sql(conn, f"SELECT {', '.join(columns)} FROM {table}")):
                found |= {str(v) for v in row if v is not None}
            if table == "crm.customers":
                names = conn.execute(sql(conn, "SELECT first_name, last_name FROM crm.customers"))
                found |= {f"{first} {last}" for first, last in names}
    return found


def leaked(engine: Engine, schemas: tuple[str, ...]) -> set[str]:
    """Seeded personal values found anywhere in ``schemas``: as whole values, and inside
    text (as words, and as substrings when longer than five characters)."""
    values = {v for rows in read_outputs(engine, schemas).values() for r in rows for v in r}
    prose = "\0".join(v for v in values if " " in v or "/" in v)
    words = set(re.findall(r"[\w@.+-]+", prose))
    return {
        v for v in seeded_values(engine) if v in values or v in words or (len(v) > 5 and v in prose)
    }


def test_outputs_hold_only_what_the_rules_make_and_no_personal_data(demo, tmp_path):
    with demo.begin() as conn:  # added to a source later: never flows through on its own
        conn.execute(sql(conn, "ALTER TABLE crm.customers ADD COLUMN nickname VARCHAR(40)"))
        conn.execute(sql(conn, "UPDATE crm.customers SET nickname = first_name"))
    results = run_analytics(demo, "run-1", tmp_path)
    expected_method = "pushdown" if demo.dialect.name == "postgresql" else "streaming"
    assert results["analytics.orders"].method == expected_method
    assert results["analytics.service_contacts"].method == expected_method  # redaction too
    tables = read_outputs(demo)
    assert set(tables) == set(OUTPUTS)
    with demo.connect() as conn:
        for output, source in output_sources(POLICY).items():
            plan = plan_output(demo, POLICY, output)
            columns = [c["name"] for c in Catalog(conn).get_columns(plan.table, schema="analytics")]
            assert columns == plan.output_names
            source_rows = conn.execute(sql(conn, f"SELECT count(*) FROM {source}")).scalar()
            result = results[output]
            assert len(tables[output]) == source_rows - result.suppressed == result.output_rows
        orphans = conn.execute(
            sql(
                conn,
                "SELECT count(DISTINCT customer_key) FROM analytics.orders o WHERE NOT EXISTS "
                "(SELECT 1 FROM analytics.customers c WHERE c.customer_key = o.customer_key)",
            )
        ).scalar()
        runs = conn.execute(select(anonymise_runs.c.status)).scalars().all()
        recorded = conn.execute(select(anonymise_outputs)).all()
    # pseudonyms join across outputs, but for the customers left out to keep k
    assert orphans <= results["analytics.customers"].suppressed
    assert runs == ["succeeded"]
    assert {r.status for r in recorded} == {"published"}
    assert all(r.checks > 5 and r.checks_failed == [] for r in recorded)
    reasons = {r.output: r.build_reason for r in recorded}
    assert reasons["analytics.orders"] == "no published output yet"
    assert reasons["analytics.order_lines"] == "the source has no watermark column in the policy"
    assert leaked(demo, ("analytics",)) == set()
    assert (tmp_path / "run-1" / "index.html").is_file()

    run_analytics(demo, "run-2", tmp_path)
    assert read_outputs(demo) == tables  # a re-run gives the same tables

    run_analytics(demo, "run-3", tmp_path, key=NEW_KEY)
    with demo.connect() as conn:
        rows = conn.execute(sql(conn, "SELECT * FROM analytics.orders")).mappings().all()
    before = {v for r in tables["analytics.orders"] for v in r if len(v) == 64}
    assert len(before) > len(rows)  # order and customer keys
    assert before.isdisjoint({r[c] for r in rows for c in ("order_key", "customer_key")})
    assert {r["pseudonym_key_version"] for r in rows} == {"v2"}


def test_failing_checks_or_a_missing_column_keep_the_previous_version(demo, tmp_path, monkeypatch):
    run_analytics(demo, "run-1", tmp_path)
    published = read_outputs(demo)
    monkeypatch.setattr(anonymise_forms, "redact", lambda note: note)  # a broken redactor
    start_run(demo, POLICY, "run-2", RUN_DATE, keys=[KEY])
    checks = Checks(demo, tmp_path / "run-2")
    with pytest.raises(ChecksFailed) as caught:
        build_output(
            demo,
            POLICY,
            "run-2",
            "analytics.service_contacts",
            key=KEY,
            run_date=RUN_DATE,
            checks=checks,
        )
    message = str(caught.value)
    assert f"no {', '.join(REDACTED_TEXT_SHAPES)} in notes: FAILED" in message  # every kind
    assert "@" not in message
    with pytest.raises(RuntimeError, match="not built in this run"):
        publish(demo, POLICY, "run-2")
    assert finish_run(demo, "run-2") == "failed"

    with demo.begin() as conn:
        conn.execute(sql(conn, "ALTER TABLE crm.customers DROP COLUMN gender"))
    with pytest.raises(PlanError, match=r"crm\.customers lacks columns the policy names: gender"):
        build_output(
            demo,
            POLICY,
            "run-2",
            "analytics.customers",
            key=KEY,
            run_date=RUN_DATE,
            checks=checks,
        )
    assert read_outputs(demo) == published
    assert sorted(Catalog(demo).get_table_names(schema="analytics")) == sorted(
        o.split(".")[1] for o in OUTPUTS
    )


@pytest.mark.parametrize("nullable", [False, True])
def test_a_key_version_column_that_may_be_null_fails_the_proof(
    any_engine, tmp_path, monkeypatch, nullable
):
    """Every row is made with the run's key version, which the staged table's definition
    keeps NOT NULL (the pushdown proves it so without scanning for NULLs): a staged table
    whose key version may be NULL fails the proof, on every database."""
    build_demo_warehouse(any_engine, scale=100, as_of=RUN_DATE)
    if nullable:
        columns = OutputPlan.table_columns

        def version_may_be_null(plan):
            *made, version = columns(plan)
            version.nullable = True
            return [*made, version]

        monkeypatch.setattr(OutputPlan, "table_columns", version_may_be_null)
    start_run(any_engine, POLICY, "run-1", RUN_DATE, keys=[KEY])
    build = dict(key=KEY, run_date=RUN_DATE, checks=Checks(any_engine, tmp_path / "run-1"))
    if not nullable:
        build_output(any_engine, POLICY, "run-1", "analytics.orders", **build)
        return
    with pytest.raises(ChecksFailed, match=f"{KEY_VERSION_COLUMN} is NOT NULL.*: FAILED"):
        build_output(any_engine, POLICY, "run-1", "analytics.orders", **build)


@pytest.mark.mariadb
def test_analytics_on_mariadb(mariadb_engine, tmp_path):
    build_demo_warehouse(mariadb_engine, scale=300, as_of=RUN_DATE)
    results = run_analytics(mariadb_engine, "run-1", tmp_path)
    assert {r.method for r in results.values()} == {"streaming"}
    assert leaked(mariadb_engine, ("analytics",)) == set()
    first = read_outputs(mariadb_engine)
    run_analytics(mariadb_engine, "run-2", tmp_path)
    assert read_outputs(mariadb_engine) == first


@pytest.mark.postgres
def test_pushdown_and_streaming_give_identical_outputs(pg_driver_engine, tmp_path):
    build_demo_warehouse(pg_driver_engine, scale=300, as_of=RUN_DATE)
    with pg_driver_engine.begin() as conn:
        conn.execute(sql(conn, "CREATE EXTENSION IF NOT EXISTS pgcrypto"))
    schemas = ("analytics", "marketing")
    outputs = {}
    for method in ("pushdown", "streaming"):
        run_id = f"run-{method}"
        chunk_rows = 700  # several chunks of every table
        results = run_analytics(
            pg_driver_engine,
            run_id,
            tmp_path,
            method="auto" if method == "pushdown" else method,
            chunk_rows=chunk_rows,
        )
        segments = build_segments(
            pg_driver_engine,
            POLICY,
            run_id,
            key=MARKETING_KEY,
            run_date=RUN_DATE,
            checks=Checks(pg_driver_engine, tmp_path / "m" / method),
            method=method,
            chunk_rows=50,
        )
        assert segments.method == method
        assert results["analytics.orders"].method == method
        outputs[method] = read_outputs(pg_driver_engine, schemas)
    assert outputs["pushdown"] == outputs["streaming"]
    assert leaked(pg_driver_engine, schemas) == set()
    members = {r[0] for r in outputs["pushdown"]["marketing.segment_members"]}
    customers = {r[0] for r in outputs["pushdown"]["analytics.customers"]}
    assert members
    assert members.isdisjoint(customers)  # a key per purpose: no link between the two
