# syntax=docker/dockerfile:1
# The project's Airflow image: the official image of the pinned Airflow version (see
# requirements.txt; tests/test_docker_compose.py keeps the two in step) with the project's
# pinned requirements baked in, never installed at container start. docker-compose.yml
# builds it for every Airflow service and for the demo seed.
FROM apache/airflow:3.3.2-python3.11

USER root

# Named volumes start as a copy of these folders: owned by airflow (group 0, as the image
# expects), so the worker can write reports and the API server its password file.
RUN mkdir -p /opt/airflow/reports /opt/airflow/auth \
    && chown -R airflow:0 /opt/airflow/reports /opt/airflow/auth \
    && chmod -R g+rwX /opt/airflow/reports /opt/airflow/auth

USER airflow

# requirements.txt pins every package (apache-airflow included), so no constraints file.
COPY --chown=airflow:0 requirements.txt /requirements.txt
RUN pip install --no-cache-dir -r /requirements.txt

# The project's code, so the image runs on its own; docker-compose.yml mounts the working
# copies over these folders for development.
COPY --chown=airflow:0 include /opt/airflow/include
COPY --chown=airflow:0 dags /opt/airflow/dags
COPY --chown=airflow:0 plugins /opt/airflow/plugins

# `import include.governance` from DAGs, tasks, the plugin and `python -m include.demo`.
ENV PYTHONPATH=/opt/airflow \
    GOVERNANCE_REPORTS_DIR=/opt/airflow/reports

# The official image's entrypoint, as it is: the pseudonymisation keys reach the tasks
# through Airflow's local-filesystem secrets backend (docker-compose.yml), never through an
# environment variable that every process of the container would inherit.
