"""The generalising rules in Python, one value at a time: the streaming path's transforms.

Each has a twin in SQL (:mod:`.sql`) rendered from the same reference tables, and a
test holds the two to the same output. Every function maps None to None and a value it
cannot read (a postcode of letters, an address that is no IP) to None: a malformed value
is dropped, never copied.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache

from include.governance.anonymise.reference import (
    AGE_BAND_YEARS,
    COUNTY_RANGES,
    IPV4_PATTERN,
    IPV4_PREFIX,
    IPV6_PATTERN,
    IPV6_PREFIX,
    OLDEST_AGE_BAND,
    OTHER,
    POSTCODE_PATTERN,
    USER_AGENT_PARTS,
)

Transform = Callable[[object], object]  # a rule's Python form: one value in, one out

_POSTCODE = re.compile(POSTCODE_PATTERN)
_IPV4 = re.compile(IPV4_PATTERN)
_IPV6 = re.compile(IPV6_PATTERN)
_COUNTY_STARTS = [first for first, _, _ in COUNTY_RANGES]


def age_years(born: date | None, on: date) -> int | None:
    """Completed years of age on ``on``; None for no date or a birth after it."""
    if born is None or born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_band(born: date | None, on: date) -> str | None:
    """``60-69`` (ten-year bands of the age on the run date), ``90+`` for the oldest."""
    age = age_years(born, on)
    if age is None:
        return None
    if age >= OLDEST_AGE_BAND:
        return f"{OLDEST_AGE_BAND}+"
    low = age // AGE_BAND_YEARS * AGE_BAND_YEARS
    return f"{low}-{low + AGE_BAND_YEARS - 1}"


def county(postcode: str | None) -> str | None:
    """The county of a four-digit Norwegian postcode."""
    if postcode is None or not _POSTCODE.fullmatch(postcode):
        return None
    i = bisect.bisect_right(_COUNTY_STARTS, postcode) - 1
    if i < 0 or postcode > COUNTY_RANGES[i][1]:
        return None
    return COUNTY_RANGES[i][2]


def truncate_time(value: datetime | date | None, to: str) -> datetime | date | None:
    """The start of the hour, day, month or year (in UTC) that ``value`` falls in. A naive
    timestamp is read as UTC, as the warehouse stores it."""
    if value is None:
        return None
    if isinstance(value, datetime):
        aware = value.tzinfo is not None
        moment = value.astimezone(UTC) if aware else value
        cut = moment.replace(minute=0, second=0, microsecond=0)
        if to != "hour":
            cut = cut.replace(hour=0)
        return _truncate_date(cut, to)
    return _truncate_date(value, to)


def _truncate_date(value: date, to: str) -> date:
    if to == "month":
        return value.replace(day=1)
    if to == "year":
        return value.replace(month=1, day=1)
    return value


def ip_network(address: str | None) -> str | None:
    """``84.208.12.0/24`` for an IPv4 address, its /48 for an IPv6 one."""
    if address is None:
        return None
    if _IPV4.fullmatch(address):
        return address.rsplit(".", 1)[0] + f".0/{IPV4_PREFIX}"
    if _IPV6.fullmatch(address):
        return ipv6_network(address)
    return None


def ipv6_network(address: str) -> str:
    """``str(IPv6Network((address, 48), strict=False))`` of an address ``IPV6_PATTERN``
    matches, without the ``ipaddress`` objects: the /48 keeps three groups and zeroes five,
    and those five are always the longest run of zeros, the one written ``::``."""
    head, double_colon, tail = address.partition("::")
    groups = head.split(":") if head else []
    if double_colon:
        rest = tail.split(":") if tail else []
        groups += ["0"] * (8 - len(groups) - len(rest)) + rest
    kept = [int(g, 16) for g in groups[: IPV6_PREFIX // 16]]
    while kept and not kept[-1]:
        kept.pop()
    return ":".join(f"{g:x}" for g in kept) + f"::/{IPV6_PREFIX}"


@cache
def _user_agent_rules(part: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    # DOTALL: ``.`` matches a newline, as it does in PostgreSQL's regular expressions.
    rules = USER_AGENT_PARTS[part]
    return tuple((re.compile(pattern, re.DOTALL), label) for pattern, label in rules)


def user_agent_part(agent: str | None, part: str) -> str | None:
    """The browser family, OS family or device type (``part``) a user agent names."""
    if agent is None:
        return None
    return next((label for rule, label in _user_agent_rules(part) if rule.search(agent)), OTHER)


def band(value: float | None, edges: list[int]) -> str | None:
    """``[1000,5000)`` for the band between two edges, ``<0`` below the first, ``5000+``
    at or above the last."""
    if value is None:
        return None
    i = bisect.bisect_right(edges, value)
    if i == 0:
        return f"<{edges[0]}"
    if i == len(edges):
        return f"{edges[-1]}+"
    return f"[{edges[i - 1]},{edges[i]})"
