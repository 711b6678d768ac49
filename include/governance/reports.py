"""Run reports: one Markdown file per run for archiving, and the same as HTML for reading.

Reports hold what the governance tables hold (counts, names, categories, masked examples),
never values. They go to ``$GOVERNANCE_REPORTS_DIR`` (default ``var/reports``), one folder
per DAG and run, where the Governance page and compliance find them; and, with the run's
Data Docs, into ``governance.report_files`` (:func:`store_report`), where an API server
that shares no disk with the workers finds them.
"""

from __future__ import annotations

import html
import os
import re
import zlib
from datetime import UTC, datetime
from pathlib import Path

from markdown_it import MarkdownIt
from sqlalchemy import Engine, delete, insert, select

from include.governance.audit import ensure_governance_tables, report_files
from include.governance.paths import project_root

REPORTS_DIR_ENV = "GOVERNANCE_REPORTS_DIR"
GOVERNANCE_URL = "/governance"  # where the Governance page is served (plugins/governance_ui.py)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #222; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; }}
th, td {{ border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; }}
th {{ background: #f3f3f3; }}
code {{ background: #f6f6f6; padding: 0 0.2rem; }}
</style></head>
<body>
{body}
</body></html>
"""


def reports_dir() -> Path:
    return Path(os.environ.get(REPORTS_DIR_ENV) or project_root() / "var" / "reports")


def report_folder(dag_id: str, run_id: str, root: Path | None = None) -> Path:
    """Where a run's report goes; run ids (``scheduled__2026-11-24T00:00:00+00:00``) are
    made safe as folder names."""
    return (root or reports_dir()) / dag_id / _UNSAFE.sub("_", run_id)


def data_docs_folder(folder: Path, name: str = "") -> Path:
    """Where the Great Expectations Data Docs of one suite (``analytics.orders``) of a run
    go, beside its report."""
    docs = folder / "data_docs"
    return docs / name.replace(".", "_") if name else docs


def write_report(folder: Path, title: str, markdown: str, *, name: str = "report") -> Path:
    """Write ``<name>.md`` and ``<name>.html`` into ``folder``; return the Markdown path."""
    folder.mkdir(parents=True, exist_ok=True)
    md_path = folder / f"{name}.md"
    md_path.write_text(markdown, encoding="utf-8")
    md_path.with_suffix(".html").write_text(html_page(title, markdown), encoding="utf-8")
    return md_path


def html_page(title: str, markdown: str) -> str:
    """A report's Markdown as a page of its own: no script, nothing loaded from elsewhere."""
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return _PAGE.format(title=html.escape(title), body=body)


def report_url(folder: Path, name: str = "report.html") -> str:
    """Where the Governance page serves ``name`` of a run's report folder."""
    return f"{GOVERNANCE_URL}/reports/{_run_path(folder)}/{name}"


def store_report(engine: Engine, folder: Path) -> int:
    """Keep every file of a run's report folder (``<root>/<dag id>/<run>``) in the warehouse,
    replacing what an earlier attempt of the run kept; returns the files kept."""
    ensure_governance_tables(engine)
    run = _run_path(folder)
    now = datetime.now(UTC)
    rows = [
        {
            "path": f"{run}/{path.relative_to(folder).as_posix()}",
            "content": zlib.compress(path.read_bytes()),
            "written_at": now,
        }
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]
    with engine.begin() as conn:
        conn.execute(
            delete(report_files).where(report_files.c.path.startswith(f"{run}/", autoescape=True))
        )
        if rows:
            conn.execute(insert(report_files), rows)
    return len(rows)


def _run_path(folder: Path) -> str:
    """A run's report folder as the page's paths name it: ``<dag id>/<run>``."""
    return "/".join(folder.parts[-2:])


def stored_report_file(engine: Engine, path: str) -> bytes | None:
    """A file :func:`store_report` kept, by its path (``<dag id>/<run>/<file>``)."""
    with engine.connect() as conn:
        content = conn.execute(
            select(report_files.c.content).where(report_files.c.path == path)
        ).scalar()
    return None if content is None else zlib.decompress(content)


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table; cells are escaped so a name with ``|`` cannot break it."""

    def cell(value: object) -> str:
        return str("" if value is None else value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
