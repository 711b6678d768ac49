"""k-anonymous marketing segments of consenting customers, with pseudonymous members.

The DAG's segments task calls :mod:`.steps`; :mod:`.labels` makes each customer's finest
labels, :mod:`.kanonymity` chooses the generalisation, :mod:`.segments` writes, proves and
publishes the segments."""
