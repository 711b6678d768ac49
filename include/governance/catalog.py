"""The warehouse's catalogue under its schemas' own names.

SQLAlchemy's inspector speaks the server's names; on a MariaDB warehouse with a
``schema_prefix`` or ``schema_map`` (``schemas``) those differ from the names the policy
and the register use. :class:`Catalog` is the inspector with every schema it is given
and every schema it returns translated, and only the warehouse's schemas listed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.engine.reflection import ObjectKind

from include.governance.dialects import dialect_of
from include.governance.schemas import schema_names


class ObjectType(StrEnum):
    """What a scanned object is: the inventory reads each kind and says which it read."""

    TABLE = "table"
    VIEW = "view"
    MATERIALIZED_VIEW = "materialized view"
    FOREIGN_TABLE = "foreign table"


class Catalog:
    """The few inspector calls the project makes, in logical schema names."""

    def __init__(self, bind: Engine | Connection):
        self._inspector = inspect(bind)
        self._names = schema_names(bind)
        self._dialect = dialect_of(bind)

    def get_schema_names(self) -> list[str]:
        """The warehouse's schemas: on a shared server, only those its names give."""
        found = (self._names.logical(s) for s in self._inspector.get_schema_names())
        return [s for s in found if s is not None]

    def get_table_names(self, schema: str) -> list[str]:
        return self._inspector.get_table_names(schema=self._names[schema])

    def get_relations(self, schema: str) -> dict[str, ObjectType]:
        """Every object of the schema that has rows to read, and what it is."""
        server = self._names[schema]
        found = dict.fromkeys(self._inspector.get_table_names(schema=server), ObjectType.TABLE)
        found |= dict.fromkeys(self._inspector.get_view_names(schema=server), ObjectType.VIEW)
        if self._dialect.materialized_views:
            names = self._inspector.get_materialized_view_names(schema=server)
            found |= dict.fromkeys(names, ObjectType.MATERIALIZED_VIEW)
        if self._dialect.foreign_tables:
            names = self._inspector.get_foreign_table_names(schema=server)
            found |= dict.fromkeys(names, ObjectType.FOREIGN_TABLE)
        return found

    def has_table(self, name: str, schema: str) -> bool:
        return self._inspector.has_table(name, schema=self._names[schema])

    def get_columns(self, name: str, schema: str) -> list[dict[str, Any]]:
        """Each column under its own name (MariaDB's come back with a backtick doubled)."""
        return self._own_names(self._inspector.get_columns(name, schema=self._names[schema]))

    def get_multi_columns(self, schema: str, names: list[str]) -> dict[str, list[dict[str, Any]]]:
        """:meth:`get_columns` of each of ``names`` (tables, views, materialized views and
        foreign tables): one catalogue query for all where the dialect has one."""
        found = self._inspector.get_multi_columns(
            schema=self._names[schema], filter_names=names, kind=ObjectKind.ANY
        )
        return {table: self._own_names(columns) for (_, table), columns in found.items()}

    def _own_names(self, columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for column in columns:
            column["name"] = self._dialect.reflected_name(column["name"])
        return columns

    def get_indexes(self, name: str, schema: str) -> list[dict[str, Any]]:
        return self._inspector.get_indexes(name, schema=self._names[schema])

    def get_foreign_keys(self, name: str, schema: str) -> list[dict[str, Any]]:
        """Each key's ``referred_schema`` in the warehouse's name for it."""
        return self._logical_referred(
            self._inspector.get_foreign_keys(name, schema=self._names[schema])
        )

    def get_multi_foreign_keys(
        self, schema: str, names: list[str]
    ) -> dict[str, list[dict[str, Any]]]:
        """:meth:`get_foreign_keys` of each of ``names``, in one query where there is one."""
        found = self._inspector.get_multi_foreign_keys(
            schema=self._names[schema], filter_names=names, kind=ObjectKind.ANY
        )
        return {table: self._logical_referred(keys) for (_, table), keys in found.items()}

    def _logical_referred(self, keys: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for key in keys:
            if key.get("referred_schema"):
                key["referred_schema"] = self._names.logical(key["referred_schema"])
        return keys

    def get_pk_constraint(self, name: str, schema: str) -> dict[str, Any]:
        return self._inspector.get_pk_constraint(name, schema=self._names[schema])
