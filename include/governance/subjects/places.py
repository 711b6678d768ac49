"""Where a person's data can be, from the policy, the register and the catalogue: the
columns that hold each kind of identifier, the columns that refer to a customer, the
references from child rows to their parents (the retention rules' children and declared
foreign keys), the free-text columns that may mention someone, and the analytics outputs
with the pseudonymised columns that lead to them. Names only: no row is read here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Engine, String, Text, select

from include.governance.audit import GOVERNANCE_SCHEMA, pii_columns
from include.governance.catalog import Catalog
from include.governance.inventory.leaks import output_schemas
from include.governance.policy import Policy, Pseudonymise, Redact
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.tables import TableName

FREE_TEXT_LENGTH = 200  # a text column at least this wide (or unbounded) may hold prose


@dataclass(frozen=True)
class Reference:
    """Rows of ``child`` whose ``column`` holds a key of ``parent`` (its ``parent_column``)."""

    child: str
    column: str
    parent: str
    parent_column: str


@dataclass(frozen=True)
class Output:
    """An analytics output and, per pseudonymised column, the source column it is made of."""

    table: str
    source: str
    pseudonyms: dict[str, str]  # output column: source column


@dataclass
class Places:
    keys: dict[str, str | None] = field(default_factory=dict)  # table: its key column
    holding: dict[IdentifierKind, list[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # identifier kind: (table, column), the customer_id kind included
    references: list[Reference] = field(default_factory=list)
    free_text: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)

    def free_text_by_table(self) -> dict[str, list[str]]:
        """Each table's free-text columns: what one read of the table searches."""
        by_table: dict[str, list[str]] = {}
        for table_name, column in self.free_text:
            by_table.setdefault(table_name, []).append(column)
        return by_table


def find_places(engine: Engine, policy: Policy) -> Places:
    """Every place in the warehouse's own schemas (the outputs apart, found through their
    pseudonyms); a table the policy names but the warehouse lacks is left out."""
    catalog = Catalog(engine)
    skipped = {GOVERNANCE_SCHEMA, *output_schemas(policy)}
    present = {
        f"{schema}.{name}"
        for schema in catalog.get_schema_names()
        if schema not in skipped
        for name in catalog.get_table_names(schema=schema)
    }
    places = Places()
    columns = {t: _columns(catalog, t) for t in sorted(present)}
    for table_name in sorted(present):
        governed = policy.tables.get(table_name)
        pk = catalog.get_pk_constraint(*reversed(_parts(table_name)))["constrained_columns"]
        places.keys[table_name] = governed.key if governed else (pk[0] if len(pk) == 1 else None)
    for table_name, governed in policy.tables.items():
        if table_name not in present:
            continue
        for column, entry in governed.columns.items():
            if entry.category in set(IdentifierKind) and column in columns[table_name]:
                places.holding[IdentifierKind(entry.category)].append((table_name, column))
    for table_name, column, category in _registered(engine, catalog):
        if table_name in present and category in set(IdentifierKind):
            place = (table_name, column)
            if place not in places.holding[IdentifierKind(category)]:
                places.holding[IdentifierKind(category)].append(place)
    places.references = _references(catalog, policy, present)
    places.references += _customer_references(places)
    places.free_text = _free_text(policy, columns, places.holding)
    places.outputs = _outputs(policy, present)
    return places


def _parts(table_name: str) -> tuple[str, str]:
    name = TableName.parse(table_name)
    return name.schema, name.name


def _columns(catalog: Catalog, table_name: str) -> dict[str, object]:
    schema, name = _parts(table_name)
    return {c["name"]: c["type"] for c in catalog.get_columns(name, schema=schema)}


def _registered(engine: Engine, catalog: Catalog) -> list[tuple[str, str, str]]:
    """The register's columns and their categories, where there is a register."""
    if GOVERNANCE_SCHEMA not in catalog.get_schema_names() or pii_columns.name not in set(
        catalog.get_table_names(schema=GOVERNANCE_SCHEMA)
    ):
        return []
    c = pii_columns.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(c.schema_name, c.table_name, c.column_name, c.category).where(
                c.category.is_not(None)
            )
        )
        return [(f"{s}.{t}", col, cat) for s, t, col, cat in rows]


def _references(catalog: Catalog, policy: Policy, present: set[str]) -> list[Reference]:
    found: list[Reference] = []
    for rule in policy.retention.values():
        for child in rule.children:
            parent = child.parent or rule.table
            found.append(
                Reference(child.table, child.column, parent, child.parent_column or rule.key)
            )
    for table_name in sorted(present):
        schema, name = _parts(table_name)
        for key in catalog.get_foreign_keys(name, schema=schema):
            if len(key["constrained_columns"]) != 1:
                continue
            parent = f"{key.get('referred_schema') or schema}.{key['referred_table']}"
            found.append(
                Reference(
                    table_name, key["constrained_columns"][0], parent, key["referred_columns"][0]
                )
            )
    unique = {(r.child, r.column, r.parent, r.parent_column): r for r in found}
    return [
        r
        for r in unique.values()
        if r.child in present and r.parent in present and r.child != r.parent
    ]


def _customer_references(places: Places) -> list[Reference]:
    """A customer number refers to the table whose key is the customer number (an order's
    ``customer_id`` to ``crm.customers``), declared as a foreign key or not."""
    columns = places.holding[IdentifierKind.CUSTOMER_ID]
    homes = [t for t, c in columns if places.keys.get(t) == c]
    known = {(r.child, r.column, r.parent) for r in places.references}
    return [
        Reference(t, c, home, places.keys[home])
        for t, c in columns
        for home in homes
        if t != home and (t, c, home) not in known
    ]


def _free_text(
    policy: Policy,
    columns: dict[str, dict[str, object]],
    holding: dict[IdentifierKind, list[tuple[str, str]]],
) -> list[tuple[str, str]]:
    """Wide text columns, and those the policy redacts: a note may quote an email."""
    held = {place for places in holding.values() for place in places}
    out = []
    for table_name, types in columns.items():
        governed = policy.tables.get(table_name)
        for column, sql_type in types.items():
            entry = governed.columns.get(column) if governed else None
            redacted = entry is not None and isinstance(entry.anonymise, Redact)
            wide = isinstance(sql_type, Text) or (
                isinstance(sql_type, String)
                and (sql_type.length is None or sql_type.length >= FREE_TEXT_LENGTH)
            )
            if (redacted or wide) and (table_name, column) not in held:
                out.append((table_name, column))
    return out


def _outputs(policy: Policy, present: set[str]) -> list[Output]:
    return [
        Output(
            table=governed.anonymise_to,
            source=table_name,
            pseudonyms={
                entry.anonymise.output or column: column
                for column, entry in governed.columns.items()
                if isinstance(entry.anonymise, Pseudonymise)
            },
        )
        for table_name, governed in policy.tables.items()
        if governed.anonymise_to and table_name in present
    ]
