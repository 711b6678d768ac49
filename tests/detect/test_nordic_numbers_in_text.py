"""Numbers of the neighbouring countries inside notes: Swedish, Danish and Finnish ID numbers
by their own rules (python-stdnum), and phone numbers written the way those countries
write them."""

from __future__ import annotations

import pytest
from faker import Faker
from stdnum.dk import cpr
from stdnum.fi import hetu
from stdnum.se import personnummer

from include.governance.detect import redact
from include.governance.detect.validators import is_valid_phone


@pytest.mark.parametrize("locale", ["sv_SE", "fi_FI"])
def test_swedish_and_finnish_id_numbers_are_found(locale):
    fake = Faker(locale)
    fake.seed_instance(20261202)
    for number in (fake.ssn() for _ in range(50)):
        assert personnummer.is_valid(number) or hetu.is_valid(number)
        assert redact(f"Kunden har id {number} i systemet.") == (
            "Kunden har id [NATIONAL_ID] i systemet."
        )


def test_a_danish_cpr_number_is_found_as_written_with_its_dash():
    assert cpr.is_valid("220453-3594")
    assert redact("CPR 220453-3594, bor i Aarhus.") == "CPR [NATIONAL_ID], bor i Aarhus."


def test_a_swedish_number_with_a_wrong_check_digit_is_no_id():
    assert not personnummer.is_valid("811228-9875")
    assert "[NATIONAL_ID]" not in redact("Ärende 811228-9875 stängt.")


def test_an_order_number_shaped_like_a_cpr_number_stays():
    assert redact("ordre 240512-1234 er sendt") == "ordre 240512-1234 er sendt"


@pytest.mark.parametrize(
    "number", ["079-227 93 84", "08-170 669 07", "60 78 55 26", "07745 181280", "040 123 4567"]
)
def test_neighbours_phone_numbers_in_their_own_layout_are_phones(number):
    assert is_valid_phone(number)
    assert redact(f"ring {number} i kveld") == "ring [PHONE] i kveld"


@pytest.mark.parametrize("number", ["0792279384", "010190-12345", "12 34 56 78 90"])
def test_bare_or_id_shaped_digits_are_no_neighbours_phones(number):
    assert not is_valid_phone(number)
