"""Addresses, dates of birth and written-out e-mails as Sweden, Denmark, Finland and Germany
write them, rural Norwegian addresses, and streets typed in lower case."""

from __future__ import annotations

import pytest

from include.governance.detect import redact


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("Skickas till Kungsgatan 5B, 411 19 Göteborg idag.", "Skickas till [ADDRESS] idag."),
        ("Osoite: Hämeenkatu 14 B 22, 33100 Tampere.", "Osoite: [ADDRESS]."),
        ("Levering til Nørregade 7, 3. tv., 1165 København K", "Levering til [ADDRESS]"),
        ("Lieferung an Hauptstraße 12, 10115 Berlin bitte.", "Lieferung an [ADDRESS] bitte."),
        ("Bor på Sørbygda 410, 2410 Hernes nå.", "Bor på [ADDRESS] nå."),
        ("Gården heter Nordre Lien, 2665 Lesja.", "Gården heter [ADDRESS]."),
        ("Hytta står på gnr. 45/bnr. 12 i kommunen.", "Hytta står på [ADDRESS] i kommunen."),
        ("send til sandgata 13 takk", "send til [ADDRESS] takk"),
        ("adr gamle kongevei 3, 7043 trondheim", "adr [ADDRESS]"),
    ],
)
def test_addresses_of_the_neighbours_rural_and_lower_case_are_found(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    "note",
    ["Vi har 12500 Stk på lager.", "Butikken i Göteborg har stengt.", "på veien 2 ganger"],
)
def test_numbers_and_places_alone_are_no_addresses(note):
    assert redact(note) == note


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("Kunden är född 3 maj 1950.", "Kunden är född [DATE_OF_BIRTH]."),
        ("Geboren am 4. März 1950 in Köln.", "Geboren am [DATE_OF_BIRTH] in Köln."),
        ("Syntynyt 12. toukokuuta 1950.", "Syntynyt [DATE_OF_BIRTH]."),
        ("Customer born 27th of May 1938.", "Customer born [DATE_OF_BIRTH]."),
        ("DOB 19580317, verified.", "DOB [DATE_OF_BIRTH], verified."),
        ("født 07081950", "født [DATE_OF_BIRTH]"),
    ],
)
def test_dates_of_birth_in_the_neighbours_languages_and_compact_forms(note, redacted):
    assert redact(note) == redacted


def test_a_compact_date_without_a_cue_is_no_date_of_birth():
    assert redact("Lager 19580317 tomt.") == "Lager 19580317 tomt."


@pytest.mark.parametrize(
    "written", ["bengt.lind snabel-a telia punkt se", "matti ät posti piste fi"]
)
def test_e_mails_written_out_in_swedish_and_finnish(written):
    assert redact(f"Mail: {written} tack") == "Mail: [EMAIL] tack"
