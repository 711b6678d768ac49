"""The records of anonymisation runs and outputs (``governance.anonymise_runs``,
``governance.anonymise_outputs``), and the errors fit to be recorded.

Errors are recorded and raised by class, or with messages this package wrote: database
messages can quote values."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select, update

from include.governance.anonymise.plan import PlanError
from include.governance.audit import anonymise_outputs, anonymise_runs, ensure_governance_tables
from include.governance.pseudonym import PseudonymKeyError
from include.governance.warehouse import describe_error


class ChecksFailed(RuntimeError):
    """An output failed its Great Expectations suite; lists the failing expectations."""


SAFE_ERRORS = (PlanError, PseudonymKeyError, ChecksFailed)


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
