"""Deterministic randomness for the demo warehouse, and the shape of its history over time.

Every value is a function of the seed, never of the run, so the same (seed, scale, as-of
date) builds the same warehouse on every dialect. There are two sources:

* ``chunk_rng(seed, table, chunk)``: a numpy generator per chunk of a table. Chunks do not
  share a stream, so a chunk's rows do not depend on what was drawn before it.
* ``keyed_uniform(seed, field, ids)``: draws that are a pure function of (seed, field, id),
  for entities that other tables look up at random (a shipment needs its customer's name
  and address, a service note quotes the customer's phone). Any table can then recompute a
  customer from the id alone, without the customer table in memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SECONDS_PER_YEAR = 365.2425 * 86_400
_MASK64 = (1 << 64) - 1


def _stream_key(name: str) -> int:
    """A stable number for a name (``hash()`` changes from one Python process to the next)."""
    return zlib.crc32(name.encode())


def chunk_rng(seed: int, table: str, chunk: int) -> np.random.Generator:
    """The generator for one chunk of one table."""
    return np.random.default_rng([seed, _stream_key(table), chunk])


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """A well-mixing bijection of 64-bit integers (SplitMix64's finaliser); wraps silently."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def keyed_uniform(seed: int, field: str, ids: np.ndarray) -> np.ndarray:
    """Uniform draws in [0, 1), one per id, that depend only on (seed, field, id)."""
    key = _splitmix64(np.array([(seed << 32 ^ _stream_key(field)) & _MASK64], dtype=np.uint64))
    mixed = _splitmix64(_splitmix64(np.asarray(ids).astype(np.uint64) ^ key))
    return (mixed >> np.uint64(11)).astype(np.float64) / float(1 << 53)


def pick(u: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """Indexes into ``weights`` drawn with those relative weights, from uniform draws ``u``."""
    cumulative = np.cumsum(np.asarray(weights, dtype=np.float64))
    return np.searchsorted(cumulative / cumulative[-1], u, side="right").clip(0, len(weights) - 1)


def seconds(values: np.ndarray | float) -> np.ndarray:
    """A duration in whole seconds, for adding to ``datetime64[s]`` arrays."""
    return np.asarray(values).astype(np.int64).astype("timedelta64[s]")


@dataclass(frozen=True)
class Timeline:
    """When things happened: volume grows by ``growth`` a year from ``start`` to ``end``.

    A position p in [0, 1) is the share of all volume up to a moment, so evenly spaced
    positions give timestamps that grow denser towards the end, as a growing shop's do.
    """

    start: np.datetime64
    end: np.datetime64
    growth: float = 1.15

    @property
    def years(self) -> float:
        return float((self.end - self.start) / np.timedelta64(1, "s")) / SECONDS_PER_YEAR

    def at(self, position: np.ndarray) -> np.ndarray:
        """The moment (``datetime64[s]``) by which a share ``position`` of volume happened."""
        total = self.growth**self.years - 1
        years = np.log1p(np.asarray(position) * total) / np.log(self.growth)
        return self.start + seconds(years * SECONDS_PER_YEAR)

    def position(self, when: np.ndarray) -> np.ndarray:
        """The share of volume that happened before ``when`` (the inverse of ``at``)."""
        years = ((when - self.start) / np.timedelta64(1, "s")) / SECONDS_PER_YEAR
        return np.expm1(years * np.log(self.growth)) / (self.growth**self.years - 1)
