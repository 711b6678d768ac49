"""Anonymised analytics tables: build each in staging, prove it clean, swap all in at once.

A run has three steps, so that Airflow can map the middle one over outputs:

1. :func:`start_run` records the run and names the outputs the policy defines;
2. :func:`build_output` makes one output's staging table, by the pushdown path
   (``INSERT ... SELECT`` on PostgreSQL, only redacted text made in Python) or the
   streaming path (bounded chunks through pandas, any dialect), then runs its Great
   Expectations suite; a failing suite drops the staging table and fails with the list of
   failing expectations, so the previous version stays in place;
3. :func:`publish` swaps every output's staging table in, in one transaction, when all
   were built; :func:`finish_run` records the outcome.

Outputs derive from the source, the policy, the key and the run's logical date only (ages
are taken on that date), so a re-run gives the same tables. Errors are recorded and raised
by class, or with messages this package wrote: database messages can quote values.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Connection, Engine, Table, delete, insert, select, text, update

from include.governance.anonymise_checks import check_output
from include.governance.anonymise_incremental import (
    FullBuildNeeded,
    Increment,
    latest_change,
    merge_published,
    remove_gone_by_streaming,
    starting_point,
)
from include.governance.anonymise_plan import (
    Filled,
    OutputPlan,
    PlanError,
    output_sources,
    plan_output,
)
from include.governance.anonymise_pushdown import fill_by_pushdown, fill_changes_by_pushdown
from include.governance.anonymise_sql import ensure_pgcrypto
from include.governance.anonymise_stream import CHUNK_ROWS, count_rows, source_table, stream_build
from include.governance.anonymise_tables import (
    drop_staging,
    index_key,
    recreate,
    staging_table,
    swap_in,
)
from include.governance.anonymise_workers import stream_output
from include.governance.audit import anonymise_outputs, anonymise_runs, ensure_governance_tables
from include.governance.inventory import describe_error
from include.governance.policy import Policy
from include.governance.pseudonym import Pseudonymiser, PseudonymKey, PseudonymKeyError
from include.governance.quality import Checks
from include.governance.warehouse import dialect_name, ensure_schema

METHODS = ("auto", "pushdown", "streaming")


class ChecksFailed(RuntimeError):
    """An output failed its Great Expectations suite; lists the failing expectations."""


SAFE_ERRORS = (PlanError, PseudonymKeyError, ChecksFailed)


@dataclass(frozen=True)
class BuildResult:
    """What building one output did: counts and expectation names, never values."""

    output: str
    method: str
    source_rows: int
    output_rows: int
    checks: int
    seconds: float
    failures: list[str] = field(default_factory=list)
    build: str = "full"

    def as_dict(self) -> dict:
        return asdict(self)


def start_run(engine: Engine, policy: Policy, run_id: str, run_date: date) -> list[str]:
    """Record a run (replacing an earlier attempt of the same run); the outputs to build.
    Their schemas are made here, before any check connects (SQLite attaches at connect)."""
    ensure_governance_tables(engine)
    outputs = list(output_sources(policy))
    segments = [policy.marketing.segments] if policy.marketing else []
    for schema in sorted({output.split(".")[0] for output in [*outputs, *segments]}):
        ensure_schema(engine, schema)
    if dialect_name(engine) == "postgresql":
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
            )
        )
    return outputs


def choose_method(engine: Engine, plan: OutputPlan, method: str) -> str:
    """Pushdown on PostgreSQL (where only the columns with no SQL form, redacted text, go
    through Python); streaming elsewhere."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r} (known: {', '.join(METHODS)})")
    can_push = dialect_name(engine) == "postgresql"
    if method == "pushdown" and not can_push:
        raise PlanError(f"{plan.output}: pushdown needs PostgreSQL")
    if method == "auto":
        return "pushdown" if can_push else "streaming"
    return method


def build_output(
    engine: Engine,
    policy: Policy,
    run_id: str,
    output: str,
    key: PseudonymKey,
    run_date: date,
    checks: Checks,
    method: str = "auto",
    chunk_rows: int = CHUNK_ROWS,
    full_refresh: bool = False,
) -> BuildResult:
    """Build ``output`` in staging and validate it; raise (staging dropped) when it fails.
    The build is incremental where the source has a watermark and the published output
    can be built on (``anonymise_incremental``), unless ``full_refresh`` asks otherwise."""
    started = time.monotonic()
    plan = plan_output(engine, policy, output)
    chosen = choose_method(engine, plan, method)
    _record_output(engine, run_id, plan, status="building", method=chosen, key_version=key.version)
    table = staging_table(plan.schema, plan.table, plan.table_columns())
    try:
        start = (
            "a full refresh was asked for"
            if full_refresh
            else starting_point(engine, plan, policy.version, key, run_date)
        )
        recreate(engine, table)
        build = Build(engine, plan, table, key, run_date, chosen, chunk_rows)
        filled, reason = fill(build, start)
        index_key(engine, plan.schema, plan.table, plan.key_column.name)
        suite = check_output(checks, plan, filled.source_rows, key.version, dialect_name(engine))
    except Exception as exc:
        drop_staging(engine, plan.schema, [plan.table])
        _record_output(engine, run_id, plan, status="failed", error=describe(exc))
        if isinstance(exc, SAFE_ERRORS):
            raise
        raise RuntimeError(f"{output}: build failed: {describe_error(exc)}") from None
    result = BuildResult(
        output,
        chosen,
        filled.source_rows,
        filled.output_rows,
        len(suite.outcomes),
        round(time.monotonic() - started, 3),
        [str(o) for o in suite.failures],
        filled.build,
    )
    _record_output(
        engine,
        run_id,
        plan,
        status="built" if suite.success else "failed",
        source_rows=filled.source_rows,
        output_rows=filled.output_rows,
        build=filled.build,
        build_reason=reason,
        watermark=filled.watermark,
        changed_rows=filled.changed_rows,
        removed_rows=filled.removed_rows,
        suppressed=0,
        checks=len(suite.outcomes),
        checks_failed=result.failures,
        seconds=result.seconds,
        data_docs=str(checks.docs_index),
    )
    if not suite.success:
        drop_staging(engine, plan.schema, [plan.table])
        raise ChecksFailed(
            f"{output} failed {len(result.failures)} of {result.checks} expectations; "
            "the previous version stays in place:\n  " + "\n  ".join(result.failures)
        )
    return result


@dataclass(frozen=True)
class Build:
    """One output's build: what every way of filling its staging table needs."""

    engine: Engine
    plan: OutputPlan
    table: Table
    key: PseudonymKey
    run_date: date
    method: str
    chunk_rows: int = CHUNK_ROWS


def fill(build: Build, start: Increment | str) -> tuple[Filled, str | None]:
    """Fill staging incrementally from ``start`` where it is an increment, else (or when
    the increment does not reconcile) in full; and why it was a full build."""
    if isinstance(start, Increment):
        try:
            return fill_changes(build, start), None
        except FullBuildNeeded as exc:
            start = str(exc)
            recreate(build.engine, build.table)
    return fill_staging(build), start


def fill_changes(build: Build, since: Increment) -> Filled:
    """Fill staging from the published output and the source rows changed ``since``."""
    plan, key = build.plan, build.key
    if build.method == "pushdown":
        return fill_changes_by_pushdown(build.engine, plan, key, build.run_date, since)
    pseudonymise = Pseudonymiser(key)
    with _read_and_write(build) as (read, write, source, source_rows, watermark):
        changed = stream_build(
            read, write, plan, build.table, pseudonymise, build.run_date, build.chunk_rows, since
        )
        copied, removed = merge_published(
            write,
            plan,
            source_rows,
            lambda: remove_gone_by_streaming(
                read, write, plan, source, pseudonymise, build.chunk_rows
            ),
        )
    return Filled(
        source_rows, changed + copied - removed, watermark, "incremental", changed, removed
    )


def fill_staging(build: Build) -> Filled:
    """Fill staging from the whole source."""
    if build.method == "pushdown":
        return fill_by_pushdown(build.engine, build.plan, build.key, build.run_date)
    with _read_and_write(build) as (read, write, _, source_rows, watermark):
        written = stream_output(
            build.engine,
            read,
            write,
            build.plan,
            build.table,
            build.key,
            build.run_date,
            build.chunk_rows,
            source_rows,
        )
    return Filled(source_rows, written, watermark)


@contextmanager
def _read_and_write(
    build: Build,
) -> Iterator[tuple[Connection, Connection, Table, int, datetime | None]]:
    """A connection reading the source in one snapshot, one writing staging, the source
    table, and its rows and latest change in that snapshot."""
    with build.engine.connect() as read, build.engine.connect() as write:
        snapshot(read)
        snapshot(write)
        with read.begin(), write.begin():
            source = source_table(read, build.plan.source)  # before any write: SQLite waits
            yield read, write, source, count_rows(read, source), latest_change(read, build.plan)


def snapshot(conn: Connection) -> None:
    """PostgreSQL: one snapshot for the count and the read, and timestamps in UTC."""
    if conn.dialect.name == "postgresql":
        conn.execution_options(isolation_level="REPEATABLE READ")
        conn.execute(text("SET TIME ZONE 'UTC'"))
        conn.commit()


def publish(engine: Engine, policy: Policy, run_id: str) -> list[str]:
    """Swap every output's staging table in, all in one step; fail if any is not built."""
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
    return outputs


def finish_run(engine: Engine, run_id: str) -> str:
    """Record how the run ended: succeeded when every output was published; "not started"
    when the run was never recorded (its first step failed, perhaps before any table)."""
    ensure_governance_tables(engine)
    with engine.begin() as conn:
        statuses = (
            conn.execute(
                select(anonymise_outputs.c.status).where(anonymise_outputs.c.run_id == run_id)
            )
            .scalars()
            .all()
        )
        status = "succeeded" if statuses and set(statuses) == {"published"} else "failed"
        started = conn.execute(
            update(anonymise_runs)
            .where(anonymise_runs.c.run_id == run_id)
            .values(status=status, finished_at=datetime.now(UTC))
        ).rowcount
    return status if started else "not started"


def record_report(engine: Engine, run_id: str, path: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(anonymise_runs).where(anonymise_runs.c.run_id == run_id).values(report_path=path)
        )


def _record_output(engine: Engine, run_id: str, plan: OutputPlan, **values) -> None:
    record_output(engine, run_id, plan.output, plan.source, **values)


def record_output(engine: Engine, run_id: str, output: str, source: str, **values) -> None:
    """Insert or update the record of one output of a run."""
    where = (anonymise_outputs.c.run_id == run_id) & (anonymise_outputs.c.output == output)
    with engine.begin() as conn:
        if conn.execute(select(anonymise_outputs.c.run_id).where(where)).first():
            conn.execute(update(anonymise_outputs).where(where).values(**values))
        else:
            conn.execute(
                insert(anonymise_outputs).values(
                    run_id=run_id, output=output, source=source, **values
                )
            )


def describe(exc: Exception) -> str:
    """An error fit for records and logs: our own messages, else the error's class only."""
    return str(exc) if isinstance(exc, SAFE_ERRORS) else describe_error(exc)
