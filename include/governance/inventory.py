"""The personal-data inventory: scan every table, keep a register, record what changed.

A scan has three steps, so that Airflow can map the middle one over tables:

1. :func:`start_scan` finds the tables in scope and records them as pending (and tables
   seen before but gone now as dropped);
2. :func:`scan_table` samples one table, classifies its columns and records the findings;
3. :func:`finish_scan` compares each table with its previous state, writes the changes and
   brings the register (``governance.pii_columns``) up to date.

Each step can be re-run: a scan's rows are replaced, never added twice, and the changes
of a scan are always computed against the scan before it, so a re-run records the same.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, inspect, select, update

from include.governance.audit import (
    PROJECT_SCHEMAS,
    ensure_governance_tables,
    pii_changes,
    pii_columns,
    pii_scan_findings,
    pii_scan_runs,
    pii_scan_tables,
)
from include.governance.detect.classify import Finding, classify_column
from include.governance.policy import Policy
from include.governance.sampling import sample_table

SYSTEM_SCHEMAS = frozenset(
    {"information_schema", "pg_catalog", "mysql", "performance_schema", "sys", "temp"}
)
ColumnKey = tuple[str, str, str]  # schema, table, column


@dataclass(frozen=True)
class ScanScope:
    """Which schemas a scan covers: all but system and project schemas, narrowed by params."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def covers(self, schema: str) -> bool:
        if schema in SYSTEM_SCHEMAS or schema.startswith("pg_") or schema in PROJECT_SCHEMAS:
            return False
        if self.include and schema not in self.include:
            return False
        return schema not in self.exclude


@dataclass
class ScanSummary:
    scan_id: str
    status: str
    tables_scanned: int
    tables_failed: list[str]
    columns_scanned: int
    findings: int
    ungoverned: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    stale_policy: list[str] = field(default_factory=list)


def discover_tables(engine: Engine, scope: ScanScope) -> list[str]:
    """Every base table the warehouse connection can see in scope, as ``schema.table``."""
    inspector = inspect(engine)
    return sorted(
        f"{schema}.{name}"
        for schema in inspector.get_schema_names()
        if scope.covers(schema)
        for name in inspector.get_table_names(schema=schema)
    )


def start_scan(
    engine: Engine,
    policy: Policy,
    scan_id: str,
    scanned_at: datetime,
    scope: ScanScope,
    sample_size: int,
) -> list[str]:
    """Record a new scan and its tables; return the tables to scan."""
    ensure_governance_tables(engine)
    tables = discover_tables(engine, scope)
    with engine.begin() as conn:
        for t in (pii_changes, pii_scan_findings, pii_scan_tables, pii_scan_runs):
            conn.execute(delete(t).where(t.c.scan_id == scan_id))
        conn.execute(
            insert(pii_scan_runs).values(
                scan_id=scan_id,
                scanned_at=scanned_at,
                started_at=_now(),
                policy_version=policy.version,
                sample_size=sample_size,
                schemas={"include": list(scope.include), "exclude": list(scope.exclude)},
                tables_found=len(tables),
                status="running",
            )
        )
        rows = [_table_row(scan_id, name, "pending") for name in tables]
        previous = _previous_states(conn, scan_id, scanned_at)
        rows += [
            _table_row(scan_id, name, "dropped")
            for name, state in previous.items()
            if state["status"] == "scanned"
            and name not in tables
            and scope.covers(name.split(".")[0])
        ]
        if rows:
            conn.execute(insert(pii_scan_tables), rows)
    return tables


def plan_batches(tables: list[str], per_batch: int, max_batches: int) -> list[list[str]]:
    """Tables grouped for mapped tasks: ``per_batch`` a task, more where that would make
    over ``max_batches`` tasks (Airflow fails a mapping longer than ``max_map_length``)."""
    size = max(per_batch, math.ceil(len(tables) / max_batches))
    return [tables[i : i + size] for i in range(0, len(tables), size)]


def scan_table(
    engine: Engine, policy: Policy, scan_id: str, table_name: str, sample_size: int
) -> dict[str, Any]:
    """Sample and classify one table; record its findings. Returns counts, never values."""
    schema, name = table_name.split(".", 1)
    started = time.monotonic()
    where = _table_where(pii_scan_tables, scan_id, table_name)
    try:
        sample = sample_table(engine, schema, name, sample_size)
        findings = {c.name: classify_column(c, policy) for c in sample.columns}
    except Exception as exc:
        with engine.begin() as conn:
            conn.execute(
                update(pii_scan_tables)
                .where(where)
                .values(status="failed", error=describe_error(exc))
            )
        raise
    found = {column: f for column, f in findings.items() if f is not None}
    with engine.begin() as conn:
        conn.execute(
            delete(pii_scan_findings).where(_table_where(pii_scan_findings, scan_id, table_name))
        )
        if found:
            conn.execute(
                insert(pii_scan_findings),
                [_finding_row(scan_id, schema, name, col, f) for col, f in found.items()],
            )
        conn.execute(
            update(pii_scan_tables)
            .where(where)
            .values(
                status="scanned",
                columns_scanned=len(sample.columns),
                rows_sampled=sample.rows_sampled,
                sampling=sample.method,
                seconds=round(time.monotonic() - started, 3),
                error=None,
            )
        )
    return {
        "table": table_name,
        "columns": len(sample.columns),
        "personal_data_columns": len(found),
        "rows_sampled": sample.rows_sampled,
    }


def finish_scan(engine: Engine, policy: Policy, scan_id: str) -> ScanSummary:
    """Compare each table with its previous state, record changes, update the register."""
    with engine.begin() as conn:
        run = conn.execute(select(pii_scan_runs).where(pii_scan_runs.c.scan_id == scan_id)).one()
        states = {
            f"{r.schema_name}.{r.table_name}": r
            for r in conn.execute(
                select(pii_scan_tables).where(pii_scan_tables.c.scan_id == scan_id)
            )
        }
        done = [t for t, r in states.items() if r.status in ("scanned", "dropped")]
        current = _findings(conn, [(scan_id, t) for t in done])
        previous_states = _previous_states(conn, scan_id, run.scanned_at)
        previous = _findings(
            conn,
            [
                (s["scan_id"], t)
                for t, s in previous_states.items()
                if t in done and s["status"] == "scanned"
            ],
        )
        changes = _changes(previous, current)
        conn.execute(delete(pii_changes).where(pii_changes.c.scan_id == scan_id))
        if changes:
            conn.execute(
                insert(pii_changes),
                [dict(c, scan_id=scan_id, detected_at=run.scanned_at) for c in changes],
            )
        latest = [t for t in done if not _scanned_later(conn, t, run)]
        _update_register(conn, policy, scan_id, run.scanned_at, latest, current)
        failed = sorted(
            t for t, r in states.items() if r.status != "scanned" and r.status != "dropped"
        )
        summary = ScanSummary(
            scan_id=scan_id,
            status="partial" if failed else "succeeded",
            tables_scanned=sum(r.status == "scanned" for r in states.values()),
            tables_failed=failed,
            columns_scanned=sum(r.columns_scanned or 0 for r in states.values()),
            findings=len(current),
            ungoverned=_ungoverned(policy, current),
            changes=changes,
            stale_policy=_stale_policy(engine, policy, states),
        )
        conn.execute(
            update(pii_scan_runs)
            .where(pii_scan_runs.c.scan_id == scan_id)
            .values(
                finished_at=_now(),
                status=summary.status,
                tables_scanned=summary.tables_scanned,
                tables_failed=len(failed),
                columns_scanned=summary.columns_scanned,
                findings=summary.findings,
                ungoverned=len(summary.ungoverned),
                changes=len(changes),
            )
        )
    return summary


def governing_rule(policy: Policy, schema: str, table: str, column: str):
    """The policy's entry for a column, or None when no rule in policy.yml covers it."""
    governed_table = policy.tables.get(f"{schema}.{table}")
    return governed_table.columns.get(column) if governed_table else None


def _findings(conn: Connection, pairs: Iterable[tuple[str, str]]) -> dict[ColumnKey, Any]:
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


def _previous_states(conn: Connection, scan_id: str, scanned_at: datetime) -> dict[str, dict]:
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


def _scanned_later(conn: Connection, table_name: str, run) -> bool:
    t, r = pii_scan_tables, pii_scan_runs
    schema, name = table_name.split(".", 1)
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


def _changes(previous: dict[ColumnKey, Any], current: dict[ColumnKey, Any]) -> list[dict]:
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


def _update_register(
    conn: Connection,
    policy: Policy,
    scan_id: str,
    scanned_at: datetime,
    tables: list[str],
    current: dict[ColumnKey, Any],
) -> None:
    """Replace the register rows of ``tables`` by this scan's findings, keeping first_seen."""
    for table_name in tables:
        schema, name = table_name.split(".", 1)
        where = and_(pii_columns.c.schema_name == schema, pii_columns.c.table_name == name)
        first_seen = {
            r.column_name: r.first_seen
            for r in conn.execute(
                select(pii_columns.c.column_name, pii_columns.c.first_seen).where(where)
            )
        }
        conn.execute(delete(pii_columns).where(where))
        rows = []
        for (s, t, column), finding in current.items():
            if (s, t) != (schema, name):
                continue
            rule = governing_rule(policy, s, t, column)
            rows.append(
                {
                    "schema_name": s,
                    "table_name": t,
                    "column_name": column,
                    "category": finding.category,
                    "confidence": finding.confidence,
                    "evidence": finding.evidence,
                    "governed": rule is not None,
                    "policy_category": rule.category if rule else None,
                    "first_seen": first_seen.get(column, scanned_at),
                    "last_seen": scanned_at,
                    "last_scan_id": scan_id,
                }
            )
        if rows:
            conn.execute(insert(pii_columns), rows)


def _ungoverned(policy: Policy, current: dict[ColumnKey, Any]) -> list[dict[str, Any]]:
    return [
        {"column": ".".join(key), "category": f.category, "confidence": f.confidence}
        for key, f in sorted(current.items())
        if governing_rule(policy, *key) is None
    ]


def _stale_policy(engine: Engine, policy: Policy, states: dict[str, Any]) -> list[str]:
    """Columns policy.yml governs in scanned tables that do not exist (a renamed column?),
    and governed tables the scan did not find."""
    stale = []
    inspector = inspect(engine)
    for table_name, table in policy.tables.items():
        state = states.get(table_name)
        if state is None or state.status == "dropped":
            schema = table_name.split(".")[0]
            if any(t.startswith(f"{schema}.") for t in states):
                stale.append(f"{table_name} (table not found)")
            continue
        if state.status != "scanned":
            continue
        schema, name = table_name.split(".", 1)
        existing = {c["name"] for c in inspector.get_columns(name, schema=schema)}
        stale += [
            f"{table_name}.{c} (column not found)" for c in table.columns if c not in existing
        ]
    return stale


def _table_row(scan_id: str, table_name: str, status: str) -> dict[str, Any]:
    schema, name = table_name.split(".", 1)
    return {"scan_id": scan_id, "schema_name": schema, "table_name": name, "status": status}


def _finding_row(scan_id: str, schema: str, table: str, column: str, f: Finding) -> dict:
    return {
        "scan_id": scan_id,
        "schema_name": schema,
        "table_name": table,
        "column_name": column,
        "category": f.category,
        "confidence": f.confidence,
        "evidence": f.evidence,
    }


def _table_where(t, scan_id: str, table_name: str):
    schema, name = table_name.split(".", 1)
    return and_(t.c.scan_id == scan_id, t.c.schema_name == schema, t.c.table_name == name)


def describe_error(exc: Exception) -> str:
    """An error for the record without its message: database errors can quote values."""
    origin = getattr(exc, "orig", None) or exc
    return f"{type(exc).__name__} ({type(origin).__name__})"


def _now() -> datetime:
    return datetime.now(UTC)


def record_report(engine: Engine, scan_id: str, path: str) -> None:
    """Remember where the scan's report was written, for the summary and the UI."""
    with engine.begin() as conn:
        conn.execute(
            update(pii_scan_runs).where(pii_scan_runs.c.scan_id == scan_id).values(report_path=path)
        )
