"""Each anonymisation rule's forms side by side, in one class per rule, found in one table.

A rule of the policy (``policy.models``: ``pseudonymise``, ``age_band``, ...) is carried
out in several places: the plan gives its output columns a type, the streaming path runs
its Python form (``rules``), the pushdown its SQL form (``sql``) and the COPY codec maps
whole columns of it. Each class below holds all of a rule's forms, as a GX expectation
holds its engine forms together, and :data:`FORMS` is the one dispatch on the rule's
class. A new rule is a model in the policy and a class here; the forms' functions in
``rules`` and ``sql`` are held to the same output by a test.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import ClassVar

from sqlalchemy import Integer, String, Text
from sqlalchemy.types import TypeEngine

from include.governance.anonymise.columns import OutputColumn
from include.governance.anonymise.reference import OTHER, USER_AGENT_PARTS
from include.governance.anonymise.rules import (
    Transform,
    age_band,
    band,
    county,
    ip_network,
    truncate_time,
    user_agent_part,
)
from include.governance.anonymise.sql import (
    age_band_sql,
    band_sql,
    county_sql,
    first_match_sql,
    ip_network_sql,
    pseudonym_sql,
    truncate_sql,
)
from include.governance.detect import redact
from include.governance.policy import (
    AgeBand,
    AnonymiseRule,
    Band,
    Drop,
    IpNetwork,
    Keep,
    Pseudonymise,
    Redact,
    Region,
    TruncateTime,
    UserAgent,
)
from include.governance.pseudonym import PSEUDONYM_LENGTH, Pseudonymiser


class RuleForms:
    """The forms of one rule. ``copy`` names how the COPY codec maps a column of it:
    ``distinct`` (each distinct value through the Python form), ``each`` (every value: few
    repeat), ``pseudonym`` (batched HMAC) or ``truncate`` (string cuts of timestamps)."""

    output_type: ClassVar[TypeEngine | None] = None  # None: the source column's type
    parts: ClassVar[tuple[str | None, ...]] = (None,)  # one output column per part
    copy: ClassVar[str] = "distinct"
    keeps: ClassVar[bool] = False  # the value passes as it is
    pseudonym: ClassVar[bool] = False  # a keyed pseudonym: unique where its source is
    dated: ClassVar[bool] = False  # depends on the run date, not only on the row
    in_sql: ClassVar[bool] = True  # has a SQL form; else made in Python beside the pushdown

    def problem(self, rule: AnonymiseRule, source_type: TypeEngine) -> str | None:
        """What makes the rule unfit for its source column, if anything."""
        return None

    def python(
        self, column: OutputColumn, pseudonymise: Pseudonymiser, run_date: date
    ) -> Transform:
        """The Python form: a function of one value (None in, None out)."""
        raise NotImplementedError

    def sql(self, column: OutputColumn, source: str, run_date: date) -> str:
        """The SQL form: the output column over the source column ``source``."""
        raise NotImplementedError


class KeepForms(RuleForms):
    keeps = True

    def python(self, column, pseudonymise, run_date):
        return lambda value: value

    def sql(self, column, source, run_date):
        return source


class PseudonymiseForms(RuleForms):
    output_type = String(PSEUDONYM_LENGTH)
    copy = "pseudonym"
    pseudonym = True

    def problem(self, rule, source_type):
        if not isinstance(source_type, Integer | String):
            return "only integer or text columns can be pseudonymised"
        return None

    def python(self, column, pseudonymise, run_date):
        return partial(pseudonymise, column.name)

    def sql(self, column, source, run_date):
        return pseudonym_sql(column.name, source)


class AgeBandForms(RuleForms):
    output_type = String(8)
    dated = True

    def python(self, column, pseudonymise, run_date):
        return partial(age_band, on=run_date)

    def sql(self, column, source, run_date):
        return age_band_sql(source, run_date)


class RegionForms(RuleForms):
    output_type = String(40)

    def python(self, column, pseudonymise, run_date):
        return county

    def sql(self, column, source, run_date):
        return county_sql(source)


class TruncateTimeForms(RuleForms):
    copy = "truncate"

    def python(self, column, pseudonymise, run_date):
        return partial(truncate_time, to=column.rule.to)

    def sql(self, column, source, run_date):
        return truncate_sql(source, column.rule.to, column.type)


class IpNetworkForms(RuleForms):
    output_type = String(49)
    copy = "each"  # addresses seldom repeat: a cache would cost more than it saves

    def python(self, column, pseudonymise, run_date):
        return ip_network

    def sql(self, column, source, run_date):
        return ip_network_sql(source)


class UserAgentForms(RuleForms):
    output_type = String(40)
    parts = tuple(USER_AGENT_PARTS)

    def python(self, column, pseudonymise, run_date):
        return partial(user_agent_part, part=column.part)

    def sql(self, column, source, run_date):
        return first_match_sql(source, USER_AGENT_PARTS[column.part], OTHER)


class BandForms(RuleForms):
    output_type = String(40)

    def problem(self, rule, source_type):
        if rule.edges != sorted(set(rule.edges)):
            return "band edges must be strictly increasing"
        return None

    def python(self, column, pseudonymise, run_date):
        return partial(band, edges=column.rule.edges)

    def sql(self, column, source, run_date):
        return band_sql(source, column.rule.edges)


class RedactForms(RuleForms):
    output_type = Text()
    in_sql = False  # the inventory's detectors run in Python

    def python(self, column, pseudonymise, run_date):
        return lambda value: None if value is None else redact(value)


FORMS: dict[type, RuleForms] = {
    Keep: KeepForms(),
    Pseudonymise: PseudonymiseForms(),
    AgeBand: AgeBandForms(),
    Region: RegionForms(),
    TruncateTime: TruncateTimeForms(),
    IpNetwork: IpNetworkForms(),
    UserAgent: UserAgentForms(),
    Band: BandForms(),
    Redact: RedactForms(),
}


def forms_of(rule: AnonymiseRule) -> RuleForms:
    """The forms of ``rule`` (``drop`` has none: its column never reaches an output)."""
    if isinstance(rule, Drop) or type(rule) not in FORMS:
        raise ValueError(f"no forms of rule {rule.rule!r}")
    return FORMS[type(rule)]


def column_transform(
    column: OutputColumn, pseudonymise: Pseudonymiser, run_date: date
) -> Transform:
    """The Python form of one output column's rule (None in, None out)."""
    return forms_of(column.rule).python(column, pseudonymise, run_date)


def column_sql(column: OutputColumn, source: str, run_date: date) -> str | None:
    """The SQL of one output column over the source column ``source``; None: no SQL form."""
    forms = forms_of(column.rule)
    return forms.sql(column, source, run_date) if forms.in_sql else None
