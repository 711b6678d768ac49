"""Great Expectations checks: right verdicts on each dialect, and no values in results."""

from __future__ import annotations

import great_expectations as gx
import pytest
from sqlalchemy import BigInteger, Engine, Integer, String, Text, event

from include.governance.anonymise.checks import (
    can_be_a_pseudonym,
    no_personal_data,
    pseudonym_checks,
    shape_checks,
    unique_index_proof,
)
from include.governance.anonymise.plan import KEY_VERSION_COLUMN
from include.governance.detect import redact
from include.governance.detect.shapes import REDACTED_TEXT_SHAPES
from include.governance.dialects import dialect_of
from include.governance.quality import Checks
from include.governance.tables import TableName
from include.governance.warehouse import ensure_schema
from tests.server_sql import sql

EMAILS = [f"kunde{i}@example.no" for i in range(7)]


def test_checks_count_without_keeping_values(engine, tmp_path):
    ensure_schema(engine, "crm")
    with engine.begin() as conn:
        conn.execute(
            sql(conn, "CREATE TABLE crm.notes (id INTEGER PRIMARY KEY, note VARCHAR(200))")
        )
        conn.execute(
            sql(conn, "INSERT INTO crm.notes VALUES (:id, :note)"),
            [
                {"id": i, "note": f"kontakt {e}" if i < 7 else "ingen"}
                for i, e in enumerate([*EMAILS, "", "", ""])
            ],
        )
    checks = Checks(engine, tmp_path / "docs")
    result = checks.validate(
        "notes",
        "crm",
        "notes",
        [
            gx.expectations.ExpectTableRowCountToBeBetween(min_value=10, max_value=10),
            gx.expectations.ExpectColumnValuesToNotMatchRegex(column="note", regex="@"),
            gx.expectations.UnexpectedRowsExpectation(
                unexpected_rows_query="SELECT * FROM {batch} WHERE id >= 100",
                description="no id of 100 or more",
            ),
            gx.expectations.UnexpectedRowsExpectation(
                unexpected_rows_query="SELECT * FROM {batch} WHERE no_such_column = 1",
                description="a check that cannot run",
            ),
        ],
    )
    verdicts = {
        o.expectation: (o.success, o.unexpected, o.observed, o.error) for o in result.outcomes
    }
    assert verdicts == {
        "expect_table_row_count_to_be_between": (True, None, 10.0, False),
        "expect_column_values_to_not_match_regex(note)": (False, 7, None, False),
        "no id of 100 or more": (True, None, 0.0, False),
        "a check that cannot run": (False, None, None, True),
    }
    assert not result.success
    assert len(result.failures) == 2
    assert checks.docs_index.is_file()
    docs = tmp_path / "docs"
    written = "".join(p.read_text(errors="replace") for p in docs.rglob("*") if p.is_file())
    assert "note" in written
    assert not [e for e in EMAILS if e in written]


def test_a_pseudonym_must_be_hex_of_its_length_unique_and_no_raw_identifier(engine, tmp_path):
    good = "a" * 63
    raw = "0123456789abcdef" * 4  # a source key that looks like a pseudonym
    ensure_schema(engine, "crm")
    ensure_schema(engine, "analytics")
    with engine.begin() as conn:
        conn.execute(sql(conn, "CREATE TABLE crm.accounts (account_id VARCHAR(80))"))
        conn.execute(sql(conn, "INSERT INTO crm.accounts VALUES (:id)"), [{"id": raw}, {"id": "7"}])
        conn.execute(sql(conn, "CREATE TABLE analytics.accounts (account_key VARCHAR(80))"))
        keys = [good + "0", good + "1", good + "1", "A" * 64, good + "g", "7", raw, None]
        conn.execute(
            sql(conn, "INSERT INTO analytics.accounts VALUES (:k)"), [{"k": k} for k in keys]
        )
    checks = pseudonym_checks(
        "account_key",
        source="account_id",
        source_table="crm.accounts",
        dialect=dialect_of(engine),
        unique=True,
    )
    result = Checks(engine, tmp_path / "docs").validate("accounts", "analytics", "accounts", checks)
    assert {o.expectation: o.unexpected for o in result.failures} == {
        "account_key is a keyed pseudonym: 64 characters": 1,  # "7"
        "account_key is a keyed pseudonym: lower-case hex digits only": 2,  # "A"s, "g"
        "no raw source identifier in account_key": None,
        "account_key is unique per source key": 2,
        "every row has its account_key": 1,
    }


@pytest.mark.parametrize(
    ("source_type", "searched"),
    [
        (Integer(), False),
        (BigInteger(), False),
        (String(20), False),
        (String(80), True),
        (Text(), True),
    ],
)
def test_a_raw_identifier_is_searched_for_only_where_one_could_look_like_a_pseudonym(
    source_type, searched
):
    """An integer's text is 20 characters at most, a short text's its length: never a
    pseudonym's 64, so the source is not read for one (ten million orders: two scans of
    the source per pseudonym, each query run twice by GX, in every build)."""
    assert can_be_a_pseudonym(source_type) is searched


def test_each_shape_of_personal_data_is_found_among_repeated_clean_values(any_engine, tmp_path):
    """The search reads each distinct value once: a shape is found however many clean
    rows surround it, and counted once however often it repeats."""
    shaped = {
        "email": "skriv til kunde7@example.no",
        "phone": "ring +47 912 34 567",
        "national_id": "fnr 01019012345",
        "payment_card": "kort 4111 1111 1111 1111",
        "masked card": "4111xxxxxx1111",
    }
    ensure_schema(any_engine, "analytics")
    with any_engine.begin() as conn:
        conn.execute(
            sql(conn, "CREATE TABLE analytics.events (kind VARCHAR(40), note VARCHAR(80))")
        )
        rows = [{"kind": "delivered", "note": "84.208.12.0/24"}] * 50
        rows += [{"kind": "returned", "note": value} for value in shaped.values() for _ in "ab"]
        conn.execute(sql(conn, "INSERT INTO analytics.events VALUES (:kind, :note)"), rows)
    checks = no_personal_data(["kind", "note"], dialect_of(any_engine))
    result = Checks(any_engine, tmp_path / "docs").validate("events", "analytics", "events", checks)
    assert {o.expectation: (o.success, o.observed, o.error) for o in result.outcomes} == {
        "no email, phone, national_id, payment_card in kind": (True, 0.0, False),
        "no email, phone, national_id, payment_card in note": (False, len(shaped), False),
    }


def test_a_redacted_column_is_searched_for_every_kind_its_redaction_removes(any_engine, tmp_path):
    """Each kind redaction claims to remove fails the proof of a redacted column; redacted
    text and everyday words pass it (on each dialect: the shapes are SQL there)."""
    left_in = [
        "refunder til NO93 8601 1117 947",
        "konto 1503.12.34562",
        "mail ola dot nordmann at gmail dot com",
        "skriv til kari(at)online.no",
        "levering Storgata 12, 0155 Oslo",
        "født 12.03.1948",
        "born 12 March 1948",
        "ICD-10 E11.9",
        "har diabetes type 2",
        "etter hofteprotese",
        "Brystkreft i 2019",
    ]
    clean = [redact(value) for value in left_in] + [
        "Kunden bekreftet levering",
        "A customized order, strømbrudd i helgen",
        "Ordre levert 12.11.2026",
        "ring +47 [PHONE]",
    ]
    ensure_schema(any_engine, "analytics")
    with any_engine.begin() as conn:
        conn.execute(sql(conn, "CREATE TABLE analytics.notes (note VARCHAR(120))"))
        rows = [{"note": v} for v in left_in + clean]
        conn.execute(sql(conn, "INSERT INTO analytics.notes VALUES (:note)"), rows)
    checks = no_personal_data(["note"], dialect_of(any_engine), REDACTED_TEXT_SHAPES)
    result = Checks(any_engine, tmp_path / "docs").validate("notes", "analytics", "notes", checks)
    (outcome,) = result.outcomes
    assert (outcome.success, outcome.observed, outcome.error) == (False, len(left_in), False)
    assert all(redact(v) == v for v in clean)  # what passes the proof, redaction keeps


@pytest.mark.parametrize("indexed", [True, False])
def test_a_key_is_proven_unique_by_a_unique_index_of_its_own(any_engine, tmp_path, indexed):
    """PostgreSQL and MariaDB prove a staged key unique from the catalogue (no sort of the
    table): an index on it alone, unique and valid; none, or one of two columns, fails."""
    dialect = dialect_of(any_engine)
    if dialect.unique_indexes is None:
        assert dialect.name == "sqlite"  # compares the values instead (the test above)
        return
    ensure_schema(any_engine, "analytics")
    with any_engine.begin() as conn:
        conn.execute(
            sql(conn, "CREATE TABLE analytics.accounts (account_key VARCHAR(64), n INTEGER)")
        )
        columns = "account_key" if indexed else "account_key, n"  # two columns: not the key's
        conn.execute(
            sql(conn, f"CREATE UNIQUE INDEX accounts_key ON analytics.accounts ({columns})")
        )
        conn.execute(sql(conn, "INSERT INTO analytics.accounts VALUES ('a', 1)"))
    checks = Checks(any_engine, tmp_path / "docs")
    proof = unique_index_proof(
        any_engine, TableName("analytics", "accounts"), "account_key", dialect
    )
    result = checks.validate("accounts", "analytics", "accounts", [proof])
    (outcome,) = result.outcomes
    assert outcome.expectation == "account_key is unique per source key (its index)"
    assert (outcome.success, outcome.error) == (indexed, False)


@pytest.mark.parametrize("versions", [["v2", "v2"], ["v2", "v1"]])
def test_the_key_version_is_checked_row_by_row_not_by_its_distinct_values(
    engine, tmp_path, versions
):
    """A row made with another key version fails the proof; the check is one pass beside
    the other columns' (the distinct values were sorted out twice: 5 s of 10M orders)."""
    ensure_schema(engine, "crm")
    with engine.begin() as conn:
        conn.execute(
            sql(conn, f"CREATE TABLE crm.made (id INTEGER PRIMARY KEY, {KEY_VERSION_COLUMN} TEXT)")
        )
        conn.execute(
            sql(conn, "INSERT INTO crm.made VALUES (:id, :v)"),
            [{"id": i, "v": v} for i, v in enumerate(versions)],
        )
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        result = Checks(engine, tmp_path / "docs").validate(
            "made", "crm", "made", shape_checks(["id", KEY_VERSION_COLUMN], 2, "v2")
        )
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert result.success == (versions == ["v2", "v2"])
    assert not [s for s in statements if "DISTINCT" in s.upper() and KEY_VERSION_COLUMN in s]
