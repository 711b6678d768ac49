"""What a built, unpublished run leaves in the staging schema, for tests of one mechanism."""

from __future__ import annotations

from sqlalchemy import Engine

from include.governance.anonymise.methods.buckets import counted_bucket
from include.governance.anonymise.methods.sizes import keeps_sizes
from include.governance.anonymise.plan import plan_output
from include.governance.anonymise.staging import bucket_counts_name, group_sizes_name
from include.governance.dialects import dialect_of
from include.governance.policy import Policy


def staged_tables(engine: Engine, policy: Policy, outputs: list[str]) -> list[str]:
    """Each output's staging table and, beside the pushdown's, the rows per day and the
    group sizes of each output that can be built in place (published with it), sorted."""
    plans = [plan_output(engine, policy, o) for o in outputs]
    counted = [p for p in plans if dialect_of(engine).pushdown and counted_bucket(p)]
    with engine.connect() as conn:
        sized = [p for p in plans if keeps_sizes(conn, p)]
    return sorted(
        [p.staged.name for p in plans]
        + [bucket_counts_name(p.schema, p.table, published=False).name for p in counted]
        + [group_sizes_name(p.schema, p.table, published=False).name for p in sized]
    )
