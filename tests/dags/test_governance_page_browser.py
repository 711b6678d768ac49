"""A person in a browser: log in, trigger the inventory from its form, read the Governance
page; then, with a register of 4,000 findings, filter it, open a table and download the
CSV. Runs ``airflow standalone`` and Debian's Chromium (``.ci/run`` installs it), driven
by Playwright (``browser.py``); screenshots are kept in ``var/test-artifacts/browser/``."""

from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path

import pytest

from include.governance.warehouse import create_warehouse_engine
from tests.dags.browser import ARTIFACTS, api, launch, signed_in, wait_for_dag, wait_for_manual_run
from tests.registers import fill_register

pytestmark = pytest.mark.slow


def test_compliance_workflow_in_the_browser(airflow_ui):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    client = api(airflow_ui)
    wait_for_dag(client, "pii_inventory")
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

        run = wait_for_manual_run(client, "pii_inventory")
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
