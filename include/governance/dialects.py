"""What differs between the warehouse databases, declared in one place.

Callers ask the warehouse's :class:`Dialect` (``dialect_of(engine)``) for a flag or a SQL
snippet instead of branching on the database's name, as sqlglot declares its dialects'
differences as flags and tables. There is one object per supported database: PostgreSQL
(the production warehouse), MariaDB/MySQL, and SQLite (the embedded default). To support
another, add an object here and a driver in ``warehouse._DRIVERS``; every flag says what
code relies on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from sqlalchemy import Boolean, Connection, Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from include.governance.tables import TableName


class SchemaKind(Enum):
    """What a schema is: a namespace inside the database, a server-wide database
    (MariaDB/MySQL, where the URL's database does not scope it), or an attached file."""

    NAMESPACE = "CREATE SCHEMA"
    DATABASE = "CREATE DATABASE"
    FILE = "attached file"


class Publish(Enum):
    """How a staged output leaves the staging schema for its own (``anonymise.staging``)."""

    MOVE = "ALTER TABLE ... SET SCHEMA, in a transaction"
    RENAME = "one RENAME TABLE across databases"
    COPY = "a copy into the schema's file, in a transaction"


@dataclass(frozen=True)
class Dialect:
    """One database's differences; a flag's default is what plain SQL gives."""

    name: str
    """SQLAlchemy's name for it (``mysql`` also for MariaDB)."""
    schemas: SchemaKind = SchemaKind.NAMESPACE
    """How a schema is made (``warehouse.ensure_schema``)."""
    schema_options: str = ""
    """What a schema the project makes is made with, and set to when it exists already
    (MariaDB's databases default to the server's character set: latin1 on a stock one)."""
    private_schema: str | None = None
    """What keeps a schema of the project's own (staging) from every other role
    (``{schema}``); None: nothing grants it by default (MariaDB), or the schema is a
    file, made readable by its owner only (SQLite)."""
    pushdown: bool = False
    """Every anonymisation rule but redaction has a SQL form here (pgcrypto's ``hmac``,
    ``inet``, regular expressions): outputs are built in the database."""
    copy: bool = False
    """Rows go in and out in bulk through ``COPY ... FROM/TO STDIN`` (psycopg)."""
    page_slices: bool = False
    """A table can be cut into ranges of its pages (``ctid`` TID ranges, PostgreSQL 14+),
    read in parallel on one exported snapshot."""
    snapshot_reads: bool = False
    """A connection set to REPEATABLE READ (and UTC) counts and reads in one snapshot."""
    row_locks: bool = False
    """``SELECT ... FOR UPDATE`` locks a batch's rows for its transaction."""
    materialized_views: bool = False
    """The catalogue lists materialized views, which the inventory scans like tables."""
    foreign_tables: bool = False
    """The catalogue lists foreign tables (``CREATE FOREIGN TABLE``), which are scanned too."""
    tablesample: bool = False
    """``TABLESAMPLE SYSTEM`` with a row estimate from the catalogue, for sampling."""
    failed_statement_aborts: bool = False
    """A failed statement ends its transaction: a read that may fail runs in a savepoint."""
    statement_timeout: str | None = None
    """A timeout for each statement of a transaction (``{ms}``); None: there is none."""
    batch_limits: str | None = None
    """Bounds on every statement and lock wait of a retention batch (``{seconds}``), so a
    batch that would scan or wait for long fails instead of blocking other writers."""
    batch_limits_reset: str | None = None
    """What ends :attr:`batch_limits` after the batch, where they outlive its transaction
    (MariaDB sets them for the session)."""
    regex_operator: str = "REGEXP"
    """The infix operator matching a regular expression."""
    digits_only: str = "{text} REGEXP '^[0-9]+$'"
    """A test that a text value is one or more ASCII digits (:class:`DigitsOnly`)."""
    text_cast: str = "VARCHAR(64)"
    """A type to ``CAST`` a value to, as text of up to 64 characters."""
    like_any: bool = False
    """``text LIKE ANY (array)``: a text searched for several patterns is computed once a
    row, and the search can run in parallel workers; elsewhere one ``LIKE`` a pattern."""
    aware_timestamps: bool = False
    """Timestamps are compared as aware values; elsewhere as naive UTC."""
    anti_join: bool = False
    """``NOT EXISTS`` is planned as a hashed anti-join; elsewhere ``NOT IN`` (subquery)
    is the indexed lookup and ``NOT EXISTS`` a scan per row."""
    publish: Publish = Publish.MOVE
    """How a staged output is swapped in: moved in a transaction of DDL; renamed by one
    ``RENAME TABLE a TO b, c TO d`` where DDL commits implicitly (MariaDB); copied where a
    table cannot leave its schema's file, its index made at the swap (SQLite, whose driver
    commits before DDL on its own: the transaction is begun on the raw connection)."""
    unique_indexes: str | None = None
    """A query of one row whose ``n`` counts the valid unique indexes of table
    ``{schema}.{name}`` (the server's names) on ``{column}`` alone: the proof of a key's
    uniqueness where the staged table is indexed before it is proven, at no cost, where
    comparing the values sorts the table. None: the values are compared (SQLite, whose
    staged tables get their index at the swap)."""
    not_null_columns: str = (
        "SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = '{schema}' "
        "AND table_name = '{name}' AND column_name = '{column}' AND is_nullable = 'NO'"
    )
    """A query of one row whose ``n`` is 1 where column ``{column}`` of table
    ``{schema}.{name}`` (the server's names) is NOT NULL by its definition, else 0: a
    proof from the catalogue, where a NULL count reads every row and a column that may
    hold NULLs would let a later insert in."""
    index_names_per_table: bool = False
    """Index names are unique per table (and kept by a rename), not per schema."""
    reclaim: str | None = None
    """The statement that gives deleted rows' space back, per table (``{table}``) or per
    schema (``{schema}``); None: the engine reuses it on its own (InnoDB)."""
    create_index: str = "CREATE INDEX {name} ON {schema}.{table} ({column})"
    """How an index on one column is made (SQLite puts the schema on the index's name)."""
    doubled_quote_in_reflected_names: str | None = None
    """A quote the catalogue leaves doubled inside the column names it reflects (SQLAlchemy
    reads MariaDB's columns from ``SHOW CREATE TABLE``, which writes a backtick in a name
    twice); None: names are reflected as they are (``catalog.Catalog`` undoubles them)."""
    change_counters: str | None = None
    """One catalogue query per schema (``{schema}`` quoted, ``:schema`` as a value, both the
    server's name) giving each object of the schema as ``name``, its ``columns`` (names,
    types and order), the database's own change counters for it as text (``counters``), and
    whether they can be trusted to show every change since they were read (``counted``):
    the inventory's fingerprints (``inventory.fingerprints``). None: no such catalogue, every
    table is sampled every scan."""
    counters_flush: str | None = None
    """What sends this session's own change counters to the catalogue at its next commit
    (PostgreSQL keeps a session's counts for up to seconds before it does)."""
    counters_pending: str | None = None
    """A query of the seconds until the other sessions of the database that went idle
    lately have sent their counts to the catalogue (``{seconds}``: the longest a session
    keeps them once idle): :attr:`change_counters` read sooner could miss a change just
    committed. None: the counters are there at commit."""
    file_change_counter: bool = False
    """Each schema is a file whose header counts the transactions that changed it (SQLite's
    file change counter, kept in rollback-journal modes only), passed to
    :attr:`change_counters` as ``:file_counter``: a change anywhere in the file is a change
    of each of its tables."""
    connect_args: tuple[tuple[str, str], ...] = ()
    """What every connection is opened with: sessions in UTC, so that a timestamp compares
    the same whatever the server's or the database's time zone (a naive column is read as
    UTC), and MySQL's full UTF-8."""

    def reflected_name(self, name: str) -> str:
        """A column's own name from the one the catalogue reflected."""
        quote = self.doubled_quote_in_reflected_names
        return name.replace(quote * 2, quote) if quote else name

    def reclaim_statements(self, tables: list[str]) -> list[str]:
        """The statements that reclaim the space of rows deleted from ``tables``."""
        if self.reclaim is None:
            return []
        if "{schema}" in self.reclaim:
            schemas = sorted({TableName.parse(t).schema for t in tables})
            return [self.reclaim.format(schema=s) for s in schemas]
        return [self.reclaim.format(table=t) for t in tables]


POSTGRESQL = Dialect(
    name="postgresql",
    like_any=True,
    pushdown=True,
    copy=True,
    page_slices=True,
    snapshot_reads=True,
    row_locks=True,
    materialized_views=True,
    foreign_tables=True,
    tablesample=True,
    failed_statement_aborts=True,
    statement_timeout="SET LOCAL statement_timeout = {ms}",
    batch_limits="SET LOCAL statement_timeout = '{seconds}s'",
    private_schema="REVOKE ALL ON SCHEMA {schema} FROM PUBLIC",
    # no JOIN keyword: GX aliases a query's {batch} only where it finds none
    unique_indexes="SELECT count(*) AS n FROM pg_index i, pg_attribute a "
    "WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
    """AND i.indrelid = to_regclass('"{schema}"."{name}"') AND i.indisunique """
    "AND i.indisvalid AND i.indnatts = 1 AND a.attname = '{column}'",
    regex_operator="~",
    digits_only="{text} ~ '^[0-9]+$'",
    aware_timestamps=True,
    anti_join=True,
    reclaim="VACUUM (ANALYZE) {table}",
    # pg_stat_user_tables (tables and materialized views): inserted, updated and deleted
    # rows are counted for ever; the live rows, the file node (TRUNCATE, REFRESH, VACUUM
    # FULL), the object's oid (dropped and made again), the server's start (a crash loses
    # the counters) and the database's last statistics reset (pg_stat_reset(), also of one
    # table) make a counter that was reset and counted up to the same number differ. Views,
    # foreign tables and partitioned tables (their rows are counted in their partitions)
    # have no counters of their own; with track_counts off, nothing is counted.
    counters_flush="SELECT pg_stat_force_next_flush()",
    # PostgreSQL 15 sends an idle session's counts at most PGSTAT_IDLE_INTERVAL (10 s)
    # after it went idle; one busy in a statement since, when that statement ends.
    counters_pending="SELECT COALESCE(max(extract(epoch FROM state_change - clock_timestamp()) "
    "+ {seconds}), 0) FROM pg_stat_activity WHERE datname = current_database() "
    "AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state = 'idle' "
    "AND state_change > clock_timestamp() - make_interval(secs => {seconds})",
    change_counters="SELECT c.relname AS name, (SELECT string_agg(quote_ident(a.attname) || "
    "' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_attribute a "
    "WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns, "
    "concat_ws(' ', c.oid, c.relfilenode, s.n_tup_ins, s.n_tup_upd, s.n_tup_del, s.n_live_tup, "
    "extract(epoch FROM pg_postmaster_start_time()), extract(epoch FROM "
    "pg_stat_get_db_stat_reset_time((SELECT oid FROM pg_database "
    "WHERE datname = current_database())))) AS counters, "
    "current_setting('track_counts')::boolean AND c.relkind IN ('r', 'm') "
    "AND s.n_tup_ins IS NOT NULL AND s.n_tup_upd IS NOT NULL AND s.n_tup_del IS NOT NULL "
    "AND s.n_live_tup IS NOT NULL AS counted "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid "
    "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
    connect_args=(("options", "-c TimeZone=UTC"),),
)
MARIADB = Dialect(
    name="mysql",
    schemas=SchemaKind.DATABASE,
    # utf8mb4's default collation, the one its connections use: tables of two collations
    # cannot be compared in one query ("Illegal mix of collations").
    schema_options="CHARACTER SET utf8mb4",
    row_locks=True,
    batch_limits="SET SESSION max_statement_time = {seconds}, innodb_lock_wait_timeout = {seconds}",
    batch_limits_reset="SET SESSION max_statement_time = DEFAULT, "
    "innodb_lock_wait_timeout = DEFAULT",
    text_cast="CHAR",
    publish=Publish.RENAME,
    unique_indexes="SELECT count(*) AS n FROM information_schema.statistics s "
    "WHERE s.table_schema = '{schema}' AND s.table_name = '{name}' AND s.column_name = "
    "'{column}' AND s.non_unique = 0 AND s.seq_in_index = 1 AND NOT EXISTS (SELECT 1 FROM "
    "information_schema.statistics s2 WHERE s2.table_schema = s.table_schema AND "
    "s2.table_name = s.table_name AND s2.index_name = s.index_name AND s2.seq_in_index = 2)",
    index_names_per_table=True,
    doubled_quote_in_reflected_names="`",
    # information_schema.TABLES: InnoDB sets UPDATE_TIME (to the second) at each commit that
    # changes a table and forgets it (NULL) after a restart or when the table leaves the
    # dictionary cache; one changed in the current second may change again unseen within
    # it. TABLE_ROWS is an estimate that moves without a change: left out.
    change_counters="SELECT t.TABLE_NAME AS name, GROUP_CONCAT(CONCAT(c.ORDINAL_POSITION, ' ', "
    "c.COLUMN_NAME, ' ', c.COLUMN_TYPE) ORDER BY c.ORDINAL_POSITION SEPARATOR ', ') AS columns, "
    "CONCAT_WS(' ', t.TABLE_TYPE, t.ENGINE, t.CREATE_TIME, t.UPDATE_TIME) AS counters, "
    "MAX(t.TABLE_TYPE = 'BASE TABLE' AND t.UPDATE_TIME IS NOT NULL AND t.UPDATE_TIME < NOW()) "
    "AS counted FROM information_schema.TABLES t LEFT JOIN information_schema.COLUMNS c "
    "ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME "
    "WHERE t.TABLE_SCHEMA = :schema GROUP BY t.TABLE_NAME, t.TABLE_TYPE, t.ENGINE, "
    "t.CREATE_TIME, t.UPDATE_TIME",
    connect_args=(("charset", "utf8mb4"), ("init_command", "SET time_zone = '+00:00'")),
)
SQLITE = Dialect(
    name="sqlite",
    schemas=SchemaKind.FILE,
    publish=Publish.COPY,
    digits_only="({text} <> '' AND {text} NOT GLOB '*[^0-9]*')",
    create_index="CREATE INDEX {schema}.{name} ON {table} ({column})",
    not_null_columns="SELECT count(*) AS n FROM pragma_table_info('{name}', '{schema}') "
    "WHERE name = '{column}' AND \"notnull\" = 1",
    reclaim="VACUUM {schema}",
    # no counters per table: the schema's file change counter stands for each of its tables
    # (a view may read other files: it has none)
    change_counters="SELECT m.name AS name, (SELECT group_concat(p.cid || ' ' || p.name || ' ' "
    "|| p.type, ', ') FROM pragma_table_info(m.name, :schema) p) AS columns, "
    "CAST(:file_counter AS TEXT) AS counters, "
    "m.type = 'table' AND :file_counter IS NOT NULL AS counted "
    "FROM {schema}.sqlite_master m WHERE m.type IN ('table', 'view')",
    file_change_counter=True,
)
DIALECTS = {d.name: d for d in (POSTGRESQL, MARIADB, SQLITE)}


def dialect_of(bind: Engine | Connection) -> Dialect:
    """The dialect of an engine or a connection; a clear error for one not supported."""
    return dialect_named(bind.dialect.name)


def dialect_named(name: str) -> Dialect:
    """The dialect of SQLAlchemy's name for it (a URL's backend name)."""
    if name not in DIALECTS:
        raise ValueError(
            f"the warehouse database {name!r} is not supported (supported: {', '.join(DIALECTS)})"
        )
    return DIALECTS[name]


class DigitsOnly(ColumnElement):
    """True when ``text`` is one or more ASCII digits, in each warehouse's own SQL: a guard
    before a text is cast to a number (PostgreSQL fails on the cast, MariaDB warns)."""

    type = Boolean()
    inherit_cache = True
    _traverse_internals: ClassVar = [("text", InternalTraversal.dp_clauseelement)]

    def __init__(self, text: ColumnElement):
        self.text = text


@compiles(DigitsOnly)
def _compile_digits_only(element: DigitsOnly, compiler, **kw) -> str:
    text = compiler.process(element.text, **kw)
    return dialect_named(compiler.dialect.name).digits_only.format(text=text)
