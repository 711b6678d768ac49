"""Decide whether a sampled column holds personal data: which category, how sure, and why.

Three kinds of evidence are combined per category of the policy:

* the column's name (``names.py``), 0.45 to 0.6 on its own;
* the share of sampled values that a category's validators accept (a valid email, phone,
  fødselsnummer, ...), discounted when few values were sampled. Some validators accept
  values that are common outside personal data (any recent date passes as a birth date,
  any four digits as a postcode, ``M`` as a gender, ``II`` as a name's suffix): they count
  only beside a name signal;
* personal data inside longer text (emails, phones, ID numbers, names in notes or CVs,
  an email in a URL's query string).

Name and values are combined as independent signals (``1 - (1-a)(1-b)``). A name that
needs its values confirmed (``name`` on a products table) counts only when they do. A
column is reported at :data:`REPORT_AT` or above.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from include.governance.detect.binary import decoded_texts
from include.governance.detect.masking import mask
from include.governance.detect.names import NameSignal, is_key_name, name_signals, normalise
from include.governance.detect.structured import json_category, json_objects
from include.governance.detect.text import find_personal_data
from include.governance.detect.values import DETECTORS
from include.governance.policy import Policy, Sensitivity
from include.governance.sampling import ColumnSample

T = TypeVar("T")
REPORT_AT = 0.5
CONFIRMING_RATE = 0.3  # share of values that confirms a name which needs confirmation
FULL_EVIDENCE_AT = 20  # values sampled before a match rate counts in full
EARLY_STOP_AFTER = 100  # values checked without a single match: the detector does not fit
SETTLED_AFTER, SETTLED_WITHIN = 200, 0.05  # stop checking once the share is this sure
_FIRST_STOP = min(EARLY_STOP_AFTER, SETTLED_AFTER)  # before it, neither rule is asked
_UNJUDGED = object()
FREE_TEXT_PLENTY = 20  # finds in text before reading stops early
VALUE_WEIGHT = 0.95
NEEDS_NAME = frozenset({"date_of_birth", "postcode", "gender", "name_suffix"})
MIN_FREE_TEXT_LENGTH = 20
FREE_TEXT_MIN_HITS, FREE_TEXT_MIN_SHARE = 3, 0.005  # a few validated finds are enough
MAX_EXAMPLES = 3
_TOKEN = re.compile(r"[\w-]+")  # one identifier-like token (a UUID, a hash) is not text
# What a column's values are written as can overrule what its name says: a moment is no
# login nor address (``LastLoginDate``); lower-case words are an application's codes, no
# address or customer number (an order's ``state``: ``pending``; an OAuth ``client_id``:
# ``admin-cli``); titles with numbers name no person (a course's ``fullname``); ISO codes
# in a column named as a key are the thing, not a key to it (``country_id``: ``US``).
MOMENT_KINDS = frozenset({"date", "datetime"})
WRITTEN_CATEGORIES = frozenset(
    {"name", "email", "phone", "username", "postal_address", "ip_address", "customer_id"}
)
NEVER_LOWER_WORDS = frozenset({"name", "postal_address", "customer_id"})
_LOWER_WORDS = re.compile(r"[a-z]+(?:[-_][a-z]+)*")
# Surnames' particles, lower-case by nature (a ``tussenvoegsel``, a ``family_name_prefix``)
NAME_PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "te", "ten", "ter", "von", "zu", "vom", "zum", "zur",
    "da", "das", "do", "dos", "di", "del", "della", "dei", "du", "des", "la", "le", "lo", "af",
    "al", "el", "bin", "ibn", "van de", "van der", "van den", "de la", "de los", "von der",
})  # fmt: skip
_ISO_CODE = re.compile(r"[A-Z]{2,3}")
_DIGIT = re.compile(r"\d")
MOSTLY, DIGITS_SHARE = 0.8, 0.5
# A person's attribute rows: as sure as a name's part, and a tenth of values validated
ATTRIBUTE_ROWS, ATTRIBUTE_MIN_RATE = 0.5, 0.1

# Which detectors can accept a value of each column kind.
_TEXT_DETECTORS = frozenset(DETECTORS) - {"free_text"}
_DETECTORS_FOR_KIND = {
    "text": _TEXT_DETECTORS,
    "other": _TEXT_DETECTORS,
    "integer": frozenset({"national_id", "payment_card"}),
    "date": frozenset({"date_of_birth"}),
    "datetime": frozenset({"date_of_birth"}),
}
_SENSITIVITY_ORDER = [Sensitivity.LOW, Sensitivity.NORMAL, Sensitivity.HIGH, Sensitivity.SPECIAL]


@dataclass(frozen=True)
class Finding:
    category: str
    confidence: float
    evidence: dict[str, Any] = field(compare=False)


@dataclass(frozen=True)
class _ValueEvidence:
    detector: str
    rate: float
    checked: int
    examples: list[str]


def classify_column(
    sample: ColumnSample, policy: Policy, *, regions: Sequence[str] = ()
) -> Finding | None:
    """The column's most likely personal-data category, or None when it shows none; free
    text's phones read in the national formats of ``regions`` too (its table's countries).

    Yes/no columns are never reported: ``email_verified`` says nothing of the address."""
    if sample.kind == "boolean":
        return None
    if sample.kind == "binary":
        return _classify_binary(sample, policy)
    values = sample.values if sample.kind != "other" else [str(v) for v in sample.values]
    values = [v for v in values if not (isinstance(v, str) and not v.strip())]  # blank: none
    applicable = _DETECTORS_FOR_KIND.get(sample.kind, frozenset())
    names = {s.category: s for s in _name_signals(sample, values, policy)}
    checked: dict[str, _ValueEvidence] = {}
    candidates: list[Finding] = []
    for category_id, category in policy.categories.items():
        detectors = [d for d in category.detect.values if d in applicable]
        for detector in detectors:
            if detector not in checked:
                checked[detector] = _check(detector, values)
        best = max((checked[d] for d in detectors), key=lambda e: e.rate, default=None)
        finding = _combine(category_id, names.get(category_id), best, len(values))
        if finding:
            candidates.append(finding)
    texts = sample.kind in {"text", "other"}
    objects = json_objects(sample.values) if texts else None
    if objects is not None:  # JSON says what it holds by its keys, not by words inside
        finding = _json_finding(objects, policy, len(values))
    else:
        free_text = _free_text(values, regions) if texts else None
        finding = free_text and _free_text_finding(free_text, names, policy, len(values))
    if finding:
        candidates.append(finding)
    best_finding = max(candidates, key=lambda f: f.confidence, default=None)
    if best_finding and best_finding.category == "name" and "name" not in names:
        best_finding = _named_for_a_place(candidates, names) or best_finding
    if best_finding is None or best_finding.confidence < REPORT_AT:
        return None
    return _with_values_of_its_category(best_finding, candidates)


def _named_for_a_place(candidates: list[Finding], names: dict[str, NameSignal]) -> Finding | None:
    """Values that read as names in a column named for an address (``ADD2``: ``King
    Walk``, ``Francesca Isle``): streets and places are named after people."""
    signal = names.get("postal_address")
    if signal is None or signal.needs_values:
        return None
    return next((f for f in candidates if f.category == "postal_address"), None)


def _name_signals(sample: ColumnSample, values: list[Any], policy: Policy) -> list[NameSignal]:
    """The name's signals, less those its values' form contradicts."""
    texts = [v for v in set(values) if isinstance(v, str)] if sample.kind == "text" else []
    name = sample.name
    if texts and is_key_name(key := normalise(name)) and _share(texts, _ISO_CODE) >= MOSTLY:
        name = key.rsplit("_", 1)[0]
    signals = name_signals(name, policy)
    if sample.kind in MOMENT_KINDS:
        return [s for s in signals if s.category not in WRITTEN_CATEGORIES]
    categories = {s.category for s in signals}
    if (
        texts
        and categories & NEVER_LOWER_WORDS
        and _share(texts, _LOWER_WORDS) >= MOSTLY
        and not NAME_PARTICLES.issuperset(texts)
    ):
        signals = [s for s in signals if s.category not in NEVER_LOWER_WORDS]
    if (
        texts
        and "name" in categories
        and sum(bool(_DIGIT.search(t)) for t in texts) >= DIGITS_SHARE * len(texts)
    ):
        signals = [s for s in signals if s.category != "name"]
    return signals


def _share(texts: list[str], form: re.Pattern[str]) -> float:
    return sum(bool(form.fullmatch(t)) for t in texts) / len(texts)


def attribute_finding(sample: ColumnSample, policy: Policy) -> Finding | None:
    """A person's attribute rows' value column (``customer_entity_varchar.value``,
    ``mdl_user_info_data.data``): the rows say it is someone's, so a kind validated in a
    few of its values (its other rows other attributes) is what it holds."""
    applicable = _DETECTORS_FOR_KIND.get(sample.kind, frozenset()) - NEEDS_NAME
    best: tuple[float, str, _ValueEvidence] | None = None
    for category_id, category in policy.categories.items():
        for detector in (d for d in category.detect.values if d in applicable):
            evidence = _check(detector, sample.values)
            if evidence.rate >= ATTRIBUTE_MIN_RATE and (best is None or evidence.rate > best[0]):
                best = (evidence.rate, category_id, evidence)
    if best is None:
        return None
    rate, category_id, evidence = best
    confidence = 1 - (1 - ATTRIBUTE_ROWS) * (1 - VALUE_WEIGHT * rate)
    return Finding(
        category_id,
        round(confidence, 3),
        {
            "sampled": len(sample.values),
            "attribute_rows": True,
            "values": {
                "detector": evidence.detector,
                "match_rate": round(rate, 3),
                "checked": evidence.checked,
            },
            "examples": evidence.examples,
        },
    )


def _with_values_of_its_category(best: Finding, candidates: list[Finding]) -> Finding:
    """Free text chosen over its own category's values (full names, a few long enough to
    read as text) keeps what the values showed: the table judges a column by both."""
    if "values" in best.evidence:
        return best
    for other in candidates:
        if other is not best and other.category == best.category and "values" in other.evidence:
            shown = {k: other.evidence[k] for k in ("values", "examples")}
            return replace(best, evidence={**best.evidence, **shown})
    return best


def _classify_binary(sample: ColumnSample, policy: Policy) -> Finding | None:
    """A binary column holding text is judged on its text; real binary on its name."""
    texts, encoding = decoded_texts(sample.values)
    finding = classify_column(
        replace(sample, kind="text" if texts else "other", values=texts), policy
    )
    if finding is None or encoding is None:
        return finding
    return replace(finding, evidence={**finding.evidence, "decoded": encoding})


def _combine(
    category: str, name: NameSignal | None, values: _ValueEvidence | None, sampled: int
) -> Finding | None:
    rate = values.rate if values else 0.0
    value_score = rate * min(1.0, sampled / FULL_EVIDENCE_AT)
    if values and values.detector in NEEDS_NAME and name is None:
        value_score = 0.0
    name_score = name.strength if name else 0.0
    if name and name.needs_values and rate < CONFIRMING_RATE:
        name_score = 0.0
    confidence = 1 - (1 - name_score) * (1 - VALUE_WEIGHT * value_score)
    if confidence <= 0:
        return None
    evidence: dict[str, Any] = {"sampled": sampled}
    if name_score:
        evidence["column_name"] = {"how": name.how, "matched": name.matched}
    if value_score:
        evidence["values"] = {
            "detector": values.detector,
            "match_rate": round(values.rate, 3),
            "checked": values.checked,
        }
        evidence["examples"] = values.examples
    return Finding(category, round(confidence, 3), evidence)


def _check(detector: str, values: list[Any]) -> _ValueEvidence:
    """Share of values the detector accepts, checking only as many values as it takes to
    know it: none match in the first 100, or the share is known to within 5 points."""
    accepts = _per_distinct_value(DETECTORS[detector])
    matched, examples = 0, []
    for checked, value in enumerate(values, start=1):
        if accepts(value):
            matched += 1
            if len(examples) < MAX_EXAMPLES:
                examples.append(mask(value))
        if checked >= _FIRST_STOP and (
            (matched == 0 and checked >= EARLY_STOP_AFTER) or _settled(matched, checked)
        ):
            break
    else:
        checked = len(values)
    return _ValueEvidence(detector, matched / checked if checked else 0.0, checked, examples)


def _per_distinct_value(judge: Callable[[Any], T]) -> Callable[[Any], T]:
    """``judge`` asked once per distinct value of a column (a status, a templated note
    repeats): a value is judged as it was the first time, so the counts are the same."""
    judged: dict[tuple[type, Any], T] = {}

    def once(value: Any) -> T:
        key = (type(value), value)  # 1 and 1.0 are equal, and judged apart
        try:
            result = judged.get(key, _UNJUDGED)  # most values are new: no KeyError raised
        except TypeError:  # unhashable
            return judge(value)
        if result is _UNJUDGED:
            result = judged[key] = judge(value)
        return result

    return once


def _settled(matched: int, checked: int) -> bool:
    """Is a share of ``matched / checked`` known to within ``SETTLED_WITHIN`` (95%)?"""
    if checked < SETTLED_AFTER:
        return False
    share = matched / checked
    return 1.96 * math.sqrt(share * (1 - share) / checked) <= SETTLED_WITHIN


def is_long_text(value: object) -> bool:
    """A text long enough to hold personal data among other words, and no single token."""
    return (
        isinstance(value, str)
        and len(value) >= MIN_FREE_TEXT_LENGTH
        and not _TOKEN.fullmatch(value)
    )


def _free_text(values: list[Any], regions: Sequence[str]) -> dict[str, Any] | None:
    """Which kinds of personal data appear inside longer text values, and how often.
    Rare finds count, so the texts are read to the end unless finds are plentiful."""
    texts = [v for v in values if is_long_text(v)]
    if not texts:
        return None
    kinds: Counter[str] = Counter()
    hits = 0
    kinds_in = _per_distinct_value(
        lambda text: {span.kind for span in find_personal_data(text, regions=regions)}
    )
    for read, value in enumerate(texts, start=1):
        found = kinds_in(value)
        hits += bool(found)
        kinds.update(found)
        if hits >= FREE_TEXT_PLENTY and _settled(hits, read):
            break
    share = hits / read * len(texts) / len(values)
    if hits < FREE_TEXT_MIN_HITS or share < FREE_TEXT_MIN_SHARE:
        return None
    return {
        "share": round(share, 3),
        "texts": len(texts),
        "read": read,
        "kinds": dict(kinds.most_common()),
        **({"phone_regions": list(regions)} if regions and "phone" in kinds else {}),
    }


def _free_text_finding(
    free_text: dict[str, Any], names: dict[str, NameSignal], policy: Policy, sampled: int
) -> Finding | None:
    """Free text takes the category its column name gives it (``cv_tekst``: applications;
    ``notes``, which needs its values to confirm it, is confirmed by what is found in it,
    where that is its category's kind);
    with no such name, the most sensitive kind of data found inside it."""
    confirmed = [s for s in names.values() if not s.needs_values] or [
        s for s in names.values() if _text_confirms(s.category, free_text["kinds"], policy)
    ]
    text_score = min(1.0, 0.6 + 1.5 * free_text["share"])
    if confirmed:
        name = max(confirmed, key=lambda s: s.strength)
        category = name.category
        confidence = 1 - (1 - name.strength) * (1 - VALUE_WEIGHT * text_score)
    else:
        category = _most_sensitive(free_text["kinds"], policy)
        if category is None:
            return None
        confidence = VALUE_WEIGHT * text_score
    evidence = {"sampled": sampled, "free_text": free_text}
    if confirmed:
        evidence["column_name"] = {"how": name.how, "matched": name.matched}
    return Finding(category, round(confidence, 3), evidence)


def _text_confirms(category: str, kinds: dict[str, int], policy: Policy) -> bool:
    """A name needing its values (``notes``, ``nom``) takes text its category can be: notes
    (no detector of values) any, a name's the names found in it; ``title`` never a gender."""
    detectors = policy.categories[category].detect.values
    return not detectors or any(d in kinds for d in detectors)


def _json_finding(objects: list[dict[str, Any]], policy: Policy, sampled: int) -> Finding | None:
    category, share, of = json_category(objects, policy)
    if category is None:
        return None
    found = {"share": round(share, 3), "read": len(objects)} | ({"of": of} if of != "keys" else {})
    evidence = {"sampled": sampled, "json_keys": found}
    return Finding(category, round(VALUE_WEIGHT * share, 3), evidence)


def _most_sensitive(kinds: dict[str, int], policy: Policy) -> str | None:
    """The category of the most sensitive kind found; the most frequent one among equals.
    None when the policy lists no detector for any kind found."""
    by_detector = {
        detector: category_id
        for category_id, category in policy.categories.items()
        for detector in category.detect.values
    }
    ranked = [
        (_SENSITIVITY_ORDER.index(policy.categories[by_detector[kind]].sensitivity), count, kind)
        for kind, count in kinds.items()
        if kind in by_detector
    ]
    return by_detector[max(ranked)[2]] if ranked else None
