"""E-mail addresses written so that a machine would not read them: "ola dot nordmann at
gmail dot com", "kari(at)online.no", "per [at] hotmail [dot] com", "kari punktum nordmann
krøllalfa gmail punktum com", "bente @ gmail . com", "bengt.lind snabel-a telia punkt se",
"matti ät posti piste fi". Only an address that ends in a known
top-level domain counts, so "meet at noon" is not one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from include.governance.detect.spans import Span

_PART = r"[A-Za-z0-9æøåÆØÅ%+_-]+"
# The words for "." and "@" in English, Norwegian, Swedish, Danish and Finnish.
_DOT_WORDS = "dot|punktum|prikk|punkt|piste"
_AT_WORDS = "at|krøllalfa|alfakrøll|snabel-a|snabela|ät|snabel"
_DOT = rf"(?:\s*\.\s*|\s*[(\[{{]\s*(?:{_DOT_WORDS})\s*[)\]}}]\s*|\s+(?:{_DOT_WORDS})\s+)"
_AT = rf"(?:\s*@\s*|\s*[(\[{{]\s*(?:{_AT_WORDS}|a|alfa)\s*[)\]}}]\s*|\s+(?:{_AT_WORDS})\s+)"
WRITTEN_AT = re.compile(rf"\b(?:{_AT_WORDS})\b|\(a|\[a", re.IGNORECASE)
TOP_LEVEL_DOMAINS = (
    "com", "net", "org", "info", "biz", "eu", "io", "no", "se", "dk", "fi", "is", "de",
    "uk", "pl", "lt", "lv", "ee", "nl", "fr", "es", "it", "ch", "at", "be", "us", "ca",
)  # fmt: skip
_WRITTEN_EMAIL = re.compile(
    rf"(?<![\w.@-]){_PART}(?:{_DOT}{_PART})*{_AT}{_PART}(?:{_DOT}{_PART})*?"
    rf"{_DOT}(?:{'|'.join(TOP_LEVEL_DOMAINS)})(?![\w])",
    re.IGNORECASE,
)


def written_emails(text: str) -> Iterator[Span]:
    for match in _WRITTEN_EMAIL.finditer(text):
        yield Span("email", match.start(), match.end())
