"""Masked examples of values, safe for logs, reports and the inventory's evidence.

A masked value shows the shape of the data and nothing that identifies anyone: an email
keeps its top-level domain (``o***@e***.no``), a phone number its country code and first
digit (``+47 9** ** ***``), other numbers, dates and IDs only their layout
(``******-*****``), other text its first character and length (``K***[13]``). Apart from
an email's top-level domain and a phone's country code, no masked value shows more than
the first character of any word of the original.
"""

from __future__ import annotations

import re
from datetime import date, time
from numbers import Number

from include.governance.detect.validators import phone_prefix_digits
from include.governance.detect.values import is_email, is_ip_address, is_null, is_phone

_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[^\W_]")
SHORT_TEXT = 2  # text this short is masked whole: its first character would be all of it


def mask(value: object) -> str:
    """A masked example of ``value``."""
    if is_null(value):
        return "<null>"
    if isinstance(value, bool):
        return "<bool>"
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"
    if isinstance(value, Number | date | time):
        return _DIGIT.sub("*", str(value))
    if isinstance(value, str):
        return _mask_text(value.strip())
    return f"<{type(value).__name__}>"


def _mask_text(text: str) -> str:
    if is_email(text):
        return _mask_email(text)
    if is_phone(text):
        return _mask_phone(text)
    if is_ip_address(text) or not any(c.isalpha() for c in text):
        return _ALNUM.sub("*", text)
    if len(text) <= SHORT_TEXT:
        return "*" * len(text)
    return f"{text[0]}***[{len(text)}]"


def _mask_email(email: str) -> str:
    local, domain = email.rsplit("@", 1)
    top_level = domain.rsplit(".", 1)[1]
    return f"{local[0]}***@{domain[0]}***.{top_level}"


def _mask_phone(phone: str) -> str:
    """The international prefix, country code and first digit of the number, no more."""
    shown = phone_prefix_digits(phone) + 1
    masked = []
    for char in phone:
        if char.isdigit():
            masked.append(char if shown > 0 else "*")
            shown -= 1
        else:
            masked.append(char)
    return "".join(masked)
