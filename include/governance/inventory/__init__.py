"""The personal-data inventory: find personal data in every table and column, keep the
register, record what changed. The DAG calls :mod:`.steps`; :mod:`.discovery` lists the
tables in scope, :mod:`.scan` samples and classifies one and records the scan,
:mod:`.register` keeps the register and its changes, :mod:`.report` writes the report."""
