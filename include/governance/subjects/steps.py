"""What the ``subject_request`` DAG's tasks call: find the person, answer an access request.
Each is given the request id and reads the identifier from the warehouse; what they return
and log (Airflow keeps both) are counts, table names and the masked identifier."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from sqlalchemy import Engine

from include.governance.policy import Policy
from include.governance.pseudonym import PseudonymKey
from include.governance.subjects.access import access_package, store_package
from include.governance.subjects.find import find_person
from include.governance.subjects.requests import (
    RequestType,
    UnknownRequest,
    load_request,
    set_status,
)

__all__ = ["NotAnAccessRequest", "UnknownRequest", "access", "find"]

log = logging.getLogger(__name__)
NO_DATA = "no data held"


class NotAnAccessRequest(ValueError):
    """An access answer was asked for a request of another type."""


def find(
    engine: Engine, policy: Policy, request_id: int, *, keys: Mapping[str, PseudonymKey]
) -> dict:
    """Where the person's data is: per table, how many rows and how they were found."""
    request = load_request(engine, request_id)
    footprint = find_person(engine, policy, request, keys=keys)
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
    footprint = find_person(engine, policy, request, keys=keys)
    files = access_package(engine, policy, request, footprint)
    store_package(engine, request_id, files)
    set_status(engine, request_id, "answered", closed=True)
    log.info("request %d answered: %d files in governance.subject_packages", request_id, len(files))
    return {"files": sorted(files)}
