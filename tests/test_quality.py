"""Great Expectations runs of the project: Data Docs that load nothing from outside (the
Governance page serves them in Airflow's own origin, and most warehouses have no internet),
and still show every result."""

from __future__ import annotations

import re

import great_expectations as gx
from sqlalchemy import Engine, event, text

from include.governance.quality import Checks, unexpected_rows
from include.governance.warehouse import ensure_schema
from tests.server_sql import sql

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


def test_a_custom_query_runs_once_and_counts_what_it_finds(any_engine, tmp_path):
    """GX's own ``UnexpectedRowsExpectation`` runs its query twice (its rows, then their
    count), which doubled the cost of every search in a proof: the project's counts only."""
    ensure_schema(any_engine, "crm")
    with any_engine.begin() as conn:
        conn.execute(sql(conn, "CREATE TABLE crm.letters (c VARCHAR(5))"))
        conn.execute(sql(conn, "INSERT INTO crm.letters VALUES ('a'), ('b'), ('x'), ('x')"))
    ran: list[str] = []

    def record(conn, cursor, statement, *args):
        if "c = 'x'" in statement or "c = 'q'" in statement:
            ran.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        result = Checks(any_engine, tmp_path / "docs").validate(
            "letters",
            "crm",
            "letters",
            [
                unexpected_rows("SELECT c FROM {batch} WHERE c = 'x'", "no x"),
                unexpected_rows("SELECT c FROM {batch} WHERE c = 'q'", "no q"),
            ],
        )
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    verdicts = {o.expectation: (o.success, o.observed) for o in result.outcomes}
    assert verdicts == {"no x": (False, 2.0), "no q": (True, 0.0)}
    assert len(ran) == 2, ran
