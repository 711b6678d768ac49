"""The anonymisation DAG end to end in Airflow (``airflow dags test``) on a demo warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from include.governance.audit import anonymise_outputs, anonymise_runs
from include.governance.catalog import Catalog
from include.governance.warehouse import create_warehouse_engine

pytestmark = pytest.mark.slow


def test_dag_builds_proven_outputs_and_keeps_keys_and_personal_data_out_of_logs(
    airflow_env, airflow, pseudonym_keys
):
    missing = {k: v for k, v in airflow_env.items() if not k.startswith("AIRFLOW_VAR_PSEUDONYM")}
    refused = airflow(missing, "dags", "test", "anonymise_analytics", "2026-11-24")
    assert refused.returncode != 0
    assert "no pseudonymisation key for analytics" in refused.stdout + refused.stderr

    run = airflow(
        {**airflow_env, **pseudonym_keys}, "dags", "test", "anonymise_analytics", "2026-11-24"
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-3000:]
    engine = create_warehouse_engine(airflow_env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        status = conn.execute(select(anonymise_runs.c.status, anonymise_runs.c.report_path)).all()
        outputs = conn.execute(select(anonymise_outputs.c.status)).scalars().all()
        personal = conn.execute(
            text("SELECT first_name, last_name, email, mobile, national_id FROM crm.customers")
        ).all()
    assert [s for s, _ in status] == ["succeeded"]
    assert outputs == ["published"] * 7  # five analytics tables, segments and members
    assert set(Catalog(engine).get_table_names(schema="marketing")) == {
        "segments",
        "segment_members",
    }
    assert set(Catalog(engine).get_table_names(schema="analytics")) == {
        "customers",
        "orders",
        "order_lines",
        "web_sessions",
        "service_contacts",
    }
    report = Path(status[0][1])
    assert report.with_suffix(".html").is_file()
    assert "## Outputs" in report.read_text()
    assert "## Marketing segments" in report.read_text()
    assert list(report.parent.glob("data_docs/*/index.html"))

    secrets = [v.split(":", 1)[1] for v in pseudonym_keys.values()]
    values = {v for row in personal for v in row if v and len(v) >= 6}
    assert not [s for s in secrets if s in output]
    assert {v for v in values if v in output} == set()
