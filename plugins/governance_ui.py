"""A Governance page in the Airflow UI, for compliance: read-only, behind Airflow's login.

The page (``/governance/``, in the UI's navigation) shows the personal-data register with
its coverage gaps, recent changes between scans, retention runs with their plans, audit
totals and checks, the legal holds in force, and links to every run's report and Data Docs.
Airflow does not authenticate a plugin's FastAPI app by itself: every route here requires
a logged-in user allowed to see plugins (Airflow's own ``requires_access_view``).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from airflow.api_fastapi.auth.managers.models.resource_details import AccessView
from airflow.api_fastapi.core_api.security import requires_access_view
from airflow.plugins_manager import AirflowPlugin
from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

URL_PREFIX = "/governance"
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)

app = FastAPI(
    title="Governance",
    dependencies=[Depends(requires_access_view(AccessView.PLUGINS))],
    docs_url=None,
    redoc_url=None,
    openapi_url=None,
)


@app.get("/", response_class=HTMLResponse)
def overview() -> str:
    from include.airflow_support import warehouse_engine
    from include.governance.anonymise.report import describe_build
    from include.governance.inventory.report import describe_evidence
    from include.governance.overview import governance_overview
    from include.governance.policy import load_policy

    policy = load_policy()
    return TEMPLATES.get_template("governance.html").render(
        **governance_overview(warehouse_engine()),
        policy_version=policy.version,
        report_link=report_link,
        describe_evidence=describe_evidence,
        describe_build=describe_build,
    )


@app.get("/reports/{path:path}")
def report_file(path: str) -> FileResponse:
    """A file of a run's report folder (report, Data Docs); nothing outside it."""
    from include.governance.reports import reports_dir

    root = reports_dir().resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        raise HTTPException(status_code=404, detail="no such report")
    return FileResponse(target)


def report_link(path: str | None, name: str = "report.html") -> str | None:
    """The page's link to a report written at ``path`` (its Markdown file), if it is there."""
    from include.governance.reports import reports_dir

    if not path:
        return None
    folder = Path(path).parent.resolve()
    root = reports_dir().resolve()
    if not folder.is_relative_to(root):
        return None
    return f"{URL_PREFIX}/reports/{folder.relative_to(root)}/{name}"


class GovernancePlugin(AirflowPlugin):
    name = "governance"
    fastapi_apps: ClassVar[list[dict]] = [
        {"app": app, "url_prefix": URL_PREFIX, "name": "Governance"}
    ]
    external_views: ClassVar[list[dict]] = [
        {
            "name": "Governance",
            "href": f"{URL_PREFIX}/",
            "destination": "nav",
            "url_route": "governance",
        }
    ]
