"""Scanning: record a scan, sample and classify each table, compare it with its last scan.

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
from collections.abc import Callable, Iterable
from dataclasses import asdict, astuple, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, insert, select, update

from include.governance.audit import (
    ensure_governance_tables,
    pii_changes,
    pii_scan_findings,
    pii_scan_runs,
    pii_scan_tables,
)
from include.governance.detect.classify import Finding
from include.governance.detect.table_context import classify_table
from include.governance.inventory.discovery import ScanScope, discover_tables
from include.governance.inventory.fingerprints import (
    detectors_version,
    read_fingerprints,
    settle_counters,
)
from include.governance.inventory.incremental import ScanBasis, carry_findings, planned_row
from include.governance.inventory.leaks import leaked_columns
from include.governance.inventory.links import find_links, held_values, is_held, person_tables
from include.governance.inventory.register import (
    ColumnKey,
    changes_between,
    findings_of,
    latest_rows,
    previous_states,
    scanned_later,
    stale_policy_tables,
    ungoverned_columns,
    update_register,
)
from include.governance.inventory.reviews import apply_reviews
from include.governance.policy import Policy
from include.governance.sampling import sample_table
from include.governance.tables import TableName
from include.governance.warehouse import describe_error


@dataclass
class ScanSummary:
    scan_id: str
    status: str
    tables_scanned: int
    tables_failed: list[str]
    columns_scanned: int
    findings: int
    not_sampled: dict[str, dict[str, str]] = field(default_factory=dict)  # table: column: why
    ungoverned: list[dict[str, Any]] = field(default_factory=list)
    leaks: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    stale_policy: list[str] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    tables_carried: int = 0  # of tables_scanned: unchanged, their findings carried

    @property
    def tables_rescanned(self) -> int:
        return self.tables_scanned - self.tables_carried


def start_scan(
    engine: Engine,
    policy: Policy,
    scan_id: str,
    *,
    scanned_at: datetime,
    scope: ScanScope,
    sample_size: int,
    full_scan: bool = False,
) -> list[str]:
    """Record a new scan and its tables; return the tables to sample. A table unchanged
    since its last scan is recorded as scanned, its findings carried (``incremental``)."""
    ensure_governance_tables(engine)
    tables = discover_tables(engine, scope)
    with engine.connect() as conn:
        last = latest_rows(conn, scan_id, scanned_at)
    if last and not full_scan:  # a change just committed must be counted to be seen
        settle_counters(engine)
    fingerprints = read_fingerprints(engine, tables)  # before anything is sampled
    basis = ScanBasis(
        scanned_at=scanned_at,
        policy_version=policy.version,
        sample_size=sample_size,
        detectors_version=detectors_version(),
        full_scan_every_days=policy.inventory.full_scan_every_days,
        full_scan=full_scan,
    )
    with engine.begin() as conn:
        for t in (pii_changes, pii_scan_findings, pii_scan_tables, pii_scan_runs):
            conn.execute(delete(t).where(t.c.scan_id == scan_id))
        conn.execute(
            insert(pii_scan_runs).values(
                scan_id=scan_id,
                scanned_at=scanned_at,
                started_at=_now(),
                policy_version=policy.version,
                detectors_version=basis.detectors_version,
                sample_size=sample_size,
                schemas={"include": list(scope.include), "exclude": list(scope.exclude)},
                tables_found=len(tables),
                full_scan=full_scan,
                status="running",
            )
        )
        rows = [
            _table_row(scan_id, name, "pending", kind)
            | planned_row(last.get(name), fingerprints[name], basis)
            for name, kind in tables.items()
        ]
        previous = previous_states(conn, scan_id, scanned_at)
        rows += [
            _table_row(scan_id, name, "dropped")
            for name, state in previous.items()
            if state["status"] == "scanned"
            and name not in tables
            and scope.covers(TableName.parse(name).schema)
        ]
        if rows:
            conn.execute(insert(pii_scan_tables), [_with_all_columns(r) for r in rows])
        carry_findings(conn, scan_id)
    return [f"{r['schema_name']}.{r['table_name']}" for r in rows if r["status"] == "pending"]


def scan_table(
    engine: Engine, policy: Policy, scan_id: str, table_name: str, *, sample_size: int
) -> dict[str, Any]:
    """Sample and classify one table; record its findings. Returns counts, never values."""
    schema, name = astuple(TableName.parse(table_name))
    started = time.monotonic()
    where = _table_where(pii_scan_tables, scan_id, table_name)
    try:
        sample = sample_table(engine, schema, name, sample_size)
        findings = classify_table(name, sample, policy)
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
                status="not sampled" if sample.not_sampled else "scanned",
                not_sampled=sample.not_sampled or None,
                columns_scanned=len(sample.columns) - len(sample.not_sampled),
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
        "not_sampled": sample.not_sampled,
    }


def finish_scan(engine: Engine, policy: Policy, scan_id: str) -> ScanSummary:
    """Compare each table with its previous state, record changes, update the register."""
    with engine.begin() as conn:
        run = conn.execute(select(pii_scan_runs).where(pii_scan_runs.c.scan_id == scan_id)).one()
        conn.execute(  # read before sampling: a start for the next scan only once scanned
            update(pii_scan_tables)
            .where(pii_scan_tables.c.scan_id == scan_id, pii_scan_tables.c.status != "scanned")
            .values(fingerprint=None)
        )
        states = {
            f"{r.schema_name}.{r.table_name}": r
            for r in conn.execute(
                select(pii_scan_tables).where(pii_scan_tables.c.scan_id == scan_id)
            )
        }
        done = [t for t, r in states.items() if r.status in ("scanned", "dropped")]
        current = findings_of(conn, [(scan_id, t) for t in done])
        later = scanned_later(conn, run)
        latest = [t for t in done if t not in later]
        links = find_links(conn, latest_scanned(latest, states), person_tables(current))
        current = _with_held_values(conn, scan_id, current, held_values(links, current))
        before = previous_states(conn, scan_id, run.scanned_at)
        previous = findings_of(
            conn,
            [
                (s["scan_id"], t)
                for t, s in before.items()
                if t in done and s["status"] == "scanned"
            ],
        )
        changes = changes_between(previous, current)
        conn.execute(delete(pii_changes).where(pii_changes.c.scan_id == scan_id))
        if changes:
            conn.execute(
                insert(pii_changes),
                [dict(c, scan_id=scan_id, detected_at=run.scanned_at) for c in changes],
            )
        registered, disagreements = apply_reviews(
            conn, policy, current=current, previous=previous, tables=done
        )
        update_register(
            conn,
            policy,
            scan_id,
            scanned_at=run.scanned_at,
            tables={t: states[t].object_type for t in latest},
            current=registered,
            links=links,
        )
        failed = sorted(
            t for t, r in states.items() if r.status not in ("scanned", "dropped", "not sampled")
        )
        not_sampled = {t: r.not_sampled for t, r in states.items() if r.status == "not sampled"}
        summary = ScanSummary(
            scan_id=scan_id,
            status="partial" if failed or not_sampled else "succeeded",
            tables_scanned=sum(r.status == "scanned" for r in states.values()),
            tables_carried=sum(r.carried_from is not None for r in states.values()),
            tables_failed=failed,
            not_sampled=not_sampled,
            columns_scanned=sum(r.columns_scanned or 0 for r in states.values()),
            findings=len(registered),
            ungoverned=ungoverned_columns(policy, registered),
            leaks=leaked_columns(policy, registered),
            changes=changes,
            stale_policy=stale_policy_tables(engine, policy, states),
            disagreements=[asdict(d) for d in disagreements],
        )
        conn.execute(
            update(pii_scan_runs)
            .where(pii_scan_runs.c.scan_id == scan_id)
            .values(
                finished_at=_now(),
                status=summary.status,
                tables_scanned=summary.tables_scanned,
                tables_rescanned=summary.tables_rescanned,
                tables_carried=summary.tables_carried,
                tables_failed=len(failed),
                tables_not_sampled=len(not_sampled),
                columns_scanned=summary.columns_scanned,
                findings=summary.findings,
                ungoverned=len(summary.ungoverned),
                leaks=len(summary.leaks),
                changes=len(changes),
                disagreements=len(disagreements),
            )
        )
    return summary


def scan_warehouse(
    engine: Engine,
    policy: Policy,
    scan_id: str,
    *,
    scanned_at: datetime,
    scope: ScanScope,
    sample_size: int,
    full_scan: bool = False,
    scan_tables: Callable[[list[str]], Iterable[Any]] | None = None,
) -> ScanSummary:
    """A whole scan in one call: start, every table, finish, as the DAG's tasks run them.
    ``scan_tables`` scans the tables elsewhere (a benchmark's process pool, each process
    with its own engine); by default they are scanned here, one after another."""
    tables = start_scan(
        engine,
        policy,
        scan_id,
        scanned_at=scanned_at,
        scope=scope,
        sample_size=sample_size,
        full_scan=full_scan,
    )
    if scan_tables is None:
        for table in tables:
            scan_table(engine, policy, scan_id, table, sample_size=sample_size)
    else:
        for _ in scan_tables(tables):  # consumed here: a lazy map raises its errors here
            pass
    return finish_scan(engine, policy, scan_id)


def latest_scanned(tables: list[str], states: dict[str, Any]) -> list[str]:
    """The tables still there (not dropped), whose keys the catalogue can show."""
    return [t for t in tables if states[t].status == "scanned"]


def _table_row(
    scan_id: str, table_name: str, status: str, object_type: str | None = None
) -> dict[str, Any]:
    schema, name = astuple(TableName.parse(table_name))
    return {
        "scan_id": scan_id,
        "schema_name": schema,
        "table_name": name,
        "status": status,
        "object_type": object_type,
    }


def _with_all_columns(row: dict[str, Any]) -> dict[str, Any]:
    """A row with every optional column named: one INSERT of many rows needs one shape."""
    optional = ("fingerprint", "sampled_at", "carried_from", "scan_reason")
    optional += ("columns_scanned", "rows_sampled", "sampling")
    return dict.fromkeys(optional) | row


def _with_held_values(
    conn: Connection,
    scan_id: str,
    current: dict[ColumnKey, Any],
    held: dict[ColumnKey, Finding],
) -> dict[ColumnKey, Any]:
    """This scan's findings with the values keys hold (``links.held_values``) recorded as
    findings of their own, so that changes and reviews treat them as any other; a held
    finding carried from an earlier scan that no longer holds, or holds another, is
    replaced."""
    stale = [
        key
        for key, f in current.items()
        if is_held(f) and (key not in held or not _same_finding(f, held[key]))
    ]
    for schema, table, column in stale:
        conn.execute(
            delete(pii_scan_findings).where(
                _table_where(pii_scan_findings, scan_id, f"{schema}.{table}"),
                pii_scan_findings.c.column_name == column,
            )
        )
    new = {key: f for key, f in held.items() if key in stale or key not in current}
    if new:
        conn.execute(
            insert(pii_scan_findings), [_finding_row(scan_id, *key, f) for key, f in new.items()]
        )
    return {k: f for k, f in current.items() if k not in stale} | new


def _same_finding(recorded: Any, finding: Finding) -> bool:
    return (
        recorded.category == finding.category
        and math.isclose(recorded.confidence, finding.confidence, rel_tol=1e-6)
        and recorded.evidence == finding.evidence
    )


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
    schema, name = astuple(TableName.parse(table_name))
    return and_(t.c.scan_id == scan_id, t.c.schema_name == schema, t.c.table_name == name)


def _now() -> datetime:
    return datetime.now(UTC)


def record_report(engine: Engine, scan_id: str, *, report: str, processing_record: str) -> None:
    """Remember where the scan's report and record of processing were written, for the
    summary and the UI."""
    with engine.begin() as conn:
        conn.execute(
            update(pii_scan_runs)
            .where(pii_scan_runs.c.scan_id == scan_id)
            .values(report_path=report, processing_record=processing_record)
        )
