"""The Great Expectations proof an output must pass before it is swapped in.

Checked in the warehouse (``quality.Checks``: counts only, never values), on the staging
table: no text value has the shape of an email, phone number, fødselsnummer or payment
card, and no redacted value holds any kind its redaction removes (also IBANs, bank
accounts, written-out emails, addresses, dates of birth, ICD-10 codes and health terms);
no pseudonym is a raw source identifier, and each is 64 hex digits, unique per
source key; the columns are exactly those the policy's rules make, and every row's key
version the run's, in a column its definition keeps NOT NULL; the row count
reconciles with the rows read from the source less the documented suppressions; every
segment has at least k members.

The patterns are shapes, a second line of defence behind the validated detectors that
redact text: they use only what PostgreSQL, MariaDB and Python (SQLite's ``REGEXP``) read
alike, and are bounded by non-alphanumerics so a 64-digit hex pseudonym never matches.
"""

from __future__ import annotations

from typing import Any

import great_expectations as gx
from sqlalchemy import Engine, Integer, String
from sqlalchemy.types import TypeEngine

from include.governance.anonymise.plan import KEY_VERSION_COLUMN, OutputPlan
from include.governance.anonymise.sql import literal
from include.governance.catalog import Catalog
from include.governance.detect.shapes import (
    PERSONAL_DATA_SHAPES,
    REDACTED_TEXT_SHAPES,
    alternatives,
)
from include.governance.dialects import Dialect
from include.governance.policy import Redact
from include.governance.pseudonym import PSEUDONYM_LENGTH
from include.governance.quality import Checks, SuiteResult, unexpected_rows
from include.governance.tables import TableName

NOT_HEX = "[^0-9a-f]"


def no_personal_data(
    columns: list[str], dialect: Dialect, shapes: dict[str, str] = PERSONAL_DATA_SHAPES
) -> list[Any]:
    """No value of these columns has any of the ``shapes`` of personal data (a redacted
    column: every kind its redaction removes, ``REDACTED_TEXT_SHAPES``).

    Each distinct value is searched once: the verdict is the one a search of every row
    gives, at a fraction of the cost where values repeat (ten million orders hold a few
    statuses and channels), and a search of every row was most of an output's proof. The
    values are grouped and searched as ``MIN`` of each group, an aggregate, so no planner
    moves the search below the grouping (as PostgreSQL does with ``DISTINCT``). A failure
    counts the distinct values that have a shape.
    """
    kinds = ", ".join(shapes)
    matches = dialect.regex_operator
    shaped = " OR ".join(
        f"v {matches} {literal(pattern)}".replace("{", "{{").replace("}", "}}")  # GX formats
        for shape in shapes.values()
        for pattern in alternatives(shape)  # each may start "(?i)"
    )
    return [
        unexpected_rows(
            f"SELECT v FROM (SELECT MIN({column}) AS v FROM {{batch}} GROUP BY {column}) AS d "
            f"WHERE {shaped}",
            f"no {kinds} in {column}",
        )
        for column in columns
    ]


def pseudonym_checks(
    column: str,
    *,
    source: str,
    source_table: str,
    dialect: Dialect,
    unique: bool,
    unique_by_index: bool = False,
    raw_can_match: bool = True,
) -> list[Any]:
    """Hex of the right length, never one of the raw values it replaced; unique for a key
    (unless ``unique_by_index``: :func:`unique_index_proof` proves it).

    The shape is checked as a length and a character class, which a regular-expression
    engine reads in one pass, where ``^[0-9a-f]{64}$`` costs ten times more. Only a raw
    value (``source`` of ``source_table``) of that length could equal a pseudonym, so only
    those are compared, and the source is not read where none can have it
    (``raw_can_match`` False: :func:`can_be_a_pseudonym`).
    """
    raw = f"CAST({source} AS {dialect.text_cast})"
    raw_values_sql = f"SELECT {raw} FROM {source_table} WHERE LENGTH({raw}) = {PSEUDONYM_LENGTH}"
    checks = [
        gx.expectations.ExpectColumnValueLengthsToEqual(
            column=column,
            value=PSEUDONYM_LENGTH,
            description=f"{column} is a keyed pseudonym: {PSEUDONYM_LENGTH} characters",
        ),
        gx.expectations.ExpectColumnValuesToNotMatchRegex(
            column=column,
            regex=NOT_HEX,
            description=f"{column} is a keyed pseudonym: lower-case hex digits only",
        ),
    ]
    if raw_can_match:
        checks.append(
            unexpected_rows(
                f"SELECT * FROM {{batch}} WHERE {column} IN ({raw_values_sql})",
                f"no raw source identifier in {column}",
            )
        )
    if unique and not unique_by_index:
        checks.append(
            gx.expectations.ExpectColumnValuesToBeUnique(
                column=column, description=f"{column} is unique per source key"
            )
        )
    if unique:
        checks.append(
            gx.expectations.ExpectColumnValuesToNotBeNull(
                column=column, description=f"every row has its {column}"
            )
        )
    return checks


def can_be_a_pseudonym(source_type: TypeEngine | None) -> bool:
    """Whether a value of ``source_type`` can be written in a pseudonym's length: an
    integer's text is 20 characters at most, a bounded text's its length (a type unknown:
    it can)."""
    if isinstance(source_type, Integer):
        return False
    length = getattr(source_type, "length", None)
    return not (isinstance(source_type, String) and length and length < PSEUDONYM_LENGTH)


def unique_index_proof(engine: Engine, table: TableName, column: str, dialect: Dialect) -> Any:
    """That ``column`` of ``table`` has a valid unique index of its own: what keeps it
    unique, proven from the catalogue instead of by sorting the table. An expectation of
    the table's own suite (a suite of its own cost a second GX run, 0.6 s a build): no row
    of the table has its key without one (a condition on no column of the rows: PostgreSQL
    tests it once, before reading any; an empty table has no key to keep unique)."""
    server = table.on_server(engine)
    query = dialect.unique_indexes.format(schema=server.schema, name=server.name, column=column)
    return unexpected_rows(
        f"SELECT {column} FROM {{batch}} WHERE ({query}) < 1",
        f"{column} is unique per source key (its index)",
    )


def not_null_proof(engine: Engine, table: TableName, column: str, dialect: Dialect) -> Any:
    """That ``column`` of ``table`` is NOT NULL by its definition: proven from the
    catalogue, as :func:`unique_index_proof` is, where counting NULLs reads every row (no
    row of the table has the column without it; an empty table holds no NULL)."""
    server = table.on_server(engine)
    query = dialect.not_null_columns.format(schema=server.schema, name=server.name, column=column)
    return unexpected_rows(
        f"SELECT {column} FROM {{batch}} WHERE ({query}) < 1",
        f"{column} is NOT NULL (its definition)",
    )


def at_least_k(quasi_identifiers: list[str], k: int, description: str | None = None) -> Any:
    """Every combination of the quasi-identifiers is shared by ``k`` rows or more."""
    names = ", ".join(quasi_identifiers)
    return unexpected_rows(
        f"SELECT {names} FROM {{batch}} GROUP BY {names} HAVING COUNT(*) < {k}",
        description or f"every combination of {names} is shared by at least k = {k} rows",
    )


def shape_checks(columns: list[str], rows: int, key_version: str | None) -> list[Any]:
    """Exactly these columns, this many rows, and (with pseudonyms) made with this key."""
    checks = [
        gx.expectations.ExpectTableColumnsToMatchSet(
            column_set=columns,
            exact_match=True,
            description="the columns are exactly those the policy's rules make",
        ),
        gx.expectations.ExpectTableRowCountToEqual(
            value=rows,
            description=f"{rows} rows: the source's less documented suppressions, or those "
            "changed since the last build",
        ),
    ]
    if key_version:  # each value in the set: one pass beside the other columns' checks,
        # where its distinct values are two more, sorting them (10M orders: 5 s at load 6)
        checks.append(
            gx.expectations.ExpectColumnValuesToBeInSet(
                column=KEY_VERSION_COLUMN,
                value_set=[key_version],
                description=f"made with key version {key_version}",
            )
        )
    return checks


def check_output(
    checks: Checks,
    plan: OutputPlan,
    *,
    rows: int,
    key_version: str,
    dialect: Dialect,
) -> SuiteResult:
    """Validate the staging table of ``plan``, which holds ``rows``: the source's less
    documented suppressions, or (built in place) the rows changed since the last build,
    whose published table keeps its key unique by its index and its count reconciled."""
    expectations = shape_checks(plan.output_names, rows, key_version)
    expectations.append(not_null_proof(checks.engine, plan.staged, KEY_VERSION_COLUMN, dialect))
    by_index = dialect.unique_indexes is not None
    if plan.risk and plan.risk.min_k:
        expectations.append(at_least_k(plan.risk.quasi_identifiers, plan.risk.min_k))
    source = TableName.parse(plan.source)
    types = {
        c["name"]: c["type"]
        for c in Catalog(checks.engine).get_columns(source.name, schema=source.schema)
    }
    for column in plan.pseudonyms:
        unique = column is plan.key_column
        expectations += pseudonym_checks(
            column.name,
            source=column.source,
            source_table=source.quoted(checks.engine),
            dialect=dialect,
            unique=unique,
            unique_by_index=by_index,
            raw_can_match=can_be_a_pseudonym(types.get(column.source)),
        )
    # A pseudonym is proven hex above: it holds no other shape, and is not searched for one.
    pseudonyms = {c.name for c in plan.pseudonyms}
    text = [c for c in plan.columns if c.is_text and c.name not in pseudonyms]
    redacted = [c.name for c in text if isinstance(c.rule, Redact)]
    expectations += no_personal_data([c.name for c in text if c.name not in redacted], dialect)
    expectations += no_personal_data(redacted, dialect, REDACTED_TEXT_SHAPES)
    if by_index:
        expectations.append(
            unique_index_proof(checks.engine, plan.staged, plan.key_column.name, dialect)
        )
    return checks.validate(plan.output, plan.staged.schema, plan.staged.name, expectations)
