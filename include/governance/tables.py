"""A table's name as a value: schema and table, parsed once from ``schema.table``.

The policy, the register and the run records name tables as ``schema.table`` text; code
that needs the parts asks a :class:`TableName` instead of splitting strings, and SQL gets
the name quoted by the warehouse's own rules and in the server's name for the schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Column, Connection, Engine, MetaData, Table

from include.governance.schemas import physical


@dataclass(frozen=True, order=True)
class TableName:
    schema: str
    name: str

    @classmethod
    def parse(cls, text: str) -> TableName:
        """``schema.table``; the schema ends at the first dot (a table's own name may hold
        dots, a schema's may not)."""
        schema, dot, name = text.partition(".")
        if not (dot and schema and name):
            raise ValueError(f"{text!r} is not a table name of the form schema.table")
        return cls(schema, name)

    def __str__(self) -> str:
        return f"{self.schema}.{self.name}"

    def quoted(self, bind: Engine | Connection) -> str:
        """The name as SQL text, each part quoted where the dialect needs it, in the
        database's name for the schema (``schemas``)."""
        preparer = bind.dialect.identifier_preparer
        return f"{preparer.quote_schema(physical(bind, self.schema))}.{preparer.quote(self.name)}"

    def on_server(self, bind: Engine | Connection) -> TableName:
        """This table under the database's name for its schema, for the catalogue
        (``inspect``) and for libraries given names rather than an engine (GX)."""
        return TableName(physical(bind, self.schema), self.name)

    def clause(self, *columns: str | Column) -> Table:
        """A SQLAlchemy table of these columns (each once; a name is a column of no
        type). A ``Table``, not SQLAlchemy's lighter ``table()``: only a ``Table`` is
        renamed by the engine's ``schema_translate_map`` (``schemas``)."""
        made: dict[str, Column] = {}
        for c in columns:  # the first of a name wins
            made.setdefault(
                c if isinstance(c, str) else c.name, Column(c) if isinstance(c, str) else c
            )
        return Table(self.name, MetaData(), *made.values(), schema=self.schema)
