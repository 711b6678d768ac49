"""The database's own names for the warehouse's schemas, where they are server-wide.

On MariaDB a schema is a database of the whole server: ``crm`` or ``governance`` may
already belong to someone else there, and the database in the URL does not scope them.
A warehouse URL may therefore say what its schemas are called on the server:

* ``?schema_prefix=shop_``: every schema ``s`` is the database ``shop_s``, and the
  warehouse is exactly the databases with that prefix (a scan sees no others);
* ``?schema_map=analytics:privacy_analytics,governance:privacy_gov``: the named schemas
  are those databases, the others keep their names (or take the prefix, if there is one).

The policy, the register and every report keep the schemas' own (logical) names. The
engine carries :class:`SchemaNames` as SQLAlchemy's ``schema_translate_map``, so tables
built with SQLAlchemy land in the right database by themselves; SQL written as text and
the catalogue (``inspect``) ask :func:`physical` and :func:`logical` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL
from sqlalchemy.sql import ClauseElement

SCHEMA_PREFIX_PARAM = "schema_prefix"
SCHEMA_MAP_PARAM = "schema_map"
SCHEMA_NAME_PARAMS = (SCHEMA_PREFIX_PARAM, SCHEMA_MAP_PARAM)
_PREFIX = re.compile(r"^[A-Za-z0-9_]*$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class SchemaNames(Mapping[str, str]):
    """Logical schema name -> the database's name for it; every name maps (to itself when
    neither the prefix nor the map says otherwise)."""

    prefix: str = ""
    renamed: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not _PREFIX.match(self.prefix):
            raise ValueError(
                f"{SCHEMA_PREFIX_PARAM} {self.prefix!r} may hold only letters, digits and _"
            )
        for logical, physical in self.renamed:
            for name in (logical, physical):
                if not _NAME.match(name):
                    raise ValueError(f"{SCHEMA_MAP_PARAM}: {name!r} is not a plain schema name")
        targets = [physical for _, physical in self.renamed]
        if len(set(targets)) != len(targets):
            raise ValueError(f"{SCHEMA_MAP_PARAM} gives two schemas the same database")

    @property
    def translates(self) -> bool:
        return bool(self.prefix or self.renamed)

    def __getitem__(self, logical: str) -> str:
        if not isinstance(logical, str):  # SQLAlchemy asks for None: tables without schema
            raise KeyError(logical)
        return dict(self.renamed).get(logical, self.prefix + logical)

    def __contains__(self, logical: object) -> bool:
        return isinstance(logical, str)

    def __iter__(self) -> Iterator[str]:
        return iter(dict(self.renamed))

    def __len__(self) -> int:
        return len(self.renamed)

    def __bool__(self) -> bool:  # SQLAlchemy applies a map only when it is truthy
        return self.translates

    def logical(self, physical: str) -> str | None:
        """The schema a database holds, None when it is not this warehouse's."""
        for logical, renamed in self.renamed:
            if renamed == physical:
                return logical
        if physical.startswith(self.prefix) and len(physical) > len(self.prefix):
            candidate = physical[len(self.prefix) :]
            if candidate not in dict(self.renamed):  # that one lives elsewhere
                return candidate
        return None

    @classmethod
    def from_url(cls, url: URL) -> SchemaNames:
        """The names a warehouse URL's ``schema_prefix`` and ``schema_map`` give."""
        prefix = url.query.get(SCHEMA_PREFIX_PARAM, "")
        mapping = url.query.get(SCHEMA_MAP_PARAM, "")
        if not isinstance(prefix, str) or not isinstance(mapping, str):
            raise ValueError(f"give {SCHEMA_PREFIX_PARAM} and {SCHEMA_MAP_PARAM} once each")
        pairs = []
        for item in filter(None, (part.strip() for part in mapping.split(","))):
            logical, colon, physical = item.partition(":")
            if not colon:
                raise ValueError(
                    f"{SCHEMA_MAP_PARAM} entry {item!r} is not of the form schema:database"
                )
            pairs.append((logical.strip(), physical.strip()))
        return cls(prefix, tuple(pairs))


def without_schema_names(url: URL) -> URL:
    """The URL as the driver must see it (it would reject the unknown parameters)."""
    return url.difference_update_query(SCHEMA_NAME_PARAMS)


def schema_names(bind: Engine | Connection) -> SchemaNames:
    """The names the engine was created with (none: every schema is its own name)."""
    names = bind.get_execution_options().get("schema_translate_map")
    return names if isinstance(names, SchemaNames) else SchemaNames()


def physical(bind: Engine | Connection, schema: str) -> str:
    """The database's name for the warehouse's schema ``schema``."""
    return schema_names(bind)[schema]


def logical(bind: Engine | Connection, name: str) -> str | None:
    """The warehouse schema the database's schema ``name`` holds, None if none."""
    return schema_names(bind).logical(name)


def literal_sql(bind: Engine | Connection, statement: ClauseElement) -> str:
    """``statement`` as SQL text with its values inline and the server's schema names, for
    libraries that take a query as text (Great Expectations)."""
    names = schema_names(bind)
    compiled = statement.compile(
        dialect=bind.dialect,
        schema_translate_map=names if names.translates else None,
        render_schema_translate=names.translates,
        compile_kwargs={"literal_binds": True},
    )
    return str(compiled)
