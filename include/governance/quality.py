"""Great Expectations checks on warehouse tables, with results that are safe to keep.

GX Core 1.x is called directly (the Airflow provider for GX cannot be installed beside
Airflow 3.3). Expectations run as SQL in the warehouse, so a check costs no more memory
for ten million rows than for ten. Three rules make the results fit for logs, reports and
Data Docs when the data checked is personal:

* results keep counts, never values: GX would otherwise list up to 20 unexpected values;
* the context is ephemeral, so no GX config file ever holds the warehouse's password;
* Data Docs are written as HTML into a folder of the run's own, loading nothing from
  outside (:mod:`.data_docs`).

In custom SQL (:func:`unexpected_rows`) GX puts the table in ``{batch}`` as an aliased
subquery: refer to its columns unqualified.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from numbers import Number
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Engine

from include.governance.data_docs import keep_local
from include.governance.schemas import physical, without_schema_names
from include.governance.warehouse import engine_options

# Counts and percentages only, for every expectation of every check.
RESULT_FORMAT = {"result_format": "BASIC", "partial_unexpected_count": 0}


@dataclass(frozen=True)
class Outcome:
    """One expectation's verdict, described without the data it looked at."""

    expectation: str
    success: bool
    observed: float | None = None
    unexpected: int | None = None
    error: bool = False

    def __str__(self) -> str:
        detail = []
        if self.unexpected is not None:
            detail.append(f"{self.unexpected} unexpected")
        if self.observed is not None:
            detail.append(f"observed {self.observed:g}")
        if self.error:
            detail.append("could not be evaluated")
        return f"{self.expectation}: {'passed' if self.success else 'FAILED'}" + (
            f" ({', '.join(detail)})" if detail else ""
        )


@dataclass(frozen=True)
class SuiteResult:
    suite: str
    table: str
    outcomes: list[Outcome]

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.success]


class Checks:
    """A run's GX context over the warehouse; Data Docs go to ``docs_dir``."""

    def __init__(self, engine: Engine, docs_dir: Path):
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # no network from workers
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self._gx = gx
        self.docs_dir = docs_dir
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.context.add_data_docs_site(
            site_name="run",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
        self.engine = engine
        url = engine.url
        options = engine_options(url)
        # GX is given the server's names of the schemas (it reflects them itself).
        self._source = self.context.data_sources.add_sql(
            "warehouse",
            connection_string=without_schema_names(url).render_as_string(hide_password=False),
            kwargs=options,
        )

    def validate(
        self, suite: str, schema: str, table: str, expectations: Sequence[Any]
    ) -> SuiteResult:
        """Run ``expectations`` on ``schema.table``; the Data Docs are updated with it."""
        asset = self._source.add_table_asset(
            suite, table_name=table, schema_name=physical(self.engine, schema)
        )
        return self._run(suite, f"{schema}.{table}", asset, expectations)

    def validate_query(self, suite: str, query: str, expectations: Sequence[Any]) -> SuiteResult:
        """Run ``expectations`` on the rows of ``query`` (say, counts that must agree)."""
        asset = self._source.add_query_asset(suite, query=query)
        return self._run(suite, "query", asset, expectations)

    def _run(self, suite: str, target: str, asset: Any, expectations: Sequence[Any]) -> SuiteResult:
        gx = self._gx
        batch = asset.add_batch_definition_whole_table("whole table")
        expectation_suite = self.context.suites.add(gx.ExpectationSuite(suite))
        for expectation in expectations:
            expectation_suite.add_expectation(expectation)
        definition = self.context.validation_definitions.add(
            gx.ValidationDefinition(name=suite, data=batch, suite=expectation_suite)
        )
        checkpoint = self.context.checkpoints.add(
            gx.Checkpoint(
                name=suite,
                validation_definitions=[definition],
                actions=[gx.checkpoint.UpdateDataDocsAction(name="data docs")],
                result_format=RESULT_FORMAT,
            )
        )
        (result,) = checkpoint.run().run_results.values()
        keep_local(self.docs_dir)
        return SuiteResult(suite, target, [_outcome(r) for r in result.results])

    @property
    def docs_index(self) -> Path:
        return self.docs_dir / "index.html"


def _outcome(result: Any) -> Outcome:
    config = result.expectation_config
    name = config.description or _describe(config.type, config.kwargs)
    observed = result.result.get("observed_value")
    unexpected = result.result.get("unexpected_count")
    return Outcome(
        expectation=name,
        success=bool(result.success),
        observed=float(observed) if isinstance(observed, Number) else None,
        unexpected=int(unexpected) if isinstance(unexpected, Number) else None,
        error=_raised(result.exception_info),
    )


def _raised(info: dict[str, Any] | None) -> bool:
    """GX reports an exception flat, or per metric in a dict of such reports."""
    if not info:
        return False
    if "raised_exception" in info:
        return bool(info["raised_exception"])
    return any(_raised(v) for v in info.values() if isinstance(v, dict))


def _describe(kind: str, kwargs: dict[str, Any]) -> str:
    column = kwargs.get("column")
    return f"{kind}({column})" if column else kind


def unexpected_rows(query: str, description: str) -> Any:
    """That ``query`` (over ``{batch}``) finds no row, run once, as a count. GX's own
    ``UnexpectedRowsExpectation`` runs the query twice, for its rows (kept only in
    COMPLETE results, never here) and for their count: twice the cost of every search."""
    return _rows_counted()(unexpected_rows_query=query, description=description)


@cache
def _rows_counted() -> type:
    import great_expectations as gx

    class ExpectQueryToFindNoRows(gx.expectations.UnexpectedRowsExpectation):
        metric_dependencies: ClassVar[tuple[str, ...]] = ("unexpected_rows_query.row_count",)

        def _validate(self, metrics, runtime_configuration=None, execution_engine=None):
            found = metrics["unexpected_rows_query.row_count"]
            return {"success": found == 0, "result": {"observed_value": found}}

    return ExpectQueryToFindNoRows
