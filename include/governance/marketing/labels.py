"""Each consenting customer's finest labels (age band, gender, county, recency, frequency,
monetary), beside their marketing pseudonym, in a work table.

Pushed down as one ``INSERT ... SELECT`` on PostgreSQL, or streamed in chunks of customers
in key order, with the orders of each chunk's key range aggregated in SQL; the histogram
of label combinations is what the generalisation (:mod:`.kanonymity`) is chosen from. A
customer an erasure kept as a stub is never labelled (:mod:`include.governance.restrictions`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pandas as pd
from dateutil.relativedelta import relativedelta
from sqlalchemy import Column, Connection, Engine, String, Table, func, select, true
from sqlalchemy import text as sql

from include.governance.anonymise.chunks import read_chunks, snapshot, source_table, write_chunk
from include.governance.anonymise.rules import age_band, county
from include.governance.anonymise.sql import (
    age_band_sql,
    county_sql,
    literal,
    load_secret,
    pseudonym_sql,
)
from include.governance.anonymise.staging import staged_name
from include.governance.marketing.kanonymity import (
    DIMENSIONS,
    FREQUENCY_BANDS,
    MONETARY_BANDS,
    NO_ORDERS_LABELS,
    RECENCY_BANDS,
    UNKNOWN,
    behaviour_label,
)
from include.governance.policy import MarketingPolicy
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.restrictions import unrestricted, unrestricted_sql
from include.governance.tables import TableName

KEY_COLUMN = "customer_key"


BASE_TABLE = "segment_base"  # the work table, staged beside the outputs
LABEL_TYPE = String(40)


_BEHAVIOUR = {
    "recency": RECENCY_BANDS,
    "frequency": FREQUENCY_BANDS,
    "monetary": MONETARY_BANDS,
}


@dataclass(frozen=True)
class Targets:
    """Where a marketing policy's outputs go."""

    marketing: MarketingPolicy

    @property
    def schema(self) -> str:
        return TableName.parse(self.marketing.segments).schema

    @property
    def segments(self) -> str:
        return TableName.parse(self.marketing.segments).name

    @property
    def members(self) -> str:
        return TableName.parse(self.marketing.members).name

    def staged(self, bind: Engine | Connection, table: str) -> str:
        """The staging table of ``table`` as SQL text."""
        return staged_name(self.schema, table).quoted(bind)


def label_columns() -> list[Column]:
    return [Column(d, LABEL_TYPE, nullable=False) for d in DIMENSIONS]


def window(run_date: date, marketing: MarketingPolicy) -> tuple[datetime, datetime]:
    """Orders from midnight UTC, the policy's window before the run date, up to that date."""
    period = marketing.behaviour_window
    end = datetime.combine(run_date, datetime.min.time(), UTC)
    return end - relativedelta(years=period.years, months=period.months, days=period.days), end


def fill_base(
    engine: Engine,
    marketing: MarketingPolicy,
    *,
    at: Targets,
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


def _pushdown_sql(conn: Connection, marketing: MarketingPolicy, at: Targets, run_date: date) -> str:
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
    customers, order_table = (TableName.parse(t).quoted(conn) for t in (people.table, orders.table))
    return (
        f"INSERT INTO {at.staged(conn, BASE_TABLE)} ({KEY_COLUMN}, {', '.join(DIMENSIONS)}) "
        f"SELECT {pseudonym_sql(KEY_COLUMN, c(people.key))}, {', '.join(labels)} "
        f"FROM {customers} AS c LEFT JOIN ("
        f"SELECT {quote(orders.customer)} AS customer, MAX({ordered_at}) AS last_at, "
        f"COUNT(*) AS n, SUM({quote(orders.amount)}) AS amount FROM {order_table} "
        f"WHERE {ordered_at} >= :window_start AND {ordered_at} < :window_end "
        f"GROUP BY {quote(orders.customer)}) AS o ON o.customer = {c(people.key)} "
        f"WHERE {c(people.consent)} AND {unrestricted_sql(conn, people.table, c(people.key))}"
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
        .where(unrestricted(read, people.table, key))
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


def histogram_of(engine: Engine, base: Table) -> pd.DataFrame:
    labels = [base.c[d] for d in DIMENSIONS]
    with engine.connect() as conn:
        rows = conn.execute(select(*labels, func.count().label("people")).group_by(*labels)).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=[*DIMENSIONS, "people"], dtype=object)
    return frame.astype({"people": "int64"})
