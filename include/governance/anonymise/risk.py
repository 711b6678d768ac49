"""How identifying an output is: measured on its quasi-identifiers, bounded by a minimum k.

The analytics outputs are pseudonymised personal data, not anonymous data: they join on a
stable key, and the columns someone may know of a person from elsewhere (an age band, a
region, a gender: the policy's ``quasi_identifiers`` of each output) can single a row out.
Every build measures, on the staged table, the smallest group of rows that share one
combination of them (k) and the share of rows alone in theirs. Where the policy sets a
``min_k``, the output is generalised as the marketing segments are
(:func:`..marketing.kanonymity.choose`: full-domain, least total height, fewest
suppressed), along the fixed hierarchies of the rules that have them (ten-year age bands
to twenty-year ones, counties to parts of the country, any label to ``any``), and the rows
still in smaller groups are suppressed within the policy's budget; else the build fails.
Numbers and times are not generalised (a truncated time is as coarse as its rule says),
only suppressed.

An output with a minimum k is always built in full (:mod:`.incremental`): its levels and
suppressions are chosen on the whole of it, so each column holds labels of one level.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    Table,
    and_,
    case,
    delete,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.sql import FromClause

from include.governance.anonymise.methods.sizes import (
    keeps_sizes,
    measure_full,
    measure_increment,
)
from include.governance.anonymise.plan import OutputPlan
from include.governance.marketing.kanonymity import ANY, HIERARCHIES, Hierarchy, choose, label_at
from include.governance.policy import AgeBand, Region

COUNT = "people"  # the histogram's count column, as kanonymity names it (rows, here)


class RiskTooHigh(RuntimeError):
    """No generalisation gives the output its minimum k within the suppression budget."""


@dataclass(frozen=True)
class Risk:
    """Counts only: never a value of a quasi-identifier."""

    quasi_identifiers: list[str]
    k_smallest: int | None  # None: no rows
    unique_share: float | None
    min_k: int | None = None
    suppressed: int = 0
    levels: dict[str, int] = field(default_factory=dict)

    def as_record(self) -> dict[str, Any]:
        return asdict(self)


def hierarchies_of(plan: OutputPlan) -> dict[str, Hierarchy]:
    """Each quasi-identifier's hierarchy: its rule's, ``any`` alone for other labels, none
    for numbers and times."""
    columns = {c.name: c for c in plan.columns}
    found: dict[str, Hierarchy] = {}
    for name in plan.risk.quasi_identifiers:
        column = columns[name]
        if isinstance(column.rule, AgeBand):
            found[name] = HIERARCHIES["age_band"]
        elif isinstance(column.rule, Region):
            found[name] = HIERARCHIES["region"]
        else:
            found[name] = [] if column.is_text else None
    return found


def bound_risk(engine: Engine, plan: OutputPlan, *, in_place: bool = False) -> Risk:
    """Measure the staged output's risk and, with a ``min_k``, bound it in place (in one
    transaction); raise :class:`RiskTooHigh` when the budget cannot. Staged ``in_place``
    (the changed rows only: never with a minimum k), it is measured on the output as its
    publish will leave it, from the groups the increment changes (:mod:`.methods.sizes`)."""
    policy = plan.risk
    names = list(policy.quasi_identifiers)
    staged = plan.staged.clause(*names)
    with engine.begin() as conn:
        if policy.min_k is None and keeps_sizes(conn, plan):  # from the groups changed
            return Risk(names, *(measure_increment if in_place else measure_full)(conn, plan))
        if policy.min_k is None:  # in the database: an output may have a group per row
            return Risk(names, *_measure_in_sql(conn, staged, names))
        found = _histogram(conn, staged, names)
        rows = int(found[COUNT].sum())
        budget = math.floor(policy.max_suppressed_share * rows)
        hierarchies = hierarchies_of(plan)
        chosen = choose(found, policy.min_k, budget, hierarchies)
        if chosen is None:
            raise RiskTooHigh(
                f"{plan.output}: no generalisation of {', '.join(names)} gives every "
                f"combination {policy.min_k} or more rows while suppressing at most {budget} of "
                f"{rows} (max_suppressed_share {policy.max_suppressed_share}); coarsen a rule "
                "or drop a quasi-identifier"
            )
        for name, level in chosen.levels.items():
            _generalise(conn, staged, name, level, found[name], hierarchies)
        generalised = _histogram(conn, staged, names) if any(chosen.levels.values()) else found
        small = generalised[generalised[COUNT] < policy.min_k]
        if len(small):
            _suppress(conn, plan, staged, small[names])
        kept = generalised[generalised[COUNT] >= policy.min_k]
    return Risk(names, *_measure(kept), policy.min_k, int(small[COUNT].sum()), dict(chosen.levels))


def _groups(rows: FromClause, names: list[str]):
    columns = [rows.c[n] for n in names]
    return select(*columns, func.count().label(COUNT)).group_by(*columns)


def _histogram(conn: Connection, rows: FromClause, names: list[str]) -> pd.DataFrame:
    found = conn.execute(_groups(rows, names))
    return pd.DataFrame([tuple(r) for r in found], columns=[*names, COUNT])


def _measure_in_sql(
    conn: Connection, rows: FromClause, names: list[str]
) -> tuple[int | None, float | None]:
    """:func:`_measure`, aggregated where the rows are: one row comes back."""
    groups = _groups(rows, names).subquery()
    n = groups.c[COUNT]
    smallest, alone, total = conn.execute(
        select(func.min(n), func.sum(case((n == 1, n), else_=0)), func.sum(n))
    ).one()
    if not total:
        return None, None
    return int(smallest), round(int(alone) / int(total), 6)


def _measure(histogram: pd.DataFrame) -> tuple[int | None, float | None]:
    """The smallest group's size and the share of rows alone in theirs."""
    rows = int(histogram[COUNT].sum())
    if rows == 0:
        return None, None
    alone = int(histogram.loc[histogram[COUNT] == 1, COUNT].sum())
    return int(histogram[COUNT].min()), round(alone / rows, 6)


def _generalise(
    conn: Connection,
    staged: Table,
    name: str,
    level: int,
    values: pd.Series,
    hierarchies: Mapping[str, Hierarchy],
) -> None:
    """Set ``name`` to its labels at ``level`` (the values present are few: labels)."""
    if level == 0:
        return
    column = staged.c[name]
    if level == len(hierarchies[name]) + 1:
        conn.execute(update(staged).values({name: ANY}))
        return
    mapping = {
        v: label
        for v in values.dropna().unique().tolist()
        if (label := label_at(name, level, v, hierarchies)) != v
    }
    if mapping:
        changed = update(staged).where(column.in_(list(mapping)))
        conn.execute(changed.values({name: case(mapping, value=column)}))


def _suppress(conn: Connection, plan: OutputPlan, staged: Table, small: pd.DataFrame) -> None:
    """Delete the rows of the groups in ``small`` (at most the budget's rows), matched on
    every quasi-identifier, a missing value matching a missing one."""
    types = {c.name: c.type for c in plan.columns}
    groups = Table(
        "governance_small_groups",
        MetaData(),
        *(Column(n, types[n]) for n in small.columns),
        prefixes=["TEMPORARY"],
    )
    groups.create(conn)
    conn.execute(groups.insert(), [_plain(row) for row in small.to_dict("records")])
    same = and_(*(groups.c[n].is_not_distinct_from(staged.c[n]) for n in small.columns))
    conn.execute(delete(staged).where(exists().where(same)))
    groups.drop(conn)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """A histogram row as the driver takes it: None for a missing value, Python numbers
    and datetimes for numpy's and pandas'."""
    plain = {}
    for name, value in row.items():
        if pd.isna(value):
            plain[name] = None
        elif isinstance(value, pd.Timestamp):
            plain[name] = value.to_pydatetime()
        else:
            plain[name] = value.item() if hasattr(value, "item") else value
    return plain
