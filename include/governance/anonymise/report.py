"""The anonymisation run's report: each output, how it was built and proven, and segments."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine, select

from include.governance.audit import anonymise_outputs, anonymise_runs, segment_runs
from include.governance.reports import table


def render_anonymise_report(engine: Engine, run_id: str) -> str:
    with engine.connect() as conn:
        run = conn.execute(select(anonymise_runs).where(anonymise_runs.c.run_id == run_id)).one()
        outputs = conn.execute(
            select(anonymise_outputs)
            .where(anonymise_outputs.c.run_id == run_id)
            .order_by(anonymise_outputs.c.output)
        ).all()
        segments = conn.execute(select(segment_runs).where(segment_runs.c.run_id == run_id)).first()
    out = [
        f"# Anonymised analytics and marketing segments: {run_id}\n",
        table(
            ["run date", "policy version", "status"],
            [[run.run_date.date(), run.policy_version, run.status]],
        ),
        "## Outputs\n",
        "Each output is built in a staging table, proven with Great Expectations and swapped "
        "in with the others only when all pass; a failed output leaves the previous version "
        "in place.\n",
        table(
            [
                "output",
                "source",
                "method",
                "build",
                "key version (fingerprint)",
                "source rows",
                "output rows",
                "suppressed",
                "checks",
                "status",
                "seconds",
            ],
            [
                [
                    f"`{o.output}`",
                    f"`{o.source}`",
                    o.method,
                    describe_build(o._mapping),
                    key_label(o),
                    o.source_rows,
                    o.output_rows,
                    o.suppressed,
                    o.checks,
                    o.status,
                    o.seconds,
                ]
                for o in outputs
            ],
        ),
    ]
    stamped_later = [o for o in outputs if o.future_rows]
    if stamped_later:
        out.append("## Rows stamped in the future\n")
        out.append(
            "\n".join(
                f"- `{o.source}`: {o.future_rows} rows have a watermark after the time of this "
                "build; the recorded watermark is capped at that time, so later changes are "
                "not missed, and these rows are read again by every build until mended."
                for o in stamped_later
            )
            + "\n"
        )
    measured = [o for o in outputs if o.quasi_identifiers]
    if measured:
        out += [
            "## Re-identification risk\n",
            "The outputs are pseudonymised personal data, not anonymous data: they join on "
            "stable keys. k is the number of rows in the smallest group sharing one combination "
            "of an output's quasi-identifiers; the unique share is the share of rows alone in "
            "theirs.\n",
            table(
                [
                    "output",
                    "quasi-identifiers",
                    "minimum k",
                    "k",
                    "unique share",
                    "suppressed",
                    "levels",
                ],
                [
                    [
                        f"`{o.output}`",
                        ", ".join(o.quasi_identifiers),
                        o.min_k or "measured only",
                        o.k_smallest,
                        "" if o.unique_share is None else f"{100 * o.unique_share:.1f}%",
                        o.suppressed,
                        ", ".join(f"{q} {level}" for q, level in (o.levels or {}).items()),
                    ]
                    for o in measured
                ],
            ),
        ]
    failed = [o for o in outputs if o.checks_failed or o.error]
    if failed:
        out.append("## Failures\n")
        for o in failed:
            items = list(o.checks_failed or []) + ([o.error] if o.error else [])
            out.append(f"### `{o.output}`\n\n" + "\n".join(f"- {i}" for i in items) + "\n")
    docs = sorted({o.data_docs for o in outputs if o.data_docs})
    if docs:
        out.append("## Great Expectations Data Docs\n")
        out.append("\n".join(f"- {d}" for d in docs) + "\n")
    if segments:
        out += [
            "## Marketing segments\n",
            f"k = {segments.k}; hierarchies {segments.hierarchy_version}; marketing key "
            f"{key_label(segments)}.\n",
            table(
                [
                    "consenting customers",
                    "segments",
                    "k achieved",
                    "average size",
                    "suppressed",
                    "budget",
                ],
                [
                    [
                        segments.consenting,
                        segments.segments,
                        segments.k_achieved,
                        segments.average_size,
                        segments.suppressed,
                        segments.max_suppressed,
                    ]
                ],
            ),
            "Generalisation levels used (0 is the finest):\n",
            table(list(segments.levels), [list(segments.levels.values())]),
        ]
    return "\n".join(out)


def key_label(record: Any) -> str:
    """``v1 (3f9c0a...)``: a record's key version and fingerprint (none in records made
    before fingerprints were)."""
    if record.key_fingerprint is None:
        return record.key_version or ""
    return f"{record.key_version} ({record.key_fingerprint})"


def describe_build(output: Mapping[str, Any]) -> str:
    """``incremental: 8 changed, 4 removed``, or ``full`` and why where one was not asked:
    of a row of ``anonymise_outputs`` (the report, the demo's summary, the Governance
    page)."""
    if output["build"] == "incremental":
        return f"incremental: {output['changed_rows']} changed, {output['removed_rows']} removed"
    return f"full ({output['build_reason']})" if output["build_reason"] else (output["build"] or "")
