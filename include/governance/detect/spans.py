"""A found piece of personal data in free text: its kind and where it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "email",
    "phone",
    "national_id",
    "payment_card",
    "ip_address",
    "person_name",
    "address",
    "date_of_birth",
    "bank_account",
    "iban",
    "health",
    "shaped",
]


@dataclass(frozen=True, order=True)
class Span:
    """``text[start:end]`` is personal data of ``kind``."""

    kind: Kind
    start: int
    end: int
