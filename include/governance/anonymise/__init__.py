"""Anonymised (pseudonymised) analytics tables, built in staging, proven, swapped in at once.

The DAG calls :mod:`.steps`. :mod:`.plan` says what an output holds, :mod:`.forms` holds
each rule's forms (Python in :mod:`.rules`, SQL in :mod:`.sql`), :mod:`.build` fills the
staging table by one of :mod:`.methods` (pushdown, streaming) in full or from an
increment (:mod:`.incremental`), :mod:`.checks` is the proof, :mod:`.staging` the swap,
:mod:`.records` and :mod:`.report` what is kept of a run. :mod:`.chunks` is the chunked
reading and writing every path shares."""
