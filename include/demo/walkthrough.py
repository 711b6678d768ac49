"""``make demo``: run every governance DAG end to end, in order, then say what happened.

Each DAG runs in-process with ``airflow dags test`` for the given logical date; its full
log goes to ``var/logs/demo/``, and the terminal gets one line per run and a summary read
from the governance tables (counts and names only). A DAG that is not in ``dags/`` yet is
skipped, so the demo grows with the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, func, select

from include.governance.audit import pii_changes, pii_columns, pii_scan_runs, retention_runs
from include.governance.paths import project_root

# (DAG id, conf) in the order a night's work runs.
# The demo's backlog holds about 19% of orders past ten years: the real run allows that once.
# The anonymisation runs again after it, incrementally: the deleted orders leave analytics.
RUNS: list[tuple[str, dict]] = [
    ("pii_inventory", {}),
    ("anonymise_analytics", {}),
    ("order_history_retention", {"dry_run": True}),
    ("order_history_retention", {"dry_run": False, "max_delete_share": 0.3}),
    ("anonymise_analytics", {}),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-date", required=True, help="logical date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    log_dir = project_root() / "var" / "logs" / "demo"
    log_dir.mkdir(parents=True, exist_ok=True)
    dags = project_root() / "dags"
    for step, (dag_id, conf) in enumerate(RUNS, start=1):
        if not (dags / f"{dag_id}.py").exists():
            print(f"  {dag_id}: not built yet, skipped")
            continue
        if not run_dag(dag_id, args.run_date, conf, log_dir / f"{step}-{dag_id}.log"):
            return 1
    from include.airflow_support import warehouse_engine

    if not subject_requests(warehouse_engine(), args.run_date, log_dir, first=len(RUNS) + 1):
        return 1
    print()
    print(summary(warehouse_engine()))
    return 0


def subject_requests(engine: Engine, run_date: str, log_dir: Path, *, first: int) -> bool:
    """An access request and an erasure for seeded customers: recorded, then run by id (the
    erasure as a dry run, then approved through the REST API as a person would)."""
    from include.demo.requests import record_demo_requests, run_approved

    access, erasure = record_demo_requests(engine)
    runs = [
        ({"request_id": access}, None),
        ({"request_id": erasure}, None),
        ({"request_id": erasure, "dry_run": False}, run_approved),
    ]
    for step, (conf, runner) in enumerate(runs, start=first):
        log_file = log_dir / f"{step}-subject_request.log"
        if not run_dag("subject_request", run_date, conf, log_file, runner=runner):
            return False
    return True


def run_dag(
    dag_id: str,
    run_date: str,
    conf: dict,
    log_file: Path,
    *,
    runner: Callable[[list[str], Path], bool] | None = None,
) -> bool:
    """``airflow dags test``; True when the run succeeded. The log is kept in ``log_file``.
    ``runner`` runs the command instead (one that answers the run's approval)."""
    command = ["airflow", "dags", "test", dag_id, run_date, "--conf", json.dumps(conf)]
    started = time.monotonic()
    if runner:
        succeeded = runner(command, log_file)
    else:
        with log_file.open("w") as out:
            done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False)
        succeeded = done.returncode == 0
    seconds = time.monotonic() - started
    state = "succeeded" if succeeded else "FAILED"
    label = f"{dag_id} {json.dumps(conf)}" if conf else dag_id
    approved = ", approved through the API" if runner else ""
    print(
        f"  {label}: {state}{approved} in {seconds:.0f} s "
        f"(log: {log_file.relative_to(project_root())})"
    )
    if not succeeded:
        print("".join(log_file.read_text().splitlines(keepends=True)[-40:]), file=sys.stderr)
    return succeeded


def summary(engine: Engine) -> str:
    """What the runs found, built and deleted, from the governance tables."""
    lines = ["Summary"]
    with engine.connect() as conn:
        scan = conn.execute(
            select(pii_scan_runs).order_by(pii_scan_runs.c.started_at.desc()).limit(1)
        ).first()
        if scan:
            ungoverned = conn.execute(
                select(func.count()).select_from(pii_columns).where(~pii_columns.c.governed)
            ).scalar()
            changes = conn.execute(
                select(pii_changes.c.change, func.count())
                .where(pii_changes.c.scan_id == scan.scan_id)
                .group_by(pii_changes.c.change)
            ).all()
            by_kind = ", ".join(f"{n} {kind}" for kind, n in changes) or "none"
            lines += [
                f"  Inventory: {scan.tables_scanned} tables, {scan.columns_scanned} columns "
                f"scanned; {scan.findings} hold personal data, {ungoverned} not governed by "
                f"policy.yml; changes since the last scan: {by_kind}",
                f"    register: governance.pii_columns; report: {scan.report_path}",
            ]
    lines += _retention_summary(engine)
    lines += _anonymise_summary(engine)
    lines += _requests_summary(engine)
    return "\n".join(lines)


def _requests_summary(engine: Engine) -> list[str]:
    from include.governance.audit import subject_requests
    from include.governance.detect.masking import mask

    with engine.connect() as conn:
        requests = conn.execute(
            select(subject_requests).order_by(subject_requests.c.request_id)
        ).all()
    return [
        f"  Subject request {r.request_id} ({r.case_reference}): {r.request_type} by "
        f"{r.identifier_kind} {mask(r.identifier)}, {r.status}"
        for r in requests
    ]


def _retention_summary(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        runs = conn.execute(
            select(retention_runs).order_by(retention_runs.c.started_at.desc()).limit(2)
        ).all()
    lines = []
    for run in reversed(runs):
        plan = run.plan
        if run.dry_run:
            what = f"dry run: {plan['to_delete']} orders would go, {plan['held_total']} held"
        else:
            rows = run.deleted or {}
            orders = rows.get(plan["table"], 0)
            what = f"{run.status}: {sum(rows.values())} rows deleted ({orders} orders)"
        lines += [
            f"  Retention (cutoff {run.cutoff:%Y-%m-%d}), {what}",
            f"    audit: governance.retention_audit; report: {run.report_path}",
        ]
    return lines


def _anonymise_summary(engine: Engine) -> list[str]:
    from include.governance.anonymise.report import describe_build
    from include.governance.audit import anonymise_outputs, anonymise_runs, segment_runs

    with engine.connect() as conn:
        run = conn.execute(
            select(anonymise_runs).order_by(anonymise_runs.c.started_at.desc()).limit(1)
        ).first()
        if not run:
            return []
        outputs = conn.execute(
            select(anonymise_outputs).where(anonymise_outputs.c.run_id == run.run_id)
        ).all()
        segments = conn.execute(
            select(segment_runs).where(segment_runs.c.run_id == run.run_id)
        ).first()
    lines = [f"  Anonymisation {run.status} (the latest run):"]
    lines += [
        f"    {o.output}: {o.output_rows} rows, {o.method}"
        + (f", {describe_build(o._mapping)}" if o.build else "")
        for o in outputs
    ]
    lines += [
        f"    {sum(o.checks or 0 for o in outputs)} Great Expectations checks; "
        f"report: {run.report_path}",
    ]
    if segments:
        lines.append(
            f"  Marketing segments: {segments.segments} segments of {segments.consenting} "
            f"consenting customers, k = {segments.k} (smallest {segments.k_achieved}, "
            f"average {segments.average_size}), {segments.suppressed} suppressed"
        )
    return lines


if __name__ == "__main__":
    sys.exit(main())
