"""A compliance officer in a browser answers an erasure request: the request is recorded in
the warehouse, the officer triggers ``subject_request`` from its form with the request id
only, opens the approval under Browse > Required Actions, reads it (no identifier of the
person there) and clicks Approve, or Reject. Runs ``airflow standalone`` and Debian's
Chromium, driven by Playwright (``browser.py``); screenshots are kept in
``var/test-artifacts/browser/``."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, text

from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.requests import RequestType, record_request
from include.governance.warehouse import create_warehouse_engine
from tests.dags.browser import (
    ARTIFACTS,
    api,
    as_a_person_would,
    launch,
    signed_in,
    wait_for_dag,
    wait_for_manual_run,
)

pytestmark = pytest.mark.slow
DAG_ID = "subject_request"
PERSONAL = ("email", "first_name", "last_name", "mobile", "national_id")


@pytest.mark.parametrize(
    ("option", "status"), [("Reject", "rejected"), ("Approve", "erased")], ids=str.lower
)
def test_an_erasure_answered_in_the_airflow_ui(airflow_ui, option, status):
    """Rejected, the person's rows are all there and the request is closed; approved, no row
    holds their email and the customer row kept for their orders holds nothing of theirs."""
    from playwright.sync_api import expect, sync_playwright

    shot = f"subject-request-{option.lower()}"
    engine, client, customer, person, request_id = a_request(
        airflow_ui, RequestType.ERASURE, f"CASE-UI-{option.upper()}"
    )

    with sync_playwright() as p:
        browser = launch(p)
        page = signed_in(browser, airflow_ui)
        trigger_from_form(page, airflow_ui["base"], request_id, shot=shot, dry_run=False)

        wait_for_approval_asked(client)
        as_a_person_would()
        assert held(engine, customer) == person  # nothing changed before the answer
        page.get_by_role("button", name="Browse").click()
        page.get_by_role("menuitem", name="Required Actions").click()
        asked = page.get_by_role("link", name=f"Erase the data of subject request {request_id}?")
        expect(asked).to_be_visible(timeout=30_000)
        assert_shows_nothing_of(page, person)
        page.screenshot(path=ARTIFACTS / f"{shot}-02-required-actions.png")
        asked.click()
        answer = page.get_by_role("button", name=option, exact=True)
        expect(answer).to_be_visible(timeout=30_000)
        assert_shows_nothing_of(page, person)
        page.screenshot(path=ARTIFACTS / f"{shot}-03-approval.png")
        read_the_plan(page, airflow_ui["base"], request_id, person, shot)
        answer.click()
        expect(page.get_by_text("Response received at")).to_be_visible(timeout=30_000)
        page.screenshot(path=ARTIFACTS / f"{shot}-04-answered.png")

        run = wait_for_manual_run(client, DAG_ID, conf={"request_id": request_id})
        assert run["state"] == "success", run
        assert run["conf"] == {"request_id": request_id, "dry_run": False, "batch_size": 500}
        page.goto(f"{airflow_ui['base']}/dags/{DAG_ID}/runs/{run['dag_run_id']}")
        expect(page.get_by_text(run["dag_run_id"]).first).to_be_visible(timeout=30_000)
        assert_shows_nothing_of(page, person)
        page.screenshot(path=ARTIFACTS / f"{shot}-05-run-succeeded.png")
        browser.close()

    with engine.connect() as conn:
        closed = conn.execute(
            text("SELECT status, closed_at FROM governance.subject_requests WHERE request_id = :r"),
            {"r": request_id},
        ).one()
        holding_email = conn.execute(
            text("SELECT COUNT(*) FROM crm.customers WHERE email = :e"), {"e": person["email"]}
        ).scalar()
    assert (closed.status, closed.closed_at is not None) == (status, True)
    if option == "Reject":
        assert held(engine, customer) == person
    else:
        assert holding_email == 0
        stub = held(engine, customer)  # kept for their orders, or gone
        assert stub is None or not any(stub.values()), [c for c, v in stub.items() if v]


def test_an_access_request_answered_from_the_airflow_ui(airflow_ui):
    """Triggered from the form with the request id only; the answer is downloaded from the
    Governance page, whose list of requests shows nothing of the person."""
    from playwright.sync_api import sync_playwright

    _, client, customer, person, request_id = a_request(
        airflow_ui, RequestType.ACCESS, "CASE-UI-ACCESS"
    )
    with sync_playwright() as p:
        browser = launch(p)
        page = signed_in(browser, airflow_ui)
        trigger_from_form(page, airflow_ui["base"], request_id, shot="subject-request-access")
        run = wait_for_manual_run(client, DAG_ID, conf={"request_id": request_id})
        assert run["state"] == "success", run
        assert run["conf"]["request_id"] == request_id
        page.goto(f"{airflow_ui['base']}/governance/")
        answer = page.locator(f'a[href$="/subject-requests/{request_id}/crm.customers.json"]')
        answer.scroll_into_view_if_needed()
        assert_shows_nothing_of(page, person)
        page.screenshot(path=ARTIFACTS / "subject-request-access-02-governance.png")
        with page.expect_download() as download:
            answer.click()
        [held_row] = json.loads(Path(download.value.path()).read_text())
        browser.close()
    assert (held_row["customer_id"], held_row["email"]) == (customer, person["email"])


def a_request(ui: dict, request_type: RequestType, case: str):
    """A request by email for a seeded customer with orders, recorded as compliance does,
    and the DAG parsed: (engine, REST client, customer number, their columns, request id)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    engine = create_warehouse_engine(ui["warehouse_url"])
    customer, person = a_customer_with_orders(engine)
    request_id = record_request(
        engine,
        request_type=request_type,
        identifier_kind=IdentifierKind.EMAIL,
        identifier=person["email"],
        case_reference=case,
    )
    client = api(ui)
    wait_for_dag(client, DAG_ID)
    return engine, client, customer, person, request_id


def trigger_from_form(page, base: str, request_id: int, *, shot: str, dry_run: bool = True):
    """The DAG's trigger form, as a person fills it: the request id, the dry-run switch."""
    from playwright.sync_api import expect

    page.goto(f"{base}/dags/{DAG_ID}")
    page.get_by_role("button", name="Trigger").first.click()
    dialog = page.get_by_role("dialog")
    dialog.locator("input[name=element_request_id]").fill(str(request_id))
    unpause = dialog.get_by_role("checkbox", name=f"Unpause {DAG_ID} on trigger")
    if unpause.count():  # shown while the DAG is paused: its first trigger unpauses it
        expect(unpause).to_be_checked()
    switch = dialog.locator("input[name=element_dry_run]")
    if switch.is_checked() != dry_run:
        dialog.locator("label:has(input[name=element_dry_run])").click()
    expect(switch).to_be_checked(checked=dry_run)
    page.screenshot(path=ARTIFACTS / f"{shot}-01-trigger-form.png")
    dialog.get_by_role("button", name="Trigger").last.click()


def read_the_plan(page, base: str, request_id: int, person: dict, shot: str) -> None:
    """The approval links to the plan, which the Governance page shows: counts, tables and
    reasons, nothing of the person. Back to the approval after."""
    from playwright.sync_api import expect

    link = page.get_by_role("link", name="Read the plan")
    expect(link).to_be_visible()
    approval = page.url
    page.goto(base + link.get_attribute("href"))
    expect(page.get_by_text(f"Erasure, request {request_id}").first).to_be_visible()
    expect(page.get_by_text("crm.customers").first).to_be_visible()
    assert_shows_nothing_of(page, person)
    page.screenshot(path=ARTIFACTS / f"{shot}-03b-plan.png")
    page.goto(approval)


def a_customer_with_orders(engine: Engine) -> tuple[int, dict]:
    """The last customer with an email and orders, and their personal columns."""
    with engine.connect() as conn:
        customer = conn.execute(
            text(
                "SELECT c.customer_id FROM crm.customers c WHERE c.email IS NOT NULL"
                " AND EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id = c.customer_id)"
                " ORDER BY c.customer_id DESC"
            )
        ).scalar()
    return customer, held(engine, customer)


def held(engine: Engine, customer: int) -> dict | None:
    """The customer row's personal columns; None once the row is gone."""
    with engine.connect() as conn:
        row = conn.execute(
            text(f"SELECT {', '.join(PERSONAL)} FROM crm.customers WHERE customer_id = :c"),
            {"c": customer},
        ).one_or_none()
    return None if row is None else dict(row._mapping)


def assert_shows_nothing_of(page, person: dict) -> None:
    """The page shows none of the person's email, full name, phone or ID number."""
    shown = page.inner_text("body")
    values = {
        "email": person["email"],
        "name": f"{person['first_name']} {person['last_name']}",
        "mobile": person["mobile"],
        "national_id": person["national_id"],
    }
    assert [kind for kind, value in values.items() if value and value in shown] == []


def wait_for_approval_asked(client: httpx.Client, timeout: int = 300) -> None:
    """Until the run waits for a person's answer (or fails before asking)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = client.get(
            "/api/v2/dags/~/dagRuns/~/hitlDetails",
            params={"dag_id": DAG_ID, "response_received": False},
        ).json()["hitl_details"]
        if pending:
            return
        runs = client.get(f"/api/v2/dags/{DAG_ID}/dagRuns", params={"order_by": "-id"}).json()
        if runs["dag_runs"] and runs["dag_runs"][0]["state"] == "failed":
            pytest.fail("the run failed before it asked for approval")
        time.sleep(1)
    pytest.fail("the run never asked for approval")
