"""Great Expectations runs of the project: Data Docs that load nothing from outside (the
Governance page serves them in Airflow's own origin, and most warehouses have no internet),
and still show every result."""

from __future__ import annotations

import re

import great_expectations as gx
from sqlalchemy import text

from include.governance.quality import Checks

EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)=[\"']?(?:https?:)?//", re.I)


def test_data_docs_load_nothing_from_outside_and_show_the_results(engine, tmp_path):
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE numbers (n INTEGER)"))
        conn.execute(text("INSERT INTO numbers VALUES (1), (2), (3)"))
    checks = Checks(engine, tmp_path / "docs")
    result = checks.validate_query(
        "numbers__proof",
        "SELECT count(*) AS n FROM numbers",
        [
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="n", min_value=0, max_value=0, description="no numbers left"
            )
        ],
    )
    assert not result.success
    pages = list((tmp_path / "docs").rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text()
        assert not EXTERNAL.search(html), (page, EXTERNAL.search(html).group(0))
    index = checks.docs_index.read_text()
    assert "numbers__proof" in index
    validation = next(p for p in pages if "validations" in p.parts)
    assert "no numbers left" in validation.read_text()
