"""The Governance plugin loaded as Airflow loads it (a file of plugins/, not a package), for
tests that call its app without Airflow's login."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from fastapi.testclient import TestClient

PLUGIN = Path(__file__).parents[1] / "plugins" / "governance_ui.py"


def governance_ui() -> ModuleType:
    """A fresh copy of the plugin's module (it reads the environment when asked, not here)."""
    spec = importlib.util.spec_from_file_location("governance_ui_under_test", PLUGIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_client() -> TestClient:
    """The page's app with its permission check passed, as for a user granted the view."""
    ui = governance_ui()
    ui.app.dependency_overrides[ui.requires_governance_view] = lambda: None
    return TestClient(ui.app)
