"""The same data gets the same findings on every database: the kinds of column each
dialect stores or hands back in its own way (a timestamp kept as text, a yes/no kept as a
small integer, an enum type, JSON parsed by the driver) are judged on the same values."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Integer,
    MetaData,
    SmallInteger,
    Table,
    insert,
    select,
    text,
)
from sqlalchemy.dialects.mysql import TINYINT

from include.governance.audit import pii_columns, pii_scan_tables
from include.governance.policy import load_policy
from include.governance.tables import TableName
from include.governance.warehouse import ensure_schema
from tests import scans

POLICY = load_policy()
PEOPLE = 40


def people_table(engine) -> Table:
    ensure_schema(engine, "parity")
    people = Table(
        "people",
        MetaData(schema="parity"),
        Column("id", Integer, primary_key=True),
        Column("birth_date", DateTime),  # a date of birth in a timestamp column, at midnight
        Column("signed_up", Date),
        Column("kjonn", Enum("M", "K", name="kjonn_kode")),
        Column("adresse", JSON),
        Column("gender", Boolean),  # yes/no columns say nothing of the person's data
        Column("email_opt_in", Boolean),
        Column("has_phone", Boolean),
    )
    people.create(engine)
    rows = [
        {
            "id": i + 1,
            "birth_date": datetime(1940 + i, 1 + i % 12, 1 + i % 28),
            "signed_up": date(2024, 1 + i % 12, 1 + i % 28),
            "kjonn": "K" if i % 2 else "M",
            "adresse": {"gate": f"Storgata {i + 1}", "postnummer": "0155", "poststed": "Oslo"},
            "gender": bool(i % 2),
            "email_opt_in": bool(i % 3),
            "has_phone": bool(i % 5),
        }
        for i in range(PEOPLE)
    ]
    with engine.begin() as conn:
        conn.execute(insert(people), rows)
    return people


def how_found(evidence: dict) -> str:
    """The evidence a finding rests on: values that validate, JSON keys, or a name only."""
    if "values" in evidence:
        return f"values {evidence['values']['detector']} {evidence['values']['match_rate']}"
    return "json keys" if "json_keys" in evidence else "name only"


def test_each_kind_of_column_is_judged_on_its_values_on_every_database(any_engine):
    people_table(any_engine)
    scans.run_scan(any_engine, POLICY, "scan-1", include=("parity",))
    with any_engine.connect() as conn:
        register = {
            r.column_name: (r.category, how_found(r.evidence))
            for r in conn.execute(select(pii_columns))
        }
        table = conn.execute(select(pii_scan_tables)).one()
    assert register == {
        "birth_date": ("date_of_birth", "values date_of_birth 1.0"),
        "kjonn": ("gender", "values gender 1.0"),
        "adresse": ("postal_address", "json keys"),
    }
    assert (table.status, table.not_sampled, table.rows_sampled) == ("scanned", None, PEOPLE)


def test_a_zero_date_is_no_date(any_engine):
    """MariaDB keeps an unknown date as 0000-00-00 (and a MySQL dump carries it into
    SQLite as text) where PostgreSQL holds NULL: no value either way, not a wrong one."""
    ensure_schema(any_engine, "parity")
    legacy = Table(
        "legacy",
        MetaData(schema="parity"),
        Column("id", Integer, primary_key=True),
        Column("fodselsdato", Date),
    )
    legacy.create(any_engine)
    unknown = "NULL" if any_engine.dialect.name == "postgresql" else "'0000-00-00'"
    with any_engine.begin() as conn:
        if any_engine.dialect.name == "mysql":
            conn.execute(text("SET SESSION sql_mode = ''"))  # a server that allows them
        name = TableName("parity", "legacy").quoted(conn)
        for i in range(PEOPLE):
            born = f"'{1940 + i}-0{1 + i % 9}-1{i % 10}'" if i % 2 else unknown
            conn.execute(text(f"INSERT INTO {name} (id, fodselsdato) VALUES ({i + 1}, {born})"))
    scans.run_scan(any_engine, POLICY, "scan-1", include=("parity",))
    with any_engine.connect() as conn:
        row = conn.execute(select(pii_columns)).one()
    assert (row.column_name, row.category) == ("fodselsdato", "date_of_birth")
    assert (how_found(row.evidence), row.evidence["sampled"]) == (
        "values date_of_birth 1.0",
        PEOPLE // 2,
    )


def test_a_tinyint_1_holding_numbers_is_a_number(any_engine):
    """MariaDB's BOOLEAN is TINYINT(1), but a legacy schema's code (gender 1 or 2) in one
    is a number, judged as the same SMALLINT is on the other databases."""
    ensure_schema(any_engine, "parity")
    coded = Table(
        "coded",
        MetaData(schema="parity"),
        Column("id", Integer, primary_key=True),
        Column("gender", SmallInteger().with_variant(TINYINT(display_width=1), "mysql")),
    )
    coded.create(any_engine)
    with any_engine.begin() as conn:
        conn.execute(insert(coded), [{"id": i + 1, "gender": 1 + i % 2} for i in range(PEOPLE)])
    scans.run_scan(any_engine, POLICY, "scan-1", include=("parity",))
    with any_engine.connect() as conn:
        register = {r.column_name: r.category for r in conn.execute(select(pii_columns))}
    assert register == {"gender": "gender"}
