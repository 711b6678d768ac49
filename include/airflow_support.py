"""What the DAGs (and the demo commands) need from Airflow, kept out of the core library.

``include/governance`` never imports Airflow; this module is the one place that turns
Airflow's configuration into what the library takes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import URL, Engine

from include.governance.pseudonym import (
    PURPOSES,
    PseudonymKey,
    PseudonymKeyError,
    check_fit_for_real_data,
    check_keys_differ,
    parse_key,
)
from include.governance.warehouse import create_warehouse_engine, resolve_url, url_from_connection

WAREHOUSE_CONN_ID = "warehouse"


def warehouse_url() -> URL:
    """The Airflow connection ``warehouse`` if defined, else ``$WAREHOUSE_URL``, else the
    embedded SQLite file."""
    from airflow.sdk import Connection
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        conn = Connection.get(WAREHOUSE_CONN_ID)
    except AirflowNotFoundException:
        return resolve_url()
    return url_from_connection(
        conn.conn_type,
        host=conn.host,
        port=conn.port,
        login=conn.login,
        password=conn.password,
        schema=conn.schema,
        extra=conn.extra_dejson,
    )


def warehouse_engine() -> Engine:
    return create_warehouse_engine(warehouse_url())


def pseudonym_key(purpose: str) -> PseudonymKey:
    """The pseudonymisation key of ``purpose`` (analytics, marketing): the Airflow variable
    ``pseudonym_secret_<purpose>`` as ``VERSION:SECRET``, else the Airflow connection of that
    id (login: version, password: secret). ``AIRFLOW_VAR_PSEUDONYM_SECRET_<PURPOSE>`` sets
    the variable from the environment, as the demo does; "secret" in the name has Airflow
    mask the value wherever it would be logged. Beside any warehouse but the embedded
    (SQLite) demo, a key published with the project or one that looks guessable is refused."""
    from airflow.sdk import Connection, Variable
    from airflow.sdk.exceptions import AirflowNotFoundException

    name = f"pseudonym_secret_{purpose}"
    value = Variable.get(name, default=None)
    if value is None:
        try:
            conn = Connection.get(name)
        except AirflowNotFoundException:
            conn = None
        if conn is not None and conn.login and conn.password:
            value = f"{conn.login}:{conn.password}"
    where = f"the Airflow variable {name} (or AIRFLOW_VAR_{name.upper()}) or a connection {name}"
    with failing_at_once(PseudonymKeyError):
        key = parse_key(purpose, value, where)
        if warehouse_url().get_backend_name() != "sqlite":  # not the embedded demo
            check_fit_for_real_data(key)
        return key


def pseudonym_keys() -> list[PseudonymKey]:
    """Every purpose's key, checked to differ from the others."""
    keys = [pseudonym_key(purpose) for purpose in PURPOSES]
    with failing_at_once(PseudonymKeyError):
        check_keys_differ(*keys)
    return keys


SCHEDULED_DELETES = "retention_scheduled_deletes"


def retention_dry_run(dag_run: Any, requested: bool) -> tuple[bool, str | None]:
    """Whether a retention run is a dry run, and why when nobody asked for one: a run
    triggered by hand is what its form says; a scheduled run deletes only once the Airflow
    variable ``retention_scheduled_deletes`` is ``true``, so a deployment pointed at a real
    warehouse deletes nothing until someone decides it should."""
    if dag_run.run_type != "scheduled":
        return requested, None
    from airflow.sdk import Variable

    if str(Variable.get(SCHEDULED_DELETES, default="false")).strip().lower() == "true":
        return False, None
    return True, (
        f"a scheduled run deletes only when the Airflow variable {SCHEDULED_DELETES} is "
        "'true' (it is not set or not 'true'): this run is a dry run"
    )


def logical_date(dag_run: Any) -> datetime:
    """The run's logical date; an asset-triggered run has none: then when it was due."""
    return dag_run.logical_date or dag_run.run_after


def task_slots(dag: Any, task_id: str) -> int:
    """How many ``task_id`` tasks of a run Airflow can run at once, as far as a task can see:
    the executor's slots (``core.parallelism``), the DAG's ``max_active_tasks`` and the
    task's ``max_active_tis_per_dag``. A pool's size lives in the metadata database, which
    tasks cannot read: under a smaller pool, give the run its tables per task."""
    from airflow.sdk.configuration import conf

    limits = [conf.getint("core", "parallelism"), dag.max_active_tasks]
    if per_dag := dag.get_task(task_id).max_active_tis_per_dag:
        limits.append(per_dag)
    return max(1, min(limits))


@contextmanager
def failing_at_once(*errors: type[Exception]) -> Iterator[None]:
    """Fail the task without retries on ``errors``: retrying cannot mend configuration or
    an outcome that is already recorded."""
    from airflow.sdk.exceptions import AirflowFailException

    try:
        yield
    except errors as exc:
        raise AirflowFailException(str(exc)) from None
