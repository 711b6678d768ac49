"""Shapes of personal data: looser than the validated detectors, on purpose.

A redactor must not leak a phone number because it is not an assigned one, and a final
check must not pass text that merely looks clean to the validators. Each shape is written
once and rendered twice: for the warehouse (Great Expectations runs it as SQL on
PostgreSQL, MariaDB and SQLite, so a number's edge is a captured non-alphanumeric
character) and for Python (:func:`redact_shapes`, where the edge is a lookaround and
survives the substitution).
"""

from __future__ import annotations

import re

_SHAPES = {
    "email": "[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9-]+([.][A-Za-z0-9-]+)*[.][A-Za-z]{{2,}}",
    "phone": "{L}([+]47 ?|0047 ?)?[2-9][0-9]{{2}}[ .]?[0-9]{{2}}[ .]?[0-9]{{3}}{R}",
    "national_id": "{L}[0-7][0-9][01][0-9]{{3}}[ -]?[0-9]{{5}}{R}",
    "payment_card": "{L}([0-9][ -]?){{12,18}}[0-9]{R}"
    "|[0-9]{{4,6}}[*xX]{{4,}}[0-9]{{4}}",  # a masked PAN is card data too
}
# What else redaction claims to remove from free text, searched in a redacted column only
# (elsewhere a product called "Diabetes socks" is no one's health). "(?i)" starts a
# pattern where case does not matter: PostgreSQL, MariaDB and Python all read it there.
_TEXT_SHAPES = {
    "iban": "{L}[A-Z]{{2}}[0-9]{{2}}( ?[A-Z0-9]{{4}}){{2,7}}( ?[A-Z0-9]{{1,3}})?{R}",
    "bank_account": "{L}[0-9]{{4}}[. ][0-9]{{2}}[. ][0-9]{{5}}{R}|{L}[0-9]{{11}}{R}",
    # "]" first in a class, "[" after another member: no backslash (MariaDB's strings
    # would eat it) and no "[[" (which Python reads as a nested set)
    "written_email": "(?i)[a-z0-9._-]+ *([([] *(at|a) *[])]| krøllalfa | @ )[a-z0-9-]+"
    "( *([([] *dot *[])]| dot | punktum |[.]| [.] ) *[a-z0-9-]+)+"
    "|(?i)[a-z0-9._-]+ at [a-z0-9-]+( (dot|punktum) [a-z0-9-]+)+",
    "address": "[A-ZÆØÅ][a-zæøå]*(gata|gate|gaten|veien|vegen|vei|veg|allé|plass|vägen|vej)"
    " [0-9]{{1,4}}{R}|{L}(Postboks|P[.]?O[.]? Box) [0-9]+",
    "date_of_birth": "(?i)(født|fødd|f[.]|fdato|fødselsdato|dob|born|date of birth)[.:]? *"
    "[0-9]{{1,2}}[./ -]+([0-9]{{1,2}}|[a-z]{{3,9}})[./ -]+[0-9]{{2,4}}"
    "|{L}[0-9]{{1,2}}[./][0-9]{{1,2}}[./]19[0-9]{{2}}{R}",
    "icd_10": "{L}[A-TV-Z][0-9]{{2}}[.][0-9]{{1,2}}{R}|(?i)icd(-?10)? *:? *[a-z][0-9]{{2}}",
    "health": "(?i)(diabet|([^e]|^)kreft|cancer|protese|prosthe|fraktur|fracture|"
    "parkinson|alzheimer|demens|dementia|epilep|sklerose|sclerosis|artrose|arthritis|"
    "osteopor|astma|asthma|dialys|amput|infarkt|hjertesvikt|stroke|inkontinen|incontinen|"
    "([^u]|^)stomi|depresjon|schizofren|bipolar|fibromyalgi|crohn|hepatitt|hepatitis|nyresvikt)",
}
PLACEHOLDER = "[REDACTED]"


def alternatives(shape: str) -> list[str]:
    """A shape's top-level alternatives, each its own pattern: "(?i)" may start each one,
    and Python allows it only at a pattern's start. (The shapes use no backslashes.)"""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(shape):
        char = shape[i]
        if char == "[":  # a class: its first "]" (after an optional "^") is a member
            i = shape.index("]", i + (3 if shape[i + 1 : i + 2] == "^" else 2))
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(shape[start:i])
            start = i + 1
        i += 1
    return [*parts, shape[start:]]


def _render(shapes: dict[str, str], left: str, right: str) -> dict[str, str]:
    return {kind: shape.format(L=left, R=right) for kind, shape in shapes.items()}


_SQL_EDGES = ("(^|[^0-9A-Za-z])", "($|[^0-9A-Za-z])")
_PYTHON_EDGES = ("(?<![0-9A-Za-z])", "(?![0-9A-Za-z])")
PERSONAL_DATA_SHAPES = _render(_SHAPES, *_SQL_EDGES)
REDACTED_TEXT_SHAPES = PERSONAL_DATA_SHAPES | _render(_TEXT_SHAPES, *_SQL_EDGES)
_IN_PYTHON = [
    re.compile(alternative)
    for shape in _render(_SHAPES | _TEXT_SHAPES, *_PYTHON_EDGES).values()
    for alternative in alternatives(shape)
]


def shape_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds anything shaped like personal data, as (start, end) pairs."""
    return [match.span() for shape in _IN_PYTHON for match in shape.finditer(text)]
