"""The register of personal data (``governance.pii_columns``) and what changed between scans.

Each table is compared with its own previous scan, so a partial or re-run scan records the
same changes; the register holds each column's latest finding and the policy rule that
governs it, and the columns that no rule governs are reported as ungoverned."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, and_, delete, func, insert, select, true

from include.governance.audit import pii_columns, pii_scan_findings, pii_scan_runs, pii_scan_tables
from include.governance.catalog import Catalog
from include.governance.inventory.leaks import leak_reason, output_schemas
from include.governance.inventory.links import link_confidence
from include.governance.policy import Policy
from include.governance.tables import TableName

ColumnKey = tuple[str, str, str]  # schema, table, column


def governing_rule(policy: Policy, schema: str, table: str, column: str):
    """The policy's entry for a column, or None when no rule in policy.yml covers it."""
    governed_table = policy.tables.get(f"{schema}.{table}")
    return governed_table.columns.get(column) if governed_table else None


def findings_of(conn: Connection, pairs: Iterable[tuple[str, str]]) -> dict[ColumnKey, Any]:
    """Findings of (scan, table) pairs, keyed by column."""
    wanted: dict[str, set[str]] = {}
    for scan, table_name in pairs:
        wanted.setdefault(scan, set()).add(table_name)
    out: dict[ColumnKey, Any] = {}
    for scan, tables in wanted.items():
        rows = conn.execute(select(pii_scan_findings).where(pii_scan_findings.c.scan_id == scan))
        for r in rows:
            if f"{r.schema_name}.{r.table_name}" in tables:
                out[(r.schema_name, r.table_name, r.column_name)] = r
    return out


def previous_states(conn: Connection, scan_id: str, scanned_at: datetime) -> dict[str, dict]:
    """Each table's latest state (scanned or dropped) in the scans before this one."""
    rows = latest_rows(conn, scan_id, scanned_at, statuses=("scanned", "dropped"))
    return {name: {"scan_id": row.scan_id, "status": row.status} for name, row in rows.items()}


def latest_rows(
    conn: Connection, scan_id: str, scanned_at: datetime, *, statuses: tuple[str, ...] = ()
) -> dict[str, Row]:
    """Each table's latest row in the scans before this one (of ``statuses``; of any, a
    pending or failed one too, when none are given), with its scan's policy version,
    sample size and detectors' version."""
    t, r = pii_scan_tables, pii_scan_runs
    rank = (
        func.row_number()
        .over(
            partition_by=(t.c.schema_name, t.c.table_name),
            order_by=(r.c.scanned_at.desc(), r.c.scan_id.desc()),
        )
        .label("rank")
    )
    earlier = (
        select(t, r.c.policy_version, r.c.sample_size, r.c.detectors_version, rank)
        .join(r, r.c.scan_id == t.c.scan_id)
        .where(
            t.c.scan_id != scan_id,
            (r.c.scanned_at < scanned_at)
            | and_(r.c.scanned_at == scanned_at, r.c.scan_id < scan_id),
            t.c.status.in_(statuses) if statuses else true(),
        )
        .subquery()
    )
    rows = conn.execute(select(earlier).where(earlier.c.rank == 1))
    return {f"{row.schema_name}.{row.table_name}": row for row in rows}


def scanned_later(conn: Connection, run) -> set[str]:
    """The tables a later scan than ``run`` scanned or found dropped: ``run``'s findings
    are not their latest (a re-run of an old scan leaves the register to the newer one)."""
    t, r = pii_scan_tables, pii_scan_runs
    later = (
        select(t.c.schema_name, t.c.table_name)
        .distinct()
        .select_from(t.join(r, r.c.scan_id == t.c.scan_id))
        .where(
            t.c.status.in_(("scanned", "dropped")),
            (r.c.scanned_at > run.scanned_at)
            | and_(r.c.scanned_at == run.scanned_at, r.c.scan_id > run.scan_id),
        )
    )
    return {f"{s}.{name}" for s, name in conn.execute(later)}


def changes_between(previous: dict[ColumnKey, Any], current: dict[ColumnKey, Any]) -> list[dict]:
    changes = []
    for key in sorted(previous.keys() | current.keys()):
        old, new = previous.get(key), current.get(key)
        if old and new and old.category == new.category:
            continue
        kind = "new" if old is None else "removed" if new is None else "recategorised"
        changes.append(
            {
                "schema_name": key[0],
                "table_name": key[1],
                "column_name": key[2],
                "change": kind,
                "old_category": old.category if old else None,
                "new_category": new.category if new else None,
            }
        )
    return changes


def update_register(
    conn: Connection,
    policy: Policy,
    scan_id: str,
    *,
    scanned_at: datetime,
    tables: dict[str, str | None],
    current: dict[ColumnKey, Any],
    links: dict[ColumnKey, dict[str, Any]] | None = None,
) -> None:
    """Replace the register rows of ``tables`` (each with its object type) by this scan's
    findings as people decided them (``reviews.apply_reviews``) and its links (a key to a
    table of people, with no category of its own where it is only that), keeping
    first_seen."""
    links = links or {}
    by_schema: dict[str, list[str]] = {}
    for table_name in tables:
        name = TableName.parse(table_name)
        by_schema.setdefault(name.schema, []).append(name.name)
    first_seen: dict[ColumnKey, datetime] = {}
    c = pii_columns.c
    for schema, names in by_schema.items():
        for chunk in _chunks(names):
            where = and_(c.schema_name == schema, c.table_name.in_(chunk))
            seen = select(c.table_name, c.column_name, c.first_seen).where(where)
            first_seen |= {
                (schema, r.table_name, r.column_name): r.first_seen for r in conn.execute(seen)
            }
            conn.execute(delete(pii_columns).where(where))
    outputs = output_schemas(policy)
    rows = []
    for key in sorted(current.keys() | links.keys()):
        s, t, column = key
        if f"{s}.{t}" not in tables:
            continue
        finding, link = current.get(key), links.get(key)
        rule = governing_rule(policy, s, t, column)
        leak = leak_reason(policy, key, finding) is not None if s in outputs else None
        rows.append(
            {
                "schema_name": s,
                "table_name": t,
                "column_name": column,
                "category": finding.category if finding else None,
                "links_to": link["to"] if link else None,
                "confidence": finding.confidence if finding else link_confidence(link),
                "evidence": finding.evidence if finding else {"link": link},
                "governed": rule is not None or leak is False,
                "object_type": tables[f"{s}.{t}"],
                "leak": leak,
                "policy_category": rule.category if rule else None,
                "first_seen": first_seen.get(key, scanned_at),
                "last_seen": scanned_at,
                "last_scan_id": scan_id,
                "confirmed": finding.confirmed if finding else None,
            }
        )
    if rows:
        conn.execute(insert(pii_columns), rows)


def _chunks(names: list[str], size: int = 500) -> Iterable[list[str]]:
    """Names a few hundred at a time: an ``IN`` list of 10,000 is too long for some servers."""
    return (names[i : i + size] for i in range(0, len(names), size))


def ungoverned_columns(policy: Policy, current: dict[ColumnKey, Any]) -> list[dict[str, Any]]:
    """Source columns no rule governs (what output schemas hold is judged as leak or not)."""
    outputs = output_schemas(policy)
    return [
        {"column": ".".join(key), "category": f.category, "confidence": f.confidence}
        for key, f in sorted(current.items())
        if key[0] not in outputs and governing_rule(policy, *key) is None
    ]


def stale_policy_tables(engine: Engine, policy: Policy, states: dict[str, Any]) -> list[str]:
    """Columns policy.yml governs in scanned tables that do not exist (a renamed column?),
    and governed tables the scan did not find."""
    stale = []
    inspector = Catalog(engine)
    for table_name, table in policy.tables.items():
        state = states.get(table_name)
        if state is None or state.status == "dropped":
            schema = TableName.parse(table_name).schema
            if any(TableName.parse(t).schema == schema for t in states):
                stale.append(f"{table_name} (table not found)")
            continue
        if state.status != "scanned":
            continue
        schema, name = astuple(TableName.parse(table_name))
        existing = {c["name"] for c in inspector.get_columns(name, schema=schema)}
        stale += [
            f"{table_name}.{c} (column not found)" for c in table.columns if c not in existing
        ]
    return stale
