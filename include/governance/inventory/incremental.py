"""Incremental scans: a table unchanged since its last scan keeps that scan's findings.

A table is sampled again unless all of these hold, and its findings are carried instead:
its latest row in the scans before was scanned (a pending row of a killed scan, a failed
or a not-sampled one never is a start); that scan judged with the same policy version,
sample size and detectors (``fingerprints.detectors_version``); its findings were sampled
less than the policy's ``full_scan_every_days`` before this scan (in UTC); no full scan
was asked for; and its fingerprint (``fingerprints``), read before this scan samples
anything, is known and the same as the one recorded then. Carried findings are copied in
the database from the scan they were carried from, so the register, the changes, leaks,
reviews and the report see them as if sampled again with the same result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, String, and_, insert, literal, select

from include.governance.audit import pii_scan_findings, pii_scan_tables
from include.governance.warehouse import utc


@dataclass(frozen=True)
class ScanBasis:
    """What judges a scan's findings, and what asks for a full scan."""

    scanned_at: datetime  # the run's logical date, aware
    policy_version: str
    sample_size: int
    detectors_version: str
    full_scan_every_days: int
    full_scan: bool = False


def rescan_reason(last: Row | None, fingerprint: str | None, basis: ScanBasis) -> str | None:
    """Why the table must be sampled again; None: its last findings can be carried."""
    if basis.full_scan:
        return "full scan asked for"
    if last is None:
        return "first scan"
    if last.status != "scanned":
        return f"last scan {last.status}"
    if last.policy_version != basis.policy_version:
        return "policy changed"
    if last.sample_size != basis.sample_size:
        return "sample size changed"
    if last.detectors_version != basis.detectors_version:
        return "detectors changed"
    sampled_at = utc(last.sampled_at)
    every = timedelta(days=basis.full_scan_every_days)
    if sampled_at is None or utc(basis.scanned_at) - sampled_at >= every:
        return f"full scan every {basis.full_scan_every_days} days"
    if fingerprint is None:
        return "no change counters"
    if last.fingerprint != fingerprint:
        return "changed"
    return None


def planned_row(last: Row | None, fingerprint: str | None, basis: ScanBasis) -> dict[str, Any]:
    """A table's row of the new scan: pending with the reason to sample it, or scanned and
    carried from its last scan (its counts and fingerprint kept)."""
    reason = rescan_reason(last, fingerprint, basis)
    if reason:
        return {
            "status": "pending",
            "fingerprint": fingerprint,
            "sampled_at": basis.scanned_at,
            "scan_reason": reason,
        }
    return {
        "status": "scanned",
        "fingerprint": fingerprint,
        "sampled_at": last.sampled_at,
        "carried_from": last.scan_id,
        "columns_scanned": last.columns_scanned,
        "rows_sampled": last.rows_sampled,
        "sampling": last.sampling,
    }


def carry_findings(conn: Connection, scan_id: str) -> None:
    """Copy each carried table's findings from the scan it was carried from, in one
    ``INSERT ... SELECT``."""
    f, t = pii_scan_findings, pii_scan_tables
    copied = (
        select(
            literal(scan_id, String(250)),
            f.c.schema_name,
            f.c.table_name,
            f.c.column_name,
            f.c.category,
            f.c.confidence,
            f.c.evidence,
        )
        .select_from(f)
        .join(
            t,
            and_(
                t.c.scan_id == scan_id,
                t.c.carried_from == f.c.scan_id,
                t.c.schema_name == f.c.schema_name,
                t.c.table_name == f.c.table_name,
            ),
        )
    )
    columns = ["scan_id", "schema_name", "table_name", "column_name", "category"]
    conn.execute(insert(f).from_select([*columns, "confidence", "evidence"], copied))
