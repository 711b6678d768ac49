"""The core library: plain Python over SQLAlchemy, pandas and Great Expectations, no Airflow.

One package per job (``inventory``, ``anonymise``, ``marketing``, ``retention``), each with
a ``steps`` module holding exactly what a DAG task calls; beneath them the modules they
share. ``ARCHITECTURE.md`` at the project root is the map.
"""
