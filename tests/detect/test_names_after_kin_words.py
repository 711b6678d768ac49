"""Names after the words for a relative, a customer or a member of staff in each of the
customers' languages (Nynorsk, Swedish, Danish, Finnish, German, Polish, Lithuanian), and
after a writer introducing themself there: the name is any capitalised words, from any
country."""

from __future__ import annotations

import pytest

from include.governance.detect import redact


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("Sonen Leiv ringde i går.", "Sonen [NAME] ringde i går."),
        ("Brukar Jofrid Nes treng hjelp.", "Brukar [NAME] treng hjelp."),
        ("Dotter Karin hämtar nyckeln.", "Dotter [NAME] hämtar nyckeln."),
        ("Hennes make Bengt kör henne.", "Hennes make [NAME] kör henne."),
        ("Sønnen Mikkel henter stolen.", "Sønnen [NAME] henter stolen."),
        ("Poika Jari soitti eilen.", "Poika [NAME] soitti eilen."),
        ("Tytär Sanna tulee huomenna.", "Tytär [NAME] tulee huomenna."),
        ("Seine Tochter Anke holt ihn ab.", "Seine Tochter [NAME] holt ihn ab."),
        ("Familie Meyer aus Hamburg mietet.", "Familie [NAME] aus Hamburg mietet."),
        ("Moja córka Agnieszka zadzwoni.", "Moja córka [NAME] zadzwoni."),
        ("Pokalbis: mano žmona Rasa serga.", "Pokalbis: mano žmona [NAME] serga."),
        ("Agent Siv: Hei, hva gjelder det?", "Agent [NAME]: Hei, hva gjelder det?"),
        ("Ergoterapeut Solveig Lunde var her.", "Ergoterapeut [NAME] var her."),
        ("Hej, det är Lena Sjöberg igen.", "Hej, det är [NAME] igen."),
        ("Kunde: eg er Sunniva og treng hjelp.", "Kunde: eg er [NAME] og treng hjelp."),
        ("hei dette er kjersti rullatoren er ødelagt", "hei dette er [NAME] rullatoren er ødelagt"),
        ("hej det är lena jag behöver hjälp", "hej det är [NAME] jag behöver hjälp"),
        ("Hallo, hier ist Anke, ich brauche Hilfe.", "Hallo, hier ist [NAME], ich brauche Hilfe."),
        ("Dzień dobry, nazywam się Agnieszka.", "Dzień dobry, nazywam się [NAME]."),
        ("Laba diena, mano vardas Rasa.", "Laba diena, mano vardas [NAME]."),
    ],
)
def test_a_name_after_a_kin_or_staff_word_is_redacted(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    "note",
    [
        "Sonen kommer i morgen.",
        "Agent: Hei, hva gjelder det?",
        "Familie og venner er velkomne.",
        "Tytär tulee huomenna.",
    ],
)
def test_a_kin_word_without_a_name_is_kept(note):
    assert redact(note) == note


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("Kl 14 hos Oddbjørn Haugseth, skiftet bandasje.", "Kl 14 hos [NAME], skiftet bandasje."),
        ("Insulin for Brynhild Kolstad i dag.", "[HEALTH] for [NAME] i dag."),
        ("Besøk hos Åsveig Tverrstad i går.", "Besøk hos [NAME] i går."),
    ],
)
def test_a_norse_given_name_before_a_farm_surname_is_a_name(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    "note",
    ["Levert fra lageret i Kolstad.", "Turen gikk over Bjørnstad og Haugseth."],
)
def test_a_farm_name_alone_is_a_place(note):
    assert redact(note) == note
