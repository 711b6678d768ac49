"""Column-name signals: which categories a column's name points at, and how strongly.

A name matches a category's listed name exactly (``email``), through one of its parts
(``delivery_address`` has ``address``), or as the end of a Nordic or German compound
(``leveringsadresse`` ends in ``adresse``). Names are compared lower-cased, split on
underscores, dashes, spaces, camelCase and between letters and digits (``addr_line1``),
with letters folded as a keyboard without them writes them (``fødselsdato``, ``förnamn``,
``straße``), and the abbreviations of database naming conventions written out
(``cust_ph`` is ``customer_phone``, ``fname`` is ``first_name``), so that one listed name
covers its spellings.

A key is not the thing it points at: a name ending in ``id`` or ``key`` (``address_id``,
``city_id``) matches only listed names that are keys themselves (``customer_id``). A name
ending in ``type``, ``status``, ``count`` ... (``addr_type``) says something about the thing,
and matches only a listed name whole (``device_type``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from include.governance.policy import Policy

EXACT, PART, SUFFIX = 0.6, 0.5, 0.45
MIN_SUFFIX = 4  # shorter names (os, ip, ua) must match exactly or as a part
SHORT = 2  # listed names this short (ip, by) match only whole or as the name's last part

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_DIGITS = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_FOLD = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e"}
)
# Abbreviations database schemas use for the words the policy lists, by convention rather
# than by any one schema (``cust``, ``addr``, ``ph``, ``no``/``nr``/``nummer``, ``nm``).
ABBREVIATIONS = {
    "acct": "account",
    "addr": "address",
    "adr": "address",
    "cust": "customer",
    "fname": "first_name",
    "lname": "last_name",
    "mname": "middle_name",
    "nbr": "number",
    "nm": "name",
    "no": "number",
    "nr": "number",
    "num": "number",
    "nummer": "number",
    "ph": "phone",
    "phn": "phone",
    "st": "state",
    "usr": "user",
}
KEY_PARTS = frozenset({"id", "key", "fk", "pk", "uuid", "guid", "ref"})
# Last words that make a name say something about a value rather than be it: the kind of
# an address, a phone's status, how many emails (``addr_type``, ``phone_status``).
ABOUT_PARTS = frozenset({"type", "kind", "status", "count", "flag", "format", "verified"})


@dataclass(frozen=True)
class NameSignal:
    category: str
    strength: float
    how: str  # exact, part or suffix
    matched: str
    needs_values: bool  # a confirm_names match: counts only if the values agree


def normalise(name: str) -> str:
    spaced = _DIGITS.sub("_", _CAMEL.sub("_", name).lower().translate(_FOLD))
    parts = (ABBREVIATIONS.get(p, p) for p in _SPLIT.split(spaced) if p)
    return "_".join(parts)


def is_key_name(normalised: str) -> bool:
    """Named as a key (``address_id``, ``cityKey``), not as the thing it points at."""
    return normalised.rsplit("_", 1)[-1] in KEY_PARTS


def name_signals(column_name: str, policy: Policy) -> list[NameSignal]:
    """Every category the column's name points at, strongest first (one signal each).
    Worked out once per name and policy: a scan asks it of every column several times."""
    return list(_signals(column_name, _listed_names(policy)))


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per policy version
class _ListedNames:
    """Each category's listed names, normalised: (category, raw, normalised, needs values)."""

    names: tuple[tuple[str, str, str, bool], ...]


_LISTED_BY_VERSION: dict[str, _ListedNames] = {}


def _listed_names(policy: Policy) -> _ListedNames:
    listed = _LISTED_BY_VERSION.get(policy.version)
    if listed is None:
        listed = _LISTED_BY_VERSION[policy.version] = _ListedNames(
            tuple(
                (category_id, raw, normalise(raw), needs_values)
                for category_id, category in policy.categories.items()
                for names, needs_values in (
                    (category.detect.column_names, False),
                    (category.detect.confirm_names, True),
                )
                for raw in names
            )
        )
    return listed


@lru_cache(maxsize=100_000)
def _signals(column_name: str, listed: _ListedNames) -> tuple[NameSignal, ...]:
    name = normalise(column_name)
    parts = name.split("_")
    key = is_key_name(name)
    about = len(parts) > 1 and parts[-1] in ABOUT_PARTS
    best: dict[str, NameSignal] = {}
    for category_id, raw, listed_name, needs_values in listed.names:
        if name != listed_name and (about or (key and not is_key_name(listed_name))):
            continue
        signal = _match(name, parts, listed_name)
        if signal is None:
            continue
        strength, how = signal
        candidate = NameSignal(category_id, strength, how, raw, needs_values)
        current = best.get(category_id)
        if current is None or _rank(candidate) > _rank(current):
            best[category_id] = candidate
    return tuple(sorted(best.values(), key=_rank, reverse=True))


def _rank(signal: NameSignal) -> tuple[bool, float]:
    return (not signal.needs_values, signal.strength)


def _match(name: str, parts: list[str], listed: str) -> tuple[float, str] | None:
    if name == listed:
        return EXACT, "exact"
    listed_parts = listed.split("_")
    n = len(listed_parts)
    if len(listed) <= SHORT:
        # "client_ip", "cust_mi"; never "ip_range_start", nor who did it ("created_by")
        last = parts[-1] == listed and not parts[-2].endswith("ed")
        return (PART, "part") if last else None
    if any(parts[i : i + n] == listed_parts for i in range(len(parts) - n + 1)):
        return PART, "part"
    if len(listed) >= MIN_SUFFIX and any(p.endswith(listed) for p in parts):
        return SUFFIX, "suffix"
    return None
