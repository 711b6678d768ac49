"""The free text of issue 15 that redaction left as it was: each kind is now replaced."""

from __future__ import annotations

import pytest

from include.governance.detect import redact


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("levering til Storgata 12, 0155 Oslo", "levering til [ADDRESS]"),
        ("her husband Trygve had a fall", "her husband [NAME] had a fall"),
        (
            "Diagnose: hofteprotese, diabetes type 2, etter slag",
            "Diagnose: [HEALTH], [HEALTH], etter [HEALTH]",
        ),
        ("ICD-10 E11.9 registrert", "[HEALTH] registrert"),
        ("refunder til NO93 8601 1117 947 i dag", "refunder til [IBAN] i dag"),
        ("konto 1503.12.34562 eller 15031234562", "konto [ACCOUNT] eller [ACCOUNT]"),
        ("mail ola dot nordmann at gmail dot com", "mail [EMAIL]"),
        ("skriv til kari(at)online.no", "skriv til [EMAIL]"),
        ("mobil 912.34.567", "mobil [REDACTED]"),
        ("født 12. mars 1948, kom innom", "født [DATE_OF_BIRTH], kom innom"),
        ("DOB 1948-03-12", "DOB [DATE_OF_BIRTH]"),
        ("Kunde: Sivakumar Rajendran ringte", "Kunde: [NAME] ringte"),
    ],
)
def test_each_kind_is_replaced(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    "clean",
    [
        "Levert 12.11.2026 fra lageret i Drammen.",
        "Kunden ba om bekreftelse på e-post.",
        "Postnummer 9520 er utenfor leveringsområdet.",
        "App 4.2.1 krasjet ved innlogging, we will meet at noon.",
    ],
)
def test_what_is_not_personal_data_is_kept(clean):
    assert redact(clean) == clean
