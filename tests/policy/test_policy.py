"""The policy file: the real one is valid and complete; each kind of mistake is named clearly."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from include.demo.schema import build_metadata
from include.governance.policy import (
    Drop,
    PolicyError,
    Sensitivity,
    default_policy_path,
    load_policy,
)

REAL = default_policy_path()


@pytest.fixture
def real_data() -> dict:
    return yaml.safe_load(REAL.read_text())


def write(tmp_path: Path, data: dict | str) -> Path:
    path = tmp_path / "policy.yml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert str(path) in str(caught.value)
    return [str(p) for p in caught.value.problems]


def test_real_policy_loads_and_names_every_category_of_the_privacy_policy():
    policy = load_policy()
    expected = {
        "name",
        "postal_address",
        "email",
        "phone",
        "ip_address",
        "date_of_birth",
        "gender",
        "order",
        "payment",
        "customer_service",
        "device",
        "operating_system",
        "browser",
        "screen_size",
        "job_application",
        "health",
        "national_id",
    }
    assert expected <= set(policy.categories)
    assert policy.categories["health"].sensitivity is Sensitivity.SPECIAL
    assert policy.categories["national_id"].sensitivity is Sensitivity.HIGH
    for name, category in policy.categories.items():
        assert set(category.purposes) <= set(policy.purposes), name


def test_real_policy_governs_columns_that_exist_in_the_demo_warehouse():
    demo = {t.fullname: set(t.columns.keys()) for t in build_metadata("sqlite").tables.values()}
    policy = load_policy()
    for table_name, table in policy.tables.items():
        assert table_name in demo, table_name
        assert set(table.columns) == demo[table_name], table_name


def test_real_policy_keeps_health_national_id_and_applicants_out_of_analytics():
    policy = load_policy()
    for table_name, table in policy.tables.items():
        for column_name, column in table.columns.items():
            if column.category in {"health", "national_id", "job_application"}:
                assert isinstance(column.anonymise, Drop), f"{table_name}.{column_name}"
    assert policy.tables["hr.job_applicants"].anonymise_to is None
    assert policy.tables["health.blue_prescriptions"].anonymise_to is None


def test_real_retention_rule_is_ten_years_of_order_history_with_open_claims_held():
    rule = load_policy().retention["order_history"]
    assert (rule.table, rule.date_column, rule.keep_for.years) == ("sales.orders", "ordered_at", 10)
    assert {c.table for c in rule.children} == {
        "sales.order_lines",
        "sales.payments",
        "sales.shipments",
        "sales.claims",
    }
    assert rule.holds[0].where == {"status": "open"}


def test_version_ignores_comments_and_layout_but_follows_content(tmp_path, real_data):
    version = load_policy().version
    assert len(version) == 12
    commented = write(tmp_path, "# a comment\n" + REAL.read_text())
    assert load_policy(commented).version == version
    real_data["retention"]["order_history"]["max_delete_share"] = 0.02
    assert load_policy(write(tmp_path, real_data)).version != version


def test_missing_file(tmp_path):
    assert "cannot read the file" in problems_of(tmp_path / "absent.yml")[0]


def test_invalid_yaml_names_the_line(tmp_path):
    text = REAL.read_text().replace("organisation: TOPRO", "organisation: [TOPRO", 1)
    (problem,) = problems_of(write(tmp_path, text))
    assert "not valid YAML" in problem
    assert problem.startswith("line ")


def test_top_level_must_be_a_mapping(tmp_path):
    assert "mapping of sections" in problems_of(write(tmp_path, "- a\n- b\n"))[0]


def test_missing_section(tmp_path, real_data):
    del real_data["categories"]
    assert problems_of(write(tmp_path, real_data)) == ["line 1: categories: required but missing"]


def test_misspelt_key_names_its_path_and_line(tmp_path):
    text = REAL.read_text().replace("    max_delete_share: 0.05", "    max_delete_shar: 0.05")
    (problem,) = problems_of(write(tmp_path, text))
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "max_delete_shar:" in s)
    assert problem == (
        f"line {line}: retention.order_history.max_delete_shar: unknown key (check its spelling)"
    )


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["categories"]["gender"].update(sensitivity="extreme"),
            "categories.gender.sensitivity: Input should be 'low', 'normal', 'high' or 'special'",
        ),
        (
            lambda d: d["retention"]["order_history"].update(max_delete_share=1.5),
            "retention.order_history.max_delete_share: Input should be less than or equal to 1",
        ),
        (
            lambda d: d["tables"].update({"customers": d["tables"].pop("crm.customers")}),
            "tables.customers: 'customers' is not a valid name (expected schema.table)",
        ),
        (
            lambda d: d["tables"]["crm.customers"]["columns"]["gender"].update(anonymise="mask"),
            "tables[crm.customers].columns.gender.anonymise: unknown rule 'mask'",
        ),
        (
            lambda d: d["tables"]["crm.customers"]["columns"]["email"].update(category="emial"),
            "tables[crm.customers].columns.email.category: unknown category 'emial'",
        ),
        (
            lambda d: d["categories"]["email"]["purposes"].append("spam"),
            "categories.email.purposes[4]: unknown purpose 'spam'",
        ),
        (
            lambda d: d["tables"]["crm.customers"]["columns"]["city"].update(anonymise="keep"),
            "tables[crm.customers].columns.city.anonymise: postal_address identifies a person",
        ),
        (
            lambda d: d["tables"]["crm.customers"]["columns"]["national_id"].update(
                anonymise="pseudonymise"
            ),
            "columns.national_id.anonymise: national_id data may not be used for analytics",
        ),
        (
            lambda d: d["tables"]["hr.job_applicants"].update(anonymise_to="analytics.applicants"),
            "tables[hr.job_applicants].anonymise_to: the table holds job_application data",
        ),
        (
            lambda d: d["tables"]["sales.payments"]["columns"]["method"].update(anonymise="keep"),
            "tables[sales.payments].columns.method.anonymise: rule 'keep' needs an output",
        ),
        (
            lambda d: d["tables"]["sales.orders"].update(anonymise_to="analytics.customers"),
            "tables[sales.orders].anonymise_to: analytics.customers is already the output of",
        ),
        (
            lambda d: d["tables"]["crm.customers"]["columns"]["gender"].update(
                anonymise={"rule": "keep", "as": "region"}
            ),
            "columns.gender.anonymise.as: output column 'region' is also made from postcode",
        ),
        (
            lambda d: d["tables"]["crm.customers"].update(key="id"),
            "tables[crm.customers].key: key column 'id' is not listed under columns",
        ),
        (
            lambda d: d["tables"]["sales.orders"].update(watermark="changed_at"),
            "tables[sales.orders].watermark: watermark column 'changed_at' is not listed under "
            "columns",
        ),
        (
            lambda d: d["retention"]["order_history"]["children"].append(
                {"table": "sales.events", "column": "shipment_id", "parent": "sales.parcels"}
            ),
            "retention.order_history.children[4].parent: sales.parcels is neither the rule's "
            "table nor a child listed before this one",
        ),
        (
            lambda d: d["retention"]["order_history"]["children"].append(
                {"table": "sales.events", "column": "shipment_id", "parent": "sales.shipments"}
            ),
            "retention.order_history.children[4].parent_column: name the column of "
            "sales.shipments that shipment_id refers to",
        ),
        (
            lambda d: d["retention"]["order_history"]["children"][0].update(
                parent_column="order_number"
            ),
            "retention.order_history.children[0].parent_column: a child of sales.orders refers "
            "to its key 'order_id'; leave it out",
        ),
        (
            lambda d: d["retention"]["order_history"]["children"].append(
                {"table": "sales.payments", "column": "order_id"}
            ),
            "retention.order_history.children[4].table: sales.payments is already part of the rule",
        ),
        (
            lambda d: d["retention"]["order_history"]["holds"][0].update(
                where={"status": {"in": ["open"], "not": "closed"}}
            ),
            "retention.order_history.holds[0].where.status",
        ),
        (
            lambda d: d["retention"]["order_history"].update(
                clear_columns=[
                    {"columns": ["ip_address"], "keep_for": {"years": 11}, "reason": "x"}
                ]
            ),
            "clear_columns[0].keep_for: must be shorter than the rule's keep_for",
        ),
        (
            lambda d: d["retention"]["order_history"].update(keep_for={"years": 0}),
            "retention.order_history.keep_for: the retention period must be longer than zero",
        ),
    ],
)
def test_each_kind_of_mistake_is_named(tmp_path, real_data, mutate, expected):
    broken = copy.deepcopy(real_data)
    mutate(broken)
    problems = problems_of(write(tmp_path, broken))
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("line ") for p in problems), problems


def test_every_problem_is_listed(tmp_path, real_data):
    real_data["tables"]["crm.customers"]["columns"]["email"]["category"] = "emial"
    real_data["retention"]["order_history"]["keep_for"] = {"years": 0}
    assert len(problems_of(write(tmp_path, real_data))) == 2
