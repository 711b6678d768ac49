"""What the anonymisation DAG's segments task calls: build, prove and publish the segments."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from include.governance.marketing.segments import build_segments
from include.governance.policy import Policy
from include.governance.quality import Checks
from include.governance.reports import data_docs_folder

log = logging.getLogger(__name__)


def segments(engine: Engine, policy: Policy, run_id: str, *, folder: Path, **options: Any) -> dict:
    """The k-anonymous segments of consenting customers, their Data Docs in the run's
    ``folder``; ``options`` are those of :func:`.segments.build_segments` (key, run date,
    method, ...). Counts and levels only."""
    checks = Checks(engine, data_docs_folder(folder, "marketing"))
    result = build_segments(engine, policy, run_id, checks=checks, **options)
    log.info(
        "%d segments of %d consenting customers (k %d, smallest %s, average %s); "
        "%d suppressed (budget %d); levels %s",
        result.segments,
        result.consenting,
        policy.marketing.k,
        result.k_achieved,
        result.average_size,
        result.suppressed,
        result.max_suppressed,
        result.levels,
    )
    return result.as_dict()
