"""How a column is compared with an identifier, in SQL every supported database runs:
an email without regard to case, a phone number or an ID number without the spaces, dots
and dashes people write them with, a customer number as the column's own type; and how
free text is searched for one (a number inside a note, written any of those ways)."""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers
from sqlalchemy import Integer, String, any_, cast, false, func, or_
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.sql import ColumnElement

from include.governance.subjects.identifiers import IdentifierKind

SEPARATORS = (" ", "-", ".", "(", ")", "/")


def equals(kind: IdentifierKind, column: ColumnElement, value: str) -> ColumnElement[bool]:
    """``column`` holds the identifier ``value`` (as :func:`identifiers.normalise` gives it)."""
    if kind is IdentifierKind.EMAIL:
        return func.lower(func.trim(_text(column))) == value
    if kind is IdentifierKind.PHONE:
        return _compact(column).in_(phone_forms(value))
    if kind is IdentifierKind.NATIONAL_ID:
        return _compact(column) == value
    if isinstance(column.type, Integer):
        return column == int(value) if value.isdigit() else false()
    return _text(column) == value


def mentions(kind: IdentifierKind, column: ColumnElement, value: str) -> ColumnElement[bool]:
    """Free text in ``column`` quotes the identifier; a bare customer number is never looked
    for in prose (any number would match)."""
    if kind is IdentifierKind.EMAIL:
        return func.lower(_text(column)).contains(value, autoescape=True)
    if kind is IdentifierKind.PHONE:
        return _compact(column).contains(_national(value), autoescape=True)
    if kind is IdentifierKind.NATIONAL_ID:
        return _compact(column).contains(value, autoescape=True)
    return false()


def quotes_any(
    column: ColumnElement, identifiers: Iterable[tuple[IdentifierKind, str]], *, like_any: bool
) -> ColumnElement[bool]:
    """Free text in ``column`` quotes one of ``identifiers``. With ``like_any`` (a dialect's
    flag) the text is lowered and compacted once a row and compared with every pattern at
    once; elsewhere each identifier is one ``LIKE``."""
    identifiers = list(identifiers)
    if not like_any:
        return or_(false(), *(mentions(kind, column, value) for kind, value in identifiers))
    emails = [like_pattern(v) for k, v in identifiers if k is IdentifierKind.EMAIL]
    numbers = [
        like_pattern(_national(v) if k is IdentifierKind.PHONE else v)
        for k, v in identifiers
        if k in (IdentifierKind.PHONE, IdentifierKind.NATIONAL_ID)
    ]
    return lowered_or_compact_like(
        column,
        emails=array(emails) if emails else None,
        numbers=array(numbers) if numbers else None,
    )


def lowered_or_compact_like(
    column: ColumnElement, *, emails: ColumnElement | None, numbers: ColumnElement | None
) -> ColumnElement[bool]:
    """``column`` lowered is ``LIKE ANY`` of the ``emails`` patterns (an array), or compacted
    ``LIKE ANY`` of the ``numbers``; either may be none."""
    parts = []
    if emails is not None:
        parts.append(func.lower(_text(column)).like(any_(emails)))
    if numbers is not None:
        parts.append(_compact(column).like(any_(numbers)))
    return or_(false(), *parts)


def like_pattern(value: str) -> str:
    """A ``LIKE`` pattern (backslash the escape, as PostgreSQL's default) finding ``value``
    anywhere in a text."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def stored_forms(kind: IdentifierKind, value: str) -> list[str]:
    """The forms an identifier is kept in for SQL that compares with a table of them (the
    erasure's proof): each compact form of a phone number, the value itself otherwise."""
    return phone_forms(value) if kind is IdentifierKind.PHONE else [value]


def compact(column: ColumnElement) -> ColumnElement:
    """The column as text without the separators people write numbers with."""
    return _compact(column)


def phone_forms(e164: str) -> list[str]:
    """The compact forms a stored number takes: ``+4791234567``, ``004791234567`` and the
    national ``91234567`` (with its trunk prefix where the country has one)."""
    return sorted({e164, "00" + e164[1:], _national(e164)})


def _national(e164: str) -> str:
    number = phonenumbers.parse(e164)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "".join(c for c in national if c.isdigit())


def _text(column: ColumnElement) -> ColumnElement:
    return column if isinstance(column.type, String) else cast(column, String)


def _compact(column: ColumnElement) -> ColumnElement:
    out = _text(column)
    for separator in SEPARATORS:
        out = func.replace(out, separator, "")
    return out
