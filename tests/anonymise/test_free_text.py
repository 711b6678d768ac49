"""Privacy by default: free text reaches analytics only when the policy redacts it."""

from __future__ import annotations

import pytest

from include.governance.anonymise.plan import PlanError, plan_output
from include.governance.policy import Keep
from tests.anonymise.test_build import POLICY


def _with_rule(column: str, rule) -> object:
    table = POLICY.tables["service.contacts"]
    columns = {
        **table.columns,
        column: table.columns[column].model_copy(update={"anonymise": rule}),
    }
    tables = {**POLICY.tables, "service.contacts": table.model_copy(update={"columns": columns})}
    return POLICY.model_copy(update={"tables": tables})


def test_free_text_kept_as_it_is_is_refused(demo):
    policy = _with_rule("notes", Keep(rule="keep"))
    with pytest.raises(
        PlanError, match=r"service\.contacts\.notes is free text .* redact it or drop"
    ):
        plan_output(demo, policy, "analytics.service_contacts")


def test_short_labels_may_be_kept_and_redacted_text_is_planned(demo):
    assert plan_output(demo, POLICY, "analytics.service_contacts").columns  # topic: keep
