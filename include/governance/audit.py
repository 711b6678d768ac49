"""The governance schema: what every run did, kept in the warehouse for compliance to query.

Tasks cannot reach Airflow's metadata database in Airflow 3, and compliance should not need
to: run records, the personal-data register and its history live here, next to the data
they describe. Only counts, names, categories and masked examples are stored, never values.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.schema import CreateColumn, CreateIndex, CreateTable

from include.governance.catalog import Catalog
from include.governance.pseudonym import FINGERPRINT_LENGTH
from include.governance.tables import TableName
from include.governance.warehouse import ensure_schema

GOVERNANCE_SCHEMA = "governance"
# Where outputs are built before they are published: the project's own, no one else's.
STAGING_SCHEMA = "governance_staging"
# Schemas the project writes: scanned only when a scan names them (the leak check does).
PROJECT_SCHEMAS = (GOVERNANCE_SCHEMA, STAGING_SCHEMA, "analytics", "marketing")

TIMESTAMP = DateTime(timezone=True)
OBJECT_TYPE_COMMENT = "table, view, materialized view or foreign table"
metadata = MetaData(schema=GOVERNANCE_SCHEMA)


def _column_ref() -> list[Column]:
    return [
        Column("schema_name", String(128), primary_key=True),
        Column("table_name", String(128), primary_key=True),
        Column("column_name", String(128), primary_key=True),
    ]


pii_scan_runs = Table(
    "pii_scan_runs",
    metadata,
    Column("scan_id", String(250), primary_key=True),
    Column("scanned_at", TIMESTAMP, nullable=False, comment="the run's logical date"),
    Column("started_at", TIMESTAMP, nullable=False),
    Column("finished_at", TIMESTAMP),
    Column("policy_version", String(12), nullable=False),
    Column("sample_size", Integer, nullable=False),
    Column("schemas", JSON, nullable=False),
    Column("tables_found", Integer, nullable=False),
    Column("tables_scanned", Integer),
    Column("tables_failed", Integer),
    Column("tables_not_sampled", Integer, comment="with a column that could not be read"),
    Column("columns_scanned", Integer),
    Column("findings", Integer),
    Column("ungoverned", Integer),
    Column("leaks", Integer, comment="personal data in output schemas where the policy puts none"),
    Column("changes", Integer),
    Column("status", String(20), nullable=False),
    Column("report_path", Text),
    Column("disagreements", Integer, comment="findings that argue against a reviewed decision"),
    Column(
        "detectors_version",
        String(12),
        comment="a hash of the detectors' and the sampler's code and word lists",
    ),
    Column("full_scan", Boolean, comment="every table sampled, asked for by the trigger"),
    Column("tables_rescanned", Integer, comment="sampled and classified by this scan"),
    Column("tables_carried", Integer, comment="unchanged since their last scan: findings carried"),
    Column("processing_record", Text, comment="the record of processing this scan regenerated"),
)

pii_scan_tables = Table(
    "pii_scan_tables",
    metadata,
    Column("scan_id", String(250), primary_key=True),
    Column("schema_name", String(128), primary_key=True),
    Column("table_name", String(128), primary_key=True),
    Column(
        "status",
        String(20),
        nullable=False,
        comment="pending, scanned (or carried unchanged), not sampled (a column could not "
        "be read), failed or dropped",
    ),
    Column("object_type", String(20), comment=OBJECT_TYPE_COMMENT),
    Column("not_sampled", JSON, comment="columns that could not be read: the error's class"),
    Column("columns_scanned", Integer),
    Column("rows_sampled", Integer),
    Column("sampling", String(40), comment="how the rows were sampled"),
    Column("seconds", Float),
    Column("error", Text, comment="error class and message, never values"),
    Column(
        "fingerprint",
        String(64),
        comment="a hash of the columns and the database's change counters, read before "
        "sampling; kept only once scanned. None: no counters, sampled every scan",
    ),
    Column("sampled_at", TIMESTAMP, comment="the logical date of the scan that sampled it"),
    Column(
        "carried_from",
        String(250),
        comment="unchanged: the scan whose findings it keeps (None: sampled by this scan)",
    ),
    Column("scan_reason", String(80), comment="why it was sampled, not carried"),
)

pii_scan_findings = Table(
    "pii_scan_findings",
    metadata,
    Column("scan_id", String(250), primary_key=True),
    *_column_ref(),
    Column("category", String(64), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("evidence", JSON, nullable=False),
)

pii_columns = Table(
    "pii_columns",
    metadata,
    *_column_ref(),
    Column("category", String(64), comment="none where the column is only a link"),
    Column("confidence", Float, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("links_to", String(257), comment="the table of people or addresses a key points at"),
    Column("governed", Boolean, nullable=False, comment="a rule in policy.yml covers it"),
    Column("object_type", String(20), comment=OBJECT_TYPE_COMMENT),
    Column(
        "leak",
        Boolean,
        comment="in an output schema where the policy puts no such data (None: not in one)",
    ),
    Column("policy_category", String(64), comment="the category policy.yml gives it"),
    Column("first_seen", TIMESTAMP, nullable=False),
    Column("last_seen", TIMESTAMP, nullable=False),
    Column("last_scan_id", String(250), nullable=False),
    Column(
        "confirmed",
        Boolean,
        comment="a person confirmed the finding (the policy's reviewed:); NULL: a suggestion",
    ),
)

pii_changes = Table(
    "pii_changes",
    metadata,
    Column("scan_id", String(250), primary_key=True),
    *_column_ref(),
    Column("change", String(20), nullable=False, comment="new, removed or recategorised"),
    Column("old_category", String(64)),
    Column("new_category", String(64)),
    Column("detected_at", TIMESTAMP, nullable=False),
)


def ensure_governance_tables(engine: Engine) -> None:
    """Create the governance schema and its tables where missing. ``IF NOT EXISTS``, not
    check-then-create: two DAGs starting at once must not race each other into an error."""
    ensure_schema(engine, GOVERNANCE_SCHEMA)
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            conn.execute(CreateTable(table, if_not_exists=True))
            for index in table.indexes:
                conn.execute(CreateIndex(index, if_not_exists=True))
            _add_new_columns(conn, table)
            _drop_not_null(conn, table)


def _add_new_columns(conn: Connection, table: Table) -> None:
    """Columns added to a governance table since it was created (all nullable): a warehouse
    kept from an earlier version gains them, and keeps its history."""
    found = {c["name"] for c in Catalog(conn).get_columns(table.name, schema=table.schema)}
    for column in table.columns:
        if column.name not in found:
            definition = CreateColumn(column).compile(dialect=conn.dialect)
            name = TableName(table.schema, table.name).quoted(conn)
            conn.exec_driver_sql(f"ALTER TABLE {name} ADD COLUMN {definition}")


def _drop_not_null(conn: Connection, table: Table) -> None:
    """Columns that may be empty since the table was created (a link has no category): a
    warehouse kept from an earlier version lets them be. SQLite alters no column, so the
    table is copied into its new form."""
    found = {c["name"]: c for c in Catalog(conn).get_columns(table.name, schema=table.schema)}
    relaxed = [
        c for c in table.columns if c.nullable and c.name in found and not found[c.name]["nullable"]
    ]
    if not relaxed:
        return
    name = TableName(table.schema, table.name).quoted(conn)
    if conn.dialect.name == "sqlite":
        old = TableName(table.schema, f"{table.name}_before").quoted(conn)
        conn.exec_driver_sql(f"ALTER TABLE {name} RENAME TO {old.rsplit('.', 1)[-1]}")
        conn.execute(CreateTable(table))
        columns = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in found)
        conn.exec_driver_sql(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {old}")
        conn.exec_driver_sql(f"DROP TABLE {old}")
        return
    for column in relaxed:
        if conn.dialect.name == "postgresql":
            quoted = conn.dialect.identifier_preparer.quote(column.name)
            conn.exec_driver_sql(f"ALTER TABLE {name} ALTER COLUMN {quoted} DROP NOT NULL")
        else:
            definition = CreateColumn(column).compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {name} MODIFY COLUMN {definition}")


# --- reports ---

report_files = Table(
    "report_files",
    metadata,
    Column("path", String(512), primary_key=True, comment="<dag id>/<run>/<file>, as linked"),
    Column("content", LargeBinary(2**32 - 1), nullable=False, comment="zlib-compressed"),
    Column("written_at", TIMESTAMP, nullable=False),
    comment="Every run's report and Data Docs, for a Governance page that shares no disk "
    "with the workers that wrote them.",
)


# --- data-subject requests ---

subject_requests = Table(
    "subject_requests",
    metadata,
    Column("request_id", Integer, primary_key=True, autoincrement=True),
    Column("request_type", String(10), nullable=False, comment="access or erasure"),
    Column(
        "identifier_kind",
        String(20),
        nullable=False,
        comment="email, phone, national_id or customer_id: the category of what it matches",
    ),
    Column(
        "identifier",
        Text,
        nullable=False,
        comment="the person's identifier, normalised; it never leaves the warehouse: Airflow "
        "is given the request id",
    ),
    Column("case_reference", String(128), nullable=False),
    Column("received_at", TIMESTAMP, nullable=False),
    Column("due_at", TIMESTAMP, nullable=False, comment="one month after it was received"),
    Column("status", String(20), nullable=False),
    Column("closed_at", TIMESTAMP),
    comment="Filled by compliance: the data-subject requests the subject_request DAG answers.",
)

# What an erasure does to a row (subject_erasure_rows.action): CLEAR and KEEP leave the
# person's row in place; SHARED is someone else's row that holds a phone of theirs
DELETE, CLEAR, REDACT, KEEP, SHARED = "delete", "clear", "redact", "keep", "shared"

subject_erasure_rows = Table(
    "subject_erasure_rows",
    metadata,
    Column("request_id", Integer, primary_key=True),
    Column("step", Integer, primary_key=True, comment="the plan's order: children first"),
    Column(
        "key_value",
        String(254),
        primary_key=True,
        comment="the row's key as text (in a table without one, the value that named it)",
    ),
    Column("table_name", String(257), nullable=False),
    Column("action", String(10), nullable=False, comment="delete, clear, redact or keep"),
    Column("key_column", String(128), nullable=False),
    Column("columns", JSON, nullable=False, comment="the columns cleared or redacted"),
    Column("reason", Text, nullable=False),
    Column("done_at", TIMESTAMP, comment="set in the transaction that changed the row"),
    Column(
        "empty_columns",
        JSON,
        comment="a table without a key: the columns empty in the rows key_value names "
        "(those naming its rows before key_column)",
    ),
    comment="An erasure's plan, row by row: what a killed run's re-run carries on from.",
)

subject_erasure_audit = Table(
    "subject_erasure_audit",
    metadata,
    Column("request_id", Integer, primary_key=True),
    Column("step", Integer, primary_key=True),
    Column("batch", Integer, primary_key=True),
    Column("table_name", String(257), nullable=False),
    Column("action", String(10), nullable=False),
    Column("columns", JSON, nullable=False),
    Column("rows", Integer, nullable=False, comment="rows changed, in the same transaction"),
    Column("at", TIMESTAMP, nullable=False),
    comment="Every batch of an erasure, written in the transaction that made it.",
)

subject_identifiers = Table(
    "subject_identifiers",
    metadata,
    Column("request_id", Integer, primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("value", String(254), primary_key=True),
    comment="An erasure's identifiers of the person (from their rows, before they go), for "
    "its verification to search for; removed once it is verified.",
)

subject_found_tables = Table(
    "subject_found_tables",
    metadata,
    Column("request_id", Integer, primary_key=True),
    Column("table_name", String(257), primary_key=True),
    Column(
        "key_column",
        String(128),
        comment="the column its keys are values of (a table without a key: the column that "
        "led there); none where its rows were only counted",
    ),
    Column("rows", Integer, nullable=False),
    Column("found_by", JSON, nullable=False, comment="how its rows were found"),
    Column(
        "then_by",
        JSON,
        comment="a table without a key: the columns, in turn, naming the rows whose "
        "key_column (and every column before) is empty",
    ),
    comment="Where a request's find task found the person, table by table: what the run's "
    "later tasks answer or plan from, instead of finding them again; removed once answered "
    "or planned.",
)

subject_found_rows = Table(
    "subject_found_rows",
    metadata,
    Column("request_id", Integer, primary_key=True),
    Column("table_name", String(257), primary_key=True),
    Column(
        "part",
        String(10),
        primary_key=True,
        comment="key (their row), mention (someone else's row quoting them), shared (someone "
        "else's row with their phone), pseudonym (an output's), identifier",
    ),
    Column(
        "column_name",
        String(128),
        primary_key=True,
        comment="the text quoting them, the output's column, or the identifier's kind; '' "
        "for a key or a shared row",
    ),
    Column("value", String(254), primary_key=True, comment="a key as text, or the value"),
    comment="The rows behind subject_found_tables: keys, pseudonyms and identifiers.",
)

subject_packages = Table(
    "subject_packages",
    metadata,
    Column("request_id", Integer, primary_key=True),
    Column("name", String(300), primary_key=True, comment="summary.html, <schema.table>.json"),
    Column("content", LargeBinary(2**32 - 1), nullable=False, comment="zlib-compressed"),
    Column("written_at", TIMESTAMP, nullable=False),
    comment="Access requests' answers: the person's data, for compliance to send them; never "
    "in report_files (every Governance viewer reads those).",
)


# --- the demo warehouse ---

demo_tables = Table(
    "demo_tables",
    metadata,
    Column("table_name", String(256), primary_key=True, comment="schema.table"),
    Column("built_at", TIMESTAMP, nullable=False),
    comment="The tables the demo made: the only ones a demo build may replace.",
)


# --- retention ---

legal_holds = Table(
    "legal_holds",
    metadata,
    Column("hold_id", Integer, primary_key=True, autoincrement=True),
    Column("table_name", String(256), nullable=False, comment="the held table, schema.table"),
    Column("key_value", String(128), nullable=False, comment="the held row's key, as text"),
    Column("case_reference", String(128), nullable=False),
    Column("placed_at", TIMESTAMP, nullable=False),
    Column("placed_by", String(128)),
    Column("released_at", TIMESTAMP, comment="a hold has no expiry: it lasts until released"),
    Index("ix_legal_holds_key", "table_name", "key_value"),
    comment="Filled by compliance: rows that no retention run may delete while held.",
)

retention_runs = Table(
    "retention_runs",
    metadata,
    Column("run_id", String(250), primary_key=True),
    Column("rule", String(64), nullable=False),
    Column("cutoff", TIMESTAMP, nullable=False),
    Column("policy_version", String(12), nullable=False),
    Column("dry_run", Boolean, nullable=False),
    Column("status", String(20), nullable=False),
    Column("plan", JSON, nullable=False, comment="counts to delete and held, per table"),
    Column("before", JSON, comment="expired rows per table when the run first started"),
    Column("deleted", JSON, comment="rows deleted per table"),
    Column("checks", JSON, comment="Great Expectations outcomes"),
    Column("started_at", TIMESTAMP, nullable=False),
    Column("finished_at", TIMESTAMP),
    Column("report_path", Text),
    Column("error", Text, comment="error class and our own message, never values"),
    Column("continues", JSON, comment="earlier runs of the rule and cutoff it finished"),
)

retention_audit = Table(
    "retention_audit",
    metadata,
    Column("run_id", String(250), primary_key=True),
    Column("batch_no", Integer, primary_key=True),
    Column("table_name", String(256), primary_key=True),
    Column("action", String(20), comment="deleted (expired roots, children), orphans, cleared"),
    Column("rows_deleted", Integer, nullable=False),
    Column("key_min", String(128), nullable=False),
    Column("key_max", String(128), nullable=False),
    Column("cutoff", TIMESTAMP, nullable=False),
    Column("policy_version", String(12), nullable=False),
    Column("deleted_at", TIMESTAMP, nullable=False),
    comment="One row per table per batch, written in the batch's own transaction; counts "
    "and key ranges only: no copy of a deleted row is kept.",
)

retention_deleted_keys = Table(
    "retention_deleted_keys",
    metadata,
    Column("run_id", String(250), primary_key=True),
    Column("table_name", String(256), primary_key=True),
    Column("key_value", String(128), primary_key=True, comment="a row is deleted once"),
    Column("batch_no", Integer, nullable=False),
    comment="The key of each root row a retention batch deleted (with its children), written "
    "in the batch's transaction: the proof by key, and what to delete again after a restore.",
)


# --- anonymisation (analytics outputs and marketing segments) ---

KEY_FINGERPRINT = String(FINGERPRINT_LENGTH)
FINGERPRINT_COMMENT = "an HMAC of a fixed label under the key: tells secrets apart, not the key"

anonymise_runs = Table(
    "anonymise_runs",
    metadata,
    Column("run_id", String(250), primary_key=True),
    Column("run_date", TIMESTAMP, nullable=False, comment="the logical date: ages are on it"),
    Column("started_at", TIMESTAMP, nullable=False),
    Column("finished_at", TIMESTAMP),
    Column("policy_version", String(12), nullable=False),
    Column("status", String(20), nullable=False, comment="running, succeeded or failed"),
    Column("report_path", Text),
    Column(
        "pseudonym_keys",
        JSON,
        comment="each purpose's key version and fingerprint, fixed when the run started",
    ),
)

anonymise_outputs = Table(
    "anonymise_outputs",
    metadata,
    Column("run_id", String(250), primary_key=True),
    Column("output", String(257), primary_key=True),
    Column("source", String(257), nullable=False),
    Column("method", String(20), comment="pushdown or streaming"),
    Column("build", String(20), comment="full, or incremental on the source's watermark"),
    Column("build_reason", Text, comment="why a full build where an incremental one was asked"),
    Column("watermark", TIMESTAMP, comment="the latest change to the source this build holds"),
    Column("changed_rows", Integer, comment="incremental: source rows changed since the last"),
    Column("removed_rows", Integer, comment="incremental: rows gone from the source since"),
    Column(
        "future_rows",
        Integer,
        comment="source rows stamped after the build's snapshot: the watermark is capped there",
    ),
    Column("key_version", String(40), comment="the pseudonymisation key's version, not the key"),
    Column("key_fingerprint", KEY_FINGERPRINT, comment=FINGERPRINT_COMMENT),
    Column("source_rows", Integer),
    Column("output_rows", Integer),
    Column("suppressed", Integer, comment="source rows left out on purpose"),
    Column("quasi_identifiers", JSON, comment="the policy's, of the output: names only"),
    Column("k_smallest", Integer, comment="rows in the smallest group of quasi-identifiers"),
    Column("unique_share", Float, comment="share of rows alone in their group"),
    Column("min_k", Integer, comment="the policy's minimum k, if any"),
    Column("levels", JSON, comment="generalisation level per quasi-identifier (0: finest)"),
    Column("checks", Integer),
    Column("checks_failed", JSON, comment="the failing expectations, counts only"),
    Column("seconds", Float),
    Column("status", String(20), nullable=False, comment="built, failed or published"),
    Column("error", Text, comment="error class and message, never values"),
    Column("data_docs", Text),
)

segment_runs = Table(
    "segment_runs",
    metadata,
    Column("run_id", String(250), primary_key=True),
    Column("k", Integer, nullable=False),
    Column("k_achieved", Integer, comment="the smallest segment's size"),
    Column("consenting", Integer, nullable=False),
    Column("suppressed", Integer, nullable=False),
    Column("max_suppressed", Integer, nullable=False, comment="the policy's budget"),
    Column("segments", Integer, nullable=False),
    Column("average_size", Float),
    Column("levels", JSON, nullable=False, comment="generalisation level per quasi-identifier"),
    Column("hierarchy_version", String(20), nullable=False),
    Column("key_version", String(40), nullable=False),
    Column("key_fingerprint", KEY_FINGERPRINT, comment=FINGERPRINT_COMMENT),
)
