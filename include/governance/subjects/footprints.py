"""Where the find task found the person, kept in the warehouse for the run's later tasks:
an access answer and an erasure plan are made from it instead of finding the person again
(a search of every free-text column, the longest part of a request). It holds keys and
identifiers, so it stays in the governance schema beside the request, never in Airflow,
and goes once the request is answered or its erasure planned."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, String, cast, delete, insert, select

from include.governance.audit import (
    ensure_governance_tables,
    subject_found_rows,
    subject_found_tables,
)
from include.governance.subjects.find import Footprint, Found, typed_table
from include.governance.subjects.identifiers import IdentifierKind

KEY, MENTION, SHARED, PSEUDONYM, IDENTIFIER = "key", "mention", "shared", "pseudonym", "identifier"
rows_c = subject_found_rows.c


def store_footprint(engine: Engine, request_id: int, footprint: Footprint) -> None:
    """Keep ``footprint`` as the request's, replacing one an earlier run kept."""
    ensure_governance_tables(engine)
    tables = [
        {
            "request_id": request_id,
            "table_name": name,
            "key_column": found.key,
            "rows": found.rows,
            "found_by": sorted(found.ways),
            "then_by": list(found.then_by) or None,
        }
        for name, found in sorted(footprint.tables.items())
    ]
    rows = [
        {"request_id": request_id, "table_name": t, "part": p, "column_name": c, "value": v}
        for t, p, c, v in sorted(set(_parts(footprint)))
    ]
    with engine.begin() as conn:
        _forget(conn, request_id)
        if tables:
            conn.execute(insert(subject_found_tables), tables)
        if rows:
            conn.execute(insert(subject_found_rows), rows)


def load_footprint(engine: Engine, request_id: int) -> Footprint | None:
    """The footprint the request's find task kept, its keys typed as their tables' keys
    (cast in SQL from the text they are kept as); None when none is kept."""
    ensure_governance_tables(engine)
    with engine.connect() as conn:
        tables = conn.execute(
            select(subject_found_tables).where(subject_found_tables.c.request_id == request_id)
        ).all()
        kept = conn.execute(
            select(rows_c.table_name, rows_c.part, rows_c.column_name, rows_c.value).where(
                rows_c.request_id == request_id,
                rows_c.part.in_([PSEUDONYM, IDENTIFIER]),
            )
        ).all()
        if not tables and not kept:
            return None
        footprint = Footprint()
        for row in tables:
            found = Found(row.table_name, row.key_column, row.rows, set(row.found_by))
            footprint.tables[row.table_name] = found
            if found.key:
                table = typed_table(conn, found.table, found.key, *(row.then_by or ()))
                key = table.c[found.key]
                found.keys = _typed(conn, request_id, found.table, KEY, key)
                for column in row.then_by or ():
                    found.then_by[column] = _typed(
                        conn, request_id, found.table, KEY, table.c[column], column
                    )
                for column in _columns(conn, request_id, found.table, MENTION):
                    found.mentions[column] = _typed(
                        conn, request_id, found.table, MENTION, key, column
                    )
                if shared := _typed(conn, request_id, found.table, SHARED, key):
                    footprint.shared[found.table] = shared
        for table_name, part, column, value in kept:
            if part == PSEUDONYM:
                footprint.tables[table_name].pseudonyms.setdefault(column, set()).add(value)
            else:
                footprint.identifiers.append((IdentifierKind(column), value))
        footprint.identifiers.sort()
    return footprint


def forget_footprint(engine: Engine, request_id: int) -> None:
    """The request is answered or planned: its footprint has no reason to stay."""
    ensure_governance_tables(engine)
    with engine.begin() as conn:
        _forget(conn, request_id)


def _parts(footprint: Footprint):
    """(table, part, column, value) of everything the footprint holds beside its tables."""
    for name, found in footprint.tables.items():
        yield from ((name, KEY, "", str(k)) for k in found.keys)
        for column, values in found.then_by.items():
            yield from ((name, KEY, column, str(v)) for v in values)
        for column, keys in found.mentions.items():
            yield from ((name, MENTION, column, str(k)) for k in keys)
        for column, pseudonyms in found.pseudonyms.items():
            yield from ((name, PSEUDONYM, column, p) for p in pseudonyms)
    for name, keys in footprint.shared.items():
        yield from ((name, SHARED, "", str(k)) for k in keys)
    yield from (("", IDENTIFIER, str(kind), value) for kind, value in footprint.identifiers)


def _columns(conn: Connection, request_id: int, table_name: str, part: str) -> list[str]:
    return list(
        conn.execute(
            select(rows_c.column_name)
            .distinct()
            .where(
                rows_c.request_id == request_id,
                rows_c.table_name == table_name,
                rows_c.part == part,
            )
        ).scalars()
    )


def _typed(
    conn: Connection, request_id: int, table_name: str, part: str, key, column: str = ""
) -> set[Any]:
    value = rows_c.value if isinstance(key.type, String) else cast(rows_c.value, key.type)
    return set(
        conn.execute(
            select(value).where(
                rows_c.request_id == request_id,
                rows_c.table_name == table_name,
                rows_c.part == part,
                rows_c.column_name == column,
            )
        ).scalars()
    )


def _forget(conn: Connection, request_id: int) -> None:
    conn.execute(delete(subject_found_rows).where(rows_c.request_id == request_id))
    conn.execute(
        delete(subject_found_tables).where(subject_found_tables.c.request_id == request_id)
    )
