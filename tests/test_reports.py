"""Reports reach the Governance page when the workers and the API server share no disk:
every run's report folder is also kept in the warehouse, and the page serves a file from
there when its own reports folder does not have it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import HTTPException

from include.governance.reports import report_folder, store_report, write_report
from include.governance.warehouse import create_warehouse_engine
from tests.governance_ui import governance_ui

ROOT = Path(__file__).parents[1]


def test_a_report_written_on_a_worker_is_served_by_an_api_server_without_it(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/warehouse.db"
    monkeypatch.setenv("WAREHOUSE_URL", url)
    engine = create_warehouse_engine(url)
    worker_disk, server_disk = tmp_path / "worker", tmp_path / "server"
    server_disk.mkdir()
    folder = report_folder("pii_inventory", "manual__2026-11-24T00:00:00+00:00", worker_disk)
    markdown = write_report(folder, "Inventory", "# Inventory\n\n13 tables scanned\n")
    (folder / "data_docs").mkdir()
    (folder / "data_docs" / "index.html").write_text("<html>docs é</html>", encoding="utf-8")
    other = report_folder("pii_inventory", "manual__2026-11-24T00_00_00_00_00x", worker_disk)
    write_report(other, "Other", "# Another run\n")
    store_report(engine, other)
    assert store_report(engine, folder) == 3
    assert store_report(engine, folder) == 3  # a re-run replaces its files

    monkeypatch.setenv("GOVERNANCE_REPORTS_DIR", str(server_disk))
    ui = governance_ui()
    link = ui.report_link(str(markdown))
    run = "manual__2026-11-24T00_00_00_00_00"
    assert link == f"/governance/reports/pii_inventory/{run}/report.html"
    docs_index = folder / "data_docs" / "index.html"
    assert ui.report_link(str(docs_index), "index.html") == (
        f"/governance/reports/pii_inventory/{run}/data_docs/index.html"
    )
    suite = folder / "data_docs" / "analytics_customers" / "index.html"
    assert ui.report_link(str(suite), "index.html") == (
        f"/governance/reports/pii_inventory/{run}/data_docs/analytics_customers/index.html"
    )
    served = ui.report_file(f"pii_inventory/{run}/report.html")
    assert served.body == (folder / "report.html").read_bytes()
    assert served.media_type == "text/html"
    assert served.headers["content-security-policy"].startswith("sandbox;")
    docs = ui.report_file(f"pii_inventory/{run}/data_docs/index.html")
    assert docs.body.decode() == "<html>docs é</html>"
    with pytest.raises(HTTPException) as missing:
        ui.report_file(f"pii_inventory/{run}/nothing.html")
    assert missing.value.status_code == 404
