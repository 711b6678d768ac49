"""The inventory's column classification beside Microsoft Presidio's, on the same samples.

Each labelled set (benchmarks/inventory_sets/) is loaded into SQLite and every table is
sampled once, as a scan samples it (``sampling.sample_table``, the DAG's sample size).
The same samples are then classified by the project (``classify_table``: names and values)
and by Presidio's analyzer (``presidio_peer``: values only, it has no column-name signal),
and both are scored against the hand labels as bench_inventory_accuracy.py scores the
register. Printed per set and overall: classification time per column (sampling left
out), precision and recall of personal-data columns and category accuracy, the ratio of
times, and the targets of issue 16 §6 (at least 10x faster per column, better precision
and recall). The project is also shown on values only: the same function with every
table and column renamed to words that carry no name signal.

Presidio is shown twice: deciding columns as presidio-structured does by default (any
value with an entity), and with the column rule that scores best (F1) on the tuning sets,
chosen from a small grid of score and share thresholds; held-out sets keep measuring it.
Last, what Presidio finds that the project misses, counted by kind of data, never by set.

    python benchmarks/bench_inventory_peer.py [--set NAME ...] [--repeats N]

Needs benchmarks/requirements.txt (``make bench`` installs it).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import astuple, dataclass, field, replace
from typing import Any

from benchmarks.bench_inventory_accuracy import Score, fresh_warehouse, schemas_of, score
from benchmarks.inventory_sets.sets import SetInfo, available, load_into, read_labels, set_names
from benchmarks.presidio_peer import (
    STRUCTURED_DEFAULT,
    ColumnRule,
    Found,
    analyse_values,
    analyzer,
    decide_column,
)
from include.governance.detect.table_context import classify_table
from include.governance.inventory.discovery import ScanScope, discover_tables
from include.governance.policy import Policy, load_policy
from include.governance.sampling import TableSample, sample_table
from include.governance.tables import TableName

SAMPLE_SIZE = 1000  # the DAG's default
OURS, OURS_VALUES = "ours (names and values)", "ours (values only)"
PRESIDIO_DEFAULT = "Presidio (presidio-structured's default)"
PRESIDIO_TUNED = "Presidio (column rule tuned)"
SPEED_TARGET = 10.0
RULE_GRID = [
    ColumnRule(score_at=s, share_at=share, dates=dates)
    for s, share, dates in itertools.product(
        (0.0, 0.3, 0.5, 0.7, 0.85), (0.0, 0.1, 0.3, 0.5, 0.8), (True, False)
    )
]


@dataclass
class SetRun:
    """One set's samples classified both ways: categories by column, seconds in total."""

    info: SetInfo
    columns: int = 0
    values: int = 0
    ours: dict[str, str] = field(default_factory=dict)
    ours_values_only: dict[str, str] = field(default_factory=dict)
    presidio: dict[str, list[list[Found]]] = field(default_factory=dict)
    ours_seconds: float = 0.0
    ours_values_only_seconds: float = 0.0
    presidio_seconds: float = 0.0


def sample_set(info: SetInfo) -> dict[str, TableSample]:
    """Every table of the set, loaded into SQLite and sampled as a scan samples it.

    This and run_set's loop are scan_table's sample-then-classify without its records: once
    inventory/scan.py has its one-process whole-scan function, run_set should call it for
    the project's findings if it can take these samples (or hand back its own), so that
    both classifiers still see the same values; until then the loop stays this small."""
    engine = fresh_warehouse(info.name, "sqlite")
    try:
        load_into(engine, info.name)
        tables = discover_tables(engine, ScanScope(tuple(schemas_of(info))))
        return {t: sample_table(engine, *astuple(TableName.parse(t)), SAMPLE_SIZE) for t in tables}
    finally:
        engine.dispose()


def values_only(sample: TableSample) -> TableSample:
    """The same sample with columns named c1, c2, ...: no name signal left."""
    return replace(
        sample,
        columns=[replace(c, name=f"c{i}") for i, c in enumerate(sample.columns, start=1)],
    )


def best_of(repeats: int, work: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    """``work(*args)``'s result and its fastest time of ``repeats`` runs."""
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = work(*args)
        best = min(best, time.perf_counter() - started)
    return result, best


def run_set(
    info: SetInfo, samples: dict[str, TableSample], *, policy: Policy, peer, repeats: int
) -> SetRun:
    run = SetRun(info)
    for table, sample in samples.items():
        name = TableName.parse(table).name
        columns = [c for c in sample.columns if not c.not_sampled]
        run.columns += len(columns)
        run.values += sum(len(c.values) for c in columns)
        found, seconds = best_of(repeats, classify_table, name, sample, policy)
        run.ours_seconds += seconds
        run.ours |= {f"{table}.{c}": f.category for c, f in found.items() if f}
        blind_sample = values_only(sample)
        blind, seconds = best_of(repeats, classify_table, "t", blind_sample, policy)
        run.ours_values_only_seconds += seconds
        run.ours_values_only |= {
            f"{table}.{c.name}": f.category
            for c, blind_column in zip(sample.columns, blind_sample.columns, strict=True)
            if (f := blind.get(blind_column.name))
        }
        for column in columns:
            results, seconds = best_of(repeats, analyse_values, peer, column.values)
            run.presidio_seconds += seconds
            run.presidio[f"{table}.{column.name}"] = results
    return run


def as_register(categories: dict[str, str | None]) -> dict[str, dict]:
    return {column: {"category": c} for column, c in categories.items() if c is not None}


def presidio_categories(run: SetRun, rule: ColumnRule) -> dict[str, str | None]:
    return {column: decide_column(found, rule) for column, found in run.presidio.items()}


def f1(s: Score) -> float:
    return 2 * s.tp / (2 * s.tp + s.fp + s.fn) if s.tp else 0.0


def tuning_f1(runs: list[SetRun], rule: ColumnRule) -> float:
    """Presidio's F1 under ``rule`` on the tuning sets (on every set run if none is one)."""
    tuning = [r for r in runs if r.info.split == "tuning"] or runs
    s = Score()
    for r in tuning:
        s.add(score(r.info.labels, as_register(presidio_categories(r, rule))))
    return f1(s)


def tuned_rule(runs: list[SetRun]) -> ColumnRule:
    """The grid's rule with the best F1 on the tuning sets (presidio-structured's first)."""
    return max([STRUCTURED_DEFAULT, *RULE_GRID], key=lambda rule: tuning_f1(runs, rule))


@dataclass
class Figures:
    """Scores and seconds of the four ways, summed over some sets."""

    columns: int = 0
    seconds: Counter[str] = field(default_factory=Counter)
    scores: dict[str, Score] = field(default_factory=dict)

    def add(self, run: SetRun, scores: dict[str, Score]) -> None:
        self.columns += run.columns
        self.seconds.update(
            {
                OURS: run.ours_seconds,
                OURS_VALUES: run.ours_values_only_seconds,
                PRESIDIO_DEFAULT: run.presidio_seconds,
                PRESIDIO_TUNED: run.presidio_seconds,
            }
        )
        for way, s in scores.items():
            self.scores.setdefault(way, Score()).add(s)


def print_figures(f: Figures, indent: str = "  ") -> None:
    for way, s in f.scores.items():
        ms = f"{f.seconds[way] / f.columns * 1000:8.3f} ms/column" if f.columns else ""
        print(
            f"{indent}{way:44} precision {s.precision:.3f}  recall {s.recall:.3f}  "
            f"category {s.category_accuracy:.3f}  (tp {s.tp:3} fp {s.fp:3} fn {s.fn:3})  {ms}"
        )
    if f.seconds[OURS]:
        ratio = f.seconds[PRESIDIO_DEFAULT] / f.seconds[OURS]
        met = "met" if ratio >= SPEED_TARGET else "NOT met"
        print(
            f"{indent}Presidio's time / ours: {ratio:.1f}x (target >= {SPEED_TARGET:.0f}x: {met})"
        )


def misses_by_kind(runs: list[SetRun], rule: ColumnRule) -> Counter[tuple[str, str]]:
    """Personal columns Presidio puts in a category and the project finds nothing in, by
    their labelled category and the entity Presidio found most: counts, never columns."""
    kinds: Counter[tuple[str, str]] = Counter()
    for run in runs:
        for column, category in presidio_categories(run, rule).items():
            label = run.info.labels.get(column)
            if category is None or label is None or not label.personal or column in run.ours:
                continue
            entities = Counter(e for found in run.presidio[column] for e, s in found)
            kinds[(label.category, entities.most_common(1)[0][0])] += 1
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", dest="sets", help="a set name; repeatable")
    parser.add_argument("--repeats", type=int, default=1, help="best of N timings")
    args = parser.parse_args()

    policy = load_policy()
    peer = analyzer()
    infos = [read_labels(n) for n in args.sets or set_names()]
    runs = []
    for info in infos:
        if not available(info):
            print(f"== {info.name} [{info.split}]: skipped, its data is not on this machine")
            continue
        samples = sample_set(info)
        if not runs:  # warm both up: the name lists, the health vocabulary, Presidio's regexes
            table, sample = next(iter(samples.items()))
            classify_table(TableName.parse(table).name, sample, policy)
            for column in sample.columns:
                analyse_values(peer, column.values)
        runs.append(run_set(info, samples, policy=policy, peer=peer, repeats=args.repeats))
        print(f"  {info.name}: classified", file=sys.stderr, flush=True)
    rule = tuned_rule(runs)
    ways = {
        OURS: lambda r: r.ours,
        OURS_VALUES: lambda r: r.ours_values_only,
        PRESIDIO_DEFAULT: lambda r: presidio_categories(r, STRUCTURED_DEFAULT),
        PRESIDIO_TUNED: lambda r: presidio_categories(r, rule),
    }
    print(
        f"Presidio's column rules: presidio-structured's default: {STRUCTURED_DEFAULT.describe()}"
    )
    print(
        f"  tuned on the tuning sets (best F1 of {len(RULE_GRID)} rules): {rule.describe()}; "
        f"F1 {tuning_f1(runs, rule):.3f} against {tuning_f1(runs, STRUCTURED_DEFAULT):.3f}"
    )
    print("  Presidio sees values only (no column names); ours is shown on both")
    overall: Figures = Figures()
    per_split: dict[str, Figures] = {}
    for run in runs:
        info = run.info
        personal = sum(label.personal for label in info.labels.values())
        print(
            f"== {info.name} [{info.split}]: {run.columns} columns sampled, {personal} personal, "
            f"{run.values} values"
        )
        scores = {way: score(info.labels, as_register(of(run))) for way, of in ways.items()}
        figures = Figures()
        figures.add(run, scores)
        print_figures(figures)
        overall.add(run, scores)
        per_split.setdefault(info.split, Figures()).add(run, scores)
    for split, figures in sorted(per_split.items()):
        print(f"== {split} sets")
        print_figures(figures)
    print("== overall (micro-averaged over sets)")
    print_figures(overall)
    ours = overall.scores.get(OURS)
    peer_scores = [
        overall.scores[w] for w in (PRESIDIO_DEFAULT, PRESIDIO_TUNED) if w in overall.scores
    ]
    if ours and peer_scores:
        better = all(ours.precision > p.precision and ours.recall > p.recall for p in peer_scores)
        print(
            f"  target: better precision and recall than Presidio: {'met' if better else 'NOT met'}"
        )
    for split in sorted(per_split):
        kinds = misses_by_kind([r for r in runs if r.info.split == split], rule)
        found = ", ".join(f"{c} ({e}) {n}" for (c, e), n in kinds.most_common()) or "none"
        print(f"  Presidio (tuned) finds, ours misses, {split} sets, by kind: {found}")


if __name__ == "__main__":
    main()
