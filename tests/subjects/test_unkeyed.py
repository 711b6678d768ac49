"""Tables without a single-column key, as warehouses nobody here designed have them: an
export holding emails with no key at all, and notes on orders keyed by (order, line).
Their rows are found by the column that leads to them, counted row by row, answered in
full, erased, and the proof passes."""

from __future__ import annotations

import json

from sqlalchemy import insert

from include.governance.audit import ensure_governance_tables, pii_columns
from include.governance.subjects import steps
from include.governance.subjects.access import package_file
from include.governance.subjects.erase import run_erasure
from include.governance.subjects.find import find_person
from include.governance.subjects.identifiers import IdentifierKind
from include.governance.subjects.requests import RequestType, record_request
from include.governance.subjects.verify import verify_erasure
from tests.registers import register_row
from tests.server_sql import sql
from tests.subjects.test_erase import plan_for
from tests.subjects.test_find import AS_OF, POLICY, count, request, the_busiest_customer, two_others

EXPORT = "SELECT COUNT(*) FROM crm.newsletter_export WHERE lower(trim(email_0)) = :e"
NOTES = (
    "SELECT COUNT(*) FROM sales.order_notes n JOIN sales.orders o ON o.order_id = n.order_id"
    " WHERE o.customer_id = :c"
)


def unkeyed_tables(engine, person) -> None:
    """Two export rows with their email (written two ways) and one of someone else's; two
    notes on each of their orders and on one of someone else's."""
    other, _ = two_others(engine, person)
    with engine.begin() as conn:
        conn.execute(sql(conn, "CREATE TABLE crm.newsletter_export (email_0 VARCHAR(254))"))
        conn.execute(
            sql(conn, "INSERT INTO crm.newsletter_export (email_0) VALUES (:a), (:b), (:c)"),
            {
                "a": person["email"],
                "b": f" {person['email'].upper()}",
                "c": f"someone.else.{other}@example.com",
            },
        )
        orders = "orders" if conn.dialect.name == "sqlite" else "sales.orders"  # its own file
        conn.execute(
            sql(
                conn,
                "CREATE TABLE sales.order_notes (order_id INTEGER NOT NULL, line INTEGER NOT NULL,"
                " note VARCHAR(100), PRIMARY KEY (order_id, line),"
                f" FOREIGN KEY (order_id) REFERENCES {orders} (order_id))",
            )
        )
        for line in (1, 2):
            conn.execute(
                sql(
                    conn,
                    "INSERT INTO sales.order_notes (order_id, line, note) SELECT order_id,"
                    " :line, 'ring before delivery' FROM sales.orders"
                    " WHERE customer_id = :c OR order_id = (SELECT MIN(order_id)"
                    " FROM sales.orders WHERE customer_id = :o)",
                ),
                {"line": line, "c": person["customer_id"], "o": other},
            )
    ensure_governance_tables(engine)
    with engine.begin() as conn:  # as a scan registers the export's column
        conn.execute(insert(pii_columns), [register_row("crm", "newsletter_export", "email")])


def test_rows_of_tables_without_a_key_are_found_counted_and_answered(warehouse):
    person = the_busiest_customer(warehouse)
    unkeyed_tables(warehouse, person)
    notes = count(warehouse, NOTES, c=person["customer_id"])
    by_number = request(warehouse, IdentifierKind.CUSTOMER_ID, str(person["customer_id"]))
    found = find_person(warehouse, POLICY, by_number, keys={}).summary()
    assert found["crm.newsletter_export"] == {"rows": 2, "found_by": ["email"]}
    assert found["sales.order_notes"] == {"rows": notes, "found_by": ["belongs to sales.orders"]}
    steps.find(warehouse, POLICY, by_number.request_id, keys={})
    steps.access(warehouse, POLICY, by_number.request_id, keys={})
    for table_name, rows in (("crm.newsletter_export", 2), ("sales.order_notes", notes)):
        answered = json.loads(package_file(warehouse, by_number.request_id, f"{table_name}.json"))
        assert len(answered) == rows, table_name


def test_an_erasure_deletes_them_children_first_and_is_proven(warehouse, tmp_path):
    person = the_busiest_customer(warehouse)
    unkeyed_tables(warehouse, person)
    others_notes = count(warehouse, "SELECT COUNT(*) FROM sales.order_notes") - count(
        warehouse, NOTES, c=person["customer_id"]
    )
    request_id, _ = plan_for(warehouse, person)
    run_erasure(warehouse, request_id, batch_size=1)
    assert count(warehouse, EXPORT, e=person["email"].lower()) == 0
    assert count(warehouse, "SELECT COUNT(*) FROM crm.newsletter_export") == 1
    assert count(warehouse, NOTES, c=person["customer_id"]) == 0
    assert count(warehouse, "SELECT COUNT(*) FROM sales.order_notes") == others_notes
    proof = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path)
    assert [r.table for r in proof if not r.success] == []


def loyalty_export(engine, person) -> int:
    """A table without a key that holds emails and customer numbers: a row of theirs by
    email, one by customer number alone, one with both, and one of someone else's."""
    other, _ = two_others(engine, person)
    with engine.begin() as conn:
        conn.execute(
            sql(conn, "CREATE TABLE crm.loyalty_export (email_0 VARCHAR(254), customer_id_0 INT)")
        )
        conn.execute(
            sql(
                conn,
                "INSERT INTO crm.loyalty_export VALUES (:e, NULL), (NULL, :c), (:e, :c),"
                " (NULL, :o)",
            ),
            {"e": person["email"], "c": person["customer_id"], "o": other},
        )
    ensure_governance_tables(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(pii_columns),
            [
                register_row("crm", "loyalty_export", "email"),
                register_row("crm", "loyalty_export", "customer_id"),
            ],
        )
    return other


LOYALTY = "SELECT COUNT(*) FROM crm.loyalty_export WHERE customer_id_0 = :c"


def test_a_table_without_a_key_found_by_two_columns_has_every_row_of_theirs(warehouse):
    """Its rows are named by the first column that found them and, where that is empty,
    by the next: the row holding only their customer number is theirs too."""
    person = the_busiest_customer(warehouse)
    loyalty_export(warehouse, person)
    by_email = request(warehouse, IdentifierKind.EMAIL, person["email"])
    found = find_person(warehouse, POLICY, by_email, keys={}).summary()
    assert found["crm.loyalty_export"] == {
        "rows": 3,
        "found_by": ["belongs to crm.customers", "customer_id", "email"],
    }
    steps.find(warehouse, POLICY, by_email.request_id, keys={})
    steps.access(warehouse, POLICY, by_email.request_id, keys={})
    answered = json.loads(package_file(warehouse, by_email.request_id, "crm.loyalty_export.json"))
    assert len(answered) == 3


def test_their_rows_of_it_are_erased_someone_elses_left_and_the_proof_passes(warehouse, tmp_path):
    """As the DAG's tasks run it: found and kept, planned from what was kept, erased, proven."""
    person = the_busiest_customer(warehouse)
    other = loyalty_export(warehouse, person)
    request_id = record_request(
        warehouse,
        request_type=RequestType.ERASURE,
        identifier_kind=IdentifierKind.EMAIL,
        identifier=person["email"],
        case_reference="CASE-LOYALTY",
    )
    steps.find(warehouse, POLICY, request_id, keys={})
    steps.plan_erasure_of(
        warehouse, POLICY, request_id, keys={}, as_of=AS_OF, folder=tmp_path, dry_run=False
    )
    steps.erase(warehouse, request_id, batch_size=1)
    assert count(warehouse, LOYALTY, c=person["customer_id"]) == 0
    assert count(warehouse, "SELECT COUNT(*) FROM crm.loyalty_export") == 1
    assert count(warehouse, LOYALTY, c=other) == 1
    assert steps.verify(warehouse, POLICY, request_id, folder=tmp_path)["checks"] > 0


def test_the_proof_fails_while_a_row_holding_their_customer_number_is_left(warehouse, tmp_path):
    """The proof searches customer numbers by value too: a row of theirs the plan missed
    (written back after it was made) fails it."""
    person = the_busiest_customer(warehouse)
    loyalty_export(warehouse, person)
    request_id, _ = plan_for(warehouse, person)
    run_erasure(warehouse, request_id, batch_size=10)
    with warehouse.begin() as conn:
        conn.execute(
            sql(conn, "INSERT INTO crm.loyalty_export VALUES (NULL, :c)"),
            {"c": person["customer_id"]},
        )
    proof = verify_erasure(warehouse, POLICY, request_id, docs_dir=tmp_path)
    assert [r.table for r in proof if not r.success] == ["crm.loyalty_export"]
