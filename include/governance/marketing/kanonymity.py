"""k-anonymity over fixed, versioned hierarchies: generalise the least, suppress within budget.

Every person of a segment shares its six labels (age band, gender, region, and the
recency, frequency and monetary bands of their orders), so a segment smaller than k would
let someone single a person out. Each label has a fixed hierarchy of levels, finest first
(a county, its part of the country, ``any``); the labels of every level are defined here,
and :data:`HIERARCHY_VERSION` is a hash of them, so a segment means the same from run to
run and a change of hierarchy shows as a new version.

The search is full-domain generalisation (one level per label for all people, as in
Samarati's and LeFevre's Incognito lattice): among the level combinations of the least
total height whose small groups hold no more people than the suppression budget, the one
that suppresses fewest wins; ties go to the combination that keeps the earlier labels
finer. People left in groups smaller than k are suppressed. The lattice is searched on the
histogram of finest-level label combinations, never on people, so it costs the same for a
thousand customers as for a million.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from include.governance.anonymise.reference import (
    AGE_BAND_YEARS,
    COUNTY_RANGES,
    OLDEST_AGE_BAND,
    PART_OF_COUNTRY,
)

ANY, UNKNOWN, NO_ORDERS = "any", "unknown", "no orders"

# Behaviour bands: (upper bound, exclusive; None for the last band, label).
RECENCY_BANDS = ((31, "0-30 days"), (91, "31-90 days"), (366, "91-365 days"), (None, "over 365"))
FREQUENCY_BANDS = ((2, "1"), (4, "2-3"), (None, "4+"))
MONETARY_BANDS = (
    (1000, "under 1000"),
    (5000, "1000-4999"),
    (20000, "5000-19999"),
    (None, "20000+"),
)
NO_ORDERS_LABELS = {"recency": NO_ORDERS, "frequency": "0", "monetary": "0"}


def _age_bands() -> dict[str, str]:
    """Ten-year bands (level 0) to 20-year bands below 80 and ``80+`` (level 1)."""
    wide = {}
    for low in range(0, OLDEST_AGE_BAND, AGE_BAND_YEARS):
        fine = f"{low}-{low + AGE_BAND_YEARS - 1}"
        wide[fine] = "80+" if low >= 80 else f"{low // 20 * 20}-{low // 20 * 20 + 19}"
    return {**wide, f"{OLDEST_AGE_BAND}+": "80+", UNKNOWN: UNKNOWN}


# The levels above the finest, each a map from the finest labels; the top level is always
# ``any``, and a finest label a map lacks becomes ``other``. None: the finest level alone
# (a number or a time of an output, which has no label to generalise to).
Hierarchy = Sequence[Mapping[str, str]] | None
# For each segment label, in order, its hierarchy.
HIERARCHIES: dict[str, list[dict[str, str]]] = {
    "age_band": [_age_bands()],
    "gender": [],
    "region": [{**{c: PART_OF_COUNTRY[c] for _, _, c in COUNTY_RANGES}, UNKNOWN: UNKNOWN}],
    "recency": [
        {
            "0-30 days": "0-90 days",
            "31-90 days": "0-90 days",
            "91-365 days": "over 90 days",
            "over 365": "over 90 days",
            NO_ORDERS: NO_ORDERS,
        }
    ],
    "frequency": [{"0": "0", "1": "1+", "2-3": "1+", "4+": "1+"}],
    "monetary": [
        {
            "0": "0",
            "under 1000": "under 5000",
            "1000-4999": "under 5000",
            "5000-19999": "5000+",
            "20000+": "5000+",
        }
    ],
}
DIMENSIONS = tuple(HIERARCHIES)
HIERARCHY_VERSION = (
    "h-"
    + hashlib.sha256(
        json.dumps(
            [HIERARCHIES, RECENCY_BANDS, FREQUENCY_BANDS, MONETARY_BANDS, AGE_BAND_YEARS],
            sort_keys=True,
        ).encode()
    ).hexdigest()[:10]
)


def levels_of(dimension: str, hierarchies: Mapping[str, Hierarchy] = HIERARCHIES) -> int:
    """How many levels a label has: the finest, those of its hierarchy, and ``any``."""
    levels = hierarchies[dimension]
    return 1 if levels is None else len(levels) + 2


def label_at(
    dimension: str, level: int, finest: Any, hierarchies: Mapping[str, Hierarchy] = HIERARCHIES
) -> Any:
    """The label of ``finest`` at ``level``; a missing value stays missing below ``any``."""
    if level == 0:
        return finest
    if level == levels_of(dimension, hierarchies) - 1:
        return ANY
    if pd.isna(finest):
        return finest
    return hierarchies[dimension][level - 1].get(finest, "other")


def behaviour_label(value: float | None, bands: tuple, none_label: str) -> str:
    """The band of a recency (days), frequency or amount; ``none_label`` without orders."""
    if value is None:
        return none_label
    return next(label for upper, label in bands if upper is None or value < upper)


@dataclass(frozen=True)
class Generalisation:
    levels: dict[str, int]
    suppressed: int
    segments: pd.DataFrame  # the kept groups: the six labels and "members"
    mapping: pd.DataFrame  # finest label combinations kept, with their segment's labels


def choose(
    histogram: pd.DataFrame,
    k: int,
    max_suppressed: int,
    hierarchies: Mapping[str, Hierarchy] = HIERARCHIES,
) -> Generalisation | None:
    """The generalisation to publish, from a histogram of the finest label combinations
    (a column per dimension of ``hierarchies`` and ``people``: the rows that have them);
    None when none keeps within the budget."""
    dimensions = tuple(hierarchies)
    labels = {
        (d, level): histogram[d].map(lambda v, d=d, level=level: label_at(d, level, v, hierarchies))
        for d in dimensions
        for level in range(levels_of(d, hierarchies))
    }
    nodes = itertools.product(*(range(levels_of(d, hierarchies)) for d in dimensions))
    by_height = itertools.groupby(sorted(nodes, key=lambda n: (sum(n), n)), key=sum)
    for _, same_height in by_height:
        best = None
        for node in same_height:
            grouped = _group(histogram, labels, node, dimensions)
            suppressed = int(grouped.loc[grouped["members"] < k, "members"].sum())
            if suppressed <= max_suppressed and (best is None or suppressed < best[1]):
                best = (node, suppressed, grouped)
        if best:
            node, suppressed, grouped = best
            kept = grouped[grouped["members"] >= k].reset_index(drop=True)
            finest = _finest(histogram, labels, node, dimensions)
            mapping = finest.merge(kept[list(dimensions)])
            return Generalisation(
                dict(zip(dimensions, node, strict=True)), suppressed, kept, mapping
            )
    return None


def _finest(
    histogram: pd.DataFrame, labels: dict, node: tuple[int, ...], dimensions: tuple[str, ...]
) -> pd.DataFrame:
    """Each finest combination with its labels at ``node`` (columns ``<label>_fine``)."""
    frame = pd.DataFrame({d: labels[(d, level)] for d, level in zip(dimensions, node, strict=True)})
    for d in dimensions:
        frame[f"{d}_fine"] = histogram[d]
    return frame


def _group(
    histogram: pd.DataFrame, labels: dict, node: tuple[int, ...], dimensions: tuple[str, ...]
) -> pd.DataFrame:
    """The groups at ``node`` and their sizes (``members``); a missing value is a value."""
    frame = pd.DataFrame({d: labels[(d, level)] for d, level in zip(dimensions, node, strict=True)})
    frame["members"] = histogram["people"]
    grouped = frame.groupby(list(dimensions), as_index=False, sort=True, dropna=False)
    return grouped["members"].sum()


def segment_id(labels: tuple[str, ...]) -> str:
    """Stable across runs for the same labels and hierarchies."""
    text = "|".join((HIERARCHY_VERSION, *labels))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
