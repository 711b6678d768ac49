"""The policy's ``reviewed:`` section: people's decisions on findings, each mistake named
with its entry, file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from include.governance.policy import PolicyError, default_policy_path, load_policy

REAL = default_policy_path()


def with_reviewed(tmp_path: Path, entries: str) -> Path:
    """The real policy with its own ``reviewed:`` section replaced by ``entries``."""
    text = REAL.read_text()
    head = text.split("\nreviewed:\n")[0] if "\nreviewed:\n" in text else text
    path = tmp_path / "policy.yml"
    path.write_text(f"{head.rstrip()}\n\nreviewed:\n{entries}")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert str(path) in str(caught.value)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, fragment: str) -> int:
    """The line of the fragment's last occurrence (a repeated entry is the later one)."""
    return max(i for i, s in enumerate(path.read_text().splitlines(), 1) if fragment in s)


GOOD = """\
  - column: crm.customers.email
    decision: confirm
    category: email
    by: data-protection-officer
    on: 2026-11-20
  - column: sales.shipments.carrier
    decision: reject
    by: data-engineering
    on: 2026-11-21
    note: carrier names are companies, not people
  - column: crm.customers.city
    decision: correct
    category: postal_address
    by: data-engineering
    on: 2026-11-21
"""


def test_decisions_load_with_the_bare_yaml_on_key_as_their_date(tmp_path):
    policy = load_policy(with_reviewed(tmp_path, GOOD))
    first, rejected, corrected = policy.reviewed
    assert (first.column, first.decision, first.category) == (
        "crm.customers.email",
        "confirm",
        "email",
    )
    assert first.on == date(2026, 11, 20)  # YAML 1.1 reads a bare `on:` key as true
    assert (rejected.decision, rejected.category) == ("reject", None)
    assert rejected.note == "carrier names are companies, not people"
    assert corrected.category == "postal_address"
    assert policy.version != load_policy().version


def test_the_real_policy_has_reviewed_decisions():
    policy = load_policy()
    assert policy.reviewed
    assert all(r.by and r.on for r in policy.reviewed)


@pytest.mark.parametrize(
    ("entries", "fragment", "expected"),
    [
        (
            GOOD.replace("decision: confirm", "decision: approve"),
            "decision: approve",
            "reviewed[0].decision: Input should be 'confirm', 'correct' or 'reject'",
        ),
        (
            GOOD.replace("    category: postal_address\n", ""),
            "column: crm.customers.city",
            "reviewed[2]: Value error, a correct decision names the right category",
        ),
        (
            GOOD.replace("decision: reject", "decision: reject\n    category: name"),
            "column: sales.shipments.carrier",
            "reviewed[1]: Value error, a reject decision says the column holds no personal "
            "data: leave out category",
        ),
        (
            GOOD.replace("category: email", "category: emial"),
            "category: emial",
            "reviewed[0].category: unknown category 'emial' (known: browser,",
        ),
        (
            GOOD.replace("crm.customers.email", "customers.email"),
            "column: customers.email",
            "reviewed[0].column: 'customers.email' is not a valid name (expected "
            "schema.table.column)",
        ),
        (
            GOOD.replace("    by: data-protection-officer\n", ""),
            "column: crm.customers.email",
            "reviewed[0].by: required but missing",
        ),
        (
            GOOD.replace("on: 2026-11-20", "on: last tuesday"),
            "on: last tuesday",
            "reviewed[0].on: Input should be a valid date",
        ),
        (
            GOOD.replace("    on: 2026-11-20\n", "    on: 2026-11-20\n    reviewer: x\n"),
            "reviewer: x",
            "reviewed[0].reviewer: unknown key (check its spelling)",
        ),
        (
            GOOD.replace("crm.customers.city", "crm.customers.email"),
            "column: crm.customers.email",
            "reviewed[2].column: crm.customers.email is already decided in reviewed[0]",
        ),
        (
            GOOD.replace("category: email", "category: phone"),
            "category: phone",
            "reviewed[0].category: tables[crm.customers].columns.email gives it category "
            "email: the two must agree",
        ),
        (
            GOOD.replace("sales.shipments.carrier", "sales.shipments.recipient_name"),
            "decision: reject",
            "reviewed[1].decision: rejected as not personal data, but "
            "tables[sales.shipments].columns.recipient_name gives it category name",
        ),
    ],
)
def test_each_mistake_names_its_entry_and_line(tmp_path, entries, fragment, expected):
    path = with_reviewed(tmp_path, entries)
    problems = problems_of(path)
    line = line_of(path, fragment)
    assert any(p.startswith(f"line {line}: {expected}") for p in problems), (line, problems)
