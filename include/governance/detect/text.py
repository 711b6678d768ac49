"""Personal data inside free text (customer-service notes, CVs), and text with it redacted.

The same validators as the whole-value detectors judge every candidate, so a phone number
in a note is found exactly when the same number in a phone column would be. Numbers are
read as runs of digit groups ("+47 912 34 567", "010190 12345", "4571 1012 3456 7890",
"(0212) 345 67 89"); each run is split into the longest groups that validate, so two
numbers written side by side are both found and no digits of either are left behind when
the text is redacted. Where the text's table says which countries its rows are from
(``regions``: ``table_context``), a number written as a phone in one of their national
formats is a phone too ("llamar al 612 34 56 78"), unless a code, an order or an amount
names it ("SKU 0712-034-567", "kr 12 345 678"), as a column of them would be judged.

Names are found through the name lists (``listed_names``: "Kari Nordmann", "kunden Kari",
"Fru Hansen", a lone "Lise") and after words that introduce a person (``cued_names``:
"kunde: Sivakumar Rajendran"). Once a name is found, its words are found wherever else they
appear in the same text ("... Kari sa at ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from include.governance.detect.accounts import account_numbers, ibans
from include.governance.detect.addresses import addresses
from include.governance.detect.birth_dates import birth_dates
from include.governance.detect.cued_names import cued_names
from include.governance.detect.health import health_information
from include.governance.detect.listed_names import listed_names, repeated_names
from include.governance.detect.obfuscated import WRITTEN_AT, written_emails
from include.governance.detect.phones import CODE_WORDS, is_valid_in, is_written_as_phone
from include.governance.detect.shapes import PLACEHOLDER, shape_spans
from include.governance.detect.spans import Kind, Span
from include.governance.detect.spoken_ids import national_ids_as_said
from include.governance.detect.validators import (
    EMAIL_AT,
    EMAIL_IN_TEXT,
    HETU,
    NATIONAL_ID_SHAPE,
    digits_of,
    is_international,
    is_masked_card,
    is_valid_card,
    is_valid_hetu,
    is_valid_ip,
    is_valid_national_id,
    is_valid_nordic_id,
    is_valid_phone,
)

PLACEHOLDERS: dict[Kind, str] = {
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "national_id": "[NATIONAL_ID]",
    "payment_card": "[CARD]",
    "ip_address": "[IP]",
    "person_name": "[NAME]",
    "address": "[ADDRESS]",
    "date_of_birth": "[DATE_OF_BIRTH]",
    "bank_account": "[ACCOUNT]",
    "iban": "[IBAN]",
    "health": "[HEALTH]",
    "shaped": PLACEHOLDER,  # not validated, but shaped like personal data
}
MAX_NUMBER_GROUPS = 8  # no number is written in more groups; bounds the work on long lists


# Digit groups separated by single spaces or dashes, not part of a word, a decimal number
# or a path ("Chrome/120", "/ordre/41234567"); "91234567/98765432" is two numbers. A country
# code or an area code may stand in brackets first ("(+47)", "(0212)", "(06 1)").
_FIRST_GROUP = r"\(\+\d{1,3}\)|\(\d{1,5}(?: \d{1,3})?\)|\+?\d+"
_NUMBER_RUN = re.compile(rf"(?<![\w.,+-])(?<![^\d\s]/)(?:{_FIRST_GROUP})(?:[ \u00a0-]\d+)*(?!\w)")
_NUMBER_GROUP = re.compile(_FIRST_GROUP)
# How card numbers are written (in one, in fours, or 4-6-5), so that phone numbers side by
# side are not taken for one.
_CARD_LAYOUT = re.compile(
    r"\d{13,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5}"
)
# An eight-digit number named as an order, invoice or case number is not a phone number.
_ID_CUE = re.compile(
    r"\b(?:ordre|order|faktura|invoice|sak|case|ref|referanse|reference|kundenr|kundenummer"
    r"|sporing|tracking)(?:nr|nummer|number|no)?\.?\s*(?:nr|no|number|nummer|id)?\.?\s*[:#]?\s*$",
    re.IGNORECASE,
)
# Codes of things before a number: the words of columns named for them (less those
# ``_ID_CUE`` reads already and ``hs``, too short a word in text), and Nordic ones: a
# number one of them names is no phone by a national plan's leave ("SKU 0712-034-567").
_CODE_CUE_WORDS = (CODE_WORDS - {"order", "invoice", "reference", "ref", "hs"}) | {
    "art", "vare", "varenr", "produkt", "serie", "parti", "pakke", "modell", "katalog",
    "lager", "bestilling",
}  # fmt: skip
_CODE_CUE = re.compile(
    rf"\b(?:{'|'.join(sorted(_CODE_CUE_WORDS))})"
    r"(?:nr|nummer|number|no|code|kode)?\.?\s*(?:nr|no|number|nummer|id|code|kode)?\.?\s*[:#]?\s*$",
    re.IGNORECASE,
)
# An amount's currency beside a number: "kr 12 345 678", "1 234 567 NOK", "€ 602 123 456".
_CURRENCY = r"(?:kr|nok|sek|dkk|eur|usd|gbp|chf|pln|zł|czk|kč|huf|ft|ron|lei|try|tl|€|\$|£)"
_CURRENCY_BEFORE = re.compile(rf"(?i:{_CURRENCY})\.?\s*$")
_CURRENCY_AFTER = re.compile(rf"\s*(?i:{_CURRENCY})(?!\w)")
_MASKED_CARD = re.compile(r"(?<![\w*•])[\d*xX•](?:[ -]?[\d*xX•]){12,18}(?![\w*•])")
_CARD_SEPARATORS = str.maketrans("", "", " -")
_IPV4 = re.compile(r"(?<![\w./:-])\d{1,3}(?:\.\d{1,3}){3}(?![\w/-]|\.\d)")
_VERSION_BEFORE = re.compile(r"\b(?:v|ver|version|versjon)\.?\s*$", re.IGNORECASE)
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
_CUE_WINDOW = 30  # characters before a candidate that a cue is looked for in
_DIGIT = re.compile(r"\d")
_MASK_CHARS = ("*", "•", "xxx", "XXX")
_LONGEST_LOCAL_PART, _LONGEST_DOMAIN = 64, 255


def find_personal_data(text: str, *, regions: Sequence[str] = ()) -> list[Span]:
    """Every piece of personal data in ``text``, in order, none overlapping another; phones
    in the national formats of ``regions`` (ISO codes) too."""
    found = list(_candidates(text, regions))
    found += repeated_names(text, [s for s in found if s.kind == "person_name"])
    return _without_overlaps(found)


def contains_personal_data(text: str, *, regions: Sequence[str] = ()) -> bool:
    """Whether ``text`` holds any personal data; stops at the first piece found."""
    return next(_candidates(text, regions), None) is not None


def redact(text: str) -> str:
    """``text`` with each piece of :func:`redaction_spans` replaced by a placeholder like
    ``[PHONE]``."""
    parts, last = [], 0
    for span in redaction_spans(text):
        parts += [text[last : span.start], PLACEHOLDERS[span.kind]]
        last = span.end
    return "".join([*parts, text[last:]])


def redaction_spans(text: str) -> list[Span]:
    """What :func:`redact` replaces: each piece of personal data, and anything else shaped
    like it (recall matters more than precision here: an unassigned phone number is still
    somebody's one day). Overlapping pieces are merged, under the first one's kind."""
    found = find_personal_data(text)
    rest = list(text)  # shapes are looked for around what was found, as if it were gone
    for span in found:
        rest[span.start : span.end] = "\0" * (span.end - span.start)
    shaped = [Span("shaped", start, end) for start, end in shape_spans("".join(rest))]
    merged: list[Span] = []
    for span in sorted([*found, *shaped], key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.kind, last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return merged


def _candidates(text: str, regions: Sequence[str] = ()) -> Iterator[Span]:
    """Spans of each kind, cheapest kinds first; they may overlap."""
    if "@" in text or "%40" in text:
        yield from _emails(text)
    if "@" in text or WRITTEN_AT.search(text):
        yield from written_emails(text)
    if _DIGIT.search(text):
        yield from national_ids_as_said(text)  # before a phone of the same digits
        yield from _numbers(text, regions)
        yield from _finnish_ids(text)
        yield from ibans(text)
        yield from account_numbers(text)
        yield from birth_dates(text)
        yield from addresses(text)
        if any(c in text for c in _MASK_CHARS):
            yield from _masked_cards(text)
        yield from _addresses(text, _IPV4)
    if ":" in text:
        yield from _addresses(text, _IPV6)
    yield from health_information(text)
    yield from listed_names(text)
    yield from cued_names(text)


def _emails(text: str) -> Iterator[Span]:
    """Addresses around each ``@``: the pattern runs over what an address can span there,
    not over the whole text."""
    end = 0
    for at in (m.start() for m in EMAIL_AT.finditer(text)):
        if at < end:
            continue
        window = (max(end, at - _LONGEST_LOCAL_PART), at + 3 + _LONGEST_DOMAIN)
        if match := EMAIL_IN_TEXT.search(text, *window):
            end = match.end()
            yield Span("email", match.start(), end)


def _numbers(text: str, regions: Sequence[str]) -> Iterator[Span]:
    for run in _NUMBER_RUN.finditer(text):
        groups = [m.span() for m in _NUMBER_GROUP.finditer(text, run.start(), run.end())]
        i = 0
        while i < len(groups):
            span, i = _longest_number(text, groups, i, regions)
            if span:
                yield span


def _longest_number(
    text: str, groups: list[tuple[int, int]], i: int, regions: Sequence[str]
) -> tuple[Span | None, int]:
    """The longest run of digit groups from the ``i``-th that validates, and the next group
    to look at after it."""
    for j in range(min(len(groups), i + MAX_NUMBER_GROUPS), i, -1):
        start, end = groups[i][0], groups[j - 1][1]
        if kind := _number_kind(text, start, end, regions):
            return Span(kind, start, end), j
    return None, i + 1


def _number_kind(text: str, start: int, end: int, regions: Sequence[str]) -> Kind | None:
    candidate = text[start:end]
    digits = digits_of(candidate)
    if not is_international(candidate):
        if NATIONAL_ID_SHAPE.fullmatch(candidate) and is_valid_national_id(digits):
            return "national_id"
        if _CARD_LAYOUT.fullmatch(candidate) and is_valid_card(digits):
            return "payment_card"
        if _names_a_thing(text, start, end):
            return None
        if is_valid_nordic_id(candidate):
            return "national_id"
    if is_valid_phone(candidate):
        return "phone"
    return "phone" if regions and _national_phone(text, start, end, regions) else None


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """An order's, a case's or a code's number ("ordre 41234567", "SKU 0712-034-567"), or
    an amount ("kr 12 345 678", "1 234 567 NOK"), by the words beside it."""
    before = max(0, start - _CUE_WINDOW)
    return bool(
        _ID_CUE.search(text, before, start)
        or _CODE_CUE.search(text, before, start)
        or _CURRENCY_BEFORE.search(text, before, start)
        or _CURRENCY_AFTER.match(text, end)
    )


def _national_phone(text: str, start: int, end: int, regions: Sequence[str]) -> bool:
    """A number written as a phone without its country code, valid in one of ``regions``
    (what names a thing's number beside it was ruled out before)."""
    candidate = text[start:end]
    if is_international(candidate) or not is_written_as_phone(candidate):
        return False
    return any(is_valid_in(candidate, region) for region in regions)


def _finnish_ids(text: str) -> Iterator[Span]:
    for match in HETU.finditer(text):
        if is_valid_hetu(match[0]):
            yield Span("national_id", match.start(), match.end())


def _masked_cards(text: str) -> Iterator[Span]:
    for match in _MASKED_CARD.finditer(text):
        if is_masked_card(match[0].translate(_CARD_SEPARATORS)):
            yield Span("payment_card", match.start(), match.end())


def _addresses(text: str, pattern: re.Pattern[str]) -> Iterator[Span]:
    """IP addresses; "version 1.2.3.4" is a version."""
    for match in pattern.finditer(text):
        before = max(0, match.start() - _CUE_WINDOW)
        if is_valid_ip(match[0]) and not _VERSION_BEFORE.search(text, before, match.start()):
            yield Span("ip_address", match.start(), match.end())


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Sorted spans; of overlapping ones, the one that starts first (then the longest) wins."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept
