"""What a person's name looks like: capitalised words, the first a known given name.

The given names and surnames are Faker's person providers' own lists for the Nordic and US
locales (never names generated at random), read once and only when first needed, so that
importing the detectors stays cheap for DAG files that merely parse.
"""

from __future__ import annotations

import importlib
from functools import cache

NAME_LOCALES = ("no_NO", "sv_SE", "da_DK", "en_US")

NAME_UPPER, _NAME_LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_PART = rf"[{NAME_UPPER}][{_NAME_LOWER}]+(?:[{NAME_UPPER}][{_NAME_LOWER}]+)?"  # McDonald
# One word of a name: "Kari", "Anne-Marie", "O'Brien"; never all capitals ("AS") nor digits.
NAME_WORD = rf"(?:[{NAME_UPPER}]['’])?{_NAME_PART}(?:-{_NAME_PART})*"
NAME_PARTICLE = r"(?:af|da|de|del|della|der|di|du|la|le|van|von)"
NAME_TITLES = ("dr", "fru", "frk", "herr", "miss", "mr", "mrs", "ms", "prof")
# A title before a name, as in "Dr. Kari Hansen", "Fru Hansen", "mr Smith".
NAME_TITLE = rf"(?i:{'|'.join(NAME_TITLES)})\.?"
# Words that make a run of capitalised words a business, not a person ("Engen Gruppen").
NOT_PERSON_WORDS = frozenset(
    {"Co", "Corp", "Gruppen", "Group", "Holding", "Inc", "Limited", "Llc", "Ltd", "Oy", "Plc"}
)


@cache
def given_names() -> frozenset[str]:
    return _provider_names("first_names")


@cache
def surnames() -> frozenset[str]:
    return _provider_names("last_names")


def _provider_names(prefix: str) -> frozenset[str]:
    """Every name in the attributes that start with ``prefix`` (``first_names_female`` too)."""
    names: set[str] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            if attribute.startswith(prefix):
                names.update(getattr(provider, attribute))
    return frozenset(names)
