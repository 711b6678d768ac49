"""The erasure's receipt: per table and column, what was erased or cleared and what was
kept and why, the audit's counts and the proof. Names and counts only (it is a report)."""

from __future__ import annotations

from typing import Any

from include.governance.audit import CLEAR, DELETE, KEEP, REDACT, SHARED
from include.governance.quality import SuiteResult
from include.governance.reports import table
from include.governance.subjects.requests import SubjectRequest

WHAT = {
    DELETE: "erased",
    CLEAR: "kept, columns cleared",
    REDACT: "quote redacted",
    KEEP: "kept as it is",
    SHARED: "someone else's, left as it is",
}


def render_receipt(
    request: SubjectRequest,
    steps: list[dict[str, Any]],
    *,
    dry_run: bool,
    proof: list[SuiteResult] | None = None,
) -> str:
    out = [
        f"# Erasure, request {request.request_id}\n",
        f"Case {request.case_reference}: erasure by {request.identifier_kind} "
        f"`{request.masked}`, received {request.received_at:%Y-%m-%d}, due "
        f"{request.due_at:%Y-%m-%d}. "
        + ("**Dry run: nothing was changed.**" if dry_run else "")
        + "\n",
    ]
    if not steps:
        return "\n".join([*out, "No data held about them: nothing to erase.\n"])
    out += [
        "## Per table\n",
        table(
            ["table", "what", "rows", "columns", "why", "done"],
            [
                [
                    f"`{s['table']}`",
                    WHAT[s["action"]],
                    s["rows"],
                    ", ".join(f"`{c}`" for c in s["columns"])
                    or ("all" if s["action"] == DELETE else ""),
                    s["reason"],
                    s["done"],
                ]
                for s in steps
            ],
        ),
    ]
    if proof is not None:
        out += [
            "## Proof\n",
            table(
                ["table", "check", "result"],
                [
                    [f"`{r.table}`", str(o), "passed" if o.success else "FAILED"]
                    for r in proof
                    for o in r.outcomes
                ],
            ),
        ]
    return "\n".join(out)
