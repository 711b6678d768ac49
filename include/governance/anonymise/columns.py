"""One column of an analytics output: its name, source column, rule and type."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import String, Text
from sqlalchemy.types import TypeEngine

from include.governance.policy import AnonymiseRule


@dataclass(frozen=True)
class OutputColumn:
    name: str
    source: str
    rule: AnonymiseRule
    type: TypeEngine
    part: str | None = None  # user_agent: browser, os or device
    nullable: bool = True  # the source column's

    @property
    def is_text(self) -> bool:
        return isinstance(self.type, String | Text)
