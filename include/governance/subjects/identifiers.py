"""What a person can be asked for by: an email, a phone number, a fødselsnummer or a
customer number, each the policy category of the columns that hold it, normalised the one
way the search compares them. Errors name the kind, never the value."""

from __future__ import annotations

from enum import StrEnum

import phonenumbers

from include.governance.detect.validators import (
    DEFAULT_REGION,
    digits_of,
    is_valid_email,
    is_valid_national_id,
)

MAX_CUSTOMER_NUMBER = 64


class IdentifierKind(StrEnum):
    """Named as the policy's categories, so the register says which columns hold each."""

    EMAIL = "email"
    PHONE = "phone"
    NATIONAL_ID = "national_id"
    CUSTOMER_ID = "customer_id"


class InvalidIdentifier(ValueError):
    """The identifier is not one of its kind (the message never holds it)."""


def normalise(kind: IdentifierKind, raw: str) -> str:
    """The identifier as the search compares it: an email in lower case, a phone number in
    E.164 (``+4791234567``), a fødselsnummer's eleven digits, a customer number trimmed."""
    text = raw.strip()
    if kind is IdentifierKind.EMAIL:
        if not is_valid_email(text):
            raise InvalidIdentifier("the identifier is not an email address")
        return text.lower()
    if kind is IdentifierKind.PHONE:
        return _e164(text)
    if kind is IdentifierKind.NATIONAL_ID:
        digits = digits_of(text)
        if len(digits) != 11 or not is_valid_national_id(digits):
            raise InvalidIdentifier("the identifier is not a valid fødselsnummer or D-number")
        return digits
    if not text or len(text) > MAX_CUSTOMER_NUMBER or any(c.isspace() for c in text):
        raise InvalidIdentifier(
            f"a customer number is 1 to {MAX_CUSTOMER_NUMBER} characters without spaces"
        )
    return text


def _e164(text: str) -> str:
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise InvalidIdentifier("the identifier is not a phone number in use")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
