"""Each output's re-identification risk run by run: what the Governance page charts.

Read from the run records (``anonymise_outputs``, and ``segment_runs`` for the segments'
members, whose groups are the segments): counts only, oldest first, so a chart of k over
time shows whether an output is getting more identifying as the data changes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from include.governance.audit import anonymise_outputs, anonymise_runs, segment_runs
from include.governance.charts import svg
from include.governance.marketing.kanonymity import DIMENSIONS

RUNS = 30  # the latest runs an output's chart shows
CHART_WIDTH, CHART_HEIGHT = 160, 32


def risk_history(engine: Engine, marketing_members: str | None) -> list[dict[str, Any]]:
    """Per output: its quasi-identifiers, minimum k and its latest ``RUNS`` measurements
    (run, k, unique share, suppressed), with a chart of k; outputs without any left out."""
    outputs = anonymise_outputs
    query = (
        select(
            outputs.c.output,
            outputs.c.run_id,
            outputs.c.quasi_identifiers,
            outputs.c.min_k,
            outputs.c.k_smallest,
            outputs.c.unique_share,
            outputs.c.suppressed,
        )
        .join(anonymise_runs, anonymise_runs.c.run_id == outputs.c.run_id)
        .where(outputs.c.k_smallest.is_not(None))
        .order_by(outputs.c.output, anonymise_runs.c.started_at)
    )
    segments = (
        select(segment_runs, anonymise_runs.c.started_at)
        .join(anonymise_runs, anonymise_runs.c.run_id == segment_runs.c.run_id)
        .order_by(anonymise_runs.c.started_at)
    )
    by_output: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for row in conn.execute(query):
            entry = by_output.setdefault(row.output, {"output": row.output, "runs": []})
            entry.update(quasi_identifiers=row.quasi_identifiers or [], min_k=row.min_k)
            entry["runs"].append(
                _measurement(row.run_id, row.k_smallest, row.unique_share, row.suppressed)
            )
        for row in conn.execute(segments) if marketing_members else ():
            entry = by_output.setdefault(
                marketing_members,
                {"output": marketing_members, "quasi_identifiers": list(DIMENSIONS), "runs": []},
            )
            entry["min_k"] = row.k
            share = None if row.k_achieved is None else 0.0  # every segment has k or more
            entry["runs"].append(_measurement(row.run_id, row.k_achieved, share, row.suppressed))
    history = []
    for entry in by_output.values():
        entry["runs"] = entry["runs"][-RUNS:]
        entry["latest"] = entry["runs"][-1]
        entry["chart"] = k_chart([r["k"] for r in entry["runs"]], entry["min_k"])
        history.append(entry)
    return history


def _measurement(run_id: str, k: int | None, share: float | None, suppressed: int | None):
    return {"run_id": run_id, "k": k, "unique_share": share, "suppressed": suppressed or 0}


def k_chart(values: list[int | None], minimum: int | None) -> str:
    """A small SVG line of k run by run, with the policy's minimum as a dashed line: no
    script, no outside resource (the page's Content-Security-Policy forbids both)."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    top = max([*known, minimum or 0]) or 1
    step = CHART_WIDTH / max(len(values) - 1, 1)

    def y(value: float) -> float:
        return round(CHART_HEIGHT - 2 - (CHART_HEIGHT - 4) * value / top, 1)

    points = " ".join(f"{round(i * step, 1)},{y(v)}" for i, v in enumerate(values) if v is not None)
    line = f'<polyline fill="none" stroke="#0969da" stroke-width="1.5" points="{points}"/>'
    if minimum:
        line += (
            f'<line x1="0" x2="{CHART_WIDTH}" y1="{y(minimum)}" y2="{y(minimum)}" '
            'stroke="#b42318" stroke-dasharray="3 2" stroke-width="1"/>'
        )
    return svg(f"k over the last {len(values)} runs", CHART_WIDTH, CHART_HEIGHT, line)
