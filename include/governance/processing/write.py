"""The record of processing, written into each inventory run's report folder (so it
follows the register and the policy version, and is kept in the warehouse with the report)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from include.governance.policy import Policy
from include.governance.processing.facts import warehouse_facts
from include.governance.processing.render import render_record
from include.governance.reports import write_report

RECORD_NAME = "record_of_processing"


def write_processing_record(engine: Engine, policy: Policy, scan_id: str, *, folder: Path) -> Path:
    """Generate the record from the policy and the register as ``scan_id`` left it, and
    write it (Markdown and HTML) into ``folder``; returns the Markdown path."""
    facts = warehouse_facts(
        engine,
        scan_id=scan_id,
        marketing_members=policy.marketing.members if policy.marketing else None,
    )
    return write_report(
        folder,
        f"Record of processing activities: {policy.organisation}",
        render_record(policy, facts, generated_at=datetime.now(UTC)),
        name=RECORD_NAME,
    )
