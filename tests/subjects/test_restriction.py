"""The records an erasure keeps for an obligation (orders for accounting, the customer stub
they refer to, held orders) are restricted to it: the next night's analytics and marketing
builds leave them out, incremental or full, streamed or pushed down, and their counts
still reconcile with the source."""

from __future__ import annotations

import pytest

from include.governance.anonymise import steps as anonymise_steps
from include.governance.marketing import steps as marketing_steps
from include.governance.subjects.erase import run_erasure, store_plan
from include.governance.subjects.erasure_plan import plan_erasure
from include.governance.subjects.find import find_person
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.places import find_places
from tests.subjects.test_find import (
    ANALYTICS,
    AS_OF,
    KEYS,
    MARKETING,
    POLICY,
    count,
    request,
    rows_of,
    the_busiest_customer,
)

OUTPUTS = ("analytics.customers", "analytics.orders", "analytics.order_lines")


def anonymise(engine, run_id: str, folder, **options) -> dict[str, dict]:
    """A night's anonymisation run: every output built and published, then the segments."""
    run = {"run_date": AS_OF, "folder": folder / run_id}
    built = {}
    for output in anonymise_steps.start_run(
        engine, POLICY, run_id, AS_OF, keys=[ANALYTICS, MARKETING]
    ):
        built[output] = anonymise_steps.build(
            engine, POLICY, run_id, output, key=ANALYTICS, **run, **options
        )
    anonymise_steps.publish(engine, POLICY, run_id)
    marketing_steps.segments(engine, POLICY, run_id, key=MARKETING, **run)
    return built


def erase(engine, person, *, outputs: bool = True) -> None:
    """Erase ``person``; ``outputs=False`` as an erasure run without the outputs' keys,
    which leaves their output rows to the next build."""
    by_number = request(engine, IdentifierKind.CUSTOMER_ID, str(person["customer_id"]))
    footprint = find_person(engine, POLICY, by_number, keys=KEYS if outputs else {})
    plan = plan_erasure(engine, POLICY, footprint, find_places(engine, POLICY), as_of=AS_OF)
    store_plan(engine, by_number.request_id, plan)
    run_erasure(engine, by_number.request_id, batch_size=50)


def in_outputs(engine, person) -> dict[str, int]:
    by_number = request(engine, IdentifierKind.CUSTOMER_ID, str(person["customer_id"]))
    found = find_person(engine, POLICY, by_number, keys=KEYS).summary()
    return {o: rows_of(found, o) for o in (*OUTPUTS, POLICY.marketing.members)}


@pytest.mark.parametrize(
    ("full_refresh", "outputs"),
    [(False, True), (True, True), (False, False)],
    ids=["next-night", "full-refresh", "left-in-outputs"],
)
def test_the_records_an_erasure_kept_never_return_to_the_outputs(
    warehouse, tmp_path, full_refresh, outputs
):
    anonymise(warehouse, "night-1", tmp_path)
    person = the_busiest_customer(warehouse)
    assert in_outputs(warehouse, person)["analytics.orders"] > 0
    erase(warehouse, person, outputs=outputs)
    kept = count(
        warehouse,
        "SELECT COUNT(*) FROM sales.orders WHERE customer_id = :c",
        c=person["customer_id"],
    )
    assert kept > 0  # orders kept for accounting: the case this test is about
    removed = set(in_outputs(warehouse, person).values()) == {0}
    assert removed == outputs  # the erasure removed their output rows, when it could

    built = anonymise(warehouse, "night-2", tmp_path, full_refresh=full_refresh)

    assert set(in_outputs(warehouse, person).values()) == {0}
    orders = count(warehouse, "SELECT COUNT(*) FROM sales.orders")
    assert count(warehouse, "SELECT COUNT(*) FROM analytics.orders") == orders - kept
    assert built["analytics.orders"]["source_rows"] == orders - kept
    # without a full build: the restricted rows are left out of the increment, and taken
    # out of the published output where the erasure left them
    assert built["analytics.orders"]["build"] == ("full" if full_refresh else "incremental")
    customers = count(warehouse, "SELECT COUNT(*) FROM crm.customers")
    assert count(warehouse, "SELECT COUNT(*) FROM analytics.customers") <= customers - 1


@pytest.mark.postgres
def test_the_streaming_path_leaves_them_out_too(pg_engine, tmp_path):
    from datetime import date

    from include.demo.load import build_demo_warehouse

    build_demo_warehouse(pg_engine, 100, 42, date(2026, 11, 24))
    anonymise(pg_engine, "night-1", tmp_path, method="streaming")
    person = the_busiest_customer(pg_engine)
    erase(pg_engine, person)
    anonymise(pg_engine, "night-2", tmp_path, method="streaming", full_refresh=True)
    assert set(in_outputs(pg_engine, person).values()) == {0}
