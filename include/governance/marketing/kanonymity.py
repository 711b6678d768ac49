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
from dataclasses import dataclass

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


# For each label, in order: the levels above the finest, each a map from the finest labels.
# The top level is always ``any``; a finest label a map lacks becomes ``other``.
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


def levels_of(dimension: str) -> int:
    """How many levels a label has: the finest, those of its hierarchy, and ``any``."""
    return len(HIERARCHIES[dimension]) + 2


def label_at(dimension: str, level: int, finest: str) -> str:
    if level == 0:
        return finest
    if level == levels_of(dimension) - 1:
        return ANY
    return HIERARCHIES[dimension][level - 1].get(finest, "other")


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


def choose(histogram: pd.DataFrame, k: int, max_suppressed: int) -> Generalisation | None:
    """The generalisation to publish, from a histogram of the finest label combinations
    (the six labels and ``people``); None when none keeps within the budget."""
    labels = {
        (d, level): histogram[d].map(lambda v, d=d, level=level: label_at(d, level, v))
        for d in DIMENSIONS
        for level in range(levels_of(d))
    }
    nodes = itertools.product(*(range(levels_of(d)) for d in DIMENSIONS))
    by_height = itertools.groupby(sorted(nodes, key=lambda n: (sum(n), n)), key=sum)
    for _, same_height in by_height:
        best = None
        for node in same_height:
            grouped = _group(histogram, labels, node)
            suppressed = int(grouped.loc[grouped["members"] < k, "members"].sum())
            if suppressed <= max_suppressed and (best is None or suppressed < best[1]):
                best = (node, suppressed, grouped)
        if best:
            node, suppressed, grouped = best
            kept = grouped[grouped["members"] >= k].reset_index(drop=True)
            mapping = _finest(histogram, labels, node).merge(kept[list(DIMENSIONS)])
            return Generalisation(
                dict(zip(DIMENSIONS, node, strict=True)), suppressed, kept, mapping
            )
    return None


def _finest(histogram: pd.DataFrame, labels: dict, node: tuple[int, ...]) -> pd.DataFrame:
    """Each finest combination with its labels at ``node`` (columns ``<label>_fine``)."""
    frame = pd.DataFrame({d: labels[(d, level)] for d, level in zip(DIMENSIONS, node, strict=True)})
    for d in DIMENSIONS:
        frame[f"{d}_fine"] = histogram[d]
    return frame


def _group(histogram: pd.DataFrame, labels: dict, node: tuple[int, ...]) -> pd.DataFrame:
    frame = pd.DataFrame({d: labels[(d, level)] for d, level in zip(DIMENSIONS, node, strict=True)})
    frame["members"] = histogram["people"]
    return frame.groupby(list(DIMENSIONS), as_index=False, sort=True)["members"].sum()


def segment_id(labels: tuple[str, ...]) -> str:
    """Stable across runs for the same labels and hierarchies."""
    text = "|".join((HIERARCHY_VERSION, *labels))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
