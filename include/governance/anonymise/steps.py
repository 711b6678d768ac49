"""What the anonymisation DAG's tasks call, one function a task: start the run, build one
output, publish them all, report.

Outputs derive from the source, the policy, the key and the run's logical date only (ages
are taken on that date), so a re-run gives the same tables.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update

from include.governance.anonymise.build import build_output
from include.governance.anonymise.plan import output_sources, plan_output
from include.governance.anonymise.records import (
    check_one_key,
    describe_key,
    finish_run,
    record_report,
    recorded_keys,
)
from include.governance.anonymise.report import render_anonymise_report
from include.governance.anonymise.sql import ensure_pgcrypto
from include.governance.anonymise.staging import clear_staging, ensure_staging_schema, swap_in
from include.governance.audit import anonymise_outputs, anonymise_runs, ensure_governance_tables
from include.governance.dialects import dialect_of
from include.governance.policy import Policy
from include.governance.pseudonym import PseudonymKey
from include.governance.quality import Checks
from include.governance.reports import data_docs_folder, store_report, write_report
from include.governance.tables import TableName
from include.governance.warehouse import ensure_schema

log = logging.getLogger(__name__)


class RunNotStarted(RuntimeError):
    """The run was never recorded: its first step failed, perhaps before any table."""


class RunFailed(RuntimeError):
    """Not every output was built and published; the outcome and report are recorded."""


def start_run(
    engine: Engine,
    policy: Policy,
    run_id: str,
    run_date: date,
    *,
    keys: Sequence[PseudonymKey],
) -> list[str]:
    """Record a run (replacing an earlier attempt of the same run) with the version and
    fingerprint of each of its ``keys``, which every later step's key must match; the
    outputs to build. Their schemas are made here, before any check connects (SQLite
    attaches at connect)."""
    ensure_governance_tables(engine)
    outputs = list(output_sources(policy))
    segments = [policy.marketing.segments] if policy.marketing else []
    for schema in sorted({TableName.parse(name).schema for name in [*outputs, *segments]}):
        ensure_schema(engine, schema)
    ensure_staging_schema(engine)
    if left := clear_staging(engine):
        log.warning("dropped %d staging tables an earlier run left: %s", len(left), left)
    if dialect_of(engine).pushdown:
        ensure_pgcrypto(engine)
    with engine.begin() as conn:
        for table in (anonymise_outputs, anonymise_runs):
            conn.execute(delete(table).where(table.c.run_id == run_id))
        conn.execute(
            insert(anonymise_runs).values(
                run_id=run_id,
                run_date=datetime.combine(run_date, datetime.min.time(), UTC),
                started_at=datetime.now(UTC),
                policy_version=policy.version,
                status="running",
                pseudonym_keys=recorded_keys(keys),
            )
        )
    log.info(
        "policy %s; keys: %s; outputs: %s",
        policy.version,
        ", ".join(f"{k.purpose} {describe_key(k.version, k.fingerprint)}" for k in keys),
        ", ".join(outputs),
    )
    return outputs


def build(
    engine: Engine, policy: Policy, run_id: str, output: str, *, folder: Path, **options: Any
) -> dict:
    """Build one output in staging and prove it, its Data Docs in the run's ``folder``;
    ``options`` are those of :func:`.build.build_output` (key, run date, method, ...)."""
    checks = Checks(engine, data_docs_folder(folder, output))
    result = build_output(engine, policy, run_id, output, checks=checks, **options)
    log.info(
        "%s: %d rows (%s, %s build), %d expectations passed in %.1f s",
        output,
        result.output_rows,
        result.method,
        result.build,
        result.checks,
        result.seconds,
    )
    return result.as_dict()


def publish(engine: Engine, policy: Policy, run_id: str) -> list[str]:
    """Swap every output's staging table in, all in one step; fail if any is not built, or
    any was built under another key than the run's analytics key."""
    outputs = list(output_sources(policy))
    with engine.connect() as conn:
        built = set(
            conn.execute(
                select(anonymise_outputs.c.output).where(
                    anonymise_outputs.c.run_id == run_id, anonymise_outputs.c.status == "built"
                )
            ).scalars()
        )
    missing = [o for o in outputs if o not in built]
    if missing:
        raise RuntimeError(f"not published: outputs not built in this run: {', '.join(missing)}")
    check_one_key(engine, run_id, outputs, "analytics")
    by_schema: dict[str, dict[str, str]] = {}
    for output in outputs:
        plan = plan_output(engine, policy, output)
        by_schema.setdefault(plan.schema, {})[plan.table] = plan.key_column.name
    for schema, keys in by_schema.items():
        swap_in(engine, schema, keys)
    with engine.begin() as conn:
        conn.execute(
            update(anonymise_outputs)
            .where(anonymise_outputs.c.run_id == run_id)
            .values(status="published")
        )
    log.info("published %s", ", ".join(outputs))
    return outputs


def report(engine: Engine, run_id: str, *, folder: Path) -> dict:
    """Record how the run ended and write its report into ``folder``; raise
    :class:`RunFailed` (after both) when any output was not published."""
    status = finish_run(engine, run_id)
    if left := clear_staging(engine):  # a build that was killed, or failed to clean up
        log.warning("dropped %d staging tables this run left: %s", len(left), left)
    if status == "not started":
        raise RunNotStarted("the run did not start: see the log of the prepare task")
    path = write_report(folder, f"Anonymisation {run_id}", render_anonymise_report(engine, run_id))
    store_report(engine, folder)
    record_report(engine, run_id, str(path))
    log.info("run %s; report: %s", status, path)
    if status != "succeeded":
        raise RunFailed(f"not every output was built and published; see {path}")
    return {"status": status, "report": str(path)}
