"""People's names in scripts without letter case, where no capital says a word is a name.

Georgian, Hebrew, Arabic (and Persian) and Thai write a name's words apart, as Latin does,
so a name is two to four words of one such script whose first is a known given name, or a
known surname before one (surname first, as Chinese, Korean and Hungarian names are
written). Hangul and Chinese write a name as one word, the surname first: one or two
characters the lists know as a surname, then a given name of one or two characters that is
a known one or made of characters known given names of that script use ("김민준",
"赵桂英"). The titles before a name are the name locales' own (Faker's prefixes: "г-жа",
"пані", "السيد", "นาย"), dropped before a name is judged in any script.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from include.governance.detect.name_lists import (
    SCRIPT_LOCALES,
    given_names,
    is_given_name,
    surnames,
    without_accents,
)

# Letters of the scripts without case, as character class bodies, with the marks written on
# them (Arabic's harakat, Hebrew's points, Thai's vowels and tones).
_UNSPACED = "가-힣一-鿿㐀-䶿豈-\ufaff"  # Hangul syllables, Chinese characters
_SPACED = "ა-ჿא-ת\u0591-\u05c7ׯ-ײء-ٟٱ-ۓก-ฺเ-๎"  # Georgian, Hebrew, Arabic, Thai
CASELESS_LETTERS = _UNSPACED + _SPACED
# One word of such a name: "ჭელიძე", "בן-דוד", "ז'קלין", "عبد"
CASELESS_WORD = rf"[{CASELESS_LETTERS}]+(?:['’׳-][{CASELESS_LETTERS}]+)*"
_WORD = re.compile(CASELESS_WORD)
_UNSPACED_WORD = re.compile(rf"[{_UNSPACED}]{{2,4}}")
_UNSPACED_NAME = re.compile(rf"[{_UNSPACED}]+")
MAX_WORDS, MAX_TITLE_WORDS = 4, 3


def is_caseless_name(text: str) -> bool:
    """Whether ``text`` (its titles dropped) is a person's name in a script without case."""
    words = text.split()
    if not words or words[0][0].isascii():  # Latin, or digits: no such name
        return False
    if len(words) == 1:
        return _UNSPACED_WORD.fullmatch(words[0]) is not None and _unspaced_name(words[0])
    if len(words) > MAX_WORDS or not all(_WORD.fullmatch(w) for w in words):
        return False
    return _given(words[0]) or (_surname(words[0]) and _given(words[1]))


def without_titles(text: str) -> str:
    """``text`` without the titles the name locales put before a name ("Г-жа", "пані",
    "الأستاذ", "จ.ส.อ."); Latin titles are left to the name's own pattern."""
    if text[:1].isascii():  # every such title starts with a letter of another script
        return text
    words = text.split()
    first = 0
    while first < min(len(words) - 1, MAX_TITLE_WORDS) and _is_title(words[first]):
        first += 1
    return " ".join(words[first:]) if first else text


def _is_title(word: str) -> bool:
    return word.casefold().rstrip(".") in script_titles()


def _given(word: str) -> bool:
    return is_given_name(word) or is_given_name(without_accents(word))


def _surname(word: str) -> bool:
    return word in surnames() or without_accents(word) in surnames()


def _unspaced_name(word: str) -> bool:
    """A surname of one or two characters, then a given name of one or two."""
    return any(
        word[:cut] in surnames() and 1 <= len(word) - cut <= 2 and _given_part(word[cut:])
        for cut in (1, 2)
    )


def _given_part(given: str) -> bool:
    return given in given_names() or all(c in given_name_characters() for c in given)


def load_script_lists() -> None:
    """Read the titles and given names' characters now, not in the first value judged."""
    script_titles(), given_name_characters()


@cache
def given_name_characters() -> frozenset[str]:
    """The characters of the Hangul and Chinese given names the lists know."""
    return frozenset(c for name in given_names() if _UNSPACED_NAME.fullmatch(name) for c in name)


@cache
def script_titles() -> frozenset[str]:
    """The name locales' titles (Faker's ``prefix`` lists), lower case, without a dot."""
    titles: set[str] = set()
    for locale in SCRIPT_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            if attribute.startswith("prefixes"):
                values = getattr(provider, attribute)
                titles.update(
                    w.casefold().rstrip(".")
                    for v in values
                    if isinstance(v, str)
                    for w in v.split()
                )
    return frozenset(titles)
