"""A register at warehouse scale, written straight into ``governance.pii_columns`` (and
``pii_scan_runs``) through the audit tables: the page's and the export's tests need
thousands of findings, which a scan of the demo (13 tables) never makes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert

from include.governance.audit import ensure_governance_tables, pii_columns, pii_scan_runs
from include.governance.detect.masking import mask

# A few of the demo policy's categories of every sensitivity, in the proportions a
# retail warehouse might hold them.
CATEGORIES = ("email", "name", "phone", "postal_address", "national_id", "health", "device")
EXAMPLES = {"email": "kari.nordmann@example.no", "phone": "+47 912 34 567", "name": "Kari"}
LAST_SCAN = datetime(2026, 11, 24, tzinfo=UTC)


def fill_register(
    engine: Engine, *, schemas: int = 10, tables: int = 100, columns: int = 4, scans: int = 8
) -> list[dict[str, Any]]:
    """``schemas`` x ``tables`` x ``columns`` register rows (4,000 by default) and
    ``scans`` scan runs a day apart; returns the rows, for tests to filter by hand. Every
    third table is governed (one of its columns not), every fifth column confirmed, and
    examples are masked as the scanner masks them."""
    ensure_governance_tables(engine)
    rows = []
    for s in range(schemas):
        for t in range(tables):
            for c in range(columns):
                n = len(rows)
                rows.append(
                    register_row(
                        f"shop_{s:02d}",
                        f"table_{t:03d}",
                        CATEGORIES[(s + t + c) % len(CATEGORIES)],
                        number=c,
                        confidence=round(0.5 + (n % 50) / 100, 2),
                        governed=t % 3 == 0 and c != columns - 1,
                        confirmed=True if n % 5 == 0 else None,
                        scans=scans,
                    )
                )
    runs = [
        {
            "scan_id": f"scan-{i}",
            "scanned_at": LAST_SCAN - timedelta(days=scans - i),
            "started_at": LAST_SCAN - timedelta(days=scans - i),
            "policy_version": "0123456789ab",
            "sample_size": 1000,
            "schemas": [f"shop_{s:02d}" for s in range(schemas)],
            "tables_found": schemas * tables,
            "tables_scanned": schemas * tables,
            "columns_scanned": schemas * tables * (columns + 2),
            "findings": len(rows) - 40 * (scans - i),
            "ungoverned": sum(not r["governed"] for r in rows) - 50 * i,
            "changes": 40,
            "status": "succeeded",
        }
        for i in range(1, scans + 1)
    ]
    with engine.begin() as conn:
        conn.execute(insert(pii_columns), rows)
        if runs:
            conn.execute(insert(pii_scan_runs), runs)
    return rows


def register_row(
    schema: str,
    table: str,
    category: str,
    *,
    number: int = 0,
    confidence: float = 0.9,
    governed: bool = False,
    confirmed: bool | None = None,
    scans: int = 1,
) -> dict[str, Any]:
    """One register row as a scan writes it: column ``<category>_<number>``, evidence with
    a masked example where the category has one."""
    example = EXAMPLES.get(category)
    return {
        "schema_name": schema,
        "table_name": table,
        "column_name": f"{category}_{number}",
        "category": category,
        "confidence": confidence,
        "evidence": {
            "sampled": 1000,
            "column_name": {"how": "exact", "matched": category},
            **({"examples": [mask(example)]} if example else {}),
        },
        "governed": governed,
        "policy_category": category if governed else None,
        "first_seen": LAST_SCAN - timedelta(days=scans),
        "last_seen": LAST_SCAN,
        "last_scan_id": f"scan-{scans}",
        "confirmed": confirmed,
    }
