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
import hmac
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat

PURPOSES = ("analytics", "marketing")
MIN_SECRET_BYTES = 32
PSEUDONYM_LENGTH = 64  # hex digits of SHA-256
FINGERPRINT_LABEL = b"governance-key-check"  # no ':', so no pseudonym's message is this
FINGERPRINT_LENGTH = 16  # hex digits: 64 bits, enough to tell secrets apart
HMAC_BATCH = 4096
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

    @property
    def fingerprint(self) -> str:
        """The first hex digits of the HMAC of a fixed label under the secret: the same for
        the same secret, whatever its version, and fit to record and show, as the secret
        cannot be had from it."""
        mac = hmac.new(self.secret, FINGERPRINT_LABEL, hashlib.sha256)
        return mac.hexdigest()[:FINGERPRINT_LENGTH]


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


MIN_ENTROPY_BITS = 128
# Keys published with the project, by fingerprint: anyone can recompute their pseudonyms.
PUBLIC_KEYS = {
    "030caa51535924ff": "the demo's analytics key (the Makefile's)",
    "cb3f90f46cf97264": "the demo's marketing key (the Makefile's)",
    "c3895068152d2ad3": "the DAG tests' analytics key",
    "428962af5003be2c": "the DAG tests' marketing key",
}


def estimated_entropy_bits(secret: bytes) -> float:
    """The secret's length times the Shannon entropy of its bytes: an upper estimate that
    repetition and small alphabets bring down (``'a' * 32``: 0 bits; 64 random hex digits:
    about 250). A phrase that merely looks random passes it: it is a floor, not a proof."""
    counts = Counter(secret)
    return -sum(n * math.log2(n / len(secret)) for n in counts.values())


def check_fit_for_real_data(key: PseudonymKey) -> None:
    """Refuse a key published with the project or one that looks guessable: beside real
    data its pseudonyms could be recomputed, which undoes the pseudonymisation."""
    if where := PUBLIC_KEYS.get(key.fingerprint):
        raise PseudonymKeyError(
            f"the {key.purpose} key is {where}, published with the project: set a key of your "
            "own for any warehouse but the embedded demo (README: keys)"
        )
    bits = estimated_entropy_bits(key.secret)
    if bits < MIN_ENTROPY_BITS:
        raise PseudonymKeyError(
            f"the {key.purpose} key's secret looks guessable (about {bits:.0f} bits; at least "
            f"{MIN_ENTROPY_BITS} needed): make one with "
            "python -c 'import secrets; print(secrets.token_hex(32))'"
        )


def check_keys_differ(*keys: PseudonymKey) -> None:
    """Outputs of different purposes must not be linkable: their secrets must differ."""
    secrets = [k.secret for k in keys]
    if len(set(secrets)) != len(secrets):
        raise PseudonymKeyError(
            "the analytics and marketing keys must differ (one secret per purpose)"
        )


class Pseudonymiser:
    """Pseudonyms of one key. The HMAC's key schedule is computed once and copied per
    value, which costs a third of ``hmac.digest`` (that pads and hashes the key each time)."""

    def __init__(self, key: PseudonymKey):
        self.version = key.version
        self._keyed = hmac.new(key.secret, digestmod=hashlib.sha256)

    def __call__(self, domain: str, value: object) -> str | None:
        if value is None:
            return None
        mac = self._keyed.copy()
        mac.update(f"{domain}:{canonical(value)}".encode())
        return mac.hexdigest()


def canonical(value: object) -> str:
    """The text a value is pseudonymised as: what ``CAST(value AS text)`` gives in SQL."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"only integers and text are pseudonymised, not {type(value).__name__}")
    return str(value)


class BatchHmac:
    """HMAC-SHA256 (RFC 2104) of many messages, built from hashlib's SHA-256 with the key
    schedule done once: no Python call per value, a third quicker than ``Pseudonymiser``,
    and the same digests (the tests hold the two equal)."""

    def __init__(self, key: PseudonymKey):
        secret = key.secret
        if len(secret) > hashlib.sha256().block_size:
            secret = hashlib.sha256(secret).digest()
        padded = secret.ljust(hashlib.sha256().block_size, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def hexdigests(self, domain: str, values: list[str]) -> list[str]:
        """``Pseudonymiser(key)(domain, v)`` of each value, as lower-case hex; a batch at a
        time, as each holds two hash states of OpenSSL's per value."""
        out: list[str] = []
        for start in range(0, len(values), HMAC_BATCH):
            out += self._batch(f"{domain}:", values[start : start + HMAC_BATCH])
        return out

    def _batch(self, prefix: str, values: list[str]) -> list[str]:
        sha = type(self._inner)
        n = len(values)
        inner = list(map(sha.copy, repeat(self._inner, n)))
        _drain(map(sha.update, inner, map(str.encode, map(prefix.__add__, values))))
        outer = list(map(sha.copy, repeat(self._outer, n)))
        _drain(map(sha.update, outer, map(sha.digest, inner)))
        return list(map(sha.hexdigest, outer))


def _drain(calls: Iterable[object]) -> None:
    for _ in calls:
        pass
