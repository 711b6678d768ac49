"""Data-subject requests at scale on PostgreSQL: an access request and an erasure (with
the person's analytics and marketing rows) on the 1M-customer demo warehouse.

Uses the warehouse ``bench_anonymise.py`` builds (1M customers, 10M orders; built here if
missing) and, once, publishes its analytics outputs and segments as the anonymisation DAG
does, so the person's pseudonymised rows are there to find. Then, for the customer with
the most orders: an access request by email (find everywhere, write the package from what
was found) and an erasure by customer number (find, plan, carry out in batches, prove
with Great Expectations), each as the DAG's tasks run them. Each request is a new
customer's, so runs can be repeated.
Targets (issue 17): access at most 30 s, erasure at most 60 s.

    PYTHONPATH=. python benchmarks/bench_subjects.py [SCALE] [--url URL]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_anonymise import DEFAULT_URL, RUN_DATE, SECRET, ensure_warehouse
from sqlalchemy import inspect, text

from include.governance.policy import load_policy
from include.governance.pseudonym import PseudonymKey
from include.governance.subjects import steps
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.requests import RequestType, record_request
from include.governance.warehouse import create_warehouse_engine

ANALYTICS = PseudonymKey("analytics", "bench", SECRET)
MARKETING = PseudonymKey("marketing", "bench", SECRET[::-1])
KEYS = {"analytics": ANALYTICS, "marketing": MARKETING}
ACCESS_TARGET_S, ERASURE_TARGET_S = 30, 60


def ensure_outputs(engine, policy) -> None:
    """The analytics outputs and segments, published once as the DAG publishes them."""
    if "segment_members" in inspect(engine).get_table_names(schema="marketing"):
        return
    from include.governance.anonymise import steps as anonymise
    from include.governance.marketing import steps as marketing

    print("publishing the analytics outputs and segments once ...", flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        run = {"run_date": RUN_DATE, "folder": Path(folder)}
        for output in anonymise.start_run(
            engine, policy, "bench-subjects", RUN_DATE, keys=[ANALYTICS, MARKETING]
        ):
            anonymise.build(engine, policy, "bench-subjects", output, key=ANALYTICS, **run)
        anonymise.publish(engine, policy, "bench-subjects")
        marketing.segments(engine, policy, "bench-subjects", key=MARKETING, **run)
    print(f"  published in {time.perf_counter() - started:.0f} s", flush=True)


def busiest_customers(engine, n: int) -> list[tuple[int, str]]:
    """Customers with an email and the most orders, not erased by an earlier run."""
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT c.customer_id, c.email FROM crm.customers c JOIN ("
                " SELECT customer_id, COUNT(*) AS n FROM sales.orders GROUP BY customer_id"
                " ORDER BY n DESC LIMIT 100) o ON o.customer_id = c.customer_id"
                " WHERE c.email IS NOT NULL ORDER BY o.n DESC, c.customer_id LIMIT :n"
            ),
            {"n": n},
        ).all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", nargs="?", default="1M", help="customers: 100k, 1M, ...")
    parser.add_argument("--url", default=DEFAULT_URL)
    args = parser.parse_args()
    scale = int(float(args.scale.lower().replace("k", "e3").replace("m", "e6")))
    ensure_warehouse(args.url, scale, rebuild=False)
    engine = create_warehouse_engine(args.url)
    policy = load_policy()
    ensure_outputs(engine, policy)
    (_, email), (erased, _) = busiest_customers(engine, 2)

    access = record_request(
        engine,
        request_type=RequestType.ACCESS,
        identifier_kind=IdentifierKind.EMAIL,
        identifier=email,
        case_reference="BENCH",
    )
    started = time.perf_counter()
    found = steps.find(engine, policy, access, keys=KEYS)
    answered = steps.access(engine, policy, access, keys=KEYS)
    access_s = time.perf_counter() - started
    rows = sum(t["rows"] for t in found["tables"].values())
    print(
        f"access request at {scale:,} customers: {access_s:.1f} s (the DAG's two tasks:"
        f" find, and the package from what it found), {rows} rows in {len(found['tables'])} tables,"
        f" {len(answered['files'])} files; target {ACCESS_TARGET_S} s:"
        f" {'met' if access_s <= ACCESS_TARGET_S else 'NOT met'}"
    )

    erasure = record_request(
        engine,
        request_type=RequestType.ERASURE,
        identifier_kind=IdentifierKind.CUSTOMER_ID,
        identifier=str(erased),
        case_reference="BENCH",
    )
    with tempfile.TemporaryDirectory() as folder:
        timings = {}
        tasks = {  # the DAG's tasks of an erasure, as they run
            "find": lambda: steps.find(engine, policy, erasure, keys=KEYS),
            "plan": lambda: steps.plan_erasure_of(
                engine,
                policy,
                erasure,
                keys=KEYS,
                as_of=RUN_DATE,
                folder=Path(folder),
                dry_run=False,
            ),
            "erase": lambda: steps.erase(engine, erasure, batch_size=500),
            "prove": lambda: steps.verify(engine, policy, erasure, folder=Path(folder)),
        }
        returned = {}
        for task, run in tasks.items():
            started = time.perf_counter()
            returned[task] = run()
            timings[task] = time.perf_counter() - started
        erasure_s = sum(timings.values())
        planned, proof = returned["plan"], returned["prove"]
    print(
        f"erasure at {scale:,} customers: {erasure_s:.1f} s"
        f" ({', '.join(f'{k} {v:.1f} s' for k, v in timings.items())}), {planned['rows']}"
        f" rows in {planned['steps']} steps, {proof['checks']} checks; target"
        f" {ERASURE_TARGET_S} s: {'met' if erasure_s <= ERASURE_TARGET_S else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
