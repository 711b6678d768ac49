"""The retention run's report: the plan, what was held and why, what went, and the proof."""

from __future__ import annotations

from typing import Any

from include.governance.policy import Policy
from include.governance.reports import table
from include.governance.retention.plan import LEGAL_HOLD, RetentionPlan

TIME_TRAVEL_NOTE = (
    "Deleting rows here does not reach copies the platform keeps by itself. On a warehouse "
    "with time travel or snapshots (Snowflake Time Travel and Fail-safe, BigQuery time "
    "travel and table snapshots, Delta Lake or Iceberg table history, PostgreSQL base "
    "backups and WAL archives, replicas' delayed copies), set the retention of those copies "
    "short enough, or expire them after this run (VACUUM on Delta, expire_snapshots on "
    "Iceberg), and document how long backups keep deleted order history."
)


def render_retention_report(
    run_id: str,
    policy: Policy,
    plan: RetentionPlan,
    *,
    dry_run: bool,
    execution: dict[str, Any] | None,
    checks: list[Any] | None,
    reclaimed: list[str] | None,
    docs_index: str | None,
    continued: dict[str, dict[str, int]] | None = None,
) -> str:
    rule = policy.retention[plan.rule]
    out = [
        f"# Retention: {plan.rule}, run {run_id}\n",
        f"{rule.description}\n",
        table(
            ["table", "logical date", "cutoff (UTC)", "kept for", "policy version", "mode"],
            [
                [
                    f"`{plan.table}`",
                    plan.logical_date,
                    f"{plan.cutoff:%Y-%m-%d %H:%M}",
                    str(rule.keep_for),
                    plan.policy_version,
                    "dry run: nothing deleted" if dry_run else "deleting",
                ]
            ],
        ),
        "## Plan\n",
        f"{plan.expired} of {plan.total_rows} rows of `{plan.table}` are older than the cutoff; "
        f"{plan.held_total} of them are held, {plan.to_delete} go ({plan.share:.2%} of the "
        f"table; one run may delete at most {plan.max_share:.2%}).\n",
        table(
            ["table", "rows to delete"],
            [[f"`{plan.table}`", plan.to_delete]]
            + [[f"`{t}`", n] for t, n in plan.children.items()],
        ),
        "### Held, and why\n",
        table(["hold", "reason", "expired rows kept"], _holds(rule, plan)),
    ]
    if plan.clear:
        out += [
            "### Columns kept for a shorter period\n",
            table(["columns", "rows to clear"], [[f"`{c}`", n] for c, n in plan.clear.items()]),
        ]
    if plan.warnings:
        out += ["### Warnings\n", "\n".join(f"- {w}" for w in plan.warnings) + "\n"]
    if execution:
        out += [
            "## Deleted\n",
            table(["table", "rows"], [[f"`{t}`", n] for t, n in execution["rows"].items()]),
            f"{execution['batches']} batches in {execution['seconds']} s "
            f"({execution['rows_per_second']:,} rows/s); the longest batch took "
            f"{execution['longest_batch_seconds']} s. Every batch wrote its audit rows to "
            "`governance.retention_audit` in its own transaction, and the deleted rows' keys "
            "to `governance.retention_deleted_keys`; no copy of a deleted row was kept.\n",
        ]
        if any(execution.get("orphans", {}).values()):
            out += [
                "### Orphans swept\n",
                "Rows whose order was already gone (an earlier delete, a load without foreign "
                "keys) were deleted too:\n",
                table(["table", "rows"], [[f"`{t}`", n] for t, n in execution["orphans"].items()]),
            ]
    if continued:
        totals = dict(execution["rows"]) if execution else {}
        for rows_of_run in continued.values():
            for table_name, n in rows_of_run.items():
                totals[table_name] = totals.get(table_name, 0) + n
        out += [
            "### Work of interrupted runs\n",
            "This run finished the work of runs that stopped while deleting (a killed worker); "
            "their committed batches deleted:\n",
            table(
                ["run", "table", "rows"],
                [
                    [f"`{run}`", f"`{t}`", n]
                    for run, rows in continued.items()
                    for t, n in rows.items()
                ],
            ),
            "In all, for this cutoff:\n",
            table(["table", "rows"], [[f"`{t}`", n] for t, n in totals.items()]),
        ]
    if checks:
        rows = [[r.suite, str(o)] for r in checks for o in r.outcomes]
        out += ["## Verification (Great Expectations)\n", table(["suite", "expectation"], rows)]
        if docs_index:
            out.append(f"Data Docs: `{docs_index}`\n")
    if reclaimed is not None:
        out += [
            "## Physically gone\n",
            (
                "Ran " + ", ".join(f"`{s}`" for s in reclaimed) + ": deleted rows no longer "
                "linger as dead tuples or free pages.\n"
            )
            if reclaimed
            else "This warehouse reuses freed space on its own (InnoDB); no VACUUM was run.\n",
        ]
    out += ["## Copies outside the tables\n", TIME_TRAVEL_NOTE + "\n"]
    return "\n".join(out)


def _holds(rule: Any, plan: RetentionPlan) -> list[list[Any]]:
    reasons = {h.name: h.description for h in rule.holds}
    reasons[LEGAL_HOLD] = "An unreleased hold in governance.legal_holds (compliance)."
    return [[name, reasons[name], n] for name, n in plan.held.items()]
