"""``python -m include.demo``: build the demo warehouse and print what was loaded.

    python -m include.demo [--url URL] [--scale N] [--seed S] [--as-of YYYY-MM-DD]

The URL defaults to the Airflow connection ``warehouse``, else ``$WAREHOUSE_URL``, else the
embedded SQLite file: the same warehouse the DAGs use. The summary holds
counts and timings only, never a value from the rows.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from include.airflow_support import warehouse_url
from include.demo.generate import DEFAULT_SCALE, DEFAULT_SEED, DemoSpec, utc_today
from include.demo.load import load_demo, parse_scale
from include.governance.warehouse import (
    WarehouseError,
    check_connection,
    create_warehouse_engine,
    masked,
)


def _scale(text: str) -> int:
    try:
        return parse_scale(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m include.demo",
        description="(Re)build the synthetic TOPRO demo warehouse (the demo schemas only).",
    )
    parser.add_argument(
        "--url",
        help="warehouse URL (default: Airflow connection 'warehouse', $WAREHOUSE_URL, SQLite)",
    )
    parser.add_argument(
        "--scale",
        type=_scale,
        default=DEFAULT_SCALE,
        help=f"customers, e.g. 2000, 50k, 1M (default {DEFAULT_SCALE}); ~10 orders each",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=None,
        help="the day the data ends (default: today, UTC)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        spec = DemoSpec(args.scale, args.seed, args.as_of or utc_today())
        engine = create_warehouse_engine(args.url or warehouse_url())
        check_connection(engine)
    except (ValueError, WarehouseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"Building the demo warehouse on {masked(engine.url)}: {spec.scale:,} customers, "
        f"seed {spec.seed}, as of {spec.as_of}"
    )
    report = load_demo(engine, spec)
    engine.dispose()
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
