"""Which tables a scan covers: every table, view, materialized view and foreign table the
connection can see, less system schemas and (unless named) the project's own, narrowed by
the run's parameters, grouped for Airflow's mapped tasks (as many a task as the executor's
slots make worth it, unless the run says)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import Engine

from include.governance.audit import PROJECT_SCHEMAS
from include.governance.catalog import Catalog, ObjectType

# A mapped task's start-up (its process, Airflow's task runner, the DAG file, the detectors'
# lists: about 5 s of CPU) costs what scanning some 70 tables does (0.07 s each, measured
# at 176f781): a task holds more, unless that would leave some of the executor's slots idle.
MIN_TABLES_PER_TASK = 100
TASKS_PER_SLOT = 3  # on a large warehouse each slot runs this many tasks in turn: progress
SYSTEM_SCHEMAS = frozenset(
    {"information_schema", "pg_catalog", "mysql", "performance_schema", "sys", "temp"}
)


@dataclass(frozen=True)
class ScanScope:
    """Which schemas a scan covers: all but system schemas, narrowed by params. The project's
    own schemas (outputs, governance) are covered only when named in ``include``: an
    analyst's table in analytics is scanned when asked for, and by the weekly leak check."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def covers(self, schema: str) -> bool:
        if schema in SYSTEM_SCHEMAS or schema.startswith("pg_") or schema in self.exclude:
            return False
        if schema in PROJECT_SCHEMAS:
            return schema in self.include
        return not self.include or schema in self.include


def discover_tables(engine: Engine, scope: ScanScope) -> dict[str, ObjectType]:
    """Every object with rows the warehouse connection can see in scope, as
    ``schema.table``, in order, and what it is (a view is scanned as a table is)."""
    inspector = Catalog(engine)
    found = {
        f"{schema}.{name}": kind
        for schema in inspector.get_schema_names()
        if scope.covers(schema)
        for name, kind in inspector.get_relations(schema).items()
    }
    return dict(sorted(found.items()))


def tables_per_task(tables: int, *, slots: int) -> int:
    """How many tables a scan task takes when the run does not say: enough that its
    start-up costs less than its scan, few enough that every one of the ``slots`` tasks
    that can run at once has tables, and each slot several tasks in turn where there are
    plenty."""
    slots = max(1, slots)
    waves = math.ceil(tables / (slots * TASKS_PER_SLOT))
    return max(1, min(max(waves, MIN_TABLES_PER_TASK), math.ceil(tables / slots)))


def plan_batches(tables: list[str], per_batch: int, max_batches: int) -> list[list[str]]:
    """Tables grouped for mapped tasks: ``per_batch`` a task, more where that would make
    over ``max_batches`` tasks (Airflow fails a mapping longer than ``max_map_length``)."""
    size = max(per_batch, math.ceil(len(tables) / max_batches))
    return [tables[i : i + size] for i in range(0, len(tables), size)]
