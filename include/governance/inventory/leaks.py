"""Personal data in the project's output schemas where the policy puts none: leaks.

The output schemas (``analytics``, ``marketing``: those of the policy's outputs) hold only
what the policy's rules put there, so a finding in one is judged against the policy
instead of being reported as ungoverned. It is expected where the policy puts that data:

* in a column the policy keeps (``keep``), with the category of its source column;
* in a column of a table the policy makes, on the evidence of its name alone: the
  output's own names (``gender``, ``ip_network``) over values the rules generalised.

Anything else is a leak: values that still validate as personal data in a column a rule
transforms (a raw IP address in ``ip_network``), or personal data in a table that no
output of the policy makes (an analyst's ``analytics.campaign_export`` of raw emails).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from include.governance.policy import Keep, Policy
from include.governance.tables import TableName

ColumnKey = tuple[str, str, str]  # schema, table, column


def output_tables(policy: Policy) -> list[str]:
    """Every table the policy's rules write: the analytics outputs and the segments."""
    tables = [t.anonymise_to for t in policy.tables.values() if t.anonymise_to]
    if policy.marketing:
        tables += [policy.marketing.segments, policy.marketing.members]
    return tables


def output_schemas(policy: Policy) -> list[str]:
    """The schemas the policy's outputs are published in, which the leak check scans."""
    return sorted({TableName.parse(t).schema for t in output_tables(policy)})


def leak_reason(policy: Policy, key: ColumnKey, finding: Any) -> str | None:
    """Why a finding in an output schema is a leak; None when the policy puts it there,
    or when there is no finding (a column its table's context cleared)."""
    if finding is None:
        return None
    if f"{key[0]}.{key[1]}" not in output_tables(policy):
        return "in a table no output of the policy makes"
    if _kept(policy).get(key) == finding.category:
        return None
    if finding.evidence.keys() & {"values", "free_text"}:
        return "values that validate as personal data where the policy puts none"
    return None


def leaked_columns(policy: Policy, current: Mapping[ColumnKey, Any]) -> list[dict[str, Any]]:
    """The findings of output schemas that are leaks, with why (names and counts only)."""
    schemas = output_schemas(policy)
    return [
        {
            "column": ".".join(key),
            "category": f.category,
            "confidence": f.confidence,
            "reason": reason,
        }
        for key, f in sorted(current.items())
        if key[0] in schemas and (reason := leak_reason(policy, key, f))
    ]


def _kept(policy: Policy) -> dict[ColumnKey, str | None]:
    """Each output column a ``keep`` rule fills, and its source column's category."""
    kept: dict[ColumnKey, str | None] = {}
    for governed in policy.tables.values():
        if not governed.anonymise_to:
            continue
        output = TableName.parse(governed.anonymise_to)
        for name, column in governed.columns.items():
            if isinstance(column.anonymise, Keep):
                key = (output.schema, output.name, column.anonymise.output or name)
                kept[key] = column.category
    return kept
