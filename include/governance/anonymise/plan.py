"""What each analytics output holds: one output column per rule in the policy, default deny.

The plan is made from the policy and the source table as it is now. A source column reaches
an output only when the policy names a rule other than ``drop`` for it, so a column added
to a source later never flows through on its own. A column the policy names but the
source lacks, or a missing source table, stops the build before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, Engine, String, select, types
from sqlalchemy.engine.interfaces import ReflectedColumn
from sqlalchemy.exc import NoSuchTableError

from include.governance.anonymise.columns import OutputColumn
from include.governance.anonymise.forms import forms_of
from include.governance.anonymise.staging import staged_name
from include.governance.catalog import Catalog
from include.governance.policy import AnonymiseRule, Drop, Keep, OutputRisk, Policy
from include.governance.tables import TableName

KEY_VERSION_COLUMN = "pseudonym_key_version"


class PlanError(ValueError):
    """The policy and the warehouse disagree; names what is missing, never values."""


@dataclass(frozen=True)
class OutputPlan:
    source: str  # schema.table
    output: str  # analytics.table
    key: str  # the source's key column
    columns: tuple[OutputColumn, ...]
    watermark: str | None = None  # the source's last-changed column, for incremental builds
    risk: OutputRisk | None = None  # its quasi-identifiers, and the k it must keep
    full_build_every_days: int = 7

    @property
    def schema(self) -> str:
        return TableName.parse(self.output).schema

    @property
    def table(self) -> str:
        return TableName.parse(self.output).name

    @property
    def staged(self) -> TableName:
        """Where the output is built before it is published."""
        return staged_name(self.schema, self.table)

    @property
    def key_column(self) -> OutputColumn:
        """The pseudonym of the source's key: unique, what the output joins and reconciles on."""
        return next(c for c in self.columns if c.source == self.key)

    @property
    def pseudonyms(self) -> list[OutputColumn]:
        return [c for c in self.columns if forms_of(c.rule).pseudonym]

    @property
    def dated(self) -> bool:
        """Whether the output depends on the run date (ages), not only on the source row."""
        return any(forms_of(c.rule).dated for c in self.columns)

    @property
    def python_only(self) -> list[OutputColumn]:
        """Columns with no SQL form: redaction runs the inventory's detectors in Python."""
        return [c for c in self.columns if not forms_of(c.rule).in_sql]

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
    future_rows: int = 0  # source rows whose watermark is after the time of the snapshot
    in_place: bool = False  # staged: the changed rows and the gone keys, applied at publish


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
    where = TableName.parse(source)
    try:
        found = {c["name"]: c for c in Catalog(engine).get_columns(where.name, schema=where.schema)}
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
    kept_text = [n for n, r in rules.items() if isinstance(r, Keep) and _is_text(found[n])]
    if free_text := _free_text_columns(engine, where, kept_text):
        raise PlanError(
            f"{output}: {', '.join(f'{source}.{c}' for c in free_text)} is free text (sentences "
            "in a sample of its values), which reaches analytics only redacted: redact it or "
            "drop it in the policy"
        )
    columns: list[OutputColumn] = []
    for name, rule in rules.items():
        columns += _output_columns(source, name, rule, found[name])
    plan = OutputPlan(
        source,
        output,
        governed.key,
        tuple(columns),
        governed.watermark,
        governed.risk,
        governed.full_build_every_days,
    )
    if governed.risk:
        unknown = [q for q in governed.risk.quasi_identifiers if q not in plan.output_names]
        if unknown:
            raise PlanError(
                f"{output}: the quasi-identifiers {', '.join(unknown)} are not columns of the "
                f"output (its columns: {', '.join(c.name for c in plan.columns)})"
            )
    return plan


def _output_columns(
    source: str, name: str, rule: AnonymiseRule, found: ReflectedColumn
) -> list[OutputColumn]:
    forms = forms_of(rule)
    if problem := forms.problem(rule, found["type"]):
        raise PlanError(f"{source}.{name}: {problem}")
    base = rule.output or name
    output_type = forms.output_type or found["type"]
    return [
        OutputColumn(
            f"{base}_{part}" if part else base,
            name,
            rule,
            output_type,
            part,
            nullable=found["nullable"] if part is None else True,
        )
        for part in forms.parts
    ]


FREE_TEXT_SAMPLE = 500
FREE_TEXT_WORDS = 5  # a value of this many words or more is a sentence, not a label
FREE_TEXT_SHARE = 0.2


def _is_text(found: ReflectedColumn) -> bool:
    return isinstance(found["type"], types.String)


def _free_text_columns(engine: Engine, source: TableName, names: list[str]) -> list[str]:
    """Which of the ``names`` hold sentences: free text, where a person may write anything
    (a diagnosis, a relative's name), unlike the labels a column is meant to keep."""
    free = []
    table = source.clause(*names)
    with engine.connect() as conn:
        for name in names:
            column = table.c[name]
            values = conn.execute(
                select(column).where(column.is_not(None)).limit(FREE_TEXT_SAMPLE)
            ).scalars()
            sampled = [str(v) for v in values]
            sentences = sum(len(v.split()) >= FREE_TEXT_WORDS for v in sampled)
            if sampled and sentences / len(sampled) >= FREE_TEXT_SHARE:
                free.append(name)
    return free
