"""Links to personal data: keys that point at a table of people or addresses.

A foreign key to ``customers`` or to an address table holds no name or address itself, but
it joins a row to one: the register records it as a link (``pii_columns.links_to``), not as
the category of the table it points at. A declared foreign key is the link; where none is
declared, a key named for a table of people in the same schema (``employee_id`` beside
``employees``, ``customer_id`` in ``sales`` and ``crm.customers``) is a weaker one.
A declared foreign key also holds the values of the column it refers to: a key to the
customers' own key is a customer number, whatever it is called (``buyer``, ``parent_id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection

from include.governance.catalog import Catalog
from include.governance.detect.classify import Finding
from include.governance.detect.names import is_key_name, normalise
from include.governance.detect.table_context import (
    named_for_addresses,
    named_for_people,
    table_stem,
)
from include.governance.tables import TableName

ColumnKey = tuple[str, str, str]
DECLARED, NAMED = 1.0, 0.6  # how sure a link is: a declared foreign key, or a key's name
PERSON_OWN = frozenset({"name", "email", "national_id", "date_of_birth", "username", "phone"})
ADDRESS = "postal_address"


def person_tables(findings: Mapping[ColumnKey, Any]) -> set[str]:
    """Tables of people (named for them, or with two columns of a person's own: a name, an
    email, a birth date ...) and tables of addresses. An invoice with a billing address or
    a track with its composer is neither: a key to it is no link."""
    own: dict[str, int] = {}
    address: set[str] = set()
    for (schema, table, _), finding in findings.items():
        name = f"{schema}.{table}"
        own[name] = own.get(name, 0) + (finding.category in PERSON_OWN)
        if finding.category == ADDRESS:
            address.add(name)
    return {
        name
        for name, count in own.items()
        if count >= 2
        or named_for_people(TableName.parse(name).name)
        or (name in address and named_for_addresses(TableName.parse(name).name))
    }


def find_links(
    conn: Connection, tables: list[str], people: set[str]
) -> dict[ColumnKey, dict[str, Any]]:
    """Each key column of ``tables`` that points only at one of ``people``: where to, how.
    The catalogue is read a schema at a time (10,000 tables are not 20,000 queries)."""
    catalog = Catalog(conn)
    links: dict[ColumnKey, dict[str, Any]] = {}
    by_schema: dict[str, list[str]] = {}
    for table_name in tables:
        name = TableName.parse(table_name)
        by_schema.setdefault(name.schema, []).append(name.name)
    for schema, names in by_schema.items():
        keys_of = catalog.get_multi_foreign_keys(schema, names)
        columns_of = catalog.get_multi_columns(schema, names)
        tenants = _tenant_columns(keys_of.values())
        for name in names:
            table_name = f"{schema}.{name}"
            declared: set[str] = set()
            for key in keys_of.get(name, []):
                pairs = [
                    (c, r)
                    for c, r in zip(
                        key["constrained_columns"], key["referred_columns"], strict=True
                    )
                    if len(key["constrained_columns"]) == 1 or c not in tenants
                ]
                if len(pairs) != 1:
                    continue
                column, referred = pairs[0]
                declared.add(column)
                target = f"{key.get('referred_schema') or schema}.{key['referred_table']}"
                if target in people:
                    links[(schema, name, column)] = {
                        "to": target,
                        "how": "foreign key",
                        "column": referred,
                    }
            for column in columns_of.get(name, []):
                if column["name"] in declared:
                    continue
                target = _named_target(column["name"], schema, people)
                if target and target != table_name:
                    links[(schema, name, column["name"])] = {"to": target, "how": "name"}
    return links


def _tenant_columns(keys_by_table) -> set[str]:
    """The client or tenant column of a schema whose keys are written with it first (SAP's
    ``MANDT``, a ``tenant_id``): first in composite foreign keys to two tables or more. A
    key to a person is the rest of such a key (``MANDT``, ``KUNNR``: the ``KUNNR``)."""
    targets: dict[str, set[str]] = {}
    for keys in keys_by_table:
        for key in keys:
            if len(key["constrained_columns"]) > 1:
                first = key["constrained_columns"][0]
                targets.setdefault(first, set()).add(key["referred_table"])
    return {column for column, tables in targets.items() if len(tables) >= 2}


def held_values(
    links: Mapping[ColumnKey, dict[str, Any]], findings: Mapping[ColumnKey, Any]
) -> dict[ColumnKey, Finding]:
    """Declared keys with no finding of their own that refer to a column with one: they
    hold that column's values, so its category (``holds`` in the evidence says whose)."""
    held = {}
    for key, link in links.items():
        own = findings.get(key)
        if "column" not in link or (own is not None and not is_held(own)):
            continue
        target_name = TableName.parse(link["to"])
        target = findings.get((target_name.schema, target_name.name, link["column"]))
        if target is None or is_held(target):
            continue
        held[key] = Finding(
            target.category,
            target.confidence,
            {"link": link, "holds": {"column": f"{link['to']}.{link['column']}"}},
        )
    return held


def is_held(finding: Any) -> bool:
    """A finding a key has from the column it refers to, not from its own values: worked
    out anew each scan, as what the key refers to may have changed."""
    return "holds" in finding.evidence


def _named_target(column: str, schema: str, people: set[str]) -> str | None:
    """The person table a key is named for (``<table>_id`` or its singular): the one in the
    key's schema, or else the only one of that name in any schema."""
    key = normalise(column)
    if not is_key_name(key) or "_" not in key:
        return None
    stem = key.rsplit("_", 1)[0]
    named = [t for t in sorted(people) if stem in _names_of(TableName.parse(t).name)]
    here = [t for t in named if TableName.parse(t).schema == schema]
    return here[0] if here else named[0] if len(named) == 1 else None


def _names_of(table: str) -> tuple[str, ...]:
    """What a key to ``table`` is named for: the table, its singular, what it extends
    (``customer`` of ``customer_entity``)."""
    name = normalise(table)
    return (name, name[:-1], table_stem(table))


def link_confidence(link: dict[str, Any]) -> float:
    return DECLARED if link["how"] == "foreign key" else NAMED
