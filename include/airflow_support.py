"""What the DAGs (and the demo commands) need from Airflow, kept out of the core library.

``include/governance`` never imports Airflow; this module is the one place that turns
Airflow's configuration into what the library takes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import URL, Engine

from include.governance.pseudonym import (
    PURPOSES,
    PseudonymKey,
    PseudonymKeyError,
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
        conn.conn_type, conn.host, conn.port, conn.login, conn.password, conn.schema
    )


def warehouse_engine() -> Engine:
    return create_warehouse_engine(warehouse_url())


def pseudonym_key(purpose: str) -> PseudonymKey:
    """The pseudonymisation key of ``purpose`` (analytics, marketing): the Airflow variable
    ``pseudonym_secret_<purpose>`` as ``VERSION:SECRET``, else the Airflow connection of that
    id (login: version, password: secret). ``AIRFLOW_VAR_PSEUDONYM_SECRET_<PURPOSE>`` sets
    the variable from the environment, as the demo does; "secret" in the name has Airflow
    mask the value wherever it would be logged."""
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
    with _failing_at_once():
        return parse_key(purpose, value, where)


def pseudonym_keys() -> list[PseudonymKey]:
    """Every purpose's key, checked to differ from the others."""
    keys = [pseudonym_key(purpose) for purpose in PURPOSES]
    with _failing_at_once():
        check_keys_differ(*keys)
    return keys


@contextmanager
def _failing_at_once() -> Iterator[None]:
    """A key error fails the task without retries: retrying cannot mend configuration."""
    from airflow.sdk.exceptions import AirflowFailException

    try:
        yield
    except PseudonymKeyError as exc:
        raise AirflowFailException(str(exc)) from None
