"""People's decisions (the policy's ``reviewed:``) applied to a scan's findings.

``update_register`` rewrites a table's rows on every scan, so the decisions are applied
anew from the policy each time, never remembered in the register alone: a confirmed or
corrected column is registered in the person's category and marked confirmed (even when
this scan sees nothing in it), a rejected one is left out of the register (its finding and
evidence stay with the scan). The decision always wins; where the scan's evidence argues
against one, it is reported as a :class:`Disagreement`, never acted on.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from include.governance.catalog import Catalog
from include.governance.detect.classify import FULL_EVIDENCE_AT
from include.governance.inventory.register import ColumnKey
from include.governance.policy import Policy, Review

STRONG_SHARE = 0.8  # of the values checked: evidence a rejection did not weigh


@dataclass(frozen=True)
class RegisterEntry:
    """What the register holds for a column: the finding, as decided."""

    category: str
    confidence: float
    evidence: dict[str, Any] = field(compare=False)
    confirmed: bool | None = None


@dataclass(frozen=True)
class Disagreement:
    """New evidence against a decision: names and categories only."""

    column: str  # schema.table.column
    decision: str
    decided: str | None  # the category decided; None for a rejection
    found: str | None  # the category the scan finds; None: nothing
    kind: str  # recategorised, not found, strong evidence, column not found


def apply_reviews(
    conn: Connection,
    policy: Policy,
    *,
    current: Mapping[ColumnKey, Any],
    previous: Mapping[ColumnKey, Any],
    tables: Collection[str],
) -> tuple[dict[ColumnKey, RegisterEntry], list[Disagreement]]:
    """The register's entries for the scanned ``tables`` as people decided them, and where
    this scan's findings (``current``, against the table's ``previous`` scan) disagree."""
    entries = {key: _entry(f) for key, f in current.items() if f is not None}
    disagreements = []
    scanned = set(tables)
    columns = _ColumnsOf(conn)
    for key, review in policy.decisions.items():
        if f"{key[0]}.{key[1]}" not in scanned:
            continue
        finding = current.get(key)
        if finding is None and key[2] not in columns(key[0], key[1]):
            disagreements.append(_disagreement(review, None, "column not found"))
            continue
        kind = _disagreement_kind(review, finding, previous.get(key))
        if kind:
            disagreements.append(_disagreement(review, finding, kind))
        if review.decision == "reject":
            entries.pop(key, None)
        else:
            entries[key] = _decided(review, finding)
    return entries, sorted(disagreements, key=lambda d: d.column)


def _entry(finding: Any) -> RegisterEntry:
    return RegisterEntry(finding.category, finding.confidence, finding.evidence)


def _decided(review: Review, finding: Any | None) -> RegisterEntry:
    """The person's category, confirmed; the detector's confidence and evidence kept, with
    the decision and what the detector said beside them."""
    evidence = dict(finding.evidence) if finding else {}
    evidence["review"] = {"decision": review.decision, "on": review.on.isoformat()}
    if finding and finding.category != review.category:
        evidence["review"]["detected"] = finding.category
    confidence = finding.confidence if finding else 0.0
    return RegisterEntry(review.category, confidence, evidence, confirmed=True)


def _disagreement_kind(review: Review, finding: Any | None, before: Any | None) -> str | None:
    """Why this scan's finding argues against the decision, or None.

    A confirmation holds the detector to the category confirmed, every scan. A correction
    expects the detector to keep its old mistake: only another category, or nothing where
    the last scan found something, is new. A rejection is argued against only by strong
    value evidence that the last scan did not have."""
    if review.decision == "confirm":
        if finding is None:
            return "not found"
        return "recategorised" if finding.category != review.category else None
    if review.decision == "correct":
        if finding is None:
            return "not found" if before is not None else None
        expected = {review.category, before.category if before else finding.category}
        return "recategorised" if finding.category not in expected else None
    if finding is not None and is_strong(finding.evidence):
        was_strong = before is not None and is_strong(before.evidence)
        if not was_strong or before.category != finding.category:
            return "strong evidence"
    return None


def is_strong(evidence: Mapping[str, Any]) -> bool:
    """Most of enough sampled values validate (or hold personal data in text)."""
    values = evidence.get("values")
    if values and values["checked"] >= FULL_EVIDENCE_AT:
        return values["match_rate"] >= STRONG_SHARE
    free_text = evidence.get("free_text")
    return (
        bool(free_text)
        and free_text["texts"] >= FULL_EVIDENCE_AT
        and free_text["share"] >= STRONG_SHARE
    )


def _disagreement(review: Review, finding: Any | None, kind: str) -> Disagreement:
    return Disagreement(
        column=review.column,
        decision=review.decision,
        decided=review.category,
        found=finding.category if finding else None,
        kind=kind,
    )


class _ColumnsOf:
    """The columns of a table, read from the catalogue once per table, and only for the
    decisions whose column the scan found nothing in (a scan without them asks nothing)."""

    def __init__(self, conn: Connection):
        self._conn = conn
        self._catalog: Catalog | None = None
        self._known: dict[tuple[str, str], set[str]] = {}

    def __call__(self, schema: str, table: str) -> set[str]:
        if (schema, table) not in self._known:
            catalog = self._catalog = self._catalog or Catalog(self._conn)
            self._known[(schema, table)] = (
                {c["name"] for c in catalog.get_columns(table, schema=schema)}
                if catalog.has_table(table, schema=schema)
                else set()
            )
        return self._known[(schema, table)]
