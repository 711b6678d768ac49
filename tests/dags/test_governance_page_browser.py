"""A person in a browser: log in, trigger the inventory from its form, read the Governance
page; then, with a register of 4,000 findings, filter it, open a table and download the
CSV. Runs ``airflow standalone`` and Debian's Chromium (``.ci/run`` installs it), driven
by Playwright; screenshots are kept in ``var/test-artifacts/browser/``."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from include.governance.warehouse import create_warehouse_engine
from tests.registers import fill_register

ROOT = Path(__file__).parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "var" / "test-artifacts" / "browser"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def airflow_ui(tmp_path_factory, project_airflow_env) -> Iterator[dict[str, str]]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: run make test (scripts/test-prerequisites installs it)")
    home = tmp_path_factory.mktemp("standalone")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = project_airflow_env(
        home,
        AIRFLOW__API__PORT=str(port),
        AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"http://127.0.0.1:{port}/execution/",
        AIRFLOW__CORE__PARALLELISM="4",
        AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="True",
        AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="reviewer:admin",
    )
    log = (home / "standalone.log").open("w")
    server = subprocess.Popen(
        ["airflow", "standalone"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(180):
            passwords = home / "simple_auth_manager_passwords.json.generated"
            try:
                up = httpx.get(f"{base}/api/v2/monitor/health", timeout=2).status_code == 200
            except httpx.TransportError:
                up = False
            if up and passwords.exists():
                break
            time.sleep(1)
        else:
            pytest.fail(f"airflow standalone did not start; see {home / 'standalone.log'}")
        password = json.loads(passwords.read_text())["reviewer"]
        yield {
            "base": base,
            "user": "reviewer",
            "password": password,
            "warehouse_url": env["WAREHOUSE_URL"],
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()


def api(ui: dict[str, str]) -> httpx.Client:
    token = httpx.post(
        f"{ui['base']}/auth/token",
        json={"username": ui["user"], "password": ui["password"]},
        timeout=30,
    ).json()["access_token"]
    return httpx.Client(
        base_url=ui["base"], headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def test_compliance_workflow_in_the_browser(airflow_ui):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    client = api(airflow_ui)
    for _ in range(60):  # the DAG processor has to have parsed the DAG files
        if client.get("/api/v2/dags/pii_inventory").status_code == 200:
            break
        time.sleep(1)
    client.patch("/api/v2/dags/pii_inventory", json={"is_paused": False}).raise_for_status()

    with sync_playwright() as p:
        browser = launch(p)
        page = signed_in(browser, airflow_ui, screenshot="01-login.png")
        page.goto(airflow_ui["base"] + "/dags/pii_inventory")
        page.get_by_role("button", name="Trigger").first.click()
        dialog = page.get_by_role("dialog")
        sample = dialog.locator("input[name=element_sample_size]")
        sample.fill("500")
        page.screenshot(path=ARTIFACTS / "02-trigger-form.png")
        dialog.get_by_role("button", name="Trigger").last.click()

        run = wait_for_manual_run(client)
        assert run["state"] == "success", run
        assert run["conf"]["sample_size"] == 500  # the value typed into the form
        page.goto(airflow_ui["base"] + "/dags/pii_inventory")
        page.screenshot(path=ARTIFACTS / "03-run-succeeded.png")

        page.get_by_role("link", name="Governance").click()
        frame = page.frame_locator("iframe").first
        expect(frame.locator("#register")).to_contain_text("crm.customers.email", timeout=30_000)
        expect(frame.locator("#register")).to_contain_text("hr.job_applicants.fodselsdato")
        expect(frame.get_by_text("Coverage gaps")).to_be_visible()
        page.screenshot(path=ARTIFACTS / "04-governance.png", full_page=True)
        browser.close()


def test_a_register_of_4000_findings_filtered_opened_and_exported(airflow_ui):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    rows = fill_register(create_warehouse_engine(airflow_ui["warehouse_url"]))
    wanted = [r for r in rows if r["schema_name"] == "shop_03" and not r["governed"]]
    base = airflow_ui["base"]
    with sync_playwright() as p:
        browser = launch(p)
        page = signed_in(browser, airflow_ui)
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        for visit in ("first", "second"):  # the first imports the page's modules
            started = time.perf_counter()
            page.goto(f"{base}/governance/", wait_until="load")
            seconds = time.perf_counter() - started
            print(f"\nGovernance page in Chromium, 4,000+ findings, {visit} visit: {seconds:.2f} s")
        assert [u for u in requested if not u.startswith(base)] == []  # nothing from outside

        page.goto(f"{base}/")
        page.get_by_role("link", name="Governance").click()
        frame = page.frame_locator("iframe").first
        register = frame.locator("#register")
        expect(register).to_contain_text("columns in 1", timeout=30_000)
        register.locator("select[name=schema]").select_option("shop_03")
        register.locator("select[name=governed]").select_option("no")
        register.get_by_role("button", name="Filter").click()
        expect(register).to_contain_text(f"{len(wanted)} columns in 100 tables match the filters")
        expect(register.locator("select[name=schema]")).to_have_value("shop_03")
        assert "shop_04." not in register.inner_text()

        table = register.locator("details").first
        expect(table.locator("table")).to_be_hidden()
        table.locator("summary").click()
        expect(table.locator("table")).to_be_visible()
        expect(table).to_contain_text("shop_03.table_000.device_3")
        page.screenshot(path=ARTIFACTS / "05-register-filtered.png", full_page=True)

        with page.expect_download() as download:
            register.get_by_role("link", name=re.compile("CSV")).click()
        exported = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
        assert [(r["schema"], r["table"], r["column"]) for r in exported] == sorted(
            (r["schema_name"], r["table_name"], r["column_name"]) for r in wanted
        )
        assert {r["governed"] for r in exported} == {"no"}
        browser.close()


def launch(p):
    """Debian's Chromium, headless, with nothing of its own reaching the network."""
    return p.chromium.launch(
        executable_path=str(CHROMIUM),
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    )


def signed_in(browser, ui: dict[str, str], screenshot: str | None = None):
    """A page of ``browser`` signed in to Airflow as the reviewer."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(ui["base"] + "/")
    page.fill("input[name=username]", ui["user"])
    page.fill("input[name=password]", ui["password"])
    if screenshot:
        page.screenshot(path=ARTIFACTS / screenshot)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/", timeout=30_000)
    return page


def wait_for_manual_run(client: httpx.Client, timeout: int = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = client.get("/api/v2/dags/pii_inventory/dagRuns").json()["dag_runs"]
        manual = [r for r in runs if r["run_type"] == "manual"]
        if manual and manual[0]["state"] in ("success", "failed"):
            return manual[0]
        time.sleep(2)
    pytest.fail("the triggered run did not finish")
