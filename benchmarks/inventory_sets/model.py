"""An evaluation set as data: schemas, tables, columns with types, keys, a few hundred rows.

One form for every source (public sample databases, Faker-made warehouses), so that a
single loader puts any set into SQLite, PostgreSQL or MariaDB. Types are a small generic
vocabulary (``integer``, ``varchar(40)``, ``numeric(10,2)``, ``date``, ...) that each
dialect can hold; values are JSON-friendly (dates as ISO text) and typed back on load.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    Time,
)
from sqlalchemy.types import TypeEngine

MAX_ROWS = 300
_VARCHAR = re.compile(r"^varchar\((\d+)\)$")
_NUMERIC = re.compile(r"^numeric\((\d+),\s*(\d+)\)$")


@dataclass
class ForeignKey:
    columns: list[str]
    table: str  # schema.table
    ref_columns: list[str]


@dataclass
class TableData:
    schema: str
    name: str
    columns: list[tuple[str, str]]  # (name, generic type)
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass
class EvalSet:
    """A warehouse to scan: its tables and rows; ``source`` says where it came from."""

    name: str
    source: str
    tables: list[TableData]

    def columns(self) -> list[str]:
        """Every ``schema.table.column`` of the set, the keys its labels must use."""
        return [f"{t.qualified}.{c}" for t in self.tables for c, _ in t.columns]

    def schemas(self) -> list[str]:
        return sorted({t.schema for t in self.tables})


def to_json_value(value: Any) -> Any:
    """A value as JSON can hold it (dates and decimals as text)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return value


def from_json_value(value: Any, kind: str) -> Any:
    """A JSON value back in the Python type its column's generic type takes."""
    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(value[:10])
    if kind == "timestamp":
        return datetime.fromisoformat(value)
    if kind == "time":
        return time.fromisoformat(value)
    if kind.startswith("numeric"):
        return Decimal(str(value))
    if kind == "boolean":
        return bool(value)
    return value


def write_set(evalset: EvalSet, path: Path) -> None:
    """Save a set as gzipped JSON (a compact, diffable-on-demand form)."""
    data = asdict(evalset)
    for table in data["tables"]:
        table["rows"] = [[to_json_value(v) for v in row] for row in table["rows"]]
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))


def read_set(path: Path) -> EvalSet:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    tables = []
    for t in data["tables"]:
        columns = [(c, k) for c, k in t["columns"]]
        kinds = [k for _, k in columns]
        tables.append(
            TableData(
                schema=t["schema"],
                name=t["name"],
                columns=columns,
                primary_key=t["primary_key"],
                foreign_keys=[ForeignKey(**fk) for fk in t["foreign_keys"]],
                rows=[
                    [from_json_value(v, k) for v, k in zip(r, kinds, strict=True)]
                    for r in t["rows"]
                ],
            )
        )
    return EvalSet(name=data["name"], source=data["source"], tables=tables)


def sqlalchemy_type(kind: str, *, key: bool = False) -> TypeEngine:
    """The column type for a generic type; a key's text gets a length (MariaDB indexes)."""
    if m := _VARCHAR.match(kind):
        return String(int(m.group(1)))
    if m := _NUMERIC.match(kind):
        return Numeric(int(m.group(1)), int(m.group(2)))
    simple: dict[str, TypeEngine] = {
        "integer": Integer(),
        "bigint": BigInteger(),
        "numeric": Numeric(18, 4),
        "float": Float(),
        "date": Date(),
        "timestamp": DateTime(),
        "time": Time(),
        "boolean": Boolean(),
    }
    if kind in simple:
        return simple[kind]
    if kind == "text":
        return String(255) if key else Text()
    raise ValueError(f"unknown generic type {kind!r}")


def build_metadata(
    evalset: EvalSet, *, cross_schema_keys: bool = True, deferred_keys: bool = False
) -> MetaData:
    """SQLAlchemy tables for the set. SQLite cannot refer to another schema's table (an
    attached file): ``cross_schema_keys=False`` leaves those foreign keys out. PostgreSQL
    checks keys per statement: ``deferred_keys`` lets a cycle's rows go in in any order."""
    metadata = MetaData()
    for t in evalset.tables:
        keyed = set(t.primary_key) | {c for fk in t.foreign_keys for c in fk.columns}
        columns = [
            Column(
                name, sqlalchemy_type(kind, key=name in keyed), primary_key=name in t.primary_key
            )
            for name, kind in t.columns
        ]
        constraints = [
            ForeignKeyConstraint(
                fk.columns,
                [f"{fk.table}.{c}" for c in fk.ref_columns],
                use_alter=True,
                deferrable=deferred_keys or None,
                initially="DEFERRED" if deferred_keys else None,
            )
            for fk in t.foreign_keys
            if cross_schema_keys or fk.table.split(".", 1)[0] == t.schema
        ]
        Table(t.name, metadata, *columns, *constraints, schema=t.schema)
    return metadata
