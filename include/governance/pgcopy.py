"""``COPY ... FROM STDIN`` and ``TO STDOUT`` on PostgreSQL, through either driver.

The warehouse URL chooses the driver: ``postgresql://`` (and ``postgres://``) means psycopg2,
``postgresql+psycopg://`` psycopg 3 (see ``warehouse.resolve_url``). Their COPY interfaces
differ (psycopg2's ``cursor.copy_expert`` reads and writes files, psycopg 3's
``cursor.copy()`` reads and writes blocks), and so do the ways each turns a value's text into
a Python value. Every caller here holds its COPY text in memory (a chunk, a piece, a key's
secret), so the interface is text in, text out, and a decoder per column type; this is the
one place that knows which driver it talks to.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from include.governance.warehouse import WarehouseError

Decoder = Callable[[str], object]
_READ_SIZE = 1 << 20  # psycopg2 reads the data to send in pieces of this many characters


def copy_in(conn: Connection, sql: str, data: str) -> None:
    """Run ``sql`` (``COPY ... FROM STDIN``, any format) with ``data``, whole lines, in
    ``conn``'s transaction."""
    _driver(conn).copy_in(conn.connection.dbapi_connection, sql, data)


def copy_out(conn: Connection, sql: str) -> str:
    """What ``sql`` (``COPY ... TO STDOUT``) writes, as text, in ``conn``'s transaction."""
    return _driver(conn).copy_out(conn.connection.dbapi_connection, sql)


def decoder(conn: Connection, type_code: int) -> Decoder:
    """The value of the COPY text (unescaped, not NULL) of a column of type ``type_code``
    (an OID), as the driver loads it from a ``SELECT``: what the rules' Python forms see
    everywhere else."""
    return _driver(conn).decoder(conn.connection.dbapi_connection, type_code)


class _Psycopg2:
    """psycopg2: ``copy_expert`` over in-memory files; the type casters it registers."""

    def copy_in(self, raw: Any, sql: str, data: str) -> None:
        with raw.cursor() as cursor:
            cursor.copy_expert(sql, io.StringIO(data), _READ_SIZE)

    def copy_out(self, raw: Any, sql: str) -> str:
        out = io.StringIO()
        with raw.cursor() as cursor:
            cursor.copy_expert(sql, out)
        return out.getvalue()

    def decoder(self, raw: Any, type_code: int) -> Decoder:
        from psycopg2.extensions import string_types

        caster = string_types.get(type_code)
        if caster is None:  # psycopg2 returns the text as it is
            return str
        cursor = raw.cursor()  # casters read its settings (the time zone's factory)
        return lambda text: caster(text, cursor)


class _Psycopg:
    """psycopg 3: ``cursor.copy()`` blocks; the loaders of the connection's adapters."""

    def copy_in(self, raw: Any, sql: str, data: str) -> None:
        with raw.cursor() as cursor, cursor.copy(sql) as copy:
            copy.write(data)

    def copy_out(self, raw: Any, sql: str) -> str:
        with raw.cursor() as cursor, cursor.copy(sql) as copy:
            blocks = b"".join(copy)  # a block a line: decoded once, not line by line
        return blocks.decode(raw.info.encoding)

    def decoder(self, raw: Any, type_code: int) -> Decoder:
        from psycopg.adapt import Transformer
        from psycopg.pq import Format

        loader = Transformer(raw).get_loader(type_code, Format.TEXT)
        encoding = raw.info.encoding
        return lambda text: loader.load(text.encode(encoding))


_DRIVERS: dict[str, _Psycopg2 | _Psycopg] = {"psycopg2": _Psycopg2(), "psycopg": _Psycopg()}


def _driver(conn: Connection) -> _Psycopg2 | _Psycopg:
    driver = _DRIVERS.get(conn.dialect.driver)
    if driver is None:
        raise WarehouseError(
            f"COPY needs the psycopg2 or psycopg (3) driver, not {conn.dialect.driver!r}: "
            "use a postgresql:// or postgresql+psycopg:// warehouse URL"
        )
    return driver
