"""The evaluation sets: which exist, which a tuner may look at, how each is loaded, its labels.

Labels live in ``<set>/labels.yml``, one per set, written by hand from what each column
holds (never from what the detector says). Each column is one of:

* a category of the policy (``name``, ``postal_address``, ``username``, ...);
* ``none``: not personal data of a kind the inventory looks for;
* ``{link: schema.table}``: a foreign key or id that only points at a table of people or
  addresses; ``{link: ..., category: customer_id}`` where the key is itself the
  customer number, which the policy makes a category of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine, insert, text

from benchmarks.inventory_sets import (
    faker_apps,
    faker_blind,
    faker_blind2,
    faker_conventions,
    faker_erp,
    faker_phones,
    faker_scripts,
    faker_sets,
)
from benchmarks.inventory_sets.model import EvalSet, build_metadata, read_set
from include.governance.dialects import dialect_of
from include.governance.policy import load_policy
from include.governance.warehouse import ensure_schema

HERE = Path(__file__).parent
REPO = HERE.parents[1]
# Where the fetched sample databases' compact files may be (they are not committed):
# beside the labels (samples.py writes them there), or in the shared folder beside a clone.
DATA_DIRS = (HERE, REPO.parent / "shared" / "inventory_sets")
EXTRA_CATEGORIES: frozenset[str] = frozenset()  # labels outside the policy: none now
NOT_PERSONAL = "none"
DEMO_SCALE, DEMO_AS_OF = 300, date(2026, 11, 24)
GENERATORS = {  # the Faker-made sets
    **faker_sets.GENERATORS,
    **faker_conventions.GENERATORS,
    **faker_blind.GENERATORS,
    **faker_blind2.GENERATORS,
    **faker_apps.GENERATORS,
    **faker_erp.GENERATORS,
    **faker_phones.GENERATORS,
    **faker_scripts.GENERATORS,
}


@dataclass(frozen=True)
class Label:
    category: str  # a category, or "none"
    link: str | None = None  # the table a key points at

    @property
    def personal(self) -> bool:
        return self.category != NOT_PERSONAL


@dataclass(frozen=True)
class SetInfo:
    name: str
    kind: str  # sample, faker or demo
    split: str  # tuning or held_out
    source: str
    labels: dict[str, Label]  # schema.table.column -> label


def known_categories() -> frozenset[str]:
    return frozenset(load_policy().categories) | EXTRA_CATEGORIES


def read_labels(name: str) -> SetInfo:
    with (HERE / name / "labels.yml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    labels: dict[str, Label] = {}
    for table, columns in data["columns"].items():
        for column, value in columns.items():
            labels[f"{table}.{column}"] = _label(value)
    return SetInfo(name, data["kind"], data["split"], data["source"], labels)


def _label(value: Any) -> Label:
    if isinstance(value, str):
        return Label(value)
    return Label(value.get("category", NOT_PERSONAL), value["link"])


def set_names() -> list[str]:
    return sorted(p.parent.name for p in HERE.glob("*/labels.yml"))


def data_file(name: str) -> Path | None:
    for folder in DATA_DIRS:
        path = folder / name / "data.json.gz"
        if path.exists():
            return path
    return None


def available(info: SetInfo) -> bool:
    return info.kind != "sample" or data_file(info.name) is not None


def build_set(name: str) -> EvalSet:
    """The set's tables and rows (Faker: generated now; samples: read from their file)."""
    if name in GENERATORS:
        return GENERATORS[name]()
    path = data_file(name)
    if path is None:
        raise FileNotFoundError(
            f"{name}: no data.json.gz (run benchmarks/inventory_sets/samples.py)"
        )
    return read_set(path)


def demo_columns() -> list[str]:
    from include.demo.schema import build_metadata as demo_metadata

    return [
        f"{t.fullname}.{c.name}"
        for t in demo_metadata("postgresql").sorted_tables
        for c in t.columns
    ]


def set_columns(name: str) -> list[str]:
    info = read_labels(name)
    return demo_columns() if info.kind == "demo" else build_set(name).columns()


def load_into(engine: Engine, name: str) -> None:
    """Create the set's schemas and tables in an empty warehouse and insert its rows."""
    info = read_labels(name)
    if info.kind == "demo":
        from include.demo.load import build_demo_warehouse

        build_demo_warehouse(engine, scale=DEMO_SCALE, as_of=DEMO_AS_OF)
        return
    evalset = build_set(name)
    dialect = dialect_of(engine).name
    for schema in evalset.schemas():
        ensure_schema(engine, schema)
    metadata = build_metadata(
        evalset, cross_schema_keys=dialect != "sqlite", deferred_keys=dialect == "postgresql"
    )
    by_name = {t.qualified: t for t in evalset.tables}
    with engine.begin() as conn:
        if dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")  # a cycle's rows, in any order
        elif dialect == "mysql":
            conn.execute(text("SET FOREIGN_KEY_CHECKS = 0"))
        metadata.create_all(conn)
        for table in metadata.sorted_tables:
            t = by_name[table.fullname]
            if t.rows:
                names = [c for c, _ in t.columns]
                conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in t.rows])


__all__ = [
    "GENERATORS",
    "Label",
    "SetInfo",
    "available",
    "build_set",
    "load_into",
    "read_labels",
    "set_names",
]
