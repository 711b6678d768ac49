"""Values whose meaning a name beside them gives: JSON objects and key/value (EAV) tables.

A JSON object says what it holds by its keys (``{"street": ..., "city": ...}`` is an
address, ``{"colour": ..., "sizes": ...}`` a product's details), and a key/value table by
its key column (``attribute = 'telefono_movil'``, ``value = '+34 612 ...'``). Both are
judged by the column-name signals of those keys (``names.py``), in any language the policy
lists: a column is the category that most of its keys name, when at least half of them
name one; a JSON column whose keys name nothing is no one's (the names inside a product's
description are not found as people). Values of a key/value table are sampled apart from
its keys, so its value column takes the share of key values, not a row-by-row pairing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from include.governance.detect.names import name_signals, normalise
from include.governance.policy import Policy

MIN_SHARE = 0.5  # of the keys (or key values) that must name one category
JSON_READ = 50  # JSON values read: enough to know what its keys name
MIN_JSON_SHARE = 0.8  # of the values that are JSON objects for a column to be judged as JSON
MIN_KEY_VALUES = 5
JSON_EMPTY = frozenset({"", "null", "{}", "[]"})
_ATTRIBUTE_KEY = re.compile(r"(?:^|_)(?:attribute|attr|field|property|prop)(?:_?type)?_?id$")
# Columns named for the value of a key/value pair, in the policy's languages.
VALUE_WORDS = frozenset(
    {"value", "val", "valor", "valeur", "wert", "waarde", "valore", "wartosc", "arvo", "verdi",
     "varde", "vaerdi", "content", "contenido", "contenu", "inhalt", "値"}
)  # fmt: skip


def json_objects(values: Sequence[Any]) -> list[dict[str, Any]] | None:
    """The column's JSON objects, when (nearly) all of its first values are JSON objects
    (JSON's empty values aside: a log's ``null`` where an event had nothing to say)."""
    head = [v for v in values if isinstance(v, str) and v.strip() not in JSON_EMPTY][:JSON_READ]
    if not head or not all(v.lstrip().startswith("{") for v in head):
        return None
    objects = []
    for value in head:
        try:
            parsed = json.loads(value)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            objects.append(parsed)
    return objects if len(objects) >= MIN_JSON_SHARE * len(head) else None


def json_category(objects: list[dict[str, Any]], policy: Policy) -> tuple[str | None, float, str]:
    """The category most keys of the objects name (nested objects' keys too), its share and
    ``keys``; or, among technical keys, one that identifies a person (``username``,
    ``email``) with a value in most objects, the share of objects and ``objects``: an
    event's details name whose they are."""
    keys = [key for obj in objects for key in _keys(obj)]
    by_keys = (*_named_category(keys, policy), "keys")
    by_objects = (*_identifying_key(objects, policy), "objects")
    return max(by_keys, by_objects, key=lambda found: (found[0] is not None, found[1]))


def _identifying_key(objects: list[dict[str, Any]], policy: Policy) -> tuple[str | None, float]:
    named: Counter[str] = Counter()
    for obj in objects:
        found = {
            category
            for key, value in obj.items()
            if isinstance(value, str)
            and value
            and (category := _strong_category(key, policy))
            and policy.categories[category].identifying
        }
        named.update(found)
    if not named:
        return None, 0.0
    category, count = named.most_common(1)[0]
    share = count / len(objects)
    return (category, share) if share >= MIN_SHARE else (None, share)


def _strong_category(key: str, policy: Policy) -> str | None:
    strong = [s for s in name_signals(key, policy) if not s.needs_values]
    return strong[0].category if strong else None


def key_column_category(values: Sequence[Any], policy: Policy) -> tuple[str | None, float]:
    """What a key column's values name: ``email``, ``telefono_movil`` are names of kinds."""
    keys = [v for v in values if isinstance(v, str) and 0 < len(v) <= 64]
    if len(keys) < MIN_KEY_VALUES or len(set(keys)) > len(keys) / 2:
        return None, 0.0  # a key column repeats a few names; distinct values are data
    return _named_category(keys, policy)


def is_value_column(column: str) -> bool:
    """``value``, ``attr_value``, ``valor``: named for the value of a key/value pair."""
    return not VALUE_WORDS.isdisjoint(normalise(column).split("_"))


def is_attribute_key(column: str) -> bool:
    """``attribute_id``, ``fieldid``, ``person_attribute_type_id``: a key to a catalogue of
    attributes, whose rows' values are of the kinds it lists."""
    return _ATTRIBUTE_KEY.search(normalise(column)) is not None


def is_attribute_value(column: str) -> bool:
    """The value of an attribute row: named for a value, or its ``data``."""
    return is_value_column(column) or "data" in normalise(column).split("_")


def _keys(obj: dict[str, Any]) -> list[str]:
    found = []
    for key, value in obj.items():
        found.append(str(key))
        if isinstance(value, dict):
            found.extend(_keys(value))
    return found


def _named_category(keys: list[str], policy: Policy) -> tuple[str | None, float]:
    if not keys:
        return None, 0.0
    named: Counter[str] = Counter()
    signals: dict[str, str | None] = {}
    for key in keys:
        if key not in signals:
            signals[key] = _strong_category(key, policy)
        if signals[key]:
            named[signals[key]] += 1
    if not named:
        return None, 0.0
    category = named.most_common(1)[0][0]
    share = sum(named.values()) / len(keys)
    return (category, share) if share >= MIN_SHARE else (None, share)
