"""Inventory accuracy on warehouses nobody on the project designed, column by column.

Each evaluation set (benchmarks/inventory_sets/: public sample databases, Faker-made
warehouses in other locales and naming conventions, and the demo as one set among them)
is loaded into a database of its own and scanned with the DAG's own functions (start_scan,
scan_table, finish_scan, through scan_warehouse); the register is then compared with the
hand labels.
Printed per set and overall: precision and recall of "is personal data", category accuracy
among the true positives, and links (where the register records them), beside the target.

    python benchmarks/bench_inventory_accuracy.py [--dialect spread|sqlite|postgresql|mariadb|all]
        [--set NAME ...] [--split tuning|held_out|all] [--misses]

``spread`` (the default) runs every set on SQLite and on one server (PostgreSQL or
MariaDB, alternately), so its two server lines score different sets and say which; ``all``
runs every set on all three and names any set that scored differently by dialect.
Databases are ``governance_eval_<set>`` (MariaDB: the schemas
``governance_eval_<set>_<schema>``), dropped and made anew; no other is touched. Sample
databases whose data is not on this machine are listed as skipped (see samples.py).
"""

from __future__ import annotations

import argparse
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine, create_engine, select, text

from benchmarks.inventory_sets.sets import (
    REPO,
    Label,
    SetInfo,
    available,
    load_into,
    read_labels,
    set_names,
)
from include.demo.schema import DEMO_SCHEMAS
from include.governance.audit import pii_columns
from include.governance.inventory.discovery import ScanScope
from include.governance.inventory.scan import scan_warehouse
from include.governance.policy import load_policy
from include.governance.warehouse import create_warehouse_engine

TARGET = 0.95
PG_SERVER = "postgresql+psycopg2://postgres@127.0.0.1:5432"
MARIADB_SERVER = "mysql+pymysql://root@127.0.0.1:3306"
SQLITE_DIR = REPO / "var" / "inventory_eval"
SAMPLE_SIZE = 1000  # the DAG's default
SERVERS = ("postgresql", "mariadb")  # spread: the sets go to each in turn
LINK_FIELD = "links_to"  # the register's field for a key to a table of people


@dataclass
class Score:
    """Counts of one scan against its labels; misses by column name only, never values."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    category_right: int = 0
    links: int = 0
    links_found: int | None = None  # None: the register has no link field
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    wrong_category: list[str] = field(default_factory=list)
    wrong_links: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.category_right += other.category_right
        self.links += other.links
        if other.links_found is not None:
            self.links_found = (self.links_found or 0) + other.links_found

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def category_accuracy(self) -> float:
        return self.category_right / self.tp if self.tp else 1.0


def score(labels: dict[str, Label], register: dict[str, dict]) -> Score:
    """Compare the register (column -> its row) with the labels.

    A link without a category of its own counts as not personal: a finding there is the
    wrong flag the issue names (a key to an address table taken for an address). A row
    that is only a link (no category) is no finding; its link is scored with the links."""
    s = Score(links_found=0 if has_link_field() else None)
    for column, label in sorted(labels.items()):
        row = register.get(column)
        if label.link:
            s.links += 1
            if row is not None and s.links_found is not None:
                s.links_found += row.get(LINK_FIELD) == label.link
        elif row is not None and row.get(LINK_FIELD):
            s.wrong_links.append(f"{column} (none, linked to {row[LINK_FIELD]})")
        found = row if row is not None and row["category"] is not None else None
        if label.personal:
            if found is None:
                s.fn += 1
                s.false_negatives.append(f"{column} ({label.category})")
            else:
                s.tp += 1
                if found["category"] == label.category:
                    s.category_right += 1
                else:
                    s.wrong_category.append(
                        f"{column} ({label.category}, found {found['category']})"
                    )
        elif found is not None:
            s.fp += 1
            what = "link" if label.link else "none"
            s.false_positives.append(f"{column} ({what}, found {found['category']})")
    return s


def _counts(s: Score) -> tuple:
    return (s.tp, s.fp, s.fn, s.category_right, s.links_found)


def scored_differently(by_set: dict[str, dict[str, Score]]) -> list[str]:
    """The sets whose counts differ between the dialects they ran on: the same data must
    get the same findings on every database."""
    return sorted(
        name for name, scores in by_set.items() if len({_counts(s) for s in scores.values()}) > 1
    )


def server_for(index: int) -> str:
    return SERVERS[index % 2]


def fresh_warehouse(name: str, dialect: str) -> Engine:
    """An empty warehouse for the set, dropping only what an earlier run made for it."""
    database = f"governance_eval_{name}"
    if dialect == "sqlite":
        folder = SQLITE_DIR / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return create_warehouse_engine(f"sqlite:///{folder}/warehouse.db")
    if dialect == "postgresql":
        admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {database}"))
        admin.dispose()
        return create_warehouse_engine(f"{PG_SERVER}/{database}")
    prefix = f"{database}_"
    admin = create_engine(f"{MARIADB_SERVER}/mysql")
    with admin.begin() as conn:
        like = prefix.replace("_", "\\_") + "%"
        ours = conn.execute(
            text("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE :p"),
            {"p": like},
        ).scalars()
        conn.execute(text("SET FOREIGN_KEY_CHECKS = 0"))
        for schema in list(ours):
            conn.execute(text(f"DROP DATABASE `{schema}`"))
    admin.dispose()
    return create_warehouse_engine(f"{MARIADB_SERVER}/mysql?schema_prefix={prefix}")


def scan(engine: Engine, schemas: list[str]) -> tuple[dict[str, dict], float]:
    """The DAG's scan of ``schemas``; the register afterwards, and the scan's seconds."""
    policy = load_policy()
    scan_id = f"eval-{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
    started = time.monotonic()
    scan_warehouse(
        engine,
        policy,
        scan_id,
        scanned_at=datetime.now(UTC),
        scope=ScanScope(tuple(schemas)),
        sample_size=SAMPLE_SIZE,
    )
    seconds = time.monotonic() - started
    with engine.connect() as conn:
        rows = conn.execute(select(pii_columns)).mappings().all()
    register = {f"{r['schema_name']}.{r['table_name']}.{r['column_name']}": dict(r) for r in rows}
    return register, seconds


def has_link_field() -> bool:
    return LINK_FIELD in pii_columns.c


def schemas_of(info: SetInfo) -> list[str]:
    if info.kind == "demo":
        return list(DEMO_SCHEMAS)
    return sorted({column.split(".", 1)[0] for column in info.labels})


def run_set(info: SetInfo, dialect: str) -> tuple[Score, float]:
    engine = fresh_warehouse(info.name, dialect)
    try:
        load_into(engine, info.name)
        register, seconds = scan(engine, schemas_of(info))
    finally:
        engine.dispose()
    unlabelled = sorted(set(register) - set(info.labels))
    if unlabelled:
        print(f"  ! findings on unlabelled columns: {', '.join(unlabelled)}")
    return score(info.labels, register), seconds


def line(label: str, s: Score) -> str:
    links = (
        f"links {s.links_found}/{s.links}" if s.links_found is not None else f"links -/{s.links}"
    )
    return (
        f"{label:34} precision {s.precision:.3f}  recall {s.recall:.3f}  "
        f"category {s.category_accuracy:.3f}  (tp {s.tp} fp {s.fp} fn {s.fn})  {links}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dialect",
        choices=["spread", "sqlite", "postgresql", "mariadb", "all"],
        default="spread",
    )
    parser.add_argument("--set", action="append", dest="sets", help="a set name; repeatable")
    parser.add_argument("--split", choices=["tuning", "held_out", "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list misses by column name")
    args = parser.parse_args()

    infos = [read_labels(n) for n in args.sets or set_names()]
    infos = [i for i in infos if args.split in ("all", i.split)]
    totals: dict[str, Score] = {}
    per_split: dict[str, Score] = {}
    by_set: dict[str, dict[str, Score]] = {}
    for index, info in enumerate(infos):
        if not available(info):
            print(f"== {info.name} [{info.split}]: skipped, its data is not on this machine")
            continue
        dialects = {
            "spread": ["sqlite", server_for(index)],
            "all": ["sqlite", "postgresql", "mariadb"],
        }.get(args.dialect, [args.dialect])
        personal = sum(label.personal for label in info.labels.values())
        print(
            f"== {info.name} [{info.split}] {info.source}: {len(info.labels)} columns, "
            f"{personal} personal"
        )
        for dialect in dialects:
            s, seconds = run_set(info, dialect)
            print("  " + line(f"{dialect} ({seconds:.1f} s scan)", s))
            totals.setdefault(dialect, Score()).add(s)
            by_set.setdefault(info.name, {})[dialect] = s
            if dialect == dialects[0]:
                per_split.setdefault(info.split, Score()).add(s)
            if args.misses and dialect == dialects[0]:
                for title, names in (
                    ("false positives", s.false_positives),
                    ("false negatives", s.false_negatives),
                    ("wrong category", s.wrong_category),
                    ("wrong links", s.wrong_links),
                ):
                    for name in names:
                        print(f"      {title}: {name}")
    print("== overall (micro-averaged over sets)")
    for dialect, s in totals.items():
        print("  " + line(f"sets run on {dialect}", s))
    for split, s in sorted(per_split.items()):
        print("  " + line(f"{split} sets (first dialect)", s))
    if args.dialect == "spread":  # each server line holds other sets than the other's
        servers = {d: [n for n, scores in by_set.items() if d in scores] for d in SERVERS}
        print(
            "  the server lines score different sets ("
            + "; ".join(f"{d}: {', '.join(names) or '-'}" for d, names in servers.items())
            + "): --dialect all compares the dialects on the same sets"
        )
    elif args.dialect == "all":
        differing = scored_differently(by_set)
        print(
            "  scored differently by dialect: " + ", ".join(differing)
            if differing
            else "  every set scored alike on every dialect"
        )
    if not has_link_field():
        print("  links: not measured (the register, governance.pii_columns, has no link field)")
    print(f"  target: precision and recall >= {TARGET} (issue 16)", end=" ")
    first = next(iter(totals.values()), Score())
    met = first.precision >= TARGET and first.recall >= TARGET
    print("met" if met else "NOT met")


if __name__ == "__main__":
    main()
