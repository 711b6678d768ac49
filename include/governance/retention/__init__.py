"""Retention: delete expired records with their child rows, in batches, with holds, a dry
run, an audit and a proof. The DAG calls :mod:`.steps`; :mod:`.plan` counts and guards,
:mod:`.delete` deletes in audited batches, :mod:`.checks` proves the result,
:mod:`.records` and :mod:`.report` keep what a run did."""
