"""What the ``subject_request`` DAG's tasks call: find the person, answer an access request,
plan an erasure (a dry run), carry it out once approved, prove it and write its receipt.
Each is given the request id and reads the identifier from the warehouse; what they return
and log (Airflow keeps both) are counts, table names and the masked identifier."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from include.governance.policy import Policy
from include.governance.pseudonym import PseudonymKey
from include.governance.reports import data_docs_folder, report_url, store_report, write_report
from include.governance.subjects.access import access_package, store_package
from include.governance.subjects.erase import (
    PlanAlreadyStarted,
    forget_identifiers,
    run_erasure,
    started,
    store_plan,
    stored_plan,
)
from include.governance.subjects.erasure_plan import plan_erasure
from include.governance.subjects.find import Footprint, find_person
from include.governance.subjects.footprints import (
    forget_footprint,
    load_footprint,
    store_footprint,
)
from include.governance.subjects.places import find_places
from include.governance.subjects.receipt import render_receipt
from include.governance.subjects.requests import (
    RequestType,
    UnknownRequest,
    load_request,
    set_status,
)
from include.governance.subjects.verify import verify_erasure

__all__ = [
    "ErasureNotProven",
    "NotAnAccessRequest",
    "NotAnErasureRequest",
    "PlanAlreadyStarted",
    "UnknownRequest",
    "access",
    "erase",
    "find",
    "plan_erasure_of",
    "verify",
]

log = logging.getLogger(__name__)
NO_DATA = "no data held"


class NotAnAccessRequest(ValueError):
    """An access answer was asked for a request of another type."""


class NotAnErasureRequest(ValueError):
    """An erasure was asked for a request of another type."""


class ErasureNotProven(RuntimeError):
    """The proof found rows the erasure should have changed, or values of theirs left."""


def find(
    engine: Engine, policy: Policy, request_id: int, *, keys: Mapping[str, PseudonymKey]
) -> dict:
    """Where the person's data is: per table, how many rows and how they were found."""
    request = load_request(engine, request_id)
    footprint = find_person(engine, policy, request, keys=keys)
    store_footprint(engine, request_id, footprint)
    summary = footprint.summary()
    log.info(
        "request %d: %s by %s %s, due %s: %s",
        request_id,
        request.request_type,
        request.identifier_kind,
        request.masked,
        f"{request.due_at:%Y-%m-%d}",
        f"{sum(t['rows'] for t in summary.values())} rows in {len(summary)} tables"
        if summary
        else NO_DATA,
    )
    for table_name, entry in summary.items():
        log.info("  %s: %d rows (%s)", table_name, entry["rows"], ", ".join(entry["found_by"]))
    if not summary:
        set_status(engine, request_id, NO_DATA)
    return {"request_type": str(request.request_type), "tables": summary}


def access(
    engine: Engine, policy: Policy, request_id: int, *, keys: Mapping[str, PseudonymKey]
) -> dict:
    """Write the person's data as one package in the warehouse, for compliance to send."""
    request = load_request(engine, request_id)
    if request.request_type is not RequestType.ACCESS:
        raise NotAnAccessRequest(f"request {request_id} is an {request.request_type} request")
    files = access_package(engine, policy, request, _found(engine, policy, request, keys=keys))
    store_package(engine, request_id, files)
    set_status(engine, request_id, "answered", closed=True)
    forget_footprint(engine, request_id)
    log.info("request %d answered: %d files in governance.subject_packages", request_id, len(files))
    return {"files": sorted(files)}


def plan_erasure_of(
    engine: Engine,
    policy: Policy,
    request_id: int,
    *,
    keys: Mapping[str, PseudonymKey],
    as_of: date,
    folder: Path,
    dry_run: bool,
) -> dict:
    """Work out what the erasure does and keep it (a plan begun is carried on, not made
    anew: the person's rows may already be gone); the receipt says what it will do."""
    request = load_request(engine, request_id)
    if request.request_type is not RequestType.ERASURE:
        raise NotAnErasureRequest(f"request {request_id} is an {request.request_type} request")
    with engine.connect() as conn:
        begun = started(conn, request_id)
    if not begun:
        footprint = _found(engine, policy, request, keys=keys)
        plan = plan_erasure(engine, policy, footprint, find_places(engine, policy), as_of=as_of)
        store_plan(engine, request_id, plan)
        set_status(engine, request_id, "planned")
    forget_footprint(engine, request_id)  # the plan holds what it needs
    steps = stored_plan(engine, request_id)
    for step in steps:
        log.info(
            "  %s: %s %d rows%s (%s)",
            step["table"],
            step["action"],
            step["rows"],
            f" [{', '.join(step['columns'])}]" if step["columns"] else "",
            step["reason"],
        )
    _receipt(engine, folder, request, steps, dry_run=dry_run)
    return {
        "steps": len(steps),
        "rows": sum(s["rows"] for s in steps),
        "begun": begun,
        "report": report_url(folder),
    }


def erase(engine: Engine, request_id: int, *, batch_size: int) -> dict:
    """Carry out the kept plan, batch by batch (a re-run carries on)."""
    changed = run_erasure(engine, request_id, batch_size=batch_size)
    set_status(engine, request_id, "erased, unproven")
    log.info("request %d: %s", request_id, changed or "nothing left to change")
    return changed


def reject(engine: Engine, request_id: int) -> dict:
    """A person declined the planned erasure: the request is closed as rejected, nothing is
    changed, and the identifiers kept for the proof go (the plan stays, as its record)."""
    forget_identifiers(engine, request_id)
    forget_footprint(engine, request_id)
    set_status(engine, request_id, "rejected", closed=True)
    log.info("request %d: the erasure was rejected; nothing was changed", request_id)
    return {"status": "rejected"}


def verify(engine: Engine, policy: Policy, request_id: int, *, folder: Path) -> dict:
    """Prove the erasure with Great Expectations and write the receipt; the identifiers
    kept for the proof go once it passes."""
    request = load_request(engine, request_id)
    proof = verify_erasure(engine, policy, request_id, docs_dir=data_docs_folder(folder))
    failed = [f"{r.table}: {o}" for r in proof for o in r.failures]
    report = _receipt(
        engine, folder, request, stored_plan(engine, request_id), dry_run=False, proof=proof
    )
    if failed:
        set_status(engine, request_id, "erasure not proven")
        raise ErasureNotProven(f"{len(failed)} checks failed: {'; '.join(failed)}")
    forget_identifiers(engine, request_id)
    set_status(engine, request_id, "erased", closed=True)
    return {"checks": sum(len(r.outcomes) for r in proof), "receipt": str(report)}


def _found(
    engine: Engine, policy: Policy, request, *, keys: Mapping[str, PseudonymKey]
) -> Footprint:
    """Where the run's find task found the person; found anew when no task kept it (a
    request answered outside the DAG)."""
    kept = load_footprint(engine, request.request_id)
    return kept if kept is not None else find_person(engine, policy, request, keys=keys)


def _receipt(engine: Engine, folder: Path, request, steps, *, dry_run: bool, proof=None) -> Path:
    """The receipt on the reports' disk and in the warehouse, where the Governance page
    serves it (the approval links to it)."""
    report = write_report(
        folder,
        f"Erasure, request {request.request_id}",
        render_receipt(request, steps, dry_run=dry_run, proof=proof),
    )
    store_report(engine, folder)
    return report
