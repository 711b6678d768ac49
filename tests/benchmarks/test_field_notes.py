"""field_notes.jsonl keeps its own rules: it is what its generator writes, every span is
verbatim and placeable, every identifier passes its check digits, and nothing labelled
elsewhere sits unlabelled outside the spans (README: benchmarks/corpora)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

CORPORA = Path(__file__).parents[2] / "benchmarks" / "corpora"


@pytest.fixture(scope="module")
def maker():
    sys.path.insert(0, str(CORPORA))
    spec = importlib.util.spec_from_file_location(
        "make_field_notes", CORPORA / "make_field_notes.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    sys.path.remove(str(CORPORA))


def test_the_file_is_what_the_generator_writes(maker) -> None:
    assert maker.read(CORPORA / "field_notes.jsonl") == maker.build()


def test_the_file_breaks_none_of_its_rules(maker) -> None:
    assert maker.problems(maker.read(CORPORA / "field_notes.jsonl")) == []


def test_it_is_big_enough_and_has_clean_notes(maker) -> None:
    notes = maker.read(CORPORA / "field_notes.jsonl")
    assert len(notes) >= 500
    assert sum(not n["spans"] for n in notes) >= 150


def test_the_checks_catch_a_broken_note(maker) -> None:
    note = {
        "id": "f0001",
        "lang": "no",
        "text": "Ring Kari Nordmann på 91234567 i dag",
        "spans": [],
    }
    wrong = [
        dict(note, spans=[{"kind": "person_name", "text": "Kari Nordman"}]),  # not verbatim
        dict(note, spans=[{"kind": "phone", "text": "91234567"}] * 2),  # more than occurrences
        dict(note, spans=[{"kind": "national_id", "text": "91234567"}]),  # no valid id
        dict(
            note,
            text=note["text"] + " Kari",
            spans=[{"kind": "person_name", "text": "Kari Nordmann"}],
        ),
    ]
    for broken in wrong:
        assert maker.problems([broken]), broken
