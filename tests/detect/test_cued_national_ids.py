"""National ID numbers in notes as people say and type them: a fødselsnummer or D-number read
out in pairs ("12 06 47 924 48"), a Danish CPR or a Swedish personnummer without its dash
after the word that names it, a personnummer with its century; numbers of the same shape
that fail the checks, or that a note says are orders, stay."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from faker import Faker
from stdnum import luhn
from stdnum.dk import cpr
from stdnum.no import fodselsnummer
from stdnum.se import personnummer

from include.governance.detect import redact


def _fodselsnummer(fake: Faker) -> str:
    number = fake.ssn()
    assert fodselsnummer.is_valid(number)
    return number


@pytest.fixture
def fake() -> Faker:
    faker = Faker("no_NO")
    faker.seed_instance(20261204)
    return faker


def test_a_fodselsnummer_read_out_in_pairs_is_found(fake):
    for _ in range(30):
        d = _fodselsnummer(fake)
        spoken = f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:9]} {d[9:]}"
        assert redact(f"kunde: det er {spoken} takk") == "kunde: det er [NATIONAL_ID] takk"


def test_a_number_read_out_in_pairs_that_fails_the_checks_stays(fake):
    d = _fodselsnummer(fake)
    wrong = d[:10] + str((int(d[10]) + 1) % 10)
    assert not fodselsnummer.is_valid(wrong)
    spoken = f"{wrong[0:2]} {wrong[2:4]} {wrong[4:6]} {wrong[6:9]} {wrong[9:]}"
    assert "[NATIONAL_ID]" not in redact(f"kunde: det er {spoken} takk")


@pytest.mark.parametrize("cue", ["CPR", "CPR-nr.", "CPR:", "cpr nummer", "personnummer"])
def test_a_danish_cpr_number_without_its_dash_is_found_after_its_name(cue):
    assert cpr.is_valid("2204531594")
    assert redact(f"Kunden har {cue} 2204531594, ringer igen.") == (
        f"Kunden har {cue} [NATIONAL_ID], ringer igen."
    )


def test_a_swedish_personnummer_without_its_dash_is_found_after_its_name():
    fake = Faker("sv_SE")
    fake.seed_instance(20261204)
    for number in (fake.ssn().replace("-", "") for _ in range(20)):
        assert personnummer.is_valid(number)
        assert redact(f"Personnummer: {number}\nMobil: okänd") == (
            "Personnummer: [NATIONAL_ID]\nMobil: okänd"
        )


def test_a_personnummer_with_its_century_is_found():
    rng = random.Random(20261205)
    for _ in range(20):
        birth = date(1930, 1, 1) + timedelta(days=rng.randrange(30_000))
        serial = f"{birth:%y%m%d}{rng.randrange(1000):03d}"
        full = f"{birth:%Y}{serial[2:]}{luhn.calc_check_digit(serial)}"
        assert personnummer.is_valid(full)
        assert redact(f"Kund {full} ringde.") == "Kund [NATIONAL_ID] ringde."


@pytest.mark.parametrize(
    "note",
    [
        "Ordre 2204531594 er sendt.",  # ten digits with a date, no word naming an ID
        "Tlf 2204531594",
        "Kundenummer: 198807039567 (feil kontrollsiffer)",
        "Faktura 20240615123 betalt.",
    ],
)
def test_ten_or_twelve_digits_without_their_name_or_checks_stay(note):
    assert "[NATIONAL_ID]" not in redact(note)
