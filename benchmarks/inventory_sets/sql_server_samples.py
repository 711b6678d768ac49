"""Two of Microsoft's sample databases (github:microsoft/sql-server-samples, MIT) in the
sets' compact form: ``pubs`` (legacy abbreviations: ``au_fname``, ``minit``, ``stor_name``)
from its T-SQL install script, and part of AdventureWorks' data warehouse (PascalCase:
``FirstName``, ``StateProvinceCode``, ``EnglishPromotionName``) from its DDL script and
pipe-separated data files. No SQL Server is needed: the scripts are parsed here. Called by
samples.py, which says where the snapshot is and writes the files.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks.inventory_sets.model import ForeignKey, TableData

PUBS_SCRIPT = "samples/databases/northwind-pubs/instpubs.sql"
AWDW_FOLDER = "samples/databases/adventure-works/data-warehouse-install-script"
# The warehouse's tables whose data files the snapshot holds (DimCustomer, DimEmployee and
# DimProduct are over the snapshot's 4 MiB limit) and that are not facts of thousands of rows.
AWDW_TABLES = (
    "ProspectiveBuyer",
    "DimGeography",
    "DimSalesTerritory",
    "DimReseller",
    "FactSurveyResponse",
    "FactCallCenter",
    "DimPromotion",
    "DimProductCategory",
    "DimProductSubcategory",
    "DimCurrency",
    "DimOrganization",
    "DimDepartmentGroup",
    "DimScenario",
    "DimAccount",
)


def _show(git_dir: Path, commit: str, path: str) -> str:
    data = subprocess.run(
        ["git", "-C", str(git_dir), "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout
    return data.decode("utf-8-sig").replace("\r", "")


# --- pubs ---------------------------------------------------------------------------------

# pubs' tables as its script creates them (user types id, tid and empid spelt out; the
# publishers' logos, an image column, left out).
PUBS: dict[str, tuple[list[tuple[str, str]], list[str], list[tuple[list[str], str, list[str]]]]] = {
    "authors": (
        [
            ("au_id", "varchar(11)"),
            ("au_lname", "varchar(40)"),
            ("au_fname", "varchar(20)"),
            ("phone", "varchar(12)"),
            ("address", "varchar(40)"),
            ("city", "varchar(20)"),
            ("state", "varchar(2)"),
            ("zip", "varchar(5)"),
            ("contract", "boolean"),
        ],
        ["au_id"],
        [],
    ),
    "publishers": (
        [
            ("pub_id", "varchar(4)"),
            ("pub_name", "varchar(40)"),
            ("city", "varchar(20)"),
            ("state", "varchar(2)"),
            ("country", "varchar(30)"),
        ],
        ["pub_id"],
        [],
    ),
    "titles": (
        [
            ("title_id", "varchar(6)"),
            ("title", "varchar(80)"),
            ("type", "varchar(12)"),
            ("pub_id", "varchar(4)"),
            ("price", "numeric(19,4)"),
            ("advance", "numeric(19,4)"),
            ("royalty", "integer"),
            ("ytd_sales", "integer"),
            ("notes", "varchar(200)"),
            ("pubdate", "timestamp"),
        ],
        ["title_id"],
        [(["pub_id"], "publishers", ["pub_id"])],
    ),
    "titleauthor": (
        [
            ("au_id", "varchar(11)"),
            ("title_id", "varchar(6)"),
            ("au_ord", "integer"),
            ("royaltyper", "integer"),
        ],
        ["au_id", "title_id"],
        [(["au_id"], "authors", ["au_id"]), (["title_id"], "titles", ["title_id"])],
    ),
    "stores": (
        [
            ("stor_id", "varchar(4)"),
            ("stor_name", "varchar(40)"),
            ("stor_address", "varchar(40)"),
            ("city", "varchar(20)"),
            ("state", "varchar(2)"),
            ("zip", "varchar(5)"),
        ],
        ["stor_id"],
        [],
    ),
    "sales": (
        [
            ("stor_id", "varchar(4)"),
            ("ord_num", "varchar(20)"),
            ("ord_date", "timestamp"),
            ("qty", "integer"),
            ("payterms", "varchar(12)"),
            ("title_id", "varchar(6)"),
        ],
        ["stor_id", "ord_num", "title_id"],
        [(["stor_id"], "stores", ["stor_id"]), (["title_id"], "titles", ["title_id"])],
    ),
    "roysched": (
        [
            ("title_id", "varchar(6)"),
            ("lorange", "integer"),
            ("hirange", "integer"),
            ("royalty", "integer"),
        ],
        [],
        [(["title_id"], "titles", ["title_id"])],
    ),
    "discounts": (
        [
            ("discounttype", "varchar(40)"),
            ("stor_id", "varchar(4)"),
            ("lowqty", "integer"),
            ("highqty", "integer"),
            ("discount", "numeric(4,2)"),
        ],
        [],
        [(["stor_id"], "stores", ["stor_id"])],
    ),
    "jobs": (
        [
            ("job_id", "integer"),
            ("job_desc", "varchar(50)"),
            ("min_lvl", "integer"),
            ("max_lvl", "integer"),
        ],
        ["job_id"],
        [],
    ),
    "pub_info": (
        [("pub_id", "varchar(4)"), ("pr_info", "text")],
        ["pub_id"],
        [(["pub_id"], "publishers", ["pub_id"])],
    ),
    "employee": (
        [
            ("emp_id", "varchar(9)"),
            ("fname", "varchar(20)"),
            ("minit", "varchar(1)"),
            ("lname", "varchar(30)"),
            ("job_id", "integer"),
            ("job_lvl", "integer"),
            ("pub_id", "varchar(4)"),
            ("hire_date", "timestamp"),
        ],
        ["emp_id"],
        [(["job_id"], "jobs", ["job_id"]), (["pub_id"], "publishers", ["pub_id"])],
    ),
}
# The INSERTs without a column list whose values are not the table's columns: jobs' identity
# column is left to the server, pub_info's values include the logo left out here.
_PUBS_VALUES_ORDER = {
    "jobs": ["job_desc", "min_lvl", "max_lvl"],
    "pub_info": ["pub_id", "logo", "pr_info"],
}
_PUBS_INSERT = re.compile(
    r"^\s*insert\s+(?:into\s+)?(\w+)\s*(?:\(([^)]*)\))?\s*values\s*\(", re.I | re.M
)
_PUBS_TOKEN = re.compile(
    r"\s*('(?:[^']|'')*'|NULL|0x[0-9A-Fa-f]*|\$?-?\d+(?:\.\d+)?)\s*([,)])", re.I
)
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})$")


def _tsql_literal(token: str) -> Any:
    """A value of pubs' INSERTs: text, NULL, money ($), a number; binary (0x...) as None."""
    if token.startswith("'"):
        return token[1:-1].replace("''", "'")
    if token.upper() == "NULL" or token.lower().startswith("0x"):
        return None
    number = token.lstrip("$")
    return Decimal(number) if "." in number else int(number)


def _typed(value: Any, kind: str) -> Any:
    """Text of the script in its column's type: US dates (6/15/92) as ISO timestamps."""
    if value is None:
        return None
    if kind == "timestamp" and (m := _US_DATE.match(str(value))):
        month, day, year = (int(g) for g in m.groups())
        return f"{year + 1900 if year < 100 else year:04d}-{month:02d}-{day:02d}T00:00:00"
    if kind == "boolean":
        return bool(int(value))
    return value


def pubs(git_dir: Path, commit: str) -> list[TableData]:
    sql = _show(git_dir, commit, PUBS_SCRIPT)
    rows: dict[str, list[list[Any]]] = {name: [] for name in PUBS}
    for m in _PUBS_INSERT.finditer(sql):
        table = m.group(1).lower()
        columns = PUBS[table][0]
        names = [c for c, _ in columns]
        if m.group(2):
            script_names = [c.strip().lower() for c in m.group(2).split(",")]
        else:
            script_names = _PUBS_VALUES_ORDER.get(table, names)
        values, pos = [], m.end()
        while True:
            t = _PUBS_TOKEN.match(sql, pos)
            if t is None:
                raise ValueError(f"pubs: cannot read a value of {table} at offset {pos}")
            values.append(_tsql_literal(t.group(1)))
            pos = t.end()
            if t.group(2) == ")":
                break
        record = dict(zip(script_names, values, strict=True))
        if table == "jobs" and "job_id" not in record:
            record["job_id"] = len(rows[table]) + 1  # an identity column
        rows[table].append([_typed(record.get(c), k) for c, k in columns])
    return [
        TableData(
            "dbo",
            name,
            columns,
            pk,
            [ForeignKey(cols, f"dbo.{ref}", ref_cols) for cols, ref, ref_cols in fks],
            rows[name],
        )
        for name, (columns, pk, fks) in PUBS.items()
    ]


# --- AdventureWorks DW ----------------------------------------------------------------------

_CREATE = re.compile(r"CREATE TABLE \[dbo\]\.\[(\w+)\]\((.*?)\n\) ON", re.S)
_COLUMN = re.compile(r"^\s*\[(\w+)\]\s+\[(\w+)\](?:\((\w+)(?:,\s*(\d+))?\))?", re.M)
_ALTER = re.compile(r"ALTER TABLE \[dbo\]\.\[(\w+)\][^;]*?;", re.S)
_PK = re.compile(r"PRIMARY KEY (?:CLUSTERED|NONCLUSTERED)?\s*\(([^)]*)\)")
_FK = re.compile(r"FOREIGN KEY\s*\(([^)]*)\)\s*REFERENCES \[dbo\]\.\[(\w+)\]\s*\(([^)]*)\)")
_TSQL_TYPES = {
    "int": "integer",
    "smallint": "integer",
    "tinyint": "integer",
    "bigint": "bigint",
    "money": "numeric(19,4)",
    "float": "float",
    "datetime": "timestamp",
    "date": "date",
    "bit": "boolean",
}


def _bracketed(names: str) -> list[str]:
    return re.findall(r"\[(\w+)\]", names)


def _generic(tsql: str, length: str | None, scale: str | None) -> str | None:
    """A T-SQL column type as the sets' generic type; None for binary (left out)."""
    tsql = tsql.lower()
    if tsql in _TSQL_TYPES:
        return _TSQL_TYPES[tsql]
    if tsql in {"varchar", "nvarchar", "char", "nchar"}:
        return "text" if length in {None, "max"} else f"varchar({length})"
    if tsql in {"decimal", "numeric"}:
        return f"numeric({length},{scale or 0})"
    return None


def _csv_value(text: str, kind: str) -> Any:
    if text == "":
        return None
    if kind in {"integer", "bigint"}:
        return int(text)
    if kind == "float":
        return float(text)
    if kind.startswith("numeric"):
        return Decimal(text)
    if kind == "boolean":
        return text in {"1", "True", "true"}
    if kind == "timestamp":
        return text.replace(" ", "T")
    return text


def adventureworks_dw(git_dir: Path, commit: str) -> list[TableData]:
    ddl = _show(git_dir, commit, f"{AWDW_FOLDER}/instawdbdw.sql")
    wanted = set(AWDW_TABLES)
    specs: dict[str, list[tuple[str, str | None]]] = {
        m.group(1): [
            (c.group(1), _generic(c.group(2), c.group(3), c.group(4)))
            for c in _COLUMN.finditer(m.group(2))
        ]
        for m in _CREATE.finditer(ddl)
        if m.group(1) in wanted
    }
    keys: dict[str, list[str]] = {}
    fks: dict[str, list[ForeignKey]] = {name: [] for name in specs}
    for alter in _ALTER.finditer(ddl):
        table, statement = alter.group(1), alter.group(0)
        if table not in specs:
            continue
        if pk := _PK.search(statement):
            keys[table] = _bracketed(pk.group(1))
        for fk in _FK.finditer(statement):
            if fk.group(2) in specs:
                fks[table].append(
                    ForeignKey(
                        _bracketed(fk.group(1)), f"dbo.{fk.group(2)}", _bracketed(fk.group(3))
                    )
                )
    tables = []
    for name in AWDW_TABLES:
        spec = specs[name]
        data = _show(git_dir, commit, f"{AWDW_FOLDER}/{name}.csv")
        kept = [(i, c, k) for i, (c, k) in enumerate(spec) if k is not None]
        rows = []
        for record in csv.reader(io.StringIO(data), delimiter="|", quoting=csv.QUOTE_NONE):
            if not record:
                continue
            if len(record) != len(spec):
                raise ValueError(f"{name}: {len(record)} fields, {len(spec)} columns")
            rows.append([_csv_value(record[i], k) for i, _, k in kept])
        pk = keys.get(name, [])
        order = [i for i, (_, c, _) in enumerate(kept) if c in pk]
        rows.sort(key=lambda r: tuple(r[i] for i in order))
        tables.append(TableData("dbo", name, [(c, k) for _, c, k in kept], pk, fks[name], rows))
    return tables
