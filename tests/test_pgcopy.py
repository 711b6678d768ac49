"""COPY in and out through psycopg2 and psycopg 3, and values decoded as each driver loads them."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from include.governance.pgcopy import copy_in, copy_out, decoder
from include.governance.warehouse import WarehouseError

# COPY text: escapes, NULL, letters of two and four bytes, lines of every length; more
# than the 1 MB psycopg2 sends at a time.
LINES = "".join(f"{i}\tæøå \\t tab\\\\ \\n line 😀 {'x' * (i % 50)}\t\\N\n" for i in range(20000))
TYPED = [
    ("timestamp", "'2026-11-24 13:45:06.25'"),
    ("timestamptz", "'0999-03-15 12:30:00.25+00'"),
    ("date", "'1970-02-28'"),
    ("numeric", "'12345.6700'"),
    ("boolean", "true"),
    ("bigint", "9007199254740993"),
    ("inet", "'2001:db8::7'"),
    ("text", "'a b æ'"),
    ("varchar(8)", "'0150'"),
]


@pytest.mark.postgres
def test_copy_in_then_out_gives_the_same_text(pg_driver_engine: Engine) -> None:
    with pg_driver_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE t (i int, v text, n text) ON COMMIT DROP")
        copy_in(conn, "COPY t (i, v, n) FROM STDIN", LINES)
        assert conn.exec_driver_sql("SELECT count(*), count(n) FROM t").one() == (20000, 0)
        assert copy_out(conn, "COPY (SELECT i, v, n FROM t ORDER BY i) TO STDOUT") == LINES
        assert copy_out(conn, "COPY (SELECT 1 WHERE false) TO STDOUT") == ""


@pytest.mark.postgres
def test_copy_in_takes_csv(pg_driver_engine: Engine) -> None:
    with pg_driver_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE t (i int, v text) ON COMMIT DROP")
        copy_in(conn, "COPY t (i, v) FROM STDIN WITH (FORMAT csv)", '1,"a, ""b"" ø"\n2,\n')
        rows = conn.exec_driver_sql("SELECT i, v FROM t ORDER BY i").all()
    assert [tuple(r) for r in rows] == [(1, 'a, "b" ø'), (2, None)]


@pytest.mark.postgres
@pytest.mark.parametrize(("sql_type", "value"), TYPED)
def test_decoded_copy_text_is_what_a_select_gives(
    pg_driver_engine: Engine, sql_type: str, value: str
) -> None:
    """The COPY codecs decode a value's text as the driver loads it from a SELECT, so that
    the rule's Python form sees the same value on either path."""
    select = f"SELECT CAST({value} AS {sql_type})"
    with pg_driver_engine.begin() as conn:
        conn.exec_driver_sql("SET TIME ZONE 'UTC'")
        result = conn.exec_driver_sql(select)
        type_code = result.cursor.description[0].type_code
        loaded = result.scalar_one()
        text = copy_out(conn, f"COPY ({select}) TO STDOUT").removesuffix("\n")
        decoded = decoder(conn, type_code)(text)
    assert decoded == loaded
    assert type(decoded) is type(loaded)


def test_copy_needs_a_psycopg_driver(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as conn, pytest.raises(WarehouseError, match="psycopg"):
        copy_out(conn, "COPY (SELECT 1) TO STDOUT")
