"""Data Docs that load nothing from outside.

Great Expectations' Data Docs pull Bootstrap, jQuery, Font Awesome, Vega and more (16
scripts and styles, and a logo) from public CDNs. The Governance page serves them inside
Airflow's own origin, where a script from a CDN could call Airflow's API with the viewer's
session, and most warehouses' networks reach no CDN at all. So every page is rewritten
without them and with a small stylesheet of its own; without Bootstrap's scripts nothing
is collapsed, so every result stays visible.
"""

from __future__ import annotations

import re
from pathlib import Path

_EXTERNAL = (
    re.compile(r"<script\b[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>\s*</script>", re.I),
    re.compile(r"<link\b[^>]*\bhref=[\"']?(?:https?:)?//[^>]*>", re.I),
    re.compile(r"<(?:img|iframe)\b[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>", re.I),  # a logo, a ping
)
_MARKER = "<!-- governance: self-contained -->"
_STYLE = f"""{_MARKER}
<style>
  body {{ font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1d2939; }}
  table {{ border-collapse: collapse; margin: .5rem 0 1rem; }}
  th, td {{ border: 1px solid #d0d5dd; padding: .25rem .5rem; text-align: left; }}
  .badge, .alert {{ display: inline-block; padding: .1rem .4rem; border-radius: .25rem; }}
  .badge-success, .alert-success {{ background: #d1fadf; }}
  .badge-danger, .alert-danger {{ background: #fee4e2; }}
  .fa, .fas, .far {{ display: none; }}
  nav, .ge-breadcrumbs {{ margin-bottom: 1rem; }}
</style>"""


def keep_local(folder: Path) -> None:
    """Rewrite every Data Docs page under ``folder`` without what it would load from
    outside, with the stylesheet above (once: pages are rewritten after every check)."""
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        local = html
        for external in _EXTERNAL:
            local = external.sub("", local)
        if _MARKER not in local:
            local = local.replace("<head>", f"<head>\n{_STYLE}", 1)
        if local != html:
            page.write_text(local, encoding="utf-8")
