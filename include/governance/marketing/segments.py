"""Marketing segments: consenting customers only, k-anonymous, with pseudonymous members.

1. Each consenting customer's finest labels go to a work table with their marketing
   pseudonym (the marketing key: no link to analytics): pushed down as one
   ``INSERT ... SELECT`` on PostgreSQL, or streamed in chunks of customers in key order,
   with the orders of each chunk's key range aggregated in SQL.
2. The histogram of label combinations (a ``GROUP BY``) decides the generalisation
   (:mod:`.kanonymity`); the kept combinations go to a small map table.
3. ``marketing.segments`` (labels and size) and ``marketing.segment_members`` (a join of
   the work table and the map, in SQL) are built in staging, proven with Great
   Expectations, and swapped in together; the work tables are dropped.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass
from datetime import date

import great_expectations as gx
import pandas as pd
from sqlalchemy import (
    Column,
    Engine,
    Integer,
    String,
    insert,
)
from sqlalchemy import text as sql

from include.governance.anonymise.checks import (
    at_least_k,
    no_personal_data,
    pseudonym_checks,
    shape_checks,
)
from include.governance.anonymise.chunks import (
    CHUNK_ROWS,
)
from include.governance.anonymise.plan import KEY_VERSION_COLUMN
from include.governance.anonymise.records import (
    SAFE_ERRORS,
    ChecksFailed,
    check_build_key,
    describe,
    record_output,
)
from include.governance.anonymise.sql import (
    literal,
)
from include.governance.anonymise.staging import (
    drop_staging,
    index_key,
    recreate,
    staged_name,
    staging_table,
    swap_in,
)
from include.governance.audit import segment_runs
from include.governance.dialects import dialect_of
from include.governance.marketing.kanonymity import (
    DIMENSIONS,
    HIERARCHY_VERSION,
    Generalisation,
    choose,
    segment_id,
)
from include.governance.marketing.labels import (
    BASE_TABLE,
    KEY_COLUMN,
    LABEL_TYPE,
    Targets,
    fill_base,
    histogram_of,
    label_columns,
)
from include.governance.policy import MarketingPolicy, Policy
from include.governance.pseudonym import PSEUDONYM_LENGTH, PseudonymKey
from include.governance.quality import Checks, SuiteResult, unexpected_rows
from include.governance.tables import TableName
from include.governance.warehouse import ensure_schema

SEGMENT_ID = String(16)
MAP_TABLE = "segment_map"  # a work table, staged beside the outputs


class SegmentsError(RuntimeError):
    """No generalisation keeps suppression within the policy's budget (counts only)."""


@dataclass(frozen=True)
class SegmentsResult:
    method: str
    consenting: int
    suppressed: int
    max_suppressed: int
    segments: int
    k_achieved: int | None
    average_size: float | None
    levels: dict[str, int]
    checks: int
    seconds: float

    def as_dict(self) -> dict:
        return asdict(self)


def build_segments(
    engine: Engine,
    policy: Policy,
    run_id: str,
    *,
    key: PseudonymKey,
    run_date: date,
    checks: Checks,
    method: str = "auto",
    chunk_rows: int = CHUNK_ROWS,
    rotate_key: bool = False,
) -> SegmentsResult:
    """Build, prove and publish the segments of ``policy.marketing``; raise when it fails,
    leaving the previous segments in place. ``key`` must be the run's marketing key, and a
    new secret under the version the members were published with needs ``rotate_key``."""
    started = time.monotonic()
    if policy.marketing is None:
        raise SegmentsError("the policy has no marketing section: no segments to build")
    marketing = policy.marketing
    at = Targets(marketing)
    pushdown = dialect_of(engine).pushdown and method != "streaming"
    chosen = "pushdown" if pushdown else "streaming"
    _record_outputs(
        engine,
        run_id,
        marketing,
        status="building",
        method=chosen,
        key_version=key.version,
        key_fingerprint=key.fingerprint,
    )
    try:
        check_build_key(engine, run_id, key, output=marketing.members, rotate_key=rotate_key)
        ensure_schema(engine, at.schema)
        base = staging_table(
            at.schema, BASE_TABLE, [Column(KEY_COLUMN, String(PSEUDONYM_LENGTH)), *label_columns()]
        )
        recreate(engine, base)
        fill_base(
            engine,
            marketing,
            at=at,
            key=key,
            run_date=run_date,
            method=chosen,
            chunk_rows=chunk_rows,
            base=base,
        )
        histogram = histogram_of(engine, base)
        consenting = int(histogram["people"].sum())
        budget = math.floor(marketing.max_suppressed_share * consenting)
        found = choose(histogram, marketing.k, budget)
        if found is None:
            raise SegmentsError(
                f"no generalisation gives every segment {marketing.k} or more people while "
                f"suppressing at most {budget} of {consenting} consenting customers"
            )
        segments = _write_segments(engine, at, found)
        members = consenting - found.suppressed
        _write_members(engine, at, key)
        suite = _prove(engine, checks, at, key, len(segments), members)
        if not suite.success:
            raise ChecksFailed(
                f"{marketing.segments} failed {len(suite.failures)} of {len(suite.outcomes)} "
                "expectations; the previous version stays in place:\n  "
                + "\n  ".join(map(str, suite.failures))
            )
        swap_in(engine, at.schema, {at.segments: "segment_id", at.members: KEY_COLUMN})
    except Exception as exc:
        _record_outputs(engine, run_id, marketing, status="failed", error=describe(exc))
        drop_staging(engine, at.schema, [BASE_TABLE, MAP_TABLE, at.segments, at.members])
        if isinstance(exc, (*SAFE_ERRORS, SegmentsError)):
            raise
        raise RuntimeError(f"{marketing.segments}: build failed: {describe(exc)}") from None
    drop_staging(engine, at.schema, [BASE_TABLE, MAP_TABLE])
    sizes = segments["members"]
    result = SegmentsResult(
        method=chosen,
        consenting=consenting,
        suppressed=found.suppressed,
        max_suppressed=budget,
        segments=len(segments),
        k_achieved=int(sizes.min()) if len(sizes) else None,
        average_size=round(float(sizes.mean()), 1) if len(sizes) else None,
        levels=found.levels,
        checks=len(suite.outcomes),
        seconds=round(time.monotonic() - started, 3),
    )
    _record(engine, run_id, marketing, result, key, checks)
    return result


def _write_segments(engine: Engine, at: Targets, found: Generalisation) -> pd.DataFrame:
    """The segments (labels, size, hierarchy version) and the map from finest labels."""
    segments = found.segments.copy()
    label_rows = segments[list(DIMENSIONS)].itertuples(index=False)
    segments.insert(0, "segment_id", [segment_id(tuple(r)) for r in label_rows])
    segments["hierarchy_version"] = HIERARCHY_VERSION
    table = staging_table(
        at.schema,
        at.segments,
        [
            Column("segment_id", SEGMENT_ID, nullable=False),
            *label_columns(),
            Column("members", Integer, nullable=False),
            Column("hierarchy_version", String(20), nullable=False),
        ],
    )
    fine = [f"{d}_fine" for d in DIMENSIONS]
    map_table = staging_table(
        at.schema,
        MAP_TABLE,
        [*(Column(f, LABEL_TYPE) for f in fine), Column("segment_id", SEGMENT_ID)],
    )
    mapping = found.mapping.merge(segments[["segment_id", *DIMENSIONS]])[[*fine, "segment_id"]]
    recreate(engine, table)
    recreate(engine, map_table)
    with engine.begin() as conn:
        if len(segments):
            conn.execute(insert(table), segments.to_dict("records"))
            conn.execute(insert(map_table), mapping.to_dict("records"))
    index_key(engine, at.schema, at.segments, "segment_id")
    return segments


def _write_members(engine: Engine, at: Targets, key: PseudonymKey) -> None:
    """Each kept person's segment: a join, in SQL, of the work table and the map."""
    table = staging_table(
        at.schema,
        at.members,
        [
            Column(KEY_COLUMN, String(PSEUDONYM_LENGTH), nullable=False),
            Column("segment_id", SEGMENT_ID, nullable=False),
            Column(KEY_VERSION_COLUMN, String(40), nullable=False),
        ],
    )
    recreate(engine, table)
    on = " AND ".join(f"b.{d} = m.{d}_fine" for d in DIMENSIONS)
    with engine.begin() as conn:
        conn.execute(
            sql(
                f"INSERT INTO {at.staged(engine, at.members)} "
                f"({KEY_COLUMN}, segment_id, {KEY_VERSION_COLUMN}) "
                f"SELECT b.{KEY_COLUMN}, m.segment_id, {literal(key.version)} "
                f"FROM {at.staged(engine, BASE_TABLE)} b "
                f"JOIN {at.staged(engine, MAP_TABLE)} m ON {on}"
            )
        )
    index_key(engine, at.schema, at.members, KEY_COLUMN)


def _prove(
    engine: Engine, checks: Checks, at: Targets, key: PseudonymKey, segments: int, members: int
) -> SuiteResult:
    """Great Expectations on both staging tables, as one result."""
    marketing = at.marketing
    k = marketing.k
    every_segment = f"every segment has at least k = {k} members"
    segment_checks = [
        *shape_checks(["segment_id", *DIMENSIONS, "members", "hierarchy_version"], segments, None),
        gx.expectations.ExpectColumnValuesToBeUnique(column="segment_id"),
        *no_personal_data(list(DIMENSIONS), dialect_of(engine)),
    ]
    if segments:
        segment_checks.append(
            gx.expectations.ExpectColumnMinToBeBetween(
                column="members", min_value=k, description=every_segment
            )
        )
    people = marketing.customers
    member_checks = [
        *shape_checks([KEY_COLUMN, "segment_id", KEY_VERSION_COLUMN], members, key.version),
        *pseudonym_checks(
            KEY_COLUMN,
            source=people.key,
            source_table=TableName.parse(people.table).quoted(engine),
            dialect=dialect_of(engine),
            unique=True,
        ),
        at_least_k(["segment_id"], k, every_segment),
        unexpected_rows(
            "SELECT * FROM {batch} WHERE segment_id NOT IN "
            f"(SELECT segment_id FROM {at.staged(engine, at.segments)})",
            "every member's segment is published with it",
        ),
    ]
    staged = staged_name(at.schema, at.segments)
    first = checks.validate(marketing.segments, staged.schema, staged.name, segment_checks)
    staged = staged_name(at.schema, at.members)
    second = checks.validate(marketing.members, staged.schema, staged.name, member_checks)
    return SuiteResult("marketing", at.schema, first.outcomes + second.outcomes)


def _record_outputs(engine: Engine, run_id: str, marketing: MarketingPolicy, **values) -> None:
    for output in (marketing.segments, marketing.members):
        record_output(engine, run_id, output, marketing.customers.table, **values)


def _record(
    engine: Engine,
    run_id: str,
    marketing: MarketingPolicy,
    result: SegmentsResult,
    key: PseudonymKey,
    checks: Checks,
) -> None:
    """The run's k-anonymity figures, and both outputs as published."""
    common = {
        "status": "published",
        "key_version": key.version,
        "key_fingerprint": key.fingerprint,
        "source_rows": result.consenting,
        "suppressed": result.suppressed,
        "checks": result.checks,
        "checks_failed": [],
        "seconds": result.seconds,
        "data_docs": str(checks.docs_index),
    }
    members = result.consenting - result.suppressed
    for output, rows in ((marketing.segments, result.segments), (marketing.members, members)):
        record_output(engine, run_id, output, marketing.customers.table, output_rows=rows, **common)
    with engine.begin() as conn:
        conn.execute(segment_runs.delete().where(segment_runs.c.run_id == run_id))
        conn.execute(
            insert(segment_runs).values(
                run_id=run_id,
                k=marketing.k,
                k_achieved=result.k_achieved,
                consenting=result.consenting,
                suppressed=result.suppressed,
                max_suppressed=result.max_suppressed,
                segments=result.segments,
                average_size=result.average_size,
                levels=result.levels,
                hierarchy_version=HIERARCHY_VERSION,
                key_version=key.version,
                key_fingerprint=key.fingerprint,
            )
        )
