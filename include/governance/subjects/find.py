"""Find a person everywhere: the rows that hold their identifier, the customer they are,
every row that refers to that customer, the rows that belong to those (an order's lines,
payments, shipments, claims), free text that quotes their email, phone or ID number, and
the analytics and marketing rows made of them, found by recomputing their pseudonyms.

What it finds is kept as keys (to answer an access request or erase), and told as
:meth:`Footprint.summary`: table names, counts and how each was found, never a value."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Connection, Engine, and_, func, or_, select
from sqlalchemy.sql import ColumnElement

from include.governance.catalog import Catalog
from include.governance.dialects import dialect_of
from include.governance.marketing.labels import KEY_COLUMN
from include.governance.policy import Policy
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.subjects.identifiers import IdentifierKind, InvalidIdentifier, normalise
from include.governance.subjects.matching import equals, quotes_any
from include.governance.subjects.places import Places, find_places
from include.governance.subjects.requests import SubjectRequest
from include.governance.tables import TableName

IN_LIST = 500  # keys per IN (...): well inside every database's limit on parameters
CONTACT_KINDS = (IdentifierKind.EMAIL, IdentifierKind.PHONE, IdentifierKind.NATIONAL_ID)
# An email or an ID number is one person's, so another row holding theirs is their other
# account; a phone may be a household's, and leads to no one else.
ONE_PERSON_KINDS = (IdentifierKind.EMAIL, IdentifierKind.NATIONAL_ID)


@dataclass
class Found:
    """One table's rows about the person: their keys (or, in an output, the pseudonyms
    that select them, by column), how many, and how they were found."""

    table: str
    # the column ``keys`` are values of: the table's key, or in a table without a
    # single-column key the column its rows were found by (each value may be several rows)
    key: str | None = None
    rows: int = 0
    ways: set[str] = field(default_factory=set)
    keys: set[Any] = field(default_factory=set, repr=False)
    pseudonyms: dict[str, set[str]] = field(default_factory=dict, repr=False)
    # rows about someone else whose free text quotes the person: column: keys
    mentions: dict[str, set[Any]] = field(default_factory=dict, repr=False)
    # a table without a key found by further columns: the rows whose ``key`` is empty are
    # named by the first of these (in order) that is not: column: its values
    then_by: dict[str, set[Any]] = field(default_factory=dict, repr=False)

    def namings(self) -> Iterator[tuple[str, tuple[str, ...], set[Any]]]:
        """(column, the columns empty in its rows, its values) for each column naming the
        rows: the key, then, in a table without one, each further column in its turn."""
        if self.key:
            yield self.key, (), self.keys
        before = (self.key,)
        for column, values in self.then_by.items():
            yield column, before, values
            before = (*before, column)

    def naming_columns(self) -> list[str]:
        return [column for column, _, _ in self.namings()]

    def name_of(self, values: Iterable[Any]) -> tuple[str, Any] | None:
        """The (column, value) naming a row whose naming columns hold ``values`` (in the
        order of :meth:`namings`); None where the row is not one of those found."""
        for (column, _, named), value in zip(self.namings(), values, strict=True):
            if value is not None:
                return (column, value) if value in named else None
        return None

    def only(self, names: Iterable[tuple[str, Any]]) -> Found:
        """The same table, with only the rows ``names`` (column, value) name."""
        found = Found(self.table, self.key, then_by={column: set() for column in self.then_by})
        for column, value in names:
            (found.keys if column == self.key else found.then_by[column]).add(value)
        return found


@dataclass
class Footprint:
    tables: dict[str, Found] = field(default_factory=dict)
    customer_ids: set[Any] = field(default_factory=set, repr=False)
    # their emails, phones and ID numbers, normalised: what free text was searched for
    identifiers: list[tuple[IdentifierKind, str]] = field(default_factory=list, repr=False)
    # someone else's rows that hold a phone of theirs (a household's), by table: not theirs
    shared: dict[str, set[Any]] = field(default_factory=dict, repr=False)

    @property
    def holds_data(self) -> bool:
        return any(found.rows for found in self.tables.values())

    def summary(self) -> dict[str, dict[str, Any]]:
        """Per table with rows: how many and how found. What logs, XComs and reports show."""
        return {
            name: {"rows": found.rows, "found_by": sorted(found.ways)}
            for name, found in sorted(self.tables.items())
            if found.rows
        }


def find_person(
    engine: Engine, policy: Policy, request: SubjectRequest, *, keys: Mapping[str, PseudonymKey]
) -> Footprint:
    """Every row about the person the request names; ``keys`` are the pseudonymisation keys
    by purpose (``analytics``, ``marketing``) the outputs were built with."""
    places = find_places(engine, policy)
    footprint = Footprint()
    with engine.connect() as conn:
        sought = {(request.identifier_kind, request.identifier)}
        _seed(conn, places, footprint, request.identifier_kind, request.identifier)
        while True:  # until their rows hold no email or ID number not looked for yet
            _customers(conn, places, footprint)
            _children(conn, places, footprint)
            footprint.identifiers = _identifiers(conn, places, footprint, request)
            new = {(k, v) for k, v in footprint.identifiers if k in ONE_PERSON_KINDS} - sought
            if not new:
                break
            for kind, value in sorted(new):
                _seed(conn, places, footprint, kind, value)
            sought |= new
        _mentions(conn, places, footprint, footprint.identifiers)
        _shared(conn, places, footprint)
        _count_unkeyed(conn, places, footprint)
        _outputs(conn, places, footprint, keys.get("analytics"))
        if policy.marketing and "marketing" in keys:
            _members(conn, footprint, policy.marketing.members, keys["marketing"])
    return footprint


def _seed(
    conn: Connection, places: Places, footprint: Footprint, kind: IdentifierKind, value: str
) -> None:
    """The rows that hold the identifier: their keys (in a table without a key, the values
    of the column that holds it)."""
    for table_name, column in places.holding[kind]:
        key = places.keys[table_name] or column
        table = typed_table(conn, table_name, column, key)
        found = _distinct(conn, table.c[key], equals(kind, table.c[column], value))
        _add(conn, footprint, places, table_name, kind.value, found, by=key)


def _customers(conn: Connection, places: Places, footprint: Footprint) -> None:
    """The customer numbers of the rows found, then every row that refers to them."""
    columns = places.holding[IdentifierKind.CUSTOMER_ID]
    for table_name, column in columns:
        found = footprint.tables.get(table_name)
        if found and found.keys:
            footprint.customer_ids |= _values(conn, footprint, table_name, column)
    if not footprint.customer_ids:
        return
    for table_name, column in columns:
        key = places.keys[table_name] or column
        table = typed_table(conn, table_name, column, key)
        for chunk in chunks(footprint.customer_ids):
            rows = _distinct(conn, table.c[key], table.c[column].in_(chunk))
            _add(conn, footprint, places, table_name, "customer_id", rows, by=key)


def _children(conn: Connection, places: Places, footprint: Footprint) -> None:
    """Rows that belong to rows found (their reference holds a found key), to any depth."""
    pending = [name for name, found in footprint.tables.items() if found.keys]
    while pending:
        parent = pending.pop()
        for ref in places.references:
            if ref.parent != parent:
                continue
            values = _values(conn, footprint, parent, ref.parent_column)
            key = places.keys[ref.child] or ref.column
            child = typed_table(conn, ref.child, ref.column, key)
            new: set[Any] = set()
            for chunk in chunks(values):
                new |= _distinct(conn, child.c[key], child.c[ref.column].in_(chunk))
            known = footprint.tables.get(ref.child)
            if new - (known.keys if known else set()):
                pending.append(ref.child)
            _add(conn, footprint, places, ref.child, f"belongs to {parent}", new, by=key)


def _values(conn, footprint, table_name: str, column: str) -> set[Any]:
    """A found table's ``column`` for the rows found (their keys, when it is the key)."""
    found = footprint.tables[table_name]
    if column == found.key and not found.then_by:
        return set(found.keys)
    table = typed_table(conn, table_name, column, *found.naming_columns())
    return set().union(
        *(_distinct(conn, table.c[column], rows) for rows in named_rows(table, found))
    ) - {None}


def _identifiers(conn, places, footprint, request) -> list[tuple[IdentifierKind, str]]:
    """The person's emails, phones and ID numbers: the request's, and those their rows hold."""
    found = {(request.identifier_kind, request.identifier)}
    for kind in CONTACT_KINDS:
        for table_name, column in places.holding[kind]:
            if table_name in footprint.tables and footprint.tables[table_name].keys:
                for value in _values(conn, footprint, table_name, column):
                    try:
                        found.add((kind, normalise(kind, str(value))))
                    except InvalidIdentifier:
                        continue  # a value not of its kind is no identifier to look for
    return sorted((k, v) for k, v in found if k in CONTACT_KINDS)


def _mentions(conn, places, footprint, identifiers: list[tuple[IdentifierKind, str]]) -> None:
    """Free text that quotes any of their ``identifiers``: one read of each table for all
    its free-text columns (each column searched once for them all)."""
    if not identifiers:
        return
    like_any = dialect_of(conn).like_any

    def quotes(text):
        return quotes_any(text, identifiers, like_any=like_any)

    for table_name, columns in places.free_text_by_table().items():
        key = places.keys[table_name]
        if not key:  # a table without a key: its rows that quote them are counted
            _count_mentions(conn, footprint, table_name, columns, quotes)
            continue
        table = typed_table(conn, table_name, key, *columns)
        quoting = [quotes(table.c[c]) for c in columns]
        labelled = [q.label(f"quotes_{n}") for n, q in enumerate(quoting)]
        entry = footprint.tables.get(table_name)
        theirs = set(entry.keys) if entry else set()
        for row in conn.execute(select(table.c[key], *labelled).where(or_(*quoting))):
            for column, quoted in zip(columns, row[1:], strict=True):
                if quoted:
                    way = f"mentions in {column}"
                    _add(conn, footprint, places, table_name, way, {row[0]}, by=key)
                    if row[0] not in theirs:  # a row about someone else that quotes them
                        mentions = footprint.tables[table_name].mentions
                        mentions.setdefault(column, set()).add(row[0])


def _shared(conn, places, footprint) -> None:
    """Rows not theirs that hold a phone of theirs: kept apart, so that an erasure leaves
    them as they are and its proof knows them from a phone written back."""
    phones = [(k, v) for k, v in footprint.identifiers if k not in ONE_PERSON_KINDS]
    if not phones:
        return
    for table_name, column in places.holding[IdentifierKind.PHONE]:
        key = places.keys[table_name]
        if not key:
            continue
        table = typed_table(conn, table_name, column, key)
        holding = or_(*(equals(k, table.c[column], v) for k, v in phones))
        found = {row[0] for row in conn.execute(select(table.c[key]).where(holding))}
        entry = footprint.tables.get(table_name)
        if others := found - (entry.keys if entry else set()):
            footprint.shared.setdefault(table_name, set()).update(others)


def _outputs(conn, places, footprint, key: PseudonymKey | None) -> None:
    """Rows of each analytics output made of the person's rows: by the pseudonyms of their
    keys and customer numbers under the analytics key."""
    if key is None:
        return
    pseudonymise = Pseudonymiser(key)
    for output in places.outputs:
        if not _exists(conn, output.table):
            continue
        source_key = places.keys[output.source]
        customer_columns = {
            c for t, c in places.holding[IdentifierKind.CUSTOMER_ID] if t == output.source
        }
        by_column: dict[str, set[str]] = {}
        for out_column, source_column in output.pseudonyms.items():
            if source_column == source_key and output.source in footprint.tables:
                values = footprint.tables[output.source].keys
            elif source_column in customer_columns:
                values = footprint.customer_ids
            else:
                continue
            by_column[out_column] = {pseudonymise(out_column, v) for v in values}
        _count_pseudonyms(
            conn, footprint, output.table, by_column, "pseudonym under the analytics key"
        )


def _members(conn, footprint, members: str, key: PseudonymKey) -> None:
    if not footprint.customer_ids or not _exists(conn, members):
        return
    pseudonymise = Pseudonymiser(key)
    pseudonyms = {pseudonymise(KEY_COLUMN, c) for c in footprint.customer_ids}
    _count_pseudonyms(
        conn, footprint, members, {KEY_COLUMN: pseudonyms}, "pseudonym under the marketing key"
    )


def _count_pseudonyms(
    conn, footprint, table_name: str, by_column: dict[str, set[str]], way: str
) -> None:
    by_column = {c: p for c, p in by_column.items() if p}
    if not by_column:
        return
    table = typed_table(conn, table_name, *by_column)
    rows = 0
    for column, pseudonyms in by_column.items():
        others = [
            table.c[c].not_in(list(p)) | table.c[c].is_(None)
            for c, p in by_column.items()
            if c < column
        ]
        for chunk in chunks(pseudonyms):
            rows += conn.execute(
                select(func.count()).select_from(table).where(table.c[column].in_(chunk), *others)
            ).scalar()
    if rows:
        footprint.tables[table_name] = Found(
            table_name, rows=rows, ways={way}, pseudonyms=by_column
        )


def _count_mentions(conn, footprint: Footprint, table_name: str, columns, quotes) -> None:
    table = typed_table(conn, table_name, *columns)
    for column in columns:
        condition = quotes(table.c[column])
        count = conn.execute(select(func.count()).select_from(table).where(condition)).scalar()
        if count:
            entry = footprint.tables.setdefault(table_name, Found(table_name))
            entry.rows += count
            entry.ways.add(f"mentions in {column}")


def _add(conn, footprint, places, table_name: str, way: str, keys: set[Any], *, by: str) -> None:
    """``keys`` are values of ``by`` (the table's key, or the column a table without one was
    found by). Where that table was found by another column first, its rows found now are
    added by the values of the first column naming them that is not empty."""
    keys = keys - {None}
    if not keys:
        return
    entry = footprint.tables.setdefault(table_name, Found(table_name, by))
    if entry.key is None:  # counted only until now (a mention in a table without a key)
        entry.key, entry.rows = by, 0
    if entry.key == by:
        entry.keys |= keys
    else:
        for column, values in _named_by(conn, table_name, entry, by, keys).items():
            named = entry.keys if column == entry.key else entry.then_by.setdefault(column, set())
            named |= values
    entry.rows = len(entry.keys)
    entry.ways.add(way)


def _named_by(conn, table_name: str, entry: Found, by: str, keys: set[Any]) -> dict[str, set]:
    """The rows of a table without a key whose ``by`` is in ``keys``, as the values of the
    first column naming them (the key, the further ones, then ``by``) that is not empty."""
    naming = list(dict.fromkeys((*entry.naming_columns(), by)))
    table = typed_table(conn, table_name, *naming)
    named: dict[str, set] = {}
    for chunk in chunks(keys):
        query = select(*(table.c[n] for n in naming)).distinct().where(table.c[by].in_(chunk))
        for row in conn.execute(query):
            column, value = next((n, v) for n, v in zip(naming, row, strict=True) if v is not None)
            named.setdefault(column, set()).add(value)
    return named


def named_rows(table, found: Found) -> Iterator[ColumnElement]:
    """Conditions, a chunk of values each, whose rows together are those ``found`` names
    (no row in two): by the key, and where it is empty by each further column in turn."""
    for column, empty, values in found.namings():
        for chunk in chunks(values):
            yield and_(*(table.c[e].is_(None) for e in empty), table.c[column].in_(chunk))


def _distinct(conn: Connection, column, condition) -> set[Any]:
    """The distinct values of ``column`` in the rows where ``condition`` holds."""
    return set(conn.execute(select(column).distinct().where(condition)).scalars())


def _count_unkeyed(conn, places: Places, footprint: Footprint) -> None:
    """A table without a key holds as many rows of theirs as its rows the values name."""
    for table_name, found in footprint.tables.items():
        if places.keys.get(table_name) or not found.key or not found.keys:
            continue
        table = typed_table(conn, table_name, *found.naming_columns())
        found.rows = sum(
            conn.execute(select(func.count()).select_from(table).where(rows)).scalar()
            for rows in named_rows(table, found)
        )


def _exists(conn: Connection, table_name: str) -> bool:
    """An output is there once a run published it."""
    name, catalog = TableName.parse(table_name), Catalog(conn)
    return name.schema in catalog.get_schema_names() and name.name in catalog.get_table_names(
        schema=name.schema
    )


def typed_table(conn: Connection, table_name: str, *columns: str | None):
    """The table with the given columns (every column when none is given), typed as the
    catalogue has them (a customer number compares as the column's own type)."""
    name = TableName.parse(table_name)
    types = {c["name"]: c["type"] for c in Catalog(conn).get_columns(name.name, schema=name.schema)}
    wanted = [c for c in dict.fromkeys(columns) if c] or list(types)
    return name.clause(*(Column(c, types.get(c)) for c in wanted))


def chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    values = sorted(values, key=str)
    for start in range(0, len(values), IN_LIST):
        yield values[start : start + IN_LIST]
