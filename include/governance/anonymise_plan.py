"""What each analytics output holds: one output column per rule in the policy, default deny.

The plan is made from the policy and the source table as it is now. A source column reaches
an output only when the policy names a rule other than ``drop`` for it, so a column added
to a source later never flows through on its own. A column the policy names but the
source lacks, or a missing source table, stops the build before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, Engine, Integer, String, Text, inspect
from sqlalchemy.engine.interfaces import ReflectedColumn
from sqlalchemy.exc import NoSuchTableError
from sqlalchemy.types import TypeEngine

from include.governance.anonymise_reference import USER_AGENT_PARTS
from include.governance.anonymise_tables import STAGING_SUFFIX
from include.governance.policy import (
    AgeBand,
    AnonymiseRule,
    Band,
    Drop,
    IpNetwork,
    Policy,
    Pseudonymise,
    Redact,
    Region,
    UserAgent,
)
from include.governance.pseudonym import PSEUDONYM_LENGTH

KEY_VERSION_COLUMN = "pseudonym_key_version"
_TEXT_TYPES: dict[type, TypeEngine] = {
    Pseudonymise: String(PSEUDONYM_LENGTH),
    AgeBand: String(8),
    Region: String(40),
    IpNetwork: String(49),
    UserAgent: String(40),
    Band: String(40),
    Redact: Text(),
}


class PlanError(ValueError):
    """The policy and the warehouse disagree; names what is missing, never values."""


@dataclass(frozen=True)
class OutputColumn:
    name: str
    source: str
    rule: AnonymiseRule
    type: TypeEngine
    part: str | None = None  # user_agent: browser, os or device
    nullable: bool = True  # the source column's

    @property
    def is_text(self) -> bool:
        return isinstance(self.type, String | Text)


@dataclass(frozen=True)
class OutputPlan:
    source: str  # schema.table
    output: str  # analytics.table
    key: str  # the source's key column
    columns: tuple[OutputColumn, ...]
    watermark: str | None = None  # the source's last-changed column, for incremental builds

    @property
    def schema(self) -> str:
        return self.output.split(".")[0]

    @property
    def table(self) -> str:
        return self.output.split(".")[1]

    @property
    def staging(self) -> str:
        return self.table + STAGING_SUFFIX

    @property
    def key_column(self) -> OutputColumn:
        """The pseudonym of the source's key: unique, what the output joins and reconciles on."""
        return next(c for c in self.columns if c.source == self.key)

    @property
    def pseudonyms(self) -> list[OutputColumn]:
        return [c for c in self.columns if isinstance(c.rule, Pseudonymise)]

    @property
    def dated(self) -> bool:
        """Whether the output depends on the run date (ages), not only on the source row."""
        return any(isinstance(c.rule, AgeBand) for c in self.columns)

    @property
    def python_only(self) -> list[OutputColumn]:
        """Columns with no SQL form: redaction runs the inventory's detectors in Python."""
        return [c for c in self.columns if isinstance(c.rule, Redact)]

    @property
    def output_names(self) -> list[str]:
        return [c.name for c in self.columns] + [KEY_VERSION_COLUMN]

    def table_columns(self) -> list[Column]:
        """The output table's columns: one per rule, and the key version they were made with."""
        columns = [Column(c.name, c.type) for c in self.columns]
        return [*columns, Column(KEY_VERSION_COLUMN, String(40), nullable=False)]


@dataclass(frozen=True)
class Filled:
    """What filling a staging table did, counted in the snapshot the source was read in."""

    source_rows: int
    output_rows: int
    watermark: datetime | None = None  # the source's latest change the output holds
    build: str = "full"
    changed_rows: int | None = None  # incremental: rows anonymised afresh
    removed_rows: int | None = None  # incremental: rows gone from the source since


def output_sources(policy: Policy) -> dict[str, str]:
    """Every analytics output and the source table it is made from, in policy order."""
    return {t.anonymise_to: name for name, t in policy.tables.items() if t.anonymise_to}


def plan_output(engine: Engine, policy: Policy, output: str) -> OutputPlan:
    """The plan of ``output``, checked against the source table as it is in the warehouse."""
    sources = output_sources(policy)
    if output not in sources:
        raise PlanError(f"{output} is not an output of any table in the policy")
    source = sources[output]
    governed = policy.tables[source]
    schema, table = source.split(".")
    try:
        found = {c["name"]: c for c in inspect(engine).get_columns(table, schema=schema)}
    except NoSuchTableError:
        raise PlanError(f"{output}: source table {source} named in the policy is missing") from None
    rules = {
        n: c.anonymise for n, c in governed.columns.items() if not isinstance(c.anonymise, Drop)
    }
    named = set(rules) | ({governed.watermark} if governed.watermark else set())
    missing = sorted(named - set(found))
    if missing:
        raise PlanError(
            f"{output}: source {source} lacks columns the policy names: {', '.join(missing)}"
        )
    columns: list[OutputColumn] = []
    for name, rule in rules.items():
        columns += _output_columns(source, name, rule, found[name])
    return OutputPlan(source, output, governed.key, tuple(columns), governed.watermark)


def _output_columns(
    source: str, name: str, rule: AnonymiseRule, found: ReflectedColumn
) -> list[OutputColumn]:
    base = rule.output or name
    source_type = found["type"]
    if isinstance(rule, UserAgent):
        return [
            OutputColumn(f"{base}_{part}", name, rule, _TEXT_TYPES[UserAgent], part)
            for part in USER_AGENT_PARTS
        ]
    if isinstance(rule, Pseudonymise) and not isinstance(source_type, Integer | String):
        raise PlanError(f"{source}.{name}: only integer or text columns can be pseudonymised")
    if isinstance(rule, Band) and rule.edges != sorted(set(rule.edges)):
        raise PlanError(f"{source}.{name}: band edges must be strictly increasing")
    output_type = _TEXT_TYPES.get(type(rule), source_type)
    return [OutputColumn(base, name, rule, output_type, nullable=found["nullable"])]
