"""How a column is compared with an identifier, in SQL every supported database runs:
an email without regard to case, a phone number or an ID number without the spaces, dots
and dashes people write them with, a customer number as the column's own type; and how
free text is searched for one (a number inside a note, written any of those ways)."""

from __future__ import annotations

import phonenumbers
from sqlalchemy import Integer, String, cast, false, func
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
