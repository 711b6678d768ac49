"""Checks that span the policy's sections: names that must exist elsewhere, and rules that
would leak personal data (pydantic checks each section's shape; these check how they fit)."""

from __future__ import annotations

from dataclasses import dataclass

from include.governance.policy.models import (
    ChildTable,
    Drop,
    GovernedTable,
    Keep,
    Period,
    Policy,
    Pseudonymise,
    RetentionRule,
    Review,
)


@dataclass(frozen=True)
class PolicyProblem:
    path: tuple[str | int, ...]
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{format_path(self.path)}: {self.message}"


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
        problems += [
            _unknown(("retention", name, "purposes", i), "purpose", purpose, policy.purposes)
            for i, purpose in enumerate(rule.purposes)
            if purpose not in policy.purposes
        ]
    problems += _check_anonymisation(policy)
    problems += _check_reviews(policy)
    if policy.processing:
        problems += [
            _unknown(("processing", "activities", name), "purpose", name, policy.purposes)
            for name in policy.processing.activities
            if name not in policy.purposes
        ]
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
    if table.risk and not table.anonymise_to:
        problems.append(
            PolicyProblem((*at, "risk"), "risk is measured on an output: set anonymise_to")
        )
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


def _check_reviews(policy: Policy) -> list[PolicyProblem]:
    """Each column is decided once, in a category the policy names, and the decision agrees
    with what ``tables:`` says of the column (one policy, one answer)."""
    problems: list[PolicyProblem] = []
    first: dict[str, int] = {}
    for i, review in enumerate(policy.reviewed):
        at = ("reviewed", i)
        if review.column in first:
            problems.append(
                PolicyProblem(
                    (*at, "column"),
                    f"{review.column} is already decided in reviewed[{first[review.column]}]",
                )
            )
            continue
        first[review.column] = i
        if review.category and review.category not in policy.categories:
            problems.append(
                _unknown((*at, "category"), "category", review.category, policy.categories)
            )
            continue
        problems += _review_against_tables(policy, at, review)
    return problems


def _review_against_tables(policy: Policy, at: tuple, review: Review) -> list[PolicyProblem]:
    schema, table, column = review.key
    governed = policy.tables.get(f"{schema}.{table}")
    entry = governed.columns.get(column) if governed else None
    if entry is None or entry.category == review.category:
        return []
    if entry.category and entry.category not in policy.categories:
        return []  # reported under tables: already
    where = format_path(("tables", f"{schema}.{table}", "columns", column))
    if review.decision == "reject":
        message = f"rejected as not personal data, but {where} gives it category {entry.category}"
        return [PolicyProblem((*at, "decision"), message)]
    given = f"category {entry.category}" if entry.category else "no category"
    return [PolicyProblem((*at, "category"), f"{where} gives it {given}: the two must agree")]


_PEOPLE_FIELDS = ("key", "consent", "date_of_birth", "gender", "postcode")


_ORDER_FIELDS = ("customer", "ordered_at", "amount")


def _check_retention(policy: Policy, name: str, rule: RetentionRule) -> list[PolicyProblem]:
    """How a rule's parts fit together; its tables and columns need not be listed under
    ``tables:`` (the plan checks them against the warehouse, naming the same paths)."""
    at = ("retention", name)
    problems = []
    if rule.keep_for == Period():
        problems.append(
            PolicyProblem((*at, "keep_for"), "the retention period must be longer than zero")
        )
    seen = {rule.table}
    for i, child in enumerate(rule.children):
        problems += _check_child(rule, (*at, "children", i), child, seen)
        seen.add(child.table)
    for i, clear in enumerate(rule.clear_columns):
        if _approximate_days(clear.keep_for) >= _approximate_days(rule.keep_for):
            problems.append(
                PolicyProblem(
                    (*at, "clear_columns", i, "keep_for"),
                    "must be shorter than the rule's keep_for",
                )
            )
    return problems


def _check_child(
    rule: RetentionRule, at: tuple, child: ChildTable, seen: set[str]
) -> list[PolicyProblem]:
    """A child's table is new to the rule, and its parent the rule's table or a child listed
    before it (so deletes can go deepest first), referred to by a named column."""
    if child.table in seen:
        return [PolicyProblem((*at, "table"), f"{child.table} is already part of the rule")]
    parent = child.parent or rule.table
    if parent not in seen:
        return [
            PolicyProblem(
                (*at, "parent"),
                f"{parent} is neither the rule's table nor a child listed before this one",
            )
        ]
    if parent == rule.table and child.parent_column not in (None, rule.key):
        return [
            PolicyProblem(
                (*at, "parent_column"),
                f"a child of {rule.table} refers to its key {rule.key!r}; leave it out",
            )
        ]
    if parent != rule.table and child.parent_column is None:
        return [
            PolicyProblem(
                (*at, "parent_column"), f"name the column of {parent} that {child.column} refers to"
            )
        ]
    return []


def _approximate_days(period: Period) -> int:
    return period.years * 366 + period.months * 31 + period.days


def _check_columns(
    policy: Policy, at: tuple, table_name: str, columns: list[tuple[tuple, str]]
) -> list[PolicyProblem]:
    """The table and its columns are described under ``tables:`` (what marketing reads)."""
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
