"""Phones and personal numbers as other countries write them, judged by column in its table.

A value alone cannot tell ``0765 484 829`` from a part number, nor ``4502113130`` from an
order number; the column's name and its table can:

* a **phone** written in a national format counts in a column whose name says phone in
  any language (``gsm``, ``telefonas``, ``hp_no``, ``direct_line``); where the name says
  nothing (``domashen``, ``contact_no``), when it is written like a phone column of the
  same table (a second number), or when most of its numbers are valid in the countries the
  table's rows name (``phones``: a country column, its phone columns' country codes). Those
  of the neighbours' plans too: a value alone is a phone only if Norwegian or written with
  its country code. A column named for a code of a thing (``sku``,
  ``part_no``, ``tracking_no``) is no phone by its national numbers, whatever plan
  accepts them; a person's attribute rows (``table_context``) hold phones written anywhere;
* a **personal number** of bare digits counts when nearly all values pass a number whose
  birth date and check digits few other numbers pass, or, beside a name that says it is
  a personal or identity number, when most pass any (``national_ids``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from include.governance.detect.classify import MOSTLY, VALUE_WEIGHT, Finding
from include.governance.detect.masking import mask
from include.governance.detect.names import normalise
from include.governance.detect.national_ids import bare_id_strength
from include.governance.detect.phones import (
    CODE_WORDS,
    MAX_JUDGED,
    country_regions,
    is_written_as_phone,
    layout,
    mostly_valid,
    number_regions,
)
from include.governance.detect.validators import MAX_PHONE_DIGITS, digits_of, is_international
from include.governance.detect.values import is_national_id
from include.governance.policy import Policy
from include.governance.sampling import ColumnSample, TableSample

PHONE, NATIONAL_ID = "phone", "national_id"  # the detectors whose categories these are
CUE = 0.45  # a name that says phone or personal number, its values not yet read
ALIKE_SHARE = 0.5  # of a column's numbers written as a phone column beside it writes them
VALID_SHARE = MOSTLY  # of its numbers valid in the table's countries
STRONG_SHARE, CUED_SHARE = 0.9, 0.5  # of bare numbers passing: unnamed, named
FIRST_READ = 10  # values read first, to leave columns of other kinds after them
# Words of names that say phone (starts of words: ``telefonas``, ``mobitel``, ``gsm``).
PHONE_STARTS = ("tel", "phon", "fax", "mobil", "mobitel", "gsm", "cell", "handy", "puhelin")
PHONE_WORDS = frozenset({"tlf", "tfn", "hp", "sms", "whatsapp", "mob", "cep", "kinito"})
LINES = frozenset({"direct", "land", "hot", "office", "home", "work", "private", "mobile"})
# Words of names that say a personal or identity number (``personal_code``, ``ipn``).
ID_WORDS = frozenset({
    "personal", "ident", "identity", "identification", "pin", "nid", "egn", "oib", "jmbg",
    "emso", "pesel", "asmens", "isikukood", "ipn", "rnokpp", "tckn", "kimlik", "rrn", "jumin",
    "amka", "cnp", "rodne", "citizen", "national",
})  # fmt: skip
# ``id_no``, ``IdNumber`` (normalised ``number_id``), ``id_card``
NUMBER = frozenset({"no", "nr", "num", "number", "code", "card"})


def national_formats(
    sample: TableSample, found: dict[str, Finding | None], policy: Policy
) -> dict[str, Finding | None]:
    """The table's columns whose finding these kinds change: phones found by values alone
    in a column named for a code (none), national numbers and personal numbers found."""
    phone, national_id = _category(policy, PHONE), _category(policy, NATIONAL_ID)
    texts = [c for c in sample.columns if c.kind == "text" and not c.not_sampled and c.values]
    changes: dict[str, Finding | None] = {
        c.name: None
        for c in texts
        if (f := found.get(c.name)) and f.category == phone and _code_named(c, f)
    }
    unfound = [c for c in texts if found.get(c.name) is None and not _names_a_code(c.name)]
    if phone:
        changes |= _phones(texts, unfound, found, phone)
    if national_id:
        changes |= {
            c.name: f for c in unfound if c.name not in changes and (f := _ids(c, national_id))
        }
    return changes


def attribute_phones(column: ColumnSample, policy: Policy) -> Finding | None:
    """A person's attribute rows' value column whose values are mostly phones as written
    anywhere (``customer_entity_varchar.value``: mobile and work numbers): the rows say
    whose they are, the attribute which number."""
    phone = _category(policy, PHONE)
    texts = _read(column.values)
    if phone is None or column.kind != "text" or not texts:
        return None
    if len(_written(column.values)) < MOSTLY * len(texts):
        return None
    return _finding(column, phone, "attribute rows", 0.0)


def _category(policy: Policy, detector: str) -> str | None:
    return next((c for c, cat in policy.categories.items() if detector in cat.detect.values), None)


def _words(column: str) -> list[str]:
    return normalise(column).split("_")


def _names_a_code(column: str) -> bool:
    return not CODE_WORDS.isdisjoint(_words(column))


def _code_named(column: ColumnSample, finding: Finding) -> bool:
    """Found by its values alone, named for a code, and its numbers national: a number
    written with its country code (``+47 920 00 000``) is a phone whatever its column."""
    if "column_name" in finding.evidence or not _names_a_code(column.name):
        return False
    texts = _read(column.values)
    return sum(map(_international, texts)) < len(texts) / 2


def _international(text: str) -> bool:
    """After ``+`` or ``00``, and no longer than a phone number (an SSCC is 20 digits)."""
    return is_international(text) and len(digits_of(text)) <= MAX_PHONE_DIGITS


def says_phone(column: str) -> bool:
    """``gsm``, ``telefonas``, ``hp_no``, ``direct_line``: a phone in the name."""
    words = _words(column)
    if any(w.startswith(PHONE_STARTS) or w in PHONE_WORDS for w in words):
        return True
    return any(b == "line" and a in LINES for a, b in pairwise(words))


def _says_id(column: str) -> bool:
    """``personal_code``, ``asmens_kodas``, ``id_no``: a personal or identity number."""
    words = _words(column)
    return not ID_WORDS.isdisjoint(words) or any(
        {a, b} & NUMBER and "id" in (a, b) for a, b in pairwise(words)
    )


def _phones(
    texts: list[ColumnSample],
    unfound: list[ColumnSample],
    found: dict[str, Finding | None],
    phone: str,
) -> dict[str, Finding]:
    likely = [c for c in unfound if _likely(c.values, is_written_as_phone)]
    written = {c.name: _written(c.values) for c in likely}
    numbers = [c for c in likely if len(written[c.name]) >= MOSTLY * len(_read(c.values))]
    if not numbers:
        return {}
    cued = {c.name: _finding(c, phone, "name", CUE) for c in numbers if says_phone(c.name)}
    named = [
        c for c in texts if c.name in cued or ((f := found.get(c.name)) and f.category == phone)
    ]
    layouts = {layout(v) for c in named for v in set(_written(c.values))}
    changes: dict[str, Finding] = dict(cued)
    regions: tuple[str, ...] | None = None  # read only when a column needs them
    for column in (c for c in numbers if c.name not in cued):
        mine = written[column.name]
        if layouts and sum(layout(v) in layouts for v in mine) >= ALIKE_SHARE * len(mine):
            changes[column.name] = _finding(column, phone, "written like a phone column", 0.0)
            continue
        if regions is None:
            judged = {c.name for c in numbers + named}
            countries = country_regions(c.values for c in texts if c.name not in judged)
            regions = tuple(dict.fromkeys([*countries, *number_regions(c.values for c in named)]))
        if regions and mostly_valid(mine, regions, VALID_SHARE):
            changes[column.name] = _finding(column, phone, f"valid in {'/'.join(regions)}", 0.0)
    return changes


def _read(values: Sequence[object]) -> list[str]:
    """The texts judged: the first ``MAX_JUDGED``, repeats counted as the sample has them."""
    return [v.strip() for v in values[:MAX_JUDGED] if isinstance(v, str)]


def _likely(values: Sequence[object], test: Callable[[str], object]) -> bool:
    """Do at least half of the first few texts pass? Most columns are read no further."""
    first = _read(values[:FIRST_READ])
    return bool(first) and sum(bool(test(v)) for v in first) >= len(first) / 2


def _written(values: Sequence[object]) -> list[str]:
    return [v for v in _read(values) if is_written_as_phone(v)]


def _finding(column: ColumnSample, category: str, how: str, cue: float) -> Finding:
    return _found(column, category, how=how, cue=cue, passing=_written(column.values))


def _found(
    column: ColumnSample, category: str, *, how: str, cue: float, passing: list[str]
) -> Finding:
    """A finding from ``passing`` of the column's distinct values, and a name's ``cue``."""
    checked = len(_read(column.values))
    rate = len(passing) / checked
    evidence = {
        "sampled": len(column.values),
        "national_format": how,
        "values": {"detector": category, "match_rate": round(rate, 3), "checked": checked},
        "examples": [mask(v) for v in passing[:3]],
    }
    if cue:
        evidence["column_name"] = {"how": "cue", "matched": column.name}
    confidence = 1 - (1 - cue) * (1 - VALUE_WEIGHT * rate)
    return Finding(category, round(confidence, 3), evidence)


def _ids(column: ColumnSample, category: str) -> Finding | None:
    texts = _read(column.values)
    if not texts or not _likely(texts, bare_id_strength):
        return None
    strengths = [bare_id_strength(v) for v in texts]
    strong = [v for v, s in zip(texts, strengths, strict=True) if s == "strong"]
    if len(strong) >= STRONG_SHARE * len(texts):
        return _found(column, category, how="bare", cue=0.0, passing=strong)
    if not _says_id(column.name):
        return None
    passing = [v for v, s in zip(texts, strengths, strict=True) if s or is_national_id(v)]
    if len(passing) < CUED_SHARE * len(texts):
        return None
    return _found(column, category, how="bare, named", cue=CUE, passing=passing)
