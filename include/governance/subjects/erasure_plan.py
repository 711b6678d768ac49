"""What an erasure request (art. 17) does to each row found about the person, from the
policy: a record a retention rule keeps for a legal obligation (accounting, warranty:
art. 17(3)(b)) stays within its period with the columns those purposes do not need
cleared; a record held (a retention hold such as an open claim, or a legal hold) stays as
it is; a row a kept record refers to stays as a stub with its personal columns cleared;
a note about someone else that quotes the person has the quote redacted; the person's
analytics and marketing rows go; everything else is deleted. Names and counts only are
told (:meth:`ErasurePlan.summary`); the keys stay in memory and in the warehouse."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from graphlib import TopologicalSorter
from typing import Any

from sqlalchemy import Connection, Engine, Integer, String, func, select

from include.governance.audit import CLEAR, DELETE, KEEP, REDACT, SHARED, legal_holds
from include.governance.catalog import Catalog
from include.governance.policy import Policy, RetentionRule
from include.governance.retention.plan import LEGAL_HOLD, RuleSql, cutoff_for
from include.governance.subjects.find import Footprint, chunks, named_rows, typed_table
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.places import Places
from include.governance.tables import TableName

ORDER = {DELETE: 3, CLEAR: 2, REDACT: 1, KEEP: 4, SHARED: 5}  # outputs first, then these


@dataclass(frozen=True)
class Step:
    """One action on some rows of one table: the rows whose ``key_column`` is in ``keys``
    (and, in a table without a key, whose ``empty`` columns, naming rows before, are)."""

    table: str
    action: str
    key_column: str
    keys: frozenset = field(repr=False)
    columns: tuple[str, ...] = ()  # cleared, or redacted
    reason: str = ""
    empty: tuple[str, ...] = ()


@dataclass
class ErasurePlan:
    steps: list[Step]
    identifiers: list[tuple[IdentifierKind, str]] = field(repr=False)

    def summary(self) -> list[dict[str, Any]]:
        """Per step: table, action, rows, columns and why. What logs and receipts show."""
        return [
            {
                "table": s.table,
                "action": s.action,
                "rows": len(s.keys),
                "columns": list(s.columns),
                "reason": s.reason,
            }
            for s in self.steps
        ]


def plan_erasure(
    engine: Engine,
    policy: Policy,
    footprint: Footprint,
    places: Places,
    *,
    as_of: date,
) -> ErasurePlan:
    # table: (the column naming rows, its value): (action, reason, columns)
    decided: dict[str, dict[tuple[str, Any], tuple[str, str, tuple]]] = {}
    with engine.connect() as conn:
        for rule in policy.retention.values():
            _decide_rule(conn, policy, rule, footprint, decided, as_of=as_of)
        for table_name, found in footprint.tables.items():
            if found.pseudonyms or not found.key:
                continue
            held = _legally_held(conn, table_name, found.keys)
            for column, _, values in found.namings():
                for value in values:
                    name = (column, value)
                    if name in decided.get(table_name, {}):
                        continue
                    quoting = tuple(sorted(c for c, k in found.mentions.items() if value in k))
                    if column == found.key and value in held:
                        decision = (KEEP, "legal hold", ())
                    elif column == found.key and quoting:
                        decision = (REDACT, "a note about someone else that quotes them", quoting)
                    else:
                        decision = (DELETE, "erased", ())
                    decided.setdefault(table_name, {})[name] = decision
        _stubs(conn, policy, places, footprint, decided)
    steps = _steps(places, footprint, decided)
    return ErasurePlan(steps=steps, identifiers=footprint.identifiers)


def _decide_rule(
    conn: Connection,
    policy: Policy,
    rule: RetentionRule,
    footprint: Footprint,
    decided: dict,
    *,
    as_of: date,
) -> None:
    """A retention rule's records: held ones kept as they are, those within their period
    kept for the rule's purposes (cleared), older ones deleted; children as their root."""
    root = footprint.tables.get(rule.table)
    if not root or not root.keys:
        return
    key_type = typed_table(conn, rule.table, rule.key).c[rule.key].type
    sql = RuleSql(
        rule,
        cutoff=cutoff_for(as_of, rule.keep_for),
        run_date=as_of,
        integer_key=isinstance(key_type, Integer),
    )
    groups: dict[tuple[str, str, tuple], set[Any]] = {}
    for chunk in chunks(root.keys):
        query = select(sql.key, sql.expired, *sql.holds.values()).where(sql.key.in_(chunk))
        for key, expired, *holds in conn.execute(query):
            held = [name for name, on in zip(sql.holds, holds, strict=True) if on]
            if held:
                reason = "held: " + ", ".join(
                    "legal hold" if name == LEGAL_HOLD else name for name in held
                )
                decision = (KEEP, reason)
            elif not expired and rule.purposes:
                decision = (CLEAR, f"kept {rule.keep_for} for {', '.join(rule.purposes)}")
            else:
                decision = (DELETE, "erased")
            decision = (*decision, ())
            groups.setdefault(decision, set()).add(key)
    tables = (rule.table, *(c.table for c in rule.children))
    cleared = {t: clearable(conn, policy, t, purposes=set(rule.purposes)) for t in tables}
    for (action, reason, _), keys in groups.items():
        for table_name in tables:
            decision = (action, reason, cleared[table_name] if action == CLEAR else ())
            if table_name == rule.table:
                names = ((root.key, k) for k in keys)
                decided.setdefault(rule.table, {}).update(dict.fromkeys(names, decision))
                continue
            child = next(c for c in rule.children if c.table == table_name)
            found = footprint.tables.get(child.table)
            if not found or not found.keys:
                continue
            rows = typed_table(conn, child.table, child.column, *found.naming_columns())
            for chunk in chunks(keys):
                belonging = select(sql.child_fk(child.table)).where(sql.rows_of(child.table, chunk))
                query = select(*(rows.c[n] for n in found.naming_columns())).where(
                    rows.c[child.column].in_(belonging)
                )
                for row in conn.execute(query):
                    if name := found.name_of(row):
                        decided.setdefault(child.table, {})[name] = decision


def _legally_held(conn: Connection, table_name: str, keys: set[Any]) -> set[Any]:
    """The keys an unreleased legal hold names (as compliance typed them, padding aside)."""
    text_keys = {str(k): k for k in keys}
    held = conn.execute(
        select(func.trim(legal_holds.c.key_value)).where(
            func.lower(func.trim(legal_holds.c.table_name)) == table_name.lower(),
            legal_holds.c.released_at.is_(None),
        )
    ).scalars()
    return {text_keys[k] for k in held if k in text_keys}


def _stubs(conn, policy: Policy, places: Places, footprint: Footprint, decided: dict) -> None:
    """A row that a kept record still refers to (through a column it keeps) stays, cleared."""
    for ref in places.references:
        kept = [
            name
            for name, (action, _, cleared) in decided.get(ref.child, {}).items()
            if action == KEEP or (action == CLEAR and ref.column not in cleared)
        ]
        if not kept:
            continue
        found = footprint.tables[ref.child]
        child = typed_table(conn, ref.child, ref.column, *found.naming_columns())
        referred: set[str] = set()
        for rows in named_rows(child, found.only(kept)):
            referred |= {
                str(v) for v in conn.execute(select(child.c[ref.column]).where(rows)).scalars()
            }
        parents = decided.get(ref.parent, {})
        stub = (CLEAR, f"referred to by kept rows of {ref.child}")
        for name, (action, _, _) in list(parents.items()):
            if action == DELETE and str(name[1]) in referred:
                parents[name] = (*stub, clearable(conn, policy, ref.parent, purposes=set()))


def clearable(conn: Connection, policy: Policy, table_name: str, *, purposes: set[str]) -> tuple:
    """The table's personal columns that none of ``purposes`` needs and that can be
    cleared: NULL where the column allows it, text emptied where it does not (a column
    that is neither, a NOT NULL number or date, stays as it is). The key stays."""
    governed = policy.tables.get(table_name)
    if not governed:
        return ()
    name = TableName.parse(table_name)
    columns = {c["name"]: c for c in Catalog(conn).get_columns(name.name, schema=name.schema)}
    return tuple(
        column
        for column, entry in governed.columns.items()
        if entry.category
        and column != governed.key
        and column in columns
        and entry.category in policy.categories
        and not set(policy.categories[entry.category].purposes) & purposes
        and (columns[column]["nullable"] or isinstance(columns[column]["type"], String))
    )


def _steps(places: Places, footprint: Footprint, decided: dict) -> list[Step]:
    steps = [
        Step(name, DELETE, column, frozenset(pseudonyms), reason="an output made of their rows")
        for name, found in sorted(footprint.tables.items())
        for column, pseudonyms in sorted(found.pseudonyms.items())
    ]
    grouped: dict[tuple[str, str, str, tuple, str], set[Any]] = {}
    for table_name, names in decided.items():
        for (column, value), (action, reason, columns) in names.items():
            kept_whole = action == CLEAR and not columns  # nothing in it to clear
            grouped.setdefault(
                (table_name, KEEP if kept_whole else action, reason, columns, column), set()
            ).add(value)
    order = _children_first(places, {t for t, *_ in grouped})
    for (table_name, action, reason, columns, column), keys in sorted(
        grouped.items(), key=lambda g: (ORDER[g[0][1]], order.index(g[0][0]), g[0][2], g[0][4])
    ):
        empty = next(e for c, e, _ in footprint.tables[table_name].namings() if c == column)
        steps.append(Step(table_name, action, column, frozenset(keys), columns, reason, empty))
    steps += [
        Step(
            table_name,
            SHARED,
            places.keys[table_name],
            frozenset(keys),
            reason="someone else's row with a phone of theirs (a household's)",
        )
        for table_name, keys in sorted(footprint.shared.items())
    ]
    return steps


def _children_first(places: Places, tables: set[str]) -> list[str]:
    """The tables in an order where every child comes before the parent it refers to."""
    graph = TopologicalSorter({t: set() for t in tables})
    for ref in places.references:
        if ref.child in tables and ref.parent in tables:
            graph.add(ref.parent, ref.child)
    return list(graph.static_order())
