"""The inventory's run report: findings per schema and table, each explained in one line,
coverage gaps, changes, and where new evidence disagrees with a person's decision."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, select

from include.governance.audit import (
    pii_columns,
    pii_scan_findings,
    pii_scan_runs,
    pii_scan_tables,
)
from include.governance.detect.values import VALIDATED_BY
from include.governance.inventory.register import governing_rule
from include.governance.inventory.scan import ScanSummary
from include.governance.policy import Policy, Review
from include.governance.reports import table


def render_inventory_report(engine: Engine, policy: Policy, summary: ScanSummary) -> str:
    with engine.connect() as conn:
        run = conn.execute(
            select(pii_scan_runs).where(pii_scan_runs.c.scan_id == summary.scan_id)
        ).one()
        tables = conn.execute(
            select(pii_scan_tables)
            .where(pii_scan_tables.c.scan_id == summary.scan_id)
            .order_by(pii_scan_tables.c.schema_name, pii_scan_tables.c.table_name)
        ).all()
        findings = conn.execute(
            select(pii_scan_findings)
            .where(pii_scan_findings.c.scan_id == summary.scan_id)
            .order_by(pii_scan_findings.c.column_name)
        ).all()
        links = conn.execute(
            select(pii_columns)
            .where(
                pii_columns.c.last_scan_id == summary.scan_id, pii_columns.c.links_to.is_not(None)
            )
            .order_by(
                pii_columns.c.schema_name, pii_columns.c.table_name, pii_columns.c.column_name
            )
        ).all()
    by_table: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for f in findings:
        by_table[(f.schema_name, f.table_name)].append(f)

    out = [
        f"# Personal-data inventory: {summary.scan_id}\n",
        table(
            [
                "scanned at",
                "policy version",
                "status",
                "tables scanned",
                "tables rescanned",
                "tables carried",
                "tables failed",
                "tables not sampled",
                "columns scanned",
                "personal-data columns",
                "ungoverned",
                "leaks",
                "changes",
                "disagreements",
            ],
            [
                [
                    run.scanned_at,
                    run.policy_version,
                    summary.status,
                    summary.tables_scanned,
                    summary.tables_rescanned,
                    summary.tables_carried,
                    len(summary.tables_failed),
                    len(summary.not_sampled),
                    summary.columns_scanned,
                    summary.findings,
                    len(summary.ungoverned),
                    len(summary.leaks),
                    len(summary.changes),
                    len(summary.disagreements),
                ]
            ],
        ),
        *_leaks(summary),
        "## Coverage gaps\n",
        "### Personal data that no rule in policy.yml governs\n",
        table(
            ["column", "category", "confidence"],
            [[f"`{u['column']}`", u["category"], u["confidence"]] for u in summary.ungoverned],
        )
        if summary.ungoverned
        else "None.\n",
        "### Rules in policy.yml whose table or column was not found\n",
        "\n".join(f"- `{s}`" for s in summary.stale_policy) + "\n"
        if summary.stale_policy
        else "None.\n",
        "## Changes since the previous scan\n",
        table(
            ["column", "change", "was", "now"],
            [
                [
                    f"`{c['schema_name']}.{c['table_name']}.{c['column_name']}`",
                    c["change"],
                    c["old_category"],
                    c["new_category"],
                ]
                for c in summary.changes
            ],
        )
        if summary.changes
        else "None.\n",
        "## Where new evidence disagrees with a decision\n",
        _disagreements(summary.disagreements),
    ]
    out += [
        "## Links to personal data\n",
        "Keys that point at a table of people or addresses (a declared foreign key, or a key "
        "named for the table).\n",
        table(
            ["column", "links to", "how", "category of its own"],
            [
                [
                    f"`{r.schema_name}.{r.table_name}.{r.column_name}`",
                    f"`{r.links_to}`",
                    (r.evidence.get("link") or {}).get("how", "foreign key or name"),
                    r.category or "",
                ]
                for r in links
            ],
        )
        if links
        else "None.\n",
    ]
    if summary.tables_failed:
        out += [
            "## Tables that could not be scanned\n",
            table(
                ["table", "error"],
                [
                    [f"`{t.schema_name}.{t.table_name}`", t.error]
                    for t in tables
                    if t.status == "failed"
                ],
            ),
        ]
    if summary.not_sampled:
        out += [
            "## Columns that could not be sampled\n",
            "No value of these columns could be read, which is no evidence that they hold "
            "no personal data: their tables are not counted as scanned, and keep their "
            "register rows of the last scan that read them.\n",
            table(
                ["table", "column", "reason"],
                [
                    [f"`{t}`", f"`{column}`", reason]
                    for t, columns in summary.not_sampled.items()
                    for column, reason in columns.items()
                ],
            ),
        ]
    out.append("## Findings by table\n")
    for t in tables:
        if t.status not in ("scanned", "not sampled"):
            continue
        found = by_table.get((t.schema_name, t.table_name), [])
        kind = f" ({t.object_type})" if t.object_type and t.object_type != "table" else ""
        out.append(f"### `{t.schema_name}.{t.table_name}`{kind}\n")
        unread = f", {len(t.not_sampled)} not sampled" if t.not_sampled else ""
        carried = (
            f" Unchanged since scan `{t.carried_from}`: its findings carried."
            if t.carried_from
            else ""
        )
        out.append(
            f"{t.columns_scanned} columns{unread}, {t.rows_sampled} rows sampled "
            f"({t.sampling}); {len(found)} with personal data.{carried}\n"
        )
        if found:
            out.append(
                table(
                    ["column", "category", "governed", "reviewed", "why"],
                    [
                        [
                            f"`{f.column_name}`",
                            f.category,
                            "yes"
                            if governing_rule(policy, f.schema_name, f.table_name, f.column_name)
                            else "**no**",
                            _review_of(policy, f),
                            describe_evidence(f.evidence, confidence=f.confidence),
                        ]
                        for f in found
                    ],
                )
            )
    return "\n".join(out)


def _leaks(summary: ScanSummary) -> list[str]:
    if not summary.leaks:
        return []
    return [
        "## Leaks: personal data where the policy puts none\n",
        "**These columns of output schemas hold personal data that no rule of the policy "
        "puts there.** Find who wrote them, and remove or anonymise the data.\n",
        table(
            ["column", "category", "confidence", "why"],
            [
                [f"`{leak['column']}`", leak["category"], leak["confidence"], leak["reason"]]
                for leak in summary.leaks
            ],
        ),
    ]


_DISAGREEMENTS = {
    "recategorised": "the scan finds another category",
    "not found": "the scan finds no personal data in it",
    "strong evidence": "most sampled values now validate",
    "column not found": "the column is not in the table",
}
_NAME_MATCH = {"exact": "exact", "part": "part of the name", "suffix": "end of a compound"}


def _disagreements(disagreements: list[dict[str, Any]]) -> str:
    """The decision stands; the table says what argues against it, for a person to look at."""
    if not disagreements:
        return "None.\n"
    return table(
        ["column", "decision", "decided", "the scan finds", "why"],
        [
            [
                f"`{d['column']}`",
                d["decision"],
                d["decided"] or "no personal data",
                d["found"] or "nothing",
                _DISAGREEMENTS[d["kind"]],
            ]
            for d in disagreements
        ],
    )


def _review_of(policy: Policy, finding: Any) -> str:
    review = policy.decisions.get((finding.schema_name, finding.table_name, finding.column_name))
    return describe_decision(review) if review else "no: a suggestion"


def describe_decision(review: Review) -> str:
    """``confirmed on 2026-11-20``, ``corrected to name on ...``, ``rejected on ...``; who
    decided is in the policy (and its history), not in reports."""
    return _decided(review.decision, review.on.isoformat(), review.category)


def _decided(decision: str, on: str, category: str | None = None) -> str:
    if decision == "correct":
        return f"corrected to {category} on {on}" if category else f"corrected on {on}"
    return f"{decision}ed on {on}" if decision == "confirm" else f"rejected on {on}"


def describe_evidence(
    evidence: dict[str, Any], *, confidence: float | None = None, examples: bool = True
) -> str:
    """One line a reviewer can read: which word of the column's name matched, which value
    detector fired, what its validator checks and what share of the values checked passed,
    personal data inside text, the confidence, a person's decision, masked examples
    (left out with ``examples=False``, where even masked values do not belong)."""
    parts = []
    if decoded := evidence.get("decoded"):
        parts.append(f"binary, read as {decoded} text")
    if link := evidence.get("link"):
        parts.append(f"a key to `{link['to']}` ({link['how']})")
    if holds := evidence.get("holds"):
        parts.append(f"holds the values of `{holds['column']}`")
    if name := evidence.get("column_name"):
        parts.append(f"name word `{name['matched']}` ({_NAME_MATCH.get(name['how'], name['how'])})")
    if evidence.get("attribute_rows"):
        parts.append("the value of a person's attribute rows")
    if (values := evidence.get("values")) and (written := evidence.get("national_format")):
        parts.append(
            f"{values['match_rate']:.0%} of {values['checked']} values checked written as a"
            f" {values['detector']} as a country writes it ({written})"
        )
    elif values:
        detector = values["detector"]
        parts.append(
            f"the {detector} validator ({VALIDATED_BY.get(detector, detector)}) accepts "
            f"{values['match_rate']:.0%} of {values['checked']} values checked"
        )
    if free_text := evidence.get("free_text"):
        kinds = ", ".join(f"{k} {n}" for k, n in free_text["kinds"].items())
        parts.append(f"free text: {free_text['share']:.0%} of values hold personal data ({kinds})")
    if json_keys := evidence.get("json_keys"):
        if json_keys.get("of") == "objects":
            parts.append(f"JSON: {json_keys['share']:.0%} of its objects have a key naming it")
        else:
            parts.append(f"JSON: {json_keys['share']:.0%} of its keys name the category")
    if table_key := evidence.get("table_key"):
        parts.append(f"the own key of a table of {table_key['of']}")
    if evidence.get("role_mailboxes"):
        parts.append("mostly an organisation's mailboxes (info@, sales@)")
    if lone_names := evidence.get("lone_names"):
        parts.append(f"{lone_names['share']:.0%} of values are lone names in a table of people")
    if listed := evidence.get("listed_names"):
        parts.append(
            f"{listed['share']:.0%} of its distinct values are {listed['kind'].replace('_', ' ')}"
            " the name lists know, in a table of people"
        )
    if key_column := evidence.get("key_column"):
        parts.append(
            f"key/value: {key_column['share']:.0%} of `{key_column['column']}`'s keys name it"
        )
    if evidence.get("sampled") == 0:
        parts.append("no values sampled")
    if confidence is not None:
        parts.append(f"confidence {confidence:.2f}")
    if review := evidence.get("review"):
        detected = f" (the detector found {review['detected']})" if "detected" in review else ""
        parts.append(_decided(review["decision"], review["on"]) + detected)
    if examples and (shown := evidence.get("examples")):
        parts.append("e.g. " + ", ".join(f"`{e}`" for e in shown))
    return "; ".join(parts)
