"""Marketing segments: consenting customers only, k-anonymous, with pseudonymous members.

1. Each consenting customer's finest labels go to a work table with their marketing
   pseudonym (the marketing key: no link to analytics): pushed down as one
   ``INSERT ... SELECT`` on PostgreSQL, or streamed in chunks of customers in key order,
   with the orders of each chunk's key range aggregated in SQL.
2. The histogram of label combinations (a ``GROUP BY``) decides the generalisation
   (``kanonymity``); the kept combinations go to a small map table.
3. ``marketing.segments`` (labels and size) and ``marketing.segment_members`` (a join of
   the work table and the map, in SQL) are built in staging, proven with Great
   Expectations, and swapped in together; the work tables are dropped.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime

import great_expectations as gx
import pandas as pd
from dateutil.relativedelta import relativedelta
from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    String,
    Table,
    func,
    insert,
    select,
    true,
)
from sqlalchemy import text as sql

from include.governance.anonymise import (
    SAFE_ERRORS,
    ChecksFailed,
    describe,
    record_output,
    snapshot,
)
from include.governance.anonymise_checks import (
    no_personal_data,
    pseudonym_checks,
    shape_checks,
)
from include.governance.anonymise_plan import KEY_VERSION_COLUMN
from include.governance.anonymise_rules import age_band, county
from include.governance.anonymise_sql import (
    age_band_sql,
    county_sql,
    literal,
    load_secret,
    pseudonym_sql,
)
from include.governance.anonymise_stream import CHUNK_ROWS, read_chunks, source_table, write_chunk
from include.governance.anonymise_tables import (
    STAGING_SUFFIX,
    drop_staging,
    index_key,
    recreate,
    staging_table,
    swap_in,
)
from include.governance.audit import segment_runs
from include.governance.kanonymity import (
    DIMENSIONS,
    FREQUENCY_BANDS,
    HIERARCHY_VERSION,
    MONETARY_BANDS,
    NO_ORDERS_LABELS,
    RECENCY_BANDS,
    UNKNOWN,
    Generalisation,
    behaviour_label,
    choose,
    segment_id,
)
from include.governance.policy import MarketingPolicy, Policy
from include.governance.pseudonym import PSEUDONYM_LENGTH, Pseudonymiser, PseudonymKey
from include.governance.quality import Checks, SuiteResult
from include.governance.warehouse import dialect_name, ensure_schema

KEY_COLUMN = "customer_key"
SEGMENT_ID = String(16)
_BASE, _MAP = "segment_base", "segment_map"  # work tables, staged beside the outputs
_LABEL = String(40)
_BEHAVIOUR = {
    "recency": RECENCY_BANDS,
    "frequency": FREQUENCY_BANDS,
    "monetary": MONETARY_BANDS,
}


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


@dataclass(frozen=True)
class _Targets:
    """Where a marketing policy's outputs go."""

    marketing: MarketingPolicy

    @property
    def schema(self) -> str:
        return self.marketing.segments.split(".")[0]

    @property
    def segments(self) -> str:
        return self.marketing.segments.split(".")[1]

    @property
    def members(self) -> str:
        return self.marketing.members.split(".")[1]

    def staged(self, table: str) -> str:
        return f"{self.schema}.{table}{STAGING_SUFFIX}"


def build_segments(
    engine: Engine,
    policy: Policy,
    run_id: str,
    key: PseudonymKey,
    run_date: date,
    checks: Checks,
    method: str = "auto",
    chunk_rows: int = CHUNK_ROWS,
) -> SegmentsResult:
    """Build, prove and publish the segments of ``policy.marketing``; raise when it fails,
    leaving the previous segments in place."""
    started = time.monotonic()
    if policy.marketing is None:
        raise SegmentsError("the policy has no marketing section: no segments to build")
    marketing = policy.marketing
    at = _Targets(marketing)
    pushdown = dialect_name(engine) == "postgresql" and method != "streaming"
    chosen = "pushdown" if pushdown else "streaming"
    _record_outputs(engine, run_id, marketing, status="building", method=chosen)
    try:
        ensure_schema(engine, at.schema)
        base = staging_table(
            at.schema, _BASE, [Column(KEY_COLUMN, String(PSEUDONYM_LENGTH)), *_label_columns()]
        )
        recreate(engine, base)
        _fill_base(engine, marketing, at, key, run_date, chosen, chunk_rows, base)
        histogram = _histogram(engine, base)
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
        drop_staging(engine, at.schema, [_BASE, _MAP, at.segments, at.members])
        if isinstance(exc, (*SAFE_ERRORS, SegmentsError)):
            raise
        raise RuntimeError(f"{marketing.segments}: build failed: {describe(exc)}") from None
    drop_staging(engine, at.schema, [_BASE, _MAP])
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


def _label_columns() -> list[Column]:
    return [Column(d, _LABEL, nullable=False) for d in DIMENSIONS]


def window(run_date: date, marketing: MarketingPolicy) -> tuple[datetime, datetime]:
    """Orders from midnight UTC, the policy's window before the run date, up to that date."""
    period = marketing.behaviour_window
    end = datetime.combine(run_date, datetime.min.time(), UTC)
    return end - relativedelta(years=period.years, months=period.months, days=period.days), end


def _fill_base(
    engine: Engine,
    marketing: MarketingPolicy,
    at: _Targets,
    key: PseudonymKey,
    run_date: date,
    method: str,
    chunk_rows: int,
    base: Table,
) -> None:
    start, end = window(run_date, marketing)
    if method == "pushdown":
        with engine.connect() as conn:
            snapshot(conn)
            with conn.begin():
                load_secret(conn, key)
                statement = _pushdown_sql(conn, marketing, at, run_date)
                conn.execute(sql(statement), {"window_start": start, "window_end": end})
        return
    with engine.connect() as read, engine.connect() as orders, engine.connect() as write:
        snapshot(read)
        snapshot(orders)
        pseudonymise = Pseudonymiser(key)
        with read.begin(), orders.begin(), write.begin():
            for frame in _stream_base(read, orders, marketing, run_date, chunk_rows):
                frame[KEY_COLUMN] = [pseudonymise(KEY_COLUMN, k) for k in frame[KEY_COLUMN]]
                write_chunk(write, base, frame)


def _band_sql(value: str, bands: tuple, none_label: str) -> str:
    """As ``kanonymity.behaviour_label``: ``none_label`` for a customer without orders."""
    cases = " ".join(
        f"WHEN {value} < {upper} THEN {literal(label)}" for upper, label in bands if upper
    )
    last = literal(bands[-1][1])
    return f"CASE WHEN o.n IS NULL THEN {literal(none_label)} {cases} ELSE {last} END"


def _pushdown_sql(
    conn: Connection, marketing: MarketingPolicy, at: _Targets, run_date: date
) -> str:
    quote = conn.dialect.identifier_preparer.quote
    people, orders = marketing.customers, marketing.orders

    def c(name: str) -> str:
        return f"c.{quote(name)}"

    values = {
        "recency": f"(DATE '{run_date.isoformat()}' - CAST(o.last_at AS date))",
        "frequency": "o.n",
        "monetary": "o.amount",
    }
    labels = [
        f"COALESCE({age_band_sql(c(people.date_of_birth), run_date)}, '{UNKNOWN}')",
        f"COALESCE(CAST({c(people.gender)} AS text), '{UNKNOWN}')",
        f"COALESCE({county_sql(c(people.postcode))}, '{UNKNOWN}')",
        *(_band_sql(values[d], bands, NO_ORDERS_LABELS[d]) for d, bands in _BEHAVIOUR.items()),
    ]
    ordered_at = quote(orders.ordered_at)
    return (
        f"INSERT INTO {at.staged(_BASE)} ({KEY_COLUMN}, {', '.join(DIMENSIONS)}) "
        f"SELECT {pseudonym_sql(KEY_COLUMN, c(people.key))}, {', '.join(labels)} "
        f"FROM {people.table} AS c LEFT JOIN ("
        f"SELECT {quote(orders.customer)} AS customer, MAX({ordered_at}) AS last_at, "
        f"COUNT(*) AS n, SUM({quote(orders.amount)}) AS amount FROM {orders.table} "
        f"WHERE {ordered_at} >= :window_start AND {ordered_at} < :window_end "
        f"GROUP BY {quote(orders.customer)}) AS o ON o.customer = {c(people.key)} "
        f"WHERE {c(people.consent)}"
    )


def _stream_base(
    read: Connection,
    orders_conn: Connection,
    marketing: MarketingPolicy,
    run_date: date,
    chunk_rows: int,
) -> Iterator[pd.DataFrame]:
    """Frames of consenting customers' raw keys and finest labels, in key order; each
    chunk's orders are aggregated in SQL over its key range, so nothing is held whole."""
    people, orders = marketing.customers, marketing.orders
    customers = source_table(read, people.table)
    order_table = source_table(orders_conn, orders.table)
    key = customers.c[people.key]
    query = (
        select(
            key.label("key"),
            customers.c[people.date_of_birth].label("born"),
            customers.c[people.gender].label("gender"),
            customers.c[people.postcode].label("postcode"),
        )
        .where(customers.c[people.consent] == true())
        .order_by(key)
    )
    start, end = window(run_date, marketing)
    customer = order_table.c[orders.customer]
    ordered_at = order_table.c[orders.ordered_at]
    for chunk in read_chunks(read, query, chunk_rows):
        keys = chunk["key"].tolist()
        behaviour_query = (
            select(
                customer.label("customer"),
                func.max(ordered_at).label("last_at"),
                func.count().label("n"),
                func.sum(order_table.c[orders.amount]).label("amount"),
            )
            .where(customer.between(keys[0], keys[-1]), ordered_at >= start, ordered_at < end)
            .group_by(customer)
        )
        behaviour = {row.customer: row for row in orders_conn.execute(behaviour_query)}
        rows = zip(keys, chunk["born"], chunk["gender"], chunk["postcode"], strict=True)
        labels = [_labels_of(b, g, p, behaviour.get(k), run_date) for k, b, g, p in rows]
        frame = pd.DataFrame(labels, columns=list(DIMENSIONS), dtype=object)
        frame.insert(0, KEY_COLUMN, pd.Series(keys, dtype=object))
        yield frame


def _labels_of(born, gender, postcode, orders, run_date: date) -> tuple[str, ...]:
    """The finest labels of one customer, as ``_pushdown_sql`` makes them in SQL."""
    values = dict.fromkeys(_BEHAVIOUR)
    if orders is not None:
        last = orders.last_at
        last_day = (last.astimezone(UTC) if last.tzinfo else last).date()
        values = {
            "recency": (run_date - last_day).days,
            "frequency": orders.n,
            "monetary": orders.amount,
        }
    return (
        age_band(born, run_date) or UNKNOWN,
        UNKNOWN if gender is None else str(gender),
        county(postcode) or UNKNOWN,
        *(
            behaviour_label(values[d], bands, NO_ORDERS_LABELS[d])
            for d, bands in _BEHAVIOUR.items()
        ),
    )


def _histogram(engine: Engine, base: Table) -> pd.DataFrame:
    labels = [base.c[d] for d in DIMENSIONS]
    with engine.connect() as conn:
        rows = conn.execute(select(*labels, func.count().label("people")).group_by(*labels)).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=[*DIMENSIONS, "people"], dtype=object)
    return frame.astype({"people": "int64"})


def _write_segments(engine: Engine, at: _Targets, found: Generalisation) -> pd.DataFrame:
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
            *_label_columns(),
            Column("members", Integer, nullable=False),
            Column("hierarchy_version", String(20), nullable=False),
        ],
    )
    fine = [f"{d}_fine" for d in DIMENSIONS]
    map_table = staging_table(
        at.schema, _MAP, [*(Column(f, _LABEL) for f in fine), Column("segment_id", SEGMENT_ID)]
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


def _write_members(engine: Engine, at: _Targets, key: PseudonymKey) -> None:
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
                f"INSERT INTO {at.staged(at.members)} "
                f"({KEY_COLUMN}, segment_id, {KEY_VERSION_COLUMN}) "
                f"SELECT b.{KEY_COLUMN}, m.segment_id, {literal(key.version)} "
                f"FROM {at.staged(_BASE)} b JOIN {at.staged(_MAP)} m ON {on}"
            )
        )
    index_key(engine, at.schema, at.members, KEY_COLUMN)


def _prove(
    engine: Engine, checks: Checks, at: _Targets, key: PseudonymKey, segments: int, members: int
) -> SuiteResult:
    """Great Expectations on both staging tables, as one result."""
    marketing = at.marketing
    k = marketing.k
    at_least_k = f"every segment has at least k = {k} members"
    segment_checks = [
        *shape_checks(["segment_id", *DIMENSIONS, "members", "hierarchy_version"], segments, None),
        gx.expectations.ExpectColumnValuesToBeUnique(column="segment_id"),
        *no_personal_data(list(DIMENSIONS), dialect_name(engine)),
    ]
    if segments:
        segment_checks.append(
            gx.expectations.ExpectColumnMinToBeBetween(
                column="members", min_value=k, description=at_least_k
            )
        )
    people = marketing.customers
    member_checks = [
        *shape_checks([KEY_COLUMN, "segment_id", KEY_VERSION_COLUMN], members, key.version),
        *pseudonym_checks(KEY_COLUMN, people.key, people.table, dialect_name(engine), True),
        gx.expectations.UnexpectedRowsExpectation(
            unexpected_rows_query="SELECT segment_id FROM {batch} GROUP BY segment_id "
            f"HAVING COUNT(*) < {k}",
            description=at_least_k,
        ),
        gx.expectations.UnexpectedRowsExpectation(
            unexpected_rows_query="SELECT * FROM {batch} WHERE segment_id NOT IN "
            f"(SELECT segment_id FROM {at.staged(at.segments)})",
            description="every member's segment is published with it",
        ),
    ]
    staged = at.segments + STAGING_SUFFIX
    first = checks.validate(marketing.segments, at.schema, staged, segment_checks)
    staged = at.members + STAGING_SUFFIX
    second = checks.validate(marketing.members, at.schema, staged, member_checks)
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
            )
        )
