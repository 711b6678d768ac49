"""What the inventory DAG's tasks call, one function a task: start, scan a batch, finish.

The failure policy lives here, so that it is tested without Airflow: a table that cannot be
scanned does not stop the others of its batch (the batch fails at its end, naming each
table and its error class); a table with a column that could not be read (timed out) is
recorded as not sampled, and its batch goes on; the run fails when any table failed or was
not sampled, and, when asked to, when personal data is held that no rule in the policy
governs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from include.governance.inventory import discovery
from include.governance.inventory.discovery import ScanScope, plan_batches
from include.governance.inventory.report import render_inventory_report
from include.governance.inventory.scan import (
    ScanSummary,
    finish_scan,
    record_report,
    scan_table,
    start_scan,
)
from include.governance.policy import Policy
from include.governance.processing.write import write_processing_record
from include.governance.reports import store_report, write_report
from include.governance.warehouse import describe_error

log = logging.getLogger(__name__)


class ScanFailed(RuntimeError):
    """Tables could not be scanned; names them and their error classes, never values."""


class UngovernedData(RuntimeError):
    """Personal data was found that no rule in the policy governs (when that fails a run)."""


class LeakFound(RuntimeError):
    """An output schema holds personal data where the policy puts none (when that fails a
    run); names the columns, never values."""


def start(
    engine: Engine,
    policy: Policy,
    run_id: str,
    *,
    scanned_at: datetime,
    include_schemas: Sequence[str] = (),
    exclude_schemas: Sequence[str] = (),
    sample_size: int,
    tables_per_task: int | None,
    task_slots: int = 1,
    max_tasks: int,
    full_scan: bool = False,
) -> list[list[str]]:
    """Record the scan and list the tables to sample (all in scope when ``full_scan``; else
    those changed since their last scan), grouped for the scan tasks: ``tables_per_task``
    a task, or when None as many as ``task_slots`` (how many scan tasks can run at once)
    make worth it."""
    scope = ScanScope(tuple(include_schemas), tuple(exclude_schemas))
    tables = start_scan(
        engine,
        policy,
        run_id,
        scanned_at=scanned_at,
        scope=scope,
        sample_size=sample_size,
        full_scan=full_scan,
    )
    per_task = tables_per_task or discovery.tables_per_task(len(tables), slots=task_slots)
    batches = plan_batches(tables, per_task, max_tasks)
    log.info(
        "policy %s: %d tables to scan in %d tasks%s",
        policy.version,
        len(tables),
        len(batches),
        " (full scan)" if full_scan else "; the others are unchanged since their last scan",
    )
    return batches


def scan_batch(
    engine: Engine, policy: Policy, run_id: str, tables: list[str], *, sample_size: int
) -> int:
    """Sample and classify each table of the batch; the personal-data columns found.
    A failing table is recorded and the rest still scanned; then the batch fails."""
    found, failed = 0, []
    for table in tables:
        try:
            result = scan_table(engine, policy, run_id, table, sample_size=sample_size)
        except Exception as exc:  # recorded; the others in the batch still get scanned
            failed.append(f"{table}: {describe_error(exc)}")
            continue
        found += result["personal_data_columns"]
        if result["not_sampled"]:  # recorded; a retry would time out again
            log.warning("%s: columns not sampled: %s", table, _reasons(result["not_sampled"]))
        log.info(
            "%s: %d of %d columns hold personal data (%d rows sampled)",
            table,
            result["personal_data_columns"],
            result["columns"],
            result["rows_sampled"],
        )
    if failed:  # error classes only: a database's message can quote the values
        raise ScanFailed(f"could not scan {'; '.join(failed)}")
    return found


def finish(
    engine: Engine,
    policy: Policy,
    run_id: str,
    *,
    folder: Path,
    fail_on_ungoverned: bool,
    fail_on_leaks: bool = False,
) -> dict:
    """Record changes, update the register, write the report; fail on failed tables (and on
    ungoverned personal data when ``fail_on_ungoverned``, on leaks when ``fail_on_leaks``)."""
    summary = finish_scan(engine, policy, run_id)
    report = write_report(
        folder,
        f"Personal-data inventory {run_id}",
        render_inventory_report(engine, policy, summary),
    )
    record = write_processing_record(engine, policy, run_id, folder=folder)
    store_report(engine, folder)
    record_report(engine, run_id, report=str(report), processing_record=str(record))
    _log_summary(summary, report)
    if summary.tables_failed:
        raise ScanFailed(f"tables that could not be scanned: {summary.tables_failed}")
    if summary.not_sampled:
        raise ScanFailed(
            "tables with columns that could not be sampled: "
            + "; ".join(f"{t}: {_reasons(c)}" for t, c in summary.not_sampled.items())
        )
    if summary.leaks and fail_on_leaks:
        columns = ", ".join(leak["column"] for leak in summary.leaks)
        raise LeakFound(f"{len(summary.leaks)} leak{'s' * (len(summary.leaks) > 1)}: {columns}")
    if summary.ungoverned and fail_on_ungoverned:
        raise UngovernedData(f"{len(summary.ungoverned)} ungoverned personal-data columns")
    return {
        "personal_data_columns": summary.findings,
        "ungoverned": [u["column"] for u in summary.ungoverned],
        "leaks": [leak["column"] for leak in summary.leaks],
        "changes": len(summary.changes),
        "disagreements": len(summary.disagreements),
        "report": str(report),
    }


def _reasons(columns: dict[str, str]) -> str:
    return ", ".join(f"{column} ({reason})" for column, reason in columns.items())


def _log_summary(summary: ScanSummary, report: Path) -> None:
    log.info(
        "%d tables scanned (%d sampled, %d unchanged: findings carried), %d columns, "
        "%d hold personal data; %d changes; report: %s",
        summary.tables_scanned,
        summary.tables_rescanned,
        summary.tables_carried,
        summary.columns_scanned,
        summary.findings,
        len(summary.changes),
        report,
    )
    for change in summary.changes:
        log.info(
            "change: %s.%s.%s %s (%s -> %s)",
            change["schema_name"],
            change["table_name"],
            change["column_name"],
            change["change"],
            change["old_category"],
            change["new_category"],
        )
    if summary.ungoverned:
        log.warning(
            "%d columns hold personal data that no rule in policy.yml governs:\n%s",
            len(summary.ungoverned),
            "\n".join(
                f"  {u['column']} ({u['category']}, {u['confidence']})" for u in summary.ungoverned
            ),
        )
    if summary.leaks:
        log.warning(
            "LEAK: %d columns of output schemas hold personal data the policy puts nowhere "
            "there:\n%s",
            len(summary.leaks),
            "\n".join(f"  {k['column']} ({k['category']}): {k['reason']}" for k in summary.leaks),
        )
    for d in summary.disagreements:  # names and categories: the decision stands
        log.warning(
            "%s: the scan disagrees with the decision to %s it (%s; decided %s, found %s)",
            d["column"],
            d["decision"],
            d["kind"],
            d["decided"],
            d["found"],
        )
    if summary.stale_policy:
        log.warning("policy.yml governs what the warehouse lacks: %s", summary.stale_policy)
