"""Two of Microsoft's sample databases (github:microsoft/sql-server-samples, MIT) in the
sets' compact form: ``pubs`` (legacy abbreviations: ``au_fname``, ``minit``, ``stor_name``)
from its T-SQL install script, and part of AdventureWorks' data warehouse (PascalCase:
``FirstName``, ``StateProvinceCode``, ``EnglishPromotionName``) from its DDL script and
pipe-separated data files. No SQL Server is needed: the scripts are parsed here. Called by
samples.py, which says where the snapshot is and writes the files.
"""

from __future__ import annotations

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


# --- AdventureWorks (OLTP and data warehouse) -------------------------------------------------

AW_FOLDER = "samples/databases/adventure-works/oltp-install-script"
# The OLTP database's tables about people, their accounts and cards, and lookups, whose data
# files the snapshot holds (Person.Person, over 4 MiB, is not there). Addresses are left
# out: one table holds people's, stores' and vendors' alike.
AW_TABLES = (
    ("HumanResources", "Employee"),
    ("HumanResources", "Department"),
    ("HumanResources", "EmployeeDepartmentHistory"),
    ("HumanResources", "EmployeePayHistory"),
    ("HumanResources", "JobCandidate"),
    ("HumanResources", "Shift"),
    ("Person", "EmailAddress"),
    ("Person", "PersonPhone"),
    ("Person", "PhoneNumberType"),
    ("Person", "Password"),
    ("Person", "ContactType"),
    ("Person", "CountryRegion"),
    ("Person", "StateProvince"),
    ("Sales", "CreditCard"),
    ("Sales", "PersonCreditCard"),
    ("Sales", "Currency"),
    ("Production", "ProductReview"),
    ("Purchasing", "Vendor"),
)
_CREATE = re.compile(r"CREATE TABLE \[(\w+)\]\.\[(\w+)\]\s*\((.*?)\n\)\s*ON", re.S)
_COLUMN = re.compile(r"^\s*\[(\w+)\]\s+(?:\[(\w+)\]|(\w+))(?:\s*\((\w+)(?:,\s*(\d+))?\))?", re.M)
_USER_TYPE = re.compile(r"CREATE TYPE \[(\w+)\] FROM (\w+)(?:\((\w+)\))?")
_ALTER = re.compile(r"ALTER TABLE \[(\w+)\]\.\[(\w+)\][^;]*?;", re.S)
_PK = re.compile(r"PRIMARY KEY (?:CLUSTERED|NONCLUSTERED)?\s*\(([^)]*)\)")
_FK = re.compile(r"FOREIGN KEY\s*\(([^)]*)\)\s*REFERENCES \[(\w+)\]\.\[(\w+)\]\s*\(([^)]*)\)")
_BULK = re.compile(
    r"BULK INSERT\s*\[(\w+)\]\.\[(\w+)\] FROM '[^']*?(\w+\.csv)'\s*WITH \((.*?)\);", re.S
)
_TERMINATOR = re.compile(r"(FIELD|ROW)TERMINATOR = '([^']*)'")
_TSQL_TYPES = {
    "int": "integer",
    "smallint": "integer",
    "tinyint": "integer",
    "bigint": "bigint",
    "money": "numeric(19,4)",
    "smallmoney": "numeric(10,4)",
    "float": "float",
    "datetime": "timestamp",
    "date": "date",
    "time": "time",
    "bit": "boolean",
    "xml": "text",
    "uniqueidentifier": "varchar(36)",
}


def _bracketed(names: str) -> list[str]:
    return re.findall(r"\[(\w+)\]", names)


def _generic(tsql: str, length: str | None, scale: str | None) -> str | None:
    """A T-SQL column type as the sets' generic type; None for binary, hierarchyid and
    computed columns (left out)."""
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


def _terminator(text: str) -> str:
    return "\n" if text in {"0x0a", "\\n"} else text.replace("\\t", "\t").replace("\\n", "\n")


def mssql_tables(
    git_dir: Path, commit: str, *, folder: str, script: str, tables: tuple[tuple[str, str], ...]
) -> list[TableData]:
    """Tables of a SQL Server install script (CREATE TABLE, keys added by ALTER TABLE, user
    types) with the data its BULK INSERTs load from the folder's files, each file read with
    its own field and row terminators. Keys to tables not taken are left out."""
    ddl = _show(git_dir, commit, f"{folder}/{script}")
    wanted = set(tables)
    user_types = {m.group(1): (m.group(2), m.group(3)) for m in _USER_TYPE.finditer(ddl)}
    specs: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    for m in _CREATE.finditer(ddl):
        if (m.group(1), m.group(2)) not in wanted:
            continue
        columns = []
        for c in _COLUMN.finditer(m.group(3)):
            kind, length, scale = c.group(2) or c.group(3), c.group(4), c.group(5)
            if kind in user_types:
                kind, length = user_types[kind]
            columns.append((c.group(1), None if kind == "AS" else _generic(kind, length, scale)))
        specs[(m.group(1), m.group(2))] = columns
    keys: dict[tuple[str, str], list[str]] = {}
    fks: dict[tuple[str, str], list[ForeignKey]] = {name: [] for name in specs}
    for alter in _ALTER.finditer(ddl):
        table, statement = (alter.group(1), alter.group(2)), alter.group(0)
        if table not in specs:
            continue
        if pk := _PK.search(statement):
            keys[table] = _bracketed(pk.group(1))
        for fk in _FK.finditer(statement):
            if (fk.group(2), fk.group(3)) in specs:
                fks[table].append(
                    ForeignKey(
                        _bracketed(fk.group(1)),
                        f"{fk.group(2)}.{fk.group(3)}",
                        _bracketed(fk.group(4)),
                    )
                )
    loads = {(m.group(1), m.group(2)): (m.group(3), m.group(4)) for m in _BULK.finditer(ddl)}
    result = []
    for table in tables:
        spec = specs[table]
        file_name, options = loads[table]
        terminators = {k: _terminator(v) for k, v in _TERMINATOR.findall(options)}
        data = _show(git_dir, commit, f"{folder}/{file_name}")
        kept = [(i, c, k) for i, (c, k) in enumerate(spec) if k is not None]
        rows, pending = [], ""
        for record in data.split(terminators["ROW"]):
            record = f"{pending}{terminators['ROW']}{record}" if pending else record
            fields = record.split(terminators["FIELD"])
            if len(fields) < len(spec):  # a value with the row terminator inside (a review)
                pending = record if record.strip() else ""
                continue
            if len(fields) != len(spec):
                raise ValueError(f"{table}: {len(fields)} fields, {len(spec)} columns")
            rows.append([_csv_value(fields[i], k) for i, _, k in kept])
            pending = ""
        if pending:
            raise ValueError(f"{table}: the last row has too few fields")
        pk = keys.get(table, [])
        order = [i for i, (_, c, _) in enumerate(kept) if c in pk]
        rows.sort(key=lambda r: tuple(r[i] for i in order))
        result.append(
            TableData(table[0], table[1], [(c, k) for _, c, k in kept], pk, fks[table], rows)
        )
    return result


def adventureworks(git_dir: Path, commit: str) -> list[TableData]:
    return mssql_tables(git_dir, commit, folder=AW_FOLDER, script="instawdb.sql", tables=AW_TABLES)


def adventureworks_dw(git_dir: Path, commit: str) -> list[TableData]:
    return mssql_tables(
        git_dir,
        commit,
        folder=AWDW_FOLDER,
        script="instawdbdw.sql",
        tables=tuple(("dbo", name) for name in AWDW_TABLES),
    )
