"""The key each run and output records: a fingerprint beside the version, so a new secret
under a recorded version is refused (or, asked for, rebuilds everything), a key changed
during a run is refused, and publish refuses outputs built under different keys."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, Row, func, select, text, update

from include.governance.anonymise.build import build_output
from include.governance.anonymise.chunks import source_table
from include.governance.anonymise.plan import output_sources, plan_output
from include.governance.anonymise.records import KeyChanged, finish_run
from include.governance.anonymise.report import render_anonymise_report
from include.governance.anonymise.steps import publish, start_run
from include.governance.audit import STAGING_SCHEMA, anonymise_outputs, anonymise_runs
from include.governance.catalog import Catalog
from include.governance.policy import load_policy
from include.governance.pseudonym import FINGERPRINT_LABEL, Pseudonymiser, PseudonymKey
from include.governance.quality import Checks
from tests.anonymise.staged import staged_tables
from tests.policies import without_min_k

POLICY = without_min_k(load_policy())  # outputs that can be built incrementally
RUN_DATE = date(2026, 11, 24)
A = PseudonymKey("analytics", "v1", b"analytics-secret-A-of-the-key-tests-01")
B = PseudonymKey("analytics", "v1", b"analytics-secret-B-of-the-key-tests-02")  # same version
V2 = PseudonymKey("analytics", "v2", b"analytics-secret-C-of-the-key-tests-03")
OUTPUTS = list(output_sources(POLICY))


def build(engine: Engine, run_id: str, output: str, key: PseudonymKey, docs: Path, **options):
    return build_output(
        engine,
        POLICY,
        run_id,
        output,
        key=key,
        run_date=RUN_DATE,
        checks=Checks(engine, docs / run_id),
        **options,
    )


def run(engine: Engine, run_id: str, docs: Path, key: PseudonymKey, **options) -> dict[str, Row]:
    """Start, build every output and publish; what each output recorded."""
    for output in start_run(engine, POLICY, run_id, RUN_DATE, keys=[key]):
        build(engine, run_id, output, key, docs, **options)
    publish(engine, POLICY, run_id)
    assert finish_run(engine, run_id) == "succeeded"
    return recorded(engine, run_id)


def recorded(engine: Engine, run_id: str) -> dict[str, Row]:
    with engine.connect() as conn:
        rows = conn.execute(select(anonymise_outputs).where(anonymise_outputs.c.run_id == run_id))
        return {r.output: r for r in rows}


def published(engine: Engine) -> dict[str, list]:
    with engine.connect() as conn:
        return {
            o: sorted(tuple(map(str, r)) for r in conn.execute(text(f"SELECT * FROM {o}")))
            for o in OUTPUTS
        }


def touch_customers(engine: Engine) -> None:
    """Five customers move a day after the latest change: an incremental build has rows to
    anonymise afresh and many to copy from the published table."""
    with engine.begin() as conn:
        customers = source_table(conn, "crm.customers")
        later = conn.execute(select(func.max(customers.c.updated_at))).scalar() + timedelta(days=1)
        conn.execute(
            text(
                "UPDATE crm.customers SET postcode = '9990', updated_at = :at WHERE customer_id "
                "IN (SELECT customer_id FROM crm.customers ORDER BY customer_id LIMIT 5)"
            ),
            {"at": later},
        )


def assert_every_key_under(engine: Engine, key: PseudonymKey) -> None:
    """Each output's key column holds exactly the pseudonyms of its source's keys under
    ``key``, and orders join their customers."""
    pseudonymise = Pseudonymiser(key)
    with engine.connect() as conn:
        for output in OUTPUTS:
            plan = plan_output(engine, POLICY, output)
            name = plan.key_column.name
            ids = conn.execute(text(f"SELECT {plan.key} FROM {plan.source}")).scalars()
            keys = conn.execute(text(f"SELECT {name} FROM {output}")).scalars()
            assert sorted(keys) == sorted(pseudonymise(name, i) for i in ids), output
        orphans = conn.execute(
            text(
                "SELECT count(*) FROM analytics.orders o WHERE NOT EXISTS "
                "(SELECT 1 FROM analytics.customers c WHERE c.customer_key = o.customer_key)"
            )
        ).scalar()
    assert orphans == 0


def test_a_fingerprint_tells_secrets_apart_and_is_of_the_secret_alone():
    expected = hmac.new(A.secret, FINGERPRINT_LABEL, hashlib.sha256).hexdigest()[:16]
    assert A.fingerprint == expected
    assert A.fingerprint != B.fingerprint
    assert PseudonymKey("analytics", "v9", A.secret).fingerprint == A.fingerprint


def test_a_new_secret_under_the_recorded_version_fails_and_publishes_nothing(demo, tmp_path):
    first = run(demo, "run-1", tmp_path, A)
    assert {(r.key_version, r.key_fingerprint) for r in first.values()} == {("v1", A.fingerprint)}
    before = published(demo)
    touch_customers(demo)

    outputs = start_run(demo, POLICY, "run-2", RUN_DATE, keys=[B])
    for output in outputs:
        for options in ({}, {"full_refresh": True}):  # a full refresh is no rotation
            with pytest.raises(KeyChanged) as caught:
                build(demo, "run-2", output, B, tmp_path, **options)
            message = str(caught.value)
            assert message.startswith(f"{output}: the analytics key has version v1")
            assert f"fingerprint {B.fingerprint}" in message
            assert f"published under fingerprint {A.fingerprint}" in message
            assert "key rotation" in message
            assert A.secret.decode() not in message
            assert B.secret.decode() not in message
    with pytest.raises(RuntimeError, match="not built in this run"):
        publish(demo, POLICY, "run-2")
    assert finish_run(demo, "run-2") == "failed"
    assert published(demo) == before
    refused = recorded(demo, "run-2")
    assert {r.status for r in refused.values()} == {"failed"}
    assert all(
        B.fingerprint in r.error and r.key_fingerprint == B.fingerprint for r in refused.values()
    )
    with demo.connect() as conn:
        keys = conn.execute(
            select(anonymise_runs.c.pseudonym_keys).where(anonymise_runs.c.run_id == "run-2")
        )
        assert keys.scalar() == {"analytics": {"version": "v1", "fingerprint": B.fingerprint}}


def test_a_rotation_rebuilds_every_output_under_the_new_secret(demo, tmp_path):
    run(demo, "run-1", tmp_path, A)
    touch_customers(demo)
    rotated = run(demo, "run-2", tmp_path, B, rotate_key=True)
    assert {
        (r.build, r.build_reason, r.key_version, r.key_fingerprint) for r in rotated.values()
    } == {("full", "a key rotation was asked for", "v1", B.fingerprint)}
    assert_every_key_under(demo, B)
    assert f"| v1 ({B.fingerprint}) |" in render_anonymise_report(demo, "run-2")

    after = run(demo, "run-3", tmp_path, B)  # the new secret is the recorded one now
    assert after["analytics.customers"].build == "incremental"
    assert_every_key_under(demo, B)


def test_a_new_version_rebuilds_on_its_own(demo, tmp_path):
    run(demo, "run-1", tmp_path, A)
    rebuilt = run(demo, "run-2", tmp_path, V2)
    assert rebuilt["analytics.customers"].build_reason == (
        "the key changed since (version v1 to v2)"
    )
    assert_every_key_under(demo, V2)


def test_a_key_changed_during_a_run_is_refused(demo, tmp_path):
    first, second, *_ = start_run(demo, POLICY, "run-1", RUN_DATE, keys=[A])
    build(demo, "run-1", first, A, tmp_path)
    for other in (B, V2):
        with pytest.raises(KeyChanged) as caught:
            build(demo, "run-1", second, other, tmp_path)
        assert str(caught.value) == (
            f"{second}: the analytics key changed during run run-1: it started with version "
            f"v1 (fingerprint {A.fingerprint}), this build read version {other.version} "
            f"(fingerprint {other.fingerprint}); start a new run"
        )
    with pytest.raises(RuntimeError, match="not built in this run"):
        publish(demo, POLICY, "run-1")


def test_publish_refuses_outputs_built_under_different_keys(demo, tmp_path):
    for output in start_run(demo, POLICY, "run-1", RUN_DATE, keys=[A]):
        build(demo, "run-1", output, A, tmp_path)
    with demo.begin() as conn:  # as a build by a worker without the run's key check records
        conn.execute(
            update(anonymise_outputs)
            .where(anonymise_outputs.c.output == "analytics.orders")
            .values(key_fingerprint=B.fingerprint)
        )
    with pytest.raises(KeyChanged) as caught:
        publish(demo, POLICY, "run-1")
    assert str(caught.value) == (
        "not published: run run-1 started with the analytics key version v1 (fingerprint "
        f"{A.fingerprint}), but built analytics.orders under version v1 (fingerprint "
        f"{B.fingerprint})"
    )
    staged = staged_tables(demo, POLICY, OUTPUTS)
    assert Catalog(demo).get_table_names(schema="analytics") == []  # none swapped in
    assert sorted(Catalog(demo).get_table_names(schema=STAGING_SCHEMA)) == staged
    assert {r.status for r in recorded(demo, "run-1").values()} == {"built"}


def test_outputs_recorded_before_fingerprints_are_rebuilt_in_full_once(demo, tmp_path):
    run(demo, "run-1", tmp_path, A)
    with demo.begin() as conn:  # a warehouse kept from before fingerprints were recorded
        conn.execute(text("ALTER TABLE governance.anonymise_outputs DROP COLUMN key_fingerprint"))
    second = run(demo, "run-2", tmp_path, A)  # its start adds the column back, empty
    assert second["analytics.customers"].build_reason == (
        f"the key's fingerprint changed since (none recorded to {A.fingerprint})"
    )
    assert run(demo, "run-3", tmp_path, A)["analytics.customers"].build == "incremental"
