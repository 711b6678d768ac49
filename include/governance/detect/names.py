"""Column-name signals: which categories a column's name points at, and how strongly.

A name matches a category's listed name exactly (``email``), through one of its parts
(``delivery_address`` has ``address``), or as the end of a Norwegian compound
(``leveringsadresse`` ends in ``adresse``). Names are compared lower-cased, split on
underscores, dashes, spaces and camelCase, with æ/ø/å folded so ``fødselsdato`` and
``fodselsdato`` are one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from include.governance.policy import Policy

EXACT, PART, SUFFIX = 0.6, 0.5, 0.45
MIN_SUFFIX = 4  # shorter names (os, ip, ua) must match exactly or as a part

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


@dataclass(frozen=True)
class NameSignal:
    category: str
    strength: float
    how: str  # exact, part or suffix
    matched: str
    needs_values: bool  # a confirm_names match: counts only if the values agree


def normalise(name: str) -> str:
    spaced = _CAMEL.sub("_", name).lower().translate(_FOLD)
    return "_".join(p for p in _SPLIT.split(spaced) if p)


def name_signals(column_name: str, policy: Policy) -> list[NameSignal]:
    """Every category the column's name points at, strongest first (one signal each)."""
    name = normalise(column_name)
    parts = name.split("_")
    best: dict[str, NameSignal] = {}
    for category_id, category in policy.categories.items():
        listed = [(n, False) for n in category.detect.column_names]
        listed += [(n, True) for n in category.detect.confirm_names]
        for raw, needs_values in listed:
            signal = _match(name, parts, normalise(raw))
            if signal is None:
                continue
            strength, how = signal
            candidate = NameSignal(category_id, strength, how, raw, needs_values)
            current = best.get(category_id)
            if current is None or _rank(candidate) > _rank(current):
                best[category_id] = candidate
    return sorted(best.values(), key=_rank, reverse=True)


def _rank(signal: NameSignal) -> tuple[bool, float]:
    return (not signal.needs_values, signal.strength)


def _match(name: str, parts: list[str], listed: str) -> tuple[float, str] | None:
    if name == listed:
        return EXACT, "exact"
    listed_parts = listed.split("_")
    n = len(listed_parts)
    if any(parts[i : i + n] == listed_parts for i in range(len(parts) - n + 1)):
        return PART, "part"
    if len(listed) >= MIN_SUFFIX and any(p.endswith(listed) for p in parts):
        return SUFFIX, "suffix"
    return None
