"""``python -m include.governance.inventory.draft``: draft the policy's ``tables:`` from the
register of the last scan (``make policy-draft``).

    python -m include.governance.inventory.draft [--url URL] [--out FILE] [--policy FILE]

The URL defaults to ``$WAREHOUSE_URL``, else the embedded SQLite file; the draft goes to
``--out`` (default: standard output) and is validated merged into the policy. It exits 1
when the draft does not validate (it is still written, for a person to mend), 2 when the
policy or the warehouse cannot be read. It prints names and counts, never values.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from include.governance.inventory.draft_text import render_draft, validate_draft
from include.governance.inventory.drafting import draft_tables
from include.governance.policy import PolicyError, default_policy_path, load_policy
from include.governance.warehouse import WarehouseError, create_warehouse_engine, describe_error


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m include.governance.inventory.draft",
        description="Draft the policy's tables: section from the personal-data register.",
    )
    parser.add_argument("--url", help="warehouse URL (default: $WAREHOUSE_URL, else SQLite)")
    parser.add_argument("--out", type=Path, help="file to write (default: standard output)")
    parser.add_argument(
        "--policy", type=Path, help="the policy to draft for (default: include/policy.yml)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    policy_file = args.policy or default_policy_path()
    try:
        policy = load_policy(policy_file)
        engine = create_warehouse_engine(args.url)
        try:
            draft = draft_tables(engine, policy)
        finally:
            engine.dispose()
    except (PolicyError, WarehouseError) as exc:
        print(exc, file=sys.stderr)
        return 2
    except Exception as exc:  # a driver's message can quote values: its class only
        print(f"cannot read the register: {describe_error(exc)}", file=sys.stderr)
        return 2
    text = render_draft(draft, policy=policy)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    problems = validate_draft(text, policy_file)
    where = args.out or "standard output"
    print(f"{len(draft.tables)} tables with personal data drafted to {where}", file=sys.stderr)
    for reason in draft.skipped:
        print(f"  left out: {reason}", file=sys.stderr)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        print(f"the draft does not validate merged into {policy_file}:\n{listed}", file=sys.stderr)
        return 1
    print(f"the draft validates merged into {policy_file}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
