"""The draft as YAML a person edits into ``policy.yml``, and its validation merged into the
policy with the policy's own loader (the lines of its problems are the draft's).

The text is written by hand rather than dumped, for the comments: what each finding rests
on, which keys are guessed, and the retention rules left commented out for a person to
decide. It holds names, categories and rules only, never a value, not even a masked one.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from include.governance.inventory.drafting import Draft, DraftColumn, DraftTable
from include.governance.policy import (
    Policy,
    PolicyError,
    PolicyProblem,
    line_of,
    parse_policy,
)

DRAFTED_SECTIONS = ("tables", "retention")
TODO_DESCRIPTION = "TODO: what the table holds, and whose data it is"
TODO_RETENTION = "TODO: why these records are kept, and for how long"


def render_draft(draft: Draft, *, policy: Policy) -> str:
    """The ``tables:`` section, then the guessed retention rules, commented out."""
    scans = ", ".join(draft.scans) or "none"
    out = [
        f"# Draft of the policy's tables: section, from the register of scan {scans}",
        f"# (policy version {policy.version}). Check each entry before it goes into policy.yml:",
        "# the descriptions, the keys marked as guessed, and each rule (drop unless the",
        "# category's purposes include analytics). Columns without a category hold no",
        "# personal data the scan found: dropped from outputs unless a rule says otherwise.",
    ]
    out += [f"# left out: {reason}" for reason in draft.skipped]
    out.append("tables:" if draft.tables else "tables: {}")
    for table in draft.tables:
        out += _table(table)
    guesses = [t for t in draft.tables if t.retention]
    if guesses:
        kinds = sorted({k for t in guesses for k in t.retention.categories})
        out += [
            "",
            f"# Retention rules the scan can guess (tables of {', '.join(kinds)} with a date):",
            "# to use one, uncomment it into the policy's retention section, say why and for",
            "# how long (keep_for), and check the key and the date column.",
            "# retention:",
        ]
        for table in guesses:
            out += [f"# {line}" if line else "#" for line in _retention(table)]
    return "\n".join(out) + "\n"


def _table(table: DraftTable) -> list[str]:
    key_note = "  # guessed: no single-column primary key" if table.key_guessed else ""
    lines = [
        f"  {_name(table.name)}:",
        f"    description: {json.dumps(TODO_DESCRIPTION)}",
        f"    key: {_name(table.key)}{key_note}",
    ]
    if table.anonymise_to:
        lines.append(f"    anonymise_to: {table.anonymise_to}")
    if table.unnamed:
        names = ", ".join(json.dumps(n) for n in table.unnamed)
        lines.append(f"    # not listed, their names are not identifiers: {names}")
    lines.append("    columns:")
    lines += [f"      {_name(c.name)}: {_column(c)}" for c in table.columns]
    return lines


def _column(column: DraftColumn) -> str:
    fields = []
    if column.category:
        fields.append(f"category: {_name(column.category)}")
    if column.rule:
        fields.append(f"anonymise: {column.rule}")
    text = "{" + ", ".join(fields) + "}"
    return f"{text}  # {column.why}" if column.why else text


def _retention(table: DraftTable) -> list[str]:
    guess = table.retention
    others = f"  # other dates: {', '.join(guess.other_dates)}" if guess.other_dates else ""
    return [
        f"  {guess.name}:",
        f"    description: {json.dumps(TODO_RETENTION)}",
        f"    table: {_name(table.name)}",
        f"    key: {_name(table.key)}",
        f"    date_column: {_name(guess.date_column)}{others}",
        "    keep_for: {years: 0}  # TODO: the period the policy sets",
    ]


def _name(name: str) -> str:
    """A name as YAML reads it back: quoted where YAML would take it for something else
    (``on``, ``no``, ``null``)."""
    return name if yaml.safe_load(name) == name else json.dumps(name)


def validate_draft(text: str, policy_file: Path) -> list[PolicyProblem]:
    """Problems of the policy with the draft's sections merged into it (a drafted table
    replaces the policy's entry of that name); lines are the draft's for what it holds."""
    try:
        draft_root = yaml.compose(text)
        draft = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [PolicyProblem((), f"not valid YAML: {exc}", mark.line + 1 if mark else None)]
    source = policy_file.read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    for section in DRAFTED_SECTIONS:
        if draft.get(section):
            data[section] = {**(data.get(section) or {}), **draft[section]}
    try:
        parse_policy(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), policy_file)
    except PolicyError as exc:
        policy_root = yaml.compose(source)
        return [
            PolicyProblem(
                p.path,
                p.message,
                line_of(draft_root if _drafted(draft, p.path) else policy_root, p.path),
            )
            for p in exc.problems
        ]
    return []


def _drafted(draft: dict, path: tuple) -> bool:
    return len(path) >= 2 and path[0] in DRAFTED_SECTIONS and path[1] in (draft.get(path[0]) or {})
