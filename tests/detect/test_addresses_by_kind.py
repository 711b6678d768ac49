"""Addresses as each country writes them, and as notes type and speak them: abbreviated street
words, Danish floors, farms, land register numbers with their postcode, German, Polish,
Lithuanian and UK streets and flats, capitals and lower case, a house number said in words;
an address on the line after a signature is not taken into the name."""

from __future__ import annotations

import pytest

from include.governance.detect import redact


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("Levering: Thv. Meyers gt. 20, 0555 Oslo.", "Levering: [ADDRESS]."),
        ("Bor i Kirkevn. 18, 0368 Oslo nå.", "Bor i [ADDRESS] nå."),
        ("Adresse: Vesterbro 22, 2. th., 5000 Odense C", "Adresse: [ADDRESS]"),
        ("Adresse: Jernbanegade 9, 1. sal, 6700 Esbjerg", "Adresse: [ADDRESS]"),
        ("Levert til Søndre Li gård, 2350 Nes.", "Levert til [ADDRESS]."),
        ("Sendes Gnr 12 Bnr 4, 5600 Norheimsund.", "Sendes [ADDRESS]."),
        ("send til skolevegen 4 b 2750 gran takk", "send til [ADDRESS] takk"),
        ("bor på kungsgatan 44 411 19 göteborg nu", "bor på [ADDRESS] nu"),
        ("adressa er lillevegen fjorten 1164 oslo og", "adressa er [ADDRESS] og"),
        ("ADRESSE: SJØVEGEN 44, 6893 VIK I SOGN", "ADRESSE: [ADDRESS]"),
        ("Lieferung an Am Markt 4, 01067 Dresden bitte.", "Lieferung an [ADDRESS] bitte."),
        ("Wohnt An der Alster 12, 20099 Hamburg.", "Wohnt [ADDRESS]."),
        ("Adres: ul. Długa 15/3, 80-831 Gdańsk", "Adres: [ADDRESS]"),
        ("Adresas: Gedimino pr. 9-12, LT-01103 Vilnius", "Adresas: [ADDRESS]"),
        ("Adresas: Pilies g. 4, Vilnius", "Adresas: [ADDRESS]"),
        ("Ship to 14 Elm Grove, Bristol BS7 8PJ please", "Ship to [ADDRESS] please"),
        ("Flat 2, 17 Marlborough Road, Cardiff CF23 5BU", "[ADDRESS]"),
        (
            "Med vennlig hilsen Linn Hagen\nLøkkeveien 9, 4008 Stavanger",
            "Med vennlig hilsen [NAME]\n[ADDRESS]",
        ),
    ],
)
def test_addresses_as_written_and_said_are_redacted(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    "note",
    [
        "Rullatoren Kirkeveien er på lager.",  # a street's name without a number
        "Vi sendte to i går og fem i dag.",
        "Butikken i Storgata har åpent.",
        "Ordre 12-345 er sendt, 3 stk.",
        "Kampanje: 2 for 1 på alle rullatorer.",
    ],
)
def test_streets_without_numbers_and_number_words_alone_stay(note):
    assert redact(note) == note
