"""People confirm, correct or reject findings in the policy; every later scan keeps their
decisions in the register and reports new evidence that disagrees with one."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, Table, Text, insert, select, update

from include.governance.audit import pii_columns, pii_scan_findings, pii_scan_runs
from include.governance.inventory.report import describe_evidence, render_inventory_report
from include.governance.policy import load_policy
from include.governance.warehouse import ensure_schema
from tests.policies import with_reviews
from tests.scans import run_scan

MEMBERS = 40


def decision(column: str, decision: str, category: str | None = None) -> dict:
    entry = {"column": f"club.members.{column}", "decision": decision}
    entry |= {"category": category} if category else {}
    return entry | {"by": "data-engineering", "on": "2026-11-20"}


POLICY = with_reviews(
    load_policy(),
    decision("email", "confirm", "email"),
    decision("contact", "confirm", "email"),  # it holds phone numbers: the scan says so
    decision("ref", "correct", "customer_id"),  # phone-shaped customer numbers
    decision("mail_code", "reject"),  # `mail` in a name, codes in the values
    decision("moniker", "confirm", "name"),  # nothing in it the detector can see
    decision("fax", "confirm", "phone"),  # no such column
)


def members(engine: Engine) -> Table:
    ensure_schema(engine, "club")
    table = Table(
        "members",
        MetaData(schema="club"),
        Column("member_id", Integer, primary_key=True),
        Column("email", Text),
        Column("contact", Text),
        Column("ref", Text),
        Column("mail_code", Text),
        Column("moniker", Text),
    )
    table.create(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(table),
            [
                {
                    "member_id": 1 + i,  # MariaDB takes a 0 for "the next number"
                    "email": f"member{i}@example.no",
                    "contact": f"+47 {41000000 + i * 7919}",
                    "ref": f"+47 {92000000 + i * 7919}",
                    "mail_code": f"MC-{1000 + i}",
                    "moniker": None,
                }
                for i in range(MEMBERS)
            ],
        )
    return table


def register_rows(engine: Engine) -> dict[str, object]:
    with engine.connect() as conn:
        rows = conn.execute(select(pii_columns).where(pii_columns.c.schema_name == "club"))
        return {r.column_name: r for r in rows}


def disagreements_recorded(engine: Engine, scan_id: str) -> int:
    with engine.connect() as conn:
        return conn.execute(
            select(pii_scan_runs.c.disagreements).where(pii_scan_runs.c.scan_id == scan_id)
        ).scalar_one()


def test_decisions_are_kept_by_every_scan_and_disagreements_reported(any_engine):
    engine = any_engine
    table = members(engine)
    first = run_scan(engine, POLICY, "scan-1", day=22, include=("club",))
    rows = register_rows(engine)

    assert (rows["email"].category, rows["email"].confirmed) == ("email", True)
    assert (rows["contact"].category, rows["contact"].confirmed) == ("email", True)
    assert (rows["ref"].category, rows["ref"].confirmed) == ("customer_id", True)
    assert rows["ref"].evidence["review"] == {
        "decision": "correct",
        "on": "2026-11-20",
        "detected": "phone",
    }
    assert rows["ref"].evidence["values"]["detector"] == "phone"  # the evidence is kept
    assert "mail_code" not in rows  # rejected: not personal data in the register
    assert (rows["moniker"].category, rows["moniker"].confirmed) == ("name", True)
    assert rows["moniker"].confidence == 0.0  # confirmed, though the scan sees nothing
    assert "member_id" not in rows
    with engine.connect() as conn:
        kept = conn.execute(
            select(pii_scan_findings.c.category).where(
                pii_scan_findings.c.column_name == "mail_code"
            )
        ).scalar_one()
    assert kept == "email"  # the rejected finding's evidence stays with its scan

    assert {(d["column"], d["kind"]) for d in first.disagreements} == {
        ("club.members.contact", "recategorised"),
        ("club.members.moniker", "not found"),
        ("club.members.fax", "column not found"),
    }
    assert disagreements_recorded(engine, "scan-1") == 3
    assert all(u["column"] != "club.members.mail_code" for u in first.ungoverned)
    assert first.findings == 4  # email, contact, ref, moniker: not the rejected one

    with engine.begin() as conn:  # new evidence: the rejected column now holds emails
        conn.execute(update(table).values(mail_code=table.c.email))
    second = run_scan(engine, POLICY, "scan-2", day=23, include=("club",))
    found = {d["column"]: d for d in second.disagreements}
    assert found["club.members.mail_code"]["kind"] == "strong evidence"
    assert found["club.members.mail_code"]["found"] == "email"
    assert "club.members.ref" not in found  # the detector says what it said before
    assert disagreements_recorded(engine, "scan-2") == 4
    again = register_rows(engine)  # the register was rewritten: decisions still hold
    assert "mail_code" not in again
    assert {c: (r.category, r.confirmed) for c, r in again.items()} == {
        c: (r.category, r.confirmed) for c, r in rows.items()
    }

    rerun = run_scan(engine, POLICY, "scan-2", day=23, include=("club",))
    assert rerun.disagreements == second.disagreements


def test_an_undecided_finding_stays_a_suggestion(sqlite_engine):
    members(sqlite_engine)
    run_scan(sqlite_engine, load_policy(), "scan-1", include=("club",))
    rows = register_rows(sqlite_engine)
    assert rows["email"].confirmed is None
    assert "review" not in rows["email"].evidence
    assert rows["mail_code"].category == "email"


def test_the_report_explains_each_finding_and_lists_disagreements(sqlite_engine):
    members(sqlite_engine)
    summary = run_scan(sqlite_engine, POLICY, "scan-1", include=("club",))
    report = render_inventory_report(sqlite_engine, POLICY, summary)
    assert "## Where new evidence disagrees with a decision" in report
    section = report.split("## Where new evidence disagrees with a decision")[1]
    contact = next(line for line in section.splitlines() if "`club.members.contact`" in line)
    assert "confirm" in contact
    assert "phone" in contact
    mail_code = next(line for line in report.splitlines() if line.startswith("| `mail_code`"))
    assert "rejected on 2026-11-20" in mail_code
    ref = next(line for line in report.splitlines() if line.startswith("| `ref`"))
    assert "corrected to customer_id on 2026-11-20" in ref
    assert "member1@example.no" not in report
    assert "41007919" not in report
    assert "data-engineering" not in report  # who decided is in the policy, not the report


@pytest.mark.parametrize(
    ("evidence", "confidence", "expected"),
    [
        (
            {
                "sampled": 40,
                "column_name": {"how": "exact", "matched": "email"},
                "values": {"detector": "email", "match_rate": 1.0, "checked": 40},
                "examples": ["m***@e***.no"],
            },
            0.98,
            "name word `email` (exact); the email validator (an address with a valid domain) "
            "accepts 100% of 40 values checked; confidence 0.98; e.g. `m***@e***.no`",
        ),
        (
            {"sampled": 0, "column_name": {"how": "part", "matched": "phone"}},
            0.5,
            "name word `phone` (part of the name); no values sampled; confidence 0.50",
        ),
        (
            {
                "sampled": 300,
                "free_text": {"share": 0.12, "texts": 300, "read": 300, "kinds": {"email": 9}},
            },
            0.71,
            "free text: 12% of values hold personal data (email 9); confidence 0.71",
        ),
        (
            {"sampled": 50, "json_keys": {"share": 1.0, "read": 50}},
            0.95,
            "JSON: 100% of its keys name the category; confidence 0.95",
        ),
        (
            {"sampled": 50, "json_keys": {"share": 0.9, "read": 50, "of": "objects"}},
            0.86,
            "JSON: 90% of its objects have a key naming it; confidence 0.86",
        ),
        (
            {"sampled": 300, "table_key": {"of": "customer"}},
            0.6,
            "the own key of a table of customer; confidence 0.60",
        ),
        (
            {
                "sampled": 200,
                "attribute_rows": True,
                "values": {"detector": "national_id", "match_rate": 0.15, "checked": 200},
            },
            0.57,
            "the value of a person's attribute rows; the national_id validator (a "
            "fødselsnummer's birth date and both mod-11 check digits, or another country's "
            "personal number by its own checks (python-stdnum)) accepts 15% of 200 values "
            "checked; confidence 0.57",
        ),
        (
            {"sampled": 60, "key_column": {"column": "attribute", "share": 0.8}},
            0.76,
            "key/value: 80% of `attribute`'s keys name it; confidence 0.76",
        ),
        (
            {"sampled": 250, "listed_names": {"kind": "surnames", "share": 0.62}},
            0.79,
            "62% of its distinct values are surnames the name lists know, in a table of "
            "people; confidence 0.79",
        ),
    ],
)
def test_each_finding_is_explained_in_one_line(evidence, confidence, expected):
    assert describe_evidence(evidence, confidence=confidence) == expected
