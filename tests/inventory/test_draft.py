"""A draft ``tables:`` section from the register of a warehouse the demo did not make:
scanned with the real inventory, drafted, and validated with the policy's own loader."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import yaml
from sqlalchemy import Column, Date, Engine, Integer, MetaData, String, Table, Text, insert

from include.governance.inventory.draft import main
from include.governance.inventory.draft_text import render_draft, validate_draft
from include.governance.inventory.drafting import draft_tables
from include.governance.policy import default_policy_path, load_policy
from include.governance.warehouse import ensure_schema
from tests.policies import with_reviews
from tests.scans import run_scan

ROWS = 40
# The card schemes' published test numbers: valid by Luhn, never issued to anyone.
CARDS = ["4111111111111111", "4012888888881881", "5555555555554444", "378282246310005"]
FIRST_NAMES = ["Ingrid", "Lars", "Sofie", "Jonas"]
LAST_NAMES = ["Dahl", "Berg", "Lunde", "Moen"]


def _fnr(i: int) -> str:
    return f"{(i % 28) + 1:02d}0{(i % 9) + 1}8{i % 10}{12345 + i:05d}"


def build_shop(engine: Engine) -> dict[str, list[str]]:
    """hr.staff (people), shop.invoices (payments with a date), shop.products (none)."""
    for schema in ("hr", "shop"):
        ensure_schema(engine, schema)
    md = MetaData()
    staff = Table(
        "staff",
        md,
        Column("staff_no", Integer, primary_key=True),
        Column("fname", Text),
        Column("lname", Text),
        Column("email_addr", Text),
        Column("ssn", Text),
        Column("birth_date", Date),
        Column("gender", Text),
        Column("hired_on", Date),
        schema="hr",
    )
    invoices = Table(
        "invoices",
        md,
        Column("invoice_no", Integer, primary_key=True),
        Column("buyer_email", Text),
        Column("card", Text),
        Column("issued_on", Date),
        Column("amount", Integer),
        schema="shop",
    )
    products = Table(
        "products",
        md,
        Column("sku", String(20), primary_key=True),
        Column("title", Text),
        Column("price", Integer),
        Column("created", Date),
        schema="shop",
    )
    md.create_all(engine)
    today = date.today()
    staff_rows = [
        {
            "staff_no": 100 + i,  # MariaDB takes a 0 for "the next number"
            "fname": FIRST_NAMES[i % 4],
            "lname": LAST_NAMES[i % 4],
            "email_addr": f"worker{i}@firma.no",
            "ssn": _fnr(i),
            "birth_date": today - timedelta(days=365 * 30 + 17 * i),
            "gender": "FM"[i % 2],
            "hired_on": today - timedelta(days=40 * i),
        }
        for i in range(ROWS)
    ]
    invoice_rows = [
        {
            "invoice_no": 1000 + i,
            "buyer_email": f"buyer{i}@kunde.no",
            "card": CARDS[i % 4],
            "issued_on": today - timedelta(days=3 * i),
            "amount": 100 + i,
        }
        for i in range(ROWS)
    ]
    product_rows = [
        {"sku": f"SKU-{i}", "title": f"Stålkasserolle {i} l", "price": 199, "created": today}
        for i in range(ROWS)
    ]
    with engine.begin() as conn:
        conn.execute(insert(staff), staff_rows)
        conn.execute(insert(invoices), invoice_rows)
        conn.execute(insert(products), product_rows)
    values = [str(v) for row in staff_rows + invoice_rows for k, v in row.items() if k != "gender"]
    return {"values": [v for v in values if len(v) >= 4]}


def reviewed(column: str, category: str) -> dict:
    return {
        "column": column,
        "decision": "confirm",
        "category": category,
        "by": "hr-data-steward",
        "on": "2026-11-20",
    }


# First and last names alone are single words the detector does not take for people: a
# person confirmed them, and the draft follows the register.
POLICY = with_reviews(
    load_policy(), reviewed("hr.staff.fname", "name"), reviewed("hr.staff.lname", "name")
)


@pytest.fixture
def drafted(any_engine) -> tuple[Engine, str, dict]:
    engine = any_engine
    seeded = build_shop(engine)
    run_scan(engine, POLICY, "scan-1", include=("hr", "shop"))
    text = render_draft(draft_tables(engine, POLICY), policy=POLICY)
    return engine, text, seeded


def test_the_draft_lists_each_table_with_personal_data_and_its_default_rules(drafted):
    _, text, _ = drafted
    tables = yaml.safe_load(text)["tables"]
    assert set(tables) == {"hr.staff", "shop.invoices"}  # the products hold no one

    staff = tables["hr.staff"]
    assert staff["key"] == "staff_no"
    assert staff["anonymise_to"] == "analytics.staff"  # a birth date may become an age band
    columns = staff["columns"]
    assert columns["fname"] == {"category": "name", "anonymise": "drop"}
    assert columns["lname"] == {"category": "name", "anonymise": "drop"}
    assert columns["email_addr"] == {"category": "email", "anonymise": "drop"}
    assert columns["ssn"] == {"category": "national_id", "anonymise": "drop"}
    assert columns["birth_date"] == {"category": "date_of_birth", "anonymise": "age_band"}
    assert columns["gender"] == {"category": "gender", "anonymise": "keep"}
    assert columns["staff_no"] == {"anonymise": "pseudonymise"}  # the key of an output
    assert columns["hired_on"] == {}  # not personal data: dropped by default

    invoices = tables["shop.invoices"]
    assert invoices["key"] == "invoice_no"
    assert "anonymise_to" not in invoices  # payments and emails serve no analytics
    assert invoices["columns"]["card"] == {"category": "payment", "anonymise": "drop"}
    assert invoices["columns"]["buyer_email"] == {"category": "email", "anonymise": "drop"}


def test_the_draft_validates_merged_into_the_policy(drafted):
    _, text, _ = drafted
    assert validate_draft(text, default_policy_path()) == []


def test_a_guessed_retention_rule_is_left_commented_out_for_a_person(drafted):
    _, text, _ = drafted
    assert "retention" not in yaml.safe_load(text)
    block = text[text.index("# retention:") :]
    assert "#     table: shop.invoices" in block
    assert "#     date_column: issued_on" in block
    assert "hr_staff" not in block  # people, not orders or payments: nothing to guess
    uncommented = re.sub(r"^# ?", "", block, flags=re.MULTILINE)
    filled = uncommented.replace("keep_for: {years: 0}", "keep_for: {years: 5}")
    rule = yaml.safe_load(filled)["retention"]["shop_invoices"]
    assert (rule["key"], rule["date_column"]) == ("invoice_no", "issued_on")
    assert validate_draft(text + "\n" + filled, default_policy_path()) == []
    unfilled = validate_draft(text + "\n" + uncommented, default_policy_path())
    assert [p.path for p in unfilled] == [("retention", "shop_invoices", "keep_for")]


def test_the_draft_holds_names_never_values(drafted):
    _, text, seeded = drafted
    leaked = [v for v in seeded["values"] if v in text]
    assert leaked == []
    assert "@" not in text
    assert "***" not in text


def test_a_broken_draft_is_refused_with_its_lines(drafted):
    _, text, _ = drafted
    broken = text.replace("category: email", "category: emial", 1)
    problems = validate_draft(broken, default_policy_path())
    line = next(i for i, s in enumerate(broken.splitlines(), 1) if "emial" in s)
    assert [p.line for p in problems] == [line]
    assert "unknown category 'emial'" in str(problems[0])


def test_the_command_writes_the_draft(drafted, tmp_path, capsys):
    engine, _, _ = drafted
    out = tmp_path / "draft.yml"
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--url", url, "--out", str(out)]) == 0
    assert set(yaml.safe_load(out.read_text())["tables"]) == {"hr.staff", "shop.invoices"}
    said = capsys.readouterr().err
    assert "2 tables" in said
    assert "validates" in said
