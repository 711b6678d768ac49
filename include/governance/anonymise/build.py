"""Building one anonymised output: in staging, by the pushdown or the streaming path, proven.

:func:`build_output` makes one output's staging table, by the pushdown path (``INSERT ...
SELECT`` on PostgreSQL, only redacted text made in Python) or the streaming path (bounded
chunks through pandas, any dialect), incrementally where the source has a watermark, then
runs its Great Expectations suite; a failing suite drops the staging table and fails with
the list of failing expectations, so the previous version stays in place. The run's other
steps (start, publish, report) are in :mod:`.steps`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import Connection, Engine, Row, Table

from include.governance.anonymise.checks import check_output
from include.governance.anonymise.chunks import CHUNK_ROWS, count_rows, snapshot, source_table
from include.governance.anonymise.incremental import (
    FullBuildNeeded,
    Increment,
    Watermark,
    latest_change,
    merge_published,
    remove_gone_by_streaming,
    starting_point,
)
from include.governance.anonymise.methods.pushdown import fill_by_pushdown, fill_changes_by_pushdown
from include.governance.anonymise.methods.stream import stream_build
from include.governance.anonymise.methods.workers import stream_output
from include.governance.anonymise.plan import (
    Filled,
    OutputPlan,
    PlanError,
    plan_output,
)
from include.governance.anonymise.records import (
    SAFE_ERRORS,
    ChecksFailed,
    check_build_key,
    describe,
    record_output,
)
from include.governance.anonymise.risk import bound_risk
from include.governance.anonymise.staging import (
    drop_staging,
    index_key,
    recreate,
    staging_table,
)
from include.governance.dialects import dialect_of
from include.governance.policy import Policy
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.quality import Checks
from include.governance.warehouse import describe_error

METHODS = ("auto", "pushdown", "streaming")


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
    suppressed: int = 0  # rows left out to keep the policy's k

    def as_dict(self) -> dict:
        return asdict(self)


def choose_method(engine: Engine, plan: OutputPlan, method: str) -> str:
    """Pushdown on PostgreSQL (where only the columns with no SQL form, redacted text, go
    through Python); streaming elsewhere."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r} (known: {', '.join(METHODS)})")
    can_push = dialect_of(engine).pushdown
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
    *,
    key: PseudonymKey,
    run_date: date,
    checks: Checks,
    method: str = "auto",
    chunk_rows: int = CHUNK_ROWS,
    full_refresh: bool = False,
    rotate_key: bool = False,
) -> BuildResult:
    """Build ``output`` in staging and validate it; raise (staging dropped) when it fails.
    The build is incremental where the source has a watermark and the published output
    can be built on (:mod:`.incremental`), unless ``full_refresh`` asks otherwise.
    ``key`` must be the one the run started with, and a new secret under the version the
    output was published with is refused unless ``rotate_key`` asks for a full build under
    it (a full refresh alone does not: see :func:`build_start`)."""
    started = time.monotonic()
    plan = plan_output(engine, policy, output)
    chosen = choose_method(engine, plan, method)
    _record_output(
        engine,
        run_id,
        plan,
        status="building",
        method=chosen,
        key_version=key.version,
        key_fingerprint=key.fingerprint,
    )
    table = staging_table(plan.schema, plan.table, plan.table_columns())
    try:
        published = check_build_key(engine, run_id, key, output=output, rotate_key=rotate_key)
        start = build_start(
            engine,
            plan,
            policy,
            published=published,
            key=key,
            run_date=run_date,
            full_refresh=full_refresh,
            rotate_key=rotate_key,
        )
        recreate(engine, table)
        build = Build(engine, plan, table, key, run_date, chosen, chunk_rows)
        filled, reason = fill(build, start)
        index_key(engine, plan.schema, plan.table, plan.key_column.name)
        risk = bound_risk(engine, plan, in_place=filled.in_place) if plan.risk else None
        suppressed = risk.suppressed if risk else 0
        staged_rows = filled.changed_rows if filled.in_place else filled.source_rows - suppressed
        suite = check_output(
            checks, plan, rows=staged_rows, key_version=key.version, dialect=dialect_of(engine)
        )
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
        filled.output_rows - suppressed,
        len(suite.outcomes),
        round(time.monotonic() - started, 3),
        [str(o) for o in suite.failures],
        filled.build,
        suppressed,
    )
    _record_output(
        engine,
        run_id,
        plan,
        status="built" if suite.success else "failed",
        source_rows=filled.source_rows,
        output_rows=result.output_rows,
        build=filled.build,
        build_reason=reason,
        watermark=filled.watermark,
        changed_rows=filled.changed_rows,
        removed_rows=filled.removed_rows,
        future_rows=filled.future_rows,
        **(risk.as_record() if risk else {"suppressed": suppressed}),
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


def build_start(
    engine: Engine,
    plan: OutputPlan,
    policy: Policy,
    *,
    published: Row | None,
    key: PseudonymKey,
    run_date: date,
    full_refresh: bool,
    rotate_key: bool,
) -> Increment | str:
    """Where the build of ``plan`` starts, or why it is a full build. A full refresh is not
    a rotation: it is asked for to mend data, and must not re-key every output silently when
    a secret was changed by mistake under its old version."""
    if rotate_key:
        return "a key rotation was asked for"
    if full_refresh:
        return "a full refresh was asked for"
    return starting_point(
        engine, plan, published, policy_version=policy.version, key=key, run_date=run_date
    )


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
        return fill_changes_by_pushdown(
            build.engine, plan, key=key, run_date=build.run_date, since=since
        )
    pseudonymise = Pseudonymiser(key)
    with _read_and_write(build) as (read, write, source, source_rows, watermark):
        changed = stream_build(
            read,
            write,
            plan,
            staging=build.table,
            pseudonymise=pseudonymise,
            run_date=build.run_date,
            chunk_rows=build.chunk_rows,
            changed_since=since,
        )
        copied, removed = merge_published(
            write,
            plan,
            source_rows,
            lambda: remove_gone_by_streaming(
                read, write, plan, source=source, pseudonymise=pseudonymise, rows=build.chunk_rows
            ),
        )
    return Filled(
        source_rows,
        changed + copied - removed,
        watermark.latest,
        "incremental",
        changed,
        removed,
        watermark.future_rows,
    )


def fill_staging(build: Build) -> Filled:
    """Fill staging from the whole source."""
    if build.method == "pushdown":
        return fill_by_pushdown(build.engine, build.plan, key=build.key, run_date=build.run_date)
    with _read_and_write(build) as (read, write, _, source_rows, watermark):
        written = stream_output(
            build.engine,
            read,
            write,
            build.plan,
            staging=build.table,
            key=build.key,
            run_date=build.run_date,
            chunk_rows=build.chunk_rows,
            source_rows=source_rows,
        )
    return Filled(source_rows, written, watermark.latest, future_rows=watermark.future_rows)


@contextmanager
def _read_and_write(
    build: Build,
) -> Iterator[tuple[Connection, Connection, Table, int, Watermark]]:
    """A connection reading the source in one snapshot, one writing staging, the source
    table, and its rows and latest change in that snapshot."""
    with build.engine.connect() as read, build.engine.connect() as write:
        snapshot(read)
        snapshot(write)
        with read.begin(), write.begin():
            source = source_table(read, build.plan.source)  # before any write: SQLite waits
            plan = build.plan
            rows = count_rows(read, source, name=plan.source, key=plan.key)
            yield read, write, source, rows, latest_change(read, plan)


def _record_output(engine: Engine, run_id: str, plan: OutputPlan, **values) -> None:
    record_output(engine, run_id, plan.output, plan.source, **values)
