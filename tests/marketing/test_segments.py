"""Marketing segments: k-anonymous, consenting customers only, unlinkable, within budget."""

from __future__ import annotations

import itertools
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine, select, text

from include.governance.anonymise.records import KeyChanged
from include.governance.anonymise.steps import start_run
from include.governance.audit import anonymise_outputs, segment_runs
from include.governance.marketing.kanonymity import DIMENSIONS, choose, label_at, levels_of
from include.governance.marketing.segments import SegmentsError, build_segments
from include.governance.policy import load_policy
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.quality import Checks

POLICY = load_policy()
RUN_DATE = date(2026, 11, 24)
KEY = PseudonymKey("marketing", "m1", b"marketing-secret-for-the-tests-0001")


def with_marketing(**changes):
    return POLICY.model_copy(update={"marketing": POLICY.marketing.model_copy(update=changes)})


def segments_of(
    engine: Engine, policy=POLICY, run_id: str = "run-1", docs=None, key=KEY, **options
):
    start_run(engine, policy, run_id, RUN_DATE, keys=[key])
    checks = Checks(engine, docs / run_id)
    return build_segments(
        engine, policy, run_id, key=key, run_date=RUN_DATE, checks=checks, **options
    )


def test_choose_generalises_least_and_suppresses_within_budget():
    labels = {
        "age_band": ["60-69", "70-79", "80-89", "90+"],
        "gender": ["female", "male"],
        "region": ["Oslo", "Vestland", "Troms"],
        "recency": ["0-30 days", "no orders"],
        "frequency": ["1", "0"],
        "monetary": ["under 1000", "0"],
    }
    combos = list(itertools.product(*labels.values()))
    histogram = pd.DataFrame(combos, columns=list(DIMENSIONS), dtype=object)
    histogram["people"] = [(i * 7) % 13 + 1 for i in range(len(combos))]
    total = int(histogram["people"].sum())
    for k, budget in [(5, 0), (10, 20), (25, total // 20), (40, 0)]:
        found = choose(histogram, k, budget)
        assert found is not None
        assert (found.segments["members"] >= k).all()
        assert found.suppressed <= budget
        assert int(found.segments["members"].sum()) + found.suppressed == total
        assert len(found.mapping) <= len(histogram)
        height = sum(found.levels.values())
        for node in itertools.product(*(range(levels_of(d)) for d in DIMENSIONS)):
            if sum(node) < height:  # nothing less generalised keeps within the budget
                grouped = (
                    histogram.assign(
                        **{
                            d: histogram[d].map(lambda v, d=d, n=n: label_at(d, n, v))
                            for d, n in zip(DIMENSIONS, node, strict=True)
                        }
                    )
                    .groupby(list(DIMENSIONS))["people"]
                    .sum()
                )
                assert grouped[grouped < k].sum() > budget
    assert choose(histogram.head(3), k=1000, max_suppressed=0) is None


def test_segments_are_k_anonymous_of_consenting_customers_only(demo, tmp_path):
    policy = with_marketing(k=5)
    result = segments_of(demo, policy, docs=tmp_path)
    with demo.connect() as conn:
        sizes = conn.execute(
            text("SELECT segment_id, count(*) FROM marketing.segment_members GROUP BY segment_id")
        ).all()
        published = dict(
            conn.execute(text("SELECT segment_id, members FROM marketing.segments")).all()
        )
        members = set(
            conn.execute(text("SELECT customer_key FROM marketing.segment_members")).scalars()
        )
        consenting = (
            conn.execute(
                text("SELECT customer_id FROM crm.customers WHERE marketing_consent = :yes"),
                {"yes": True},
            )
            .scalars()
            .all()
        )
        others = (
            conn.execute(
                text("SELECT customer_id FROM crm.customers WHERE marketing_consent = :no"),
                {"no": False},
            )
            .scalars()
            .all()
        )
        recorded = conn.execute(select(segment_runs)).mappings().one()
    assert dict(sizes) == published
    assert min(published.values()) >= 5
    assert result.k_achieved == min(published.values())
    pseudonymise = Pseudonymiser(KEY)
    assert members <= {pseudonymise("customer_key", c) for c in consenting}
    assert members.isdisjoint({pseudonymise("customer_key", c) for c in others})
    assert len(members) == len(consenting) - result.suppressed
    assert result.suppressed <= int(0.05 * len(consenting))
    assert recorded["k"] == 5
    assert recorded["consenting"] == len(consenting)
    assert recorded["levels"] == result.levels
    assert set(result.levels) == set(DIMENSIONS)

    again = segments_of(demo, policy, "run-2", docs=tmp_path)  # a re-run: the same segments
    with demo.connect() as conn:
        assert (
            dict(conn.execute(text("SELECT segment_id, members FROM marketing.segments")).all())
            == published
        )
    assert again.levels == result.levels


def test_over_budget_fails_and_keeps_the_previous_segments(demo, tmp_path):
    segments_of(demo, docs=tmp_path)
    with demo.connect() as conn:
        before = conn.execute(text("SELECT * FROM marketing.segments ORDER BY segment_id")).all()
    with demo.begin() as conn:  # only a handful consent now: no group can reach k
        conn.execute(
            text("UPDATE crm.customers SET marketing_consent = :no WHERE customer_id > 8"),
            {"no": False},
        )
        left = conn.execute(
            text("SELECT count(*) FROM crm.customers WHERE marketing_consent = :yes"), {"yes": True}
        ).scalar()
    assert 0 < left < POLICY.marketing.k
    with pytest.raises(SegmentsError, match=f"suppressing at most 0 of {left} consenting"):
        segments_of(demo, run_id="run-2", docs=tmp_path)
    with demo.connect() as conn:
        assert (
            conn.execute(text("SELECT * FROM marketing.segments ORDER BY segment_id")).all()
            == before
        )
        failed = conn.execute(
            select(anonymise_outputs.c.output).where(
                anonymise_outputs.c.run_id == "run-2", anonymise_outputs.c.status == "failed"
            )
        ).scalars()
        assert set(failed) == {"marketing.segments", "marketing.segment_members"}


def test_a_new_secret_under_the_same_version_fails_unless_a_rotation_is_asked_for(demo, tmp_path):
    segments_of(demo, docs=tmp_path)
    with demo.connect() as conn:
        before = conn.execute(text("SELECT * FROM marketing.segment_members")).all()
    other = PseudonymKey("marketing", "m1", b"another-marketing-secret-for-tests-02")
    with pytest.raises(KeyChanged) as caught:
        segments_of(demo, run_id="run-2", docs=tmp_path, key=other)
    message = str(caught.value)
    assert message.startswith("marketing.segment_members: the marketing key has version m1")
    assert f"fingerprint {other.fingerprint}" in message
    assert f"published under fingerprint {KEY.fingerprint}" in message
    assert other.secret.decode() not in message
    with demo.connect() as conn:
        assert conn.execute(text("SELECT * FROM marketing.segment_members")).all() == before

    segments_of(demo, run_id="run-3", docs=tmp_path, key=other, rotate_key=True)
    with demo.connect() as conn:
        members = set(
            conn.execute(text("SELECT customer_key FROM marketing.segment_members")).scalars()
        )
        consenting = set(
            conn.execute(
                text("SELECT customer_id FROM crm.customers WHERE marketing_consent = :yes"),
                {"yes": True},
            ).scalars()
        )
        recorded = conn.execute(
            select(segment_runs.c.key_version, segment_runs.c.key_fingerprint).where(
                segment_runs.c.run_id == "run-3"
            )
        ).one()
        outputs = set(
            conn.execute(
                select(anonymise_outputs.c.key_fingerprint).where(
                    anonymise_outputs.c.run_id == "run-3"
                )
            ).scalars()
        )
    pseudonymise = Pseudonymiser(other)
    assert members
    assert members <= {pseudonymise("customer_key", c) for c in consenting}
    assert tuple(recorded) == ("m1", other.fingerprint)
    assert outputs == {other.fingerprint}
