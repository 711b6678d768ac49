"""The streaming path on PostgreSQL: ``COPY`` text in, whole columns transformed, ``COPY`` out.

Building Python rows costs more than the rules themselves, so here the source is read with
``COPY (SELECT ...) TO STDOUT`` and each line is split only as far as the transformed
columns: they come first in the ``SELECT``, and the columns kept as they are (and the key
version) come last and pass through as one untouched piece of text. Each transformed
column is mapped as a whole: its distinct values once each, pseudonyms in batches of
C-level HMAC calls, timestamps by string operations where their text has the one shape
PostgreSQL prints (``DateStyle`` ISO, time zone UTC), and anything else through the
rule's Python form after decoding the text as the driver (psycopg2 or psycopg 3) would
have. So the rows are the ones the Python forms make everywhere else. COPY itself, and
the decoding, go through :mod:`include.governance.pgcopy`.

A piece is a range of the source's blocks (``ctid``), so that any number of processes can
read disjoint pieces of one snapshot; see :mod:`.workers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Table

from include.governance.anonymise.chunks import copy_text
from include.governance.anonymise.columns import OutputColumn
from include.governance.anonymise.forms import column_transform, forms_of
from include.governance.anonymise.plan import KEY_VERSION_COLUMN, OutputPlan
from include.governance.anonymise.sql import literal
from include.governance.pgcopy import Decoder, copy_in, copy_out, decoder
from include.governance.pseudonym import BatchHmac, Pseudonymiser, PseudonymKey

NULL = "\\N"
CACHED_VALUES = 100_000  # per column and process
ColumnCodec = Callable[[list[str]], list[str]]
_TIMESTAMP, _TIMESTAMPTZ = 1114, 1184  # type OIDs
_UNESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_ESCAPED = re.compile(r"\\(.)")
_TRUNCATED = {"hour": (13, ":00"), "day": (10, ""), "month": (7, "-01"), "year": (4, "-01-01")}


def session_settings(conn: Connection) -> None:
    """The text shapes this module reads and writes: ISO dates, timestamps in UTC."""
    conn.exec_driver_sql("SET TIME ZONE 'UTC'")
    conn.exec_driver_sql("SET DateStyle = 'ISO'")


def unescape(text: str) -> str:
    """A value from its COPY text (the caller has set NULL apart)."""
    if "\\" not in text:
        return text
    return _ESCAPED.sub(lambda m: _UNESCAPES.get(m.group(1), m.group(1)), text)


def by_distinct(values: list[str], compute: Callable[[list[str]], list[str]]) -> list[str]:
    """``compute`` of the distinct values only, mapped back onto every value."""
    distinct = list(dict.fromkeys(values))
    if len(distinct) == len(values):
        return compute(values)
    return list(map(dict(zip(distinct, compute(distinct), strict=True)).__getitem__, values))


@dataclass(frozen=True)
class CopyCodec:
    """How one output's rows are read as COPY text, transformed and written back."""

    source: str
    read_columns: tuple[str, ...]  # the transformed sources first, then the kept ones
    transformed: int  # how many of read_columns are transformed
    write_columns: tuple[str, ...]
    codecs: tuple[tuple[int, ColumnCodec], ...]  # (index of the source, codec) per output
    key_version: str

    def select(self, conn: Connection, where: str) -> str:
        quote = conn.dialect.identifier_preparer.quote
        names = ", ".join([*map(quote, self.read_columns), literal(self.key_version)])
        return f"SELECT {names} FROM {self.source} AS src WHERE {where}"

    def transform(self, text: str) -> str:
        """The output's COPY text of the source's COPY text (whole lines). The text is cut
        into one flat list of fields and each column is a slice of it: a list per line
        would cost several times as much, in allocation and garbage collection. A piece
        over emptied pages (say, after a retention run) reads no lines and makes none."""
        if not text:
            return ""
        fields = text.replace("\n", "\t").split("\t")
        fields.pop()  # after the last newline
        width = len(self.read_columns) + 1  # and the key version
        if len(fields) % width:
            raise ValueError(f"{self.source}: COPY gave lines of other than {width} fields")
        columns = [fields[i::width] for i in range(width)]
        out = [codec(columns[i]) for i, codec in self.codecs]
        out += columns[self.transformed :]
        return "\n".join(map("\t".join, zip(*out, strict=True))) + "\n"


def copy_codec(conn: Connection, plan: OutputPlan, key: PseudonymKey, run_date: date) -> CopyCodec:
    """The codec of ``plan``, for the source's column types as the warehouse has them."""
    changed = [c for c in plan.columns if not forms_of(c.rule).keeps]
    kept = [c for c in plan.columns if forms_of(c.rule).keeps]
    sources = list(dict.fromkeys(c.source for c in changed))
    types = _type_codes(conn, plan.source, sources)
    pseudonymise, hmac = Pseudonymiser(key), BatchHmac(key)

    def codec(column: OutputColumn, type_code: int) -> ColumnCodec:
        kind = forms_of(column.rule).copy
        if kind == "pseudonym":
            return _pseudonyms(hmac, column.name)
        transform = column_transform(column, pseudonymise, run_date)
        python = _python_codec(transform, decoder(conn, type_code))
        if kind == "truncate" and type_code in (_TIMESTAMP, _TIMESTAMPTZ):
            return _truncating(column.rule.to, python)
        return _each(python) if kind == "each" else _distinct(python)

    codecs = []
    for column in changed:
        i = sources.index(column.source)
        codecs.append((i, codec(column, types[i])))
    return CopyCodec(
        plan.source,
        (*sources, *(c.source for c in kept)),
        len(sources),
        (*(c.name for c in changed), *(c.name for c in kept), KEY_VERSION_COLUMN),
        tuple(codecs),
        key.version,
    )


def _type_codes(conn: Connection, source: str, columns: list[str]) -> list[int]:
    if not columns:
        return []
    quote = conn.dialect.identifier_preparer.quote
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(f"SELECT {', '.join(map(quote, columns))} FROM {source} LIMIT 0")
        return [d.type_code for d in cursor.description]
    finally:
        cursor.close()


def _python_codec(transform: Callable[[object], object], decode: Decoder) -> Callable[[str], str]:
    """One value's COPY text through the rule's Python form: decoded as the driver decodes
    its type, transformed, encoded as the write path does."""
    return lambda text: copy_text(transform(None if text == NULL else decode(unescape(text))))


def _distinct(python: Callable[[str], str]) -> ColumnCodec:
    """Each distinct value once, remembered from piece to piece (birth dates, postcodes,
    user agents recur) up to ``CACHED_VALUES``, then forgotten all at once. The values
    not yet known are found by set difference, so a column of known values costs one
    dictionary look-up a row."""
    done: dict[str, str] = {}

    def column(values: list[str]) -> list[str]:
        if len(done) > CACHED_VALUES:
            done.clear()
        for value in set(values).difference(done):
            done[value] = python(value)
        return list(map(done.__getitem__, values))

    return column


def _pseudonyms(hmac: BatchHmac, domain: str) -> ColumnCodec:
    """Pseudonyms of integers or text: their COPY text, unescaped, is what ``canonical``
    gives (PostgreSQL prints integers as Python does)."""

    def pseudonyms(values: list[str]) -> list[str]:
        if NULL in values:
            digests = iter(pseudonyms([v for v in values if v != NULL]))
            return [NULL if v == NULL else next(digests) for v in values]
        if "\\" in "".join(values):
            values = list(map(unescape, values))
        return hmac.hexdigests(domain, values)

    return lambda values: by_distinct(values, pseudonyms)


def _truncating(to: str, python: Callable[[str], str]) -> ColumnCodec:
    """The start of the hour, day, month or year of a timestamp by slicing its ISO text
    (in UTC: the offset is always ``+00``, and a text without one reads as UTC); other
    shapes (NULL, BC, beyond year 9999, infinity) through Python."""
    length, suffix = _TRUNCATED[to]

    def truncate(value: str) -> str:
        return value[:length] + suffix if value[4:5] == "-" and value[-1] != "C" else python(value)

    return lambda values: [NULL if v == NULL else truncate(v) for v in values]


def _each(python: Callable[[str], str]) -> ColumnCodec:
    """Each value through the rule's Python form, NULL as it is (the most common value of
    an optional column): for values that seldom repeat, such as IP addresses, where a
    cache would only fill."""
    return lambda values: [NULL if v == NULL else python(v) for v in values]


def target(conn: Connection, table: Table) -> str:
    """``schema."table"``: where ``copy_piece`` writes."""
    return f"{table.schema}.{conn.dialect.identifier_preparer.quote(table.name)}"


def copy_piece(
    read: Connection, write: Connection, codec: CopyCodec, *, to: str, where: str
) -> int:
    """Read the source rows ``where`` selects, write their output rows to ``to`` (see
    ``target``); rows written."""
    out = codec.transform(copy_out(read, f"COPY ({codec.select(read, where)}) TO STDOUT"))
    if out:
        quote = write.dialect.identifier_preparer.quote
        names = ", ".join(map(quote, codec.write_columns))
        copy_in(write, f"COPY {to} ({names}) FROM STDIN", out)
    return out.count("\n")
