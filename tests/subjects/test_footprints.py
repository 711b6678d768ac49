"""The find task's footprint, kept for the run's later tasks: they answer and plan from what
it found (the counts its log and XCom showed), not from a second search, and it is gone
once the request is answered, planned or rejected."""

from __future__ import annotations

import json

from include.governance.anonymise import steps as anonymise_steps
from include.governance.marketing import steps as marketing_steps
from include.governance.subjects import steps
from include.governance.subjects.access import package_file
from include.governance.subjects.find import find_person
from include.governance.subjects.footprints import load_footprint, store_footprint
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.requests import RequestType, record_request
from tests.server_sql import sql
from tests.subjects.test_find import (
    AS_OF,
    KEYS,
    POLICY,
    count,
    request,
    rewritten_phone,
    the_busiest_customer,
    two_others,
)

KEPT = "SELECT COUNT(*) FROM governance.subject_found_rows WHERE request_id = :r"


def same(kept, found) -> None:
    assert kept.tables == found.tables
    assert kept.identifiers == found.identifiers
    assert kept.shared == found.shared


def test_a_kept_footprint_comes_back_as_found_keys_typed_as_their_tables(warehouse):
    """A note on someone else quoting them, a household's phone, their other account."""
    person = the_busiest_customer(warehouse)
    account, household = two_others(warehouse, person)
    digits = "".join(c for c in person["mobile"] if c.isdigit())[-8:]
    with warehouse.begin() as conn:
        conn.execute(
            sql(conn, "UPDATE crm.customers SET email = :e WHERE customer_id = :c"),
            {"e": person["email"], "c": account},
        )
        conn.execute(
            sql(conn, "UPDATE crm.customers SET mobile = :m WHERE customer_id = :c"),
            {"m": rewritten_phone(person["mobile"]), "c": household},
        )
        conn.execute(
            sql(
                conn,
                "INSERT INTO service.contacts (contact_id, customer_id, contacted_at, channel,"
                " topic, notes, agent_code, resolved) VALUES (999999, :c, :at, 'phone',"
                " 'delivery', :n, 'A1', true)",
            ),
            {"c": household, "at": AS_OF, "n": f"Ring {digits[:3]} {digits[3:5]} {digits[5:]}"},
        )
    by_number = request(warehouse, IdentifierKind.CUSTOMER_ID, str(person["customer_id"]))
    found = find_person(warehouse, POLICY, by_number, keys={})
    assert found.shared  # what is tried here
    assert found.tables["service.contacts"].mentions
    store_footprint(warehouse, by_number.request_id, found)
    kept = load_footprint(warehouse, by_number.request_id)
    same(kept, found)
    assert {type(k) for k in kept.tables["crm.customers"].keys} == {int}


def test_the_outputs_pseudonyms_are_kept_too(demo, tmp_path):
    run = {"run_date": AS_OF, "folder": tmp_path}
    outputs = anonymise_steps.start_run(demo, POLICY, "run-1", AS_OF, keys=list(KEYS.values()))
    for output in outputs:
        anonymise_steps.build(demo, POLICY, "run-1", output, key=KEYS["analytics"], **run)
    anonymise_steps.publish(demo, POLICY, "run-1")
    marketing_steps.segments(demo, POLICY, "run-1", key=KEYS["marketing"], **run)
    person = the_busiest_customer(demo)
    by_email = request(demo, IdentifierKind.EMAIL, person["email"])
    found = find_person(demo, POLICY, by_email, keys=KEYS)
    assert found.tables["analytics.orders"].pseudonyms
    store_footprint(demo, by_email.request_id, found)
    same(load_footprint(demo, by_email.request_id), found)


def test_the_answer_holds_what_find_found_and_the_footprint_goes_with_it(warehouse):
    """An order placed between the find task and the access task is not in the answer:
    the answer matches the counts find reported (a second search would add it)."""
    person = the_busiest_customer(warehouse)
    by_email = request(warehouse, IdentifierKind.EMAIL, person["email"])
    found = steps.find(warehouse, POLICY, by_email.request_id, keys={})["tables"]
    assert count(warehouse, KEPT, r=by_email.request_id) > 0
    with warehouse.begin() as conn:
        conn.execute(
            sql(
                conn,
                "INSERT INTO sales.orders (order_id, order_number, customer_id, ordered_at,"
                " status, channel, currency, total_amount, shipping_fee, ip_address, updated_at)"
                " SELECT 9999999, 9999999, customer_id, ordered_at, status, channel, currency,"
                " total_amount, shipping_fee, ip_address, updated_at FROM sales.orders"
                " WHERE order_id = (SELECT MIN(order_id) FROM sales.orders WHERE customer_id = :c)",
            ),
            {"c": person["customer_id"]},
        )
    steps.access(warehouse, POLICY, by_email.request_id, keys={})
    orders = json.loads(package_file(warehouse, by_email.request_id, "sales.orders.json"))
    assert len(orders) == found["sales.orders"]["rows"]
    assert count(warehouse, KEPT, r=by_email.request_id) == 0


def test_a_plan_or_a_rejection_forgets_the_footprint(warehouse, tmp_path):
    person = the_busiest_customer(warehouse)
    for ending in ("plan", "reject"):
        erasure = record_request(
            warehouse,
            request_type=RequestType.ERASURE,
            identifier_kind=IdentifierKind.EMAIL,
            identifier=person["email"],
            case_reference=f"CASE-{ending}",
        )
        found = steps.find(warehouse, POLICY, erasure, keys={})["tables"]
        assert count(warehouse, KEPT, r=erasure) > 0
        if ending == "plan":
            planned = steps.plan_erasure_of(
                warehouse, POLICY, erasure, keys={}, as_of=AS_OF, folder=tmp_path, dry_run=True
            )
            assert planned["rows"] >= sum(t["rows"] for t in found.values())
        else:
            steps.reject(warehouse, erasure)
        assert count(warehouse, KEPT, r=erasure) == 0, ending
