"""The answer to an access request (art. 15): the person's rows, one JSON file per table,
and a summary of what is held, why, for how long and who receives it, from the policy.
Kept in ``governance.subject_packages`` for compliance to download, never on the reports'
disk or in a log."""

from __future__ import annotations

import base64
import json
import zlib
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, or_, select

from include.governance.audit import ensure_governance_tables, subject_packages
from include.governance.policy import Policy
from include.governance.reports import html_page, table
from include.governance.subjects.find import Footprint, Found, named_rows, typed_table
from include.governance.subjects.requests import SubjectRequest

SUMMARY = "summary"


def access_package(
    engine: Engine, policy: Policy, request: SubjectRequest, footprint: Footprint
) -> dict[str, bytes]:
    """File name: content. Every row the footprint found, as the warehouse holds it."""
    files: dict[str, bytes] = {}
    with engine.connect() as conn:
        for name, found in sorted(footprint.tables.items()):
            rows = _rows(conn, found)
            if rows:
                files[f"{name}.json"] = json.dumps(
                    rows, default=_json_value, ensure_ascii=False, indent=1
                ).encode()
    markdown = _summary(policy, request, footprint)
    files[f"{SUMMARY}.md"] = markdown.encode()
    files[f"{SUMMARY}.html"] = html_page("Your personal data", markdown).encode()
    return files


def store_package(engine: Engine, request_id: int, files: dict[str, bytes]) -> None:
    """Replace the request's package (a re-run writes it anew, never a second copy)."""
    ensure_governance_tables(engine)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(delete(subject_packages).where(subject_packages.c.request_id == request_id))
        conn.execute(
            insert(subject_packages),
            [
                {
                    "request_id": request_id,
                    "name": n,
                    "content": zlib.compress(c),
                    "written_at": now,
                }
                for n, c in files.items()
            ],
        )


def package_file(engine: Engine, request_id: int, name: str) -> bytes | None:
    with engine.connect() as conn:
        content = conn.execute(
            select(subject_packages.c.content).where(
                subject_packages.c.request_id == request_id, subject_packages.c.name == name
            )
        ).scalar()
    return None if content is None else zlib.decompress(content)


def _rows(conn: Connection, found: Found) -> list[dict[str, Any]]:
    table = typed_table(conn, found.table)
    if found.pseudonyms:
        condition = or_(*(table.c[c].in_(sorted(p)) for c, p in found.pseudonyms.items()))
        return [dict(r._mapping) for r in conn.execute(select(table).where(condition))]
    if not found.key:
        return []  # counted only: a table without a key (its rows are listed by count)
    rows = []
    for named in named_rows(table, found):
        rows += [dict(r._mapping) for r in conn.execute(select(table).where(named))]
    return rows


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return str(value)


def _summary(policy: Policy, request: SubjectRequest, footprint: Footprint) -> str:
    held = footprint.summary()
    categories = sorted(
        {
            c.category
            for name in held
            if name in policy.tables
            for c in policy.tables[name].columns.values()
            if c.category
        }
    )
    activities = policy.processing.activities if policy.processing else {}
    out = [
        f"# Your personal data held by {policy.organisation}\n",
        f"Access request {request.request_id} (case {request.case_reference}), received "
        f"{request.received_at:%Y-%m-%d}, answered {datetime.now(UTC):%Y-%m-%d} (due "
        f"{request.due_at:%Y-%m-%d}).\n",
    ]
    if not held:
        return "\n".join([*out, "We hold no data about you.\n"])
    out += [
        "## Where it is held\n",
        "Each table's rows are in the file of its name beside this summary.\n",
        table(
            ["table", "what it is", "rows", "kept for"],
            [
                [
                    f"`{name}`",
                    policy.tables[name].description if name in policy.tables else "",
                    entry["rows"],
                    _kept_for(policy, name),
                ]
                for name, entry in held.items()
            ],
        ),
        "## What it is, and why we hold it\n",
        table(
            ["kind of data", "description", "purposes"],
            [
                [
                    name,
                    policy.categories[name].description,
                    "; ".join(policy.purposes[p] for p in policy.categories[name].purposes),
                ]
                for name in categories
                if name in policy.categories
            ],
        ),
        "## Who receives it\n",
        table(
            ["purpose", "recipients"],
            [
                [policy.purposes[p], ", ".join(a.recipients)]
                for p, a in activities.items()
                if a.recipients
            ],
        ),
    ]
    return "\n".join(out)


def _kept_for(policy: Policy, table_name: str) -> str:
    for rule in policy.retention.values():
        if table_name == rule.table or table_name in {c.table for c in rule.children}:
            return f"{rule.keep_for}: {rule.description}"
    return "no period set in the policy"
