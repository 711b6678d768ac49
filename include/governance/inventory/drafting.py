"""What a draft of the policy's ``tables:`` holds, from the register of the last scan.

Pointing the project at a new warehouse means describing its tables in the policy by hand.
The register knows which columns hold which category (as people decided, ``reviewed:``),
the catalogue each table's key, columns and dates, the policy which purposes each category
serves. From those the draft proposes, for every table with personal data, each column's
category and its default rule: ``drop``, unless the category's purposes include analytics
(then the rule that fits its values: an age band for a birth date, a region for a postcode,
...). Names only: the draft reads no row of any table.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, DateTime, Engine, select

from include.governance.audit import GOVERNANCE_SCHEMA, pii_columns
from include.governance.catalog import Catalog
from include.governance.detect.names import normalise
from include.governance.inventory.report import describe_evidence
from include.governance.policy import Policy

ANALYTICS = "analytics"  # the purpose an analytics output serves (as policy.checks reads it)
# A value detector's kind, and the rule that keeps it useful for analytics, generalised.
GENERALISING = {
    "date_of_birth": "age_band",
    "postcode": "region",
    "ip_address": "ip_network",
    "user_agent": "user_agent",
}
_ID_WORDS = frozenset({"id", "no", "nr", "number", "key"})
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class DraftColumn:
    name: str
    category: str | None = None  # None: not personal data, dropped by default
    rule: str | None = None
    why: str = ""  # the finding in one line, without examples


@dataclass(frozen=True)
class RetentionGuess:
    """A retention rule for a person to fill in: the table, its key and its date."""

    name: str
    date_column: str
    other_dates: list[str]
    categories: list[str]


@dataclass(frozen=True)
class DraftTable:
    name: str  # schema.table
    key: str
    key_guessed: bool
    columns: list[DraftColumn]
    anonymise_to: str | None = None
    retention: RetentionGuess | None = None
    unnamed: list[str] = field(default_factory=list)  # columns the policy cannot name


@dataclass(frozen=True)
class Draft:
    tables: list[DraftTable]
    skipped: list[str]  # tables left out, and why
    scans: list[str]  # the scans the register's rows come from


def draft_tables(engine: Engine, policy: Policy) -> Draft:
    """Every table with personal data in the register, drafted for ``policy``."""
    catalog = Catalog(engine)
    rows = _register(engine, catalog)
    by_table: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for row in rows:
        by_table[(row.schema_name, row.table_name)][row.column_name] = row
    outputs = _OutputNames(policy)
    tables, skipped = [], []
    for (schema, table), found in sorted(by_table.items()):
        name = f"{schema}.{table}"
        if not (_IDENT.fullmatch(schema) and _IDENT.fullmatch(table)):
            skipped.append(f"{name}: not a name the policy can hold (letters, digits, _)")
        elif not catalog.has_table(table, schema=schema):
            skipped.append(f"{name}: no longer in the warehouse")
        elif drafted := _draft_table(
            catalog, policy, schema=schema, table=table, found=found, outputs=outputs
        ):
            tables.append(drafted)
        else:
            skipped.append(f"{name}: no column has a name the policy can hold")
    return Draft(tables, skipped, sorted({r.last_scan_id for r in rows}))


def _register(engine: Engine, catalog: Catalog) -> list[Any]:
    if GOVERNANCE_SCHEMA not in catalog.get_schema_names() or not catalog.has_table(
        pii_columns.name, schema=GOVERNANCE_SCHEMA
    ):
        return []
    with engine.connect() as conn:
        return conn.execute(select(pii_columns)).all()


def _draft_table(
    catalog: Catalog,
    policy: Policy,
    *,
    schema: str,
    table: str,
    found: dict[str, Any],
    outputs: _OutputNames,
) -> DraftTable | None:
    listed = catalog.get_columns(table, schema=schema)
    names = [c["name"] for c in listed if _IDENT.fullmatch(c["name"])]
    if not names:
        return None
    key, guessed = _key(catalog, schema, table, names)
    columns = [_column(policy, name, found.get(name), is_key=name == key) for name in names]
    output = None
    if any(c.rule not in (None, "drop") for c in columns):
        if _serves_analytics(policy, found.get(key)):
            output = outputs.claim(schema, table)
            columns = [
                DraftColumn(c.name, c.category, "pseudonymise", c.why) if c.name == key else c
                for c in columns
            ]
        else:  # an output's key must be pseudonymised, and this key may not be used so
            columns = [
                DraftColumn(c.name, c.category, "drop", c.why) if c.rule else c for c in columns
            ]
    dates = [c["name"] for c in listed if isinstance(c["type"], (Date, DateTime))]
    return DraftTable(
        name=f"{schema}.{table}",
        key=key,
        key_guessed=guessed,
        columns=columns,
        anonymise_to=output,
        retention=_retention(policy, schema=schema, table=table, found=found, dates=dates),
        unnamed=[c["name"] for c in listed if c["name"] not in names],
    )


def _key(catalog: Catalog, schema: str, table: str, names: list[str]) -> tuple[str, bool]:
    """The single-column primary key, else an id-like column, else the first (guessed)."""
    primary = catalog.get_pk_constraint(table, schema=schema).get("constrained_columns") or []
    if len(primary) == 1 and primary[0] in names:
        return primary[0], False
    return next((n for n in names if _id_like(n)), names[0]), True


def _id_like(column: str) -> bool:
    return normalise(column).split("_")[-1] in _ID_WORDS


def _column(policy: Policy, name: str, row: Any | None, *, is_key: bool) -> DraftColumn:
    if row is None:
        return DraftColumn(name)
    signals = {k: v for k, v in row.evidence.items() if k != "review"}  # in reviewed: already
    why = describe_evidence(signals, confidence=row.confidence, examples=False)
    if row.confirmed:
        why = f"confirmed; {why}" if signals else "confirmed; this scan saw no signal"
    rule = default_rule(
        policy, category=row.category, column=name, evidence=row.evidence, is_key=is_key
    )
    return DraftColumn(name, row.category, rule, why)


def default_rule(
    policy: Policy, *, category: str, column: str, evidence: dict[str, Any], is_key: bool
) -> str:
    """``drop`` unless the category serves analytics; then what its values allow: free text
    redacted, a kind with a generalisation generalised, an identifier pseudonymised, what
    identifies a person (or needs a generalisation its values did not show) dropped, and
    the rest kept."""
    known = policy.categories.get(category)
    if known is None or ANALYTICS not in known.purposes:
        return "drop"
    if evidence.get("free_text"):
        return "redact"
    detector = (evidence.get("values") or {}).get("detector")
    if detector in GENERALISING:
        return GENERALISING[detector]
    if is_key or _id_like(column):
        return "pseudonymise"
    if known.identifying or any(d in GENERALISING for d in known.detect.values):
        return "drop"
    return "keep"


def _serves_analytics(policy: Policy, key_row: Any | None) -> bool:
    if key_row is None:
        return True
    category = policy.categories.get(key_row.category)
    return category is not None and ANALYTICS in category.purposes


class _OutputNames:
    """``analytics.<table>``, or ``analytics.<schema>_<table>`` where that is taken by
    another table of the policy or of the draft."""

    def __init__(self, policy: Policy):
        self._taken = {t.anonymise_to: name for name, t in policy.tables.items() if t.anonymise_to}

    def claim(self, schema: str, table: str) -> str:
        source = f"{schema}.{table}"
        for candidate in (f"{ANALYTICS}.{table}", f"{ANALYTICS}.{schema}_{table}"):
            if self._taken.get(candidate, source) == source:
                self._taken[candidate] = source
                return candidate
        raise ValueError(f"no free analytics output name for {source}")


def _retention(
    policy: Policy, *, schema: str, table: str, found: dict[str, Any], dates: list[str]
) -> RetentionGuess | None:
    """A table of the kinds the policy's retention rules keep (orders, payments) with a date
    column that is not itself personal data of another kind (a birth date is no record's)."""
    kinds = retention_categories(policy)
    held = sorted({row.category for row in found.values()} & kinds)
    candidates = [
        d for d in dates if _IDENT.fullmatch(d) and (d not in found or found[d].category in kinds)
    ]
    if not held or not candidates:
        return None
    candidates.sort(key=lambda d: d not in found)  # a date of the kind first: ordered_at
    name = f"{schema}_{table}".lower()
    if name in policy.retention:
        name = f"{name}_draft"
    return RetentionGuess(name, candidates[0], candidates[1:], held)


def retention_categories(policy: Policy) -> set[str]:
    """The categories of the tables the policy's retention rules already keep, root and
    children: the kinds of record kept for a period (the demo's orders and payments)."""
    tables = {
        t
        for rule in policy.retention.values()
        for t in (rule.table, *(c.table for c in rule.children))
    }
    kinds = set()
    for name in tables:
        governed = policy.tables.get(name)
        if governed and governed.category:
            kinds.add(governed.category)
    return kinds
