"""A table's name as a value: schema and table, parsed once from ``schema.table``.

The policy, the register and the run records name tables as ``schema.table`` text; code
that needs the parts asks a :class:`TableName` instead of splitting strings, and SQL gets
the name quoted by the warehouse's own rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, column, table
from sqlalchemy.sql.expression import TableClause


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
        """The name as SQL text, each part quoted where the dialect needs it."""
        quote = bind.dialect.identifier_preparer.quote
        return f"{quote(self.schema)}.{quote(self.name)}"

    def clause(self, *columns: str) -> TableClause:
        """A lightweight SQLAlchemy table of the named columns (each once)."""
        return table(self.name, *(column(c) for c in dict.fromkeys(columns)), schema=self.schema)
