"""The privacy policy as data: pydantic models for ``include/policy.yml`` and its version hash.

Every governance run records the policy's version (a hash of its validated content, so a
comment or re-indentation does not change it) next to what it did.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal, Union, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
Identifier = Annotated[str, Field(pattern=rf"^{_IDENT}$")]
QualifiedName = Annotated[str, Field(pattern=rf"^{_IDENT}\.{_IDENT}$", description="schema.table")]
ColumnPath = Annotated[
    str, Field(pattern=rf"^{_IDENT}\.{_IDENT}\.{_IDENT}$", description="schema.table.column")
]


class Sensitivity(StrEnum):
    """How much harm a leak does; ``special`` is GDPR art. 9 (health), ``high`` national IDs."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    SPECIAL = "special"


ValueDetector = Literal[
    "email",
    "phone",
    "ip_address",
    "payment_card",
    "iban",
    "national_id",
    "date_of_birth",
    "postcode",
    "gender",
    "salutation",
    "user_agent",
    "screen_resolution",
    "person_name",
    "name_suffix",
    "free_text",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Detection(_Strict):
    """How the inventory recognises a category: column names and value detectors."""

    column_names: list[str] = Field(default_factory=list)
    confirm_names: list[str] = Field(
        default_factory=list,
        description="Names that point at the category only when the values agree "
        "(a product's `name` is not a person's).",
    )
    values: list[ValueDetector] = Field(default_factory=list)


class Category(_Strict):
    """A kind of personal data the policy names, with why it is held."""

    group: Identifier
    description: str
    purposes: list[Identifier] = Field(min_length=1)
    sensitivity: Sensitivity
    identifying: bool = Field(
        False, description="Identifies a person on its own: never kept as is in an output."
    )
    detect: Detection = Field(default_factory=Detection)


# --- anonymisation rules: one per governed column; ``drop`` unless the policy says more ---


class _Rule(_Strict):
    output: Identifier | None = Field(None, alias="as", description="Output column name.")


class Drop(_Rule):
    rule: Literal["drop"]


class Keep(_Rule):
    rule: Literal["keep"]


class Pseudonymise(_Rule):
    """Keyed HMAC-SHA256 with a per-purpose secret: stable, joinable, not brute-forceable."""

    rule: Literal["pseudonymise"]


class AgeBand(_Rule):
    rule: Literal["age_band"]


class Region(_Rule):
    rule: Literal["region"]


class TruncateTime(_Rule):
    rule: Literal["truncate_time"]
    to: Literal["hour", "day", "month", "year"]


class IpNetwork(_Rule):
    """IPv4 to its /24, IPv6 to its /48."""

    rule: Literal["ip_network"]


class UserAgent(_Rule):
    """A user-agent string to browser family, OS family and device type."""

    rule: Literal["user_agent"]


class Redact(_Rule):
    """Free text with every detected piece of personal data replaced by a placeholder."""

    rule: Literal["redact"]


class Band(_Rule):
    """A number to the half-open band between two of ``edges`` (``[1000,5000)``): amounts."""

    rule: Literal["band"]
    edges: list[int] = Field(min_length=1)


def _rule_shorthand(value: Any) -> Any:
    return {"rule": value} if isinstance(value, str) else value


_RULES = (
    Drop,
    Keep,
    Pseudonymise,
    AgeBand,
    Region,
    TruncateTime,
    IpNetwork,
    UserAgent,
    Redact,
    Band,
)
RULE_NAMES = frozenset(get_args(rule.model_fields["rule"].annotation)[0] for rule in _RULES)

AnonymiseRule = Annotated[
    Union[_RULES],  # noqa: UP007 (a tuple of types needs Union)
    Field(discriminator="rule"),
    BeforeValidator(_rule_shorthand),
]


class GovernedColumn(_Strict):
    category: Identifier | None = Field(None, description="None: not personal data.")
    anonymise: AnonymiseRule = Field(default_factory=lambda: Drop(rule="drop"))


class OutputRisk(_Strict):
    """How identifying an output may be: the columns someone could know of a person from
    elsewhere (age band, region, gender ...), measured every run, and the smallest group of
    rows they may single out."""

    quasi_identifiers: list[Identifier] = Field(
        min_length=1, description="Output column names, as the rules name them (``as``)."
    )
    min_k: int | None = Field(
        None,
        ge=2,
        description="Every combination of the quasi-identifiers is shared by at least this "
        "many rows: generalised along the fixed hierarchies, or suppressed within the budget, "
        "else the build fails. None: measured and reported only.",
    )
    max_suppressed_share: float = Field(0.01, ge=0, le=1)


class GovernedTable(_Strict):
    description: str
    category: Identifier | None = Field(None, description="What the table as a whole is about.")
    key: Identifier
    anonymise_to: QualifiedName | None = None
    watermark: Identifier | None = Field(
        None,
        description="A column every insert and update sets to the time it happened: the "
        "output is then built incrementally, from the rows changed since the last build.",
    )
    full_build_every_days: int = Field(
        7,
        ge=1,
        description="An incremental output is built in full again when its last full build "
        "is this many days older than the run: what a change without its watermark missed "
        "is mended within that time.",
    )
    columns: dict[Identifier, GovernedColumn] = Field(min_length=1)
    risk: OutputRisk | None = Field(None, description="Re-identification risk of the output.")


class Period(_Strict):
    years: int = Field(0, ge=0)
    months: int = Field(0, ge=0)
    days: int = Field(0, ge=0)

    def __str__(self) -> str:
        parts = [(self.years, "years"), (self.months, "months"), (self.days, "days")]
        return ", ".join(f"{n} {unit}" for n, unit in parts if n)


class ChildTable(_Strict):
    """Rows deleted with their root: those of ``table`` whose ``column`` refers to the root's
    key, or, a level further down, to ``parent_column`` of another child (an order's
    shipments, then the shipments' tracking events)."""

    table: QualifiedName
    column: Identifier = Field(description="The column that refers to the parent's key.")
    parent: QualifiedName | None = Field(
        None,
        description="The table whose rows these rows belong to: the rule's table (the "
        "default) or a child listed before this one.",
    )
    parent_column: Identifier | None = Field(
        None,
        description="The parent's column that ``column`` refers to: the rule's key by "
        "default; needed when the parent is another child.",
    )
    sweep_orphans: bool = Field(
        True,
        description="Also delete rows whose parent is gone (an earlier delete, a load "
        "without foreign keys): they would keep their personal data for ever.",
    )


HoldValue = str | int | bool
RUN_DATE = "run_date"


class Match(_Strict):
    """One column's test in a hold, as data (never SQL): exactly one of its fields.

    NULL meets ``is_null: true``, ``not`` and ``not_in`` (a claim whose status is unknown is
    not closed), and no other test."""

    equals: HoldValue | None = None
    in_: list[HoldValue] | None = Field(None, alias="in", min_length=1)
    not_: HoldValue | None = Field(None, alias="not")
    not_in: list[HoldValue] | None = Field(None, min_length=1)
    is_null: bool | None = None
    on_or_after: Literal["run_date"] | date | None = Field(
        None,
        description="A date or timestamp column on or after the run's logical date (or a "
        "fixed date): a warranty that has not ended yet.",
    )

    @model_validator(mode="after")
    def _one_test(self) -> Match:
        given = [name for name, value in self if value is not None]
        if len(given) != 1:
            names = ", ".join(f.alias or n for n, f in type(self).model_fields.items())
            raise ValueError(f"give exactly one of {names} (got {len(given)})")
        return self


def as_match(value: HoldValue | Match) -> Match:
    """A hold's test as a :class:`Match`: a plain value means equality, as it always did."""
    return value if isinstance(value, Match) else Match(equals=value)


class HoldCondition(_Strict):
    """Keeps a root row while a row in ``table`` refers to it and matches every test of
    ``where`` (``status: open``, ``status: {in: [open, escalated]}``, ``closed_at: {is_null:
    true}``, ``warranty_ends_on: {on_or_after: run_date}``)."""

    name: Identifier
    description: str
    table: QualifiedName
    column: Identifier = Field(description="The column that refers to the root's key.")
    where: dict[Identifier, Match | HoldValue] = Field(default_factory=dict)


class ClearColumns(_Strict):
    """Columns of a kept row that are kept for less time than the row: set to NULL after
    ``keep_for`` (an order's IP address, kept for security only)."""

    columns: list[Identifier] = Field(min_length=1)
    keep_for: Period
    reason: str


class RetentionRule(_Strict):
    description: str
    purposes: list[Identifier] = Field(
        default_factory=list,
        description="The obligations the records are kept for (accounting, warranty): an "
        "erasure request keeps a record within its period for these, and clears the columns "
        "they do not need.",
    )
    table: QualifiedName
    key: Identifier
    date_column: Identifier
    keep_for: Period
    children: list[ChildTable] = Field(default_factory=list)
    holds: list[HoldCondition] = Field(default_factory=list)
    max_delete_share: float = Field(0.05, gt=0, le=1)
    clear_columns: list[ClearColumns] = Field(default_factory=list)


class SegmentCustomers(_Strict):
    """The people of the marketing segments, and the columns of their quasi-identifiers."""

    table: QualifiedName
    key: Identifier
    consent: Identifier = Field(description="True when the customer consented to marketing.")
    date_of_birth: Identifier
    gender: Identifier
    postcode: Identifier


class SegmentOrders(_Strict):
    """The orders that give each customer's recency, frequency and monetary bands."""

    table: QualifiedName
    customer: Identifier
    ordered_at: Identifier
    amount: Identifier


class MarketingPolicy(_Strict):
    """k-anonymous target groups of the customers who consented to marketing."""

    description: str
    customers: SegmentCustomers
    orders: SegmentOrders
    behaviour_window: Period = Field(default_factory=lambda: Period(years=2))
    k: int = Field(10, ge=2, description="Every segment has at least k members.")
    max_suppressed_share: float = Field(
        0.05, ge=0, le=1, description="Of consenting customers; more fails the run."
    )
    segments: QualifiedName = "marketing.segments"
    members: QualifiedName = "marketing.segment_members"


class InventorySettings(_Strict):
    """How the inventory scans: a table unchanged since its last scan keeps its findings,
    and every table is sampled again this often whatever its counters say."""

    full_scan_every_days: int = Field(
        7,
        ge=1,
        description="A table whose findings were sampled this many days before the scan, or "
        "more, is sampled again even when its change counters show no change: whatever they "
        "could miss is mended within that time.",
    )


class Activity(_Strict):
    """What the record of processing (GDPR art. 30) says of one purpose beyond what the
    rest of the policy holds: whose data it is, why it is lawful, who receives it."""

    subjects: list[str] = Field(
        min_length=1, description="Categories of people: customers, applicants, ..."
    )
    legal_basis: str = Field(min_length=1, description="GDPR art. 6 (and art. 9) basis.")
    recipients: list[str] = Field(
        default_factory=list, description="Recipients and processors the data goes to."
    )
    transfers: str = Field(
        "none", description="Transfers to countries outside the EEA, and their safeguards."
    )


class ProcessingRecord(_Strict):
    """The controller's part of the record of processing; the generated record adds the
    categories, tables, retention periods and measures from the rest of the policy."""

    contact: str | None = Field(
        None, description="Where people and the authority write (art. 30(1)(a) asks for it)."
    )
    activities: dict[Identifier, Activity] = Field(
        default_factory=dict, description="One per purpose (a purpose without one is a gap)."
    )


Decision = Literal["confirm", "correct", "reject"]


class Review(_Strict):
    """A person's decision on a finding: it is (``confirm``) or rather is (``correct``) the
    category named, or holds no personal data (``reject``). Scans keep to it and report new
    evidence against it; who decided stays here, in the policy's history, not in reports."""

    column: ColumnPath
    decision: Decision
    category: Identifier | None = Field(
        None, description="The category the column holds: needed to confirm or correct."
    )
    by: str = Field(min_length=1, description="Who decided: a person's or a team's handle.")
    on: date = Field(description="When it was decided.")
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _yaml_on_key(cls, data: Any) -> Any:
        """YAML 1.1 (PyYAML) reads a bare ``on:`` key as ``True``: it is the date's key."""
        if isinstance(data, dict) and True in data and "on" not in data:
            return {("on" if key is True else key): value for key, value in data.items()}
        return data

    @model_validator(mode="after")
    def _category_fits_decision(self) -> Review:
        if self.decision == "reject" and self.category is not None:
            raise ValueError(
                "a reject decision says the column holds no personal data: leave out category"
            )
        if self.decision != "reject" and self.category is None:
            what = "it confirms" if self.decision == "confirm" else "the right category"
            raise ValueError(f"a {self.decision} decision names {what} (category)")
        return self

    @property
    def key(self) -> tuple[str, str, str]:
        schema, table, column = self.column.split(".")
        return schema, table, column


class Policy(_Strict):
    organisation: str
    purposes: dict[Identifier, str] = Field(min_length=1)
    categories: dict[Identifier, Category] = Field(min_length=1)
    tables: dict[QualifiedName, GovernedTable] = Field(default_factory=dict)
    retention: dict[Identifier, RetentionRule] = Field(default_factory=dict)
    marketing: MarketingPolicy | None = None
    inventory: InventorySettings = Field(default_factory=InventorySettings)
    processing: ProcessingRecord | None = Field(
        None, description="The record of processing's controller part (GDPR art. 30)."
    )
    reviewed: list[Review] = Field(
        default_factory=list, description="People's decisions on the inventory's findings."
    )

    @cached_property
    def decisions(self) -> dict[tuple[str, str, str], Review]:
        """Each reviewed column's decision, by (schema, table, column)."""
        return {review.key: review for review in self.reviewed}

    @cached_property
    def version(self) -> str:
        """A short hash of the validated content: what each run records as the policy version.
        Fields left at their defaults are not part of it, so a new optional field keeps the
        version of every policy that does not use it."""
        dumped = self.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        canonical = json.dumps(dumped, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()[:12]
