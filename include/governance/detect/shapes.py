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
PLACEHOLDER = "[REDACTED]"


def _render(left: str, right: str) -> dict[str, str]:
    return {kind: shape.format(L=left, R=right) for kind, shape in _SHAPES.items()}


PERSONAL_DATA_SHAPES = _render("(^|[^0-9A-Za-z])", "($|[^0-9A-Za-z])")
_IN_PYTHON = [re.compile(p) for p in _render("(?<![0-9A-Za-z])", "(?![0-9A-Za-z])").values()]


def shape_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds anything shaped like personal data, as (start, end) pairs."""
    return [match.span() for shape in _IN_PYTHON for match in shape.finditer(text)]
