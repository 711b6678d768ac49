"""The privacy policy as data: pydantic models for ``include/policy.yml``, loading, version hash.

Every governance run records the policy's version (a hash of its validated content, so a
comment or re-indentation does not change it) next to what it did. A malformed policy
raises :class:`PolicyError` naming the file, the line, the path inside the file and what is
wrong, listing every problem found (the shape of the file is checked first, then the
references between its sections); DAG files load the policy when parsed, so the
Airflow UI shows the same message as an import error.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from include.governance.warehouse import project_root

POLICY_FILE_ENV = "GOVERNANCE_POLICY_FILE"

_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
Identifier = Annotated[str, Field(pattern=rf"^{_IDENT}$")]
TableName = Annotated[str, Field(pattern=rf"^{_IDENT}\.{_IDENT}$", description="schema.table")]


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
    "national_id",
    "date_of_birth",
    "postcode",
    "gender",
    "user_agent",
    "screen_resolution",
    "person_name",
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


class GovernedTable(_Strict):
    description: str
    category: Identifier | None = Field(None, description="What the table as a whole is about.")
    key: Identifier
    anonymise_to: TableName | None = None
    watermark: Identifier | None = Field(
        None,
        description="A column every insert and update sets to the time it happened: the "
        "output is then built incrementally, from the rows changed since the last build.",
    )
    columns: dict[Identifier, GovernedColumn] = Field(min_length=1)


class Period(_Strict):
    years: int = Field(0, ge=0)
    months: int = Field(0, ge=0)
    days: int = Field(0, ge=0)


class ChildTable(_Strict):
    table: TableName
    column: Identifier = Field(description="The column that refers to the root key.")


class HoldCondition(_Strict):
    """Keeps a root row while a row in ``table`` refers to it and matches ``where``."""

    name: Identifier
    description: str
    table: TableName
    column: Identifier
    where: dict[Identifier, str | int | bool] = Field(default_factory=dict)


class ClearColumns(_Strict):
    """Columns of a kept row that are kept for less time than the row: set to NULL after
    ``keep_for`` (an order's IP address, kept for security only)."""

    columns: list[Identifier] = Field(min_length=1)
    keep_for: Period
    reason: str


class RetentionRule(_Strict):
    description: str
    table: TableName
    key: Identifier
    date_column: Identifier
    keep_for: Period
    children: list[ChildTable] = Field(default_factory=list)
    holds: list[HoldCondition] = Field(default_factory=list)
    max_delete_share: float = Field(0.05, gt=0, le=1)
    clear_columns: list[ClearColumns] = Field(default_factory=list)


class SegmentCustomers(_Strict):
    """The people of the marketing segments, and the columns of their quasi-identifiers."""

    table: TableName
    key: Identifier
    consent: Identifier = Field(description="True when the customer consented to marketing.")
    date_of_birth: Identifier
    gender: Identifier
    postcode: Identifier


class SegmentOrders(_Strict):
    """The orders that give each customer's recency, frequency and monetary bands."""

    table: TableName
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
    segments: TableName = "marketing.segments"
    members: TableName = "marketing.segment_members"


class Policy(_Strict):
    organisation: str
    purposes: dict[Identifier, str] = Field(min_length=1)
    categories: dict[Identifier, Category] = Field(min_length=1)
    tables: dict[TableName, GovernedTable] = Field(default_factory=dict)
    retention: dict[Identifier, RetentionRule] = Field(default_factory=dict)
    marketing: MarketingPolicy | None = None

    @cached_property
    def version(self) -> str:
        """A short hash of the validated content: what each run records as the policy version."""
        canonical = json.dumps(self.model_dump(mode="json", by_alias=True), sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class PolicyProblem:
    path: tuple[str | int, ...]
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{format_path(self.path)}: {self.message}"


class PolicyError(ValueError):
    """The policy file cannot be read or is not a valid policy; lists every problem."""

    def __init__(self, file: Path, problems: list[PolicyProblem]):
        self.file = file
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"invalid privacy policy {file}:\n{listed}")


def default_policy_path() -> Path:
    return Path(os.environ.get(POLICY_FILE_ENV) or project_root() / "include" / "policy.yml")


def load_policy(path: str | Path | None = None) -> Policy:
    """Read, parse and validate the policy file; raise :class:`PolicyError` when it is wrong."""
    file = Path(path) if path else default_policy_path()
    try:
        source = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(file, [PolicyProblem((), f"cannot read the file: {exc}")]) from None
    try:
        root = yaml.compose(source)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyError(file, [PolicyProblem((), f"not valid YAML: {problem}", line)]) from None
    if not isinstance(data, dict):
        raise PolicyError(file, [PolicyProblem((), "the file must hold a mapping of sections")])
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        problems = [_problem_from_pydantic(root, err) for err in exc.errors()]
        raise PolicyError(file, problems) from None
    problems = [
        PolicyProblem(p.path, p.message, _line_of(root, p.path)) for p in cross_check(policy)
    ]
    if problems:
        raise PolicyError(file, problems)
    return policy


def cross_check(policy: Policy) -> list[PolicyProblem]:
    """Problems that span sections: unknown names, and rules that would leak personal data."""
    problems: list[PolicyProblem] = []
    for name, category in policy.categories.items():
        for i, purpose in enumerate(category.purposes):
            if purpose not in policy.purposes:
                problems.append(
                    _unknown(
                        ("categories", name, "purposes", i), "purpose", purpose, policy.purposes
                    )
                )
    sources: dict[str, str] = {}  # analytics output -> the table it is made from
    for table_name, table in policy.tables.items():
        problems += _check_table(policy, table_name, table)
        output = table.anonymise_to
        if output:
            if output in sources:
                problems.append(
                    PolicyProblem(
                        ("tables", table_name, "anonymise_to"),
                        f"{output} is already the output of {sources[output]}",
                    )
                )
            sources[output] = table_name
    for name, rule in policy.retention.items():
        problems += _check_retention(policy, name, rule)
    problems += _check_anonymisation(policy)
    return problems


def _check_table(policy: Policy, table_name: str, table: GovernedTable) -> list[PolicyProblem]:
    at = ("tables", table_name)
    problems: list[PolicyProblem] = []
    if table.key not in table.columns:
        problems.append(
            PolicyProblem((*at, "key"), f"key column {table.key!r} is not listed under columns")
        )
    if table.watermark and table.watermark not in table.columns:
        problems.append(
            PolicyProblem(
                (*at, "watermark"),
                f"watermark column {table.watermark!r} is not listed under columns",
            )
        )
    if table.category and table.category not in policy.categories:
        problems.append(_unknown((*at, "category"), "category", table.category, policy.categories))
    if table.anonymise_to:
        if not table.anonymise_to.startswith("analytics."):
            problems.append(
                PolicyProblem(
                    (*at, "anonymise_to"), "anonymised outputs belong in the analytics schema"
                )
            )
        table_category = policy.categories.get(table.category or "")
        if table_category and "analytics" not in table_category.purposes:
            problems.append(
                PolicyProblem(
                    (*at, "anonymise_to"),
                    f"the table holds {table.category} data, whose purposes do not include "
                    "analytics: it must not have an analytics output",
                )
            )
    output_names: dict[str, str] = {}
    for column_name, column in table.columns.items():
        col_at = (*at, "columns", column_name)
        category = policy.categories.get(column.category or "")
        if column.category and category is None:
            problems.append(
                _unknown((*col_at, "category"), "category", column.category, policy.categories)
            )
        rule = column.anonymise
        if isinstance(rule, Drop):
            continue
        if not table.anonymise_to:
            problems.append(
                PolicyProblem(
                    (*col_at, "anonymise"),
                    f"rule {rule.rule!r} needs an output: set anonymise_to on the table or drop",
                )
            )
        if category and "analytics" not in category.purposes:
            problems.append(
                PolicyProblem(
                    (*col_at, "anonymise"),
                    f"{column.category} data may not be used for analytics (its purposes: "
                    f"{', '.join(category.purposes)}); the only allowed rule is drop",
                )
            )
        elif isinstance(rule, Keep) and category and category.identifying:
            problems.append(
                PolicyProblem(
                    (*col_at, "anonymise"),
                    f"{column.category} identifies a person: keep is not allowed, "
                    "pseudonymise, generalise or drop it",
                )
            )
        output = rule.output or column_name
        if output in output_names:
            problems.append(
                PolicyProblem(
                    (*col_at, "anonymise", "as"),
                    f"output column {output!r} is also made from {output_names[output]}",
                )
            )
        output_names[output] = column_name
    return problems


def _check_anonymisation(policy: Policy) -> list[PolicyProblem]:
    """Outputs join and reconcile on a pseudonymised key; marketing reads only what the
    policy lets marketing use, and writes only to the marketing schema."""
    problems = [
        PolicyProblem(
            ("tables", name, "columns", table.key, "anonymise"),
            f"the key of a table with an output must be pseudonymised (rule "
            f"{table.columns[table.key].anonymise.rule!r})",
        )
        for name, table in policy.tables.items()
        if table.anonymise_to
        and table.key in table.columns
        and not isinstance(table.columns[table.key].anonymise, Pseudonymise)
    ]
    marketing = policy.marketing
    if marketing is None:
        return problems
    at = ("marketing",)
    people, orders = marketing.customers, marketing.orders
    used = [
        ((*at, "customers"), people.table, [((f,), getattr(people, f)) for f in _PEOPLE_FIELDS]),
        ((*at, "orders"), orders.table, [((f,), getattr(orders, f)) for f in _ORDER_FIELDS]),
    ]
    for where, table_name, columns in used:
        found = _check_columns(policy, where, table_name, columns)
        problems += found
        if found:
            continue
        for field, column in columns:
            category_name = policy.tables[table_name].columns[column].category
            category = policy.categories.get(category_name or "")
            if category and "marketing" not in category.purposes:
                problems.append(
                    PolicyProblem(
                        (*where, *field),
                        f"{category_name} data may not be used for marketing (its purposes: "
                        f"{', '.join(category.purposes)})",
                    )
                )
    for field in ("segments", "members"):
        if not getattr(marketing, field).startswith("marketing."):
            problems.append(PolicyProblem((*at, field), "segments belong in the marketing schema"))
    if marketing.segments == marketing.members:
        problems.append(PolicyProblem((*at, "members"), "must differ from segments"))
    if marketing.behaviour_window == Period():
        problems.append(
            PolicyProblem((*at, "behaviour_window"), "the window must be longer than zero")
        )
    return problems


_PEOPLE_FIELDS = ("key", "consent", "date_of_birth", "gender", "postcode")
_ORDER_FIELDS = ("customer", "ordered_at", "amount")


def _check_retention(policy: Policy, name: str, rule: RetentionRule) -> list[PolicyProblem]:
    at = ("retention", name)
    problems = _check_columns(
        policy, at, rule.table, [(("key",), rule.key), (("date_column",), rule.date_column)]
    )
    if rule.keep_for == Period():
        problems.append(
            PolicyProblem((*at, "keep_for"), "the retention period must be longer than zero")
        )
    for i, child in enumerate(rule.children):
        problems += _check_columns(
            policy, (*at, "children", i), child.table, [(("column",), child.column)]
        )
    for i, clear in enumerate(rule.clear_columns):
        at_clear = (*at, "clear_columns", i)
        problems += _check_columns(
            policy, at_clear, rule.table, [(("columns", j), c) for j, c in enumerate(clear.columns)]
        )
        if _approximate_days(clear.keep_for) >= _approximate_days(rule.keep_for):
            problems.append(
                PolicyProblem((*at_clear, "keep_for"), "must be shorter than the rule's keep_for")
            )
    for i, hold in enumerate(rule.holds):
        columns = [(("column",), hold.column)] + [(("where", c), c) for c in hold.where]
        problems += _check_columns(policy, (*at, "holds", i), hold.table, columns)
    return problems


def _approximate_days(period: Period) -> int:
    return period.years * 366 + period.months * 31 + period.days


def _check_columns(
    policy: Policy, at: tuple, table_name: str, columns: list[tuple[tuple, str]]
) -> list[PolicyProblem]:
    """Retention may only touch tables and columns that the policy itself describes."""
    table = policy.tables.get(table_name)
    if table is None:
        return [_unknown((*at, "table"), "table", table_name, policy.tables)]
    return [
        PolicyProblem((*at, *field), f"{table_name} has no column {column!r} under tables")
        for field, column in columns
        if column not in table.columns
    ]


def _unknown(path: tuple, kind: str, value: str, known: dict) -> PolicyProblem:
    return PolicyProblem(path, f"unknown {kind} {value!r} (known: {', '.join(sorted(known))})")


def format_path(path: tuple[str | int, ...]) -> str:
    """``tables[crm.customers].columns.email``: dotted, with keys that hold dots in brackets."""
    out = ""
    for part in path:
        if isinstance(part, int) or "." in part:
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def _problem_from_pydantic(root: yaml.Node | None, error: dict[str, Any]) -> PolicyProblem:
    path = _path_in_document(root, error["loc"])
    message = error["msg"]
    if error["type"] == "missing":
        message = "required but missing"
    elif error["type"] == "extra_forbidden":
        message = "unknown key (check its spelling)"
    elif error["type"] == "union_tag_invalid":
        message = f"unknown rule {error['input'].get('rule')!r} (known: "
        message += f"{', '.join(sorted(RULE_NAMES))})"
    elif error["type"] == "string_pattern_mismatch":
        expected = "schema.table" if r"\." in error["ctx"]["pattern"] else "letters, digits, _"
        message = f"{error['input']!r} is not a valid name (expected {expected})"
    return PolicyProblem(path, message, _line_of(root, path))


def _path_in_document(root: yaml.Node | None, loc: tuple) -> tuple[str | int, ...]:
    """The error location as keys of the document, less the markers pydantic adds to it
    (union tags, and ``[key]`` for a problem with a mapping's key itself)."""
    node, path = root, []
    for part in loc:
        child = _child(node, part)
        if child is None and (part in RULE_NAMES or part == "[key]"):
            continue
        path.append(part)
        node = child
    return tuple(path)


def _line_of(root: yaml.Node | None, path: tuple) -> int | None:
    node, line = root, None
    for part in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        node = _child(node, part)
    return node.start_mark.line + 1 if node is not None else line


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == str(part)), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
