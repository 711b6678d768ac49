"""A whole scan as the inventory DAG runs it (start, each table, finish), for tests that
need a register to work on."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from include.governance.inventory.discovery import ScanScope
from include.governance.inventory.scan import ScanSummary, scan_warehouse
from include.governance.policy import Policy


def run_scan(
    engine: Engine,
    policy: Policy,
    scan_id: str,
    *,
    day: int = 24,
    scanned_at: datetime | None = None,
    full_scan: bool = False,
    **scope,
) -> ScanSummary:
    """Scan every table in scope on 2026-11-``day`` (or at ``scanned_at``) with 1,000
    values a column; only the tables changed since their last scan, unless ``full_scan``."""
    return scan_warehouse(
        engine,
        policy,
        scan_id,
        scanned_at=scanned_at or datetime(2026, 11, day, tzinfo=UTC),
        scope=ScanScope(**scope),
        sample_size=1000,
        full_scan=full_scan,
    )
