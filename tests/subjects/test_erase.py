"""An erasure leaves no identifying value of the person outside kept order history: their
sessions, contacts and expired orders go, orders within the ten years stay for accounting
(their amounts reconcile) with what accounting does not need cleared, the customer row
they refer to stays as a stub; held orders stay untouched; a killed run's re-run finishes
and the audit counts each row once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

from sqlalchemy import insert

from include.governance.audit import ensure_governance_tables, legal_holds
from include.governance.retention.plan import cutoff_for
from include.governance.subjects.erase import erasure_audit, run_erasure, store_plan
from include.governance.subjects.erasure_plan import plan_erasure
from include.governance.subjects.find import find_person
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.places import find_places
from include.governance.subjects.verify import verify_erasure
from tests.server_sql import sql
from tests.subjects.test_find import (
    AS_OF,
    POLICY,
    count,
    request,
    the_busiest_customer,
    two_others,
)

RULE = POLICY.retention["order_history"]
CUTOFF = cutoff_for(AS_OF, RULE.keep_for)


def plan_for(engine, person):
    by_email = request(engine, IdentifierKind.EMAIL, person["email"])
    footprint = find_person(engine, POLICY, by_email, keys={})
    plan = plan_erasure(engine, POLICY, footprint, find_places(engine, POLICY), as_of=AS_OF)
    store_plan(engine, by_email.request_id, plan)
    return by_email.request_id, plan


def their_values(engine, person) -> list[str]:
    with engine.connect() as conn:
        row = conn.execute(
            sql(
                conn, "SELECT street_address, national_id FROM crm.customers WHERE customer_id = :c"
            ),
            {"c": person["customer_id"]},
        ).one()
    digits = "".join(c for c in person["mobile"] if c.isdigit())[-8:]
    return [person["email"].lower(), digits, row.national_id.replace(" ", ""), row.street_address]


def text_holding(engine, values: list[str]) -> list[str]:
    """Every text column of the demo's schemas that still holds one of ``values``."""
    from sqlalchemy import String, select

    from include.governance.catalog import Catalog
    from include.governance.subjects.find import typed_table

    found = []
    catalog = Catalog(engine)
    with engine.connect() as conn:
        for schema in ("crm", "sales", "web", "service", "hr", "health"):
            for name in catalog.get_table_names(schema=schema):
                columns = [
                    c["name"]
                    for c in catalog.get_columns(name, schema=schema)
                    if isinstance(c["type"], String)
                ]
                if not columns:
                    continue
                table = typed_table(conn, f"{schema}.{name}", *columns)
                for row in conn.execute(select(table)):
                    for column, value in zip(columns, row, strict=True):
                        compact = "".join(ch for ch in (value or "") if ch not in " -.()/").lower()
                        if any(v.lower().replace(" ", "") in compact for v in values):
                            found.append(f"{schema}.{name}.{column}")
    return sorted(set(found))


def kept_orders(engine, person) -> tuple[int, str]:
    with engine.connect() as conn:
        n, total = conn.execute(
            sql(
                conn,
                "SELECT COUNT(*), SUM(total_amount) FROM sales.orders"
                " WHERE customer_id = :c AND ordered_at >= :cutoff",
            ),
            {"c": person["customer_id"], "cutoff": CUTOFF},
        ).one()
    return n, f"{total:.2f}"


def test_an_erasure_keeps_only_order_history_and_nothing_that_identifies_them(warehouse):
    person = the_busiest_customer(warehouse)
    values = their_values(warehouse, person)
    assert text_holding(warehouse, values)  # the search can find them
    kept_before = kept_orders(warehouse, person)
    lines_before = count(
        warehouse,
        "SELECT COUNT(*) FROM sales.order_lines l JOIN sales.orders o ON o.order_id = l.order_id"
        " WHERE o.customer_id = :c AND o.ordered_at >= :cutoff",
        c=person["customer_id"],
        cutoff=CUTOFF,
    )
    request_id, plan = plan_for(warehouse, person)
    assert text_holding(warehouse, values)  # planning changes nothing
    changed = run_erasure(warehouse, request_id, batch_size=7)

    assert text_holding(warehouse, values) == []
    assert kept_orders(warehouse, person) == kept_before  # accounting still reconciles
    assert kept_before[0] > 0
    lines_after = count(
        warehouse,
        "SELECT COUNT(*) FROM sales.order_lines l JOIN sales.orders o ON o.order_id = l.order_id"
        " WHERE o.customer_id = :c",
        c=person["customer_id"],
    )
    assert lines_after == lines_before
    customer = {"c": person["customer_id"]}
    for gone in ("web.sessions", "service.contacts"):
        assert (
            count(warehouse, f"SELECT COUNT(*) FROM {gone} WHERE customer_id = :c", **customer) == 0
        )
    assert (
        count(
            warehouse,
            "SELECT COUNT(*) FROM sales.orders WHERE customer_id = :c AND ordered_at < :cutoff",
            c=person["customer_id"],
            cutoff=CUTOFF,
        )
        == 0
    )
    assert (
        count(
            warehouse,
            "SELECT COUNT(*) FROM crm.customers WHERE customer_id = :c AND email IS NULL"
            " AND national_id IS NULL",
            **customer,
        )
        == 1
    )  # the stub the kept orders refer to
    audited = {(a["table"], a["action"]): a["rows"] for a in erasure_audit(warehouse, request_id)}
    planned: dict = {}
    for step in plan.summary():
        key = (step["table"], step["action"])
        planned[key] = planned.get(key, 0) + step["rows"]
    assert audited == planned
    assert sum(sum(a.values()) for a in changed.values()) == sum(planned.values())
    assert run_erasure(warehouse, request_id, batch_size=7) == {}  # nothing left to do


def test_the_proof_passes_after_an_erasure_and_fails_where_a_value_of_theirs_is_left(
    warehouse, tmp_path
):
    person = the_busiest_customer(warehouse)
    request_id, _ = plan_for(warehouse, person)
    before = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path / "before")
    assert {r.table for r in before if not r.success} >= {"crm.customers", "sales.orders"}
    run_erasure(warehouse, request_id, batch_size=50)
    after = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path / "after")
    assert [r.table for r in after if not r.success] == []
    with warehouse.begin() as conn:  # a second connection writes their email back
        conn.execute(
            sql(
                conn,
                "UPDATE web.sessions SET landing_page = :p"
                " WHERE session_id = (SELECT MIN(session_id) FROM web.sessions)",
            ),
            {"p": f"/nyhetsbrev?epost={person['email'].upper()}"},
        )
    again = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path / "again")
    assert [r.table for r in again if not r.success] == ["web.sessions"]
    docs = "".join(p.read_text(errors="replace") for p in (tmp_path / "again").rglob("*.html"))
    assert person["email"].lower() not in docs.lower()


def test_the_proof_reads_every_text_column_and_takes_their_email_as_written(warehouse, tmp_path):
    """An underscore in their email is an underscore, not any character (a look-alike in
    a note is no one's), and their phone in a second text column of a table is found."""
    person = dict(the_busiest_customer(warehouse), email="kari_nordmann@example.com")
    with warehouse.begin() as conn:
        conn.execute(
            sql(conn, "UPDATE crm.customers SET email = :e WHERE customer_id = :c"),
            {"e": person["email"], "c": person["customer_id"]},
        )
    request_id, _ = plan_for(warehouse, person)
    run_erasure(warehouse, request_id, batch_size=50)
    digits = "".join(c for c in person["mobile"] if c.isdigit())[-8:]
    with warehouse.begin() as conn:
        conn.execute(
            sql(
                conn,
                "UPDATE web.sessions SET landing_page = :p"
                " WHERE session_id = (SELECT MIN(session_id) FROM web.sessions)",
            ),
            {"p": "/kontakt?epost=kariXnordmann@example.com"},
        )
    proof = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path / "look-alike")
    assert [r.table for r in proof if not r.success] == []
    with warehouse.begin() as conn:
        conn.execute(
            sql(
                conn,
                "UPDATE sales.shipments SET delivery_address = :a"
                " WHERE shipment_id = (SELECT MAX(shipment_id) FROM sales.shipments)",
            ),
            {"a": f"Ring {digits[:3]}.{digits[3:5]}.{digits[5:]} ved levering"},
        )
    proof = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path / "phone")
    assert [r.table for r in proof if not r.success] == ["sales.shipments"]


def test_a_held_order_stays_as_it_is(warehouse):
    person = the_busiest_customer(warehouse)
    with warehouse.connect() as conn:
        held = conn.execute(
            sql(
                conn,
                "SELECT order_id FROM sales.orders WHERE customer_id = :c"
                " AND ip_address IS NOT NULL ORDER BY ordered_at LIMIT 1",
            ),
            {"c": person["customer_id"]},
        ).scalar()
    ensure_governance_tables(warehouse)
    with warehouse.begin() as conn:
        conn.execute(
            insert(legal_holds).values(
                table_name="sales.orders",
                key_value=f" {held} ",
                case_reference="K-9",
                placed_at=datetime(2026, 11, 1, tzinfo=UTC),
            )
        )
    request_id, plan = plan_for(warehouse, person)
    assert any(s["action"] == "keep" and "legal hold" in s["reason"] for s in plan.summary())
    run_erasure(warehouse, request_id, batch_size=50)
    assert (
        count(
            warehouse,
            "SELECT COUNT(*) FROM sales.orders WHERE order_id = :o AND ip_address IS NOT NULL",
            o=held,
        )
        == 1
    )
    assert (
        count(warehouse, "SELECT COUNT(*) FROM sales.order_lines WHERE order_id = :o", o=held) > 0
    )


def test_a_killed_erasure_finishes_when_run_again(warehouse):
    person = the_busiest_customer(warehouse)
    values = their_values(warehouse, person)
    request_id, plan = plan_for(warehouse, person)
    script = (
        "import sys; from include.governance.warehouse import create_warehouse_engine;"
        "from include.governance.subjects.erase import run_erasure;"
        "run_erasure(create_warehouse_engine(sys.argv[1]), int(sys.argv[2]), batch_size=1)"
    )
    url = warehouse.url.render_as_string(hide_password=False)
    worker = subprocess.Popen(
        [sys.executable, "-c", script, url, str(request_id)],
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and worker.poll() is None:
        if count(warehouse, "SELECT COUNT(*) FROM governance.subject_erasure_audit") >= 5:
            break
        time.sleep(0.05)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    done = count(warehouse, "SELECT COUNT(*) FROM governance.subject_erasure_audit")
    total = sum(s["rows"] for s in plan.summary())
    assert 0 < done < total  # killed mid-way
    run_erasure(warehouse, request_id, batch_size=10)
    assert text_holding(warehouse, values) == []
    audited = sum(a["rows"] for a in erasure_audit(warehouse, request_id))
    assert audited == total


def test_the_dags_steps_plan_erase_prove_and_record_each_status(warehouse, tmp_path):
    """As the DAG runs them, on each database (a status longer than its column fails on a
    server, not on SQLite)."""
    from include.governance.subjects import steps
    from include.governance.subjects.requests import RequestType, load_request, record_request

    person = the_busiest_customer(warehouse)
    erasure_id = record_request(
        warehouse,
        request_type=RequestType.ERASURE,
        identifier_kind=IdentifierKind.EMAIL,
        identifier=person["email"],
        case_reference="CASE-2",
    )
    by_email = load_request(warehouse, erasure_id)

    def status() -> str:
        return count_text(warehouse, by_email.request_id)

    planned = steps.plan_erasure_of(
        warehouse, POLICY, by_email.request_id, keys={}, as_of=AS_OF, folder=tmp_path, dry_run=True
    )
    assert planned["rows"] > 0
    assert status() == "planned"
    assert "Dry run: nothing was changed." in (tmp_path / "report.md").read_text()
    steps.erase(warehouse, by_email.request_id, batch_size=100)
    assert status() == "erased, unproven"
    proven = steps.verify(warehouse, POLICY, by_email.request_id, folder=tmp_path)
    assert proven["checks"] > 0
    assert status() == "erased"
    receipt = (tmp_path / "report.md").read_text()
    assert "kept, columns cleared" in receipt
    assert person["email"] not in receipt
    assert (
        count(
            warehouse,
            "SELECT COUNT(*) FROM governance.subject_identifiers WHERE request_id = :r",
            r=by_email.request_id,
        )
        == 0
    )  # forgotten once proven


def count_text(engine, request_id: int) -> str:
    with engine.connect() as conn:
        return conn.execute(
            sql(conn, "SELECT status FROM governance.subject_requests WHERE request_id = :r"),
            {"r": request_id},
        ).scalar()


def test_a_phone_they_share_with_a_household_stays_the_other_persons(warehouse, tmp_path):
    """Another customer with the same phone (found on the 1M-customer warehouse, where the
    proof then failed) is someone else: their row stays as it is and the proof knows it
    from their phone written into a third customer's row later."""
    person = the_busiest_customer(warehouse)
    household, third = two_others(warehouse, person)
    set_mobile = "UPDATE crm.customers SET mobile = :m WHERE customer_id = :c"
    with warehouse.begin() as conn:
        conn.execute(sql(conn, set_mobile), {"m": person["mobile"], "c": household})
    request_id, _ = plan_for(warehouse, person)
    run_erasure(warehouse, request_id, batch_size=50)
    after = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path / "after")
    assert [r.table for r in after if not r.success] == []
    still = "SELECT COUNT(*) FROM crm.customers WHERE customer_id = :c AND mobile = :m"
    assert count(warehouse, still, c=household, m=person["mobile"]) == 1
    with warehouse.begin() as conn:  # a second connection writes their phone elsewhere
        conn.execute(sql(conn, set_mobile), {"m": person["mobile"], "c": third})
    again = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path / "again")
    assert [r.table for r in again if not r.success] == ["crm.customers"]
