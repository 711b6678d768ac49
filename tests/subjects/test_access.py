"""An access request's answer: every row found about the person, one JSON file per table,
with a summary from the policy; kept in the warehouse, replaced (never doubled) by a re-run."""

from __future__ import annotations

import json

from include.governance.subjects import steps
from include.governance.subjects.access import package_file
from include.governance.subjects.identifiers import IdentifierKind
from tests.server_sql import sql
from tests.subjects.test_find import POLICY, count, request, the_busiest_customer


def test_the_package_holds_every_row_found_and_a_re_run_replaces_it(warehouse):
    person = the_busiest_customer(warehouse)
    by_phone = request(warehouse, IdentifierKind.PHONE, person["mobile"])
    found = steps.find(warehouse, POLICY, by_phone.request_id, keys={})["tables"]
    answer = steps.access(warehouse, POLICY, by_phone.request_id, keys={})
    assert steps.access(warehouse, POLICY, by_phone.request_id, keys={}) == answer
    assert answer["files"] == sorted([f"{t}.json" for t in found] + ["summary.html", "summary.md"])
    for table_name, entry in found.items():
        rows = json.loads(package_file(warehouse, by_phone.request_id, f"{table_name}.json"))
        assert len(rows) == entry["rows"], table_name
    [customer] = json.loads(package_file(warehouse, by_phone.request_id, "crm.customers.json"))
    assert (customer["email"], customer["mobile"]) == (person["email"], person["mobile"])
    orders = json.loads(package_file(warehouse, by_phone.request_id, "sales.orders.json"))
    assert {o["customer_id"] for o in orders} == {person["customer_id"]}
    summary = package_file(warehouse, by_phone.request_id, "summary.md").decode()
    assert POLICY.tables["sales.orders"].description in summary
    assert str(POLICY.retention["order_history"].keep_for) in summary
    packages = count(
        warehouse,
        "SELECT COUNT(*) FROM governance.subject_packages WHERE request_id = :r",
        r=by_phone.request_id,
    )
    assert packages == len(answer["files"])
    with warehouse.connect() as conn:
        status = conn.execute(
            sql(conn, "SELECT status FROM governance.subject_requests WHERE request_id = :r"),
            {"r": by_phone.request_id},
        ).scalar()
    assert status == "answered"


def test_an_unknown_person_gets_an_answer_that_says_so(warehouse):
    unknown = request(warehouse, IdentifierKind.EMAIL, "nobody.at.all@example.invalid")
    assert steps.find(warehouse, POLICY, unknown.request_id, keys={})["tables"] == {}
    answer = steps.access(warehouse, POLICY, unknown.request_id, keys={})
    assert answer["files"] == ["summary.html", "summary.md"]
    summary = package_file(warehouse, unknown.request_id, "summary.md").decode()
    assert "We hold no data about you." in summary
