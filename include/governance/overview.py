"""What compliance reviews, read from the governance tables: the register and its gaps,
recent changes, anonymisation runs with their checks, retention runs and legal holds.
Names, counts and statuses only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Table, func, select

from include.governance.audit import (
    GOVERNANCE_SCHEMA,
    anonymise_outputs,
    anonymise_runs,
    legal_holds,
    pii_changes,
    pii_columns,
    pii_scan_runs,
    retention_audit,
    retention_runs,
    segment_runs,
)
from include.governance.catalog import Catalog
from include.governance.risk_history import risk_history

RECENT = 50


def governance_overview(engine: Engine, *, marketing_members: str | None = None) -> dict[str, Any]:
    """Every section of the Governance page; empty where a DAG has not run yet.
    ``marketing_members`` names the segments' members output (the policy's), charted with
    the analytics outputs."""
    inspector = Catalog(engine)
    existing = (
        set(inspector.get_table_names(schema=GOVERNANCE_SCHEMA))
        if GOVERNANCE_SCHEMA in inspector.get_schema_names()
        else set()
    )

    def rows(table: Table, *order: Any, where: Any = None, limit: int | None = None) -> list:
        if table.name not in existing:
            return []
        query = select(table).order_by(*order)
        if where is not None:
            query = query.where(where)
        if limit:
            query = query.limit(limit)
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    register = rows(
        pii_columns, pii_columns.c.schema_name, pii_columns.c.table_name, pii_columns.c.column_name
    )
    return {
        "scan": next(iter(rows(pii_scan_runs, pii_scan_runs.c.started_at.desc(), limit=1)), None),
        "register": register,
        "ungoverned": [r for r in register if not r["governed"]],
        "changes": rows(pii_changes, pii_changes.c.detected_at.desc(), limit=RECENT),
        "retention_runs": [
            dict(
                run,
                checks_passed=sum(c["success"] for c in run["checks"] or []),
                checks_failed=sum(not c["success"] for c in run["checks"] or []),
            )
            for run in rows(retention_runs, retention_runs.c.started_at.desc(), limit=RECENT)
        ],
        "retention_totals": retention_totals(engine) if "retention_audit" in existing else [],
        "anonymise_runs": [
            dict(
                run,
                outputs=rows(
                    anonymise_outputs,
                    anonymise_outputs.c.output,
                    where=anonymise_outputs.c.run_id == run["run_id"],
                ),
                segments=next(
                    iter(
                        rows(
                            segment_runs,
                            segment_runs.c.run_id,
                            where=segment_runs.c.run_id == run["run_id"],
                        )
                    ),
                    None,
                ),
            )
            for run in rows(anonymise_runs, anonymise_runs.c.started_at.desc(), limit=10)
        ],
        "risk": risk_history(engine, marketing_members)
        if {"anonymise_outputs", "anonymise_runs", "segment_runs"} <= existing
        else [],
        "legal_holds": rows(
            legal_holds, legal_holds.c.placed_at.desc(), where=legal_holds.c.released_at.is_(None)
        ),
    }


def retention_totals(engine: Engine) -> list[dict[str, Any]]:
    """Rows deleted per rule's cutoff and table, from the audit: the true totals, however
    many runs (killed, re-run, continued) it took."""
    audit = retention_audit
    query = (
        select(
            audit.c.cutoff,
            audit.c.table_name,
            func.coalesce(audit.c.action, "deleted").label("action"),
            func.sum(audit.c.rows_deleted).label("rows"),
            func.count(func.distinct(audit.c.run_id)).label("runs"),
        )
        .group_by(audit.c.cutoff, audit.c.table_name, func.coalesce(audit.c.action, "deleted"))
        .order_by(audit.c.cutoff.desc(), audit.c.table_name)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
