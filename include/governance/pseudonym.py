"""Keyed pseudonyms: HMAC-SHA256 with a secret key per purpose, never a plain or salted hash.

Customer numbers and national ID numbers are few enough to hash every candidate, so a hash
without a secret is reversible by brute force; an HMAC is not, as long as the key stays
secret. The key is stable across runs, so anonymised tables join from run to run; each
purpose (analytics, marketing) has its own, so the two outputs cannot be linked; each key
has a version that the outputs record, so a rotation is explicit and rebuilds from source.

The pseudonym of a value is ``HMAC(key, "<domain>:<value>")`` in lower-case hex, where the
domain is the output column's name (``customer_key``): the same customer gets the same
``customer_key`` in every table, and customer 7 and order 7 never share a pseudonym.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

PURPOSES = ("analytics", "marketing")
MIN_SECRET_BYTES = 32
PSEUDONYM_LENGTH = 64  # hex digits of SHA-256
_VERSION = re.compile(r"^[A-Za-z0-9._-]{1,40}$")


class PseudonymKeyError(ValueError):
    """A pseudonymisation key is missing or unfit; the message never holds the secret."""


@dataclass(frozen=True)
class PseudonymKey:
    purpose: str
    version: str
    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if self.purpose not in PURPOSES:
            raise PseudonymKeyError(
                f"unknown purpose {self.purpose!r} (known: {', '.join(PURPOSES)})"
            )
        if not _VERSION.match(self.version):
            raise PseudonymKeyError(
                f"the {self.purpose} key's version must be 1-40 letters, digits, '.', '_', '-'"
            )
        if len(self.secret) < MIN_SECRET_BYTES:
            raise PseudonymKeyError(
                f"the {self.purpose} key (version {self.version}) is too short: "
                f"at least {MIN_SECRET_BYTES} bytes"
            )


def parse_key(purpose: str, text: str | None, source: str) -> PseudonymKey:
    """A key from ``VERSION:SECRET`` text; ``source`` names where it came from for errors."""
    if not text:
        raise PseudonymKeyError(
            f"no pseudonymisation key for {purpose}: set {source} (VERSION:SECRET)"
        )
    version, sep, secret = text.strip().partition(":")
    if not sep:
        raise PseudonymKeyError(f"{source} must read VERSION:SECRET (no ':' found)")
    return PseudonymKey(purpose, version, secret.encode())


def check_keys_differ(*keys: PseudonymKey) -> None:
    """Outputs of different purposes must not be linkable: their secrets must differ."""
    secrets = [k.secret for k in keys]
    if len(set(secrets)) != len(secrets):
        raise PseudonymKeyError(
            "the analytics and marketing keys must differ (one secret per purpose)"
        )


class Pseudonymiser:
    """Pseudonyms of one key; the SHA-256 states of its padded key are computed once."""

    def __init__(self, key: PseudonymKey):
        self.version = key.version
        self._inner, self._outer = _padded_states(key.secret)

    def __call__(self, domain: str, value: object) -> str | None:
        if value is None:
            return None
        inner = self._inner.copy()
        inner.update(f"{domain}:{canonical(value)}".encode())
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def canonical(value: object) -> str:
    """The text a value is pseudonymised as: what ``CAST(value AS text)`` gives in SQL."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"only integers and text are pseudonymised, not {type(value).__name__}")
    return str(value)


def _padded_states(secret: bytes) -> tuple[hashlib._Hash, hashlib._Hash]:
    """HMAC's two padded-key states (RFC 2104), copied per value: 0.5 µs a pseudonym here
    against 1.4 µs for ``hmac.digest``, which pads and hashes the key every time."""
    block = hashlib.sha256().block_size
    padded = (hashlib.sha256(secret).digest() if len(secret) > block else secret).ljust(
        block, b"\0"
    )
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))
    return inner, outer
