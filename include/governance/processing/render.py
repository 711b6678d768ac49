"""The record of processing as Markdown: one section per thing art. 30(1) asks for, from
the policy (purposes, people, legal bases, recipients, categories, retention, measures)
and the warehouse's facts (where the inventory found each category, k, holds), with what
is missing from either said as a gap rather than left out."""

from __future__ import annotations

from datetime import datetime

from include.governance.marketing.kanonymity import DIMENSIONS
from include.governance.policy import Policy
from include.governance.processing.facts import WarehouseFacts
from include.governance.reports import table

NOT_STATED = "not stated in the policy"


def render_record(policy: Policy, facts: WarehouseFacts, *, generated_at: datetime) -> str:
    scan = (
        f"the inventory scan `{facts.scan_id}` of {facts.scanned_at:%Y-%m-%d}"
        if facts.scan_id and facts.scanned_at
        else "no inventory scan yet"
    )
    contact = policy.processing.contact if policy.processing else None
    return "\n".join(
        [
            f"# Record of processing activities: {policy.organisation}\n",
            "GDPR art. 30(1), generated from `policy.yml` (version "
            f"`{policy.version}`) and {scan}, {generated_at:%Y-%m-%d %H:%M} UTC.\n",
            table(
                ["controller", "contact"],
                [[policy.organisation, contact or f"{NOT_STATED} (art. 30(1)(a))"]],
            ),
            "## Purposes and the people they concern\n",
            table(
                [
                    "purpose",
                    "description",
                    "people",
                    "categories of data",
                    "legal basis",
                    "recipients",
                    "transfers outside the EEA",
                ],
                _purposes(policy),
            ),
            "## Categories of personal data and where they are held\n",
            "Tables the policy governs, and tables where the inventory found the category "
            "(marked *found*, with the columns, when the policy does not list them there).\n",
            table(
                ["category", "group", "sensitivity", "purposes", "held in"],
                _categories(policy, facts),
            ),
            "## Retention\n",
            table(["table", "kept for", "rule", "held back by"], _retention(policy)),
            "## Technical and organisational measures\n",
            *_measures(policy, facts),
            "## Gaps\n",
            "\n".join(_gaps(policy, facts) or ["None found."]) + "\n",
        ]
    )


def _purposes(policy: Policy) -> list[list[object]]:
    activities = policy.processing.activities if policy.processing else {}
    rows = []
    for name, description in policy.purposes.items():
        categories = [c for c, cat in policy.categories.items() if name in cat.purposes]
        activity = activities.get(name)
        rows.append(
            [
                f"`{name}`",
                description,
                ", ".join(activity.subjects) if activity else NOT_STATED,
                ", ".join(categories) or "none",
                activity.legal_basis if activity else NOT_STATED,
                ", ".join(activity.recipients) if activity and activity.recipients else "none",
                activity.transfers if activity else NOT_STATED,
            ]
        )
    return rows


def _categories(policy: Policy, facts: WarehouseFacts) -> list[list[object]]:
    rows = []
    for name, category in policy.categories.items():
        governed = {
            table_name
            for table_name, governed_table in policy.tables.items()
            if governed_table.category == name
            or any(c.category == name for c in governed_table.columns.values())
        }
        found = facts.found.get(name, {})
        held = [f"`{t}`" for t in sorted(governed)] + [
            f"`{t}` (*found*: {', '.join(columns)})"
            for t, columns in sorted(found.items())
            if t not in governed
        ]
        rows.append(
            [
                f"`{name}`",
                category.group,
                category.sensitivity.value,
                ", ".join(category.purposes),
                ", ".join(held) or "nowhere yet",
            ]
        )
    return rows


def _retention(policy: Policy) -> list[list[object]]:
    rows = []
    for name, rule in policy.retention.items():
        holds = [h.name for h in rule.holds] + ["legal holds"]
        for table_name in [rule.table, *(c.table for c in rule.children)]:
            rows.append(
                [
                    f"`{table_name}`",
                    f"{rule.keep_for} after `{rule.date_column}`"
                    + (" of its order" if table_name != rule.table else ""),
                    f"`{name}`",
                    ", ".join(holds),
                ]
            )
        for clear in rule.clear_columns:
            columns = ", ".join(f"`{rule.table}.{c}`" for c in clear.columns)
            rows.append([columns, f"{clear.keep_for}, then cleared", f"`{name}`", clear.reason])
    return rows


def _measures(policy: Policy, facts: WarehouseFacts) -> list[str]:
    risk = {entry["output"]: entry for entry in facts.risk}
    rows = [
        [
            f"`{governed.anonymise_to}`",
            f"`{name}`",
            ", ".join(governed.risk.quasi_identifiers) if governed.risk else "not named",
            (governed.risk.min_k if governed.risk else None) or "not set",
            _latest_k(risk.get(governed.anonymise_to)),
        ]
        for name, governed in policy.tables.items()
        if governed.anonymise_to
    ]
    if policy.marketing:
        members = policy.marketing.members
        rows.append(
            [
                f"`{members}`",
                f"`{policy.marketing.customers.table}` (who consented)",
                ", ".join(DIMENSIONS),
                policy.marketing.k,
                _latest_k(risk.get(members)),
            ]
        )
    return [
        "- **Inventory**: every table and column scanned nightly for personal data "
        "(`pii_inventory`), the outputs weekly for leaks (`pii_leak_check`).",
        "- **Pseudonymisation** for analytics: keyed HMAC-SHA256 with a secret per purpose "
        "(analytics and marketing cannot be linked); direct identifiers dropped, free text "
        "redacted or dropped; proven with Great Expectations before publishing. The outputs "
        "are pseudonymised personal data, not anonymous data.",
        "- **Retention**: expired records deleted in batches, each with its audit row in the "
        "same transaction, never more than the rule's share in one run; holds keep records "
        f"(legal holds in force: {facts.legal_holds}).",
        "- **Re-identification risk** of each output, measured every run:\n",
        table(["output", "made from", "quasi-identifiers", "minimum k", "k, latest run"], rows),
    ]


def _latest_k(entry: dict | None) -> object:
    if not entry or entry["latest"]["k"] is None:
        return "not measured yet"
    return entry["latest"]["k"]


def _gaps(policy: Policy, facts: WarehouseFacts) -> list[str]:
    gaps = []
    activities = policy.processing.activities if policy.processing else {}
    if not (policy.processing and policy.processing.contact):
        gaps.append("- The controller's contact details are not stated (art. 30(1)(a)).")
    gaps += [
        f"- Purpose `{name}` has no people, legal basis or recipients in `processing:`."
        for name in policy.purposes
        if name not in activities
    ]
    kept = {r.table for r in policy.retention.values()}
    kept |= {c.table for r in policy.retention.values() for c in r.children}
    gaps += [
        f"- `{name}` holds personal data and has no retention period in the policy."
        for name, governed in policy.tables.items()
        if name not in kept and any(c.category for c in governed.columns.values())
    ]
    gaps += [
        f"- `{name}` holds personal data no rule of the policy governs: {', '.join(columns)}."
        for name, columns in sorted(facts.ungoverned.items())
    ]
    return gaps
