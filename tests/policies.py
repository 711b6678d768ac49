"""Variants of the demo policy for tests of one mechanism."""

from __future__ import annotations

from include.governance.policy import Policy


def without_min_k(policy: Policy) -> Policy:
    """The policy with every output's risk measured but no minimum k kept: an output with
    one is always built in full, and a test of incremental builds needs them incremental."""
    return policy.model_copy(
        update={
            "tables": {
                name: table.model_copy(
                    update={"risk": table.risk.model_copy(update={"min_k": None})}
                )
                if table.risk
                else table
                for name, table in policy.tables.items()
            }
        }
    )


def with_reviews(policy: Policy, *reviews: dict) -> Policy:
    """The policy with people's decisions added to its ``reviewed:`` section."""
    data = policy.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["reviewed"] = [*data.get("reviewed", []), *reviews]
    return Policy.model_validate(data)


def with_inventory(policy: Policy, **settings) -> Policy:
    """The policy with its ``inventory:`` settings changed (``full_scan_every_days``)."""
    data = policy.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["inventory"] = {**data.get("inventory", {}), **settings}
    return Policy.model_validate(data)
