"""What the DAGs (and the demo commands) need from Airflow, kept out of the core library.

``include/governance`` never imports Airflow; this module is the one place that turns
Airflow's configuration into what the library takes.
"""

from __future__ import annotations

from sqlalchemy import URL, Engine

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
