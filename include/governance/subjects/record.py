"""``python -m include.governance.subjects.record``: compliance records a data-subject
request (``make subject-request``) and gets the request id to trigger the DAG with.

    python -m include.governance.subjects.record --type access --kind email --case CASE-1

The identifier is read from standard input (a prompt that does not echo at a terminal),
never from the command line: arguments stay in shell history and in every process list.
It prints the request id, the masked identifier and the due date; exits 2 on bad input,
writing nothing.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime

from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.requests import (
    RequestType,
    load_request,
    record_request,
)
from include.governance.warehouse import WarehouseError, create_warehouse_engine, describe_error


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m include.governance.subjects.record",
        description="Record a data-subject request; the identifier is read from standard input.",
    )
    parser.add_argument("--type", required=True, choices=[t.value for t in RequestType])
    parser.add_argument("--kind", required=True, choices=[k.value for k in IdentifierKind])
    parser.add_argument("--case", required=True, help="the case reference")
    parser.add_argument(
        "--received", type=datetime.fromisoformat, help="when it was received (default: now)"
    )
    parser.add_argument("--url", help="warehouse URL (default: $WAREHOUSE_URL, else SQLite)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    raw = (
        getpass.getpass(f"the person's {args.kind}: ")
        if sys.stdin.isatty()
        else sys.stdin.readline()
    )
    kind = IdentifierKind(args.kind)
    try:
        engine = create_warehouse_engine(args.url)
        request_id = record_request(
            engine,
            request_type=RequestType(args.type),
            identifier_kind=kind,
            identifier=raw,
            case_reference=args.case,
            received_at=args.received,
        )
        request = load_request(engine, request_id)
    except (ValueError, WarehouseError) as exc:  # an identifier not of its kind, too
        print(exc, file=sys.stderr)
        return 2
    except Exception as exc:  # a driver's message can quote values: its class only
        print(f"cannot record the request: {describe_error(exc)}", file=sys.stderr)
        return 2
    print(
        f"request {request_id}: {request.request_type} by {kind} {request.masked}, "
        f"case {request.case_reference}, due {request.due_at:%Y-%m-%d}; trigger the "
        f"subject_request DAG with request_id {request_id}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
