"""The streaming path on PostgreSQL (COPY text, helper processes) against its Python form."""

from __future__ import annotations

import hmac
import ipaddress
import multiprocessing
import os
import random
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from include.demo.load import build_demo_warehouse
from include.governance.anonymise.build import build_output
from include.governance.anonymise.chunks import count_rows, source_table
from include.governance.anonymise.methods import workers as anonymise_workers
from include.governance.anonymise.methods.copy import unescape
from include.governance.anonymise.methods.slices import table_pages
from include.governance.anonymise.methods.stream import stream_build
from include.governance.anonymise.methods.workers import StreamWorkerError, pieces, stream_output
from include.governance.anonymise.plan import output_sources, plan_output
from include.governance.anonymise.rules import ip_network, ipv6_network
from include.governance.anonymise.staging import recreate, staging_table
from include.governance.anonymise.steps import start_run
from include.governance.policy import load_policy
from include.governance.pseudonym import BatchHmac, Pseudonymiser, PseudonymKey
from include.governance.quality import Checks
from include.governance.warehouse import create_warehouse_engine

POLICY = load_policy()
RUN_DATE = date(2026, 11, 24)
KEY = PseudonymKey("analytics", "v1", b"analytics-secret-for-the-tests-0001")
AWKWARD = "tab\there\nnew line\\back slash\r\\N \\. æøå"


@pytest.mark.parametrize("secret", [b"s" * 32, b"k" * 64, bytes(range(100))])
def test_batch_hmac_gives_the_pseudonymisers_digests(secret):
    key = PseudonymKey("analytics", "v1", secret)
    values = ["7", "", "æøå", AWKWARD, "x" * 200]
    expected = [Pseudonymiser(key)("customer_key", v) for v in values]
    assert BatchHmac(key).hexdigests("customer_key", values) == expected
    assert expected[0] == hmac.new(secret, b"customer_key:7", "sha256").hexdigest()


def test_ipv6_networks_by_string_match_the_ipaddress_module():
    rng = random.Random(7)
    for _ in range(5000):
        groups = [rng.choice([0, 0, 1, 0xABC, rng.randrange(65536)]) for _ in range(8)]
        address = ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups))
        network = str(ipaddress.IPv6Network((address, 48), strict=False))
        for written in (address.compressed, address.exploded, address.exploded.upper()):
            assert ipv6_network(written) == ip_network(written) == network


def test_unescape_reads_what_copy_writes():
    assert unescape("tab\\there\\nnew\\\\slash\\r") == "tab\there\nnew\\slash\r"
    assert unescape("plain") == "plain"


@pytest.fixture
def awkward(pg_driver_engine) -> Engine:
    """The demo warehouse with values COPY has to escape, NULLs, and addresses of every
    shape, in the columns the rules read and the ones they keep; through psycopg2, then
    psycopg 3."""
    build_demo_warehouse(pg_driver_engine, scale=300, as_of=RUN_DATE)
    with pg_driver_engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pgcrypto"))
        conn.execute(text("CREATE SCHEMA IF NOT EXISTS analytics"))
        conn.execute(
            text("UPDATE service.contacts SET notes = :awkward || notes WHERE contact_id % 3 = 0"),
            {"awkward": AWKWARD},
        )
        conn.execute(text("UPDATE service.contacts SET notes = NULL WHERE contact_id % 7 = 0"))
        conn.execute(
            text(
                "UPDATE crm.customers SET gender = :g, postcode = NULL, date_of_birth = NULL, "
                "marketing_consent_at = '0999-03-15 12:30:00.25+00' WHERE customer_id % 5 = 0"
            ),
            {"g": "a\tb\\c"},
        )
        conn.execute(
            text(
                "UPDATE sales.orders SET ip_address = (ARRAY['::1', '2001:DB8::7', 'x.1.2.3', "
                "'fe80:0:0:1::', '300.1.1.1', NULL])[order_id % 6 + 1] WHERE order_id % 4 = 0"
            )
        )
    return pg_driver_engine


def rows_of(engine: Engine, output: str, fill) -> list[tuple]:
    """The rows ``fill(read, write, plan, staging, source_rows)`` writes, as text, sorted."""
    plan = plan_output(engine, POLICY, output)
    staging = staging_table(plan.schema, plan.table, plan.table_columns())
    recreate(engine, staging)
    with engine.connect() as read, engine.connect() as write:
        for conn in (read, write):
            conn.execution_options(isolation_level="REPEATABLE READ")
            conn.exec_driver_sql("SET TIME ZONE 'UTC'")
            conn.commit()
        with read.begin(), write.begin():
            source = source_table(read, plan.source)
            source_rows = count_rows(read, source, name=plan.source, key=plan.key)
            assert fill(read, write, plan, staging, source_rows) == source_rows
    with engine.connect() as conn:
        found = conn.execute(text(f"SELECT * FROM {plan.staged}")).all()
    return sorted(tuple(map(str, r)) for r in found)


@pytest.mark.postgres
@pytest.mark.parametrize("output", list(output_sources(POLICY)))
def test_copy_pieces_give_the_python_paths_rows(awkward, output):
    expected = rows_of(awkward, output, _python)
    assert expected
    assert rows_of(awkward, output, _stream(awkward, processes=1, chunk_rows=7)) == expected


@pytest.mark.postgres
def test_pieces_over_emptied_pages_write_nothing(awkward):
    """A retention run deletes the oldest rows, which fill the table's first pages: the
    pieces over them read no rows, and the others still give the Python path's rows."""
    plan = plan_output(awkward, POLICY, "analytics.web_sessions")
    with awkward.begin() as conn:
        pages = table_pages(conn, plan.source)
        conn.execute(text(f"DELETE FROM {plan.source} WHERE ctid < '({pages // 2},0)'"))
    with awkward.connect() as conn:
        rows = conn.execute(text(f"SELECT count(*) FROM {plan.source}")).scalar()
        counts = [
            conn.execute(text(f"SELECT count(*) FROM {plan.source} AS src WHERE {w}")).scalar()
            for w in pieces(conn, plan.source, rows, 20)
        ]
    assert 0 in counts
    assert sum(counts) == rows
    expected = rows_of(awkward, plan.output, _python)
    assert rows_of(awkward, plan.output, _stream(awkward, processes=1)) == expected


def _python(read, write, plan, staging, source_rows) -> int:
    return stream_build(
        read,
        write,
        plan,
        staging=staging,
        pseudonymise=Pseudonymiser(KEY),
        run_date=RUN_DATE,
        chunk_rows=50,
    )


@pytest.mark.postgres
def test_helpers_write_the_rows_one_process_writes(awkward, monkeypatch):
    """This process slows down, so that the helpers take pieces too."""
    output = "analytics.orders"
    one = rows_of(awkward, output, _stream(awkward, processes=1))
    mine = []
    real_copy_piece = anonymise_workers.copy_piece

    def slow_copy_piece(*args, **kwargs) -> int:
        time.sleep(0.3)
        mine.append(real_copy_piece(*args, **kwargs))
        return mine[-1]

    monkeypatch.setattr(anonymise_workers, "copy_piece", slow_copy_piece)
    monkeypatch.setattr(anonymise_workers, "ROWS_PER_HELPER", 1)
    assert rows_of(awkward, output, _stream(awkward, processes=3)) == one
    assert 0 < sum(mine) < len(one)  # the helpers wrote the rest
    assert multiprocessing.active_children() == []


def _stream(engine: Engine, processes: int, chunk_rows: int = 20):
    def fill(read, write, plan, staging, source_rows):
        return stream_output(
            engine,
            read,
            write,
            plan,
            staging=staging,
            key=KEY,
            run_date=RUN_DATE,
            chunk_rows=chunk_rows,
            source_rows=source_rows,
            processes=processes,
        )

    return fill


@pytest.mark.postgres
def test_a_failing_helper_fails_the_fill_and_is_named_by_class_only(awkward, monkeypatch):
    """Helpers connect to a database that is not there; this process waits for them to have
    failed before it copies its first piece (on a loaded machine, a fixed wait let this
    process copy every piece before a helper had even started)."""
    nowhere = create_warehouse_engine(awkward.url.set(database="no_such_database"))
    real_copy_piece = anonymise_workers.copy_piece
    waited = []

    def wait_first(*args, **kwargs) -> int:
        if not waited:
            deadline = time.monotonic() + 120
            while multiprocessing.active_children() and time.monotonic() < deadline:
                time.sleep(0.1)
            waited.append(True)
        return real_copy_piece(*args, **kwargs)

    monkeypatch.setattr(anonymise_workers, "copy_piece", wait_first)
    monkeypatch.setattr(anonymise_workers, "ROWS_PER_HELPER", 1)
    with pytest.raises(StreamWorkerError, match=r"failed: OperationalError$"):
        rows_of(awkward, "analytics.orders", _stream(nowhere, processes=2))
    assert multiprocessing.active_children() == []


@pytest.mark.postgres
def test_a_failed_build_leaves_no_staging_table_and_no_process(awkward, tmp_path):
    with awkward.begin() as conn:  # year 10000: no Python date, in the last piece
        conn.execute(
            text(
                "UPDATE crm.customers SET date_of_birth = '10000-01-01' "
                "WHERE customer_id = (SELECT max(customer_id) FROM crm.customers)"
            )
        )
    start_run(awkward, POLICY, "run-1", RUN_DATE, keys=[KEY])
    checks = Checks(awkward, tmp_path)
    # psycopg2's date caster raises ValueError, psycopg 3's loader DataError
    with pytest.raises(RuntimeError, match=r"build failed: (ValueError|DataError)"):
        build_output(
            awkward,
            POLICY,
            "run-1",
            "analytics.customers",
            key=KEY,
            run_date=RUN_DATE,
            checks=checks,
            method="streaming",
            chunk_rows=20,
        )
    with awkward.connect() as conn:
        left = conn.execute(
            text(
                "SELECT count(*) FROM pg_tables "
                "WHERE schemaname IN ('analytics', 'governance_staging')"
            )
        ).scalar()
    assert left == 0
    assert multiprocessing.active_children() == []


@pytest.mark.postgres
def test_helpers_start_without_the_task_s_secrets_in_their_environment(awkward, monkeypatch):
    """A task's environment may hold keys and passwords (AIRFLOW_VAR_*, AIRFLOW_CONN_*);
    the helpers get the key through their pipe only: their /proc/<pid>/environ has none."""
    planted = "v9:planted-secret-in-the-task-environment-4711"
    monkeypatch.setenv("AIRFLOW_VAR_PSEUDONYM_SECRET_ANALYTICS", planted)
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", "postgres://etl:planted-password-4711@db/dwh")
    monkeypatch.setenv("SOME_API_TOKEN", "planted-token-4711")
    environments = []
    real_copy_piece = anonymise_workers.copy_piece

    def look_at_the_helpers(*args, **kwargs) -> int:
        for helper in multiprocessing.active_children():
            environ = Path(f"/proc/{helper.pid}/environ").read_bytes()
            if environ:  # empty while a helper starts, or once it has ended
                environments.append(environ)
        time.sleep(0.3)  # and let the helpers take pieces too
        return real_copy_piece(*args, **kwargs)

    monkeypatch.setattr(anonymise_workers, "copy_piece", look_at_the_helpers)
    monkeypatch.setattr(anonymise_workers, "ROWS_PER_HELPER", 1)
    output = "analytics.orders"
    assert rows_of(awkward, output, _stream(awkward, processes=3))
    assert environments
    assert all(b"PATH=" in environ for environ in environments)  # an environment it is
    for environ in environments:
        assert b"4711" not in environ
    assert os.environ["AIRFLOW_VAR_PSEUDONYM_SECRET_ANALYTICS"] == planted  # ours is intact
