"""What the browser tests share: Debian's Chromium driven by Playwright, a person signed in
to Airflow, the REST API beside it for waiting, and where screenshots are kept."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "var" / "test-artifacts" / "browser"


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


def api(ui: dict[str, str]) -> httpx.Client:
    """Airflow's REST API as the reviewer: the tests wait through it, a person clicks."""
    token = httpx.post(
        f"{ui['base']}/auth/token",
        json={"username": ui["user"], "password": ui["password"]},
        timeout=30,
    ).json()["access_token"]
    return httpx.Client(
        base_url=ui["base"], headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def wait_for_dag(client: httpx.Client, dag_id: str, timeout: int = 60) -> None:
    """Until the DAG processor has parsed ``dag_id``'s file."""
    deadline = time.monotonic() + timeout
    while client.get(f"/api/v2/dags/{dag_id}").status_code != 200:
        if time.monotonic() > deadline:
            pytest.fail(f"{dag_id} was not parsed within {timeout} s")
        time.sleep(1)


def wait_for_manual_run(
    client: httpx.Client, dag_id: str, timeout: int = 300, *, conf: dict | None = None
) -> dict:
    """The latest manual run of ``dag_id`` (triggered with ``conf``'s items, when given: a
    run just triggered may not be listed yet), once it has finished."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = client.get(f"/api/v2/dags/{dag_id}/dagRuns", params={"order_by": "-id"}).json()
        manual = [
            r
            for r in runs["dag_runs"]
            if r["run_type"] == "manual" and (conf or {}).items() <= (r["conf"] or {}).items()
        ]
        if manual and manual[0]["state"] in ("success", "failed"):
            return manual[0]
        time.sleep(2)
    pytest.fail(f"the triggered run of {dag_id} did not finish")


# Under a scheduler, Airflow 3.3 marks a human-in-the-loop task failed when it is answered
# before the worker that asked has exited (its "success" event then meets the task queued
# again to resume): seconds under load. A person reads the plan first; a test waits as
# long. (``airflow dags test`` runs the task in its own process, and does not race.)
ANSWER_AFTER_S = 15


def as_a_person_would() -> None:
    """Wait before answering an approval, as long as a person reading it would."""
    time.sleep(ANSWER_AFTER_S)
