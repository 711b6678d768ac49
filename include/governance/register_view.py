"""The register (``governance.pii_columns``) as compliance reads it at warehouse scale:
grouped by schema and table with counts per category, filtered, a page of tables at a
time, and exported as CSV.

A thousand scanned tables make 4,000 findings and more, so the filters are SQL and one
grouped query gives every count; only the columns of the page's tables are read row by
row. Names, categories, confidence and evidence as stored (masked examples): never values.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import ColumnElement, Engine, Select, false, func, literal, null, select, tuple_

from include.governance.audit import pii_columns
from include.governance.policy import Policy, Sensitivity

TABLES_PER_PAGE = 50  # tables (with all their columns) on one page of the register
CSV_BATCH = 500  # rows per chunk of the streamed export
YES_NO = {"yes": True, "no": False}
CSV_FIELDS = (
    "schema",
    "table",
    "column",
    "category",
    "sensitivity",
    "confidence",
    "governed",
    "policy_category",
    "confirmed",
    "object_type",
    "leak",
    "links_to",
    "first_seen",
    "last_seen",
    "evidence",
)
# A cell starting so is a formula to a spreadsheet: such cells are quoted (OWASP's advice
# on CSV injection), since a column's name is whatever the warehouse's owner called it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RegisterFilter:
    """What the reader asked for, from the page's query string (so a filtered view works
    without script and can be linked to). None filters nothing."""

    schema: str | None = None
    category: str | None = None
    sensitivity: str | None = None
    confirmed: bool | None = None
    governed: bool | None = None
    leak: bool | None = None
    page: int = 1

    @classmethod
    def parse(
        cls,
        *,
        schema: str | None = None,
        category: str | None = None,
        sensitivity: str | None = None,
        confirmed: str | None = None,
        governed: str | None = None,
        leak: str | None = None,
        page: str | None = None,
    ) -> RegisterFilter:
        """From query parameters: a blank or unknown value filters nothing, so a link
        edited by hand shows the register rather than an error."""
        try:
            number = max(int(page or 1), 1)
        except ValueError:
            number = 1
        return cls(
            schema=schema or None,
            category=category or None,
            sensitivity=sensitivity or None,
            confirmed=YES_NO.get(confirmed or ""),
            governed=YES_NO.get(governed or ""),
            leak=YES_NO.get(leak or ""),
            page=number,
        )

    @property
    def active(self) -> bool:
        return any(self.value(f.name) for f in fields(self) if f.name != "page")

    def value(self, name: str) -> str:
        """A filter as the query string and the form's select hold it ("" when unset)."""
        value = getattr(self, name)
        if isinstance(value, bool):
            return "yes" if value else "no"
        return "" if value is None or (name == "page" and value == 1) else str(value)

    def query(self, **changes: Any) -> str:
        """The query string of these filters with ``changes``, for links and the export."""
        changed = replace(self, **changes)
        return urlencode({f.name: v for f in fields(changed) if (v := changed.value(f.name))})


@dataclass(frozen=True)
class SchemaGroup:
    schema: str
    tables: int
    columns: int
    categories: Counter[str]


@dataclass(frozen=True)
class TableGroup:
    schema: str
    table: str
    categories: Counter[str]
    columns: list[dict[str, Any]]


@dataclass(frozen=True)
class RegisterPage:
    """One page of the filtered register: the counts are over every matching column, the
    groups are the page's tables with their columns."""

    filters: RegisterFilter
    columns: int
    tables: int
    categories: Counter[str]
    schemas: list[SchemaGroup]
    groups: list[TableGroup]
    page: int
    pages: int

    @property
    def sections(self) -> list[tuple[SchemaGroup, list[TableGroup]]]:
        """The page's tables under their schema's totals, in the register's order."""
        by_name = {s.schema: s for s in self.schemas}
        sections: dict[str, list[TableGroup]] = {}
        for group in self.groups:
            sections.setdefault(group.schema, []).append(group)
        return [(by_name[name], groups) for name, groups in sections.items()]


def sensitivities(policy: Policy) -> dict[str, str]:
    """Each category's sensitivity in the policy: what the sensitivity filter selects by."""
    return {name: category.sensitivity.value for name, category in policy.categories.items()}


# Columns the register gained after its first release, and what a register kept from
# before reads them as until its next scan adds them: not confirmed, no leak, a table, no link.
LATER_COLUMNS: dict[str, ColumnElement[Any]] = {
    "confirmed": false(),
    "leak": false(),
    "object_type": literal("table"),
    "links_to": null(),
}


@dataclass(frozen=True)
class Register:
    """The stored register, read with the policy's sensitivities. ``stored`` names its
    columns where the warehouse's table lacks some of :data:`LATER_COLUMNS` (None: all)."""

    engine: Engine
    sensitivity: Mapping[str, str]
    stored: frozenset[str] | None = None

    def page(
        self, filters: RegisterFilter, *, tables_per_page: int = TABLES_PER_PAGE
    ) -> RegisterPage:
        """The filtered register's counts, and the columns of one page of its tables (the
        last page when ``filters.page`` is past it). Four grouped or bounded queries: the
        time does not grow with the register, only with its schemas and categories."""
        c = pii_columns.c
        where = self._conditions(filters)
        by_category = (
            select(c.schema_name, c.category, func.count().label("n"))
            .where(*where)
            .group_by(c.schema_name, c.category)
        )
        by_schema = (
            select(c.schema_name, func.count(func.distinct(c.table_name)).label("tables"))
            .where(*where)
            .group_by(c.schema_name)
            .order_by(c.schema_name)
        )
        with self.engine.connect() as conn:
            categories: dict[str, Counter[str]] = {}
            for row in conn.execute(by_category):
                categories.setdefault(row.schema_name, Counter())[row.category] = row.n
            schemas = [
                SchemaGroup(
                    row.schema_name,
                    row.tables,
                    categories[row.schema_name].total(),
                    categories[row.schema_name],
                )
                for row in conn.execute(by_schema)
            ]
            tables = sum(s.tables for s in schemas)
            pages = max(-(-tables // tables_per_page), 1)
            page = min(filters.page, pages)
            shown = conn.execute(
                select(c.schema_name, c.table_name)
                .where(*where)
                .group_by(c.schema_name, c.table_name)
                .order_by(c.schema_name, c.table_name)
                .limit(tables_per_page)
                .offset((page - 1) * tables_per_page)
            ).all()
            columns: dict[tuple[str, str], list[dict[str, Any]]] = {tuple(k): [] for k in shown}
            if shown:
                query = self._select(where).where(tuple_(c.schema_name, c.table_name).in_(shown))
                for row in conn.execute(query):
                    columns[(row.schema_name, row.table_name)].append(self._row(row))
        return RegisterPage(
            filters=replace(filters, page=page),
            columns=sum(s.columns for s in schemas),
            tables=tables,
            categories=sum((s.categories for s in schemas), Counter()),
            schemas=schemas,
            groups=[
                TableGroup(s, t, Counter(r["category"] for r in rows), rows)
                for (s, t), rows in columns.items()
            ],
            page=page,
            pages=pages,
        )

    def rows(self, filters: RegisterFilter) -> Iterator[dict[str, Any]]:
        """Every column the filters select, in the register's order, streamed (the export
        holds the whole filtered register, not a page of it)."""
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=CSV_BATCH).execute(
                self._select(self._conditions(filters))
            )
            for row in result:
                yield self._row(row)

    def options(self) -> dict[str, list[str]]:
        """The values the page's filters offer: the register's schemas and categories, the
        policy's sensitivities (least harmful first)."""
        c = pii_columns.c
        with self.engine.connect() as conn:
            schemas = conn.execute(select(c.schema_name).distinct().order_by(c.schema_name))
            categories = conn.execute(select(c.category).distinct().order_by(c.category))
            return {
                "schemas": list(schemas.scalars()),
                "categories": list(categories.scalars()),
                "sensitivities": [s.value for s in Sensitivity if s in self.sensitivity.values()],
            }

    def _later(self, name: str) -> ColumnElement[Any]:
        """A later column's value, its default where NULL or not stored."""
        default = LATER_COLUMNS[name]
        if self.stored is not None and name not in self.stored:
            return default
        return func.coalesce(pii_columns.c[name], default)

    def _conditions(self, filters: RegisterFilter) -> list[ColumnElement[bool]]:
        c = pii_columns.c
        where = []
        if filters.schema is not None:
            where.append(c.schema_name == filters.schema)
        if filters.category is not None:
            where.append(c.category == filters.category)
        if filters.sensitivity is not None:
            named = [k for k, v in self.sensitivity.items() if v == filters.sensitivity]
            where.append(c.category.in_(named))
        if filters.governed is not None:
            where.append(c.governed == filters.governed)
        for name in ("confirmed", "leak"):
            if (wanted := getattr(filters, name)) is not None:
                where.append(self._later(name) == wanted)
        return where

    def _select(self, where: list[ColumnElement[bool]]) -> Select:
        c = pii_columns.c
        shown = [col for col in pii_columns.columns if col.name not in LATER_COLUMNS]
        later = [self._later(name).label(name) for name in LATER_COLUMNS]
        return (
            select(*shown, *later)
            .where(*where)
            .order_by(c.schema_name, c.table_name, c.column_name)
        )

    def _row(self, row: Any) -> dict[str, Any]:
        return dict(
            row._mapping,
            governed=bool(row.governed),
            confirmed=bool(row.confirmed),
            leak=bool(row.leak),
            sensitivity=self.sensitivity.get(row.category),
        )


def register_csv(rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """The export, a chunk of lines at a time: names, categories, confidence and the
    evidence as stored (JSON, with its masked examples), never values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_FIELDS)
    for n, r in enumerate(rows, 1):
        writer.writerow(
            _cell(v)
            for v in (
                r["schema_name"],
                r["table_name"],
                r["column_name"],
                r["category"],
                r["sensitivity"],
                r["confidence"],
                _yes_no(r["governed"]),
                r["policy_category"],
                _yes_no(r["confirmed"]),
                r["object_type"],
                _yes_no(r["leak"]),
                r["links_to"],
                r["first_seen"],
                r["last_seen"],
                json.dumps(r["evidence"], ensure_ascii=False, sort_keys=True),
            )
        )
        if n % CSV_BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
