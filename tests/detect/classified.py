"""What the detectors make of a column name or of a table written in a test (categories only)."""

from __future__ import annotations

from include.governance.detect.names import name_signals
from include.governance.detect.table_context import classify_table
from include.governance.policy import load_policy
from include.governance.sampling import ColumnSample, TableSample

POLICY = load_policy()


def category_of(column: str) -> str | None:
    """The category the column's name alone gives (a name needing its values gives none)."""
    signals = [s for s in name_signals(column, POLICY) if not s.needs_values]
    return signals[0].category if signals else None


def found(table: str, *columns: tuple[str, list]) -> dict[str, str | None]:
    """Each text column's category, judged in its table."""
    sample = TableSample(
        [ColumnSample(n, "text", v) for n, v in columns], rows_sampled=40, method="test"
    )
    return {c: f.category if f else None for c, f in classify_table(table, sample, POLICY).items()}
