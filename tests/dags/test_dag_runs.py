"""DAGs run end to end in Airflow (``airflow dags test``) on a SQLite demo warehouse."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
import yaml
from sqlalchemy import func, select, text

from include.demo.schema import SEEDED_PERSONAL_DATA
from include.governance.audit import pii_columns, pii_scan_runs, retention_runs
from include.governance.policy import load_policy
from include.governance.subjects import steps as subject_steps
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.requests import RequestType, record_request
from include.governance.warehouse import create_warehouse_engine

ROOT = Path(__file__).parents[2]
# The API server shares 2 cores with the suite: a busy machine has answered a plain GET in
# more than httpx's default 5 s.
HTTP = httpx.Client(timeout=60)
pytestmark = pytest.mark.slow


def test_inventory_dag_builds_the_register_and_logs_no_personal_data(airflow_env, airflow):
    """With parallelism 4 and no tables per task given, the 13 tables share 4 tasks."""
    env = dict(airflow_env, AIRFLOW__CORE__PARALLELISM="4")
    run = airflow(env, "dags", "test", "pii_inventory", "2026-11-24")
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-3000:]

    engine = create_warehouse_engine(airflow_env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        registered = conn.execute(select(func.count()).select_from(pii_columns)).scalar()
        scan = conn.execute(select(pii_scan_runs)).one()
        personal = conn.execute(
            text("SELECT first_name, last_name, email, mobile, national_id FROM crm.customers")
        ).all()
    assert registered == len(SEEDED_PERSONAL_DATA)
    assert scan.status == "succeeded"
    assert scan.scanned_at.date() == date(2026, 11, 24)
    report = Path(scan.report_path)
    assert report.is_file()
    assert report.with_suffix(".html").is_file()
    assert report.is_relative_to(airflow_env["GOVERNANCE_REPORTS_DIR"])

    values = {v for row in personal for v in row if v and len(v) >= 6}
    assert len(values) > 500
    assert {v for v in values if v in output} == set()
    assert "13 tables to scan in 4 tasks" in output


def expired_unheld(env: dict[str, str]) -> int:
    engine = create_warehouse_engine(env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT count(*) FROM sales.orders WHERE ordered_at < '2016-11-24' AND order_id "
                "NOT IN (SELECT order_id FROM sales.claims WHERE status = 'open')"
            )
        ).scalar()


def test_retention_dag_dry_run_refusal_then_delete(airflow_env, airflow):
    expired = expired_unheld(airflow_env)
    assert expired > 0

    dry = airflow(airflow_env, "dags", "test", "order_history_retention", "2026-11-24")
    assert dry.returncode == 0, (dry.stdout + dry.stderr)[-3000:]
    assert "DRY RUN" in dry.stdout + dry.stderr
    assert expired_unheld(airflow_env) == expired

    conf = '{"dry_run": false}'
    refused = airflow(
        airflow_env, "dags", "test", "order_history_retention", "2026-11-24", "-c", conf
    )
    assert refused.returncode != 0
    assert "more than the 5.0% one run may delete" in refused.stdout + refused.stderr
    assert expired_unheld(airflow_env) == expired

    conf = '{"dry_run": false, "max_delete_share": 0.3}'
    real = airflow(airflow_env, "dags", "test", "order_history_retention", "2026-11-24", "-c", conf)
    assert real.returncode == 0, (real.stdout + real.stderr)[-3000:]
    assert expired_unheld(airflow_env) == 0
    engine = create_warehouse_engine(airflow_env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        runs = conn.execute(select(retention_runs).order_by(retention_runs.c.started_at)).all()
    assert [(r.dry_run, r.status) for r in runs] == [
        (True, "planned"),
        (False, "refused"),
        (False, "deleted"),
    ]
    report = Path(runs[-1].report_path)
    assert "passed" in report.read_text()
    assert "FAILED" not in report.read_text()
    assert (report.parent / "data_docs" / "index.html").is_file()


def test_retention_dag_runs_every_rule_or_the_one_the_conf_names(airflow_env, airflow, tmp_path):
    """A policy with a second rule (web sessions, 13 months): a run maps over both rules,
    each recorded on its own; a conf naming one runs that one only."""
    policy = yaml.safe_load((ROOT / "include" / "policy.yml").read_text())
    policy["retention"]["web_sessions"] = {
        "description": "Visits are kept 13 months.",
        "table": "web.sessions",
        "key": "session_id",
        "date_column": "started_at",
        "keep_for": {"months": 13},
        "max_delete_share": 1.0,
    }
    path = tmp_path / "policy.yml"
    path.write_text(yaml.safe_dump(policy, sort_keys=False))
    env = dict(airflow_env, GOVERNANCE_POLICY_FILE=str(path))
    engine = create_warehouse_engine(env["WAREHOUSE_URL"])

    def runs_since(started: int) -> list[tuple[str, bool, str]]:
        with engine.connect() as conn:
            rows = conn.execute(select(retention_runs).order_by(retention_runs.c.started_at)).all()
        return sorted((r.rule, r.dry_run, r.status) for r in rows[started:])

    with engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(retention_runs)).scalar()
    both = airflow(env, "dags", "test", "order_history_retention", "2026-11-25")
    assert both.returncode == 0, (both.stdout + both.stderr)[-3000:]
    assert runs_since(before) == [
        ("order_history", True, "planned"),
        ("web_sessions", True, "planned"),
    ]
    conf = '{"rule": "web_sessions", "dry_run": false}'
    one = airflow(env, "dags", "test", "order_history_retention", "2026-11-26", "-c", conf)
    assert one.returncode == 0, (one.stdout + one.stderr)[-3000:]
    assert runs_since(before + 2) == [("web_sessions", False, "deleted")]
    with engine.connect() as conn:
        old = "SELECT count(*) FROM web.sessions WHERE started_at < '2025-10-26'"
        assert conn.execute(text(old)).scalar() == 0


@pytest.fixture(scope="module")
def api_server(airflow_env) -> Iterator[str]:
    """Airflow's API server (UI, REST API, plugins) on a free local port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(
        airflow_env,
        AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=(
            "reviewer:admin,viewer:viewer,compliance:viewer,dpo:viewer"
        ),
        AIRFLOW__GOVERNANCE__PAGE_USERS="compliance,dpo",  # the simple auth manager's grants
        AIRFLOW__GOVERNANCE__SUBJECT_REQUEST_USERS="dpo",
    )
    log = (Path(airflow_env["AIRFLOW_HOME"]) / "api-server.log").open("w")
    server = subprocess.Popen(
        ["airflow", "api-server", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,  # kept beside the Airflow home, for when a test here fails
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if HTTP.get(f"{base}/api/v2/monitor/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(1)
        else:
            pytest.fail("the API server did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def login(base: str, home: str, user: str = "reviewer") -> dict[str, str]:
    passwords = json.loads(
        (Path(home) / "simple_auth_manager_passwords.json.generated").read_text()
    )
    token = HTTP.post(
        f"{base}/auth/token", json={"username": user, "password": passwords[user]}
    ).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


GOVERNANCE_PATHS = [
    "/governance/",
    "/governance/register.csv?governed=no",
    "/governance/reports/pii_inventory/x/report.html",
]


def test_governance_page_needs_its_own_permission(api_server, airflow_env):
    """Legal-hold case references are for compliance: a viewer of Airflow is refused the
    page and its reports; a user granted the Governance view and an admin see them."""
    home = airflow_env["AIRFLOW_HOME"]
    for path in GOVERNANCE_PATHS:
        refused = HTTP.get(api_server + path, headers=login(api_server, home, "viewer"))
        assert refused.status_code == 403, path
    for user in ("compliance", "reviewer"):
        page = HTTP.get(f"{api_server}/governance/", headers=login(api_server, home, user))
        assert page.status_code == 200, user
        assert "Retention runs" in page.text


def test_an_access_answer_is_listed_masked_and_downloaded_with_its_own_permission(
    api_server, airflow_env
):
    """Compliance sees the request (identifier masked); only the data protection officer
    (and an admin) may download the person's data."""
    engine = create_warehouse_engine(airflow_env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        email = conn.execute(
            text("SELECT email FROM crm.customers WHERE email IS NOT NULL ORDER BY customer_id")
        ).scalar()
    request_id = record_request(
        engine,
        request_type=RequestType.ACCESS,
        identifier_kind=IdentifierKind.EMAIL,
        identifier=email,
        case_reference="CASE-PAGE",
    )
    subject_steps.access(engine, load_policy(), request_id, keys={})
    home = airflow_env["AIRFLOW_HOME"]
    page = HTTP.get(f"{api_server}/governance/", headers=login(api_server, home, "compliance"))
    assert "CASE-PAGE" in page.text
    assert email not in page.text
    link = f"/governance/subject-requests/{request_id}/crm.customers.json"
    assert f'href="{link}"' in page.text
    for user, allowed in (("viewer", 403), ("compliance", 403), ("dpo", 200), ("reviewer", 200)):
        answer = HTTP.get(api_server + link, headers=login(api_server, home, user))
        assert answer.status_code == allowed, user
    assert email in answer.text
    assert answer.headers["cache-control"] == "no-store"


def test_governance_page_requires_login(api_server):
    for path in GOVERNANCE_PATHS:
        assert HTTP.get(api_server + path).status_code in (401, 403), path


def test_governance_page_shows_register_runs_and_reports(
    api_server, airflow_env, airflow, pseudonym_keys
):
    anonymised = airflow(
        {**airflow_env, **pseudonym_keys}, "dags", "test", "anonymise_analytics", "2026-11-24"
    )
    assert anonymised.returncode == 0, (anonymised.stdout + anonymised.stderr)[-3000:]
    headers = login(api_server, airflow_env["AIRFLOW_HOME"])
    page = HTTP.get(f"{api_server}/governance/", headers=headers)
    assert page.status_code == 200
    html = page.text
    assert "crm.customers.email" in html
    assert "Coverage gaps" in html
    assert "analytics.customers" in html  # an anonymisation run, with its checks
    assert "(full (no published output yet))" in html  # and how each output was built
    assert "Retention runs" in html
    assert "<td>web_sessions</td>" in html  # each rule's run, named
    links = re.findall(r'href="(/governance/reports/[^"]+)"', html)
    assert links
    for link in links:  # served as untrusted documents: no script, nothing from outside
        served = HTTP.get(api_server + link, headers=headers)
        assert served.status_code == 200, link
        policy = served.headers["content-security-policy"]
        assert policy.startswith("sandbox;"), link
        assert "default-src 'self'" in policy, link
    escape = HTTP.get(
        f"{api_server}/governance/reports/..%2F..%2F..%2Fetc%2Fpasswd", headers=headers
    )
    assert escape.status_code == 404
    assert "root:" not in escape.text
    plugins = HTTP.get(f"{api_server}/api/v2/plugins", headers=headers).json()["plugins"]
    views = [v for p in plugins for v in p["external_views"]]
    assert {"name": "Governance", "href": "/governance/"}.items() <= views[0].items()


def test_leak_check_dag_scans_the_outputs_under_scan_ids_of_its_own(
    airflow_env, airflow, pseudonym_keys
):
    anonymised = airflow(
        {**airflow_env, **pseudonym_keys}, "dags", "test", "anonymise_analytics", "2026-11-24"
    )
    assert anonymised.returncode == 0, (anonymised.stdout + anonymised.stderr)[-3000:]
    run = airflow(airflow_env, "dags", "test", "pii_leak_check", "2026-11-29")
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    engine = create_warehouse_engine(airflow_env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        scan = conn.execute(
            select(pii_scan_runs).where(pii_scan_runs.c.scan_id.like("pii_leak_check/%"))
        ).one()
        outputs = conn.execute(
            select(pii_columns.c.leak).where(pii_columns.c.schema_name == "analytics")
        ).scalars()
        assert set(outputs) == {False}  # found there, and put there by the policy
    assert (scan.status, scan.leaks, scan.schemas["include"]) == (
        "succeeded",
        0,
        ["analytics", "marketing"],
    )
    assert "/pii_leak_check/" in scan.report_path


def test_an_erasure_is_a_dry_run_until_a_person_approves_it(
    api_server, airflow_env, airflow, pseudonym_keys
):
    """Triggered with its request id only: the dry run plans and changes nothing; a real run
    waits at the approval, and once a person approves in the API, erases and proves it."""
    env = {**airflow_env, **pseudonym_keys}
    engine = create_warehouse_engine(env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        customer, email = conn.execute(
            text(
                "SELECT c.customer_id, c.email FROM crm.customers c WHERE c.email IS NOT NULL"
                " AND EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id = c.customer_id)"
                " ORDER BY c.customer_id DESC"
            )
        ).first()
    request_id = record_request(
        engine,
        request_type=RequestType.ERASURE,
        identifier_kind=IdentifierKind.CUSTOMER_ID,
        identifier=str(customer),
        case_reference="CASE-ERASE",
    )
    conf = {"request_id": request_id}
    dry = airflow(env, "dags", "test", "subject_request", "-c", json.dumps(conf))
    assert dry.returncode == 0, (dry.stdout + dry.stderr)[-3000:]
    assert held(engine, email) == 1

    real = start_run(env, {**conf, "dry_run": False})
    answer_when_asked(
        api_server, airflow_env, real, "Approve", before=lambda: held(engine, email) == 1
    )
    output, _ = real.communicate(timeout=600)
    assert real.returncode == 0, output[-3000:]
    assert email not in output
    assert held(engine, email) == 0
    with engine.connect() as conn:
        status = conn.execute(
            text("SELECT status FROM governance.subject_requests WHERE request_id = :r"),
            {"r": request_id},
        ).scalar()
    assert status == "erased"


def test_a_rejected_erasure_changes_nothing_and_closes_the_request(
    api_server, airflow_env, pseudonym_keys
):
    """A person rejects the plan: nothing is erased, the request is closed as rejected and
    the identifiers kept for the proof are gone."""
    env = {**airflow_env, **pseudonym_keys}
    engine = create_warehouse_engine(env["WAREHOUSE_URL"])
    with engine.connect() as conn:
        email = conn.execute(
            text("SELECT email FROM crm.customers WHERE email IS NOT NULL ORDER BY customer_id")
        ).scalar()
    request_id = record_request(
        engine,
        request_type=RequestType.ERASURE,
        identifier_kind=IdentifierKind.EMAIL,
        identifier=email,
        case_reference="CASE-REJECT",
    )
    real = start_run(env, {"request_id": request_id, "dry_run": False})
    answer_when_asked(
        api_server, airflow_env, real, "Reject", before=lambda: held(engine, email) == 1
    )
    output, _ = real.communicate(timeout=600)
    assert real.returncode == 0, output[-3000:]
    assert held(engine, email) == 1
    with engine.connect() as conn:
        status, closed = conn.execute(
            text("SELECT status, closed_at FROM governance.subject_requests WHERE request_id = :r"),
            {"r": request_id},
        ).one()
        identifiers = conn.execute(
            text("SELECT COUNT(*) FROM governance.subject_identifiers WHERE request_id = :r"),
            {"r": request_id},
        ).scalar()
    assert (status, closed is not None, identifiers) == ("rejected", True, 0)


def held(engine, email: str) -> int:
    """Customers with ``email``: 1 until an erasure is carried out."""
    with engine.connect() as conn:
        query = text("SELECT COUNT(*) FROM crm.customers WHERE email = :e")
        return conn.execute(query, {"e": email}).scalar()


def start_run(env: dict, conf: dict) -> subprocess.Popen:
    """``airflow dags test`` of the subject request DAG, running beside the test."""
    return subprocess.Popen(
        ["airflow", "dags", "test", "subject_request", "-c", json.dumps(conf)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def answer_when_asked(api_server, airflow_env, run, option: str, *, before) -> None:
    """Wait for ``run``'s approval to be asked for, check ``before()`` (nothing changed
    yet), and answer ``option`` as a person does, through the HITL REST API."""
    headers = login(api_server, airflow_env["AIRFLOW_HOME"])
    waiting = None
    deadline = time.monotonic() + 300
    while waiting is None and time.monotonic() < deadline and run.poll() is None:
        details = HTTP.get(
            f"{api_server}/api/v2/dags/~/dagRuns/~/hitlDetails",
            params={"dag_id": "subject_request", "response_received": False},
            headers=headers,
        ).json()["hitl_details"]
        waiting = next(iter(details), None)
        time.sleep(1)
    assert waiting is not None, "the run never waited for approval"
    assert before()
    ti = waiting["task_instance"]
    answered = HTTP.patch(
        f"{api_server}/api/v2/dags/subject_request/dagRuns/{ti['dag_run_id']}"
        f"/taskInstances/{ti['task_id']}/{ti['map_index']}/hitlDetails",
        json={"chosen_options": [option]},
        headers=headers,
    )
    assert answered.status_code == 200, answered.text
