"""A Governance page in the Airflow UI, for compliance: read-only, behind Airflow's login.

The page (``/governance/``, in the UI's navigation) shows the personal-data register with
its coverage gaps (grouped by schema and table, filtered by the query string, a page of
tables at a time; the filtered register as CSV at ``/governance/register.csv``), recent
changes between scans, retention runs with their plans, audit
totals and checks, the legal holds in force, and links to every run's report and Data Docs.
Airflow does not authenticate a plugin's FastAPI app by itself, and the page shows legal
holds' case references: every route here requires a logged-in user granted the
``Governance`` custom view (:func:`may_see_governance`), which a viewer of Airflow is not.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Annotated, ClassVar

from airflow.api_fastapi.app import get_auth_manager
from airflow.api_fastapi.auth.managers.base_auth_manager import BaseAuthManager
from airflow.api_fastapi.auth.managers.models.base_user import BaseUser
from airflow.api_fastapi.core_api.security import GetUserDep
from airflow.configuration import conf
from airflow.plugins_manager import AirflowPlugin
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.responses import FileResponse, HTMLResponse, Response, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from include.governance.register_view import RegisterFilter
from include.governance.reports import GOVERNANCE_URL

URL_PREFIX = GOVERNANCE_URL
GOVERNANCE_VIEW = "Governance"  # the custom view's resource name, as roles grant it
SUBJECT_REQUESTS_VIEW = "Subject requests"  # the download of a person's data
# Reports and Data Docs are served in Airflow's origin: as sandboxed documents (no script
# runs, no cookie or API of Airflow's is reachable), loading nothing from elsewhere.
REPORT_POLICY = (
    "sandbox; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
)
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)


def may_see_governance(auth_manager: BaseAuthManager, user: BaseUser) -> bool:
    """Whether ``user`` holds the Governance view. An auth manager with roles of its own
    (FAB, Keycloak) decides (``is_authorized_custom_view``: a Compliance role granted
    ``can_read`` on ``Governance``); the simple auth manager grants every custom view to
    every viewer, so with it the page is for admins and the users named in
    ``[governance] page_users`` (``AIRFLOW__GOVERNANCE__PAGE_USERS``, comma-separated)."""
    from airflow.api_fastapi.auth.managers.simple.simple_auth_manager import SimpleAuthManager

    if isinstance(auth_manager, SimpleAuthManager):
        named = {u.strip() for u in conf.get("governance", "page_users", fallback="").split(",")}
        return (user.role or "").upper() == "ADMIN" or user.get_name() in named - {""}
    return auth_manager.is_authorized_custom_view(
        method="GET", resource_name=GOVERNANCE_VIEW, user=user
    )


def may_answer_subject_requests(auth_manager: BaseAuthManager, user: BaseUser) -> bool:
    """Whether ``user`` may download a person's data (an access request's answer): a
    permission beyond the page's, the ``Subject requests`` custom view (a DPO role granted
    ``can_read`` on it); with the simple auth manager, admins and the users named in
    ``[governance] subject_request_users``."""
    from airflow.api_fastapi.auth.managers.simple.simple_auth_manager import SimpleAuthManager

    if isinstance(auth_manager, SimpleAuthManager):
        named = conf.get("governance", "subject_request_users", fallback="").split(",")
        return (user.role or "").upper() == "ADMIN" or user.get_name() in (
            {u.strip() for u in named} - {""}
        )
    return auth_manager.is_authorized_custom_view(
        method="GET", resource_name=SUBJECT_REQUESTS_VIEW, user=user
    )


def requires_subject_request_view(user: GetUserDep) -> None:
    if not may_answer_subject_requests(get_auth_manager(), user):
        raise HTTPException(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="a person's data needs the Subject requests view (see the README)",
        )


def requires_governance_view(user: GetUserDep) -> None:
    if not may_see_governance(get_auth_manager(), user):
        raise HTTPException(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="the Governance page needs the Governance view (see the README)",
        )


app = FastAPI(
    title="Governance",
    dependencies=[Depends(requires_governance_view)],
    docs_url=None,
    redoc_url=None,
    openapi_url=None,
)


# The register's filters from the query string, the page's and the export's alike: FastAPI
# reads the query parameters from RegisterFilter.parse's keyword arguments.
Filters = Annotated[RegisterFilter, Depends(RegisterFilter.parse)]


@app.get("/", response_class=HTMLResponse)
def overview(filters: Filters) -> str:
    from include.airflow_support import warehouse_engine
    from include.governance.anonymise.report import describe_build
    from include.governance.inventory.report import describe_evidence
    from include.governance.overview import governance_overview
    from include.governance.policy import load_policy
    from include.governance.register_view import sensitivities

    policy = load_policy()
    return TEMPLATES.get_template("governance.html").render(
        **governance_overview(
            warehouse_engine(),
            marketing_members=policy.marketing.members if policy.marketing else None,
            register_filter=filters,
            sensitivity=sensitivities(policy),
        ),
        policy_version=policy.version,
        url_prefix=URL_PREFIX,
        report_link=report_link,
        describe_evidence=describe_evidence,
        describe_build=describe_build,
    )


@app.get("/register.csv")
def register_export(filters: Filters) -> Response:
    """The filtered register, every page of it, as CSV: names, categories, confidence and
    evidence as stored (masked examples), streamed."""
    from include.airflow_support import warehouse_engine
    from include.governance.overview import open_register
    from include.governance.policy import load_policy
    from include.governance.register_view import register_csv, sensitivities

    register = open_register(warehouse_engine(), sensitivity=sensitivities(load_policy()))
    if register is None:
        raise HTTPException(status_code=404, detail="no register yet: run pii_inventory")
    return StreamingResponse(
        register_csv(register.rows(filters)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="register.csv"'},
    )


@app.get(
    "/subject-requests/{request_id}/{name}",
    dependencies=[Depends(requires_subject_request_view)],
)
def subject_package_file(request_id: int, name: str) -> Response:
    """A file of an access request's answer (the person's data), as a download."""
    from include.airflow_support import warehouse_engine
    from include.governance.subjects.access import package_file

    content = package_file(warehouse_engine(), request_id, name)
    if content is None:
        raise HTTPException(status_code=404, detail="no such file")
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Security-Policy": REPORT_POLICY,
            "Content-Disposition": f'attachment; filename="request-{request_id}-{name}"',
            "Cache-Control": "no-store",
        },
    )


@app.get("/reports/{path:path}")
def report_file(path: str) -> Response:
    """A file of a run's report folder (report, Data Docs), nothing outside them: from this
    server's reports folder, else as the run kept it in the warehouse (the worker that
    wrote it may share no disk with this server)."""
    from include.airflow_support import warehouse_engine
    from include.governance.reports import reports_dir, stored_report_file

    headers = {"Content-Security-Policy": REPORT_POLICY}
    root = reports_dir().resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(root):
        raise HTTPException(status_code=404, detail="no such report")
    if target.is_file():
        return FileResponse(target, headers=headers)
    content = stored_report_file(warehouse_engine(), path)
    if content is None:
        raise HTTPException(status_code=404, detail="no such report")
    media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return Response(content, media_type=media_type, headers=headers)


def report_link(path: str | None, name: str = "report.html") -> str | None:
    """The page's link to a file a run recorded at ``path`` (its report, or a suite's Data
    Docs index, on the disk of the worker that wrote it), with ``name`` in that file's
    folder: ``<dag id>/<run>/[data_docs/<suite>/]<name>``, wherever that disk is."""
    if not path:
        return None
    folder = Path(path).parent.parts
    docs = [i for i, part in enumerate(folder) if part == "data_docs"]
    start = (docs[-1] if docs else len(folder)) - 2  # the DAG's folder, then the run's
    return f"{URL_PREFIX}/reports/{'/'.join(folder[start:])}/{name}"


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
