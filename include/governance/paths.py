"""Where the project's own files are: the policy, the embedded warehouse, the reports."""

from __future__ import annotations

from pathlib import Path


def project_root() -> Path:
    """The repository root (``include/governance/`` is two levels below it)."""
    return Path(__file__).resolve().parents[2]
