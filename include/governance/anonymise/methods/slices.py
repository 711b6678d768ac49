"""Slices of a PostgreSQL table by ranges of its pages, for reading it in parallel.

A slice is a range of page numbers read by a TID range scan (``ctid >= '(first,0)'``,
PostgreSQL 14 and later), so a table of any key type is cut into disjoint parts that
together hold every row exactly once, each read without touching the others' pages. The
last slice is open-ended, so a page added after the table's size was read is covered.
Connections reading the slices share one snapshot (``pg_export_snapshot``): the rows are
those of one moment whatever is written meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from include.governance.anonymise.sql import literal

_TID_RANGE_SCANS = 140_000  # server_version_num


@dataclass(frozen=True)
class Slice:
    """Pages ``[first, end)``; ``end`` None: to the end of the table."""

    first: int = 0
    end: int | None = None

    def where(self, alias: str = "src") -> str:
        """The condition selecting the slice's rows of the table aliased ``alias``."""
        if self.first == 0 and self.end is None:
            return "TRUE"
        lower = f"{alias}.ctid >= '({self.first},0)'::tid"
        return lower if self.end is None else f"{lower} AND {alias}.ctid < '({self.end},0)'::tid"


def table_pages(conn: Connection, table: str) -> int | None:
    """The pages of ``table`` now; None where it cannot be read by page ranges (a view, a
    partitioned table, or a server before PostgreSQL 14)."""
    found = conn.execute(
        text(
            "SELECT c.relkind, pg_relation_size(c.oid) / current_setting('block_size')::int, "
            "current_setting('server_version_num')::int FROM pg_class c "
            "WHERE c.oid = to_regclass(:table)"
        ),
        {"table": table},
    ).one_or_none()
    if found is None or found[0] not in ("r", "m") or found[2] < _TID_RANGE_SCANS:
        return None
    return found[1]


def slices_of_rows(pages: int, rows: int, slice_rows: int) -> list[Slice]:
    """Slices of about ``slice_rows`` of the table's ``rows`` each."""
    return _cut(pages, max(1, pages * slice_rows // max(rows, 1)))


def _cut(pages: int, step: int) -> list[Slice]:
    starts = list(range(0, max(pages, 1), step))
    return [Slice(a, b) for a, b in zip(starts, [*starts[1:], None], strict=True)]


def export_snapshot(conn: Connection) -> str:
    """The id of ``conn``'s snapshot (a REPEATABLE READ transaction), for others to read."""
    return conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()


def import_snapshot(conn: Connection, snapshot: str) -> None:
    """Read in ``snapshot`` for the rest of ``conn``'s transaction, just begun. The id is
    written into the statement: ``SET`` takes no bound parameter, and psycopg 3 binds
    parameters on the server."""
    conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    conn.exec_driver_sql(f"SET TRANSACTION SNAPSHOT {literal(snapshot)}")
