"""Health information as the customers write it in Swedish, Danish, Finnish, German, Nynorsk
and everyday English: conditions, named diseases, injuries, medicines and what a condition
spreads to; the everyday words those names hide in are kept."""

from __future__ import annotations

import pytest

from include.governance.detect import redact


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("Mamma har högt blodtryck och KOL.", "Mamma har [HEALTH] och [HEALTH]."),
        ("Han har sukkersyge og slidgigt.", "Han har [HEALTH] og [HEALTH]."),
        ("Hänellä on verenpainetauti ja nivelrikko.", "Hänellä on [HEALTH] ja [HEALTH]."),
        ("Sie hat Bluthochdruck und Arthrose.", "Sie hat [HEALTH] und [HEALTH]."),
        ("Ho har beinskjørheit og hjartesvikt.", "Ho har [HEALTH] og [HEALTH]."),
        ("She gets shortness of breath on stairs.", "She gets [HEALTH] on stairs."),
        ("Han har Addisons sykdom.", "Han har [HEALTH]."),
        ("Sønnen har Tourettes syndrom.", "Sønnen har [HEALTH]."),
        ("Han har brukket armen i fjor.", "Han har [HEALTH] i fjor."),
        ("She has a broken wrist.", "She has a [HEALTH]."),
        ("Hun tar Metformin og Eliquis.", "Hun tar [HEALTH] og [HEALTH]."),
        ("Det er spredning til skjelettet nå.", "Det er [HEALTH] nå."),
        ("He is allergic to latex gloves.", "He is [HEALTH] gloves."),
        ("Han er MS-pasient.", "Han er [HEALTH]."),
        ("Hun har kreft i bukspyttkjertelen.", "Hun har [HEALTH]."),
        ("Diagnose: diabetes typ 2", "Diagnose: [HEALTH]"),
    ],
)
def test_conditions_in_the_customers_languages_are_health(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    "note",
    [
        "Ordren er bekræftet, vi sender i morgen.",
        "Det er vigtigt at levere før kl 12.",
        "Et eksempel på en rullator med sete.",
        "Vi har litium-batterier til rullestolen.",
        "Han fikk time i helgen og er fornøyd.",
        "Rullatoren er levert, takk for hjelpen.",
    ],
)
def test_everyday_words_that_hold_a_condition_are_kept(note):
    assert redact(note) == note
