"""Data-subject requests (GDPR art. 15 access, art. 17 erasure): recorded in the warehouse,
run by request id, so that no identifier of a person travels through Airflow."""
