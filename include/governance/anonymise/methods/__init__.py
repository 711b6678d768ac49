"""The ways to fill an output's staging table, chosen in ``anonymise.build``: inside
PostgreSQL (:mod:`.pushdown`, over page :mod:`.slices` at once), or streamed through Python
(:mod:`.stream` in chunks anywhere; :mod:`.copy` text and helper processes,
:mod:`.workers`, on PostgreSQL)."""
