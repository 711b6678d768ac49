"""Public sample databases in the sets' compact form, made from fetched repository snapshots.

The sample databases are public (see README.md: source, commit, licence), but their data is
not committed to this repository: the project's rules keep fetched material out of commits.
This script turns a snapshot (a bare git directory, e.g. the search tool's
``fetch github:lerocha/chinook-database``) into ``<set>/data.json.gz``: the schema (tables,
columns, types, primary and foreign keys) and at most 300 rows a table, chosen so that
every kept row's foreign keys still point at a kept row. Binary columns are left out.

    python benchmarks/inventory_sets/samples.py --mirrors /work/.mirror [--only chinook]

PostgreSQL sources are restored into a scratch database ``governance_eval_src_<set>`` on
the server given by ``--pg`` (dropped again afterwards); the Oracle scripts are parsed.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy import types as sqltypes

from benchmarks.inventory_sets.model import MAX_ROWS, EvalSet, ForeignKey, TableData, write_set
from benchmarks.inventory_sets.sql_server_samples import adventureworks, adventureworks_dw, pubs

HERE = Path(__file__).parent
PG_SERVER = "postgresql+psycopg2://postgres@127.0.0.1:5432"

# set name -> (repository, commit the labels were made against, licence)
SOURCES: dict[str, tuple[str, str, str]] = {
    "chinook": (
        "lerocha/chinook-database",
        "7f67772503d71ba90f19283c38e93923addb43fa",
        "MIT (LICENSE.md)",
    ),
    "sakila": ("jOOQ/sakila", "e089a5b1ec9af0df7a9c6a5d47d49fa1736a4e84", "BSD-2-Clause"),
    "northwind": (
        "pthom/northwind_psql",
        "cd0ef28d66369fbe177778e604e4be0f153c9e5c",
        "Ms-PL (Microsoft's Northwind)",
    ),
    "oracle_hr": (
        "oracle-samples/db-sample-schemas",
        "6660bad68c07bd143430ace58565b3f727e17263",
        "MIT (LICENSE.txt)",
    ),
    "oracle_co": (
        "oracle-samples/db-sample-schemas",
        "6660bad68c07bd143430ace58565b3f727e17263",
        "MIT (LICENSE.txt)",
    ),
    "oracle_oe": (
        "oracle-samples/db-sample-schemas",
        "6660bad68c07bd143430ace58565b3f727e17263",
        "MIT (LICENSE.txt)",
    ),
    "pubs": (
        "microsoft/sql-server-samples",
        "481085dc95720244a359f1311afd6003e0bcc09c",
        "MIT (license.txt)",
    ),
    "adventureworks": (
        "microsoft/sql-server-samples",
        "481085dc95720244a359f1311afd6003e0bcc09c",
        "MIT (license.txt)",
    ),
    "adventureworks_dw": (
        "microsoft/sql-server-samples",
        "481085dc95720244a359f1311afd6003e0bcc09c",
        "MIT (license.txt)",
    ),
    "openflights": (
        "jpatokal/openflights",
        "5a0360255a5a2ff2b9f1e9cb199716da68a8a33f",
        "ODbL 1.0 (data/LICENSE)",
    ),
}


def _git_show(git_dir: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(git_dir), "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def generic_type(t: sqltypes.TypeEngine) -> str | None:
    """The set's generic type for a reflected column type; None for binary and search
    vectors, which the sets leave out."""
    if isinstance(t, sqltypes.Boolean):
        return "boolean"
    if isinstance(t, sqltypes.BigInteger):
        return "bigint"
    if isinstance(t, sqltypes.Integer):
        return "integer"
    if isinstance(t, sqltypes.Float):
        return "float"
    if isinstance(t, sqltypes.Numeric):
        if t.precision and t.scale is not None:
            return f"numeric({t.precision},{t.scale})"
        return "numeric"
    if isinstance(t, sqltypes.DateTime):
        return "timestamp"
    if isinstance(t, sqltypes.Date):
        return "date"
    if isinstance(t, sqltypes.Time):
        return "time"
    if isinstance(t, sqltypes._Binary):
        return None
    if isinstance(t, sqltypes.String | sqltypes.Enum | sqltypes.ARRAY):
        length = getattr(t, "length", None)
        return f"varchar({length})" if length else "text"
    name = type(t).__name__.lower()
    if "tsvector" in name or "null" in name:
        return None
    return "text"


def reflect(
    engine: Engine,
    schema: str | None,
    set_schema: str,
    *,
    exclude: set[str] = frozenset(),
    types: dict[str, str] | None = None,
) -> list[TableData]:
    """Every table of ``schema`` with all its rows, renamed into schema ``set_schema``."""
    inspector = inspect(engine)
    tables = []
    for name in sorted(inspector.get_table_names(schema=schema)):
        if name in exclude:
            continue
        columns = []
        for c in inspector.get_columns(name, schema=schema):
            kind = (types or {}).get(f"{name}.{c['name']}") or generic_type(c["type"])
            if kind:
                columns.append((c["name"], kind))
        kept = {c for c, _ in columns}
        pk = inspector.get_pk_constraint(name, schema=schema)["constrained_columns"]
        fks = [
            ForeignKey(
                fk["constrained_columns"],
                f"{set_schema}.{fk['referred_table']}",
                fk["referred_columns"],
            )
            for fk in inspector.get_foreign_keys(name, schema=schema)
            if set(fk["constrained_columns"]) <= kept and fk["referred_table"] not in exclude
        ]
        quoted = ", ".join(engine.dialect.identifier_preparer.quote(c) for c, _ in columns)
        table = engine.dialect.identifier_preparer.quote(name)
        if schema:
            table = f"{engine.dialect.identifier_preparer.quote_schema(schema)}.{table}"
        order = ", ".join(engine.dialect.identifier_preparer.quote(c) for c in pk) or "1"
        with engine.connect() as conn:
            rows = [
                [_plain(v) for v in r]
                for r in conn.execute(text(f"SELECT {quoted} FROM {table} ORDER BY {order}"))
            ]
        tables.append(TableData(set_schema, name, columns, pk, fks, rows))
    return tables


def _plain(value: Any) -> Any:
    if isinstance(value, list):  # PostgreSQL arrays (sakila's special_features)
        return ",".join(str(v) for v in value)
    if hasattr(value, "value") and not isinstance(value, Decimal | str | int | float):
        return value.value  # enums
    return value


def keep_consistent(tables: list[TableData], max_rows: int = MAX_ROWS) -> list[TableData]:
    """At most ``max_rows`` rows a table, each of whose foreign keys points at a kept row.

    Tables are cut parents first (a parent's first rows by key); a child keeps its first
    rows whose keys all point at kept parents. Where only cycles are left (a store's
    manager works in a store), a table of a cycle is cut first, never one that merely
    hangs below it; a cycle's rows cut later, and the rows pointing at them, go after."""
    by_name = {t.qualified: t for t in tables}
    done: dict[str, set[tuple]] = {}
    pending = list(by_name)
    while pending:
        ready = [
            n
            for n in pending
            if all(fk.table in done or fk.table == n for fk in by_name[n].foreign_keys)
        ] or [_on_a_cycle(pending, by_name)]
        for name in ready:
            table = by_name[name]
            index = {c: i for i, (c, _) in enumerate(table.columns)}
            kept = []
            for row in table.rows:
                if len(kept) >= max_rows:
                    break
                if all(_points_at_kept(row, index, fk, done) for fk in table.foreign_keys):
                    kept.append(row)
            table.rows = kept
            done[name] = set()
            pending.remove(name)
            for other in by_name.values():  # remember the keys others may point at
                for fk in other.foreign_keys:
                    if fk.table == name:
                        cols = [index[c] for c in fk.ref_columns if c in index]
                        done[name] |= {tuple(r[i] for i in cols) for r in kept}
    _drop_dangling(by_name)
    return tables


def _on_a_cycle(pending: list[str], by_name: dict[str, TableData]) -> str:
    """A pending table on a cycle of pending tables (each waits for a pending parent):
    followed parent by parent, the first table met twice."""
    seen: list[str] = []
    name = pending[0]
    while name not in seen:
        seen.append(name)
        parents = [fk.table for fk in by_name[name].foreign_keys if fk.table in pending]
        name = next((p for p in parents if p != name), name)
    return name


def _drop_dangling(by_name: dict[str, TableData]) -> None:
    """Drop the rows whose keys point at rows no longer kept, until none do."""
    changed = True
    while changed:
        changed = False
        for table in by_name.values():
            index = {c: i for i, (c, _) in enumerate(table.columns)}
            for fk in table.foreign_keys:
                parent = by_name.get(fk.table)
                if parent is None:
                    continue
                where = {c: i for i, (c, _) in enumerate(parent.columns)}
                keys = {tuple(r[where[c]] for c in fk.ref_columns) for r in parent.rows}
                kept = [
                    r
                    for r in table.rows
                    if any(r[index[c]] is None for c in fk.columns)
                    or tuple(r[index[c]] for c in fk.columns) in keys
                ]
                changed |= len(kept) < len(table.rows)
                table.rows = kept


def _points_at_kept(row: list[Any], index: dict[str, int], fk: ForeignKey, done) -> bool:
    values = tuple(row[index[c]] for c in fk.columns)
    if any(v is None for v in values) or fk.table not in done:
        return True  # no reference, or a cycle's table not cut yet
    return values in done[fk.table]


# --- the sources ------------------------------------------------------------------------


def chinook(git_dir: Path, commit: str) -> list[TableData]:
    data = _git_show(git_dir, commit, "ChinookDatabase/DataSources/Chinook_Sqlite.sqlite")
    with tempfile.NamedTemporaryFile(suffix=".sqlite") as f:
        f.write(data)
        f.flush()
        engine = create_engine(f"sqlite:///{f.name}")
        tables = reflect(engine, None, "chinook")
        engine.dispose()
    return tables


def _restore_pg(name: str, scripts: list[bytes]) -> Engine:
    database = f"governance_eval_src_{name}"
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {database}"))
    admin.dispose()
    for script in scripts:
        subprocess.run(
            [
                "psql",
                "-q",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=0",
            ],
            input=script,
            check=True,
            capture_output=True,
        )
    return create_engine(f"{PG_SERVER}/{database}")


def _drop_pg(name: str) -> None:
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS governance_eval_src_{name} WITH (FORCE)"))
    admin.dispose()


def sakila(git_dir: Path, commit: str) -> list[TableData]:
    scripts = [
        _git_show(git_dir, commit, "postgres-sakila-db/postgres-sakila-schema.sql"),
        _git_show(git_dir, commit, "postgres-sakila-db/postgres-sakila-insert-data-using-copy.sql"),
    ]
    engine = _restore_pg("sakila", scripts)
    try:
        names = inspect(engine).get_table_names(schema="public")
        partitions = {n for n in names if re.match(r"payment_p\d", n)}
        return reflect(engine, "public", "sakila", exclude=partitions)
    finally:
        engine.dispose()
        _drop_pg("sakila")


def northwind(git_dir: Path, commit: str) -> list[TableData]:
    engine = _restore_pg("northwind", [_git_show(git_dir, commit, "northwind.sql")])
    try:
        return reflect(engine, "public", "northwind")
    finally:
        engine.dispose()
        _drop_pg("northwind")


# The Oracle schemas, typed by hand from hr_create.sql and co_create.sql (BLOBs left out,
# except the product details, JSON text stored in one).
ORACLE_TABLES: dict[str, dict[str, Any]] = {
    "oracle_hr": {
        "regions": ([("region_id", "integer"), ("region_name", "varchar(25)")], ["region_id"], []),
        "countries": (
            [
                ("country_id", "varchar(2)"),
                ("country_name", "varchar(60)"),
                ("region_id", "integer"),
            ],
            ["country_id"],
            [(["region_id"], "regions", ["region_id"])],
        ),
        "locations": (
            [
                ("location_id", "integer"),
                ("street_address", "varchar(40)"),
                ("postal_code", "varchar(12)"),
                ("city", "varchar(30)"),
                ("state_province", "varchar(25)"),
                ("country_id", "varchar(2)"),
            ],
            ["location_id"],
            [(["country_id"], "countries", ["country_id"])],
        ),
        "departments": (
            [
                ("department_id", "integer"),
                ("department_name", "varchar(30)"),
                ("manager_id", "integer"),
                ("location_id", "integer"),
            ],
            ["department_id"],
            [
                (["location_id"], "locations", ["location_id"]),
                (["manager_id"], "employees", ["employee_id"]),
            ],
        ),
        "jobs": (
            [
                ("job_id", "varchar(10)"),
                ("job_title", "varchar(35)"),
                ("min_salary", "integer"),
                ("max_salary", "integer"),
            ],
            ["job_id"],
            [],
        ),
        "employees": (
            [
                ("employee_id", "integer"),
                ("first_name", "varchar(20)"),
                ("last_name", "varchar(25)"),
                ("email", "varchar(25)"),
                ("phone_number", "varchar(20)"),
                ("hire_date", "date"),
                ("job_id", "varchar(10)"),
                ("salary", "numeric(8,2)"),
                ("commission_pct", "numeric(2,2)"),
                ("manager_id", "integer"),
                ("department_id", "integer"),
            ],
            ["employee_id"],
            [
                (["department_id"], "departments", ["department_id"]),
                (["job_id"], "jobs", ["job_id"]),
                (["manager_id"], "employees", ["employee_id"]),
            ],
        ),
        "job_history": (
            [
                ("employee_id", "integer"),
                ("start_date", "date"),
                ("end_date", "date"),
                ("job_id", "varchar(10)"),
                ("department_id", "integer"),
            ],
            ["employee_id", "start_date"],
            [
                (["employee_id"], "employees", ["employee_id"]),
                (["job_id"], "jobs", ["job_id"]),
                (["department_id"], "departments", ["department_id"]),
            ],
        ),
    },
    "oracle_co": {
        "customers": (
            [
                ("customer_id", "integer"),
                ("email_address", "varchar(255)"),
                ("full_name", "varchar(255)"),
            ],
            ["customer_id"],
            [],
        ),
        "stores": (
            [
                ("store_id", "integer"),
                ("store_name", "varchar(255)"),
                ("web_address", "varchar(100)"),
                ("physical_address", "varchar(512)"),
                ("latitude", "numeric(9,6)"),
                ("longitude", "numeric(9,6)"),
                ("logo_mime_type", "varchar(512)"),
                ("logo_filename", "varchar(512)"),
                ("logo_charset", "varchar(512)"),
                ("logo_last_updated", "date"),
            ],
            ["store_id"],
            [],
        ),
        "products": (
            [
                ("product_id", "integer"),
                ("product_name", "varchar(255)"),
                ("unit_price", "numeric(10,2)"),
                ("product_details", "text"),
                ("image_mime_type", "varchar(512)"),
                ("image_filename", "varchar(512)"),
                ("image_charset", "varchar(512)"),
                ("image_last_updated", "date"),
            ],
            ["product_id"],
            [],
        ),
        "orders": (
            [
                ("order_id", "integer"),
                ("order_tms", "timestamp"),
                ("customer_id", "integer"),
                ("order_status", "varchar(10)"),
                ("store_id", "integer"),
            ],
            ["order_id"],
            [
                (["customer_id"], "customers", ["customer_id"]),
                (["store_id"], "stores", ["store_id"]),
            ],
        ),
        "shipments": (
            [
                ("shipment_id", "integer"),
                ("store_id", "integer"),
                ("customer_id", "integer"),
                ("delivery_address", "varchar(512)"),
                ("shipment_status", "varchar(100)"),
            ],
            ["shipment_id"],
            [
                (["store_id"], "stores", ["store_id"]),
                (["customer_id"], "customers", ["customer_id"]),
            ],
        ),
        "order_items": (
            [
                ("order_id", "integer"),
                ("line_item_id", "integer"),
                ("product_id", "integer"),
                ("unit_price", "numeric(10,2)"),
                ("quantity", "integer"),
                ("shipment_id", "integer"),
            ],
            ["order_id", "line_item_id"],
            [
                (["order_id"], "orders", ["order_id"]),
                (["shipment_id"], "shipments", ["shipment_id"]),
                (["product_id"], "products", ["product_id"]),
            ],
        ),
        "inventory": (
            [
                ("inventory_id", "integer"),
                ("store_id", "integer"),
                ("product_id", "integer"),
                ("product_inventory", "integer"),
            ],
            ["inventory_id"],
            [(["store_id"], "stores", ["store_id"]), (["product_id"], "products", ["product_id"])],
        ),
    },
}
ORACLE_TABLES["oracle_oe"] = {  # typed by hand from order_entry's oe_cre.sql and c*_v3.sql
    "promotions": ([("promo_id", "integer"), ("promo_name", "varchar(20)")], ["promo_id"], []),
    "product_information": (
        [
            ("product_id", "integer"),
            ("product_name", "varchar(50)"),
            ("product_description", "varchar(2000)"),
            ("category_id", "integer"),
            ("weight_class", "integer"),
            ("warranty_period", "varchar(10)"),
            ("supplier_id", "integer"),
            ("product_status", "varchar(20)"),
            ("list_price", "numeric(8,2)"),
            ("min_price", "numeric(8,2)"),
            ("catalog_url", "varchar(50)"),
        ],
        ["product_id"],
        [],
    ),
    "warehouses": (
        [
            ("warehouse_id", "integer"),
            ("warehouse_spec", "text"),
            ("warehouse_name", "varchar(35)"),
            ("location_id", "integer"),
            ("wh_geo", "text"),
        ],
        ["warehouse_id"],
        [],
    ),
    "customers": (
        [
            ("customer_id", "integer"),
            ("cust_first_name", "varchar(20)"),
            ("cust_last_name", "varchar(20)"),
            ("street_address", "varchar(40)"),
            ("postal_code", "varchar(10)"),
            ("city", "varchar(30)"),
            ("state_province", "varchar(10)"),
            ("country_id", "varchar(2)"),
            ("phone_numbers", "varchar(130)"),
            ("nls_language", "varchar(3)"),
            ("nls_territory", "varchar(30)"),
            ("credit_limit", "numeric(9,2)"),
            ("cust_email", "varchar(40)"),
            ("account_mgr_id", "integer"),
            ("cust_geo_location", "text"),
            ("date_of_birth", "date"),
            ("marital_status", "varchar(20)"),
            ("gender", "varchar(1)"),
            ("income_level", "varchar(20)"),
        ],
        ["customer_id"],
        [],
    ),
    "orders": (
        [
            ("order_id", "integer"),
            ("order_date", "timestamp"),
            ("order_mode", "varchar(8)"),
            ("customer_id", "integer"),
            ("order_status", "integer"),
            ("order_total", "numeric(8,2)"),
            ("sales_rep_id", "integer"),
            ("promotion_id", "integer"),
        ],
        ["order_id"],
        [(["customer_id"], "customers", ["customer_id"])],
    ),
    "order_items": (
        [
            ("order_id", "integer"),
            ("line_item_id", "integer"),
            ("product_id", "integer"),
            ("unit_price", "numeric(8,2)"),
            ("quantity", "integer"),
        ],
        ["order_id", "line_item_id"],
        [
            (["order_id"], "orders", ["order_id"]),
            (["product_id"], "product_information", ["product_id"]),
        ],
    ),
    "inventories": (
        [("product_id", "integer"), ("warehouse_id", "integer"), ("quantity_on_hand", "integer")],
        ["product_id", "warehouse_id"],
        [
            (["product_id"], "product_information", ["product_id"]),
            (["warehouse_id"], "warehouses", ["warehouse_id"]),
        ],
    ),
}
_INSERT = re.compile(r"INSERT\s+INTO\s+(\w+)\s*(?:\(([^)]*)\))?\s*VALUES\s*\(", re.I)
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def _oracle_values(sql: str, start: int) -> tuple[list[Any], int]:
    """The values of one ``VALUES (...)`` list from ``start`` (just after its parenthesis):
    numbers, quoted text, NULL and the few functions the scripts use, evaluated."""
    values: list[Any] = []
    i, depth, token = start, 0, ""
    while True:
        ch = sql[i]
        if ch == "'":
            j, buf = i + 1, []
            while True:
                if sql[j] == "'" and sql[j + 1 : j + 2] == "'":
                    buf.append("'")
                    j += 2
                elif sql[j] == "'":
                    break
                else:
                    buf.append(sql[j])
                    j += 1
            token += "'" + "".join(buf).replace("\x00", "") + "\x00"  # a closed literal
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                values.append(_oracle_value(token.strip()))
                return values, i + 1
            depth -= 1
        elif ch == "," and depth == 0:
            values.append(_oracle_value(token.strip()))
            token = ""
            i += 1
            continue
        token += ch
        i += 1


def _oracle_value(token: str) -> Any:
    literals = re.findall(r"'([^\x00]*)\x00", token)
    upper = token.upper()
    if upper == "NULL":
        return None
    if upper.startswith("TO_DATE"):
        day, month, year = re.split(r"[-/]", literals[0])
        return f"{year}-{month}-{day}"
    if upper.startswith("TO_TIMESTAMP"):
        d, mon, rest = literals[0].split("-", 2)
        year, clock = rest.split(" ")
        h, m, s, frac = clock.split(".")
        month = _MONTHS.index(mon.upper()) + 1
        return f"{year}-{month:02d}-{int(d):02d}T{h}:{m}:{s}.{frac[:6]}"
    if literals:
        return literals[0]
    if not re.fullmatch(r"-?\d+(\.\d*)?", token):
        return None  # a PL/SQL variable (one product's long details): left empty
    return Decimal(token) if "." in token else int(token)


def _oracle_script(git_dir: Path, commit: str, script: str) -> str:
    return _oracle_text(_git_show(git_dir, commit, script).decode("utf-8"))


def _oracle_text(sql: str, *, continued: bool = False) -> str:
    """The script without its comment lines; ``continued`` joins SQL*Plus's continued
    lines (a trailing -, read as a space) first, so that one starting "rem..." is kept."""
    if continued:
        sql = sql.replace("-\n", " ")
    return "\n".join(line for line in sql.splitlines() if not re.match(r"\s*(rem|--)", line, re.I))


def _oracle(set_name: str, git_dir: Path, commit: str, script: str) -> list[TableData]:
    return _oracle_tables(set_name, _oracle_script(git_dir, commit, script))


def _oracle_tables(set_name: str, sql: str) -> list[TableData]:
    """The tables of ORACLE_TABLES[set_name] with the rows the script's INSERTs give."""
    specs = ORACLE_TABLES[set_name]
    rows: dict[str, list[list[Any]]] = {name: [] for name in specs}
    for m in _INSERT.finditer(sql):
        table = m.group(1).lower()
        values, _ = _oracle_values(sql, m.end())
        columns = [c for c, _ in specs[table][0]]
        # without a column list, the first columns (oe's customers get their last by UPDATE)
        named = [c.strip().lower() for c in m.group(2).split(",")] if m.group(2) else columns
        named = named if m.group(2) else columns[: len(values)]
        record = dict(zip(named, values, strict=True))
        if len(specs[table][1]) == 1 and record.get(specs[table][1][0]) is None:
            record[specs[table][1][0]] = len(rows[table]) + 1  # an identity column
        rows[table].append([record.get(c) for c in columns])
    return [
        TableData(
            set_name,
            name,
            columns,
            pk,
            [ForeignKey(cols, f"{set_name}.{ref}", ref_cols) for cols, ref, ref_cols in fks],
            sorted(
                rows[name], key=lambda r: tuple(r[[c for c, _ in columns].index(k)] for k in pk)
            ),
        )
        for name, (columns, pk, fks) in specs.items()
    ]


# Order Entry (oe), read flat: its address type's attributes are columns, its phone list
# one text, its geometries left out (so is the warehouses' XML spec, NULL throughout).
OE_SCRIPTS = [  # as loe_v3.sql runs them; product_descriptions' translations left out
    "order_entry/oe_p_pi.sql",
    "order_entry/pwhs_v3.sql",
    "order_entry/pcus_v3.sql",
    "order_entry/pord_v3.sql",
    "order_entry/oe_p_itm.sql",
    "order_entry/oe_p_inv.sql",
    "order_entry/loe_v3.sql",
]
OE_LEFT_OUT = {"customers": {"cust_geo_location"}, "warehouses": {"warehouse_spec", "wh_geo"}}
_OE_TIMESTAMP = re.compile(
    r"TO_TIMESTAMP\('(\d\d)-(\w{3})-(\d\d) (\d\d)\.(\d\d)\.(\d\d)\.(\d+) ([AP]M)'"
    r"\s*,\s*'[^']*'\s*,\s*'[^']*'\)",
    re.I,
)
_OE_GEOMETRY = re.compile(
    r"MDSYS\.SDO_GEOMETRY\s*\(\s*2001\s*,\s*8307\s*,\s*MDSYS\.SDO_POINT_TYPE\s*\([^)]*\)"
    r"\s*,\s*NULL\s*,\s*NULL\s*\)",
    re.I,
)
_OE_UPDATE = re.compile(
    r"UPDATE customers c\s+SET\s+c\.date_of_birth\s*=\s*'(\d\d)-(\w{3})-(\d\d)'"
    r"\s*,\s*c\.marital_status\s*=\s*'([^']*)'\s*,\s*c\.gender\s*=\s*'([^']*)'"
    r"\s*,\s*c\.income_level\s*=\s*'([^']*)'\s*WHERE c\.customer_id\s*=\s*(\d+)",
    re.I,
)


def _oe_timestamp(m: re.Match) -> str:
    day, mon, year, hour, minute, second, fraction, half = m.groups()
    hour24 = int(hour) % 12 + (12 if half.upper() == "PM" else 0)
    month = _MONTHS.index(mon.upper()) + 1
    return f"'20{year}-{month:02d}-{day}T{hour24:02d}:{minute}:{second}.{fraction[:6]}'"


def _oe_flat(sql: str) -> str:
    """Order Entry's scripts as the INSERT parser reads them: timestamps and intervals as
    text, object values flattened."""
    sql = _OE_TIMESTAMP.sub(_oe_timestamp, sql)
    sql = re.sub(r"to_yminterval\(('[^']*')\)", r"\1", sql, flags=re.I)
    sql = re.sub(r"cust_address_typ\s*\(([^)]*)\)", r"\1", sql, flags=re.I)
    sql = re.sub(
        r"PHONE_LIST_TYP\s*\(([^)]*)\)",
        lambda m: "'" + ", ".join(re.findall(r"'([^']*)'", m[1])) + "'",
        sql,
        flags=re.I,
    )
    return _OE_GEOMETRY.sub("NULL", sql)


def oracle_oe(git_dir: Path, commit: str) -> list[TableData]:
    """Oracle's Order Entry: customers (with the birth dates, marital status, gender and
    income its BI additions set by UPDATE; two-digit years read as 19..), orders and their
    items, products, warehouses and their stock, promotions."""
    return oe_tables([_git_show(git_dir, commit, s).decode("utf-8") for s in OE_SCRIPTS])


def oe_tables(scripts: list[str]) -> list[TableData]:
    """Order Entry's tables from the text of its scripts, in the order they run."""
    sql = "\n".join(_oe_flat(_oracle_text(s, continued=True)) for s in scripts)
    tables = _oracle_tables("oracle_oe", sql)
    extra = {
        int(m[7]): [
            f"19{m[3]}-{_MONTHS.index(m[2].upper()) + 1:02d}-{m[1]}",
            m[4],
            m[5],
            m[6],
        ]
        for m in _OE_UPDATE.finditer(sql)
    }
    for table in tables:
        names = [c for c, _ in table.columns]
        if table.name == "customers":
            at = names.index("date_of_birth")
            for row in table.rows:
                row[at : at + 4] = extra[row[0]]
        keep = [i for i, c in enumerate(names) if c not in OE_LEFT_OUT.get(table.name, ())]
        table.columns = [table.columns[i] for i in keep]
        table.rows = [[row[i] for i in keep] for row in table.rows]
    return tables


# OpenFlights' data files (no header; \N for NULL) with the columns its load-data.sql
# names; the tables have no declared keys between them (MyISAM), so none here either.
OPENFLIGHTS: dict[str, tuple[str, list[tuple[str, str]], list[str]]] = {
    "airports": (
        "data/airports.dat",
        [
            ("apid", "integer"),
            ("name", "text"),
            ("city", "text"),
            ("country", "text"),
            ("iata", "varchar(3)"),
            ("icao", "varchar(4)"),
            ("y", "float"),
            ("x", "float"),
            ("elevation", "integer"),
            ("timezone", "float"),
            ("dst", "varchar(1)"),
            ("tz_id", "text"),
            ("type", "text"),
            ("source", "text"),
        ],
        ["apid"],
    ),
    "airlines": (
        "data/airlines.dat",
        [
            ("alid", "integer"),
            ("name", "text"),
            ("alias", "text"),
            ("iata", "varchar(2)"),
            ("icao", "varchar(3)"),
            ("callsign", "text"),
            ("country", "text"),
            ("active", "varchar(1)"),
        ],
        ["alid"],
    ),
    "routes": (
        "data/routes.dat",
        [
            ("airline", "varchar(3)"),
            ("alid", "integer"),
            ("src_ap", "varchar(4)"),
            ("src_apid", "integer"),
            ("dst_ap", "varchar(4)"),
            ("dst_apid", "integer"),
            ("codeshare", "text"),
            ("stops", "text"),
            ("equipment", "text"),
        ],
        [],
    ),
    "countries": (
        "data/countries.dat",
        [("name", "text"), ("iso_code", "varchar(2)"), ("dafif_code", "varchar(2)")],
        [],
    ),
    "planes": (
        "data/planes.dat",
        [("name", "varchar(80)"), ("iata", "text"), ("icao", "text")],
        [],
    ),
}


def _flight_value(text: str, kind: str) -> Any:
    if text == "\\N":
        return None
    if kind == "integer":
        return int(text) if re.fullmatch(r"-?\d+", text) else None
    if kind == "float":
        return float(text)
    return text


def openflights(git_dir: Path, commit: str) -> list[TableData]:
    """Places, airlines, routes and aircraft only: a set for precision. Rows are taken
    evenly through each file (every n-th), not its first few hundred, for variety."""
    tables = []
    for name, (path, columns, pk) in OPENFLIGHTS.items():
        data = _git_show(git_dir, commit, path).decode("utf-8")
        records = [r for r in csv.reader(io.StringIO(data)) if r]
        step = max(1, len(records) // MAX_ROWS)
        rows = [
            [_flight_value(v, k) for v, (_, k) in zip(r, columns, strict=True)]
            for r in records[::step][:MAX_ROWS]
        ]
        tables.append(TableData("openflights", name, columns, pk, [], rows))
    return tables


EXTRACTORS: dict[str, Callable[[Path, str], list[TableData]]] = {
    "chinook": chinook,
    "sakila": sakila,
    "northwind": northwind,
    "oracle_hr": lambda g, c: _oracle("oracle_hr", g, c, "human_resources/hr_populate.sql"),
    "oracle_co": lambda g, c: _oracle("oracle_co", g, c, "customer_orders/co_populate.sql"),
    "oracle_oe": oracle_oe,
    "pubs": pubs,
    "adventureworks": adventureworks,
    "adventureworks_dw": adventureworks_dw,
    "openflights": openflights,
}


def data_path(name: str) -> Path:
    return HERE / name / "data.json.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--only", action="append", help="a set name; repeatable")
    args = parser.parse_args()
    for name in args.only or list(SOURCES):
        repo, commit, licence = SOURCES[name]
        git_dir = args.mirrors / repo.replace("/", "+") / "repo"
        if not git_dir.exists():
            print(f"{name}: no snapshot at {git_dir} (fetch github:{repo})", file=sys.stderr)
            continue
        tables = keep_consistent(EXTRACTORS[name](git_dir, commit))
        evalset = EvalSet(name, f"github:{repo}@{commit} ({licence})", tables)
        write_set(evalset, data_path(name))
        size = data_path(name).stat().st_size
        print(
            f"{name}: {len(tables)} tables, {len(evalset.columns())} columns, "
            f"{sum(len(t.rows) for t in tables)} rows, {size / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
