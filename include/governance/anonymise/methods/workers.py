"""The streaming path on PostgreSQL, spread over processes that all read one snapshot.

The source is cut into pieces of about ``chunk_rows`` rows (``PIECE_ROWS`` at most) by
ranges of its blocks (``ctid``, read by TID range scans: PostgreSQL 14 and later). This
process and up to ``processes - 1`` helpers take pieces in turn from a shared counter;
each piece is read, transformed and written with :mod:`.copy`, so memory stays at
one piece a process whatever the table's size. This process reads in the transaction
that counted the source; it exports that snapshot and each helper imports it (``SET
TRANSACTION SNAPSHOT``), so every row is read in the one snapshot that was counted.

Helpers start with ``spawn`` (no fork of an Airflow task process), and get the key through
their start-up pipe, never their command line or environment: they start with the task's
environment less everything secret in it (:func:`scrubbed_environment`). They start only when a
table has enough rows to repay their start-up; a helper that has not claimed a piece
when the pieces run out is stopped unstarted. A helper commits each piece it writes; on
any failure every helper is stopped, and the caller drops the staging table.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection as Pipe
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from multiprocessing.sharedctypes import Synchronized

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.engine import URL

from include.governance.anonymise.methods.copy import (
    copy_codec,
    copy_piece,
    session_settings,
    target,
)
from include.governance.anonymise.methods.slices import (
    export_snapshot,
    import_snapshot,
    slices_of_rows,
    table_pages,
)
from include.governance.anonymise.methods.stream import stream_build
from include.governance.anonymise.plan import OutputPlan
from include.governance.dialects import dialect_of
from include.governance.pseudonym import Pseudonymiser, PseudonymKey
from include.governance.restrictions import unrestricted_sql
from include.governance.warehouse import create_warehouse_engine

# Each process holds about 120 MB (Python, SQLAlchemy, pandas) and one piece: a bound on
# the default keeps a build under 500 MB on a machine of many cores.
MAX_DEFAULT_PROCESSES = 2
# A piece's rows as Python strings take about 2 KB a row: at most this many a piece.
PIECE_ROWS = 20_000
# A helper takes about a second to start, while this process gets through 100,000 rows
# or more: one is worth starting for each this many rows.
ROWS_PER_HELPER = 250_000


class StreamWorkerError(RuntimeError):
    """A helper process failed; names the error's class only (database messages can quote
    values)."""


@dataclass(frozen=True)
class _Job:
    """What a helper needs, sent through its start-up pipe (the key's secret never shows in
    a repr, so never in a log)."""

    url: URL
    plan: OutputPlan
    key: PseudonymKey
    run_date: date
    snapshot: str
    target: str
    pieces: tuple[str, ...]


def default_processes() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_PROCESSES))


def stream_output(
    engine: Engine,
    read: Connection,
    write: Connection,
    plan: OutputPlan,
    *,
    staging: Table,
    key: PseudonymKey,
    run_date: date,
    chunk_rows: int,
    source_rows: int,
    processes: int | None = None,
) -> int:
    """Fill ``staging`` from the source read in ``read``'s transaction (on PostgreSQL a
    REPEATABLE READ one that counted ``source_rows``), but the rows an erasure restricted;
    rows written."""
    where = pieces(read, plan.source, source_rows, min(chunk_rows, PIECE_ROWS))
    if where is None:
        return stream_build(
            read,
            write,
            plan,
            staging=staging,
            pseudonymise=Pseudonymiser(key),
            run_date=run_date,
            chunk_rows=chunk_rows,
        )
    quote = read.dialect.identifier_preparer.quote
    allowed = unrestricted_sql(read, plan.source, f"src.{quote(plan.key)}")
    where = [f"({piece}) AND {allowed}" for piece in where]
    session_settings(read)
    session_settings(write)
    codec = copy_codec(read, plan, key, run_date)
    to = target(write, staging)
    wanted = (processes or default_processes()) - 1
    helpers = min(wanted, len(where) - 1, source_rows // ROWS_PER_HELPER)
    if helpers < 1:
        return sum(copy_piece(read, write, codec, to=to, where=w) for w in where)
    snapshot = export_snapshot(read)
    job = _Job(engine.url, plan, key, run_date, snapshot, to, tuple(where))
    with _Helpers(job, helpers) as team:
        written = 0
        while (i := team.claim(None)) is not None:
            written += copy_piece(read, write, codec, to=to, where=where[i])
        return written + team.finish()


def pieces(conn: Connection, source: str, rows: int, chunk_rows: int) -> list[str] | None:
    """``WHERE`` conditions that cut the source into slices of about ``chunk_rows`` rows;
    None where it cannot be read slice by slice."""
    pages = table_pages(conn, source) if dialect_of(conn).page_slices else None
    if pages is None:
        return None
    return [s.where() for s in slices_of_rows(pages, rows, chunk_rows)]


# Names of environment variables that may hold a secret: Airflow's own (variables,
# connections, configuration such as the Fernet key) and anything named like a credential.
_SECRET_NAMES = re.compile(r"^AIRFLOW|SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|_KEY$|_KEY_", re.I)


@contextmanager
def scrubbed_environment() -> Iterator[None]:
    """This process's environment without what may be secret, while a helper is spawned
    (``spawn`` starts it with the environment of the moment); restored afterwards."""
    removed = {
        name: os.environ.pop(name) for name in list(os.environ) if _SECRET_NAMES.search(name)
    }
    try:
        yield
    finally:
        os.environ.update(removed)


class _Helpers:
    """Helper processes and the counter they and this process take pieces from."""

    def __init__(self, job: _Job, count: int):
        context = multiprocessing.get_context("spawn")
        self._pieces = len(job.pieces)
        self._next: Synchronized = context.Value("i", 0)
        self._claimed = context.Array("b", count, lock=False)  # under _next's lock
        self._processes: list[BaseProcess] = []
        self._results: list[Pipe] = []
        for index in range(count):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_help,
                args=(job, index, self, send),
                name=f"anonymise-stream-{index}",
                daemon=True,
            )
            with scrubbed_environment():
                process.start()
            send.close()
            self._processes.append(process)
            self._results.append(receive)

    def __getstate__(self) -> dict:  # what a helper gets: the counter, not the processes
        return {"_pieces": self._pieces, "_next": self._next, "_claimed": self._claimed}

    def __enter__(self) -> _Helpers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is not None:
            self._stop(everyone=True)
        for process, result in zip(self._processes, self._results, strict=True):
            process.join()
            result.close()

    def claim(self, helper: int | None) -> int | None:
        """The next piece to do, None when all are taken."""
        with self._next.get_lock():
            i = self._next.value
            if i >= self._pieces:
                return None
            self._next.value = i + 1
            if helper is not None:
                self._claimed[helper] = 1
            return i

    def finish(self) -> int:
        """Rows the helpers wrote, once those that took pieces are done."""
        working = self._stop(everyone=False)
        written = 0
        for index in working:
            process, result = self._processes[index], self._results[index]
            wait([result, process.sentinel])
            if not result.poll():
                raise StreamWorkerError(f"{process.name} ended with exit code {process.exitcode}")
            outcome, value = result.recv()
            if outcome != "ok":
                raise StreamWorkerError(f"{process.name} failed: {value}")
            written += value
        return written

    def _stop(self, everyone: bool) -> list[int]:
        """Give out no more pieces; stop the helpers that have taken none (all of them when
        ``everyone``), with the counter's lock held so that none dies holding it. The
        helpers still working."""
        working = []
        with self._next.get_lock():
            self._next.value = self._pieces
            for index, process in enumerate(self._processes):
                if everyone or not self._claimed[index]:
                    process.terminate()
                else:
                    working.append(index)
        return working


def _help(job: _Job, index: int, helpers: _Helpers, results: Pipe) -> None:
    """A helper's life: take pieces until none is left, each in the exported snapshot."""
    try:
        results.send(("ok", _help_with(job, index, helpers)))
    except Exception as exc:  # reported by class only: a database message can quote values
        results.send(("error", type(exc).__name__))


def _help_with(job: _Job, index: int, helpers: _Helpers) -> int:
    i = helpers.claim(index)
    if i is None:
        return 0
    engine = create_warehouse_engine(job.url)
    written = 0
    codec = None
    with engine.connect() as conn:
        while i is not None:
            with conn.begin():
                import_snapshot(conn, job.snapshot)
                session_settings(conn)
                codec = codec or copy_codec(conn, job.plan, job.key, job.run_date)
                written += copy_piece(conn, conn, codec, to=job.target, where=job.pieces[i])
            i = helpers.claim(index)
    engine.dispose()
    return written
