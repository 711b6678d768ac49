"""Staging is a schema of the project's own: an analyst who may read the outputs reads no
staging table, keeps reading each new version, and a killed build leaves nothing there."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import ProgrammingError

from include.demo.load import build_demo_warehouse
from include.governance.anonymise.plan import output_sources, plan_output
from include.governance.anonymise.staging import recreate, staging_table
from include.governance.anonymise.steps import build, publish, report, start_run
from include.governance.audit import STAGING_SCHEMA
from include.governance.catalog import Catalog
from include.governance.policy import load_policy
from include.governance.pseudonym import PseudonymKey
from include.governance.warehouse import ensure_schema, sqlite_schema_path
from tests.anonymise.staged import staged_tables

POLICY = load_policy()
RUN_DATE = date(2026, 11, 24)
KEY = PseudonymKey("analytics", "v1", b"analytics-secret-of-the-staging-tests-01")
OUTPUTS = list(output_sources(POLICY))


def build_all(engine: Engine, run_id: str, folder: Path) -> None:
    for output in start_run(engine, POLICY, run_id, RUN_DATE, keys=[KEY]):
        build(engine, POLICY, run_id, output, folder=folder, key=KEY, run_date=RUN_DATE)


def test_outputs_are_staged_outside_their_schema_and_a_killed_build_leaves_nothing(
    any_engine, tmp_path
):
    build_demo_warehouse(any_engine, scale=120, as_of=RUN_DATE)
    build_all(any_engine, "run-1", tmp_path)
    catalog = Catalog(any_engine)
    assert catalog.get_table_names(schema="analytics") == []  # nothing published yet
    staged = staged_tables(any_engine, POLICY, OUTPUTS)
    assert sorted(catalog.get_table_names(schema=STAGING_SCHEMA)) == staged
    publish(any_engine, POLICY, "run-1")
    published = sorted(plan_output(any_engine, POLICY, o).table for o in OUTPUTS)
    assert sorted(Catalog(any_engine).get_table_names(schema="analytics")) == published
    assert Catalog(any_engine).get_table_names(schema=STAGING_SCHEMA) == []
    report(any_engine, "run-1", folder=tmp_path)

    # a build killed half-way leaves its staging table; the run's report drops it
    start_run(any_engine, POLICY, "run-2", RUN_DATE, keys=[KEY])
    plan = plan_output(any_engine, POLICY, "analytics.orders")
    recreate(any_engine, staging_table(plan.schema, plan.table, plan.table_columns()))
    with pytest.raises(RuntimeError, match="not every output was built"):
        report(any_engine, "run-2", folder=tmp_path)
    assert Catalog(any_engine).get_table_names(schema=STAGING_SCHEMA) == []
    # and a run whose report never ran: the next run's start drops what it left
    recreate(any_engine, staging_table(plan.schema, plan.table, plan.table_columns()))
    start_run(any_engine, POLICY, "run-3", RUN_DATE, keys=[KEY])
    assert Catalog(any_engine).get_table_names(schema=STAGING_SCHEMA) == []
    assert sorted(Catalog(any_engine).get_table_names(schema="analytics")) == published


def test_a_sqlite_staging_schema_is_a_file_only_its_owner_may_open(sqlite_engine, tmp_path):
    build_demo_warehouse(sqlite_engine, scale=60, as_of=RUN_DATE)
    build_all(sqlite_engine, "run-1", tmp_path)
    path = sqlite_schema_path(Path(sqlite_engine.url.database), STAGING_SCHEMA)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


@pytest.mark.postgres
def test_an_analyst_reads_every_version_of_the_outputs_and_no_staging_table(pg_engine, tmp_path):
    """Privileges on PostgreSQL are the table's own: a version made in staging and moved in
    keeps what the published one was granted and gets the schema's default privileges."""
    analyst, auditor = f"analyst_{os.getpid()}", f"auditor_{os.getpid()}"
    build_demo_warehouse(pg_engine, scale=120, as_of=RUN_DATE)
    ensure_schema(pg_engine, "analytics")
    with pg_engine.begin() as conn:
        for role in (analyst, auditor):
            conn.execute(text(f"CREATE ROLE {role} NOLOGIN"))
            conn.execute(text(f"GRANT USAGE ON SCHEMA analytics TO {role}"))
        conn.execute(  # the DBA's way: every table made in analytics is the analysts'
            text(
                f"ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO {analyst}"
            )
        )
    try:
        build_all(pg_engine, "run-1", tmp_path)
        publish(pg_engine, POLICY, "run-1")
        with pg_engine.begin() as conn:  # and one table granted by hand
            conn.execute(text(f"GRANT SELECT ON analytics.customers TO {auditor}"))

        build_all(pg_engine, "run-2", tmp_path)  # built, not yet published: in staging
        staged = Catalog(pg_engine).get_table_names(schema=STAGING_SCHEMA)
        built = {plan_output(pg_engine, POLICY, o).staged.name for o in OUTPUTS}
        assert built <= set(staged)  # and the keys an in-place build deletes at publish
        assert _can_read(pg_engine, analyst, STAGING_SCHEMA, staged) == []
        publish(pg_engine, POLICY, "run-2")

        tables = Catalog(pg_engine).get_table_names(schema="analytics")
        assert sorted(_can_read(pg_engine, analyst, "analytics", tables)) == sorted(tables)
        assert _can_read(pg_engine, auditor, "analytics", tables) == ["customers"]
    finally:
        with pg_engine.begin() as conn:
            for role in (analyst, auditor):
                conn.execute(text(f"DROP OWNED BY {role}"))
                conn.execute(text(f"DROP ROLE {role}"))


def _can_read(engine: Engine, role: str, schema: str, tables: list[str]) -> list[str]:
    """The tables of ``schema`` that ``role`` may select from (each tried as that role)."""
    readable = []
    for table in tables:
        with engine.connect() as conn:
            conn.execute(text(f"SET ROLE {role}"))
            try:
                conn.execute(text(f'SELECT count(*) FROM {schema}."{table}"'))
                readable.append(table)
            except ProgrammingError as exc:
                if getattr(exc.orig, "pgcode", None) != "42501":  # insufficient privilege
                    raise
            conn.rollback()
    return readable
