"""The Governance page's small charts, as inline SVG: no script and nothing loaded from
outside, so the page works where the API server reaches nothing and its reports'
Content-Security-Policy would forbid either. Names are escaped; counts only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

BLUE, GREEN, RED = "#0969da", "#1a7f37", "#b42318"
ROW, LABEL_WIDTH, BAR_WIDTH = 16, 130, 220  # the category chart: a row per category
SCANS = 20  # the latest scans the scans chart shows
SCAN_WIDTH, SCAN_HEIGHT, SCAN_GAP = 360, 80, 2


def svg(label: str, width: float, height: float, body: str) -> str:
    """An SVG document of its own, with an accessible label (read out in place of it)."""
    return (
        f'<svg role="img" aria-label="{escape(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def category_chart(counts: Mapping[str, int]) -> str:
    """Personal-data columns per category, a horizontal bar each, the most held first."""
    if not counts:
        return ""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    top = ordered[0][1] or 1
    bars = []
    for i, (category, n) in enumerate(ordered):
        y, width = i * ROW, max(round(BAR_WIDTH * n / top, 1), 1)
        name = escape(category)
        bars.append(
            f"<g><title>{name}: {n} columns</title>"
            f'<text x="{LABEL_WIDTH - 4}" y="{y + 12}" text-anchor="end" font-size="11">'
            f"{name}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{ROW - 5}" '
            f'fill="{BLUE}"/>'
            f'<text x="{LABEL_WIDTH + width + 4}" y="{y + 12}" font-size="11">{n}</text></g>'
        )
    width = LABEL_WIDTH + BAR_WIDTH + 50
    return svg("personal-data columns by category", width, ROW * len(ordered), "".join(bars))


def scan_chart(scans: Sequence[Mapping[str, Any]]) -> str:
    """Findings scan by scan (oldest first), each bar governed (green) under ungoverned
    (red): whether coverage keeps up as the scans find more. A scan without figures (still
    running, failed) keeps its place with no bar."""
    scans = list(scans)[-SCANS:]
    if not scans:
        return ""
    top = max((s["findings"] or 0 for s in scans), default=0) or 1
    scale = (SCAN_HEIGHT - 2) / top
    slot = SCAN_WIDTH / len(scans)
    bars = []
    for i, scan in enumerate(scans):
        findings, ungoverned = scan["findings"], scan["ungoverned"] or 0
        name = escape(str(scan["scan_id"]))
        if findings is None:
            bars.append(f"<g><title>{name}: {escape(str(scan['status']))}</title></g>")
            continue
        share = (findings - ungoverned) / findings if findings else 1.0
        x, width = round(i * slot, 1), round(max(slot - SCAN_GAP, 1), 1)
        governed_h = round((findings - ungoverned) * scale, 1)
        ungoverned_h = round(ungoverned * scale, 1)
        bottom = SCAN_HEIGHT - governed_h
        bars.append(
            f"<g><title>{name}: {findings} findings, {ungoverned} ungoverned "
            f"({share:.0%} governed)</title>"
            f'<rect x="{x}" y="{round(bottom, 1)}" width="{width}" height="{governed_h}" '
            f'fill="{GREEN}"/>'
            f'<rect x="{x}" y="{round(bottom - ungoverned_h, 1)}" width="{width}" '
            f'height="{ungoverned_h}" fill="{RED}"/></g>'
        )
    label = f"findings over the last {len(scans)} scans, governed and not"
    return svg(label, SCAN_WIDTH, SCAN_HEIGHT, "".join(bars))
