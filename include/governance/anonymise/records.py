"""The records of anonymisation runs and outputs (``governance.anonymise_runs``,
``governance.anonymise_outputs``), the keys they were made with, and the errors fit to be
recorded.

A key is recorded as its version and fingerprint, never its secret: the run's keys when it
starts, each output's when it is built. A step refuses a key that is not the one its run
started with, and a new secret under the version an output was published with: either
would publish pseudonyms under two secrets that no check tells apart.

Errors are recorded and raised by class, or with messages this package wrote: database
messages can quote values."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, Row, func, insert, select, update

from include.governance.anonymise.plan import PlanError
from include.governance.anonymise.risk import RiskTooHigh
from include.governance.audit import anonymise_outputs, anonymise_runs, ensure_governance_tables
from include.governance.pseudonym import PseudonymKey, PseudonymKeyError
from include.governance.warehouse import describe_error


class ChecksFailed(RuntimeError):
    """An output failed its Great Expectations suite; lists the failing expectations."""


class KeyChanged(PseudonymKeyError):
    """A key is not the one recorded; names versions and fingerprints, never a secret."""


SAFE_ERRORS = (PlanError, PseudonymKeyError, ChecksFailed, RiskTooHigh)


def recorded_keys(keys: Sequence[PseudonymKey]) -> dict[str, dict[str, str]]:
    """The run's keys as ``anonymise_runs.pseudonym_keys`` holds them, by purpose."""
    return {k.purpose: {"version": k.version, "fingerprint": k.fingerprint} for k in keys}


def describe_key(version: str | None, fingerprint: str | None) -> str:
    return f"version {version} (fingerprint {fingerprint})"


def check_run_key(engine: Engine, run_id: str, key: PseudonymKey, *, output: str) -> None:
    """``key`` is the one the run started with: each task reads the key afresh, and a key
    changed meanwhile would publish outputs under two keys. ``output`` is what it builds."""
    with engine.connect() as conn:
        started = _run_key(conn, run_id, key.purpose, output)
    if started != (key.version, key.fingerprint):
        raise KeyChanged(
            f"{output}: the {key.purpose} key changed during run {run_id}: it started with "
            f"{describe_key(*started)}, this build read "
            f"{describe_key(key.version, key.fingerprint)}; start a new run"
        )


def check_one_key(engine: Engine, run_id: str, outputs: Sequence[str], purpose: str) -> None:
    """Every output was built under the key its run started with, so all join: publish
    refuses a mix, whatever its cause."""
    with engine.connect() as conn:
        started = _run_key(conn, run_id, purpose, "not published")
        built = conn.execute(
            select(
                anonymise_outputs.c.output,
                anonymise_outputs.c.key_version,
                anonymise_outputs.c.key_fingerprint,
            ).where(anonymise_outputs.c.run_id == run_id, anonymise_outputs.c.output.in_(outputs))
        ).all()
    others = [
        f"{b.output} under {describe_key(b.key_version, b.key_fingerprint)}"
        for b in built
        if (b.key_version, b.key_fingerprint) != started
    ]
    if others:
        raise KeyChanged(
            f"not published: run {run_id} started with the {purpose} key "
            f"{describe_key(*started)}, but built {', '.join(others)}"
        )


def _run_key(conn: Connection, run_id: str, purpose: str, caller: str) -> tuple[str, str]:
    """The version and fingerprint of the run's key of ``purpose``, as it started."""
    keys = conn.execute(
        select(anonymise_runs.c.pseudonym_keys).where(anonymise_runs.c.run_id == run_id)
    ).scalar()
    key = (keys or {}).get(purpose)
    if key is None:
        raise KeyChanged(f"{caller}: run {run_id} recorded no {purpose} key when it started")
    return key["version"], key["fingerprint"]


def last_published(engine: Engine, output: str) -> Row | None:
    """The record of ``output`` as it is published now: its key, watermark, its run's
    policy version and run date, and the run date of its latest published full build."""
    full = anonymise_outputs.alias("full_build")
    full_runs = anonymise_runs.alias("full_runs")
    last_full = (
        select(func.max(full_runs.c.run_date))
        .join(full, full.c.run_id == full_runs.c.run_id)
        .where(full.c.output == output, full.c.status == "published", full.c.build == "full")
        .scalar_subquery()
    )
    with engine.connect() as conn:
        return conn.execute(
            select(
                anonymise_outputs.c.watermark,
                anonymise_outputs.c.key_version,
                anonymise_outputs.c.key_fingerprint,
                anonymise_runs.c.policy_version,
                anonymise_runs.c.run_date,
                last_full.label("last_full_run_date"),
            )
            .join(anonymise_runs, anonymise_runs.c.run_id == anonymise_outputs.c.run_id)
            .where(anonymise_outputs.c.output == output, anonymise_outputs.c.status == "published")
            .order_by(anonymise_runs.c.started_at.desc())
            .limit(1)
        ).first()


def check_build_key(
    engine: Engine, run_id: str, key: PseudonymKey, *, output: str, rotate_key: bool
) -> Row | None:
    """Before a build of ``output``: the key is the run's (:func:`check_run_key`) and,
    unless the run rotates keys, the secret ``output`` was published under
    (:func:`refuse_new_secret`). Returns the output's last published record."""
    check_run_key(engine, run_id, key, output=output)
    published = last_published(engine, output)
    if not rotate_key:
        refuse_new_secret(output, published, key)
    return published


def refuse_new_secret(output: str, published: Row | None, key: PseudonymKey) -> None:
    """A new secret under the version ``output`` was published with is refused: built on,
    the output would mix two secrets; rebuilt, it would change every pseudonym under a
    version that says nothing changed. (A record without a fingerprint proves nothing.)"""
    if published is None or published.key_version != key.version:
        return
    if published.key_fingerprint in (None, key.fingerprint):
        return
    raise KeyChanged(
        f"{output}: the {key.purpose} key has version {key.version}, as when {output} was "
        f"published, but another secret: fingerprint {key.fingerprint}, where it was "
        f"published under fingerprint {published.key_fingerprint}. Give the new secret a "
        "new version, or trigger a run with key rotation to rebuild every output under it"
    )


def finish_run(engine: Engine, run_id: str) -> str:
    """Record how the run ended: succeeded when every output was published; "not started"
    when the run was never recorded (its first step failed, perhaps before any table)."""
    ensure_governance_tables(engine)
    with engine.begin() as conn:
        statuses = (
            conn.execute(
                select(anonymise_outputs.c.status).where(anonymise_outputs.c.run_id == run_id)
            )
            .scalars()
            .all()
        )
        status = "succeeded" if statuses and set(statuses) == {"published"} else "failed"
        started = conn.execute(
            update(anonymise_runs)
            .where(anonymise_runs.c.run_id == run_id)
            .values(status=status, finished_at=datetime.now(UTC))
        ).rowcount
    return status if started else "not started"


def record_report(engine: Engine, run_id: str, path: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(anonymise_runs).where(anonymise_runs.c.run_id == run_id).values(report_path=path)
        )


def record_output(engine: Engine, run_id: str, output: str, source: str, **values) -> None:
    """Insert or update the record of one output of a run."""
    where = (anonymise_outputs.c.run_id == run_id) & (anonymise_outputs.c.output == output)
    with engine.begin() as conn:
        if conn.execute(select(anonymise_outputs.c.run_id).where(where)).first():
            conn.execute(update(anonymise_outputs).where(where).values(**values))
        else:
            conn.execute(
                insert(anonymise_outputs).values(
                    run_id=run_id, output=output, source=source, **values
                )
            )


def describe(exc: Exception) -> str:
    """An error fit for records and logs: our own messages, else the error's class only."""
    return str(exc) if isinstance(exc, SAFE_ERRORS) else describe_error(exc)
