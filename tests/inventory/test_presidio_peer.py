"""The inventory's peer in bench_inventory_peer.py is set up as the benchmark says: columns
decided from the share of values with an entity (presidio-structured's way), every entity
Presidio can return given a category or none, Presidio at its fairest (the sets' phone
regions), and the project on values only left with no name signal."""

from __future__ import annotations

import socket

import pytest

from benchmarks.bench_inventory_peer import values_only
from benchmarks.presidio_peer import (
    CATEGORY_OF,
    STRUCTURED_DEFAULT,
    ColumnRule,
    decide_column,
)
from include.governance.detect.names import name_signals
from include.governance.policy import load_policy
from include.governance.sampling import ColumnSample, TableSample

EMAIL, PHONE, DATE = ("EMAIL_ADDRESS", 1.0), ("PHONE_NUMBER", 0.4), ("DATE_TIME", 0.6)


def test_the_default_is_presidio_structured_any_value_with_an_entity() -> None:
    values = [[EMAIL]] + [[]] * 99
    assert decide_column(values, STRUCTURED_DEFAULT) == "email"
    assert decide_column([[]] * 100, STRUCTURED_DEFAULT) is None
    assert decide_column([], STRUCTURED_DEFAULT) is None


def test_the_column_takes_the_category_found_in_most_values() -> None:
    values = [[PHONE]] * 3 + [[EMAIL]] * 2 + [[]]
    assert decide_column(values, STRUCTURED_DEFAULT) == "phone"


def test_a_value_counts_once_per_category() -> None:
    # IBAN and card in one value are both payment: one value, not two
    values = [[("IBAN_CODE", 1.0), ("CREDIT_CARD", 1.0)]] + [[EMAIL]] * 2
    assert decide_column(values, STRUCTURED_DEFAULT) == "email"


def test_a_share_below_the_rule_is_no_finding() -> None:
    values = [[PHONE]] * 3 + [[]] * 7
    assert decide_column(values, ColumnRule(share_at=0.3)) == "phone"
    assert decide_column(values, ColumnRule(share_at=0.31)) is None


def test_entities_below_the_score_do_not_count() -> None:
    values = [[PHONE]] * 5 + [[EMAIL]]
    assert decide_column(values, ColumnRule(score_at=0.5)) == "email"
    assert decide_column(values, ColumnRule(score_at=0.4)) == "phone"


def test_dates_count_as_birth_dates_only_when_the_rule_says_so() -> None:
    values = [[DATE]] * 10
    assert decide_column(values, ColumnRule(dates=True)) == "date_of_birth"
    assert decide_column(values, ColumnRule(dates=False)) is None


def test_entities_of_no_category_are_no_finding() -> None:
    values = [[("URL", 0.5)]] * 9 + [[EMAIL]]
    assert CATEGORY_OF["URL"] is None
    assert decide_column(values, STRUCTURED_DEFAULT) == "email"


def test_every_category_is_one_of_the_policys() -> None:
    categories = {c for c in CATEGORY_OF.values() if c is not None}
    assert categories - set(load_policy().categories) == set()


def test_values_only_leaves_no_column_name_signal() -> None:
    policy = load_policy()
    sample = TableSample(
        columns=[ColumnSample(n, "text", ["x"]) for n in ("email", "first_name", "telefon")],
        rows_sampled=1,
        method="test",
    )
    assert all(name_signals(c.name, policy) for c in sample.columns)
    blind = values_only(sample)
    assert [c.values for c in blind.columns] == [c.values for c in sample.columns]
    assert not any(name_signals(c.name, policy) for c in blind.columns)


@pytest.fixture(scope="module")
def presidio():
    pytest.importorskip("presidio_analyzer", reason="benchmark-only: benchmarks/requirements.txt")
    from benchmarks.presidio_peer import analyzer

    return analyzer()


def test_every_entity_presidio_returns_has_a_category_or_none(presidio) -> None:
    entities = presidio.analyzer_engine.registry.get_supported_entities(["en"])
    assert len(entities) > 50  # the pattern recognizers of every country, not the defaults
    assert set(entities) <= set(CATEGORY_OF)


def test_presidio_finds_phones_of_the_sets_countries(presidio) -> None:
    from benchmarks.presidio_peer import analyse_values

    # a Norwegian and a Polish mobile in national form: not one of PhoneRecognizer's regions
    found = analyse_values(presidio, ["912 34 567", "512 345 678"])
    assert [[e for e, _ in f if e == "PHONE_NUMBER"] for f in found] == [["PHONE_NUMBER"]] * 2


def test_presidio_reads_emails_without_the_network(presidio, monkeypatch) -> None:
    from benchmarks.presidio_peer import analyse_values

    def refuse(*args, **kwargs):
        raise AssertionError("Presidio tried the network")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    found = analyse_values(presidio, ["kari.nordmann@example.no"])
    assert ("EMAIL_ADDRESS", 1.0) in found[0]
