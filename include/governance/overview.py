"""What compliance reviews, read from the governance tables: the register (a filtered page
of it, see ``register_view``) and its gaps, the scans charted, recent changes,
anonymisation runs with their checks, retention runs and legal holds. Names, counts and
statuses only."""

from __future__ import annotations

from collections.abc import Mapping
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
    subject_packages,
    subject_requests,
)
from include.governance.catalog import Catalog
from include.governance.charts import SCANS, category_chart, scan_chart
from include.governance.detect.masking import mask
from include.governance.register_view import Register, RegisterFilter
from include.governance.risk_history import risk_history

RECENT = 50
GAPS = 100  # ungoverned columns listed; the register's filter shows every one


def governance_overview(
    engine: Engine,
    *,
    marketing_members: str | None = None,
    register_filter: RegisterFilter | None = None,
    sensitivity: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Every section of the Governance page; empty where a DAG has not run yet.
    ``marketing_members`` names the segments' members output (the policy's), charted with
    the analytics outputs; ``register_filter`` picks the register's page, ``sensitivity``
    (each category's, the policy's) what its sensitivity filter selects."""
    inspector = Catalog(engine)
    existing = _governance_tables(inspector)
    register = _register(engine, inspector, existing, sensitivity or {})
    register_page = register.page(register_filter or RegisterFilter()) if register else None

    def rows(table: Table, *order: Any, where: Any = None, limit: int | None = None) -> list:
        return _rows_of(engine, existing, table, *order, where=where, limit=limit)

    scans = rows(pii_scan_runs, pii_scan_runs.c.started_at.desc(), limit=SCANS)
    col = pii_columns.c
    return {
        "scan": scans[0] if scans else None,
        "scans": scans[::-1],
        "processing_record": next((s for s in scans if s.get("processing_record")), None),
        "register": register_page,
        "register_options": register.options() if register else {},
        "charts": {
            "categories": category_chart(register_page.categories) if register_page else "",
            "scans": scan_chart(scans[::-1]),
        },
        "ungoverned": rows(
            pii_columns,
            col.schema_name,
            col.table_name,
            col.column_name,
            where=~col.governed,
            limit=GAPS,
        ),
        "ungoverned_total": _count(engine, pii_columns, ~col.governed) if register else 0,
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
        "subject_requests": _subject_requests(
            engine,
            rows(subject_requests, subject_requests.c.received_at.desc(), limit=RECENT),
        ),
    }


def _subject_requests(engine: Engine, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The latest requests with the identifier masked, and the names of each one's files."""
    names: dict[int, list[str]] = {}
    if requests:
        query = select(subject_packages.c.request_id, subject_packages.c.name).where(
            subject_packages.c.request_id.in_([r["request_id"] for r in requests])
        )
        with engine.connect() as conn:
            for request_id, name in conn.execute(query.order_by(subject_packages.c.name)):
                names.setdefault(request_id, []).append(name)
    return [
        dict(r, identifier=mask(r["identifier"]), files=names.get(r["request_id"], []))
        for r in requests
    ]


def open_register(engine: Engine, *, sensitivity: Mapping[str, str]) -> Register | None:
    """The stored register (None before the first scan), for its export."""
    inspector = Catalog(engine)
    return _register(engine, inspector, _governance_tables(inspector), sensitivity)


def _register(
    engine: Engine, inspector: Catalog, existing: set[str], sensitivity: Mapping[str, str]
) -> Register | None:
    """The register if it is there, with the columns it has (a warehouse kept from before
    a column was added has it only after its next scan)."""
    if pii_columns.name not in existing:
        return None
    stored = {
        col["name"] for col in inspector.get_columns(pii_columns.name, schema=GOVERNANCE_SCHEMA)
    }
    return Register(engine, sensitivity, stored=frozenset(stored))


def _governance_tables(inspector: Catalog) -> set[str]:
    if GOVERNANCE_SCHEMA not in inspector.get_schema_names():
        return set()
    return set(inspector.get_table_names(schema=GOVERNANCE_SCHEMA))


def _rows_of(
    engine: Engine,
    existing: set[str],
    table: Table,
    *order: Any,
    where: Any = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """A governance table's rows as dicts; none when the table is not there yet."""
    if table.name not in existing:
        return []
    query = select(table).order_by(*order)
    if where is not None:
        query = query.where(where)
    if limit:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def _count(engine: Engine, table: Table, where: Any) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(where)).scalar_one()


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
