"""The register of personal data (``governance.pii_columns``) and what changed between scans.

Each table is compared with its own previous scan, so a partial or re-run scan records the
same changes; the register holds each column's latest finding and the policy rule that
governs it, and the columns that no rule governs are reported as ungoverned."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, select

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
        select(t.c.schema_name, t.c.table_name, t.c.scan_id, t.c.status, rank)
        .join(r, r.c.scan_id == t.c.scan_id)
        .where(
            t.c.status.in_(("scanned", "dropped")),
            t.c.scan_id != scan_id,
            (r.c.scanned_at < scanned_at)
            | and_(r.c.scanned_at == scanned_at, r.c.scan_id < scan_id),
        )
        .subquery()
    )
    rows = conn.execute(select(earlier).where(earlier.c.rank == 1))
    return {
        f"{row.schema_name}.{row.table_name}": {"scan_id": row.scan_id, "status": row.status}
        for row in rows
    }


def scanned_later(conn: Connection, table_name: str, run) -> bool:
    t, r = pii_scan_tables, pii_scan_runs
    schema, name = astuple(TableName.parse(table_name))
    later = (
        select(func.count())
        .select_from(t.join(r, r.c.scan_id == t.c.scan_id))
        .where(
            t.c.schema_name == schema,
            t.c.table_name == name,
            t.c.status.in_(("scanned", "dropped")),
            (r.c.scanned_at > run.scanned_at)
            | and_(r.c.scanned_at == run.scanned_at, r.c.scan_id > run.scan_id),
        )
    )
    return bool(conn.execute(later).scalar())


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
    columns_of: dict[tuple[str, str], list[str]] = {}  # each table's, once: not per table
    for schema, name, column in sorted(current.keys() | links.keys()):
        columns_of.setdefault((schema, name), []).append(column)
    for table_name, object_type in tables.items():
        schema, name = astuple(TableName.parse(table_name))
        where = and_(pii_columns.c.schema_name == schema, pii_columns.c.table_name == name)
        first_seen = {
            r.column_name: r.first_seen
            for r in conn.execute(
                select(pii_columns.c.column_name, pii_columns.c.first_seen).where(where)
            )
        }
        conn.execute(delete(pii_columns).where(where))
        output = schema in output_schemas(policy)
        rows = []
        for column in columns_of.get((schema, name), []):
            key = (schema, name, column)
            finding, link = current.get(key), links.get(key)
            rule = governing_rule(policy, *key)
            leak = leak_reason(policy, key, finding) is not None if output else None
            rows.append(
                {
                    "schema_name": schema,
                    "table_name": name,
                    "column_name": column,
                    "category": finding.category if finding else None,
                    "links_to": link["to"] if link else None,
                    "confidence": finding.confidence if finding else link_confidence(link),
                    "evidence": finding.evidence if finding else {"link": link},
                    "governed": rule is not None or leak is False,
                    "object_type": object_type,
                    "leak": leak,
                    "policy_category": rule.category if rule else None,
                    "first_seen": first_seen.get(column, scanned_at),
                    "last_seen": scanned_at,
                    "last_scan_id": scan_id,
                    "confirmed": finding.confirmed if finding else None,
                }
            )
        if rows:
            conn.execute(insert(pii_columns), rows)


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
