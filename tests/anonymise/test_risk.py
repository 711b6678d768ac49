"""Each output's re-identification risk is measured on its quasi-identifiers every run, and
a policy's minimum k is kept: generalised, suppressed within the budget, or refused."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy import Engine, select

from include.demo.load import build_demo_warehouse
from include.governance.anonymise.build import build_output
from include.governance.anonymise.report import render_anonymise_report
from include.governance.anonymise.risk import RiskTooHigh
from include.governance.anonymise.steps import publish, start_run
from include.governance.audit import STAGING_SCHEMA, anonymise_outputs
from include.governance.catalog import Catalog
from include.governance.overview import governance_overview
from include.governance.policy import OutputRisk, Policy, load_policy
from include.governance.pseudonym import PseudonymKey
from include.governance.quality import Checks
from tests.server_sql import sql

RUN_DATE = date(2026, 11, 24)
KEY = PseudonymKey("analytics", "v1", b"analytics-secret-of-the-risk-tests-0001")
QUASI = ["age_band", "region", "gender"]


def customers_only(risk: OutputRisk) -> Policy:
    """The demo policy with analytics.customers its only output, at this ``risk``."""
    policy = load_policy()
    tables = {
        name: table.model_copy(
            update={"risk": risk}
            if name == "crm.customers"
            else {"anonymise_to": None, "risk": None}
        )
        for name, table in policy.tables.items()
    }
    return policy.model_copy(update={"tables": tables})


def build(engine: Engine, policy: Policy, run_id: str, tmp_path):
    start_run(engine, policy, run_id, RUN_DATE, keys=[KEY])
    return build_output(
        engine,
        policy,
        run_id,
        "analytics.customers",
        key=KEY,
        run_date=RUN_DATE,
        checks=Checks(engine, tmp_path / run_id),
    )


def groups(engine: Engine, table: str) -> list[int]:
    """The sizes of the groups of ``QUASI`` in ``table``, measured here independently."""
    names = ", ".join(QUASI)
    with engine.connect() as conn:
        query = f"SELECT count(*) FROM {table} GROUP BY {names}"
        return sorted(conn.execute(sql(conn, query)).scalars())


def record(engine: Engine, run_id: str):
    with engine.connect() as conn:
        return conn.execute(
            select(anonymise_outputs).where(anonymise_outputs.c.run_id == run_id)
        ).one()


@pytest.fixture
def people(any_engine) -> Engine:
    """The demo's customers, some with no gender and a few alone in their county: NULLs
    and small groups in the quasi-identifiers."""
    build_demo_warehouse(any_engine, scale=200, as_of=RUN_DATE)
    with any_engine.begin() as conn:
        conn.execute(sql(conn, "UPDATE crm.customers SET gender = NULL WHERE customer_id % 17 = 0"))
    return any_engine


def test_risk_is_measured_and_recorded_without_a_minimum(people, tmp_path):
    result = build(people, customers_only(OutputRisk(quasi_identifiers=QUASI)), "run-1", tmp_path)
    recorded = record(people, "run-1")
    sizes = groups(people, "governance_staging.analytics__customers")
    assert (recorded.k_smallest, recorded.suppressed, result.suppressed) == (sizes[0], 0, 0)
    alone = sum(1 for n in sizes if n == 1)
    assert recorded.unique_share == pytest.approx(alone / sum(sizes))
    assert recorded.quasi_identifiers == QUASI
    assert (recorded.min_k, recorded.levels) == (None, {})
    assert sizes[0] < 5  # what the next test must mend: small groups there are


def test_a_minimum_k_is_kept_by_generalising_and_suppressing_within_the_budget(people, tmp_path):
    risk = OutputRisk(quasi_identifiers=QUASI, min_k=5, max_suppressed_share=0.02)
    policy = customers_only(risk)
    result = build(people, policy, "run-1", tmp_path)
    publish(people, policy, "run-1")
    recorded = record(people, "run-1")
    sizes = groups(people, "analytics.customers")
    with people.connect() as conn:
        source = conn.execute(sql(conn, "SELECT count(*) FROM crm.customers")).scalar()
    assert sizes[0] >= 5
    assert recorded.k_smallest == sizes[0]
    assert recorded.suppressed == result.suppressed == source - sum(sizes)
    assert recorded.suppressed <= math.floor(0.02 * source)
    assert set(recorded.levels) == set(QUASI)
    assert sum(recorded.levels.values()) > 0
    assert recorded.output_rows == sum(sizes)
    assert result.build == "full"
    assert recorded.build_reason == "its minimum k is kept on the whole output"


def test_a_minimum_k_out_of_reach_fails_and_publishes_nothing(people, tmp_path):
    risk = OutputRisk(quasi_identifiers=QUASI, min_k=1000, max_suppressed_share=0.01)
    with pytest.raises(RiskTooHigh) as caught:
        build(people, customers_only(risk), "run-1", tmp_path)
    assert str(caught.value) == (
        "analytics.customers: no generalisation of age_band, region, gender gives every "
        "combination 1000 or more rows while suppressing at most 2 of 200 "
        "(max_suppressed_share 0.01); coarsen a rule or drop a quasi-identifier"
    )
    assert record(people, "run-1").status == "failed"
    assert Catalog(people).get_table_names(schema=STAGING_SCHEMA) == []  # dropped


def test_a_quasi_identifier_that_is_not_an_output_column_is_named(people, tmp_path):
    risk = OutputRisk(quasi_identifiers=["age_band", "postcode"])
    with pytest.raises(Exception, match=r"quasi-identifiers postcode are not columns"):
        build(people, customers_only(risk), "run-1", tmp_path)


def test_the_report_and_the_governance_page_show_k_run_by_run(people, tmp_path):
    risk = OutputRisk(quasi_identifiers=QUASI, min_k=5, max_suppressed_share=0.02)
    policy = customers_only(risk)
    for run_id in ("run-1", "run-2"):
        build(people, policy, run_id, tmp_path)
        publish(people, policy, run_id)
    recorded = record(people, "run-2")
    (entry,) = governance_overview(people)["risk"]
    assert entry["output"] == "analytics.customers"
    assert (entry["quasi_identifiers"], entry["min_k"]) == (QUASI, 5)
    assert [r["run_id"] for r in entry["runs"]] == ["run-1", "run-2"]
    assert entry["latest"]["k"] == recorded.k_smallest
    assert entry["chart"].startswith("<svg")
    assert entry["chart"].count(",") == 2
    report = render_anonymise_report(people, "run-2")
    assert "## Re-identification risk" in report
    row = next(
        line for line in report.splitlines() if line.startswith("| `analytics.customers` | age")
    )
    assert f"| 5 | {recorded.k_smallest} |" in row
