"""The Governance page's charts: inline SVG, no script and nothing loaded from outside."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from include.governance.charts import category_chart, scan_chart

SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    assert not re.search(r"<script|href=|src=|url\(|@import", svg)
    return ET.fromstring(svg)


def test_columns_by_category_is_one_bar_each_longest_first():
    chart = parsed(category_chart({"email": 10, "health": 40, "<x>&": 1}))
    bars = chart.findall(f"{SVG}g")
    labels = [b.find(f"{SVG}text").text for b in bars]
    assert labels == ["health", "email", "<x>&"]  # escaped in the SVG, read back as text
    widths = [float(b.find(f"{SVG}rect").get("width")) for b in bars]
    assert widths[0] > widths[1] > widths[2] > 0
    assert "health: 40 columns" in [b.find(f"{SVG}title").text for b in bars]
    assert category_chart({}) == ""


def test_scans_chart_findings_split_governed_and_not_oldest_first():
    scans = [
        {"scan_id": "s1", "findings": 100, "ungoverned": 50, "status": "succeeded"},
        {"scan_id": "s2", "findings": 200, "ungoverned": 20, "status": "succeeded"},
        {"scan_id": "s3", "findings": None, "ungoverned": None, "status": "running"},
    ]
    chart = parsed(scan_chart(scans))
    bars = chart.findall(f"{SVG}g")
    assert len(bars) == 3
    titles = [b.find(f"{SVG}title").text for b in bars]
    assert titles[0] == "s1: 100 findings, 50 ungoverned (50% governed)"
    assert titles[1] == "s2: 200 findings, 20 ungoverned (90% governed)"
    assert titles[2] == "s3: running"
    heights = [sum(float(r.get("height")) for r in b.findall(f"{SVG}rect")) for b in bars]
    assert heights[1] == pytest.approx(2 * heights[0])
    assert heights[2] == 0
    assert scan_chart([]) == ""
