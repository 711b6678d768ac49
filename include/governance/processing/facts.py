"""What the warehouse adds to the policy in the record of processing: where the inventory
found each category, each output's latest re-identification risk, the legal holds in
force, and the scan it is from. Names and counts only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from include.governance.audit import (
    GOVERNANCE_SCHEMA,
    anonymise_outputs,
    anonymise_runs,
    legal_holds,
    pii_columns,
    pii_scan_runs,
    segment_runs,
)
from include.governance.catalog import Catalog
from include.governance.risk_history import risk_history

_RUN_TABLES = {anonymise_outputs.name, anonymise_runs.name, segment_runs.name}


@dataclass(frozen=True)
class WarehouseFacts:
    scan_id: str | None = None
    scanned_at: datetime | None = None
    # category: table: its columns holding it, as the register has them
    found: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    ungoverned: dict[str, list[str]] = field(default_factory=dict)  # table: columns
    risk: list[dict[str, Any]] = field(default_factory=list)  # risk_history's entries
    legal_holds: int = 0


def warehouse_facts(
    engine: Engine, *, scan_id: str | None, marketing_members: str | None
) -> WarehouseFacts:
    """The facts as the governance tables hold them now; empty where nothing ran yet."""
    catalog = Catalog(engine)
    if GOVERNANCE_SCHEMA not in catalog.get_schema_names():
        return WarehouseFacts()
    existing = set(catalog.get_table_names(schema=GOVERNANCE_SCHEMA))
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    ungoverned: dict[str, list[str]] = defaultdict(list)
    scanned_at = None
    with engine.connect() as conn:
        if pii_columns.name in existing:
            c = pii_columns.c
            rows = conn.execute(
                select(c.schema_name, c.table_name, c.column_name, c.category, c.governed)
                .where(c.category.is_not(None))
                .order_by(c.schema_name, c.table_name, c.column_name)
            )
            for schema, table, column, category, governed in rows:
                found[category][f"{schema}.{table}"].append(column)
                if not governed:
                    ungoverned[f"{schema}.{table}"].append(column)
        if scan_id and pii_scan_runs.name in existing:
            scanned_at = conn.execute(
                select(pii_scan_runs.c.scanned_at).where(pii_scan_runs.c.scan_id == scan_id)
            ).scalar()
        holds = (
            conn.execute(
                select(func.count())
                .select_from(legal_holds)
                .where(legal_holds.c.released_at.is_(None))
            ).scalar_one()
            if legal_holds.name in existing
            else 0
        )
    return WarehouseFacts(
        scan_id=scan_id,
        scanned_at=scanned_at,
        found={category: dict(tables) for category, tables in found.items()},
        ungoverned=dict(ungoverned),
        risk=risk_history(engine, marketing_members) if existing >= _RUN_TABLES else [],
        legal_holds=holds,
    )
