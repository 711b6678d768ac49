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
EMPTY = frozenset({"", "null", "{}", "[]", "N;", "a:0:{}"})  # JSON's and PHP's empty values
_PHP_ARRAY = re.compile(r"\s*(?:a:\d+:\{|O:\d+:\")")
_ATTRIBUTE_KEY = re.compile(r"(?:^|_)(?:attribute|attr|field|property|prop)(?:_?type)?_?id$")
# Columns named for the value of a key/value pair, in the policy's languages.
VALUE_WORDS = frozenset(
    {"value", "val", "valor", "valeur", "wert", "waarde", "valore", "wartosc", "arvo", "verdi",
     "varde", "vaerdi", "content", "contenido", "contenu", "inhalt", "値"}
)  # fmt: skip


def json_objects(values: Sequence[Any]) -> list[dict[str, Any]] | None:
    """The column's objects, JSON or PHP-serialised arrays (``a:2:{s:4:"city";...}``,
    WordPress', Moodle's, Mautic's), when (nearly) all of its first values are such objects
    (empty values aside: a log's ``null`` where an event had nothing to say)."""
    head = [v for v in values if isinstance(v, str) and v.strip() not in EMPTY][:JSON_READ]
    if not head or not all(v.lstrip().startswith("{") or _PHP_ARRAY.match(v) for v in head):
        return None
    objects = []
    for value in head:
        try:
            parsed = json.loads(value) if value.lstrip().startswith("{") else php_loads(value)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            objects.append(parsed)
    return objects if len(objects) >= MIN_JSON_SHARE * len(head) else None


def php_loads(text: str) -> Any:
    """A value PHP's ``serialize()`` wrote: strings, numbers, booleans, null, arrays and
    objects (as dicts). Strings' lengths are in bytes, so the text is read as UTF-8 bytes."""
    data = text.encode()
    value, end = _php_value(data, 0)
    if end != len(data):
        raise ValueError("trailing data after a serialised value")
    return value


def _php_value(data: bytes, at: int) -> tuple[Any, int]:
    try:
        kind = data[at : at + 1]
        if kind == b"N":
            return None, _expect(data, at + 1, b";")
        if kind in (b"b", b"i", b"d"):
            end = data.index(b";", at)
            raw = data[at + 2 : end].decode()
            return (
                raw == "1" if kind == b"b" else int(raw) if kind == b"i" else float(raw)
            ), end + 1
        if kind == b"s":
            colon = data.index(b":", at + 2)
            start = _expect(data, colon + 1, b'"')
            end = start + int(data[at + 2 : colon])
            return data[start:end].decode(errors="replace"), _expect(
                data, _expect(data, end, b'"'), b";"
            )
        if kind in (b"a", b"O"):
            return _php_array(data, at)
    except (IndexError, ValueError) as error:
        raise ValueError("not a serialised value") from error
    raise ValueError("not a serialised value")


def _php_array(data: bytes, at: int) -> tuple[dict[Any, Any], int]:
    """``a:<n>:{key value ...}``, or an object: ``O:<len>:"<class>":<n>:{...}``."""
    before_count = at + 1
    if data[at : at + 1] == b"O":
        colon = data.index(b":", at + 2)
        start = _expect(data, colon + 1, b'"')
        before_count = _expect(data, start + int(data[at + 2 : colon]), b'"')
    colon = data.index(b":", before_count + 1)
    count = int(data[_expect(data, before_count, b":") : colon])
    at = _expect(data, colon + 1, b"{")
    items: dict[Any, Any] = {}
    for _ in range(count):
        key, at = _php_value(data, at)
        items[key], at = _php_value(data, at)
    return items, _expect(data, at, b"}")


def _expect(data: bytes, at: int, what: bytes) -> int:
    if data[at : at + len(what)] != what:
        raise ValueError("not a serialised value")
    return at + len(what)


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
            for key, value in _pairs(obj)
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


def _pairs(obj: dict[Any, Any]) -> list[tuple[str, Any]]:
    """Every key and its value, nested objects' too (``twitter.profile.username``)."""
    pairs = []
    for key, value in obj.items():
        pairs.append((str(key), value))
        if isinstance(value, dict):
            pairs.extend(_pairs(value))
    return pairs


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
