"""Bank accounts in free text: IBANs of any country and Norwegian account numbers, each
judged by its check digits (python-stdnum), as written: compact, in groups of four
("NO93 8601 1117 947") or the Norwegian 4.2.5 ("1503.12.34567", "1503 12 34567")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.no import kontonr

from include.governance.detect.spans import Span
from include.governance.detect.validators import is_valid_iban

# A country, two check digits, then groups; the longest run that validates is the IBAN.
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{1,4}){2,9}")
_IBAN_GROUP = re.compile(r" ?[A-Z0-9]{1,4}")
_ACCOUNT = re.compile(r"(?<![\w.,+-])[0-9]{4}([. ]?)[0-9]{2}\1[0-9]{5}(?![\w]|[.,][0-9])")


def ibans(text: str) -> Iterator[Span]:
    for match in _IBAN.finditer(text):
        head = match.start() + 4
        groups = [g.end() for g in _IBAN_GROUP.finditer(text, head, match.end())]
        for end in reversed(groups):
            if (end == len(text) or not text[end].isalnum()) and is_valid_iban(
                text[match.start() : end]
            ):
                yield Span("iban", match.start(), end)
                break


def account_numbers(text: str) -> Iterator[Span]:
    for match in _ACCOUNT.finditer(text):
        if kontonr.is_valid(re.sub(r"[. ]", "", match[0])):
            yield Span("bank_account", match.start(), match.end())
