"""Word lists as regex alternations that match as the plain ``a|b|c`` does, in fewer tries.

Python's regex engine tries an alternation's words one after another wherever it looks, so
a list of two hundred cue words costs two hundred tries at each word of every note (and
ninety street endings at each letter a greedy word backtracks through).
Grouped by first letter (``k(?:unden|unde)|c(?:lient)``), a place is tried against a few
dozen letters, then only against the words that start with its own. Within a group the
words keep their order, and words of two groups cannot both match at one place, so the
word that wins at each place is the one the plain alternation picks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], *, ignore_case: bool = False, patterns: bool = False) -> str:
    """``words`` as one non-capturing group: literal text, or with ``patterns`` regex
    patterns as written, each starting with a letter. ``ignore_case`` for a pattern matched
    without case, where ``Kunde`` and ``kunde`` start one group."""
    quote = (lambda part: part) if patterns else re.escape
    groups: dict[str, list[str]] = {}
    for word in words:
        if patterns and not word[0].isalpha():
            raise ValueError(f"a pattern grouped by its first letter starts with one: {word!r}")
        groups.setdefault(word[0].lower() if ignore_case else word[0], []).append(word)
    parts = [
        re.escape(group[0][0]) + f"(?:{'|'.join(quote(w[1:]) for w in group)})"
        for group in groups.values()
    ]
    return f"(?:{'|'.join(parts)})"
