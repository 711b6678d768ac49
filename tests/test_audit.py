"""The governance tables: created where missing, and extended in place on upgrade."""

from __future__ import annotations

from sqlalchemy import Column, MetaData, String, Table, select

from include.governance.audit import anonymise_outputs, ensure_governance_tables
from include.governance.catalog import Catalog
from include.governance.warehouse import ensure_schema


def test_a_table_from_an_earlier_version_gains_new_columns_and_keeps_its_rows(any_engine):
    ensure_schema(any_engine, "governance")
    earlier = Table(  # anonymise_outputs as its first version made it
        "anonymise_outputs",
        MetaData(schema="governance"),
        Column("run_id", String(250), primary_key=True),
        Column("output", String(257), primary_key=True),
        Column("source", String(257), nullable=False),
        Column("status", String(20), nullable=False),
    )
    earlier.create(any_engine)
    with any_engine.begin() as conn:
        conn.execute(earlier.insert().values(run_id="r1", output="o", source="s", status="built"))
    ensure_governance_tables(any_engine)
    ensure_governance_tables(any_engine)  # and again: nothing left to add
    columns = Catalog(any_engine).get_columns("anonymise_outputs", schema="governance")
    assert [c["name"] for c in columns][:4] == ["run_id", "output", "source", "status"]
    assert {c["name"] for c in columns} == set(anonymise_outputs.c.keys())
    with any_engine.connect() as conn:
        row = conn.execute(select(anonymise_outputs)).one()
    assert (row.run_id, row.status, row.build, row.watermark) == ("r1", "built", None, None)
